"""Bilingual texts: a learner-facing string in English and Chinese, shown in the current language.

This module imports nothing of the course: the current language comes from a resolver that
``course.session`` installs when it is imported (``set_language_resolver``), so that a text can
be shown in the learner's language without this module knowing where the setting lives.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

LANGUAGES = ("en", "zh", "both")

_resolver: list[Callable[[], str]] = [lambda: "en"]


def set_language_resolver(resolver: Callable[[], str]) -> None:
    """Make ``resolver()`` the source of the current language for ``str(Bilingual)``.

    Args:
        resolver: a function of no arguments returning "en", "zh" or "both".
    """
    _resolver[0] = resolver


def current_language() -> str:
    """The language texts are shown in now ("en", "zh" or "both")."""
    return _resolver[0]()


@dataclass(frozen=True)
class Bilingual:
    """One text in English and Chinese; ``str()`` gives it in the current language."""

    en: str
    zh: str

    @property
    def has_both(self) -> bool:
        return self.en != self.zh and bool(self.zh)

    def render(self, lang: str | None = None, sep: str = " / ") -> str:
        """The text in ``lang`` ("en", "zh", "both"; default: the current language); "both"
        joins the two with ``sep``. A missing language falls back to the other."""
        if lang is None:
            lang = current_language()
        if lang == "zh":
            return self.zh or self.en
        if lang == "both":
            return self.both(sep)
        return self.en or self.zh

    def both(self, sep: str = " / ") -> str:
        if not self.has_both:
            return self.en or self.zh
        return f"{self.en}{sep}{self.zh}"

    def format(self, **fields) -> Bilingual:
        return Bilingual(self.en.format(**fields), self.zh.format(**fields))

    def __add__(self, other: Bilingual | str) -> Bilingual:
        other = as_bilingual(other)
        return Bilingual(self.en + other.en, self.zh + other.zh)

    def __str__(self) -> str:
        return self.render()

    def to_json(self) -> dict[str, str]:
        return {"en": self.en, "zh": self.zh}


def as_bilingual(value) -> Bilingual:
    """A bank text (a string or ``{en:, zh:}``) as a Bilingual; a plain string serves both."""
    if isinstance(value, Bilingual):
        return value
    if value is None:
        return Bilingual("", "")
    if isinstance(value, dict):
        en = str(value.get("en", "") or "")
        zh = str(value.get("zh", "") or "")
        return Bilingual(en or zh, zh or en)
    text = str(value)
    return Bilingual(text, text)


def text_key(value) -> str:
    """The key a response uses for a bank item: its English text."""
    return as_bilingual(value).en


def localize(value, lang: str | None = None) -> str:
    """A bank text in ``lang`` (default: the current language)."""
    return as_bilingual(value).render(lang)


#: One Chinese character (CJK unified ideographs and compatibility ideographs).
CJK_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def word_count(text: str) -> int:
    """Words in a reply: runs of letters or digits ("don't", "8.50" count once), and a Chinese
    character as half a word (the reviewer's word range and the writing widgets' counter)."""
    latin = len(re.findall(r"[\w'’$€£¥.,-]+", CJK_CHAR.sub(" ", text or "")))
    return latin + len(CJK_CHAR.findall(text or "")) // 2


# -- dollar amounts are text, not maths ------------------------------------------------------
# JupyterLab and Voila run MathJax with ``$...$`` as inline maths over markdown cells, HTML
# outputs and the widget labels ipywidgets typesets (descriptions of checkboxes, dropdowns,
# text boxes): "was $18, now $9" becomes the formula "18,now9". Two escapes work in both (seen
# in Chromium): an element of the class MathJax skips (``mathjax_ignore``; ``tex2jax_ignore``
# for MathJax 2) around HTML, and ``\$`` in a plain-text label. A markdown ``\$`` does not work.

#: The class(es) that make MathJax 3 (and 2) leave an element and its contents alone.
NO_MATHS_CLASS = "mathjax_ignore tex2jax_ignore"


def label_no_maths(text: str) -> str:
    """A plain-text widget label (a description ipywidgets typesets) with each ``$`` as ``\\$``,
    which MathJax shows as a dollar sign: "was $18, now $9" stays text. Only for labels that
    are typeset (a checkbox's or a control's description), never for option lists or buttons,
    which show a ``\\`` as it is."""
    return str(text).replace("$", "\\$")


def html_no_maths(fragment: str, tag: str = "div") -> str:
    """An HTML fragment wrapped in an element of :data:`NO_MATHS_CLASS` when it holds a ``$``
    (unchanged otherwise), so that its dollar amounts are not typeset as maths."""
    if "$" not in fragment:
        return fragment
    return f'<{tag} class="{NO_MATHS_CLASS}">{fragment}</{tag}>'
