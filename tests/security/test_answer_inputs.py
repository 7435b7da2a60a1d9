"""Issue 16, items 6 and 12 (the answer-matching part): inputs that broke grading on main."""
from __future__ import annotations

import time

import pytest

from course.exercises import text_match
from course.exercises.kinds import build_exercise


def _cloze(answer: str):
    return build_exercise({"id": "c", "type": "cloze", "prompt": "?", "text": f"[[{answer}]]"})


def _numeric(**fields):
    return build_exercise({"id": "n", "type": "numeric", "prompt": "?", **fields})


def _matching():
    return build_exercise({"id": "m", "type": "matching", "prompt": "?",
                           "pairs": [["Grade 1", "at once"], ["Grade 3", "within 24 hours"]]})


def test_a_million_ufdfa_characters_grade_fast_and_are_not_cached():
    huge = "\ufdfa" * 1_000_000  # NFKC turns each into 18 characters
    ex = _matching()
    start = time.perf_counter()
    result = ex.grade({huge: "at once"})
    elapsed = time.perf_counter() - start
    assert not result.correct
    assert elapsed < 1.0, f"{elapsed:.2f} s"
    cached = text_match._match_cached.cache_info().currsize
    _cloze("experience").grade([huge + "x"])
    assert text_match._match_cached.cache_info().currsize == cached  # not kept in the cache


@pytest.mark.parametrize("invisible", ["\u200b", "\u200f", "\ufeff"])
def test_a_right_answer_with_an_invisible_character_is_right(invisible):
    assert _cloze("experience").grade([f"exper{invisible}ience"]).correct
    assert _cloze("experience").grade([f"{invisible}experience"]).correct
    assert _numeric(answer=21, measures="days").grade(f"21{invisible}").correct


def test_zero_width_space_in_a_number_with_a_legacy_unit():
    assert _numeric(answer=21, unit="days").grade("\ufeff21").correct


def test_yen_is_not_accepted_for_21_days():
    ex = _numeric(answer=21, unit="days")  # as the bank wrote it before `measures:` existed
    result = ex.grade("¥21")
    assert not result.correct


def test_superscript_digits_are_not_21():
    result = _numeric(answer=21, unit="days").grade("²¹")
    assert not result.correct
