"""Item-writing flaws in the exercise bank, after Haladyna, Downing and Rodriguez (2002).

The checks follow their taxonomy of multiple-choice item-writing guidelines, applied to this
course's exercise types:

* the answer stated in the prompt or in a hint (a hint may help strongly, never state it);
  a number with its last digits replaced by "?" counts as stating it;
* a right option that echoes the prompt while no distractor does (a "clang association");
* the right option being clearly the longest;
* "all of the above" / "none of the above";
* duplicate options (in either language);
* a multiple-choice hint that says how many options are right;
* a word bank whose text says each word is used once while it has distractors;
* the checks of :mod:`course.exercises.lint_lessons`: an answer printed just above the item
  in its lesson, an assessment item on optional content, an option named by its place in a
  shuffled item, a hint that gives the answer by letters, a sum or initials.

Each finding names the file, the exercise and the field; ``errors`` are what
``crm-course validate`` refuses, ``warnings`` are for the author to weigh.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from course.exercises.kinds.lint_rules import ERROR, WARNING
from course.exercises.lint_lessons import Lessons, lesson_checks, notebook_contexts, read_lessons

__all__ = ["ERROR", "WARNING", "Finding", "lint_exercise", "lint_lessons", "notebook_contexts"]


@dataclass(frozen=True)
class Finding:
    """One item-writing flaw: where it is, how serious, what is wrong."""

    file: str
    exercise_id: str
    field: str
    message: str
    severity: str = ERROR
    line: int | None = None

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        return (f"{where}: exercise {self.exercise_id!r}: field {self.field!r}: "
                f"{self.severity}: {self.message}")


# ----------------------------------------------------------------------------- entry points


def lint_exercise(ex, file: str, contexts: Lessons | dict | None = None) -> list[Finding]:
    """The item-writing flaws of one exercise; ``contexts`` is what the lessons show (a
    :class:`Lessons`, or a mapping id -> (notebook, text of the cells just above))."""
    findings: list[Finding] = []
    line = getattr(ex.raw, "line", None)
    lines = getattr(ex.raw, "lines", {}) or {}

    def add(field: str, message: str, severity: str = ERROR):
        top = field.split("[")[0].split(".")[0].split(" ")[0]
        findings.append(Finding(file, ex.id, field, message, severity, lines.get(top, line)))

    if ex.redacted:
        return findings
    ex.lint(add)  # the kind's own checks (course.exercises.kinds.lint_rules for built-ins)
    if isinstance(contexts, dict):
        contexts = Lessons(above=contexts)
    lesson_checks(ex, contexts, add)
    return findings


def lint_lessons(lessons: Iterable, notebooks: Path | None = None) -> list[Finding]:
    contexts = read_lessons(notebooks) if notebooks and notebooks.is_dir() else None
    findings = []
    for lesson in lessons:
        for ex in lesson.exercises:
            findings.extend(lint_exercise(ex, lesson.source, contexts))
    return findings


def default_notebooks() -> Path:
    from course.paths import notebooks_dir

    return notebooks_dir()
