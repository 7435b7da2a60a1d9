"""Wrong decisions before and around a sale that read the task's facts: a sample refused or
given free where the task sells it, a discount made up, a delivery time not promised, a
discount or an arrival promised that the facts do not give. The ones found by a pattern alone
(a rushed meeting, samples given free or of every model, no choice or two sizes left to the
buyer, a price promise broken, an answer given before it is checked, the talk closed) are
entries of decisions.yaml.
"""
from __future__ import annotations

import re

from course.writing.decision_base import TABLE, Decision
from course.writing.text import sentence_at


class RefusesSample(Decision):
    """Refuses the sample the task's facts offer ("we do not send samples", "no sample for new
    customers") where a sample price is given: the buyer asked for it and the shop sells it."""

    name = "refuses_sample"
    en = "refuses the sample the task offers (a sample price is given)"
    zh = "拒绝提供任务中给出的样品（任务给出了样品价格）"
    rx = re.compile(r"\b(?:(?:do|does)(?: not|n'?t)|can(?:not| not|'t|’t)|will not|won'?t|never|"
                    r"unable to) (?:\w+ )?"
                    r"(?:send|give|offer|provide|make|sell)\w* (?:you )?(?:any |a |the |free )?"
                    r"samples?\b|\bno (?:free )?samples?\b(?! (?:is|are) needed)|\bsamples? (?:is|are) "
                    r"not (?:possible|available)\b", re.I)

    def find(self, reply):
        if reply.facts.get("sample_price") in (None, ""):
            return ""
        m = self.rx.search(reply.flat_body)
        return m.group(0) if m else ""


class MadeUpDiscount(Decision):
    """An old price the task does not give, set against the price offered ("Our new gift set
    was $30, now only $18!", "$18 instead of $30"): a made-up discount, the dishonesty lesson 10
    teaches to avoid (brief 22s, W10). Read only where the task gives no regular price (where
    it gives one, a wrong old price is a wrong fact); an old price that the task's discount
    gives from the price offered ("10% off: $18 instead of $20") is not made up."""

    name = "made_up_discount"
    en = "sets the price against an old price the task does not give: a made-up discount"
    zh = "用任务没有给出的“原价”作对比：虚构的折扣"
    _old = re.compile(r"\b(?:was|were|before|instead of|(?:down|reduced|cut) from|usually|"
                      r"normally|originally|(?:usual|normal|regular|original|old|full|retail|"
                      r"list) price(?: of| is| was)?)\s*:?\s*$", re.I)

    def find(self, reply):
        from course.writing.values import Money, Percent

        facts = reply.facts
        if facts.get("regular_price") is not None:
            return ""
        text, kind = reply.flat_body, Money()
        found = kind.find(text, facts)
        rate = Percent().parse(facts.get("discount") or "", facts) or 0
        for old in found:
            if not self._old.search(text[max(0, old.start - 30):old.start]):
                continue
            sentence = sentence_at(text, old.start)
            offered = [f.value[0] for f in found if f.value[1] == old.value[1]
                       and f.value[0] < old.value[0] and sentence_at(text, f.start) == sentence]
            if offered and not any(abs(old.value[0] * (1 - rate / 100) - v) < 0.01
                                   for v in offered if rate):
                return f"{text[max(0, old.start - 12):old.start].split()[-1]} {old.text}"
        return ""


class WithdrawsDelivery(Decision):
    """Will not promise the delivery time the task gives ("we can not promise they will arrive
    before Christmas" when the facts say 8 days, before Christmas): a negation that takes back
    what the facts let the shop promise (round 7). Read only where the task gives that time."""

    name = "delivery_not_promised"
    en = "will not promise the delivery time the task gives"
    zh = "不保证任务给出的送达时间"
    rx = re.compile(r"\b(?:cannot|can'?t|can not|could not|couldn'?t) (?:promise|guarantee|be sure|"
                    r"say)(?: you)?(?: that)? (?:it|they|the [\w-]+|your [\w-]+|we) (?:will|can|"
                    r"would) (?:arrive|reach|get there|be delivered|be there|come|deliver)\b", re.I)

    def find(self, reply):
        if reply.facts.get("delivery_days") is None:
            return ""
        m = self.rx.search(reply.flat_body)
        return m.group(0) if m else ""


