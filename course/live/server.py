"""The live-class web service (tornado): the learners' API, the projector's dashboard, reveal.

=======================  ==========  ==============================================  =========
path                     method      what                                            who
=======================  ==========  ==============================================  =========
``/api/join``            POST        ``{code, learner}`` -> ``{token, learner}``     LAN only
``/api/attempt``         POST        ``{exercise_id, response, ...}``, re-graded     a learner
``/api/reveals``         GET         ``?after=N&wait=S``: reveals after N (long-poll) a learner
``/``                    GET         the dashboard (``?token=`` logs in, once)       instructor
``/oauth_callback``      GET         the end of the hub's OAuth login (hub only)     a browser
``/api/stats``           GET         ``?exercise=ID``: the counts the page draws     instructor
``/api/reveal``          POST        ``{exercise_id}`` (+ CSRF token of the page)     instructor
``/api/names``           POST        ``{show: true|false}`` (+ CSRF token)           instructor
=======================  ==========  ==============================================  =========

A learner's token goes in ``Authorization: Bearer <token>`` (on a hub: their hub API token).
On a hub the dashboard is opened through the hub's OAuth login (a browser without the login is
sent to the hub; a hub user without the instructor scope gets 403).
Every rejection has a clear status and a JSON ``{"error": ...}`` body and is logged (logger
``course.live``): 400 malformed JSON, 401 no or unknown token, 403 wrong join code, another
learner's name, a hub token without the service's access scope, a dashboard action without
the instructor or without the page's CSRF token, 404 unknown exercise, 409 a name already
taken, 413 a body over 64 KB, 422 an answer that cannot be graded, 429 more than 10 posts a
second from one learner, or more than 20 wrong join codes or unknown tokens from one address
in a minute (then that address's join attempts and unknown tokens wait, ``Retry-After``;
tokens already known keep working).
"""
from __future__ import annotations

import asyncio
import datetime
import json
import logging
import math
import threading
import time
from collections import deque

import tornado.httpserver
import tornado.locks
import tornado.netutil
import tornado.web

from course.live.stats import Tally, item_rows
from course.live.store import now

log = logging.getLogger("course.live")

MAX_BODY = 64 * 1024
SERVER_MAX_BODY = 1024 * 1024  # tornado refuses (and closes) bigger bodies before reading
RATE_LIMIT = 10  # posts per learner per second
MAX_WAIT = 25.0  # longest long-poll of /api/reveals
COOKIE = "crm_live_instructor"
MAX_NAME = 100
FAIL_LIMIT = 20  # wrong join codes or unknown tokens from one address...
FAIL_WINDOW = 60.0  # ...within this many seconds: then it waits (429)


class Rejected(Exception):
    def __init__(self, status: int, reason: str, retry_after: float | None = None):
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.retry_after = retry_after


class FailureLimit:
    """Failed join codes and token checks per client address, in a sliding window.

    After ``limit`` failures within ``window`` seconds, ``wait(address)`` is the number of
    seconds until the oldest of them leaves the window (0 when the address may try).
    """

    def __init__(self, limit: int = FAIL_LIMIT, window: float = FAIL_WINDOW):
        self.limit = limit
        self.window = window
        self._failures: dict[str, deque] = {}

    def _recent(self, address: str) -> deque:
        t = time.monotonic()
        failures = self._failures.get(address)
        if failures is None:
            return deque()
        while failures and t - failures[0] >= self.window:
            failures.popleft()
        if not failures:
            del self._failures[address]
        return failures

    def wait(self, address: str) -> float:
        failures = self._recent(address)
        if len(failures) < self.limit:
            return 0.0
        return max(self.window - (time.monotonic() - failures[0]), 0.001)

    def fail(self, address: str) -> None:
        failures = self._recent(address)
        if not failures:
            failures = self._failures.setdefault(address, failures)
        failures.append(time.monotonic())
        if len(failures) == self.limit:
            log.warning("%s: %d wrong join codes or unknown tokens in %.0f s: its join "
                        "attempts and unknown tokens wait %.0f s (429)", address, self.limit,
                        self.window, self.wait(address))


