"""writing.csv: reply texts and role-play transcripts with their rubric; teacher marks win."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from instructor_helpers import submission, write_json
from support import csv_rows

from course.cli import main

BANK = Path(__file__).resolve().parents[2] / "exercises" / "01-relationships.yaml"
GOOD = ("Dear Jessica,\n\nThank you for your message, and we are very sorry that your scarf is "
        "late. It was shipped on 10 April by China Post, tracking number LX123456789CN. The "
        "parcel is waiting at the sorting centre. If it has not arrived within 7 days, we will "
        "resend it or refund you in full.\n\nBest regards,\nLily")
RUDE = "It is not our fault. Stop writing to us. " * 6
PLAY = ["Dear Sophie, we are so sorry about the colour. Could you send us a photo? We will "
        "then send the right colour or refund you.",
        "Thank you for the photos; it is our mistake. We will send the right colour within "
        "2 days."]


@pytest.fixture
def subs(tmp_path):
    folder = tmp_path / "subs"
    write_json(folder / "a.json", submission("Ann Li", [
        ("rel-reply-late-delivery", RUDE), ("rel-reply-late-delivery", GOOD),
        ("rel-roleplay-colour", PLAY)]))
    write_json(folder / "b.json", submission("Bo Wang", [("rel-reply-late-delivery", RUDE)]))
    return folder


def test_writing_csv_has_texts_rubric_and_an_empty_teacher_mark(tmp_path, subs, capsys):
    out = tmp_path / "out"
    assert main(["report", str(subs), "--out", str(out), "--bank", str(BANK)]) == 0
    table = csv_rows(out / "writing.csv")
    by = {(r["learner"], r["task"]): r for r in table}
    ann = by[("Ann Li", "rel-reply-late-delivery")]
    assert ann["text"] == GOOD  # the last attempt, as written
    assert int(ann["automatic_score"]) >= 80 and ann["teacher_mark"] == ""
    assert all(ann[c] != "" for c in ("content", "relevance", "tone", "language", "structure"))
    bo = by[("Bo Wang", "rel-reply-late-delivery")]
    assert int(bo["automatic_score"]) <= 40 and bo["tone"] == "0"
    play = by[("Ann Li", "rel-roleplay-colour")]
    assert play["ending"] == "good" and "Buyer: Hello, I have a complaint" in play["text"]
    assert play["moves_made"] == play["moves_expected"]
    assert "writing.csv" in capsys.readouterr().out
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "Written work" in page and "tracking number LX123456789CN" in page
    assert "Stop writing to us." in page  # the rude text is shown for the teacher to judge


def test_reply_texts_in_the_report_page_are_escaped(tmp_path):
    folder = tmp_path / "subs"
    write_json(folder / "x.json", submission("Eve", [
        ("rel-reply-late-delivery", "Dear Jessica, <script>alert(1)</script> sorry.")]))
    out = tmp_path / "out"
    assert main(["report", str(folder), "--out", str(out), "--bank", str(BANK)]) == 0
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page


def test_a_teacher_mark_overrides_the_automatic_score(tmp_path, subs):
    out = tmp_path / "out"
    main(["report", str(subs), "--out", str(out), "--bank", str(BANK)])
    before = {r["learner"]: r for r in csv_rows(out / "grades.csv")}
    table = csv_rows(out / "writing.csv")
    for r in table:
        if r["learner"] == "Bo Wang":
            r["teacher_mark"] = "100"
    marks = tmp_path / "marked.csv"
    with open(marks, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(table[0]))
        w.writeheader()
        w.writerows(table)
    out2 = tmp_path / "out2"
    assert main(["report", str(subs), "--out", str(out2), "--bank", str(BANK),
                 "--marks", str(marks)]) == 0
    after = {r["learner"]: r for r in csv_rows(out2 / "grades.csv")}
    lesson = "01-relationships"
    assert float(after["Bo Wang"][lesson]) > float(before["Bo Wang"][lesson])
    assert after["Ann Li"][lesson] == before["Ann Li"][lesson]
    marked = {r["learner"]: r for r in csv_rows(out2 / "writing.csv")}
    assert marked["Bo Wang"]["teacher_mark"] == "100"


def test_a_bad_mark_is_named(tmp_path, subs, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("learner,task,teacher_mark\nAnn Li,rel-reply-late-delivery,great\n",
                   encoding="utf-8")
    code = main(["report", str(subs), "--out", str(tmp_path / "o"), "--bank", str(BANK),
                 "--marks", str(bad)])
    err = capsys.readouterr().err
    assert code == 2 and "row 2" in err and "0 to 100" in err and "Traceback" not in err
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    assert main(["report", str(subs), "--out", str(tmp_path / "o"), "--bank", str(BANK),
                 "--marks", str(other)]) == 2
    err = capsys.readouterr().err  # neither kind of --marks file: both are named
    assert "not a usable marks file" in err and "a writing.csv" in err and "teacher_mark" in err


def test_rubric_criteria_are_not_listed_as_blanks_with_wrong_answers(tmp_path, subs):
    out = tmp_path / "out"
    assert main(["report", str(subs), "--out", str(out), "--bank", str(BANK)]) == 0
    items = csv_rows(out / "item_analysis.csv")
    reply = [r for r in items if r["exercise_id"] == "rel-reply-late-delivery"]
    # one row for the task as a whole, none per rubric criterion with points as "answers"
    assert [r["item"] for r in reply] == [""]
    assert not [r for r in items if r["type"] in ("reply", "roleplay") and r["item"]]
    page = (out / "report.html").read_text(encoding="utf-8")
    # these submissions hold no blank or pair: the table is not there at all (it was, before,
    # with a row per criterion such as "Tone: polite, no blame | 0 (1×) | 20")
    assert "Blanks and pairs the class got wrong" not in page
    assert "0 (1×)" not in page
    assert "Written work" in page  # where the criteria are shown, with their points


def test_a_model_reply_as_the_key_keeps_its_lines_and_is_escaped(tmp_path, subs):
    from course.exercises.loader import load_bank
    from course.instructor.report import KEY_CHARS, build_report

    bank = load_bank(BANK)
    bank["rel-reply-late-delivery"].answer_text = lambda: type(
        "T", (), {"en": "Dear <b>Jessica</b>,\n\n\n  Thank   you.\nBest regards,\nLily"})()
    report = build_report([subs], bank=bank)
    (row,) = [r for r in report.items if r.exercise_id == "rel-reply-late-delivery"]
    assert row.key == "Dear <b>Jessica</b>,\n\nThank you.\nBest regards,\nLily"
    assert ";" not in row.key
    from course.instructor.report import write_report

    out = tmp_path / "out"
    write_report(report, out)
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<b>Jessica" not in page
    assert ('<td class="keytext">Dear &lt;b&gt;Jessica&lt;/b&gt;,\n\nThank you.\nBest regards,'
            "\nLily</td>") in page
    table = csv_rows(out / "item_analysis.csv")
    (csv_row,) = [r for r in table if r["exercise_id"] == "rel-reply-late-delivery"]
    assert csv_row["key"] == row.key  # a multi-line cell, as writing.csv's texts
    long = bank["rel-reply-late-delivery"]
    long.answer_text = lambda: type("T", (), {"en": "word " * 400})()
    (row,) = [r for r in build_report([subs], bank=bank).items
              if r.exercise_id == "rel-reply-late-delivery"]
    assert len(row.key) == KEY_CHARS and row.key.endswith("…")
