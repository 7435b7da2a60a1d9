"""Agreement of the reviewer with a teacher: the figures issue 22 measures on a scored set.

``figures(pairs)`` takes (teacher score, reviewer score) pairs and returns Spearman's rank
correlation; how many replies the teacher found unacceptable (<= 40) the reviewer kept at 50 or
less; how many excellent replies (>= 85) it scored 80 or more; and the share of the rest within
15 points of the teacher.
"""
from __future__ import annotations

UNACCEPTABLE, KEPT_LOW = 40, 50
EXCELLENT, KEPT_HIGH = 85, 80
WITHIN = 15


def spearman(a, b) -> float:
    """Spearman's rank correlation (Pearson on average ranks; pandas, no scipy needed)."""
    import pandas as pd

    return float(pd.Series(list(a)).rank().corr(pd.Series(list(b)).rank()))


def figures(pairs) -> dict:
    """The agreement figures of (teacher, reviewer) score pairs."""
    pairs = [(int(t), int(a)) for t, a in pairs]
    low = [(t, a) for t, a in pairs if t <= UNACCEPTABLE]
    high = [(t, a) for t, a in pairs if t >= EXCELLENT]
    rest = [(t, a) for t, a in pairs if UNACCEPTABLE < t < EXCELLENT]
    within = sum(abs(a - t) <= WITHIN for t, a in rest)
    return {
        "n": len(pairs),
        "spearman": spearman([t for t, _ in pairs], [a for _, a in pairs]),
        "unacceptable": len(low), "unacceptable_kept_low": sum(a <= KEPT_LOW for _, a in low),
        "excellent": len(high), "excellent_kept_high": sum(a >= KEPT_HIGH for _, a in high),
        "rest": len(rest), "rest_within": within,
        "rest_within_share": within / len(rest) if rest else 1.0,
    }


def review_set(replies, bank) -> list[dict]:
    """Review each scored reply ({id, exercise, score, text, ...}) with its bank task; the rows
    carry the teacher's and the reviewer's score."""
    rows = []
    for r in replies:
        try:
            ex = bank[r["exercise"]]
        except KeyError:
            raise KeyError(f"scored reply {r.get('id')!r}: the bank has no task "
                           f"{r.get('exercise')!r}") from None
        rows.append({**r, "teacher": int(r["score"]), "auto": ex.review(r["text"]).score})
    return rows
