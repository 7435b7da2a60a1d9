"""Wrong decisions a polite reply can still take: the table of them all (:data:`DECISIONS`).

A situation (course.writing.situations) names the decisions it rules out; ``asks_again`` is
ruled out everywhere. Each decision reads the reply by meaning: a phrase denied in its own
clause ("we cannot meet tomorrow") is not the decision, a request in a question is a request.

Each decision is a small class (course.writing.decision_base) in the module of its subject:
sale_decisions, after_sale_decisions, pressure_decisions, promotion_decisions, asks_again.
"""
from __future__ import annotations

from course.writing.after_sale_decisions import (
    ACTS_WITHOUT_ASKING,
    CHARGES_BUYER,
    GIVES_TOO_MUCH,
    PROOF_FIRST,
    SENDS_TO_CARRIER,
    SUBSTITUTES,
    GivesInFull,
    RefusesRemedy,
    ReplacesInstead,
    ReturnFar,
    ReturnFirst,
)
from course.writing.asks_again import AsksAgain, AsksKnown
from course.writing.pressure_decisions import (
    FAKE_URGENCY,
    PRESSURES_PAYMENT,
    PUSHES_TO_BUY,
    THREATENS,
)
from course.writing.promotion_decisions import (
    LEADS_OFF_PLATFORM,
    TRADES_FOR_REVIEW,
    GreetingIsAnAdvert,
    OfferBeforeWishes,
    ShoutsLikeSpam,
)
from course.writing.sale_decisions import (
    ANSWERS_UNCHECKED,
    BREAKS_PRICE_PROMISE,
    CLOSES_THE_TALK,
    FREE_SAMPLE,
    GIVES_ALL_SAMPLES,
    NO_CHOICE_MADE,
    TWO_SIZES,
    AgreesToMeet,
    FreePricedSample,
    MadeUpDiscount,
    PromisesArrival,
    PromisesDiscount,
    RefusesSample,
    WithdrawsDelivery,
)

DECISIONS = {d.name: d for d in (AgreesToMeet(), SENDS_TO_CARRIER, ReturnFirst(), RefusesRemedy(),
                                 PRESSURES_PAYMENT, ACTS_WITHOUT_ASKING, AsksAgain(),
                                 FAKE_URGENCY, LEADS_OFF_PLATFORM, TRADES_FOR_REVIEW,
                                 ShoutsLikeSpam(),
                                 GreetingIsAnAdvert(), CHARGES_BUYER, NO_CHOICE_MADE,
                                 BREAKS_PRICE_PROMISE, PROOF_FIRST, OfferBeforeWishes(),
                                 GIVES_ALL_SAMPLES, CLOSES_THE_TALK, ReturnFar(), RefusesSample(),
                                 GivesInFull(), AsksKnown(), ReplacesInstead(),
                                 WithdrawsDelivery(), TWO_SIZES, PUSHES_TO_BUY,
                                 GIVES_TOO_MUCH, MadeUpDiscount(),
                                 ANSWERS_UNCHECKED, FREE_SAMPLE, PromisesDiscount(),
                                 PromisesArrival(), SUBSTITUTES, THREATENS,
                                 FreePricedSample())}
# brief 22w12: off the platform is wrong in every situation (the suspicious buyer's included),
# and so are a delivery promised that the facts do not give and a threat
ALWAYS = ("asks_again", "asks_known", "trades_for_review", "pushes_to_buy", "off_platform",
          "promises_arrival", "threatens")
