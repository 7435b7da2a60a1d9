"""Numbers written in words: English (``twenty-four``, ``three hundred and five``) and Chinese
numerals (``二十四``, ``三千七百五十``, ``两百零四``, ``六点三``, ``百分之五十一``).

The Chinese reader is this module's own (about forty lines) rather than cn2an (PyPI): on the
course's cases both read every numeral right, but importing cn2an takes about 0.4 s (it
pulls in its own regex tables and the ``proces`` package), more than the whole first-grade
budget, and its ``transform`` leaves "六点三万亿元" and "两封" unread; here a trailing 万/亿/万亿
stays a magnitude that the quantity parser checks against the exercise's.
"""
from __future__ import annotations

import re

_UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
               "seventy": 70, "eighty": 80, "ninety": 90}
_SCALE_WORDS = {"hundred": 100, "thousand": 1000}
NUMBER_WORDS = frozenset(_UNITS_WORDS) | frozenset(_TENS_WORDS) | frozenset(_SCALE_WORDS) | {"and"}


def words_to_number(words: list[str]) -> int | None:
    """``["twenty", "four"]`` -> 24; None unless every word is part of one English number."""
    if not words or words[0] == "and" or words[-1] == "and":
        return None
    total, current, last = 0, 0, None
    for word in words:
        if word in _UNITS_WORDS:
            if last in ("unit", "teen"):
                return None
            if last == "tens" and _UNITS_WORDS[word] >= 10:
                return None
            current += _UNITS_WORDS[word]
            last = "teen" if _UNITS_WORDS[word] >= 10 else "unit"
        elif word in _TENS_WORDS:
            if last in ("unit", "teen", "tens"):
                return None
            current += _TENS_WORDS[word]
            last = "tens"
        elif word == "hundred":
            if last not in ("unit", "teen"):
                return None
            current *= 100
            last = "hundred"
        elif word == "thousand":
            if last is None or last == "and":
                return None
            total += max(current, 1) * 1000
            current, last = 0, "thousand"
        elif word == "and":
            if last not in ("hundred", "thousand"):
                return None
            last = "and"
        else:
            return None
    return total + current


NUMBER_RUN = re.compile(
    r"\b(?:%s)(?:[\s-]+(?:%s))*\b" % (("|".join(sorted(NUMBER_WORDS, key=len, reverse=True)),) * 2)
)


def number_words_to_digits(text: str) -> str:
    """Every run of English number words in ``text`` written as digits ("twenty four" -> "24")."""

    def digits(m: re.Match) -> str:
        value = words_to_number(re.split(r"[\s-]+", m.group(0)))
        return m.group(0) if value is None else str(value)

    return NUMBER_RUN.sub(digits, text)



# ----------------------------------------------------------------------------- Chinese numerals

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_LARGE = {"万": 10_000, "亿": 100_000_000}
_CN_CHARS = "".join(_CN_DIGITS) + "".join(_CN_SMALL) + "".join(_CN_LARGE) + "点廿"
#: A run of Chinese numeral characters (a 点 only between two of them).
CN_RUN = re.compile(rf"[{_CN_CHARS}]+")
#: Magnitudes a Chinese number ends with, kept as a magnitude (6.3万亿 is 6.3 trillion).
CN_MAGNITUDE_END = re.compile(r"(万亿|亿|万)$")


def _cn_section(text: str) -> int | None:
    """A number below 10,000 (``三千七百五十``, ``十二``, ``二百零四``, ``廿四``); None if malformed."""
    text = text.replace("廿", "二十")
    total, digit, last_unit = 0, None, 10_000
    for ch in text:
        if ch in _CN_DIGITS:
            if digit is not None and _CN_DIGITS[ch] != 0:
                return None  # two digits in a row ("二四")
            digit = _CN_DIGITS[ch] if _CN_DIGITS[ch] else None
        elif ch in _CN_SMALL:
            unit = _CN_SMALL[ch]
            if unit >= last_unit:
                return None  # "十百", "百百"
            total += (1 if digit is None and unit == 10 and total == 0 else digit or 0) * unit
            if digit is None and not (unit == 10 and total == 10):
                return None  # "百" without its digit
            digit, last_unit = None, unit
        else:
            return None
    if digit is not None:
        total += digit * (last_unit // 10 if last_unit < 10_000 and text[-1] in _CN_DIGITS
                          and len(text) > 1 and text[-2] in "百千万" else 1)
    return total


def chinese_integer(text: str) -> int | None:
    """``二十四`` -> 24, ``两百零四`` -> 204, ``一万二`` -> 12000; None unless it is one number."""
    if not text:
        return None
    total, rest = 0, text
    for char, value in sorted(_CN_LARGE.items(), key=lambda kv: -kv[1]):
        if char in rest:
            head, _, rest = rest.partition(char)
            if char in rest:
                return None
            part = _cn_section(head) if head else None
            if part is None:
                return None
            total += part * value
    if rest:
        if total and rest[0] not in "零〇" and len(rest) == 1 and rest in _CN_DIGITS:
            rest += "千"  # 一万二 = 12000: a lone digit after 万 counts thousands
        part = _cn_section(rest)
        if part is None:
            return None
        total += part
    return total


def chinese_number(text: str) -> float | None:
    """``六点三`` -> 6.3, ``五十一`` -> 51, ``三千七百五十`` -> 3750; None unless one number.

    Digits after 点 are read one by one (``七点二五`` is 7.25).
    """
    whole, dot, fraction = text.partition("点")
    if dot and (not fraction or any(c not in _CN_DIGITS for c in fraction)):
        return None
    integer = chinese_integer(whole)
    if integer is None:
        return None
    if not dot:
        return float(integer)
    return float(f"{integer}." + "".join(str(_CN_DIGITS[c]) for c in fraction))


def chinese_numerals_to_digits(text: str) -> str:
    """Every Chinese numeral in ``text`` written in digits (``二十四小时`` -> ``24小时``).

    A numeral that ends in 万, 亿 or 万亿 keeps that ending (``六点三万亿`` -> ``6.3万亿``): it is a
    magnitude, which the quantity parser compares with the exercise's.
    """

    def digits(m: re.Match) -> str:
        run = m.group(0)
        if m.string[: m.start()].rstrip()[-1:].isdigit():
            return run  # "6.3 十亿": a magnitude after digits, not a number of its own
        end = CN_MAGNITUDE_END.search(run)
        number_part = run[: end.start()] if end and end.start() else run
        value = chinese_number(number_part)
        if value is None:
            value, number_part = chinese_number(run), run
            if value is None:
                return run
        written = f"{value:g}" if value < 1e15 else run
        return written + run[len(number_part):]

    return CN_RUN.sub(digits, text)
