"""Answer matching for typed text and numbers.

Text: normalisation (NFKC, Chinese punctuation as English, case, spaces, invisible format
characters), forms of the same word (singular/plural, a leading article, British/American
spelling, number words), and typo tolerance that refuses a *different real word* (``valve`` is
not a slip for ``value``): a typed word that is a common English word, per the English word
frequencies of the `wordfreq` package, read lazily from its package data, is never a typo.

Numbers: a number with its unit, currency and magnitude in English or Chinese (``24 hours``,
``21天``, ``5倍``, ``百分之14.5``, ``6.3万亿``, ``US$300``, ``3,750元``, ``nine days``), parsed into
a :class:`Quantity` that the numeric exercise compares with what it declares it measures.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

# Chinese punctuation that NFKC leaves alone, mapped to its English twin.
_PUNCT = str.maketrans(
    {
        "。": ".", "｡": ".", "、": ",", "，": ",", "；": ";", "：": ":", "？": "?", "！": "!",
        "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "「": '"', "」": '"', "『": '"',
        "』": '"', "《": '"', "》": '"', "〈": '"', "〉": '"', "【": "[", "】": "]", "（": "(",
        "）": ")", "—": "-", "–": "-", "－": "-", "～": "~", "·": " ", "・": " ", "…": "...",
    }
)
_SPACE = re.compile(r"\s+")
_CJK = r"\u2e80-\u2fff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_PUNCT_GAP = re.compile(r"\s*([,.;:!?()\[\]\"'])\s*")
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")
_TOKEN = re.compile(rf"[{_CJK}]+|[^\W\d_]+|\d+(?:[.,]\d+)*|\S", re.UNICODE)
_LATIN_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_HAS_CJK = re.compile(rf"[{_CJK}]")
_EDGE_PUNCT = ".,;:!?'\"()[]-~ "
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Invisible format characters (zero-width space and joiners, LRM/RLM, bidi controls, BOM, soft
# hyphen): a learner cannot see them, so they never make an answer wrong.
_FORMAT = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")

MAX_ANSWER_CHARS = 2000
# Text longer than this is cut before it is normalised (NFKC can grow a character eighteen-fold)
# and is never kept in a cache.
MAX_NORMALIZE_CHARS = 4 * MAX_ANSWER_CHARS
_CACHE_CHARS = 200


def has_control_chars(text: str) -> bool:
    """True when ``text`` holds control characters other than tab and line breaks."""
    return bool(_CONTROL.search(text))


def strip_format_chars(text: str) -> str:
    """``text`` without invisible format characters (ZWSP, RLM, BOM, ...)."""
    return _FORMAT.sub("", text)


def _normalize(text: str, case_sensitive: bool) -> str:
    text = unicodedata.normalize("NFKC", strip_format_chars(text)).translate(_PUNCT)
    if not case_sensitive:
        text = text.casefold()
    text = _SPACE.sub(" ", text).strip()
    text = _PUNCT_GAP.sub(r"\1", text)  # "friend，thanks" and "friend, thanks" alike
    return _CJK_GAP.sub("", text)


_normalize_cached = lru_cache(maxsize=4096)(_normalize)


def normalize(text: str, case_sensitive: bool = False) -> str:
    """Text as compared: NFKC, Chinese punctuation as English, case folded, spaces collapsed.

    Long texts are cut to ``MAX_NORMALIZE_CHARS`` first and are not cached.
    """
    if len(text) > _CACHE_CHARS:
        return _normalize(text[:MAX_NORMALIZE_CHARS], case_sensitive)
    return _normalize_cached(text, case_sensitive)


def _strip_edges(text: str) -> str:
    return text.strip(_EDGE_PUNCT)


def typo_budget(word: str) -> int:
    """Edits allowed in a Latin-script word: 0 below 4 letters, 1 for 4-9, 2 for 10 or more."""
    n = len(word)
    if n < 4:
        return 0
    return 1 if n <= 9 else 2


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(text))


# ----------------------------------------------------------------------------- the word list

# wordfreq's "small" English list holds every word seen at least once per million words
# (Zipf >= 3). A typed word on it is a real, common word, not a slip of the keyboard.
@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """The common English words (lower case), read once from wordfreq's package data.

    Only the data file is read (importing wordfreq itself costs 0.3 s); nothing comes from the
    network. Without wordfreq the set is empty and typo tolerance works as it did before.
    """
    from course.writing.words import wordfreq_list

    return wordfreq_list("small_en") or frozenset()


def is_common_word(word: str) -> bool:
    """True when ``word`` is a common English word (wordfreq, at least once per million)."""
    return word.casefold() in common_words()


# ----------------------------------------------------------------------------- forms of a word

_ARTICLES = ("the ", "a ", "an ")
# British spellings that no suffix rule reaches, with their American twins.
_SPELLINGS = {
    "kilogramme": "kilogram", "programme": "program", "gramme": "gram", "cheque": "check",
    "catalogue": "catalog", "dialogue": "dialog", "analogue": "analog", "defence": "defense",
    "offence": "offense", "licence": "license", "pretence": "pretense", "grey": "gray",
    "tyre": "tire", "aluminium": "aluminum", "jewellery": "jewelry", "enrol": "enroll",
    "fulfil": "fulfill", "instalment": "installment", "instalments": "installments",
    "cancelled": "canceled", "cancelling": "canceling", "travelled": "traveled",
    "travelling": "traveling", "labelled": "labeled", "modelled": "modeled",
    "fuelled": "fueled", "counselling": "counseling", "totalled": "totaled",
    "signalled": "signaled", "mould": "mold", "plough": "plow", "cosy": "cozy",
    "ageing": "aging", "judgement": "judgment", "acknowledgement": "acknowledgment",
    "storey": "story", "pyjamas": "pajamas", "draught": "draft", "sceptical": "skeptical",
}
_SPELLING_RULES = (  # (British ending, American ending, shortest word it applies to)
    ("isation", "ization", 8), ("isations", "izations", 9), ("ise", "ize", 6),
    ("ised", "ized", 7), ("ises", "izes", 7), ("ising", "izing", 8), ("yse", "yze", 6),
    ("ysed", "yzed", 7), ("our", "or", 6), ("ours", "ors", 7), ("tre", "ter", 5),
    ("tres", "ters", 6), ("ogue", "og", 7),
)
# Words whose -s form is another word, and irregular plurals.
_NOT_PLURAL = frozenset(
    "news means goods customs glasses arms manners clothes savings earnings thanks series "
    "species always perhaps whereas its this his was has does is us bus gas plus yes less "
    "process address business success access analysis basis crisis status campus bonus "
    "virus focus minus census".split()
)
_IRREGULAR = {"men": "man", "women": "woman", "people": "person", "children": "child",
              "feet": "foot", "teeth": "tooth", "mice": "mouse", "criteria": "criterion",
              "analyses": "analysis", "crises": "crisis", "bases": "basis"}


def american(word: str) -> str:
    """The American spelling of a British-spelt word (other words unchanged)."""
    if word in _SPELLINGS:
        return _SPELLINGS[word]
    for british, us, shortest in _SPELLING_RULES:
        if len(word) >= shortest and word.endswith(british):
            return word[: -len(british)] + us
    return word


def singular(word: str) -> str:
    """The singular of an English plural noun (best effort; other words unchanged)."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) < 4 or word in _NOT_PLURAL or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


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


