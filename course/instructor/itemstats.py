"""Classical item statistics of a class's assessment items (plain Python: no widgets, no numpy).

The definitions follow Moodle's quiz statistics report (facility index, discrimination index),
plus the upper-lower 27% index and the distractor table of classical test theory.

What is a "test" here
    One lesson's assessment items: the graded "check your understanding" set. The learners of a
    test are those who attempted at least one of its items; an item of the test that such a
    learner left out scores 0 (as a question left blank in a submitted Moodle quiz attempt).
    A learner's score on an item is the score of their last attempt, in 0..1 (partial credit
    for cloze, multiple choice, matching and ordering), as the rest of the class report counts.

For a test of k items answered by n learners, x_ij the score of learner i on item j and
T_i = sum_j x_ij the learner's total:

Facility index (Moodle: "Facility index")
    F_j = mean_i(x_ij), the mean score as a share of the item's maximum (1). 1 = everyone right.

Standard deviation
    SD_j = sqrt( sum_i (x_ij - F_j)^2 / (n - 1) ).

Discrimination index (Moodle: "Discrimination index"; point-biserial for 0/1 items)
    r_j = corr(x_.j, R_.j) with R_ij = T_i - x_ij, the rest of the test. The Pearson correlation
    of the item with the total *without the item*, so the item does not correlate with itself.
    Undefined (not enough data) when either x_.j or R_.j has no spread, or the test has one item.

Upper-lower index (Kelley's 27% groups)
    Sort learners by T; g = max(1, round(0.27 n)); the upper group is every learner whose T is
    at least the g-th highest total, the lower group every learner whose T is at most the g-th
    lowest (learners tied at a cut all belong to the group, so the result does not depend on the
    order of the files). D_j = mean(x_ij | upper) - mean(x_ij | lower). Undefined when the two
    groups would share a total (the totals do not spread).

Distractor analysis (single choice, multiple choice, true/false)
    For every option o: the share of learners in the upper group, the lower group and the whole
    class whose last answer chose o (a multiple-choice answer chooses each option it ticks); a
    learner who did not answer counts under "no answer". A good key is chosen more by the upper
    group, a good distractor more by the lower group.

Reliability of a lesson's assessment items
    KR-20 when every score is 0 or 1:   rho = k/(k-1) * (1 - sum_j p_j q_j / var(T))
    Cronbach's alpha otherwise:         alpha = k/(k-1) * (1 - sum_j var(x_.j) / var(T))
    with p_j = F_j, q_j = 1 - p_j and population variances (divisor n; for KR-20 p q is the
    population variance of a 0/1 item, so the two formulas agree on 0/1 data).
    Undefined with fewer than 2 items or no spread in T.

Flags (what report.html lists, with a reason a teacher can act on)
    ``negative``   r_j < 0: the stronger learners did worse on this item than the weaker.
    ``near_zero``  0 <= r_j < 0.2: Moodle's "very weak" band; the item hardly separates learners.
    ``all_right`` / ``all_wrong``: nobody differs on the item, so it cannot discriminate.
Every statistic needs at least ``MIN_LEARNERS`` learners; below that it is ``None`` with the
reason "not enough data", never NaN.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from course.messages import ui
from course.text import Bilingual

MIN_LEARNERS = 5  # below this no statistic but the facility is computed, and nothing is flagged
GROUP_SHARE = 0.27  # Kelley's upper and lower groups
NEAR_ZERO = 0.2  # Moodle: a discrimination index below 20% is "very weak"
LOW_RELIABILITY = 0.5
NO_ANSWER = "(no answer)"
_EPS = 1e-12


def text(key: str, **fields) -> Bilingual:
    """The item-statistics text ``key`` (``stats_<key>`` in course.messages)."""
    return ui(f"stats_{key}", **fields)


# ----------------------------------------------------------------------------- results


@dataclass(frozen=True)
class ChoiceKey:
    """The options of a choice item (English texts) and the indexes of the right ones."""

    labels: tuple[str, ...]
    correct: frozenset[int]


@dataclass
class OptionStat:
    """How often one option (or "no answer") was chosen, overall and by group."""

    label: str
    correct: bool
    share: float
    upper: float | None
    lower: float | None


@dataclass
class ItemStat:
    """The statistics of one item; ``None`` where there is not enough data (see ``reason``)."""

    lesson: str
    exercise_id: str
    type: str
    learners: int
    facility: float | None = None
    sd: float | None = None
    discrimination: float | None = None  # r with the rest of the test
    upper_lower: float | None = None  # D, 27% groups
    options: list[OptionStat] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    reason: Bilingual | None = None  # why flagged, or why a figure is missing


@dataclass
class Reliability:
    """The reliability of one lesson's assessment items."""

    lesson: str
    items: int
    learners: int
    method: str  # "KR-20" or "Cronbach's alpha"
    value: float | None = None
    upper_size: int = 0
    lower_size: int = 0
    reason: Bilingual | None = None


