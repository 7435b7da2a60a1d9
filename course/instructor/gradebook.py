"""The gradebook a school keeps: one row per student, 学号 / 姓名 / 班级 first, a column per
lesson (its assessment-only score), the grading scheme's components and the weighted total
(平时成绩); an .xlsx workbook (XlsxWriter; a sheet per lesson with every item's score) and a
CSV with a UTF-8 BOM for 学习通 / 职教云 / Excel.

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


def _note(row, marked: dict) -> str:
    notes = []
    missing = [marked[p] for p in row.final_missing if p in marked]
    if missing:
        notes.append("缺成绩 no mark yet: " + " ".join(missing))
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
    parts = report.plan.scheme.marked_parts  # the final grade's parts from the marks file
    # a missing mark is noted only once a marks file was given (before, every one is missing)
    noted = {p.part: p.short for p in parts} if report.part_marks is not None else {}
    header = (["学号", "姓名", "班级"] + [lesson_header(report, s) for s in slugs]
              + [LABELS[c][1] for c in used] + ["平时成绩"] + [p.short for p in parts]
              + ["总评成绩", "需要帮助", "备注"])
    rows = []
    for row in sorted(report.learners, key=_order):
        rows.append([row.number or None, row.name or row.learner, row.klass or None]
                    + [_num(row.lesson_assessment.get(s)) for s in slugs]
                    + [_num(row.parts.get(c)) for c in used]
                    + [_num(row.total)] + [_num(row.final_parts.get(p.part)) for p in parts]
                    + [_num(row.final_total), "是" if row.needs_help else "否",
                       _note(row, noted) or None])
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


def _sheet(book, title: str, header: list[str], rows: list[list], bold):
    """One sheet of the xlsxwriter workbook: a bold header row, frozen with the three name
    columns (freeze panes at D2), then the rows (None: an empty cell)."""
    sheet = book.add_worksheet(title.translate(INVALID_SHEET_CHARS)[:31])
    sheet.freeze_panes(1, 3)
    sheet.set_column(0, 0, 14)
    sheet.set_column(1, 1, 12)
    sheet.write_row(0, 0, header, bold)
    number, text = sheet.write_number, sheet.write_string  # (not write_row's guess per cell)
    for i, row in enumerate(rows, start=1):
        for j, value in enumerate(row):
            if isinstance(value, int | float):
                number(i, j, value)
            elif value is not None:
                text(i, j, _safe(value))
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
    for part in plan.scheme.final:
        where = ("computed: 平时成绩 above / 由本报告计算" if part.computed else
                 f"marks file / 教师成绩表: {report.part_marks.source}" if report.part_marks
                 else "no marks file given (crm-course report --marks) / 未提供成绩表")
        rows.append([f"总评 {part.short} / final: {part.en}", f"{part.weight}% · {where}"])
    rows.append(["总评成绩 / final grade", "empty while a part has no mark (never counted as 0); "
                                       "任一部分缺成绩时为空（不按 0 分计）"])
    rows.append(["及格线 / pass mark", f"{report.pass_mark:g}%"])
    rows.append(["单课阈值 / lesson threshold", f"{plan.scheme.lesson_help_below:g}%"])
    rows.append(["课程得分 / lesson columns",
                 "assessment items only, % (empty: none attempted); 仅计测验题，空白表示未作答"])
    rows.append(["评分方案 / scheme", plan.scheme.source])
    rows.append(["课程工作表 / lesson sheets",
                 "one per lesson someone has reached; 仅为已有人学到的课建立工作表"])
    return rows


def write_xlsx(report, path: Path) -> None:
    """gradebook.xlsx: the main sheet, a sheet per lesson someone has reached with item
    scores, an About sheet.

    Written with XlsxWriter (streaming rows, texts never read as formulas or links): 2.4 times
    faster than openpyxl's write-only mode for 500 learners x 60 items (docs/benchmarks.md);
    openpyxl still reads class lists and the tests read the workbook back with it.
    """
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {
        "constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
        "strings_to_numbers": False})
    bold = book.add_format({"bold": True})
    header, rows = table(report)
    _sheet(book, "平时成绩", header, rows, bold)
    for slug, _, ids in report.lessons:
        if ids and any(r.lesson_done[slug][0] for r in report.learners):
            _sheet(book, lesson_header(report, slug), *item_table(report, slug, ids), bold)
    about = book.add_worksheet("说明 About")
    about.set_column(0, 0, 28)
    about.set_column(1, 1, 90)
    for i, row in enumerate(_about_rows(report)):
        about.write_row(i, 0, row)
    try:
        book.close()
    except xlsxwriter.exceptions.XlsxWriterException as exc:
        raise OSError(str(exc)) from exc  # (write_report turns it into a clear message)


def write_csv(report, path: Path) -> None:
    """gradebook.csv: the main sheet as CSV in UTF-8 with a BOM (Excel reads it as UTF-8)."""
    header, rows = table(report)
    with open(path, "w", encoding="utf-8-sig", newline="", errors="backslashreplace") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for row in rows:
            w.writerow(["" if v is None else (f"{v:g}" if isinstance(v, float) else _safe(v))
                        for v in row])
