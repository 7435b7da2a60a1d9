"""Deciding how to settle an after-sale complaint (SYLLABUS L7)."""
from __future__ import annotations

import html
from dataclasses import dataclass

from course.crm._checks import mapping_get, one_of
from course.errors import InputError

PROBLEMS = ("quality", "logistics", "return")
DECISIONS = ("partial_compensation", "full_refund", "repair_and_partial_refund",
             "tracking_update", "photos_then_refund")
# decision -> the draft_reply situation that writes it
SITUATION_OF = {
    "partial_compensation": "quality_minor",
    "full_refund": "quality_refund",
    "repair_and_partial_refund": "quality_repair",
    "tracking_update": "logistics_delay",
    "photos_then_refund": "return",
}
DEFAULT_SMALL_AMOUNT = 30.0


@dataclass(frozen=True)
class Resolution:
    """A complaint decision: ``decision``, ``reason`` ({"en", "zh"}) and the reply situation."""

    decision: str
    reason: dict
    situation: str
    order_value: float | None = None

    def __getitem__(self, key):
        return getattr(self, key)

    def to_dict(self) -> dict:
        return {"decision": self.decision, "reason_en": self.reason["en"],
                "reason_zh": self.reason["zh"], "situation": self.situation}

    def __repr__(self) -> str:
        return (f"Resolution: {self.decision}\n  {self.reason['en']}\n  {self.reason['zh']}\n"
                f"  reply with draft_reply({self.situation!r}, ...)")

    def _repr_html_(self) -> str:
        e = html.escape
        return (f"<div class='crm-resolution'><b>{e(self.decision)}</b><br>"
                f"{e(self.reason['en'])}<br>{e(self.reason['zh'])}<br>"
                f"<small>reply with <code>draft_reply({e(repr(self.situation))}, ...)"
                f"</code></small></div>")


def _as_bool(value, what: str) -> bool:
    import numpy as np

    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)) and value in (0, 1):
        return bool(value)
    raise InputError(f"{what}: 'affects_use' must be True or False; got {value!r}.")


def resolve_complaint(case, *, small_amount: float = DEFAULT_SMALL_AMOUNT) -> Resolution:
    """Decide how to settle a complaint, by the rules of SYLLABUS L7.

    ``case`` is a mapping (or a row of ``load("messages")``) with ``problem`` (``quality``,
    ``logistics`` or ``return``), ``affects_use`` (True/False; needed for quality problems)
    and ``order_value`` (needed for quality problems that stop use).

    ==============================================  ============================
    case                                            decision
    ==============================================  ============================
    quality, does not stop use                      ``partial_compensation``
    quality, stops use, value <= small_amount       ``full_refund``
    quality, stops use, value > small_amount        ``repair_and_partial_refund``
    logistics (delay, tracking not updating)        ``tracking_update``
    return for the seller's fault                   ``photos_then_refund``
    ==============================================  ============================

    ``small_amount`` (default 30, in the order's currency) is where a refund stops being
    cheaper than asking about a local repair; change it to your shop's policy.

    >>> r = resolve_complaint({"problem": "quality", "affects_use": True, "order_value": 12})
    >>> r.decision
    'full_refund'
    >>> resolve_complaint({"problem": "logistics", "affects_use": None, "order_value": 20}).situation
    'logistics_delay'
    """
    import math

    what = "resolve_complaint(case)"
    expected = ("problem", "affects_use", "order_value")
    if not isinstance(small_amount, (int, float)) or isinstance(small_amount, bool) \
            or small_amount < 0:
        raise InputError(f"{what}: small_amount must be a number >= 0; got {small_amount!r}.")
    raw_problem = mapping_get(case, "problem", what, expected)
    if raw_problem is None or (isinstance(raw_problem, float) and math.isnan(raw_problem)):
        raise InputError(
            f"{what}: 'problem' is empty. This is not an after-sale complaint; expected one of: "
            f"{', '.join(PROBLEMS)}."
        )
    problem = one_of(raw_problem, PROBLEMS, "problem")
    value = None
    if problem == "logistics":
        return Resolution("tracking_update", {
            "en": "Logistics problem: give the item, ship date, carrier and tracking number, "
                  "explain the delay, apologise and promise a solution if it does not arrive.",
            "zh": "物流问题：告知商品、发货日期、承运商和跟踪号，解释延误原因，致歉，并承诺若未送达会给出满意的解决方案。",
        }, SITUATION_OF["tracking_update"])
    if problem == "return":
        return Resolution("photos_then_refund", {
            "en": "Return for the seller's fault: ask for photos, then steer to a partial or "
                  "full refund.",
            "zh": "因卖家原因退货：先请买家提供照片，再引导部分或全额退款。",
        }, SITUATION_OF["photos_then_refund"])
    affects = _as_bool(mapping_get(case, "affects_use", what, expected), what)
    if not affects:
        return Resolution("partial_compensation", {
            "en": "Quality problem that does not stop use: apologise, accept responsibility and "
                  "offer a partial compensation; ask whether it is acceptable.",
            "zh": "不影响使用的质量问题：致歉、承担责任，提出部分补偿并询问买家是否接受。",
        }, SITUATION_OF["partial_compensation"])
    raw_value = mapping_get(case, "order_value", what, expected)
    try:
        value = float(raw_value)
    except (TypeError, ValueError):
        value = float("nan")
    if math.isnan(value) or value < 0:
        raise InputError(
            f"{what}: 'order_value' must be the order's value as a number >= 0; got {raw_value!r}."
        )
    if value <= small_amount:
        return Resolution("full_refund", {
            "en": f"Quality problem that stops use, small amount ({value:g} <= {small_amount:g}): "
                  "refund in full directly.",
            "zh": f"影响使用的质量问题，金额较小（{value:g} ≤ {small_amount:g}）：直接全额退款。",
        }, SITUATION_OF["full_refund"], value)
    return Resolution("repair_and_partial_refund", {
        "en": f"Quality problem that stops use, large amount ({value:g} > {small_amount:g}): ask "
              "whether it can be repaired locally and offer a partial refund as compensation.",
        "zh": f"影响使用的质量问题，金额较大（{value:g} > {small_amount:g}）：询问能否在当地维修，并提供部分退款作为补偿。",
    }, SITUATION_OF["repair_and_partial_refund"], value)
