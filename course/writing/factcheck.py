"""Facts checked by value: every checkable value a reply states, compared with the task's facts.

A task's fact sheet (``facts`` in a bank reply task, as for ``draft_reply``) names values:
``tracking_number: LX123456789CN``, ``ship_date: 2026-04-10``, ``refund_amount: 9``...
:data:`FACT_KINDS` says which kind of value each fact field holds, and when a value the reply
states is about that fact (a date is the ship date in a sentence about shipping). A value of
that kind and context that differs from the fact is a *wrong fact*: the buyer is misled.
Some values are read against another fact or the buyer's own message (:func:`cross_check`):
a weekday beside a task's date, the order number given to track a parcel, the customer's
history, the holiday a greeting names, the buyer's name in the greeting, a quantity the buyer
gave.

>>> check = check_facts("It was shipped on 14 April by DHL, tracking number LX123456789CN.",
...                     {"ship_date": "2026-04-10", "carrier": "China Post",
...                      "tracking_number": "LX123456789CN"})
>>> [(w.field, w.said, w.expected) for w in check.wrong]
[('ship_date', '14 April', '10 April'), ('carrier', 'DHL', 'China Post')]
>>> sorted(check.right)
['tracking_number']
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import course.writing.patterns as P
from course.writing.text import clause_around, negated, sentence_at
from course.writing.values import (
    _WEEKDAY,
    FACT_KINDS,
    MONEY_FIELDS,
    NUMBER_WORDS_RX,
    Colour,
    Date,
    Found,
    Money,
    Phrase,
    Size,
    Tracking,
    Weekday,
    _show_date,
    _show_money,
    date_spans,
    number_value,
    order_numbers,
)


# ------------------------------------------------------------------ the check
@dataclass(frozen=True)
class WrongFact:
    """A value the reply states that contradicts the facts."""

    field: str
    said: str
    expected: str


@dataclass(frozen=True)
class FactCheck:
    """``right``: fact fields the reply states correctly (field -> as written); ``wrong``."""

    right: dict = field(default_factory=dict)
    wrong: tuple = ()


def _money_allowed(facts: dict, buyer: str) -> list:
    m = Money()
    allowed = [m.parse(facts[k], facts) for k in MONEY_FIELDS if facts.get(k) is not None]
    allowed += [f.value for f in m.find(buyer or "", facts)]
    unit, qty = facts.get("unit_price"), facts.get("quantity")
    if unit is not None and qty is not None:
        a = m.parse(unit, facts)
        if a is not None:
            allowed.append((round(a[0] * int(qty), 2), a[1]))
    return [a for a in allowed if a is not None]


def check_facts(text: str, facts: dict, buyer: str = "") -> FactCheck:
    """The facts a reply states right and the values that contradict ``facts``."""
    right, wrong = {}, []
    if not facts.get("tracking_number"):  # an order number given as the tracking number
        orders = order_numbers(text, facts)
        wrong += [WrongFact("tracking_number", f.text, "a tracking number, not the order number")
                  for f in Tracking().find(text, facts) if f.text in orders]
    money_done = False
    for name, fk in FACT_KINDS.items():
        if facts.get(name) in (None, ""):
            continue
        if isinstance(fk.kind, Money):
            if not money_done:
                money_done = True
                _check_money(text, facts, buyer, right, wrong)
            continue
        fact = fk.kind.parse(facts[name], facts)
        if fact in (None, frozenset()):
            continue
        for f in fk.kind.find(text, facts):
            against = _advised_against(fk.kind, text, f.start)
            if fk.kind.same(f.value, fact) and against:  # "do not take size L" when L fits
                wrong.append(WrongFact(name, f"not {f.text.strip()}", fk.kind.show(fact)))
            elif fk.kind.same(f.value, fact):
                right.setdefault(name, f.text)
            elif fk.kind.near(f.value, fact):  # "about two weeks" for 12 days: not wrong,
                continue  # nor the fact stated (the teachers: "vaguer than 12 days"; issue 22)
            elif (fk.about(text, f.start) and not _other_fact(name, f, facts)
                  and not against and not _not_this_date(name, f, fact, text)):
                wrong.append(WrongFact(name, f.text.strip(), fk.kind.show(fact)))
    wrong += cross_check(text, facts, buyer, right)
    if any(w.field == "recommended_product" for w in wrong):
        # the price said with another model is that model's price ("I recommend PowerGo Max
        # ... $59"): the mistake is the product, not its price (the fifteenth teacher reader,
        # brief 22pw)
        wrong = [w for w in wrong if w.field != "unit_price"]
    return FactCheck(right, tuple(dict.fromkeys(wrong)))


def _other_model(text: str, facts: dict) -> list:
    """The wrong product recommended: the task's brand with another model word ("PowerGo Max"
    where the facts give "PowerGo Lite"), when the right one is not named. Only a name written
    with capitals as in the facts is read so (a brand's model, not "a light bag")."""
    words = str(facts.get("recommended_product") or "").split()
    if len(words) < 2 or not words[0][:1].isupper() or FACT_KINDS["recommended_product"].kind.find(
            text, facts):
        return []
    m = re.search(rf"\b{re.escape(words[0])}\s+(?!{re.escape(words[1])}\b)([A-Z][\w-]*)", text)
    return [WrongFact("recommended_product", m.group(0), " ".join(words))] if m else []


def _advised_against(kind, text: str, start: int) -> bool:
    """True when a size, colour or product is named only to advise against it, denied in its
    own clause ("please do not take size M", "not the red one, the navy one"): the reply
    does not state it as the choice. Dates, amounts and numbers stay checked: "we did not ship
    on 14 April" still names a wrong date."""
    return isinstance(kind, (Size, Colour, Phrase)) and negated(text, start)


def _other_fact(name: str, found: Found, facts: dict) -> bool:
    """True when a found value is another fact of the sheet (the order number where the
    tracking number is checked: that is a wrong fact only when labelled as tracking)."""
    if name == "order_id":
        return str(found.value) == str(facts.get("tracking_number") or "")
    if isinstance(FACT_KINDS[name].kind, Colour):  # the colour that was sent, named as such
        return any(str(facts.get(k) or "").strip().lower() == found.value
                   for k in ("colour", "ordered_colour", "sent_colour"))
    if name == "holiday_date":  # the offer's last day beside the holiday (brief 22d)
        kind = FACT_KINDS[name].kind
        return any(facts.get(k) and kind.same(found.value, kind.parse(facts[k], facts))
                   for k in ("offer_until", "restock_date", "ship_date"))
    return False


# a holiday's own fixed day: "before Christmas on 25 December" names Christmas, not the
# offer's last day (brief 22r)
_HOLIDAY_DAYS = {(12, 25): r"christmas|xmas", (12, 24): r"christmas eve",
                 (12, 31): r"new year'?s eve", (1, 1): r"new year", (2, 14): r"valentine",
                 (10, 31): r"halloween"}
# a deadline: "if it does not arrive by 20 April", "no later than 20 April"
_DEADLINE = re.compile(r"\b(?:by|before|until|till|no later than)\s+(?:the\s+)?$", re.I)
_PROMISE = re.compile(r"\b(?:will|'ll|if|unless|should|shall|can|could|expect\w*|promise\w*)\b",
                      re.I)
# a shipment promised after a restock: "and we will ship your beanie on 19 April"
_SHIP_PROMISE = re.compile(r"\b(?:ship|send|sends|post|dispatch|deliver)\b|发货|寄出", re.I)
_RESTOCK_WORDS = re.compile(r"\b(?:restock\w*|stock|supplier|available|back in|again)\b|补货",
                            re.I)


# the day the buyer is asked to answer by ("If you can tell us by 16 May, we will keep the first
# 20 new mats for you": the eighth tuning set, teacher 90, read as a wrong restock day)
_ANSWER_BY = re.compile(r"\b(?:(?:tell|let) (?:us|me)(?: know)?|reply|answer|write back|respond|"
                        r"confirm|decide)(?: to (?:us|me))?(?: (?:it|this|that))? (?:by|before|until) "
                        r"(?:the )?$", re.I)


def _not_this_date(name: str, found: Found, fact, text: str) -> bool:
    """True when a date other than the fact is not stated AS that fact (brief 22r): a
    holiday's own fixed day beside its name ("Christmas on 25 December"), a deadline the reply
    promises ("if it does not arrive by 20 April, we will send a new one" beside the ship
    date), a shipment promised after the restock day ("restocks on 18 April, and we will ship
    it on 19 April"). "It was shipped on 14 April" and "restocks on 25 April" stay wrong."""
    if not isinstance(FACT_KINDS[name].kind, Date):
        return False
    sentence = sentence_at(text, found.start)
    if name != "holiday_date" and any(
            day in found.value and re.search(rf"\b(?:{rx})", sentence, re.I)
            for day, rx in _HOLIDAY_DAYS.items()):
        return True
    if _ANSWER_BY.search(text[max(0, found.start - 40):found.start]):
        return True  # "if you can tell us by 16 May": the day to answer by, not this fact
    if name == "ship_date" and _DEADLINE.search(text[max(0, found.start - 20):found.start]):
        return bool(_PROMISE.search(sentence))
    if name == "restock_date" and min(found.value) > max(fact):
        head = text[max(0, found.start - 80):found.start + len(found.text)]
        clause = re.split(r"[,;.!?\n]\s", head)[-1]  # "and we will ship it on 19 April"
        return bool(_SHIP_PROMISE.search(clause) and _PROMISE.search(clause)
                    and not _RESTOCK_WORDS.search(clause))
    return False


# which amount of the facts a wrong amount stands for, read in its clause ("15 pieces are $157
# in total" is the total; "$9.90 for one piece" the unit price): the feedback names that fact
_MONEY_CONTEXT = (
    ("total_price", re.compile(r"\b(?:total|in all|altogether|together|overall)\b|总", re.I)),
    ("unit_price", re.compile(r"\b(?:each|per|apiece|a piece|one piece|one (?:unit|item|set)|a "
                              r"unit|unit price)\b|单价", re.I)),
    ("shipping_fee", re.compile(r"\b(?:shipping|postage|delivery fee|freight)\b", re.I)),
    ("sample_price", re.compile(r"\bsamples?\b", re.I)),
)


def _money_field(text: str, found, facts: dict, right: dict) -> str:
    """The money fact a wrong amount at ``found`` stands for: the one its clause names, else
    the first the reply does not state right, else the first of the sheet."""
    given = [k for k in MONEY_FIELDS if facts.get(k) is not None]
    clause = clause_around(text, found.start)
    for k, rx in _MONEY_CONTEXT:
        if k in given and rx.search(clause):
            return k
    open_ = [k for k in given if k not in right] or given
    if len(open_) > 1:  # the fact nearest in size: "$133.50" for 15 pieces is a wrong total,
        # not a wrong price of one piece (brief 22d, W04 Nadia)
        return min(open_, key=lambda k: _size_gap(found.value, facts[k], facts))
    return open_[0] if open_ else "amount"


def _size_gap(value, fact, facts) -> float:
    """How far apart two amounts are in size (the log of their ratio; large when unreadable)."""
    import math

    try:
        a, b = float(Money().parse(fact, facts)[0]), float(value[0])  # (amount, currency)
        return abs(math.log(a / b)) if a > 0 and b > 0 else math.inf
    except (TypeError, ValueError, ZeroDivisionError):
        return math.inf


# a saving said as such: "so you save $1.80", "$3.60 off", "$3.60 less"
_SAVING = re.compile(r"\b(?:save[sd]?|saving|off|less|cheaper|discount)\b|省|优惠", re.I)
# the price an offer is compared with: "$6.50 instead of $7.04", "usually $7.04"
_REFERENCE = re.compile(r"\b(?:instead of|down from|rather than|usually|normally|was|(?:usual|"
                        r"normal|regular|original|old|full) price(?: of| is| was)?)\s+$", re.I)
# the price the buyer paid, where the sheet has no price: "refund $4 of the $17 price"
_PRICE_BEFORE = re.compile(r"\b(?:price (?:of|is|was)|you paid|paid|costs?|cost you)\s+$", re.I)
_PRICE_AFTER = re.compile(r"^\s*(?:price|purchase price|you paid|that you paid)\b", re.I)
_PRICE_FIELDS = ("unit_price", "total_price", "regular_price")
_FULL_REFUND = re.compile(r"\b(?:full|whole|entire|in full|all (?:of )?(?:your|the) money)\b", re.I)


def _not_this_amount(text: str, found: Found, facts: dict, right: dict) -> bool:
    """True when an amount other than the facts is not stated AS a fact (brief 22r): a saving
    that is the difference of two amounts of the sheet ("$16.20 instead of $18, so you save
    $1.80"), the usual price an offer is compared with when the sheet has none ("$6.50 instead
    of $7.04" beside the right price), the price the buyer paid when the sheet has none
    ("refund $4 of the $17 price"). An amount given as the refund, the price or the total
    stays checked."""
    kind = Money()
    amounts = [kind.parse(facts[k], facts) for k in MONEY_FIELDS if facts.get(k) is not None]
    amounts = [a for a in amounts if a is not None] + [  # and the usual price it compares with
        f.value for f in kind.find(text, facts)
        if _REFERENCE.search(text[max(0, f.start - 30):f.start])]
    value, before = found.value, text[max(0, found.start - 30):found.start]
    qty = int(facts["quantity"]) if str(facts.get("quantity") or "").isdigit() else 1
    if _SAVING.search(clause_around(text, found.start)) or _SAVING.search(
            text[found.start:found.start + len(found.text) + 12]):
        gaps = {round(abs(a[0] - b[0]) * n, 2) for a in amounts for b in amounts
                for n in {1, qty} if a[1] == b[1] and a[0] != b[0]}
        if any(kind.same(value, (g, value[1])) for g in gaps):
            return True
    if not any(facts.get(k) is not None for k in _PRICE_FIELDS[2:]) and _REFERENCE.search(
            before):
        said = [kind.parse(facts[k], facts) for k in right if k in MONEY_FIELDS]
        if any(a is not None and value[0] > a[0] for a in said):
            return True
    if _FULL_REFUND.search(clause_around(text, found.start)) and any(
            facts.get(k) is not None for k in ("compensation", "partial_refund")):
        return True  # "a full $17 refund" where $4 is right: a wrong decision, named as such
    if not any(facts.get(k) is not None for k in _PRICE_FIELDS):
        after = text[found.start + len(found.text):found.start + len(found.text) + 20]
        return bool(_PRICE_BEFORE.search(before) or _PRICE_AFTER.search(after))
    return False


def _check_money(text, facts, buyer, right, wrong):
    kind = Money()
    allowed = _money_allowed(facts, buyer)
    found = kind.find(text, facts)
    for f in found:
        if any(kind.same(f.value, a) for a in allowed):
            for k in MONEY_FIELDS:
                if facts.get(k) is not None and kind.same(f.value, kind.parse(facts[k], facts)):
                    right.setdefault(k, f.text)
    for f in found:
        if any(kind.same(f.value, a) for a in allowed) or _not_this_amount(text, f, facts,
                                                                             right):
            continue
        field_name = _money_field(text, f, facts, right)
        fact = kind.parse(facts[field_name], facts) if field_name in facts else None
        if fact is not None:
            expected = _show_money(fact)
        else:  # no money fact: the amounts the buyer's message allows
            expected = " / ".join(dict.fromkeys(_show_money(a) for a in allowed))
        wrong.append(WrongFact(field_name, f.text.strip(), expected))


def cross_check(text: str, facts: dict, buyer: str, right: dict) -> list:
    """The wrong facts these checks find in ``text``; what they find right goes in ``right``."""
    wrong = []
    # the pieces a customer bought, given as a fact, are checked as such (round 21, brief 22a),
    # not again as a quantity the buyer asked about
    if facts.get("quantity") in (None, "") and facts.get("pieces_bought") in (None, "") and buyer:
        _check_buyer_quantity(text, buyer, right, wrong)
    _check_buyer_name(text, facts, buyer, right, wrong)
    wrong += _order_as_tracking(text, facts) + _wrong_weekdays(text, facts)
    wrong += _wrong_history(text, facts) + _wrong_holiday(text, facts, right)
    return wrong + _other_model(text, facts)


# holidays a greeting can name, each with the name it is known by
_HOLIDAYS = {"christmas": "Christmas", "xmas": "Christmas", "new year": "New Year",
             "lunar new year": "Lunar New Year", "chinese new year": "Lunar New Year",
             "spring festival": "Lunar New Year", "thanksgiving": "Thanksgiving",
             "easter": "Easter", "eid": "Eid", "ramadan": "Eid", "diwali": "Diwali",
             "hanukkah": "Hanukkah", "halloween": "Halloween", "black friday": "Black Friday",
             "songkran": "Songkran", "mid-autumn festival": "Mid-Autumn Festival",
             "valentine's day": "Valentine's Day", "mother's day": "Mother's Day"}
_HOLIDAY = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _HOLIDAYS), key=len, reverse=True))
                      + r")\b", re.I)


