"""The class list: the one reader of a roster file (CSV or .xlsx), and where a loaded one is kept.

DESIGN.md, "Roster": a header row with a student number (``student_number`` or 学号), a name
(``name`` or 姓名) and optionally a class (``class`` or 班级); CSV in UTF-8 (a BOM allowed;
a file that is not UTF-8 is read as GB18030, the encoding Excel uses for CSV on Chinese
Windows), or an .xlsx workbook's first sheet. Where a roster is loaded, learners are matched by
student number (the lesson header, the live class, submissions).
"""
from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from course.errors import InputError

HEADERS = {
    "number": ("student_number", "学号"),
    "name": ("name", "姓名"),
    "class": ("class", "班级"),
}
MAX_ROWS = 5000  # a school year's intake; a bigger file is not a class list
MAX_CELL = 100
SAVED_NAME = "roster.json"


@dataclass(frozen=True)
class Student:
    """One learner of the class list."""

    number: str
    name: str
    klass: str = ""


@dataclass
class Roster:
    """A checked class list: its learners, the file it came from."""

    students: list[Student]
    source: str = ""
    _by_key: dict = field(default_factory=dict, repr=False)

    def __post_init__(self):
        from course.instructor.submissions import learner_key

        for s in self.students:
            self._by_key.setdefault(learner_key(s.number), s)
        names: dict[str, list[Student]] = {}
        for s in self.students:
            names.setdefault(learner_key(s.name), []).append(s)
        for key, same in names.items():
            if len(same) == 1:
                self._by_key.setdefault(key, same[0])
            # two students with one name (同名) are never told apart by it: only by number

    def find(self, text: str) -> Student | None:
        """The learner whose student number (or, failing that, name) is ``text``, compared as
        the report compares names (width, case, spacing and invisible characters ignored); a
        name two students share finds nobody."""
        from course.instructor.submissions import learner_key

        return self._by_key.get(learner_key(text or ""))


def unusable(path, what: str, what_zh: str, detail: str, expected: str,
             expected_zh: str = "") -> InputError:
    """The error for a teacher's file that cannot be used (a class list, a grading scheme, a
    marks file): what is wrong, then what is expected, in English and Chinese."""
    return InputError(f"{path}: not a usable {what}: {detail}. Expected {expected}.\n"
                      f"{path}：{what_zh}无法使用：{detail}。{expected_zh}")


def _problem(path, detail: str) -> InputError:
    return unusable(path, "class list", "班级名单", detail,
                    "a header row with student_number (or 学号) and name (or 姓名), optionally "
                    "class (or 班级), then one learner per row",
                    "需要表头行（student_number 或 学号、name 或 姓名，可选 class 或 班级），"
                    "其后每行一名学生。")


