"""The hub seam against a small stand-in for the hub's API (fast; tests/hub runs the real
hub), SIGKILL mid-class, and the learner's client."""
from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import tornado.web
from live_helpers import GALLERY, call
from support import free_port, wait_for_port, wait_until

REPO = Path(__file__).resolve().parents[2]


ACCESS = "access:services!service=live"
TEACH = "custom:crm-live:teach"


class FakeHub:
    """A stand-in for the JupyterHub REST API's ``GET /user``: token -> (kind, name, scopes)."""

    def __init__(self, tokens: dict):
        self.tokens = tokens
        self.requests = 0
        hub = self

        class User(tornado.web.RequestHandler):
            def get(self):
                hub.requests += 1
                token = self.request.headers.get("Authorization", "").partition(" ")[2]
                if token not in hub.tokens:
                    raise tornado.web.HTTPError(403)
                kind, name, scopes = hub.tokens[token]
                self.finish({"kind": kind, "name": name, "scopes": scopes})

        self.app = tornado.web.Application([(r"/hub/api/user", User)])


@pytest.fixture
def hub_live(tmp_path):
    from course.exercises.loader import load_bank
    from course.live.auth import HubAuth
    from course.live.server import LiveServer, LiveService
    from course.live.store import SessionStore

    hub = FakeHub({"tok-li": ("user", "li", [ACCESS]), "tok-han": ("user", "han", [ACCESS]),
                   "tok-teacher": ("user", "teacher", [ACCESS, TEACH]),
                   "tok-other": ("user", "other", ["read:users:name!user=other"]),
                   "tok-svc": ("service", "grader", [ACCESS, TEACH])})
    ready = threading.Event()
    holder = {}

    def run():
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        holder["loop"] = loop
        holder["server"] = hub.app.listen(0, "127.0.0.1")
        holder["port"] = next(iter(holder["server"]._sockets.values())).getsockname()[1]
        ready.set()
        loop.run_forever()

    threading.Thread(target=run, daemon=True).start()
    ready.wait(10)
    store = SessionStore(tmp_path / "hub.sqlite3")
    auth = HubAuth(api_url=f"http://127.0.0.1:{holder['port']}/hub/api", api_token="svc-token",
                   oauth_client_id="service-live", access_scopes={ACCESS},
                   base_url="/services/live/", hub_prefix="/hub/",
                   oauth_redirect_uri="/services/live/oauth_callback")
    service = LiveService(store, load_bank(GALLERY), auth)
    server = LiveServer(service, prefix="/services/live/").start()
    yield server, hub, store
    server.stop()
    holder["loop"].call_soon_threadsafe(holder["loop"].stop)
    store.close()


def test_hub_identity_group_and_own_attempts_only(hub_live):
    server, hub, store = hub_live
    url = server.url
    assert url.endswith("/services/live/")
    assert call("POST", url + "api/attempt", {"exercise_id": "gallery-single", "response": 1},
                "tok-li")[0] == 200
    assert store.attempts()[0]["learner"] == "li"  # who the hub says, not who the body says
    status, reply, _ = call("POST", url + "api/attempt",
                            {"exercise_id": "gallery-single", "response": 1, "learner": "han"},
                            "tok-li")
    assert status == 403 and "li" in reply["error"]
    assert call("POST", url + "api/attempt", {"exercise_id": "gallery-single", "response": 1},
                "tok-unknown")[0] == 401
    for token in ("tok-other", "tok-svc"):  # no access scope; a service is nobody's attempts
        status, reply, _ = call("POST", url + "api/attempt",
                                {"exercise_id": "gallery-single", "response": 1}, token)
        assert status in (401, 403) and reply["error"]
    assert call("POST", url + "api/join", {"code": "x", "learner": "y"})[0] == 404
    assert call("GET", url + "api/stats", token="tok-li")[0] == 403  # not an instructor
    import requests

    login = requests.get(url, allow_redirects=False, timeout=10)  # a browser not logged in
    assert login.status_code == 302
    assert login.headers["Location"].startswith("/hub/api/oauth2/authorize?client_id=service-live")
    assert "state=" in login.headers["Location"] and "code_challenge=" in login.headers["Location"]
    assert requests.get(url, headers={"Authorization": "token tok-li"}, allow_redirects=False,
                        timeout=10).status_code == 403
    status, stats, _ = call("GET", url + "api/stats", token="tok-teacher")
    assert status == 200 and stats["total"] == 1
    before = hub.requests
    for _ in range(5):
        call("POST", url + "api/attempt", {"exercise_id": "gallery-single", "response": 2},
             "tok-li")
    assert hub.requests == before  # answers are cached: sixty learners do not flood the hub


