"""What every bank exporter and importer shares: languages, the loss report, HTML texts, examples."""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from html.parser import HTMLParser

from course.text import Bilingual, as_bilingual

LANGS = ("en", "zh", "both")
NOT_AVAILABLE = "not available in this format"
#: Moodle's language code for simplified Chinese (its multilang filter reads it)
MOODLE_ZH = "zh_cn"
#: Moodle accepts only these grade fractions (question/format.php); 1/n for n right options.
#: Moodle XML and GIFT (Moodle's text format) both write them.
MOODLE_FRACTIONS = {1: "100", 2: "50", 3: "33.33333", 4: "25", 5: "20", 6: "16.66667",
                    7: "14.28571", 8: "12.5", 9: "11.11111", 10: "10"}
#: The question category the Moodle formats file a lesson's questions under (then /<slug>)
MOODLE_CATEGORY_ROOT = "$course$/top/crm-course"
MAX_IMPORT_BYTES = 20_000_000  # a question file larger than this is not a bank export


@dataclass(frozen=True)
class Note:
    """What a format could not hold of one item (or of the whole item when ``field`` is '')."""

    exercise_id: str
    type: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.exercise_id} ({self.type})" if self.type else self.exercise_id
        what = f"{self.field}: " if self.field else ""
        return f"{where}: {what}{self.message}"


@dataclass
class Report:
    """The items written or read and, per item, what the format could not hold."""

    fmt: str
    written: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    seen_ids: set[str] = field(default_factory=set, repr=False)  # the ids an import gave out
    slugs: dict[str, str] = field(default_factory=dict, repr=False)  # lessons an import renamed

    def note(self, ex_id: str, type_: str, field_: str, message: str = NOT_AVAILABLE) -> None:
        self.notes.append(Note(ex_id, type_, field_, message))

    def skipped(self) -> list[str]:
        """The ids of items left out entirely (no field named)."""
        return [n.exercise_id for n in self.notes if not n.field]


class Context:
    """One export: the language, the report, and how a bank text is shown in it."""

    def __init__(self, fmt: str, lang: str = "both"):
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
        self.fmt = fmt
        self.lang = lang
        self.report = Report(fmt)
        self._current: tuple[str, str] = ("", "")

    def start(self, exercise) -> None:
        """Notes from now on are about ``exercise``."""
        self._current = (exercise.id, exercise.type)

    def lost(self, field_: str, message: str = NOT_AVAILABLE) -> None:
        """Say that ``field_`` of the current item cannot be written in this format."""
        self.report.note(*self._current, field_, message)

    def pick(self, value) -> Bilingual:
        """A bank text in the chosen language: en and zh give one text (in both slots)."""
        text = as_bilingual(value)
        if self.lang == "both":
            return text
        one = text.render(self.lang)
        return Bilingual(one, one)

    def plain(self, value, sep: str = "\n") -> str:
        """A bank text in the chosen language as one plain string ("both": en, sep, zh)."""
        return self.pick(value).both(sep) if self.lang == "both" else self.pick(value).en


def former_ids_text(ex) -> str:
    """A renamed item's former ids (bank field ``former_ids``) as one tag value, ``a,b``
    (ids hold no comma); empty when it has none. Every format but xlsx carries them, so a
    bank exported and imported again keeps counting old work."""
    return ",".join(getattr(ex, "former_ids", ()) or ())


def former_ids_field(value) -> dict:
    """The ``former_ids`` field of an imported entry from a tag value (``{}`` for none)."""
    ids = [i for i in (value or "").split(",") if i]
    return {"former_ids": ids} if ids else {}


def has_two(text: Bilingual) -> bool:
    """True when a text carries a distinct Chinese version."""
    return text.has_both


def bank_text(en: str, zh: str | None = None):
    """A text as a bank file writes it: a string, or {en:, zh:} when the two differ."""
    if zh is None or zh == en or not zh:
        return en
    if not en:
        return zh
    return {"en": en, "zh": zh}


def word_bank_alternatives(ex, ctx: Context) -> None:
    """A word-bank blank offers its first answer only: its other accepted answers are not
    choices, so they are not written (and said so)."""
    if ex.word_bank and any(len(b.answers) > 1 for b in ex.blanks):
        ctx.lost("alternatives", "a word-bank blank offers its first answer only")


# -- HTML texts (Moodle XML, GIFT's [html], QTI) --------------------------------------------

def html_of(text: str) -> str:
    """Plain text as HTML: escaped, a line break kept as <br />."""
    return html.escape(text, quote=False).replace("\n", "<br />\n")


def multilang_html(text: Bilingual, *, zh_code: str = MOODLE_ZH, attr: str = "lang",
                   extra: str = ' class="multilang"') -> str:
    """A text as HTML; two languages as Moodle's multilang spans (QTI: xml:lang spans)."""
    if not text.has_both:
        return html_of(text.en or text.zh)
    return (f'<span {attr}="en"{extra}>{html_of(text.en)}</span>'
            f'<span {attr}="{zh_code}"{extra}>{html_of(text.zh)}</span>')


class _TextParser(HTMLParser):
    """HTML back to text: <br> and block ends are line breaks; lang spans split the languages."""

    BLOCKS = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: dict[str, list[str]] = {"": [], "en": [], "zh": []}
        self.stack: list[str] = []

    def _lang(self) -> str:
        return self.stack[-1] if self.stack else ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "br":  # a line break of the text itself, kept even at the ends
            self.parts[self._lang()].append(BREAK)
            return
        if tag == "span":
            lang = (attrs.get("lang") or attrs.get("xml:lang") or "").lower()
            code = "en" if lang.startswith("en") else "zh" if lang.startswith("zh") else None
            self.stack.append(code if code else self._lang())

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "span":
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag == "span" and self.stack:
            self.stack.pop()
        elif tag in self.BLOCKS and self.parts[self._lang()] \
                and self.parts[self._lang()][-1] != "\n":
            self.parts[self._lang()].append("\n")

    def handle_data(self, data):
        self.parts[self._lang()].append(data)


BREAK = "\x00"  # stands for <br> while the text is put together


def _ends(parts: list[str]) -> str:
    """Parsed text without the white space around it (the markup's), <br>s kept."""
    return "".join(parts).strip().replace(BREAK, "\n")


def text_of_html(markup: str):
    """HTML made by :func:`multilang_html` (or any simple HTML) back to a bank text."""
    if "<" not in markup and "&" not in markup:
        return markup.strip()
    parser = _TextParser()
    parser.feed(markup.replace("<br />\n", "<br />"))
    parser.close()
    en, zh, rest = (_ends(parser.parts[k]) for k in ("en", "zh", ""))
    if en or zh:
        return bank_text(en or rest, zh)
    return rest


def plain_segment(markup: str) -> str:
    """A piece of cloze text between gaps, spaces kept (text_of_html would strip them)."""
    parser = _TextParser()
    parser.feed(markup.replace("<br />\n", "<br />"))
    parser.close()
    return "".join(parser.parts[""] + parser.parts["en"]).replace(BREAK, "\n")
