"""The interactive ipywidgets views of exercises and the lesson header."""
from __future__ import annotations

from course.exercises.widgets.base import ExerciseWidget
from course.exercises.widgets.header import LessonHeader
from course.exercises.widgets.types import WIDGETS


def make_widget(exercise) -> ExerciseWidget:
    """The widget of one exercise (``Exercise.widget`` calls this once and keeps it)."""
    try:
        cls = WIDGETS[exercise.type]
    except KeyError:
        from course.errors import InputError

        raise InputError(
            f"No widget for exercise type {exercise.type!r}; expected one of "
            f"{', '.join(WIDGETS)}."
        ) from None
    return cls(exercise)


def lesson_header(lesson) -> LessonHeader:
    """The header a lesson opens with (``Lesson.header()`` calls this)."""
    return LessonHeader(lesson)


__all__ = ["ExerciseWidget", "LessonHeader", "lesson_header", "make_widget"]
