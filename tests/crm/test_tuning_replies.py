"""The reviewer on its tuning set (tests/crm/tuning_replies.yaml), issue 22.

The set was written and scored before the reviewer was rebuilt, and the rubric was then tuned on
it: these figures show the tuning held, they do not measure agreement with an unseen teacher
(tests/grading/test_scored_sets.py does). Before the rebuild the same set gave Spearman
0.674 with 29 of its 45 unacceptable replies at 50 or less.
"""
from collections import Counter
from pathlib import Path

import pytest
import yaml

import course
from course.writing.agreement import figures, review_set

SET = yaml.safe_load(Path(__file__).with_name("tuning_replies.yaml").read_text("utf-8"))
KINDS = {"wrong_fact", "keywords", "wrong_decision", "asks_again", "calm_blame",
         "short_correct", "padded_empty", "chinese", "negation", "middling", "excellent"}


@pytest.fixture(scope="module")
def rows():
    return review_set(SET, course.load_bank())


def test_the_set_has_every_adversarial_kind_of_the_issue():
    counts = Counter(r["category"] for r in SET)
    assert KINDS <= set(counts), KINDS - set(counts)
    assert all(counts[k] >= 4 for k in KINDS), counts
    assert len({r["exercise"] for r in SET}) == 10  # every reply task of the bank


def test_figures_on_the_tuning_set(rows):
    f = figures((r["teacher"], r["auto"]) for r in rows)
    # measured after the first tuning: Spearman 0.945, 45/45, 10/10, 16/21 within 15 points;
    # after the second pass (brief and bare-letter caps): 0.942, 45/45, 10/10, 21/21
    assert f["spearman"] >= 0.93, f
    assert f["unacceptable_kept_low"] == f["unacceptable"], [
        (r["id"], r["auto"]) for r in rows if r["teacher"] <= 40 and r["auto"] > 50]
    assert f["excellent_kept_high"] == f["excellent"], [
        (r["id"], r["auto"]) for r in rows if r["teacher"] >= 85 and r["auto"] < 80]
    assert f["rest_within_share"] >= 0.95, f  # 21 of 21 (one may move with a rule's change)
