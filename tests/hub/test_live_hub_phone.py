"""The learner page on the real hub, in Chromium: the dashboard shows the QR code and link of the
address the hub gives its service (``c.JupyterHub.public_url`` -> ``$JUPYTERHUB_PUBLIC_URL``);
a phone opens that link through the hub's proxy, signs in with the hub's login form, answers the
question the instructor puts up and sees its result after the reveal.

Shares the one hub of the ``hub`` fixture (not the ``classroom``: no student server is needed).
CRM_LIVE_SCREENSHOTS=folder writes live-dashboard-hub-qr.png there (docs/).
"""
from __future__ import annotations

import os
import sqlite3

import pytest
from support import wait_until
from test_live_hub_browser import browser  # noqa: F401 - the Chromium fixture, by its name

pytestmark = [pytest.mark.hub, pytest.mark.browser]
# a class-mode true/false no other hub test posts (the control keeps it up after this test)
EXERCISE = "buyers-format-tf"
PHONE = {"width": 390, "height": 844}
TIMEOUT_MS = 60_000


def _answers(hub) -> list[tuple]:
    with sqlite3.connect(f"file:{hub.base / 'live' / 'session.sqlite3'}?mode=ro",
                         uri=True) as db:
        return db.execute("SELECT learner, response, correct FROM attempts WHERE "
                          "exercise_id = ?", (EXERCISE,)).fetchall()


def _sign_in(page, url: str, user: str) -> None:
    """Open ``url``; the service sends the browser to the hub's login form, then back."""
    page.goto(url)
    page.wait_for_selector("#username_input", timeout=TIMEOUT_MS)
    page.fill("#username_input", user)
    page.fill("#password_input", "any")
    page.click("#login_submit")


def _context(chromium, **kw):
    context = chromium.new_context(**kw)
    context.route("https://**", lambda route: route.abort())
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    return context, page


def test_a_phone_answers_through_the_hub_by_the_dashboards_qr_link(hub, browser):  # noqa: F811
    learn = hub.live_url + "learn"  # the hub's public_url + the service's prefix
    teacher_ctx, teacher = _context(browser, viewport={"width": 1920, "height": 1080})
    phone_ctx, phone = _context(browser, viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        _sign_in(teacher, hub.live_url, hub.instructor)
        teacher.wait_for_selector("#join:not([hidden])")
        assert teacher.inner_text("#learn-url") == learn
        qr = teacher.locator("#join svg[role=img]")
        assert learn in qr.get_attribute("aria-label")
        assert teacher.is_hidden("#code") and teacher.is_visible("#hub-note")  # no join code
        teacher.select_option("#choose", EXERCISE)
        teacher.click("#put")
        teacher.wait_for_selector("#open:not([disabled])")
        teacher.click("#open")

        student = hub.students[0]
        _sign_in(phone, learn, student)  # the QR link, the hub's login, back to the page
        phone.wait_for_selector(f"#answer[data-exercise='{EXERCISE}'] #send:not([disabled])")
        assert phone.url.startswith(learn)
        # the service's cookies stay under its prefix: the hub's pages keep their own _xsrf
        mine = [c for c in phone_ctx.cookies() if c["name"] == "_xsrf"]
        assert {c["path"] for c in mine} == {"/hub/", "/services/live/"}, mine
        phone.check("input[value='false']")
        phone.click("#send")
        phone.wait_for_selector(".note.ok")
        assert _answers(hub) == [(student, "false", 1)]
        teacher.wait_for_selector("#answered")
        wait_until(lambda: teacher.inner_text("#answered").strip() == "1", 10,
                   what="the projector counting the phone's answer", interval=0.2)

        teacher.click("#reveal")
        phone.wait_for_selector("#result:not([hidden])")
        assert "signature" in phone.inner_text("#result")  # the bank's own solution text
        assert phone.goto(f"{hub.url}/hub/home").status == 200  # the hub still works for it
        shots = os.environ.get("CRM_LIVE_SCREENSHOTS")
        if shots:
            teacher.screenshot(path=os.path.join(shots, "live-dashboard-hub-qr.png"))
    finally:
        phone_ctx.close()
        teacher_ctx.close()
