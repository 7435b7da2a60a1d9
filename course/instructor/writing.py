"""Written work in the class report: writing.csv, and the teacher's marks read back from it.

``writing.csv`` has one row per learner and writing task (reply or role-play), with the text
(for a role-play, the transcript), each rubric criterion, the automatic score and an empty
``teacher_mark`` column. A teacher fills in marks (0-100) and runs ``crm-course report ...
--marks writing.csv``: a mark then replaces the automatic score in grades.csv.
"""
from __future__ import annotations

import csv
from pathlib import Path

from course.errors import InputError
from course.exercises.kinds.written_work import CRITERIA

COLUMNS = ["learner", "lesson", "task", "type", "text", *CRITERIA, "moves_made",
           "moves_expected", "ending", "automatic_score", "teacher_mark"]


def writing_row(learner: str, lesson: str, exercise, response) -> dict:
    """One row of writing.csv for the learner's last response to a writing task."""
    row = dict.fromkeys(COLUMNS, "")
    row.update(learner=learner, lesson=lesson, task=exercise.id, type=exercise.type)
    result = exercise.grade(response)
    row["automatic_score"] = round(100 * result.score) if result.valid else 0
    row.update({k: v for k, v in exercise.writing_columns(response).items() if k in row})
    return row


def write_writing_csv(rows: list[dict], path: Path, safe=str) -> None:
    """Write ``rows`` (from :func:`writing_row`) with an empty ``teacher_mark`` column."""
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(COLUMNS)
        for row in rows:
            w.writerow([safe(row[c]) if c in ("learner", "text") else row[c] for c in COLUMNS])


def read_marks(path) -> dict[tuple[str, str], float]:
    """The teacher's marks in a writing.csv: ``{(learner, task): mark 0-100}``.

    Rows with an empty ``teacher_mark`` are skipped; a mark that is not a number from 0 to 100
    is an error naming the row.
    """
    from course.instructor.submissions import learner_key

    path = Path(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = {"learner", "task", "teacher_mark"} - set(reader.fieldnames or [])
            if missing:
                raise InputError(
                    f"{path.name}: this is not a writing.csv from `crm-course report` (no "
                    f"{', '.join(sorted(missing))} column). Fill in the teacher_mark column "
                    "of the writing.csv the report wrote.")
            marks = {}
            for n, row in enumerate(reader, start=2):
                raw = (row.get("teacher_mark") or "").strip()
                if not raw:
                    continue
                try:
                    mark = float(raw.rstrip("%"))
                except ValueError:
                    mark = -1
                if not 0 <= mark <= 100:
                    raise InputError(
                        f"{path.name}, row {n}: teacher_mark {raw!r} must be a number from 0 "
                        "to 100 (or empty to keep the automatic score).")
                marks[(learner_key(row["learner"].lstrip("'")), row["task"])] = mark
            return marks
    except OSError as exc:
        raise InputError(f"The marks file {path} cannot be read: {exc.strerror or exc}.") \
            from None
