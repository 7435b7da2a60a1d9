"""Every widget type driven from code: answer, check, marks, hints, solutions, modes, retry."""
from __future__ import annotations

import ipywidgets as w
import pytest

from course import session as state
from course.errors import InputError
from course.exercises import progress
from course.exercises.widgets import ExerciseWidget, make_widget

ALL_IDS = ["gallery-cloze", "gallery-word-bank", "gallery-single", "gallery-multiple",
           "gallery-true-false", "gallery-matching", "gallery-ordering", "gallery-numeric",
           "gallery-letter"]
ROOT_CLASS = {"cloze": "course-cloze", "single_choice": "course-choice",
              "multiple_choice": "course-choice", "true_false": "course-choice",
              "matching": "course-matching", "ordering": "course-ordering",
              "numeric": "course-numeric"}


def shown(widget: w.Widget) -> bool:
    return widget.layout.display != "none"


@pytest.mark.parametrize("exercise_id", ALL_IDS)
def test_examples_through_the_widget(gallery, exercise_id):
    ex = gallery[exercise_id]
    state.set_mode("practice")
    widget = ex.widget
    assert isinstance(widget, ExerciseWidget) and ex.widget is widget  # built once
    for response in ex.examples["correct"]:
        result = widget.answer(response).check()
        assert result.correct and result.score == 1.0
        assert result == ex.grade(response)
        assert "course-ok" in widget._feedback.value
    for response in ex.examples["wrong"]:
        result = widget.answer(response).check()
        assert not result.correct and result.score < 1.0
        assert "course-no" in widget._feedback.value
    rows = progress.attempts()
    assert len(rows) == len(ex.examples["correct"]) + len(ex.examples["wrong"])
    assert set(rows["exercise_id"]) == {exercise_id}


@pytest.mark.parametrize("exercise_id", ALL_IDS)
def test_stable_classes_and_short_text_repr(gallery, exercise_id):
    ex = gallery[exercise_id]
    widget = ex.widget
    assert "course-exercise" in widget._dom_classes
    assert ROOT_CLASS[ex.type] in widget._dom_classes
    assert f"course-id-{exercise_id}" in widget._dom_classes
    bundle = widget._repr_mimebundle_()
    # before the cell runs (no widget state) the learner reads what to do, not a raw name
    assert bundle["text/plain"] == (f"Exercise {exercise_id}: run this cell (Shift+Enter) "
                                    "to show it.")
    assert "application/vnd.jupyter.widget-view+json" in bundle


@pytest.mark.parametrize("exercise_id", [i for i in ALL_IDS if i != "gallery-ordering"])
def test_an_empty_check_is_not_attempted_and_not_saved(gallery, exercise_id):
    widget = gallery[exercise_id].widget  # (an ordering always has an order on screen)
    result = widget.check()
    assert not result.attempted
    assert "Not attempted" in widget._feedback.value
    assert progress.attempts().empty and widget.tries == 0


def test_cloze_blanks_sit_inside_the_running_text(gallery):
    widget = gallery["gallery-cloze"].widget
    line = widget._body.children[0]
    assert "course-cloze-text" in line._dom_classes
    kinds = [type(c).__name__ for c in line.children]
    # text, blank, tip, text, blank, tip, text, blank, text
    assert kinds == ["HTML", "Text", "Button", "HTML", "Text", "Button", "HTML", "Text", "HTML"]
    assert line.children[0].value.startswith("Developing a new customer costs")
    assert [c.placeholder for c in line.children if isinstance(c, w.Text)] == ["1", "2", "3"]


def test_cloze_marks_each_blank(gallery):
    widget = gallery["gallery-cloze"].widget
    result = widget.answer(["five", "next", ""]).check()
    assert [i.correct for i in result.items] == [True, False, False]
    blanks = widget._controls
    assert "course-right" in blanks[0]._dom_classes
    assert "course-wrong" in blanks[1]._dom_classes
    assert not {"course-right", "course-wrong"} & set(blanks[2]._dom_classes)  # empty: no mark
    assert "Blank 2" in widget._feedback.value and "not answered" in widget._feedback.value
    assert "Five times" not in widget._feedback.value  # blank 1 is right: no wrong-feedback
    blanks[1].value = "same"  # typing again clears the stale marks
    assert not any({"course-right", "course-wrong"} & set(b._dom_classes) for b in blanks)


