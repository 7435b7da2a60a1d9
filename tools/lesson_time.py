"""Estimate each lesson's class time from its content, with one stated model.

The model (also in docs/instructor.md, section 1) is meant for the course's readers: Chinese
vocational students who read English as a second language and Chinese as their own.

Teaching time (what the teacher presents and the learner reads or watches):

- English text: 100 words a minute (careful study reading by an intermediate L2 reader);
- Chinese text: 250 characters a minute (a native reader checking a summary, not skimming);
- each code cell that runs a demonstration: 1 minute (run it, read the code, look at its
  output);
- the text such a cell prints, read at the same speeds as the text above: what it prints
  (``stream`` outputs) and a plain-text result (``text/plain`` of a result that has no HTML
  view), as stored in the executed notebook. A table (HTML) or a widget is looked at, not read
  word by word: the cell's minute covers it. An exercise cell's output is the exercise (counted
  below), and the setup and navigation cells count nothing;
- the glossary is reference material, looked up rather than read through: not counted.

Exercise time (what the learner does):

- each exercise of the bank shown in the lesson, by type (reading its prompt included), as its
  kind states (``minutes``; a kind that states none counts 2): true/false 0.5 min, single
  choice 1, multiple choice 1.5, ordering 1.5, matching 2, numeric 2, cloze 2, reply 8 (an
  assessment reply 5), role-play 4 per reply the learner writes on the conversation's longest
  path (W08's Sophie: three replies, 12). A practice reply's 8 minutes are the low end of the
  course's readers' estimate (8-10 minutes to write, read the review and revise until it passes;
  an estimate, not a measurement). An assessment reply shows no review, so it is one first draft
  by a B1 learner of the course's replies (30-70 words, median about 47, the facts given): about
  a minute to read the buyer and the facts, three to four to write at 12-15 words a minute
  (docs/instructor.md, section 1);
- each code cell the learner is asked to change (it carries a "change ..." comment): 2 minutes
  more, to edit, re-run and compare;
- each discussion question of the closing case (a ``<details>`` sample answer): 3 minutes of
  pair or class discussion (reading the case and the sample answer counts as text above).

Everything from the heading "Going further" (or "Homework after class") on is after class and
estimated apart. The lesson
setup cell and the navigation cell count nothing.

Usage::

    python tools/lesson_time.py              # a table of every lesson: computed vs course.yaml
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
EXERCISES = ROOT / "exercises"

# The time model and the cell patterns are the lesson plans' (one place); exercise minutes per
# type come from each kind (``minutes``, see course.exercises.kinds). CHANGE_COMMENT is the
# comment that tells a learner what to change in a cell (STYLE: every such cell has one).
from course.materials.lessons import AFTER_CLASS_HEADING  # noqa: E402
from course.materials.plans import (  # noqa: E402
    CHANGE_CELL_MINUTES,
    CHANGE_COMMENT,
    CHINESE_CHARS_PER_MINUTE,
    CJK,
    DEMO_CELL_MINUTES,
    DISCUSSION_QUESTION_MINUTES,
    ENGLISH_WORDS_PER_MINUTE,
    EXERCISE_CELL,
    SETUP_OR_NAV,
    WORD,
    printed_text,
    readable_text,
)

GOING_FURTHER = AFTER_CLASS_HEADING  # the after-class part's heading (course.materials.lessons)


@dataclass
class Estimate:
    """The computed minutes of one part of a lesson, and what they are made of."""

    english_words: int = 0
    chinese_chars: int = 0
    demo_cells: int = 0
    printed_words: int = 0
    printed_chars: int = 0
    change_cells: int = 0
    discussion_questions: int = 0
    exercises: dict[str, int] = field(default_factory=dict)
    exercise_item_minutes: float = 0.0  # the exercises' minutes (kinds.exercise_minutes)

    @property
    def teaching(self) -> float:
        return ((self.english_words + self.printed_words) / ENGLISH_WORDS_PER_MINUTE
                + (self.chinese_chars + self.printed_chars) / CHINESE_CHARS_PER_MINUTE
                + self.demo_cells * DEMO_CELL_MINUTES)

    @property
    def exercise(self) -> float:
        return (self.exercise_item_minutes
                + self.change_cells * CHANGE_CELL_MINUTES
                + self.discussion_questions * DISCUSSION_QUESTION_MINUTES)

    @property
    def total(self) -> float:
        return self.teaching + self.exercise


def exercise_types(slug: str) -> dict[str, dict]:
    """{exercise id: its bank entry} of a lesson's bank file."""
    import yaml

    bank = yaml.safe_load((EXERCISES / f"{slug}.yaml").read_text(encoding="utf-8"))
    return {e["id"]: e for e in bank["exercises"]}


def estimate(slug: str) -> tuple[Estimate, Estimate]:
    """(the lesson's estimate, its optional "going further" part's estimate)."""
    import nbformat

    from course.exercises import kinds

    nb = nbformat.read(NOTEBOOKS / f"{slug}.ipynb", as_version=4)
    types = exercise_types(slug)
    core, optional = Estimate(), Estimate()
    part = core
    for cell in nb.cells:
        source = cell.source
        if cell.cell_type == "markdown":
            if GOING_FURTHER.search(source):
                part = optional
            text = readable_text(source)
            part.chinese_chars += len(CJK.findall(text))
            part.english_words += len(WORD.findall(CJK.sub(" ", text)))
            part.discussion_questions += source.count("<details>")
        elif cell.cell_type == "code":
            match = EXERCISE_CELL.match(source)
            if match:
                raw = types[match.group(1)]
                part.exercises[raw["type"]] = part.exercises.get(raw["type"], 0) + 1
                part.exercise_item_minutes += kinds.exercise_minutes(raw)
            elif SETUP_OR_NAV.search(source):
                continue
            else:
                part.demo_cells += 1
                printed = printed_text(cell.get("outputs"))
                part.printed_chars += len(CJK.findall(printed))
                part.printed_words += len(WORD.findall(CJK.sub(" ", printed)))
                if CHANGE_COMMENT.search(source):
                    part.change_cells += 1
    return core, optional


def main() -> int:
    from course.exercises.course_map import load

    print(f"{'lesson':<22} {'teach':>6} {'exerc':>6} {'total':>6}   stated (t+e)   optional")
    for entry in load(NOTEBOOKS / "course.yaml").lessons:
        core, optional = estimate(entry.slug)
        extra = f"{optional.total:5.1f}" if optional.total else "    -"
        print(f"{entry.slug:<22} {core.teaching:6.1f} {core.exercise:6.1f} {core.total:6.1f}"
              f"   {entry.teaching_minutes:>3} + {entry.exercise_minutes:<3} = "
              f"{entry.minutes:<3}  {extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
