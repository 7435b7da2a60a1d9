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
WRITING = ("reply", "roleplay")


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
        self.total = 0
        self.version = 0

    def add(self, attempt: dict) -> None:
        """Count one stored attempt (a dict as :meth:`SessionStore.attempts` gives)."""
        ex_id = attempt["exercise_id"]
        self.attempts[ex_id] += 1
        self.latest.setdefault(ex_id, {})[attempt["learner"]] = attempt
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
        options = getattr(ex, "options", None)
        if options is not None:
            counts: Counter = Counter()
            for a in latest.values():
                # options are named by key (or, in old stores, by index): the kind reads both
                counts.update(ex.picked_options(a["response"]) or ())
            out["options"] = [{"text": _en(o.text), "zh": _zh(o.text), "count": counts[o.index],
                               "correct": bool(o.correct)} for o in options]
        elif ex.type == "true_false":
            counts = Counter(a["response"] for a in latest.values()
                             if isinstance(a["response"], bool))
            out["options"] = [{"text": str(v), "zh": "对" if v else "错", "count": counts[v],
                               "correct": v == ex.answer} for v in (True, False)]
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
        if ex.type in WRITING:
            out["criteria"] = criteria_missed(ex, latest.values())
        elif per_item and options is None and ex.type != "true_false":
            out["items"] = [{"label": label, "wrong": wrong.most_common(TOP_WRONG)}
                            for _, (label, wrong) in sorted(per_item.items())]
        if names:
            out["learners"] = sorted(
                ({"name": name, "score": a["score"], "answer": ex.describe(a["response"])}
                 for name, a in latest.items()), key=lambda r: r["name"].casefold())
        return hide_key(out) if ex.mode == "assessment" else out


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


def criteria_missed(ex, latest) -> list[dict]:
    """Per rubric criterion of a writing task: its name (en, zh) and how many of the learners'
    latest attempts missed it.

    A reply: each criterion of the reviewer's rubric and the length, in the rubric's order. A
    role-play: each move the buyer's turns expected that some learner did not make (a learner
    counts once however many turns they missed it in), most missed first, then the ending.
    """
    latest = list(latest)
    if ex.type == "reply":
        rows: dict[int, dict] = {}
        for a in latest:
            for item in a["items"]:
                row = rows.setdefault(item["index"], {
                    "en": item.get("label") or "", "zh": item.get("label_zh") or
                    item.get("label") or "", "missed": 0})
                row["missed"] += not item.get("correct")
        return [rows[i] for i in sorted(rows)]
    from course.messages import ui
    from course.writing.moves import MOVES

    missed: Counter = Counter()
    bad_end = 0
    for a in latest:
        moves: set = set()
        for item in a["items"]:
            if "missed" in item:
                moves.update(item["missed"])
            elif item.get("end"):
                bad_end += not item.get("correct")
        missed.update(moves)
    out = [{"en": MOVES.get(m, (m, m))[0], "zh": MOVES.get(m, (m, m))[1], "missed": n}
           for m, n in sorted(missed.items(), key=lambda kv: (-kv[1], kv[0]))]
    end, good = ui("rp_end"), ui("rp_outcome_good")
    out.append({"en": f"{end.en}: {good.en}", "zh": f"{end.zh}：{good.zh}", "missed": bad_end})
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
        if exercise.type in WRITING:
            row["label_zh"] = getattr(it.label, "zh", None)
        if exercise.type == "roleplay":
            if isinstance(it.expected, list):  # a turn: expected = made + missed moves
                made = set(it.given or ())
                row["missed"] = [m for m in it.expected if m not in made]
            else:  # the ending
                row["end"] = True
        rows.append(row)
    return rows


def _json_safe(value):
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    return str(value)
