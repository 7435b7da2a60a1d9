"""Item statistics: a class worked out by hand, 500 learners against pandas, and the edge cases."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from course.instructor.itemstats import (
    MIN_LEARNERS,
    NO_ANSWER,
    ChoiceKey,
    analyse,
    choice_key,
)

# Six learners, one lesson of three 0/1 items; A is a single choice with the key at option 1.
#          A  B  C   total
HAND = [[0, 0, 0],  # L1  0
        [0, 0, 0],  # L2  0
        [0, 0, 1],  # L3  1
        [0, 0, 1],  # L4  1
        [1, 0, 1],  # L5  2
        [1, 1, 0]]  # L6  2
LEARNERS = ["L1", "L2", "L3", "L4", "L5", "L6"]
A_PICKS = {"L1": 0, "L2": 2, "L3": 0, "L4": 0, "L5": 1, "L6": 1}


def _hand():
    scores = pd.DataFrame(HAND, index=LEARNERS, columns=["A", "B", "C"], dtype=float)
    keys = {"A": ChoiceKey(("Customize", "Identify", "Interact"), frozenset({1}))}
    picks = {"A": {k: frozenset({v}) for k, v in A_PICKS.items()}}
    return analyse(scores, {"01": ["A", "B", "C"]}, types={"A": "single_choice"},
                   keys=keys, picks=picks)


def test_the_hand_computed_class():
    result = _hand()
    a, b, c = result.items
    # Facility: the mean score.  A: 2/6, B: 1/6, C: 3/6.
    assert (a.facility, b.facility, c.facility) == pytest.approx((1 / 3, 1 / 6, 1 / 2))
    # SD of A (n - 1): deviations -1/3 (x4) and 2/3 (x2): 4/9 + 8/9 = 4/3; sqrt(4/3 / 5).
    assert a.sd == pytest.approx(math.sqrt(4 / 15))

    # A against the rest (B + C = 0 0 1 1 1 1, mean 2/3):
    #   sum dx*dy = 4 * (1/3 * ... ) -> 2/9 + 2/9 - 1/9 - 1/9 + 2/9 + 2/9 = 2/3
    #   sum dx^2 = 4/9 * 1 + 1/9 * 4 = 4/3, sum dy^2 = 2 * 4/9 + 4 * 1/9 = 4/3
    #   r = (2/3) / sqrt(4/3 * 4/3) = 0.5
    assert a.discrimination == pytest.approx(0.5)
    # B against A + C = 0 0 1 1 2 1 (mean 5/6): sum dx*dy = 1/36 + 5/36 = 1/6,
    #   sum dx^2 = 5/36 + 25/36 = 5/6, sum dy^2 = (25+25+1+1+49+1)/36 = 17/6
    #   r = (1/6) / sqrt(5/6 * 17/6) = 1 / sqrt(85)
    assert b.discrimination == pytest.approx(1 / math.sqrt(85))
    # C against A + B = 0 0 0 0 1 2 (mean 1/2): sum dx*dy = -1/2, sum dx^2 = 3/2,
    #   sum dy^2 = 4 * 1/4 + 1/4 + 9/4 = 7/2; r = -0.5 / sqrt(3/2 * 7/2) = -0.5 / sqrt(5.25)
    assert c.discrimination == pytest.approx(-0.5 / math.sqrt(5.25))

    # 27% of 6 = 1.62 -> groups of 2: upper L5, L6 (total 2), lower L1, L2 (total 0).
    # D = mean in upper - mean in lower: A 1 - 0, B 1/2 - 0, C 1/2 - 0.
    assert (a.upper_lower, b.upper_lower, c.upper_lower) == pytest.approx((1.0, 0.5, 0.5))

    # KR-20: p q = 1/3*2/3 + 1/6*5/6 + 1/2*1/2 = 8/36 + 5/36 + 9/36 = 11/18;
    #   totals 0 0 1 1 2 2 (mean 1): var = 4/6 = 2/3; 3/2 * (1 - (11/18) / (2/3)) = 1/8
    (rel,) = result.reliability
    assert rel.method == "KR-20" and rel.value == pytest.approx(0.125)
    assert (rel.items, rel.learners, rel.upper_size, rel.lower_size) == (3, 6, 2, 2)
    assert "0.12" in rel.reason.en and "信度偏低" in rel.reason.zh

    # Flags: A discriminates (0.5), B is near zero (0.108), C is negative (-0.218).
    assert a.flags == [] and a.reason is None
    assert b.flags == ["near_zero"] and "0.11" in b.reason.en and "区分度接近零" in b.reason.zh
    assert c.flags == ["negative"] and "-0.22" in c.reason.en and "区分度为负" in c.reason.zh
    assert [i.exercise_id for i in result.flagged] == ["B", "C"]


def test_the_hand_computed_distractors():
    a = _hand().items[0]
    # Option 0 was chosen by L1, L3, L4; option 1 (the key) by L5, L6; option 2 by L2.
    shares = {o.label: (o.correct, o.share, o.upper, o.lower) for o in a.options}
    assert shares == {
        "Customize": (False, pytest.approx(3 / 6), 0.0, 0.5),
        "Identify": (True, pytest.approx(2 / 6), 1.0, 0.0),
        "Interact": (False, pytest.approx(1 / 6), 0.0, 0.5),
    }


def test_a_distractor_that_draws_the_upper_group_is_named():
    # Eight learners; the strong ones (by the other two items) pick option 2, a distractor.
    # L0, L1 (total 2) are the upper group, L2..L7 (total 1, tied) the lower.
    rows = [[0, 1, 1], [0, 1, 1]] + [[1, 0, 0]] * 6
    names = [f"L{i}" for i in range(8)]
    scores = pd.DataFrame(rows, index=names, columns=["Q", "X", "Y"], dtype=float)
    picks = {"Q": {n: frozenset({1 if r[0] else 2}) for n, r in zip(names, rows, strict=True)}}
    result = analyse(scores, {"l": ["Q", "X", "Y"]},
                     keys={"Q": ChoiceKey(("a", "b", "c"), frozenset({1}))}, picks=picks)
    q = result.items[0]
    assert q.flags == ["negative"]
    assert "\u201cc\u201d drew 100% of the upper group but 0% of the lower" in q.reason.en


def test_partial_credit_gives_cronbachs_alpha():
    # item 1: 1 .5 .5 0 0 (mean .4, var .7/5 = .14); item 2: 1 1 .5 .5 0 (mean .6, var .14)
    # totals 2 1.5 1 .5 0 (mean 1, var 2.5/5 = .5); alpha = 2 * (1 - .28/.5) = 0.88
    scores = pd.DataFrame({"p": [1, .5, .5, 0, 0], "q": [1, 1, .5, .5, 0]}, dtype=float)
    (rel,) = analyse(scores, {"l": ["p", "q"]}).reliability
    assert rel.method == "Cronbach's alpha" and rel.value == pytest.approx(0.88)
    assert rel.reason is None


def _independent(scores: pd.DataFrame, ids: list[str]) -> dict:
    """The same statistics from pandas' own corr, nlargest and var, written separately."""
    x = scores[ids].dropna(how="all").fillna(0)
    total = x.sum(axis=1)
    g = max(1, round(0.27 * len(x)))
    upper = total.nlargest(g, keep="all").index
    lower = total.nsmallest(g, keep="all").index
    out = {}
    for j in ids:
        out[j] = (x[j].mean(), x[j].corr(total - x[j]),
                  x.loc[upper, j].mean() - x.loc[lower, j].mean())
    k = len(ids)
    alpha = k / (k - 1) * (1 - x.var(ddof=1).sum() / total.var(ddof=1))
    return out, alpha, len(upper), len(lower)


