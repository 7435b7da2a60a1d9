"""Lint checks that read the lessons, and checks of the texts every kind shares.

* an item whose answer (or its key phrase) appears in the cells just above the cell that
  shows it (a summary that states the answers of the "Check your understanding" items);
* an assessment item on content that only the optional "Going further" part teaches (the
  part is marked by a markdown heading that starts ``Going further``);
* a positional reference ("Option 2", "the first reply", "first, second and fifth",
  选第 2 项, 第一条, 前三项) in the solution, hints or feedback of an item whose options are
  shuffled per learner: the learner sees the options in another order;
* a hint that gives the answer away: the first letters of the answers, a sum that works out
  to the numeric answer ("1,200 ÷ 4 = ?"), or the initials of the right option ("COD").

The checks are type-independent: they ask a kind for its answer phrases through
``answer_phrases()`` (cloze, numeric and choice have it: a list of (field, phrase), a
phrase being a text found verbatim, or a pair (right parts, wrong parts) found when the
cells above name every right part and not every wrong one), and read solution, hints and
feedback from the bank entry. Each check is a small function that calls ``add(field,
message, severity)``.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from course.exercises.quantities import parse_quantity
from course.exercises.text_match import contains_phrase, normalize

ERROR, WARNING = "error", "warning"
Add = Callable[..., None]

_SHOW = re.compile(r"""^\s*\w+\[\s*["']([a-z0-9-]+)["']\s*\]\s*$""")
#: The heading that opens a lesson's optional part (``## Going further (optional) · 拓展（选学）``).
OPTIONAL_HEADING = re.compile(r"^\s*#{1,6}\s*Going further\b", re.IGNORECASE | re.MULTILINE)


# ----------------------------------------------------------------------------- the notebooks


@dataclass
class Lessons:
    """What the checks read from the lesson notebooks."""

    above: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (notebook, text)
    optional_ids: set[str] = field(default_factory=set)  # items shown in an optional part
    main_text: str = ""  # every main-part cell of every lesson, normalised
    optional_text: str = ""  # every optional-part cell, normalised
    #: term -> taught only in an optional part (``optional_terms``; the texts above are fixed)
    only_optional: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)


def cell_text(cell) -> str:
    """A cell's source with its printed outputs (streams and plain-text results)."""
    parts = ["".join(cell.get("source", []))]
    for out in cell.get("outputs", []) or []:
        if out.get("output_type") == "stream":
            parts.append("".join(out.get("text", [])))
        data = out.get("data") or {}
        if "text/plain" in data:
            parts.append("".join(data["text/plain"]))
    return "\n".join(parts)


def _shown_id(cell) -> str | None:
    if cell.get("cell_type") != "code":
        return None
    m = _SHOW.match("".join(cell.get("source", [])))
    return m.group(1) if m else None


def _is_optional_heading(cell) -> bool:
    return cell.get("cell_type") == "markdown" and bool(
        OPTIONAL_HEADING.search("".join(cell.get("source", []))))


def _cells_above(cells: list, i: int, before: int) -> str:
    """The ``before`` nearest cells above cell ``i`` that do not show an exercise."""
    above, j = [], i - 1
    while j >= 0 and len(above) < before:
        if _shown_id(cells[j]) is None:
            above.append(cell_text(cells[j]))
        j -= 1
    return "\n".join(reversed(above))


def read_lessons(folder: Path, before: int = 3) -> Lessons:
    """Read every ``*.ipynb`` of ``folder`` (as JSON; nothing is executed)."""
    lessons = Lessons()
    main, optional = [], []
    for path in sorted(folder.glob("*.ipynb")):
        try:
            cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
        except (OSError, ValueError):
            continue
        in_optional = False
        for i, cell in enumerate(cells):
            in_optional = in_optional or _is_optional_heading(cell)
            shown = _shown_id(cell)
            if shown is None:
                (optional if in_optional else main).append(cell_text(cell))
                continue
            lessons.above[shown] = (path.name, _cells_above(cells, i, before))
            if in_optional:
                lessons.optional_ids.add(shown)
    lessons.main_text = "\n".join(_normalize_long(t) for t in main)
    lessons.optional_text = "\n".join(_normalize_long(t) for t in optional)
    return lessons


def _normalize_long(text: str) -> str:
    """``normalize`` for a text of any length (it cuts long texts), line by line."""
    return "\n".join(normalize(line) for line in text.splitlines())


def notebook_contexts(folder: Path, before: int = 3) -> dict[str, tuple[str, str]]:
    """For each exercise shown in a notebook: (notebook name, text of the cells just above)."""
    return read_lessons(folder, before).above


# ----------------------------------------------------------------------------- text helpers


def _both(text) -> Iterator[str]:
    for value in (getattr(text, "en", None), getattr(text, "zh", None)):
        if value:
            yield value


def _raw_texts(value, path: str) -> Iterator[tuple[str, str]]:
    """(field path, text) for every string in a bank value ({en:, zh:}, lists, mappings)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, sub in value.items():
            yield from _raw_texts(sub, path if key in ("en", "zh") else f"{path}.{key}")
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            yield from _raw_texts(sub, f"{path}[{i}]")


def explaining_texts(raw) -> Iterator[tuple[str, str]]:
    """(field, text) of the solution, hints and feedback (general and per option)."""
    for name in ("solution", "hints", "feedback"):
        yield from _raw_texts(raw.get(name), name)
    for i, option in enumerate(raw.get("options") or []):
        if isinstance(option, dict) and "feedback" in option:
            yield from _raw_texts(option["feedback"], f"options[{i}].feedback")


def answer_phrases(ex) -> list[tuple[str, str]]:
    """(field, phrase) pairs whose presence gives the item's answer away (from its kind)."""
    method = getattr(ex, "answer_phrases", None)
    return list(method()) if callable(method) and not ex.redacted else []


# ----------------------------------------------------------------------------- the checks


_STOP = frozenset(
    "the a an and or of to in on at for by with from as is are was were be been it its this "
    "that these those not no yes do does did can could should would will may might must has "
    "have had you your we our they their them he she his her i me my what which who how why "
    "when where than then there here into out up down about all any each other some such only "
    "own same so very just also more most one true false".split())


def stems(text: str) -> set[str]:
    """The content words of ``text`` cut to five letters ("reviews" and "review" alike)."""
    return {w[:5] for w in re.findall(r"[a-z][a-z'-]+", normalize(text))
            if w not in _STOP and len(w) >= 3}


def _named(part: str, text_stems: set[str]) -> bool:
    words = stems(part)
    return bool(words) and len(words & text_stems) >= 0.6 * len(words)


def _found(phrase, text: str, text_stems: set[str]) -> bool:
    """A phrase (str) is found verbatim; a pair (right parts, wrong parts) when the text names
    every right part (most of its words) and not every wrong one (a neutral list)."""
    if isinstance(phrase, str):
        return contains_phrase(text, phrase, numbers=True)
    right, wrong = phrase
    return all(_named(p, text_stems) for p in right) and not (
        wrong and all(_named(p, text_stems) for p in wrong))


def _restated(statement: str, text: str) -> bool:
    """True when one paragraph of ``text`` holds four fifths of the statement's words."""
    words = stems(statement)
    return len(words) >= 4 and any(len(words & stems(p)) >= 0.8 * len(words)
                                   for p in re.split(r"\n\s*\n", text))


def check_answer_above(ex, lessons: Lessons, add: Add) -> None:
    """The answer (or its key phrase) printed in the cells just above the item."""
    if ex.id not in lessons.above:
        return
    notebook, text = lessons.above[ex.id]
    text_stems = stems(text)
    for where, phrase in answer_phrases(ex):
        if _found(phrase, text, text_stems):
            shown = phrase if isinstance(phrase, str) else " / ".join(phrase[0])
            add(where, f"the answer {shown!r} appears in the cells of {notebook} just above "
                       "the cell that shows this item: the learner copies it; ask it later, "
                       "or ask something the text does not state")
    if isinstance(getattr(ex, "answer", None), bool) and _restated(ex.prompt.en, text):
        add("prompt", f"the statement restates a paragraph of {notebook} just above the item: "
                      "the learner checks it against the text instead of recalling it")


#: A word or number the optional parts use this often (and no main part uses) is what they
#: teach; one they use once or twice is incidental (a product in an example, a year).
TAUGHT = 4
_NUMBER_TOKEN = re.compile(r"(?<![\w.])\d+(?:\.\d+)?%?(?![\w]|\.\d)")
_OPTIONAL_WORD = re.compile(r"[a-z][a-z-]{4,}")


def optional_terms(ex, lessons: Lessons) -> list[str]:
    """Numbers and words of the item (prompt, answer phrases) that the lessons teach only in
    an optional part: used there at least ``TAUGHT`` times, absent from every main part."""
    texts = [*_both(ex.prompt), *(p for _, p in answer_phrases(ex) if isinstance(p, str))]
    text = normalize(" ".join(texts))
    terms = set(_NUMBER_TOKEN.findall(text)) | set(_OPTIONAL_WORD.findall(text))
    # what a writing task's facts panel shows the learner is given, not tested
    facts = ex.raw.get("facts") if isinstance(ex.raw.get("facts"), dict) else {}
    given = normalize(" ".join(str(v) for v in facts.values()))
    found = []
    for term in sorted(terms):
        pattern = re.compile(r"(?<![\w.])" + re.escape(term) + r"(?![\w]|\.\d)")
        if pattern.search(given):
            continue
        if _only_optional(term, pattern, lessons):
            found.append(term)
    return found


def _only_optional(term: str, pattern, lessons: Lessons) -> bool:
    """``term`` used at least ``TAUGHT`` times in the optional parts and never in a main part;
    found once per term for all the items (the bank's items share most of their words)."""
    known = lessons.only_optional.get(term)
    if known is None:
        known = (term in lessons.optional_text  # a plain search first: most terms are not there
                 and len(pattern.findall(lessons.optional_text)) >= TAUGHT
                 and not pattern.search(lessons.main_text))
        lessons.only_optional[term] = known
    return known


def check_optional_content(ex, lessons: Lessons, add: Add) -> None:
    """An assessment item that tests what only a lesson's optional part teaches."""
    if ex.mode != "assessment" or ex.id in lessons.optional_ids:
        return
    terms = optional_terms(ex, lessons)
    if terms:
        add("prompt", "this assessment item rests on content that only an optional 'Going "
                      f"further' part teaches ({', '.join(terms)}); assess the main part, or "
                      "make the item practice in the optional part", ERROR)


_ORDINAL = r"first|second|third|fourth|fifth|sixth|last"
_COUNT = r"two|three|four|five|six"
_POSITION_EN = re.compile(
    r"\b(?:options?|choices?|answers?)\s+(?:\d|[a-f]\b)"  # Option 2, options 1 and 3, answer B
    rf"|\b(?:the\s+)?(?:{_ORDINAL})\s+(?:option|reply|answer|choice|sentence|message|statement|"
    rf"one|item|pair|e-?mail|letter|text)s?\b"  # the first reply, the second sentence
    rf"|\b(?:{_ORDINAL}),\s*(?:{_ORDINAL})(?:,\s*(?:{_ORDINAL}))*,?\s+and\s+(?:{_ORDINAL})\b"
    rf"|\bthe\s+(?:first|last)\s+(?:{_COUNT})\b",  # the first three
    re.IGNORECASE,
)
_CN_NUM = "一二两三四五六七八九十"
_POSITION_ZH = re.compile(
    rf"选\s*第?\s*[\d{_CN_NUM}]+\s*(?:项|个|条|句)?"  # 选第 2 项
    rf"|第\s*[\d{_CN_NUM}]+\s*(?:项|条|句|个选项|个回复|个答案|封)"  # 第一条, 第二句
    rf"|前\s*[{_CN_NUM}\d]+\s*(?:项|条|句|个)"  # 前三项
    r"|选项\s*[\dA-Fa-f]",
)


def positional_references(text: str) -> list[str]:
    """The phrases of ``text`` that name an option by its place ("Option 2", 第一条)."""
    return [m.group(0).strip() for rx in (_POSITION_EN, _POSITION_ZH)
            for m in rx.finditer(text)]


def check_positions(ex, add: Add) -> None:
    """A solution, hint or feedback that names an option by its place in a shuffled item."""
    if not getattr(ex, "shuffle", False) or ex.redacted:
        return
    for where, text in explaining_texts(ex.raw):
        found = positional_references(text)
        if found:
            add(where, f"names an option by its place ({', '.join(repr(f) for f in found)}), "
                       "but the options are shuffled for each learner: name it by its text")


_FIRST_LETTERS = re.compile(
    r"\b(?:start|starts|begin|begins)\s+with\b|\bfirst\s+letters?\b|首字母|开头(?:分别)?是"
    r"|以\s*[a-zA-Z][、,，\s]", re.IGNORECASE)
_SUM = re.compile(r"(\d[\d,]*(?:\.\d+)?(?:\s*[-+x×*/÷]\s*\d[\d,]*(?:\.\d+)?)+)\s*(?:=\s*\?|等于多少)")


_OPS = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
        "x": lambda a, b: a * b, "×": lambda a, b: a * b, "/": lambda a, b: a / b if b else None,
        "÷": lambda a, b: a / b if b else None}


