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
``/api/current``         GET         ``?after=V&wait=S``: the class question (long)   a learner
``/api/control``         POST        ``{action, ...}``: put/open/close/round2/reveal  instructor
``/api/attendance``      GET         who joined, when, how much they answered        instructor
=======================  ==========  ==============================================  =========

A learner's token goes in ``Authorization: Bearer <token>`` (on a hub: their hub API token).
On a hub the dashboard is opened through the hub's OAuth login (a browser without the login is
sent to the hub; a hub user without the instructor scope gets 403).
Every rejection has a clear status and a JSON ``{"error": ...}`` body and is logged (logger
``course.live``): 400 malformed JSON, 401 no or unknown token, 403 wrong join code, another
learner's name, a hub token without the service's access scope, a dashboard action without
the instructor, without the page's CSRF token in its header, not JSON or from another origin,
404 unknown exercise, 409 a name already taken (or one that looks the same), 413 a body over
64 KB, 422 an answer that cannot be graded, 429 more than 10 posts a second from one learner,
more than 3 learners joined from one laptop, or more than 20 wrong join codes or unknown tokens
from one laptop in a minute (then that laptop's join attempts and unknown tokens wait,
``Retry-After``; tokens already known keep working). Failures are never counted against a
loopback address: on a hub every kernel and the proxy post from 127.0.0.1, and the hub itself
vouches for tokens. 503 the session file is locked by another program or was deleted.
A school Wi-Fi may put every phone behind one NAT address: ``--shared-address`` names it (or
its network), and it is then treated like loopback (no cap of joins or connections, no failed
tries counted against it); the log says so when the cap of joins is hit.
"""
from __future__ import annotations

import asyncio
import json
import logging
import math
import threading

import tornado.httpserver
import tornado.locks
import tornado.netutil
import tornado.web

from course.live.guard import (  # noqa: F401 - FAIL_*: the limits' home, named here too
    BODY_TIMEOUT,
    FAIL_LIMIT,
    FAIL_WINDOW,
    IDLE_TIMEOUT,
    JOINS_PER_ADDRESS,
    Connections,
    FailureLimit,
    add_accept_handler,
    is_loopback,
    name_problem,
    safe,
)
from course.live.service import (  # noqa: F401 - the service's names, imported from here too
    MAX_NAME,
    RATE_LIMIT,
    LiveService,
    Rejected,
)

log = logging.getLogger("course.live")

MAX_BODY = 64 * 1024
SERVER_MAX_BODY = 1024 * 1024  # tornado refuses (and closes) bigger bodies before reading
MAX_WAIT = 25.0  # longest long-poll of /api/reveals, /api/current and /api/learn/current
COOKIE = "crm_live_instructor"


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
        log.warning("rejected %s %s from %s: %d %s", self.request.method,
                    safe(self.request.path[:200]), self.request.remote_ip, status, safe(reason))
        self.set_status(status)
        if status in (429, 503):
            self.set_header("Retry-After", str(max(1, math.ceil(retry_after or 1))))
        self.finish({"error": reason, "status": status})

    def refuse(self, r: Rejected) -> None:
        self.reject(r.status, r.reason, r.retry_after)

    def failure_key(self, joining: bool = False) -> str | None:
        """What failed tries are counted against: the laptop's address on a LAN; never a
        loopback address for tokens (a hub's kernels and proxy all post from it, and the hub
        vouches for its tokens), only for join codes tried on this machine."""
        ip = self.request.remote_ip
        if self.service.auth.mode == "hub" or self.service.is_shared(ip):
            return None  # a school Wi-Fi's NAT address: one student must not lock out all
        if is_loopback(ip):
            return "this machine (join codes)" if joining else None
        return ip

    def check_failures(self, token: str | None = None, joining: bool = False) -> None:
        """429 when this laptop made too many failed tries (a known token still passes)."""
        key = self.failure_key(joining)
        wait = self.service.failures.wait(key)
        if wait and not (token and self.service.auth.known(token)):
            raise Rejected(429, f"too many wrong join codes or unknown tokens from "
                                f"{key}: try again in {math.ceil(wait)} s", retry_after=wait)

    async def identify(self, token: str | None):
        """Who ``token`` belongs to (None: nobody), counting a wrong token as a failed try."""
        self.check_failures(token)
        if not token:
            return None
        who = await self.service.auth.identify(token)
        if who is None:
            self.service.failures.fail(self.failure_key())
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
        if b"\\ud" in self.request.body.lower():
            try:  # only a JSON escape can make a lone surrogate, which UTF-8 cannot hold
                json.dumps(body, ensure_ascii=False).encode("utf-8")
            except UnicodeEncodeError:
                raise Rejected(400, "the body holds text that is not valid Unicode (a lone "
                                    "surrogate such as \\ud800): type the answer again") from None
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

    async def poller(self):
        """Who is long-polling (a learner of this service, or the instructor); Rejected(401)
        for anybody else."""
        who = await self.viewer()
        if who is None or not (who.allowed or who.instructor):
            raise Rejected(401, "no valid token: join the class first")
        return who

    def poll_arguments(self, after: int, counts: str) -> tuple[int, float]:
        """(after, wait) of a long-poll's query (``after``: its default; ``counts``: what it
        counts, for the message), ``wait`` at most MAX_WAIT s; Rejected(400) when not numbers."""
        try:
            after = int(self.get_argument("after", str(after)))
            wait = float(self.get_argument("wait", "0"))
            if abs(after) > 2 ** 62 or not math.isfinite(wait):
                raise ValueError("out of range")
        except ValueError:
            raise Rejected(400, f'"after" must be a whole number ({counts}) and "wait" a '
                                "number of seconds") from None
        return after, min(max(wait, 0.0), MAX_WAIT)

    def write_error(self, status_code, **kwargs):
        self.finish({"error": self._reason, "status": status_code})


class Join(Base):
    async def post(self):
        try:
            if self.service.auth.mode != "lan":
                raise Rejected(404, "on a hub, learners are who the hub says: no join code")
            if len(self.request.body) > MAX_BODY:
                raise Rejected(413, "the body is too big")
            self.check_failures(joining=True)
            body = self.json_body()
            if not self.service.auth.check_code(body.get("code")):
                self.service.failures.fail(self.failure_key(joining=True))
                raise Rejected(403, "wrong join code: ask the instructor for the code on the "
                                    "projector")
            learner = self.checked_name(body.get("learner"))
            ip = self.request.remote_ip
            if not is_loopback(ip) and not self.service.is_shared(ip) \
                    and self.service.joins.get(ip, 0) >= JOINS_PER_ADDRESS:
                log.warning("%s: %d learners joined from this address already; if it is a "
                            "school network's NAT (many phones, one address), start "
                            "crm-course live with --shared-address %s", ip,
                            JOINS_PER_ADDRESS, ip)
                raise Rejected(429, f"{JOINS_PER_ADDRESS} learners have joined from this "
                                    "computer already: ask the instructor")
            token = await self.service.run(self.service.auth.join, learner)
            if token is None:
                raise Rejected(409, f"the name {learner!r} has already joined this class from "
                                    "another kernel; choose another name or ask the instructor")
            self.service.joins[ip] = self.service.joins.get(ip, 0) + 1
            self.service.joined(learner)
        except Rejected as r:
            return self.refuse(r)
        log.info("joined: %s", safe(learner))
        self.finish({"token": token, "learner": learner})

    def checked_name(self, learner) -> str:
        """The learner's name as the report will read it, or Rejected: no control or format
        character, no mixed alphabets, not a look-alike of a name already joined, and on the
        class list (then the student number) when one is loaded."""
        from course.instructor.submissions import clean_name, looks_like_key

        if not isinstance(learner, str) or not learner.strip():
            raise Rejected(400, '"learner" must be your name (a non-empty text)')
        if len(learner) > MAX_NAME:
            raise Rejected(400, f'"learner" is longer than {MAX_NAME} characters')
        problem = name_problem(learner)
        if problem:
            raise Rejected(400, problem)
        learner = clean_name(learner)  # NFKC: a full-width name is the plain one
        if self.service.roster is not None:
            student = self.service.roster.find(learner)
            if student is None:
                raise Rejected(403, f"{learner!r} is not on the class list: type your student "
                                    "number")
            learner = student.number
        other = self.service.looks_like(looks_like_key(learner))
        if other is not None and other != learner:
            raise Rejected(409, f"the name {learner!r} looks the same as {other!r}, who "
                                "has joined already: add your student number")
        return learner


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
            reply = await self.service.record_async(who.name, body)
        except Rejected as r:
            return self.refuse(r)
        self.finish(reply)  # the attempt is committed before this reply


class Reveals(Base):
    async def get(self):
        try:
            await self.poller()
            after, wait = self.poll_arguments(0, "a reveal's number")
        except Rejected as r:
            return self.refuse(r)
        reveals = await self.service.wait_reveal(max(after, 0), wait)
        self.finish({"reveals": [[seq, ex_id] for seq, ex_id in reveals]})


class Current(Base):
    """The class question (course.live.control): long-polls until its version passes
    ``after``. A learner page adds the question's form to this state (``current_extra``)."""

    async def get(self):
        try:
            who = await self.poller()
            after, wait = self.poll_arguments(-1, "the version you have")
        except Rejected as r:
            return self.refuse(r)
        state = await self.service.wait_control(after, wait)
        self.finish(self.current_extra(state, who))

    def current_extra(self, state: dict, who) -> dict:
        """What a learner page adds to the state (the learner-page side overrides this)."""
        return state


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
                                       samesite="Strict", path=self.service.prefix)
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
            ex_id = self.get_argument("exercise", None) or None
            self.finish(await self.service.run(self.service.stats, ex_id))
        except Rejected as r:
            self.refuse(r)


