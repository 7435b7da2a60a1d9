"""The reviewer against the held-out teacher-scored replies (tests/grading/heldout_replies.yaml).

The set was written and scored by a separate engineer from the bank's reply tasks alone, before
the issue-22 reviewer was measured on it, and the reviewer was never tuned on it. It was
measured once, when the reviewer was final; these tests guard the figures measured then (the
measured figure, not the issue's target, where the reviewer fell short of the target):

- Spearman 0.847 (target 0.85);
- unacceptable replies (teacher <= 40) scored <= 50: 78 of 83 (target: all);
- excellent replies (teacher >= 85) scored >= 80: 13 of 13 (target: all);
- the rest within 15 points: 22 of 41 (54%; target 80%).

Short of the issue's targets on three of the four: Spearman (0.847 < 0.85), the unacceptable
replies (5 scored above 50) and the rest (54% within 15 points, not 80%). The guards below are
the measured figures, so that a change to the reviewer can only keep or improve them.
"""
from pathlib import Path

import pytest
import yaml

import course
from course.writing.agreement import figures, review_set

SET = yaml.safe_load(Path(__file__).with_name("heldout_replies.yaml").read_text("utf-8"))


@pytest.fixture(scope="module")
def measured():
    rows = review_set(SET, course.load_bank())
    return figures((r["teacher"], r["auto"]) for r in rows)


def test_the_held_out_set_is_the_one_measured():
    assert len(SET) == 137
    assert all({"id", "exercise", "score", "text"} <= set(r) for r in SET)


def test_held_out_figures_do_not_fall_below_those_measured(measured):
    assert measured["spearman"] >= 0.842, measured
    assert measured["unacceptable_kept_low"] >= 78, measured
    assert measured["excellent_kept_high"] >= 13, measured
    assert measured["rest_within"] >= 22, measured
