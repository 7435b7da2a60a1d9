"""Shared real-browser fixtures: Debian's Chromium driven by Playwright, and a Voila server."""
from __future__ import annotations

import os

import pytest
from support import VoilaServer, free_port, missing, serve_copy, wait_for_port  # noqa: F401

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
    for server in servers:
        server.stop()
