"""The item-writing checks of the built-in kinds (their ``lint``
hooks) and the text helpers they share with ``course.exercises.lint``.

A kind names its checks here as class attributes (``lint = lint_rules.cloze``); a new kind
writes its own ``lint(self, add)`` method. The rules are described in ``course.exercises.lint``.
"""
from __future__ import annotations

import re

from course.exercises.text_match import contains_phrase, normalize

ERROR, WARNING = "error", "warning"


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


def cloze(ex, add) -> None:
    """A cloze: the prompt or a hint states a blank's answer; a word bank said to be used once."""
    prompt = " ".join(_texts(ex.prompt))
    blanks = [b for b in ex.blanks if b.answers]
    for b in blanks:
        if any(len(a) >= 3 and contains_phrase(prompt, a) for a in b.answers[:1]):
            # a word bank reply often carries facts the prompt gives: a clue, not a giveaway
            add("prompt", f"the prompt states the answer of blank {b.index + 1} "
                          f"({b.answers[0]!r})", WARNING if ex.word_bank else ERROR)
    for i, hint in enumerate(ex.hints):
        text = " ".join(_texts(hint))
        given = [b for b in blanks if any(contains_phrase(text, a) for a in b.answers)]
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


def numeric(ex, add) -> None:
    """A number: the prompt, a hint or the feedback by direction (``too_high``, ``too_low``)
    states it (a hint: or all but its last digits); no `measures`."""
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
    for field in ("too_high", "too_low"):
        text = getattr(ex, field, None)
        if text is not None and pattern.search(" ".join(_texts(text))):
            add(field, f"the feedback for a wrong number states the answer ({text_answer})")
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


def choice(ex, add) -> None:
    """Choices: all/none of the above, duplicates, the longest or echoing key, telling hints."""
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
    _choice_hints(ex, add, right, wrong_words | prompt_words)


def _choice_hints(ex, add, right, shared_words: set) -> None:
    """A hint that says how many options are right, or names the right one(s)."""
    for i, hint in enumerate(ex.hints):
        text = " ".join(_texts(hint))
        if ex.multiple and _HOW_MANY.search(text):
            add(f"hints[{i}]", "the hint says how many options are right")
        hint_words = _content(hint.en)
        if ex.multiple and len(right) >= 2:
            # an option is named when a word of its own (not of the prompt or a distractor,
            # not shared with another right option) appears in the hint
            own = [_content(o.text.en) - shared_words for o in right]
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
                elif contains_phrase(text, o.text.en) and len(o.text.en) >= 3:
                    add(f"hints[{i}]", f"the hint states the right option ({o.text.en!r})")