class InstructorAction(Base):
    """A dashboard button: needs the instructor's cookie and the page's CSRF token."""

    async def post(self):
        try:
            if not await self.instructor():
                raise Rejected(403, "a dashboard action needs the instructor's token")
            self.check_same_page()
            reply = await self.service.run(self.act, self.json_body())
        except Rejected as r:
            return self.refuse(r)
        self.finish(reply)

    def check_same_page(self) -> None:
        """403 unless the request comes from the dashboard page itself: JSON (a form cannot
        send it across sites), from this origin when the browser names one, with the page's
        CSRF token in its header (never from the query string or a form field)."""
        req = self.request
        kind = req.headers.get("Content-Type", "").split(";")[0].strip().lower()
        origin = req.headers.get("Origin")
        header = req.headers.get("X-XSRFToken") or req.headers.get("X-CSRFToken")
        if kind != "application/json":
            raise Rejected(403, "a dashboard action is sent as JSON by the dashboard page")
        if origin is not None and origin != f"{req.protocol}://{req.host}":
            raise Rejected(403, f"a dashboard action from another page ({safe(origin)[:80]})")
        if "_xsrf" in req.query_arguments or not header:
            raise Rejected(403, "a dashboard action needs the CSRF token of the dashboard "
                                "page in its header (reload the page)")
        try:
            tornado.web.RequestHandler.check_xsrf_cookie(self)
        except tornado.web.HTTPError:
            raise Rejected(403, "a dashboard action needs the CSRF token of the "
                                "dashboard page (reload the page)") from None

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


