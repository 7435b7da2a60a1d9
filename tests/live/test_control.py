"""The teacher's control of the class question (course.live.control): its rules with a clock
the test moves, then over real HTTP: /api/control, /api/current (long-poll), attempts refused
while answering is closed, the round of each attempt, the rounds in /api/stats, a restart."""
from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from live_helpers import call, teacher
from support import wait_until

from course.live.control import GRACE, Control, ControlError

SINGLE = "gallery-single"  # options: Grade 1..4, Grade 2 is right


class Clock:
    def __init__(self, t: float = 1000.0):
        self.t = t

    def __call__(self) -> float:
        return self.t


# -- the rules, with a clock the test moves ------------------------------------------------
def test_put_open_countdown_and_grace():
    clock = Clock()
    c = Control(clock)
    assert c.attempt_round("anything") == 1  # no question up: every attempt is taken
    c.put(SINGLE)
    assert c.state() == {"version": 1, "exercise_id": SINGLE, "open": False, "deadline": None,
                         "round": 1, "revealed": False, "peer": False}
    with pytest.raises(ControlError) as exc:
        c.attempt_round(SINGLE)  # put up, not opened yet
    assert exc.value.status == 409 and "closed" in exc.value.reason
    assert c.attempt_round("gallery-cloze") == 1  # another exercise: a kernel learner's
    c.open_answering(30)
    assert c.open and c.deadline == 1030.0 and c.version == 2
    clock.t = 1029.9
    assert c.attempt_round(SINGLE) == 1
    clock.t = 1030.0 + GRACE  # the countdown is over, the grace is not
    assert not c.open and c.attempt_round(SINGLE) == 1
    clock.t = 1030.0 + GRACE + 0.1
    with pytest.raises(ControlError):
        c.attempt_round(SINGLE)
    assert c.expire() and c.state()["open"] is False and c.version == 3
    assert not c.expire()  # once


def test_close_keeps_the_grace_then_refuses():
    clock = Clock()
    c = Control(clock)
    c.put(SINGLE)
    c.open_answering(None)
    clock.t += 100  # no countdown: open until closed
    assert c.open and c.attempt_round(SINGLE) == 1
    c.close()
    clock.t += GRACE - 0.5
    assert c.attempt_round(SINGLE) == 1  # sent as the teacher pressed Close
    clock.t += 1.0
    with pytest.raises(ControlError):
        c.attempt_round(SINGLE)
    with pytest.raises(ControlError) as exc:
        c.close()
    assert exc.value.status == 409


def test_peer_round_and_the_refusals():
    clock = Clock()
    c = Control(clock)
    for action in (c.open_answering, c.close, c.round2, c.mark_revealed):
        with pytest.raises(ControlError) as exc:
            action()
        assert exc.value.status == 409 and "no question is up" in exc.value.reason
    c.put(SINGLE, peer=True)
    c.open_answering(None)
    c.close()
    c.round2()
    assert c.state()["round"] == 2 and c.open and c.peer and c.attempt_round(SINGLE) == 2
    with pytest.raises(ControlError, match="second round already"):
        c.round2()
    c.mark_revealed()
    assert not c.open and c.revealed
    for action in (c.round2, c.open_answering):
        with pytest.raises(ControlError, match="revealed"):
            action()
    for bad in (0, -5, 3601, "30", True, float("nan")):
        c.put(SINGLE)
        with pytest.raises(ControlError) as exc:
            c.open_answering(bad)
        assert exc.value.status == 400
    c.put("gallery-cloze")  # the next question starts again at round 1
    assert c.state()["round"] == 1 and not c.peer and not c.revealed


def test_saved_and_loaded():
    clock = Clock()
    c = Control(clock)
    c.put(SINGLE, peer=True)
    c.open_answering(60)
    again = Control.loads(c.dumps(), clock)
    assert again.state() == c.state() and again.attempt_round(SINGLE) == 1
    for junk in (None, "", "not json", "[1, 2]", '{"round": 7, "version": -3}'):
        state = Control.loads(junk, clock).state()
        assert state["exercise_id"] is None and state["round"] == 1 and state["version"] == 0


