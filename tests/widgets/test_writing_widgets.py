"""The reply and role-play widgets, driven as a learner drives them."""
from __future__ import annotations

import course
from course.exercises import progress


def item(lesson, ex_id):
    return course.lesson(lesson)[ex_id]


def test_reply_widget_counts_words_checks_and_stores_the_text(fresh):
    ex = item("01-relationships", "rel-reply-late-delivery")
    widget = ex.widget
    assert "0 words" in widget._count.value
    widget.answer(ex.model_answer)
    assert f"{len(ex.model_answer.split())} words" in widget._count.value.replace(
        "course-ok", "")
    result = widget.check()
    assert result.correct
    assert "Content: facts and solution" in widget._feedback.value
    assert "teacher decides" in widget._feedback.value
    rows = progress.attempts()
    assert len(rows) == 1 and rows.iloc[0]["response"] == ex.model_answer
    assert "Jessica" in widget._task.value and "LX123456789CN" in widget._task.value
    # the model answer shows under the rules of any solution (practice: on request)
    assert widget.show_solution().en.startswith("Dear Jessica")


def test_reply_widget_in_assessment_shows_no_score_and_no_model(fresh):
    ex = item("03-genuine-buyers", "gen-reply-careful")
    course.set_mode("assessment")
    try:
        widget = ex.widget
        widget.answer("Dear Sir, thank you. Please send your company website.")
        widget.check()
        assert "saved" in widget._feedback.value.lower()
        assert widget.show_solution() is None
    finally:
        course.set_mode(None)


def test_role_play_widget_walks_to_the_end_and_stores_the_transcript(fresh):
    ex = item("07-buyer-messages", "msg-roleplay-late-parcel")
    widget = ex.widget
    assert "three weeks ago" in widget._log.value
    nxt = widget.send("Dear Nina, we are very sorry. Your books were shipped on 2 April with "
                      "YunExpress, tracking number YT2604021234567.")
    assert "What if it never comes" in nxt
    result = widget.send("The parcel is waiting in customs. If it has not arrived within 7 "
                         "days, we will resend the books or refund you.")
    assert result.correct and widget.result is result
    assert "I will wait one more week" in widget._log.value
    assert "How it ended" in widget._feedback.value
    rows = progress.attempts()
    assert len(rows) == 1 and len(rows.iloc[0]["response"]) == 2
    widget.retry()
    assert widget.response() == [] and "three weeks ago" in widget._log.value
