"""Wrong decisions a polite reply can still take, each a small class.

A situation (course.writing.situations) names the decisions it rules out; ``asks_again`` is
ruled out everywhere. Each decision reads the reply by meaning: a phrase denied in its own
clause ("we cannot meet tomorrow") is not the decision, a request in a question is a request.
"""
from __future__ import annotations

import re

import course.writing.patterns as P
from course.writing.text import (
    clause_before,
    find_affirmed,
    find_denied,
    is_question,
    negated,
    push_denied,
    sentence_at,
)


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
        for m in rx.finditer(text):
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


class AgreesToMeet(Decision):
    name = "agrees_to_meet"
    en = "agrees to the rushed meeting or gives the office address before checking the buyer"
    zh = "未核实买家就同意仓促见面或提供办公地址"
    rx = re.compile(r"\b(?:(?:happy|glad|able|ready) to |can |will |could )?(?:meet|see) (?:you|"
                    r"with you)\b[^.?!]{0,30}\b(?:tomorrow|today|tonight|this week)\b|"
                    r"\bsee you (?:tomorrow|today|there|at)\b|\bour (?:office|factory|company)"
                    r"(?: address)? is (?:at|in|on)\b|\bour (?:office |factory |company )?"
                    r"address is\b|\bsign the contract\b|\bsend (?:you )?the contract\b|"
                    r"\b(?:come|welcome) to (?:visit )?our (?:office|factory)\b|\bwelcome to "
                    r"visit\b|"
                    # agreeing to meet soon, in other words: "of course we can meet this week",
                    # "we will be happy to meet you in Guangzhou within 3 days"
                    r"\b(?:can|will|could|shall|happy to|glad to|able to|ready to|let'?s|let us) "
                    r"(?:meet(?! (?:your|the|our) (?:needs|requirements?|deadline|standards?))|see you)\b[^.?!]{0,40}?\b(?:tomorrow|today|tonight|this (?:week|"
                    r"weekend)|next (?:week|monday|tuesday|wednesday|thursday|friday)|within \d+ "
                    r"days?|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|in (?-i:[A-Z])"
                    r"[a-z]+)\b|\b(?:manager|boss|director|i|we) (?:will be|is|am|are) free (?:on|"
                    r"at|tomorrow|this)\b|"
                    # brief 22w12: going to the buyer ("our manager will come to your hotel
                    # tomorrow", "we can pick you up at the airport", "meet you at your hotel")
                    r"\b(?:come|go|visit|drive|pick you up|meet you)\b(?: to)?(?: at| in)? (?:your|the) "
                    r"(?:hotel|airport|lobby|restaurant|cafe|café|station)\b", re.I)

    # a meeting offered only once the buyer is checked is not the rushed meeting
    excuse = re.compile(r"\b(?:after|once|when) (?:we|you) (?:have )?(?:get|got|receive\w*|"
                        r"check\w*|verif\w*|confirm\w*|send|sent)\b", re.I)
    excuse_in = "sentence"


# brief 22d: giving in to the suspicious buyer's "free samples of all your models" (the lesson's
# normal process is a paid sample of one or two chosen models): "we will send free samples of
# all our models this week", "samples of every model free of charge", "all 20 samples today"
GIVES_ALL_SAMPLES = Decision(
    "gives_all_samples",
    "gives in to the demand for samples of every model (the normal process: a paid sample of "
    "one or two chosen models)",
    "答应寄送所有型号的样品（正常流程：先寄一两款所选型号的付费样品）",
    re.compile(r"\bsamples? of (?:all|every|each)(?: of)? (?:our |your |the |its )?(?:\w+ )?"
               r"(?:models?|products?|items?|designs?|styles?|mats?)\b|\b(?:all|every|each)(?: of)? "
               r"(?:our |the |your )?(?:\d+ )?(?:models?|products?|items?) (?:as )?(?:free )?"
               r"samples?\b|\ball (?:\d+ )?(?:of (?:the|our) )?(?:free )?samples\b", re.I))
GIVES_ALL_SAMPLES.excuse = re.compile(r"\b(?:cannot|can'?t|can not|unable|not possible|do not|"
                                      r"don'?t|no free)\b", re.I)
GIVES_ALL_SAMPLES.excuse_in = "sentence"

_CARRIER = (r"(?:the |your (?:local )?)?(?:carrier|courier|post office|delivery company|shipping "
            r"company|logistics company|" + P.CARRIERS.pattern[3:-3] + r")")