def _wrong_holiday(text: str, facts: dict, right: dict) -> list:
    """A greeting for another holiday ("Merry Christmas" when the task is Thanksgiving): wrong
    when the reply never names the task's holiday."""
    m = _HOLIDAY.search(str(facts.get("holiday") or ""))
    if not m:
        return []
    fact = _HOLIDAYS[m.group(1).lower()]
    said = [(h, _HOLIDAYS[h.group(1).lower()]) for h in _HOLIDAY.finditer(text)]
    if any(name == fact for _, name in said):
        right.setdefault("holiday", next(h.group(0) for h, name in said if name == fact))
        return []
    return [WrongFact("holiday", h.group(0), fact) for h, _ in said[:1]]


_TRACK_WORDS = re.compile(r"\btrack\w*|运单", re.I)


def _order_as_tracking(text: str, facts: dict) -> list:
    """The order number given where the tracking number belongs ("track it with the number
    8012..."), when the task also gives the real tracking number."""
    order, tracking = str(facts.get("order_id") or ""), str(facts.get("tracking_number") or "")
    if not order or not tracking or tracking in text:
        return []
    return [WrongFact("tracking_number", order, tracking.upper())
            for m in re.finditer(re.escape(order), text)
            if _TRACK_WORDS.search(clause_around(text, m.start()))
            and not P.ORDER_LABEL.search(text[max(0, m.start() - 20):m.end()])]


