"""The interactive ipywidgets views of exercises and the lesson header (they only draw; the
rules of an attempt are in :mod:`course.exercises.attempt`)."""
from __future__ import annotations

from course.exercises.widgets.base import ExerciseWidget
from course.exercises.widgets.header import LessonHeader


def make_widget(exercise) -> ExerciseWidget:
    """The widget of one exercise: the class its kind names (``Exercise.widget`` keeps it)."""
    from course.exercises.kinds.base import widget_class_of

    return widget_class_of(exercise)(exercise)


def lesson_header(lesson) -> LessonHeader:
    """The header a lesson opens with (``Lesson.header()`` calls this)."""
    return LessonHeader(lesson)


__all__ = ["ExerciseWidget", "LessonHeader", "lesson_header", "make_widget"]
