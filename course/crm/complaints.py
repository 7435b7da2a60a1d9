"""Deciding how to settle an after-sale complaint (SYLLABUS L7)."""
from __future__ import annotations

import html
from dataclasses import dataclass

from course.crm._checks import mapping_get, one_of
from course.errors import InputError
from course.text import html_no_maths

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
#: decision -> the plain words the workshops' questions use for it (English, Chinese)
LABELS = {
    "partial_compensation": ("Partial compensation, and ask if the buyer agrees",
                             "部分补偿，并询问买家是否同意"),
    "full_refund": ("A full refund at once", "直接全额退款"),
    "repair_and_partial_refund": ("A local repair, and a partial refund to cover it",
                                  "当地维修，并部分退款作为补偿"),
    "tracking_update": ("Send the tracking details and explain the delay",
                        "告知物流信息并解释延误"),
    "photos_then_refund": ("Ask for photos, then a partial or full refund",
                           "先请买家提供照片，再部分或全额退款"),
}

# natural descriptions -> (problem, affects_use or None); first match wins
_DESCRIPTIONS = [
    (r"\b(late|delay\w*|slow|not (?:yet )?(?:arrived|received|delivered)|never (?:arrived|came)|"
     r"hasn'?t (?:arrived|come)|still (?:waiting|not here)|tracking|lost|stuck|in transit|customs|"
     r"where is)\b", "logistics", None),
    (r"\b(colou?r (?:is )?(?:different|wrong|not the same)|colou?r differs?|different colou?r|wrong colou?r|"
     r"not (?:like|as) (?:in )?the (?:photo|picture|description)s?|wrong (?:size|item|model|"
     r"product)|not what i ordered|different from the (?:photo|picture)s?|too (?:small|big|large)|"
     r"doesn'?t fit|does not fit|return|send (?:it )?back|exchange)\b", "return", None),
    (r"\b(broken|does(?:n'?t| not) work|not working|stopped working|dead|won'?t (?:turn on|"
     r"charge|work)|cannot (?:use|charge)|can'?t (?:use|charge)|leak\w*|smashed|shattered|"
     r"cracked|unusable|faulty|defective)\b", "quality", True),
    (r"\b(scratch\w*|mark\w*|stain\w*|dent\w*|loose thread|small (?:hole|defect)|minor|"
     r"cosmetic|slightly|smell\w*|dirty|creased|wrinkl\w*|does not look new|not look new)\b",
     "quality", False),
    (r"\b(quality|damaged|defect)\b", "quality", None),
]
_WORDS_ZH = {"logistics": "物流问题", "return": "退换货", "quality": "质量问题"}


def read_description(text):
    """Map a natural description ("the colour is different", "arrived broken") to a problem.

    Returns ``(problem, affects_use, matched_words)``; ``affects_use`` is None when the words do
    not say. None when nothing matched.

    >>> read_description("It arrived broken")
    ('quality', True, 'broken')
    >>> read_description("late delivery")[:2]
    ('logistics', None)
    """
    import re

    for rx, problem, affects in _DESCRIPTIONS:
        m = re.search(rx, str(text), re.I)
        if m:
            return problem, affects, m.group(0)
    return None


