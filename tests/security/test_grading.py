"""Issue 16 item 6 (grading): grade() never raises, however deep a response nests."""
from __future__ import annotations

import pytest
from instructor_helpers import FIXTURE_COURSE

from course.exercises.loader import load_bank


def _nested(depth: int):
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize("depth", [1_500, 100_000])
def test_grade_of_a_deeply_nested_response_is_a_result_not_a_recursion_error(depth):
    bank = load_bank(FIXTURE_COURSE / "exercises")
    deep = _nested(depth)
    for ex in bank.exercises:
        for response in (deep, {"Grade 1": deep}, [deep, "x"]):
            result = ex.grade(response)
            assert result.valid is False and result.score == 0.0
            assert len(str(result.response)) < 300
