"""The registry of exercise kinds: the only place that lists the types of exercise.

Every other part of the course (the loader and its schema, grading, the widgets, the student
copy, the class report, ``crm-course list``) asks this registry, so a new type of exercise is
one module: a subclass of :class:`~course.exercises.kinds.base.Exercise` (see that module for
what a kind provides), registered here with :func:`register`.

    from course.exercises import kinds
    kinds.types()                       # ('cloze', 'single_choice', ...)
    kinds.kind_of("numeric")            # NumericExercise
    kinds.build_exercise(raw, lesson="02-idic", source="exercises/02-idic.yaml")

The built-in kinds are registered when this package is imported (they import no widgets, no
pandas); their widgets are named by string and imported only when an exercise is shown.
"""
from __future__ import annotations

from collections.abc import Mapping

from course.errors import DefinitionError
from course.exercises.kinds.base import Exercise
from course.exercises.kinds.choice import ChoiceExercise
from course.exercises.kinds.cloze import ClozeExercise
from course.exercises.kinds.matching import MatchingExercise
from course.exercises.kinds.numeric import NumericExercise
from course.exercises.kinds.ordering import OrderingExercise
from course.exercises.kinds.reply import ReplyExercise
from course.exercises.kinds.roleplay import RoleplayExercise
from course.exercises.kinds.true_false import TrueFalseExercise
from course.messages import add_messages
from course.plugins import load_plugin
from course.settings import DEFAULT_EXERCISE_MINUTES

_REGISTRY: dict[str, type[Exercise]] = {}


def register(kind: type[Exercise]) -> type[Exercise]:
    """Add a kind to the registry under each of its ``types`` (usable as a class decorator).

    Args:
        kind: a subclass of Exercise with a non-empty ``types`` tuple.

    Returns:
        ``kind`` itself.
    """
    if not (isinstance(kind, type) and issubclass(kind, Exercise)) or not kind.types:
        raise TypeError(f"{kind!r} is not an Exercise subclass with `types`")
    for name in kind.types:
        _REGISTRY[name] = kind
    add_messages(kind.messages)
    return kind


def unregister(type_name: str) -> None:
    """Remove one type from the registry (for tests that add a throwaway kind)."""
    _REGISTRY.pop(type_name, None)


def types() -> tuple[str, ...]:
    """Every registered type name, in the order the kinds were registered."""
    return tuple(_REGISTRY)


def kind_of(type_name: str) -> type[Exercise]:
    """The kind (Exercise subclass) for a bank ``type``; raises KeyError for an unknown one."""
    return _REGISTRY[type_name]


def short_name(type_name: str) -> str:
    """The short column name of a type for ``crm-course list``."""
    kind = _REGISTRY.get(type_name)
    return (kind.short.get(type_name) if kind else None) or type_name


def minutes(type_name: str) -> float:
    """Minutes a learner spends on one exercise of ``type_name`` (the lesson-time model): what
    its kind states, else ``course.settings.DEFAULT_EXERCISE_MINUTES``."""
    kind = _REGISTRY.get(type_name)
    stated = (kind.minutes or {}).get(type_name) if kind else None
    return DEFAULT_EXERCISE_MINUTES if stated is None else float(stated)


def exercise_minutes(raw: Mapping) -> float:
    """Minutes a learner spends on one bank exercise (``raw``: its bank entry): for an
    assessment item of a kind that states ``assessment_minutes`` (a reply: no review is shown,
    so the learner writes one draft), those; for a kind that states ``minutes_per_turn``
    (role-play), that many minutes for each reply the learner writes on the longest path of
    the conversation; else :func:`minutes` of its type."""
    kind = _REGISTRY.get(str(raw.get("type")))
    per_turn = getattr(kind, "minutes_per_turn", None) if kind else None
    once = (getattr(kind, "assessment_minutes", None) or {}).get(raw.get("type")) \
        if kind and raw.get("mode") == "assessment" else None
    if once is not None:  # an assessment shows no review: one draft, nothing to revise
        return float(once)
    if per_turn is None:
        return minutes(str(raw.get("type")))
    return per_turn * max(1, _longest_turns(raw.get("turns") or {}, raw.get("start")))


