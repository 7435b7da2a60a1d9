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
* an assessment item whose answer appears verbatim in the lesson cells just above it
  (the notebooks are read as JSON);
* across the bank's assessment items: true/false keys mostly one way, or the right option
  mostly the longest (``bank_patterns``).

Each finding names the file, the exercise and the field; ``errors`` are what
``crm-course validate`` refuses, ``warnings`` are for the author to weigh.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from course.exercises.matching import normalize

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


def _answers_for_context(ex) -> list[tuple[str, str]]:
    """(field, text) pairs whose verbatim presence above the item gives it away."""
    out = []
    if ex.type == "cloze" and not ex.redacted:
        text = ex.text
        for m, blank in zip(re.finditer(r"\[\[(.*?)\]\]", text, re.DOTALL), ex.blanks,
                            strict=False):
            if not blank.answers:
                continue
            before = re.sub(r"\[\[(.*?)(\|.*?)?(::.*?)?\]\]", lambda b: b.group(1).strip(),
                            text[:m.start()])
            words = before.split()[-3:]
            phrase = " ".join(words + [blank.answers[0]])
            if len(words) >= 2:
                out.append((f"text (blank {blank.index + 1})", phrase))
    elif ex.type == "numeric" and ex.answer is not None:
        unit = ex.unit_text.en if getattr(ex, "unit_text", None) else ""
        if unit:
            sep = "" if unit == "%" else " "
            out.append(("answer", f"{ex.answer:g}{sep}{unit}"))
    elif ex.type in ("single_choice", "multiple_choice"):
        for o in ex.options:
            if o.correct and len(o.text.en.split()) >= 3:
                out.append((f"options[{o.index}].text", o.text.en))
    return out


# ----------------------------------------------------------------------------- notebooks


_SHOW = re.compile(r"""^\s*\w+\[\s*["']([a-z0-9-]+)["']\s*\]\s*$""")


def _cell_text(cell) -> str:
    parts = ["".join(cell.get("source", []))]
    for out in cell.get("outputs", []) or []:
        if out.get("output_type") == "stream":
            parts.append("".join(out.get("text", [])))
        data = out.get("data") or {}
        if "text/plain" in data:
            parts.append("".join(data["text/plain"]))
    return "\n".join(parts)


def notebook_contexts(folder: Path, before: int = 3) -> dict[str, tuple[str, str]]:
    """For each exercise shown in a notebook: (notebook name, text of the cells just above).

    The cells just above are the ``before`` nearest cells that do not themselves show an
    exercise (markdown sources and code sources with their printed outputs).
    """
    contexts: dict[str, tuple[str, str]] = {}
    for path in sorted(folder.glob("*.ipynb")):
        try:
            cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
        except (OSError, ValueError):
            continue
        for i, cell in enumerate(cells):
            m = _SHOW.match("".join(cell.get("source", []))) if cell.get(
                "cell_type") == "code" else None
            if not m:
                continue
            above, j = [], i - 1
            while j >= 0 and len(above) < before:
                src = "".join(cells[j].get("source", []))
                if not (cells[j].get("cell_type") == "code" and _SHOW.match(src)):
                    above.append(_cell_text(cells[j]))
                j -= 1
            contexts[m.group(1)] = (path.name, "\n".join(reversed(above)))
    return contexts


# ----------------------------------------------------------------------------- entry points


def lint_exercise(ex, file: str, contexts: dict | None = None) -> list[Finding]:
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
    if ex.mode == "assessment" and contexts and ex.id in contexts:
        notebook, text = contexts[ex.id]
        for field, answer in _answers_for_context(ex):
            if _contains_phrase(text, answer):
                add(field, f"the answer {answer!r} appears word for word in the cells of "
                           f"{notebook} just above this assessment item")
    return findings


def lint_lessons(lessons: Iterable, notebooks: Path | None = None) -> list[Finding]:
    contexts = notebook_contexts(notebooks) if notebooks and notebooks.is_dir() else {}
    findings = []
    lessons = list(lessons)
    for lesson in lessons:
        for ex in lesson.exercises:
            findings.extend(lint_exercise(ex, lesson.source, contexts))
    findings.extend(bank_patterns(lessons))
    return findings


def bank_patterns(lessons: Iterable) -> list[Finding]:
    """Patterns across a bank's assessment items that a test-wise learner uses (issue 21):
    true/false keys mostly one way, the right option mostly the longest. Each is a warning
    when a fixed rule ("always False", "pick the longest") beats blind guessing by 2 items."""
    items = [(lesson.source, ex) for lesson in lessons for ex in lesson.exercises
             if ex.mode == "assessment" and not ex.redacted]
    out = []
    keys = [bool(ex.raw.get("answer")) for _, ex in items if ex.type == "true_false"]
    n_true = sum(keys)
    if abs(n_true - (len(keys) - n_true)) >= 4:  # always the majority: 2 more than chance
        first = next(f for f, ex in items if ex.type == "true_false")
        out.append(Finding(first, "(all true/false assessment items)", "answer",
                           f"{n_true} answers are true and {len(keys) - n_true} false: a learner "
                           "who always answers the majority gains "
                           f"{abs(2 * n_true - len(keys)) // 2} items; balance the keys",
                           WARNING))
    singles = [(f, ex) for f, ex in items if ex.type == "single_choice" and ex.shuffle]
    longest = [ex.id for _, ex in singles
               if sum(len(o.text.en) >= len(ex.options[ex.correct_indexes[0]].text.en)
                      for o in ex.options) == 1]
    chance = sum(1 / len(ex.options) for _, ex in singles)
    if singles and len(longest) >= chance + 2:
        out.append(Finding(singles[0][0], "(all single-choice assessment items)", "options",
                           f"the right option is the longest in {len(longest)} of "
                           f"{len(singles)} items (chance: {chance:.1f}): "
                           f"{', '.join(longest)}; make distractors as full as the answer",
                           WARNING))
    return out


def default_notebooks() -> Path:
    from course.paths import notebooks_dir

    return notebooks_dir()
