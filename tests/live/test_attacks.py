"""Issue 21: the live class attacked the way a determined student would. Each test reproduces
one attack and shows that it now fails to do harm."""
from __future__ import annotations

import logging
import os
import sqlite3
import stat
import threading
import time

import pytest
from live_helpers import call
from support import wait_until

from course.cli import main


def _join(live, learner, code=None):
    return call("POST", live.url + "api/join",
                {"code": code or live.auth.join_code, "learner": learner})


# ------------------------------------------------------------------------- identity at join
@pytest.mark.parametrize("twin, status", [
    ("ALICE", 409),                 # the same name in capitals: a look-alike
    ("ａｌｉｃｅ", 409),              # full-width: NFKC makes it "alice"
    ("alice\u200b", 400),           # a zero-width space
    ("\u0430lice", 400),            # a Cyrillic "а" among Latin letters
    ("\u202eecila", 400),           # right-to-left override: shown reversed on the projector
    ("ali\x00ce", 400),             # NUL
    ("alice\x1b[2J", 400),          # ESC: clears the instructor's terminal
])
def test_a_look_alike_or_invisible_name_cannot_join(live, twin, status):
    assert _join(live, "alice")[0] == 200
    got, reply, _ = _join(live, twin)
    assert got == status, reply
    assert live.store.learners() == ["alice"]


def test_a_laptop_joins_as_three_learners_at_most(live, monkeypatch):
    """Ghost learners: anyone with the code joined under any number of names."""
    monkeypatch.setattr("course.live.server.is_loopback", lambda ip: False)
    for name in ("Ann", "Bo", "Cy"):
        assert _join(live, name)[0] == 200
    status, reply, _ = _join(live, "Ghost")
    assert status == 429 and "from this computer" in reply["error"]
    assert "Ghost" not in live.store.learners()


def test_with_a_class_list_learners_join_by_student_number(live):
    from course.roster import Roster, Student

    live.service.roster = Roster([Student("2024001", "Zhang Wei"), Student("2024002", "Li Lei")])
    status, reply, _ = _join(live, "Ghost")
    assert status == 403 and "not on the class list" in reply["error"]
    status, reply, _ = _join(live, "zhang wei")
    assert status == 200 and reply["learner"] == "2024001"
    assert _join(live, "２０２４００２")[1]["learner"] == "2024002"


# ------------------------------------------------------------------------- projector oracle
def test_the_projector_shows_no_key_of_an_assessment_item(live):
    """Posting each option of an assessment item showed its key in "Right now"; with names on,
    each learner's score."""
    token = live.join("Prober")
    for guess in ("15%", "20%", "25%"):
        assert live.post(token, "gallery-numeric", guess)[0] == 200
    live.store.set_setting("show_names", "1")
    stats = live.stats("gallery-numeric")
    (row,) = [r for r in stats["lesson"] if r["id"] == "gallery-numeric"]
    assert row["correct"] is None and row["mean_score"] is None and row["answered"] == 1
    shown = stats["exercise"]
    assert shown["correct"] is None and shown["key_hidden"]
    assert all(a["correct"] is None for a in shown["answers"])
    assert [r["score"] for r in shown["learners"]] == [None]
    practice = live.stats("gallery-true-false")["exercise"]
    assert [o["correct"] for o in practice["options"]] == [True, False]  # practice: as before


# ------------------------------------------------------------------------- session file
def test_the_session_file_and_its_folder_are_private_whatever_the_umask(tmp_path):
    from course.live.store import SessionStore

    old = os.umask(0o022)
    try:
        store = SessionStore(tmp_path / "class" / "session.sqlite3")
        store.set_setting("x", "1")
    finally:
        os.umask(old)
    try:
        assert stat.S_IMODE(os.stat(tmp_path / "class").st_mode) == 0o700
        for name in ("session.sqlite3", "session.sqlite3-wal", "session.sqlite3-shm"):
            path = tmp_path / "class" / name
            if path.exists():
                assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, name
    finally:
        store.close()


def test_a_corrupt_session_file_is_a_sentence_at_start(tmp_path, capsys):
    bad = tmp_path / "session.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    code = main(["live", "--lan", "--session", str(bad), "--port", "0"])
    err = capsys.readouterr().err
    assert code == 2 and "cannot be opened as a live-class session" in err
    assert "Traceback" not in err


def test_a_deleted_session_file_is_detected_and_said(live, caplog):
    token = live.join("Dee")
    assert live.post(token, "gallery-single", 1)[0] == 200
    os.unlink(live.session_file)
    status, reply, _ = live.post(token, "gallery-single", 0)
    assert status == 503 and "deleted" in reply["error"]
    assert any("was deleted" in r.getMessage() for r in caplog.records)