class LiveService:
    """The state behind the handlers: the store, the bank, who is who, the counts.

    Args:
        store: a :class:`~course.live.store.SessionStore`.
        bank: the instructor's Bank (attempts are graded with it).
        auth: a :class:`~course.live.auth.LanAuth` or :class:`~course.live.auth.HubAuth`.
        lesson_ids: the exercises the dashboard lists (default: the whole bank).
    """

    def __init__(self, store, bank, auth, lesson_ids=None):
        self.store = store
        self.bank = bank
        self.auth = auth
        self.ids = list(lesson_ids) if lesson_ids else [ex.id for ex in bank.exercises]
        self.tally = Tally(bank)
        for attempt in store.attempts():
            self.tally.add(attempt)
        self.revealed = [ex_id for _, ex_id in store.reveals()]
        self.reveal_seq = max((seq for seq, _ in store.reveals()), default=0)
        self._reveal_cond = tornado.locks.Condition()
        self._posts: dict[str, deque] = {}
        self.failures = FailureLimit()
        self._loop: asyncio.AbstractEventLoop | None = None
        self.cookie_secret = store.secret("cookie_secret")

    @property
    def show_names(self) -> bool:
        return self.store.setting("show_names", "0") == "1"

    def rate_ok(self, learner: str) -> bool:
        """At most RATE_LIMIT posts in any second from one learner (rejected ones count)."""
        t = time.monotonic()
        posts = self._posts.setdefault(learner, deque())
        while posts and t - posts[0] >= 1.0:
            posts.popleft()
        posts.append(t)
        return len(posts) <= RATE_LIMIT

    def record(self, learner: str, body: dict) -> dict:
        """Grade and commit one attempt; the score in ``body`` (if any) is never read."""
        ex_id = body.get("exercise_id")
        if not isinstance(ex_id, str) or ex_id not in self.bank:
            raise Rejected(404, f"unknown exercise id {str(ex_id)[:80]!r}: not in the "
                                "instructor's bank")
        if "response" not in body:
            raise Rejected(422, '"response" is missing')
        exercise = self.bank[ex_id]
        result = exercise.grade(body["response"])
        if not result.valid or not result.attempted:
            raise Rejected(422, f"the response cannot be graded as a {exercise.type} answer")
        client_id = body.get("client_id")
        client_id = client_id[:64] if isinstance(client_id, str) and client_id else None
        mode = body.get("mode") if body.get("mode") in ("practice", "class", "assessment") \
            else exercise.mode
        graded = result.response if result.response is not None else body["response"]
        row_id, new = self.store.add_attempt(
            client_id=client_id, learner=learner, exercise_id=ex_id, lesson=exercise.lesson,
            response=graded, score=result.score, correct=result.correct,
            items=item_rows(exercise, result), mode=mode)
        if new:
            self.tally.add({"exercise_id": ex_id, "learner": learner, "response": graded,
                            "score": result.score, "correct": result.correct,
                            "items": item_rows(exercise, result)})
        return {"recorded": True, "id": row_id, "duplicate": not new}

    def reveal(self, ex_id: str) -> int:
        if ex_id not in self.bank:
            raise Rejected(404, f"unknown exercise id {ex_id[:80]!r}")
        if self.bank[ex_id].mode == "assessment":
            raise Rejected(409, "an assessment item is never revealed")
        seq = self.store.reveal(ex_id)
        if ex_id not in self.revealed:
            self.revealed.append(ex_id)
            self.reveal_seq = max(self.reveal_seq, seq)
            self._wake_pollers()
        return seq

    def _wake_pollers(self) -> None:
        """Wake the long-polls, from the service's loop or from any other thread."""
        loop = self._loop
        if loop is None:
            return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            self._reveal_cond.notify_all()
        else:
            loop.call_soon_threadsafe(self._reveal_cond.notify_all)

    async def wait_reveal(self, after: int, wait: float) -> list:
        self._loop = asyncio.get_running_loop()
        if self.reveal_seq <= after and wait > 0:
            await self._reveal_cond.wait(timeout=datetime.timedelta(seconds=wait))
        return self.store.reveals(after)

    def solution(self, ex_id: str) -> dict:
        ex = self.bank[ex_id]
        text = ex.solution or ex.answer_text()
        return {"en": getattr(text, "en", str(text)), "zh": getattr(text, "zh", str(text))}

    def stats(self, ex_id: str | None) -> dict:
        names = self.show_names
        out = {
            "version": self.tally.version, "total": self.tally.total,
            "learners": len(self.tally.learners() | set(self.store.learners())),
            "answering": len(self.tally.learners()), "names": names,
            "lesson": self.tally.lesson_rows(self.ids), "revealed": list(self.revealed),
            "time": now(),
        }
        if ex_id:
            if ex_id not in self.bank:
                raise Rejected(404, f"unknown exercise id {ex_id[:80]!r}")
            out["exercise"] = self.tally.exercise(ex_id, names=names)
            if ex_id in self.revealed:
                out["exercise"]["solution"] = self.solution(ex_id)
        return out


