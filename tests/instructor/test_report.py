"""The class report: re-grading with the instructor's key, the CSV files and the HTML page."""
from __future__ import annotations

import base64
import json
import re
import zipfile
from xml.etree import ElementTree

import pytest
from instructor_helpers import FIXTURE_COURSE, RIGHT, WRONG, submission, write_json
from support import csv_rows, fresh_learner_home

from course.cli import main
from course.errors import InputError
from course.instructor.report import build_report, write_report

BANK = FIXTURE_COURSE / "exercises"
IDS_01 = ["demo-practice-cloze", "demo-class-choice", "demo-assess-cloze", "demo-assess-single",
          "demo-assess-multi"]


@pytest.fixture
def class_folder(tmp_path):
    """Three learners: all right (claiming 0), all wrong (claiming 1), and one who corrected."""
    folder = tmp_path / "subs"
    write_json(folder / "li.json", submission("Li Lei", [(k, v, 0.0) for k, v in RIGHT.items()]))
    write_json(folder / "han.json", submission("Han Meimei",
                                               [(k, v, 1.0) for k, v in WRONG.items()]))
    write_json(folder / "wang.json", submission(
        "Wang Fang", [(k, WRONG[k], 1.0) for k in IDS_01] + [(k, RIGHT[k]) for k in IDS_01]))
    return folder


def test_scores_inside_submissions_are_ignored(class_folder, fixture_bank):
    report = build_report([class_folder], bank=fixture_bank)
    by_name = {r.learner: r for r in report.learners}
    assert by_name["Li Lei"].overall == pytest.approx(1.0)
    # Han claims 1.0 everywhere; re-graded: only partial credit where the key gives it
    han = by_name["Han Meimei"]
    assert han.lesson_scores["01-demo"] == pytest.approx(0.5 / 5)  # half of one cloze
    assert han.lesson_scores["02-more"] == pytest.approx((1 / 3 + 2 / 4) / 5)
    assert han.needs_help and not by_name["Li Lei"].needs_help


def test_the_last_attempt_counts_and_missing_lessons_are_named(class_folder, fixture_bank):
    report = build_report([class_folder], bank=fixture_bank)
    wang = next(r for r in report.learners if r.learner == "Wang Fang")
    assert wang.lesson_scores["01-demo"] == pytest.approx(1.0)
    assert wang.lesson_scores["02-more"] is None
    assert wang.missing == ["02-more"]  # two of three learners reached lesson 02
    assert wang.overall == pytest.approx(0.5)
    assert wang.needs_help


def test_grades_csv_is_learner_by_lesson(class_folder, fixture_bank, tmp_path):
    paths = write_report(build_report([class_folder], bank=fixture_bank), tmp_path / "out")
    rows = {r["learner"]: r for r in csv_rows(paths["grades"])}
    assert set(rows) == {"Li Lei", "Han Meimei", "Wang Fang"}
    assert rows["Li Lei"]["01-demo"] == "100.0" and rows["Li Lei"]["overall"] == "100.0"
    assert rows["Han Meimei"]["01-demo"] == "10.0"
    assert rows["Wang Fang"]["02-more"] == "" and rows["Wang Fang"]["missing_lessons"] == "02-more"
    assert rows["Wang Fang"]["needs_help"] == "yes" and rows["Li Lei"]["needs_help"] == "no"