def _evaluates_to(expression: str, answer: float) -> bool:
    """True when a sum written in a hint ("1,200 ÷ 4", "45 + 80") works out to ``answer``
    (read left to right, multiplication and division before addition and subtraction)."""
    tokens = re.findall(r"\d[\d,]*(?:\.\d+)?|[-+x×*/÷]", expression)
    terms, ops = [float(tokens[0].replace(",", ""))], []
    for op, number in zip(tokens[1::2], tokens[2::2], strict=False):
        value = float(number.replace(",", ""))
        if op in "+-":
            terms.append(value)
            ops.append(op)
        elif terms[-1] is not None:
            terms[-1] = _OPS[op](terms[-1], value)
    if None in terms:
        return False
    total = terms[0]
    for op, value in zip(ops, terms[1:], strict=True):
        total = _OPS[op](total, value)
    return abs(total - answer) <= 1e-9 * max(1.0, abs(answer))


def _initials(text: str) -> str:
    words = re.findall(r"[A-Za-z]+", text)
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


#: A duration in a hint, in English or Chinese ("one day", "2 weeks", "一天"), and how many
#: hours each unit holds: a hint that gives the answer in another unit gives the answer.
_DURATION = re.compile(r"([\d.]+|[a-z-]+|[零一二两三四五六七八九十百]+)\s*(minutes?|hours?|days?|"
                       r"weeks?|个小时|小时|分钟|天|星期|周)", re.IGNORECASE)
