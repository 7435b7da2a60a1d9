"""The progress store: attempt rows, summary, restore data, lesson progress and the export file."""
from __future__ import annotations

import json
import sqlite3

import pytest
from store_helpers import FakeExercise, FakeResult

from course import session as state
from course.exercises import progress


def test_store_path_follows_home(home):
    assert progress.store_path() == home / "progress.sqlite3"


def test_record_writes_one_row_per_check(home):
    state.set_learner("Li Lei")
    ex = FakeExercise(id="idic-letters")
    assert progress.record(ex, ["Identify"], FakeResult(0.5, ["Identify"]), "practice")
    assert progress.record(ex, ["Identify", "区分"], FakeResult(1.0, ["Identify", "区分"]), "class")
    rows = sqlite3.connect(home / "progress.sqlite3").execute(
        "SELECT learner, exercise_id, lesson, response, score, mode, course_version, time"
        " FROM attempts ORDER BY id").fetchall()
    assert [r[:7] for r in rows] == [
        ("Li Lei", "idic-letters", "02-idic", '["Identify"]', 0.5, "practice", "0.1.0"),
        ("Li Lei", "idic-letters", "02-idic", '["Identify", "区分"]', 1.0, "class", "0.1.0"),
    ]
    assert all(r[7].endswith("Z") and r[7][4] == "-" for r in rows)


def test_unattempted_check_is_not_an_attempt(home):
    ex = FakeExercise(id="q")
    assert progress.record(ex, ["", ""], FakeResult(0.0, ["", ""], attempted=False), "practice") \
        is False
    assert len(progress.attempts()) == 0


def test_attempts_dataframe_and_learner_filter(home):
    ex = FakeExercise(id="q1")
    state.set_learner("A")
    progress.record(ex, 1, FakeResult(0.0, 1), "practice")
    state.set_learner("B")
    progress.record(ex, 0, FakeResult(1.0, 0), "practice")
    df = progress.attempts()
    assert list(df.columns) == progress.ATTEMPT_COLUMNS
    assert list(df["learner"]) == ["A", "B"]
    assert list(df["response"]) == [1, 0]
    only_b = progress.attempts(learner="B")
    assert list(only_b["score"]) == [1.0]


def test_summary_one_row_per_exercise(home):
    a, b = FakeExercise(id="a", lesson="01-relationships"), FakeExercise(id="b", lesson="02-idic")
    progress.record(a, [1], FakeResult(0.25, [1]), "practice")
    progress.record(a, [2], FakeResult(1.0, [2]), "practice")
    progress.record(a, [3], FakeResult(0.5, [3]), "practice")
    progress.record(b, True, FakeResult(0.0, True), "class")
    df = progress.summary()
    assert list(df.columns) == progress.SUMMARY_COLUMNS
    by_id = df.set_index("exercise_id")
    assert by_id.loc["a", "attempts"] == 3
    assert by_id.loc["a", "best_score"] == 1.0
    assert by_id.loc["a", "last_score"] == 0.5
    assert by_id.loc["a", "last_response"] == [3]
    assert by_id.loc["b", "lesson"] == "02-idic"
    assert by_id.loc["b", "last_response"] is True


def test_empty_store_gives_empty_frames_without_creating_files(home):
    assert progress.attempts().empty
    assert progress.summary().empty
    assert progress.last_attempt("x") is None
    assert not home.exists()


def test_last_attempt_restores_the_latest_response(home):
    ex = FakeExercise(id="q")
    progress.record(ex, "1,299.50", FakeResult(0.0, "1,299.50"), "practice")
    progress.record(ex, {"Grade 3": "reply within 24 hours"},
                    FakeResult(1.0, {"Grade 3": "reply within 24 hours"}), "assessment")
    last = progress.last_attempt("q")
    assert last["response"] == {"Grade 3": "reply within 24 hours"}
    assert last["score"] == 1.0 and last["mode"] == "assessment"


def test_lesson_progress_counts_done_and_keeps_assessment_scores_out(home):
    exs = [FakeExercise(id="p1"), FakeExercise(id="p2"), FakeExercise(id="t1", mode="assessment"),
           FakeExercise(id="never")]
    progress.record(exs[0], 0, FakeResult(0.5, 0), "practice")
    progress.record(exs[0], 0, FakeResult(1.0, 0), "practice")
    progress.record(exs[1], 0, FakeResult(0.0, 0), "practice")
    progress.record(exs[2], 0, FakeResult(0.0, 0), "assessment")
    done, total, mean_best = progress.lesson_progress(exs)
    assert (done, total) == (3, 4)
    assert mean_best == pytest.approx(0.5)  # (1.0 + 0.0) / 2: the assessment score is not shown


def test_lesson_progress_of_untouched_lesson(home):
    assert progress.lesson_progress([FakeExercise(id="x")]) == (0, 1, None)


def test_export_writes_the_submission_file(home, tmp_path):
    state.set_learner("Han Meimei")
    progress.record(FakeExercise(id="q"), ["Identify"], FakeResult(1.0, ["Identify"]), "practice")
    out = progress.export(tmp_path / "sub.json")
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format"] == "crm-course-submission" and doc["format_version"] == 1
    assert doc["learner"] == "Han Meimei" and doc["course_version"] == "0.1.0"
    assert doc["exported_at"].endswith("Z")
    [attempt] = doc["attempts"]
    assert attempt["response"] == ["Identify"] and attempt["exercise_id"] == "q"
    assert set(attempt) == {"exercise_id", "lesson", "time", "response", "score", "mode",
                            "course_version"}
    assert json.loads(progress.export(tmp_path / "b.json", learner="Lucy").read_text())[
        "learner"] == "Lucy"


def test_export_to_a_folder_is_a_clear_error(home, tmp_path):
    from course.errors import InputError

    with pytest.raises(InputError, match="is a folder"):
        progress.export(tmp_path)


def test_response_text_cannot_break_the_store(home):
    nasty = ["'); DROP TABLE attempts; --", "<img src=x onerror=alert(1)>", "\u0000"]
    progress.record(FakeExercise(id="q"), nasty, FakeResult(0.0, nasty), "practice")
    assert progress.last_attempt("q")["response"] == nasty


def test_checks_from_several_threads_share_the_store(home):
    """A kernel may run widget callbacks on other threads than the one that opened the store."""
    import threading

    ex = FakeExercise(id="threads")
    assert progress.record(ex, 0, FakeResult(0.0, 0), "practice")  # opened on this thread
    failures = []

    def work(tag):
        for i in range(50):
            if not progress.record(ex, [tag, i], FakeResult(1.0, [tag, i]), "practice"):
                failures.append((tag, i, progress.pop_notices()))

    threads = [threading.Thread(target=work, args=(t,)) for t in ("x", "y", "z")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert failures == []
    assert len(progress.attempts()) == 1 + 150
    assert progress.pop_notices() == []
