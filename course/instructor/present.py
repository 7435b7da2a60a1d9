"""Class mode: serve one lesson with Voila for projection, code hidden, reveal controls on."""
from __future__ import annotations

import importlib.util
import os
import signal
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
    """The lesson notebook named by its number ("4", "04") or slug ("04-customer-grading"), or
    the workshop by its number ("w4", "W04") or slug ("w04-grading-workshop")."""
    import re

    lesson = str(lesson).strip()
    if lesson.endswith(".ipynb"):
        lesson = lesson[: -len(".ipynb")]
    lesson = Path(lesson).name
    found = sorted(p for p in notebooks.glob("*.ipynb") if re.match(r"w?\d\d", p.stem))
    if lesson.isdigit():
        matches = [p for p in found if p.stem.split("-", 1)[0] == f"{int(lesson):02d}"]
    elif re.fullmatch(r"[wW]\d{1,2}", lesson):
        matches = [p for p in found if p.stem.split("-", 1)[0] == f"w{int(lesson[1:]):02d}"]
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
        if os.name == "posix":  # as Voila binds: a port whose last server just stopped
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # (TIME_WAIT) is free
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            raise InputError(both("port_in_use", port=port)) from None


#: Voila's template for the projector (course/instructor/jupyter/voila/templates, found through JUPYTER_PATH):
#: the lab template with the page in a <main> landmark and the presenter style.
TEMPLATE = "crm-present"
TEMPLATE_ROOT = Path(__file__).resolve().parent / "jupyter"
#: How long Voila gets to shut its kernels down after SIGTERM before it is killed.
STOP_TIMEOUT_S = 15


def present_env(lang: str | None = None, base: dict | None = None,
                data_dirs: tuple[Path, ...] = ()) -> dict[str, str]:
    """The environment of the Voila server and its kernels: presenter on, class mode, and the
    presenter template on Jupyter's data path (after ``data_dirs``: other templates' folders,
    e.g. the slides')."""
    env = dict(os.environ if base is None else base)
    env[paths.PRESENTER] = "1"
    env[paths.MODE] = "class"
    if lang:
        env[paths.LANG] = lang
    known = env.get("JUPYTER_PATH", "")
    env["JUPYTER_PATH"] = os.pathsep.join(
        [*(str(d) for d in data_dirs), str(TEMPLATE_ROOT), *([known] if known else [])])
    return env


def voila_command(notebook: Path, port: int, template: str = TEMPLATE) -> list[str]:
    """The Voila command line: the lesson's folder (so that the header's Contents and Next
    links open the other lessons: Voila given one notebook answers 403 to any other), local
    address only, code hidden (Voila's default), each cell shown as soon as it has run
    (``VOILA_OPTIONS``), the presenter template. A browser, if asked for, is opened on the
    lesson by ``serve``, not on Voila's file list."""
    return [sys.executable, "-m", "voila", str(notebook.parent), f"--port={port}",
            "--Voila.ip=127.0.0.1", "--Voila.port_retries=0", f"--template={template}",
            "--theme=light", "--no-browser", *VOILA_OPTIONS]


def lesson_url(notebook: Path, port: int) -> str:
    """The lesson's page on the presenting Voila server."""
    from urllib.parse import quote

    return f"http://127.0.0.1:{port}/voila/render/{quote(notebook.name)}"


class _Stop(Exception):
    """SIGTERM, SIGINT or SIGHUP reached ``serve``: stop Voila."""


def _raise_stop(signum, _frame):
    raise _Stop(signum)


def stop_voila(proc: subprocess.Popen, timeout: float = STOP_TIMEOUT_S) -> None:
    """Stop Voila: SIGTERM lets it shut its kernels down and free the port; killed (with the
    process group it leads) when it has not ended within ``timeout`` seconds."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        if hasattr(os, "killpg"):
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                pass
        proc.kill()
        proc.wait(timeout=5)


def _handle_stop_signals():
    """SIGTERM, SIGINT (also where it was ignored: a command started in the background by a
    script) and SIGHUP where there is one raise ``_Stop`` in ``serve``; returns what to put
    back."""
    saved = {}
    for name in ("SIGTERM", "SIGINT", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is not None:
            saved[signum] = signal.signal(signum, _raise_stop)
    return saved


def serve(notebook: Path, port: int = DEFAULT_PORT, open_browser: bool = False,
          lang: str | None = None, template: str = TEMPLATE,
          data_dirs: tuple[Path, ...] = ()) -> int:
    """Run Voila on the lesson until Ctrl+C, SIGTERM or SIGHUP, which stop Voila and its
    kernels too (the port is free again at once); returns 0 then, else Voila's exit status.
    ``template`` and ``data_dirs``: another Voila template and the folders it is found in (the
    slides of ``--slides``)."""
    if importlib.util.find_spec("voila") is None:
        raise InputError(both("voila_missing"))
    check_port_free(port)
    url = lesson_url(notebook, port)
    print(f"Presenting {notebook.name} at {url} (Ctrl+C stops). "
          f"正在 {url} 放映 {notebook.name}（按 Ctrl+C 结束）。", flush=True)
    saved = _handle_stop_signals()
    proc = None
    try:
        # its own session: a Ctrl+C in the terminal reaches this process only, which then
        # stops Voila once (Voila itself would ask "Shutdown this Voila server (y/[n])?")
        proc = subprocess.Popen(voila_command(notebook, port, template), cwd=notebook.parent,
                                env=present_env(lang, data_dirs=data_dirs),
                                start_new_session=os.name == "posix")
        if open_browser:
            _open_when_ready(url, port, proc)
        return proc.wait()
    except (KeyboardInterrupt, _Stop):
        return 0
    finally:
        if proc is not None:
            stop_voila(proc)
        for signum, handler in saved.items():
            signal.signal(signum, handler)


def _open_when_ready(url: str, port: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    """Open a browser on the lesson once Voila listens (a TCP connect: a GET starts a kernel)."""
    import socket
    import time
    import webbrowser

    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        except OSError:
            time.sleep(0.2)
            continue
        webbrowser.open(url)
        return