def test_enter_in_a_blank_checks(gallery):
    widget = gallery["gallery-cloze"].widget
    widget.answer(["five", "same", "three"])
    widget._controls[1]._handle_custom_msg({"event": "submit"}, [])  # what the front-end sends
    assert widget.result is not None and widget.result.correct
    assert len(progress.attempts()) == 1


def test_check_button_click_is_the_same_path(gallery):
    widget = gallery["gallery-numeric"].widget
    widget.answer("20%")
    widget._check_btn.click()
    assert widget.result.correct and len(progress.attempts()) == 1


def test_cloze_tip_on_demand(gallery):
    widget = gallery["gallery-cloze"].widget
    assert widget._tips.value == ""
    tip = widget.tip(0)
    assert "a number between four and six" in widget._tips.value and tip.en.startswith("a number")
    widget._tip_buttons[0].click()  # the ? button toggles it away again
    assert widget._tips.value == ""
    with pytest.raises(InputError, match="no tip"):
        widget.tip(2)


def test_word_bank_offers_answers_and_distractors_in_a_stable_order(gallery, reload_gallery):
    widget = gallery["gallery-word-bank"].widget
    drops = widget._controls
    assert all(isinstance(d, w.Dropdown) for d in drops)
    words = [v for _label, v in drops[0].options if v]
    assert sorted(words) == sorted(["Identify", "Differentiate", "Interact", "Customize",
                                    "Ignore", "Delay"])
    again = reload_gallery()["gallery-word-bank"].widget
    assert [v for _l, v in again._controls[0].options if v] == words
    with pytest.raises(InputError, match="not in the word bank"):
        widget.answer(["Identify", "Differentiate", "Interact", "Copy"])


def test_single_choice_feedback_per_option_without_giving_the_answer_away(gallery):
    widget = gallery["gallery-single"].widget
    widget.answer(0).check()
    fb = widget._feedback.value
    assert "Grade 1 is for customers who have closed a deal" in fb
    assert "Grade 2" not in fb  # the right option is not named before the solution
    assert "course-wrong" in widget._radio._dom_classes
    widget.answer(1).check()
    assert "clear intent and obvious interest" in widget._feedback.value
    assert "course-right" in widget._radio._dom_classes


def test_multiple_choice_partial_credit_and_marks_on_picked_options(gallery):
    widget = gallery["gallery-multiple"].widget
    result = widget.answer([0, 2]).check()
    assert result.score == 0.0  # one right pick minus one wrong pick
    assert "course-right" in widget._boxes[0]._dom_classes
    assert "course-wrong" in widget._boxes[2]._dom_classes
    assert not {"course-right", "course-wrong"} & set(widget._boxes[1]._dom_classes)
    result = widget.answer([0, 1]).check()
    assert result.score == pytest.approx(2 / 3)
    assert widget._score_text.value.count("67%") == 1


def test_true_false(gallery):
    widget = gallery["gallery-true-false"].widget
    assert [v for _l, v in widget._radio.options] == [True, False]
    assert widget.answer(False).check().correct is False
    assert "95% stop buying" in widget._feedback.value
    assert widget.answer(True).check().correct


def test_matching_one_choice_per_left_item(gallery):
    ex = gallery["gallery-matching"]
    widget = ex.widget
    assert len(widget._drops) == 3
    widget._drops[0].value = "The whole team cooperates"
    widget._drops[2].value = "E-mails answered within 24 hours"
    assert widget.response() == {"Grade 1": "The whole team cooperates",
                                 "Grade 4": "E-mails answered within 24 hours"}
    result = widget.check()
    assert [i.correct for i in result.items] == [True, False, False]
    assert "course-right" in widget._drops[0]._dom_classes
    assert "course-wrong" in widget._drops[2]._dom_classes
    assert not {"course-right", "course-wrong"} & set(widget._drops[1]._dom_classes)


