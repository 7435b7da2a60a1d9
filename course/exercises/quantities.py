"""Numbers as a learner types them, with unit, currency and magnitude, in English or Chinese
(``24 hours``, ``21天``, ``5倍``, ``百分之14.5``, ``6.3万亿``, ``US$300``, ``3,750元``, ``nine days``,
``二十四小时``, ``204 people``, ``约7.2万亿``): parsed into a :class:`Quantity` that the numeric
exercise compares with what it declares it measures (:func:`judge_quantity`).
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from course.exercises.numerals import (
    NUMBER_RUN,
    NUMBER_WORDS,
    chinese_numerals_to_digits,
    words_to_number,
)
from course.exercises.text_match import PUNCT, SPACE, strip_format_chars

# ----------------------------------------------------------------------------- numbers


@dataclass(frozen=True)
class UnitInfo:
    """One kind of quantity a numeric exercise can measure."""

    name: str
    en: str
    zh: str


MEASURES: dict[str, UnitInfo] = {
    "number": UnitInfo("number", "", ""),
    "count": UnitInfo("count", "", ""),
    "percent": UnitInfo("percent", "%", "%"),
    "times": UnitInfo("times", "times", "倍"),
    "hours": UnitInfo("hours", "hours", "小时"),
    "days": UnitInfo("days", "days", "天"),
    "minutes": UnitInfo("minutes", "minutes", "分钟"),
    "weeks": UnitInfo("weeks", "weeks", "周"),
    "months": UnitInfo("months", "months", "个月"),
    "years": UnitInfo("years", "years", "年"),
    "money": UnitInfo("money", "", ""),
}
CURRENCIES: dict[str, UnitInfo] = {
    "USD": UnitInfo("USD", "US dollars", "美元"),
    "CNY": UnitInfo("CNY", "yuan", "元"),
    "EUR": UnitInfo("EUR", "euros", "欧元"),
    "GBP": UnitInfo("GBP", "pounds", "英镑"),
}
MAGNITUDES: dict[str, tuple[float, str, str]] = {
    "thousand": (1e3, "thousand", "千"),
    "ten_thousand": (1e4, "ten thousand", "万"),
    "million": (1e6, "million", "百万"),
    "hundred_million": (1e8, "hundred million", "亿"),
    "billion": (1e9, "billion", "十亿"),
    "trillion": (1e12, "trillion", "万亿"),
}

# The unit table: every word or symbol a learner may write, what it means, and whether it
# is written before the number (currency symbols and codes) or after it.
# kind is "unit" (a measure), "currency", "magnitude" or "percent". Written once per meaning:
# (kind, name, its words and symbols); UNIT_TABLE lists them one a row, in this order (the
# order aliases of the same length are tried in).
_UNIT_WORDS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # percent
    ("percent", "percent", ("%", "percent", "per cent", "pct", "百分点")),
    # times
    ("unit", "times", ("times", "time", "x", "×", "倍", "fold")),
    # time
    ("unit", "hours", ("hours", "hour", "hrs", "hr", "h", "小时", "个小时", "钟头", "个钟头")),
    ("unit", "days", ("days", "day", "d", "天", "日")),
    ("unit", "minutes", ("minutes", "minute", "mins", "min", "分钟")),
    ("unit", "weeks", ("weeks", "week", "wks", "周", "星期", "个星期")),
    ("unit", "months", ("months", "month", "个月", "月")),
    ("unit", "years", ("years", "year", "yrs", "年")),
    # currencies
    ("currency", "USD", ("us$", "usd", "$", "us dollars", "us dollar", "dollars", "dollar",
                         "美元", "美金")),
    ("currency", "CNY", ("¥", "rmb", "cny", "yuan", "元", "人民币", "块", "元人民币")),
    ("currency", "EUR", ("€", "eur", "euros", "euro", "欧元")),
    ("currency", "GBP", ("£", "gbp", "pounds", "pound", "英镑")),
    # magnitudes
    ("magnitude", "thousand", ("thousand", "k", "千")),
    ("magnitude", "ten_thousand", ("万",)),
    ("magnitude", "million", ("million", "mn", "百万")),
    ("magnitude", "hundred_million", ("亿",)),
    ("magnitude", "billion", ("billion", "bn", "十亿")),
    ("magnitude", "trillion", ("trillion", "tn", "万亿", "兆")),
)
UNIT_TABLE: tuple[tuple[str, str, str], ...] = tuple(
    (word, kind, name) for kind, name, words in _UNIT_WORDS for word in words)
_PREFIX_SYMBOLS = ("us$", "$", "¥", "€", "£", "usd", "rmb", "cny", "eur", "gbp")
_ALIASES = sorted(UNIT_TABLE, key=lambda row: -len(row[0]))
_LATIN_ALIAS = re.compile(r"[a-z ]+")
_NUMBER = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$")
_LEADING_NUMBER = re.compile(r"^(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)?(?:\.\d+)?")
#: A decimal comma ("181,84", "$181,84"): a comma followed by exactly two digits that end the
#: number cannot group thousands (a group has three digits: "1,250" stays 1250), so a learner
#: who writes the cents as many languages do (181,84 for 181.84) is read with a point.
_DECIMAL_COMMA = re.compile(r"(?<![\d,.])(\d+),(\d{2})(?![\d,.])")
_SUPER_SUB = re.compile("[\u00b2\u00b3\u00b9\u2070-\u209f\u2460-\u24ff\u2776-\u2793]")


@dataclass(frozen=True)
class Quantity:
    """A learner's number with what came with it: unit, currency, magnitude, percent sign,
    and the words a teacher reads past: "about" (``approx``), "within" (``bound``), the low
    end of a range ("12-24": ``low`` 12), a counted noun ("204 people": ``noun``)."""

    value: float  # the number as written (before any magnitude); a range's high end
    unit: str | None = None  # a MEASURES name (hours, days, times, percent...)
    currency: str | None = None  # a CURRENCIES code
    magnitude: str | None = None  # a MAGNITUDES name
    number_words: bool = False  # written in English or Chinese number words
    approx: bool = False  # "about 51", "约7.2万亿", "200美元左右"
    bound: str | None = None  # "upper": "within 24 hours", "24小时内", "at most 24"
    low: float | None = None  # "12-24 hours", "12到24小时": the low end
    noun: str | None = None  # "204 people", "160位客户", "2 emails", "5 hours left"
    decimal_comma: bool = False  # "181,84": the cents after a comma, read as 181.84

    @property
    def scaled(self) -> float:
        return self.value * (MAGNITUDES[self.magnitude][0] if self.magnitude else 1.0)

    @property
    def rules(self) -> tuple[str, ...]:
        """What was read beyond the digits, as rule names ("number_word", "unit", "about")."""
        return tuple(name for name, on in (
            ("number_word", self.number_words), ("unit", self.unit), ("currency", self.currency),
            ("magnitude", self.magnitude), ("about", self.approx), ("bound", self.bound),
            ("range", self.low is not None), ("noun", self.noun),
            ("decimal_comma", self.decimal_comma)) if on)


def _take_alias(text: str, *, prefix: bool) -> tuple[tuple[str, str, str] | None, str]:
    """The unit word at the start (prefix) or end of ``text`` and what is left."""
    for row in _ALIASES:
        alias = row[0]
        if prefix:
            if row[0] not in _PREFIX_SYMBOLS or not text.startswith(alias):
                continue
            rest = text[len(alias):]
            if _LATIN_ALIAS.fullmatch(alias) and rest[:1].isalpha():
                continue
            return row, rest.lstrip()
        if not text.endswith(alias):
            continue
        rest = text[: -len(alias)]
        if _LATIN_ALIAS.fullmatch(alias) and rest[-1:].isalpha():
            continue  # "5 days" yes, "5 holidays" no
        return row, rest.rstrip()
    return None, text


def _take_front_alias(text: str) -> tuple[tuple[str, str, str] | None, str]:
    """A unit word at the start of what follows the number ("hours" of "hours left")."""
    for row in _ALIASES:
        alias = row[0]
        rest = text[len(alias):]
        if text.startswith(alias) and not (_LATIN_ALIAS.fullmatch(alias) and rest[:1].isalpha()):
            return row, rest.lstrip()
    return None, text


def _add(found: dict, row: tuple[str, str, str]) -> bool:
    _, kind, value = row
    key = "unit" if kind == "percent" else kind
    value = "percent" if kind == "percent" else value
    if key in found and found[key] != value:
        return False
    found[key] = value
    return True


# Words a teacher reads past around a right number: "about" and "within" (at either end).
_APPROX_BEFORE = re.compile(r"^(?:about|around|roughly|approximately|approx\.?|circa|大约|大概|"
                            r"约为|约|差不多|~|≈)\s*")
_APPROX_AFTER = re.compile(r"\s*(?:左右|上下|or so)$")
_UPPER_BEFORE = re.compile(r"^(?:within|at most|no later than|no more than|not more than|up to|"
                           r"at the latest|最多|至多|不超过|不晚于|最晚|最迟)\s*")
_UPPER_AFTER = re.compile(r"\s*(?:at most|at the latest|or less|以内|之内|内)$")
_RANGE_SEP = re.compile(r"^(?:-|~|to|至|到)\s*")
#: A counted noun after the number: up to three English words, or a few Chinese characters
#: with an optional measure word ("people", "unhappy customers", "人", "位客户", "封").
_NOUN = re.compile(r"(?:[a-z][a-z'-]*(?: [a-z][a-z'-]*){0,2}|[\u4e00-\u9fff]{1,6})"
                   r"|(?:out )?of [\d,]+(?: [a-z][a-z'-]*){0,2}")


#: A remark in brackets after the answer ("9 days (4 to 13 May)"), and what "=" is worked out
#: to ("1,200 ÷ 4 = 300"): the answer is what is left.
_REMARK = re.compile(r"(?<=\S)\s*\([^()]*\)$")


def _qualifiers(text: str) -> tuple[str, bool, str | None]:
    """``text`` without "about"/"within" words at its ends: (text, approx, bound)."""
    approx, bound = False, None
    for _ in range(2):
        for rx, kind in ((_APPROX_BEFORE, "approx"), (_UPPER_BEFORE, "upper"),
                         (_APPROX_AFTER, "approx"), (_UPPER_AFTER, "upper")):
            m = rx.search(text)
            if m and m.group(0) and len(m.group(0)) < len(text):
                text = (text[: m.start()] + text[m.end():]).strip()
                approx, bound = (True, bound) if kind == "approx" else (approx, "upper")
    return text, approx, bound


def decimal_point(text: str) -> str | None:
    """``text`` with each decimal comma written as a point ("181,84 USD" -> "181.84 USD"), or
    None when it has none ("1,250" is a thousands group and stays; see ``_DECIMAL_COMMA``)."""
    pointed = _DECIMAL_COMMA.sub(r"\1.\2", text)
    return pointed if pointed != text else None


def _leading_number(text: str) -> tuple[float, bool, str] | None:
    """(number, written in words, what follows) for the number at the start of ``text``."""
    match = _LEADING_NUMBER.match(text)
    digits = match.group(0) if match else ""
    if digits and any(c.isdigit() for c in digits):
        return float(digits.replace(",", "")), False, text[len(digits):].strip()
    head = NUMBER_RUN.match(text)
    parsed = words_to_number(re.split(r"[\s-]+", head.group(0))) if head else None
    if parsed is None:
        return None
    return float(parsed), True, text[head.end():].strip()


def _units_and_noun(rest: str, found: dict) -> str | None | bool:
    """Read the units after the number into ``found``; the counted noun left, None when
    nothing is left, False when what is left is no unit and no noun."""
    for _ in range(4):
        if not rest:
            return None
        row, rest = _take_alias(rest, prefix=False)
        if row is None:
            break
        if not _add(found, row):
            return False
    for _ in range(3):  # "hours left": a unit first, then words
        row, after = _take_front_alias(rest)
        if row is None or not after:
            break
        if not _add(found, row):
            return False
        rest = after
    words = rest.split()
    if _NOUN.fullmatch(rest) and not any(w in NUMBER_WORDS for w in words[:1] + words[2:]):
        return rest
    return False


def _normalized(value: str) -> tuple[str, bool]:
    """The text as parsed, and whether it held Chinese numerals (written in digits here)."""
    text = strip_format_chars(value)
    if _SUPER_SUB.search(text):
        return "", False
    text = unicodedata.normalize("NFKC", text).translate(PUNCT).casefold()
    text = SPACE.sub(" ", text.replace("\u00a0", " ")).strip().rstrip(".").strip()
    digits = chinese_numerals_to_digits(text)
    return digits, digits != text


def _prefixes(text: str, found: dict) -> tuple[str, bool] | None:
    """Read what comes before the number (brackets of a negative, 百分之, signs, currency
    symbols and codes) into ``found``: (what is left, negative), None when they clash."""
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1].strip()
    if text.startswith("百分之"):
        found["unit"] = "percent"
        text = text[3:].strip()
    for _ in range(2):
        if text[:1] in "+-" and not negative:
            negative, text = text[:1] == "-", text[1:].strip()
        row, text = _take_alias(text, prefix=True)
        if row is None:
            break
        if not _add(found, row):
            return None
    if text[:1] in "+-":
        negative, text = text[:1] == "-", text[1:].strip()
    return text, negative


def parse_quantity(value) -> Quantity | None:
    """A learner's number with its unit, currency and magnitude; None when it is not one.

    Reads ``12``, ``1,299.50``, ``¥1299.5``, ``USD 12``, ``15%``, ``百分之15``, ``24 hours``,
    ``24小时``, ``21天``, ``5倍``, ``6.3 trillion``, ``6.3万亿元``, ``nine days``, ``二十四小时``,
    ``六点三万亿元``, ``204 people``, ``204位客户``, ``about 51%``, ``约7.2万亿``, ``within 24
    hours``, ``12-24 hours``, full-width digits and a trailing full stop. Superscript digits
    (``²¹``) are not numbers.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            number = float(value)
        except OverflowError:
            return None
        return Quantity(number) if math.isfinite(number) else None
    if not isinstance(value, str) or len(value) > 100:
        return None
    text, chinese = _normalized(value)
    text = _REMARK.sub("", text.rsplit("=", 1)[-1]).strip()  # "1200/4 = 300 (dollars)"
    if not text:
        return None
    pointed = decimal_point(text)
    text = pointed or text
    text, approx, bound = _qualifiers(text)
    found: dict[str, str] = {}
    read = _prefixes(text, found)
    if read is None:
        return None
    text, negative = read
    lead = _leading_number(text)
    if lead is None:
        return None
    number, number_words, rest = lead
    number_words = number_words or chinese
    low = None
    sep = _RANGE_SEP.match(rest)
    high = _leading_number(rest[sep.end():]) if sep else None
    if high is not None and not negative:
        low, (number, words_high, rest) = number, high
        number_words = number_words or words_high
    noun = _units_and_noun(rest, found)
    if noun is False:
        return None
    number = -number if negative else number
    if not math.isfinite(number):
        return None
    return Quantity(number, found.get("unit"), found.get("currency"), found.get("magnitude"),
                    number_words, approx, bound, low, noun or None, pointed is not None)


