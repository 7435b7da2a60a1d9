"""The CRM toolkit: the domain functions lessons use on the course data.

Importing this package is light: each function's module (and pandas) loads on first use.

>>> from course import crm
>>> crm.resolve_complaint({"problem": "quality", "affects_use": False, "order_value": 40}).decision
'partial_compensation'
"""
from __future__ import annotations

import importlib

_EXPORTS = {
    "grade_customers": "course.crm.grading",
    "reply_queue": "course.crm.grading",
    "rfm": "course.crm.retention",
    "loyalty": "course.crm.retention",
    "SEGMENTS": "course.crm.retention",
    "screen_inquiry": "course.crm.screening",
    "screen_inquiries": "course.crm.screening",
    "screening_scores": "course.crm.screening",
    "FLAGS": "course.crm.screening",
    "resolve_complaint": "course.crm.complaints",
    "draft_reply": "course.crm.replies",
    "reply_facts": "course.crm.replies",
    "review_reply": "course.crm.replies",
    "SITUATIONS": "course.crm.replies",
    "market_profile": "course.crm.markets",
    "compare_markets": "course.crm.markets",
    "region_of": "course.crm.markets",
    "plot_grade_distribution": "course.crm.plots",
    "plot_segment_sizes": "course.crm.plots",
    "plot_payment_methods": "course.crm.plots",
    "payment_shares": "course.crm.plots",
    "load": "course.crm.data",
}

__all__ = sorted(_EXPORTS) + ["data"]


def __getattr__(name: str):
    """Load an export's module on first use (no submodule is named like an export)."""
    if name == "data":
        return importlib.import_module("course.crm.data")
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'course.crm' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