def _longest_turns(turns: Mapping, start, seen: frozenset = frozenset()) -> int:
    """The number of turns that ask for a reply on the longest path from ``start`` (a turn
    with ``end`` asks for none; a loop back to a turn already on the path stops the path)."""
    turn = turns.get(start)
    if not isinstance(turn, Mapping) or "end" in turn or start in seen:
        return 0
    following = [b.get("goto") for b in turn.get("next") or [] if isinstance(b, Mapping)]
    return 1 + max((_longest_turns(turns, t, seen | {start}) for t in following), default=0)


def schema_fragments() -> dict[str, Mapping]:
    """The JSON Schema properties that kinds bring for fields the schema file does not know."""
    out: dict[str, Mapping] = {}
    for kind in dict.fromkeys(_REGISTRY.values()):
        out.update(kind.schema or {})
    return out


#: The views a kind may give (``Exercise.views``), besides ``"widget"`` (``widget_class``).
VIEW_NAMES = ("web", "print", "moodle-xml", "gift", "qti", "xlsx")


def view(type_name: str, name: str):
    """The view ``name`` of a type's kind, imported now; None when the kind gives no such view.

    Args:
        type_name: a registered bank ``type``.
        name: ``"widget"`` or one of :data:`VIEW_NAMES`.

    Returns:
        What the kind's ``"module:attribute"`` names: the widget class as it is; for the other
        views a function or an object as it is, and a class as its one instance, made when the
        view is first asked for (codecs and web forms are named by their class).
        Raises KeyError for an unknown type and ValueError for an unknown view name.
    """
    kind = _REGISTRY[type_name]
    if name == "widget":
        path = kind.widget_class
    elif name in VIEW_NAMES:
        path = (kind.views or {}).get(name, "")
    else:
        raise ValueError(f"unknown view {name!r}; expected widget or one of {', '.join(VIEW_NAMES)}")
    if not path:
        return None
    found = load_plugin(path)
    if name == "widget" or not isinstance(found, type):
        return found
    if path not in _VIEW_OBJECTS:
        _VIEW_OBJECTS[path] = found()
    return _VIEW_OBJECTS[path]


#: The one instance of each view class named by a kind (codecs and web forms), by its string.
_VIEW_OBJECTS: dict[str, object] = {}


def types_without_view(name: str) -> tuple[str, ...]:
    """The registered types whose kind gives no view ``name`` (to list as not available)."""
    if name == "widget":
        return tuple(t for t, k in _REGISTRY.items() if not k.widget_class)
    if name not in VIEW_NAMES:
        raise ValueError(f"unknown view {name!r}; expected widget or one of {', '.join(VIEW_NAMES)}")
    return tuple(t for t, k in _REGISTRY.items() if not (k.views or {}).get(name))


def build_exercise(raw: Mapping, *, lesson: str = "", source: str = "") -> Exercise:
    """An Exercise of the kind its ``type`` names.

    Args:
        raw: the exercise's mapping from the bank file.
        lesson: the lesson slug it belongs to.
        source: the bank file, as shown in messages.

    Returns:
        The exercise. Raises DefinitionError when the definition makes no sense.
    """
    try:
        kind = _REGISTRY[raw["type"]]
    except KeyError:
        raise DefinitionError("type", f"unknown exercise type {raw.get('type')!r}; expected one "
                                      f"of {', '.join(_REGISTRY)}") from None
    return kind(raw, lesson=lesson, source=source)


for _kind in (ClozeExercise, ChoiceExercise, TrueFalseExercise, MatchingExercise,
              OrderingExercise, NumericExercise, ReplyExercise, RoleplayExercise):
    register(_kind)

__all__ = ["VIEW_NAMES", "Exercise", "build_exercise", "exercise_minutes", "kind_of", "minutes",
           "register", "schema_fragments", "short_name", "types", "types_without_view", "unregister", "view"]
