"""The facts a reply to a buyer is written from: ``buyer_name``, ``tracking_number``, ...

One table for the toolkit and the engine: ``course.crm.reply_facts`` and ``draft_reply`` list
them with these descriptions, and the reply exercise's widget labels a task's facts with
:func:`fact_label` (a learner reads "The tracking number", not ``tracking_number``).
"""
from __future__ import annotations

import re

# fact -> (description en, description zh, example)
FACT_INFO = {
    "buyer_name": ("the buyer's name", "买家姓名", "Emma"),
    "seller_name": ("your name or team (optional)", "你的名字或团队（可选）", "Lily, Customer Service"),
    "product": ("the product", "商品", "linen bedding set"),
    "items": ("the items to ship together (text or a list)", "合并发货的商品（文本或列表）",
              ["3 pairs of earrings", "a necklace"]),
    "shipping_fee": ("the one shipping fee for the combined parcel", "合并后的一次运费", 4.5),
    "recommended_size": ("the size you recommend", "推荐的尺码", "L"),
    "order_id": ("the order number", "订单号", "8034123456789012"),
    "new_address": ("the new delivery address", "新的收货地址", "12B Rose Street, Leeds LS1 4AB"),
    "restock_date": ("when the supplier restocks", "供应商补货日期", "2026-04-20"),
    "offer": ("a reason to pay now, e.g. a discount that ends (optional)",
              "促使买家付款的理由，如折扣截止（可选）", "the 10% discount ends on Friday"),
    "problem": ("the problem the buyer described", "买家描述的问题", "a small scratch on the back"),
    "compensation": ("the partial compensation you offer", "提供的部分补偿金额", 5),
    "refund_amount": ("the full refund amount", "全额退款金额", 8.99),
    "partial_refund": ("the partial refund offered with a local repair", "配合当地维修的部分退款", 60),
    "ship_date": ("the date the parcel was shipped", "发货日期", "2026-04-10"),
    "carrier": ("the carrier", "承运商", "China Post"),
    "tracking_number": ("the tracking number", "运单号", "LX123456789CN"),
    "currency": ("the currency of the amounts (optional, default USD)", "金额币种（可选，默认 USD）",
                 "USD"),
    "quantity": ("how many pieces the buyer asked about (optional; then only the destination "
                 "is asked)", "买家询问的数量（可选；给出后只询问收货地）", 10),
    "stock_reason": ("why the stock cannot ship (optional)", "无法发货的原因（可选）",
                     "the last pieces were damaged when we checked them"),
    "delay_reason": ("why the parcel is late, if you know (optional)", "延误原因（如已知，可选）",
                     "the peak season"),
    "our_fault": ("True when the seller made the mistake (optional; default: no blame either "
                  "way)", "是否卖家的错误（可选；默认不判断责任）", True),
    # facts of the bank's reply tasks that the reviewer checks by value (issue 22)
    "discount": ("the discount", "折扣", "10%"),
    "offer_until": ("the last day of the offer", "优惠截止日期", "2026-06-30"),
    "offer_ends": ("the day the offer ends", "优惠结束的日子", "Friday"),
    "unit_price": ("the price of one piece", "单价", 4.2),
    "regular_price": ("the usual price before the offer", "优惠前的正常价格", 24),
    "holiday": ("the holiday or festival", "节日", "Thanksgiving"),
    "holiday_date": ("the day the holiday falls on (optional)", "节日当天的日期（可选）", "2026-10-12"),
    "total_price": ("the total price", "总价", 840),
    "lead_time_days": ("the production time in days", "生产所需天数", 15),
    "delivery_days": ("the delivery time in days (shipping to the buyer)", "运输送达所需天数", 9),
    "answer_within_days": ("the days you have for the full answer (at most)",
                           "给出正式答复的期限（最多天数）", 3),
    "colour": ("the colour", "颜色", "light blue"),
    "sample_price": ("the price of a sample", "样品价格", 15),
    "destination": ("where the goods go", "收货地", "Warsaw"),
    "last_product": ("what the customer bought before", "客户以前买过的商品", "jasmine green tea"),
    "recommended_product": ("the product to recommend", "要推荐的商品", "jasmine pearl tea"),
    "channel": ("the app the buyer writes on (optional): answering there is not leaving the "
                "platform", "买家使用的沟通渠道（可选）：在该渠道回复不算把买家引出平台", "WhatsApp"),
    "unanswered": ("a mail of the customer's that was never answered (optional)",
                   "客户未得到回复的邮件（可选）", "her mail about the wrong sizes in March"),
    "apologised": ("the apology already made in an earlier reply of the chain (optional)",
                   "此前回复中已做过的致歉（可选）", "in the first reply"),
    "ordered_colour": ("the colour the buyer ordered", "买家订购的颜色", "light blue"),
    "sent_colour": ("the colour that was sent", "实际寄出的颜色", "dark blue"),
    "price_months": ("how many months the price stays the same", "价格保持不变的月数", 6),
    "times_bought": ("how many times the customer has bought", "客户购买过的次数", 3),
    "pieces_bought": ("how many pieces the customer bought", "客户购买的件数", 8),
    "warranty": ("the warranty the shop gives (optional)", "店铺提供的保修（可选）", "one year"),
    "invite_talk": ("what to invite the buyer to talk about (optional)", "邀请买家继续沟通的话题（可选）",
                    "other colours for the family"),
}


def show_value(name: str, value) -> str:
    """A fact's value as a learner reads it: dates in words, amounts with their currency.

    >>> show_value("ship_date", "2026-04-10"), show_value("refund_amount", 9)
    ('10 April 2026', '$9')
    >>> show_value("unit_price", 4.2), show_value("lead_time_days", 15)
    ('$4.20', '15 days')
    """
    import datetime as dt

    text = str(value)
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text.strip())
    if m:
        d = dt.date(*(int(g) for g in m.groups()))
        return f"{d.day} {d.strftime('%B')} {d.year}"
    if name in ("compensation", "refund_amount", "partial_refund", "shipping_fee", "unit_price",
                "regular_price",
                "total_price", "sample_price") and isinstance(value, (int, float)):
        return f"${value:.2f}" if value != int(value) else f"${int(value)}"
    if name in ("lead_time_days", "delivery_days", "answer_within_days") and isinstance(value, int):
        return f"{value} days"
    if name == "price_months" and isinstance(value, int):
        return f"{value} months"
    if name == "times_bought" and isinstance(value, int):
        return {1: "once", 2: "twice"}.get(value, f"{value} times")
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return text


_NOTE = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")  # a trailing "(optional ...)" or "（可选）"


def fact_label(name: str) -> tuple[str, str]:
    """The label of one fact in English and Chinese, without its usage note.

    >>> fact_label("tracking_number")
    ('The tracking number', '运单号')
    >>> fact_label("seller_name")
    ('Your name or team', '你的名字或团队')
    >>> fact_label("gift_wrap")  # a fact the table does not know: its name in words
    ('Gift wrap', 'gift wrap')
    """
    info = FACT_INFO.get(str(name))
    if info is None:
        words = str(name).replace("_", " ").strip()
        return words[:1].upper() + words[1:], words
    en, zh = _NOTE.sub("", info[0]), _NOTE.sub("", info[1])
    return en[:1].upper() + en[1:], zh
