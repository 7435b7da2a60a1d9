"""The containers of exercises: a Lesson (one bank file) and a Bank (several)."""
from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping

from course import session
from course.errors import UnknownExerciseError
from course.exercises import renames
from course.exercises.kinds.base import Exercise, check_examples
from course.messages import ui
from course.text import Bilingual


class _ExerciseMap(Mapping):
    """Exercises by id, with a friendly error for an unknown id."""

    _what = "bank"

    def __init__(self, exercises: list[Exercise]):
        self._by_id = {ex.id: ex for ex in exercises}
        self._former = renames.rename_map(exercises)

    def __getitem__(self, exercise_id: str) -> Exercise:
        """The exercise with this id, or with this among its ``former_ids`` (a renamed one)."""
        try:
            return self._by_id[self.current_id(exercise_id)]
        except (KeyError, TypeError):
            close = difflib.get_close_matches(str(exercise_id), list(self._by_id), n=3)
            names = ", ".join(repr(c) for c in close)
            hint = ui("did_you_mean", names=names).en if close else ""
            message = ui(f"no_exercise_{self._what}", id=exercise_id, hint=hint)
            raise UnknownExerciseError(message.both(" ")) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)

    def current_id(self, exercise_id):
        """The id an exercise has now, for an id read from outside (a former id is read as
        the renamed exercise's id); any other value is returned as it is."""
        return renames.current_id(exercise_id, self._former)

    @property
    def renames(self) -> dict[str, str]:
        """Former id -> current id of the renamed exercises here (bank field ``former_ids``)."""
        return dict(self._former)

    @property
    def ids(self) -> list[str]:
        """The exercise ids, in bank order."""
        return list(self._by_id)

    @property
    def exercises(self) -> list[Exercise]:
        """The exercises, in bank order."""
        return list(self._by_id.values())


class Lesson(_ExerciseMap):
    """The exercises of one lesson, indexable by id."""

    _what = "lesson"

    def __init__(self, slug: str, title: Bilingual, exercises: list[Exercise], source: str = ""):
        super().__init__(exercises)
        self.slug = slug
        self.title = title
        self.source = source

    def reveal(self, ids=None) -> None:
        """Show the solutions of these exercises (default: all of the lesson) in class mode.

        Args:
            ids: one id, a list of ids, or None for every exercise of the lesson.
        """
        session.reveal(self.ids if ids is None else ([ids] if isinstance(ids, str) else list(ids)))

    def self_check(self):
        """A pandas DataFrame that grades every exercise's examples: proof the keys hold."""
        import pandas as pd

        rows = []
        for ex in self.exercises:
            if ex.redacted:
                rows.append((ex.id, ex.type, ex.mode, "-", "-", "key held by instructor"))
                continue
            failed = check_examples(ex)
            n_good, n_bad = len(ex.examples["correct"]), len(ex.examples["wrong"])
            good = n_good - sum(1 for which, _i, _p in failed if which == "correct")
            bad = n_bad - sum(1 for which, _i, _p in failed if which == "wrong")
            ok = not failed and n_good and n_bad
            rows.append((ex.id, ex.type, ex.mode, f"{good}/{n_good}", f"{bad}/{n_bad}",
                         "✓ ok" if ok else "✗ CHECK THE KEY"))
        return pd.DataFrame(
            rows,
            columns=["exercise", "type", "mode", "right answers accepted",
                     "wrong answers rejected", "key"],
        )

    def try_draft(self, exercise_id: str, draft: str) -> None:
        """Print the short review of ``draft`` as the reply exercise ``exercise_id`` reviews it
        (its buyer, facts and own texts: a draft that is its prompt pasted back is told so):
        a lesson's "Try it" cell in one plain call, ``lesson.try_draft("promo-reply-new-arrival",
        draft)``. Nothing is saved: it is a try, not an answer."""
        from course.errors import InputError
        from course.writing.printed import print_review

        exercise = self[exercise_id]
        if exercise.type != "reply":
            raise InputError(f"try_draft needs a reply exercise; {exercise.id!r} is a "
                             f"{exercise.type} exercise · try_draft 只用于回复题")
        if not isinstance(draft, str) or not draft.strip():
            raise InputError("try_draft needs the draft as text between triple quotes, "
                             'e.g. draft = """Dear Ms Weber, ...""" · 请把草稿写在三引号之间')
        print_review(exercise.review(draft))

    def header(self):
        """The lesson header: title, time, language switch and this learner's progress."""
        from course.exercises.widgets.header import LessonHeader

        return LessonHeader(self)

    def review_summary(self, learner: str | None = None):
        """Where to go back to: this learner's saved answers to the lesson's exercises, graded
        again, grouped by the lesson and section each exercise's ``revisit`` names. Displayed,
        it is a live view that updates after every Check (see ``course.exercises.revisit``)."""
        from course.exercises.revisit import review_summary

        return review_summary(self, learner)

    def nav(self):
        """Links to the previous lesson, the index and the next lesson, with the weeks the
        semester plan holds before the next one (course.semester.plan_nav)."""
        from course.semester import plan_nav

        return plan_nav(self.slug)

    def __repr__(self) -> str:
        return f"Lesson {self.slug}: {self.title.en} ({len(self)} exercises)"


class Bank(_ExerciseMap):
    """Every exercise of one or more bank files, by id, with ``.lessons`` by slug."""

    def __init__(self, lessons: list[Lesson]):
        super().__init__([ex for lesson in lessons for ex in lesson.exercises])
        self.lessons = {lesson.slug: lesson for lesson in lessons}

    def __repr__(self) -> str:
        return f"Bank: {len(self.lessons)} lessons, {len(self)} exercises"
