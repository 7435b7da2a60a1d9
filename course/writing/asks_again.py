"""The wrong decision of asking the buyer again for what they already gave (``asks_again``), or
for what the shop already knows from the task's facts and its records (``asks_known``).
"""
from __future__ import annotations

import re

from course.writing.decision_base import Decision
from course.writing.text import is_question

# what the buyer can already have given -> (how the buyer says it, how a reply asks again)
_GIVEN = {
    "quantity": (r"\b\d[\d,]*\s+(?:of (?:them|these|those)\b|(?:[a-z]+\s+){0,2}?(?:pcs|pieces|"
                 r"units|sets|pairs|[a-z]+s)\b)",
                 r"\bhow many\b|\bwhat quantity\b|\bthe quantity\b|\bnumber of (?:pieces|mugs|"
                 r"items|units)\b|\bthe (?:exact |total |final )quantity\b", "quantity", "数量"),
    "address": (r"\bsame address\b|\bdeliver(?:ed)? to\b|\bship(?:ped)? to\b",
                r"\byour (?:full |complete |exact )?(?:delivery |shipping )?address\b|\bwhere "
                r"(?:should|shall|do) (?:we|you)"
                r"\b|\bwhich (?:address|country|city)\b|\bwhere to (?:ship|send)\b|\bthe "
                r"(?:full |exact |complete )?(?:delivery |shipping )address\b",
                "address", "地址"),
    "size": (r"\bi (?:normally |usually )?wear\b|\bmy size is\b|\b(?:us|uk|eu) size \d",
             r"\bwhat(?:'s| is) your size\b|\byour (?:us )?size\b|\b(?:which|what) size do you "
             r"(?:wear|usually|normally)\b|\bhow (?:tall|big)\b", "size", "尺码"),
    # brief 22a: the colours the buyer named ("it is white, I ordered walnut"), the order and
    # the problem the shop has on file, and what the customer bought before (the shop's own
    # records: asking "what did you buy from us before?" is asking again)
    "colour": (r"\b(?:white|black|red|blue|green|yellow|pink|purple|gr[ae]y|brown|walnut|navy|"
               r"gold|silver|beige|orange)\b",
               r"\b(?:which|what) colou?rs?\b|\bthe colou?rs? (?:you|of)\b", "colour", "颜色"),
    "order": (r"(?!)", r"\byour order (?:number|no\b|id\b)|\bthe order number\b|\bwhich "
              r"(?:product|item)s? you (?:ordered|bought)\b", "the order (its number, what was "
              "bought)", "订单信息（订单号、所购商品）"),
    "problem": (r"(?!)", r"\bwhat (?:exactly )?(?:is|was) (?:wrong|the problem)\b|\bdescribe "
                r"the problem\b|\bwhat (?:exactly )?happened (?:to|with)\b", "the problem",
                "问题"),
    "history": (r"(?!)", r"\b(?:what|which) (?:\w+ )?(?:you|did you) (?:\w+ )?(?:bought|ordered|buy|"
                r"order)(?: from us)? (?:before|last time)\b|\bhow often you (?:order|bought|"
                r"buy)\w*|\bwhich (?:\w+ )?you usually (?:drink|buy|use|order)\b",
                "what the customer bought before (the shop's records)", "客户以前买过什么（店铺有记录）"),
}
# what the shop knows from the task's facts; the purchase history is always in its records
# (an order shipped, with its date or tracking number, was shipped to the buyer's address)
_KNOWN = {"quantity": ("quantity",), "address": ("destination", "ship_date", "tracking_number"),
          "size": ("buyer_size",),
          "colour": ("ordered_colour", "sent_colour"), "order": ("order_id",),
          "problem": ("problem",), "history": ("buyer_name",)}


