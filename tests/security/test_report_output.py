"""Issue 16 items 2 and 8 (report side): the report is written whole or not at all, and each
learner's course version is shown, with a notice when it is not the instructor's."""
from __future__ import annotations

from instructor_helpers import FIXTURE_COURSE, submission, write_json

from course.instructor import report as report_mod
from course.instructor.report import build_report, write_report

BANK = FIXTURE_COURSE / "exercises"


def test_a_failure_while_writing_leaves_the_previous_report_whole(tmp_path, monkeypatch):
    write_json(tmp_path / "subs" / "a.json", submission("Li Lei", [("demo-assess-single", 1)]))
    report = build_report([tmp_path / "subs"], bank_path=BANK)
    out = tmp_path / "out"
    write_report(report, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def broken(report, path):
        path.write_text("half a file")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report_mod, "write_item_csv", broken)
    try:
        write_report(report, out)
    except Exception as exc:  # noqa: BLE001 - the sentence for the instructor
        assert "No space left" in str(exc)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no partial file, no temp


def test_each_learner_shows_the_course_version_and_another_version_is_flagged(tmp_path):
    from course import __version__

    write_json(tmp_path / "a.json", submission("Li Lei", [("demo-assess-single", 1)],
                                               course_version=__version__))
    write_json(tmp_path / "b.json", submission("Han Meimei", [("demo-assess-single", 1)],
                                               course_version="0.0.1"))
    report = build_report([tmp_path], bank_path=BANK)
    assert {r.learner: r.course_version for r in report.learners} == {
        "Li Lei": __version__, "Han Meimei": "0.0.1"}
    notes = [w for w in report.warnings if "course version 0.0.1" in w.reason]
    assert [w.learner for w in notes] == ["Han Meimei"]
    paths = write_report(report, tmp_path / "out")
    grades = paths["grades"].read_text(encoding="utf-8-sig")
    assert "course_version" in grades.splitlines()[0] and "0.0.1" in grades
    assert "course version 0.0.1" in paths["html"].read_text(encoding="utf-8")
