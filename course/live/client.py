"""The learner's side of a live class: ``course.join(URL, CODE)``.

Each recorded Check (already saved in the learner's own progress store) is put on a queue and
sent by a background thread, with a bounded retry; the Check itself never waits for the
network. A second thread long-polls the service for reveals and shows the solution in the
learner's class-mode widgets (:func:`course.session.reveal`).
"""
from __future__ import annotations

import json
import os
import queue
import threading
import time
import urllib.error
import urllib.request
import uuid
from urllib.parse import urlsplit

from course import paths, session
from course.errors import InputError
from course.exercises import attempt as attempt_rules
from course.messages import ui

TIMEOUT = 5.0  # one request
RETRIES = 6  # sends of one attempt before it is left to the local store
BACKOFF = (0.2, 0.5, 1.0, 2.0, 4.0)
QUEUE_SIZE = 5000
POLL_WAIT = 20.0
TOKENS_FILE = "live.json"

_active: dict = {"client": None}


class Refused(Exception):
    """The service answered with a status that a retry will not change (4xx)."""

    def __init__(self, status: int, reason: str):
        super().__init__(f"{status}: {reason}")
        self.status = status
        self.reason = reason


def _request(method: str, url: str, body=None, token: str | None = None,
             timeout: float = TIMEOUT) -> dict:
    data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as reply:  # noqa: S310 (http only)
            return json.loads(reply.read() or b"{}")
    except urllib.error.HTTPError as exc:
        try:
            reason = json.loads(exc.read() or b"{}").get("error", exc.reason)
        except ValueError:
            reason = exc.reason
        if exc.code == 429 or exc.code >= 500:
            raise OSError(f"{exc.code} {reason}") from None
        raise Refused(exc.code, str(reason)) from None


