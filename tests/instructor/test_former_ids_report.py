"""A renamed exercise (bank field ``former_ids``) in the instructor's tools: submissions made
under the old id count as the new id's in the class report and the gradebook, a teacher's mark
under the old id is kept, and the student copy keeps the old ids but still hides the key."""
from __future__ import annotations

import shutil

import pytest
import yaml
from instructor_helpers import FIXTURE_COURSE, RIGHT, WRONG, submission, write_json
from test_release import check_copy

from course.exercises.loader import SAFE_LOADER, load_bank
from course.instructor.release import release
from course.instructor.report import build_report, write_report
from course.instructor.submissions import Collected, read_under_current_ids

OLD, NEW = "demo-assess-single", "demo-assess-first-step"


@pytest.fixture
def course_copy(tmp_path):
    """The fixture course with demo-assess-single renamed, its old id kept as a former id."""
    root = tmp_path / "course"
    shutil.copytree(FIXTURE_COURSE, root)
    path = root / "exercises" / "01-demo.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(f"  - id: {OLD}\n") == 1
    path.write_text(text.replace(f"  - id: {OLD}\n",
                                 f"  - id: {NEW}\n    former_ids: [{OLD}]\n"), encoding="utf-8")
    return root


def _class(folder, who_said_what):
    for learner, attempts in who_said_what.items():
        write_json(folder / f"{learner}.json", submission(learner, attempts))
    return folder


def test_old_id_submissions_count_in_the_report_and_the_gradebook(course_copy, tmp_path):
    import openpyxl

    bank = load_bank(course_copy / "exercises")
    right, wrong = RIGHT[OLD], WRONG[OLD]
    subs = _class(tmp_path / "subs", {
        "Ana": [(OLD, right)],                  # handed in before the rename
        "Ben": [(NEW, right)],                  # after it
        "Cai": [(OLD, right), (NEW, wrong)],    # both: the later answer is the final one
        "Dan": [(NEW, wrong), (OLD, right)],    # (an old notebook answered last)
    })
    report = build_report([subs], bank=bank)
    assert not [r for r in report.rejections if OLD in str(r.reason)], report.rejections
    finals = {row.learner: row.item_scores.get(NEW) for row in report.learners}
    assert finals == {"Ana": 1.0, "Ben": 1.0, "Cai": 0.0, "Dan": 1.0}
    assert all(OLD not in row.item_scores for row in report.learners)
    (item,) = [r for r in report.items if r.exercise_id == NEW]
    assert (item.learners, item.attempts) == (4, 6)  # 1 + 1 + 2 + 2 attempts
    assert not [r for r in report.items if r.exercise_id == OLD]

    paths = write_report(report, tmp_path / "out")
    sheet = openpyxl.load_workbook(paths["gradebook"])["01 教师工具测试课"]
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    column = cells[0].index("第一步 · 测验")  # the exercise's title, an assessment item
    by_name = {row[1]: row[column] for row in cells[1:] if row[1]}
    assert {name: by_name[name] for name in finals} == {"Ana": 100, "Ben": 100, "Cai": 0,
                                                         "Dan": 100}
    item_csv = paths["items"].read_text(encoding="utf-8-sig")
    assert NEW in item_csv and OLD not in item_csv


def test_a_teachers_mark_under_the_old_id_is_kept_and_the_new_one_wins():
    bank = type("B", (), {"renames": {OLD: NEW}})()
    marks = {("ana", OLD): 80.0, ("ben", OLD): 40.0, ("ben", NEW): 90.0, ("cai", "other"): 5.0}
    assert read_under_current_ids(Collected(), bank, marks) == {
        ("ana", NEW): 80.0, ("ben", NEW): 90.0, ("cai", "other"): 5.0}


def test_the_student_copy_keeps_the_former_ids_and_hides_the_key(course_copy, tmp_path):
    copy = tmp_path / "student"
    release(copy, course_copy)
    assert check_copy(course_copy, copy) == []
    with open(copy / "exercises" / "01-demo.yaml", encoding="utf-8") as fh:
        items = {raw["id"]: raw for raw in yaml.load(fh, Loader=SAFE_LOADER)["exercises"]}
    item = items[NEW]
    assert item["redacted"] is True and item["former_ids"] == [OLD]
    assert all("correct" not in option and "feedback" not in option
               for option in item["options"])
    student_bank = load_bank(copy / "exercises")  # the copy loads, old id and all
    assert student_bank[OLD].id == NEW and student_bank[NEW].redacted