# a weekday written right beside a date: "Monday, 10 April", "10 April (a Monday)"
_DAY_BEFORE = re.compile(rf"({_WEEKDAY.pattern})\s*,?\s*(?:the\s+)?$", re.I)
_DAY_AFTER = re.compile(rf"\s*(?:\d{{4}})?\s*[,(]?\s*(?:which is\s+)?(?:a\s+)?({_WEEKDAY.pattern})",
                        re.I)


def _wrong_weekdays(text: str, facts: dict) -> list:
    """A weekday written next to one of the task's dates must be that date's weekday
    ("Monday, 10 April" when 10 April 2026 is a Friday is a wrong fact)."""
    import datetime as dt

    out = []
    if not _WEEKDAY.search(text):
        return out
    for name, fk in FACT_KINDS.items():
        raw = str(facts.get(name) or "")
        m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", raw.strip())
        if not isinstance(fk.kind, Date) or not m:
            continue
        day = dt.date(*(int(g) for g in m.groups()))
        real = day.strftime("%A").lower()
        for f in Date().find(text, facts):
            if (day.month, day.day) not in f.value:
                continue
            before = _DAY_BEFORE.search(text[max(0, f.start - 16):f.start])
            after = _DAY_AFTER.match(text[f.start + len(f.text):f.start + len(f.text) + 24])
            said = [Weekday()._norm(m.group(1)) for m in (before, after) if m]
            if said and real not in said:
                out.append(WrongFact(name, f"{said[0].capitalize()}, {f.text.strip().rstrip('.')}",
                                     f"{real.capitalize()}, {_show_date(f.value)}"))
    return out


