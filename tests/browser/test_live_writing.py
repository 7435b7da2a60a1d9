"""The live-class dashboard in Chromium for a reply task: the rubric criteria the class missed
(how many learners, bilingual names), re-graded by the service, and a reply text that carries
markup shown as text (no element, no dialog)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "live"))

from live_helpers import Live  # noqa: E402

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[2]
BANK = REPO / "exercises" / "07-buyer-messages.yaml"
REPLY = "msg-reply-presale"
XSS = "<img src=x onerror=alert(1)>"
GOOD = ("Hi Emily,\n\nThanks for asking! Asian sizes are smaller, so please choose size L for a "
        "US 8. The size chart in the description shows the measurements. Every dress is "
        "inspected, and we can exchange it within 7 days if it does not fit.\n\nKind regards,\n"
        "Grace")
POOR = f"Hello, what is your size? Please check the chart. {XSS}"


@pytest.fixture
def writing_live(tmp_path):
    service = Live(tmp_path / "writing.sqlite3", bank_path=BANK)
    yield service
    service.stop()


def test_reply_criteria_missed_on_the_projector(page, writing_live):
    live = writing_live
    replies = [GOOD, GOOD, POOR, POOR, POOR, "Dear Emily, size L. Regards, Grace"]
    for i, text in enumerate(replies):
        assert live.post(live.join(f"{XSS} {i}"), REPLY, text, score=1.0)[0] == 200
    live.store.set_setting("show_names", "1")  # names (with markup) shown too
    expected = {(c["en"], c["zh"]): c["missed"] for c in live.stats(REPLY)["exercise"]["criteria"]}
    page.goto(f"{live.url}?token={live.auth.instructor_token}")
    page.wait_for_selector("#n-attempts")
    page.select_option("#choose", REPLY)
    page.wait_for_selector("#criteria .bar-row")
    page.wait_for_timeout(700)  # one more poll
    rows = page.locator("#criteria .bar-row")
    shown = {}
    for i in range(rows.count()):
        label = rows.nth(i).locator(".text").inner_text()
        shown[label] = rows.nth(i).locator(".count").inner_text()
    assert shown == {f"{en} / {zh}" if zh != en else en: f"{n}/{len(replies)}"
                     for (en, zh), n in expected.items()}
    assert any(n >= 3 for n in expected.values())  # the poor replies miss criteria
    assert "语气" in page.inner_text("#criteria")  # the Chinese names are there
    assert XSS in page.inner_text("#view")  # the reply's markup as text...
    assert page.locator("#view img").count() == 0  # ...never as an element
    assert page.dialogs == []
    # a folder for the docs' screenshot (not CRM_COURSE_*: the root conftest.py drops those)
    shots = os.environ.get("CRM_LIVE_SCREENSHOTS")
    if shots:  # the rubric part of the page, names off
        live.store.set_setting("show_names", "0")
        page.wait_for_timeout(700)
        top = page.locator("h3", has_text="Rubric criteria missed").bounding_box()
        bottom = page.locator("#criteria").bounding_box()
        page.screenshot(path=os.path.join(shots, "live-criteria.png"), full_page=True,
                        clip={"x": 0, "y": top["y"] - 16, "width": 1200,
                              "height": bottom["y"] + bottom["height"] - top["y"] + 32})


WRONG_FACT = ("Hi Tom,\n\nSorry about the scratch, it is our mistake. We can give you $10 back. "
              "Is it OK for you?\n\nBest regards,\nGrace")
SCREEN_CELLS = '''
import course
from course import session
session.set_language({lang!r}, save=False)
lesson = course.lesson("07-buyer-messages")
reply = lesson["msg-reply-aftersale"].widget
reply.answer({text!r})
reply.check()
reply
'''
PLAY_CELLS = '''
play = lesson["msg-roleplay-late-parcel"].widget
play.send("Dear Nina, we are very sorry. Your books were shipped on 2 April with YunExpress.")
play
'''


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_reply_and_role_play_show_the_facts_panel_and_the_review_in_voila(shared_voila, page,
                                                                         tmp_path, lang):
    """A reply task with a wrong fact and a role-play, as a learner sees them in Voila: the
    facts panel above the text box, the wrong fact named, every line in the chosen language."""
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell(SCREEN_CELLS.format(lang=lang, text=WRONG_FACT)),
        nbformat.v4.new_code_cell(PLAY_CELLS)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, tmp_path / "writing.ipynb")
    server = shared_voila(tmp_path / "writing.ipynb")
    page.set_viewport_size({"width": 1000, "height": 2000})
    page.goto(server.url("writing.ipynb"), timeout=180_000)
    reply = page.locator(".course-reply").first
    play = page.locator(".course-roleplay").first
    reply.wait_for(timeout=180_000)
    play.wait_for(timeout=180_000)
    facts = reply.locator(".course-reply-facts")
    assert "$4" in facts.inner_text() and "Tom" in facts.inner_text()
    text = reply.inner_text()
    assert "$10" in text  # the wrong fact is named
    play_facts = play.locator(".course-reply-facts").inner_text()
    assert "YT2604021234567" in play_facts and "YunExpress" in play_facts
    if lang == "zh":
        assert "错误信息" in text and "运单号" in play_facts
        assert "Missing:" not in text and "Check your facts" not in text
    else:
        assert "wrong fact" in text.lower() or "Check your facts" in text
    shots = os.environ.get("CRM_WRITING_SCREENSHOTS")
    if shots:
        reply.screenshot(path=str(Path(shots) / f"writing-reply-{lang}.png"))
        play.screenshot(path=str(Path(shots) / f"writing-roleplay-{lang}.png"))