# -- over HTTP -------------------------------------------------------------------------------
def test_control_over_http_with_rounds_in_stats_and_the_store(live):
    act = teacher(live, check=False)
    tokens = [live.join(f"learner {i}") for i in range(4)]
    assert act(action="put", exercise_id=SINGLE) == (200, {
        "version": 1, "exercise_id": SINGLE, "open": False, "deadline": None, "round": 1,
        "revealed": False, "peer": False})
    status, reply, _ = live.post(tokens[0], SINGLE, 1)
    assert status == 409 and "closed" in reply["error"]
    assert live.post(tokens[0], "gallery-cloze", ["x", "y", "z"])[0] == 200  # not the one up
    assert act(action="open", seconds=None)[1]["open"] is True
    # round 1: three learners choose Grade 1, one Grade 2
    for token, answer in zip(tokens, (0, 0, 0, 1), strict=True):
        status, reply, _ = live.post(token, SINGLE, answer, round=1)
        assert status == 200 and reply["round"] == 1
    assert act(action="close")[1]["open"] is False
    status, state = act(action="round2")
    assert status == 200 and state["round"] == 2 and state["open"] and state["peer"]
    # round 2, after discussion: three move to Grade 2 (the page's claim of round 1 is ignored)
    for token, answer in zip(tokens[:3], (1, 1, 0), strict=True):
        status, reply, _ = live.post(token, SINGLE, answer, round=1)
        assert status == 200 and reply["round"] == 2
    ex = live.stats(SINGLE)["exercise"]
    assert ex["rounds"] == {"1": {"Grade 1": 3, "Grade 2": 1, "Grade 3": 0, "Grade 4": 0},
                            "2": {"Grade 1": 1, "Grade 2": 2, "Grade 3": 0, "Grade 4": 0}}
    # the main counts are each learner's latest answer: round 2 where they voted again
    assert [o["count"] for o in ex["options"]] == [1, 3, 0, 0]
    rounds = [(a["learner"], a["round"]) for a in live.store.attempts(SINGLE)]
    assert rounds == [(f"learner {i}", 1) for i in range(4)] + \
        [(f"learner {i}", 2) for i in range(3)]
    status, state = act(action="reveal")
    assert status == 200 and state["revealed"] and not state["open"]
    assert live.stats()["revealed"] == [SINGLE]
    assert live.post(tokens[3], SINGLE, 1)[0] == 409  # revealed: answering is over


def test_control_refusals_over_http(live):
    act = teacher(live, check=False)
    for body, status in (({"action": "open"}, 409), ({"action": "round2"}, 409),
                         ({"action": "reveal"}, 409), ({"action": "jump"}, 400),
                         ({"action": "put", "exercise_id": "no-such"}, 404),
                         ({"action": "put", "exercise_id": 7}, 404)):
        got, reply = act(**body)
        assert got == status and reply["error"], body
    act(action="put", exercise_id="gallery-numeric")  # an assessment item: never revealed
    got, reply = act(action="reveal")
    assert got == 409 and "assessment" in reply["error"]
    got, reply = act(action="open", seconds="ten")
    assert got == 400 and "seconds" in reply["error"]
    token = live.join("Li Lei")
    assert call("POST", live.url + "api/control", {"action": "close"}, token=token)[0] == 403
    status, reply, _ = live.post(token, SINGLE, 1, round=3)
    assert status == 400 and "round" in reply["error"]


def test_countdown_closes_and_wakes_the_long_poll(live):
    act = teacher(live, check=False)
    token = live.join("Li Lei")
    act(action="put", exercise_id=SINGLE)
    status, state, _ = call("GET", live.url + "api/current?after=-1", token=token)
    assert status == 200 and state["version"] == 1 and not state["open"]
    got = {}

    def wait(after):
        t0 = time.monotonic()
        got[after] = call("GET", f"{live.url}api/current?after={after}&wait=20", token=token)
        got[after, "s"] = time.monotonic() - t0

    first = threading.Thread(target=wait, args=(1,))
    first.start()
    wait_until(lambda: live.service._control_cond._waiters, 10, what="the long poll waiting")
    act(action="open", seconds=1)
    first.join(10)
    status, state, _ = got[1]
    assert status == 200 and state["open"] and state["version"] == 2 and got[1, "s"] < 5
    assert state["deadline"] == pytest.approx(time.time() + 1, abs=1.5)
    assert live.post(token, SINGLE, 1)[0] == 200
    second = threading.Thread(target=wait, args=(2,))
    second.start()  # woken by the countdown's end, not by a teacher's action
    second.join(15)
    status, state, _ = got[2]
    assert status == 200 and not state["open"] and state["version"] == 3 and got[2, "s"] < 5
    time.sleep(GRACE + 0.2)
    status, reply, _ = live.post(token, SINGLE, 2)
    assert status == 409 and "closed" in reply["error"]
    assert call("GET", live.url + "api/current")[0] == 401  # nobody: no state
    assert call("GET", live.url + "api/current?after=x", token=token)[0] == 400