def _check_url(url: str) -> str:
    parts = urlsplit(str(url or "").strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError(ui("live_bad_url", url=url).both(" "))
    return parts.geturl().rstrip("/") + "/"


def _saved_tokens() -> dict:
    try:
        data = json.loads((paths.home() / TOKENS_FILE).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _save_token(key: str, token: str) -> None:
    data = _saved_tokens()
    data[key] = token
    path = paths.home() / TOKENS_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass


class LiveClient:
    """A learner's connection to a live class.

    Args:
        url: the service's address.
        code: the join code (LAN mode); None on a hub, where ``token`` is the hub API token.
        learner: the name to join with (default: the session's learner).
        token: a token already held.
        poll: listen for reveals.

    Attributes:
        sent, refused, given_up: counts of attempts delivered, rejected by the service (4xx),
            and left to the local store after ``RETRIES`` failed sends.
        last_error: the last problem, as text ('' when none).
    """

    def __init__(self, url: str, code: str | None = None, learner: str | None = None,
                 token: str | None = None, poll: bool = True):
        self.url = _check_url(url)
        self.code = code
        self.learner = learner or session.get_learner()
        self._key = f"{self.url} {self.learner}"
        self.token = token or _saved_tokens().get(self._key)
        self.queue: queue.Queue = queue.Queue(QUEUE_SIZE)
        self.sent = self.refused = self.given_up = 0
        self.last_error = ""
        self.reveal_seq = 0
        self._stop = threading.Event()
        self._idle = threading.Condition()
        self._busy = 0
        self._threads = [threading.Thread(target=self._send_loop, name="crm-live-send",
                                          daemon=True)]
        if poll:
            self._threads.append(threading.Thread(target=self._poll_loop,
                                                  name="crm-live-reveals", daemon=True))

    # -- joining -------------------------------------------------------------------------
    def _ipython_display_(self) -> None:
        """Nothing to show: ``course.join()`` as a cell's last line prints its own status
        line, and a repr (``<course.live.client.LiveClient at 0x...>``) would only puzzle a
        learner. The connection is still returned, for code that keeps it."""

    def join(self) -> bool:
        """Get a token (LAN mode) unless one is held; False when the service is unreachable.
        Raises Refused when the service says no (wrong code, name taken)."""
        if self.token:
            return True
        try:
            reply = _request("POST", self.url + "api/join",
                             {"code": self.code, "learner": self.learner})
        except (OSError, ValueError) as exc:
            self.last_error = str(exc)
            return False
        self.token = reply["token"]
        _save_token(self._key, self.token)
        return True

    def start(self) -> LiveClient:
        for t in self._threads:
            t.start()
        attempt_rules.on_check(self.send)
        return self

    def stop(self, timeout: float = 5.0) -> None:
        attempt_rules.remove_check_listener(self.send)
        self._stop.set()
        for t in self._threads:
            if t.is_alive():
                t.join(timeout)

    # -- sending -------------------------------------------------------------------------
    def send(self, exercise, response, result, mode) -> None:
        """The attempt listener: queue the Check and return at once."""
        graded = result.response if result.response is not None else response
        item = {"exercise_id": str(exercise.id), "response": graded, "mode": mode,
                "learner": None, "client_id": uuid.uuid4().hex}
        with self._idle:
            self._busy += 1
        try:
            self.queue.put_nowait(item)
        except queue.Full:  # the attempt is still in the local store
            self.given_up += 1
            with self._idle:
                self._busy -= 1
                self._idle.notify_all()

    def wait_sent(self, timeout: float = 30.0) -> bool:
        """Block until every queued attempt is delivered or given up (tests, benchmarks)."""
        deadline = time.monotonic() + timeout
        with self._idle:
            while self._busy:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._idle.wait(left)
        return True

    def _send_loop(self) -> None:
        while not self._stop.is_set():
            try:
                item = self.queue.get(timeout=0.2)
            except queue.Empty:
                continue
            try:
                self._deliver(item)
            finally:
                with self._idle:
                    self._busy -= 1
                    self._idle.notify_all()

    def _deliver(self, item: dict) -> None:
        for i in range(RETRIES):
            if self._stop.is_set():
                return
            try:
                if not self.join():
                    raise OSError(self.last_error or "no answer")
                body = dict(item)
                body.pop("learner")
                _request("POST", self.url + "api/attempt", body, self.token)
                self.sent += 1
                return
            except Refused as exc:
                if exc.status == 401 and self.code is not None and i == 0:
                    self.token = None  # a new session file: join again, once
                    continue
                self.refused += 1
                self.last_error = str(exc)
                return
            except (OSError, ValueError) as exc:
                self.last_error = str(exc)
                if i < RETRIES - 1:
                    self._stop.wait(BACKOFF[min(i, len(BACKOFF) - 1)])
        self.given_up += 1

    # -- reveals -------------------------------------------------------------------------
    def _poll_loop(self) -> None:
        while not self._stop.is_set():
            if not self.token:
                self._stop.wait(1.0)
                if self.code is not None:
                    try:
                        self.join()
                    except Refused:
                        return
                continue
            try:
                reply = _request("GET", f"{self.url}api/reveals?after={self.reveal_seq}"
                                        f"&wait={POLL_WAIT:g}", token=self.token,
                                 timeout=POLL_WAIT + TIMEOUT)
            except (OSError, ValueError, Refused) as exc:
                self.last_error = str(exc)
                self._stop.wait(2.0)
                continue
            for seq, ex_id in reply.get("reveals", []):
                self.reveal_seq = max(self.reveal_seq, int(seq))
                try:
                    session.reveal(str(ex_id))
                except Exception:  # noqa: BLE001  (a widget's trouble never stops the poll)
                    pass


def join(url: str | None = None, code: str | None = None, learner: str | None = None,
         *, quiet: bool = False) -> LiveClient | None:
    """Connect this learner's exercises to a live class.

    Args:
        url: the address the instructor shows (default: ``$CRM_COURSE_LIVE_URL``).
        code: the join code (default: ``$CRM_COURSE_LIVE_CODE``); none on JupyterHub, where
            the hub says who you are.
        learner: your name (default: the name set with ``course.set_learner``).
        quiet: print nothing.

    Returns:
        The connection (None when no URL was given or found).
    """
    env_url, env_code = paths.live_setting()
    url = url or env_url
    if not url:
        return None
    code = code if code is not None else (env_code or None)
    token = None
    if code is None:
        token = paths.hub_setting()["api_token"] or None
        if token and learner is None:  # on a hub the service files attempts under the hub's name
            learner = os.environ.get("JUPYTERHUB_USER", "").strip() or None
    client = LiveClient(url, code, learner, token=token)
    leave()
    message = None
    try:
        if client.join():
            message = ui("live_joined", url=client.url, learner=client.learner)
        else:
            message = ui("live_join_later", url=client.url, why=client.last_error)
    except Refused as exc:
        if not quiet:
            print(ui("live_join_refused", why=exc.reason))
        return None
    _active["client"] = client.start()
    if not quiet:
        print(message)
    return client


def leave() -> None:
    """Disconnect from the live class (attempts still queued are dropped; they stay local)."""
    client = _active["client"]
    _active["client"] = None
    if client is not None:
        client.stop(timeout=1.0)


def active() -> LiveClient | None:
    return _active["client"]


def auto_join() -> None:
    """Join the class named by ``$CRM_COURSE_LIVE_URL`` once per kernel (from course.lesson)."""
    if _active["client"] is None and not _active.get("tried") and paths.live_setting()[0]:
        _active["tried"] = True
        join(quiet=False)