_NUMBER_RUN = re.compile(
    r"\b(?:%s)(?:[\s-]+(?:%s))*\b" % (("|".join(sorted(NUMBER_WORDS, key=len, reverse=True)),) * 2)
)


def _number_words_to_digits(text: str) -> str:
    """Every run of English number words in ``text`` written as digits ("twenty four" -> "24")."""

    def digits(m: re.Match) -> str:
        value = words_to_number(re.split(r"[\s-]+", m.group(0)))
        return m.group(0) if value is None else str(value)

    return _NUMBER_RUN.sub(digits, text)


@dataclass(frozen=True)
class Forms:
    """Which forms of the same word count as the answer (all on by default)."""

    plural: bool = True
    article: bool = True
    spelling: bool = True
    number_words: bool = True


ALL_FORMS = Forms()
NO_FORMS = Forms(False, False, False, False)


def _word_key(word: str, forms: Forms) -> tuple[str, str]:
    """(key, rule) for one word: its singular American form, and the rule that changed it."""
    rules = []
    if forms.spelling:
        us = american(word)
        if us != word:
            rules.append("spelling")
            word = us
    if forms.plural:
        one = singular(word)
        if one != word:
            rules.append("plural")
            word = one
    return word, "+".join(rules)


def _form_key(text: str, forms: Forms) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """``_forms_of`` with a cache for short texts (accepted answers come back at every grade)."""
    if len(text) > _CACHE_CHARS:
        return _forms_of(text, forms)
    return _forms_of_cached(text, forms)


