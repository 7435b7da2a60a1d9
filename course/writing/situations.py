"""The situations a reply answers, one table: facts, moves, right and wrong decisions, words.

The table's rows (:class:`~course.writing.situation_types.Situation`) are written in four parts
by the stage of the shop's work: order_situations, after_sale_situations, customer_situations
and promotion_situations (the phrases they share are in situation_phrases). Adding a situation
is one entry in its part plus the bank data (a reply task with ``situation: <name>`` and its
``facts``). The table is validated when the reviewer loads
(:func:`check_table`, not when this module loads: a lesson only needs the names): a move
that looks up a fact names a fact kind of course.writing.values, every right decision is a
move of the situation, every wrong decision is a decision of course.writing.decisions, the
word range is sensible, every pattern compiles.

A move's ``find`` is a regular expression, or ``fact:<field>[,<field>]`` (the value of that
fact, checked by value; any value of its kind when the task does not give it; ``a+b``: both
values stated right together), or ``time``
(a next step with a time).
"""
from __future__ import annotations

import re

from course.writing.after_sale_situations import AFTER_SALE_SITUATIONS
from course.writing.customer_situations import CUSTOMER_SITUATIONS
from course.writing.order_situations import ORDER_SITUATIONS
from course.writing.promotion_situations import PROMOTION_SITUATIONS
from course.writing.situation_phrases import (
    AMOUNT,  # noqa: F401 (imported from here elsewhere)
    MONEY_RETURNED,  # noqa: F401 (imported from here elsewhere)
    WAITS_FOR_ANSWER,  # noqa: F401 (imported from here elsewhere)
)
from course.writing.situation_types import _WHEN

#: the whole table, the parts in this order (as it was written: the relevance scorer
#: reads the situations in turn)
SITUATIONS = (ORDER_SITUATIONS + AFTER_SALE_SITUATIONS + CUSTOMER_SITUATIONS
              + PROMOTION_SITUATIONS)
BY_NAME = {s.name: s for s in SITUATIONS}
NAMES = tuple(BY_NAME)


def validate(situations=SITUATIONS) -> list[str]:
    """The problems of the situation table, each naming the situation and field (empty: ok)."""
    from course.writing.decisions import DECISIONS
    from course.writing.values import FACT_KINDS

    problems = []
    for s in situations:
        where = f"situation {s.name!r}"
        names = [m.name for m in s.moves]
        if len(set(names)) != len(names):
            problems.append(f"{where}: two moves share a name")
        for m in s.moves:
            if m.weight <= 0:
                problems.append(f"{where}, move {m.name!r}: weight must be positive")
            if m.find.startswith("fact:"):
                for f in m.find[5:].replace("+", ",").split(","):
                    if f not in FACT_KINDS:
                        problems.append(f"{where}, move {m.name!r}: no fact kind for {f!r}")
            elif m.find != _WHEN:
                try:
                    re.compile(m.find)
                except re.error as e:
                    problems.append(f"{where}, move {m.name!r}: bad pattern ({e})")
            problems += [f"{where}, move {m.name!r}: {f!r} is not one of its facts"
                         for f in (m.only_with, m.unless) if f and f not in s.facts]
        problems += [f"{where}: right decision {r!r} is not one of its moves"
                     for r in s.right if r not in names]
        problems += [f"{where}: wrong decision {w!r} is not a known decision"
                     for w in s.wrong if w not in DECISIONS]
        if s.not_now:
            try:
                re.compile(s.not_now)
            except re.error as e:
                problems.append(f"{where}, not_now: bad pattern ({e})")
        low, high = s.words
        if not 0 < low < high:
            problems.append(f"{where}: words must be [fewest, most] with 0 < fewest < most")
    return problems


_CHECKED: list[bool] = []


def check_table() -> None:
    """Validate the table once per process; raises ValueError naming every problem.

    An error in the table is the maintainer's, caught when the reviewer loads (its first review
    or ``import course.writing.reviewer``). Not when this module loads: a lesson with a reply
    task imports the table only to check the task's situation name, and compiling every
    pattern here cost each lesson's kernel about half a second (issue 24)."""
    if not _CHECKED:
        problems = validate()
        if problems:
            raise ValueError("course.writing.situations: " + "; ".join(problems))
        _CHECKED.append(True)
