"""Shuffled choices with stable identity (issue 11): keys, a per-learner order, old indexes."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import course_bank

from course.exercises.kinds import build_exercise
from course.exercises.kinds.choice import display_order, option_key

BANK = course_bank()
CHOICES = [ex for ex in BANK.exercises if ex.type in ("single_choice", "multiple_choice")]


def _single(**more):
    raw = {"id": "q", "type": "single_choice", "prompt": "?",
           "options": [{"text": "Grade 1"}, {"text": "Grade 2", "correct": True},
                       {"text": "Grade 3"}, {"text": "Grade 4", "key": "g4"}], **more}
    return build_exercise(raw)


def test_keys_are_explicit_or_derived_from_the_english_text():
    ex = _single()
    assert [o.key for o in ex.options] == ["grade-1", "grade-2", "grade-3", "g4"]
    assert option_key("Information (products, prices, news)") == "information-products-prices-news"


def test_responses_are_graded_and_stored_by_key():
    ex = _single()
    result = ex.grade("grade-2")
    assert result.correct and result.response == "grade-2"
    assert not ex.grade("g4").correct
    assert not ex.grade("grade-9").valid


def test_plain_indexes_of_the_authored_order_still_grade_the_same():
    """Migration: responses stored before keys existed were indexes into the authored order."""
    for ex in CHOICES:
        if ex.redacted:
            continue
        for legacy in ex.examples["correct"] + ex.examples["wrong"]:
            by_index = ex.grade(legacy)
            picks = legacy if isinstance(legacy, list) else [legacy]
            keys = [ex.options[i].key for i in picks]
            by_key = ex.grade(keys if ex.multiple else keys[0])
            assert (by_index.score, by_index.correct) == (by_key.score, by_key.correct), ex.id
            assert by_index.response == by_key.response  # both stored as keys


def test_regrading_a_stored_response_never_depends_on_the_screen_order():
    for ex in CHOICES[:10]:
        for learner in ("Li Na", "Sam"):
            order = ex.display_order(learner)
            shown_first = ex.options[order[0]].key
            response = [shown_first] if ex.multiple else shown_first
            stored = ex.grade(response).response
            assert ex.grade(stored).score == ex.grade(response).score


def test_shuffle_false_keeps_the_authored_order():
    assert _single(shuffle=False).display_order("anyone") == [0, 1, 2, 3]
    grades = BANK["grading-which-grade"]
    assert grades.display_order("Li Na") == list(range(len(grades.options)))


@settings(max_examples=200, deadline=None)
@given(n=st.integers(min_value=1, max_value=12), learner=st.text(max_size=20),
       exercise_id=st.from_regex(r"[a-z][a-z0-9-]{0,20}", fullmatch=True))
def test_a_shuffle_is_a_permutation_and_stable(n, learner, exercise_id):
    order = display_order(n, learner, exercise_id)
    assert sorted(order) == list(range(n))
    assert order == display_order(n, learner, exercise_id)  # same learner, same order


def test_learners_see_different_orders_for_most_items():
    differ = sum(ex.display_order("learner-a") != ex.display_order("learner-b")
                 for ex in CHOICES if ex.shuffle)
    assert differ >= 0.7 * sum(ex.shuffle for ex in CHOICES)


def test_the_right_answer_is_not_mostly_first_on_screen():
    firsts = [ex.display_order(f"learner-{k}")[0] in ex.correct_indexes
              for ex in CHOICES if ex.shuffle and not ex.multiple for k in range(20)]
    assert sum(firsts) / len(firsts) < 0.5


@pytest.mark.parametrize("response", [None, "", [], 3.5, ["grade-1", 7], {"a": 1}, "Grade 2"])
def test_grading_odd_choice_responses_never_raises(response):
    result = _single().grade(response)
    assert result.score in (0.0, 1.0)


def test_the_report_and_the_live_class_read_picks_by_key_or_by_old_index():
    """Item statistics (distractors) and the live dashboard count options through the kind."""
    ex = _single(type="multiple_choice")
    assert ex.picked_options("grade-2") == frozenset({1})
    assert ex.picked_options(["g4", 0]) == frozenset({3, 0})
    assert ex.picked_options(["no-such-key"]) is None