def parse_number(value, *, percent_unit: bool = False) -> float | None:
    """A learner's number as a float ("1,299.50", "¥1299.5", "15%"); None when it is not one.

    A ``%`` keeps the number as written when the exercise's unit is ``%`` (``"51%"`` is 51) and
    divides by 100 otherwise (``"51%"`` is 0.51). Units and magnitudes other than a currency
    make it not a plain number.
    """
    q = parse_quantity(value)
    if q is None or q.magnitude or q.unit not in (None, "percent"):
        return None
    if q.unit == "percent" and not percent_unit:
        return q.value / 100
    return q.value


def numbers_match(
    given: float, expected: float, tolerance: float | None, relative: float | None
) -> bool:
    """True when ``given`` is within the absolute or relative tolerance of ``expected``."""
    abs_tol = max(tolerance or 0.0, 1e-9 * max(1.0, abs(expected)))
    if relative:
        abs_tol = max(abs_tol, abs(relative * expected))
    return abs(given - expected) <= abs_tol + 1e-12


# ----------------------------------------------------------------------------- numeric answers


@dataclass(frozen=True)
class NumericSpec:
    """What a numeric exercise measures: a kind of quantity, a currency, a magnitude."""

    measures: str = "number"
    currency: str | None = None
    magnitude: str | None = None

    @property
    def scale(self) -> float:
        return MAGNITUDES[self.magnitude][0] if self.magnitude else 1.0

    def unit_names(self) -> tuple[str, str]:
        """The unit in words, (English, 中文): "hours"/"小时", "trillion yuan"/"万亿元"."""
        en, zh = MEASURES[self.measures].en, MEASURES[self.measures].zh
        if self.measures == "money" and self.currency:
            en, zh = CURRENCIES[self.currency].en, CURRENCIES[self.currency].zh
        if self.magnitude:
            _, mag_en, mag_zh = MAGNITUDES[self.magnitude]
            en, zh = f"{mag_en} {en}".strip(), f"{mag_zh}{zh}"
        return en, zh