_HOURS = {"minutes": 1 / 60, "hours": 1.0, "days": 24.0, "weeks": 168.0}


def _duration_equal(ex, text: str) -> bool:
    """True when ``text`` names a duration, in another unit, equal to the numeric answer."""
    spec, answer = getattr(ex, "spec", None), getattr(ex, "answer", None)
    if spec is None or spec.measures not in _HOURS or not isinstance(answer, float):
        return False
    for m in _DURATION.finditer(text):
        q = parse_quantity(m.group(0))
        if q and q.unit in _HOURS and q.unit != spec.measures and abs(
                q.value * _HOURS[q.unit] - answer * _HOURS[spec.measures]) < 1e-9:
            return True
    return False


def _pairs(text: str) -> set[tuple[str, str]]:
    words = [w for w in re.findall(r"[a-z][a-z'-]+", normalize(text))
             if w not in _STOP and len(w) >= 3]
    return set(zip(words, words[1:], strict=False))


def _points_at_right(ex, text: str) -> bool:
    """A single-choice hint that names two words in a row that only the right option has
    ("Which reply mentions the size chart?")."""
    options = getattr(ex, "options", [])
    if getattr(ex, "multiple", True) or not options:
        return False
    hint = _pairs(text)
    right = set().union(*(_pairs(o.text.en) for o in options if o.correct))
    wrong = set().union(*(_pairs(o.text.en) for o in options if not o.correct))
    return bool(hint & (right - wrong))