SENDS_TO_CARRIER = Decision(
    "sends_to_carrier",
    "sends the buyer to the carrier (the seller follows up with the carrier and gives the remedy)",
    "让买家自己去找承运商（应由卖家跟进承运商并给出解决方案）",
    re.compile(r"\b(?:please|you (?:can|could|should|need to|have to|must|may))\s+(?:\w+\s+)?"
               r"(?:contact|call|ask|write to|complain to|check with)\s+" + _CARRIER + r"\b|"
               r"(?:^|(?<=[.!?] ))(?:contact|call) " + _CARRIER + r"\b|"
               r"\b(?:please|you (?:can|could|should|need to|have to|must|may))\s+(?:\w+\s+)?"
               r"(?:open|file|make|start|submit) a claim\b", re.I))


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
    rx = re.compile(r"\b(?:send|post|return|ship|mail) (?:the [\w-]+(?: [\w-]+)? |it |them |this )?"
                    r"back\b|\b(?:send|return|ship) (?:the [\w-]+(?: [\w-]+)?|it|them) to (?:us|our|"
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
                    r"\ba replacement(?! (?:part|needle|plate|belt|cable))\b")
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


CHARGES_BUYER = Decision(
    "charges_buyer",
    "makes the buyer pay for the shop's own problem (a fee kept, only part of the money back)",
    "让买家为店铺自己的问题付费（扣手续费、只退部分货款）",
    re.compile(r"\brefund (?:you )?(?:only )?(?:\d{1,2}%|half)(?! ?off\b)|\b(?:the |a |our )?(?:platform |"
               r"service |handling |cancell?ation |bank )?fees? (?:can(?:not|'t| not)|will not|"
               r"won'?t) be (?:returned|refunded|paid back)\b|\b(?:minus|less|except) "
               r"(?:the |a )?(?:platform |service |handling |cancell?ation |shipping )?fee\b|"
               r"\b(?:pay|charge you) (?:a |the )?(?:\d+% )?(?:cancell?ation|handling|"
               r"restocking) fee\b|"
               # a fee kept back, or the return paid by the buyer, for the shop's own mistake
               # ("we keep a 20% restocking fee", "the return shipping is paid by the buyer")
               r"\b(?:keep|keeps|deduct|deducts|take off|charge) (?:a |the |an? )?(?:\d+% )?"
               r"(?:restocking|handling|cancell?ation|service|return) fee\b|\breturn (?:shipping|"
               r"postage|delivery|freight)(?: costs?| fees?)? (?:is|are|will be|must be) (?:paid|"
               r"covered|borne) by (?:the buyer|the customer|you)\b|\byou (?:will )?(?:need to |have "
               r"to |must )?(?:pay|cover) (?:for )?the return (?:shipping|postage|costs?|fees?)\b|"
               # "send it back at your own cost" for the shop's own mistake (seventh reading)
               r"\bat your (?:own )?(?:cost|expense)\b",
    re.I))


# the lesson's small-amount rule: a cheap item that cannot be used is refunded at once; making
# the refund wait for a photo or a video ("please send us a video, then we refund $20") is the
# wrong decision there (a situation that needs evidence, such as a return, does not rule it out)
PROOF_FIRST = Decision(
    "proof_first",
    "makes a small refund wait for a photo or video (refund a small amount at once)",
    "让小额退款等待照片或视频（小额问题应直接退款）",
    # round 7: the proof asked for after another thing ("send us your order number and a
    # video showing it does not work, then we will refund")
    re.compile(r"\b(?:send|give|show)(?: us| me)? (?:[\w,-]+ ){0,5}?(?:a |the |some |your )?(?:short )?"
               r"(?:video|photos?|pictures?)\b[^.?!]{0,40}?\b(?:then|first|before)\b[^.?!]{0,30}?"
               r"\brefund|"
               r"\brefund\w*\b[^.?!]{0,40}?\b(?:after|once|when|if) (?:we (?:see|receive|get|"
               r"check)|you (?:send|give|show))(?: us| me)? (?:a |the |your )?(?:video|photos?|"
               r"pictures?)\b|\b(?:after|once|when) (?:we (?:see|receive|get|check)|you (?:send|give|"
               r"show))(?: us| me)? (?:a |the |your )?(?:video|photos?|pictures?)\b[^.?!]{0,40}?"
               r"\brefund", re.I))
# the refund is still given, so the reply is weak rather than unacceptable (the cap of a reply
# that takes none of the right decisions, 50, not the wrong-decision cap)
PROOF_FIRST.cap = "no_decision"


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


