"""The CRM toolkit: the domain functions lessons use on the course data.

Importing this package is light: the toolkit's modules load on the first use of any of its
names (none of them imports pandas before a function needs it).

>>> from course import crm
>>> crm.resolve_complaint({"problem": "quality", "affects_use": False, "order_value": 40}).decision
'partial_compensation'
"""
from __future__ import annotations

_EXPORTS = {  # name -> the submodule that defines it
    "grade_customers": "grading",
    "reply_queue": "grading",
    "rfm": "retention",
    "loyalty": "retention",
    "SEGMENTS": "retention",
    "screen_inquiry": "screening",
    "screen_inquiries": "screening",
    "screening_scores": "screening",
    "FLAGS": "screening",
    "resolve_complaint": "complaints",
    "draft_reply": "replies",
    "reply_facts": "replies",
    "review_reply": "reviewer",
    "short_review": "reviewer",
    "review_draft": "reviewer",
    "moves_in": "moves",
    "REVIEW_SITUATIONS": "reviewer",
    "MOVES": "moves",
    "ReplyReview": "reviewer",
    "SITUATIONS": "replies",
    "market_profile": "markets",
    "compare_markets": "markets",
    "region_of": "markets",
    "plot_grade_distribution": "plots",
    "plot_segment_sizes": "plots",
    "plot_payment_methods": "plots",
    "payment_shares": "plots",
    "plot_spending_groups": "plots",
    "plot_red_flags": "plots",
    "plot_complaint_decisions": "plots",
    "plot_complaint_families": "plots",
    "plot_unhappy_customers": "plots",
    "plot_peak_months": "plots",
    "plot_orders_by_month": "plots",
    "invoices_per_month": "plots",
    "picture_idic_cycle": "plots",
    "picture_grading_flow": "plots",
    "picture_complaint_steps": "plots",
    "picture_chat_window": "plots",
    "birthdays_in_month": "greetings",
    "festivals_in_month": "greetings",
    "promotion_list": "promotion",
    "promotion_reach": "customer_views",
    "loyalty_of": "customer_views",
    "loyalty_table": "customer_views",
    "customer_card": "customer_views",
    "quiet_regulars": "customer_views",
    "inbox": "message_views",
    "print_messages": "message_views",
    "show_message": "message_views",
    "grading_facts": "customer_views",
    "complaint_decisions": "message_views",
    "buyers_by_value": "customer_views",
    "promotion_table": "customer_views",
    "customer_list": "customer_views",
    "grade_counts": "customer_views",
    "queue_table": "message_views",
    "decision_card": "message_views",
    "complaint_case": "message_views",
    "complaint_card": "message_views",
    "print_inquiries": "message_views",
    "screening_table": "message_views",
    "payment_methods": "customer_views",
    "customer_value": "overview",
    "top_customers": "overview",
    "load": "data",
}

__all__ = sorted(_EXPORTS) + ["data"]


def __getattr__(name: str):
    """Load the toolkit's modules on first use (no submodule is named like an export)."""
    if name != "data" and name not in _EXPORTS:  # (also how `from course.crm import x`
        raise AttributeError(f"module 'course.crm' has no attribute {name!r}")  # finds x.py)
    import course.crm.data  # noqa: F401 (first: `data` is an export's name and a module's)
    from course.crm import (
        complaints,
        customer_views,
        data,
        grading,
        greetings,
        markets,
        message_views,
        moves,
        overview,
        plots,
        promotion,
        replies,
        retention,
        reviewer,
        screening,
    )

    if name == "data":
        return data
    modules = {m.__name__.rpartition(".")[2]: m for m in (
        complaints, customer_views, data, grading, greetings, markets, message_views, moves,
        overview, plots, promotion, replies, retention, reviewer, screening)}
    value = getattr(modules[_EXPORTS[name]], name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
