"""Former exercise ids: an exercise renamed in the bank (``former_ids: [old-id]``) is still
found, read and counted under any id it had, so a rename never loses anyone's work.

An id that comes from outside the bank (a learner's saved progress, a submission file, a live
class answer, a teacher's marks, an imported question) is read through ``current_id``; the
bank's own checks (``former_id_problems``) make sure that a former id names one exercise only.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

# former id -> current id, for every exercise with former ids built in this process (a lesson
# opened in a notebook tells the progress store, which has no bank, what was renamed)
_seen: dict[str, str] = {}


def former_ids_of(raw: Mapping) -> tuple[str, ...]:
    """The ``former_ids`` of a bank entry, as a tuple of texts (empty when it has none)."""
    value = raw.get("former_ids") if isinstance(raw, Mapping) else None
    if not isinstance(value, (list, tuple)):
        return ()
    return tuple(str(v) for v in value)


def remember(exercise) -> None:
    """Note the former ids of an exercise just built (``known()`` gives them back)."""
    for old in getattr(exercise, "former_ids", ()):
        _seen[old] = exercise.id


def known() -> dict[str, str]:
    """Former id -> current id of every renamed exercise built in this process so far."""
    return dict(_seen)


def rename_map(exercises: Iterable) -> dict[str, str]:
    """Former id -> current id of these exercises (a bank's or a lesson's)."""
    return {old: ex.id for ex in exercises for old in getattr(ex, "former_ids", ())}


def current_id(exercise_id, renames: Mapping[str, str] | None = None):
    """The id an exercise has now, for an id read from outside (``renames``: a bank's
    ``rename_map``; by default every rename this process has seen). Any other value is
    returned as it is: a current id, an unknown id, or a value that is not an id at all."""
    table = _seen if renames is None else renames
    if isinstance(exercise_id, str):
        return table.get(exercise_id, exercise_id)
    return exercise_id


def ids_with_former(exercise) -> list[str]:
    """An exercise's current id followed by its former ids (the keys its work may be under)."""
    return [str(exercise.id), *getattr(exercise, "former_ids", ())]


def former_id_problems(exercises: Iterable) -> list[tuple[object, str, object, str]]:
    """Every former id that cannot be read as one exercise: (exercise, former id, the
    exercise it clashes with (itself for its own id), why).

    A former id may not be the exercise's own id, another exercise's current id, or another
    exercise's former id: each would make old work count for two exercises, or the wrong one.
    """
    exercises = list(exercises)
    current = {}
    for ex in exercises:
        current.setdefault(ex.id, ex)
    claimed: dict[str, object] = {}
    problems = []
    for ex in exercises:
        for old in getattr(ex, "former_ids", ()):
            if old == ex.id:
                problems.append((ex, old, ex, f"{old!r} is this exercise's own id; list only the "
                                          "ids it had before"))
            elif old in current:
                other = current[old]
                problems.append((ex, old, other, f"{old!r} is the current id of exercise {old!r}"
                                          f"{_where(other, ex)}; a former id must be an id no "
                                          "exercise has now"))
            elif old in claimed and claimed[old] is not ex:
                other = claimed[old]
                problems.append((ex, old, other, f"{old!r} is already a former id of exercise "
                                          f"{other.id!r}{_where(other, ex)}; old work can count "
                                          "for one exercise only"))
            else:
                claimed[old] = ex
    return problems


def _where(other, ex) -> str:
    source = getattr(other, "source", "")
    return f" in {source}" if source and source != getattr(ex, "source", "") else ""


def _reset_for_tests() -> None:
    _seen.clear()
