"""Reviewing a learner's English reply to a buyer on a rubric a teacher can read (SYLLABUS L7/L8).

Five criteria, 100 points: content 30 (the facts and moves the situation needs), relevance 15
(it answers this buyer), tone 20 (polite, no blame, commands or sarcasm; an apology where due),
language 20 (sentences, spelling, frequent learner errors), structure 15 (greeting, thanks, a
next step with a time, a closing). Four gates keep the score honest: a reply that does not
answer the buyer is capped at 25, a rude or blaming one at 40, a list of keywords at 20,
broken English (three errors or more) and a wrong fact (an order number given as the tracking
number) at 50. The review is a helper; the teacher decides.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache

from course.errors import InputError


def one_of(value, valid, what: str) -> str:
    """``value`` as one of ``valid`` (case-insensitive), else a clear error with a suggestion."""
    import difflib

    valid = list(valid)
    if isinstance(value, str):
        for v in valid:
            if value.strip().lower() == v.lower():
                return v
    close = difflib.get_close_matches(str(value), valid, n=1, cutoff=0.6)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    raise InputError(f"Unknown {what} {value!r}.{hint} Expected one of: {', '.join(valid)}.")

SITUATIONS = (
    "bargaining", "combined_shipping", "product_question", "address_change", "out_of_stock",
    "unpaid_order", "quality_minor", "quality_refund", "quality_repair", "logistics_delay",
    "return",
    # writing tasks of lessons 1, 3 and 5 that draft_reply does not write
    "restore_relations", "suspicious_inquiry", "holding_reply",
)
APOLOGY_DUE = {"out_of_stock", "quality_minor", "quality_refund", "quality_repair",
               "logistics_delay", "return"}
WEIGHTS = {"content": 30, "relevance": 15, "tone": 20, "language": 20, "structure": 15}
CAPS = {"relevance": 25, "tone": 40, "keywords": 20, "language": 50, "wrong_fact": 50}
HELPER_NOTE = {
    "en": "This review is a helper's reading of your reply; your teacher decides the mark.",
    "zh": "本评语只是辅助工具的参考，最终成绩由老师决定。",
}
LABELS = {
    "content": ("Content: facts and solution", "内容：关键信息与方案"),
    "relevance": ("Relevance: answers the buyer", "切题：回答买家的问题"),
    "tone": ("Tone: polite, no blame", "语气：礼貌、不指责"),
    "language": ("Language: sentences, spelling, grammar", "语言：完整句子、拼写、语法"),
    "structure": ("Structure: greeting, thanks, next step, closing", "结构：问候、致谢、下一步、结尾"),
}

# ------------------------------------------------------------------ recognisers
_MONTHS = {m: i + 1 for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"))}
_MONTH_RX = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
             r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY_RX = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_ORD = r"(?:st|nd|rd|th)?"
_DATE_ANY = re.compile(
    rf"\b(?:(?:the\s+)?\d{{1,2}}{_ORD}(?:\s+of)?\s+{_MONTH_RX}|{_MONTH_RX}\s+(?:the\s+)?"
    rf"\d{{1,2}}{_ORD}|\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|"
    rf"\d{{1,2}}月\d{{1,2}}[日号]|{_WEEKDAY_RX})\b", re.I)
_TIME = re.compile(
    rf"\b(?:within\s+(?:the\s+next\s+)?(?:\d+|an?|one|two|three|four|five|seven|ten|24|48|72)"
    rf"\s+(?:working\s+|business\s+)?(?:hours?|days?|weeks?)|"
    rf"in\s+(?:the\s+next\s+)?(?:\d+|one|two|three|a few)\s+(?:working\s+)?(?:hours?|days?)|"
    rf"(?:today|tomorrow|tonight|right away|at once|immediately)|"
    rf"by\s+(?:the\s+end\s+of\s+\w+|{_WEEKDAY_RX}|tomorrow|(?:the\s+)?\d{{1,2}}{_ORD}"
    rf"(?:\s+of)?\s+{_MONTH_RX}|{_MONTH_RX}\s+\d{{1,2}}{_ORD}|next\s+week|this\s+week)|"
    rf"(?:on|before|until)\s+{_WEEKDAY_RX}|this\s+week|next\s+week|"
    rf"for\s+(?:the\s+next\s+)?(?:\d+|one|two|three|seven)\s+(?:working\s+)?(?:hours?|days?)|"
    rf"another\s+\d+\s+(?:working\s+)?days?|\d+\s+(?:working\s+)?days?\s+after|"
    rf"(?:on|by|after|before)\s+(?:the\s+)?\d{{1,2}}{_ORD}(?:\s+of)?\s+{_MONTH_RX}|"
    rf"(?:on|by|after|before)\s+{_MONTH_RX}\s+\d{{1,2}}{_ORD})\b", re.I)
_CURRENCY = r"(?:us\s?\$|\$|usd|eur|€|gbp|£|cny|rmb|¥|dollars?|euros?|pounds?|yuan|美元|欧元|英镑|元)"
_MONEY_ANY = re.compile(
    r"(?:(?:us\s?\$|\$|€|£|¥)\s?\d[\d,]*(?:\.\d+)?|\b(?:usd|eur|gbp|cny|rmb)\s?\d[\d,]*(?:\.\d+)?"
    r"|\b\d[\d,]*(?:\.\d+)?\s?(?:usd|eur|gbp|cny|rmb|dollars?|euros?|pounds?|yuan)\b|"
    r"\d[\d,]*(?:\.\d+)?\s?(?:美元|欧元|英镑|元))", re.I)
_CARRIERS = re.compile(
    r"\b(china post|china ems|ems|dhl|fedex|ups|usps|yunexpress|yun express|cainiao|4px|"
    r"royal mail|aramex|tnt|sf express|yanwen|j&t|ninja van|canada post|australia post|"
    r"la poste|deutsche post|postnl|correos|japan post|sunyou|the post office)\b", re.I)
_TRACKING_ANY = re.compile(r"\b([A-Z]{2}\d{9}[A-Z]{2}|1Z[0-9A-Z]{16}|[A-Z]{1,4}\d{8,20}[A-Z]{0,2}|"
                           r"\d{10,22})\b")
_TRACKING_LABEL = re.compile(
    r"\btracking(?:\s+(?:number|no\.?|code|id))?\s*(?:is|:|=)?\s*#?\s*([A-Za-z0-9-]{6,30})", re.I)
_ORDER_LABEL = re.compile(r"\border(?:\s+(?:number|no\.?|id))?\s*(?:is|:)?\s*#?\s*(\d{6,22})",
                          re.I)

_GREETING = re.compile(r"^\s*(dear|hi|hello|hey|good (?:morning|afternoon|evening|day)|"
                       r"greetings)\b", re.I)
_GREETING_LINE = re.compile(
    r"^\s*((?:dear|hi|hello|hey|good (?:morning|afternoon|evening|day)|greetings)"
    r"(?:\s+(?:mr|ms|mrs|miss|dr)\.?)?(?:\s+(?-i:[A-Z])[\w'-]*){0,2}\s*[,!:]?)\s*(.*)$", re.I)
_THANKS = re.compile(r"\b(thank(?:s| you)|appreciate|grateful)\b|谢谢|感谢", re.I)
_APOLOGY = re.compile(r"\b(sorry|apologi[sz]e[sd]?|apolog(?:y|ies)|regret)\b", re.I)
_CLOSING = re.compile(
    r"^\s*((?:best|kind|warm(?:est)?|warm|many)\s+(?:regards|wishes|thanks)|regards|"
    r"sincerely|yours(?:\s+(?:sincerely|faithfully|truly))?|best|cheers|thanks(?: again)?|"
    r"thank you|have a (?:nice|great|good|lovely|wonderful) (?:day|week|weekend)|"
    r"looking forward[^.\n]*|all the best|take care|with thanks)\b", re.I)

# the course's own tone patterns: (kind, regex)
_TONE = [
    ("blame", r"\bnot (?:our|my) (?:fault|problem|responsibility)\b|\byour (?:own )?fault\b|"
              r"\byou should have\b|\byou must have\b|\byou (?:did(?:n't| not)|never) read\b|"
              r"\bread the (?:description|size chart|listing)(?: next time)?\b|"
              r"\b(?:we|i) (?:are|am) not responsible\b|\bdon'?t blame us\b|"
              r"\byou (?:ordered|chose|picked|bought) (?:the )?(?:wrong|it|size)\b|"
              r"\byou (?:used|installed|washed) it wrong(?:ly)?\b|\bused it wrong\b|"
              r"\bsupplier is (?:useless|stupid|terrible)\b|\bnot my problem\b|"
              r"\bcheck (?:it|this) yourself\b|\bthat'?s your problem\b"),
    ("command", r"\bstop (?:sending|writing|asking|complaining|messaging)\b|"
                r"(?:^|(?<=[.!?] ))(?:stop(?: (?:sending|writing|asking|complaining))?|calm down|go and|go away|deal with it|wait\.|"
                r"check it yourself|read (?:it|the))\b|\byou (?:have to|must|need to) wait\b|"
                r"\bcalm down\b|\bdeal with it\b|\bgo and buy\b|\bbuy (?:it )?(?:from|elsewhere)"
                r"(?: another| other)?\b|\band then we will see\b|"
                r"(?:^|(?<=[.!?] ))(?:pay|send|reply|answer|confirm|decide)(?: it| us)? "
                r"(?:now|immediately|at once|today)\b|\bor (?:your|the) order (?:is|will be) "
                r"cancel\w*|\bdon'?t (?:write|message) "
                r"(?:us|again)\b"),
    ("sarcasm", r"\bwhat did you expect\b|\bobviously\b|\bof course it (?:takes|is)\b|"
                r"\bwe don'?t care\b|\bi don'?t care\b|\bnext time\b|\bseriously\?|"
                r"\bgood luck with that\b|\bwhat a surprise\b"),
    ("refusal", r"\bno refunds?\b(?! (?:is|are) needed)|\bnothing (?:we|i) can do\b|"
                r"\bwe can(?:not|'t) do anything\b|\bthat'?s impossible\b|\bit is impossible\b|"
                r"\bnot possible to refund\b"),
]
_TONE = [(k, re.compile(rx, re.I | re.M)) for k, rx in _TONE]
_EMPATHY = re.compile(r"\b(sorry|apologi|regret|understand|unfortunately|worry|patience|"
                      r"inconvenience|trouble|frustrat|disappoint)", re.I)

# frequent learner errors: (regex, what is wrong en, zh)
_ERRORS = [
    (r"\b(?:for|thank(?:s)?(?: you)?(?: for)?) you (?:patient|patience|understanding|order|"
     r"message|support|email|cooperation|purchase|feedback|kindness|reply)\b",
     "'you' where 'your' is needed (thank you for your patience)",
     "该用 your 时用了 you（thank you for your patience）"),
    (r"\byou patient\b", "'you patient' should be 'your patience'", "you patient 应为 your patience"),
    (r"\bthank for\b", "'thank for' should be 'thank you for'", "thank for 应为 thank you for"),
    (r"\b(?:is|are|was|were|be|been|being) (?:send|ship|deliver|return|refund|check|receive|pack|"
     r"post|arrange|confirm|update|cancel|change|repair|replace|happen|make|give|break)\b",
     "a passive needs the past participle ('is sent', 'was shipped')",
     "被动语态要用过去分词（is sent、was shipped）"),
    (r"\b(?:will|can|could|would|shall|should|must|may|might|to) (?:gives|sends|refunds|ships|"
     r"offers|makes|checks|arranges|returns|replaces|takes|receives|pays|helps)\b",
     "after 'will', 'can' or 'to' the verb has no -s ('we will refund')",
     "will、can、to 之后的动词不加 -s（we will refund）"),
    (r"\bpromises? (?!to\b|that\b|you\b|we\b|it\b|this\b|a\b|an\b|the\b|our\b|your\b)"
     r"(?:resend|refund|send|ship|give|deliver|replace|check|reply|contact|help|arrange|make|"
     r"return|solve|fix)\b",
     "'promise' takes 'to' before the verb ('we promise to resend')",
     "promise 后面的动词要加 to（we promise to resend）"),
    (r"\byou no need\b|\bno need (?:send|return|pay|worry|to worry you)\b",
     "'you no need send' should be 'you do not need to send'",
     "you no need send 应为 you do not need to send"),
    (r"\b(?:we|i|they) (?:sending|shipping|checking|refunding|waiting|hoping|making|giving|"
     r"offering|arranging|preparing)\b",
     "a verb in -ing needs 'am/are' before it ('we are sending')",
     "-ing 形式前要加 am/are（we are sending）"),
    (r"\b(?:you|we|they) (?:is|was|has)\b|\b(?:he|she|it) (?:are|were|have)\b|\bi (?:is|are)\b",
     "the verb does not agree with its subject ('you are', 'it is')",
     "主谓不一致（you are、it is）"),
    (r"\b(?:the|these|those|your|our|my|all) (?!news\b|series\b|glass\b|status\b|address\b|"
     r"business\b|this\b|bus\b|gas\b|class\b|process\b)[a-z]+[^s\W]s (?:was|is|has)\b",
     "a plural subject takes 'were / are / have' ('the books were')",
     "复数主语要用 were / are / have（the books were）"),
    (r"\b(?:books|items|goods|shoes|products|parcels|orders|lamps|boards|cables) (?:was|is|has)\b",
     "a plural subject takes 'were / are / have' ('the books were')",
     "复数主语要用 were / are / have（the books were）"),
    (r"(?<!\bdoes )(?<!\bdo )(?<!\bdid )(?<!\bwill )(?<!\bcan )(?<!\bwould )(?<!\bcould )"
     r"(?<!\bmay )(?<!\bshould )(?<!\bto )\b(?:the|this|that|your|our|my) (?:parcel|item|package|"
     r"order|board|cable|product|shoe|lamp|scarf|nozzle|problem) (?:are|were|have)\b",
     "a singular subject takes 'is / was / has' ('the parcel is')",
     "单数主语要用 is / was / has（the parcel is）"),
    (r"\bno have\b|\b(?:you|we|i|they|it) not (?:receive|arrive|agree|like|want|need|have|know|"
     r"get)\b", "a negative needs 'do not' / 'does not' ('if you do not receive it')",
     "否定句要用 do not / does not（if you do not receive it）"),
    (r"\bsorry for (?:we|i|they)\b|\bsorry for you\b",
     "'sorry for you' means pity; say 'sorry for the trouble' or 'sorry that we ...'",
     "sorry for you 表示同情，应说 sorry for the trouble 或 sorry that we ..."),
    (r"\bplease you\b", "'please you send' should be 'please send'", "please you send 应为 please send"),
    (r"\b(?:[2-9]|\d{2,}) dollar\b", "more than one dollar is 'dollars'", "多于一美元要用 dollars"),
    (r"\b(?:is|are|was) happen\b|\bit happen\b", "'it is happen' should be 'it happened'",
     "it is happen 应为 it happened"),
    (r"\bthe (?:peak season|post|parcel|delay) make\b|\b(?:it|he|she) (?:make|take|need|look) \b",
     "third person singular needs -s ('it makes')", "第三人称单数动词要加 -s（it makes）"),
    (r"\bhave problem\b|\bmade mistake\b|\bis (?:very )?popular product\b",
     "a singular noun needs 'a' ('has a problem', 'made a mistake')",
     "单数名词前要加 a（has a problem、made a mistake）"),
    (r"\bin the way\b(?= now)|\bsend at\b|\bsent at (?=\d{1,2} \w+)",
     "a wrong preposition ('on its way', 'sent on 10 April')",
     "介词错误（on its way、sent on 10 April）"),
]
_ERRORS = [(re.compile(rx, re.I), en, zh) for rx, en, zh in _ERRORS]
# misspellings learners make that are common enough on the web to pass a frequency list
_MISSPELT = {
    "recieve", "recieved", "adress", "adresses", "untill", "tommorow", "tommorrow", "wich",
    "sory", "definately", "occured", "seperate", "accomodate", "begining", "beleive",
    "apologise's", "sincerly", "recived", "refound", "refounded", "shiped", "shipement",
    "payed", "garantee", "guarentee", "comunication", "responsability", "inconvinience",
    "inconvience", "convinient", "truely", "alot", "thier", "buyed", "informations",
    "advices", "goods's", "packge", "pakage", "delievery", "dilivery", "delivary",
    "quantaty", "qualiti", "custmer", "costumer", "costumers", "satisfacted", "patiance",
}
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")

_PITCH = re.compile(
    r"\b(\d+% off|new (?:collection|arrivals?|products?|models?)|special price|special offer|"
    r"buy (?:two|one|\d) (?:and )?get|don'?t miss|limited time|this week only|visit our "
    r"(?:store|shop)|perfect gift|ships? free|free shipping|best ?sellers?|check out our|"
    r"have you seen our|now in stock|coupon)\b", re.I)

# per situation: what answers the buyer (relevance) and the content moves (name, weight,
# regex, en, zh). Facts given to review_reply replace the generic fact regexes.
_ANSWERS = {
    "bargaining": r"\b(price|discount|offer|quote|cheaper|each|per (?:piece|unit|lamp))\b|"
                  r"[$€£¥]\s?\d",
    "combined_shipping": r"\b(together|one (?:package|parcel|box|shipment)|combin\w*|"
                         r"shipping (?:fee|cost)|invoice)\b",
    "product_question": r"\b(size|recommend\w*|fit|measure\w*|chart)\b",
    "address_change": r"\baddress\b",
    "out_of_stock": r"\b(stock|restock\w*|ship\w*|send|sent|dispatch\w*|available|delay\w*|"
                    r"cancel\w*|wait)\b",
    "unpaid_order": r"\b(pay\w*|cancel\w*|unpaid|invoice)\b",
    "quality_minor": r"\b(compensat\w*|refund\w*|money back|partial|discount|coupon|replace\w*)\b",
    "quality_refund": r"\b(refund\w*|money back|reimburs\w*)\b",
    "quality_repair": r"\b(repair\w*|fix\w*|refund\w*|compensat\w*)\b",
    "logistics_delay": r"\b(tracking|shipped|dispatched|in transit|on (?:its|the) way|delay\w*|"
                       r"arriv\w*|deliver\w*|customs|sorting|post office|parcel)\b",
    "return": r"\b(return\w*|refund\w*|replace\w*|exchange|photos?|pictures?|correct size|"
              r"right size|send (?:you )?the)\b",
    "restore_relations": r"\b(again|resume|re-?establish|restore|past|previous|back|new)\b",
    "suspicious_inquiry": r"\b(sample|company|website|details|specification|quantity|order|"
                          r"price|quote|model)\b",
    "holding_reply": r"\b(received|receive|checking|processing|processed|looking into|"
                     r"get back|reply)\b",
}
_ANSWERS = {k: re.compile(v, re.I) for k, v in _ANSWERS.items()}

_MOVES = {
    "bargaining": [
        ("offer", 2, r"\b(discount|better price|best price|special price|offer|quote|cheaper|"
                     r"reduce|lower|the price is|price (?:would|will) be)\b|"
                     r"[$€£¥]\s?\d+(?:\.\d+)?[^.]{0,20}\b(?:each|per|a piece|a mug)\b",
         "an offer or a promise to quote", "给出报价或承诺报价"),
        ("destination", 2, r"\b(country|city|where|destination|ship(?:ped)? to|deliver(?:ed)? to|"
                           r"location|address)\b", "asks where to ship (for the shipping cost)",
         "询问收货地（以便计算运费）"),
        ("quantity", 1, r"\b(how many|quantity|number of (?:pieces|pcs|units))\b",
         "asks how many pieces", "询问数量"),
    ],
    "combined_shipping": [
        ("one_package", 2, r"\b(one (?:package|parcel|box|shipment)|together|combin\w*)\b",
         "ships the items together", "合并发货"),
        ("fee", 2, "MONEY", "the one shipping fee", "合并后的运费"),
        ("invoice", 1, r"\b(invoice|adjust\w*|revise\w*|new price|change the price)\b",
         "a revised invoice or adjusted price", "修改账单或运费"),
    ],
    "product_question": [
        ("size", 3, r"\bsize\s+(?:us\s+)?(?:[0-9]{1,2}(?:\.5)?|XXS|XS|S|M|L|XL|XXL|XXXL|\dXL)\b",
         "a recommended size", "推荐尺码"),
        ("chart", 1, r"\b(size chart|size table|measurements?|measure)\b",
         "points to the size chart", "提醒参考尺码表"),
        ("reassure", 1, r"\b(quality|inspect\w*|check\w* (?:every|each)|exchange|return)\b",
         "reassures on quality or exchange", "在质量或换货方面让买家放心"),
    ],
    "address_change": [
        ("address", 3, r"\b(address|street|st\.|road|rd\.|avenue|ave\.|apartment|flat|"
                       r"postcode|zip)\b", "the new address", "新地址"),
        ("confirm", 2, r"\b(updated|changed|corrected|have (?:now )?(?:put|entered)|new address)\b",
         "confirms the change", "确认已修改"),
        ("order", 1, "ORDER", "the order number", "订单号"),
    ],
    "out_of_stock": [
        ("reason", 1, r"\b(out of stock|sold out|damaged|broken|cracked|no stock|run out|"
                      r"not in stock|defect\w*)\b", "why it cannot ship", "无法发货的原因"),
        ("restock", 3, "DATE", "the restock date", "补货日期"),
        ("acceptable", 2, r"\b(acceptable|ok(?:ay)? (?:for|with) you|is (?:that|this) ok|"
                          r"can you wait|would you (?:like|prefer|be willing)|do you agree|"
                          r"if you prefer|let us know|which do you prefer)\b",
         "asks whether the delay is acceptable", "询问买家能否接受延迟"),
        ("alternative", 2, r"\b(cancel\w*|refund\w*|alternative|another (?:colou?r|model)|"
                           r"instead)\b", "offers cancellation or an alternative",
         "提供取消订单或其他选择"),
    ],
    "unpaid_order": [
        ("reminder", 2, r"\b(not (?:been )?paid|unpaid|payment|pay)\b", "a friendly reminder",
         "友好提醒付款"),
        ("help", 2, r"\b(help|question|problem|any (?:doubt|concern))\b", "offers help",
         "提供帮助"),
        ("cancel", 1, r"\b(cancel\w*|changed your mind)\b", "offers to cancel", "可以取消订单"),
    ],
    "quality_minor": [
        ("amount", 3, "MONEY", "the compensation amount", "补偿金额"),
        ("compensation", 2, r"\b(compensat\w*|partial refund|refund\w*|money back|discount|"
                            r"coupon)\b", "a partial compensation", "部分补偿"),
        ("acceptable", 2, r"\b(acceptable|is (?:that|this) ok|do you agree|would you (?:accept|"
                          r"like)|would (?:that|this) be|let us know if|are you happy)\b",
         "asks whether it is acceptable", "询问买家是否接受"),
    ],
    "quality_refund": [
        ("amount", 3, "MONEY", "the refund amount", "退款金额"),
        ("full", 2, r"\b(full refund|refund\w* (?:you )?in full|full amount|refund\w* (?:the )?"
                    r"(?:full|whole|entire)|all (?:of )?your money|money back)\b",
         "a full refund", "全额退款"),
        ("no_return", 1, r"\b(no need to (?:send|return)|(?:do not|don't|don’t) need to "
                         r"(?:send|return)|keep (?:it|the)|not need to (?:send|return))\b",
         "no need to send it back", "无需退回商品"),
    ],
    "quality_repair": [
        ("repair", 2, r"\b(repair\w*|fix\w*)\b", "asks about a local repair", "询问能否在当地维修"),
        ("amount", 3, "MONEY", "the partial refund amount", "部分退款金额"),
        ("acceptable", 1, r"\b(acceptable|is (?:that|this) ok|do you agree|would you|let us know|"
                          r"please reply|please tell)\b", "asks for the buyer's answer",
         "请买家答复"),
    ],
    "logistics_delay": [
        ("ship_date", 2, "DATE", "the ship date", "发货日期"),
        ("carrier", 2, "CARRIER", "the carrier", "承运商"),
        ("tracking", 3, "TRACKING", "the tracking number", "运单号"),
        ("explain", 1, r"\b(peak season|busy|customs|sorting|flight|in transit|holiday|weather|"
                       r"backlog|waiting (?:for|at)|pause\w*|slower|delay\w* (?:at|in|by))\b",
         "explains the delay", "解释延误原因"),
        ("solution", 2, r"\b(resend|re-send|reship|send (?:you )?a new|refund\w*|replace\w*|"
                        r"new one|solution)\b", "a solution if it does not arrive",
         "若未送达的解决方案"),
    ],
    "return": [
        ("photos", 2, r"\b(photos?|pictures?|images?)\b", "asks for photos", "请买家提供照片"),
        ("refund", 3, r"\b(refund\w*|replace\w*|exchange|correct (?:size|one|item)|right "
                      r"(?:size|one)|send you (?:a|the) (?:new|correct))\b",
         "a refund or replacement", "退款或换货"),
    ],
}
_MOVES["restore_relations"] = [
    ("thank_past", 2, r"\b(thank\w* (?:you )?for (?:your|the) (?:past|previous|many|long|years|"
                      r"loyal|support|business|orders|cooperation)|past (?:orders|business|"
                      r"cooperation)|(?:many|several|\w+) years)\b",
     "thanks for past business", "感谢过去的合作"),
    ("concern", 2, r"\b(re-?establish|resume|restore|miss (?:working|you|your)|value (?:our|your)|"
                   r"work together again|welcome you back|relationship|hear from you again)\b",
     "shows concern for restoring the relationship", "表达恢复合作的诚意"),
    ("profile", 2, r"\b(new (?:product|collection|line|model|range|design)s?|we now (?:offer|have|"
                   r"make)|our (?:range|catalogue|catalog)|enclosed|latest|expanded|improved)\b",
     "the firm's present profile or new products", "公司现状或新产品"),
    ("offer", 1, r"\b(\d+% (?:off|discount)|special (?:price|offer|discount)|preferred|"
                 r"valid until|until the end of|this month only|top (?:ten )?customers)\b",
     "a time-limited offer", "限时优惠"),
    ("reply", 1, r"\b(earliest convenience|look(?:ing)? forward to (?:your|hearing)|reply soon|"
                 r"early reply|let us know)\b", "asks for an early reply", "请对方尽早回复"),
]
_MOVES["suspicious_inquiry"] = [
    ("verify", 3, r"\b(company (?:name|website|registration)|website|registration|business "
                  r"licen[cs]e|(?:full|company) address|more about your (?:company|business)|"
                  r"your (?:company|business) (?:details|profile))\b",
     "asks for details that show the buyer is real", "询问能证明买家真实的信息"),
    ("details", 2, r"\b(which (?:model|size|colou?r)s?|specifications?|quantity|how many|"
                   r"material|the products? you need|your requirements)\b",
     "asks which products and specifications", "询问具体产品和规格"),
    ("process", 2, r"\b(sample order|trial order|our (?:usual|normal|standard) (?:process|terms)|"
                   r"proforma invoice after|after we (?:receive|confirm)|step by step|"
                   r"(?:paid|pay for the) samples?|by (?:video|email) first|cannot (?:meet|travel))\b",
     "keeps to the normal process (samples, trial order, no rush)",
     "按正常流程处理（样品、试订单，不被催促）"),
]
_MOVES["holding_reply"] = [
    ("received", 3, r"\b((?:mail|message|e-?mail|request|order) (?:has been |was |is )?received|"
                    r"we (?:have )?received your|thank you for your (?:mail|message|e-?mail))\b",
     "says the mail was received", "告知邮件已收到"),
    ("processing", 2, r"\b((?:is|are) (?:now )?being (?:processed|checked|handled)|we are "
                      r"(?:checking|looking into|working on)|our (?:team|colleagues?|factory) "
                      r"(?:is|are) checking)\b", "says it is being processed",
     "说明正在处理"),
    ("when", 2, "WHEN", "when the real answer comes (three days at most)",
     "何时给出正式答复（最多三天）"),
]
_ASKS_PLACE = re.compile(r"\b(which (?:country|city)|where (?:should|to|do you|are you)|"
                         r"your (?:address|country|city|location)|destination)\b", re.I)
_ASKS_HOW_MANY = re.compile(r"\b(how many|what quantity|which quantity)\b", re.I)


def _given_by_buyer(message) -> dict:
    """Moves not to ask for, because the buyer already said them: name -> (en, zh, regex)."""
    if not message:
        return {}
    out = {}
    if _ASKS_QUANTITY.search(message):
        out["quantity"] = ("quantity", "数量", _ASKS_HOW_MANY)
    if re.search(r"\bsame address\b|\bdeliver(?:ed)? to\b|\bship(?:ped)? to\b", message, re.I):
        out["destination"] = ("address", "地址", _ASKS_PLACE)
    return out


_ASKS_QUANTITY = re.compile(r"\b(\d+|ten|twenty|thirty|fifty|a hundred)\s+(?:of (?:them|these|"
                            r"the)|pcs|pieces|units|sets|pairs|lamps|cups|items|\w+s)\b", re.I)


@dataclass(frozen=True)
class Criterion:
    """One rubric line: points out of ``max_points``, what was found and missing, advice en/zh."""

    name: str
    label: dict
    points: int
    max_points: int
    found: tuple = ()
    missing: tuple = ()
    advice: dict | None = None

    @property
    def passed(self) -> bool:
        """True when the criterion earned at least 70% of its points."""
        return self.points >= 0.7 * self.max_points

    @property
    def applicable(self) -> bool:
        return True

    @property
    def evidence(self) -> str:
        """What was found, as one line."""
        return "; ".join(self.found)


@dataclass(frozen=True)
class ReplyReview:
    """The review of one reply: ``score`` 0-100, five ``criteria``, ``flagged``, ``advice``."""

    situation: str
    score: int
    criteria: tuple
    flagged: tuple
    advice: tuple
    caps: tuple = ()
    note: dict = field(default_factory=lambda: dict(HELPER_NOTE))

    @property
    def passed(self) -> bool:
        """True when every criterion passed."""
        return all(c.passed for c in self.criteria)

    def criterion(self, name: str) -> Criterion:
        """The criterion called ``name`` (content, relevance, tone, language, structure)."""
        for c in self.criteria:
            if c.name == name:
                return c
        raise InputError(f"No criterion {name!r}; the criteria are: "
                         f"{', '.join(c.name for c in self.criteria)}.")

    def to_dict(self) -> dict:
        """Score, points per criterion, caps and the advice, as plain data (for storage)."""
        return {"situation": self.situation, "score": self.score,
                "criteria": {c.name: {"points": c.points, "max": c.max_points,
                                      "found": list(c.found), "missing": list(c.missing)}
                             for c in self.criteria},
                "caps": [dict(c) for c in self.caps], "flagged": list(self.flagged),
                "advice": [dict(a) for a in self.advice], "note": dict(self.note)}

    def to_frame(self):
        """The rubric as a DataFrame (criterion, points, max, passed, found, missing, advice)."""
        import pandas as pd

        return pd.DataFrame(
            [(c.label["en"], c.points, c.max_points, c.passed, "; ".join(c.found),
              "; ".join(c.missing), c.advice["en"] if c.advice else "",
              c.advice["zh"] if c.advice else "") for c in self.criteria],
            columns=["criterion", "points", "max", "passed", "found", "missing", "advice",
                     "advice_zh"],
        )

    def __repr__(self) -> str:
        lines = [f"Reply review ({self.situation}): {self.score}/100"]
        for c in self.criteria:
            mark = "ok  " if c.passed else "MISS"
            lines.append(f"  [{mark}] {c.label['en']} / {c.label['zh']}: "
                         f"{c.points}/{c.max_points}")
            if c.found:
                lines.append(f"         found: {'; '.join(c.found)}")
            if c.missing:
                lines.append(f"         missing: {'; '.join(c.missing)}")
        for cap in self.caps:
            lines.append(f"  Capped at {cap['cap']}: {cap['en']} / {cap['zh']}")
        if self.advice:
            lines.append("Advice / 建议:")
            for a in self.advice:
                lines.append(f"  - {a['en']}")
                lines.append(f"    {a['zh']}")
        lines.append(f"{self.note['en']} / {self.note['zh']}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        e = html.escape
        rows = []
        for c in self.criteria:
            mark = "✔" if c.passed else "✘"
            detail = ""
            if c.found:
                detail += f"found: {e('; '.join(c.found))}"
            if c.missing:
                detail += ("<br>" if detail else "") + f"missing: {e('; '.join(c.missing))}"
            rows.append(f"<tr><td>{mark}</td><td>{e(c.label['en'])} / {e(c.label['zh'])}</td>"
                        f"<td>{c.points}/{c.max_points}</td><td>{detail}</td></tr>")
        caps = "".join(f"<p>Capped at {cap['cap']}: {e(cap['en'])} / {e(cap['zh'])}</p>"
                       for cap in self.caps)
        advice = "".join(f"<li>{e(a['en'])}<br>{e(a['zh'])}</li>" for a in self.advice)
        return (f"<div class='crm-review'><p><b>Reply review ({e(self.situation)}): "
                f"{self.score}/100</b></p><table><tbody>{''.join(rows)}</tbody></table>{caps}"
                + (f"<p>Advice / 建议:</p><ul>{advice}</ul>" if advice else "")
                + f"<p><i>{e(self.note['en'])} / {e(self.note['zh'])}</i></p></div>")


# ------------------------------------------------------------------ fact recognisers
def _money_rx(amount) -> re.Pattern:
    """A regex for one amount in the forms people write it: $8, USD 8, 8 dollars, 8美元."""
    try:
        value = float(str(amount).replace(",", "").strip().lstrip("$€£¥").split()[0])
    except (ValueError, IndexError):
        return re.compile(re.escape(str(amount)), re.I)
    whole = int(value)
    if value == whole:
        num = rf"{whole:,}".replace(",", ",?") + r"(?:\.0{1,2})?"
    else:
        num = re.escape(f"{value:.2f}").replace(r"\.", r"\.") + "|" + re.escape(f"{value:g}")
        num = f"(?:{num})"
    return re.compile(
        rf"(?:(?:us\s?\$|\$|€|£|¥)\s?{num}(?!\d|\.\d)|\b(?:usd|eur|gbp|cny|rmb)\s?{num}(?!\d|\.\d)|"
        rf"(?<![\d.]){num}\s?(?:usd|eur|gbp|cny|rmb|dollars?|euros?|pounds?|yuan|美元|欧元|英镑|元)"
        rf"|(?<![\d.]){num}\s+(?:us )?dollars?)", re.I)


def _date_rx(value) -> re.Pattern:
    """A regex for one date: 10 April, April 10, the 10th of April, 10/4, 4/10, 2026-04-10."""
    import datetime as dt

    if isinstance(value, str):
        m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", value.strip())
        if not m:
            return re.compile(re.escape(value.strip()), re.I)
        y, mo, d = (int(g) for g in m.groups())
    elif isinstance(value, dt.date):
        y, mo, d = value.year, value.month, value.day
    else:
        return re.compile(re.escape(str(value)), re.I)
    name = [k for k, v in _MONTHS.items() if v == mo][0]
    mon = rf"(?:{name}|{name[:3]}\.?)"
    day = rf"0?{d}(?:st|nd|rd|th)?"
    return re.compile(
        rf"\b(?:(?:the\s+)?{day}(?:\s+of)?\s+{mon}|{mon}\s+(?:the\s+)?{day}|{y}-0?{mo}-0?{d}|"
        rf"0?{d}/0?{mo}(?:/\d{{2,4}})?|0?{mo}/0?{d}(?:/\d{{2,4}})?|0?{d}\.0?{mo}\.)(?!\d)|"
        rf"{mo}月{d}[日号]", re.I)


def _tracking(flat: str, facts: dict):
    """(found, wrong): the tracking number given, and whether an order number was given as one."""
    tracking = str(facts.get("tracking_number") or "").strip()
    order = str(facts.get("order_id") or "").strip()
    labelled = [m.group(1) for m in _TRACKING_LABEL.finditer(flat)]
    orders = set(m.group(1) for m in _ORDER_LABEL.finditer(flat))
    if order:
        orders.add(order)
    wrong = next((t for t in labelled if t in orders), "")
    if tracking:
        return (tracking if tracking.lower() in flat.lower() else ""), wrong
    for t in labelled:
        if t not in orders and re.search(r"\d", t):
            return t, wrong
    for m in _TRACKING_ANY.finditer(flat):
        if m.group(1) not in orders and not re.fullmatch(r"\d+", m.group(1)):
            return m.group(1), wrong
    return "", wrong


# ------------------------------------------------------------------ the parts of a reply
def _split(text: str):
    """(greeting line, body, closing line, signature lines) of a reply."""
    lines = [ln.rstrip() for ln in text.strip().splitlines()]
    nonempty = [i for i, ln in enumerate(lines) if ln.strip()]
    greeting = ""
    start = 0
    if nonempty and _GREETING.match(lines[nonempty[0]]):
        first = lines[nonempty[0]]
        # "Dear Jessica," alone on its line, or "Dear Ryan, the cable ..." run on
        m = _GREETING_LINE.match(first)
        rest = m.group(2).strip() if m else ""
        if rest and not (len(rest.split()) <= 3 and rest.endswith(",")):
            greeting, lines[nonempty[0]] = m.group(1).strip(), rest
        else:
            greeting, start = first.strip(), nonempty[0] + 1
    closing, close_at = "", len(lines)
    for i in reversed(nonempty[-6:]):
        if i < start:
            break
        ln = lines[i].strip()
        m = _CLOSING.match(ln)
        if m and len(ln.split()) <= 8:
            closing, close_at = ln, i
            break
    body = "\n".join(lines[start:close_at]).strip()
    if not closing:
        # a closing run into the last body line ("... thanks. Regards.")
        m = re.search(r"(?:^|[.!?]\s+)((?:best |kind |warm )?regards|best wishes|"
                      r"sincerely)[.!,]?\s*$", body, re.I)
        if m:
            closing = m.group(1)
            body = body[:m.start(1)].strip()
    return greeting, body, closing


def _sentences(body: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+|\n+", body)
    return [p.strip() for p in parts if p.strip()]


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _keyword_list(body: str) -> bool:
    """True when the body is a list of keywords rather than sentences."""
    chunks = [c.strip() for c in re.split(r"[,;.!?\n•|]+|\s[-–—/]\s", body) if c.strip()]
    words = [len(c.split()) for c in chunks]
    total = sum(words)
    if total == 0:
        return True
    short = sum(n for n in words if n <= 3)
    return len(chunks) >= 4 and short / total >= 0.6


def _misspellings(body: str, facts: dict) -> list[str]:
    from course.writing.words import is_known

    exempt = set()
    for v in facts.values():
        exempt.update(w.casefold() for w in _WORD.findall(str(v)))
    out = []
    for m in _WORD.finditer(body):
        w = m.group(0)
        lw = w.casefold()
        if lw in exempt or len(w) < 3:
            continue
        if lw in _MISSPELT:
            out.append(w)
        elif w[0].isupper() or w.isupper():
            continue  # names, brands, carriers
        elif not is_known(lw) and not is_known(lw.replace("'", "")):
            out.append(w)
    return list(dict.fromkeys(out))


def _advice(en: str, zh: str) -> dict:
    return {"en": en, "zh": zh}


# ------------------------------------------------------------------ the review
def review_reply(text, situation, facts=None, buyer_message=None) -> ReplyReview:
    """Review an English reply to a buyer on the course rubric; return a ``ReplyReview``.

    ``situation`` is one of the toolkit's situations (``SITUATIONS``); ``facts`` (optional) are
    the facts the writer had, as for ``draft_reply`` (order_id, ship_date, carrier,
    tracking_number, refund_amount...): then the reply must give those values, in any usual
    form (``$8``, ``USD 8``, ``8 dollars``, ``8美元``; ``10 April``, ``April 10``, ``the 10th
    of April``, ``10/4``), and an order number given as the tracking number counts as a wrong
    fact. ``buyer_message`` (optional) is what the buyer wrote: asking again for a quantity the
    buyer already gave loses a point.

    The five criteria and their points: content 30, relevance 15, tone 20, language 20,
    structure 15. Gates: a reply that does not answer the buyer is capped at 25; blaming,
    commanding, sarcastic or cold replies at 40; a keyword list at 20; broken English (three
    errors or more) and a wrong fact at 50. Tone uses the course's own blame, command and sarcasm patterns and
    the VADER sentiment lexicon (a strongly negative sentence with no sympathy in it).

    >>> r = review_reply("It is not our fault. Stop writing to us.", "logistics_delay")
    >>> r.score <= 40, r.flagged
    (True, ('not our fault', 'Stop writing'))
    >>> r.note["en"]
    "This review is a helper's reading of your reply; your teacher decides the mark."
    """
    situation = one_of(situation, SITUATIONS, "situation")
    if not isinstance(text, str):
        raise InputError(f"review_reply: text must be the reply as a string; got "
                         f"{type(text).__name__}.")
    if not text.strip():
        raise InputError("review_reply: the reply is empty; write the reply text first.")
    if facts is None:
        facts = {}
    elif not isinstance(facts, dict):
        raise InputError("review_reply: facts must be a mapping such as {'order_id': '8012...', "
                         f"'carrier': 'DHL'}}; got {type(facts).__name__}.")
    if buyer_message is not None and not isinstance(buyer_message, str):
        raise InputError("review_reply: buyer_message must be the buyer's text; got "
                         f"{type(buyer_message).__name__}.")

    greeting, body, closing = _split(text)
    flat = " ".join(text.split())
    flat_body = " ".join(body.split())
    keyword_list = _keyword_list(body)
    advice, caps, flagged = [], [], []

    # ---- content
    found, missing = [], []
    got = total = 0
    given = _given_by_buyer(buyer_message)
    for name, weight, rx, en, zh in _MOVES[situation]:
        if name in given:
            what_en, what_zh, ask_rx = given[name]
            if ask_rx.search(flat_body):
                got -= 1
                missing.append(f"asks again for the {what_en} the buyer already gave")
                advice.append(_advice(
                    f"Do not ask for what the buyer already told you (the {what_en}).",
                    f"不要再问买家已经说过的信息（{what_zh}）。"))
            continue
        total += weight
        evidence = ""
        if rx == "MONEY":
            amount = next((facts[k] for k in ("refund_amount", "compensation", "partial_refund",
                                              "shipping_fee") if facts.get(k) is not None), None)
            m = (_money_rx(amount) if amount is not None else _MONEY_ANY).search(flat_body)
            evidence = m.group(0) if m else ""
        elif rx == "DATE":
            date = facts.get("ship_date" if name == "ship_date" else "restock_date")
            m = (_date_rx(date) if date else _DATE_ANY).search(flat_body)
            evidence = m.group(0) if m else ""
        elif rx == "CARRIER":
            carrier = str(facts.get("carrier") or "").strip()
            m = (re.compile(re.escape(carrier), re.I) if carrier else _CARRIERS).search(flat_body)
            evidence = m.group(0) if m else ""
        elif rx == "TRACKING":
            evidence, wrong = _tracking(flat_body, facts)
            if wrong:
                flagged.append(f"tracking number {wrong}")
                missing.append(f"{wrong} is the order number, not a tracking number")
                advice.append(_advice(
                    f"{wrong} is the order number; the buyer needs the tracking number "
                    "(e.g. LX123456789CN) to follow the parcel.",
                    f"{wrong} 是订单号，不是运单号；买家需要运单号（如 LX123456789CN）才能查询包裹。"))
                if evidence == wrong:
                    evidence = ""
                caps.append({"cap": CAPS["wrong_fact"], "en": "a wrong fact misleads the buyer",
                             "zh": "错误的信息会误导买家"})
        elif rx == "WHEN":
            m = _TIME.search(flat_body)
            evidence = m.group(0) if m else ""
        elif rx == "ORDER":
            order = str(facts.get("order_id") or "").strip()
            m = (re.compile(re.escape(order)) if order else _ORDER_LABEL).search(flat_body)
            evidence = m.group(0) if m else ""
        else:
            m = re.search(rx, flat_body, re.I)
            evidence = m.group(0) if m else ""
        if evidence:
            got += weight
            found.append(f"{en}: {evidence.strip()}")
        else:
            missing.append(en)
            advice.append(_advice(f"Missing: {en}.", f"缺少：{zh}。"))
    if situation == "quality_refund" and re.search(
            r"\b(send|post|return) (?:the \w+ |it )?back\b|\bsend (?:the \w+|it) to (?:our|us)\b",
            flat_body, re.I) and not re.search(r"\bno need to|not need to|don'?t need to",
                                                flat_body, re.I):
        got -= 1
        missing.append("asks the buyer to send a cheap faulty item back first")
        advice.append(_advice("For a small amount, refund directly; do not ask the buyer to post "
                              "the faulty item back.", "金额较小时直接退款，不要让买家先寄回故障商品。"))
    content = max(0, round(WEIGHTS["content"] * got / total)) if total else WEIGHTS["content"]
    if keyword_list:
        content = min(content, WEIGHTS["content"] // 2)

    # ---- relevance
    own = [m.group(0) for m in _ANSWERS[situation].finditer(flat_body)]
    pitches = list(dict.fromkeys(m.group(0) for m in _PITCH.finditer(flat_body)))
    rel_found, rel_missing = [], []
    if own:
        rel_found.append(f"answers the {situation.replace('_', ' ')} question: "
                         f"{', '.join(list(dict.fromkeys(own))[:3])}")
        relevance = WEIGHTS["relevance"]
        if len(pitches) >= 2:
            relevance -= 5
            rel_missing.append(f"a sales pitch in the answer: {', '.join(pitches)}")
    else:
        relevance = 0
        rel_missing.append("does not answer the buyer's question"
                           + (f" (a sales pitch: {', '.join(pitches)})" if pitches else ""))
        caps.append({"cap": CAPS["relevance"], "en": "the reply does not answer the buyer",
                     "zh": "回复没有回答买家的问题"})
        advice.append(_advice(
            "Answer what the buyer asked first; a reply for another situation or a sales pitch "
            "is not an answer.", "先回答买家的问题；套用其他情况的模板或推销都不是回答。"))

    # ---- tone
    tone = WEIGHTS["tone"]
    tone_found, tone_missing = [], []
    spans = []
    for kind, rx in _TONE:
        for m in rx.finditer(flat):
            a = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" .!?"))
            spans.append((a, m.end(), kind))
    hits = []
    for a, b, kind in sorted(spans, key=lambda t: (-(t[1] - t[0]), t[0])):
        if any(a < y and x < b for x, y, _ in hits):
            continue  # inside a longer phrase already found
        hits.append((a, b, kind))
    hits = [(kind, flat[a:b].strip(" .!?")) for a, b, kind in sorted(hits)]
    for kind, phrase in dict.fromkeys(hits):
        flagged.append(phrase)
        tone_missing.append(f"{kind}: '{phrase}'")
    negative = []
    analyzer = _vader()
    for s in _sentences(flat_body):
        if _EMPATHY.search(s):
            continue
        if analyzer.polarity_scores(s)["compound"] <= -0.5:
            negative.append(s)
    if negative:
        tone_missing.append("a cold, negative sentence: " + " / ".join(f"'{s}'" for s in negative))
    tone_fail = bool(hits) or len(negative) >= 2
    if tone_fail:
        tone = 0
        caps.append({"cap": CAPS["tone"], "en": "blaming, commanding, sarcastic or cold phrases",
                     "zh": "有指责、命令、讽刺或冷漠的说法"})
        phrases = [p for _, p in dict.fromkeys(hits)] or negative
        advice.append(_advice(
            "Remove the blaming, commanding or cold phrases (" + ", ".join(f"'{p}'" for p in phrases)
            + "). Stand in the buyer's shoes.",
            "删去指责、命令或冷漠的说法（" + "、".join(f"“{p}”" for p in phrases)
            + "），站在买家的角度说话。"))
    elif negative:
        tone -= 6
    apology = _APOLOGY.search(flat_body)
    if situation in APOLOGY_DUE:
        if apology:
            tone_found.append(f"apology: {apology.group(0)}")
        else:
            tone = max(0, tone - 8)
            tone_missing.append("an apology")
            advice.append(_advice("Apologise: this situation calls for a sincere 'We are very "
                                  "sorry ...'.", "这种情况需要真诚致歉，例如 “We are very sorry ...”。"))
    if not tone_fail and re.search(r"\bplease\b|\bcould you\b|\bwould you\b|\bmay i\b", flat, re.I):
        tone_found.append("polite requests")
    if not tone_missing:
        tone_found.append("friendly, no blame")

    # ---- language
    lang_found, lang_missing = [], []
    errors = []
    for rx, en, zh in _ERRORS:
        for m in rx.finditer(flat_body):
            errors.append((m.group(0), en, zh))
    seen_spans, uniq = set(), []
    for phrase, en, zh in errors:
        if phrase.lower() in seen_spans:
            continue
        seen_spans.add(phrase.lower())
        uniq.append((phrase, en, zh))
    spelling = _misspellings(body, facts)
    n_err = len(uniq) + len(spelling)
    language = max(0, WEIGHTS["language"] - 4 * len(uniq) - 3 * len(spelling))
    for phrase, en, _zh in uniq:
        lang_missing.append(f"'{phrase}': {en}")
    if spelling:
        lang_missing.append("spelling: " + ", ".join(spelling))
    if uniq:
        kinds = list(dict.fromkeys((en, zh) for _, en, zh in uniq))
        advice.append(_advice("Check your grammar: " + "; ".join(en for en, _ in kinds) + ".",
                              "检查语法：" + "；".join(zh for _, zh in kinds) + "。"))
    if spelling:
        advice.append(_advice("Check the spelling of: " + ", ".join(spelling) + ".",
                              "检查这些词的拼写：" + ", ".join(spelling) + "。"))
    if keyword_list:
        language = 0
        lang_missing.insert(0, "a list of keywords, not sentences")
        caps.append({"cap": CAPS["keywords"], "en": "a list of keywords, not sentences",
                     "zh": "只是关键词罗列，不是完整句子"})
        advice.append(_advice("Write full sentences: a buyer reads a letter, not a list of "
                              "keywords.", "写完整的句子：买家读的是信，不是关键词列表。"))
    elif n_err >= 3:
        caps.append({"cap": CAPS["language"], "en": f"broken English ({n_err} errors)",
                     "zh": f"英语错误较多（{n_err} 处）"})
    if not lang_missing:
        lang_found.append(f"{len(_sentences(body))} sentences, no frequent errors found")

    # ---- structure
    st_found, st_missing = [], []
    structure = 0
    parts = [("greeting", 4, greeting, "Open with a greeting such as 'Dear Emma,'.",
              "以问候开头，例如 “Dear Emma,”。"),
             ("thanks", 4, (_THANKS.search(flat_body + " " + closing) or [""])[0],
              "Thank the buyer (for the order, the message or their patience).",
              "感谢买家（感谢下单、来信或耐心等待）。"),
             ("next step with a time", 4, (_TIME.search(flat_body) or [""])[0],
              "Say what happens next and when ('within 24 hours', 'by Friday').",
              "说明下一步及时间（例如 “within 24 hours”、“by Friday”）。"),
             ("closing", 3, closing, "End with a friendly closing such as 'Best regards,'.",
              "以友好的结束语收尾，例如 “Best regards,”。")]
    for name, pts, ev, en, zh in parts:
        if ev:
            structure += pts
            st_found.append(f"{name}: {ev.strip()}")
        else:
            st_missing.append(name)
            advice.append(_advice(en, zh))

    def crit(name, points, fnd, mis):
        c_adv = None
        return Criterion(name, {"en": LABELS[name][0], "zh": LABELS[name][1]}, int(points),
                         WEIGHTS[name], tuple(fnd), tuple(mis), c_adv)

    criteria = (
        crit("content", content, found, missing),
        crit("relevance", relevance, rel_found, rel_missing),
        crit("tone", tone, tone_found, tone_missing),
        crit("language", language, lang_found, lang_missing),
        crit("structure", structure, st_found, st_missing),
    )
    score = sum(c.points for c in criteria)
    for cap in caps:
        score = min(score, cap["cap"])
    # attach each criterion's own advice line (the first that concerns it)
    criteria = tuple(_with_advice(c) for c in criteria)
    return ReplyReview(situation, int(max(0, min(100, score))), criteria,
                       tuple(dict.fromkeys(flagged)), tuple(_dedupe(advice)), tuple(caps))


def _with_advice(c: Criterion) -> Criterion:
    if c.passed or not c.missing:
        return c
    import dataclasses

    en = f"{c.label['en']}: improve " + "; ".join(c.missing) + "."
    zh = f"{c.label['zh']}：需改进（{len(c.missing)} 处，见上方建议）。"
    return dataclasses.replace(c, advice={"en": en, "zh": zh})


def _dedupe(items):
    seen, out = set(), []
    for a in items:
        if a["en"] not in seen:
            seen.add(a["en"])
            out.append(a)
    return out


REVIEW_SITUATIONS = SITUATIONS  # the draft situations and the three letter tasks