@pytest.mark.parametrize("partial", [False, True])
def test_500_learners_against_pandas(partial):
    rng = np.random.default_rng(11)
    n, k = 500, 8
    ability = rng.normal(size=n)
    difficulty = np.linspace(-1.5, 1.5, k)
    p = 1 / (1 + np.exp(-2 * (ability[:, None] - difficulty[None, :])))
    x = (rng.random((n, k)) < p).astype(float)
    if partial:
        x = np.where(rng.random((n, k)) < 0.3, np.round(p * 4) / 4, x)
    x[:, 5] = 1 - x[:, 5]  # an item keyed the wrong way round: negative discrimination
    x[rng.random((n, k)) < 0.05] = np.nan  # some items left out
    x[:7] = np.nan  # learners who never took this lesson
    ids = [f"i{j}" for j in range(k)]
    scores = pd.DataFrame(x, columns=ids, index=[f"s{i}" for i in range(n)])
    result = analyse(scores, {"lesson": ids})
    expected, alpha, n_up, n_low = _independent(scores, ids)
    for stat in result.items:
        f, r, d = expected[stat.exercise_id]
        assert stat.learners == n - 7
        assert stat.facility == pytest.approx(f)
        assert stat.discrimination == pytest.approx(r)
        assert stat.upper_lower == pytest.approx(d)
    (rel,) = result.reliability
    assert rel.method == ("Cronbach's alpha" if partial else "KR-20")
    assert rel.value == pytest.approx(alpha)
    assert (rel.upper_size, rel.lower_size) == (n_up, n_low)
    assert result.items[5].flags == ["negative"]
    for stat in result.items:
        r = stat.discrimination
        assert stat.flags == (["negative"] if r < 0 else ["near_zero"] if r < 0.2 else [])
    assert len(result.flagged) < k