_BOUGHT = re.compile(r"\byou (?:have )?(?:bought|ordered|purchased|chose|liked|enjoyed) "
                     r"(?:our |the |a |an |some |from us )?((?:[a-z'’-]+ ){0,2}[a-z'’-]+)", re.I)


# words before a product's noun that do not name another kind of it ("our new tea")
_NOT_A_KIND = frozenset("our your the a an some this that these those new good nice lovely usual "
                        "same favourite favorite best great fine delicious famous popular first "
                        "last fresh".split()
                       # how many or which colour ("you bought many hoodies", "the red hoodie
                       # you love" for her men's red hoodie): not another kind (brief 22d)
                       + "many much lots lot several few more all so often two three four five "
                         "six seven eight nine ten red blue black white green grey gray pink "
                         "navy brown yellow orange purple".split())


def _wrong_history(text: str, facts: dict) -> list:
    """The customer's history named with another product of the same kind ("you bought our
    oolong tea" when she bought the jasmine green tea): a wrong fact."""
    last = str(facts.get("last_product") or "").lower()
    words = [w.rstrip("s") for w in re.findall(r"[a-z'’-]+", last)]
    if len(words) < 2:
        return []
    out = []
    for m in _BOUGHT.finditer(text):
        said = [w.rstrip("s") for w in m.group(1).lower().split()]
        if words[-1] in said:
            before = said[:said.index(words[-1])]
            if before and before[-1] not in words and before[-1] not in _NOT_A_KIND:
                out.append(WrongFact("last_product", " ".join(said[:said.index(words[-1]) + 1]),
                                     last))
    return out


