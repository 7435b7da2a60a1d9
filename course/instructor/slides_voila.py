"""The lesson as a live slideshow in Voila, where the exercise widgets work.

jupyterlab-rise 0.43.1 (the RISE slideshow of JupyterLab 4) cannot load the ipywidgets 8 widget
manager: its prebuilt app does not share ``@jupyterlab/console``, which every
``@jupyter-widgets/jupyterlab-manager`` 5.x requires, so each exercise shows its text
placeholder (upstream jupyterlab-contrib/rise issue 119, open). This module serves the lesson with
Voila instead, through the ``crm-slides`` template shipped in this package (``voila_slides/``):
Voila runs every cell and its widgets stay live; the template groups the cells into slides by the
slideshow metadata ``tools/slideshow.py`` writes (``slide``/``subslide`` start a slide, ``skip``
is not shown) and shows one slide at a time with Previous/Next buttons, the arrow keys and a
counter. Nothing is downloaded: no reveal.js, no CDN of our own.
"""
from __future__ import annotations

import importlib.util
import os
import subprocess
from pathlib import Path

from course.errors import InputError
from course.instructor.present import check_port_free, present_env, voila_command
from course.messages import both

TEMPLATE = "crm-slides"
# A Jupyter data folder holding voila/templates/crm-slides; put first on JUPYTER_PATH so that
# Voila finds the template without installing anything into share/jupyter.
DATA_DIR = Path(__file__).resolve().parent / "voila_slides"


def slides_env(lang: str | None = None, base: dict | None = None) -> dict[str, str]:
    """The environment of ``crm-course present`` (presenter on, class mode) plus the template's
    data folder first on ``JUPYTER_PATH``."""
    env = present_env(lang, base)
    previous = env.get("JUPYTER_PATH")
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(DATA_DIR), previous) if p)
    return env


def slides_command(notebook: Path, port: int, open_browser: bool = False) -> list[str]:
    """Voila's command line of ``present`` with the slide template."""
    return [*voila_command(notebook, port, open_browser), f"--template={TEMPLATE}"]


def serve_slides(notebook: Path, port: int, open_browser: bool = False,
                 lang: str | None = None) -> int:
    """Run Voila on the lesson as slides until Ctrl+C; returns Voila's exit status (as
    ``present.serve`` does for the scrolling page)."""
    if importlib.util.find_spec("voila") is None:
        raise InputError(both("voila_missing"))
    check_port_free(port)
    print(f"Presenting {notebook.name} as slides at http://127.0.0.1:{port}/ (Ctrl+C stops). "
          f"正在 http://127.0.0.1:{port}/ 以幻灯片放映 {notebook.name}（按 Ctrl+C 结束）。",
          flush=True)
    proc = subprocess.Popen(slides_command(notebook, port, open_browser), cwd=notebook.parent,
                            env=slides_env(lang))
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        return 0
