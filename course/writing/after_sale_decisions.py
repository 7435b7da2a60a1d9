"""Wrong decisions after a sale that read more than a pattern: a return asked first or far,
the remedy given in full, replaced or refused. The ones found by a pattern alone (the buyer
sent to the carrier, charged, made to wait for proof, given too much back, acting without
asking, another product sent instead) are entries of decisions.yaml.
"""
from __future__ import annotations

import re

from course.writing.decision_base import Decision
from course.writing.text import find_affirmed, find_denied


class ReturnFirst(Decision):
    name = "return_first"
    en = "asks the buyer to send a cheap faulty item back first (refund it directly)"
    zh = "让买家先寄回低价故障商品（应直接退款）"
    rx = re.compile(r"\b(?:send|post|return|ship|mail) (?:the [\w-]+ |it |them |this )?back\b|"
                    r"\b(?:send|post|ship|mail|return) (?:the [\w-]+(?: [\w-]+)?|it|them) to (?:us|our)\b|"
                    r"\bat your own (?:cost|expense)\b|\breturn (?:it|the [\w-]+(?: [\w-]+)?|them) "
                    r"(?:to us|first)\b|"
                    r"\breturn the (?:old|broken|faulty|damaged) (?:one|\w+)\b|\b(?:once|after|"
                    r"when) (?:we (?:receive|get) (?:it|the|your)|you (?:return|send))\b", re.I)
    # "no need to send it back", "you don't need send it back" (a learner's slip): no return
    excuse = re.compile(r"\b(?:no|not|don'?t|do not|doesn'?t|never) (?:need|have)(?: to)?\b|"
                        # "you can keep it, nothing to send back" (the seventh tuning set)
                        r"\bno need\b|\bnot necessary\b|\bnothing (?:to|you need to|you have to)\s*$", re.I)

    def excused(self, text: str, m: re.Match) -> bool:
        """Also excused: "it"/"them" that is the photo or video just asked for ("Please take a
        video and send it to us", issue 28 thirteenth reading: read as shipping the machine
        back); "send the machine to us" and "send it back" stay a return."""
        if _MEDIA_PRONOUN.match(m.group(0)) and _MEDIA_BEFORE.search(text[:m.start()]):
            return True
        return super().excused(text, m)


# "send it to us" / "send them to us" (no "back"): the pronoun of a photo or video named just
# before it in the same sentence
_MEDIA_PRONOUN = re.compile(r"\w+ (?:it|them) to (?:us|our)\b", re.I)
_MEDIA_BEFORE = re.compile(r"\b(?:videos?|photos?|pictures?|images?|clips?|recordings?)\b"
                           r"[^.?!]{0,50}$", re.I)


class ReturnFar(ReturnFirst):
    """A large item that cannot be used is repaired near the buyer with part of the money back
    (W08, lesson 08): asking for it to be shipped back ("send the machine back to China for a
    full refund") costs the buyer weeks and the shop more than the repair (brief 22d)."""

    name = "return_far"
    en = ("asks the buyer to ship a large item back (a local repair with part of the money is "
          "the remedy)")
    zh = "让买家把大件商品寄回（应在当地维修并退还部分货款）"
    # what she films or photographs sent to us is no item shipped back: "film the machine
    # while it sews and send the film to us" (round 21, brief 22a: the W08 role-play, 40)
    rx = re.compile(r"\b(?:send|post|return|ship|mail) (?:the [\w-]+(?: [\w-]+)? |it |them |this )?"
                    r"back\b|\b(?:send|return|ship) (?:the (?!(?:film|video|clip|recording|photos?|"
                    r"pictures?|images?|movie)\b)[\w-]+(?: [\w-]+)?|it|them) to (?:us|our|"
                    r"china)\b|\bat your own (?:cost|expense)\b", re.I)