def test_item_analysis_per_exercise_and_per_blank(class_folder, fixture_bank, tmp_path):
    paths = write_report(build_report([class_folder], bank=fixture_bank), tmp_path / "out")
    rows = csv_rows(paths["items"])
    whole = {r["exercise_id"]: r for r in rows if not r["item"]}
    assert len(whole) == len(fixture_bank)  # a row for every exercise of the bank (5 + 5)
    cloze = whole["demo-assess-cloze"]
    # Li right (1 attempt), Han wrong (1), Wang wrong then right (2)
    assert (cloze["attempts"], cloze["learners"]) == ("4", "3")
    assert cloze["first_try_success"] == "33.3" and cloze["success_rate"] == "66.7"
    assert cloze["common_wrong_answers"] == "resume | zephyrine (2)"
    blanks = {r["item"]: r for r in rows if r["exercise_id"] == "demo-assess-cloze" and r["item"]}
    assert blanks["Blank 1"]["common_wrong_answers"] == "resume (2)"
    assert blanks["Blank 1"]["key"] == "reestablish | re-establish"
    assert blanks["Blank 2"]["success_rate"] == "100.0"
    pairs = [r for r in rows if r["exercise_id"] == "more-assess-match" and r["item"]]
    assert [p["item"] for p in pairs] == ["pair: Grade 1", "pair: Grade 3", "pair: Grade 4"]
    assert whole["demo-assess-single"]["common_wrong_answers"] == "Customize (2)"


def test_most_common_wrong_answers_group_spelling_variants(tmp_path, fixture_bank):
    folder = tmp_path / "subs"
    answers = ["Resume", "resume ", "RESUME", "reply", "reply", "renew"]
    for i, a in enumerate(answers):
        write_json(folder / f"{i}.json", submission(f"L{i}", [("demo-assess-cloze",
                                                               [a, "zephyrine"])]))
    report = build_report([folder], bank=fixture_bank)
    blank1 = next(p for p in report.parts if p.exercise_id == "demo-assess-cloze"
                  and p.item == "Blank 1")
    assert [n for _, n in blank1.wrong] == [3, 2, 1]
    assert blank1.wrong[0][0].strip().casefold() == "resume"