def test_a_write_lock_on_the_file_does_not_freeze_the_service(live):
    """A 35 s write lock froze every request: SQLite ran on the event loop with a 30 s wait."""
    token = live.join("Locked Out")
    other = sqlite3.connect(str(live.session_file), timeout=1)
    other.execute("BEGIN EXCLUSIVE")
    result = {}
    recording = threading.Event()
    record = live.service.record

    def record_and_tell(*args, **kwargs):  # the worker has the attempt and meets the lock
        recording.set()
        return record(*args, **kwargs)

    live.service.record = record_and_tell

    def post():
        result["post"] = live.post(token, "gallery-single", 1)

    try:
        poster = threading.Thread(target=post)
        poster.start()
        wait_until(recording.is_set, 10, what="the attempt reaching the store")
        t0 = time.monotonic()
        status, _, _ = call("GET", live.url + "api/reveals?after=0&wait=0", token=token)
        assert status == 200 and time.monotonic() - t0 < 1.0  # the loop answers meanwhile
        poster.join(10)
    finally:
        other.rollback()
        other.close()
    status, reply, headers = result["post"]
    assert status == 503 and "not saved" in reply["error"] and headers["Retry-After"]
    assert live.post(token, "gallery-single", 1)[0] == 200  # free again: saved


# ------------------------------------------------------------------------- bad input
@pytest.mark.parametrize("query", ["after=1e20", "after=100000000000000000000", "wait=nan",
                                   "wait=inf"])
def test_out_of_range_numbers_are_a_400_with_a_message(live, query):
    token = live.join("Quirky")
    status, reply, _ = call("GET", f"{live.url}api/reveals?{query}", token=token)
    assert status == 400 and "whole number" in reply["error"]


def test_a_lone_surrogate_in_an_answer_is_a_400_with_a_message(live):
    token = live.join("Surrogate")
    raw = b'{"exercise_id": "gallery-cloze", "response": ["\\ud800", "b", "c"]}'
    status, reply, _ = call("POST", live.url + "api/attempt", raw=raw, token=token)
    assert status == 400 and "lone surrogate" in reply["error"]


def test_nul_and_esc_never_reach_the_log_raw(live, caplog):
    from course.live.guard import SafeFormatter

    caplog.set_level(logging.INFO, "course.live")
    _join(live, "evil\x1b]0;owned\x07\x00")
    call("GET", live.url + "api/stats?exercise=%1b%00", token=live.auth.instructor_token)
    lines = [SafeFormatter("%(message)s").format(r) for r in caplog.records]
    assert lines and not any(ch in line for line in lines for ch in "\x00\x1b\x07")
    record = logging.LogRecord("course.live", logging.WARNING, "", 0, "name %s", ("a\x1bb",),
                               None)
    assert SafeFormatter("%(message)s").format(record) == "name a\\x1bb"


# ------------------------------------------------------------------------- CSRF
@pytest.fixture
def dashboard(live):
    """A browser session on the dashboard: its cookie and the page's CSRF token."""
    import requests

    session = requests.Session()
    reply = session.get(f"{live.url}?token={live.auth.instructor_token}", timeout=10)
    assert reply.status_code == 200
    return session, session.cookies.get("_xsrf")


def test_a_page_elsewhere_cannot_act_on_the_dashboard(live, dashboard):
    session, xsrf = dashboard
    origin = live.url.rstrip("/")
    # a text/plain form with the token in the query string, from another port
    reply = session.post(f"{live.url}api/names?_xsrf={xsrf}", data='{"show": true}',
                         headers={"Content-Type": "text/plain", "Origin": "http://127.0.0.1:1"})
    assert reply.status_code == 403
    reply = session.post(f"{live.url}api/names?_xsrf={xsrf}", json={"show": True},
                         headers={"Origin": origin})
    assert reply.status_code == 403  # the token only in the query string
    reply = session.post(f"{live.url}api/reveal", json={"exercise_id": "gallery-single"},
                         headers={"X-XSRFToken": xsrf, "Origin": "http://127.0.0.1:1"})
    assert reply.status_code == 403 and "another page" in reply.json()["error"]
    assert live.store.setting("show_names", "0") == "0" and not live.service.revealed
    # the dashboard page itself: JSON, its origin, the token in the header
    reply = session.post(f"{live.url}api/names", json={"show": True},
                         headers={"X-XSRFToken": xsrf, "Origin": origin})
    assert reply.status_code == 200 and live.store.setting("show_names") == "1"


# ------------------------------------------------------------------------- elsewhere
def test_export_with_an_unreadable_home_is_a_sentence(tmp_path, monkeypatch, capsys):
    from pathlib import Path

    monkeypatch.setenv("CRM_COURSE_HOME", str(tmp_path / "home"))
    real_exists = Path.exists

    def exists(self, *args, **kwargs):
        if str(self).startswith(str(tmp_path / "home")):
            raise PermissionError(13, "Permission denied")
        return real_exists(self, *args, **kwargs)

    monkeypatch.setattr(Path, "exists", exists)
    code = main(["export", "--out", str(tmp_path / "out.json"), "--learner", "Li"])
    err = capsys.readouterr().err
    assert code == 2 and "cannot be read (Permission denied)" in err and "Traceback" not in err
