"""What the projector shows, from each learner's latest attempt at each exercise.

Kept in memory and updated with every attempt (rebuilt from the session file when the service
starts), so a dashboard poll costs a few dictionary look-ups, however large the class.
Learner names appear only when the instructor turns them on (``names=True``). For a reply or
role-play task it gives the rubric criteria the class missed (how many learners' latest attempt
missed each), as the service graded them with the instructor's bank.
"""
from __future__ import annotations

from collections import Counter

TOP_ANSWERS = 8
TOP_WRONG = 3


def _en(text) -> str:
    return getattr(text, "en", text) or ""


def _zh(text) -> str:
    return getattr(text, "zh", text) or ""


class Tally:
    """Counts of a session: attempts, and each learner's latest attempt per exercise.

    Args:
        bank: the instructor's Bank (id -> Exercise).
    """

    def __init__(self, bank):
        self.bank = bank
        self.attempts: Counter = Counter()          # exercise id -> attempts
        self.latest: dict[str, dict[str, dict]] = {}  # exercise id -> learner -> attempt
        # exercise id -> peer-instruction round -> learner -> their latest attempt in it
        self.by_round: dict[str, dict[int, dict[str, dict]]] = {}
        self.total = 0
        self.version = 0

    def add(self, attempt: dict) -> None:
        """Count one stored attempt (a dict as :meth:`SessionStore.attempts` gives)."""
        ex_id = attempt["exercise_id"]
        self.attempts[ex_id] += 1
        self.latest.setdefault(ex_id, {})[attempt["learner"]] = attempt
        rounds = self.by_round.setdefault(ex_id, {})
        rounds.setdefault(attempt.get("round") or 1, {})[attempt["learner"]] = attempt
        self.total += 1
        self.version += 1

    def learners(self) -> set[str]:
        return {name for per in self.latest.values() for name in per}

    # -- what the dashboard asks ---------------------------------------------------------
    def lesson_rows(self, ids) -> list[dict]:
        """One row per exercise: learners answered, right now, attempts, mean score."""
        rows = []
        for ex_id in ids:
            latest = self.latest.get(ex_id, {})
            n = len(latest)
            if ex_id in self.bank and self.bank[ex_id].mode == "assessment":
                # never on a projector: posting each option in turn would show the key
                rows.append({"id": ex_id, "answered": n, "correct": None,
                             "attempts": self.attempts.get(ex_id, 0), "mean_score": None})
                continue
            rows.append({
                "id": ex_id,
                "answered": n,
                "correct": sum(a["correct"] for a in latest.values()),
                "attempts": self.attempts.get(ex_id, 0),
                "mean_score": round(sum(a["score"] for a in latest.values()) / n, 3) if n
                else None,
            })
        return rows

    def exercise(self, ex_id: str, *, names: bool = False) -> dict:
        """The distribution of one exercise's answers (latest per learner)."""
        ex = self.bank[ex_id]
        latest = self.latest.get(ex_id, {})
        out = {
            "id": ex_id, "type": ex.type, "mode": ex.mode,
            "prompt": {"en": _en(ex.prompt), "zh": _zh(ex.prompt)},
            "answered": len(latest),
            "correct": sum(a["correct"] for a in latest.values()),
            "attempts": self.attempts.get(ex_id, 0),
        }
        options = ex.option_texts()  # the kind's options (choices, true/false), or None
        if options is not None:
            counts: Counter = Counter()
            for a in latest.values():
                # options are named by key (or, in old stores, by index): the kind reads both
                counts.update(ex.picked_options(a["response"]) or ())
            right = ex.choice_options()[1]
            out["options"] = [{"text": _en(o), "zh": _zh(o), "count": counts[i],
                               "correct": i in right} for i, o in enumerate(options)]
        else:
            answers = Counter()
            right = {}
            for a in latest.values():
                text = ex.describe(a["response"])
                answers[text] += 1
                right[text] = a["correct"]
            out["answers"] = [{"text": t, "count": c, "correct": right[t]}
                              for t, c in answers.most_common(TOP_ANSWERS)]
        per_item: dict[int, tuple[str, Counter]] = {}
        for a in latest.values():
            for item in a["items"]:
                if item.get("label") is None:
                    continue
                label, wrong = per_item.setdefault(item["index"], (item["label"], Counter()))
                if item.get("attempted", True) and not item.get("correct"):
                    wrong[_given_text(item.get("given"))] += 1
        criteria = ex.live_criteria(list(latest.values()))  # written work: what was missed
        if criteria is not None:
            out["criteria"] = criteria
        elif per_item and options is None:
            out["items"] = [{"label": label, "wrong": wrong.most_common(TOP_WRONG)}
                            for _, (label, wrong) in sorted(per_item.items())]
        out["rounds"] = self.rounds(ex_id)
        if names:
            out["learners"] = sorted(
                ({"name": name, "score": a["score"], "answer": ex.describe(a["response"])}
                 for name, a in latest.items()), key=lambda r: r["name"].casefold())
        return hide_key(out) if ex.mode == "assessment" else out


    def rounds(self, ex_id: str) -> dict:
        """How the answers moved in a peer-instruction question: for round 1 and 2, each
        answer's label (an option's English text, or the answer as the report describes it)
        and how many learners' latest attempt in that round gave it. Every option is listed
        (0 when nobody chose it), in the option order, so that the chart pairs the rounds."""
        ex = self.bank[ex_id]
        options = ex.option_texts()
        out = {}
        for round_ in (1, 2):
            latest = self.by_round.get(ex_id, {}).get(round_, {})
            counts: Counter = Counter()
            if options is not None:
                labels = [_en(o) for o in options]
                for a in latest.values():
                    counts.update(labels[i] for i in ex.picked_options(a["response"]) or ()
                                  if 0 <= i < len(labels))
                out[str(round_)] = {label: counts[label] for label in labels}
            else:
                counts.update(ex.describe(a["response"]) for a in latest.values())
                out[str(round_)] = dict(counts.most_common(TOP_ANSWERS))
        return out


def hide_key(out: dict) -> dict:
    """An assessment item's counts without anything that tells right from wrong (issue 21: the
    "Right now" column and the names table were an oracle): how many answered and what they
    chose, no marks, no scores, no per-item wrong answers."""
    out["correct"] = None
    for key in ("options", "answers"):
        for row in out.get(key, ()):
            row["correct"] = None
    out.pop("items", None)
    out.pop("criteria", None)
    for row in out.get("learners", ()):
        row["score"] = None
    out["key_hidden"] = True
    return out


def _given_text(given) -> str:
    if isinstance(given, str):
        return given.strip() or "(empty)"
    return "(none)" if given is None else str(given)


def item_rows(exercise, result) -> list[dict]:
    """What is stored of a GradeResult's items: the report's label (None for kinds without
    per-item rows, such as choices), what was given, and whether it was right; for a writing
    task also the label in Chinese and (role-play) the moves a turn missed."""
    rows = []
    for it in result.items:
        row = {"index": it.index, "label": exercise.item_label(it),
               "given": _json_safe(it.given), "correct": bool(it.correct),
               "attempted": bool(it.attempted)}
        row.update(exercise.item_row_extra(it))  # written work: Chinese label, missed moves
        rows.append(row)
    return rows


def _json_safe(value):
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    return str(value)
