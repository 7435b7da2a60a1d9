"""Wrong decisions before and around a sale that read more than a pattern: a discount made up
(an old price the task does not give, set against the price offered). The ones a pattern finds
(a rushed meeting, samples given free, of every model or refused, no choice or two sizes left
to the buyer, a price promise broken, an answer given before it is checked, a delivery time not
promised, the talk closed, a discount or an arrival promised that the facts do not give) are
entries of decisions.yaml.
"""
from __future__ import annotations

import re

from course.writing.decision_base import Decision
from course.writing.text import sentence_at


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
