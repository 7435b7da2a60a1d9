"""Shared real-browser fixtures: Debian's Chromium driven by Playwright, and a Voila server."""
from __future__ import annotations

import itertools
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from support import (  # noqa: F401
    VoilaServer,
    free_port,
    missing,
    serve_copy,
    stop_in_background,
    wait_for_port,
    wait_for_stops,
)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
VOILA_START_TIMEOUT = 60.0


def chromium_path() -> str | None:
    path = os.environ.get("CRM_COURSE_CHROMIUM", CHROMIUM)
    return path if os.path.isfile(path) and os.access(path, os.X_OK) else None


@pytest.fixture(scope="module")
def browser(request):
    """A headless Chromium (Debian's), shared by one test module; no network but localhost.

    Module scope, not session: Playwright's sync API keeps an asyncio loop marked as running
    in the main thread while it is open, which would mislead the widget tests run after it."""
    path = chromium_path()
    if path is None:
        missing(request.config, "browser", f"no Chromium at {os.environ.get('CRM_COURSE_CHROMIUM', CHROMIUM)}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing(request.config, "browser", "the playwright Python package is not installed")
    with sync_playwright() as pw:
        try:
            chromium = pw.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS,
                                          headless=True)
        except Exception as exc:  # a broken install must say what is wrong
            missing(request.config, "browser", f"Chromium did not start ({type(exc).__name__}: {exc})")
        yield chromium
        chromium.close()


@pytest.fixture(scope="session", autouse=True)
def servers_stopped():
    """At the session's end, after the shared servers' own teardowns: every server stopped in
    the background (``stop_in_background``: a test's teardown does not wait for it) has
    stopped, or the session ends with an error naming it."""
    yield
    wait_for_stops()


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


@pytest.fixture
def voila(tmp_path):
    """Start Voila for notebooks: ``server = voila(folder_or_files, env={...})``.

    The notebooks are served from a temporary copy (Voila and Jupyter write next to them) with
    a private CRM_COURSE_HOME; every server started is stopped after the test.
    """
    servers: list[VoilaServer] = []

    def start(*sources, env: dict | None = None, extra: tuple[str, ...] = ()) -> VoilaServer:
        folder = serve_copy(sources, tmp_path / f"served-{len(servers)}")
        server = VoilaServer(folder, tmp_path / f"home-{len(servers)}", env=env,
                             extra=("--show_tracebacks=True", *extra),
                             start_timeout=VOILA_START_TIMEOUT)
        servers.append(server)
        return server

    yield start
    for server in servers:  # the next test need not wait for its kernels to shut down
        stop_in_background(server.stop, "a test's Voila server")


@dataclass
class ServedFolder:
    """One test's folder on the shared Voila server: ``url(name)`` is a notebook's page."""

    server: VoilaServer
    folder: Path  # the copy served (a page's kernel runs here: Voila starts it in its folder)

    def url(self, notebook: str) -> str:
        return self.server.url(f"{self.folder.name}/{notebook}")

    def log_text(self) -> str:
        return self.server.log_text()


@pytest.fixture(scope="session")
def shared_voila(tmp_path_factory):
    """``served = shared_voila(folder_or_files)``: the notebooks in a folder of their own on one
    Voila server for the whole test process (each xdist worker is a session of its own), not a
    server each: a Voila start is 5-10 s of the busy 2-core machine (issue 24).

    Each call gets a new folder under the server's root (Voila reads a notebook when its page
    is asked for), and each page its own kernel, as with ``voila``. The learner home is shared
    by every page of the server: a test that reads the progress store starts its own server
    (``voila``). The server is started by the first call and stopped at the session's end.
    """
    root = tmp_path_factory.mktemp("shared-voila")
    served = root / "served"
    served.mkdir()
    state: dict = {"server": None, "count": itertools.count(1)}

    def serve(*sources) -> ServedFolder:
        folder = serve_copy(sources, served / f"t{next(state['count'])}")
        if state["server"] is None:
            state["server"] = VoilaServer(served, root / "home",
                                          extra=("--show_tracebacks=True",),
                                          start_timeout=VOILA_START_TIMEOUT)
        return ServedFolder(state["server"], folder)

    yield serve
    if state["server"] is not None:
        stop_in_background(state["server"].stop, "the shared Voila server")


REPO = Path(__file__).resolve().parents[2]
PRESENT_START_TIMEOUT = 90.0  # s; `crm-course present` start-up on a busy machine


@pytest.fixture(scope="session")
def presenting(tmp_path_factory):
    """``url = presenting("01")``: `crm-course present NN` of this course, started once per
    lesson for the test process, and the lesson's page. test_voila_a11y.py (desktop and phone)
    and test_present.py (the projector) open their own pages of lesson 01, each with its own
    kernel, on one server (the root conftest.py keeps the two files on one xdist worker): one
    start each instead of one a file (issue 24). Their learner home is shared: none of them
    reads it. Every process started is stopped at the session's end."""
    import subprocess
    import sys

    from support import stop_process

    started, urls = [], {}
    tmp_path = tmp_path_factory.mktemp("present")

    def start(lesson: str) -> str:
        if lesson in urls:
            return urls[lesson]
        port = free_port()
        env = dict(os.environ, CRM_COURSE_HOME=str(tmp_path / f"home-{lesson}"))
        for name in ("CRM_COURSE_MODE", "CRM_COURSE_PRESENTER", "CRM_COURSE_BANK"):
            env.pop(name, None)
        env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
        log = open(tmp_path / f"present-{lesson}.log", "wb")  # noqa: SIM115 - closed below
        proc = subprocess.Popen([sys.executable, "-m", "course", "present", lesson, "--source",
                                 str(REPO), "--port", str(port)],
                                env=env, stdout=log, stderr=subprocess.STDOUT)
        started.append((proc, log))
        wait_for_port(port, proc, PRESENT_START_TIMEOUT, what="crm-course present")
        name = next((REPO / "notebooks").glob(f"{lesson}-*.ipynb")).name
        urls[lesson] = f"http://127.0.0.1:{port}/voila/render/{name}"
        return urls[lesson]

    yield start

    def stop(proc, log) -> None:
        stop_process(proc, timeout=30)
        log.close()

    for proc, log in started:
        stop_in_background(lambda p=proc, f=log: stop(p, f), "crm-course present")


@pytest.fixture(scope="session")
def shared_lab(tmp_path_factory):
    """``server, name = shared_lab()``: one JupyterLab server for the test process (started
    by the first call, stopped at the session's end) and a new folder name under its root for
    the caller's notebooks: a JupyterLab start is 10-20 s of the busy 2-core machine (issue
    24). Its learner home is shared by the tests that use it."""
    from browser.test_lab_lesson import LabServer  # (tests is on the path)

    root = tmp_path_factory.mktemp("shared-lab")
    (root / "notebooks").mkdir()
    state: dict = {"server": None, "count": itertools.count(1)}

    def folder():
        if state["server"] is None:
            state["server"] = LabServer(root / "notebooks", root / "home")
        return state["server"], f"t{next(state['count'])}"

    yield folder
    server = state["server"]

    def stop() -> None:
        server.stop()
        assert server.proc.poll() is not None, "the JupyterLab server is still running"

    if server is not None:
        stop_in_background(stop, "the shared JupyterLab server")
