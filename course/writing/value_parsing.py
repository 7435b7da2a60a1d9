"""Reading one value as a reply or a fact sheet writes it: numbers in words, dates, money.

The patterns of each kind of checkable value (a date, an amount, a percentage, a tracking
number, a size, a colour, a number of days or weeks, a carrier) and the parsers that turn one
match or one fact into a value that can be compared; the kinds themselves are in
course.writing.values.
"""
from __future__ import annotations

import re

import course.writing.patterns as P

# ------------------------------------------------------------------ numbers written in words
# one to ninety-nine, "a/one hundred", hundreds with a rest ("two hundred and fifty"), read
# wherever digits are read (issue 22, the twelfth student reader: "twenty dollars")
_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UPTO99 = (rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_ONES[:9])}))?|"
           rf"{'|'.join(sorted(_ONES, key=len, reverse=True))})")
#: a number from one to 999 in words (no "a" alone: "a hundred" is 100, "a" is not 1)
NUMBER_WORDS_RX = (rf"(?:(?:a|one|two|three|four|five|six|seven|eight|nine)[- ]hundred"
                   rf"(?:(?: and)? {_UPTO99})?|{_UPTO99})")



# ------------------------------------------------------------------ parsing one value
_MON = {name[:3]: i for name, i in P.MONTHS.items()}
_DATE = re.compile(
    rf"\b(?:(?:the\s+)?(?P<d1>\d{{1,2}}){P.ORD}(?:\s+of)?\s+(?P<m1>{P.MONTH_RX})|"
    rf"(?P<m2>{P.MONTH_RX})\s+(?:the\s+)?(?P<d2>\d{{1,2}}){P.ORD}(?!\d)|"
    rf"(?P<y3>\d{{4}})-(?P<m3>\d{{1,2}})-(?P<d3>\d{{1,2}})|"
    rf"(?P<a4>\d{{1,2}})/(?P<b4>\d{{1,2}})(?:/\d{{2,4}})?)(?!\d)|"
    rf"(?P<m5>\d{{1,2}})月(?P<d5>\d{{1,2}})[日号]", re.I)
_WEEKDAY = re.compile(rf"\b{P.WEEKDAY_RX}\b|星期[一二三四五六日天]|周[一二三四五六日]", re.I)
_ZH_WEEKDAY = dict(zip("一二三四五六日天", ("monday", "tuesday", "wednesday", "thursday",
                                           "friday", "saturday", "sunday", "sunday"), strict=True))
_MONEY = re.compile(
    r"(?P<c1>us\s?\$|\$|€|£|¥)\s?(?P<n1>\d[\d,]*(?:\.\d+)?)|"
    r"\b(?P<c2>usd|eur|gbp|cny|rmb)\s?(?P<n2>\d[\d,]*(?:\.\d+)?)|"
    r"(?<![\d.$€£¥])(?P<n3>\d[\d,]*(?:\.\d+)?)\s?(?P<c3>dollars?|euros?|pounds?|yuan|usd|eur|"
    r"gbp|cny|rmb|美元|欧元|英镑|元)|"
    rf"\b(?P<n4>{NUMBER_WORDS_RX}(?: and a half)?) (?P<c4>dollars?|euros?|pounds?|yuan)\b", re.I)
_CURRENCY = {"$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
             "美元": "USD", "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
             "欧元": "EUR", "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP",
             "英镑": "GBP", "¥": "CNY", "cny": "CNY", "rmb": "CNY", "yuan": "CNY", "元": "CNY"}
_PERCENT = re.compile(r"(?<![\d.])(\d{1,2}(?:\.\d)?)\s?%|(\d)\s?折|九折|八折|七折|"
                      rf"\b({NUMBER_WORDS_RX}|\d{{1,2}}(?:\.\d)?) ?(?:percent|per cent)\b", re.I)
