"""The live-class dashboard on the real hub, in Chromium: the instructor logs in with the hub's
login form and reaches /services/live/ through the hub's OAuth, watches the counts grow while
three students (their own hub API tokens) post, presses reveal, and a learner's class-mode
widget (joined to the hub's service with a student's token) shows the solution.

In tests/hub, not tests/browser, so that it shares the one hub of the ``hub`` fixture; the
Chromium fixtures are those of tests/browser/conftest.py (imported below).
"""
from __future__ import annotations

import importlib.util
import sqlite3
import sys
import threading
import time
from pathlib import Path

import pytest
import requests
from support import fresh_learner_home, reveal_everywhere, wait_until

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("crm_browser_fixtures",
                                               REPO / "tests" / "browser" / "conftest.py")
_browser_fixtures = importlib.util.module_from_spec(_spec)
# registered before it runs: a dataclass in it looks its module up in sys.modules
sys.modules.setdefault(_spec.name, _browser_fixtures)
_spec.loader.exec_module(_browser_fixtures)
browser = _browser_fixtures.browser  # the shared Chromium fixtures, used here by name
page = _browser_fixtures.page

pytestmark = [pytest.mark.hub, pytest.mark.browser]
LESSON, EXERCISE = "02-idic", "idic-differentiate"  # a class-mode multiple choice
ANSWERS = ([0, 1, 2], [0, 1], [2, 3])


def _attempts(hub, exercise: str | None = None) -> int:
    """Attempts in the service's session file (of one exercise, or all)."""
    with sqlite3.connect(f"file:{hub.base / 'live' / 'session.sqlite3'}?mode=ro",
                         uri=True) as db:
        if exercise is None:
            return db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0]
        return db.execute("SELECT COUNT(*) FROM attempts WHERE exercise_id = ?",
                          (exercise,)).fetchone()[0]


@pytest.fixture
def learner(hub, tmp_path, monkeypatch):
    """This process as a fourth learner's kernel: the third student's token, a private home."""
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", hub.user_token(hub.students[2], "widget"))
    for name in ("CRM_COURSE_MODE", "CRM_COURSE_LIVE_URL", "CRM_COURSE_LIVE_CODE"):
        monkeypatch.delenv(name, raising=False)
    with fresh_learner_home(tmp_path / "home", monkeypatch):
        yield
        from course.live import client

        client.leave()


def _number(page, selector: str) -> int:
    return int(page.inner_text(selector))


def test_the_dashboard_on_the_hub_counts_and_reveals(hub, page, learner):
    import course
    from course import session as state
    from course.exercises.loader import load_bank

    # the instructor: the hub's login form, then OAuth to the service, then the dashboard
    page.goto(f"{hub.url}/hub/login?next=/services/live/")
    page.fill("#username_input", hub.instructor)
    page.fill("#password_input", "any")
    page.click("#login_submit")
    page.wait_for_selector("#n-attempts", timeout=30000)
    assert page.url == hub.live_url
    page.select_option("#choose", EXERCISE)
    page.wait_for_selector("#answered")
    start = _attempts(hub, EXERCISE)

    # the widget's learner joins the hub's service (no code: the hub says who they are)
    client = course.join(hub.live_url)
    assert client is not None and client.token and client.code is None
    state.set_mode("class")
    widget = load_bank(REPO / "exercises" / f"{LESSON}.yaml").lessons[LESSON][EXERCISE].widget

    tokens = [hub.user_token(s, "simulated") for s in hub.students]
    posted, stop = [], threading.Event()

    def learners():
        http = requests.Session()
        for i in range(45):
            if stop.is_set():
                return
            r = http.post(hub.live_url + "api/attempt",
                          json={"exercise_id": EXERCISE, "response": ANSWERS[i % 3]},
                          headers={"Authorization": f"token {tokens[i % 3]}"}, timeout=30)
            posted.append(r.status_code)
            time.sleep(0.08)  # paces the posts (not synchronisation)

    poster = threading.Thread(target=learners)
    poster.start()
    seen = []
    while poster.is_alive() and len(seen) < 200:
        seen.append(_number(page, "#n-attempts"))
        page.wait_for_timeout(250)
    poster.join(60)
    stop.set()
    widget.answer([0, 1]).check()
    assert client.wait_sent(20) and client.sent == 1, client.last_error
    assert posted == [200] * 45
    assert _attempts(hub, EXERCISE) == start + 46
    total = _attempts(hub)
    # polled from here: the page's CSP forbids wait_for_function's eval
    wait_until(lambda: _number(page, "#n-attempts") >= total, 5, what="the dashboard's count",
               interval=0.1)
    assert _number(page, "#n-attempts") == total
    grew = sorted(set(seen))
    assert len(grew) >= 3 and seen == sorted(seen), seen  # it grew while they posted
    assert _number(page, "#answered") == 3  # three hub users (the widget is the third's too)
    assert not widget.solution_shown

    opening = course.lesson(LESSON)[EXERCISE].solution.en.split(",")[0]  # the bank's own text
    reveal_everywhere(page, widget, opening, 15, "live-dashboard-hub.png")