@dataclass
class ItemAnalysis:
    items: list[ItemStat]
    reliability: list[Reliability]

    @property
    def flagged(self) -> list[ItemStat]:
        return [i for i in self.items if {"negative", "near_zero"} & set(i.flags)]


# ----------------------------------------------------------------------------- computing


def _num(value) -> float | None:
    value = float(value)
    return None if math.isnan(value) or math.isinf(value) else value


# A class is a few hundred learners and a lesson a handful of items: lists and math.fsum (exactly
# rounded sums) do this in milliseconds, where importing numpy alone took a quarter of a second.


def _mean(values) -> float:
    return math.fsum(values) / len(values) if len(values) else math.nan


def _var(values, ddof: int = 0) -> float:
    n = len(values)
    if n - ddof <= 0:
        return math.nan
    m = _mean(values)
    return math.fsum((v - m) * (v - m) for v in values) / (n - ddof)


def _pearson(x, y) -> float | None:
    mx, my = _mean(x), _mean(y)
    dx, dy = [a - mx for a in x], [b - my for b in y]
    sxx, syy = math.fsum(a * a for a in dx), math.fsum(b * b for b in dy)
    if sxx <= _EPS or syy <= _EPS:
        return None
    return _num(math.fsum(a * b for a, b in zip(dx, dy, strict=True)) / math.sqrt(sxx * syy))


def _picked(values, mask) -> list:
    return [v for v, m in zip(values, mask, strict=True) if m]


def groups(totals) -> tuple[list[bool], list[bool]] | None:
    """Masks (one bool per learner) of the upper and lower 27% groups by total (ties at a cut
    included), or None when the groups cannot be told apart."""
    totals = [float(t) for t in totals]
    n = len(totals)
    if n < 2:
        return None
    g = max(1, int(round(GROUP_SHARE * n)))
    ordered = sorted(totals)
    low_cut, high_cut = ordered[g - 1], ordered[n - g]
    if high_cut <= low_cut + _EPS:
        return None
    return [t >= high_cut - _EPS for t in totals], [t <= low_cut + _EPS for t in totals]


def _rows(x) -> tuple[list[list[float]], int]:
    """An n x k score matrix (lists of rows, or anything with ``tolist``) as rows, and k."""
    if hasattr(x, "shape"):
        return [[float(v) for v in row] for row in x.tolist()], int(x.shape[1])
    rows = [[float(v) for v in row] for row in x]
    return rows, len(rows[0]) if rows else 0


def reliability(x) -> tuple[str, float | None, str]:
    """(method, coefficient or None, reason key) for an n x k score matrix."""
    rows, k = _rows(x)
    return _reliability(rows, k)


def _reliability(rows: list[list[float]], k: int) -> tuple[str, float | None, str]:
    n = len(rows)
    dichotomous = all(abs(v) < _EPS or abs(v - 1) < _EPS for row in rows for v in row)
    method = "KR-20" if dichotomous else "Cronbach's alpha"
    if k < 2:
        return method, None, "rel_few_items"
    if n < MIN_LEARNERS:
        return method, None, "few_learners"
    var_total = _var([math.fsum(row) for row in rows])
    if var_total <= _EPS:
        return method, None, "rel_flat"
    columns = [[row[j] for row in rows] for j in range(k)]
    if dichotomous:
        item_var = math.fsum(p * (1 - p) for p in map(_mean, columns))
    else:
        item_var = math.fsum(map(_var, columns))
    return method, _num(k / (k - 1) * (1 - item_var / var_total)), ""


