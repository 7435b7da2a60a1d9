"""The learner page of the live class: a phone or a lab PC's browser answers without Python.

=========================  ======  =====================================================
path                       method  what
=========================  ======  =====================================================
``/learn``                 GET     the page (``?code=`` fills the join code: the QR link;
                                   ``?lang=en|zh|both``, default both)
``/static/learner/NAME``   GET     its script and style sheet (``course/live/static``)
``/api/learn/join``        POST    ``{code, learner}``: the service's join (roster
                                   numbers, look-alike names), with a message to show
``/api/learn/current``     GET     ``?after=V&wait=S&lang=L``: the teacher's question as
                                   a web form (``course.live.webviews``), long-polled;
                                   after reveal, the learner's own result and solution
``/api/learn/answer``      POST    ``{exercise_id, answer, client_id}``: the form's answer,
                                   checked by the kind's web view, graded and stored by
                                   the service as every attempt is
=========================  ======  =====================================================

A learner is known by the bearer token the join gave (kept in the browser's localStorage, so
a reload does not join again) or, on a hub, by the hub's login cookie (then a post needs the
page's CSRF token, as the dashboard's actions do). A rejection carries ``message``:
``{"en", "zh"}`` from the catalogue, which the page shows as it is.
"""
from __future__ import annotations

import asyncio
import functools
import json
import logging
import math
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import tornado.web

from course.live.guard import safe
from course.live.service import RATE_LIMIT, Rejected
from course.messages import ui
from course.text import Bilingual

log = logging.getLogger("course.live")

STATIC = Path(__file__).resolve().parent / "static"
LANGS = ("en", "zh", "both")
#: Results kept per (learner, exercise, language) after a reveal: a class of 500 polls again.
RESULT_CACHE = 20_000

#: The texts the page itself shows (the forms bring their own).
LABELS = ("live_title", "learn_intro", "learn_intro_roster", "learn_code", "learn_name",
          "learn_number", "learn_join", "learn_joined_as", "learn_leave", "learn_language",
          "learn_waiting", "learn_open", "learn_closed", "learn_time_left", "learn_round2",
          "learn_send", "learn_sending", "learn_sent", "learn_queued", "learn_offline",
          "learn_right", "learn_wrong", "learn_partly", "learn_solution", "learn_feedback",
          "learn_no_answer", "learn_move_up", "learn_move_down", "learn_choose",
          "learn_words", "learn_err_token", "learn_err_busy", "learn_err_other")


def language(value) -> str:
    return value if value in LANGS else "both"


def render_text(b: Bilingual, lang: str) -> str:
    return b.render(lang, sep="\n")


def message_of(status: int, reason: str) -> Bilingual:
    """The catalogue's message for a rejection of a join or an answer (the service's reasons
    are English, for logs and kernel learners; the page shows the learner's language)."""
    low = reason.lower()
    if status == 403 and "join code" in low:
        return ui("learn_err_code")
    if status == 403 and "class list" in low:
        return ui("learn_err_roster")
    if status == 409 and "closed" in low:
        return ui("learn_err_closed")
    if status == 409 and ("name" in low or "joined" in low):
        return ui("learn_err_taken")
    if status == 400 and ("learner" in low or "name" in low or "alphabet" in low
                          or "character" in low):
        return ui("learn_err_name")
    if status == 401:
        return ui("learn_err_token")
    if status == 429:
        return ui("learn_err_many")
    if status == 503:
        return ui("learn_err_busy")
    return ui("learn_err_other", why=reason)


def _refuse(handler, r: Rejected, message: Bilingual | None = None) -> None:
    """Finish ``handler`` with the rejection and the message a learner reads."""
    msg = message or message_of(r.status, r.reason)
    log.warning("rejected %s %s from %s: %d %s", handler.request.method,
                safe(handler.request.path[:200]), handler.request.remote_ip, r.status,
                safe(r.reason[:200]))
    handler.set_status(r.status)
    if r.status in (429, 503):
        handler.set_header("Retry-After", str(max(1, math.ceil(r.retry_after or 1))))
    handler.finish({"error": r.reason, "status": r.status, "message": msg.to_json()})


