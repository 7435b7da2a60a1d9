"""The teacher's control of a live class: which question is up, whether answering is open (with
an optional countdown, 限时回答), the peer-instruction round, and whether it is revealed.

One :class:`Control` lives in memory in the service (``service.control``) and is saved to the
session file after every change (a restarted service keeps the question up). Its state is the
JSON of ``GET /api/current``::

    {"version": int, "exercise_id": str|null, "open": bool, "deadline": float|null,
     "round": 1|2, "revealed": bool, "peer": bool}

``version`` goes up on every change (the learner pages long-poll on it). ``deadline`` is in
epoch seconds; ``open`` turns false when it passes (the service wakes the pollers then).
An answer to the question that is up is taken while answering is open and up to GRACE seconds
after it closed (by the teacher or the countdown: a phone that sent as the bell rang is not
refused); later, or before it was opened, it is refused with 409. Answers to other exercises
(kernel learners working through a lesson) are not this control's business.

Peer instruction: put the question up (``peer`` true or not), open, close; ``round2`` starts the
second vote (the first round's answers stay, each attempt carries its round) and re-opens.
"""
from __future__ import annotations

import json
import time

GRACE = 2.0  # seconds an answer is still taken after answering closed
MAX_SECONDS = 3600  # the longest countdown: an hour
SETTING = "control"  # the settings key of the session file that keeps the state
ACTIONS = ("put", "open", "close", "round2", "reveal")


class ControlError(Exception):
    """An action that cannot be done now (``status``: 400 bad input, 404, 409 wrong moment)."""

    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status = status
        self.reason = reason


class Control:
    """The state of the class question, with the rules of its actions.

    Args:
        clock: the time in epoch seconds (``time.time``; tests pass their own).
    """

    def __init__(self, clock=time.time):
        self.clock = clock
        self.version = 0
        self.exercise_id: str | None = None
        self._open = False
        self.deadline: float | None = None
        self.closed_at: float | None = None  # when answering last closed (the grace counts)
        self.round = 1
        self.revealed = False
        self.peer = False

    # -- what everyone reads ---------------------------------------------------------------
    @property
    def open(self) -> bool:
        """Whether answering is open now (a passed countdown has closed it)."""
        return self._open and (self.deadline is None or self.clock() < self.deadline)

    def state(self) -> dict:
        return {"version": self.version, "exercise_id": self.exercise_id, "open": self.open,
                "deadline": self.deadline, "round": self.round, "revealed": self.revealed,
                "peer": self.peer}

    def attempt_round(self, exercise_id: str) -> int:
        """The round an attempt at ``exercise_id`` belongs to; ControlError(409) when that
        exercise is the one up and answering is closed (beyond the grace)."""
        if exercise_id != self.exercise_id:
            return 1
        t = self.clock()
        if self._open:
            if self.deadline is None or t <= self.deadline + GRACE:
                return self.round
        elif self.closed_at is not None and t <= self.closed_at + GRACE:
            return self.round
        raise ControlError(409, "answering is closed: wait until the teacher opens this "
                                "question / 作答已关闭：请等老师开放本题")

    # -- the teacher's actions -------------------------------------------------------------
    def put(self, exercise_id: str, *, peer: bool = False, revealed: bool = False) -> None:
        """Put ``exercise_id`` up: answering closed, round 1 (``revealed``: already revealed
        earlier in this session)."""
        self.exercise_id = exercise_id
        self._open, self.deadline, self.closed_at = False, None, None
        self.round, self.revealed, self.peer = 1, bool(revealed), bool(peer)
        self._changed()

    def open_answering(self, seconds=None) -> None:
        """Open answering, for ``seconds`` (a countdown) or until closed (None)."""
        self._need_question("open answering")
        if self.revealed:
            raise ControlError(409, "the answer was revealed already: put up another question")
        if seconds is not None:
            if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) \
                    or not 1 <= seconds <= MAX_SECONDS:
                raise ControlError(400, f'"seconds" must be a number of seconds from 1 to '
                                        f"{MAX_SECONDS}, or null for no countdown")
        self._open = True
        self.deadline = self.clock() + float(seconds) if seconds is not None else None
        self.closed_at = None
        self._changed()

    def close(self) -> None:
        self._need_question("close answering")
        if not self._open:
            raise ControlError(409, "answering is closed already")
        now = self.clock()
        self.closed_at = min(now, self.deadline) if self.deadline is not None else now
        self._open, self.deadline = False, None
        self._changed()

    def expire(self) -> bool:
        """Close answering when the countdown has passed (the service's timer calls this);
        True when it did."""
        if self._open and self.deadline is not None and self.clock() >= self.deadline:
            self.closed_at = self.deadline
            self._open, self.deadline = False, None
            self._changed()
            return True
        return False

    def round2(self) -> None:
        """Peer instruction's second vote: round 2, answering open again (no countdown)."""
        self._need_question("start a second round")
        if self.revealed:
            raise ControlError(409, "the answer was revealed already: a second vote would "
                                    "only repeat it")
        if self.round == 2:
            raise ControlError(409, "this question is in its second round already")
        self.round, self.peer = 2, True
        self._open, self.deadline, self.closed_at = True, None, None
        self._changed()

    def mark_revealed(self) -> None:
        """Revealed: answering closes at once, without the grace (an answer sent once the key
        is on the projector is no vote)."""
        self._need_question("reveal")
        self._open, self.deadline, self.closed_at, self.revealed = False, None, None, True
        self._changed()

    def _need_question(self, what: str) -> None:
        if self.exercise_id is None:
            raise ControlError(409, f"no question is up: put one up before you {what}")

    def _changed(self) -> None:
        self.version += 1

    # -- the session file ------------------------------------------------------------------
    def dumps(self) -> str:
        return json.dumps({**self.state(), "open": self._open, "closed_at": self.closed_at})

    @classmethod
    def loads(cls, text: str | None, clock=time.time) -> Control:
        """The control saved in the session file (a fresh one when none or unreadable)."""
        control = cls(clock)
        try:
            data = json.loads(text) if text else {}
        except ValueError:
            data = {}
        if not isinstance(data, dict):
            data = {}
        ex_id = data.get("exercise_id")
        control.exercise_id = ex_id if isinstance(ex_id, str) else None
        control._open = bool(data.get("open")) and control.exercise_id is not None
        control.deadline = _number(data.get("deadline"))
        control.closed_at = _number(data.get("closed_at"))
        control.round = 2 if data.get("round") == 2 else 1
        control.revealed = bool(data.get("revealed"))
        control.peer = bool(data.get("peer"))
        version = data.get("version")
        control.version = version if isinstance(version, int) and version >= 0 else 0
        return control


def _number(value) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) \
        else None