def test_restart_keeps_the_question_up(live):
    act = teacher(live, check=False)
    token = live.join("Li Lei")
    act(action="put", exercise_id=SINGLE, peer=True)
    act(action="open")
    act(action="round2")
    live.post(token, SINGLE, 1)
    live.stop()
    again = live.restart("session.sqlite3")
    status, state, _ = call("GET", again.url + "api/current", token=token)
    assert status == 200 and state["exercise_id"] == SINGLE and state["round"] == 2
    assert state["open"] and state["version"] == 3
    assert again.stats(SINGLE)["exercise"]["rounds"]["2"]["Grade 2"] == 1


def _saved_control(live) -> dict:
    """The control as the session file holds it (read by another connection, as a restarted
    service or `crm-course live --export` would)."""
    import json

    with sqlite3.connect(f"file:{live.session_file}?mode=ro", uri=True) as db:
        return json.loads(db.execute("SELECT value FROM settings WHERE key = 'control'")
                          .fetchone()[0])


def test_a_countdown_that_ended_while_the_service_was_down_is_closed_on_start(live):
    act = teacher(live, check=False)
    token = live.join("Li Lei")
    act(action="put", exercise_id=SINGLE)
    _, opened = act(action="open", seconds=1)
    live.stop()  # before the deadline: its timer dies with the service
    assert _saved_control(live)["open"] is True
    time.sleep(1.1 + GRACE)  # the deadline and its grace pass while nothing runs
    again = live.restart("session.sqlite3")
    saved = _saved_control(again)  # closed on load, before anybody asked
    assert saved["open"] is False and saved["deadline"] is None and saved["version"] == 3
    assert saved["closed_at"] == opened["deadline"]  # closed as of its deadline
    status, state, _ = call("GET", again.url + "api/current", token=token)
    assert status == 200 and not state["open"] and state["version"] == 3
    status, reply, _ = again.post(token, SINGLE, 1)
    assert status == 409 and "closed" in reply["error"]


def test_a_countdown_running_at_a_restart_closes_at_its_deadline(live):
    act = teacher(live, check=False)
    token = live.join("Li Lei")
    act(action="put", exercise_id=SINGLE)
    _, opened = act(action="open", seconds=3)
    live.stop()
    again = live.restart("session.sqlite3")
    assert _saved_control(again)["open"] is True  # still running: the deadline is ahead
    assert again.post(token, SINGLE, 1)[0] == 200  # answers are taken until then
    # nobody asks: the timer armed at start closes it at the deadline and saves that
    wait_until(lambda: _saved_control(again)["open"] is False, 10,
               what="the countdown closing by itself", interval=0.1)
    closed_at = time.time()
    assert closed_at - opened["deadline"] < 1.5  # at the deadline, not at the next request
    saved = _saved_control(again)
    assert saved["closed_at"] == opened["deadline"] and saved["version"] == 3


def test_an_old_session_file_gains_the_round_column(tmp_path):
    from course.live.store import SessionStore

    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path)  # the attempts table as sessions before issue 25 made it
    old.executescript("""
        CREATE TABLE attempts (id INTEGER PRIMARY KEY, client_id TEXT UNIQUE,
            learner TEXT NOT NULL, exercise_id TEXT NOT NULL, lesson TEXT, time TEXT NOT NULL,
            response TEXT NOT NULL, score REAL NOT NULL, correct INTEGER NOT NULL,
            items TEXT NOT NULL, mode TEXT);
        INSERT INTO attempts VALUES (1, NULL, 'Li Lei', 'gallery-single', '00-gallery',
            '2026-12-01T08:00:00.000Z', '1', 1.0, 1, '[]', 'class');""")
    old.commit()
    old.close()
    store = SessionStore(path)
    [row] = store.attempts()
    assert row["round"] == 1 and row["learner"] == "Li Lei"
    store.add_attempt(client_id=None, learner="Han Meimei", exercise_id="gallery-single",
                      lesson="00-gallery", response=1, score=1.0, correct=True, items=[],
                      mode="class", round=2)
    assert [a["round"] for a in store.attempts()] == [1, 2]
    store.close()