class Desk:
    """What the learner page keeps besides the service: each learner's latest answer sent
    from the page (their result after a reveal), and the results already worked out."""

    def __init__(self, service):
        self.service = service
        self.latest: dict[tuple[str, str], object] = {}
        self.loaded: set[str] = set()  # exercises whose stored answers are in ``latest``
        self.results: dict[tuple, dict] = {}
        # grading a reply takes about 0.1 s: off the event loop, beside the store's thread
        self.grader = ThreadPoolExecutor(1, thread_name_prefix="crm-live-results")

    def view(self, exercise):
        from course.exercises import kinds

        return kinds.view(exercise.type, "web")

    def form(self, ex_id: str, lang: str, learner: str) -> dict:
        exercise = self.service.bank[ex_id]
        view = self.view(exercise)
        if view is not None:
            return view.form(exercise, lang, learner)
        from course.live.webviews import base_form

        out = base_form(exercise, lang, "")
        out["view"] = None
        out["notice"] = render_text(ui("learn_in_notebook", type=out["badge"]), lang)
        return out

    def latest_response(self, learner: str, ex_id: str):
        """The learner's latest stored answer to ``ex_id`` (None: none), on the store's
        thread. The session file is read once per exercise (after a restart, or for answers
        that came from kernels): a reveal to 500 phones is not 500 reads of the file."""
        if ex_id not in self.loaded:
            former = getattr(self.service.bank[ex_id], "former_ids", ())  # a renamed one's
            for attempt in self.service.store.attempts(ex_id, former):  # oldest first
                self.latest[(attempt["learner"], ex_id)] = attempt["response"]
            self.loaded.add(ex_id)
        return self.latest.get((learner, ex_id))

    def result(self, learner: str, ex_id: str, response, lang: str) -> dict:
        """The learner's result after the reveal: right or not, feedback, the solution."""
        solution = self.service.solution(ex_id)
        out = {"solution": render_text(Bilingual(solution["en"], solution["zh"]), lang),
               "answered": response is not None}
        if response is None:
            return out
        key = (learner, ex_id, lang, json.dumps(response, sort_keys=True, ensure_ascii=False))
        if key in self.results:
            return self.results[key]
        exercise = self.service.bank[ex_id]
        graded = exercise.grade(response)
        # per item (blanks, pairs, positions, criteria), not per option: "✓ option" would
        # read as "a right option" where it means "rightly left alone"
        items = [] if exercise.option_texts() is not None else [
            {"label": render_text(item.label, lang) if isinstance(item.label, Bilingual)
             else str(item.label), "correct": bool(item.correct)}
            for item in graded.items if item.attempted]
        out.update(correct=bool(graded.correct), score=graded.score, items=items,
                   feedback=render_text(graded.feedback, lang) if graded.feedback else "")
        if len(self.results) >= RESULT_CACHE:
            self.results.clear()
        self.results[key] = out
        return out


class LearnerBase:
    """What the learner's handlers add to the service's ``Base`` handler (``routes`` puts
    the two together: this module does not import the server, which imports it)."""

    desk: Desk
    same_page = None  # the dashboard's check of a post's origin and CSRF token

    def initialize(self, service, desk: Desk):
        super().initialize(service)
        self.desk = desk

    async def learner(self, posting: bool = False):
        """Who this learner is (a bearer token, or on a hub the login's cookie), or Rejected."""
        token = self.bearer()
        hub = self.service.auth.mode == "hub"
        who = await self.identify(token) if token else (await self.viewer() if hub else None)
        if who is None:
            raise Rejected(401, "no valid learner token: join the class first")
        if not who.allowed:
            raise Rejected(403, f"{who.name!r} may not use this service")
        if posting and token is None:
            type(self).same_page(self)  # a cookie's post: the page's CSRF token
        return who


class LearnerPage(LearnerBase):
    async def get(self):
        lang = language(self.get_argument("lang", "both"))
        auth = self.service.auth
        if auth.mode == "hub":
            try:
                who = await self.viewer()
            except Rejected as r:
                return self.refuse(r)
            if who is None:
                return self.redirect(auth.login_url(self))
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Content-Security-Policy",
                        "default-src 'self'; script-src 'self'; style-src 'self'; "
                        "img-src 'self'; connect-src 'self'; base-uri 'none'; "
                        "form-action 'self'; frame-ancestors 'none'")
        self.finish(page(self.service, lang, self.get_argument("code", "")[:40],
                         self.xsrf_token.decode("ascii")))


class LearnerJoin:
    """The service's join (the same checks: ``Join`` of the server), with the message the
    page shows."""

    def refuse(self, r: Rejected) -> None:
        _refuse(self, r)


class Current(LearnerBase):
    async def get(self):
        try:
            who = await self.learner()
            after, wait = self.poll_arguments(-1, "a version")
        except Rejected as r:
            return _refuse(self, r)
        lang = language(self.get_argument("lang", "both"))
        state = await control_state(self.service, after, wait)
        reply = {**state, "now": time.time(), "learner": who.name}
        ex_id = state.get("exercise_id")
        if ex_id and ex_id in self.service.bank:
            reply["exercise"] = self.desk.form(ex_id, lang, who.name)
            if state.get("revealed"):
                response = await self.service.run(self.desk.latest_response, who.name, ex_id)
                loop = asyncio.get_running_loop()
                reply["result"] = await loop.run_in_executor(
                    self.desk.grader, self.desk.result, who.name, ex_id, response, lang)
        self.finish(reply)


