"""One grading scheme (issue 26): the final grade's parts and weights live in the report's
grading_scheme.yaml; the semester plan's 课程标准 prints the same numbers; the parts the course
cannot compute come from the teacher's marks file by 学号; a missing mark stays missing."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from instructor_helpers import FIXTURE_COURSE, RIGHT, WRONG, submission, write_json

from course.cli import main
from course.errors import InputError
from course.instructor.marks import read_part_marks
from course.instructor.report import build_report, write_report
from course.instructor.scheme import load_scheme
from course.roster import Roster, Student

REPO = Path(__file__).resolve().parents[2]
BANK = FIXTURE_COURSE / "exercises"
ALL = ["demo-practice-cloze", "demo-class-choice", "demo-assess-cloze", "demo-assess-single",
       "demo-assess-multi", "more-assess-tf", "more-assess-match", "more-assess-order",
       "more-assess-numeric", "more-practice-numeric"]


def _csv(path: Path, rows: list[list]) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def test_the_course_standard_prints_the_report_schemes_weights():
    """课程标准 and 授课计划 (docs/, generated from the plan) and the report agree: the plan
    reads its weights from the scheme, and the generated pages carry the same numbers."""
    from course.materials.schedule import standard_markdown
    from course.semester import load, semester_file

    scheme = load_scheme()
    plan = load(semester_file(REPO))
    assert [(w.part, w.weight, w.title.en, w.title.zh) for w in plan.assessment] == [
        (p.part, p.weight, p.en, p.zh) for p in scheme.final]
    assert sum(p.weight for p in scheme.final) == 100
    page = standard_markdown(REPO)
    committed = (REPO / "docs" / "course-standard.md").read_text(encoding="utf-8")
    for text in (page, committed):
        section = text[text.index("考核评价"):]
        printed = re.findall(r"^\| (.+?) · (.+?) \| (\d+)% \|", section, flags=re.M)
        assert printed == [(p.zh, p.en, str(p.weight)) for p in scheme.final]


def test_a_teachers_own_scheme_named_in_the_plan_changes_the_plan_too(tmp_path):
    from course.semester import load, semester_file

    text = semester_file(REPO).read_text(encoding="utf-8")
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "my-scheme.yaml").write_text(
        "final:\n"
        "  - {part: exercises, weight: 40, title: {en: Exercises, zh: 练习}}\n"
        "  - {part: final, weight: 60, title: {en: Final test, zh: 期末}}\n", encoding="utf-8")
    plan_file = tmp_path / "notebooks" / "semester.yaml"
    plan_file.write_text(text.replace("grading_scheme: default",
                                      "grading_scheme: ../my-scheme.yaml"), encoding="utf-8")
    assert [(w.part, w.weight) for w in load(plan_file).assessment] == [
        ("exercises", 40), ("final", 60)]
    assert [(p.part, p.weight) for p in load_scheme(tmp_path / "my-scheme.yaml").final] == [
        ("exercises", 40), ("final", 60)]


def test_marks_files_in_chinese_csv_and_english_xlsx(tmp_path):
    import openpyxl

    scheme = load_scheme()
    zh = _csv(tmp_path / "marks.csv", [["学号", "姓名", "口语", "项目", "期中", "期末", "序号"],
                                       ["2024001", "张伟", "80", "90", "70", "85%", "1"],
                                       ["2024002", "王芳", "", "75", "60", "", "2"]])
    marks = read_part_marks(zh, scheme)
    assert marks.parts == ["speaking", "project", "midterm", "final"]
    assert marks.of("2024001") == {"speaking": 0.8, "project": 0.9, "midterm": 0.7,
                                   "final": 0.85}
    assert marks.of("2024002")["speaking"] is None  # an empty cell: no mark yet
    assert marks.ignored == ["序号"]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["student_number", "Speaking", "Group project: the customer-service playbook"])
    sheet.append([2024001, 88, 91.5])  # a number typed as a number
    book.save(tmp_path / "marks.xlsx")
    marks = read_part_marks(tmp_path / "marks.xlsx", scheme)
    assert marks.of("2024001") == {"speaking": 0.88, "project": 0.915}


def test_bad_rows_are_named_with_their_row_numbers(tmp_path):
    path = _csv(tmp_path / "marks.csv", [["学号", "口语", "期末"],
                                         ["2024001", "80", "abc"],
                                         ["", "70", "60"],
                                         [],
                                         ["2024001", "90", "101"],
                                         ["2024003", "-5", "50"]])
    with pytest.raises(InputError) as err:
        read_part_marks(path, load_scheme())
    text = str(err.value)
    assert "row 2: final 'abc' is not a mark from 0 to 100" in text
    assert "row 3: no student number" in text
    # the blank line 4 keeps the file's numbering
    assert "row 5: student number '2024001' again (first in row 2)" in text
    assert "row 6: speaking '-5' is not a mark" in text
    with pytest.raises(InputError, match="no 学号"):
        read_part_marks(_csv(tmp_path / "n.csv", [["姓名", "口语"], ["张伟", "80"]]),
                        load_scheme())
    with pytest.raises(InputError, match="no column names a part"):
        read_part_marks(_csv(tmp_path / "p.csv", [["学号", "Oral"], ["1", "80"]]),
                        load_scheme())


def test_the_final_grade_by_hand_and_a_missing_mark_stays_missing(tmp_path, fixture_bank):
    import openpyxl

    subs = tmp_path / "subs"
    write_json(subs / "a.json", submission("2024001", [(e, RIGHT[e]) for e in ALL],
                                           student_number="2024001"))
    write_json(subs / "b.json", submission("2024002", [(e, WRONG[e]) for e in ALL[:5]]
                                           + [(e, RIGHT[e]) for e in ALL[5:]],
                                           student_number="2024002"))
    marks = _csv(tmp_path / "marks.csv", [["学号", "口语", "项目", "期中", "期末"],
                                          ["2024001", "80", "90", "70", "85"],
                                          ["2024002", "60", "", "50", "40"],
                                          ["2024099", "99", "99", "99", "99"]])
    scheme = load_scheme()
    roster = Roster([Student("2024001", "张伟", "A"), Student("2024002", "王芳", "A")])
    report = build_report([subs], bank=fixture_bank, roster=roster, scheme=scheme,
                          part_marks=read_part_marks(marks, scheme))
    rows = {r.number: r for r in report.learners}
    a, b = rows["2024001"], rows["2024002"]
    assert a.total == 1.0  # every assessment item right (the only component without live files)
    # 30% exercises + 10% speaking + 20% project + 10% mid-term + 30% final
    assert a.final_total == pytest.approx((30 * 1.0 + 10 * 0.8 + 20 * 0.9 + 10 * 0.7
                                           + 30 * 0.85) / 100)
    assert b.final_parts["project"] is None and b.final_total is None
    assert b.final_missing == ["project"]
    notes = " ".join(w.reason for w in report.warnings)
    assert "match no learner of the report: 2024099" in notes
    paths = write_report(report, tmp_path / "out")
    sheet = openpyxl.load_workbook(paths["gradebook"]).worksheets[0]
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    header = cells[0]
    at = {name: header.index(name) for name in ("平时成绩", "口语", "项目", "总评成绩", "备注")}
    book = {row[0]: row for row in cells[1:]}
    assert book["2024001"][at["总评成绩"]] == round(100 * a.final_total, 1)
    assert book["2024001"][at["口语"]] == 80
    assert book["2024002"][at["项目"]] is None and book["2024002"][at["总评成绩"]] is None
    assert "缺成绩 no mark yet: 项目" in book["2024002"][at["备注"]]
    with open(paths["grades"], encoding="utf-8-sig") as fh:
        grades = {r["student_number"]: r for r in csv.DictReader(fh)}
    assert grades["2024002"]["final_total"] == "" and grades["2024002"]["final_project"] == ""
    assert float(grades["2024001"]["final_total"]) == pytest.approx(100 * a.final_total, abs=0.05)
    page = paths["html"].read_text(encoding="utf-8")
    assert "Final grade" in page and "总评成绩" in page
    for part in scheme.final:  # the page prints the scheme's weights, as 课程标准 does
        assert f"{part.en} / {part.zh}: <b>{part.weight}%</b>" in page


def test_the_command_reads_a_marks_file_beside_writing_marks(tmp_path, capsys):
    subs = tmp_path / "subs"
    write_json(subs / "a.json", submission("2024001", [(e, RIGHT[e]) for e in ALL]))
    marks = _csv(tmp_path / "marks.csv", [["student_number", "speaking", "project", "midterm",
                                           "final"], ["2024001", "100", "100", "100", "100"]])
    writing = _csv(tmp_path / "writing.csv", [["learner", "task", "teacher_mark"]])
    out = tmp_path / "out"
    assert main(["report", str(subs), "--out", str(out), "--bank", str(BANK),
                 "--marks", str(marks), "--marks", str(writing)]) == 0
    with open(out / "grades.csv", encoding="utf-8-sig") as fh:
        (row,) = list(csv.DictReader(fh))
    assert row["final_total"] == "100.0"
    bad = _csv(tmp_path / "bad.csv", [["学号", "口语"], ["2024001", "eighty"]])
    assert main(["report", str(subs), "--out", str(out), "--bank", str(BANK),
                 "--marks", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "row 2: speaking 'eighty'" in err and "Traceback" not in err