def test_ordering_with_the_move_buttons_alone(gallery):
    ex = gallery["gallery-ordering"]
    widget = ex.widget
    start = widget.response()
    assert start == ex.start_order() and start != ex.keys
    # a keyboard user: select an item in the list, then press Move up / Move down
    for target, key in enumerate(ex.keys):
        widget._list.value = key
        for _ in range(len(ex.keys)):
            if widget.response().index(key) == target:
                break
            widget._up.click()
            assert widget._list.value == key  # the selection follows the item
    assert widget.response() == ex.keys
    assert widget.check().correct
    widget._list.value = ex.keys[0]
    widget._down.click()
    assert widget.response()[:2] == [ex.keys[1], ex.keys[0]]
    widget._list.value = ex.keys[-1]
    widget._down.click()  # already last: nothing moves
    assert widget.response()[-1] == ex.keys[-1]


def test_ordering_marks_positions_in_the_list(gallery):
    widget = gallery["gallery-ordering"].widget
    widget.check()
    labels = [label for label, _k in widget._list.options]
    assert all(label.endswith(("✓", "✗")) for label in labels)
    widget.move(1)
    assert not any(label.endswith(("✓", "✗")) for label, _k in widget._list.options)


def test_numeric_shows_the_unit_and_reads_written_numbers(gallery):
    state.set_mode("practice")
    widget = gallery["gallery-numeric"].widget
    assert "%" in widget._unit.value
    assert widget.answer("20.4 %").check().correct
    assert not widget.answer("15").check().correct
    assert widget.answer("twenty").check().correct  # number words are numbers (issue 11)
    result = widget.answer("a fifth").check()
    assert not result.valid and "Please give a number" in widget._feedback.value
    assert len(progress.attempts()) == 3  # an unreadable answer is not an attempt


def test_answer_of_the_wrong_shape_is_a_clear_error(gallery):
    with pytest.raises(InputError, match="3 blanks"):
        gallery["gallery-cloze"].widget.answer(["only one", "two"])
    with pytest.raises(InputError, match="True"):
        gallery["gallery-true-false"].widget.answer("yes")


def test_hint_ladder(gallery):
    ex = gallery["gallery-cloze"]
    widget = ex.widget
    assert widget._hint_btn.description == "Hint 1 of 2"
    assert widget.hint() == ex.hints[0]
    assert "Keeping a customer" in widget._hints.value and "five, same" not in widget._hints.value
    assert widget._hint_btn.description == "Hint 2 of 2"
    widget._hint_btn.click()
    assert "five, same and three" in widget._hints.value
    assert widget._hint_btn.disabled and widget._hint_btn.description == "No more hints"
    assert widget.hint() == ex.hints[1]  # stays on the last rung
    assert not shown(gallery["gallery-true-false"].widget._hint_btn)  # no hints: no button


def test_practice_shows_the_solution_after_two_tries_or_on_request(gallery):
    widget = gallery["gallery-cloze"].widget
    assert widget.show_solution().en == "five · same · three"
    assert "five · same · three" in widget._solution.value
    widget.retry()
    assert widget._solution.value == ""
    widget.answer(["two", "next", "seven"]).check()
    assert widget._solution.value == ""
    widget.answer(["four", "next", "seven"]).check()
    assert "After two tries" in widget._solution.value


def test_solution_falls_back_to_the_answer_key(gallery):
    widget = gallery["gallery-single"].widget
    assert widget.show_solution() == gallery["gallery-single"].answer_text()
    assert "Grade 2" in widget._solution.value


