"""Property tests: for any response at all, grading never raises, stays in [0, 1] and repeats.

Every type of the kinds registry is fuzzed (with an exercise of that type from the course
bank; tests/engine/test_new_kind.py fuzzes a kind added at run time the same way).
``make test`` draws 100 responses per exercise type; ``make fuzz`` (run by CI after ``make
test``) draws 2,000 (``CRM_COURSE_PROPERTY_CASES``).
"""
import functools

import pytest
from fuzzing import check, fuzz, one_of_each_type
from hypothesis import given, settings
from hypothesis import strategies as st

import course
from course.exercises import kinds


@functools.cache
def _course() -> dict:
    """One exercise of each type from the course bank, which holds every built-in type (the
    test bank has no writing tasks). Loaded when a test first needs it, not when the file is
    collected, which each xdist worker does: a full load reviews every reply example."""
    return one_of_each_type(course.load_bank())


def test_every_registered_type_is_fuzzed():
    assert sorted(_course()) == sorted(kinds.types())


@pytest.mark.parametrize("ex_type", sorted(kinds.types()))  # each found in the bank (above)
def test_any_response_is_graded_safely(ex_type):
    assert ex_type in _course(), f"the course bank has no {ex_type} exercise to fuzz"
    fuzz(_course()[ex_type])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=40), min_size=4,
                max_size=4))
def test_any_unicode_text_in_a_cloze(texts):
    check(_test_bank()["demo-cloze"], texts)


@functools.cache
def _test_bank():
    return course.load_bank("tests/engine/banks")