class GivesInFull(Decision):
    """A large item a local repair can fix (W08, lesson 08): the remedy is the repair with part
    of the money back. A new item sent free or the whole price refunded ("we will send you a
    new sewing machine free of charge, or refund you in full") is the small-amount remedy given
    to the wrong case (issue 28, seventh reading). Offered only as the fallback when the repair
    fails ("or more if the shop cannot fix it") it is the lesson's next step, not this one."""

    name = "gives_in_full"
    en = ("offers a new item or the whole price back where the remedy is a local repair with "
          "a partial refund")
    zh = "对可在当地维修的商品提出寄新品或全额退款（应为当地维修加部分退款）"
    _pattern = (r"\bfull refund\b|\brefund\w* (?:you )?(?:in full|(?:all|the whole|the full|"
                    r"the entire|your full|every cent)\b)|\brefund\w* (?:you )?(?:the |your )?"
                    r"(?:full|whole|entire) (?:price|amount|sum|cost|payment|[$€£¥]?\d)|\ball "
                    r"(?:of )?(?:your |the )?money\b|\bmoney back in full\b|\b(?:full|whole|entire) "
                    r"(?:price|amount) back\b|\b(?:send|ship|give|post|mail) (?:you )?(?:a |an )?"
                    r"(?:brand[- ])?(?:new|replacement) (?:one\b|PRODUCT)|\b(?:a|the) "
                    r"(?:brand[- ])?new (?:one|PRODUCT)\b[^.?!]{0,40}\b(?:free|at our cost|"
                    r"for you|to you)|\breplac(?:e|ing) (?:it|the PRODUCT|your PRODUCT)\b|"
                    r"\ba replacement(?! (?:part|needle|plate|belt|cable))\b|"
                    # the amount with "full" after it, the B1 order ("We refund $185 full.":
                    # the twenty-fourth student reader, W08 Sophie; round 21, brief 22f)
                    r"\brefund\w* (?:you )?(?:the |your )?(?:[$€£¥] ?\d+(?:\.\d+)?|\d+(?:\.\d+)? ?"
                    r"(?:dollars?|usd|euros?|[$€£¥]))(?: back)? (?:in )?full\b")
    # the fallback for a repair that fails, in the same sentence
    excuse = re.compile(r"\bif (?:the (?:\w+ )?(?:shop|repair\w*|technician)|it|they|repair) "
                        r"(?:cannot|can'?t|can not|could not|couldn'?t|is not able to|does not|"
                        r"doesn'?t|fails?)\b|\bif (?:a |the )?repair is not possible\b|"
                        r"\bif (?:it is|it's) not (?:fixable|repairable)\b", re.I)
    excuse_in = "sentence"

    def find(self, reply) -> str:
        words = str(reply.facts.get("product") or "machine").lower().split()
        product = "(?:" + "|".join(re.escape(w) for w in {" ".join(words), words[-1]}) + ")s?\\b"
        rx = re.compile(self._pattern.replace("PRODUCT", product), re.I)
        return self.first_taken(rx, reply.flat_body)


class ReplacesInstead(Decision):
    """The small-amount rule (lesson 07, W07): a cheap item that cannot be used is refunded at
    once. A new one sent in place of the refund ("we will send you a new keychain") makes the
    buyer wait for another parcel and costs the shop more than the money (issue 28, seventh
    reading). A replacement offered beside the refund, as her choice, is left alone."""

    name = "replaces_instead"
    en = "sends a replacement where the small-amount rule gives a refund (refund it at once)"
    zh = "小金额规则应直接退款，却改为补发或换货"
    rx = re.compile(r"\b(?:resend\w*|re-send\w*|reship\w*|replac\w+|exchange\w*|send (?:you )?"
                    r"(?:a |another )?(?:new|second) (?:one|[\w-]+)|(?:a )?new one|another one)\b",
                    re.I)
    _refund = re.compile(r"\b(?:refund\w*|money back|(?:pay|give|send) (?:you )?(?:the |your |all "
                         r"(?:of )?your )?(?:money|[$€£¥]\s?\d+(?:\.\d+)?|\d+ ?(?:dollars?|usd)) "
                         r"back)\b|退款", re.I)

    def find(self, reply) -> str:
        text = reply.flat_body
        if find_affirmed(self._refund, text):
            return ""
        m = find_affirmed(self.rx, text)
        return m.group(0) if m else ""


class RefusesRemedy(Decision):
    name = "refuses_remedy"
    en = "refuses the refund, compensation or resend the situation calls for"
    zh = "拒绝了这种情况应给的退款、补偿或补发"
    rx = re.compile(r"\b(refunds?|refunding|money back|resend|re-send|reship|replace\w*|"
                    r"compensat\w*|exchange|send (?:you )?(?:a )?new one)\b", re.I)

    after = re.compile(r"\b(?:refunds?|compensation|returns?|exchanges?|replacements?)\b[^.,;!?]{0,30}"
                       r"\b(?:(?:is|are) not (?:possible|available|accepted|allowed)|impossible)\b",
                       re.I)

    def find(self, reply):
        m = find_denied(self.rx, reply.flat_body)
        if m:
            return reply.flat_body[max(0, m.start() - 25):m.end()].split(".")[-1].strip()
        m = self.after.search(reply.flat_body)
        return m.group(0) if m else ""