def test_sigkill_mid_class_loses_no_acknowledged_attempt(tmp_path):
    from course.live.store import SessionStore

    session = tmp_path / "class.sqlite3"
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(REPO))

    def start():
        proc = subprocess.Popen(
            [sys.executable, "-m", "course", "live", "--session", str(session), "--port",
             str(port), "--bank", str(GALLERY)], cwd=tmp_path, env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        wait_for_port(port, proc, 60, what="crm-course live")
        return proc

    proc = start()
    store = SessionStore(session)
    code = store.setting("join_code")
    store.close()
    url = f"http://127.0.0.1:{port}/"
    tokens = [call("POST", url + "api/join", {"code": code, "learner": f"l{i}"})[1]["token"]
              for i in range(4)]
    acked, stop = [], threading.Event()

    def learner(token, n):
        i = 0
        while not stop.is_set():
            cid = f"{n}-{i}"
            try:
                status, _, _ = call("POST", url + "api/attempt",
                                    {"exercise_id": "gallery-true-false", "response": True,
                                     "client_id": cid}, token, timeout=2)
            except OSError:
                return
            if status == 200:
                acked.append(cid)
            i += 1
            time.sleep(0.12)  # paces the posts under the rate limit (not synchronisation)

    threads = [threading.Thread(target=learner, args=(t, n)) for n, t in enumerate(tokens)]
    for t in threads:
        t.start()
    wait_until(lambda: len(acked) > 20, 60, what="21 acknowledged attempts")
    os.kill(proc.pid, signal.SIGKILL)  # mid-class, with posts in flight
    proc.wait(10)
    stop.set()
    for t in threads:
        t.join(5)
    proc = start()  # the same session file
    try:
        status, stats, _ = call("GET", url + "api/stats",
                                token=SessionStore(session).setting("instructor_token"))
        assert status == 200
        stored = {a["client_id"] for a in _rows(session)}
        assert set(acked) <= stored
        assert stats["total"] >= len(acked)
    finally:
        proc.kill()
        proc.wait(10)


def _rows(path):
    import sqlite3

    with sqlite3.connect(path) as conn:
        return [{"client_id": r[0]} for r in conn.execute("SELECT client_id FROM attempts")]


# -- the learner's client ------------------------------------------------------------------
def _gallery():
    from course.exercises.loader import load_bank

    return load_bank(GALLERY).lessons["00-gallery"]


def test_join_sends_each_check_and_hears_the_reveal(fresh, live):
    import course
    from course import session as state
    from course.exercises import progress

    client = course.join(live.url, live.auth.join_code, "Li Lei")
    assert client is not None and client.token
    state.set_mode("class")
    widget = _gallery()["gallery-multiple"].widget
    widget.answer([2]).check()
    assert client.wait_sent(10) and client.sent == 1
    assert live.store.attempts()[0]["learner"] == "Li Lei"
    assert len(progress.attempts()) == 1  # saved locally too
    assert not widget.solution_shown
    live.service.reveal("gallery-multiple")
    wait_until(lambda: widget.solution_shown, 10, what="the reveal")
    assert "A, B and D" in widget._solution.value


def test_an_absent_service_never_delays_feedback_nor_loses_the_attempt(fresh, monkeypatch):
    import course
    from course.exercises import progress
    from course.live import client as live_client

    monkeypatch.setattr(live_client, "BACKOFF", (0.01,))
    monkeypatch.setattr(live_client, "TIMEOUT", 0.5)
    client = course.join(f"http://127.0.0.1:{free_port()}/", "ABCDEF", "Li Lei")
    assert client is not None and client.token is None
    widget = _gallery()["gallery-single"].widget
    t0 = time.perf_counter()
    result = widget.answer(1).check()
    took = time.perf_counter() - t0
    assert result.correct and took < 0.5, took
    assert len(progress.attempts()) == 1
    assert client.wait_sent(20) and client.given_up == 1 and client.sent == 0


def test_env_variables_join_from_course_lesson(fresh, live, monkeypatch):
    import course
    from course.live import client as live_client

    monkeypatch.setenv("CRM_COURSE_LIVE_URL", live.url)
    monkeypatch.setenv("CRM_COURSE_LIVE_CODE", live.auth.join_code)
    monkeypatch.setitem(live_client._active, "tried", False)
    course.lesson("01")
    assert live_client.active() is not None and live_client.active().token
    assert live.store.learners()


def test_the_engine_never_imports_the_live_class():
    """Only the kinds' plug-in strings of their web view name it (the learner page imports the
    view when it asks for it); grading a bank loads nothing of the live class."""
    import re

    src = (REPO / "course" / "exercises").rglob("*.py")
    named = [p.name for p in src if "course.live" in re.sub(
        r'"course\.live\.webviews:[A-Za-z_]+"', "", p.read_text(encoding="utf-8"))]
    assert named == []
    code = ("import sys; from course.exercises.loader import load_bank; from course.exercises "
            "import kinds; bank = load_bank(); [ex.grade(None) for ex in bank.exercises]; "
            "print(sorted(m for m in sys.modules if m.startswith('course.live')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=REPO, timeout=120).stdout
    assert out.strip() == "[]"


def test_a_flood_of_bogus_tokens_locks_nobody_out_and_spares_the_hub(hub_live):
    """Issue 21, hub lockout: every kernel on a hub posts from 127.0.0.1; 20 bogus tokens from
    one student used to get every classmate and the instructor 429. Now nobody waits, and one
    bogus token repeated asks the hub once."""
    server, hub, store = hub_live
    url = server.url
    for _ in range(60):
        assert call("POST", url + "api/attempt", {"exercise_id": "gallery-single",
                                                  "response": 1}, "tok-bogus")[0] == 401
    asked = hub.requests
    assert asked <= 2  # the hub's client may ask once more itself; not sixty times
    # a classmate's first post and the instructor's dashboard, right after the flood
    assert call("POST", url + "api/attempt", {"exercise_id": "gallery-single", "response": 1},
                "tok-han")[0] == 200
    assert call("GET", url + "api/stats", token="tok-teacher")[0] == 200