class ControlAction(InstructorAction):
    """The teacher's control of the class question (course.live.control)."""

    def act(self, body):
        return self.service.act(body)


class Attendance(Base):
    async def get(self):
        try:
            if not await self.instructor():
                raise Rejected(403, "the attendance list needs the instructor's token")
            rows = await self.service.run(self.service.attendance)
        except Rejected as r:
            return self.refuse(r)
        self.finish({"learners": rows, "roster": self.service.roster is not None})


def make_app(service: LiveService, prefix: str = "/") -> tornado.web.Application:
    """The tornado application of a service (``prefix``: e.g. a hub service's URL prefix)."""
    p = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    service.prefix = p  # the cookies' path: on a hub, never the hub's own pages (/hub/...)
    kw = {"service": service}
    routes = [(p, Dashboard, kw), (p + "api/join", Join, kw),
              (p + "api/attempt", PostAttempt, kw), (p + "api/reveals", Reveals, kw),
              (p + "api/stats", Stats, kw), (p + "api/reveal", Reveal, kw),
              (p + "api/names", Names, kw), (p + "api/current", Current, kw),
              (p + "api/control", ControlAction, kw), (p + "api/attendance", Attendance, kw)]
    from course.live import learner  # the learner page (phones): /learn and /api/learn/*

    routes += learner.routes(service, p, Base, Join, InstructorAction.check_same_page)
    if service.auth.mode == "hub":
        routes.append((p + "oauth_callback", service.auth.callback_handler()))
    return tornado.web.Application(
        routes,
        cookie_secret=service.cookie_secret, xsrf_cookies=True,
        # the CSRF cookie under the service's prefix: at "/" a browser would send it to the
        # hub's own pages too, beside (and read in place of) the hub's own _xsrf cookie
        xsrf_cookie_kwargs={"samesite": "Strict", "httponly": False, "path": p},
        log_function=_access_log,
    )


def _access_log(handler) -> None:
    if handler.get_status() < 400:
        logging.getLogger("course.live.access").debug(
            "%d %s %.1f ms", handler.get_status(), handler.request.path,
            1000 * handler.request.request_time())


class _Server(tornado.httpserver.HTTPServer):
    """The HTTP server, counting each address's open connections down as they close."""

    connections: Connections

    def on_close(self, server_conn) -> None:
        super().on_close(server_conn)
        context = getattr(server_conn, "context", None)
        self.connections.release(getattr(context, "remote_ip", ""))


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
        """Bind in the current event loop; returns the HTTPServer. Silent connections close
        after IDLE_TIMEOUT, slow bodies after BODY_TIMEOUT; a laptop holds at most
        MAX_CONNECTIONS_PER_ADDRESS; out of descriptors, accepting rests instead of spinning."""
        service = self.service
        server = _Server(make_app(service, self.prefix), max_body_size=SERVER_MAX_BODY,
                         xheaders=False, idle_connection_timeout=IDLE_TIMEOUT,
                         body_timeout=BODY_TIMEOUT)
        server.connections = service.connections
        sockets = tornado.netutil.bind_sockets(self.port, self.host)
        self.port = sockets[0].getsockname()[1]
        loop = asyncio.get_event_loop()

        def on_connection(conn, address):
            ip = address[0] if isinstance(address, tuple) else ""
            if not service.connections.admit(ip):
                conn.close()
                return
            server._handle_connection(conn, address)

        for sock in sockets:
            fd = sock.fileno()
            server._sockets[fd] = sock
            add_accept_handler(sock, on_connection, loop)
            server._handlers[fd] = lambda fd=fd: loop.remove_reader(fd)
        self._server = server
        service.started(loop)  # timers of the session file's state (a running countdown)
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