class FreePricedSample(Decision):
    """A sample given free where the task gives its price (W04 Kowalski's $15 sample): the
    shop's offer is the paid sample, so "we will send you a free sample" gives away what the
    facts sell (brief 22w12). Read only where the task gives ``sample_price``."""

    name = "free_priced_sample"
    en = "gives free the sample the task sells (a sample price is given)"
    zh = "把任务中收费的样品改为免费（任务给出了样品价格）"
    # the pattern and the excuse of free_sample (decisions.yaml)
    rx = TABLE["free_sample"].rx
    excuse = TABLE["free_sample"].excuse

    def find(self, reply):
        if reply.facts.get("sample_price") in (None, ""):
            return ""
        return super().find(reply)


class PromisesDiscount(Decision):
    """A discount the task does not give, promised ("for an order this big we can give you 20%
    off", "50% off your next order to say sorry", "a coupon"): the facts set what the shop may
    offer, and a student may not make up a price cut (brief 22w12). Read only where the task
    gives no discount; money back named in the remedy's own words ("a $4 discount") is the
    compensation, read by its value."""

    name = "promises_discount"
    en = "promises a discount or coupon the task does not give"
    zh = "许诺了任务中没有的折扣或优惠券"
    rx = re.compile(r"\b\d{1,2}\s?% (?:off|discount)\b|\b(?:a|an|some|special|extra|big) discount\b"
                    r"(?! of (?:[$€£¥]|\d+ ?(?:dollars?|usd)))|"
                    r"\bcoupons?\b|\bvouchers?\b|\b(?:special|lower|cheaper|better|best) price\b|"
                    r"\bdiscount (?:on|for) your next\b|\boff your next (?:order|purchase)\b|"
                    # a gift the task does not give: "a free gift", "we will add a free strap"
                    r"\bfree gifts?\b|\b(?:add|include|send|give|put)\w* (?:you )?(?:a |an |one )?"
                    r"free (?!shipping|delivery|returns?\b|of\b|samples?\b)[\w-]+", re.I)

    def find(self, reply):
        if reply.facts.get("discount") not in (None, ""):
            return ""
        return super().find(reply)

    excuse = re.compile(r"\b(?:if|whether|ask\w*|cannot|can'?t|not|no)\b", re.I)
    excuse_in = "clause"


class PromisesArrival(Decision):
    """A delivery the shop cannot know, promised ("we promise it will arrive tomorrow", "it will
    surely reach you by Friday") where the task gives no delivery time: the parcel is with the
    carrier, and a promise the facts do not allow is broken the next day (brief 22w12). A time
    the task gives (``delivery_days``) or a condition ("if it has not arrived within 7 days")
    is left alone."""

    name = "promises_arrival"
    en = "promises a delivery time the facts do not give"
    zh = "许诺了任务事实中没有的送达时间"
    rx = re.compile(r"\b(?:promise|guarantee|sure|certain|definitely|surely|for sure|100%)\b"
                    r"[^.?!]{0,40}\b(?:arriv\w*|deliver\w*|reach (?:you|your)|get (?:it|them|your))\b"
                    r"[^.?!]{0,30}|\b(?:will|shall) (?:definitely|surely|certainly) (?:arrive|be "
                    r"delivered|reach you)\b|\b(?:arrive|be delivered|reach you)\b[^.?!]{0,30}"
                    r"\b(?:for sure|guaranteed|definitely|100%)", re.I)
    # a condition ("if it has not arrived within 7 days, ..."); a denial is read by the clause
    excuse = re.compile(r"\b(?:if|unless|hope)\b", re.I)
    excuse_in = "sentence"

    def find(self, reply):
        facts = reply.facts
        if any(facts.get(k) not in (None, "") for k in ("delivery_days", "restock_date")):
            return ""
        return super().find(reply)
