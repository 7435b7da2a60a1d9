"""The situations of lesson 10, recommending and promoting products: a product recommended,
a new arrival, a holiday greeting, a time-limited offer.
"""
from __future__ import annotations

from course.writing.situation_phrases import _COMPLAINT, _COUNT, _HISTORY, _NO_PUSH, _OPT_OUT_PLAIN
from course.writing.situation_types import Move, Situation

PROMOTION_SITUATIONS = (
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
                           r"recharges)|"
                           # a B1 reason without "because" (the twenty-third teacher reader, brief
                           # 22d): "it is light and can charge your phone two times"
                           r"(?:it|they) (?:is|are|'s|'re) (?:very |so |quite |really )?(?:light|small|"
                           r"compact|thin|slim)|can (?:re)?charge (?:your |a |the )?(?:phone |mobile )?"
                           r"(?:twice|(?:two|three|four|five|\d+) (?:full )?times?)|(?:very|so|quite|really|super) (?:light|small|compact|thin|"
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
               "times_bought", "pieces_bought"), pitch_ok=True, words=(40, 140)),
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
              # round 21 (brief 22a): said of any customer, one order or many (a buyer of 2
              # mugs was told to thank for "the year together")
              "thanks the customer for buying from you", "感谢客户的惠顾"),
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
        facts=("buyer_name", "holiday", "discount", "offer_until", "holiday_date", "last_product",
               "pieces_bought"), next_step=False,
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
                        r"taken off|comes off|shows?) (?:when|as) you (?:pay|check out|order)|"
                        # what he does and what we do then (round 21, brief 22a): "reply before
                        # 1 December and we ship in 2 days", "order by Friday, then we send it"
                        r"(?:reply|write|answer|order|message us|tell us)\b[^.!?]{0,40}?(?:,? and|,? then|,)"
                        r" (?:then )?(?:we|i)(?: will| can|'ll)? (?:ship|send|post|deliver|reserve|"
                        r"prepare|pack))\b",
              "how to use the offer", "如何使用优惠"),
         # "if you like, I can send you photos" (round 21, brief 22a): "like" and "wish" too
         Move("choice", 1, r"\b(if you (?:are interested|would like|like|wish|want|need|prefer not)|no "
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
