"""Fixtures for the live-class tests: a service on loopback, fresh learner state."""
from __future__ import annotations

import pytest
from live_helpers import Live
from support import fresh_learner_home


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """A private CRM_COURSE_HOME, no live-class variables, session state reset."""
    for name in ("CRM_COURSE_MODE", "CRM_COURSE_LIVE_URL", "CRM_COURSE_LIVE_CODE",
                 "JUPYTERHUB_API_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    with fresh_learner_home(tmp_path / "home", monkeypatch) as home:
        yield home
        from course.live import client

        client.leave()


@pytest.fixture
def live(tmp_path):
    """A LAN-mode service with the widget gallery's bank; stopped after the test."""
    services = []

    def start(name: str = "session.sqlite3") -> Live:
        services.append(Live(tmp_path / name))
        return services[-1]

    first = start()
    first.restart = start
    yield first
    for s in services:
        s.stop()
