"""Example answers for imported bank entries: every entry carries a known-correct and a
known-wrong response, found here by grading candidates with the entry's own kind.

Only the import driver (``course.bankio.import_file``) uses this module: it asks the kinds
registry, which the format modules (named in the kinds' ``views``) never import.
"""
from __future__ import annotations

from collections.abc import Mapping


def examples_for(raw: Mapping) -> dict | None:
    """Known-correct and known-wrong responses that a bank entry's own grader agrees with
    (every bank entry carries them), or None when none could be found."""
    from course.exercises import kinds

    try:
        exercise = kinds.build_exercise({**raw, "examples": {"correct": [], "wrong": []}})
    except Exception:  # noqa: BLE001 - the caller reports the definition problem
        return None
    good = [c for c in _candidates_correct(exercise) if exercise.grade(c).correct]
    bad = []
    for c in _candidates_wrong(exercise):
        result = exercise.grade(c)
        if result.valid and result.attempted and not result.correct:
            bad.append(c)
            break
    return {"correct": good[:1], "wrong": bad} if good and bad else None


def _candidates_correct(ex) -> list:
    t = ex.type
    if t == "single_choice":
        return [ex.correct_indexes[0]]
    if t == "multiple_choice":
        return [list(ex.correct_indexes)]
    if t == "true_false":
        return [ex.answer]
    if t == "matching":
        return [dict(ex.key)]
    if t == "ordering":
        return [list(ex.keys)]
    if t == "numeric":
        return [ex.answer if ex.answer != int(ex.answer) else int(ex.answer)]
    if t == "cloze":
        return [[b.answers[0] for b in ex.blanks]]
    if t == "reply":
        return [ex.model_answer]
    return []


def _candidates_wrong(ex) -> list:
    t = ex.type
    if t in ("single_choice", "multiple_choice"):
        wrong = [o.index for o in ex.options if not o.correct]
        if t == "single_choice":
            return wrong[:1]
        return [[w] for w in wrong[:1]] + [[ex.correct_indexes[0]]]
    if t == "true_false":
        return [not ex.answer]
    if t == "matching":
        rights = list(ex.key.values())
        turned = rights[1:] + rights[:1]
        return [dict(zip(ex.key, turned, strict=True))]
    if t == "ordering":
        return [list(reversed(ex.keys))]
    if t == "numeric":
        step = max(ex.tolerance * 10, abs(ex.answer) * 0.5, 1.0)
        return [ex.answer + step, ex.answer - step]
    if t == "cloze":
        n = len(ex.blanks)
        firsts = [b.answers[0] for b in ex.blanks]
        out = [firsts[1:] + firsts[:1]] if n > 1 else []
        if ex.distractors:
            out.append([ex.distractors[0]] * n)
        out.append(["qqqq"] * n)
        return out
    if t == "reply":
        return ["Thank you."]
    return []
