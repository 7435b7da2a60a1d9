"""A class of 45 with a class list, a shared lab login and names that match nobody: the
gradebook (xlsx and CSV) by student number, the grading scheme's weighted total, needs help by
lesson, and the live attendance file."""
from __future__ import annotations

import csv

import pytest
from instructor_helpers import FIXTURE_COURSE, RIGHT, WRONG, submission, write_json
from support import csv_rows

from course.cli import main
from course.errors import InputError
from course.instructor.attendance import read_attendance
from course.instructor.report import build_report, write_report
from course.instructor.scheme import load_scheme
from course.roster import read_roster

BANK = FIXTURE_COURSE / "exercises"
LESSON_01 = ["demo-practice-cloze", "demo-class-choice", "demo-assess-cloze",
             "demo-assess-single", "demo-assess-multi"]
LESSON_02 = ["more-assess-tf", "more-assess-match", "more-assess-order", "more-assess-numeric",
             "more-practice-numeric"]
N = 45


def number(i: int) -> str:
    return f"20240100{i:02d}"


def answers(i: int) -> list:
    """Learner i's attempts: right everywhere, except lesson 02 all wrong for every fourth
    learner and lesson 01 wrong for every fifth (so some are low on one lesson only)."""
    out = []
    for ex in LESSON_01:
        out.append((ex, WRONG[ex] if i % 5 == 0 else RIGHT[ex]))
    for ex in LESSON_02:
        out.append((ex, WRONG[ex] if i % 4 == 0 else RIGHT[ex]))
    return out