_TRACKING = re.compile(r"\b([A-Z]{2}\d{9}[A-Z]{2}|1Z[0-9A-Z]{16}|[A-Z]{1,4}\d{8,20}[A-Z]{0,2})\b")
_LONG_NUMBER = re.compile(r"(?<![\w-])(\d{10,22})(?![\w-])")
# a size: "size L" (also "Size L" at a sentence's start), "take L", "L码", or a bare capital
# letter size that the sentence states as the fit ("L is the size for you", "M will fit")
_SIZE = re.compile(r"(?<!US )(?<!UK )(?<!EU )(?<!US)\b[Ss]ize\s+(?P<a>XXS|XS|XXL|XXXL|XL|S|M|L|\d{1,2}(?:\.5)?)"
                   r"\b|\b(?:take|choose|order|get|buy|recommend|suggest)\s+(?:our\s+|a\s+|the\s+)?"
                   r"(?P<b>XXS|XS|XXL|XXXL|XL|S|M|L)\b|(?P<c>XXS|XS|XXL|XXXL|XL|S|M|L)\s?码|"
                   r"\b(?P<d>XXS|XS|XXL|XXXL|XL|M|L) (?:is (?:the|your|a|right|better|best|good)|"
                   r"will (?:fit|be)|fits|should fit|would fit)\b|"
                   # round 7: "for US 8 the right size is L, not M", "the best size for you is M"
                   r"\b(?:right|best|correct|recommended|better|ideal) size(?: for (?:you|your "
                   r"[\w-]+))? (?:is|would be|will be|should be) (?P<e>XXS|XS|XXL|XXXL|XL|S|M|L)\b|"
                   # the size said as where she fits (the sixth tuning set): "with US 8 you will
                   # be comfortable in our L", "go for the M"
                   r"\b(?:comfortable|fit|happy|best|good|fine|right) in (?:our |an? |the |size )?"
                   r"(?P<f>XXS|XS|XXL|XXXL|XL|S|M|L)\b|\b(?:go for|go with|wear) (?:our |an? |the |size )?"
                   r"(?P<g>XXS|XS|XXL|XXXL|XL|M|L)\b")
_COLOUR = re.compile(r"\b(?:(?:light|dark|pale|navy|sky|royal)\s+)?(?:red|blue|green|black|white|"
                     r"grey|gray|pink|yellow|purple|brown|beige|orange|navy|silver|gold)\b", re.I)
_DAYS = re.compile(rf"\b(\d{{1,3}}|{NUMBER_WORDS_RX})"
                   r"\s+(?:working\s+|business\s+)?days?\b|(\d{1,3})\s*(?:个)?(?:工作)?天", re.I)
# a time in weeks ("about a week", "two weeks", "one and a half weeks"), read as days; "once a
# week" is how often, not how long
# ... and its days after it, an exact figure: "one week and one day" is 8 days (round 21)
_WEEKS = re.compile(rf"(?<!once )(?<!twice )(?<!times )(?<!per )\b(?P<n>a|\d{{1,2}}|"
                    rf"{NUMBER_WORDS_RX}(?: and a half)?)(?P<half> and a half)? weeks?\b"
                    rf"(?: and (?P<d>a|\d|{NUMBER_WORDS_RX}) days?\b)?", re.I)
_HOURS = re.compile(rf"\b(\d{{1,3}}|{NUMBER_WORDS_RX})\s+hours?\b", re.I)
CARRIER_NAMES = {"中国邮政": "China Post", "邮政": "China Post", "顺丰": "SF Express",
                 "菜鸟": "Cainiao", "云途": "YunExpress", "燕文": "Yanwen"}
_CARRIER = re.compile(P.CARRIERS.pattern + "|" + "|".join(CARRIER_NAMES), re.I)
_GENERIC_CARRIERS = {"the post office"}


def _num(s: str) -> float:
    return float(str(s).replace(",", ""))