NO_CHOICE_MADE = Decision(
    "no_choice",
    "lists products or sends the buyer to the shop instead of choosing one for them",
    "罗列商品或让买家自己去店里挑，而不是为对方选定一款",
    re.compile(r"\b(?:choose|pick|select|find) (?:the one|one|any|whichever|what|something)\b"
               r"[^.]{0,20}\byou (?:like|want|prefer)\b|\b(?:visit|look at|browse|check) "
               r"our (?:shop|store|website|catalog(?:ue)?)(?: page)?\b[^.]{0,30}\b(?:choose|"
               r"pick|select|find)\b|\bwe have (?:many|lots of|a lot of|several|different) "
               r"[^.:]{0,40}(?::|\bfrom [$€£¥]?\d)",
    re.I))


# round 7: two sizes left to the buyer ("you can choose L or maybe XL", "order two sizes, M and
# L, and send back the one that does not fit") instead of the one the chart gives; a size
# between two ("between M and L, so take L") or the sizes a shop has ("we have S, M and L") are
# information
_SIZE_RX = r"(?-i:XXS|XS|XXL|XXXL|XL|S|M|L)"
TWO_SIZES = Decision(
    "two_sizes",
    "leaves two sizes to the buyer instead of recommending the one the chart gives",
    "让买家在两个尺码之间自己选，而不是按尺码表推荐一个",
    re.compile(rf"\b(?:sizes? )?{_SIZE_RX},? (?:or|and) (?:maybe |perhaps |even |also )?(?:size )?"
               rf"{_SIZE_RX}\b", re.I))
TWO_SIZES.excuse = re.compile(r"\b(?:between|have|has|available|comes? in|from|stock)\b", re.I)


BREAKS_PRICE_PROMISE = Decision(
    "price_may_change",
    "will not hold the price the task gives (it 'may change')",
    "不保证任务给出的价格（“价格可能会变”）",
    re.compile(r"\b(?:price|prices|it) (?:may|might|could|can|will) (?:change|go up|rise|be "
               r"different)\b|\bdepends? on the exchange rate\b|\b(?:cannot|can'?t|can not) "
               r"(?:promise|guarantee|keep|fix) (?:the|this|our|a) (?:same )?price\b|\btell "
               r"you the new price\b", re.I))


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


# brief 22s (W04 Marek): a holding reply says the mail is received, checked, and when the answer
# comes; the answer it waits for, stated before the factory has given it ("The material is
# polyester and we do not have a test report"), is made up: weak, the cap of a reply without
# the right decision
ANSWERS_UNCHECKED = Decision(
    "answers_unchecked",
    "gives the answer it is still waiting for (the material, the report) before it is checked",
    "在核实之前就给出了还在等待的答复（材料、检测报告）",
    re.compile(r"\b(?:material|fabric) (?:is|are) (?!being\b|checked\b|not known\b)(?:made of |a |"
               r"\d+% ?)?[a-z]+|\b(?:is|are) made (?:of|from) [a-z]+|\b(?:do not|don'?t|does "
               r"not|doesn'?t) have (?:a |any |the )?(?:test |lab )?(?:reports?|certificates?)\b|"
               r"\bhave no (?:test |lab )?(?:reports?|certificates?)\b|\bthere is no (?:test |lab )?"
               r"(?:report|certificate)\b", re.I))
ANSWERS_UNCHECKED.cap = "no_decision"
# a question passed on is no answer: "we are asking the factory what the material is made of"
ANSWERS_UNCHECKED.excuse = re.compile(r"\b(?:what|whether|if|which|how|ask\w*|check\w*)\b", re.I)


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


ACTS_WITHOUT_ASKING = Decision(
    "acts_without_asking",
    "cancels or changes the order without asking the buyer first",
    "未征求买家意见就取消或更改订单",
    re.compile(r"\b(?:we|i) (?:have|'ve) (?:already )?(?:cancel(?:l)?ed|refunded|changed)\b|"
               # "we cancelled your order and refunded you" without asking her (brief 22d)
               r"\b(?:we|i) (?:already |just )?cancel(?:l)?ed (?:your|the|this) order\b|"
               r"\b(?:order|it) (?:has been|was|is|will be) (?:automatically )?cancel(?:l)?ed\b",
    re.I))