@dataclass(frozen=True)
class Resolution:
    """A complaint decision: ``decision``, ``reason`` ({"en", "zh"}) and the reply situation."""

    decision: str
    reason: dict
    situation: str
    order_value: float | None = None
    understood: dict | None = None

    def __getitem__(self, key):
        return getattr(self, key)

    def to_dict(self) -> dict:
        return {"decision": self.decision, "reason_en": self.reason["en"],
                "reason_zh": self.reason["zh"], "situation": self.situation}

    def __repr__(self) -> str:
        head = (f"  {self.understood['en']}\n  {self.understood['zh']}\n"
                if self.understood else "")
        return (f"Resolution: {self.decision}\n{head}  {self.reason['en']}\n"
                f"  {self.reason['zh']}\n  reply with draft_reply({self.situation!r}, ...)")

    def _repr_html_(self) -> str:
        e = html.escape
        head = (f"<i>{e(self.understood['en'])}<br>{e(self.understood['zh'])}</i><br>"
                if self.understood else "")
        return html_no_maths(
            f"<div class='crm-resolution'><b>{e(self.decision)}</b><br>{head}"
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

    ``problem`` may also be the buyer's words ("the colour is different", "late delivery",
    "arrived broken"), and ``case`` may be that text alone: the description is mapped to a
    category (and, for quality, to whether it stops use) and ``understood`` says which
    category was chosen and why. An explicit ``affects_use`` wins over the words.

    ``small_amount`` (default 30, in the order's currency) is where a refund stops being
    cheaper than asking about a local repair; change it to your shop's policy.

    >>> r = resolve_complaint({"problem": "quality", "affects_use": True, "order_value": 12})
    >>> r.decision
    'full_refund'
    >>> resolve_complaint({"problem": "logistics", "affects_use": None, "order_value": 20}).situation
    'logistics_delay'
    >>> r = resolve_complaint("the colour is different from the photo")
    >>> r.decision, r.understood["en"]
    ('photos_then_refund', "Read as a return (the words 'colour is different').")
    """
    import math

    what = "resolve_complaint(case)"
    if not isinstance(small_amount, (int, float)) or isinstance(small_amount, bool) \
            or small_amount < 0:
        raise InputError(f"{what}: small_amount must be a number >= 0; got {small_amount!r}.")
    if isinstance(case, str):
        case = {"problem": case}
    raw_problem = mapping_get(case, "problem", what, EXPECTED)
    if raw_problem is None or (isinstance(raw_problem, float) and math.isnan(raw_problem)):
        raise InputError(
            f"{what}: 'problem' is empty. This is not an after-sale complaint; expected one of: "
            f"{', '.join(PROBLEMS)}."
        )
    problem, words_affect, understood = _read_problem(raw_problem)
    if problem == "logistics":
        return _resolution("tracking_update", understood)
    if problem == "return":
        return _resolution("photos_then_refund", understood)
    if not _affects_use(case, raw_problem, words_affect, understood is not None):
        return _resolution("partial_compensation", understood)
    value = _order_value(case, raw_problem, understood is not None)
    decision = "full_refund" if value <= small_amount else "repair_and_partial_refund"
    return _resolution(decision, understood, value, small_amount)


WHAT = "resolve_complaint(case)"
EXPECTED = ("problem", "affects_use", "order_value")
#: decision -> why, in English and Chinese ({value} and {small} filled in)
REASONS = {
    "tracking_update": (
        "Logistics problem: give the item, ship date, carrier and tracking number, explain the "
        "delay, apologise and promise a solution if it does not arrive.",
        "物流问题：告知商品、发货日期、承运商和运单号，解释延误原因，致歉，并承诺若未送达会给出满意的解决方案。"),
    "photos_then_refund": (
        "Return for the seller's fault: ask for photos, then steer to a partial or full refund.",
        "因卖家原因退货：先请买家提供照片，再引导部分或全额退款。"),
    "partial_compensation": (
        "Quality problem that does not stop use: apologise, accept responsibility and offer a "
        "partial compensation; ask whether it is acceptable.",
        "不影响使用的质量问题：致歉、承担责任，提出部分补偿并询问买家是否接受。"),
    "full_refund": (
        "Quality problem that stops use, small amount ({value:g} <= {small:g}): refund in full "
        "directly.",
        "影响使用的质量问题，金额较小（{value:g} ≤ {small:g}）：直接全额退款。"),
    "repair_and_partial_refund": (
        "Quality problem that stops use, large amount ({value:g} > {small:g}): ask whether it "
        "can be repaired locally and offer a partial refund as compensation.",
        "影响使用的质量问题，金额较大（{value:g} > {small:g}）：询问能否在当地维修，并提供部分退款作为补偿。"),
}


def _resolution(decision: str, understood, value=None, small=None) -> Resolution:
    en, zh = REASONS[decision]
    reason = {"en": en.format(value=value, small=small), "zh": zh.format(value=value, small=small)}
    return Resolution(decision, reason, SITUATION_OF[decision], value, understood)


def _read_problem(raw_problem) -> tuple[str, bool | None, dict | None]:
    """The problem category, whether the words say it stops use (None: they do not say), and
    how the words were understood (None when ``problem`` was a category)."""
    if isinstance(raw_problem, str) and raw_problem.strip().lower() in PROBLEMS:
        return raw_problem.strip().lower(), None, None
    read = read_description(raw_problem) if isinstance(raw_problem, str) else None
    if read is None:
        try:
            return one_of(raw_problem, PROBLEMS, "problem"), None, None
        except InputError as err:
            raise InputError(
                f"{err} Or describe it in words, e.g. 'late delivery', 'the colour is "
                "different', 'arrived broken', 'a small scratch'."
            ) from None
    problem, words_affect, matched = read
    note = ""
    if problem == "quality" and words_affect is not None:
        note = " that stops use" if words_affect else " that does not stop use"
    understood = {
        "en": f"Read as a{'n' if problem[0] in 'aeiou' else ''} "
              f"{'return' if problem == 'return' else problem + ' problem'}{note} "
              f"(the words '{matched}').",
        "zh": f"理解为{_WORDS_ZH[problem]}"
              + ("（影响使用）" if words_affect else "（不影响使用）"
                 if words_affect is False else "")
              + f"（依据：“{matched}”）。",
    }
    if problem == "return":
        understood["en"] = f"Read as a return (the words '{matched}')."
    return problem, words_affect, understood


def _affects_use(case, raw_problem, words_affect, from_words: bool) -> bool:
    """Whether a quality problem stops use: ``affects_use`` when given, else the words'."""
    given = case["affects_use"] if "affects_use" in case.keys() else None
    if given is None and words_affect is not None:
        return words_affect
    if given is None and from_words:
        raise InputError(
            f"{WHAT}: '{raw_problem}' reads as a quality problem, but does it stop the buyer "
            "using the item? Give 'affects_use': True or False."
        )
    return _as_bool(mapping_get(case, "affects_use", WHAT, EXPECTED), WHAT)


def _order_value(case, raw_problem, from_words: bool) -> float:
    """The order's value, a number >= 0 (the decision for a quality problem that stops use)."""
    import math

    if from_words and "order_value" not in case.keys():
        raise InputError(
            f"{WHAT}: '{raw_problem}' reads as a quality problem that stops use; the decision "
            "depends on the order's value. Give 'order_value' as a number."
        )
    raw_value = mapping_get(case, "order_value", WHAT, EXPECTED)
    try:
        value = float(raw_value)
    except (TypeError, ValueError):
        value = float("nan")
    if math.isnan(value) or value < 0:
        raise InputError(
            f"{WHAT}: 'order_value' must be the order's value as a number >= 0; got {raw_value!r}."
        )
    return value
