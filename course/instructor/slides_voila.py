"""The lesson as a live slideshow in Voila, where the exercise widgets work.

jupyterlab-rise 0.43.1 (the RISE slideshow of JupyterLab 4) cannot load the ipywidgets 8 widget
manager: its prebuilt app does not share ``@jupyterlab/console``, which every
``@jupyter-widgets/jupyterlab-manager`` 5.x requires, so each exercise shows its text
placeholder (upstream jupyterlab-contrib/rise issue 119, open). This module serves the lesson with
Voila instead, through the ``crm-slides`` template shipped in this package (``voila_slides/``):
Voila runs every cell and its widgets stay live; the template groups the cells into slides by the
slideshow metadata ``tools/slideshow.py`` writes (``slide``/``subslide`` start a slide,
``fragment`` is a step shown on Next, ``skip`` is not shown, ``notes`` only in the presenter view)
and shows one slide at a time with Previous/Next buttons, the arrow keys and a counter. Key S
opens the presenter view: a window the page writes itself (no second kernel) with the slide's
notes and sample answers, the next step or slide and the time, synced both ways. Nothing is
downloaded: no reveal.js, no CDN of our own.
"""
from __future__ import annotations

from pathlib import Path

from course.instructor.present import present_env, serve, voila_command

TEMPLATE = "crm-slides"
# A Jupyter data folder holding voila/templates/crm-slides; put first on JUPYTER_PATH so that
# Voila finds the template without installing anything into share/jupyter.
DATA_DIR = Path(__file__).resolve().parent / "voila_slides"


def slides_env(lang: str | None = None, base: dict | None = None) -> dict[str, str]:
    """The environment of ``crm-course present`` (presenter on, class mode) with the template's
    data folder first on ``JUPYTER_PATH``."""
    return present_env(lang, base, data_dirs=(DATA_DIR,))


def slides_command(notebook: Path, port: int) -> list[str]:
    """Voila's command line of ``present`` (the lessons' folder, local address only) with the
    slide template."""
    return voila_command(notebook, port, template=TEMPLATE)


def serve_slides(notebook: Path, port: int, open_browser: bool = False,
                 lang: str | None = None) -> int:
    """``present.serve`` with the slide template: Voila runs until Ctrl+C, SIGTERM or SIGHUP,
    which stop it and its kernels; the lesson is at ``/voila/render/<notebook>``."""
    return serve(notebook, port, open_browser, lang, template=TEMPLATE, data_dirs=(DATA_DIR,))
