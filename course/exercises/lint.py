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
* an assessment item whose answer appears verbatim in the lesson cells just above it
  (the notebooks are read as JSON).

Each finding names the file, the exercise and the field; ``errors`` are what
``crm-course validate`` refuses, ``warnings`` are for the author to weigh.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from course.exercises.kinds.lint_rules import ERROR, WARNING, _contains_phrase  # noqa: F401 (WARNING: for checks added here)


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


# ----------------------------------------------------------------------------- notebooks


_SHOW = re.compile(r"""^\s*\w+\[\s*["']([a-z0-9-]+)["']\s*\]\s*$""")


def _cell_text(cell) -> str:
    parts = ["".join(cell.get("source", []))]
    for out in cell.get("outputs", []) or []:
        if out.get("output_type") == "stream":
            parts.append("".join(out.get("text", [])))
        data = out.get("data") or {}
        if "text/plain" in data:
            parts.append("".join(data["text/plain"]))
    return "\n".join(parts)


def notebook_contexts(folder: Path, before: int = 3) -> dict[str, tuple[str, str]]:
    """For each exercise shown in a notebook: (notebook name, text of the cells just above).

    The cells just above are the ``before`` nearest cells that do not themselves show an
    exercise (markdown sources and code sources with their printed outputs).
    """
    contexts: dict[str, tuple[str, str]] = {}
    for path in sorted(folder.glob("*.ipynb")):
        try:
            cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
        except (OSError, ValueError):
            continue
        for i, cell in enumerate(cells):
            m = _SHOW.match("".join(cell.get("source", []))) if cell.get(
                "cell_type") == "code" else None
            if not m:
                continue
            above, j = [], i - 1
            while j >= 0 and len(above) < before:
                src = "".join(cells[j].get("source", []))
                if not (cells[j].get("cell_type") == "code" and _SHOW.match(src)):
                    above.append(_cell_text(cells[j]))
                j -= 1
            contexts[m.group(1)] = (path.name, "\n".join(reversed(above)))
    return contexts


# ----------------------------------------------------------------------------- entry points


def lint_exercise(ex, file: str, contexts: dict | None = None) -> list[Finding]:
    findings: list[Finding] = []
    line = getattr(ex.raw, "line", None)
    lines = getattr(ex.raw, "lines", {}) or {}

    def add(field: str, message: str, severity: str = ERROR):
        top = field.split("[")[0].split(".")[0].split(" ")[0]
        findings.append(Finding(file, ex.id, field, message, severity, lines.get(top, line)))

    if ex.redacted:
        return findings
    ex.lint(add)  # the kind's own checks (course.exercises.kinds.lint_rules for built-ins)
    if ex.mode == "assessment" and contexts and ex.id in contexts:
        notebook, text = contexts[ex.id]
        for field, answer in ex.context_answers():
            if _contains_phrase(text, answer):
                add(field, f"the answer {answer!r} appears word for word in the cells of "
                           f"{notebook} just above this assessment item")
    return findings


def lint_lessons(lessons: Iterable, notebooks: Path | None = None) -> list[Finding]:
    contexts = notebook_contexts(notebooks) if notebooks and notebooks.is_dir() else {}
    findings = []
    for lesson in lessons:
        for ex in lesson.exercises:
            findings.extend(lint_exercise(ex, lesson.source, contexts))
    return findings


def default_notebooks() -> Path:
    from course.paths import notebooks_dir

    return notebooks_dir()