def _no_nan(result):
    for stat in result.items:
        for value in (stat.facility, stat.sd, stat.discrimination, stat.upper_lower):
            assert value is None or math.isfinite(value)
    for rel in result.reliability:
        assert rel.value is None or math.isfinite(rel.value)


def test_one_learner_is_not_enough_data():
    scores = pd.DataFrame({"a": [1.0], "b": [0.0]}, index=["only"])
    result = analyse(scores, {"l": ["a", "b"]})
    _no_nan(result)
    a, b = result.items
    assert a.facility == 1.0 and a.sd is None and a.discrimination is None
    assert a.upper_lower is None and a.flags == []
    assert "Not enough data: 1 learner(s)" in a.reason.en and "数据不足" in a.reason.zh
    (rel,) = result.reliability
    assert rel.value is None and f"at least {MIN_LEARNERS}" in rel.reason.en


def test_all_right_and_a_constant_item():
    scores = pd.DataFrame({"easy": [1.0] * 6, "half": [0.5] * 6,
                           "real": [1, 0, 1, 0, 1, 1]}, dtype=float)
    result = analyse(scores, {"l": ["easy", "half", "real"]})
    _no_nan(result)
    easy, half, real = result.items
    assert easy.flags == ["all_right"] and easy.discrimination is None
    assert "Everyone got it right" in easy.reason.en and "全员答对" in easy.reason.zh
    assert half.flags == ["all_same"] and half.discrimination is None
    # "real" is compared with a rest (easy + half) that is the same for everyone
    assert real.discrimination is None and "same score on the rest" in real.reason.en


def test_everyone_right_on_everything():
    scores = pd.DataFrame(np.ones((10, 3)), columns=list("abc"))
    result = analyse(scores, {"l": list("abc")})
    _no_nan(result)
    assert all(s.flags == ["all_right"] for s in result.items)
    (rel,) = result.reliability
    assert rel.value is None and "same total" in rel.reason.en


def test_a_one_item_lesson_and_an_item_nobody_took():
    scores = pd.DataFrame({"solo": [1, 0, 1, 0, 1, 0], "other": [1, 1, 0, 0, 1, 0]},
                          dtype=float)
    result = analyse(scores, {"one": ["solo"], "two": ["other", "missing"]})
    _no_nan(result)
    solo, other, missing = result.items
    assert solo.discrimination is None and "only this one assessment item" in solo.reason.en
    assert missing.facility == 0 and missing.flags == ["all_wrong"]
    assert "Nobody got it right" in missing.reason.en
    assert result.reliability[0].value is None  # one item: no reliability


def test_no_learners_at_all():
    result = analyse(pd.DataFrame(columns=["a", "b"], dtype=float), {"l": ["a", "b"]})
    _no_nan(result)
    assert [s.learners for s in result.items] == [0, 0]
    assert all(s.facility is None for s in result.items)


def test_options_and_picks_of_bank_exercises(fixture_bank):
    single = choice_key(fixture_bank["demo-assess-single"])
    assert single.labels == ("Customize", "Identify", "Interact")
    assert single.correct == frozenset({1})
    multi = choice_key(fixture_bank["demo-assess-multi"])
    assert multi.correct == frozenset({0, 2})
    tf = choice_key(fixture_bank["more-assess-tf"])
    assert tf == ChoiceKey(("True", "False"), frozenset({1}))
    assert choice_key(fixture_bank["demo-assess-cloze"]) is None
    assert fixture_bank["more-assess-tf"].picked_options(False) == frozenset({1})
    assert fixture_bank["demo-assess-multi"].picked_options([0, 2, 9]) == frozenset({0, 2})
    assert fixture_bank["demo-assess-single"].picked_options("junk") is None
    assert fixture_bank["demo-assess-cloze"].picked_options(["a", "b"]) is None
    assert NO_ANSWER == "(no answer)"
