"""What the grammar rules read (``grammar.py``, ``grammar_verbs.py``): the slip they report,
``lemminflect``'s English lexicon, the word classes of ``grammar_words.yaml``, a sentence's
tokens and the reviewer's one sentence splitter.

The lexicon is ``lemminflect``'s table of English lemmas and inflections (its package data:
nothing is downloaded), read straight from the file (about 0.1 s, once a process) rather than
through ``import lemminflect`` (numpy and two pickled models, about 0.6 s).

Names, product names, units, dates, lists ("2 pcs", "size L"), headings and signatures are not
sentences: a word capitalised inside a sentence is a name and ends a phrase, and a line that is
a heading or a list item is not read (:func:`segments`). A full stop after an abbreviation ends
no sentence (:func:`sentence_ends`: "the tracking no. is YT...").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import NamedTuple


@dataclass(frozen=True)
class Slip:
    """One grammar slip: where it is in the text read, the student's words, the rule (a slip
    repeated is one rule broken), and what to do, in English and Chinese."""

    start: int
    end: int
    phrase: str
    kind: str
    en: str
    zh: str


@dataclass(frozen=True)
class Lexicon:
    verbs: dict     # plain form -> [past, participle, -ing, -s] ("fitted/fit" when two)
    nouns: dict     # singular -> plurals ("boards/board": also uncountable)
    adjs: frozenset
    advs: frozenset
    forms: dict     # inflected verb form -> (plain form, 0 past / 1 participle / 2 -ing / 3 -s)
    plurals: frozenset  # plural nouns that are no singular ("speakers", "goods")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon | None:
    """lemminflect's inflection table, read once (None when the package is not installed: the
    reviewer then checks only its list of frequent errors)."""
    import gzip
    import importlib.util
    from pathlib import Path

    try:
        spec = importlib.util.find_spec("lemminflect")
        folder = Path(next(iter(spec.submodule_search_locations))) / "resources"
        text = gzip.decompress((folder / "infl_lu.csv.gz").read_bytes()).decode("utf-8")
    except (AttributeError, OSError, StopIteration, TypeError, EOFError, UnicodeDecodeError):
        return None
    rows = [line.split(",") for line in text.splitlines() if line[:1].islower()]
    verbs = {r[0]: r[2:6] for r in rows if r[1] == "verb" and len(r) >= 6}
    forms = {f: (w, i) for w, fs in verbs.items() for i, cell in enumerate(fs)
             for f in cell.split("/") if f and f != w}
    nouns = {r[0]: r[2] for r in rows if r[1] == "noun"}
    plurals = frozenset(p for ps in nouns.values() for p in ps.split("/") if p and p not in nouns)
    return Lexicon(verbs=verbs, nouns=nouns, plurals=plurals,
                   adjs=frozenset(r[0] for r in rows if r[1] == "adj"),
                   advs=frozenset(r[0] for r in rows if r[1] == "adv"), forms=forms)


# ------------------------------------------------------------------ word classes
# The sets of words the rules read live in grammar_words.yaml (data, with the reason for each
# set); a "_more" set is added to the set named beside it here.


def _word_classes() -> dict[str, frozenset[str]]:
    import yaml

    text = files("course.writing").joinpath("grammar_words.yaml").read_text("utf-8")
    return {key: frozenset(words.split()) for key, words in yaml.safe_load(text).items()}


_CLASSES = _word_classes()
(DETERMINERS, SINGULAR_DET, OBJECT_PRONOUNS, SUBJECT_PRONOUNS, MODALS, FINITE, PREPOSITIONS,
 CONJUNCTIONS, TIME_WORDS, TIME_NOUNS, COLLECTIVES, NOT_THINGS, LINKING, MASS_GOODS, GIVING,
 COUNT_TOO, VERB_FIRST, UNITS, PLURAL_AS_ONE, IDIOMS, _SUBJUNCTIVE, STATIVE, CAUSATIVES, _HAVE) = (
    _CLASSES[key] for key in (
        "determiners", "singular_det", "object_pronouns", "subject_pronouns", "modals",
        "finite", "prepositions", "conjunctions", "time_words", "time_nouns", "collectives",
        "not_things", "linking", "mass_goods", "giving", "count_too", "verb_first", "units",
        "plural_as_one", "idioms", "subjunctive", "stative", "causatives", "have"))
AUXILIARIES = MODALS | _CLASSES["auxiliaries_more"]
CLAUSE_OPENERS = CONJUNCTIONS | _CLASSES["clause_openers_more"]
BE_PLAIN = VERB_FIRST | _CLASSES["be_plain_more"]
# brief 22gm: abbreviations, "want" + verb, verbs that take "to" before the person
ABBREVIATIONS, TITLES, WANTING, VERBS_NOT_NOUNS, TO_PERSON = (
    _CLASSES[key] for key in ("abbreviations", "titles", "wanting", "verbs_not_nouns",
                              "to_before_person"))
PERSONS = frozenset(("i", "we", "you", "they", "he", "she"))
# brief 22sl: ordinals that go on into a noun phrase, a number's label, words of more than one
ORDINAL_DET, LABEL_NOUNS, MANY_WORDS = (_CLASSES[key] for key in ("ordinal_det", "label_nouns",
                                                                 "many_words"))
# brief 22b: what is shipped besides the goods ("the parcel was damage")
SHIPPED = _CLASSES["shipped_things"]


class Tok(NamedTuple):
    text: str
    low: str
    start: int
    end: int
    name: bool  # capitalised inside a sentence: a name, a product, a unit ("Size L")
    word: bool  # a word, not a number or a mark


_TOKEN = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*|\d+(?:[.,:/]\d+)*|\S")


def tokens(text: str, start: int, end: int) -> list[Tok]:
    """The tokens of one sentence, text[start:end]."""
    out = []
    for m in _TOKEN.finditer(text, start, end):
        t = m.group(0)
        name = bool(out) and t[:1].isupper() and t != "I"
        out.append(Tok(t, t.lower().replace("’", "'"), m.start(), m.end(), name,
                       t[:1].isalpha()))
    return out


_LIST_ITEM = re.compile(r"^\s*(?:[-*•·>]|\d+[.)]|[A-Za-z][.)])\s")


def segments(body: str):
    """(start, end) of each sentence of ``body`` worth reading: paragraphs, with lines wrapped
    inside a sentence joined; not a heading, a label ("Order: 8012"), a list item ("- 2 pcs"),
    a signature or any line of four words or fewer."""
    lines, pos = [], 0
    for line in body.split("\n"):
        lines.append((pos, pos + len(line), line))
        pos += len(line) + 1
    chunk = None
    for start, end, line in lines:
        bare = line.strip()
        heading = (len(bare.split()) <= 4 and not bare.endswith((".", "!", "?"))) or (
            ":" in bare[:25] and not re.search(r"[.!?]", bare[:bare.find(":")]))
        if not bare or heading or _LIST_ITEM.match(line):
            if chunk:
                yield from _sentences(body, *chunk)
            chunk = None
            continue
        chunk = (chunk[0], end) if chunk else (start, end)
    if chunk:
        yield from _sentences(body, *chunk)


_END = re.compile(r"[.!?]+(?=\s|$)")
_LAST_WORD = re.compile(r"([A-Za-z]+(?:\.[A-Za-z]+)*)$")


def sentence_ends(text: str):
    """Where each sentence of ``text`` ends (after its mark): a full stop after an abbreviation
    ends none when a small letter or a number follows ("the tracking no. is YT...", "approx.
    5 days", "e.g. the blue one") or after a title ("Mr. Lee"), brief 22gm."""
    for m in _END.finditer(text):
        if m.group(0) == ".":
            word = _LAST_WORD.search(text[max(0, m.start() - 12):m.start()])
            after = text[m.end():].lstrip()[:1]
            low = word.group(1).lower() if word else ""
            if low in TITLES or (low in ABBREVIATIONS and (after.islower() or after.isdigit())):
                continue
        yield m.end()


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (the reviewer's one splitter: text.sentences is this one, brief
    22sl): each line's, split at the marks that end one (see
    :func:`sentence_ends`). A review splits the same text several times: kept for the last
    texts split."""
    return list(_split(text))


@lru_cache(maxsize=64)
def _split(text: str) -> tuple[str, ...]:
    out = []
    for line in text.split("\n"):
        at = 0
        for stop in [*sentence_ends(line), len(line)]:
            if line[at:stop].strip():
                out.append(line[at:stop].strip())
            at = stop
    return tuple(out)


def _sentences(text: str, start: int, end: int):
    at = start
    for rel in sentence_ends(text[start:end]):
        stop = start + rel
        if len(text[at:stop].split()) > 2:
            yield at, stop
        at = stop
    if len(text[at:end].split()) > 2:
        yield at, end
