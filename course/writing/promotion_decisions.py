"""Wrong decisions of the shop's own letters (lesson 10) and of the platform's rules that read
the letter otherwise than by one pattern: the buyer taken off the platform (but for the app she
writes on), a letter that shouts like spam, a greeting that is an advert or puts the offer
before the wishes. A review traded for a reward is an entry of decisions.yaml.
"""
from __future__ import annotations

import re

from course.writing.decision_base import Decision
from course.writing.text import negated


class LeadsOffPlatform(Decision):
    """Taking the buyer off the platform; the app the buyer writes on (the task's ``channel``
    fact: W02's Ashley writes on WhatsApp) is where the shop answers, not a way out."""

    def find(self, reply) -> str:
        channel = re.sub(r"\s+", "", str(reply.facts.get("channel") or "")).lower()
        text = reply.flat_body
        for m in self.rx.finditer(text):
            if channel and channel in re.sub(r"\s+", "", m.group(0)).lower():
                continue
            if not negated(text, m.start()) and not self.excused(text, m):
                return m.group(0)
        return ""


LEADS_OFF_PLATFORM = LeadsOffPlatform(
    "off_platform",
    "takes the buyer off the platform (a chat app, a phone number, a link or direct payment)",
    "把买家引到平台之外（聊天软件、电话号码、链接或私下付款）",
    re.compile(r"\b(?:whats ?app|wechat|telegram|skype|viber|signal app)\b|https?://\S+|"
               r"\bwww\.\S+|\b[\w.-]+\.(?:com|net|shop|store|cn)\b(?!\w)|\+\d[\d -]{7,}\d|"
               r"\b(?:my|our) (?:personal |private )?(?:phone|mobile|number|e-?mail address)\b|"
               r"\b(?:pay|paying|payment) (?:me |us )?(?:directly|outside|by bank transfer to)\b|"
               r"\boutside (?:the|this) (?:platform|app|site|store)\b|\b(?:add|contact) me on\b|"
               # brief 22w12: an e-mail address, or mail "directly" ("email me directly at ...")
               r"\b[\w.+-]+@[\w-]+\.\w+|\b(?:e-?mail|call|text|message) (?:me|us) directly\b", re.I))


class ShoutsLikeSpam(Decision):
    name = "spam_style"
    en = "writes like spam: words in capitals or exclamation marks close together"
    zh = "写得像垃圾信息：整词大写或一连串感叹号"
    cap = "tone"
    _caps = re.compile(r"\b[A-Z]{3,}\b")
    _bangs = re.compile(r"!{2,}|(?:![^!]{0,40}){3,}")
    #: capitals that are names, not shouting (currencies, carriers, units)
    _names = frozenset("USD EUR GBP CNY RMB DHL EMS UPS USPS TNT LED USB UV400 SKU FAQ PDF "
                       "UK US USA UAE EU ASAP".split())

    def _shouts(self, reply) -> list[str]:
        return [w for w in self._caps.findall(reply.flat) if w not in self._names]

    def find(self, reply):
        shout = self._shouts(reply)
        if len(shout) >= 2:
            return " ".join(dict.fromkeys(shout[:3]))
        m = self._bangs.search(reply.flat)
        return m.group(0)[:12] if m else ""

    def label(self, reply) -> tuple[str, str]:
        """What the reply did, capitals or exclamation marks (en, zh), for the cap's line."""
        if len(self._shouts(reply)) >= 2:
            return "writes like spam: words in capitals", "写得像垃圾信息：整词大写"
        return ("writes like spam: exclamation marks close together",
                "写得像垃圾信息：感叹号挤在一起")

    def advice(self, reply):
        """The advice names what the reply did, capitals or exclamation marks (issue 28, the
        twentieth student reader: "capitals or a row of exclamation marks" on a greeting with
        neither a capital word nor two marks side by side)."""
        shout = list(dict.fromkeys(self._shouts(reply)))
        if len(self._shouts(reply)) >= 2:
            words = ", ".join(f"'{w}'" for w in shout[:3])
            return (f"Do not do this: the reply writes like spam, with words in capitals "
                    f"({words}). Write them in small letters.",
                    f"请不要这样做：回复写得像垃圾信息，整词大写（{words}）。请改用小写。")
        n = reply.flat.count("!")
        # "after the wishes" only where the reply has wishes (the twenty-fifth student reader:
        # said on a new-arrival note and an offer, which have none)
        wishes = OfferBeforeWishes._wishes.search(reply.flat)
        return (f"Do not do this: the reply writes like spam, with {n} exclamation marks "
                f"close together. Keep one at most{', after the wishes' if wishes else ''}.",
                f"请不要这样做：回复写得像垃圾信息，{n} 个感叹号挤在一起。最多保留一个"
                f"{'，放在祝福之后' if wishes else ''}。")


class GreetingIsAnAdvert(Decision):
    name = "advert_greeting"
    en = ("turns the greeting into an advert (two sales phrases or more, or an offer the task "
          "does not give)")
    zh = "把节日问候写成了广告（两处及以上推销用语，或任务中没有的优惠）"
    # an offer in a greeting: "20% off", "a discount", "a coupon"
    _offer = re.compile(r"\b\d+\s?% (?:off|discount)\b|\bdiscount\b|\bcoupon\b|\bspecial "
                        r"(?:price|offer)\b|\bfree shipping\b", re.I)

    def find(self, reply):
        from course.writing.patterns import PITCH

        pitches = list(dict.fromkeys(m.group(0) for m in PITCH.finditer(reply.flat_body)))
        if len(pitches) >= 2:
            return ", ".join(pitches)
        if reply.facts.get("discount") in (None, ""):  # "no offer this time": any offer is one
            m = self._offer.search(reply.flat_body)
            return m.group(0) if m else ""
        return ""


class OfferBeforeWishes(GreetingIsAnAdvert):
    """A holiday greeting that opens with the offer ("Our mugs are 10% off until 31 October,
    please order soon! Also, happy Thanksgiving"): the wishes come first, the offer is one line
    after them. Weak rather than unacceptable: the cap of a reply without the right decision."""

    name = "offer_first"
    en = "opens the greeting with the offer (the wishes come first, the offer is one line after)"
    zh = "节日问候以优惠开头（应先送祝福，优惠只作为后面的一句）"
    cap = "no_decision"
    _wishes = re.compile(r"\b(?:happy|merry|wish\w*|greetings|mubarak)\b", re.I)

    def find(self, reply):
        first = reply.sentences[0] if reply.sentences else ""
        m = self._offer.search(first)
        if m and not self._wishes.search(first):
            return m.group(0)
        # or after an opening line with no wishes ("Big news! Our mugs are 10% off ... Happy
        # Thanksgiving!"): the offer comes before the wishes
        offer, wishes = self._offer.search(reply.flat_body), self._wishes.search(reply.flat_body)
        return offer.group(0) if offer and wishes and offer.start() < wishes.start() else ""