PRESSURES_PAYMENT = Push(
    "pressures_payment",
    "presses for payment instead of asking whether something stopped the buyer",
    "只催促付款，没有询问买家是否遇到问题",
    re.compile(r"\b(?:complete (?:the|your) payment|pay(?: for it| the order)?)\s+"
               r"(?:today|now|immediately|at once|as soon as possible)\b|\bprice will "
               r"(?:go up|increase)\b|\bpay as soon as possible\b|\bbuy (?:it |them |one |(?:our|the) "
               r"\w+ )?(?:now|today)\b", re.I))  # "Buy now!" in a follow-up presses too


# a request to the buyer, not a statement about the shop ("please order quickly", not "we ship
# your order quickly")
_IMPERATIVE = (r"(?:\bplease |\byou (?:should|must|need to|have to) |(?:^|(?<=[.!?] ))"
               r"(?:so )?)")

# brief 22w12: a threat, in any situation: the order, the price or the goods taken away unless
# the buyer acts at once ("if you do not pay within 24 hours, we will cancel your order",
# "confirm today, or we cannot keep this price", "otherwise we cannot keep the mat for you").
# An end date the facts give, said as a fact ("the 10% discount ends on Friday"), a cut-off
# ("order before 5 pm and we ship today") and the buyer's own choice ("if you have changed
# your mind, we will cancel it") are no threat.
_ACT = r"(?:pay|order|confirm|buy|decide|reply|answer|respond|complete)"
_LOSS = (r"(?:cancel\w*|release\w*|sell (?:it|them)|sold|lose|lost|go up|increase|gone|expire\w*|"
         r"(?:cannot|can'?t|can not|will not|won'?t) (?:keep|hold|reserve|guarantee|offer|give))")
THREATENS = Push(
    "threatens",
    "threatens the buyer: the order, the price or the goods taken away unless they act at once",
    "威胁买家：不立刻行动就取消订单、涨价或卖给别人",
    re.compile(r"\bif you (?:do not|don'?t|did not|didn'?t|cannot|can'?t|fail to) " + _ACT +
               r"\b[^.?!]{0,50}?\b" + _LOSS + r"|" + _IMPERATIVE + _ACT + r"\b[^.?!]{0,50}?(?:,? or|"
               r"[,;]? otherwise|,? or else)\b[^.?!]{0,30}?\b" + _LOSS, re.I))
# an order cancelled with the money given back is the buyer's default, not a loss held over her
# ("please reply by Friday; otherwise we will cancel the order and refund you in full")
THREATENS.excuse = re.compile(r"\brefund\w*|\bmoney back\b", re.I)
THREATENS.excuse_in = "sentence"


# brief 22r: "Buy it now!" presses the buyer in every situation (W05 Kanya's win-back mail, as
# W01's follow-up); where the situation already rules out pressure, that decision names it
PUSHES_TO_BUY = Push(
    "pushes_to_buy",
    "pushes the buyer to buy at once ('Buy it now!') instead of leaving the choice to them",
    "催促买家立刻购买（如“马上买！”），而不是让买家自己决定",
    re.compile(r"\bbuy (?:it |them |one |more |some |(?:our|the|this|a) (?:\w+ ){0,3}?)?"
               r"(?:now|today|right (?:now|away)|immediately|at once)\b", re.I))
PUSHES_TO_BUY.covered_by = ("fake_urgency", "pressures_payment")
# the buyer's own wish: "if you want to buy it now, just reply", "you can buy it today"
PUSHES_TO_BUY.excuse = re.compile(r"\b(?:if|when|whenever|should) you\b|\b(?:want|wish|like|"
                                  r"decide|able|ready) to\s*$|\byou can\s*$|\bno need\b", re.I)


# brief 22r (W07 Ines): a small flaw the buyer can live with gets a small partial compensation;
# the whole price back ("a full $17 refund" where $4 is right) gives too much: a decision, not a
# wrong fact
GIVES_TOO_MUCH = Decision(
    "gives_too_much",
    "gives the whole price back where a small partial compensation is the remedy",
    "对可以接受的小瑕疵退还全款（应给少量部分补偿）",
    re.compile(r"\bfull (?:[$€£¥]\s?\d+(?:\.\d+)? )?refund\b|\brefund\w* (?:you )?(?:in full|"
               r"(?:the |your )?(?:full|whole|entire) (?:price|amount|sum|cost|payment))\b|"
               # brief 22w12: the whole sum named by its value ("refund you the whole $25 you
               # paid", "give you back the full $17")
               r"\b(?:refund\w*|give|pay|send|return)(?: you)?(?: back)? (?:the |your )?(?:full|"
               r"whole|entire) [$€£¥]\s?\d+|"
               r"\b(?:all|every cent) (?:of )?(?:your |the )?money(?: back)?\b|\b(?:full|whole|"
               r"entire) (?:price|amount) back\b|\bmoney back in full\b", re.I))


