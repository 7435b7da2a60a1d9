"""crm.short_review: a review printed the way the exercise widget gives it (lesson 10's
"Try it"), not the 30-40 lines of the whole review."""
import pytest

from course import crm
from course.errors import InputError


@pytest.fixture(autouse=True)
def one_line_each(monkeypatch):
    """These tests read what is said, a line of advice a line: no wrapping (the lines' width
    is tested in test_review_wrap.py)."""
    from course.writing import printed

    monkeypatch.setattr(printed, "WRAP", 10_000)


WEBER = {"buyer_name": "Ms Weber", "last_product": "yoga mat",
         "recommended_product": "cork yoga block", "unit_price": 9}
SPAM = ("DEAR CUSTOMER!!! You bought our yoga mat, so you NEED our NEW cork yoga block, only "
        "$9!!! HURRY, only 3 left, LAST CHANCE! Order at www.yogablocks-shop.com or add me on "
        "WhatsApp +86 138 0000 1234. Thank you.\nBest regards, Lily")


def test_the_short_review_gives_the_score_and_the_two_first_pieces_of_advice(capsys):
    review = crm.review_reply(SPAM, "new_arrival", facts=WEBER)
    crm.short_review(review, language="en")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"Reply review: {review.score}/100"
    assert lines[2:4] == [f"  1. {review.advice[0]['en']}", f"  2. {review.advice[1]['en']}"]
    assert review.advice[2]["en"] not in "\n".join(lines)  # the third waits for print(review)
    assert len(lines) == 5 and lines[-1].startswith("print(review) shows the whole review")
    whole = repr(review).splitlines()
    assert len(whole) > 3 * len(lines)
    crm.short_review(review, language="both")
    both = capsys.readouterr().out.splitlines()
    assert len(both) == 2 * len(lines) and both[1] == f"回复评阅：{review.score}/100"
    assert f"     {review.advice[0]['zh']}" in both


def test_the_cap_that_set_the_score_is_said(capsys):
    brief = ("Dear Ms Weber,\n\nThank you for your order of a yoga mat. Our new cork yoga block "
             "has arrived: it costs $9. Reply if you want one and we ship it within 2 days."
             "\n\nBest regards,\nLily")  # 37 words, under 0.9 of the task's 45: brief
    review = crm.review_reply(brief, "new_arrival", facts=WEBER, words=[45, 140])
    binding = [c for c in review.caps if c["cap"] == review.score]
    assert binding, review  # this short letter is held by a cap (the reason to say it)
    crm.short_review(review, language="zh")
    out = capsys.readouterr().out
    assert f"为什么没有更高：{binding[0]['zh']}" in out and "Why not" not in out


@pytest.mark.parametrize("call, says", [
    (lambda: crm.short_review("a reply"), "review_reply"),
    (lambda: crm.short_review(crm.review_reply(SPAM, "new_arrival"), advice=-1), "advice"),
    (lambda: crm.short_review(crm.review_reply(SPAM, "new_arrival"), language="fr"),
     "language must be one of en, zh, both"),
])
def test_bad_input_is_named(call, says):
    with pytest.raises(InputError, match=says):
        call()


def test_review_draft_prints_what_short_review_prints_without_the_print_review_line(capsys):
    from course import session

    crm.short_review(crm.review_reply(SPAM, "new_arrival", facts=WEBER),
                     language=session.get_language())
    short = capsys.readouterr().out.splitlines()
    crm.review_draft(SPAM, "new_arrival", advice=2, **WEBER)  # short_review's default count
    drafted = capsys.readouterr().out.splitlines()
    assert drafted == short[:len(drafted)] and len(drafted) < len(short)  # the same review
    assert not any("print(review)" in line for line in drafted)  # there is no review to print


def test_review_draft_shows_every_problem_of_the_draft_by_default(capsys):
    # brief 22sl: the spam draft has a push, a link off the platform and the spam style; a
    # "Try it" cell shows all of them, not only short_review's first two lines
    crm.review_draft(SPAM, "new_arrival", **WEBER)
    every = capsys.readouterr().out
    crm.review_draft(SPAM, "new_arrival", advice=2, **WEBER)
    two = capsys.readouterr().out
    assert "off the platform" in every and "spam" in every
    assert len(every.splitlines()) > len(two.splitlines())


def test_lesson_try_draft_reviews_a_draft_as_the_lessons_reply_task(capsys):
    # brief 28e: lesson 10's Try it is the draft and one plain call; the call takes the task's
    # buyer, facts and own texts from the bank, so the pasted check is kept
    import course

    lesson = course.lesson("10-promotion")
    lesson.try_draft("promo-reply-new-arrival", SPAM)
    tried = capsys.readouterr().out
    crm.review_draft(SPAM, "new_arrival", **WEBER)
    assert tried.splitlines()[0] == capsys.readouterr().out.splitlines()[0]  # the same score
    assert "off the platform" in tried and "spam" in tried
    lesson.try_draft("promo-reply-new-arrival", lesson["promo-reply-new-arrival"].prompt.en)
    assert "Reply review: 0/100" in capsys.readouterr().out  # the prompt pasted back
    with pytest.raises(InputError, match="reply exercise"):
        lesson.try_draft(next(i for i in lesson.ids if lesson[i].type != "reply"), SPAM)
    with pytest.raises(InputError, match="triple quotes"):
        lesson.try_draft("promo-reply-new-arrival", "  ")


def test_lesson_10s_try_it_cell_shows_only_the_draft_and_one_call():
    import json
    from pathlib import Path

    nb = Path(__file__).resolve().parents[2] / "notebooks" / "10-promotion.ipynb"
    cells = ["".join(c["source"]) for c in json.loads(nb.read_text(encoding="utf-8"))["cells"]
             if c["cell_type"] == "code" and "draft = " in "".join(c["source"])]
    assert len(cells) == 1
    code = [line for line in cells[0].splitlines() if line and not line.startswith("#")]
    assert code[-1] == 'lesson.try_draft("promo-reply-new-arrival", draft)'
    assert "task_text" not in cells[0] and "buyer_name" not in cells[0]
