"""The moves a reply to a buyer makes (apologise, give the tracking number, offer a solution...).

Role-plays branch on these moves: ``moves_in(text)`` returns the set of move names a reply
makes, and ``MOVES`` describes each one in English and Chinese. The recognisers are the
reviewer's own (course.writing.reviewer), so a move counts here exactly when the review sees it.
"""
from __future__ import annotations

import re

import course.writing.patterns as P
from course.writing.situations import BY_NAME, MONEY_RETURNED
from course.writing.text import find_affirmed, split

# move -> (en, zh)
MOVES = {
    "greet": ("greets the buyer", "问候买家"),
    "thank": ("thanks the buyer", "感谢买家"),
    "apologise": ("apologises", "致歉"),
    "own_mistake": ("accepts responsibility", "承担责任"),
    "explain": ("explains what happened", "说明原因"),
    "give_tracking": ("gives the tracking number", "提供运单号"),
    "give_ship_date": ("gives the ship date", "说明发货日期"),
    "give_carrier": ("names the carrier", "说明承运商"),
    "ask_photos": ("asks for photos", "请买家提供照片"),
    "offer_refund": ("offers a refund", "提出退款"),
    "offer_replacement": ("offers a replacement or resend", "提出换货或补发"),
    "offer_compensation": ("offers a partial compensation", "提出部分补偿"),
    "offer_solution": ("offers a concrete solution", "提出具体解决方案"),
    "ask_acceptable": ("asks whether the solution is acceptable", "询问买家是否接受"),
    "give_time": ("says what happens next and when", "说明下一步及时间"),
    "give_price": ("gives a price or an offer", "给出价格或报价"),
    "ask_destination": ("asks where to ship", "询问收货地"),
    # what the step needs, not "a question about the order" (read as the order number: the
    # twenty-third student reader on W08 Sophie's turn 1; brief 22d): both role-plays that
    # expect it ask to see the fault
    "ask_details": ("asks the buyer for what you need to see the fault (a short video or photos)",
                    "请买家提供查看故障所需的内容（一段短视频或照片）"),
    "verify": ("asks for details that show the buyer is real (company, address, website)",
               "询问能证明买家真实性的信息（公司、地址、网站）"),
    "decline_pressure": ("keeps to the normal process instead of rushing", "不被催促，按正常流程处理"),
    "thank_past": ("thanks the buyer for past business", "感谢买家过去的合作"),
    "show_concern": ("shows concern for restoring the relationship", "表达恢复合作的诚意"),
    "new_products": ("presents the firm's present profile or new products", "介绍公司现状或新产品"),
    "special_offer": ("gives a time-limited offer", "给出限时优惠"),
    "ask_reply": ("asks for an early reply", "请对方尽早回复"),
    "holding_reply": ("says the mail was received and is being processed", "告知邮件已收到、正在处理"),
    "close": ("ends with a friendly closing", "友好结尾"),
    "blame": ("blames or commands the buyer (a move to avoid)", "指责或命令买家（应避免）"),
    "wrong_decision": ("takes a decision this case rules out (a move to avoid)",
                       "做出了这种情况不应做的决定（应避免）"),
}

