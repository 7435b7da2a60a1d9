"""axe-core on a lesson as `crm-course present` shows it in Voila: no WCAG A/AA violation (nor
any of axe's best practices), so a new one fails the test.

The lesson is the course's own lesson 01 (its pictures, a role-play box, Reveal buttons, the
header): ``CRM_A11Y_LESSONS`` (e.g. ``all``, or ``02,04,w03``) checks more: ``all`` is every
lesson and every workshop (w01-w10), one Voila page each (a page runs the whole notebook in its
own kernel: about half a minute on 2 busy cores). Besides axe, no output scrolls sideways:
axe's ``scrollable-region-focusable`` sees such a box only once MathJax has typeset it, which
may come after the page looks settled.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from browser.axe import violations  # tests/browser/axe.py (tests is on the path)
from support import wait_until

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
LESSON_TIMEOUT_MS = 240_000  # a whole lesson run by its kernel on a busy machine


def _lessons() -> list[str]:
    chosen = os.environ.get("CRM_A11Y_LESSONS", "01")
    if chosen == "all":
        return sorted(p.stem.split("-")[0] for p in (REPO / "notebooks").glob("*.ipynb")
                      if re.match(r"w?\d\d-", p.stem) and p.stem != "00-index")
    return [n.strip() for n in chosen.split(",") if n.strip()]


#: the outputs that scroll sideways (wider content than their box), with their first words
SIDEWAYS = """() => [...document.querySelectorAll('.jp-OutputArea-output')]
    .filter(e => e.scrollWidth > e.clientWidth + 1)
    .map(e => [e.scrollWidth, e.clientWidth, e.textContent.slice(0, 60)])"""

#: seconds the lesson's page must stay unchanged, once Voila has sent the last cell's output,
#: to count as drawn (a widget's view is drawn when its model arrives, after its cell's output)
SETTLE_S = 2.0


def _watch_the_run(page) -> dict:
    """Call before the page is opened: returns ``{"ran": False}``, set True when Voila's
    execution socket has sent the result of the notebook's last cell (``execution_result`` with
    ``cell_index + 1 == total_cell``, after which Voila's page closes that socket): every cell
    has run. (Before, the test waited for the page to stay unchanged for 6 s: most of that a
    wait for nothing, twice a file on the busy 2-core machine; issue 24.)"""
    import json

    seen = {"ran": False}

    def frame(payload) -> None:
        try:
            message = json.loads(payload)
        except (TypeError, ValueError):
            return
        if isinstance(message, dict) and message.get("action") == "execution_result":
            cell = message.get("payload") or {}
            if cell.get("cell_index", -2) + 1 == cell.get("total_cell"):
                seen["ran"] = True

    page.on("websocket", lambda ws: ws.on("framereceived", frame))
    return seen


def _settled(page, seen: dict):
    """A condition: true once every cell has run (``seen``, from :func:`_watch_the_run`) and
    the page's outputs have not changed for SETTLE_S seconds since."""
    import time

    last = {"count": -1, "since": time.monotonic()}

    def check() -> bool:
        count = page.evaluate("document.querySelectorAll('.jp-OutputArea-child, "
                              ".course-exercise').length")
        if count != last["count"] or not seen["ran"]:
            last.update(count=count, since=time.monotonic())
        return time.monotonic() - last["since"] >= SETTLE_S

    return check


@pytest.mark.parametrize("lesson", _lessons())
def test_a_presented_lesson_has_no_axe_violation(presenting, page, request, lesson):
    page.set_default_timeout(LESSON_TIMEOUT_MS)
    seen = _watch_the_run(page)
    page.goto(presenting(lesson))
    # every cell has run and its output is drawn: the last cell's result has come and the
    # number of outputs and exercises drawn has stopped growing (progressive rendering draws
    # each cell's output as the kernel runs it)
    page.locator(".course-exercise").first.wait_for()
    wait_until(_settled(page, seen), LESSON_TIMEOUT_MS / 1000, what="the lesson's last cell",
               interval=0.25)
    found = violations(page, request.config)
    assert found == [], "\n".join(map(str, found))
    assert page.evaluate(SIDEWAYS) == []  # no output box a keyboard would have to scroll
    # the pictures have words (their alt text is what a screen reader reads)
    pictures = page.locator("main .course-picture img")
    for i in range(pictures.count()):
        assert len(pictures.nth(i).get_attribute("alt") or "") > 20


#: a phone held upright (an iPhone 12-15 viewport)
PHONE = {"width": 390, "height": 844}


def test_a_lesson_on_a_phone_fits_the_screen(presenting, browser, request):
    """Lesson 01 at 390x844: no sideways scrolling, no ordering list wider than its card, the
    complaint-steps picture in its stacked layout near its natural size, no axe violation."""
    context = browser.new_context(viewport=PHONE)
    context.route("https://**", lambda route: route.abort())
    page = context.new_page()
    try:
        page.set_default_timeout(LESSON_TIMEOUT_MS)
        seen = _watch_the_run(page)
        page.goto(presenting("01"))
        page.locator(".course-exercise").first.wait_for()
        wait_until(_settled(page, seen), LESSON_TIMEOUT_MS / 1000,
                   what="the lesson's last cell", interval=0.25)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        wide = page.evaluate("""() => [...document.querySelectorAll('main *')]
            .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5
                         && getComputedStyle(e).visibility !== 'hidden'
                         && e.getClientRects().length)
            .map(e => e.className || e.tagName).slice(0, 5)""")
        assert wide == []
        lists = page.locator(".course-order-list select")
        assert lists.count() >= 1  # lesson 01 has ordering exercises
        for i in range(lists.count()):
            box = lists.nth(i).evaluate("""el => [el.getBoundingClientRect().right,
                el.closest('.course-exercise').getBoundingClientRect().right,
                el.scrollWidth, el.clientWidth]""")
            assert box[0] <= box[1] and box[2] <= box[3], box  # inside the card, no clipping
        # the complaint steps: the stacked layout (<source> for narrow screens) is the one
        # shown, at 80 % of its natural size or more: its 12 pt labels stay about 13 px or more
        picture = page.locator("main picture img").first
        shown = picture.evaluate("""el => [el.currentSrc === el.parentElement
            .querySelector('source').srcset, el.getBoundingClientRect().width / el.naturalWidth]""")
        assert shown[0] is True and shown[1] >= 0.8, shown
        found = violations(page, request.config)
        assert found == [], "\n".join(map(str, found))
    finally:
        context.close()