def test_class_mode_waits_for_the_instructor(gallery):
    ex = gallery["gallery-multiple"]
    widget = ex.widget
    assert widget.mode == "class"
    for _ in range(3):
        widget.answer([2]).check()
    assert widget._solution.value == "" and widget._solution_btn.disabled
    assert widget.show_solution() is None
    assert "instructor will reveal" in widget._feedback.value
    assert not shown(widget._reveal_btn)  # only the presenter sees it
    state.reveal("gallery-multiple")  # course.reveal(...): the displayed widget listens
    assert "A, B and D are red flags" in widget._solution.value
    assert "revealed" in widget._solution.value and not widget._solution_btn.disabled


def test_lesson_reveal_reaches_every_widget(gallery):
    state.set_mode("class")
    widgets = [gallery[i].widget for i in ("gallery-cloze", "gallery-single")]
    assert all(x._solution.value == "" for x in widgets)
    gallery.reveal()
    assert all("Solution" in x._solution.value for x in widgets)


def test_presenter_reveal_button(gallery, monkeypatch):
    monkeypatch.setenv("CRM_COURSE_PRESENTER", "1")
    widget = gallery["gallery-multiple"].widget
    assert shown(widget._reveal_btn) and widget._reveal_btn.description == "Reveal solution"
    widget._reveal_btn.click()
    assert state.is_revealed("gallery-multiple")
    assert "A, B and D" in widget._solution.value and not shown(widget._reveal_btn)


def test_assessment_records_and_says_only_that_it_was_saved(gallery):
    ex = gallery["gallery-numeric"]
    widget = ex.widget
    assert widget.mode == "assessment"
    assert widget._check_btn.description == "Submit"
    assert not any(shown(b) for b in (widget._hint_btn, widget._solution_btn, widget._retry_btn))
    result = widget.answer("15").check()
    assert not result.correct
    fb = widget._feedback.value
    assert "Your answer has been saved." in fb
    assert "✗" not in fb and "Not quite" not in fb and not shown(widget._scoreline)
    assert {"course-right", "course-wrong"}.isdisjoint(widget._box._dom_classes)
    assert widget.show_solution() is None and widget._solution.value == ""
    assert widget.hint() is None
    widget.answer("20").check()
    rows = progress.attempts()
    assert list(rows["score"]) == [0.0, 1.0] and set(rows["mode"]) == {"assessment"}


def test_set_mode_overrides_for_the_session(gallery):
    widget = gallery["gallery-cloze"].widget
    state.set_mode("assessment")
    widget.answer(["two", "same", "three"]).check()
    assert "saved" in widget._feedback.value and widget._check_btn.description == "Submit"
    assert progress.attempts()["mode"].tolist() == ["assessment"]
    state.set_mode("class")
    widget.refresh()
    assert widget._solution_btn.disabled and widget.show_solution() is None
    state.set_mode(None)
    widget.refresh()
    assert widget.mode == "practice" and not widget._solution_btn.disabled


def test_set_mode_relabels_open_widgets_at_once(gallery):
    widget = gallery["gallery-cloze"].widget
    assert widget._check_btn.description != "Submit"
    state.set_mode("assessment")  # no refresh(): the widget listens
    assert widget._check_btn.description == "Submit"
    state.set_mode(None)
    assert widget._check_btn.description != "Submit" and widget.mode == "practice"


def test_retry_clears_answer_marks_and_feedback(gallery):
    widget = gallery["gallery-letter"].widget
    widget.answer(["thank"] + ["x"] * 9).check()
    widget.hint()  # no hints here: says so
    widget._retry_btn.click()
    assert widget.response() == [""] * 10
    assert widget._feedback.value == "" and not shown(widget._scoreline)
    assert not any({"course-right", "course-wrong"} & set(b._dom_classes)
                   for b in widget._controls)
    assert widget.tries == 1  # tries still count towards the solution


