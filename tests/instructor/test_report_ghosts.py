"""Issue 21, ghost learners: six names posting one wrong attempt per lesson made every lesson
"expected" and sank four real learners to 0, all "needs help". With a class list, only its
learners decide what is expected; the ghosts are counted, and listed."""
from __future__ import annotations

from instructor_helpers import FIXTURE_COURSE, RIGHT, submission, write_json

from course.cli import main
from course.instructor.report import build_report
from course.roster import Roster, Student

IDS_01 = ["demo-practice-cloze", "demo-class-choice", "demo-assess-cloze", "demo-assess-single",
          "demo-assess-multi"]
REAL = ["Ann", "Bo", "Cy", "Di"]


def _class(folder):
    for name in REAL:  # the real class has done lesson 01, all right
        write_json(folder / f"{name}.json", submission(name, [(k, RIGHT[k]) for k in IDS_01]))
    for i in range(6):  # ghosts: one wrong attempt in each lesson
        write_json(folder / f"ghost{i}.json", submission(
            f"Ghost {i}", [("demo-assess-single", 0), ("more-assess-tf", True)]))


def _real_rows(report):
    return {r.learner: r for r in report.learners if r.learner in REAL}


def test_without_a_class_list_ghosts_still_move_the_expectation(tmp_path, fixture_bank):
    """The old rule, kept where there is no list: the attack as the issue reported it."""
    _class(tmp_path)
    report = build_report([tmp_path], bank=fixture_bank)
    assert report.expected_lessons == ["01-demo", "02-more"]
    assert all(r.needs_help for r in _real_rows(report).values())


def test_with_a_class_list_ghosts_change_nothing_for_the_others(tmp_path, fixture_bank):
    _class(tmp_path)
    roster = Roster([Student(str(i), name) for i, name in enumerate(REAL)])
    report = build_report([tmp_path], bank=fixture_bank, roster=roster)
    assert report.expected_lessons == ["01-demo"]
    rows = _real_rows(report)
    assert len(rows) == 4 and not any(r.needs_help for r in rows.values())
    assert all(r.overall == 1.0 for r in rows.values())
    listed = {w.learner for w in report.warnings if "not on the class list" in w.reason}
    assert listed == {f"Ghost {i}" for i in range(6)}


def test_the_command_takes_the_class_list(tmp_path, capsys):
    subs = tmp_path / "subs"
    _class(subs)
    (tmp_path / "class.csv").write_text("学号,姓名\n1,Ann\n2,Bo\n3,Cy\n4,Di\n", encoding="utf-8")
    code = main(["report", str(subs), "--out", str(tmp_path / "r"), "--bank",
                 str(FIXTURE_COURSE / "exercises"), "--roster", str(tmp_path / "class.csv")])
    assert code == 0
    # the six ghosts (one wrong answer in lesson 01) need help; the four learners do not
    assert "10 learner(s)" in capsys.readouterr().out
    import csv

    with open(tmp_path / "r" / "grades.csv", encoding="utf-8-sig") as fh:
        rows = {r["learner"]: r for r in csv.DictReader(fh)}
    assert {n for n, r in rows.items() if r["needs_help"] in ("yes", "True", "1")} == \
        {f"Ghost {i}" for i in range(6)}