class Base(tornado.web.RequestHandler):
    service: LiveService

    def initialize(self, service: LiveService):
        self.service = service

    def check_xsrf_cookie(self):
        """Only the dashboard's actions carry the page's CSRF token (see ``InstructorAction``);
        the learners' API is authenticated by a bearer token, which a page cannot forge."""

    def set_default_headers(self):
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Content-Type-Options", "nosniff")

    def bearer(self) -> str | None:
        header = self.request.headers.get("Authorization", "")
        kind, _, value = header.partition(" ")
        if kind.lower() in ("bearer", "token") and value.strip():
            return value.strip()
        return None

    def reject(self, status: int, reason: str, retry_after: float | None = None) -> None:
        log.warning("rejected %s %s from %s: %d %s", self.request.method, self.request.path,
                    self.request.remote_ip, status, reason)
        self.set_status(status)
        if status == 429:
            self.set_header("Retry-After", str(max(1, math.ceil(retry_after or 1))))
        self.finish({"error": reason, "status": status})

    def refuse(self, r: Rejected) -> None:
        self.reject(r.status, r.reason, r.retry_after)

    def check_failures(self, token: str | None = None) -> None:
        """429 when this address made too many failed tries (a known token still passes)."""
        wait = self.service.failures.wait(self.request.remote_ip)
        if wait and not (token and self.service.auth.known(token)):
            raise Rejected(429, f"too many wrong join codes or unknown tokens from "
                                f"{self.request.remote_ip}: try again in {math.ceil(wait)} s",
                           retry_after=wait)

    async def identify(self, token: str | None):
        """Who ``token`` belongs to (None: nobody), counting a wrong token as a failed try."""
        self.check_failures(token)
        if not token:
            return None
        who = await self.service.auth.identify(token)
        if who is None:
            self.service.failures.fail(self.request.remote_ip)
        return who

    def json_body(self) -> dict:
        if len(self.request.body) > MAX_BODY:
            raise Rejected(413, f"the body is {len(self.request.body)} bytes; at most "
                                f"{MAX_BODY} are accepted")
        try:
            body = json.loads(self.request.body or b"")
        except (ValueError, RecursionError) as exc:
            raise Rejected(400, f"the body is not valid JSON ({str(exc)[:80]})") from None
        if not isinstance(body, dict):
            raise Rejected(400, "the body must be a JSON object")
        return body

    async def viewer(self):
        """Who is asking for the dashboard: the bearer token's owner, else (LAN) the
        dashboard's cookie or (hub) the token the hub's OAuth login left in a cookie."""
        auth = self.service.auth
        token = self.bearer()
        if token is None and auth.mode == "lan":
            cookie = self.get_signed_cookie(COOKIE, max_age_days=2)
            if cookie:
                from course.live.auth import Identity

                return Identity(cookie.decode("utf-8"), instructor=True)
        if token is None and auth.mode == "hub":
            token = auth.browser_token(self)
        return await self.identify(token)

    async def instructor(self) -> str | None:
        """The instructor's name when the request carries the dashboard cookie or the token."""
        who = await self.viewer()
        return who.name if who and who.instructor else None

    def write_error(self, status_code, **kwargs):
        self.finish({"error": self._reason, "status": status_code})


class Join(Base):
    async def post(self):
        try:
            if self.service.auth.mode != "lan":
                raise Rejected(404, "on a hub, learners are who the hub says: no join code")
            if len(self.request.body) > MAX_BODY:
                raise Rejected(413, "the body is too big")
            self.check_failures()
            body = self.json_body()
            if not self.service.auth.check_code(body.get("code")):
                self.service.failures.fail(self.request.remote_ip)
                raise Rejected(403, "wrong join code: ask the instructor for the code on the "
                                    "projector")
            learner = body.get("learner")
            if not isinstance(learner, str) or not learner.strip():
                raise Rejected(400, '"learner" must be your name (a non-empty text)')
            learner = " ".join(learner.split())
            if len(learner) > MAX_NAME:
                raise Rejected(400, f'"learner" is longer than {MAX_NAME} characters')
            token = self.service.auth.join(learner)
            if token is None:
                raise Rejected(409, f"the name {learner!r} has already joined this class from "
                                    "another kernel; choose another name or ask the instructor")
        except Rejected as r:
            return self.refuse(r)
        log.info("joined: %s", learner)
        self.finish({"token": token, "learner": learner})


