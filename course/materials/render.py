"""The template engine of the teacher's materials and the language helpers its templates use.

Every page and every item fragment is a Jinja2 template under ``templates/`` with autoescaping
on: a text from the bank or a lesson is escaped by the engine, never pasted into HTML by hand.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from course.errors import InputError
from course.text import Bilingual, as_bilingual

TEMPLATES = Path(__file__).parent / "templates"
LANGUAGES = ("en", "zh", "both")
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def check_language(lang: str) -> str:
    """``lang`` if it is en, zh or both; otherwise an InputError that says what is expected."""
    if lang not in LANGUAGES:
        raise InputError(f"unknown language {lang!r}; expected en, zh or both")
    return lang


def pick(text, lang: str) -> str:
    """One language of a bank text (``both``: English, then the Chinese when it differs)."""
    if text is None:
        return ""
    b = text if isinstance(text, Bilingual) else as_bilingual(text)
    if lang == "en":
        return b.en
    if lang == "zh":
        return b.zh or b.en
    return b.en if not b.has_both else f"{b.en} / {b.zh}"


def label(en: str, zh: str, lang: str) -> str:
    """A fixed label of the page in the chosen language (``both``: "English 中文")."""
    return {"en": en, "zh": zh}.get(lang, f"{en} {zh}")


def lesson_label(number: int, lang: str, slug: str = "") -> str:
    """"Lesson 04", "第 04 课" or both; for a workshop (slug ``wNN-...``) "Workshop W04",
    "实训 W04"."""
    if slug.startswith("w"):
        en, zh = f"Workshop W{number:02d}", f"实训 W{number:02d}"
    else:
        en, zh = f"Lesson {number:02d}", f"第 {number:02d} 课"
    return {"en": en, "zh": zh}.get(lang, f"{en} · {zh}")


def letter(i: int) -> str:
    """0 -> A, 1 -> B ... (options, right-hand items and items to order)."""
    return LETTERS[i] if i < len(LETTERS) else str(i + 1)


@lru_cache(maxsize=1)
def environment():
    """The Jinja2 environment of ``templates/`` (autoescape on, undefined names are errors)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined
    from markupsafe import Markup, escape

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)),
                      autoescape=lambda name: not (name or "").endswith(".md.j2"),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)

    def tr(text, lang):
        """A bank text in ``lang``; with ``both`` the Chinese goes on its own line."""
        b = text if text is None or isinstance(text, Bilingual) else as_bilingual(text)
        if lang != "both" or b is None or not b.has_both:
            return pick(b, lang)
        return Markup('{}<span class="zh">{}</span>').format(escape(b.en), escape(b.zh))

    def css_string(text) -> Markup:
        """A text for a CSS ``content: "..."`` string (inside <style>, not HTML-escaped)."""
        out = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
        return Markup(out.replace("<", "\\3c "))

    env.filters["tr"] = tr
    env.filters["css_string"] = css_string
    env.globals["label"] = label
    env.globals["pick"] = pick
    env.globals["lesson_label"] = lesson_label
    env.globals["letter"] = letter
    return env


def render(template: str, **context) -> str:
    """The template ``template`` rendered with ``context``."""
    return environment().get_template(template).render(**context)
