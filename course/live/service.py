"""The state behind the live-class handlers: the session store, the bank, who is who, the
counts; every write to the session file runs on one worker thread, off the event loop."""
from __future__ import annotations

import asyncio
import datetime
import logging
import sqlite3
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor

import tornado.locks

from course.live.control import SETTING as CONTROL_SETTING
from course.live.control import Control, ControlError
from course.live.guard import Connections, FailureLimit, is_shared
from course.live.stats import Tally, item_rows
from course.live.store import now

log = logging.getLogger("course.live")

RATE_LIMIT = 10  # posts per learner per second
MAX_NAME = 100


class Rejected(Exception):
    def __init__(self, status: int, reason: str, retry_after: float | None = None):
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.retry_after = retry_after


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
        self.ids = [self.current_id(i) for i in lesson_ids] if lesson_ids \
            else [ex.id for ex in bank.exercises]
        self.tally = Tally(bank)
        for attempt in store.attempts():  # (saved under a former id: counted as the current)
            self.tally.add({**attempt, "exercise_id": self.current_id(attempt["exercise_id"])})
        # kept in memory: a long-poll never waits on the file (another program may lock it)
        self._reveals = [(seq, self.current_id(ex_id)) for seq, ex_id in store.reveals()]
        self.revealed = list(dict.fromkeys(ex_id for _, ex_id in self._reveals))
        self.reveal_seq = max((seq for seq, _ in self._reveals), default=0)
        self._reveal_cond = tornado.locks.Condition()
        # the class question (issue 25): kept in memory, saved to the file on every change
        self.control = Control.loads(store.setting(CONTROL_SETTING))
        self.control.exercise_id = self.current_id(self.control.exercise_id)
        self._control_cond = tornado.locks.Condition()
        self._posts: dict[str, deque] = {}
        self.failures = FailureLimit()
        self.connections = Connections()
        self.joins: dict[str, int] = {}  # learners joined per laptop address
        self.roster = None  # a course.roster.Roster: learners join by student number
        self.lang = "both"  # the dashboard's language: "en", "zh" or "both"
        self.prefix = "/"  # the URL prefix the service is served under (make_app sets it)
        self._loop: asyncio.AbstractEventLoop | None = None
        self.cookie_secret = store.secret("cookie_secret")
        # every write to the session file (and the counts it feeds) runs on this one thread:
        # a lock held by another program on the file never freezes the event loop
        self.worker = ThreadPoolExecutor(1, thread_name_prefix="crm-live-store")
        self._queue: list = []  # attempts waiting for the worker (see record_async)
        self._flushing = False
        self._uncommitted: list = []  # counts of the batch being written
        self._stats_cache: dict = {}  # exercise id -> (what it depends on, the stats)
        self._looks: dict[str, str] | None = None  # look-alike key -> learner (see looks_like)
        self._expire()  # a countdown that ended while the service was down: closed at once

    def current_id(self, ex_id):
        """An exercise id from a page, a kernel or the session file as the bank's id now: a
        former id of a renamed exercise (bank field ``former_ids``) is read as its new id."""
        current = getattr(self.bank, "current_id", None)
        return current(ex_id) if current is not None else ex_id

    def looks_like(self, look: str) -> str | None:
        """The learner already joined whose name looks like ``look`` (a ``looks_like_key``),
        from a map kept in memory: a join compared itself with every name in the file, on
        the event loop (500 phones joining took 8 s, issue 25)."""
        if self._looks is None:
            from course.instructor.submissions import looks_like_key

            self._looks = {}
            for name in self.store.learners():
                self._looks.setdefault(looks_like_key(name), name)
        return self._looks.get(look)

    def joined(self, learner: str) -> None:
        from course.instructor.submissions import looks_like_key

        if self._looks is not None:
            self._looks.setdefault(looks_like_key(learner), learner)

    def share(self, networks) -> None:
        """Treat these networks as many devices behind one address (a school Wi-Fi's NAT):
        no cap on the learners joined or the connections open from one of their addresses,
        and failed tries from them are not counted against the address (see server.py)."""
        self.connections.shared = tuple(networks)

    def is_shared(self, address: str) -> bool:
        return is_shared(address, self.connections.shared)

    async def run(self, fn, *args):
        """``fn(*args)`` on the store's worker thread; its answer (or its Rejected)."""
        self._loop = asyncio.get_running_loop()
        return await asyncio.get_running_loop().run_in_executor(self.worker, fn, *args)

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

    async def record_async(self, learner: str, body: dict) -> dict:
        """Grade and commit one attempt with the others that arrive meanwhile: the attempts
        queued while the worker commits one batch go together into the next (one commit,
        one fsync, however many phones answer at once). The reply comes after the commit."""
        loop = asyncio.get_running_loop()
        self._loop = loop
        fut = loop.create_future()
        self._queue.append((learner, body, fut))
        self._kick()
        return await fut

    def _kick(self) -> None:
        """(On the loop) hand the queued attempts to the worker unless it is writing some."""
        if self._flushing or not self._queue:
            return
        batch, self._queue = self._queue, []
        self._flushing = True
        job = self._loop.run_in_executor(self.worker, self._write_batch, batch)
        job.add_done_callback(lambda done: self._batch_done(batch, done))

    def _batch_done(self, batch, done) -> None:
        self._flushing = False
        try:
            results = done.result()
        except Exception as exc:  # noqa: BLE001 - every waiting attempt gets it
            log.error("writing a batch of attempts failed: %s", exc)
            results = [Rejected(503, "the attempt was not saved: send it again",
                                retry_after=2)] * len(batch)
        for (_, _, fut), result in zip(batch, results, strict=True):
            if fut.done():
                continue
            if isinstance(result, BaseException):
                fut.set_exception(result)
            else:
                fut.set_result(result)
        self._kick()

    def _write_batch(self, batch) -> list:
        """(On the worker) record each attempt of ``batch`` in one transaction; a list of
        replies and Rejected, in order."""
        results: list = []
        self._uncommitted = []
        try:
            with self.store.batch():
                for learner, body, _ in batch:
                    try:
                        results.append(self.record(learner, body))
                    except Rejected as r:
                        results.append(r)
        except sqlite3.OperationalError as exc:
            log.error("the session file %s cannot take %d attempts: %s", self.store.path,
                      len(batch), exc)
            busy = Rejected(503, "the session file is busy or cannot be written (another "
                                 "program holds it?): the attempt was not saved, send it "
                                 "again", retry_after=2)
            self._uncommitted = []
            return [r if isinstance(r, Rejected) else busy for r in results] + \
                [busy] * (len(batch) - len(results))
        for counted in self._uncommitted:
            self.tally.add(counted)
        self._uncommitted = []
        return results

    def record(self, learner: str, body: dict) -> dict:
        """Grade and commit one attempt (503 when the file cannot take it)."""
        try:
            return self._record(learner, body)
        except sqlite3.OperationalError as exc:
            log.error("the session file %s cannot take an attempt: %s", self.store.path, exc)
            raise Rejected(503, "the session file is busy or cannot be written (another "
                                "program holds it?): the attempt was not saved, send it again",
                           retry_after=2) from None

    def _record(self, learner: str, body: dict) -> dict:
        """Grade and commit one attempt; the score in ``body`` (if any) is never read."""
        if not self.store.still_there():
            log.error("the session file %s was deleted or replaced while the service runs: "
                      "attempts are refused; restart crm-course live", self.store.path)
            raise Rejected(503, "the session file was deleted while the class runs: the "
                                "attempt was not saved; the instructor must restart the service")
        ex_id = self.current_id(body.get("exercise_id"))
        if not isinstance(ex_id, str) or ex_id not in self.bank:
            raise Rejected(404, f"unknown exercise id {str(ex_id)[:80]!r}: not in the "
                                "instructor's bank")
        if "response" not in body:
            raise Rejected(422, '"response" is missing')
        claimed_round = body.get("round", 1)
        if claimed_round not in (1, 2) or isinstance(claimed_round, bool):
            raise Rejected(400, '"round" must be 1 or 2 (the peer-instruction vote)')
        try:  # the round is the control's, whatever the page thought
            round_ = self.control.attempt_round(ex_id)
        except ControlError as exc:
            raise Rejected(exc.status, exc.reason) from None
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
            items=item_rows(exercise, result), mode=mode, round=round_)
        if new:
            counted = {"exercise_id": ex_id, "learner": learner, "response": graded,
                       "score": result.score, "correct": result.correct,
                       "items": item_rows(exercise, result), "round": round_}
            if self.store.batching:
                self._uncommitted.append(counted)  # counted once the batch is committed
            else:
                self.tally.add(counted)
        return {"recorded": True, "id": row_id, "duplicate": not new, "round": round_}

    def reveal(self, ex_id: str) -> int:
        ex_id = self.current_id(ex_id)
        if ex_id not in self.bank:
            raise Rejected(404, f"unknown exercise id {ex_id[:80]!r}")
        if self.bank[ex_id].mode == "assessment":
            raise Rejected(409, "an assessment item is never revealed")
        seq = self.store.reveal(ex_id)
        if ex_id not in self.revealed:
            self.revealed.append(ex_id)
            self._reveals.append((seq, ex_id))
            self.reveal_seq = max(self.reveal_seq, seq)
            self._wake_pollers()
        if ex_id == self.control.exercise_id and not self.control.revealed:
            self.control.mark_revealed()  # revealed from the lesson table: the question too
            self._control_changed()
        return seq

    def _wake_pollers(self, cond=None) -> None:
        """Wake the long-polls, from the service's loop or from any other thread."""
        cond = cond or self._reveal_cond
        loop = self._loop
        if loop is None:
            return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            cond.notify_all()
        else:
            loop.call_soon_threadsafe(cond.notify_all)

    # -- the class question (course.live.control) ----------------------------------------
    def act(self, body: dict) -> dict:
        """One action of the teacher's control (``POST /api/control``); runs on the worker."""
        action = body.get("action")
        control = self.control
        try:
            if action == "put":
                ex_id = self.current_id(body.get("exercise_id"))
                if not isinstance(ex_id, str) or ex_id not in self.bank:
                    raise Rejected(404, f"unknown exercise id {str(ex_id)[:80]!r}: not in the "
                                        "instructor's bank")
                control.put(ex_id, peer=body.get("peer") is True,
                            revealed=ex_id in self.revealed)
            elif action == "open":
                control.open_answering(body.get("seconds"))
                self._arm_countdown()
            elif action == "close":
                control.close()
            elif action == "round2":
                control.round2()
            elif action == "reveal":
                if control.exercise_id is None:
                    raise ControlError(409, "no question is up: put one up before you reveal")
                self.reveal(control.exercise_id)
                if not control.revealed:
                    control.mark_revealed()
            else:
                raise Rejected(400, '"action" must be one of put, open, close, round2, reveal')
        except ControlError as exc:
            raise Rejected(exc.status, exc.reason) from None
        self._control_changed()
        log.info("control: %s %s", action, control.exercise_id)
        return control.state()

    def _control_changed(self) -> None:
        self.store.set_setting(CONTROL_SETTING, self.control.dumps())
        self._wake_pollers(self._control_cond)

    def started(self, loop: asyncio.AbstractEventLoop) -> None:
        """The server listens in ``loop``: a countdown still running from before a restart
        gets its timer again, so it closes at its deadline (not when somebody next asks)."""
        self._loop = loop
        self._arm_countdown()

    def _arm_countdown(self) -> None:
        """At the deadline, close answering on the worker and wake the learner pages."""
        deadline, loop = self.control.deadline, self._loop
        if deadline is None or loop is None:
            return
        delay = max(deadline - time.time(), 0.0) + 0.01
        loop.call_soon_threadsafe(loop.call_later, delay, self.worker.submit, self._expire)

    def _expire(self) -> None:
        if self.control.expire():
            log.info("control: the countdown of %s ended", self.control.exercise_id)
            self._control_changed()

    async def wait_control(self, after: int, wait: float) -> dict:
        """The control's state once its version is past ``after`` (or after ``wait`` s)."""
        self._loop = asyncio.get_running_loop()
        control = self.control
        if control.version <= after and wait > 0:
            await self._control_cond.wait(timeout=datetime.timedelta(seconds=wait))
        if control._open and control.deadline is not None and control.deadline <= time.time():
            await self.run(self._expire)  # a countdown that ran out while nobody armed it
        return control.state()

    def attendance(self) -> list[dict]:
        from course.live.export import attendance

        return attendance(self.store, self.roster)

    async def wait_reveal(self, after: int, wait: float) -> list:
        self._loop = asyncio.get_running_loop()
        if self.reveal_seq <= after and wait > 0:
            await self._reveal_cond.wait(timeout=datetime.timedelta(seconds=wait))
        return [(seq, ex_id) for seq, ex_id in list(self._reveals) if seq > after]

    def solution(self, ex_id: str) -> dict:
        ex = self.bank[ex_id]  # (a former id finds the renamed exercise)
        text = ex.solution or ex.answer_text()
        return {"en": getattr(text, "en", str(text)), "zh": getattr(text, "zh", str(text))}

    def stats(self, ex_id: str | None) -> dict:
        """What the dashboard draws; computed again only when an attempt, a join, a reveal or
        the names switch changed it (a projector or two polling twice a second, on the
        worker that also writes the attempts, cost 11 ms a poll with 500 answers)."""
        names = self.show_names
        key = (ex_id, names, self.tally.version, len(self.revealed),
               self.store.learners_changed)
        cached = self._stats_cache.get(ex_id)
        if cached is None or cached[0] != key:
            cached = (key, self._stats(ex_id, names))
            self._stats_cache[ex_id] = cached
            if len(self._stats_cache) > 64:  # a teacher browsing the bank: keep the recent
                self._stats_cache.pop(next(iter(self._stats_cache)))
        return {**cached[1], "time": now()}

    def _stats(self, ex_id: str | None, names: bool) -> dict:
        out = {
            "version": self.tally.version, "total": self.tally.total,
            "learners": len(self.tally.learners() | set(self.store.learners())),
            "answering": len(self.tally.learners()), "names": names,
            "lesson": self.tally.lesson_rows(self.ids), "revealed": list(self.revealed),
            "time": now(),
        }
        if ex_id:
            ex_id = self.current_id(ex_id)
            if ex_id not in self.bank:
                raise Rejected(404, f"unknown exercise id {ex_id[:80]!r}")
            out["exercise"] = self.tally.exercise(ex_id, names=names)
            if ex_id in self.revealed:
                out["exercise"]["solution"] = self.solution(ex_id)
        return out
