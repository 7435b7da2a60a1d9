"""Drafting English replies to buyers and reviewing them against a rubric (SYLLABUS L7)."""
from __future__ import annotations

import datetime as _dt
import re

from course.crm._checks import one_of, suggest
from course.errors import InputError
from course.writing.facts import FACT_INFO  # fact -> (en, zh, example), shared with the engine

SITUATIONS = (
    "bargaining", "combined_shipping", "product_question", "address_change", "out_of_stock",
    "unpaid_order", "quality_minor", "quality_refund", "quality_repair", "logistics_delay",
    "return",
)

REQUIRED = {
    "bargaining": ("buyer_name", "product"),
    "combined_shipping": ("buyer_name", "items", "shipping_fee"),
    "product_question": ("buyer_name", "product", "recommended_size"),
    "address_change": ("buyer_name", "order_id", "new_address"),
    "out_of_stock": ("buyer_name", "order_id", "product", "restock_date"),
    "unpaid_order": ("buyer_name", "order_id", "product"),
    "quality_minor": ("buyer_name", "order_id", "product", "problem", "compensation"),
    "quality_refund": ("buyer_name", "order_id", "product", "problem", "refund_amount"),
    "quality_repair": ("buyer_name", "order_id", "product", "problem", "partial_refund"),
    "logistics_delay": ("buyer_name", "order_id", "product", "ship_date", "carrier",
                        "tracking_number"),
    "return": ("buyer_name", "order_id", "product", "problem"),
}
OPTIONAL = {s: ("seller_name", "currency") for s in SITUATIONS}
OPTIONAL["unpaid_order"] = ("seller_name", "currency", "offer")
OPTIONAL["bargaining"] = ("seller_name", "currency", "quantity")
OPTIONAL["out_of_stock"] = ("seller_name", "currency", "stock_reason")
OPTIONAL["logistics_delay"] = ("seller_name", "currency", "delay_reason")
OPTIONAL["return"] = ("seller_name", "currency", "our_fault")

# the draft situations are a part of the reviewer's one situation table
from course.writing.situations import BY_NAME as _SITUATION_TABLE  # noqa: E402

APOLOGY_DUE = {s for s in SITUATIONS if _SITUATION_TABLE[s].apology_due}

_TEMPLATES = {
    "bargaining": (
        "Thank you for your interest in our {product}. We are glad to offer a better price for "
        "{quantity_phrase}. So that we can quote you the best price including shipping, could "
        "you please tell us {ask}? We will send you our best offer within 24 hours of your "
        "reply."
    ),
    "combined_shipping": (
        "Thank you for choosing our store. Yes, we can ship {items} together in one package, so "
        "you pay only one shipping fee of {shipping_fee}. Please place the order without "
        "paying, and we will send you a revised invoice with the combined shipping within "
        "12 hours."
    ),
    "product_question": (
        "Thank you for your question about the {product}. Our sizes follow Asian sizing, which "
        "usually runs smaller than US sizing, so we recommend size {recommended_size}. Please "
        "also compare your own measurements with the size chart in the product description. "
        "Every item is inspected before shipping, so you can be sure of its quality. If you are "
        "still unsure, just write to us and we will answer within 24 hours."
    ),
    "address_change": (
        "Thank you for letting us know. We have updated the delivery address of order "
        "{order_id} to: {new_address}. We will send you the tracking number within 24 hours "
        "of the parcel leaving our warehouse."
    ),
    "out_of_stock": (
        "Thank you for your order {order_id}. We are very sorry: when we prepared your "
        "{product} for shipping, we found that {stock_reason}. Our supplier will restock on "
        "{restock_date}, and we will ship your order within 2 days after that. Would this "
        "short delay be acceptable to you? If not, we can cancel the order and refund you in "
        "full. Please let us know within 2 days."
    ),
    "unpaid_order": (
        "Thank you for your order {order_id} for the {product}. We noticed that it has not been "
        "paid yet. Is there anything we can help with, such as the size, the shipping or the "
        "payment method?{offer} If you have changed your mind, just tell us and we will cancel "
        "the order for you. We will keep it for you for 3 days."
    ),
    "quality_minor": (
        "Thank you for telling us about the {product} in order {order_id}. We are very sorry "
        "about {problem}. This is our responsibility. As compensation, we would like to offer "
        "you a partial refund of {compensation}. Would this be acceptable to you? Once you "
        "agree, we will send the refund within 24 hours."
    ),
    "quality_refund": (
        "Thank you for letting us know about the {product} in order {order_id}. We sincerely "
        "apologise for {problem}. We will give you a full refund of {refund_amount}; there is no "
        "need to send the item back. You will receive the refund within 24 hours."
    ),
    "quality_repair": (
        "Thank you for contacting us about the {product} in order {order_id}. We sincerely "
        "apologise for {problem}. Could you please check whether it can be repaired at a local "
        "repair shop? We will refund {partial_refund} to you as compensation to cover the "
        "repair. Please reply within 3 days, and we will send the refund within 24 hours of "
        "your reply."
    ),
    "logistics_delay": (
        "Thank you for your patience, and we are sorry for the delay. Your {product} (order "
        "{order_id}) was shipped on {ship_date} by {carrier}, tracking number "
        "{tracking_number}. {delay_sentence} Please allow another 7 days; if it has still not "
        "arrived by then, we will resend it or refund you in full, whichever you prefer."
    ),
    "return": (
        "Thank you for contacting us about the {product} in order {order_id}. We are very sorry "
        "about {problem}{fault}. Could you please send us a few photos of the item? Within 24 "
        "hours of receiving them, we will arrange a refund or a replacement, whichever you "
        "prefer."
    ),
}