class PostAttempt(Base):
    async def post(self):
        try:
            if len(self.request.body) > MAX_BODY:
                raise Rejected(413, f"the body is {len(self.request.body)} bytes; at most "
                                    f"{MAX_BODY} are accepted")
            who = await self.identify(self.bearer())
            if who is None:
                raise Rejected(401, "no valid learner token: join the class first "
                                    "(course.join(URL, CODE))" if self.service.auth.mode == "lan"
                               else "no valid token: the hub does not know this token")
            if not who.allowed:
                raise Rejected(403, f"the token of {who.name!r} may not use this service (it "
                                    "lacks the scope access:services!service=<this service>)")
            if not self.service.rate_ok(who.name):
                raise Rejected(429, f"more than {RATE_LIMIT} posts a second from {who.name!r}")
            body = self.json_body()
            claimed = body.get("learner")
            if claimed is not None and claimed != who.name:
                raise Rejected(403, f"this token belongs to {who.name!r}; it cannot post "
                                    f"attempts of {str(claimed)[:MAX_NAME]!r}")
            reply = self.service.record(who.name, body)
        except Rejected as r:
            return self.refuse(r)
        self.finish(reply)  # the attempt is committed before this reply


class Reveals(Base):
    async def get(self):
        try:
            who = await self.viewer()
        except Rejected as r:
            return self.refuse(r)
        if who is None or not (who.allowed or who.instructor):
            return self.reject(401, "no valid token")
        try:
            after = max(int(self.get_argument("after", "0")), 0)
            wait = min(max(float(self.get_argument("wait", "0")), 0.0), MAX_WAIT)
        except ValueError:
            return self.reject(400, '"after" must be a whole number and "wait" seconds')
        reveals = await self.service.wait_reveal(after, wait)
        self.finish({"reveals": [[seq, ex_id] for seq, ex_id in reveals]})


class Dashboard(Base):
    async def get(self):
        from course.live.page import render

        auth = self.service.auth
        token = self.get_argument("token", None)
        try:
            if token is not None and auth.mode == "lan":
                who = await self.identify(token)
                if who is None or not who.instructor:
                    return self.reject(403, "this is not the instructor's token")
                self.set_signed_cookie(COOKIE, who.name, expires_days=1, httponly=True,
                                       samesite="Strict")
                log.info("dashboard opened by %s", who.name)
                return self.redirect(self.request.path)
            who = await self.viewer()
        except Rejected as r:
            return self.refuse(r)
        if who is None and auth.mode == "hub":
            return self.redirect(auth.login_url(self))  # the hub's login, then back here
        if who is None or not who.instructor:
            self.set_status(403)
            log.warning("rejected GET %s from %s: 403 %s", self.request.path,
                        self.request.remote_ip,
                        f"{who.name} is not an instructor" if who else "no instructor token")
            if auth.mode == "hub":
                return self.finish(
                    "<!doctype html><meta charset=utf-8><p>The live-class dashboard is for the "
                    "hub's instructors only. / 课堂实时仪表板仅限本 JupyterHub 的教师使用。</p>")
            return self.finish("<!doctype html><meta charset=utf-8><p>The dashboard needs the "
                               "instructor's link (printed by crm-course live). / 仪表板需要"
                               "教师链接（crm-course live 会打印）。</p>")
        if auth.mode == "hub":
            log.info("dashboard opened by %s", who.name)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Content-Security-Policy",
                        "default-src 'self'; script-src 'self' 'unsafe-inline'; "
                        "style-src 'self' 'unsafe-inline'; img-src 'self'")
        self.finish(render(self.service, self.xsrf_token.decode("ascii")))


class Stats(Base):
    async def get(self):
        try:
            if not await self.instructor():
                raise Rejected(403, "the dashboard's counts need the instructor's token")
            self.finish(self.service.stats(self.get_argument("exercise", None) or None))
        except Rejected as r:
            self.refuse(r)