def _forms_of(text: str, forms: Forms) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """The tokens of ``text`` as compared under ``forms``, the tokens as typed, and the rules used."""
    rules: set[str] = set()
    if forms.article:
        for article in _ARTICLES:
            if text.startswith(article) and len(text) > len(article):
                text = text[len(article):]
                rules.add("article")
                break
    if forms.number_words:
        digits = _number_words_to_digits(text)
        if digits != text:
            rules.add("number_word")
            text = digits
    keys, typed = [], _tokens(text)
    for token in typed:
        if _LATIN_WORD.fullmatch(token):
            key, rule = _word_key(token, forms)
            if rule:
                rules.update(rule.split("+"))
            keys.append(key)
        else:
            keys.append(token)
    return tuple(keys), typed, frozenset(rules)


_forms_of_cached = lru_cache(maxsize=8192)(_forms_of)


# ----------------------------------------------------------------------------- text matching


def _typo_slips(given: tuple[str, ...], typed: tuple[str, ...], expected: tuple[str, ...],
                expected_typed: tuple[str, ...], case_sensitive: bool, real_words: bool) -> bool:
    """True when ``given`` is ``expected`` with a few slips in its Latin-script words.

    A slip that lands on another common English word is not a slip (``valve`` for ``value``).
    """
    if len(given) != len(expected):
        return False
    slipped = False
    for g, t, e, et in zip(given, typed, expected, expected_typed, strict=True):
        if g == e:
            continue
        if not (_LATIN_WORD.fullmatch(e) and _LATIN_WORD.fullmatch(g)) or _HAS_CJK.search(e):
            return False  # numbers, punctuation and Chinese terms must be exact
        if case_sensitive and g.casefold() == e.casefold():
            return False  # a wrong case is not a typo where the exercise asks for case
        budget = typo_budget(e)
        if budget == 0 or min(OSA.distance(g, e, score_cutoff=budget),
                              OSA.distance(t, et, score_cutoff=budget)) > budget:
            return False
        if real_words and is_common_word(t):
            return False
        slipped = True
    return slipped


@dataclass(frozen=True)
class TextMatch:
    """How a typed text matched one of the accepted answers, and by which rule."""

    matched: str | None  # the accepted answer (as written in the bank) that matched
    rule: str | None = None  # exact, punctuation, plural, article, spelling, number_word, typo

    @property
    def ok(self) -> bool:
        return self.matched is not None

    @property
    def typo(self) -> bool:
        return self.rule is not None and "typo" in self.rule.split("+")


