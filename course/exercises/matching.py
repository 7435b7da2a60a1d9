"""Answer matching for typed text and numbers: normalisation, typo tolerance, number parsing."""
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

MAX_ANSWER_CHARS = 2000


def has_control_chars(text: str) -> bool:
    """True when ``text`` holds control characters other than tab and line breaks."""
    return bool(_CONTROL.search(text))


@lru_cache(maxsize=4096)
def normalize(text: str, case_sensitive: bool = False) -> str:
    """Text as compared: NFKC, Chinese punctuation as English, case folded, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text).translate(_PUNCT)
    if not case_sensitive:
        text = text.casefold()
    text = _SPACE.sub(" ", text).strip()
    text = _PUNCT_GAP.sub(r"\1", text)  # "friend，thanks" and "friend, thanks" alike
    return _CJK_GAP.sub("", text)


def _strip_edges(text: str) -> str:
    return text.strip(_EDGE_PUNCT)


def typo_budget(word: str) -> int:
    """Edits allowed in a Latin-script word: 0 below 4 letters, 1 for 4-9, 2 for 10 or more."""
    n = len(word)
    if n < 4:
        return 0
    return 1 if n <= 9 else 2


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(text))


def _within_typos(given: str, expected: str, case_sensitive: bool = False) -> bool:
    """True when ``given`` is ``expected`` with at most a few slips in its Latin-script words."""
    g_tokens, e_tokens = _tokens(given), _tokens(expected)
    if len(g_tokens) != len(e_tokens):
        return False
    slipped = False
    for g, e in zip(g_tokens, e_tokens, strict=True):
        if g == e:
            continue
        if not (_LATIN_WORD.fullmatch(e) and _LATIN_WORD.fullmatch(g)) or _HAS_CJK.search(e):
            return False  # numbers, punctuation and Chinese terms must be exact
        if case_sensitive and g.casefold() == e.casefold():
            return False  # a wrong case is not a typo where the exercise asks for case
        budget = typo_budget(e)
        if budget == 0 or OSA.distance(g, e, score_cutoff=budget) > budget:
            return False
        slipped = True
    return slipped


@dataclass(frozen=True)
class TextMatch:
    """How a typed text matched one of the accepted answers."""

    matched: str | None  # the accepted answer (as written in the bank) that matched
    typo: bool = False

    @property
    def ok(self) -> bool:
        return self.matched is not None


def match_text(
    given: str, accepted: tuple[str, ...], *, case_sensitive: bool = False, typos: bool = True
) -> TextMatch:
    """Match a learner's text against the accepted answers (the first exact match wins)."""
    g = normalize(given, case_sensitive)
    g_bare = _strip_edges(g)
    for answer in accepted:
        a = normalize(answer, case_sensitive)
        if g == a or (g_bare and g_bare == _strip_edges(a)):
            return TextMatch(answer)
    if typos and g_bare:
        for answer in accepted:
            expected = _strip_edges(normalize(answer, case_sensitive))
            if _within_typos(g_bare, expected, case_sensitive):
                return TextMatch(answer, typo=True)
    return TextMatch(None)


_CURRENCY = re.compile(
    r"^(?:[¥$€£]|rmb|cny|usd|eur|gbp|us\$|yuan|元|美元|dollars?)\s*|\s*(?:[¥$€£]|rmb|cny|usd|eur|"
    r"gbp|yuan|元|美元|dollars?)$",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$")


def parse_number(value, *, percent_unit: bool = False) -> float | None:
    """A learner's number: 12, "1,299.50", "¥1299.5", "$12", "15%"; None when it is not one.

    A trailing ``%`` keeps the number as written when the exercise's unit is ``%``
    (``"51%"`` is 51) and divides by 100 otherwise (``"51%"`` is 0.51).
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
        return number if math.isfinite(number) else None
    if not isinstance(value, str) or len(value) > 100:
        return None
    text = unicodedata.normalize("NFKC", value).strip().replace(" ", "").replace("\u00a0", "")
    if text.startswith("(") and text.endswith(")"):
        text = "-" + text[1:-1]
    sign = ""
    if text[:1] in "+-":
        sign, text = text[:1], text[1:]
    percent = text.endswith("%")
    if percent:
        text = text[:-1]
    for _ in range(2):
        text = _CURRENCY.sub("", text).strip()
    if text[:1] in "+-" and not sign:
        sign, text = text[:1], text[1:]
    if not text or not _NUMBER.match(text) or not any(c.isdigit() for c in text):
        return None
    number = float(sign + text.replace(",", ""))
    if percent and not percent_unit:
        number /= 100
    return number if math.isfinite(number) else None


def numbers_match(
    given: float, expected: float, tolerance: float | None, relative: float | None
) -> bool:
    """True when ``given`` is within the absolute or relative tolerance of ``expected``."""
    abs_tol = max(tolerance or 0.0, 1e-9 * max(1.0, abs(expected)))
    if relative:
        abs_tol = max(abs_tol, abs(relative * expected))
    return abs(given - expected) <= abs_tol + 1e-12
