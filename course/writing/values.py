"""The kinds of checkable value a reply states, and which kind each fact of a task holds.

A task's fact sheet (``facts`` in a bank reply task, as for ``draft_reply``) names values:
``tracking_number: LX123456789CN``, ``ship_date: 2026-04-10``, ``refund_amount: 9``...
:data:`FACT_KINDS` says which kind of value each fact field holds (a :class:`ValueKind`: how
a fact is read, how the reply's values of that kind are found, when two are the same) and
when a value the reply states is about that fact (a date is the ship date in a sentence about
shipping). course.writing.factcheck compares them. Reading one value (numbers in words, dates,
money) is in course.writing.value_parsing; a product named in a reply's own words, in
course.writing.product_names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import course.writing.patterns as P
from course.writing.product_names import _model_named, _named_otherwise, _other_names, _word_key
from course.writing.text import clause_around, sentence_at
from course.writing.value_parsing import (
    _CARRIER,
    _COLOUR,
    _DATE,
    _DAYS,
    _GENERIC_CARRIERS,
    _HOURS,
    _LONG_NUMBER,
    _MONEY,
    _PERCENT,
    _SIZE,
    _TRACKING,
    _WEEKDAY,  # noqa: F401 (imported from here elsewhere)
    _WEEKS,
    _ZH_WEEKDAY,
    CARRIER_NAMES,
    NUMBER_WORDS_RX,  # noqa: F401 (imported from here elsewhere)
    _date_of,
    _money_of,
    _num,
    _show_date,  # noqa: F401 (imported from here elsewhere)
    _show_money,  # noqa: F401 (imported from here elsewhere)
    amounts_in_digits,  # noqa: F401 (imported from here elsewhere)
    date_spans,  # noqa: F401 (imported from here elsewhere)
    number_value,  # noqa: F401 (imported from here elsewhere)
    parse_date,
    parse_money,
)


# ------------------------------------------------------------------ the kinds of value
@dataclass(frozen=True)
class Found:
    """One value the reply states: its normalised ``value``, the ``text`` as written, where."""

    value: object
    text: str
    start: int


def found_all(rx: re.Pattern, text: str, value_of) -> list[Found]:
    """Every match of ``rx`` in ``text`` as a Found: ``value_of(match)``, the words matched,
    where they start."""
    return [Found(value_of(m), m.group(0), m.start()) for m in rx.finditer(text)]


class ValueKind:
    """One kind of checkable value: how a fact is read, how the reply's values are found, when
    two are the same and how a value is shown."""

    name = ""

    def parse(self, raw, facts):
        return str(raw).strip()

    def find(self, text: str, facts: dict) -> list[Found]:
        raise NotImplementedError

    def same(self, said, fact) -> bool:
        return said == fact

    def show(self, fact) -> str:
        return str(fact)

    def near(self, said, fact) -> bool:
        """True when ``said`` is not the fact but near enough not to be wrong (a round
        figure: "about a week" for 9 days)."""
        return False


class Tracking(ValueKind):
    name = "tracking number"

    def find(self, text, facts):
        out = [Found(m.group(1).upper(), m.group(1), m.start(1))
               for m in P.TRACKING_LABEL.finditer(text) if re.search(r"\d", m.group(1))]
        seen = {f.start for f in out}
        out += [Found(m.group(1), m.group(1), m.start(1)) for m in _TRACKING.finditer(text)
                if m.start(1) not in seen]
        return out

    def parse(self, raw, facts):
        return str(raw).strip().upper()


class OrderNumber(ValueKind):
    name = "order number"

    def find(self, text, facts):
        tracking_at = {m.start(1) for m in P.TRACKING_LABEL.finditer(text)}
        out = [Found(m.group(1), m.group(1), m.start(1)) for m in P.ORDER_LABEL.finditer(text)]
        seen = {f.start for f in out}
        return out + [Found(m.group(1), m.group(1), m.start(1))
                      for m in _LONG_NUMBER.finditer(text)
                      if m.start(1) not in tracking_at and m.start(1) not in seen]


def order_numbers(text: str, facts: dict) -> set:
    """The order numbers a reply or its facts name (labelled "order ..." or the fact)."""
    out = {m.group(1) for m in P.ORDER_LABEL.finditer(text)}
    if facts.get("order_id"):
        out.add(str(facts["order_id"]).strip())
    return out


class Date(ValueKind):
    name = "date"

    def parse(self, raw, facts):
        return parse_date(raw)

    def find(self, text, facts):
        return found_all(_DATE, text, _date_of) + found_all(_MONTH_END, text, _month_end)

    def same(self, said, fact):
        return bool(said & fact)

    def show(self, fact):
        return _show_date(fact)


# "until the end of October" is its last day (brief 22rv, the eleventh teacher reader)
_MONTH_END = re.compile(r"\b(?:the )?end of (" + "|".join(P.MONTHS) + r")\b", re.I)
_LAST_DAY = {2: (28, 29), 4: (30,), 6: (30,), 9: (30,), 11: (30,)}


def _month_end(m: re.Match) -> frozenset:
    month = P.MONTHS[m.group(1).lower()]
    return frozenset((month, day) for day in _LAST_DAY.get(month, (31,)))


class Weekday(ValueKind):
    name = "day"

    def parse(self, raw, facts):
        m = _WEEKDAY.search(str(raw))
        return self._norm(m.group(0)) if m else str(raw).strip().lower()

    @staticmethod
    def _norm(word: str) -> str:
        return _ZH_WEEKDAY.get(word[-1], word.lower())

    def find(self, text, facts):
        return found_all(_WEEKDAY, text, lambda m: self._norm(m.group(0)))

    def show(self, fact):
        return fact.capitalize()


class Money(ValueKind):
    name = "amount"

    def parse(self, raw, facts):
        return parse_money(raw, str(facts.get("currency") or "USD").upper())

    def find(self, text, facts):
        default = str(facts.get("currency") or "USD").upper()
        return found_all(_MONEY, text, lambda m: _money_of(m, default))

    def same(self, said, fact):
        return fact is not None and abs(said[0] - fact[0]) < 0.005 and said[1] == fact[1]

    def show(self, fact):
        return _show_money(fact)


class Percent(ValueKind):
    name = "discount"

    def parse(self, raw, facts):
        m = _PERCENT.search(str(raw))
        return self._of(m) if m else None

    @staticmethod
    def _of(m):
        if m.group(1):
            return float(m.group(1))
        if m.group(2):
            return 100 - 10 * float(m.group(2))
        if m.group(3):  # "ten percent", "10 per cent"
            return float(number_value(m.group(3)))
        return {"九折": 10.0, "八折": 20.0, "七折": 30.0}[m.group(0)]

    def find(self, text, facts):
        return found_all(_PERCENT, text, self._of)

    def show(self, fact):
        return f"{fact:g}%"


class Count(ValueKind):
    """A whole number of something (pieces, days, months, times): a fact is read as a number."""

    def parse(self, raw, facts):
        try:
            return int(_num(raw))
        except ValueError:
            return None


#: words that make a number of pieces a threshold of the shop's terms, not the buyer's order:
#: "the discount starts from 24 pieces", "at least 50 units", "24 pieces or more"
_THRESHOLD_BEFORE = re.compile(r"\b(?:from|over|above|at least|more than|minimum(?: of)?|min\.?|"
                               r"up to|starts? at|starting at)\s*$", re.I)
_THRESHOLD_AFTER = re.compile(r"^\s*(?:or more|and more|and above|and up|\+)", re.I)


class Quantity(Count):
    """How many pieces: a number before the product's own noun ("100 enamel mugs"); a threshold
    of the shop's terms ("from 24 pieces", "24 pieces or more") is not the buyer's quantity;
    nor is the day of a date ("until 31 October our mugs are..."), nor "one" ("one mug is
    $4": a price of one piece)."""

    name = "quantity"

    def find(self, text, facts):
        noun = str(facts.get("product") or "").split()[-1:] or ["pieces"]
        stem = re.escape(noun[0].lower().rstrip("s"))
        rx = re.compile(rf"(?<![\d.$€£¥,])(\d[\d,]*|\b(?!one\b){NUMBER_WORDS_RX})\s+"
                        rf"(?:[A-Za-z'’-]+\s+){{0,3}}?(?:{stem}s?|pieces|pcs|units)\b", re.I)
        dates = date_spans(text)  # "until 31 October our mugs are"
        return [f for f, m in zip(found_all(rx, text, lambda m: int(number_value(m.group(1)))),
                                  rx.finditer(text), strict=True)
                if not (_THRESHOLD_BEFORE.search(text[:m.start()])
                        or _THRESHOLD_AFTER.match(text[m.end():])
                        or any(a <= m.start() < b for a, b in dates))]


class Bought(Quantity):
    """How many pieces a customer bought of the product they bought before ("she bought 8
    coffee mugs in September": round 21, brief 22a): a number before that product's noun."""

    name = "number of pieces bought"

    def find(self, text, facts):
        return super().find(text, {"product": facts.get("last_product") or "pieces"})


class Size(ValueKind):
    name = "size"

    def parse(self, raw, facts):
        return str(raw).strip().upper()

    def find(self, text, facts):
        return found_all(_SIZE, text,
                         lambda m: (m.group("a") or m.group("b") or m.group("c")
                                    or m.group("d") or m.group("e") or m.group("f")
                                    or m.group("g")).upper())


class Colour(ValueKind):
    name = "colour"

    def parse(self, raw, facts):
        return str(raw).strip().lower().replace("gray", "grey")

    def find(self, text, facts):
        return found_all(_COLOUR, text, lambda m: m.group(0).lower().replace("gray", "grey"))


class Carrier(ValueKind):
    name = "carrier"

    def parse(self, raw, facts):
        return str(raw).strip().lower()

    def find(self, text, facts):
        out = []
        for m in _CARRIER.finditer(text):
            name = CARRIER_NAMES.get(m.group(0), m.group(0)).lower().replace("yun express",
                                                                             "yunexpress")
            if name not in _GENERIC_CARRIERS:
                out.append(Found(name, m.group(0), m.start()))
        return out

    def show(self, fact):
        return fact.title().replace("Dhl", "DHL").replace("Ems", "EMS").replace("Ups", "UPS")


class Days(Count):
    """A number of days (24 hours count as one day)."""

    name = "number of days"

    def parse(self, raw, facts):
        n = super().parse(raw, facts)
        if n is None:
            m = _DAYS.search(str(raw))
            return self._of(m) if m else None
        return n

    @staticmethod
    def _of(m):
        return number_value(m.group(1) or m.group(2))

    def find(self, text, facts):
        weeks = found_all(_WEEKS, text, _weeks_of)
        # the days of "one week and one day" are read in the weeks' figure, not again alone
        days = [d for d in found_all(_DAYS, text, self._of)
                if not any(w.start <= d.start < w.start + len(w.text) for w in weeks)]
        return (days + weeks
                + found_all(_HOURS, text,
                            lambda m: max(1, -(-number_value(m.group(1)) // 24))))

    def near(self, said, fact) -> bool:
        """True when a time said in weeks is the fact as a round figure, within half a week of
        it ("about a week" for 9 days; not for 11): neither the fact stated nor a wrong one
        (the teachers of sets 2, 4 and 7 give "about two weeks" for 12 days as vague, not
        wrong). Exactly the fact ("a week" for 7 days) is the fact."""
        return isinstance(said, Weeks) and abs(said - fact) <= 3

    def show(self, fact):
        return f"{fact} days"


class Weeks(int):
    """A number of days said in weeks ("a week": 7, "a week and a half": 11): a round
    figure."""


def _weeks_of(m: re.Match) -> int:
    n = 1 if m.group("n").lower() == "a" else number_value(m.group("n"))
    weeks = int((n + (0.5 if m.group("half") else 0)) * 7 + 0.5)
    if m.group("d"):  # "one week and one day": 8 days, an exact figure (round 21, brief 22a)
        return weeks + (1 if m.group("d").lower() == "a" else number_value(m.group("d")))
    return Weeks(weeks)


class Phrase(ValueKind):
    """A name the task gives (a product to recommend): the reply states it or not; there is no
    wrong value of it to find."""

    name = "name"

    def __init__(self, field: str):
        self.field = field

    def parse(self, raw, facts):
        return str(raw).strip().lower()

    def find(self, text, facts):
        words = [w for w in str(facts.get(self.field) or "").lower().split() if len(w) > 2]
        if not words:
            return []
        # from a word's start: "men's hoodie" is not found in "women's hoodies"
        key = r"\b" + r"\W+(?:\w+\W+){0,2}?".join(_word_key(w) for w in words[-2:])
        m = (re.search(key, text, re.I)
             or _named_otherwise(words, text, _other_names(self.field, facts))
             or _model_named(str(facts.get(self.field) or ""), text, facts))
        if not m and len(words) > 1 and self.field == "last_product":
            # the product named by its noun as hers: "the red hoodie you love", "your
            # favourite hoodie" (brief 22d); a bare "hoodie" may be the new one recommended
            head = _word_key(words[-1])
            m = re.search(r"\b(?:the|your|those|these) (?:[\w'’-]+ ){0,2}?" + head + r"\W+(?:that |"
                          r"which )?you (?:\w+ )?(?:love|like|bought|ordered|chose|enjoy|wear|got|picked|purchas|"
                          r"received)\w*|"
                          r"\byou (?:have )?(?:bought|ordered|chose|liked|likes?|love\w*|got|picked up|purchased) (?:[\w'’-]+ ){0,3}?"
                          + head + r"|\byour (?:favou?rite|usual|last|old) (?:[\w'’-]+ ){0,2}?" + head
                          # "I know the red hoodie is your favourite" (the fifteenth teacher
                          # reader, brief 22pw)
                          + r"|\b(?:the|our|this|that) (?:[\w'’-]+ ){0,2}?" + head + r"\w* (?:is|are|was|were) "
                          r"(?:still )?your (?:favou?rite|usual|(?:first )?choice)"
                          # the thanks for liking it: "thank you for loving our red hoodie"
                          # (the sixteenth student reader, brief 22r16)
                          + r"|\bfor (?:lov|lik|enjoy|choos|buy|order|wear)\w* (?:the |our |your |those |these )?"
                          r"(?:[\w'’-]+ ){0,2}?" + head
                          # "thank you for your mug order in September" (brief 22r)
                          + r"|\byour (?:[\w'’-]+ ){0,2}?" + head + r"\W+(?:order|purchase)"
                          # the item she bought sent again: "we will send you two new red
                          # hoodies in the right size" (issue 28, the fourteenth student reader)
                          + r"|\b(?:exchange|replace|resend)\w* (?:[\w'’-]+ ){0,3}?" + head
                          + r"|\b(?:send|sent|ship)\w* (?:you )?(?:[\w'’-]+ ){0,3}?" + head
                          + r"\W+(?:again|in (?:the|your) (?:right|correct) sizes?)",
                          text, re.I)
            if m and (set(m.group(0).lower().split()) - set(words)) & _other_names(self.field, facts):
                m = None  # "send you the fleece zip hoodie in the right size" is the new one
            # "our men red hoodie" (a possessive without its mark) names her hoodie still: the
            # fifteenth teacher reader (brief 22pw) reads it so; the slip is the grammar's
        return [Found(str(facts[self.field]).strip().lower(), m.group(0), m.start())] if m else []


class Months(Count):
    """A number of months ("for the next six months")."""

    name = "number of months"

    def find(self, text, facts):
        return found_all(_MONTHS, text, lambda m: number_value(m.group(1)))

    def show(self, fact):
        return f"{fact} months"


class Times(Count):
    """How many times a customer bought ("three times", "twice", "your 4 orders")."""

    name = "number of times"

    def find(self, text, facts):
        return found_all(_TIMES, text, _times_of)

    def show(self, fact):
        return {1: "once", 2: "twice"}.get(fact, f"{fact} times")


_COUNT = rf"(\d{{1,3}}|{NUMBER_WORDS_RX})"
_MONTHS = re.compile(rf"\b{_COUNT}\s+months?\b", re.I)
_TIMES = re.compile(rf"\b{_COUNT}\s+(?:times|orders)\b|\b(twice)\b", re.I)


def _times_of(m: re.Match) -> int:
    word = (m.group(1) or m.group(2)).lower()
    return 2 if word == "twice" else number_value(word)


class AtMostDays(Days):
    """A time limit: a reply may promise it sooner, never later."""

    # a time limit promised in weeks or months: "next week", "in two weeks", "within a month"
    _LATER = re.compile(r"\b(?:next|in a|within a|in one|within one|in (\w+)|within (\w+)) "
                        r"(week|month)s?\b", re.I)

    def same(self, said, fact):
        return said <= fact

    def find(self, text, facts):
        later = []
        for m in self._LATER.finditer(text):
            word = (m.group(1) or m.group(2) or "one").lower()
            n = number_value(word)
            if n is not None:
                later.append(Found(n * (7 if m.group(3).lower() == "week" else 30), m.group(0),
                                   m.start()))
        found = super().find(text, facts)  # "in two weeks" is found once, as written
        return later + [g for g in found if not any(
            f.start <= g.start < f.start + len(f.text) for f in later)]

    def near(self, said, fact):
        return False  # a time limit in weeks is later or not

    def show(self, fact):
        return f"{fact} days at most"


@dataclass(frozen=True)
class FactKind:
    """How one fact field is checked: its kind of value and, where a value of that kind can be
    about other things, the words that make a sentence about this fact."""

    kind: ValueKind
    context: str = ""
    scope: str = "sentence"  # or "clause": where the context words must be

    def about(self, text: str, start: int) -> bool:
        """True when the value at ``start`` of ``text`` is about this fact."""
        if not self.context:
            return True
        where = clause_around(text, start) if self.scope == "clause" else sentence_at(text, start)
        return bool(re.search(self.context, where, re.I))


_SHIP = (r"\b(?:ship\w*|sent|send|dispatch\w*|posted|mailed|left|hand\w*|collected|picked up|"
         r"on (?:its|the) way)\b|寄出|发货")
FACT_KINDS = {
    "tracking_number": FactKind(Tracking()),
    "order_id": FactKind(OrderNumber()),
    "ship_date": FactKind(Date(), _SHIP),
    "restock_date": FactKind(Date(), r"\b(?:restock\w*|stock|supplier|available|arriv\w*|again|"
                                     r"back in|new (?:ones|stock|\w+s)|more|ship\w*|send)\b|补货"),
    "offer_until": FactKind(Date(), r"\b(?:until|valid|ends?|expires?|before|till)\b|截止|前"),
    # the day the holiday falls on ("Happy Thanksgiving on 26 November" to a Canadian whose
    # Thanksgiving is 12 October: a wrong fact; brief 22d)
    "holiday_date": FactKind(Date(), r"\b(?:thanksgiving|christmas|new year|easter|eid|diwali|"
                                     r"hanukkah|festival|holiday|celebrat\w*)\b|节"),
    "offer_ends": FactKind(Weekday(), r"\b(?:discount|offer|ends?|valid|until|expires?)\b|折扣"),
    "discount": FactKind(Percent(), r"\b(?:off|discount)\b|折"),
    "compensation": FactKind(Money()),
    "refund_amount": FactKind(Money()),
    "partial_refund": FactKind(Money()),
    "shipping_fee": FactKind(Money()),
    "unit_price": FactKind(Money()),
    "regular_price": FactKind(Money()),  # the price before an offer (lesson 10)
    "sample_price": FactKind(Money()),
    "total_price": FactKind(Money()),
    "quantity": FactKind(Quantity()),
    "recommended_size": FactKind(Size()),
    "colour": FactKind(Colour(), r"\b(?:colou?r|send|ship|new|replace\w*|exchange)\b"),
    "ordered_colour": FactKind(Colour(), r"\b(?:send|ship|new|replace\w*|exchange|right)\b"),
    "carrier": FactKind(Carrier()),
    "last_product": FactKind(Phrase("last_product")),
    "recommended_product": FactKind(Phrase("recommended_product")),
    # a time in a clause about the proof is the proof's ("I make a proof for you in 24 hours",
    # the model's "we will send you a proof within 24 hours"), not the production time (issue
    # 28, the eighteenth readers' brief 22ow: correct replies in other words read wrongly)
    "lead_time_days": FactKind(Days(), r"^(?![\s\S]*\b(?:proofs?|mock-?ups?|previews?)\b)[\s\S]*?"
                                       r"\b(?:takes?|ready|print\w*|produc\w*|make|lead time|"
                                       r"finish\w*)\b", scope="clause"),
    "delivery_days": FactKind(Days(), r"\b(?:deliver\w*|arriv\w*|reach\w*|get there|"
                                     r"takes?|transit)\b", scope="clause"),
    "answer_within_days": FactKind(AtMostDays()),
    "price_months": FactKind(Months(), r"\b(?:price|stay\w*|same|fixed|keep|hold|confirm\w*|"
                                       r"promise\w*)\b"),
    # the pieces a customer bought, in a clause about buying ("thank you for your 10 mugs"
    # for 8; not "four mugs in a gift box", the new set)
    "pieces_bought": FactKind(Bought(), r"\b(?:bought|order\w*|purchas\w*|chose|choos\w*|"
                                        r"buy\w*|got|picked|thank\w*)\b|买", scope="clause"),
    "times_bought": FactKind(Times(), r"\b(?:bought|order\w*|purchas\w*|chose|shopp\w*|"
                                      r"buy\w*)\b|买"),
}
MONEY_FIELDS = tuple(k for k, v in FACT_KINDS.items() if isinstance(v.kind, Money))