_CURRENCY = {"USD": "${:,.2f}", "EUR": "€{:,.2f}", "GBP": "£{:,.2f}", "CNY": "¥{:,.2f}"}


def _money(value, currency: str, fact: str) -> str:
    import numbers

    if isinstance(value, str):
        if not re.search(r"\d", value):
            raise InputError(f"draft_reply: {fact} must be an amount such as 12.5; got {value!r}.")
        return value.strip()
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or value != value:
        raise InputError(f"draft_reply: {fact} must be an amount such as 12.5; got {value!r}.")
    if value < 0:
        raise InputError(f"draft_reply: {fact} must not be negative; got {value!r}.")
    fmt = _CURRENCY.get(currency.upper())
    return fmt.format(value) if fmt else f"{value:,.2f} {currency.upper()}"


def _date(value, fact: str) -> str:
    import pandas as pd

    if isinstance(value, str):
        try:
            value = pd.Timestamp(value)
        except (ValueError, TypeError):
            return value.strip()  # already written out, e.g. "next Monday"
    if isinstance(value, (_dt.date, pd.Timestamp)) and not pd.isna(value):
        return f"{value.day} {value.strftime('%B %Y')}"
    raise InputError(f"draft_reply: {fact} must be a date such as '2026-04-10'; got {value!r}.")


def _items(value) -> str:
    if isinstance(value, str):
        return value.strip()
    try:
        items = [str(v).strip() for v in value]
    except TypeError:
        raise InputError(
            f"draft_reply: items must be text or a list of items; got {value!r}."
        ) from None
    if not items:
        raise InputError("draft_reply: items is empty; list the items to ship together.")
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def reply_facts(situation):
    """Return the facts ``draft_reply(situation, ...)`` needs, as a small table.

    >>> reply_facts("logistics_delay")["fact"].tolist()  # doctest: +NORMALIZE_WHITESPACE
    ['buyer_name', 'order_id', 'product', 'ship_date', 'carrier', 'tracking_number',
     'seller_name', 'currency', 'delay_reason']
    """
    import pandas as pd

    situation = one_of(situation, SITUATIONS, "situation")
    rows = [(f, True) for f in REQUIRED[situation]] + [(f, False) for f in OPTIONAL[situation]]
    return pd.DataFrame(
        [(f, req, FACT_INFO[f][0], FACT_INFO[f][1], repr(FACT_INFO[f][2])) for f, req in rows],
        columns=["fact", "required", "description", "description_zh", "example"],
    )