_RX = {
    "own_mistake": r"\b((?<!not )our (?:mistake|fault|responsibility)|we (?:made a mistake|sent the wrong)|"
                   r"(?:is|was) our responsibility)\b",
    "explain": r"\b(because|due to|caused by|the reason|peak season|customs|sorting|"
               r"we found that|out of stock|damaged|waiting (?:for|at))\b",
    "ask_photos": r"\b(photos?|pictures?|images?)\b",
    # "we have sent the $40 today", "we send you 40 dollars", "your money": money sent back is
    # a refund, whether or not the word is used (Sophie herself writes "please send the 40")
    # "the $40 will be in your account within 3 days": the money arriving is the refund too
    "offer_refund": r"\b(refund\w*|money back|your money|(?:send|sent|sending|pay|paid|"
                    r"transfer\w*|return\w*) (?:you )?(?:the |your |back )?(?:[$€£¥]\s?\d+"
                    r"(?:\.\d+)?|\d+(?:\.\d+)? ?(?:dollars?|usd))|"
                    # what reaches the buyer's account is money, whatever the subject: "it
                    # should reach your account in about three working days" (issue 28, the
                    # fourteenth teacher reader)
                    r"(?:will|should|is going to|'ll|can) (?:be (?:back )?in|reach|arrive (?:in|at)|"
                    r"come (?:back )?(?:in)?to|go (?:back )?to|show (?:up )?in|appear in) your (?:bank "
                    r"account|account|card|paypal|bank|wallet)|"
                    # "the $40 is on its way today", "you will see the $40 in 3 days" (brief 22r)
                    r"(?:the|your) (?:[$€£¥]\s?\d+(?:\.\d+)?|\d+(?:\.\d+)? ?(?:dollars?|usd)|money)"
                    # the amount in brackets after it: "The money ($40) is on the way" (brief 22r16)
                    r"(?: \([^()]{1,20}\))? (?:is|are|has been|was) (?:on (?:its|the) way|sent|paid|transferred)|"
                    r"you(?:'ll| will) (?:see|get|receive) (?:the |your )?(?:[$€£¥]\s?\d+|\d+"
                    r"(?:\.\d+)? ?(?:dollars?|usd)|money)|"
                    # B1 without the article (issue 28, thirteenth reading): "money is sent
                    # today, arrive in 3 days", "we sent money back"
                    r"(?<!no )(?<!any )\bmoney (?:is |are |has been |was |will be )?(?:sent|paid"
                    r"|transferred|on (?:its|the) way)|(?:send|sent|sending|transfer\w*) "
                    r"(?:you )?(?:the )?money(?: back)?(?! to us))",
    "offer_replacement": r"\b(resend|re-send|reship|replace\w*|send (?:you )?a new|new one(?!-)|"
                         r"exchange|(?:correct|right) (?:size|one|item|colou?r))\b",
    # "we pay $40 for repair", "we will cover the repair": money offered is an offer
    "offer_compensation": r"\b(compensat\w*|partial refund|discount|coupon|we(?: will| can|'ll|"
                          r" would)? (?:pay|cover|give)(?: you)? (?:the |for the )?(?:[$€£¥]\s?\d+"
                          r"(?:\.\d+)?|\d+(?:\.\d+)? ?(?:dollars?|usd)|repair\w*)|(?:pay|cover) "
                          r"(?:for )?the repair|"
                          # "we cover it with $40" (issue 28, twelfth reading)
                          r"\bcover (?:it|this|that|the (?:repair|cost)) (?:with|by) (?:[$€£¥]\s?\d+"
                          r"|\d+ ?(?:dollars?|usd)))",
    "give_price": r"[$€£¥]\s?\d|\b\d+(?:\.\d+)?\s?(?:usd|dollars?|eur)\b|\b(discount|best price|"
                  r"quote|offer)\b",
    "ask_destination": r"\b(which (?:country|city)|where (?:should|to|do you)|destination|"
                       r"ship(?:ped)? to)\b",
    # a request with "Please" asks the buyer too: "Please send us a short video" (brief 22r)
    # ... also after a comma: "Sorry Sophie, please send a video." (brief 22cp)
    # ... "make" and "shoot" too: "Please make a small video so we can see ..." (issue 28, the
    # nineteenth teacher reader: told to ask although the turn asks for the video)
    "ask_details": r"\?|(?:^|[.!:,\n]\s*|\b(?:and|so|now|first),? )(?:could you )?please,? "
                   r"(?:first |also |kindly |just )?(?:send|share|tell|give|confirm|provide|"
                   r"upload|attach|take|film|record|show|make(?! sure)|shoot)\b|请(?:您)?(?:发|提供|告诉)|"
                   # a polite request without "please" or "?": "it would help us if you could
                   # try recording a clip", "we would be grateful if you sent a photo" (issue
                   # 28, the fourteenth teacher reader)
                   r"\b(?:if you (?:could|can|would|sent|send)|would you (?:mind|be able to)|could "
                   r"you|can you)\s+(?:please\s+)?(?:also\s+|kindly\s+|just\s+)?(?:try\s+)?(?:to\s+)?"
                   r"(?:send|sent|share|tell|give|confirm|provide|upload|attach|take|film|record|show"
                   r"|make)\w*|"
                   # the request with "please" after it: "Send video pls." (issue 28, the
                   # fourteenth student reader: told to ask although the note asks)
                   r"(?:^|[.!:\n]\s*|\b(?:and|so|now|first),? )(?:send|share|tell|give|confirm|provide|"
                   r"upload|attach|take|film|record|show)\b[^.?!]{0,40}?,? (?:please|pls|plz)\b",
    "verify": r"\b(company (?:name|website|registration)|website|registration|business licen[cs]e|"
              r"(?:full|company) address|who you are|more about your company|your company)\b",
    "decline_pressure": r"\b(our (?:usual|normal|standard) (?:process|terms)|(?:first|before "
                        r"that),? (?:we|please)|sample order|trial order|step by step|"
                        r"unfortunately,? we cannot meet|cannot (?:meet|travel) (?:today|tonight|"
                        r"at such short notice)|by (?:video|email) first|after we receive)\b",
    "holding_reply": r"\b(mail|message|e-?mail) (?:has been |was )?received|we have received your|"
                     r"(?:is|are) (?:now )?being (?:processed|checked|handled)|we are (?:checking|"
                     r"looking into)|get back to you\b",
}
# the moves a role-play shares with the reviewer's situation table use its recognisers, so that
# a move counts in a role-play exactly when the review of a reply sees it
_SHARED = {"ask_acceptable": ("quality_minor", "acceptable"),
           "thank_past": ("restore_relations", "thank_past"),
           "show_concern": ("restore_relations", "concern"),
           "new_products": ("restore_relations", "profile"),
           "special_offer": ("restore_relations", "offer"),
           "ask_reply": ("restore_relations", "reply")}
