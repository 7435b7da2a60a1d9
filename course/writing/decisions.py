"""Wrong decisions a polite reply can still take: the table of them all (:data:`DECISIONS`).

A situation (course.writing.situations) names the decisions it rules out; ``asks_again`` is
ruled out everywhere. Each decision reads the reply by meaning: a phrase denied in its own
clause ("we cannot meet tomorrow") is not the decision, a request in a question is a request.

A decision found by its pattern alone is an entry of decisions.yaml (read and checked once, on
import: course.writing.decision_base.TABLE); one that reads the reply otherwise is a small class
(course.writing.decision_base) in the module of its subject: sale_decisions,
after_sale_decisions, promotion_decisions, asks_again.
"""
from __future__ import annotations

from course.errors import CourseError
from course.writing.after_sale_decisions import (
    GivesInFull,
    RefusesRemedy,
    ReplacesInstead,
    ReturnFar,
    ReturnFirst,
)
from course.writing.asks_again import AsksAgain, AsksKnown
from course.writing.decision_base import TABLE, TABLE_FILE
from course.writing.promotion_decisions import (
    LEADS_OFF_PLATFORM,
    GreetingIsAnAdvert,
    OfferBeforeWishes,
    ShoutsLikeSpam,
)
from course.writing.sale_decisions import MadeUpDiscount

#: the decisions that read the reply otherwise than by one pattern (classes with a find)
_READ = (ReturnFirst(), RefusesRemedy(), AsksAgain(), LEADS_OFF_PLATFORM, ShoutsLikeSpam(),
         GreetingIsAnAdvert(), OfferBeforeWishes(), ReturnFar(), GivesInFull(), AsksKnown(),
         ReplacesInstead(), MadeUpDiscount())
DECISIONS = {**TABLE, **{d.name: d for d in _READ}}
# brief 22w12: off the platform is wrong in every situation (the suspicious buyer's included),
# and so are a delivery promised that the facts do not give and a threat
ALWAYS = ("asks_again", "asks_known", "trades_for_review", "pushes_to_buy", "off_platform",
          "promises_arrival", "threatens")


def _check_names() -> None:
    """Every decision has its own name, and every name the table refers to is a decision."""
    both = sorted(set(TABLE) & {d.name for d in _READ})
    if both:
        raise CourseError(f"{TABLE_FILE.name}: decision {both[0]!r}, field 'name': also the name "
                          "of a decision class in course/writing")
    for d in TABLE.values():
        for name in getattr(d, "covered_by", ()):
            if name not in DECISIONS:
                raise CourseError(f"{TABLE_FILE.name}: decision {d.name!r}, field 'covered_by': "
                                  f"no decision {name!r}")


_check_names()
