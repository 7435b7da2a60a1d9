"""Shared real-browser fixtures: Debian's Chromium driven by Playwright, and a Voila server."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from course.instructor.present import VOILA_OPTIONS

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
REQUIRE_VAR = "CRM_COURSE_REQUIRE_BROWSER"
VOILA_START_TIMEOUT = 60.0


def _missing_browser(reason: str):
    """Skip loudly, or fail when CI requires the browser tests to run."""
    message = (
        f"BROWSER TESTS NOT RUN: {reason}. Install Debian's chromium (apt-get install -y "
        f"chromium) and the playwright Python package; CI sets {REQUIRE_VAR}=1 and then this "
        "is a failure."
    )
    if os.environ.get(REQUIRE_VAR, "") not in ("", "0"):
        pytest.fail(message, pytrace=False)
    sys.stderr.write(f"\n{'!' * 78}\n{message}\n{'!' * 78}\n")
    pytest.skip(message)


def chromium_path() -> str | None:
    path = os.environ.get("CRM_COURSE_CHROMIUM", CHROMIUM)
    return path if os.path.isfile(path) and os.access(path, os.X_OK) else None


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium (Debian's), shared by one test module; no network but localhost.

    Module scope, not session: Playwright's sync API keeps an asyncio loop marked as running
    in the main thread while it is open, which would mislead the widget tests run after it."""
    path = chromium_path()
    if path is None:
        _missing_browser(f"no Chromium at {os.environ.get('CRM_COURSE_CHROMIUM', CHROMIUM)}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing_browser("the playwright Python package is not installed")
    with sync_playwright() as pw:
        try:
            chromium = pw.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS,
                                          headless=True)
        except Exception as exc:  # a broken install must say what is wrong
            _missing_browser(f"Chromium did not start ({type(exc).__name__}: {exc})")
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page whose requests to the internet are aborted (no CDN fonts, no waiting)."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    context.route("https://**", lambda route: route.abort())
    pg = context.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.dialogs = dialogs
    yield pg
    context.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"Voila exited early with code {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"Voila did not listen on port {port} within {timeout:.0f} s")


def _options(base, extra) -> list[str]:
    """``base`` with the options of ``extra`` in place of those of the same name (traitlets
    refuses an option given twice)."""
    merged = {option.split("=", 1)[0]: option for option in base}
    merged.update({option.split("=", 1)[0]: option for option in extra})
    return list(merged.values())


class VoilaServer:
    """A Voila server for one notebook folder; ``url(name)`` is a notebook's page.

    Started with the options ``crm-course present`` uses (progressive rendering), so the tests
    see the page a class sees."""

    def __init__(self, folder: Path, home: Path, env: dict | None = None,
                 extra: tuple[str, ...] = ()):
        self.folder = folder
        self.home = home
        self.port = free_port()
        self.log = tempfile.NamedTemporaryFile(prefix="voila-", suffix=".log", delete=False)
        run_env = dict(os.environ, CRM_COURSE_HOME=str(home), **(env or {}))
        repo = str(Path(__file__).resolve().parents[2])
        run_env["PYTHONPATH"] = repo + os.pathsep + run_env.get("PYTHONPATH", "")
        voila = Path(sys.executable).with_name("voila")
        command = [str(voila)] if voila.exists() else [sys.executable, "-m", "voila"]
        self.proc = subprocess.Popen(
            command + ["--no-browser", f"--port={self.port}", "--Voila.ip=127.0.0.1",
                       "--show_tracebacks=True", *_options(VOILA_OPTIONS, extra)],
            cwd=folder, env=run_env, stdout=self.log, stderr=subprocess.STDOUT,
        )
        try:
            wait_for_port(self.port, self.proc, VOILA_START_TIMEOUT)
        except RuntimeError:
            self.stop()
            raise

    def url(self, notebook: str) -> str:
        return f"http://127.0.0.1:{self.port}/voila/render/{notebook}"

    def kernels(self) -> int:
        """How many kernels this server runs now (its child processes)."""
        import psutil

        try:
            return len(psutil.Process(self.proc.pid).children(recursive=True))
        except psutil.Error:
            return 0

    def log_text(self) -> str:
        return Path(self.log.name).read_text(errors="replace")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        self.log.close()


@pytest.fixture
def voila(tmp_path):
    """Start Voila for notebooks: ``server = voila(folder_or_files, env={...})``.

    The notebooks are served from a temporary copy (Voila and Jupyter write next to them) with
    a private CRM_COURSE_HOME; every server started is stopped after the test.
    """
    servers: list[VoilaServer] = []

    def start(*sources, env: dict | None = None, extra: tuple[str, ...] = ()) -> VoilaServer:
        folder = tmp_path / f"served-{len(servers)}"
        folder.mkdir()
        for source in sources:
            source = Path(source)
            if source.is_dir():
                shutil.copytree(source, folder, dirs_exist_ok=True)
            else:
                shutil.copy2(source, folder / source.name)
        server = VoilaServer(folder, tmp_path / f"home-{len(servers)}", env, extra)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()