def test_restore_after_redisplay(gallery, reload_gallery):
    gallery["gallery-cloze"].widget.answer(["five", "next", ""]).check()
    gallery["gallery-matching"].widget.answer({"Grade 1": "The whole team cooperates"}).check()
    gallery["gallery-numeric"].widget.answer("19.9").check()
    again = reload_gallery()  # re-running the lesson: new exercises, new widgets
    cloze = again["gallery-cloze"].widget
    assert cloze is not gallery["gallery-cloze"].widget
    assert cloze.response() == ["five", "next", ""]
    assert "Welcome back" in cloze._feedback.value and "33%" in cloze._feedback.value
    assert shown(cloze._scoreline) and cloze._score_bar.value == pytest.approx(1 / 3)
    assert again["gallery-matching"].widget.response() == {
        "Grade 1": "The whole team cooperates"}
    numeric = again["gallery-numeric"].widget
    assert numeric.response() == "19.9"
    assert "saved answer" in numeric._feedback.value
    assert "%" not in numeric._feedback.value  # assessment: no score shown
    assert again["gallery-single"].widget.response() is None  # never tried: nothing to restore


def test_unwritable_home_widgets_keep_working(tmp_path, monkeypatch, reload_gallery):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("CRM_COURSE_HOME", str(blocker / "home"))
    progress._reset_for_tests()
    lesson = reload_gallery()
    a, b = lesson["gallery-cloze"].widget, lesson["gallery-numeric"].widget
    assert a.answer(["five", "same", "three"]).check().correct
    assert "cannot be saved" in a._notice.value and "could not be saved" in a._feedback.value
    b.answer("20").check()
    assert "could not be saved" in b._feedback.value and "has been saved" not in b._feedback.value
    assert b._notice.value == ""  # the store's message is shown once, not on every widget


def test_make_widget_rejects_an_unknown_type(gallery):
    class Odd:
        type = "essay"

    with pytest.raises(InputError, match="essay"):
        make_widget(Odd())


def test_enter_waits_for_the_text_that_the_browser_sends_after_it(gallery):
    """In a browser, Enter's 'submit' event arrives before the box's new text."""
    import asyncio

    widget = gallery["gallery-cloze"].widget
    widget.answer(["five", "same", ""])

    async def browser_like():
        blank = widget._controls[2]
        blank._handle_custom_msg({"event": "submit"}, [])
        assert widget.result is None  # not checked on the stale text
        blank.value = "three"  # the text arrives: the check runs now, on the new text
        assert widget.result is not None and widget.result.correct
        widget._controls[0]._handle_custom_msg({"event": "submit"}, [])  # Enter, text unchanged
        before = widget.tries
        await asyncio.sleep(0.4)
        assert widget.tries == before + 1

    asyncio.run(browser_like())
    assert len(progress.attempts()) == 2


def test_corrupt_store_is_set_aside_and_said_once_in_the_lesson(fresh, reload_gallery):
    fresh.mkdir(parents=True)
    (fresh / "progress.sqlite3").write_bytes(b"PK\x03\x04 a zip file, not a database" * 50)
    lesson = reload_gallery()
    first = lesson["gallery-cloze"].widget  # restoring reads the store: the damage is found
    assert "moved aside" in first._notice.value
    assert len(list(fresh.glob("progress.sqlite3.corrupt-*"))) == 1
    assert first.answer(["five", "same", "three"]).check().correct and first.saved
    second = lesson["gallery-single"].widget
    assert second._notice.value == ""  # once
    assert len(progress.attempts()) == 1


def test_student_copy_exercise_is_only_saved(fresh):
    from course.exercises.kinds import build_exercise

    raw = {"id": "held-back", "type": "single_choice", "mode": "assessment", "redacted": True,
           "prompt": "Which grade?", "options": [{"text": "Grade 1"}, {"text": "Grade 2"}],
           "examples": {"correct": [0], "wrong": [1]}}
    widget = build_exercise(raw, lesson="00-test").widget
    state.set_mode("practice")  # even if the instructor's override asks for practice
    widget.refresh()
    result = widget.answer(1).check()
    assert not result.graded
    assert "has been saved" in widget._feedback.value and "✗" not in widget._feedback.value
    assert not shown(widget._solution_btn) and widget.show_solution() is None
    assert progress.last_attempt("held-back")["response"] == "grade-2"  # stored by key
