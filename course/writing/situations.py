"""The situations a reply answers, one table: facts, moves, right and wrong decisions, words.

Adding a situation is one :class:`Situation` entry here plus the bank data (a reply task with
``situation: <name>`` and its ``facts``). The table is validated when the reviewer loads
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
from dataclasses import dataclass

from .patterns import MONTHS, PRODUCT


@dataclass(frozen=True)
class Move:
    """One thing a full answer does: its points, how it is found, what it is (en, zh)."""

    name: str
    weight: int
    find: str
    en: str
    zh: str
    only_with: str = ""  # counted only when the task gives this fact
    unless: str = ""  # not counted when the task gives this fact (it is known already)


@dataclass(frozen=True)
class Situation:
    """One kind of buyer message and what a full answer to it does."""

    name: str
    answers: str  # words that show the reply answers this buyer (relevance)
    moves: tuple
    right: tuple = ()  # move names: a reply makes at least one of these decisions
    wrong: tuple = ()  # decision names (course.writing.decisions) that this situation rules out
    facts: tuple = ()  # the fact fields a task of this situation gives
    apology_due: bool = False
    pitch_ok: bool = False  # new products and offers are the task, not a sales pitch
    next_step: bool = True  # a letter of this kind says what happens next (not a greeting)
    # a short letter is what this kind asks (a holding reply, a greeting): it is "brief" only
    # under the rubric's brief_words (the teachers of the tuning sets gave 80 to 20-25 words)
    short_ok: bool = False
    words: tuple = (40, 160)
    # claims that belong to another step of the same shop ("thank you for your payment" to a
    # buyer who has not paid): a reply that makes one is written for another case
    not_now: str = ""
    # tasks of this kind give no sum of money: an amount the reply states is made up
    no_amounts: bool = False
    # the move the task asks for first, without which the letter misses its point (a new
    # arrival told to a customer who is not told why she hears about it): missing, it caps
    # the reply below the pass (the rubric's "misses_first" cap; brief 22e)
    first: str = ""

    def move(self, name: str) -> Move:
        return next(m for m in self.moves if m.name == name)


_WHEN = "time"
# the buyer's answer asked for in few words (brief 22g, W08 Umar): "Let me know." or "Please let
# us know." as a sentence of its own (not "if you have any questions, let us know"), "tell me
# which you prefer", "let us know your choice"
ANSWER_ASKED = (r"(?<![\w,;] )(?<![\w,;])\b(?:please,? )?let (?:us|me) know(?:,? please| soon)?"
                r"(?=\s*(?:[.!]|$))|\b(?:tell|let) (?:me|us)(?: know)? (?:which (?:one )?you "
                r"(?:prefer|want|like|choose|would like)|your (?:choice|decision|answer))\b")
# the buyer asked whether she is willing, in other words (issue 28, the eighteenth readers:
# "Would you be happy to have it fixed nearby?"): "would you be happy/willing/OK to have it
# repaired?", "are you happy with a $40 refund?", "would a refund of $80 work for you?". Not a
# request in the same words ("would you be happy to send a video?" asks for the video).
_ASKED = r"send|share|tell|give|confirm|provide|upload|attach|take|film|record|show|make|check|try"
WILLING = (r"\b(?:would|will|are|were) you be (?:happy|willing|ok(?:ay)?|fine|glad|comfortable|all right)"
           r" (?:with|if|to (?!(?:" + _ASKED + r")\b))[^.?!]{0,80}\?|"
           r"\bare you (?:happy|willing|ok(?:ay)?|fine|comfortable|all right) (?:with|if|to (?!(?:"
           + _ASKED + r")\b))[^.?!]{0,80}\?|"
           r"\b(?:does|would|will|could|do|can) (?:that|this|it|these|(?:the|this|that|a|an|our) [^.?!]{1,40}?)"
           r" (?:work|suit)s? (?:for )?you\b[^.?!]{0,40}\?|"
           # the rest of the family a teacher reads as "do you agree?": "How does that sound?",
           # "Does this plan sound good?", "Is that alright with you?", "Do you think that is
           # fair?", "Can you agree to this?", "Will that do?", "Is a local repair possible for
           # you?", "Shall we go ahead?", "Do you accept this offer?", "tell us if you agree"
           r"\bhow (?:does|do|would) (?:that|this|it) (?:sound|seem|look)\b[^.?!]{0,20}\?|"
           r"\b(?:does|would|will|do) (?:this|that|the|our) (?:\w+ ){0,2}(?:plan|solution|offer|idea|option|"
           r"arrangement|proposal|refund|repair|way) (?:sound|seem|look)s? (?:fair|"
           r"reasonable|ok(?:ay)?|good|all right|alright|fine)\b[^.?!]{0,40}\?|"
           r"\b(?:is|would) (?:that|this|it) (?:be )?alright\b[^.?!]{0,40}\?|"
           r"\b(?:do|would) you (?:think|say|feel) (?:that|this|it) (?:is|would be|sounds?) (?:fair|"
           r"reasonable|ok(?:ay)?|good|all right|alright|fine|acceptable)\b[^.?!]{0,40}\?|"
           r"\b(?:can|could|will) you (?:agree|accept)\b[^.?!]{0,60}\?|\b(?:do|would) you accept\b[^.?!]{0,60}\?|"
           r"\b(?:will|would) (?:that|this) do\s*\?|"
           r"\b(?:possible|convenient|ok(?:ay)?|fine|acceptable) for you\s*\?|"
           r"\bshall (?:we|i) (?:go ahead|proceed|do (?:that|this|it|so))\b[^.?!]{0,40}\?|"
           r"\b(?:tell|let) (?:us|me)(?: know)? (?:if|whether) you (?:agree|accept|are happy|are ok(?:ay)?)\b")
_ACCEPTABLE = (r"\b(acceptable|is (?:that|this|it) (?:ok(?:ay)?|all right|fine)|(?:can|could|"
               r"will|do) you accept|(?:ok(?:ay)?|"
               r"fine|good) (?:for|with) you|(?:do|would) you agree|if you agree|would you "
               r"(?:like|prefer|accept)|would (?:that|this) be|are you (?:ok|happy) with|can (?:you|your "
               r"\w+) wait|what do you think|how do you feel about (?:it|this|that)|can you "
               r"wait|let (?:us|me) know if|which (?:do|would) you prefer|whichever you prefer|"
               r"(?:would|does|will) (?:that|this|it) suit you|let (?:us|me) know what you think|"
               r"(?:do|would) you mind)\b|"
               # the thing asked about named in a question: "is this short wait all right for
               # your family?", "would this still work for you?", "can we give you $4 back?"
               # round 7: the wait itself as the subject ("would waiting until then still work
               # for your family?", "is the new date fine for you?")
               r"\b(?:is|would|will|does|could) (?:that|this|it|waiting|(?:the|this|that|a) "
               r"(?:short |new |later |longer )?(?:wait|delay|date|plan|solution))(?: \w+){0,4}? (?:ok(?:ay)?|all "
               r"right|fine|acceptable|work\w*|suit\w*)\b[^.?!]{0,40}\?|"
               r"\b(?:can|could|shall|may) (?:we|i) [^.?!]{3,60}\?|"
               # B1 questions without "do" and with "sound" (issue 28, readings 12 and 13):
               # "You agree?", "Does that sound fair?", "Is this fair for you?"
               r"\byou (?:agree|accept)(?: (?:with )?(?:this|that|it|the \w+))?\s*\?|"
               r"\b(?:does|would|will|do) (?:that|this|it|these) (?:sound|seem|look)s? (?:fair|"
               r"reasonable|ok(?:ay)?|good|all right|fine)\b[^.?!]{0,40}\?|"
               r"\b(?:is|would) (?:that|this|it) (?:be )?(?:fair|reasonable)\b[^.?!]{0,40}\?|"
               # a choice asks whether an option suits, "do" left out too: "Which one you
               # prefer?"; a short question ending "ok?": "Local repair ok?", "$4 back, ok
               # for you?" (issue 28, the fourteenth teacher reader)
               r"\bwhich (?:one |option |way )?(?:do |would )?you (?:prefer|like|want|choose)\b[^.?!]{0,30}\?|"
               r"(?:^|(?<=[.!?:] ))(?![^.?!]*\b(?:everything|all|you)\b)(?:[^\s.?!]+,? ){1,5}(?:ok(?:ay)?(?: (?:for|"
               r"with) you)?|(?:fine|good) (?:for|with) you)\s*\?|"
               + WILLING + r"|" + ANSWER_ASKED + r"|可以吗|能接受吗")
# a reply that ends waiting for the buyer's answer or choice has its next step: the buyer's
# answer (brief 22g: "Please let us know." after two offers is not told to say what happens
# next and when)
WAITS_FOR_ANSWER = (ANSWER_ASKED + r"|" + WILLING + r"|\b(?:which (?:one )?(?:(?:do|would) )?you (?:prefer|like|choose)|"
                    r"whichever you prefer|(?:is|would) (?:that|this|it) (?:be )?(?:ok(?:ay)?|all "
                    r"right|fine|acceptable)\b[^.?!]{0,40}\?|acceptable (?:to|for) you|(?:do|would) "
                    r"you agree|what do you think|(?:tell|let) (?:me|us)(?: know)? (?:if|whether) "
                    r"(?:this|that|it) (?:works|suits|is (?:ok(?:ay)?|fine|all right|acceptable))\b|"
                    # what the shop does once the buyer answers: its time is the answer (issue
                    # 28, the nineteenth readers, W03 Farid: "then we can send a quotation and
                    # one sample"; "after we receive your details, we will send our price list")
                    r"(?:\bthen|(?:after|once|when|as soon as) (?:we|i) (?:receive|get|have|see|know)"
                    r" (?:your|the|these|this|them|it)\b[^.?!]{0,40}?),? (?:we|i) (?:can|will|'ll|"
                    r"shall|would) (?:\w+ )?(?:send|ship|prepare|arrange|quote|make|give|offer|start|"
                    r"book|reply|answer|confirm)\w*\b)")
# a refund in plain words too: "we give you all your $9 back", "pay you back"
# money given back in any tense and word order (round 8): "we have paid back all $9 to you",
# "we would like to pay you back $4", "we sent you $9 back"; a past tense only with the money
# named ("the parcel was sent back" is no refund)
_AMT = r"(?:[$€£¥]\s?\d+(?:\.\d+)?|\d+(?:\.\d+)? (?:dollars|usd)|(?:the |your )?money)"
MONEY_BACK = (r"(?:give|gave|given|giving|pay|paid|paying|send|sent|sending|return\w*|transfer\w*) "
              r"(?:you )?(?:back (?:to you )?(?:all |the full |the whole )?(?:of )?(?:your |the )?"
              + _AMT + r"|(?:all |the full |the whole )?(?:of )?(?:your |the )?" + _AMT + r" back)")
# the money said to go back: "Your $20 is on its way back to you in full" (issue 28, the
# thirteenth teacher reader)
_BACK_TO_YOU = (r"(?:all (?:of )?)?(?:your |the )?" + _AMT + r" (?:[^.!?]{0,40}? )?(?:is|are|will be|has been|was|goes|"
                r"will go) (?:on (?:its|the) way |being sent |sent |going |coming )?back to you")
# the money the buyer gets back (brief 22r16): "You will get all of your 20 dollars back"; the
# money given back without "back": "we will return you money", "return your money" (the
# fifteenth student reader, brief 22pw)
_GET_BACK = (r"you(?:'ll| will| can)? (?:get|receive) (?:back (?:all (?:of )?)?(?:your |the )?" + _AMT
             + r"|(?:all (?:of )?)?(?:your |the )?" + _AMT + r" back)"
             r"|return\w* (?:you )?(?:all )?(?:of )?your money|(?:give|pay|send|return\w*) you (?:all )?"
             r"(?:of )?(?:your |the )?money")
# money said to go back to the buyer, the money or its amount named: the role-play's
# offer_refund reads it as the review's refund does ("We give back 40 dollars for the repair
# cost" was no offer in the W08 role-play and one for Umar's reply: brief 22rf)
MONEY_RETURNED = _BACK_TO_YOU + r"|" + MONEY_BACK + r"|" + _GET_BACK
# the goods the buyer ordered, promised to be sent, are the replacement: "we will send you the
# walnut table", "we can ship the blue mug you ordered tomorrow" (brief 22tn: w08-reply-ali). A
# promise (a modal before the verb) of a good by its name; the goods sent before ("we sent you a
# white one"), a document ("we will send you the return label") or a photo of the good are not.
_SENDS_GOODS = (r"\b(?:will|'ll|can|shall|going to|would like to) (?:(?!not\b)\w+ )?(?:send|ship|post|mail|"
                r"deliver|resend)(?: out)? (?:you |to you )?(?:the|a|an|your) (?:(?!(?:photos?|pictures?|"
                r"labels?|links?|codes?|numbers?|details|instructions|of)\b)[\w-]+ ){0,3}?(?:"
                + PRODUCT.pattern + r"|one you ordered|item you ordered)\b")
_REFUND = (_BACK_TO_YOU + r"|refund\w*|money back|reimburs\w*|(?:give|pay|send|return) (?:you )?(?:all |the )?(?:of )?"
           r"(?:your |the )?(?:[$€£¥]\s?\d+(?:\.\d+)? |\d+(?:\.\d+)? dollars )?back|"
           + MONEY_BACK + r"|" + _GET_BACK + r"|退款")

# a count as students write it: "nine orders", "your 9 orders", "three times"
_COUNT = (r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
          r"fifteen|twenty|many|several)")
# what the shop knows of a customer, said to them (the repeat-customer and new-arrival letters):
# "last time", "twice", "you have trusted", "your 3 orders", "goes well with your ..."
_HISTORY = (r"last time|before|again|twice|you (?:have )?(?:usually|always|often|bought|ordered|"
            r"liked|loved?|enjoy\w*|chose|chosen|trusted|picked|tried)|your (?:favourite|usual|"
            r"last|previous|orders?|purchases?)|(?:your |the )?" + _COUNT + r" (?:times|orders|purchases|buys)|"
            # what she bought from the shop: "the eight mugs you picked up from us", "the scarf
            # you got from us" (issue 28, the thirteenth teacher reader)
            r"(?:bought|got|ordered|purchased|picked up|received) (?:[\w'’-]+ ){0,2}?from us|"
            # her order named by when she made it: "your September order of coffee mugs" (brief
            # 22q, the tenth teacher reader)
            r"your (?:" + "|".join(MONTHS) + r"|spring|summer|autumn|winter|recent) (?:orders?|purchases?)|"
            # "you buy 8 coffee mugs in September": the B1 present for a purchase dated in the
            # past (issue 28, the seventeenth student reader); "if you buy 2 mugs" has no date
            r"\byou (?:buy|order|purchase) (?:[\w'’-]+ ){1,4}?(?:in (?:" + "|".join(MONTHS)
            + r")|last (?:week|month|year|time|spring|summer|autumn|winter))|"
            # "thank you for buy 8 coffee mugs" (brief 22rv: the verb in any form, a slip too)
            r"for (?:buy|buying|bought|order|ordering|ordered|choose|choosing|chose|purchas\w*|your (?:recent "
            r"|last )?purchases?)\b|"
            r"(?:go(?:es)?|good|match(?:es)?|fits?) (?:well )?with your|match(?:es)? your|"
            # what she has of ours (issue 28, the eighteenth teacher reader): "Since you have our
            # knife set", "as you already own our silk scarf"
            r"(?:since|as|now that|because) you (?:already )?(?:have|own|use|got) (?:our|the|your|"
            r"those|these)|"
            # what she told us: "thank you for your kind words about the knife set" (brief 22r)
            r"your (?:kind |nice |lovely )?(?:words|review|feedback|comments?)|you (?:said|wrote|"
            r"told us|mentioned)|"
            # asking after what she has in use: "Hope the knives are serving you well", "how
            # are the mugs working for you?" (issue 28, the fourteenth teacher reader)
            # how long she has had it: "You have practised on our yoga mat since March" (the
            # sixth tuning set's paraphrase kind)
            r"you(?:'ve| have) (?:been )?[a-z]+(?:ed|ing|t)\b[^.!?]{0,40}\bsince\b|"
            # (a thing that serves or works for her, not "your family is doing well")
            r"(?:hope|trust) (?:that )?(?:the|your) (?:[\w'’-]+ ){1,3}?(?:is|are) (?:still )?(?:serving|"
            r"working|treating) (?:you|well|fine|for you)|how (?:is|are) (?:the|your) (?:[\w'’-]+ ){1,3}?"
            r"(?:working|serving) (?:for )?you|"
            # what she likes of what she bought: "I am happy you like the knife set" (the ninth
            # student reader); "if you like" is a choice, not what we know of her
            r"(?<!if )you (?:really )?(?:like|love|enjoy) (?:the|your|our) [a-z-]+|"
            # thanks that name what she bought by its number: "Thank you for your 8 coffee mugs
            # in September" (brief 22s, the ninth student reader)
            r"thank\w* (?:you )?for (?:your |the )?" + _COUNT
            + r" (?!(?:e-?)?mails?\b|messages?\b|questions?\b|repl\w+|days?\b|years?\b)[a-z-]+")
# an amount as students write it: "$21.12", "21.12 dollar", "20 dollars", "9.8 USD"
AMOUNT = _AMOUNT = r"(?:[$€£¥]\s?\d+(?:\.\d+)?|\b\d+(?:\.\d+)?\s?(?:dollars?|usd|euros?)\b)"

# another step: the buyer has paid, the order has shipped (affirmed, not "has not been shipped")
# (a condition is not a claim: "once you have paid, we ship it" is read by the scorer as such)
_PAID = (r"\b(thank\w* (?:you )?for (?:your|the) payment|(?:payment|money) (?:has been |was )"
         r"received|(?:we )?(?:have )?received your payment)\b")
_SHIPPED = (r"\b((?:has|have) (?:already )?been (?:shipped|dispatched|delivered)|(?:was|were) "
            r"(?:shipped|dispatched)|(?:it|they) shipped)\b")

# round 7: the first answer to a complaint that speaks of a later step: a remedy "as agreed" or
# "as promised", a repair hoped "fixed" ("we hope the repair shop fixed your treadmill well. We
# have sent you the $80 as agreed"): nothing was agreed yet
_AGREED = (r"\bas (?:we |you )?(?:agreed|promised|discussed)\b|\b(?:hope|glad|happy)\b[^.!?]{0,30}"
           r"\b(?:fixed|repaired)\b")

# a promotion letter that answers a complaint the customer never made ("sorry your mat arrived
# with a smell, we will send you a new one free"): a reply written for another case
_COMPLAINT = (r"\b((?:sorry|apologi[sz]e) (?:that |for |about )?(?:your|the) (?:[\w-]+ ){1,3}?(?:arrived|"
              r"came|was|were|is|are) (?:with|broken|damaged|late|faulty|scratched|missing|in the "
              r"wrong)|(?:send|ship) you a new one (?:free|at our cost|for free))\b")

# the opt-out in plain B1 words (issue 28, thirteenth reading): "Don't want such messages? Just
# say so.", "don't like these mails? reply no"; the object is the news itself, not "to receive"
_OPT_OUT_PLAIN = (r"(?:do not|don't|dont|rather not) (?:want|wish|like|need) (?:to (?:receive|get|"
                  r"hear) )?(?:such|these|this kind of|this type of|more|any more|any|our|those)?"
                  r" ?(?:messages?|news|e-?mails?|mails?|offers|updates|letters)|prefer not to (?:receive|"
                  r"get|hear)|just (?:say|reply|"
                  r"answer|write) (?:so|no|stop)|"
                  # the stop word asked for, or "no more news" said plainly: "Reply STOP if no
                  # more news." (the sixteenth student reader, brief 22r16)
                  r"(?:reply|answer|write|text|send)(?: us| me)?(?: with)? [\"'“‘]?(?:stop|no|unsubscribe)"
                  r"(?=[\"'”’]?(?: (?:if|to|and|when)\b|\s*[.!,]|$))|if (?:you want )?no (?:more|further) "
                  r"(?:news|messages?|e-?mails?|mails?|offers|updates|letters)")
# brief 22s: the choice left by taking the push away: "There is no hurry.", "you don't have to
# decide now", "No need to reply or order today", "Please take your time"
_NO_PUSH = (r"no (?:hurry|rush|pressure)|no need to (?:hurry|rush|decide|reply|answer|buy|order)\w*|"
            r"(?:do not|don'?t|does not|doesn'?t) (?:have|need) to (?:decide|reply|answer|buy|order|"
            r"hurry|rush)\w*|take your time")


SITUATIONS = (
    Situation(
        "bargaining",
        r"\b(price|discount|offer|quote|cheaper|each|per (?:piece|unit|mug|lamp)|cost\w*)\b|"
        + _AMOUNT,
        (Move("offer", 2, r"\b(discount|better price|best price|special price|offer|quote|"
                          r"cheaper|reduce|lower|the price (?:is|would be|will be|stays|will "
                          r"stay)|price of)\b|" + _AMOUNT + r"\s*(?:each|per \w+|an? \w+|"
                          r"one (?:piece|pc|\w+)|in total|total|for)\b|\b(?:is|are|costs?|makes?|"
                          r"comes? to|total) " + _AMOUNT + r"|"
                          # a note's price after its count: "3 speakers $21.12" (issue 28, the
                          # fourteenth teacher reader)
                          r"\b\d+ [a-z]+s:? (?:for |at |= )?" + _AMOUNT + r"|"
                          # a count, its goods (one or more words, any number) and "=" or ":" before
                          # the money: "15 LED strip = $147" (the sixteenth student reader, 22r16)
                          r"\b\d+ (?:[a-z-]+ ){0,2}[a-z-]+ ?(?:=|:) ?" + _AMOUNT,
              "an offer or a price", "给出报价或价格"),
         Move("price", 2, "fact:unit_price,total_price", "the price from the facts",
              "事实中的价格", only_with="unit_price"),
         Move("lead_time", 2, "fact:lead_time_days", "the lead time", "交货时间",
              only_with="lead_time_days"),
         Move("delivery_time", 2, "fact:delivery_days", "the delivery time", "送达时间",
              only_with="delivery_days"),
         # "will the price stay the same?": how long it holds, when the task says
         Move("price_months", 2, "fact:price_months", "how long the price holds", "价格保持多久",
              only_with="price_months"),
         Move("destination", 2, r"\b(country|city|where|destination|ship(?:ped)? to|"
                                r"deliver(?:ed)? to|location|address)\b",
              "asks where to ship (for the shipping cost)", "询问收货地（以便计算运费）",
              unless="destination"),
         Move("quantity", 1, r"\b(how many|quantity|number of (?:pieces|pcs|units))\b",
              "asks how many pieces", "询问数量", unless="quantity"),
         # what a market's buyer looks for, when the task gives it (brief 22d): the quality
         # promise of a US holiday buyer, the open talk of a buyer in the Gulf
         Move("warranty", 2, r"\b(warrant\w*|guarantee\w*|covered (?:for|by) (?:a |one |two |\d+ )?(?:full |"
                            r"whole )?(?:years?|months?))\b|保修", "the warranty", "保修",
              only_with="warranty"),
         Move("talk", 2, r"\b((?:happy|glad|pleased|welcome) to (?:talk|discuss|hear|help)|talk "
                         r"(?:further|more|again|about)|we can talk|(?:any|other) (?:other )?wishes|"
                         r"let (?:us|me) know (?:if|what|your)|tell (?:us|me) (?:if|what)|just (?:tell|ask|write to) (?:me|us)|"
                         r"(?:any|other) (?:other )?wish\b|"
                         # "please feel free to talk with me" (brief 22g, W06 Dubai)
                         r"feel free to (?:talk|chat|discuss|tell|write)|(?:talk|chat) (?:with|to) "
                         r"(?:me|us))\b",
              "invites the buyer to talk further", "邀请买家继续沟通", only_with="invite_talk")),
        right=("offer", "price"), wrong=("price_may_change", "pressures_payment", "fake_urgency",
                                         "free_priced_sample", "closes_the_talk", "refuses_sample",
                                         "delivery_not_promised"),
        facts=("buyer_name", "product", "quantity", "unit_price", "total_price",
               "lead_time_days", "delivery_days", "sample_price", "destination", "price_months",
               "warranty", "invite_talk"),
        words=(35, 150)),
    Situation(
        "combined_shipping",
        r"\b(together|one (?:package|parcel|box|shipment)|combin\w*|shipping (?:fee|cost)|"
        r"invoice)\b",
        (Move("one_package", 2, r"\b(one (?:package|parcel|box|shipment)|together|combin\w*)\b",
              "ships the items together", "合并发货"),
         Move("fee", 2, "fact:shipping_fee", "the one shipping fee", "合并后的运费"),
         Move("invoice", 1, r"\b(invoice|adjust\w*|revise\w*|new price|change the price)\b",
              "a revised invoice or adjusted price", "修改账单或运费")),
        right=("one_package",), wrong=("off_platform",), facts=("buyer_name", "items", "shipping_fee")),
    Situation(
        "product_question",
        r"\b(size|recommend\w*|fit|measure\w*|chart)\b|尺码",
        (Move("size", 3, "fact:recommended_size", "a recommended size", "推荐尺码"),
         Move("chart", 1, r"\b(size chart|size table|measurements?|measure)\b|尺码表",
              "points to the size chart", "提醒参考尺码表"),
         Move("reassure", 1, r"\b(quality|inspect\w*|check\w* (?:every|each|before)|exchange|"
                             r"(?:change|swap) (?:it|them|the \w+)|"
                             r"return)\b|换货|退货",
              "reassures on quality or exchange", "在质量或换货方面让买家放心")),
        right=("size",), wrong=("off_platform", "two_sizes", "promises_discount",
                                          "fake_urgency"),
        facts=("buyer_name", "product", "recommended_size"), words=(30, 140)),
    Situation(
        "address_change", r"\baddress\b",
        (Move("address", 3, r"\b(address|street|st\.|road|rd\.|avenue|ave\.|apartment|flat|"
                            r"postcode|zip)\b", "the new address", "新地址"),
         Move("confirm", 2, r"\b(updated|changed|corrected|have (?:now )?(?:put|entered)|"
                            r"new address)\b", "confirms the change", "确认已修改"),
         Move("order", 1, "fact:order_id", "the order number", "订单号")),
        right=("confirm",), wrong=("off_platform",), facts=("buyer_name", "order_id", "new_address")),
    Situation(
        "out_of_stock",
        r"\b(stock|restock\w*|ship\w*|send|sent|dispatch\w*|available|delay\w*|cancel\w*|"
        r"wait)\b|补货|发货",
        (Move("reason", 1, r"\b(out of stock|sold out|damaged|broken|cracked|no stock|run out|"
                           r"not in stock|defect\w*)\b|损坏|缺货", "why it cannot ship",
              "无法发货的原因"),
         Move("restock", 3, "fact:restock_date", "the restock date", "补货日期"),
         Move("acceptable", 2, _ACCEPTABLE, "asks whether the delay is acceptable",
              "询问买家能否接受延迟"),
         Move("alternative", 2, r"\b(cancel\w*|refund\w*|alternative|another (?:colou?r|model)|"
                                r"instead)\b|取消", "offers cancellation or an alternative",
              "提供取消订单或其他选择")),
        right=("acceptable", "alternative"), wrong=("acts_without_asking", "charges_buyer", "off_platform",
                                                 "substitutes", "promises_discount"),
        not_now=_SHIPPED, no_amounts=True,
        facts=("buyer_name", "order_id", "product",
                                                    "restock_date", "stock_reason"),
        apology_due=True, words=(30, 160)),
    Situation(
        "unpaid_order", r"\b(pay\w*|cancel\w*|unpaid|invoice|order)\b",
        (Move("reminder", 2, r"\b((?:did|do|does|have|has)(?: not|n['’]t) (?:yet )?pa(?:y|id)|"
                             r"not (?:yet )?(?:been )?paid|unpaid|payment|pay)\b",
              "a friendly reminder", "友好提醒付款"),
         Move("help", 2, r"\b(help|any (?:question|problem|doubt|concern)s?|a problem|"
                         r"anything (?:we|i) can|sort (?:it|this|that) out|held you back|"
                         r"stopped you|go(?:ne)? wrong|everything is (?:all right|ok(?:ay)?|fine))\b",
              "offers help", "提供帮助"),
         Move("cancel", 1, r"\b(cancel\w*|changed your mind)\b", "offers to cancel",
              "可以取消订单"),
         Move("order", 1, "fact:order_id", "the order number", "订单号")),
        right=("help", "cancel"), wrong=("pressures_payment", "acts_without_asking", "off_platform"),
        not_now=_PAID + "|" + _SHIPPED,
        facts=("buyer_name", "order_id", "product", "discount", "offer_ends"), words=(30, 140)),
    Situation(
        "quality_minor",
        r"\b(compensat\w*|refund\w*|money back|partial|discount|coupon|replace\w*|back)\b|"
        r"[$€£¥]\s?\d+(?:\.\d+)?|补偿",
        (Move("amount", 3, "fact:compensation,partial_refund,refund_amount",
              "the compensation amount", "补偿金额"),
         Move("compensation", 2, r"\b(compensat\w*|partial refund|refund\w*|money back|discount|"
                                 r"coupon|give you [$€£¥]?\d+(?:\.\d+)? back|(?:return|give|pay|send) (?:you )?"
                                 r"[$€£¥]\d+(?:\.\d+)? (?:of|back)|"
                                 r"make (?:it )?up (?:to you )?for (?:it|this|that|the \w+)|"
                                 # "return 4 dollars to you" (brief 22rv)
                                 r"(?:return|give|pay|send|refund)\w* " + _AMOUNT + r" (?:back )?to you|"
                                 + MONEY_BACK + r")\b|"
                                 r"[$€£¥]\s?\d+(?:\.\d+)? back\b|补偿",
              "a partial compensation", "部分补偿"),
         Move("acceptable", 2, _ACCEPTABLE, "asks whether it is acceptable", "询问买家是否接受"),
         Move("own", 1, r"\b((?<!not )our (?:mistake|fault|responsibility|problem|error)|we are responsible|"
                        r"we made a mistake|(?:is|was) (?:fully |all )?on us)\b|我们的责任", "accepts responsibility",
              "承担责任")),
        right=("compensation", "amount"),
        wrong=("refuses_remedy", "return_first", "sends_to_carrier", "off_platform",
               "gives_too_much"),
        facts=("buyer_name", "order_id", "product", "problem", "compensation"),
        not_now=_AGREED, apology_due=True),
    Situation(
        "quality_refund", rf"\b({_REFUND}|repair\w*|replace\w*)\b|退款",
        (Move("amount", 3, "fact:refund_amount", "the refund amount", "退款金额"),
         # the money may open the phrase: "$9 is coming back to you" (no word boundary before "$")
         Move("refund", 2, rf"(?:\b|(?=[$€£¥]))({_REFUND})\b|退款", "a refund", "退款"),
         Move("full", 1, r"\b(full refund|refund\w* (?:you )?in full|full amount|refund\w* "
                         r"(?:(?:to )?you )?(?:all|the whole|the full|the entire|every cent)\b|refund\w* "
                         r"(?:you )?(?:your |the )?(?:full|whole|entire)|all (?:of )?(?:your |the )?money|"
                         # the amount in words as in figures: "We give you back 20 dollars" (the
                         # nineteenth teacher reader: "Missing: a full refund" for $20 of $20)
                         r"money back|refund\w* (?:you )?(?:your |the )?" + _AMOUNT + r"|(?:give|pay|send) you "
                         r"(?:the |your )?" + _AMOUNT + r" back|(?:give|pay|send) (?:you )?back "
                         r"(?:the |your |all )?" + _AMOUNT + r"|all (?:of )?your "
                         + _AMOUNT + r" back|back (?:to you )?all (?:of )?(?:your |the )?"
                         + _AMOUNT + r"|(?:give|gave|pay|paid|send|sent|return) (?:you )?"
                         r"back (?:all )?(?:of )?(?:your|the) money|(?:back|refund\w*|returned|repaid) (?:to you )?in full|"
                         + _BACK_TO_YOU +
                         # all of the amount, in words too: "We will give you back all the 20
                         # dollars" (the fifteenth readers, brief 22pw)
                         r"|\ball (?:of )?(?:the |your )?(?:[$€£¥]\s?\d+(?:\.\d+)?|\d+(?:\.\d+)? ?(?:dollars?|"
                         r"usd|euros?))" r")\b|全额退款",
              "a full refund", "全额退款"),
         Move("no_return", 1, r"\b(no need(?: to)? (?:send|return|post)|(?:do not|don't|don’t) "
                              r"(?:need|have)(?: to)? (?:send|return|post)|keep (?:it|the)|not need "
                              r"to (?:send|return)|(?:do not|don't|don’t|no need to) bother (?:to )?"
                              r"(?:send|return|post)\w*|"
                              # in other words (issue 28, the eighteenth readers): "no return
                              # needed", "there is no need for a return", "without sending it back"
                              r"no return (?:is |will be )?(?:needed|necessary|required)|nothing (?:to|you need to|"
                              r"you have to) (?:send|return|post)|no need (?:for|of) "
                              r"(?:a |any )?return|without (?:you |your )?(?:sending|returning|posting) (?:it|them|the \w+)"
                              r"(?: back)?|(?:a |any )?return is not (?:needed|necessary|required))\b|无需退回|不用寄回",
              "no need to send it back", "无需退回商品")),
        right=("refund", "amount"),
        wrong=("return_first", "refuses_remedy", "sends_to_carrier", "charges_buyer",
               "proof_first", "off_platform", "replaces_instead"),
        facts=("buyer_name", "order_id", "product", "problem", "refund_amount"),
        not_now=_AGREED, apology_due=True, words=(30, 140)),
    Situation(
        # asking for a video of the fault is the chain's first answer too (brief 22d, W08 Umar)
        "quality_repair", r"\b(repair\w*|fix\w*|refund\w*|compensat\w*|video|solution)\b",
        (Move("repair", 2, r"\b(repair\w*|fix\w*)\b", "asks about a local repair",
              "询问能否在当地维修"),
         Move("amount", 3, "fact:partial_refund,compensation", "the partial refund amount",
              "部分退款金额"),
         Move("acceptable", 1, _ACCEPTABLE + r"|\b(please reply|please tell|(?:let us|let me) "
                                             r"know your (?:answer|decision|choice|reply))\b",
              "asks for the buyer's answer", "请买家答复")),
        right=("repair", "amount"),
        wrong=("refuses_remedy", "return_far", "gives_in_full", "off_platform"),
        facts=("buyer_name", "order_id", "product", "problem", "partial_refund"),
        not_now=_AGREED, apology_due=True),
    Situation(
        "logistics_delay",
        r"\b(tracking|shipped|dispatched|in transit|on (?:its|the) way|delay\w*|arriv\w*|"
        r"deliver\w*|customs|sorting|post office|parcel)\b|运单|寄出|包裹",
        (Move("ship_date", 2, "fact:ship_date", "the ship date", "发货日期"),
         Move("carrier", 2, "fact:carrier", "the carrier", "承运商"),
         Move("tracking", 3, "fact:tracking_number", "the tracking number", "运单号"),
         Move("explain", 1, r"\b(peak season|busy|customs|sorting|flight|in transit|holiday|"
                            r"weather|backlog|waiting (?:for|at)|pause\w*|slower|delay\w* "
                            r"(?:at|in|by))\b|分拣|海关", "explains the delay", "解释延误原因"),
         Move("solution", 2, r"\b(resend|re-send|reship|send (?:you )?(?:a )?new|refund\w*|"
                             r"a new \w+ (?:sent|shipped|posted|at our cost)|money back|"
                             r"replace\w*|new one|another one|solution)\b|补发|退款",
              "a solution if it does not arrive", "若未送达的解决方案")),
        right=("tracking", "solution"), wrong=("refuses_remedy", "sends_to_carrier", "off_platform",
                                                "promises_discount"),
        not_now=r"\b(out of stock|sold out|no stock|restock\w*)\b",
        no_amounts=True,
        facts=("buyer_name", "order_id", "product", "ship_date", "carrier", "tracking_number"),
        apology_due=True),
    Situation(
        "return",
        r"\b(return\w*|refund\w*|replace\w*|exchange|photos?|pictures?|correct size|"
        r"right size|send (?:you )?the)\b",
        # a request for photos, not the word alone ("the pictures are correct"; brief 22e)
        (Move("photos", 2, r"\b(?:send|share|take|attach|upload|show|give|provide|need|see|"
                           r"check|look at|receive|get|have|with)\b[^.!?]{0,30}\b(?:photos?|"
                           r"pictures?|images?|videos?)\b|\b(?:photos?|pictures?|images?) "
                           r"(?:of|showing|would help)\b|照片", "asks for photos",
              "请买家提供照片"),
         Move("refund", 3, r"\b(refund\w*|replace\w*|exchange|correct (?:size|one|item)|right "
                           r"(?:size|one)|send (?:you )?(?:a|the) (?:new|correct|right)|"
                           # B1 words for the two remedies: "we will return you money or change
                           # other coat" (the fifteenth student reader, brief 22pw)
                           r"change (?:it |them )?(?:for |to |into |with )?(?:a new|another|other|new|"
                           r"a different|the right|the correct)|" + _REFUND + r")\b|" + _SENDS_GOODS,
              "a refund or replacement", "退款或换货")),
        # a return for the shop's mistake costs the buyer nothing (no fee, no return postage)
        right=("refund",), wrong=("refuses_remedy", "sends_to_carrier", "charges_buyer", "off_platform"),
        facts=("buyer_name", "order_id", "product", "problem"), apology_due=True,
        no_amounts=True, not_now=_AGREED),
    Situation(
        "restore_relations",
        r"\b(again|resume|re-?establish|restore|past|previous|back|new|miss\w*|heard from you|"
        r"(?:a long|some) time|(?:two|three|four|five|many|several|\d+) years)\b",
        (Move("thank_past", 2, r"\b(thank\w* (?:you )?(?:(?:very|so) much )?for (?:your|the|all "
                               r"(?:your|the)) (?:past|previous|many|long|years|loyal|support|"
                               r"business|orders|cooperation|" + _COUNT + r")|"
                               # brief 22sn: the count straight after "all" ("Thank you for all
                               # nine orders you make with us": the fourteenth teacher reader)
                               r"thank\w* (?:you )?(?:(?:very|so) much )?for all (?:of )?"
                               + _COUNT + r" (?:orders|purchases|seasons|years)|"
                               r"past (?:orders|business|cooperation)|(?:many|several|\w+) years|"
                               # "nine orders from you meant a lot ... thank you for that trust"
                               # "thank you for the trust you gave our shop" (the sixth tuning set)
                               r"thank\w* (?:you )?for (?:that|this|your|the|all (?:that|this|your|the)) "
                               r"(?:trust|loyalty)|" + _COUNT + r" (?:orders|seasons) from you|"
                               # round 7: "your nine orders meant a lot to our small shop"
                               r"orders (?:have )?(?:meant|mean) (?:so |a )?(?:lot|much) to|"
                               # round 8: thanks in the sentence that names what the customer
                               # bought ("you ordered from us nine times, thank you so much")
                               r"you (?:have )?(?:ordered|bought|shopped)[^.!?]{0,40}\bthank\w*|"
                               r"thank\w*[^.!?]{0,40}\byou (?:have )?(?:ordered|bought|shopped)|"
                               # brief 22rv: "Thank you for buy(ing) from us nine times", "we
                               # really valued your 9 purchases"
                               # "Thanks for you buy from us nine times" (B1, brief 22r16)
                               r"thank\w* (?:you )?for you (?:buy\w*|bought|order\w*|shop\w*)|"
                               r"thank\w* (?:you )?(?:\w+ )?for (?:buy\w*|bought|order\w*|shopp\w*|"
                               r"choos\w*|chose)|(?:valued?|appreciated?|treasured?) (?:all )?(?:your|"
                               r"the) (?:" + _COUNT + r" )?(?:purchases|orders|business|support|"
                               r"trust|loyalty))\b|"
                               r"感谢您", "thanks for past business", "感谢过去的合作"),
         Move("concern", 2, r"\b(re-?establish|resume|restore|miss (?:working|you|your|hearing)|"
                            r"missed (?:hearing|you|working)|value (?:our|your)|work together "
                            r"again|work with you again|do business (?:with you )?again|"
                            r"(?:glad|happy|love|like) to (?:work|do business) with you|"
                            r"welcome you back|relationship|hear from you again|enjoyed "
                            r"(?:working|doing business) with you|(?:have )?not heard from you|"
                            r"(?:be|become) your (?:supplier|partner|shop) again|(?:serve|supply) you "
                            # "It would be a pleasure to serve you once more" (brief 22r16)
                            r"(?:again|once more|once again)|(?:has|have) been (?:so )?quiet|(?:work|do business)(?: \w+){0,2} once more)\b|"
                            r"恢复合作",
              "shows concern for restoring the relationship", "表达恢复合作的诚意"),
         Move("profile", 2, r"\b(new (?:product|collection|line|model|range|design)s?|we now "
                            r"(?:offer|have|make)|our (?:range|catalogue|catalog)|enclosed|latest|"
                            # "we have launched bamboo kitchenware" (the sixth tuning set)
                            r"expanded|improved|added|launched|introduced|(?:started|began|begun) (?:selling|making|"
                            r"offering)|(?:started|launched|introduced|added|opened) (?:a|an|our) "
                            r"(?:new )?(?:range|line|collection|series)|"
                            r"new (?:[a-z-]+ ){0,2}[a-z-]+s|new (?:[a-z-]+ ){1,3}(?:line|range|"
                            r"collection|series|cookware|design|model)|"
                            # one new product said plainly: "Now we have new ring light.", "we
                            # also sell a new phone tripod" (brief 22rv, the tenth student reader)
                            r"(?:we (?:now |also )?|now,? we (?:also )?)(?:have|offer|make|sell|"
                            r"carry) (?:a |an |some |our )?(?:new|latest))\b|新产品|新的",
              "the firm's present profile or new products", "公司现状或新产品"),
         # time-limited: an offer in a sentence that says until when, or in the next one ("10% off"
        # alone is not; "10% OFF NOW! Buy our tripod before 30 November!" is, brief 22e)
         Move("offer", 1, r"\b(?:(?:\d+|five|ten|fifteen|twenty|thirty|fifty)\s?(?:%|percent|per cent) "
                          r"(?:off|discount|cheaper|less)|save (?:\d+\s?%|(?:\d+|five|ten|fifteen|twenty|thirty|fifty)\s?"
                          # "You can save ten percent on any purchase" (brief 22r16)
                          r"(?:percent|per cent)) (?:on|off)|special (?:price|offer|discount)|discount)"
                          r"\b(?=[^.!?]*(?:[.!?]\s+[^.!?]*)?\b(?:until|till|valid|before|ends?|expires?|this (?:month|"
                          r"week)|by (?:\d+|the end))\b)|\b(?:valid until|until (?:the end of|\d+)|this month only)\b|"
                          r"折", "a time-limited offer", "限时优惠"),
         Move("reply", 1, r"\b(earliest convenience|look(?:ing)? forward to (?:your|hearing)|"
                          r"reply (?:to )?(?:us |me )?soon|early reply|let us know|hear from "
                          r"you|write (?:back|to us)|drop us a line|get in touch|(?:get|hear|"
                          r"receive|have) (?:your|an?) (?:answer|reply|news)|(?:answer|reply) "
                          r"(?:to )?(?:us|me) soon|"
                          # brief 22sn: a reply asked for with its time ("Could you reply by
                          # Friday?", "please answer us within a week")
                          r"(?:reply|answer|write back)(?: to)?(?: us| me)? (?:by|before|within) "
                          r"\w+)\b|期待",
              "asks for an early reply", "请对方尽早回复")),
        right=("thank_past", "concern"),
        wrong=("off_platform", "fake_urgency", "spam_style"),
        facts=("buyer_name", "discount", "offer_until"),
        pitch_ok=True, words=(40, 180)),
    Situation(
        "repeat_customer",
        r"\b(new|recommend\w*|suggest\w*|try|like|favourite|last time|before|again)\b",
        (Move("history", 2, rf"\b({_HISTORY})\b",
              "uses what you know about this customer", "利用你对这位客户的了解"),
         Move("product", 1, "fact:last_product", "the product she bought before",
              "她以前买过的商品", only_with="last_product"),
         Move("recommend", 3, "fact:recommended_product", "one product chosen for her",
              "为她挑选的一款商品"),
         Move("price", 2, "fact:unit_price", "the price", "价格", only_with="unit_price"),
         Move("next", 1, "time", "a next step with a time", "下一步及时间"),
         # a mail of the customer's that we never answered: the letter says sorry for it
         # brief 22sn: the sorry is for the mail ("Sorry for wrong size" says sorry for the goods,
         # not for the silence: the fourteenth student reader's Kanya note, teacher ~60)
         Move("sorry", 2, r"\b(?:sorry|apologi[sz]e\w*|apolog(?:y|ies)|forgive)\b[^.!?]{0,60}?\b"
                          r"(?:mail|e-?mail|message|letter|answer\w*|repl\w*|wrote|write|writing|"
                          r"silence|hear\w*|contact\w*)\b|\b(?:mail|e-?mail|message|letter)\b[^.!?]{0,60}?"
                          r"\b(?:sorry|apologi[sz]e\w*|apolog(?:y|ies))\b|抱歉|道歉",
              "says sorry that the last mail was not answered", "为上次邮件没有回复致歉",
              only_with="unanswered")),
        right=("history", "recommend"), wrong=("no_choice", "off_platform", "promises_discount"),
        facts=("buyer_name", "last_product", "recommended_product", "unit_price",
               "times_bought", "unanswered", "channel"),
        words=(40, 140)),
    Situation(
        "suspicious_inquiry",
        r"\b(sample|company|website|details|specification|quantity|order|price|quote|model|"
        r"meet\w*)\b",
        (Move("verify", 3, r"\b(company (?:name|website|registration)|website|registration|"
                           r"web ?(?:page|site)|registered (?:address|name|number|company|office)|"
                           r"company['’]s (?:web\w*|address|registration|name|details)|"
                           r"business licen[cs]e|(?:full|company) address|more about your "
                           # brief 22rc: "could you share your store's link"
                           r"(?:company|business)|your (?:store|shop)['’]?s? (?:link|url)|link (?:to|of) "
                           r"your (?:online |web |internet )?(?:store|shop|company|business)|"
                           # "the full name of your company" (the thirteenth teacher reader)
                           r"(?:full |registered |official )?name of your (?:company|business|firm)|more about your "
                           r"(?:company|business)|your (?:company|business) (?:details|profile)|"
                           # the buyer's own shop asked about (issue 28, the nineteenth readers:
                           # "Could you tell us more about your shop in Jakarta?"): more about
                           # it, its name or address, where it is
                           r"(?:more |tell (?:us|me) )about your (?:online )?(?:shop|store|firm)|"
                           r"(?:name|address|location) of your (?:online )?(?:shop|store)|your (?:online )?"
                           r"(?:shop|store)['’]?s? (?:name|address|location|details)|where (?:is )?your "
                           r"(?:online )?(?:shop|store|company|business|office))\b",
              "asks for details that show the buyer is real", "询问能证明买家真实的信息"),
         Move("details", 2, r"\b(which (?:[\w-]+ ){0,3}?(?:model|size|colou?r|product|item)s?|specifications?|quantity|"
                            r"how many|material|the products? you need|your requirements|(?:models?|products?|items?|"
                            r"sizes|colou?rs)\b[^.?!]{0,30}\byou (?:need|want|are looking for|"
                            r"would like|have in mind|are interested in)|"
                            # the goods asked for by their own name, and the count in B1 (issue
                            # 28, the nineteenth teacher reader): "Which yoga mat you want and
                            # how much pieces?"
                            r"which (?!(?:day|date|time|week|month|hour)s?\b)(?:[\w-]+ ){1,3}?(?:(?:do|would) )?you (?:need|want|would like|"
                            r"like|are looking for)|how (?:much|many) (?:pieces|pcs|units|sets|boxes))\b",
              "asks which products and specifications", "询问具体产品和规格"),
         Move("process", 2, r"\b(sample order|trial order|our (?:usual|normal|standard) "
                            r"(?:process|terms)|proforma invoice after|after we (?:receive|"
                            r"confirm)|step by step|(?:paid|pay for the) samples?|by (?:video|"
                            # "we cannot meet tomorrow" alone refuses: the normal way must be
                            # offered (a paid sample, a video call, an order on the platform; the
                            # fifteenth teacher reader, brief 22pw)
                            r"email) first|before a sample|video call|"
                            # the normal way in plain words: "we always begin with samples (paid)
                            # and a small test order", "sample is not free, you pay sample first"
                            r"(?:small|test|first) orders?|samples? \(paid\)|samples? (?:is|are) not free|"
                            r"(?:you )?pay (?:for )?(?:the |a )?samples?|"
                            # "one or two samples at a sample price" (brief 22d)
                            r"sample price|(?:one|two|one or two|1|2|1-2) samples?|"
                            # "samples are paid by the buyer and the cost is returned with the
                            # first order, as usual" (brief 22g, W03 Farid)
                            r"samples? (?:are|is) (?:paid|charged)|(?:returned|refunded|deducted|"
                            r"credited|taken off) (?:with|from|on|in) (?:the|your) first order)\b",
              # named by what the reply offers, not "keeps to the normal process": a reply that
              # declines the free samples and the meeting keeps to it, yet still owes the normal
              # way offered (issue 28, the nineteenth readers; the fifteenth's 60-65 stands)
              "offers the normal way instead (a paid sample, a trial order or a video call later)",
              "提出正常的替代做法（付费样品、试订单或稍后视频通话）")),
        right=("verify", "process"), wrong=("agrees_to_meet", "gives_all_samples", "free_sample",
                                              "promises_discount"), no_amounts=True,
        # the task asks a reply that "neither refuses nor rushes": without the normal way
        # offered, a refusal and a request for details is no answer (brief 22pw)
        first="process",
        facts=("buyer_name",),
        words=(40, 150)),
    Situation(
        "holding_reply",
        r"\b(received|receive|got|checking|processing|processed|looking into|get back|reply|"
        r"answer|"
        # brief 22rc: the answer to come and the request passed on, in other words: "I will come
        # back to you with the price", "send you everything", "I asked our factory", "I have
        # passed your request to our factory"
        r"(?:come|coming) back to you|send you (?:everything|all (?:the )?(?:details|information)|"
        r"the (?:full|whole|real) (?:details|information))|(?:asked|contacted|passed|forwarded|"
        r"sent)\b[^.!?]{0,40}\b(?:to|with) (?:our|the) (?:factory|supplier|team|colleagues?)|"
        # the mail had and the factory asked, in B1 words too (the seventh and eighth tuning
        # sets: "thanks, your mail is here. i already asked our factory", "I get your mail. our
        # factory now check the logo printing"): the received and processing moves' words
        r"(?:mail|message|e-?mail|request) is here|(?:we|i) (?:have|'ve|get) your (?:mail|message|"
        r"e-?mail|request)|(?:asked|contacted) (?:the |our )?(?:factory|supplier|team)|"
        r"(?:factory|team|supplier) (?:now )?checks?)\b|收到",
        (Move("received", 3, r"\b((?:mail|message|e-?mail|request|order) (?:has been |was |is )?"
                             r"received|(?:(?:we|i) (?:have )?(?:received?|got)|(?<!\w )got) (?:your|it)|thank\w* (?:you )?"
                             # "thanks a lot for your mail, I got it", "we get it." (the
                             # fifteenth readers, brief 22pw): the thanks with its adverb, "I"
                             # as well as "we", and the B1 present "get" ending its clause
                             r"(?:(?:a lot|so much|very much|again) )?for "
                             r"(?:your|you|the) (?:mail|message|e-?mail|request|questions?|enquiry|inquiry|note|letter)|"
                             # in other words (issue 28, the eighteenth readers): "thanks for
                             # getting in touch", "I've passed your questions to our factory"
                             r"thank\w* (?:you )?(?:(?:a lot|so much|very much|again) )?for (?:getting|"
                             r"being) in touch|thank\w* (?:you )?for (?:writing|contacting us|reaching out)|"
                             r"(?:passed|forwarded|sent|handed|given|shown) (?:on )?your (?:questions?|"
                             r"requests?|mail|message|e-?mail|enquiry|inquiry|note)|"
                             # the mail had: "we have your mail" (the seventh and eighth tuning
                             # sets' short holding replies, teachers 86-87)
                             r"(?:we|i) (?:have|'ve)(?: got)? your (?:mail|message|e-?mail|request|note|"
                             r"letter|questions?|enquiry|inquiry)s?|"
                             # ... or passed on as "it" (the nineteenth readers, W05 Siti: "I
                             # passed it to our factory today"): what is passed on has arrived
                             r"(?:passed|forwarded|handed|given|shown) (?:it|this|them) (?:on )?to (?:our|the) "
                             r"(?:factory|supplier|team|colleagues?|manager))\b|"
                             # "received" as a sentence or a clause of its own: "Hi Marek,
                             # received, will answer in 3 days" (the nineteenth teacher reader)
                             r"\b(?:we|i) get (?:it|your (?:mail|message|e-?mail|request))(?=\s*[.,;!])|(?:^|(?<=[,.!?] ))received(?=[!.,;])|"
                             # "Your note reached me" (the sixth tuning set's paraphrase kind)
                             r"\b(?:your|the) (?:mail|message|note|e-?mail|request|letter|question|enquiry|"
                             r"inquiry)s?(?: (?:about|on|for|regarding) [^.!?]{1,30}?)? (?:has |have )?"
                             # "Your questions about the raincoats have reached us" (brief 22r16)
                             r"(?:reached|arrived|came|come|is here|(?:is|are) with us)\b|已收到",
              "says the mail was received", "告知邮件已收到"),
         Move("processing", 2, r"\b((?:is|are) (?:now )?being (?:processed|checked|handled)|"
                               # who does it, in any tense (the sixteenth readers, brief 22r16):
                               # "our team is processing it", "we are checking it", "we have
                               # checked", "I got your question and asked the factory already"
                               r"(?:we|i|team|colleagues?|factory|supplier|staff) (?:(?:is|are|am|has|"
                               r"have|'ve|will|already|now|just|also|been) ){0,3}(?:process\w*|check\w*|"
                               r"handl\w*|review\w*|verif\w*|look\w* into|work\w* on)|\band (?:already |"
                               r"also )?(?:asked|contacted|checked with) (?:the |our )?(?:factory|supplier|"
                               r"team|colleagues?)|"
                               r"(?:we|i) (?:are|am) (?:now )?(?:checking|looking into|working on|asking|"
                               r"contacting|discussing (?:it|this) with)|"
                               # the subject said once for two verbs (the nineteenth readers, W05
                               # Siti): "We got it and are checking with the factory"
                               r"\b(?:we|i) \w+ (?:it|your \w+) and (?:are|am) (?:now )?(?:checking|looking into|"
                               r"working on|asking|contacting)|"
                               # the B1 slip without -ing: "we are check the material and test
                               # report now" (issue 28, the fourteenth teacher reader)
                               r"(?:we|i) (?:are|am) (?:now )?(?:check|ask|contact) (?:the|your|this|it|"
                               r"our|with)\b|"
                               r"(?:team|colleagues?|factory) (?:is|are) (?:now )?(?:check\w*|looking|preparing|working)|"
                               # the B1 present without "is": "The factory check the colours
                               # and price now" (brief 22pw)
                               r"(?:team|colleagues?|factory) (?:now )?checks? (?:the|your|this|it)\b|"
                               # the check to come first: "because the factory needs to check the
                               # logo printing first" (the sixth tuning set, teacher 82)
                               r"(?:team|colleagues?|factory|supplier) (?:now |first )?(?:needs? to|has to|"
                               r"have to|must|will) check (?:the|your|this|it)\b|"
                               # "I have asked the factory for the test report" (brief 22pw)
                               r"checking (?:the|this|it|your)|(?:we|i) (?:will |have |'ve )?(?:already |also |just )?(?:ask|asked|"
                               r"check with|contact|contacted) (?:the |our )?(?:factory|supplier|"
                               r"team|colleagues?)|"
                               # brief 22rc: "I have passed your request (for the beanies) to
                               # our factory", "forwarded it to our team"
                               r"(?:have |has )?(?:passed|forwarded|sent) (?:on )?(?:your|the|"
                               r"this|it)\b[^.!?]{0,60}\bto (?:our|the) (?:factory|supplier|team|"
                               r"colleagues?))\b|正在", "says it is being processed",
              "说明正在处理"),
         Move("when", 2, _WHEN, "when the real answer comes (three days at most)",
              "何时给出正式答复（最多三天）")),
        right=("when",), wrong=("answers_unchecked", "promises_discount"), facts=("buyer_name", "answer_within_days"),
        words=(15, 90),
        # the factory has not answered yet: a price or a cost is the real answer, made up
        not_now=_AMOUNT,
        short_ok=True),
    # --- lesson 10: recommending and promoting products (issue 28) ---------------------------
    Situation(
        "product_recommendation",
        r"\b(recommend\w*|suggest\w*|fits?|suits?|ideal|perfect for|right (?:one|choice|model)|"
        r"best (?:for|choice)|for your|you need|you mentioned|you are looking for|is (?:good|"
        r"right|best) for|choose|take the|get the)\b",
        (Move("need", 2, r"\b(you (?:mentioned|said|need|want|are looking for|told us|will use|"
                         r"plan to|often|usually|travel|go|carry)|for your (?!order\b|message\b|question\b|"
                         r"information\b|interest\b|e-?mail\b|patience\b)"
                         r"\w+|since you|as you|you can use it|"
                         # the reason given for this buyer: "best for you because it is light
                         # and can charge two times", "so your bag stays light" (brief 22d)
                         r"because it (?:is|can|has|will|holds|weighs|charges)|so (?:that )?your "
                         r"(?!order\b)\w+ (?:stays?|is|will|can)|"
                         # ... its quality for his need without "is" and what he can do with it
                         # (the nineteenth teacher reader: "because it small and light, you can
                         # take it everywhere" for his light bag)
                         r"because it(?:'s| is)? (?:very |so |really )?(?:small|light|compact|thin)|"
                         r"you can (?:take|carry|bring|put) it (?:everywhere|anywhere|with you|in your)|"
                         # the use named: "for two days of hiking", "before your trip"
                         # "for a two-day hike" (brief 22s: a word with a hyphen)
                         # "suits a two-day hike" (the sixteenth teacher reader, brief 22r16)
                         r"(?:for|before|during|on|suits?|fits?) (?:your |a |the |two |three |\d+ )?(?:[\w-]+ ){0,2}"
                         r"(?:trip|hik\w+|travel\w*|journey|camping|holiday|vacation|commute|"
                         r"workout|gym|runs?|running|rides?|flight|outdoors|beach|party|wedding|"
                         r"event|gathering|office|kitchen|classroom)|before you (?:leave|go|travel))\b",
              "links it to the buyer's stated need", "结合买家说明的需求"),
         Move("recommend", 3, "fact:recommended_product", "the product that fits the need",
              "适合这一需求的商品"),
         Move("reason", 2, r"\b(because|so (?:it|you|your)|which (?:is|has|means|makes|keeps|folds|"
                           r"holds)|(?:it|its \w+) (?:weighs|charges|holds|gives|lasts|keeps|folds)|"
                           r"(?:which|that) (?:is|has|means|makes|keeps|folds|"
                           r"holds)|enough for|designed for|ideal for|good for|made for|suits?|"
                           r"fits? (?:in|into|on)|lighter|smaller|stronger|longer|(?:only|just) "
                           r"\d+\s?(?:g|grams|kg|cm|hours)|"
                           # what it does for the need, without "because" (issue 28, thirteenth
                           # reading): "the PowerGo Lite is best: two phone charges and very light"
                           # a quality for its use: "light for travel", "small enough for your
                           # bag" (the sixteenth student reader, brief 22r16)
                           r"(?:light|small|compact|thin|strong|slim|tough|quiet)(?: enough)? for "
                           r"(?:your |a |the )?[\w-]+|"
                           r"(?:two|three|four|five|\d+) (?:full )?(?:phone )?(?:charges|"
                           r"recharges)|(?:very|so|quite|really|super) (?:light|small|compact|thin|"
                           r"strong))\b",
              "says why it fits", "说明为什么合适"),
         Move("price", 2, "fact:unit_price", "its price", "价格", only_with="unit_price"),
         Move("next", 1, "time", "a next step with a time", "下一步及时间")),
        right=("recommend",), wrong=("fake_urgency", "off_platform", "spam_style", "no_choice"),
        not_now=_COMPLAINT,
        facts=("buyer_name", "product", "recommended_product", "unit_price"), words=(40, 150)),
    Situation(
        "new_arrival",
        r"\b(new|newly|arriv\w*|launch\w*|latest|just (?:in|added)|now (?:in stock|available))\b",
        (Move("history", 2, rf"\b({_HISTORY}|since you)\b",
              "says why this customer hears about it (what they bought)",
              "说明为什么通知这位客户（她买过什么）"),
         Move("product", 1, "fact:last_product", "the product they bought before",
              "客户以前买过的商品", only_with="last_product"),
         Move("new", 3, "fact:recommended_product", "the new product", "新品"),
         Move("price", 2, "fact:unit_price", "its real price", "真实价格", only_with="unit_price"),
         # brief 22s: "if you would like one" is a next step, not a way to say no to such news
         # (the task asks for one: W10's teacher 75 for a good reply without it)
         Move("choice", 2, r"\b(if you (?:prefer not|would rather not)|no need to "
                           r"reply|(?:do not|don't|rather not) (?:want|wish) (?:to )?(?:receive|"
                           r"get|hear)|rather not (?:receive|get|hear)|(?:receive|get|hear) "
                           r"(?:fewer|less|no more|no)\b|let us know if you (?:do not|don't|would rather)|"
                           r"unsubscribe|fewer messages|opt out"
                           r"|if you (?:are not|aren't|do not|don't|not|no) (?:interested|want|need|like)|just tell (?:me|us)"
                           r"|we (?:will|can|'ll) stop(?: sending| writing| the messages)?|"
                           + _OPT_OUT_PLAIN +
                           # brief 22e: "No need to hurry.", "Please take your time to decide.",
                           # "It is your choice, of course."
                           r"|" + _NO_PUSH + r"|(?:is|it'?s) "
                           r"(?:your|entirely your|completely your) (?:choice|decision)|(?:is|it'?s) "
                           r"(?:entirely |completely )?up to you|no pressure" r")\b",
              "leaves the choice to the customer (no pressure, can opt out)",
              "把选择权留给客户（不施压，可以不再接收）"),
         Move("next", 1, "time", "a next step with a time", "下一步及时间")),
        right=("new",), wrong=("fake_urgency", "off_platform", "spam_style", "made_up_discount",
                                   "promises_discount"),
        not_now=_COMPLAINT,
        first="history",
        facts=("buyer_name", "last_product", "recommended_product", "unit_price",
               "times_bought"), pitch_ok=True, words=(40, 140)),
    Situation(
        "holiday_greeting",
        r"\b(happy|merry|wish\w*|greetings?|season'?s|festival|holiday\w*|celebrat\w*|"
        r"mubarak|new year|christmas|thanksgiving|eid|ramadan|lunar|songkran|diwali)\b",
        (Move("wishes", 3, r"\b(happy|merry|(?:we |i )?wish(?:es|ing)? you|warm(?:est)? "
                           r"(?:wishes|greetings)|season'?s greetings|mubarak|have a (?:wonderful|"
                           r"lovely|happy|peaceful|great))\b",
              "the holiday wishes themselves", "节日祝福本身"),
         Move("thanks", 2, r"\b(thank\w* (?:you )?(?:so much |very much )?for\b|grateful for|"
                           # the thanks as a clause: "We are grateful you chose our mugs in
                           # September" (the nineteenth readers)
                           r"(?:grateful|thankful) (?:that )?(?:you|your)\b|"
                           r"we appreciate (?:your|you|having))",
              "thanks the customer for the year together", "感谢客户一年来的支持"),
         Move("personal", 2, r"\b(your (?:family|loved ones|home|friends|children|kids)|"
                             r"(?:you|your) (?:and|&) (?:your )?(?:family|loved ones)|this "
                             r"year you|you (?:bought|ordered|chose)|your (?:first|\w+) order|"
                             # "your order in September", "we hope the mugs warm your
                             # mornings" (brief 22g): what they bought, in their life
                             r"your (?:order|purchase) (?:in|last|of|from)|(?:we |i )hope (?:the|"
                             r"your) [\w ]{2,25}? (?:warms?|makes?|brings?|keeps?|brightens?|"
                             r"helps?|fills?) (?:your|you)|your (?:mornings|evenings|table|"
                             r"kitchen|days|holidays?)|"
                             # round 7: "it was a joy to pack your five mugs in August"
                             r"your " + _COUNT + r" \w+|(?:pack\w*|wrap\w*|ship\w*|sen[dt]\w*) "
                             r"your \w+|"
                             # issue 28, thirteenth reading: "Thank you for buying two coffee
                             # mugs from us in September", "a nice holiday with family"
                             # what they bought named in the thanks: "Thanks for buying 2
                             # mugs" (issue 28, the eighteenth student reader), not "thanks
                             # for buying from us"
                             r"thank\w* (?:you )?for (?:buying|ordering|choosing|picking) (?:(?:our|the|"
                             r"those|these|your|\d+|two|three|four|five|six|a|an) )?(?!(?:from|with|at|"
                             r"here|again|us|it|them|our|the|shop|store|company|brand)\b)[a-z]{3,}|"
                             r"(?:for|after) (?:buying|ordering|choosing) (?:\w+ ){0,3}?\w+ (?:from "
                             r"us|in (?:january|february|march|april|may|june|july|august|"
                             r"september|october|november|december)|last (?:month|year|week))|"
                             r"with (?:your |the )?(?:family|loved ones|kids|children))\b",
              "a personal touch (family, what they bought)", "个性化内容（家人、买过的商品）"),
         Move("offer", 1, "fact:discount", "the holiday offer, if any", "节日优惠（如有）",
              only_with="discount"),
         Move("until", 1, "fact:offer_until", "when the offer ends", "优惠截止日期",
              only_with="offer_until")),
        right=("wishes",), wrong=("fake_urgency", "off_platform", "spam_style",
                                  "advert_greeting", "offer_first", "made_up_discount"),
        not_now=_COMPLAINT,
        facts=("buyer_name", "holiday", "discount", "offer_until", "holiday_date"), next_step=False,
        words=(30, 120), short_ok=True),
    Situation(
        "time_limited_offer",
        r"\b(offer|discount|off|code|coupon|price|until|ends?|valid)\b|[$€£¥]\s?\d+",
        # the discount stated as two prices ("now $20.40, before $24", brief 22g)
        (Move("discount", 3, "fact:discount,unit_price+regular_price", "the real discount",
              "真实的折扣"),
         Move("until", 3, "fact:offer_until", "the real last day", "真实的截止日期"),
         Move("price", 2, "fact:unit_price", "the real price", "真实的价格", only_with="unit_price"),
         Move("why", 1, r"\b(thank\w* (?:you )?for|as (?:a|one of our) (?:loyal|valued|"
                        r"regular|returning|old)|our (?:loyal|regular|returning|old) customers|"
                        # "as our regular customer", "because you are our loyal customer" (the
                        # seventeenth student reader; W10's own honest draft says it so)
                        r"(?:as|because you are|since you are|you are) our (?:loyal|valued|"
                        r"regular|returning|old|good|best) customer|"
                        r"you (?:bought|ordered|have ordered|chose)|"
                        # "because you often buy our power banks" (brief 22g)
                        r"you (?:often|always|usually|regularly) (?:buy|order|shop|choose)|"
                        # "You keep coming back for our mugs" (the eighth tuning set)
                        r"you keep (?:coming back|buying|ordering|choosing)|"
                        # what he likes of ours: "Since you enjoy our mugs" (the sixteenth teacher
                        # reader, brief 22r16)
                        r"(?:since|as|because) you (?:really |already )?(?:enjoy|like|love)d? (?:our|the|"
                        r"your|these|those))\b",
              "why this customer gets it (an old customer)", "为什么给这位客户（老客户）"),
         Move("how", 1, r"\b(code|coupon|automatically|at checkout|in (?:your|the) cart|add (?:it|"
                        r"them) to|order (?:it|them|as usual)|in our (?:store|shop)|automatic|just order|"
                        r"order (?:it |them )?(?:on|in|from|through) (?:our|the|aliexpress|amazon|"
                        r"shopee|lazada|ebay)|reply (?:to )?(?:me|us|this (?:mail|message))|"
                        # the price lowered at payment: "Nothing to enter; the lower price appears
                        # when you pay" (the eighth tuning set)
                        r"nothing to (?:enter|type)|no code (?:is )?needed|(?:appears?|applies|is "
                        r"taken off|comes off|shows?) (?:when|as) you (?:pay|check out|order))\b",
              "how to use the offer", "如何使用优惠"),
         Move("choice", 1, r"\b(if you (?:are interested|would like|want|need|prefer not)|no "
                           r"need to reply|(?:do not|don't|rather not) (?:want|wish) (?:to )?"
                           r"(?:receive|get|hear)|unsubscribe|opt out|no pressure"
                           # the B1 negative without "do": "If you not need it, no problem."
                           # (the fifteenth readers, brief 22pw), as the new-arrival letter reads it
                           r"|if you (?:are not|aren't|do not|don't|not|no) (?:interested|want|need|like)|just tell (?:me|us)|"
                           + _OPT_OUT_PLAIN +
                           # brief 22e: "No need to hurry.", "Please take your time to decide.",
                           # "It is your choice, of course."
                           r"|" + _NO_PUSH + r"|(?:is|it'?s) "
                           r"(?:your|entirely your|completely your) (?:choice|decision)|(?:is|it'?s) "
                           r"(?:entirely |completely )?up to you|no pressure|"
                           # the offer told as what he may do, not what he must (issue 28, the
                           # eighteenth teacher reader: "you can have 15% off ... The discount is
                           # automatic when you pay." leaves the choice; a letter that pushes
                           # does not, whatever it says: course.writing.scorers.Content)
                           r"you (?:can|may|could) (?:have|get|use|enjoy|take|buy|order)|"
                           r"(?:is|are) yours if you (?:want|like|wish)" r")\b",
              "leaves the choice to the customer", "把选择权留给客户")),
        right=("discount", "until"), wrong=("fake_urgency", "off_platform", "spam_style",
                                            "made_up_discount"),
        not_now=_COMPLAINT,
        facts=("buyer_name", "product", "discount", "offer_until", "unit_price", "regular_price",
               "times_bought"),
        pitch_ok=True, words=(35, 130)),
)
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
