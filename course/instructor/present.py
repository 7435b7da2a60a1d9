"""Class mode: serve one lesson with Voila for projection, code hidden, reveal controls on."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

from course import paths
from course.errors import InputError
from course.messages import both

DEFAULT_PORT = 8866
# Voila's options for a lesson: progressive rendering sends the page at once and shows each
# cell's output as soon as it has run, so the first exercise does not wait for the last cell
# (by default Voila hides the page until every cell has run).
#
# Kernel culling: a standalone Voila 0.5 sets no _xsrf cookie, so it refuses the shutdown its
# own page asks for when it is closed or reloaded (403, "'_xsrf' argument missing"), and every
# closed page would keep its kernel (about 160 MB) until the server stops. A kernel with no page
# connected and idle for KERNEL_CULL_S is shut down instead; a page left open, however long,
# keeps its kernel (connected kernels are never culled).
KERNEL_CULL_S = 900
VOILA_OPTIONS = ("--VoilaConfiguration.progressive_rendering=True",
                 f"--MappingKernelManager.cull_idle_timeout={KERNEL_CULL_S}",
                 "--MappingKernelManager.cull_interval=60",
                 "--MappingKernelManager.cull_connected=False")


def resolve_notebook(lesson: str, notebooks: Path) -> Path:
    """The lesson notebook named by its number ("4", "04") or slug ("04-customer-grading")."""
    lesson = str(lesson).strip()
    if lesson.endswith(".ipynb"):
        lesson = lesson[: -len(".ipynb")]
    lesson = Path(lesson).name
    found = sorted(p for p in notebooks.glob("*.ipynb") if p.stem[:2].isdigit())
    if lesson.isdigit():
        matches = [p for p in found if p.stem.split("-", 1)[0] == f"{int(lesson):02d}"]
    else:
        matches = [p for p in found if p.stem == lesson]
        if not matches:
            matches = [p for p in found if p.stem.split("-", 1)[-1] == lesson
                       or p.stem.startswith(lesson + "-")]
    known = ", ".join(p.stem for p in found) or "none"
    if not matches:
        raise InputError(both("unknown_lesson", lesson=lesson, folder=notebooks, known=known))
    if len(matches) > 1:
        raise InputError(both("ambiguous_lesson", lesson=lesson,
                              matches=", ".join(p.stem for p in matches)))
    return matches[0]


def check_port(port) -> int:
    try:
        value = int(port)
    except (TypeError, ValueError):
        value = -1
    if not 1024 <= value <= 65535:
        raise InputError(both("bad_port", port=port))
    return value


def check_port_free(port: int) -> None:
    """Refuse a port another program already listens on, before Voila starts."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            raise InputError(both("port_in_use", port=port)) from None


def present_env(lang: str | None = None, base: dict | None = None) -> dict[str, str]:
    """The environment of the Voila server and its kernels: presenter on, class mode."""
    env = dict(os.environ if base is None else base)
    env[paths.PRESENTER] = "1"
    env[paths.MODE] = "class"
    if lang:
        env[paths.LANG] = lang
    return env


def voila_command(notebook: Path, port: int, open_browser: bool = False) -> list[str]:
    """The Voila command line: local address only, code hidden (Voila's default), each cell
    shown as soon as it has run (``VOILA_OPTIONS``)."""
    cmd = [sys.executable, "-m", "voila", str(notebook), f"--port={port}",
           "--Voila.ip=127.0.0.1", "--Voila.port_retries=0", *VOILA_OPTIONS]
    if not open_browser:
        cmd.append("--no-browser")
    return cmd


def serve(notebook: Path, port: int = DEFAULT_PORT, open_browser: bool = False,
          lang: str | None = None) -> int:
    """Run Voila on the lesson until Ctrl+C; returns Voila's exit status."""
    if importlib.util.find_spec("voila") is None:
        raise InputError(both("voila_missing"))
    check_port_free(port)
    cmd = voila_command(notebook, port, open_browser)
    print(f"Presenting {notebook.name} at http://127.0.0.1:{port}/ (Ctrl+C stops). "
          f"正在 http://127.0.0.1:{port}/ 放映 {notebook.name}（按 Ctrl+C 结束）。", flush=True)
    proc = subprocess.Popen(cmd, cwd=notebook.parent, env=present_env(lang))
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        return 0