def match_text(
    given: str, accepted: tuple[str, ...], *, case_sensitive: bool = False, typos: bool = True,
    forms: Forms = ALL_FORMS, real_words: bool = True, typo_forms: tuple[str, ...] = (),
) -> TextMatch:
    """Match a learner's text against the accepted answers (the first exact match wins).

    ``typo_forms`` are misspellings an author accepts as typos of the first answer even where
    the real-word rule would refuse them.

    Matching is pure, so the match of a short text is kept (a class types the same answers
    into a blank again and again), and the accepted answers' normalised forms are worked out
    once per blank, not once per text matched against them.
    """
    if len(given) <= _CACHE_CHARS:
        try:
            return _match_cached(given, accepted, case_sensitive, typos, forms, real_words,
                                 typo_forms)
        except TypeError:  # accepted answers given as a list: nothing to key a cache on
            pass
    return _match(given, accepted, case_sensitive, typos, forms, real_words, typo_forms)


def _answer_forms(accepted, case_sensitive: bool, forms: Forms, typo_forms):
    """What ``_match`` compares a text with: per accepted answer (answer, normalised, without
    edge punctuation, form key), and the accepted misspellings, normalised and bare."""
    rows = []
    for answer in accepted:
        a = normalize(answer, case_sensitive)
        bare = _strip_edges(a)
        rows.append((answer, a, bare, _form_key(bare, forms)))
    typo_bare = frozenset(_strip_edges(normalize(t, case_sensitive)) for t in typo_forms)
    return tuple(rows), typo_bare


_answer_forms_cached = lru_cache(maxsize=4096)(_answer_forms)


def _match(given: str, accepted, case_sensitive: bool, typos: bool, forms: Forms,
           real_words: bool, typo_forms) -> TextMatch:
    g = normalize(given, case_sensitive)
    g_bare = _strip_edges(g)
    if not g_bare:
        return TextMatch(None)
    try:
        rows, typo_bare = _answer_forms_cached(accepted, case_sensitive, forms, typo_forms)
    except TypeError:  # (a list of answers)
        rows, typo_bare = _answer_forms(accepted, case_sensitive, forms, typo_forms)
    for answer, a, _, _ in rows:
        if g == a:
            return TextMatch(answer, "exact")
    for answer, _, bare, _ in rows:
        if g_bare == bare:
            return TextMatch(answer, "punctuation")
    if accepted and g_bare in typo_bare:
        return TextMatch(accepted[0], "typo")
    g_key, g_typed, g_rules = _form_key(g_bare, forms)
    for answer, _, _, (a_key, _, a_rules) in rows:
        if g_key == a_key:
            return TextMatch(answer, "+".join(sorted(g_rules ^ a_rules)) or "exact")
    if typos:
        for answer, _, _, (a_key, a_typed, a_rules) in rows:
            if _typo_slips(g_key, g_typed, a_key, a_typed, case_sensitive, real_words):
                rules = sorted((g_rules ^ a_rules) | {"typo"})
                return TextMatch(answer, "+".join(rules))
    return TextMatch(None)


