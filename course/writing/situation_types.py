"""The rows of the situation table (course.writing.situations): :class:`Move` (one thing a
full answer does) and :class:`Situation` (one kind of buyer message and what a full answer to
it does).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Move:
    """One thing a full answer does: its points, how it is found, what it is (en, zh)."""

    name: str
    weight: int
    find: str
    en: str
    zh: str
    only_with: str = ""  # counted only when the task gives this fact
    unless: str = ""  # not counted when the task gives this fact (it is known already)
    # the heart of its task (the apology for a mail never answered): missing, its advice is
    # said before the other missing moves (the twenty-fourth teacher reader: W05 Kanya's "Buy
    # now" letter, the missing apology said fourth; round 21, brief 22f)
    key: bool = False


@dataclass(frozen=True)
class Situation:
    """One kind of buyer message and what a full answer to it does."""

    name: str
    answers: str  # words that show the reply answers this buyer (relevance)
    moves: tuple
    right: tuple = ()  # move names: a reply makes at least one of these decisions
    wrong: tuple = ()  # decision names (course.writing.decisions) that this situation rules out
    facts: tuple = ()  # the fact fields a task of this situation gives
    apology_due: bool = False
    pitch_ok: bool = False  # new products and offers are the task, not a sales pitch
    next_step: bool = True  # a letter of this kind says what happens next (not a greeting)
    # a short letter is what this kind asks (a holding reply, a greeting): it is "brief" only
    # under the rubric's brief_words (the teachers of the tuning sets gave 80 to 20-25 words)
    short_ok: bool = False
    words: tuple = (40, 160)
    # claims that belong to another step of the same shop ("thank you for your payment" to a
    # buyer who has not paid): a reply that makes one is written for another case
    not_now: str = ""
    # tasks of this kind give no sum of money: an amount the reply states is made up
    no_amounts: bool = False
    # the move the task asks for first, without which the letter misses its point (a new
    # arrival told to a customer who is not told why she hears about it): missing, it caps
    # the reply below the pass (the rubric's "misses_first" cap; brief 22e)
    first: str = ""
    # a reply of this kind does not give the answer yet (a holding reply: received, being
    # checked, when the answer comes): its relevance advice says so, never "answer the buyer
    # first" (the twenty-fourth student reader, w04-reply-marek: round 21, brief 22f)
    waits: bool = False

    def move(self, name: str) -> Move:
        return next(m for m in self.moves if m.name == name)


_WHEN = "time"
