"""Matching a learner's typed text with the accepted answers of a blank.

Normalisation (NFKC, Chinese punctuation as English, case, spaces, invisible format
characters), forms of the same word (singular/plural, a leading article, British/American
spelling, number words in English and Chinese, other forms of a word the blank lists in two
forms), the words around a blank typed into it ("24 hours" in "[[24]] hours"), and typo
tolerance that refuses a *different real word* (``valve`` is not a slip for ``value``): a typed
word that is a common English word, per the English word frequencies of the `wordfreq`
package, read lazily from its package data, is never a typo.

Numbers with units are :mod:`course.exercises.quantities`; number words are
:mod:`course.exercises.numerals`.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from course.exercises.numerals import chinese_numerals_to_digits, number_words_to_digits

# Chinese punctuation that NFKC leaves alone, mapped to its English twin.
PUNCT = str.maketrans(
    {
        "。": ".", "｡": ".", "、": ",", "，": ",", "；": ";", "：": ":", "？": "?", "！": "!",
        "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "「": '"', "」": '"', "『": '"',
        "』": '"', "《": '"', "》": '"', "〈": '"', "〉": '"', "【": "[", "】": "]", "（": "(",
        "）": ")", "—": "-", "–": "-", "－": "-", "～": "~", "·": " ", "・": " ", "…": "...",
    }
)
SPACE = re.compile(r"\s+")
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
    text = unicodedata.normalize("NFKC", strip_format_chars(text)).translate(PUNCT)
    if not case_sensitive:
        text = text.casefold()
    text = SPACE.sub(" ", text).strip()
    text = _PUNCT_GAP.sub(r"\1", text)  # "friend，thanks" and "friend, thanks" alike
    return _CJK_GAP.sub("", text)


def normalize(text: str, case_sensitive: bool = False) -> str:
    """Text as compared: NFKC, Chinese punctuation as English, case folded, spaces collapsed.

    Long texts are cut to ``MAX_NORMALIZE_CHARS`` first. (No cache of its own: the matches of
    short texts and the accepted answers' forms are cached, and nothing else repeats.)
    """
    return _normalize(text[:MAX_NORMALIZE_CHARS], case_sensitive)


def contains_phrase(haystack: str, phrase: str, *, numbers: bool = False) -> bool:
    """True when ``phrase`` occurs in ``haystack`` as whole words (both normalised).
    ``numbers``: a number is whole too, so "5" is not found in "2.5" nor in "5.5"."""
    needle = normalize(phrase).strip(" .,;:!?")
    if not needle:
        return False
    before, after = ((r"(?<![\w.])", r"(?![\w]|\.\d)") if numbers
                     else (r"(?<![\w])", r"(?![\w])"))
    return re.search(before + re.escape(needle) + after, normalize(haystack)) is not None


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
        # hoodies, cookies, movies: the singular ends -ie where that is the common word
        return word[:-1] if is_common_word(word[:-1]) and not is_common_word(word[:-3] + "y") \
            else word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word




@dataclass(frozen=True)
class Forms:
    """Which forms of the same word count as the answer (all on by default)."""

    plural: bool = True
    article: bool = True
    spelling: bool = True
    number_words: bool = True


ALL_FORMS = Forms()
NO_FORMS = Forms(False, False, False, False)

#: Words a learner may put before the answer as a teacher would let pass ("their competitors").
_DETERMINERS = ("the ", "a ", "an ", "their ", "our ", "your ", "its ", "his ", "her ")
#: A head noun after the answer that adds nothing ("reminder message" for "reminder").
HEAD_NOUNS = frozenset("message messages e-mail e-mails email emails mail letter note text".split())
#: Endings that make another form of the same word: identify / identifying / identification.
WORD_ENDINGS = frozenset(
    "|e|y|s|es|d|ed|ing|ion|ions|ation|ations|ication|ications|"
    "ling|led|lation|lations|ment|ments".split("|"))


def _word_key(word: str, forms: Forms) -> tuple[str, tuple[str, ...]]:
    """(key, rules) for one word: its singular American form, and the rules that changed it."""
    rules: tuple[str, ...] = ()
    if forms.spelling:
        us = american(word)
        if us != word:
            rules, word = ("spelling",), us
    if forms.plural:
        one = singular(word)
        if one != word:
            rules, word = (*rules, "plural"), one
    return word, rules


def _forms_of(text: str, forms: Forms) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """The tokens of ``text`` as compared under ``forms``, the tokens as typed, and the rules used."""
    rules: set[str] = set()
    if forms.article:
        for article in _DETERMINERS:
            if text.startswith(article) and len(text) > len(article):
                text = text[len(article):]
                rules.add("article")
                break
    if forms.number_words:
        digits = chinese_numerals_to_digits(number_words_to_digits(text))
        if digits != text:
            rules.add("number_word")
            text = digits
    keys, typed = [], _tokens(text)
    for token in typed:
        if _LATIN_WORD.fullmatch(token):
            key, rule = _word_key(token, forms)
            rules.update(rule)
            keys.append(key)
        else:
            keys.append(token)
    return tuple(keys), typed, frozenset(rules)


def same_word(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are forms of one word: a shared stem and endings from
    ``WORD_ENDINGS`` ("identify"/"identifying", "cancel"/"cancellation"; not "customer"/
    "customize", whose endings "er" and "ize" meet at "custom", a word of its own)."""
    if a == b or not (a.isalpha() and b.isalpha()):
        return a == b
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= 4 and a[n:] in WORD_ENDINGS and b[n:] in WORD_ENDINGS


def word_families(answers: tuple[str, ...]) -> tuple[str, ...]:
    """The one-word answers that the blank lists in two forms of one word (so the author lets
    any form of that word pass): for "Identify|Identification", both."""
    words = [a.casefold().removeprefix("to ") for a in answers]
    words = [w for w in words if w.isalpha()]
    return tuple(w for w in words if any(v != w and same_word(v, w) for v in words))


# ----------------------------------------------------------------------------- text matching


def _typo_slips(given: tuple[str, ...], typed: tuple[str, ...], expected: tuple[str, ...],
                expected_typed: tuple[str, ...], case_sensitive: bool, real_words: bool) -> bool:
    """True when ``given`` is ``expected`` with a few slips in its Latin-script words.

    A slip that lands on another common English word, or on a plural or other form of one, is not a
    slip (``valve`` for ``value``, ``simples`` for ``samples``).
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
        if real_words and (is_common_word(t) or (len(g) >= 5 and is_common_word(g))
                           or (len(t) >= 5 and is_common_word(t + "s"))):
            # also a form of another real word: simples (simple) for samples, goodie (whose
            # plural is common) for hoodie; a short base is left alone (neds -> ned, a name,
            # is still a slip for needs)
            return False
        slipped = True
    return slipped


@dataclass(frozen=True)
class TextMatch:
    """How a typed text matched one of the accepted answers, and by which rules.

    ``rules`` is a sorted tuple of rule names: exact, punctuation, plural, article, spelling,
    number_word, word_form, head_noun, around (words of the text around the blank typed
    into it), remark (a note in brackets after it), spacing (co worker / co-worker), typo.
    """

    matched: str | None  # the accepted answer (as written in the bank) that matched
    rules: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.matched is not None

    @property
    def typo(self) -> bool:
        return "typo" in self.rules

    @property
    def rule(self) -> str | None:
        """The rules as one text for a stored result ("plural+typo"), None when unmatched."""
        return "+".join(self.rules) if self.ok else None


@dataclass(frozen=True)
class Accepted:
    """What a typed text is matched against: the accepted answers and how to compare."""

    answers: tuple[str, ...]
    case_sensitive: bool = False
    typos: bool = True
    forms: Forms = ALL_FORMS
    real_words: bool = True
    typo_forms: tuple[str, ...] = ()  # misspellings the author accepts as typos
    around: tuple[str, str] = ("", "")  # the words just before and just after the blank


def match_text(
    given: str, accepted, *, case_sensitive: bool = False, typos: bool = True,
    forms: Forms = ALL_FORMS, real_words: bool = True, typo_forms: tuple[str, ...] = (),
    around: tuple[str, str] = ("", ""),
) -> TextMatch:
    """Match a learner's text against the accepted answers (the first exact match wins).

    ``typo_forms`` are misspellings an author accepts as typos of the first answer even where
    the real-word rule would refuse them; ``around`` the words just before and after the blank
    in its text, which a learner may type into it ("24 hours" in "[[24]] hours").

    The accepted answers' compared forms are worked out once per blank (a cache keyed by the
    blank), and the match of a short text is kept (a class types the same answers into a blank
    again and again): the two caches that measurably pay (bench/bench_engine.py).
    """
    blank = Accepted(tuple(accepted), case_sensitive, typos, forms, real_words, tuple(typo_forms),
                  tuple(around))
    if len(given) <= _CACHE_CHARS:
        return _match_cached(given, blank)
    return _match(given, blank)


@lru_cache(maxsize=4096)
def _answer_forms(blank: Accepted):
    """What ``_match`` compares a text with: per accepted answer (answer, normalised, without
    edge punctuation, form key), the accepted misspellings, and the word families."""
    rows = []
    for answer in blank.answers:
        a = normalize(answer, blank.case_sensitive)
        bare = _strip_edges(a)
        rows.append((answer, a, bare, _forms_of(bare, blank.forms)))
    typo_bare = frozenset(_strip_edges(normalize(t, blank.case_sensitive))
                          for t in blank.typo_forms)
    families = word_families(blank.answers) if blank.forms.plural else ()
    around = tuple(_strip_edges(normalize(t, blank.case_sensitive)) for t in blank.around)
    return tuple(rows), typo_bare, families, around


def _match(given: str, blank: Accepted) -> TextMatch:
    g = normalize(given, blank.case_sensitive)
    g_bare = _strip_edges(g)
    if not g_bare:
        return TextMatch(None)
    rows, typo_bare, families, around = _answer_forms(blank)
    for answer, a, _, _ in rows:
        if g == a:
            return TextMatch(answer, ("exact",))
    for answer, _, bare, _ in rows:
        if g_bare == bare:
            return TextMatch(answer, ("punctuation",))
    if blank.answers and g_bare in typo_bare:
        return TextMatch(blank.answers[0], ("typo",))
    found = _match_forms(g_bare, rows, blank)
    if found.ok:
        return found
    for text, rule in _trimmed(g_bare, around, blank.forms, g):
        found = _match_forms(text, rows, blank)
        if found.ok:
            return TextMatch(found.matched, tuple(sorted({*found.rules, rule} - {"exact"})))
    if families and g_bare.isalpha():
        for answer, _, bare, _ in rows:
            if bare.removeprefix("to ") in families and same_word(g_bare, bare.removeprefix("to ")):
                return TextMatch(answer, ("word_form",))
    return TextMatch(None)


def _joined(key: tuple[str, ...]) -> str:
    """The Latin words of a key written together without hyphens ("" when there is anything
    else: numbers and Chinese terms are compared as written)."""
    words = [k for k in key if k != "-"]
    return "".join(words) if len(words) and all(_LATIN_WORD.fullmatch(w) for w in words) else ""


def _match_forms(g_bare: str, rows, blank: Accepted) -> TextMatch:
    """The match by forms of a word (plural, article, spelling, number words), then by typos."""
    g_key, g_typed, g_rules = _forms_of(g_bare, blank.forms)
    for answer, _, _, (a_key, _, a_rules) in rows:
        if g_key == a_key:
            return TextMatch(answer, tuple(sorted(g_rules ^ a_rules)) or ("exact",))
    if blank.forms.spelling:  # "co worker", "coworker" and "co-worker" alike
        joined = _joined(g_key)
        for answer, _, _, (a_key, _, a_rules) in rows:
            if joined and joined == _joined(a_key):
                return TextMatch(answer, tuple(sorted((g_rules ^ a_rules) | {"spacing"})))
    if blank.typos:
        for answer, _, _, (a_key, a_typed, a_rules) in rows:
            if _typo_slips(g_key, g_typed, a_key, a_typed, blank.case_sensitive,
                           blank.real_words):
                return TextMatch(answer, tuple(sorted((g_rules ^ a_rules) | {"typo"})))
    return TextMatch(None)


def _trimmed(g_bare: str, around: tuple[str, str], forms: Forms, g: str):
    """The text without the words of the text around the blank that the learner typed into
    it ("24 hours" in "[[24]] hours", "cash on delivery" in "cash on [[delivery]]"), and
    without a head noun that adds nothing ("reminder message") or a remark in brackets after
    it (``g``, the text with its edges): (text, rule) pairs to try."""
    before, after = (side.split(" ") if side else [] for side in around)
    for k in range(len(after), 0, -1):
        words = " ".join(after[:k])
        if g_bare.endswith(" " + words):
            yield g_bare[: -len(words) - 1].rstrip(), "around"
    for k in range(len(before), 0, -1):
        words = " ".join(before[-k:])
        if g_bare.startswith(words + " "):
            yield g_bare[len(words) + 1:].lstrip(), "around"
    head, _, last = g_bare.rpartition(" ")
    if forms.plural and head and last in HEAD_NOUNS:
        yield head, "head_noun"
    remark = _REMARK.search(g)
    if remark and _strip_edges(g[: remark.start()]):  # "watch (关注)": a note after the answer
        yield _strip_edges(g[: remark.start()]), "remark"


#: A remark in brackets at the end of an answer ("watch (关注)", "204 (51% of 400)").
_REMARK = re.compile(r"(?<=\S)\s*\([^()]*\)$")


_match_cached = lru_cache(maxsize=16384)(_match)
