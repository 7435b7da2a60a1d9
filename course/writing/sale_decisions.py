"""Wrong decisions before and around a sale: a rushed meeting, samples given free or refused,
no choice or two sizes left to the buyer, a price promise broken, a discount made up, an answer
given before it is checked, a delivery time not promised, the talk closed, a discount or an
arrival promised that the facts do not give.
"""
from __future__ import annotations

import re

from course.writing.decision_base import Decision
from course.writing.text import sentence_at


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


# brief 22d: a bargaining buyer turned away with a last word ("This is our final price.", "the
# price is not negotiable"): the lesson keeps the talk open (W06's warm-up marks it wrong)
CLOSES_THE_TALK = Decision(
    "closes_the_talk",
    "closes the bargaining with a last word ('final price') instead of keeping the talk open",
    "用“最终价格”之类的话结束议价，而不是保持沟通",
    # "our best and final price" (brief 22d: W06's warm-up teaches it, the twenty-third readers)
    re.compile(r"\b(?:this|that|it|the price|\$?\d[\d.,]*) is (?:(?:our|the|my) )?"
               r"(?:(?:best|lowest) and )?(?:final|last) "
               r"(?:price|offer)\b|\bprices? (?:is|are) (?:final|not negotiable|non-negotiable)\b|"
               r"\b(?:the )?price is fixed\.", re.I))


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