_match_cached = lru_cache(maxsize=16384)(_match)


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
# kind is "unit" (a measure), "currency", "magnitude" or "percent".
UNIT_TABLE: tuple[tuple[str, str, str], ...] = (
    # percent
    ("%", "percent", "percent"), ("percent", "percent", "percent"),
    ("per cent", "percent", "percent"), ("pct", "percent", "percent"),
    ("百分点", "percent", "percent"),
    # times
    ("times", "unit", "times"), ("time", "unit", "times"), ("x", "unit", "times"),
    ("×", "unit", "times"), ("倍", "unit", "times"), ("fold", "unit", "times"),
    # time
    ("hours", "unit", "hours"), ("hour", "unit", "hours"), ("hrs", "unit", "hours"),
    ("hr", "unit", "hours"), ("h", "unit", "hours"), ("小时", "unit", "hours"),
    ("个小时", "unit", "hours"), ("钟头", "unit", "hours"), ("个钟头", "unit", "hours"),
    ("days", "unit", "days"), ("day", "unit", "days"), ("d", "unit", "days"),
    ("天", "unit", "days"), ("日", "unit", "days"),
    ("minutes", "unit", "minutes"), ("minute", "unit", "minutes"), ("mins", "unit", "minutes"),
    ("min", "unit", "minutes"), ("分钟", "unit", "minutes"),
    ("weeks", "unit", "weeks"), ("week", "unit", "weeks"), ("wks", "unit", "weeks"),
    ("周", "unit", "weeks"), ("星期", "unit", "weeks"), ("个星期", "unit", "weeks"),
    ("months", "unit", "months"), ("month", "unit", "months"), ("个月", "unit", "months"),
    ("月", "unit", "months"),
    ("years", "unit", "years"), ("year", "unit", "years"), ("yrs", "unit", "years"),
    ("年", "unit", "years"),
    # currencies
    ("us$", "currency", "USD"), ("usd", "currency", "USD"), ("$", "currency", "USD"),
    ("us dollars", "currency", "USD"), ("us dollar", "currency", "USD"),
    ("dollars", "currency", "USD"), ("dollar", "currency", "USD"), ("美元", "currency", "USD"),
    ("美金", "currency", "USD"),
    ("¥", "currency", "CNY"), ("rmb", "currency", "CNY"), ("cny", "currency", "CNY"),
    ("yuan", "currency", "CNY"), ("元", "currency", "CNY"), ("人民币", "currency", "CNY"),
    ("块", "currency", "CNY"), ("元人民币", "currency", "CNY"),
    ("€", "currency", "EUR"), ("eur", "currency", "EUR"), ("euros", "currency", "EUR"),
    ("euro", "currency", "EUR"), ("欧元", "currency", "EUR"),
    ("£", "currency", "GBP"), ("gbp", "currency", "GBP"), ("pounds", "currency", "GBP"),
    ("pound", "currency", "GBP"), ("英镑", "currency", "GBP"),
    # magnitudes
    ("thousand", "magnitude", "thousand"), ("k", "magnitude", "thousand"),
    ("千", "magnitude", "thousand"),
    ("万", "magnitude", "ten_thousand"),
    ("million", "magnitude", "million"), ("mn", "magnitude", "million"),
    ("百万", "magnitude", "million"),
    ("亿", "magnitude", "hundred_million"),
    ("billion", "magnitude", "billion"), ("bn", "magnitude", "billion"),
    ("十亿", "magnitude", "billion"),
    ("trillion", "magnitude", "trillion"), ("tn", "magnitude", "trillion"),
    ("万亿", "magnitude", "trillion"), ("兆", "magnitude", "trillion"),
)
_PREFIX_SYMBOLS = ("us$", "$", "¥", "€", "£", "usd", "rmb", "cny", "eur", "gbp")
_ALIASES = sorted(UNIT_TABLE, key=lambda row: -len(row[0]))
_LATIN_ALIAS = re.compile(r"[a-z ]+")
_NUMBER = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$")
_LEADING_NUMBER = re.compile(r"^(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)?(?:\.\d+)?")
_SUPER_SUB = re.compile("[\u00b2\u00b3\u00b9\u2070-\u209f\u2460-\u24ff\u2776-\u2793]")


@dataclass(frozen=True)
class Quantity:
    """A learner's number with what came with it: unit, currency, magnitude, percent sign."""

    value: float  # the number as written (before any magnitude)
    unit: str | None = None  # a MEASURES name (hours, days, times, percent...)
    currency: str | None = None  # a CURRENCIES code
    magnitude: str | None = None  # a MAGNITUDES name
    number_words: bool = False

    @property
    def scaled(self) -> float:
        return self.value * (MAGNITUDES[self.magnitude][0] if self.magnitude else 1.0)


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


def _add(found: dict, row: tuple[str, str, str]) -> bool:
    _, kind, value = row
    key = "unit" if kind == "percent" else kind
    value = "percent" if kind == "percent" else value
    if key in found and found[key] != value:
        return False
    found[key] = value
    return True


