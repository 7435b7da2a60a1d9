"""Helpers for the live-class tests: a service on loopback in a thread, and plain HTTP calls."""
from __future__ import annotations

import http.cookiejar
import json
import re
import urllib.error
import urllib.request
from pathlib import Path

GALLERY = Path(__file__).resolve().parents[1] / "widgets" / "00-gallery.yaml"


def call(method: str, url: str, body=None, token: str | None = None, raw: bytes | None = None,
         headers: dict | None = None, timeout: float = 10.0):
    """(status, parsed JSON or text, headers) of one request; never raises for a 4xx/5xx."""
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as reply:
            status, text, hdrs = reply.status, reply.read(), reply.headers
    except urllib.error.HTTPError as exc:
        status, text, hdrs = exc.code, exc.read(), exc.headers
    try:
        return status, json.loads(text), hdrs
    except ValueError:
        return status, text.decode("utf-8", "replace"), hdrs


def dashboard_headers(live) -> dict:
    """The headers the dashboard page sends with its actions: its login cookie (the page opened
    with the instructor's token) and the page's CSRF token."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{live.url}?token={live.auth.instructor_token}").read().decode()
    xsrf = re.search(r'"xsrf": "([^"]+)"', page).group(1)
    return {"Cookie": "; ".join(f"{c.name}={c.value}" for c in jar), "X-XSRFToken": xsrf}


def gallery_and_lesson_01(tmp_path: Path):
    """A LAN service whose bank holds the widget gallery and lesson 01 (a reply, a role-play)."""
    import shutil

    folder = tmp_path / "bank"
    folder.mkdir()
    shutil.copy(GALLERY, folder / GALLERY.name)
    shutil.copy(GALLERY.parents[2] / "exercises" / "01-relationships.yaml", folder)
    return Live(tmp_path / "class.sqlite3", folder)


def teacher(live, check: bool = True):
    """The dashboard's control: ``act(**body)`` posts ``/api/control`` as the dashboard page
    does (its cookie and CSRF token) and returns the reply, asserting a 200 (``check``), or
    (status, reply) without ``check``."""
    headers = dashboard_headers(live)

    def act(**body):
        status, reply, _ = call("POST", live.url + "api/control", body, headers=headers)
        if not check:
            return status, reply
        assert status == 200, reply
        return reply

    return act


class Live:
    """A LAN-mode service on 127.0.0.1 for one test."""

    def __init__(self, session_file: Path, bank_path: Path = GALLERY):
        from course.exercises.loader import load_bank
        from course.live.auth import LanAuth
        from course.live.server import LiveServer, LiveService
        from course.live.store import SessionStore

        self.session_file = session_file
        self.bank = load_bank(bank_path)
        self.store = SessionStore(session_file)
        self.auth = LanAuth(self.store)
        self.service = LiveService(self.store, self.bank, self.auth)
        self.server = LiveServer(self.service).start()
        self.service.join_info = {"url": self.server.url, "code": self.auth.join_code}
        self.url = self.server.url

    def join(self, learner: str) -> str:
        status, reply, _ = call("POST", self.url + "api/join",
                                {"code": self.auth.join_code, "learner": learner})
        assert status == 200, reply
        return reply["token"]

    def post(self, token: str, exercise_id: str, response, **extra):
        return call("POST", self.url + "api/attempt",
                    {"exercise_id": exercise_id, "response": response, **extra}, token)

    def stats(self, exercise: str = ""):
        status, reply, _ = call("GET", f"{self.url}api/stats?exercise={exercise}",
                                token=self.auth.instructor_token)
        assert status == 200, reply
        return reply

    def stop(self) -> None:
        self.server.stop()
        self.store.close()
