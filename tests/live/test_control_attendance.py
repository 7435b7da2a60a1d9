"""The attendance list (签到): /api/attendance, and attendance.csv beside the exported
submission files (UTF-8 with a BOM, the roster's column names), with and without a class list;
the export of a peer-instruction question (each attempt's round; the last one counts)."""
from __future__ import annotations

import csv
import json

from live_helpers import GALLERY, call

from course.live.export import ATTENDANCE_COLUMNS, export_session, write_attendance
from course.roster import Roster, Student

ROSTER = Roster([Student("2026001", "李雷", "跨境1班"), Student("2026002", "韩梅梅", "跨境1班"),
                 Student("2026003", "=Bob", "跨境2班")])


def test_attendance_api_and_csv_with_a_roster(live, tmp_path):
    live.service.roster = ROSTER  # what crm-course live does with a saved class list
    first = live.join("2026002")
    second = live.join("李雷")  # by name: the roster makes it the student number
    third = live.join("2026003")
    live.post(first, "gallery-single", 1)
    live.post(first, "gallery-single", 2)  # two attempts, one exercise
    live.post(first, "gallery-true-false", True)
    live.post(second, "gallery-true-false", False)
    assert third  # joined, answered nothing: still present
    assert call("GET", live.url + "api/attendance", token=first)[0] == 403
    status, reply, _ = call("GET", live.url + "api/attendance", token=live.auth.instructor_token)
    assert status == 200 and reply["roster"] is True
    rows = [(r["number"], r["name"], r["class"], r["answered"], r["attempts"])
            for r in reply["learners"]]
    assert rows == [("2026002", "韩梅梅", "跨境1班", 2, 3), ("2026001", "李雷", "跨境1班", 1, 1),
                    ("2026003", "=Bob", "跨境2班", 0, 0)]  # in the order they joined
    path = write_attendance(live.store, tmp_path / "out", ROSTER)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel opens it as UTF-8
    with open(path, encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    assert tuple(table[0]) == ATTENDANCE_COLUMNS == ("学号", "姓名", "班级", "first_joined",
                                                     "answered")
    assert [row[:3] + row[4:] for row in table[1:]] == [
        ["2026002", "韩梅梅", "跨境1班", "2"], ["2026001", "李雷", "跨境1班", "1"],
        ["2026003", "'=Bob", "跨境2班", "0"]]  # a formula-like name stays text
    times = [row[3] for row in table[1:]]
    assert times == sorted(times) and all(t.endswith("Z") and "T" in t for t in times)


def test_attendance_without_a_roster_and_a_learner_who_never_joined(live, tmp_path):
    token = live.join("Li Lei")
    live.post(token, "gallery-single", 1)
    # a hub learner never joins: the first answer is when they came
    live.store.add_attempt(client_id=None, learner="hub-user", exercise_id="gallery-single",
                           lesson="00-gallery", response=0, score=0.0, correct=False,
                           items=[], mode="class", time="2099-01-01T00:00:00.000Z")
    path = write_attendance(live.store, tmp_path, None)
    with open(path, encoding="utf-8-sig", newline="") as f:
        table = list(csv.DictReader(f))
    assert [(r["学号"], r["姓名"], r["班级"], r["answered"]) for r in table] == [
        ("", "Li Lei", "", "1"), ("", "hub-user", "", "1")]
    assert table[1]["first_joined"] == "2099-01-01T00:00:00.000Z"


def test_export_keeps_rounds_and_the_report_counts_the_second_vote(live, tmp_path):
    from course.instructor.report import build_report

    token = live.join("Li Lei")
    service = live.service
    service.act({"action": "put", "exercise_id": "gallery-single", "peer": True})
    service.act({"action": "open"})
    live.post(token, "gallery-single", 0)  # round 1: wrong
    service.act({"action": "round2"})
    live.post(token, "gallery-single", 1)  # round 2: right
    [path] = export_session(live.store, tmp_path / "out")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [(a["response"], a["round"]) for a in data["attempts"]] == [("grade-1", 1),
                                                                     ("grade-2", 2)]
    report = build_report([tmp_path / "out"], bank_path=GALLERY)
    assert report.attempts == 2 and not report.rejections
    [learner] = report.learners
    assert learner.learner == "Li Lei"
    [item] = [r for r in report.items if r.exercise_id == "gallery-single"]
    # the item's score is the learner's last attempt (the second vote); the first try was wrong
    assert item.mean_score == 1.0 and item.first_try == 0.0 and item.attempts == 2
