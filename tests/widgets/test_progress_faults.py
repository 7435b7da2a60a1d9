"""Faults of the progress store: concurrent kernels, a killed process, a corrupt file, no rights."""
from __future__ import annotations

import os
import signal
import sqlite3
import time

from store_helpers import FakeExercise, FakeResult, start_worker

from course.exercises import progress, progress_db


def test_two_processes_checking_at_once_lose_nothing(home):
    n = 500
    workers = [start_worker(home, tag, n) for tag in ("a", "b")]
    for w in workers:
        out, err = w.communicate(timeout=120)
        assert w.returncode == 0, (out[-500:], err[-2000:])
    con = sqlite3.connect(home / "progress.sqlite3")
    counts = dict(con.execute("SELECT exercise_id, COUNT(*) FROM attempts GROUP BY exercise_id"))
    assert counts == {"ex-a": n, "ex-b": n}
    for tag in ("a", "b"):
        seen = [r[0] for r in con.execute(
            "SELECT response FROM attempts WHERE exercise_id = ? ORDER BY id", (f"ex-{tag}",))]
        assert seen == [f'["{tag}", {i}]' for i in range(n)]


def test_a_busy_store_is_retried_not_given_up(home, monkeypatch):
    """'database is locked' that escapes SQLite's busy handler: wait and try again."""
    real_run, failures = progress_db.run, []  # every query goes through it

    def flaky_run(work, *, write):
        if len(failures) < 2:
            failures.append(1)
            raise sqlite3.OperationalError("database is locked")
        return real_run(work, write=write)

    monkeypatch.setattr(progress_db, "run", flaky_run)
    assert progress.record(FakeExercise(id="busy"), 1, FakeResult(1.0, 1), "practice")
    assert len(failures) == 2 and len(progress.attempts()) == 1
    assert progress.pop_notices() == []


def test_sigkill_while_checking_keeps_every_committed_attempt(home):
    worker = start_worker(home, "k", 1_000_000)
    committed = []
    deadline = time.monotonic() + 60
    while len(committed) < 300 and time.monotonic() < deadline:
        line = worker.stdout.readline()
        if not line:
            break
        committed.append(int(line))
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait(timeout=30)
    assert worker.returncode == -signal.SIGKILL
    assert len(committed) >= 300, worker.stderr.read()[-2000:]
    con = sqlite3.connect(home / "progress.sqlite3")
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {r[0] for r in con.execute("SELECT response FROM attempts")}
    assert {f'["k", {i}]' for i in committed} <= stored
    # and the store keeps working for the next kernel
    assert progress.record(FakeExercise(id="after"), 1, FakeResult(1.0, 1), "practice")
    assert len(progress.attempts()) == len(stored) + 1


def test_non_sqlite_file_is_moved_aside_with_one_message(home):
    home.mkdir()
    junk = b"this is not a database, it is a learner's shopping list\n" * 20
    (home / "progress.sqlite3").write_bytes(junk)
    ex = FakeExercise(id="q")
    assert progress.record(ex, 1, FakeResult(1.0, 1), "practice")
    backups = list(home.glob("progress.sqlite3.corrupt-*"))
    assert len(backups) == 1 and backups[0].read_bytes() == junk
    notices = progress.pop_notices()
    assert len(notices) == 1
    assert backups[0].name in notices[0].en and backups[0].name in notices[0].zh
    assert "moved aside" in notices[0].en
    assert progress.record(ex, 2, FakeResult(1.0, 2), "practice")
    assert progress.pop_notices() == []  # shown once
    assert len(progress.attempts()) == 2


def test_damaged_sqlite_file_is_moved_aside(home):
    assert progress.record(FakeExercise(id="q"), 1, FakeResult(1.0, 1), "practice")
    path = progress.store_path()
    progress._reset_for_tests()
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = bytearray(path.read_bytes())
    assert len(data) >= 4096 * 2
    data[4096:] = b"\xa5" * (len(data) - 4096)  # keep the header, scramble every page after it
    path.write_bytes(bytes(data))
    assert progress.record(FakeExercise(id="q"), 2, FakeResult(1.0, 2), "practice")
    assert len(list(home.glob("progress.sqlite3.corrupt-*"))) == 1
    assert len(progress.pop_notices()) == 1
    assert list(progress.attempts()["response"]) == [2]


def test_unwritable_home_keeps_working_without_saving(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CRM_COURSE_HOME", str(blocker / "home"))  # cannot be created, even as root
    progress._reset_for_tests()
    ex = FakeExercise(id="q")
    assert progress.record(ex, 1, FakeResult(1.0, 1), "practice") is False
    assert progress.record(ex, 2, FakeResult(1.0, 2), "practice") is False
    notices = progress.pop_notices()
    assert len(notices) == 1
    assert "cannot be saved" in notices[0].en and "无法保存" in notices[0].zh
    assert progress.attempts().empty and progress.summary().empty
    assert progress.lesson_progress([ex]) == (0, 1, None)
    progress._reset_for_tests()


def test_store_path_taken_by_a_folder_is_unwritable_not_a_crash(home):
    (home / "progress.sqlite3").mkdir(parents=True)
    assert progress.record(FakeExercise(id="q"), 1, FakeResult(1.0, 1), "practice") is False
    assert len(progress.pop_notices()) == 1
    assert (home / "progress.sqlite3").is_dir()  # a folder is never moved aside or deleted