@pytest.fixture
def school(tmp_path):
    """The class list, the submissions, one live session's attendance and a scheme."""
    roster = tmp_path / "class.csv"
    with open(roster, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["学号", "姓名", "班级"])
        for i in range(1, N + 1):
            w.writerow([number(i), f"学生{i:02d}", "电商1班" if i <= 23 else "电商2班"])
    subs = tmp_path / "subs"
    for i in range(1, 41):  # 40 learners hand in under their student number
        write_json(subs / f"{i:02d}.json", submission(number(i), answers(i)))
    # 41 typed a name into the header before the list was loaded: matched by name
    write_json(subs / "41.json", submission("学生41", answers(41)))
    # 42 worked on a lab computer (under the name) and at home (under the number)
    write_json(subs / "42-lab.json", submission("学生42", [(e, RIGHT[e]) for e in LESSON_01]))
    write_json(subs / "42-home.json", submission(
        number(42), [(e, RIGHT[e]) for e in LESSON_02], exported_at="2026-11-24T08:00:00Z"))
    # 43 and 44 share the lab login lab07: one store, exported by each with their number
    first = [(e, RIGHT[e]) for e in LESSON_01 + LESSON_02]
    write_json(subs / "lab07-a.json", submission(number(43), first))
    write_json(subs / "lab07-b.json", submission(
        number(44), first + [(e, WRONG[e]) for e in LESSON_02], exported_at="2026-11-23T09:00:00Z"))
    # 45 handed in nothing; two files match nobody on the list
    write_json(subs / "zhang.json", submission("Zhang San", answers(2)))
    write_json(subs / "login.json", submission("lab08", answers(3)))
    live = tmp_path / "session1.csv"
    with open(live, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        # the columns `crm-course live` writes to attendance.csv
        w.writerow(["学号", "姓名", "班级", "first_joined", "answered"])
        for i in range(1, 31):  # 1-30 joined; i answered i % 7 of 6 questions at most
            w.writerow([number(i), f"学生{i:02d}", "", f"2026-11-20 08:0{i % 10}",
                        min(i % 7, 6)])
        w.writerow([number(31), "学生31", "", "", ""])  # listed, never joined
        w.writerow(["99999", "Visitor", "", "2026-11-20 08:05", "2"])  # not on the list
    scheme = tmp_path / "scheme.yaml"
    scheme.write_text("weights: {assessment: 50, writing: 20, participation: 10, "
                      "attendance: 20}\npass_mark: 60\nlesson_help_below: 40\n", encoding="utf-8")
    return {"roster": roster, "subs": subs, "live": live, "scheme": scheme, "tmp": tmp_path}


def _report(school, fixture_bank):
    roster = read_roster(school["roster"])
    return build_report([school["subs"]], bank=fixture_bank, roster=roster,
                        scheme=load_scheme(school["scheme"]),
                        attendance=read_attendance([school["live"]], roster))


def test_learners_are_matched_by_student_number_and_nobody_is_dropped(school, fixture_bank):
    report = _report(school, fixture_bank)
    rows = {r.number or r.learner: r for r in report.learners}
    # 45 on the list (44 handed in, 42's two files are one learner) + 2 who match nobody
    assert len(report.learners) == N + 2
    assert rows[number(41)].name == "学生41" and rows[number(41)].handed_in
    assert rows[number(42)].lesson_scores == {"01-demo": 1.0, "02-more": 1.0}  # both files
    assert rows[number(43)].item_scores["more-assess-tf"] == 1.0  # shared login: both kept
    assert rows[number(44)].item_scores["more-assess-tf"] == 0.0  # (44's later answers)
    assert not rows[number(45)].handed_in and rows[number(45)].needs_help
    assert {r.learner for r in report.learners if r.on_roster is False} == {"Zhang San", "lab08"}
    notes = " ".join(w.reason for w in report.warnings)
    assert "'Zhang San' is not on the class list" in notes and "'lab08'" in notes
    assert "2 files belong to 2024010042" in notes
    assert report.attendance.unmatched == [(str(school["live"]), "99999")]


def test_assessment_only_score_beside_practice_and_needs_help_by_lesson(school, fixture_bank):
    report = _report(school, fixture_bank)
    rows = {r.number: r for r in report.learners if r.number}
    # learner 4: lesson 01 right, lesson 02 all wrong (partial credit: matching 1/3, order 2/4)
    four = rows[number(4)]
    assert four.lesson_assessment["02-more"] == pytest.approx((1 / 3 + 2 / 4) / 4)
    assert four.lesson_practice["02-more"] == 1.0  # the practice item was attempted
    assert four.lesson_assessment["01-demo"] == 1.0
    assert four.weak_lessons == ["02-more"] and four.needs_help  # 20.8% < 40% on lesson 02
    # learner 1: right everywhere, but joined live with 1 answer of the best 6: still fine
    assert rows[number(1)].weak_lessons == [] and not rows[number(1)].needs_help


def test_the_weighted_total_matches_a_hand_calculation(school, fixture_bank):
    report = _report(school, fixture_bank)
    rows = {r.number: r for r in report.learners if r.number}
    # No writing task in the fixture bank: its weight is left out, and the report says so.
    assert report.plan.used == ["assessment", "participation", "attendance"]
    assert [c for c, _, _ in report.plan.left_out] == ["writing"]
    # Learner 4: 7 assessment items = 3 right in lesson 01 + (0 + 1/3 + 2/4 + 0) in lesson 02;
    # live: 4 answers (4 % 7) of the best 6 in the session; joined 1 session of 1.
    assessment = (3 + 1 / 3 + 2 / 4) / 7
    hand = (50 * assessment + 10 * 4 / 6 + 20 * 1) / (50 + 10 + 20)
    assert rows[number(4)].total == pytest.approx(hand)  # 0.6756: above the pass mark
    # Learner 31 is on the attendance list but never joined: attendance and participation 0
    assert rows[number(31)].parts == {"assessment": 1.0, "participation": 0.0,
                                      "attendance": 0.0}
    assert rows[number(31)].total == pytest.approx(50 / 80)


def test_the_workbook_opens_and_its_cells_equal_the_csv_files(school, fixture_bank, capsys):
    import openpyxl

    paths = write_report(_report(school, fixture_bank), school["tmp"] / "out")
    book = openpyxl.load_workbook(paths["gradebook"])
    main_sheet = book.worksheets[0]
    assert main_sheet.title == "平时成绩" and main_sheet.freeze_panes == "D2"
    cells = [[c.value for c in row] for row in main_sheet.iter_rows()]
    header = cells[0]
    assert header[:3] == ["学号", "姓名", "班级"]
    assert header[3:5] == ["01 教师工具测试课", "02 更多测试练习"]  # one column per lesson, by title
    # then the final grade's other parts (from a marks file: none given here) and its total
    assert header[5:] == ["测验", "课堂参与", "出勤", "平时成绩", "口语", "项目", "期中", "期末",
                          "总评成绩", "需要帮助", "备注"]
    assert len(cells) == 1 + N + 2
    with open(paths["gradebook_csv"], "rb") as fh:
        assert fh.read(3) == b"\xef\xbb\xbf"  # the BOM Excel needs to read UTF-8
    from_csv = [list(r.values()) for r in csv_rows(paths["gradebook_csv"])]
    for book_row, csv_row in zip(cells[1:], from_csv, strict=True):
        assert [("" if v is None else f"{v:g}" if isinstance(v, float) else str(v))
                for v in book_row] == csv_row
    # numbers are numbers, and the total is the one grades.csv holds
    by_number = {r["student_number"]: r for r in csv_rows(paths["grades"])}
    for row in cells[1:]:
        if row[0] is not None and row[8] is not None:
            assert isinstance(row[8], int | float)  # (openpyxl reads 100.0 back as 100)
            assert row[8] == pytest.approx(float(by_number[row[0]]["weighted_total"]), abs=0.06)
    four = next(r for r in cells if r[0] == number(4))
    assert four[8] == 67.6 and four[14] == "是" and "02-more" in four[15]
    assert four[9:14] == [None] * 5  # no marks file: the parts and the final grade are missing
    assert next(r for r in cells if r[0] == number(45))[15].startswith("无提交")
    lesson = book["02 更多测试练习"]
    assert lesson.freeze_panes == "D2"
    items = [[c.value for c in row] for row in lesson.iter_rows()]
    assert len(items[0]) == 3 + 5 and len(items) == 1 + N + 2
    assert next(r for r in items if r[0] == number(4))[3:] == [0, 33.3, 50, 0, 0]
    with capsys.disabled():  # the workbook's cells in the test log (the proof)
        print("\ngradebook.xlsx, sheet 平时成绩 (first 8 rows):")
        for row in cells[:8]:
            print(" | ".join("" if v is None else str(v) for v in row))


def test_the_command_reads_the_scheme_and_attendance_and_says_what_is_left_out(
        school, capsys):
    out = school["tmp"] / "cli"
    code = main(["report", str(school["subs"]), "--out", str(out), "--bank", str(BANK),
                 "--roster", str(school["roster"]), "--scheme", str(school["scheme"])])
    assert code == 0
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "no live attendance file given" in page  # participation and attendance left out
    assert (out / "gradebook.xlsx").exists() and (out / "gradebook.csv").exists()


@pytest.mark.parametrize("text, expected", [
    ("weights: {assessment: -1}\n", "weights.assessment is -1"),
    ("weights: {quizzes: 10}\n", "unknown weight(s) quizzes"),
    ("pass_mark: 160\n", "pass_mark is 160"),
    ("weights: {assessment: 0, writing: 0, participation: 0, attendance: 0}\n",
     "every weight is 0"),
    ("grading: yes\n", "unknown field(s) grading"),
])
def test_a_bad_scheme_says_what_is_wrong(tmp_path, text, expected):
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        load_scheme(path)


def test_the_default_scheme_ships_with_the_package():
    scheme = load_scheme()
    assert scheme.pass_mark == 60 and sum(scheme.weights.values()) == 100
    assert scheme.shares(["assessment", "writing"]) == pytest.approx(
        {"assessment": 40 / 70 * 100, "writing": 30 / 70 * 100})


def test_a_bad_attendance_file_names_the_row(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("学号,首次加入时间,作答数\n1,08:00,lots\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 2: answered is 'lots'"):
        read_attendance([path])
    path.write_text("who,when\nx,y\n", encoding="utf-8")
    with pytest.raises(InputError, match="not an attendance file"):
        read_attendance([path])


def test_a_name_two_students_share_matches_neither(tmp_path, fixture_bank):
    roster = tmp_path / "class.csv"
    roster.write_text("学号,姓名\n001,王芳\n002,王芳\n003,李雷\n", encoding="utf-8")
    subs = tmp_path / "subs"
    write_json(subs / "a.json", submission("王芳", [("more-assess-tf", False)]))
    write_json(subs / "b.json", submission("002", [("more-assess-tf", False)]))
    report = build_report([subs], bank=fixture_bank, roster=read_roster(roster))
    by = {(r.number, r.learner): r for r in report.learners}
    # the file named 王芳 cannot be told to be 001 or 002: listed as not on the list, never
    # filed under the wrong student; 002 handed in under the number
    assert by[("", "王芳")].on_roster is False
    assert by[("002", "002")].handed_in and not by[("001", "001")].handed_in