def word_number(words: str):
    """The value of a number written in words ("twenty-five" 25, "a hundred and five" 105,
    "four and a half" 4.5); None when it is not one. The words are read by the engine's
    English numerals (``course.exercises.numerals``, as the numeric items read them); this
    adds the reviewer's "a hundred" and "... and a half"."""
    from course.exercises.numerals import words_to_number

    parts = re.split(r"[\s-]+", words.strip().lower())
    half = parts[-3:] == ["and", "a", "half"]
    parts = parts[:-3] if half else parts
    if parts[:1] == ["a"]:  # "a hundred"
        parts[0] = "one"
    total = words_to_number(parts)
    if not total:
        return None
    return total + 0.5 if half else total


_WORD_AMOUNT = re.compile(rf"\b{NUMBER_WORDS_RX}(?: and a half)?(?= (?:dollars?|euros?|pounds?|"
                          r"yuan)\b)", re.I)


def amounts_in_digits(text: str) -> str:
    """``text`` with each amount written in words in digits ("your twenty dollars back": "your
    20 dollars back"): the reviewer reads a reply so, and every rule that reads an amount in
    digits reads it in words too (issue 22, the twelfth student reader)."""
    return _WORD_AMOUNT.sub(lambda m: f"{word_number(m.group(0)):g}", text)


def number_value(raw: str):
    """A number written in digits or words ("12", "twelve", "1,200") as int (or float)."""
    raw = str(raw).strip()
    if raw[:1].isdigit():
        n = _num(raw)
        return int(n) if n == int(n) else n
    return word_number(raw)


def parse_date(raw) -> frozenset:
    """A date as the set of (month, day) it can mean ("10/4" can be 10 April or 4 October)."""
    import datetime as dt

    if isinstance(raw, dt.date):
        return frozenset({(raw.month, raw.day)})
    m = _DATE.search(str(raw))
    return _date_of(m) if m else frozenset()


def _date_of(m: re.Match) -> frozenset:
    g = m.groupdict()
    if g["d1"]:
        return frozenset({(_MON[g["m1"][:3].lower()], int(g["d1"]))})
    if g["d2"]:
        return frozenset({(_MON[g["m2"][:3].lower()], int(g["d2"]))})
    if g["y3"]:
        return frozenset({(int(g["m3"]), int(g["d3"]))})
    if g["a4"]:
        a, b = int(g["a4"]), int(g["b4"])
        return frozenset(x for x in ((b, a), (a, b)) if 1 <= x[0] <= 12 and 1 <= x[1] <= 31)
    return frozenset({(int(g["m5"]), int(g["d5"]))})


def date_spans(text: str) -> list:
    """Where ``text`` writes dates ("31 October", "10/4"): a number there is a day, not a
    quantity."""
    return [m.span() for m in _DATE.finditer(text)]


def _show_date(value: frozenset) -> str:
    month, day = sorted(value)[0]
    name = [k for k, v in P.MONTHS.items() if v == month][0]
    return f"{day} {name.capitalize()}"


def parse_money(raw, currency: str = "USD"):
    """(amount, currency) of a fact such as ``9``, ``"$4.20"``, ``"EUR 8"``."""
    if isinstance(raw, (int, float)):
        return float(raw), currency
    m = _MONEY.search(str(raw))
    if m:
        return _money_of(m, currency)
    try:
        return _num(str(raw).strip()), currency
    except ValueError:
        return None


def _money_of(m: re.Match, default: str):
    g = m.groupdict()
    cur = (g["c1"] or g["c2"] or g["c3"] or g["c4"] or "").lower().replace(" ", "")
    if g["n4"]:  # "twenty dollars", "four and a half euros"
        return float(word_number(g["n4"])), _CURRENCY.get(cur, default)
    return _num(g["n1"] or g["n2"] or g["n3"]), _CURRENCY.get(cur, default)


def _show_money(value) -> str:
    amount, cur = value
    sym = {"USD": "$", "EUR": "€", "GBP": "£", "CNY": "¥"}.get(cur, cur + " ")
    return f"{sym}{amount:.2f}" if amount != int(amount) else f"{sym}{int(amount)}"