# brief 22d: a bargaining buyer turned away with a last word ("This is our final price.", "the
# price is not negotiable"): the lesson keeps the talk open (W06's warm-up marks it wrong)
CLOSES_THE_TALK = Decision(
    "closes_the_talk",
    "closes the bargaining with a last word ('final price') instead of keeping the talk open",
    "用“最终价格”之类的话结束议价，而不是保持沟通",
    re.compile(r"\b(?:this|that|it|the price|\$?\d[\d.,]*) is (?:(?:our|the|my) )?(?:final|last) "
               r"(?:price|offer)\b|\bprices? (?:is|are) (?:final|not negotiable|non-negotiable)\b|"
               r"\b(?:the )?price is fixed\.", re.I))

# a clock time or a day after "before" is a shipping cut-off, not pressure ("order today before
# 5 pm and we ship it tomorrow": the next step with a time; issue 28, seventh reading)
_CUTOFF = (r"(?! before (?:\d{1,2}(?:[:.]\d{2})? ?(?:[ap]\.?m\b|o'?clock)|\d{1,2}:\d{2}|noon|"
           r"midnight|\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
           r"nov|dec)\w*))")

# "order today" bound to when the goods ship ("Order today, ship tomorrow.", "order now and it
# arrives before your trip") states honest timing, the next step with a time, not pressure (the
# fourteenth student reader: Carlos's note was told it "pushes with pressure"; brief 22sn)
_SHIPS_NEXT = (r"(?!,? (?:and |so |then )?(?:we |it |they |i |you )?(?:will |'ll |can |could )?"
               r"(?:ship|send|dispatch|post|deliver|arriv|leave|get it|receive)\w*)")

FAKE_URGENCY = Push(
    "fake_urgency",
    # no number in the example: a draft that says "only 3 left" was told "only 2 left" (brief 22d)
    "pushes with pressure or scarcity the task does not give (hurry, last chance, only a few left)",
    "用任务中没有的紧迫感或稀缺感施压（赶快、最后机会、仅剩几件）",
    re.compile(r"\bhurry\b|\bact (?:now|fast|quickly)\b|\bbuy (?:it |them |one |more |some )?"
               r"(?:now|today)\b" + _SHIPS_NEXT + r"|"
               # not a shipping cut-off ("if you order today before 5 pm, we ship it tomorrow":
               # the next step with a time, seventh reading)
               r"\border (?:now|today)(?= before\b)" + _CUTOFF + r"|"
               # "Please order today." (not "if you order today, it ships on Monday"; brief 22e)
               r"(?<!if you )(?<!when you )\b(?:please )?order (?:it |them )?(?:now|today)\b(?! and )"
               + _SHIPS_NEXT + _CUTOFF + r"|\bonly (?:for )?(?:today|tonight)\b|\btoday only\b|"
               r"\blast chance\b|\bonly \d+ (?:\w+ )?(?:left|remaining)\b|"
               r"\b(?:almost|nearly) (?:sold out|gone)\b|\bselling (?:out )?fast\b|\bbefore it'?s "
               r"(?:gone|too late)\b|\bdon'?t miss (?:out|this|it)\b|\bonce in a lifetime\b|"
               r"\beveryone is buying\b|\bprices? will (?:go up|double|rise|increase)\b|"
               r"\b(?:limited|few) (?:pieces|stock) left\b|\bnow or never\b|\bfinal hours\b|"
               # brief 22w12: scarcity in other words ("stock is very limited", "the stock will
               # not last long", "before it is sold out") and a push to be quick with no reason
               # the facts give ("please order quickly"); an end date the task gives is no push
               r"\b(?:stocks?|supply|quantit(?:y|ies)) (?:is|are) (?:very |quite |extremely )?"
               r"(?:limited|low|running out)\b|\b(?:will not|won'?t|may not|might not) last "
               r"long\b|\bbefore (?:it|they) (?:is |are |'s |'re )?(?:sold out|gone)\b|\brunning out\b|" +
               _IMPERATIVE + r"(?:order|decide|pay|buy|reply|confirm) (?:it |them |very )?(?:quickly|"
               r"fast|right away|immediately|at once)\b", re.I))
