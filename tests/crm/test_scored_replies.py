"""The reviewer against the hand-scored proof set (tests/crm/scored_replies.yaml).

The set was written and scored on its own rubric before review_reply was rebuilt; these tests
only measure agreement: Spearman >= 0.75, no rude or blaming reply above 50, no keyword list
above 30, every excellent reply at 80 or more.
"""
from pathlib import Path

import pandas as pd
import pytest
import yaml

from course.crm import review_reply

SET = yaml.safe_load((Path(__file__).with_name("scored_replies.yaml")).read_text("utf-8"))


def spearman(a, b) -> float:
    """Spearman's rank correlation (scipy when installed, else Pearson on average ranks)."""
    try:
        from scipy.stats import spearmanr
    except ImportError:
        return float(pd.Series(a).rank().corr(pd.Series(b).rank()))
    return float(spearmanr(a, b).statistic)


@pytest.fixture(scope="module")
def reviewed():
    rows = []
    for r in SET["replies"]:
        s = SET["situations"][r["situation"]]
        review = review_reply(r["text"], r["situation"], facts=s["facts"],
                              buyer_message=s["buyer"])
        rows.append({"id": r["id"], "kind": r["kind"], "teacher": r["score"],
                     "auto": review.score})
    return pd.DataFrame(rows)


def test_the_set_is_big_and_varied_enough():
    replies = SET["replies"]
    assert len(replies) >= 40
    assert len({r["situation"] for r in replies}) >= 5
    assert {"excellent", "adequate", "weak", "rude", "blaming", "offtopic", "wrong_template",
            "broken", "keywords"} <= {r["kind"] for r in replies}


def test_rank_agreement_with_the_teacher(reviewed):
    rho = spearman(reviewed["teacher"], reviewed["auto"])
    assert rho >= 0.75, f"Spearman {rho:.3f}"


def test_rude_and_blaming_replies_never_pass(reviewed):
    bad = reviewed[reviewed["kind"].isin(["rude", "blaming"])]
    assert len(bad) >= 5
    assert (bad["auto"] <= 50).all(), bad[bad["auto"] > 50]


def test_keyword_lists_stay_low(reviewed):
    kw = reviewed[reviewed["kind"] == "keywords"]
    assert len(kw) >= 3 and (kw["auto"] <= 30).all(), kw


def test_excellent_replies_score_high(reviewed):
    ex = reviewed[reviewed["kind"] == "excellent"]
    assert len(ex) >= 8 and (ex["auto"] >= 80).all(), ex[ex["auto"] < 80]


def test_off_topic_and_wrong_templates_fail(reviewed):
    off = reviewed[reviewed["kind"].isin(["offtopic", "wrong_template"])]
    assert (off["auto"] <= 25).all(), off