def test_bad_submissions_are_listed_and_the_others_still_count(tmp_path, fixture_bank):
    folder = tmp_path / "subs"
    write_json(folder / "good.json", submission("Good", [("demo-assess-single", 1)]))
    (folder / "broken.json").write_text('{"format": ', encoding="utf-8")
    write_json(folder / "schema.json", {"format": "crm-course-submission"})
    write_json(folder / "unknown.json", submission("Unknown Ids", [("no-such-exercise", 1),
                                                                   ("demo-assess-single", 0)]))
    write_json(folder / "dup1.json", submission("Twin", [("demo-assess-single", 1)]))
    write_json(folder / "dup2.json", submission("twin", [("demo-assess-single", 0)]))
    with open(folder / "big.json", "wb") as fh:
        fh.truncate(10 * 1024 * 1024 + 1)
    with zipfile.ZipFile(folder / "class.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("../../escape.json", json.dumps(submission("Escape", [])))
        zf.writestr("bomb.json", b"{" + b" " * (4 * 1024 * 1024) + b"}")
        zf.writestr("zipped.json", json.dumps(submission("Zipped", [("demo-assess-single", 1)])))
    report = build_report([folder], bank=fixture_bank)
    # two different files named alike, neither an earlier export of the other: both count,
    # each named with its file, and the conflict is listed (issue 21: never drop both)
    learners = sorted(r.learner for r in report.learners)
    assert learners[:3] == ["Good", "Twin (" + str(folder / "dup1.json") + ")",
                            "Unknown Ids"]
    assert learners[3:] == ["Zipped", "twin (" + str(folder / "dup2.json") + ")"]
    reasons = " ".join(f"{r.source} {r.reason}" for r in report.rejections)
    for expected in ("broken.json", "malformed JSON", "schema.json", "not a crm-course submission",
                     "no-such-exercise", "big.json", "byte limit", "outside the archive",
                     "zip bomb"):
        assert expected in reasons, expected
    assert len(report.rejections) == 6
    unknown = next(r for r in report.learners if r.learner == "Unknown Ids")
    assert unknown.attempted == 1  # its known attempt still counts


def test_report_html_opens_offline_and_escapes_learner_text(tmp_path, fixture_bank):
    folder = tmp_path / "subs"
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    write_json(folder / "a.json", submission(evil, [("demo-assess-cloze", [evil, "zephyrine"])]))
    write_json(folder / "b.json", submission("Li Lei", [("demo-assess-cloze", ["x", "y"])]))
    (folder / "c.json").write_text("<b>not json</b>", encoding="utf-8")
    paths = write_report(build_report([folder], bank=fixture_bank), tmp_path / "out")
    page = paths["html"].read_text(encoding="utf-8")
    assert "<script" not in page and "onerror=alert(1)>" not in page
    # Jinja's autoescape (markupsafe) writes a double quote as &#34;, html.escape as &quot;
    assert re.search(r"&lt;script&gt;alert\((&quot;|&#34;)x(&quot;|&#34;)\)&lt;/script&gt;", page)
    # offline: no external resource of any kind, charts are embedded SVG images
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page
    images = re.findall(r'<img alt="[^"]+" src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"',
                        page)
    assert len(images) == 3
    for data in images:  # each a well-formed SVG document with no script in it
        root = ElementTree.fromstring(base64.b64decode(data))
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert not [e for e in root.iter() if e.tag.endswith("script")]
    for section in ("Who needs help", "Exercises the class got wrong", "Charts",
                    "Grades", "Rejected"):
        assert section in page


def test_csv_cells_from_learners_cannot_run_as_formulas(tmp_path, fixture_bank):
    folder = tmp_path / "subs"
    write_json(folder / "a.json", submission("=HYPERLINK(\"http://x\")",
                                             [("demo-assess-cloze", ["=1+1", "zephyrine"])]))
    paths = write_report(build_report([folder], bank=fixture_bank), tmp_path / "out")
    (row,) = csv_rows(paths["grades"])
    assert row["learner"].startswith("'=")
    items = csv_rows(paths["items"])
    wrong = next(r for r in items if r["exercise_id"] == "demo-assess-cloze" and not r["item"])
    assert wrong["common_wrong_answers"].startswith("'=")


def test_an_empty_answer_is_not_an_attempt(tmp_path, fixture_bank):
    folder = tmp_path / "subs"
    write_json(folder / "a.json", submission("A", [("demo-assess-cloze", ["", " "]),
                                                   ("demo-assess-single", None)]))
    report = build_report([folder], bank=fixture_bank)
    assert report.learners[0].attempted == 0 and report.attempts == 0


def test_a_response_of_the_wrong_shape_counts_as_wrong(tmp_path, fixture_bank):
    folder = tmp_path / "subs"
    write_json(folder / "a.json", submission("A", [("demo-assess-single", {"hack": 1}),
                                                   ("demo-assess-multi", [0, 2])]))
    report = build_report([folder], bank=fixture_bank)
    single = next(r for r in report.items if r.exercise_id == "demo-assess-single")
    assert single.attempts == 1 and single.success == 0.0
    assert report.learners[0].lesson_scores["01-demo"] == pytest.approx(1 / 5)


def test_a_student_copy_bank_is_refused(tmp_path):
    from course.instructor.release import release

    copy = tmp_path / "student"
    release(copy, FIXTURE_COURSE)
    folder = tmp_path / "subs"
    write_json(folder / "a.json", submission("A", [("demo-assess-single", 1)]))
    with pytest.raises(InputError, match="student copy"):
        build_report([folder], bank_path=copy / "exercises")


def test_cli_report_writes_its_files_and_exits_cleanly(tmp_path, capsys, class_folder):
    out = tmp_path / "report"
    code = main(["report", str(class_folder), "--out", str(out), "--bank", str(BANK)])
    assert code == 0
    assert {p.name for p in out.iterdir()} == {"grades.csv", "item_analysis.csv", "item_stats.csv",
                                               "report.html", "writing.csv", "gradebook.xlsx",
                                               "gradebook.csv"}
    printed = capsys.readouterr().out
    assert "Graded 3 learner(s)" in printed and "已评分 3 名学习者" in printed


@pytest.mark.parametrize("args, expected", [
    (["nowhere-at-all", "--bank", str(BANK)], "no such file or folder"),
    (["nowhere-at-all"], "no such file or folder"),  # named before the (default) bank loads
    (["{folder}", "--pass-mark", "120"], "not a percentage"),
    (["{folder}", "--bank", "no-bank-here"], "no such file or folder"),
])
def test_cli_mistakes_get_a_sentence_not_a_traceback(tmp_path, capsys, args, expected):
    folder = tmp_path / "subs"
    write_json(folder / "a.json", submission("A", []))
    args = [a.replace("{folder}", str(folder)) for a in args]
    code = main(["report", *args, "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2
    assert expected in err and "Traceback" not in err


def test_out_must_be_a_folder(tmp_path, class_folder, fixture_bank):
    target = tmp_path / "file.txt"
    target.write_text("x")
    with pytest.raises(InputError, match="must be a folder"):
        write_report(build_report([class_folder], bank=fixture_bank), target)


def test_report_of_a_real_export_from_the_student_copy(tmp_path, monkeypatch, fixture_bank):
    """Release, answer in the student copy (no key there), export, report with the key."""
    from course import session as state
    from course.exercises import progress
    from course.exercises.loader import load_bank
    from course.instructor.release import release

    copy = tmp_path / "student"
    release(copy, FIXTURE_COURSE)
    student_bank = load_bank(copy / "exercises")
    with fresh_learner_home(tmp_path / "home", monkeypatch):
        state.set_learner("Zhang Wei", save=False)
        for ex_id, response in [("demo-assess-cloze", ["reestablish", "zephyrine"]),
                                # option keys, as the widget records them: an index would
                                # name the option at that place in this copy's secret order
                                ("demo-assess-single", "customize"),
                                ("more-assess-numeric", "51%"),
                                ("more-assess-order", RIGHT["more-assess-order"]),
                                ("more-assess-match", RIGHT["more-assess-match"]),
                                ("more-assess-tf", True),
                                ("demo-assess-multi", ["insists-on-meeting-at-once",
                                                       "a-huge-order-before-any-product-question"]),
                                ("demo-practice-cloze", ["identify"])]:
            exercise = student_bank[ex_id]
            result = exercise.grade(response)
            if exercise.redacted:  # the student copy can record but not grade
                assert not result.graded and result.score == 0
            assert progress.record(exercise, response, result, exercise.mode)
        path = progress.export(tmp_path / "zhang.json")
    report = build_report([path], bank=fixture_bank)
    assert report.rejections == []
    (row,) = report.learners
    assert row.learner == "Zhang Wei"
    finals = {r.exercise_id: r.success for r in report.items if r.learners}
    assert finals == {"demo-assess-cloze": 1.0, "demo-assess-single": 0.0,
                      "more-assess-numeric": 1.0, "more-assess-order": 1.0,
                      "more-assess-match": 1.0, "more-assess-tf": 0.0,
                      "demo-assess-multi": 1.0, "demo-practice-cloze": 1.0}


def test_an_empty_folder_gives_an_empty_report_and_says_so(tmp_path, capsys):
    (tmp_path / "subs").mkdir()
    code = main(["report", str(tmp_path / "subs"), "--out", str(tmp_path / "out"),
                 "--bank", str(BANK)])
    captured = capsys.readouterr()
    assert code == 0 and "No submission file was found" in captured.err
    assert csv_rows(tmp_path / "out" / "grades.csv") == []
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "No submissions counted" in page and page.count("data:image/svg+xml;base64,") == 3


def test_an_unwritable_out_folder_is_a_sentence(tmp_path, class_folder, fixture_bank,
                                                  monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("course.instructor.report.write_grades_csv", refuse)
    with pytest.raises(InputError, match="Cannot write .*Permission denied"):
        write_report(build_report([class_folder], bank=fixture_bank), tmp_path / "out")


@pytest.mark.parametrize("response, shown", [
    (1, "Identify"), ([0, 2], None), (-1, "-1"), (True, "true"), (7, "7"), ("1", "1"),
])
def test_wrong_answers_are_described_as_given(fixture_bank, response, shown):
    from course.instructor.report import describe_response

    single = fixture_bank["demo-assess-single"]
    if shown is None:
        multi = fixture_bank["demo-assess-multi"]
        assert describe_response(multi, response) == (
            "A huge order before any product questions; Insists on meeting at once")
    else:
        assert describe_response(single, response) == shown


def test_item_statistics_in_the_csv_and_the_page(tmp_path, fixture_bank):
    # The hand-computed class of test_itemstats.py, as six submissions: A is
    # demo-assess-single (key: option 1), B demo-assess-multi, C demo-assess-cloze.
    picks = [0, 2, 0, 0, 1, 1]
    b_right = [0, 0, 0, 0, 0, 1]
    c_right = [0, 0, 1, 1, 1, 0]
    folder = tmp_path / "subs"
    for n in range(6):
        write_json(folder / f"l{n}.json", submission(f"L{n + 1}", [
            ("demo-assess-single", picks[n]),
            ("demo-assess-multi", RIGHT["demo-assess-multi"] if b_right[n] else [1]),
            ("demo-assess-cloze", RIGHT["demo-assess-cloze"] if c_right[n] else ["x", "y"]),
        ]))
    paths = write_report(build_report([folder], bank=fixture_bank), tmp_path / "out")
    rows = csv_rows(paths["stats"])
    items = {r["exercise_id"]: r for r in rows if not r["option"]}
    # lesson 02-more was not taken: its items have no learners and no figures
    assert {k for k, r in items.items() if r["learners"] != "0"} == {
        "demo-assess-single", "demo-assess-multi", "demo-assess-cloze"}
    single, multi, cloze = (items[k] for k in ("demo-assess-single", "demo-assess-multi",
                                               "demo-assess-cloze"))
    assert (single["facility"], single["discrimination"], single["upper_lower_27"]) == \
        ("33.3", "0.500", "1.000")
    assert multi["discrimination"] == f"{1 / 85 ** 0.5:.3f}" and multi["flags"] == "near_zero"
    assert cloze["discrimination"] == "-0.218" and cloze["flags"] == "negative"
    assert cloze["lesson_reliability"] == "0.125" and cloze["reliability_method"] == "KR-20"
    assert "Negative discrimination" in cloze["reason"] and "区分度为负" in cloze["reason_zh"]
    options = [(r["option"], r["key"], r["share_upper"], r["share_lower"])
               for r in rows if r["exercise_id"] == "demo-assess-single" and r["option"]]
    assert options == [("Customize", "no", "0.0", "50.0"), ("Identify", "yes", "100.0", "0.0"),
                       ("Interact", "no", "0.0", "50.0")]
    page = paths["html"].read_text(encoding="utf-8")
    flagged = page.split('id="flagged"')[1].split('id="reliability"')[0]
    # exercises by title, their id in the cell's tooltip
    assert 'title="demo-assess-cloze"' in flagged and 'title="demo-assess-multi"' in flagged
    assert "demo-assess-single" not in flagged
    assert "Check the key first" in flagged and "请先核对答案是否正确" in flagged
    assert "Distractor analysis" in page and "KR-20" in page
    assert "Not yet taken by any learner / 尚无学习者作答: 02 More demo exercises / 更多测试练习." \
        in page
    every = page.split('id="items"')[1].split('id="distractors"')[0]
    assert "more-assess-tf" not in every and "demo-assess-cloze" in every


def test_a_small_class_says_not_enough_data(class_folder, fixture_bank, tmp_path):
    paths = write_report(build_report([class_folder], bank=fixture_bank), tmp_path / "out")
    rows = [r for r in csv_rows(paths["stats"]) if not r["option"]]
    assert rows and all(r["discrimination"] == "" and "Not enough data" in r["reason"]
                        for r in rows)
    page = paths["html"].read_text(encoding="utf-8")
    # "Not enough data" is said once per reason, with the items it holds for, not per item
    reasons = {r["reason"] for r in rows if r["learners"] != "0"}
    from markupsafe import escape

    assert all(page.count(str(escape(reason))) == 1 for reason in reasons)
    assert len(reasons) < sum(r["learners"] != "0" for r in rows)
    assert not re.search(r">\s*nan%?\s*<", page, re.IGNORECASE)
