"""The reviewer's newer messages as a learner sees them in the widgets (brief 28v): a reply
that is the task's text (``pasted``) and a letter told in the task's words (``borrowed``) are
told so once, first; a role-play turn pasted from the prompt is named before the next step;
a buyer's message keeps no line break of the bank's source inside a sentence."""
from __future__ import annotations

import html

import pytest

import course
from course.exercises.widgets.writing import _message
from course.writing.pasted import ADVICE, BORROWED

MAREK = ("w04-grading-workshop", "w04-reply-marek")
# its prompt handed in under a greeting, and a letter told in the prompt's words (the cases
# of tests/grading/reader_cases/round19_verdicts.yaml)
PASTED = ("Dear Marek,\n\nMarek, an old customer, asks about the material and the test report of "
          "your kids' raincoats and wants one sample. The factory must send you the report "
          "first. Write today's short reply: the mail is received, it is being processed, and "
          "when he will have the full answer (three days at most).\n\nBest regards,\nGrace")
BORROWED_TEXT = ("Marek, the mail is received, it is being processed, and you will have the full "
                 "answer in three days at most. Grace")


def _feedback(widget) -> str:
    return html.unescape(widget._feedback.value)


@pytest.mark.parametrize("text, says, cap", [(PASTED, ADVICE, "pasted"),
                                             (BORROWED_TEXT, BORROWED, "borrowed")])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_pasted_or_borrowed_reply_is_told_once_and_first(fresh, text, says, cap, lang):
    ex = course.lesson(MAREK[0])[MAREK[1]]
    review = ex.review(text)
    binding = [c for c in review.caps if c["cap"] == review.score]
    assert binding and binding[0]["name"] == cap  # the cap that set the score
    course.set_language(lang, save=False)
    try:
        widget = ex.widget
        widget.answer(text)
        widget.check()
        shown = _feedback(widget)
    finally:
        course.set_language("en", save=False)
    assert shown.count(says[lang]) == 1
    assert binding[0][lang] not in shown  # "Why not higher: ..." would say it again
    assert shown.split("•")[1].strip().startswith(says[lang])  # the first line of advice
    if lang == "zh":
        assert "Why not" not in shown and "Write your own" not in shown


def test_another_cap_is_still_said_first(fresh):
    ex = course.lesson("07-buyer-messages")["msg-reply-presale"]
    text = ("Hi Emily,\n\nThanks for asking! Asian sizes are smaller, so please choose size L "
            "for a US 8. Only 2 left in size L, so order today or you will miss it!\n\n"
            "Kind regards,\nGrace")
    review = ex.review(text)
    widget = ex.widget
    widget.answer(text)
    widget.check()
    binding = [c for c in review.caps if c["cap"] == review.score]
    if binding:  # a cap other than pasted/borrowed keeps its "Why not higher" line
        assert binding[0]["en"] in _feedback(widget)
    assert "Remove the pressure" in _feedback(widget)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_pasted_role_play_turn_is_named_before_the_next_step(fresh, lang):
    ex = course.lesson("w08-complaint-chain-workshop")["w08-roleplay-sophie"]
    course.set_language(lang, save=False)
    try:
        widget = ex.widget
        widget.send(ex.prompt.en)
        widget.check()
        shown = _feedback(widget)
    finally:
        course.set_language("en", save=False)
    pasted = shown.index(ADVICE[lang])
    step = shown.index("第 1 轮" if lang == "zh" else "turn 1")
    assert pasted < step
    if lang == "zh":
        assert "Write your own" not in shown and "Most important" not in shown


def test_the_sources_line_breaks_inside_a_sentence_are_joined():
    emily = course.lesson("07-buyer-messages")["msg-reply-presale"].buyer
    assert "Asian\nsizes" in emily  # the bank's YAML wraps the line there
    assert "I heard Asian sizes are smaller." in _message(emily)
    marek = course.lesson(*MAREK[:1])[MAREK[1]].buyer
    assert "<br>" not in _message(marek)  # one paragraph, its signature after "Regards,"


@pytest.mark.parametrize("text", [
    "Hi,\nMy parcel is late.",  # a short line: a greeting
    "My parcel has not arrived and I have waited for three weeks now.\nWhere is it?",
    "Where is my parcel? I paid three weeks ago and nobody answers my messages\n\nAnna",
])
def test_the_breaks_a_writer_means_are_kept(text):
    assert _message(text).count("<br>") == text.count("\n")


@pytest.mark.parametrize("lang, says", [
    ("en", "0/100, no ending yet: the buyer is still waiting for your reply (a pass is 70"),
    ("zh", "0/100，还没有结局：买家还在等你的回复（及格为 70 分"),
])
def test_an_unfinished_role_play_says_so_inside_its_summary(fresh, lang, says):
    ex = course.lesson("w08-complaint-chain-workshop")["w08-roleplay-sophie"]
    course.set_language(lang, save=False)
    try:
        widget = ex.widget
        widget.send(ex.prompt.en)  # one turn sent, the buyer answers and waits
        widget.check()
        shown = _feedback(widget)
    finally:
        course.set_language("en", save=False)
    assert says in shown and ", The buyer" not in shown


def test_printed_output_breaks_at_spaces_where_the_course_style_is_shown():
    """JupyterLab breaks a printed line anywhere at the output's edge ("LAS / T CHANCE" at a
    phone's 390 px, seen by tools/reviewer_screenshots.py); the course's style, shown with
    every lesson header and exercise, asks for breaks at spaces."""
    import re

    from course.exercises.widgets.style import CSS

    rule = re.search(r"\.jp-OutputArea-output pre \{([^}]*)\}", CSS)
    assert rule and "word-break: normal" in rule.group(1)
