"""What a learner page must never receive before the reveal: an exercise's key, as data.

``key_leaks(exercise, data)`` lists every piece of the answer key found in ``data`` (any JSON
the page received): a field named like a key (correct, answer, solution, feedback, ...), the
solution, feedback, hints, model answer and notes as text, a cloze blank's answers or tip, a
numeric answer, an ordering's items in the right order, a matching's pairs side by side.
"""
from __future__ import annotations

import json

#: Field names that only a key has (a form's option has "key" and "text": its name, not a key).
KEY_FIELDS = {"correct", "answer", "answers", "solution", "feedback", "hints", "pairs",
              "model_answer", "notes", "expected", "tip", "correct_indexes", "examples"}

#: Numbers of the class's state (``/api/current``), not of a question: never a key.
STATE_FIELDS = (".version", ".round", ".now", ".deadline", ".id", ".status", ".score")


def _walk(value, path="$"):
    if isinstance(value, dict):
        for k, v in value.items():
            yield f"{path}.{k}", k, None
            yield from _walk(v, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _walk(v, f"{path}[{i}]")
    else:
        yield path, None, value


def _texts(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, dict):
        return [str(v) for v in value.values() if v]
    if hasattr(value, "en"):
        return [t for t in (value.en, value.zh) if t]
    return [str(value)]


def secret_texts(exercise) -> list[str]:
    """Texts of the key: solution, feedback (exercise's, options', blanks'), hints, model
    answer and notes, cloze tips (each at least 4 characters: shorter ones occur anywhere)."""
    out = _texts(exercise.solution)
    for fb in exercise.feedback.values():
        out += _texts(fb)
    for hint in exercise.hints:
        out += _texts(hint)
    for option in getattr(exercise, "options", []) or []:
        out += _texts(getattr(option, "feedback", None))
    for blank in getattr(exercise, "blanks", []) or []:
        out += _texts(blank.tip)
        for fb in (blank.feedback or {}).values():
            out += _texts(fb)
    out += _texts(getattr(exercise, "model_answer", None)) + _texts(getattr(exercise, "notes", None))
    return [t for t in out if len(t.strip()) >= 4]


def key_leaks(exercise, data) -> list[str]:
    """Every piece of ``exercise``'s key found in ``data`` (empty: none)."""
    leaks = []
    values = []
    for path, key, value in _walk(data):
        if key in KEY_FIELDS:
            leaks.append(f"field {path}")
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            values.append((path, value))
    dumped = json.dumps(data, ensure_ascii=False)
    for text in secret_texts(exercise):
        if text in dumped or json.dumps(text, ensure_ascii=False)[1:-1] in dumped:
            leaks.append(f"text {text[:40]!r}")
    if getattr(exercise, "blanks", None) and not exercise.word_bank:
        answers = {a.casefold() for b in exercise.blanks for a in b.answers}
        leaks += [f"blank answer at {p}" for p, v in values
                  if isinstance(v, str) and v.strip().casefold() in answers]
        leaks += [f"blank marker at {p}" for p, v in values if isinstance(v, str) and "[[" in v]
    if exercise.type == "numeric":
        leaks += [f"numeric answer at {p}" for p, v in values
                  if not p.endswith(STATE_FIELDS) and _same_number(v, exercise.answer)]
    if exercise.type == "ordering":
        shown = [v for p, v in values if p.endswith(".key") and v in exercise.keys]
        if shown and shown[: len(exercise.keys)] == list(exercise.keys):
            leaks.append("the ordering's items in the right order")
    if exercise.type == "matching":
        lefts = [v for p, v in values if ".lefts[" in p and p.endswith(".key")]
        rights = [v for p, v in values if ".rights[" in p and p.endswith(".key")]
        if lefts and rights[: len(lefts)] == [exercise.key[k] for k in lefts]:
            leaks.append("the matching's rights in the order of their lefts")
    return leaks


def _same_number(value, answer) -> bool:
    try:
        return answer is not None and float(str(value).replace(",", "")) == float(answer)
    except ValueError:
        return False