def _gives(said: str, buyer: str) -> bool:
    """True when the buyer's message gives it; a number of free samples ("send free samples of
    all your models (about 20 pieces)") is not the quantity of an order."""
    for m in re.finditer(said, buyer, re.I):
        start = max(buyer.rfind(c, 0, m.start()) for c in ".!?\n")
        # "one sample before an order of about 20 pieces": the number of an order is given
        order = re.search(r"\border(?:s|ing)?(?: of)?(?: about| around| roughly| some)?\s*$",
                          buyer[max(0, m.start() - 40):m.start()], re.I)
        if order or not re.search(r"\bsamples?\b", buyer[start + 1:m.end() + 20], re.I):
            return True
    return False


#: what the shop has in its own records whoever wrote what: the order (its number, what was
#: bought). The buyer need not have said it: asking her for it is a small slip (``asks_known``), not asking again for what she gave (issue 28, seventh
#: reading: Lena never wrote her order number, the facts panel shows it).
SHOP_RECORDS = ("order",)


class AsksAgain(Decision):
    name = "asks_again"
    en = "asks again for what the buyer already gave"
    zh = "再次询问买家已经提供的信息"
    cap = "asks_again"
    #: the kinds this decision reads: what the buyer gave (her message, or the task's facts of
    #: what she asked for), and the shop's records only where her message gives them
    records = False

    #: a problem named only as "a serious fault" is not yet described: asking what is wrong is
    #: the right question, not asking again (brief 22d, W08 Umar)
    _vague = re.compile(r"^\s*(?:an? |the |some )?(?:serious |big |small |bad )?(?:fault|problem|"
                        r"issue|defect)s?\s*$", re.I)

    def given(self, buyer: str, facts=None) -> list[str]:
        """What the buyer gave: said in the message, or known from the task's facts."""
        facts = {k: v for k, v in (facts or {}).items()
                 if not (k == "problem" and self._vague.match(str(v)))}
        out = []
        for k, (said, _ask, _en, _zh) in _GIVEN.items():
            in_message = bool(buyer) and (_gives(said, buyer) or (
                k == "order" and bool(facts.get("order_id"))
                and str(facts["order_id"]) in buyer.replace(" ", "")))
            known = any(facts.get(f) is not None for f in _KNOWN[k])
            if k in SHOP_RECORDS:
                # only the shop's records the buyer did not give herself (asks_known)
                if self.records and known and not in_message:
                    out.append(k)
                elif not self.records and in_message:
                    out.append(k)
            elif not self.records and (in_message or known):
                out.append(k)
        return out

    def asked(self, reply) -> list[tuple[str, str]]:
        """(en, zh) of each given thing the reply asks for again."""
        out = []
        for k in self.given(reply.buyer, reply.facts):
            _said, ask, en, zh = _GIVEN[k]
            for m in re.finditer(ask, reply.flat_body, re.I):
                if is_question(reply.flat_body, m.start()):
                    out.append((en, zh))
                    break
        return out

    def find(self, reply):
        return ", ".join(en for en, _ in self.asked(reply))

    def advice(self, reply):
        """(en, zh) of the advice, or None for the usual 'Do not do this: the reply ...'."""
        return None


class AsksKnown(AsksAgain):
    """Asks the buyer for what the shop already has in its records (the order number, what she
    bought before), which the task's facts panel shows: a small slip, not asking again for what
    she wrote (a teacher gives such a reply 70-75)."""

    name = "asks_known"
    en = "asks the buyer for what the shop already has (see the facts)"
    zh = "向买家询问店铺已有的信息（请看信息栏）"
    cap = "asks_known"
    records = True
    slip = True  # a small slip: it costs no content points, only the cap

    def asked(self, reply) -> list[tuple[str, str]]:
        out = []
        for en, zh in super().asked(reply):
            if en.startswith("the order"):  # name what was asked: the number or the goods
                number = re.search(r"\border (?:number|no\b|id\b)", reply.flat_body, re.I)
                en, zh = (("the order number", "订单号") if number
                          else ("what the buyer ordered", "买家买了什么"))
            out.append((en, zh))
        return out

    def advice(self, reply):
        asked = self.asked(reply)
        en = " and ".join(e for e, _ in asked)
        zh = "和".join(z for _, z in asked)
        return (f"You already have {en}: see the facts, and do not ask the buyer for it.",
                f"{zh}店铺已经有了：请看信息栏，不要再问买家。")