class InstructorAction(Base):
    """A dashboard button: needs the instructor's cookie and the page's CSRF token."""

    async def post(self):
        try:
            if not await self.instructor():
                raise Rejected(403, "a dashboard action needs the instructor's token")
            try:
                tornado.web.RequestHandler.check_xsrf_cookie(self)
            except tornado.web.HTTPError:
                raise Rejected(403, "a dashboard action needs the CSRF token of the "
                                    "dashboard page (reload the page)") from None
            reply = self.act(self.json_body())
        except Rejected as r:
            return self.refuse(r)
        self.finish(reply)

    def act(self, body: dict) -> dict:
        raise NotImplementedError


class Reveal(InstructorAction):
    def act(self, body):
        ex_id = body.get("exercise_id")
        if not isinstance(ex_id, str):
            raise Rejected(400, '"exercise_id" must be a text')
        seq = self.service.reveal(ex_id)
        log.info("revealed %s", ex_id)
        return {"revealed": ex_id, "seq": seq, "solution": self.service.solution(ex_id)}


class Names(InstructorAction):
    def act(self, body):
        show = body.get("show")
        if not isinstance(show, bool):
            raise Rejected(400, '"show" must be true or false')
        self.service.store.set_setting("show_names", "1" if show else "0")
        log.info("learner names %s", "shown" if show else "hidden")
        return {"names": show}


def make_app(service: LiveService, prefix: str = "/") -> tornado.web.Application:
    """The tornado application of a service (``prefix``: e.g. a hub service's URL prefix)."""
    p = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    kw = {"service": service}
    routes = [(p, Dashboard, kw), (p + "api/join", Join, kw),
              (p + "api/attempt", PostAttempt, kw), (p + "api/reveals", Reveals, kw),
              (p + "api/stats", Stats, kw), (p + "api/reveal", Reveal, kw),
              (p + "api/names", Names, kw)]
    if service.auth.mode == "hub":
        routes.append((p + "oauth_callback", service.auth.callback_handler()))
    return tornado.web.Application(
        routes,
        cookie_secret=service.cookie_secret, xsrf_cookies=True,
        xsrf_cookie_kwargs={"samesite": "Strict", "httponly": False},
        log_function=_access_log,
    )


def _access_log(handler) -> None:
    if handler.get_status() < 400:
        logging.getLogger("course.live.access").debug(
            "%d %s %.1f ms", handler.get_status(), handler.request.path,
            1000 * handler.request.request_time())


class LiveServer:
    """A service listening on ``host:port`` in a thread of its own (tests, the benchmark);
    ``crm-course live`` runs the same loop in the main thread.

    Args:
        service: the LiveService.
        host: the address to bind (default loopback).
        port: the port (0: any free one; read ``port`` after ``start``).
    """

    def __init__(self, service: LiveService, host: str = "127.0.0.1", port: int = 0,
                 prefix: str = "/"):
        self.service = service
        self.host = host
        self.port = port
        self.prefix = prefix
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server = None

    @property
    def url(self) -> str:
        p = "/" + self.prefix.strip("/") + "/" if self.prefix.strip("/") else "/"
        return f"http://{self.host}:{self.port}{p}"

    def listen(self):
        """Bind in the current event loop; returns the HTTPServer."""
        server = tornado.httpserver.HTTPServer(make_app(self.service, self.prefix),
                                              max_body_size=SERVER_MAX_BODY, xheaders=False)
        sockets = tornado.netutil.bind_sockets(self.port, self.host)
        self.port = sockets[0].getsockname()[1]
        server.add_sockets(sockets)
        self._server = server
        return server

    def start(self) -> LiveServer:
        ready = threading.Event()
        failure: list = []

        def run():
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            self._loop = loop
            try:
                loop.run_until_complete(self._alisten())
            except Exception as exc:  # noqa: BLE001  (reported to the starting thread)
                failure.append(exc)
                ready.set()
                return
            ready.set()
            loop.run_forever()
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

        self._thread = threading.Thread(target=run, name="crm-live", daemon=True)
        self._thread.start()
        ready.wait(30)
        if failure:
            raise failure[0]
        return self

    async def _alisten(self):
        self.listen()

    def stop(self) -> None:
        if self._loop is None:
            return

        async def shutdown():
            self._server.stop()
            await self._server.close_all_connections()

        fut = asyncio.run_coroutine_threadsafe(shutdown(), self._loop)
        try:
            fut.result(10)
        except Exception:  # noqa: BLE001
            pass
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop = None