def rows_of_csv(data: bytes) -> list[list[str]]:
    """The rows of a CSV file's bytes: UTF-8 (a BOM allowed), else GB18030 (Excel on Chinese
    Windows)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030", errors="replace")
    return [row for row in csv.reader(io.StringIO(text))]


def _rows_xlsx(path: Path, problem=None) -> list[list[str]]:
    try:
        import openpyxl
    except ImportError:
        raise InputError("Reading .xlsx needs openpyxl: pip install openpyxl (or save the "
                         "list as CSV). 读取 .xlsx 需要 openpyxl：pip install openpyxl（或另存为 "
                         "CSV）。") from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - zipfile, XML and openpyxl's own errors
        raise (problem or _problem)(path, f"not a readable .xlsx workbook "
                                          f"({type(exc).__name__})") from None
    try:
        sheet = book.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append(["" if v is None else _cell_text(v) for v in row])
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    finally:
        book.close()


def _cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a student number typed as a number: 20240101.0
    return str(value)


def _columns(header: list[str], path) -> dict[str, int]:
    names = [header_name(h) for h in header]
    found = {}
    for field_name, accepted in HEADERS.items():
        for i, name in enumerate(names):
            if name in accepted:
                found.setdefault(field_name, i)
    missing = [HEADERS[f][0] + " / " + HEADERS[f][1] for f in ("number", "name")
               if f not in found]
    if missing:
        raise _problem(path, f"the header row has no {' and no '.join(missing)} column "
                             f"(it has: {', '.join(repr(h) for h in header[:8]) or 'nothing'})")
    return found


def read_rows(path, problem=None) -> list[tuple[int, list[str]]]:
    """(row number, cells) of each non-empty row of a teacher's table (CSV or .xlsx, header
    row first); ``problem(path, detail)`` makes the error naming what kind of file it is."""
    problem = problem or _problem
    path = Path(path)
    try:
        if path.suffix.casefold() == ".xlsx":
            rows = _rows_xlsx(path, problem)
        else:
            data = path.read_bytes()
            if data[:2] == b"PK":
                raise problem(path, "this looks like a spreadsheet: give it the .xlsx name")
            rows = rows_of_csv(data)
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror or exc}. 无法读取 {path}。") \
            from None
    rows = [(n, r) for n, r in enumerate(rows, start=1) if any(str(c).strip() for c in r)]
    if not rows:
        raise problem(path, "the file is empty")
    if len(rows) > MAX_ROWS + 1:
        raise problem(path, f"more than {MAX_ROWS} rows")
    return rows


def header_name(text) -> str:
    """A header cell as headers are compared: BOM, case and spacing ignored."""
    return " ".join(str(text).replace("\ufeff", "").split()).casefold()


def read_roster(path) -> Roster:
    """The checked class list in ``path``; every problem (with its row number) in one error."""
    path = Path(path)
    numbered = read_rows(path)
    rows = [r for _, r in numbered]
    cols = _columns(rows[0], path)
    return Roster(_students(numbered, cols, path), str(path))


def _students(rows: list[tuple[int, list[str]]], cols: dict[str, int], path) -> list[Student]:
    from course.exercises.text_match import has_control_chars
    from course.instructor.submissions import clean_name

    def cell(row, name):
        i = cols.get(name)
        return clean_name(str(row[i])) if i is not None and i < len(row) else ""

    students, problems, seen = [], [], {}
    for line, row in rows[1:]:  # (the file's own row numbers, blank rows counted)
        number, name, klass = cell(row, "number"), cell(row, "name"), cell(row, "class")
        if not number:
            problems.append(f"row {line}: no student number")
            continue
        if any(len(v) > MAX_CELL or has_control_chars(v) for v in (number, name, klass)):
            problems.append(f"row {line}: a cell is longer than {MAX_CELL} characters or "
                            "holds control characters")
            continue
        _, repeated = first_row_of(seen, number, line)
        if repeated:
            problems.append(repeated)
            continue
        students.append(Student(number, name or number, klass))
    if problems:
        raise _problem(path, f"{len(problems)} row(s) to fix: " + "; ".join(problems[:20]))
    return students


def first_row_of(seen: dict, number: str, line: int) -> tuple[str, str]:
    """``number``'s learner key, and a problem line if it was already on an earlier row of
    this class list or marks file (``seen``: learner key -> its first row, updated here), else
    ""."""
    from course.instructor.names import learner_key

    key = learner_key(number)
    if key in seen:
        return key, f"row {line}: student number {number!r} again (first in row {seen[key]})"
    seen[key] = line
    return key, ""


def saved_path() -> Path:
    """Where ``crm-course roster`` keeps the loaded class list: ``$CRM_COURSE_HOME/roster.json``."""
    from course import paths

    return paths.home() / SAVED_NAME


def save(roster: Roster) -> Path:
    """Keep ``roster`` for the live class and the report (readable by its owner only)."""
    target = saved_path()
    doc = {"source": roster.source, "students": [asdict(s) for s in roster.students]}
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(doc, fh, ensure_ascii=False, indent=1)
        os.replace(tmp, target)
    except OSError as exc:
        raise InputError(f"Cannot write {target}: {exc.strerror or exc}. 无法写入 {target}。") \
            from None
    return target


def load_saved(path=None) -> Roster | None:
    """The class list kept by ``crm-course roster`` (or in ``path``), None when there is none."""
    target = Path(path) if path is not None else saved_path()
    try:
        doc = json.loads(target.read_text(encoding="utf-8"))
        return Roster([Student(**s) for s in doc["students"]], doc.get("source", ""))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{target} is not a class list saved by crm-course roster "
                         f"({type(exc).__name__}): load it again with crm-course roster FILE. "
                         f"{target} 不是有效的班级名单，请用 crm-course roster FILE 重新载入。") \
            from None