def check_hint_giveaways(ex, add: Add) -> None:
    """A hint that gives the answer away by letters, a sum, initials, the answer in another
    unit, or words that only the right option has."""
    typed = ex.type in ("cloze", "numeric") and not getattr(ex, "word_bank", False)
    answer = getattr(ex, "answer", None)
    right = [o.text.en for o in getattr(ex, "options", []) if getattr(o, "correct", False)]
    for i, hint in enumerate(ex.hints):
        for text in _both(hint):
            if typed and _FIRST_LETTERS.search(text):
                add(f"hints[{i}]", "the hint gives the first letters of the answers: a learner "
                                   "fills the blanks without knowing the words")
            elif isinstance(answer, float) and any(_evaluates_to(m.group(1), answer)
                                                   for m in _SUM.finditer(text)):
                add(f"hints[{i}]", f"the hint is a sum that works out to the answer "
                                   f"({answer:g}): leave the last step to the learner")
            elif any(len(_initials(r)) >= 3 and re.search(rf"\b{_initials(r)}\b", text)
                     for r in right):
                add(f"hints[{i}]", "the hint gives the initials of the right option")
            elif _duration_equal(ex, text):
                add(f"hints[{i}]", "the hint gives the answer in another unit (one day is 24 "
                                   "hours): leave the conversion to the learner")
            elif _points_at_right(ex, text):
                add(f"hints[{i}]", "the hint names words that only the right option has: it "
                                   "points at the answer; hint at the idea instead")
            else:
                continue
            break


def lesson_checks(ex, lessons: Lessons | None, add: Add) -> None:
    """Every check of this module on one exercise."""
    if ex.redacted:
        return
    check_positions(ex, add)
    check_hint_giveaways(ex, add)
    if lessons is not None:
        check_answer_above(ex, lessons, add)
        check_optional_content(ex, lessons, add)
