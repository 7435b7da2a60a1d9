"""The live-class dashboard in Chromium (LAN mode): live counts while learners post, reveal
reaching a learner's class-mode widget, and learner text escaped (no dialog fires)."""
from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "live"))

from live_helpers import GALLERY, Live  # noqa: E402
from support import fresh_learner_home, reveal_everywhere, wait_until  # noqa: E402

pytestmark = pytest.mark.browser
XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture
def fresh_live(tmp_path, monkeypatch):
    for name in ("CRM_COURSE_MODE", "CRM_COURSE_LIVE_URL"):
        monkeypatch.delenv(name, raising=False)
    with fresh_learner_home(tmp_path / "home", monkeypatch):
        service = Live(tmp_path / "class.sqlite3")
        yield service
        from course.live import client

        client.leave()
        service.stop()


def _open(page, live):
    page.goto(f"{live.url}?token={live.auth.instructor_token}")
    page.wait_for_selector("#n-attempts")


def test_learner_text_is_escaped(page, fresh_live):
    live = fresh_live
    token = live.join(XSS)  # a name too
    assert live.post(token, "gallery-cloze", [XSS, XSS, "three"])[0] == 200
    live.store.set_setting("show_names", "1")
    _open(page, live)
    page.select_option("#choose", "gallery-cloze")
    page.wait_for_selector("#exercise .bar-row")
    page.wait_for_timeout(700)  # one more poll, with names on
    text = page.inner_text("#view")
    assert XSS in text  # shown as text...
    assert page.locator("#view img").count() == 0  # ...never as an element
    assert page.dialogs == []


def test_live_counts_and_reveal_reach_a_learner_widget(page, fresh_live):
    import course
    from course import session
    from course.exercises.loader import load_bank

    live = fresh_live
    tokens = [live.join(f"learner {i}") for i in range(6)]
    stop = threading.Event()

    def learners():
        i = 0
        while not stop.is_set() and i < 60:
            live.post(tokens[i % 6], "gallery-multiple", [[0, 1, 3], [2], [0, 1]][i % 3])
            i += 1
            time.sleep(0.05)

    poster = threading.Thread(target=learners)
    poster.start()
    client = course.join(live.url, live.auth.join_code, "Widget Learner")
    session.set_mode("class")
    widget = load_bank(GALLERY).lessons["00-gallery"]["gallery-multiple"].widget
    widget.answer([0, 1]).check()
    _open(page, live)
    page.select_option("#choose", "gallery-multiple")
    page.wait_for_selector("#answered")
    seen = int(page.inner_text("#n-attempts"))
    poster.join(20)
    stop.set()
    assert client.wait_sent(10)
    total = live.store.count()
    # (the page's CSP forbids wait_for_function's eval: poll its text)
    wait_until(lambda: page.inner_text("#n-attempts") == str(total), 5,
               what=f"the dashboard counting {total} attempts", interval=0.1)
    assert seen <= total and total == 60 + 1  # the posting thread's 60 and the widget's 1
    assert page.inner_text("#answered") == "7"
    assert not widget.solution_shown
    reveal_everywhere(page, widget, "A, B and D", 10, "live-dashboard.png")