def _option_stats(key: ChoiceKey, picked: list[frozenset[int] | None],
                  masks: tuple[list[bool], list[bool]] | None) -> list[OptionStat]:
    n = len(picked)
    width = len(key.labels) + 1  # last column: no answer
    chosen = [[False] * n for _ in range(width)]
    for i, picks in enumerate(picked):
        if picks is None:
            chosen[-1][i] = True
        else:
            for o in picks:
                if 0 <= o < len(key.labels):
                    chosen[o][i] = True
    out = []
    for o in range(width):
        col = chosen[o]
        if o == len(key.labels) and not any(col):
            break
        up = low = None
        if masks is not None:
            up, low = _mean(_picked(col, masks[0])), _mean(_picked(col, masks[1]))
        label = key.labels[o] if o < len(key.labels) else NO_ANSWER
        out.append(OptionStat(label, o in key.correct, _mean(col) if n else 0.0, up, low))
    return out


def _reason(stat: ItemStat) -> Bilingual | None:
    r = stat.discrimination
    if r is None:
        return stat.reason
    if r < 0:
        reason = text("negative", r=r)
    elif r < NEAR_ZERO:
        reason = text("near_zero", r=r)
    else:
        return None
    f = stat.facility
    if f is not None and f >= 0.9:
        reason = reason + text("easy", f=f)
    elif f is not None and f <= 0.2:
        reason = reason + text("hard", f=f)
    usable = [o for o in stat.options if o.upper is not None and o.label != NO_ANSWER]
    lure = next((o for o in usable if not o.correct and o.upper > o.lower + 0.1), None)
    weak_key = next((o for o in usable if o.correct and o.lower > o.upper + 0.1), None)
    if lure is not None:  # a distractor the strong learners like: the likeliest cause
        reason = reason + text("distractor_draws_upper", option=_short(lure.label),
                               up=lure.upper, low=lure.lower)
    elif weak_key is not None:
        reason = reason + text("key_draws_lower", option=_short(weak_key.label),
                               up=weak_key.upper, low=weak_key.lower)
    return reason


def _short(label: str, limit: int = 60) -> str:
    label = " ".join(str(label).split())
    return label if len(label) <= limit else label[: limit - 1] + "…"


def analyse(scores, tests: dict[str, list[str]], *,
            types: dict[str, str] | None = None, keys: dict[str, ChoiceKey] | None = None,
            picks: dict[str, dict] | None = None) -> ItemAnalysis:
    """Item statistics and reliability of every test.

    ``scores``: a pandas DataFrame, one row per learner (any index), one column per item, the
    learner's score in 0..1, NaN where not attempted. ``tests``: test name (a lesson) -> its
    item ids (ids missing from ``scores`` are treated as attempted by nobody). ``keys``/``picks``:
    for choice items, the options and, per item, learner (index of ``scores``) -> the set of
    option indexes of their last answer.
    """
    blocks = []
    for lesson, ids in tests.items():
        if not ids:
            continue
        frame = scores.reindex(columns=list(ids))
        frame = frame[frame.notna().any(axis=1)]
        blocks.append((lesson, list(ids), frame.fillna(0.0).to_numpy(dtype=float).tolist(),
                       list(frame.index)))
    return _analyse(blocks, types or {}, keys or {}, picks or {})


