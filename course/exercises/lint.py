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
  shuffled item, a hint that gives the answer by letters, a sum or initials;
* across the bank's assessment items: true/false keys mostly one way, or the right option
  mostly the longest (``bank_patterns``).

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
    lessons = list(lessons)
    for lesson in lessons:
        for ex in lesson.exercises:
            findings.extend(lint_exercise(ex, lesson.source, contexts))
    findings.extend(bank_patterns(lessons))
    return findings


def bank_patterns(lessons: Iterable) -> list[Finding]:
    """Patterns across a bank's assessment items that a test-wise learner uses (issue 21):
    true/false keys mostly one way, the right option mostly the longest. Each is a warning
    when a fixed rule ("always False", "pick the longest") beats blind guessing by 2 items."""
    items = [(lesson.source, ex) for lesson in lessons for ex in lesson.exercises
             if ex.mode == "assessment" and not ex.redacted]
    out = []
    keys = [bool(ex.raw.get("answer")) for _, ex in items if ex.type == "true_false"]
    n_true = sum(keys)
    if abs(n_true - (len(keys) - n_true)) >= 4:  # always the majority: 2 more than chance
        first = next(f for f, ex in items if ex.type == "true_false")
        out.append(Finding(first, "(all true/false assessment items)", "answer",
                           f"{n_true} answers are true and {len(keys) - n_true} false: a learner "
                           "who always answers the majority gains "
                           f"{abs(2 * n_true - len(keys)) // 2} items; balance the keys",
                           WARNING))
    singles = [(f, ex) for f, ex in items if ex.type == "single_choice" and ex.shuffle]
    longest = [ex.id for _, ex in singles
               if sum(len(o.text.en) >= len(ex.options[ex.correct_indexes[0]].text.en)
                      for o in ex.options) == 1]
    chance = sum(1 / len(ex.options) for _, ex in singles)
    if singles and len(longest) >= chance + 2:
        out.append(Finding(singles[0][0], "(all single-choice assessment items)", "options",
                           f"the right option is the longest in {len(longest)} of "
                           f"{len(singles)} items (chance: {chance:.1f}): "
                           f"{', '.join(longest)}; make distractors as full as the answer",
                           WARNING))
    return out


def default_notebooks() -> Path:
    from course.paths import notebooks_dir

    return notebooks_dir()