class SpecError(ValueError):
    """A numeric exercise whose measure, currency, magnitude or unit make no sense."""

    def __init__(self, field: str, message: str):
        self.field = field
        super().__init__(message)


def numeric_spec(measures=None, currency=None, magnitude=None, unit_en: str | None = None
                 ) -> NumericSpec:
    """The spec an exercise declares; without ``measures`` it is read from the ``unit`` text."""
    if measures is None:
        guess = parse_quantity(f"1 {unit_en}") if unit_en else None
        if guess is None:
            guess = parse_quantity(f"{unit_en}1") if unit_en else None
        if guess is None:
            return NumericSpec("percent" if unit_en == "%" else "number")
        if guess.currency:
            return NumericSpec("money", guess.currency, guess.magnitude)
        return NumericSpec(guess.unit or "number", None, guess.magnitude)
    if measures not in MEASURES:
        raise SpecError("measures", f"unknown measure {measures!r}; use one of "
                                    + ", ".join(MEASURES))
    if measures == "money" and currency not in CURRENCIES:
        raise SpecError("currency", "a numeric exercise that measures money needs `currency:` "
                                    "(one of " + ", ".join(CURRENCIES) + ")")
    if measures != "money" and currency is not None:
        raise SpecError("currency", "`currency` only goes with `measures: money`")
    if magnitude is not None and magnitude not in MAGNITUDES:
        raise SpecError("magnitude", f"unknown magnitude {magnitude!r}; use one of "
                                     + ", ".join(MAGNITUDES))
    if magnitude is not None and measures not in ("money", "number", "count"):
        raise SpecError("magnitude", f"a magnitude does not go with `measures: {measures}`")
    spec = NumericSpec(measures, currency, magnitude)
    if unit_en:
        shown = numeric_spec(None, None, None, unit_en)
        if shown.measures not in ("number", spec.measures) or (
            shown.currency and shown.currency != spec.currency) or (
            shown.magnitude and shown.magnitude != spec.magnitude):
            raise SpecError("unit", f"the unit {unit_en!r} does not fit `measures: {measures}`"
                                    + (f", `currency: {currency}`" if currency else "")
                                    + (f", `magnitude: {magnitude}`" if magnitude else ""))
    return spec


