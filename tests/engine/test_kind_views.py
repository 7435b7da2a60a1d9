"""A kind names its views (web form, print, exporters) by string; the registry imports them on
first use and lists the types that have none, so no format drops a type silently."""
from __future__ import annotations

import sys
import types as pytypes

import pytest

from course.exercises import kinds
from course.exercises.kinds.true_false import TrueFalseExercise


@pytest.fixture
def judged_kind():
    module = pytypes.ModuleType("throwaway_views")
    module.render_print = lambda exercise, **kw: f"<p>{exercise.id}</p>"
    sys.modules["throwaway_views"] = module

    class Judged(TrueFalseExercise):
        types = ("judged_views",)
        views = {"print": "throwaway_views:render_print"}
        messages = {"type_judged_views": ("Judged", "判断")}

    kinds.register(Judged)
    yield Judged
    kinds.unregister("judged_views")
    sys.modules.pop("throwaway_views", None)


def test_a_named_view_is_imported_and_a_missing_one_is_none(judged_kind):
    render = kinds.view("judged_views", "print")
    assert render(pytypes.SimpleNamespace(id="x-1")) == "<p>x-1</p>"
    assert kinds.view("judged_views", "gift") is None
    assert "judged_views" in kinds.types_without_view("gift")
    assert "judged_views" not in kinds.types_without_view("print")


def test_the_widget_is_a_view_too():
    widget_class = kinds.view("true_false", "widget")
    assert widget_class.__name__ == "TrueFalseWidget"


def test_unknown_names_are_refused():
    with pytest.raises(ValueError, match="unknown view 'pdf'"):
        kinds.view("true_false", "pdf")
    with pytest.raises(KeyError):
        kinds.view("no_such_type", "print")