def parse_quantity(value) -> Quantity | None:
    """A learner's number with its unit, currency and magnitude; None when it is not one.

    Reads ``12``, ``1,299.50``, ``¥1299.5``, ``USD 12``, ``15%``, ``百分之15``, ``24 hours``,
    ``24小时``, ``21天``, ``5倍``, ``6.3 trillion``, ``6.3万亿元``, ``nine days``, full-width digits
    and a trailing full stop. Superscript digits (``²¹``) are not numbers.
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
    text = strip_format_chars(value)
    if _SUPER_SUB.search(text):
        return None
    text = unicodedata.normalize("NFKC", text).translate(_PUNCT).casefold()
    text = _SPACE.sub(" ", text.replace("\u00a0", " ")).strip().rstrip(".").strip()
    found: dict[str, str] = {}
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
    match = _LEADING_NUMBER.match(text)
    digits = match.group(0) if match else ""
    number_words = False
    if digits and any(c.isdigit() for c in digits):
        rest = text[len(digits):].strip()
        number = float(digits.replace(",", ""))
    else:
        head = _NUMBER_RUN.match(text)
        parsed = words_to_number(re.split(r"[\s-]+", head.group(0))) if head else None
        if parsed is None:
            return None
        number, number_words = float(parsed), True
        rest = text[head.end():].strip()
    for _ in range(4):
        if not rest:
            break
        row, rest = _take_alias(rest, prefix=False)
        if row is None:
            return None
        if not _add(found, row):
            return None
    if rest:
        return None
    if negative:
        number = -number
    if not math.isfinite(number):
        return None
    return Quantity(number, found.get("unit"), found.get("currency"), found.get("magnitude"),
                    number_words)


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
    rule: str
    problem: str | None = None  # "unit", "currency" or "magnitude" when that is what is wrong
    fields: dict | None = None  # names for the feedback message


def judge_quantity(spec: NumericSpec, q: Quantity) -> NumericJudgement:
    """Put a learner's quantity in the exercise's terms, or say which part does not fit."""
    parts = [p for p, on in (("number_word", q.number_words), ("unit", q.unit),
                             ("currency", q.currency), ("magnitude", q.magnitude)) if on]
    rule = "+".join(parts) or "number"
    expected_en, expected_zh = spec.unit_names()
    if spec.measures == "percent":
        expected_en, expected_zh = "per cent (%)", "百分比（%）"
    fields = {"unit_en": expected_en, "unit_zh": expected_zh}
    plain = "no_unit" if spec.measures in ("number", "count") and not spec.magnitude else "unit"
    measures = spec.measures
    value = q.value
    if measures == "number":  # the legacy reading: a % sign divides by 100, currencies pass
        if q.unit == "percent":
            value /= 100
        elif q.unit is not None:
            return NumericJudgement(None, rule, plain, {**fields, **_given("unit", q.unit)})
    elif q.unit is not None and q.unit != measures:
        return NumericJudgement(None, rule, plain, {**fields, **_given("unit", q.unit)})
    if q.currency is not None and measures != "number":
        if measures != "money" or q.currency != spec.currency:
            return NumericJudgement(None, rule, "currency" if measures == "money" else plain,
                                    {**fields, **_given("currency", q.currency)})
    if q.magnitude is not None:
        if measures not in ("money", "number", "count"):
            return NumericJudgement(None, rule, "magnitude",
                                    {**fields, **_given("magnitude", q.magnitude)})
        value = q.scaled / spec.scale
        if q.magnitude != spec.magnitude:
            fields = {**fields, **_given("magnitude", q.magnitude)}
    return NumericJudgement(value, rule, None, fields)


def _given(kind: str, value: str) -> dict:
    en, zh = _names(kind, value)
    return {"given_en": en, "given_zh": zh}
