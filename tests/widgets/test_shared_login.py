"""Two students on one lab login (issue 26): every attempt carries the student number the
header had, each number exports only its own attempts, and the report gives each their scores;
an old store without numbers still exports and reports as before."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from course import session
from course.cli import main
from course.exercises import progress, progress_db
from course.exercises.loader import load_bank

GALLERY = Path(__file__).parent / "00-gallery.yaml"
# The store as it was before attempts carried a student number (docs/api.md before issue 26).
OLD_SCHEMA = """
CREATE TABLE attempts (id INTEGER PRIMARY KEY, learner TEXT NOT NULL, exercise_id TEXT NOT NULL,
    lesson TEXT, time TEXT NOT NULL, response TEXT NOT NULL, score REAL, mode TEXT,
    course_version TEXT);
CREATE INDEX attempts_exercise ON attempts (exercise_id, id);
"""
OLD_ROWS = [  # Li Lei: single right, true/false wrong then right, numeric (assessment) wrong
    ("Li Lei", "gallery-single", "00-gallery", "2026-11-01T08:00:00.000Z", "1", 1.0, "practice"),
    ("Li Lei", "gallery-true-false", "00-gallery", "2026-11-01T08:01:00.000Z", "false", 0.0,
     "practice"),
    ("Li Lei", "gallery-true-false", "00-gallery", "2026-11-01T08:02:00.000Z", "true", 1.0,
     "practice"),
    ("Li Lei", "gallery-numeric", "00-gallery", "2026-11-01T08:03:00.000Z", '"15%"', 0.0,
     "assessment"),
]


def _old_store(home) -> None:
    home.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(home / "progress.sqlite3")
    conn.executescript(OLD_SCHEMA)
    conn.executemany("INSERT INTO attempts (learner, exercise_id, lesson, time, response, score,"
                     " mode, course_version) VALUES (?, ?, ?, ?, ?, ?, ?, '0.1.0')", OLD_ROWS)
    conn.commit()
    conn.close()


def _report(paths, bank_file, roster=None):
    from course.instructor.report import build_report

    return build_report([str(p) for p in paths], bank=load_bank(bank_file), roster=roster)


def _answer(lesson, ex_id, response):
    lesson[ex_id].widget.answer(response).check()


def test_two_students_one_login_two_files_two_rows(gallery, fresh, tmp_path, capsys):
    header = gallery.header()
    assert header._who_box.layout.display is None  # asked before the first answer
    assert header.save_learner("2024001")
    assert header._current_box.layout.display is None
    assert "2024001" in header._current.value
    _answer(gallery, "gallery-single", 1)  # right
    _answer(gallery, "gallery-true-false", False)  # wrong
    _answer(gallery, "gallery-numeric", "20%")  # right (assessment)
    assert header.done == 3

    # the next student: "Not you? Change student number"
    assert "Not you? Change student number" in header._change.description
    header._change.click()
    assert header._who_box.layout.display is None and header._current_box.layout.display == "none"
    assert header.save_learner("2024002")
    assert "apart from 2024001&#x27;s" in header._notice.value  # and how to clear the page
    assert "Run All Cells" in header._notice.value
    assert header.done == 0  # the progress bar is this number's own
    assert progress.last_attempt("gallery-single") is None  # nothing of 2024001 comes back
    _answer(gallery, "gallery-single", 0)  # wrong
    _answer(gallery, "gallery-single", 1)  # right at the second try
    _answer(gallery, "gallery-true-false", True)  # right
    _answer(gallery, "gallery-numeric", "15%")  # wrong

    rows = sqlite3.connect(fresh / "progress.sqlite3").execute(
        "SELECT student_number, COUNT(*) FROM attempts GROUP BY student_number").fetchall()
    assert sorted(rows) == [("2024001", 3), ("2024002", 4)]

    first, second = tmp_path / "a.json", tmp_path / "b.json"
    capsys.readouterr()
    assert main(["export", "--out", str(first), "--student-number", "2024001"]) == 0
    err = capsys.readouterr().err
    assert "4 attempt(s) saved on this login under student number 2024002" in err
    assert main(["export", "--out", str(second)]) == 0  # the header's number: 2024002
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in (first, second)]
    assert [d["student_number"] for d in docs] == ["2024001", "2024002"]
    assert [d["learner"] for d in docs] == ["2024001", "2024002"]
    assert [len(d["attempts"]) for d in docs] == [3, 4]
    assert {a["student_number"] for d in docs for a in d["attempts"]} == {"2024001", "2024002"}
    assert all(a["student_number"] == d["student_number"] for d in docs for a in d["attempts"])

    report = _report([first, second], GALLERY)
    assert not report.rejections
    by = {row.learner: row for row in report.learners}
    assert sorted(by) == ["2024001", "2024002"]
    assert by["2024001"].item_scores == {"gallery-single": 1.0, "gallery-true-false": 0.0,
                                         "gallery-numeric": 1.0}
    assert by["2024002"].item_scores == {"gallery-single": 1.0, "gallery-true-false": 1.0,
                                         "gallery-numeric": 0.0}
    # assessment-only score of the lesson: its one assessment item
    assert by["2024001"].lesson_assessment["00-gallery"] == 1.0
    assert by["2024002"].lesson_assessment["00-gallery"] == 0.0

    # with a class list the files are matched by the number they carry, names from the list
    from course.roster import Roster, Student

    roster = Roster([Student("2024001", "张伟", "A"), Student("2024002", "王芳", "A")])
    report = _report([first, second], GALLERY, roster)
    named = {row.number: row.name for row in report.learners}
    assert named == {"2024001": "张伟", "2024002": "王芳"}
    assert all(row.on_roster and row.handed_in for row in report.learners)


def test_an_old_store_is_migrated_and_exports_and_reports_as_before(fresh, tmp_path):
    _old_store(fresh)
    session.set_learner("Li Lei")
    out = progress.export(tmp_path / "old.json")
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["learner"] == "Li Lei" and "student_number" not in doc
    assert [a["exercise_id"] for a in doc["attempts"]] == [r[1] for r in OLD_ROWS]
    assert all("student_number" not in a for a in doc["attempts"])
    # the store gained the column; every old row is still there, with no number
    conn = sqlite3.connect(fresh / "progress.sqlite3")
    cols = [c[1] for c in conn.execute("PRAGMA table_info(attempts)")]
    assert cols[-1] == "student_number"
    assert conn.execute("SELECT COUNT(*), COUNT(student_number) FROM attempts").fetchone() \
        == (len(OLD_ROWS), 0)
    report = _report([out], GALLERY)
    (row,) = report.learners
    assert row.learner == "Li Lei"
    assert row.item_scores == {"gallery-single": 1.0, "gallery-true-false": 1.0,
                               "gallery-numeric": 0.0}


def test_an_old_store_read_only_reads_with_no_numbers(fresh):
    """A store this process cannot migrate (a read-only copy) is read as if it had the
    column: the TEMP view shadows the table."""
    _old_store(fresh)
    rows = progress_db._read_only(fresh / "progress.sqlite3",
                               "SELECT exercise_id, student_number FROM attempts ORDER BY id", ())
    assert rows == [(r[1], None) for r in OLD_ROWS]
    cols = [c[1] for c in sqlite3.connect(fresh / "progress.sqlite3").execute(
        "PRAGMA table_info(attempts)")]
    assert "student_number" not in cols  # reading changed nothing


def test_one_learner_who_gives_a_number_later_keeps_the_earlier_attempts(gallery, fresh,
                                                                          tmp_path, capsys):
    _answer(gallery, "gallery-single", 1)  # before any number (or an old store's rows)
    header = gallery.header()
    assert header.save_learner("2024009")
    assert header.done == 1  # the earlier answer is this learner's
    _answer(gallery, "gallery-true-false", True)
    doc = json.loads(progress.export(tmp_path / "s.json").read_text(encoding="utf-8"))
    assert doc["student_number"] == "2024009" and len(doc["attempts"]) == 2
    # once a second number shares the store, the unnumbered attempt goes with no number
    session.set_student_number("2024010")
    _answer(gallery, "gallery-single", 0)
    doc = json.loads(progress.export(tmp_path / "s.json", student_number="2024009")
                     .read_text(encoding="utf-8"))
    assert [a["exercise_id"] for a in doc["attempts"]] == ["gallery-true-false"]
    doc = json.loads(progress.export(tmp_path / "s.json", student_number=None)
                     .read_text(encoding="utf-8"))
    assert [a["exercise_id"] for a in doc["attempts"]] == ["gallery-single"]
    assert "student_number" not in doc
    # the command says what it left out and how to export it
    capsys.readouterr()
    assert main(["export", "--out", str(tmp_path / "c.json"), "--student-number", "2024009"]) == 0
    err = capsys.readouterr().err
    assert "1 attempt(s) saved on this login before any student number was given" in err
    assert "--no-number" in err and "under student number 2024010" in err
    assert main(["export", "--out", str(tmp_path / "d.json"), "--no-number"]) == 0
    doc = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert [a["exercise_id"] for a in doc["attempts"]] == ["gallery-single"]
    assert doc["learner"] not in ("2024009", "2024010")  # the login name, nobody's number


def test_the_header_says_not_you_in_chinese(gallery, fresh):
    session.set_learner("Li Lei")
    header = gallery.header()
    assert header._current_box.layout.display is None
    session.set_language("zh")
    assert "不是你？更换学号" in header._change.description
    assert "Li Lei" in header._current.value