class Answer(LearnerBase):
    async def post(self):
        message = None
        try:
            who = await self.learner(posting=True)
            if not self.service.rate_ok(who.name):
                raise Rejected(429, f"more than {RATE_LIMIT} posts a second from {who.name!r}")
            body = self.json_body()
            ex_id, response = self.checked(body)
            attempt = {"exercise_id": ex_id, "response": response,
                       "client_id": body.get("client_id"), "mode": None}
            try:
                reply = await self.service.run(self.service.record, who.name, attempt)
            except Rejected as r:
                if r.status == 422:  # the grader's own words: what is wrong with the answer
                    message = self.service.bank[ex_id].grade(response).message
                raise
        except Rejected as r:
            return _refuse(self, r, message or getattr(r, "message", None))
        self.desk.latest[(who.name, ex_id)] = response
        self.finish(reply)

    def checked(self, body: dict):
        """(exercise id, the grader's response) of the page's answer, or Rejected (422 with
        the web view's message)."""
        ex_id = self.service.current_id(body.get("exercise_id"))
        if not isinstance(ex_id, str) or ex_id not in self.service.bank:
            raise Rejected(404, f"unknown exercise id {str(ex_id)[:80]!r}")
        exercise = self.service.bank[ex_id]
        view = self.desk.view(exercise)
        if view is None:
            raise Rejected(422, f"a {exercise.type} exercise is answered in the notebook")
        from course.live.webviews import BadAnswer

        try:
            return ex_id, view.response(exercise, body.get("answer"))
        except BadAnswer as bad:
            raise _WithMessage(422, bad.message) from None


class _WithMessage(Rejected):
    def __init__(self, status: int, message: Bilingual):
        super().__init__(status, message.en)
        self.message = message


async def control_state(service, after: int, wait: float) -> dict:
    """The class control's state (``GET /api/current``'s JSON, course.live.control), once its
    version is past ``after`` or ``wait`` seconds have gone."""
    return await service.wait_control(after, wait)


def routes(service, p: str, base: type, join: type, same_page) -> list:
    """The learner page's routes under the prefix ``p``, for ``make_app``: ``base`` is the
    server's handler base, ``join`` its join handler and ``same_page`` the dashboard's check
    of a post's page (given, not imported: the server imports this module)."""
    desk = Desk(service)
    kw = {"service": service, "desk": desk}

    def make(cls, parent):
        return type(cls.__name__, (cls, parent), {"same_page": staticmethod(same_page)})

    return [(p + "learn", make(LearnerPage, base), kw),
            (p + "api/learn/join", make(LearnerJoin, join), {"service": service}),
            (p + "api/learn/current", make(Current, base), kw),
            (p + "api/learn/answer", make(Answer, base), kw),
            (p + r"static/learner/(learner\.(?:js|css))", tornado.web.StaticFileHandler,
             {"path": str(STATIC)})]


def labels(lang: str) -> dict:
    """The page's own texts in ``lang`` (short: "both" joins them on one line)."""
    return {key: ui(key).render(lang, sep=" / ") for key in LABELS}


def _script_json(value) -> str:
    return (json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")
            .replace(">", "\\u003e").replace("&", "\\u0026"))


@functools.lru_cache(maxsize=1)
def asset_version() -> str:
    """A digest of the script and style sheet, in their URLs: a phone that kept the page of an
    older version fetches the new files (the static handler caches a versioned URL long)."""
    import hashlib

    digest = hashlib.sha256()
    for name in ("learner.js", "learner.css"):
        digest.update((STATIC / name).read_bytes())
    return digest.hexdigest()[:12]


def page(service, lang: str, code: str, xsrf: str) -> str:
    """The page: a shell whose script (static/learner.js) draws the join and the forms."""
    from html import escape

    config = {"lang": lang, "code": code, "roster": service.roster is not None,
              "hub": service.auth.mode == "hub", "xsrf": xsrf, "labels": labels(lang)}
    title = render_text(ui("live_title"), lang).replace("\n", " / ")
    keep = f"&amp;code={escape(code, quote=True)}" if code else ""
    current = ' aria-current="true"'
    langs = "".join(f'<a href="?lang={c}{keep}"{current if c == lang else ""}>{name}</a>'
                    for c, name in (("en", "English"), ("zh", "中文"), ("both", "EN + 中文")))
    return PAGE.format(html_lang="zh-Hans" if lang == "zh" else "en", title=escape(title),
                       v=asset_version(),
                       langs=langs, lang_label=escape(ui("learn_language").render(lang, " / ")),
                       config=_script_json(config))


PAGE = """<!doctype html>
<html lang="{html_lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="static/learner/learner.css?v={v}">
</head>
<body>
<header class="top">
  <h1>{title}</h1>
  <nav class="langs" aria-label="{lang_label}">{langs}</nav>
  <p id="who" class="who" hidden></p>
</header>
<main id="main">
  <div id="banner" class="banner" role="status" aria-live="polite"></div>
  <section id="join" hidden></section>
  <section id="question" aria-live="polite"></section>
  <p id="leave-box" class="leave" hidden></p>
</main>
<script id="config" type="application/json">{config}</script>
<script src="static/learner/learner.js?v={v}"></script>
</body></html>
"""