def _names(kind: str, value: str) -> tuple[str, str]:
    if kind == "unit":
        info = MEASURES[value]
        return (info.en, info.zh) if value != "percent" else ("per cent (%)", "百分比（%）")
    if kind == "currency":
        return CURRENCIES[value].en, CURRENCIES[value].zh
    _, en, zh = MAGNITUDES[value]
    return en, zh


@dataclass(frozen=True)
class NumericJudgement:
    """How a quantity compares with what the exercise measures."""

    value: float | None  # in the exercise's unit and magnitude (None when it cannot compare)
    rules: tuple[str, ...]  # what was read beyond the digits ("unit", "about"), or ("number",)
    problem: str | None = None  # "unit", "no_unit", "currency" or "magnitude" when wrong
    fields: dict | None = None  # names for the feedback message
    low: float | None = None  # a range's low end, in the same terms as ``value``

    @property
    def rule(self) -> str:
        """The rules as one text for a stored result ("number_word+unit")."""
        return "+".join(self.rules)


def judge_quantity(spec: NumericSpec, q: Quantity) -> NumericJudgement:
    """Put a learner's quantity in the exercise's terms, or say which part does not fit."""
    rules = q.rules or ("number",)
    expected_en, expected_zh = spec.unit_names()
    if spec.measures == "percent":
        expected_en, expected_zh = "per cent (%)", "百分比（%）"
    fields = {"unit_en": expected_en, "unit_zh": expected_zh}
    plain = "no_unit" if spec.measures in ("number", "count") and not spec.magnitude else "unit"
    measures = spec.measures
    factor = 1.0
    if measures == "number":  # the legacy reading: a % sign divides by 100, currencies pass
        if q.unit == "percent":
            factor = 0.01
        elif q.unit is not None:
            return NumericJudgement(None, rules, plain, {**fields, **_given("unit", q.unit)})
    elif q.unit is not None and q.unit != measures:
        return NumericJudgement(None, rules, plain, {**fields, **_given("unit", q.unit)})
    if q.noun and q.unit is None and q.currency is None and measures not in ("number", "count"):
        return NumericJudgement(None, rules, "unit", {**fields, "given_en": q.noun,
                                                      "given_zh": q.noun})
    if q.currency is not None and measures != "number":
        if measures != "money" or q.currency != spec.currency:
            return NumericJudgement(None, rules, "currency" if measures == "money" else plain,
                                    {**fields, **_given("currency", q.currency)})
    if q.magnitude is not None:
        if measures not in ("money", "number", "count"):
            return NumericJudgement(None, rules, "magnitude",
                                    {**fields, **_given("magnitude", q.magnitude)})
        factor = MAGNITUDES[q.magnitude][0] / spec.scale
        if q.magnitude != spec.magnitude:
            fields = {**fields, **_given("magnitude", q.magnitude)}
    low = None if q.low is None else q.low * factor
    return NumericJudgement(q.value * factor, rules, None, fields, low)


def _given(kind: str, value: str) -> dict:
    en, zh = _names(kind, value)
    return {"given_en": en, "given_zh": zh}
