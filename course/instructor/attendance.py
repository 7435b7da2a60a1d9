"""Live-class attendance files (one CSV per session, as `crm-course live` exports them): who
joined and how many questions each learner answered, for the grading scheme's participation
and attendance.

The columns (English or Chinese headers): 学号 / student_number, 姓名 / name, 班级 / class,
first_joined (首次加入时间), answered (作答数): what course/live/export.py writes to
attendance.csv (its ATTENDANCE_COLUMNS). A learner without a
row, or with an empty first join time, missed that session.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from course.errors import InputError

HEADERS = {
    "number": ("student_number", "学号", "number"),
    "name": ("name", "姓名"),
    "joined": ("first_joined", "first_join", "first join time", "first_join_time", "首次加入时间", "加入时间",
               "joined"),
    "answered": ("answered", "作答数", "答题数", "answers"),
}


@dataclass
class Attendance:
    """Every session read: per session, learner key -> answers given (None: not joined)."""

    sessions: list[dict] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    best: list[int] = field(default_factory=list)  # the most answers anyone gave, per session
    unmatched: list[tuple[str, str]] = field(default_factory=list)  # (file, who) off the list

    def parts(self, keys) -> tuple[float, float]:
        """(participation, attendance) of the learner known under any of ``keys`` (0..1).

        Attendance: the share of sessions joined. Participation: per session, the answers given
        over the most any learner of that session gave (the export does not say how many
        questions were asked), averaged over every session (a missed one counts 0)."""
        if not self.sessions:
            return 0.0, 0.0
        joined, share = 0, 0.0
        for session, best in zip(self.sessions, self.best, strict=True):
            answered = next((session[k] for k in keys if k in session), None)
            if answered is None:
                continue
            joined += 1
            share += min(1.0, answered / best) if best else 1.0
        n = len(self.sessions)
        return share / n, joined / n


def _columns(header: list[str], path) -> dict[str, int]:
    names = [" ".join(str(h).replace("\ufeff", "").split()).casefold() for h in header]
    found = {f: names.index(n) for f, accepted in HEADERS.items() for n in accepted
             if n in names}
    if "number" not in found and "name" not in found or "answered" not in found:
        raise InputError(
            f"{path}: not an attendance file: expected a header row with 学号 (student_number) "
            f"or 姓名 (name), first_join (首次加入时间) and answered (作答数); it has "
            f"{', '.join(repr(h) for h in header[:8]) or 'nothing'}.\n"
            f"{path}：不是出勤文件：需要表头 学号、姓名、首次加入时间、作答数。")
    return found


def _count(text: str, path, line: int) -> int:
    text = text.strip()
    if not text:
        return 0
    try:
        value = float(text)
    except ValueError:
        raise InputError(f"{path}, row {line}: answered is {text!r}, expected a whole number "
                         f"of answers. {path} 第 {line} 行：作答数应为整数。") from None
    if value < 0 or not value.is_integer():
        raise InputError(f"{path}, row {line}: answered is {text!r}, expected a whole number "
                         f"of answers. {path} 第 {line} 行：作答数应为整数。")
    return int(value)


def _cell(row: list[str], cols: dict[str, int], name: str) -> str:
    i = cols.get(name)
    return row[i].strip() if i is not None and i < len(row) else ""


def _session(path: Path, roster, out: Attendance) -> dict:
    """One session's learners (key -> answers, None when not joined)."""
    from course.instructor.names import learner_key
    from course.roster import rows_of_csv

    try:
        rows = [r for r in rows_of_csv(path.read_bytes()) if any(c.strip() for c in r)]
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror or exc}. 无法读取 {path}。") \
            from None
    if not rows:
        raise InputError(f"{path}: the attendance file is empty. {path}：出勤文件为空。")
    cols = _columns(rows[0], path)
    session: dict[str, int | None] = {}
    for line, row in enumerate(rows[1:], start=2):
        number, name = _cell(row, cols, "number"), _cell(row, cols, "name")
        joined = _cell(row, cols, "joined") if "joined" in cols else "yes"
        answered = _count(_cell(row, cols, "answered"), path, line) if joined else None
        student = (roster.find(number) or roster.find(name)) if roster is not None else None
        if roster is not None and student is None:
            out.unmatched.append((str(path), number or name))
        keys = [learner_key(student.number)] if student else \
            [learner_key(t) for t in (number, name) if t]
        for key in keys:
            if session.get(key) is None:
                session[key] = answered
    return session


def read_attendance(paths, roster=None) -> Attendance:
    """The sessions in ``paths`` (CSV files); learners keyed as the report keys them: by
    student number when ``roster`` knows them, else by their number or name as written."""
    out = Attendance()
    for path in map(Path, paths):
        session = _session(path, roster, out)
        out.sessions.append(session)
        out.sources.append(str(path))
        out.best.append(max((v for v in session.values() if v), default=0))
    return out
