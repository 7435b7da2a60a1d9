"""Item-writing flaws in the exercise bank, after Haladyna, Downing and Rodriguez (2002).

The checks follow their taxonomy of multiple-choice item-writing guidelines, applied to this
course's exercise types:

* the answer stated in the prompt or in a hint (a hint may help strongly, never state it);
  a number with its last digits replaced by "?" counts as stating it;
* a right option that echoes the prompt while no distractor does (a "clang association");
* the right option being clearly the longest;
* "all of the above" / "none of the above";
* duplicate options (in either language);
* a multiple-choice hint that says how many options are right;
* a word bank whose text says each word is used once while it has distractors;
* the checks of :mod:`course.exercises.lint_lessons`: an answer printed just above the item
  in its lesson, an assessment item on optional content, an option named by its place in a
  shuffled item, a hint that gives the answer by letters, a sum or initials.

Each finding names the file, the exercise and the field; ``errors`` are what
``crm-course validate`` refuses, ``warnings`` are for the author to weigh.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from course.exercises.lint_lessons import Lessons, lesson_checks, notebook_contexts, read_lessons
from course.exercises.text_match import normalize

__all__ = ["ERROR", "WARNING", "Finding", "lint_exercise", "lint_lessons", "notebook_contexts"]

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Finding:
    """One item-writing flaw: where it is, how serious, what is wrong."""

    file: str
    exercise_id: str
    field: str
    message: str
    severity: str = ERROR
    line: int | None = None

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        return (f"{where}: exercise {self.exercise_id!r}: field {self.field!r}: "
                f"{self.severity}: {self.message}")


_STOP = frozenset(
    "the a an and or of to in on at for by with from as is are was were be been it its this "
    "that these those not no yes do does did can could should would will may might must has "
    "have had you your we our they their them he she his her i me my what which who how why "
    "when where than then there here into out up down about all any each other some such only "
    "own same so very just also more most one".split()
)
_WORD = re.compile(r"[a-z][a-z'-]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(normalize(text))


def _stem(word: str) -> str:
    return word[:5]


def _content(text: str) -> set[str]:
    return {_stem(w) for w in _words(text) if w not in _STOP and len(w) >= 3}


def _contains_phrase(haystack: str, phrase: str) -> bool:
    """True when ``phrase`` occurs in ``haystack`` as whole words (normalised)."""
    needle = normalize(phrase).strip(" .,;:!?")
    if not needle:
        return False
    pattern = r"(?<![\w])" + re.escape(needle) + r"(?![\w])"
    return re.search(pattern, normalize(haystack)) is not None


def _number_pattern(value: float) -> re.Pattern:
    text = f"{value:g}"
    if "." not in text and abs(value) >= 1000:
        text = f"{value:,.0f}".replace(",", ",?")
    else:
        text = re.escape(text)
    return re.compile(r"(?<![\d.,])" + text + r"(?![\d]|\.\d)")


def _texts(bilingual) -> list[str]:
    return [t for t in (bilingual.en, bilingual.zh) if t]


# ----------------------------------------------------------------------------- per type


def _cloze(ex, add):
    prompt = " ".join(_texts(ex.prompt))
    blanks = [b for b in ex.blanks if b.answers]
    for b in blanks:
        if any(len(a) >= 3 and _contains_phrase(prompt, a) for a in b.answers[:1]):
            # a word bank reply often carries facts the prompt gives: a clue, not a giveaway
            add("prompt", f"the prompt states the answer of blank {b.index + 1} "
                          f"({b.answers[0]!r})", WARNING if ex.word_bank else ERROR)
    for i, hint in enumerate(ex.hints):
        text = " ".join(_texts(hint))
        given = [b for b in blanks if any(_contains_phrase(text, a) for a in b.answers)]
        if blanks and (len(given) == len(blanks) or (len(blanks) > 2 and
                                                     len(given) * 2 > len(blanks))):
            names = ", ".join(repr(b.answers[0]) for b in given)
            add(f"hints[{i}]", f"the hint states {len(given)} of the {len(blanks)} answers "
                               f"({names}); a hint may help, never give the answers")
        elif given:
            add(f"hints[{i}]", f"the hint states the answer of blank {given[0].index + 1} "
                               f"({given[0].answers[0]!r})", WARNING)
    if ex.word_bank and ex.distractors:
        for field, text in (("prompt", prompt), ("text", ex.text)):
            if re.search(r"each (word|one|phrase)[^.]*once|only once|只用一次|各用一次|用一次",
                         text, re.IGNORECASE):
                add(field, "says each word is used once, but the word bank has distractors "
                           "(some words are not used at all)")


def _numeric(ex, add):
    if ex.answer is None:
        return
    pattern = _number_pattern(ex.answer)
    if pattern.search(" ".join(_texts(ex.prompt))):
        add("prompt", f"the prompt states the answer ({ex.answer:g})")
    text_answer = f"{ex.answer:g}"
    for i, hint in enumerate(ex.hints):
        text = " ".join(_texts(hint))
        if pattern.search(text):
            add(f"hints[{i}]", f"the hint states the answer ({text_answer})")
        elif "." in text_answer and re.search(
                r"(?<![\d.])" + re.escape(text_answer.split(".")[0]) + r"\.\?", text):
            add(f"hints[{i}]", f"the hint gives the answer but its last digits "
                               f"({text_answer.split('.')[0]}.?)")
    if "measures" not in ex.raw:
        add("measures", "a numeric exercise should say what it measures (measures: hours, "
                        "days, percent, money with currency, ...)", WARNING)


_ABOVE = re.compile(r"\b(all|none|both|neither) of the (above|these|options)\b|以上(都|皆|均)"
                    r"|以上全部|都不(对|是)", re.IGNORECASE)
_HOW_MANY = re.compile(
    r"\b(one|two|three|four|five|six|\d+|all)\s+(options?|answers?|choices?|of (them|these|"
    r"the \w+))\s+(are|is)\s+(right|correct|true)\b|\b(one|two|three|four|five|six|\d+)\s+"
    r"(are|is)\s+(right|correct)\b|\bonly (one|two|three|\d+) (is|are)\b"
    r"|[一二两三四五六\d]\s*(个|项)\s*(选项)?\s*(是)?\s*(对|正确)",
    re.IGNORECASE,
)


def _choice(ex, add):
    options = ex.options
    right = [o for o in options if o.correct]
    wrong = [o for o in options if not o.correct]
    if not right or not wrong:
        return
    for o in options:
        for text in _texts(o.text):
            if _ABOVE.search(text):
                add(f"options[{o.index}].text", f"{o.text.en!r}: avoid 'all/none of the "
                                                 "above'; write a real option", WARNING)
                break
    for lang in ("en", "zh"):
        seen = {}
        for o in options:
            key = re.sub(r"\W+", "", normalize(getattr(o.text, lang) or ""))
            if key and key in seen:
                add(f"options[{o.index}].text", f"duplicates option {seen[key] + 1} "
                                                 f"({lang})")
            seen.setdefault(key, o.index)
    lengths = {o.index: len(o.text.en) for o in options}
    longest_wrong = max(lengths[o.index] for o in wrong)
    if not ex.multiple and lengths[right[0].index] > 1.25 * longest_wrong + 5:
        add(f"options[{right[0].index}].text", "the right option is clearly the longest; "
                                                "make the distractors as full as it", WARNING)
    if ex.multiple and min(lengths[o.index] for o in right) > longest_wrong:
        add("options", "every right option is longer than every wrong one", WARNING)
    prompt_words = _content(" ".join(_texts(ex.prompt)))
    wrong_words = set().union(*(_content(o.text.en) for o in wrong))
    for o in right:
        echo = (_content(o.text.en) - wrong_words) & prompt_words
        if len(echo) >= 2 and not any(_content(w.text.en) & prompt_words for w in wrong):
            add(f"options[{o.index}].text", "the right option repeats words of the prompt "
                                             f"({', '.join(sorted(echo))}) and no distractor "
                                             "does: the prompt points at the answer", WARNING)
    for i, hint in enumerate(ex.hints):
        text = " ".join(_texts(hint))
        if ex.multiple and _HOW_MANY.search(text):
            add(f"hints[{i}]", "the hint says how many options are right")
        hint_words = _content(hint.en)
        if ex.multiple and len(right) >= 2:
            # an option is named when a word of its own (not of the prompt or a distractor,
            # not shared with another right option) appears in the hint
            own = [_content(o.text.en) - wrong_words - prompt_words for o in right]
            own = [words - set().union(*(x for j, x in enumerate(own) if j != k))
                   for k, words in enumerate(own)]
            named = [o for o, words in zip(right, own, strict=True) if words & hint_words]
            if len(named) == len(right):
                add(f"hints[{i}]", f"the hint names all {len(right)} right options")
        else:
            for o in right:
                words = _content(o.text.en)
                if len(words) >= 2 and len(words & hint_words) >= 0.75 * len(words):
                    add(f"hints[{i}]", f"the hint states the right option ({o.text.en!r})")
                elif _contains_phrase(text, o.text.en) and len(o.text.en) >= 3:
                    add(f"hints[{i}]", f"the hint states the right option ({o.text.en!r})")


# ----------------------------------------------------------------------------- entry points


def lint_exercise(ex, file: str, contexts: Lessons | dict | None = None) -> list[Finding]:
    """The item-writing flaws of one exercise; ``contexts`` is what the lessons show (a
    :class:`Lessons`, or a mapping id -> (notebook, text of the cells just above))."""
    findings: list[Finding] = []
    line = getattr(ex.raw, "line", None)
    lines = getattr(ex.raw, "lines", {}) or {}

    def add(field: str, message: str, severity: str = ERROR):
        top = field.split("[")[0].split(".")[0].split(" ")[0]
        findings.append(Finding(file, ex.id, field, message, severity, lines.get(top, line)))

    if ex.redacted:
        return findings
    if ex.type == "cloze":
        _cloze(ex, add)
    elif ex.type == "numeric":
        _numeric(ex, add)
    elif ex.type in ("single_choice", "multiple_choice"):
        _choice(ex, add)
    if isinstance(contexts, dict):
        contexts = Lessons(above=contexts)
    lesson_checks(ex, contexts, add)
    return findings


def lint_lessons(lessons: Iterable, notebooks: Path | None = None) -> list[Finding]:
    contexts = read_lessons(notebooks) if notebooks and notebooks.is_dir() else None
    findings = []
    for lesson in lessons:
        for ex in lesson.exercises:
            findings.extend(lint_exercise(ex, lesson.source, contexts))
    return findings


def default_notebooks() -> Path:
    from course.paths import notebooks_dir

    return notebooks_dir()