_GREETED = re.compile(r"^\s*(?:dear|hi|hello|hey|good (?:morning|afternoon|evening))\s+((?:mr|mrs|"
                      r"ms|miss|dr)\.?\s+)?([^\W\d_][\w'’-]*)", re.I)
_NOT_A_NAME = frozenset("sir madam madame friend friends customer customers buyer team all there "
                        "valued dear mr mrs ms miss dr".split())
_TITLE = re.compile(r"\b(?:mr|mrs|ms|miss|dr)\.?\s+([^\W\d_][\w'’-]*)", re.I)


def _folded(text: str) -> str:
    """Lower case without accents: "Chloé" and "Chloe" are one name (no é on many keyboards)."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text.lower())
                   if not unicodedata.combining(c))


def _surnames(name: str, buyer: str) -> set:
    """The buyer's surnames that the facts or the buyer's signature give: "Ms Weber", the last
    word of "Chloé Michel", a signature of two names ("Khalid Al-Mansouri")."""
    out = {_folded(m.group(1)) for m in _TITLE.finditer(name)}
    words = name.split()
    if len(words) >= 2 and not _TITLE.match(name):
        out.add(_folded(words[-1]))
    lines = [ln.strip() for ln in (buyer or "").strip().splitlines() if ln.strip()]
    sig = re.search(r"([A-Z][^\W\d_]+)\s+([A-Z][\w'’-]+)\s*$", lines[-1]) if lines else None
    if sig and sig.group(1).lower() not in {"regards", "thanks", "best", "cheers"}:
        out.add(_folded(sig.group(2)))
    return out


def _check_buyer_name(text, facts, buyer, right, wrong) -> None:
    """A greeting that names another person writes to the wrong buyer ("Dear Emma" to Jessica);
    any name of the fact sheet or of the buyer's own signature is the buyer's. Names are
    compared without accents. A title and a surname ("Dear Ms Lewis") is wrong only when the
    facts or the buyer give a surname it contradicts, never because they give none."""
    name = str(facts.get("buyer_name") or "").strip()
    m = _GREETED.match(text)
    if not name or not m or m.group(2).lower() in _NOT_A_NAME:
        return
    said = _folded(m.group(2))
    known = re.findall(r"[^\W\d_][\w'’-]*", f"{name} {buyer}")
    if said in {_folded(w) for w in known + re.findall(r"[^\W\d_]+", " ".join(known))}:
        right.setdefault("buyer_name", m.group(2))
    elif m.group(1) and not _surnames(name, buyer):
        return  # a surname the task does not give cannot be checked
    elif name.lower() not in _NOT_A_NAME:
        wrong.append(WrongFact("buyer_name", m.group(2), name))


# a number of goods: "50,000 pieces", "200 of the enamel mugs", "20 prayer mats"
_GOODS = re.compile(rf"(?<![\d.$€£¥,])(\d[\d,]*|\b(?!one\b){NUMBER_WORDS_RX})\s+"
                    r"(?:of (?:the |these |those |your |our )?)?"
                    r"(?:[A-Za-z'’-]+\s+){0,2}?([A-Za-z]+s|pcs)\b", re.I)
# plural nouns after a number that are not goods (time, money, choices, people, ...)
_NOT_GOODS = re.compile(r"(?:second|minute|hour|day|week|month|year|time|dollar|euro|pound|cent|"
                        r"percent|colou?r|model|option|style|size|design|photo|picture|customer|"
                        r"buyer|people|person|countrie|review|order|step|sample|star|point|"
                        r"word|sentence|line|page|kilo|gram|meter|metre|inche|cm|mm|kg|"
                        # what a customer did, not goods: "13 purchases" for "13 orders" (issue 28,
                        # the thirteenth teacher reader)
                        r"purchase|buy|reorder|shipment|deliverie|transaction|payment|visit|message|"
                        r"e-?mail|complaint|question)e?s",
                        re.I)


_NOT_NOUNS = frozenset("this thus does goes plus ours yours hers theirs always perhaps unless "
                       "across was has his its yes".split())


_A_THRESHOLD = re.compile(r"\b(?:over|above|under|below|than|least|most|minimum|min\.?|moq|up to|"
                          r"from|every|per)\s+$", re.I)


def _goods(text: str) -> list[Found]:
    out, dates = [], date_spans(text)
    for m in _GOODS.finditer(text):
        if any(a <= m.start() < b for a, b in dates):
            continue  # "until 31 October our mugs are 10% off": the day of a date
        noun = m.group(2).lower()
        if _A_THRESHOLD.search(text[max(0, m.start() - 14):m.start()]) or " or " in m.group(0):
            continue  # "at least 100 mugs", "100 or more mugs": a threshold, not the order
        if (not _NOT_GOODS.fullmatch(noun) and noun not in _NOT_NOUNS and len(noun) > 3
                and not noun.endswith(("ss", "us", "is"))) or noun == "pcs":
            out.append(Found(int(number_value(m.group(1))), m.group(0), m.start()))
    return out


def _check_buyer_quantity(text, buyer, right, wrong) -> None:
    """When the fact sheet has no quantity but the buyer's message gives one ("an order of
    50,000 pieces"), a different number of goods of ten or more in the reply is a wrong fact."""
    given = {f.value for f in _goods(buyer)}
    if len(given) != 1:
        return
    (value,) = given
    for f in _goods(text):
        if f.value == value:
            right.setdefault("quantity", f.text)
        elif f.value >= 10:
            wrong.append(WrongFact("quantity", f.text.strip(), str(value)))
