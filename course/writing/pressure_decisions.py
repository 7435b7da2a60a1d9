"""Wrong decisions that press the buyer: payment pressed, a threat, "buy it now", urgency made
up (each a :class:`course.writing.decision_base.Push`, taken back by the words that govern it).
"""
from __future__ import annotations

import re

from course.writing.decision_base import Push

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
# brief 22d: what the buyer may do is no push: "You can order now." (the twenty-third teacher
# reader: a neutral invitation, read as pressure; 40, fail); pressure said with it is still
# found by its own words ("You can order now before it is gone.", "hurry")
FAKE_URGENCY.excuse = re.compile(r"\bno (?:need|rush)\b|\bneed(?:n'?t| not)\b|"
                                 r"\b(?:do not|don'?t) (?:need|have) to\b|"
                                 r"\byou (?:can|may|could) (?:also |just |simply )?$", re.I)