# brief 22e: pressure denied with "no need": "No need to hurry.", "there is no need to buy today"
# ("no need to" is not a denial of what follows elsewhere: "no need to send it back")
FAKE_URGENCY.excuse = re.compile(r"\bno (?:need|rush)\b|\bneed(?:n'?t| not)\b|"
                                 r"\b(?:do not|don'?t) (?:need|have) to\b", re.I)


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


#: money or a gift for a review, in any situation: platforms forbid it (lessons 08, W08)
TRADES_FOR_REVIEW = Decision(
    "trades_for_review",
    "offers money or a gift for a good review, or for changing one (platforms forbid it)",
    "用金钱或礼物换取好评或修改评价（平台禁止）",
    re.compile(r"\bif you (?:leave|give|write|post|change|update|edit|remove|delete|improve)\b"
               r"[^.?!]{0,40}\b(?:review|rating|feedback|stars?)\b|"
               r"\b(?:for|in return for|after) (?:a |your )?(?:5|five)[- ]stars?\b|"
               r"\b(?:review|rating|feedback)\b[^.?!]{0,30}\b(?:and|then) (?:we|i) (?:will )?"
               r"(?:refund|pay|send|give)\b", re.I))


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
            return (f"Change the decision: the reply writes like spam, with words in capitals "
                    f"({words}). Write them in small letters.",
                    f"请修改决定：回复写得像垃圾信息，整词大写（{words}）。请改用小写。")
        n = reply.flat.count("!")
        return (f"Change the decision: the reply writes like spam, with {n} exclamation marks "
                "close together. Keep one at most, after the wishes.",
                f"请修改决定：回复写得像垃圾信息，{n} 个感叹号挤在一起。最多保留一个，放在祝福之后。")


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


# brief 22w12: the shop's normal process with an unchecked buyer is a PAID sample (lesson 05,
# W03): any sample given free ("we will send you free samples this week", "a free sample of
# each size", "samples free of charge") gives in to the pressure; "no free samples" or "the
# sample is not free" is the process
FREE_SAMPLE = Decision(
    "free_sample",
    "promises a free sample (the normal process is a paid sample of the chosen model)",
    "答应免费寄样（正常流程是所选型号的付费样品）",
    re.compile(r"\bfree (?:\w+ )?samples?\b|\bsamples?\b[^.?!]{0,30}\b(?:for free|free of charge|"
               r"at no (?:cost|charge)|at our (?:cost|expense))\b|\b(?:pay|cover) (?:for )?(?:the )?"
               r"samples?(?: cost| fee)? for you\b", re.I))
FREE_SAMPLE.excuse = re.compile(r"\b(?:cannot|can'?t|can not|unable|not possible|do not|don'?t|"
                                r"does not|doesn'?t|no|not|never|without)\b|"
                                # the buyer's wish reported is no promise: "you want free
                                # sample", "you asked for free samples" (w03 Yara; brief 22cp)
                                r"\b(?:you|they|the buyer) (?:only |just )?(?:want|wanted|ask|"
                                r"asked|request|requested|are asking|were asking)\b", re.I)


class FreePricedSample(Decision):
    """A sample given free where the task gives its price (W04 Kowalski's $15 sample): the
    shop's offer is the paid sample, so "we will send you a free sample" gives away what the
    facts sell (brief 22w12). Read only where the task gives ``sample_price``."""

    name = "free_priced_sample"
    en = "gives free the sample the task sells (a sample price is given)"
    zh = "把任务中收费的样品改为免费（任务给出了样品价格）"
    rx = FREE_SAMPLE.rx
    excuse = FREE_SAMPLE.excuse

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


# brief 22w12: another product sent in place of the one ordered without asking ("we will send
# you 20 of a different mat instead"), where the buyer chooses; offered as her choice ("if you
# prefer", "would you like") it is left alone
SUBSTITUTES = Decision(
    "substitutes",
    "sends another product in place of the one ordered without asking the buyer",
    "未征求买家意见就用其他商品代替所订商品",
    re.compile(r"\b(?:we|i) (?:will|'ll|have|are going to|shall) (?:\w+ )?(?:send|ship|sent|shipped)\w* "
               r"(?:you )?[^.?!]{0,30}\b(?:different|another|other|similar)\b[^.?!]{0,30}\binstead\b",
               re.I))
SUBSTITUTES.excuse = re.compile(r"\bif you\b|\bwould you\b|\bdo you\b|\bprefer\b|\bcan (?:we|i)\b|"
                                r"\?", re.I)
SUBSTITUTES.excuse_in = "sentence"


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
        """(en, zh) of the advice, or None for the usual 'Change the decision'."""
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
