"""The teacher's marks for the final-grade parts the course cannot compute (speaking, project,
mid-term, final test...): `crm-course report --marks marks.csv|xlsx`.

A table (CSV in UTF-8 or GB18030, or an .xlsx workbook's first sheet, read like a class list) with
a header row: 学号 (or student_number), then one column per part of the grading scheme's
``final`` list, headed by the part's name (``speaking``), its English or Chinese title or one of
its aliases (口语, 项目, 期中, 期末). A mark is a number from 0 to 100 (``85%`` too); an empty cell
is a missing mark, shown as missing in the report and the gradebook and never counted as 0.
Every bad row is named with its row number in one error. 姓名 and 班级 columns are ignored (the
class list names the learner); any other column is listed as ignored.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from course.errors import InputError
from course.roster import HEADERS, first_row_of, header_name, read_rows, unusable

IGNORED = {header_name(h) for h in (*HEADERS["name"], *HEADERS["class"])}


@dataclass
class PartMarks:
    """The marks of one file: by student number (compared as the report compares names)."""

    source: str
    parts: list[str]  # the scheme's parts that have a column in the file
    marks: dict = field(default_factory=dict)  # learner_key(学号) -> {part: 0..1 or None}
    numbers: dict = field(default_factory=dict)  # learner_key(学号) -> 学号 as written
    ignored: list[str] = field(default_factory=list)  # headers of columns not read

    def of(self, number: str) -> dict | None:
        """The marks of one student number (None: the file has no row for it)."""
        from course.instructor.names import learner_key

        return self.marks.get(learner_key(number or ""))


def _bad(path, detail: str, scheme) -> InputError:
    names = ", ".join(f"{p.part} ({p.zh})" for p in scheme.marked_parts)
    return unusable(path, "marks file", "成绩表", detail,
                    f"a header row with 学号 (or student_number) and one column per part of "
                    f"the final grade: {names}; then one student per row, marks from 0 to 100 "
                    f"(an empty cell: no mark yet); or a writing.csv of crm-course report with "
                    f"its teacher_mark column filled in",
                    "需要表头行：学号，以及总评成绩各部分的列；其后每行一名学生，成绩为 0-100 的数字"
                    "（空白表示尚无成绩）；或填好 teacher_mark 列的 writing.csv。")


def _columns(header: list[str], scheme, path) -> tuple[int, dict[str, int], list[str]]:
    """(the 学号 column, part -> column, ignored headers)."""
    names = {header_name(h) for h in HEADERS["number"]}
    number = next((i for i, h in enumerate(header) if header_name(h) in names), None)
    if number is None:
        raise _bad(path, "the header row has no 学号 (student_number) column", scheme)
    accepted = {}
    for part in scheme.final:
        for text in (part.part, part.en, part.zh, *part.aliases):
            accepted.setdefault(header_name(text), part)
    columns, ignored = {}, []
    for i, text in enumerate(header):
        key = header_name(text)
        part = accepted.get(key)
        if i == number or not key or key in IGNORED:
            continue
        if part is None or part.computed:
            ignored.append(str(text))  # (the exercises part is the report's own)
        elif part.part in columns:
            raise _bad(path, f"two columns for {part.part} ({header[columns[part.part]]!r} and "
                             f"{text!r})", scheme)
        else:
            columns[part.part] = i
    if not columns:
        raise _bad(path, "no column names a part of the final grade (it has: "
                         f"{', '.join(repr(h) for h in header[:8])})", scheme)
    return number, columns, ignored


def _mark(raw: str) -> float | None:
    """A cell as a mark from 0 to 100; None when empty; ValueError when not a mark."""
    text = str(raw).strip().rstrip("%").strip()
    if not text:
        return None
    value = float(text)
    if not 0 <= value <= 100:
        raise ValueError(text)
    return value


def read_part_marks(path, scheme) -> PartMarks:
    """The checked marks in ``path`` for the parts of ``scheme.final`` it has columns for."""
    from course.instructor.names import clean_name

    path = Path(path)
    rows = read_rows(path, lambda p, detail: _bad(p, detail, scheme))
    number_col, columns, ignored = _columns(rows[0][1], scheme, path)
    out = PartMarks(str(path), list(columns), ignored=ignored)
    problems, seen = [], {}
    for line, row in rows[1:]:
        number = clean_name(row[number_col]) if number_col < len(row) else ""
        if not number:
            problems.append(f"row {line}: no student number")
            continue
        key, repeated = first_row_of(seen, number, line)
        if repeated:
            problems.append(repeated)
            continue
        marks = {}
        for part, i in columns.items():
            raw = row[i] if i < len(row) else ""
            try:
                value = _mark(raw)
            except ValueError:
                problems.append(f"row {line}: {part} {str(raw)[:20]!r} is not a mark from 0 to "
                                "100")
                continue
            marks[part] = None if value is None else value / 100
        out.marks[key], out.numbers[key] = marks, number
    if problems:
        raise _bad(path, f"{len(problems)} row(s) to fix: " + "; ".join(problems[:20]), scheme)
    return out


def is_writing_marks(path) -> bool:
    """Whether ``path`` is a writing.csv with teacher marks (the other kind of --marks file)."""
    path = Path(path)
    if path.suffix.casefold() != ".csv":
        return False
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as fh:
            first = fh.readline()
    except OSError:
        return False
    return "teacher_mark" in {header_name(h) for h in first.split(",")}


def apply(row, scheme, marks: PartMarks | None) -> None:
    """Set the row's final-grade parts (the computed exercises part and the teacher's marks),
    the final total (None while a part is missing) and the parts still missing."""
    from course.instructor.names import learner_key

    row.final_parts = {}
    got = marks.marks.get(learner_key(row.number or row.learner)) if marks else None
    for part in scheme.final:
        value = row.total if part.computed else (got or {}).get(part.part)
        row.final_parts[part.part] = value
        if value is None and part.weight:
            row.final_missing.append(part.part)
    row.final_total = scheme.final_total(row.final_parts)


def notes(marks: PartMarks | None, rows) -> list:
    """What the report lists about the marks file: student numbers that match no learner,
    and columns that were not read (nothing is dropped silently)."""
    from course.instructor.names import Rejection, learner_key

    if marks is None:
        return []
    known = {learner_key(r.number or r.learner) for r in rows}
    out = []
    strangers = [marks.numbers[k] for k in marks.marks if k not in known]
    if strangers:
        out.append(Rejection(marks.source, (
            f"{len(strangers)} student number(s) of the marks file match no learner of the "
            f"report: {', '.join(strangers[:20])} / 成绩表中 {len(strangers)} 个学号不属于本报告的"
            "任何学习者")))
    if marks.ignored:
        out.append(Rejection(marks.source, (
            f"column(s) not read: {', '.join(marks.ignored[:10])} (not a part of the final grade "
            f"that the marks file gives) / 未读取的列：{', '.join(marks.ignored[:10])}")))
    return out
