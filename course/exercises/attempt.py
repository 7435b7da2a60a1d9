"""The rules of an attempt, with no widgets: tries, the hint ladder, when a solution may show,
and recording each Check in the progress store.

A widget owns one :class:`Attempt` and only draws what it says; tests and other front-ends
(a live-class service, a script) can drive the same rules without ipywidgets.

=============  ==========================================================================
mode           rules
=============  ==========================================================================
practice       feedback at once; hints; the solution on request, or by itself after
               ``SOLUTION_AFTER_TRIES`` attempted Checks that were not right
class          feedback; hints; the solution only once the instructor reveals it
assessment     the answer is recorded, no correctness is shown, no hints, no solution
=============  ==========================================================================
An item of a student copy whose key was removed (``redacted``) never shows a solution.
"""
from __future__ import annotations

from course import session
from course.exercises import progress
from course.exercises.results import GradeResult
from course.text import Bilingual

SOLUTION_AFTER_TRIES = 2

# Called after every recorded Check as ``callback(exercise, response, result, mode)``, once the
# attempt is in the local store (the live class sends it on from here). A listener must return
# at once (queue its work); one that raises is ignored, so feedback is never held up.
_check_listeners: list = []


def on_check(callback):
    """Call ``callback(exercise, response, result, mode)`` after each recorded Check."""
    if callback not in _check_listeners:
        _check_listeners.append(callback)
    return callback


def remove_check_listener(callback) -> None:
    """Stop calling ``callback`` (no error when it was not registered)."""
    if callback in _check_listeners:
        _check_listeners.remove(callback)


class Attempt:
    """One learner's work on one exercise in this session.

    Attributes:
        exercise: the Exercise.
        result: the GradeResult of the last Check (None before, and after ``retry``).
        tries: attempted Checks in this session.
        hints_shown: how many hints of the ladder are shown.
        solution_shown: whether the solution is shown now.
        auto_solution: True when the solution came by itself after the tries.
        saved: did the last Check reach the store (None before any Check)?
        restored: the attempt restored from the store, if any (a dict of the store's row).
    """

    def __init__(self, exercise):
        self.exercise = exercise
        self.result: GradeResult | None = None
        self.tries = 0
        self.hints_shown = 0
        self.solution_shown = False
        self.auto_solution = False
        self.saved: bool | None = None
        self.restored: dict | None = None

    @property
    def mode(self) -> str:
        """The exercise's mode in this session."""
        return session.effective_mode(self.exercise)

    def check(self, response) -> GradeResult:
        """Grade ``response``, record it when it is a real attempt, apply the solution rule.

        Args:
            response: the learner's answer, in the shape the exercise grades.

        Returns:
            The GradeResult (also kept as ``result``).
        """
        result = self.exercise.grade(response)
        self.result = result
        self.restored = None
        self.saved = None
        mode = self.mode
        if result.valid and result.attempted:
            self.tries += 1
            self.saved = progress.record(self.exercise, response, result, mode)
            for listener in list(_check_listeners):
                try:
                    listener(self.exercise, response, result, mode)
                except Exception:  # noqa: BLE001  (a listener never breaks a Check)
                    pass
        if (mode == "practice" and result.valid and result.attempted and not result.correct
                and self.tries >= SOLUTION_AFTER_TRIES and not self.solution_shown):
            self.solution_shown = True
            self.auto_solution = True
        return result

    def hint_refusal(self) -> str | None:
        """The message key saying why no (further) hint can be shown, or None if one can."""
        if self.mode == "assessment":
            return "hints_not_in_assessment"
        if not self.exercise.hints:
            return "no_hints"
        return None

    def next_hint(self) -> Bilingual | None:
        """Show one more hint of the ladder; returns the newest hint shown (None if refused)."""
        if self.hint_refusal() is not None:
            return None
        if self.hints_shown < len(self.exercise.hints):
            self.hints_shown += 1
        return self.exercise.hints[self.hints_shown - 1]

    def visible_hints(self) -> list[Bilingual]:
        """The hints shown now (none in assessment mode)."""
        if self.mode == "assessment":
            return []
        return self.exercise.hints[: self.hints_shown]

    def solution_allowed(self) -> bool:
        """May the solution be shown now, in this mode?"""
        if getattr(self.exercise, "redacted", False):
            return False  # a student copy holds no key to show
        mode = self.mode
        if mode == "practice":
            return True
        if mode == "class":
            return session.is_revealed(self.exercise.id)
        return False

    def solution_refusal(self) -> str:
        """The message key saying why the solution is not shown."""
        return "solution_not_in_assessment" if self.mode == "assessment" else "solution_locked"

    def show_solution(self) -> Bilingual | None:
        """Show the solution if the mode allows it now; returns it, else None."""
        if not self.solution_allowed():
            return None
        self.solution_shown = True
        self.auto_solution = False
        return self.solution_text()

    def solution_text(self) -> Bilingual:
        """The solution as the bank writes it, else the key written out."""
        return self.exercise.solution or self.exercise.answer_text()

    def revealed(self, exercise_id: str) -> bool:
        """The instructor revealed ``exercise_id``: show the solution in class mode.

        Returns:
            True when this attempt now shows its solution.
        """
        if exercise_id != self.exercise.id or self.mode != "class":
            return False
        self.solution_shown = True
        self.auto_solution = False
        return True

    def retry(self) -> None:
        """Start afresh: no result, no solution (hints stay shown, tries are still counted)."""
        self.result = None
        self.restored = None
        self.solution_shown = False
        self.auto_solution = False

    def last_saved(self) -> dict | None:
        """This learner's last stored attempt at the exercise, or None."""
        return progress.last_attempt(self.exercise.id)