_RX.update({move: BY_NAME[situation].move(name).find for move, (situation, name) in _SHARED.items()})
# money given back is read as the review reads it ("We give back 40 dollars for the repair
# cost", "we can give back 40 dollars": brief 22rf, the W08 role-play's turn 2)
_RX["offer_refund"] = _RX["offer_refund"] + r"|\b(?:" + MONEY_RETURNED + r")\b"
_RX = {k: re.compile(v, re.I) for k, v in _RX.items()}


def moves_in(text: str, facts=None, situation: str | None = None) -> set[str]:
    """The set of move names (keys of ``MOVES``) that the reply ``text`` makes.

    ``facts`` (optional, as for ``review_reply``) makes the fact moves exact: the tracking
    number, ship date and carrier must be the ones given (checked by value). A move denied in
    its own clause is not made: "we cannot refund" does not offer a refund.
    ``situation`` (optional, a name of the situation table): a reply that takes one of its
    wrong decisions ("send the machine back to China for a full refund" where a local repair is
    the remedy) makes the move ``wrong_decision``, and its offer is not the solution.

    >>> sorted(moves_in("Dear Megan, we are so sorry. Could you send a photo? We will refund "
    ...                 "you within 24 hours."))
    ['apologise', 'ask_details', 'ask_photos', 'give_time', 'greet', 'offer_refund', 'offer_solution']
    >>> "offer_refund" in moves_in("Sorry, no refund.")
    False
    """
    from course.writing.factcheck import check_facts
    from course.writing.values import FACT_KINDS, amounts_in_digits

    facts = dict(facts or {})
    # an amount in words is read as in digits, as the reviewer reads it ("we will cover forty
    # dollars of the cost": issue 28, the sixteenth teacher reader's role-play turn)
    flat = amounts_in_digits(" ".join(str(text).split()))
    greeting, _body, closing = split(str(text))
    found = {name for name, ok in (("greet", greeting), ("close", closing)) if ok}
    for name, rx in (("thank", P.THANKS), ("apologise", P.APOLOGY), ("give_time", P.TIME)):
        if rx.search(flat):
            found.add(name)
    check = check_facts(flat, facts)
    for move, fact in (("give_tracking", "tracking_number"), ("give_ship_date", "ship_date"),
                       ("give_carrier", "carrier")):
        if fact in check.right or (not facts.get(fact)
                                   and FACT_KINDS[fact].kind.find(flat, facts)):
            found.add(move)
    if any(w.field == "tracking_number" for w in check.wrong):
        found.discard("give_tracking")
    for name, rx in _RX.items():
        if (rx.search(flat) if name == "ask_details" else find_affirmed(rx, flat)):
            found.add(name)
    if found & {"offer_refund", "offer_replacement", "offer_compensation"}:
        found.add("offer_solution")
    if any(rx.search(flat) for kind, rx in P.TONE if kind in ("blame", "command", "sarcasm")):
        found.add("blame")
        # "It is your fault. Sorry." is no apology: the buyer hears the blame, and the
        # conversation goes where a reply without an apology goes
        found.discard("apologise")
    if situation and wrong_decisions(flat, situation, facts):
        found -= {"offer_refund", "offer_replacement", "offer_compensation", "offer_solution"}
        found.add("wrong_decision")
    return found


def wrong_decisions(text: str, situation: str, facts=None) -> list[str]:
    """The wrong decisions of ``situation`` (course.writing.situations) that ``text`` takes."""
    from course.writing.decisions import DECISIONS
    from course.writing.reading import Reply
    from course.writing.situations import BY_NAME

    if situation not in BY_NAME:
        return []
    reply = Reply(str(text), dict(facts or {}), "", (1, 10000))
    return [name for name in BY_NAME[situation].wrong if DECISIONS[name].find(reply)]
