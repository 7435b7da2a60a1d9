"""Issue 16 items 4, 6 (recording) and 11: the progress store never stops a Check, reads a
read-only store, and names the real cause of a failure, trying again at the next Check."""
from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

from security_helpers import read_only, run_python
from store_helpers import FakeExercise, FakeResult

from course import session as state
from course.exercises import progress, progress_db

EXPORT = "from course.cli import main; import sys; sys.exit(main(sys.argv[1:]))"


def test_a_lone_surrogate_typed_into_a_cloze_is_saved(learner_home):
    ex = FakeExercise(id="cloze-1")
    typed = ["needs\ud800", "ok"]
    assert progress.record(ex, typed, FakeResult(0.5, response=typed), "practice") is True
    assert progress.pop_notices() == []
    assert progress.attempts()["response"].tolist() == [typed]  # read back as typed


def test_a_lone_surrogate_in_the_learner_name_is_saved(learner_home):
    state.set_learner("Sam\udc00", save=False)
    assert progress.record(FakeExercise(id="q"), 1, FakeResult(1.0, 1), "practice") is True
    assert progress.attempts()["learner"].tolist() == ["Sam\ufffd"]
    doc = json.dumps(progress.submission())  # and the export can be written
    assert "Sam" in doc


def test_record_never_raises_on_a_response_that_cannot_be_printed(learner_home):
    deep = []
    for _ in range(100_000):
        deep = [deep]
    assert progress.record(FakeExercise(id="deep"), deep, FakeResult(0.0, deep), "practice")
    saved = progress.attempts()["response"].tolist()
    assert saved == ["<list>"]  # the store keeps the kind of value, not a 100,000-level one


def test_a_full_disk_is_named_and_the_next_check_saves_again(learner_home, monkeypatch):
    ex = FakeExercise(id="q")
    assert progress.record(ex, "first", FakeResult(1.0, "first"), "practice")
    # SQLite's own "database or disk is full": no page may be added, on every connection
    full = {"pages": progress_db._connection().execute("PRAGMA page_count").fetchone()[0]}
    real_open = progress_db._open  # the connection is opened in the SQLite layer

    def open_on_full_disk(path):
        conn = real_open(path)
        if full["pages"]:
            conn.execute(f"PRAGMA max_page_count = {full['pages']}")
        return conn

    monkeypatch.setattr(progress_db, "_open", open_on_full_disk)
    progress_db.close()
    big = "x" * 200_000
    assert progress.record(ex, big, FakeResult(0.0, big), "practice") is False
    notices = progress.pop_notices()
    assert len(notices) == 1
    assert "full" in notices[0].en and "磁盘已满" in notices[0].zh
    assert "not writable" not in notices[0].en  # not blamed on folder rights
    assert progress.record(ex, big, FakeResult(0.0, big), "practice") is False
    assert progress.pop_notices() == []  # told once
    full["pages"] = None  # the learner frees some space
    assert progress.record(ex, "after", FakeResult(1.0, "after"), "practice") is True
    assert progress.attempts()["response"].tolist() == ["first", "after"]


def test_a_file_in_the_way_is_named_as_such(tmp_path, monkeypatch, learner_home):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CRM_COURSE_HOME", str(blocker / "home"))
    assert progress.record(FakeExercise(id="q"), 1, FakeResult(1.0, 1), "practice") is False
    notice = progress.pop_notices()[0]
    assert "a file stands where a folder must be" in notice.en
    blocker.unlink()  # the learner moves it away: the next Check saves
    assert progress.record(FakeExercise(id="q"), 2, FakeResult(1.0, 2), "practice") is True


def _seven_attempts(home: Path) -> None:
    for i in range(7):
        assert progress.record(FakeExercise(id=f"q{i}"), i, FakeResult(1.0, i), "practice")
    progress._reset_for_tests()  # the kernel ends: connection closed, WAL folded in


def test_a_read_only_store_is_exported_in_full(learner_home, tmp_path):
    _seven_attempts(learner_home)
    out = tmp_path / "out" / "sub.json"
    out.parent.mkdir()
    with read_only(learner_home) as prefix:
        proc = run_python(prefix, EXPORT, "export", "--out", out,
                          env={"CRM_COURSE_HOME": str(learner_home)})
    assert proc.returncode == 0, proc.stderr[-2000:]
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [a["response"] for a in doc["attempts"]] == list(range(7))


def test_a_read_only_store_still_restores_answers(learner_home):
    _seven_attempts(learner_home)
    code = ("from course.exercises import progress; import json; "
            "print(json.dumps([progress.last_attempt('q6')['response'], "
            "len(progress.attempts()), len(progress.summary())]))")
    with read_only(learner_home) as prefix:
        proc = run_python(prefix, code, env={"CRM_COURSE_HOME": str(learner_home)})
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == [6, 7, 7]


def test_an_export_that_cannot_read_the_store_fails_and_writes_nothing(learner_home, tmp_path):
    learner_home.mkdir(parents=True)
    (learner_home / "progress.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\xa5" * 8000)
    out = tmp_path / "sub.json"
    with read_only(learner_home) as prefix:
        proc = run_python(prefix, EXPORT, "export", "--out", out,
                          env={"CRM_COURSE_HOME": str(learner_home)})
    assert proc.returncode == 2, (proc.stdout, proc.stderr[-2000:])
    assert "cannot be read" in proc.stderr and "Traceback" not in proc.stderr
    assert not out.exists()


def test_sqlite_errors_are_classified_by_code_not_words():
    err = sqlite3.OperationalError("some words that name nothing")
    if sys.version_info >= (3, 11):
        err.sqlite_errorcode = sqlite3.SQLITE_FULL
        assert progress.cause(err) == "full"
        err.sqlite_errorcode = sqlite3.SQLITE_READONLY
        assert progress.cause(err) == "readonly"
        err.sqlite_errorcode = sqlite3.SQLITE_NOTADB
        assert progress.cause(err) == "corrupt"
        err.sqlite_errorcode = sqlite3.SQLITE_BUSY
        assert progress.cause(err) == "busy"
    assert progress.cause(OSError(28, "No space left on device")) == "full"