def draft_reply(situation, **facts) -> str:
    """Write a polite English reply for ``situation`` with the ``facts`` filled in.

    ``situation`` is one of: bargaining, combined_shipping, product_question, address_change,
    out_of_stock, unpaid_order, quality_minor, quality_refund, quality_repair,
    logistics_delay, return. ``reply_facts(situation)`` lists the facts each one needs; a
    missing or unknown fact is an error that names it, never a ``{placeholder}`` in the text.
    Amounts may be numbers (written with ``currency``, default USD) and dates may be dates or
    ISO text.

    >>> print(draft_reply("logistics_delay", buyer_name="Jessica", order_id="8012345678901234",
    ...                   product="wool scarf", ship_date="2026-04-10", carrier="China Post",
    ...                   tracking_number="LX123456789CN"))  # doctest: +ELLIPSIS
    Dear Jessica,
    <BLANKLINE>
    Thank you for your patience, and we are sorry for the delay. Your wool scarf (order
    8012345678901234) was shipped on 10 April 2026 by China Post, tracking number LX123456789CN...
    """
    situation = one_of(situation, SITUATIONS, "situation")
    allowed = set(REQUIRED[situation]) | set(OPTIONAL[situation])
    unknown = [f for f in facts if f not in allowed]
    if unknown:
        hints = "".join(suggest(f, allowed) for f in unknown)
        raise InputError(
            f"draft_reply({situation!r}): unknown fact(s) {', '.join(unknown)}.{hints} "
            f"This situation takes: {', '.join(REQUIRED[situation] + OPTIONAL[situation])}."
        )
    missing = [f for f in REQUIRED[situation]
               if f not in facts or facts[f] is None or (isinstance(facts[f], str)
                                                         and not facts[f].strip())]
    if missing:
        raise InputError(
            f"draft_reply({situation!r}) is missing the fact(s): {', '.join(missing)}. "
            f"It needs: {', '.join(REQUIRED[situation])} (see reply_facts({situation!r}))."
        )
    currency = str(facts.get("currency") or "USD")
    values = {}
    for f in REQUIRED[situation]:
        v = facts[f]
        if f in ("shipping_fee", "compensation", "refund_amount", "partial_refund"):
            values[f] = _money(v, currency, f)
        elif f in ("ship_date", "restock_date"):
            values[f] = _date(v, f)
        elif f == "items":
            values[f] = _items(v)
        else:
            values[f] = str(v).strip()
    offer = facts.get("offer")
    values["offer"] = f" Just so you know, {str(offer).strip().rstrip('.')}." if offer else ""
    quantity = facts.get("quantity")
    if quantity is not None and str(quantity).strip():
        values["quantity_phrase"] = f"{str(quantity).strip()} pieces"
        values["ask"] = "which country and city they should be shipped to"
    else:
        values["quantity_phrase"] = "a larger order"
        values["ask"] = "how many pieces you need and which country and city they should go to"
    reason = str(facts.get("stock_reason") or "").strip().rstrip(".")
    values["stock_reason"] = reason or f"the {values.get('product', 'item')} is out of stock"
    delay = str(facts.get("delay_reason") or "").strip().rstrip(".")
    values["delay_sentence"] = (
        f"The delay is caused by {delay}, so the tracking may not update for a few days."
        if delay else "International parcels sometimes wait a few days at a sorting centre or "
        "in customs, and the tracking does not update while they wait.")
    values["fault"] = "; this was our mistake" if facts.get("our_fault") is True else ""
    body = _TEMPLATES[situation].format(**values)
    seller = str(facts.get("seller_name") or "Customer Service Team").strip()
    text = (f"Dear {values['buyer_name']},\n\n{_wrap(body)}\n\n"
            "If you have any other questions, we are always happy to help.\n\n"
            f"Best regards,\n{seller}")
    leftover = re.search(r"\{[a-z_]+\}", text)
    if leftover:  # pragma: no cover - every template slot is a required fact
        raise AssertionError(f"unfilled slot {leftover.group(0)} in {situation}")
    return text


def _wrap(text: str, width: int = 90) -> str:
    import textwrap

    return textwrap.fill(text, width=width, break_long_words=False, break_on_hyphens=False)


# ------------------------------------------------------------------------- review
# The reviewer lives in course.writing.reviewer; these names stay importable from here.
from course.writing.reviewer import Criterion, ReplyReview, review_reply  # noqa: E402,F401
