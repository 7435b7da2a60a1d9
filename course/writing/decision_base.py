"""What every wrong decision of the reviewer is: :class:`Decision` (its name, what it is in
English and Chinese, the cap it brings, how it is found and excused) and :class:`Push` (a
decision that presses the buyer to act, taken back by the words that govern it).

The decisions themselves are in the modules named after their subject (sale_decisions,
after_sale_decisions, pressure_decisions, promotion_decisions, asks_again); the table of them
all is course.writing.decisions.
"""
from __future__ import annotations

import re

from course.writing.prefilter import scan
from course.writing.text import clause_before, negated, push_denied, sentence_at


class Decision:
    """One wrong decision: its name, what it is (en, zh), the cap it brings, how it is found."""

    name = ""
    en = ""
    zh = ""
    cap = "wrong_decision"

    rx: re.Pattern | None = None

    def __init__(self, name: str = "", en: str = "", zh: str = "", rx: re.Pattern | None = None):
        """A decision found by one pattern is an instance, ``Decision(name, en, zh, rx)``; one
        that reads the reply otherwise is a subclass with its own ``find``."""
        for attr, value in (("name", name), ("en", en), ("zh", zh), ("rx", rx)):
            if value:
                setattr(self, attr, value)

    def find(self, reply) -> str:
        """The words of the reply that take this decision, or ''.

        The first match of ``rx`` that is neither denied in its own clause nor excused (see
        :meth:`excused`); a decision that reads the reply otherwise overrides this."""
        if self.rx is None:
            raise NotImplementedError
        return self.first_taken(self.rx, reply.flat_body)

    def first_taken(self, rx: re.Pattern, text: str) -> str:
        """The first match of ``rx`` in ``text`` neither denied in its own clause nor excused."""
        for m in scan(rx).finditer(text):  # rx.finditer's matches, found faster
            if not negated(text, m.start()) and not self.excused(text, m):
                return m.group(0)
        return ""

    #: words that excuse a match (it does not take the decision after all), looked for in the
    #: match's sentence or in its clause before it (``excuse_in``)
    excuse: re.Pattern | None = None
    excuse_in = "clause"

    def excused(self, text: str, m: re.Match) -> bool:
        """True when the words matched at ``m`` do not take the decision after all."""
        if self.excuse is None:
            return False
        where = (sentence_at(text, m.start()) if self.excuse_in == "sentence"
                 else clause_before(text, m.start()))
        return bool(self.excuse.search(where))


class Push(Decision):
    """A decision that presses the buyer to act (pay, buy, order now): a push taken back by the
    words that govern it is no push ("No need to pay today.", "you don't have to buy it now",
    brief 22s); ``negated`` reads "no need to" as no denial, for "no need to send it back"."""

    def excused(self, text: str, m: re.Match) -> bool:
        return push_denied(text, m.start()) or super().excused(text, m)
