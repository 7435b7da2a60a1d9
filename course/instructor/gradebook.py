"""The gradebook a school keeps: one row per student, 学号 / 姓名 / 班级 first, a column per
lesson (its assessment-only score), the grading scheme's components and the weighted total
(平时成绩); an .xlsx workbook (a sheet per lesson with every item's score) and a CSV with a
UTF-8 BOM for 学习通 / 职教云 / Excel.

The column layout of a 学习通 or 职教云 grade import is reconstructed from how teachers
describe it (学号 and 姓名 first, then one score column per assessed part); no official template
could be read, so check the first import against your platform's own template.
"""
from __future__ import annotations

import csv
from pathlib import Path

from course.instructor.scheme import LABELS

LAYOUT_NOTE = ("Column layout reconstructed (学号 / 姓名 / 班级 first, then scores), not checked "
               "against an official 学习通 or 职教云 template. 列布局为推测重建，未与学习通或职教云"
               "官方模板核对。")
INVALID_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})


def _num(value) -> float | None:
    """A 0..1 score as a percentage number rounded to one decimal (None stays empty)."""
    return None if value is None else round(100 * value, 1)


def _title(text, lang: str) -> str:
    if text is None:
        return ""
    if lang in ("en", "zh"):
        return text.render(lang) if hasattr(text, "render") else str(text)
    return text.zh if getattr(text, "has_both", False) else str(getattr(text, "en", text))


def lesson_header(report, slug: str, lang: str = "zh") -> str:
    """"01 客户关系" (the lesson's number and title)."""
    number = slug.split("-", 1)[0]
    return f"{number} {_title(report.lesson_titles.get(slug), lang) or slug}"


def _note(row) -> str:
    notes = []
    if not row.handed_in:
        notes.append("无提交 no submission")
    elif row.on_roster is False:
        notes.append("不在名单 not on the class list: " + row.learner)
    if row.missing:
        notes.append("缺交 missing: " + " ".join(row.missing))
    if row.weak_lessons:
        notes.append("低于阈值 below threshold: " + " ".join(row.weak_lessons))
    return "; ".join(notes)


def table(report) -> tuple[list[str], list[list]]:
    """(header, rows) of the gradebook's main sheet; numbers are numbers, empty is None."""
    slugs = [slug for slug, _, _ in report.lessons if report.plan.lesson_assessment.get(slug)]
    used = report.plan.used
    header = (["学号", "姓名", "班级"] + [lesson_header(report, s) for s in slugs]
              + [LABELS[c][1] for c in used] + ["平时成绩", "需要帮助", "备注"])
    rows = []
    for row in sorted(report.learners, key=_order):
        rows.append([row.number or None, row.name or row.learner, row.klass or None]
                    + [_num(row.lesson_assessment.get(s)) for s in slugs]
                    + [_num(row.parts.get(c)) for c in used]
                    + [_num(row.total), "是" if row.needs_help else "否", _note(row) or None])
    return header, rows


def _order(row) -> tuple:
    """On the class list first, by student number; then the others by name."""
    return (row.on_roster is False, row.number or "~", row.name.casefold())


def item_table(report, slug: str, ids: list[str]) -> tuple[list[str], list[list]]:
    """(header, rows) of one lesson's sheet: every item's final score per learner."""
    header = ["学号", "姓名", "班级"] + [
        (_title(report.exercise_titles.get(i), "zh") or i)
        + (" · 测验" if i in report.plan.lesson_assessment.get(slug, ()) else "")
        for i in ids]
    rows = [[row.number or None, row.name or row.learner, row.klass or None]
            + [_num(row.item_scores.get(i)) for i in ids]
            for row in sorted(report.learners, key=_order)]
    return header, rows


def _openpyxl():
    """openpyxl, imported without numpy when numpy is not loaded yet: openpyxl imports numpy
    only to accept numpy numbers in cells, which the gradebook never writes, and numpy's
    import would cost every report about a tenth of a second (tests/instructor/test_charts.py
    keeps the report free of it)."""
    import sys

    if "openpyxl" in sys.modules or "numpy" in sys.modules:
        import openpyxl

        return openpyxl
    sys.modules["numpy"] = None  # makes `import numpy` fail inside openpyxl's import only
    try:
        import openpyxl
    finally:
        del sys.modules["numpy"]
    return openpyxl


def _sheet(book, title: str, header: list[str], rows: list[list], freeze: str = "D2"):
    from openpyxl.styles import Font

    sheet = book.create_sheet(title.translate(INVALID_SHEET_CHARS)[:31])
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_safe(v) for v in row])
    sheet.freeze_panes = freeze
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["B"].width = 12
    return sheet


def _safe(value):
    """A text cell that a spreadsheet shows as text, never runs as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _about_rows(report) -> list[list]:
    plan = report.plan
    rows = [["说明 / About", ""], ["", LAYOUT_NOTE]]
    for comp, share in plan.shares().items():
        rows.append([f"{LABELS[comp][1]} / {LABELS[comp][0]}", f"{share:.1f}%"])
    for comp, en, zh in plan.left_out:
        rows.append([f"{LABELS[comp][1]} / {LABELS[comp][0]}", f"not counted: {en}；不计：{zh}"])
    rows.append(["及格线 / pass mark", f"{report.pass_mark:g}%"])
    rows.append(["单课阈值 / lesson threshold", f"{plan.scheme.lesson_help_below:g}%"])
    rows.append(["课程得分 / lesson columns",
                 "assessment items only, % (empty: none attempted); 仅计测验题，空白表示未作答"])
    rows.append(["评分方案 / scheme", plan.scheme.source])
    return rows


def write_xlsx(report, path: Path) -> None:
    """gradebook.xlsx: the main sheet, a sheet per lesson with item scores, an About sheet."""
    book = _openpyxl().Workbook()
    book.remove(book.active)
    header, rows = table(report)
    _sheet(book, "平时成绩", header, rows)
    for slug, _, ids in report.lessons:
        if ids:
            _sheet(book, lesson_header(report, slug), *item_table(report, slug, ids))
    about = book.create_sheet("说明 About")
    for row in _about_rows(report):
        about.append(row)
    about.column_dimensions["A"].width = 28
    about.column_dimensions["B"].width = 90
    book.save(path)


def write_csv(report, path: Path) -> None:
    """gradebook.csv: the main sheet as CSV in UTF-8 with a BOM (Excel reads it as UTF-8)."""
    header, rows = table(report)
    with open(path, "w", encoding="utf-8-sig", newline="", errors="backslashreplace") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for row in rows:
            w.writerow(["" if v is None else (f"{v:g}" if isinstance(v, float) else _safe(v))
                        for v in row])