def _analyse(blocks, types: dict[str, str], keys: dict[str, ChoiceKey],
             picks: dict[str, dict]) -> ItemAnalysis:
    """``analyse`` on score matrices: per test (lesson, item ids, n x k scores of the learners
    who attempted any of its items, not-attempted as 0, and those learners' keys in ``picks``)."""
    items: list[ItemStat] = []
    rels: list[Reliability] = []
    for lesson, ids, x, rows in blocks:
        n, k = len(x), len(ids)
        totals = [math.fsum(row) for row in x]
        enough = n >= MIN_LEARNERS
        masks = groups(totals) if enough else None
        method, value, why = _reliability(x, k)
        rel = Reliability(lesson, k, n, method, value)
        if masks is not None:
            rel.upper_size, rel.lower_size = sum(masks[0]), sum(masks[1])
        if why:
            rel.reason = text(why, n=n, min=MIN_LEARNERS)
        elif value is not None and value < LOW_RELIABILITY:
            rel.reason = text("rel_low", name=method, value=value, k=k)
        rels.append(rel)
        for j, ex_id in enumerate(ids):
            col = [row[j] for row in x]
            stat = ItemStat(lesson, ex_id, types.get(ex_id, ""), n)
            if n:
                stat.facility = _num(_mean(col))
            if n >= 2:
                stat.sd = _num(math.sqrt(_var(col, 1)))
            if ex_id in keys:
                chosen = picks.get(ex_id, {})
                stat.options = _option_stats(keys[ex_id], [chosen.get(i) for i in rows],
                                             masks)
            if not enough:
                stat.reason = text("few_learners", n=n, min=MIN_LEARNERS)
            elif _var(col) <= _EPS:
                state = "all_right" if col[0] >= 1 - _EPS else (
                    "all_wrong" if col[0] <= _EPS else "all_same")
                stat.flags.append(state)
                stat.reason = text(state)
            elif k < 2:
                stat.reason = text("one_item")
            else:
                _discrimination(stat, col, totals, masks)
            items.append(stat)
    return ItemAnalysis(items, rels)


def _discrimination(stat: ItemStat, col: list[float], totals: list[float], masks) -> None:
    """Fill in an item's discrimination (r with the rest), upper-lower index and flags."""
    stat.discrimination = _pearson(col, [t - c for t, c in zip(totals, col, strict=True)])
    if stat.discrimination is None:
        stat.reason = text("flat_rest")
    if masks is not None:
        stat.upper_lower = _num(_mean(_picked(col, masks[0])) - _mean(_picked(col, masks[1])))
    if stat.discrimination is not None:
        if stat.discrimination < 0:
            stat.flags.append("negative")
        elif stat.discrimination < NEAR_ZERO:
            stat.flags.append("near_zero")
    stat.reason = _reason(stat)


# ----------------------------------------------------------------------------- the bank side


def choice_key(exercise) -> ChoiceKey | None:
    """The options of a choice exercise of the bank (its kind says), or None."""
    options = exercise.choice_options()
    return None if options is None else ChoiceKey(*options)


def for_class(bank, lessons, finals_by_learner: list[dict[str, float]],
              responses_by_learner: list[dict[str, object]]) -> ItemAnalysis:
    """The item statistics of the class report: each lesson's assessment items are its test.

    ``lessons``: (slug, title, exercise ids) as the report lists them; ``finals_by_learner``:
    per learner, exercise id -> score of the last counted attempt; ``responses_by_learner``:
    per learner, exercise id -> the raw response of that attempt.
    """
    tests = {slug: [i for i in ids if bank[i].mode == "assessment"] for slug, _, ids in lessons}
    tests = {slug: ids for slug, ids in tests.items() if ids}
    wanted = [i for ids in tests.values() for i in ids]
    blocks = []  # (plain lists: building a DataFrame cost more than the statistics)
    for slug, ids in tests.items():
        rows = [r for r, f in enumerate(finals_by_learner) if any(i in f for i in ids)]
        x = [[float(finals_by_learner[r].get(i, 0.0)) for i in ids] for r in rows]
        blocks.append((slug, ids, x, rows))
    keys, picks, types = {}, {}, {}
    for ex_id in wanted:
        exercise = bank[ex_id]
        types[ex_id] = exercise.type
        key = choice_key(exercise)
        if key is None:
            continue
        keys[ex_id] = key
        chosen = {}
        for row, responses in enumerate(responses_by_learner):
            if ex_id in responses:
                chosen[row] = exercise.picked_options(responses[ex_id])
        picks[ex_id] = chosen
    return _analyse(blocks, types, keys, picks)
