"""The situations before and around an order: bargaining, combined shipping, a product
question, an address change, an item out of stock, an unpaid order.
"""
from __future__ import annotations

from course.writing.situation_phrases import _ACCEPTABLE, _AMOUNT, _PAID, _SHIPPED
from course.writing.situation_types import Move, Situation

ORDER_SITUATIONS = (
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
)
