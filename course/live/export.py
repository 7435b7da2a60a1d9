"""A live session as a folder of ordinary submission files, one per learner, that
`crm-course report` reads (and re-grades, like every submission), and the attendance list
(签到) of who took part, as a CSV the gradebook reads.

Peer instruction (issue 25): every attempt is exported in time order with its ``round``; the
report counts a learner's last attempt at an exercise, so after a second vote the round-2
answer is the one that counts (round 1 stays in the file, for the record).
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from course.live.store import now


def _file_name(learner: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", learner).strip("-")[:40] or "learner"
    digest = hashlib.sha256(learner.encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}.json"


def export_session(store, folder) -> list[Path]:
    """Write ``<folder>/<learner>-<hash>.json`` for every learner with attempts.

    Returns:
        The files written.
    """
    from course.version import __version__

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    by_learner: dict[str, list[dict]] = {}
    for a in store.attempts():
        by_learner.setdefault(a["learner"], []).append({
            "exercise_id": a["exercise_id"], "lesson": a["lesson"] or "", "time": a["time"],
            "response": a["response"], "score": a["score"], "mode": a["mode"] or "class",
            "course_version": __version__, "round": a.get("round") or 1,
        })
    written = []
    stamp = now()
    for learner, attempts in sorted(by_learner.items()):
        data = {"format": "crm-course-submission", "format_version": 1, "learner": learner,
                "course_version": __version__, "exported_at": stamp, "attempts": attempts}
        path = folder / _file_name(learner)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        written.append(path)
    return written


ATTENDANCE_FILE = "attendance.csv"
# The columns of attendance.csv (docs/instructor.md, "Attendance"): the roster's own headers
# for number, name and class (what course.roster reads), then when and how much.
ATTENDANCE_COLUMNS = ("学号", "姓名", "班级", "first_joined", "answered")


def attendance(store, roster=None) -> list[dict]:
    """Who took part, first come first: the learner as the session knows them, their student
    number, name and class when a class list is loaded (else the name they joined as), the
    time (UTC, ISO 8601) they first joined or, on a hub, first answered, and how many
    exercises they answered (and attempts they sent)."""
    rows = []
    for row in store.attendance():
        student = roster.find(row["learner"]) if roster is not None else None
        rows.append({**row,
                     "number": student.number if student else "",
                     "name": student.name if student else row["learner"],
                     "class": student.klass if student else ""})
    return rows


def write_attendance(store, folder, roster=None) -> Path:
    """Write ``<folder>/attendance.csv``: UTF-8 with a BOM (Excel on Chinese Windows opens it
    as UTF-8), one row per learner, columns ATTENDANCE_COLUMNS."""
    import csv

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / ATTENDANCE_FILE
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(ATTENDANCE_COLUMNS)
        for r in attendance(store, roster):
            out.writerow([_cell(r["number"]), _cell(r["name"]), _cell(r["class"]),
                          r["first_joined"], r["answered"]])
    return path


def _cell(text: str) -> str:
    """A cell a spreadsheet shows as text: a name starting with = + - @ is not run as a
    formula (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
