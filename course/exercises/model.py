"""Exercises of the seven types, their pure graders, and the Lesson and Bank containers."""
from __future__ import annotations

import difflib
import json
import operator
import random
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from course.errors import CourseError
from course.exercises import state
from course.exercises.i18n import ui
from course.exercises.matching import (
    ALL_FORMS,
    MAX_ANSWER_CHARS,
    NO_FORMS,
    Forms,
    SpecError,
    has_control_chars,
    judge_quantity,
    match_text,
    normalize,
    numbers_match,
    numeric_spec,
    parse_quantity,
)
from course.exercises.text import Bilingual, as_bilingual, text_key

TYPES = (
    "cloze",
    "single_choice",
    "multiple_choice",
    "true_false",
    "matching",
    "ordering",
    "numeric",
)

BLANK = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)


class DefinitionError(Exception):
    """An exercise definition that makes no sense (raised while building; reported by the loader)."""

    def __init__(self, field: str, message: str):
        self.field = field
        super().__init__(message)


class UnknownExerciseError(CourseError, KeyError):
    """An exercise id that is not in the lesson or bank."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


# ----------------------------------------------------------------------------- results


@dataclass(frozen=True)
class ItemResult:
    """The grade of one blank, option, pair or position."""

    index: int
    label: Bilingual
    expected: object
    given: object
    correct: bool
    attempted: bool
    matched: str | None = None
    typo: bool = False
    feedback: Bilingual | None = None
    rule: str | None = None  # which matching rule accepted it: exact, plural, typo, unit...

    def to_dict(self) -> dict:
        return {
            "index": self.index,
            "label": self.label.en,
            "expected": self.expected,
            "given": self.given,
            "correct": self.correct,
            "attempted": self.attempted,
            "matched": self.matched,
            "typo": self.typo,
            "rule": self.rule,
        }


@dataclass(frozen=True)
class GradeResult:
    """The grade of one response: score 0..1, per-item results and bilingual feedback."""

    exercise_id: str
    score: float
    correct: bool
    attempted: bool
    valid: bool = True
    graded: bool = True
    items: tuple[ItemResult, ...] = ()
    feedback: Bilingual = field(default_factory=lambda: Bilingual("", ""))
    message: Bilingual | None = None
    response: object = None

    def to_dict(self) -> dict:
        return {
            "exercise_id": self.exercise_id,
            "score": self.score,
            "correct": self.correct,
            "attempted": self.attempted,
            "valid": self.valid,
            "graded": self.graded,
            "items": [item.to_dict() for item in self.items],
            "feedback": self.feedback.to_json(),
            "message": self.message.to_json() if self.message else None,
            "response": self.response,
        }

    def __repr__(self) -> str:
        state_text = "not attempted" if not self.attempted else ("correct" if self.correct else "")
        if not self.valid:
            state_text = "not graded: " + (self.message.en if self.message else "")
        return f"<GradeResult {self.exercise_id}: score {self.score:.2f} {state_text}>".replace(
            "  ", " "
        ).replace(" >", ">")


class _Invalid(Exception):
    """A response of the wrong shape; carries the learner-facing message."""

    def __init__(self, message: Bilingual):
        self.message = message
        super().__init__(message.en)


_NOT_ATTEMPTED = object()


def _is_int(value) -> bool:
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return False
    try:
        operator.index(value)
    except TypeError:
        return False
    return True


def _is_bool(value) -> bool:
    return isinstance(value, bool) or type(value).__name__ == "bool_"


def _check_text(value, n: int) -> str:
    """One typed answer: a string of sane length without control characters ('' if None)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _Invalid(ui("bad_text", n=n))
    if len(value) > MAX_ANSWER_CHARS:
        raise _Invalid(ui("too_long", n=n, limit=MAX_ANSWER_CHARS))
    if has_control_chars(value):
        raise _Invalid(ui("control_chars", n=n))
    return value


def _seeded_shuffle(items: list, seed: str) -> list:
    shuffled = list(items)
    random.Random(seed).shuffle(shuffled)
    return shuffled


# ----------------------------------------------------------------------------- exercises


@dataclass(frozen=True)
class Blank:
    """One gap of a cloze: its accepted answers (first = canonical), tip and feedback."""

    index: int
    answers: tuple[str, ...]
    tip: Bilingual | None = None
    feedback: Mapping[str, Bilingual] | None = None
    typos: bool = True  # typo tolerance for this blank
    real_words: bool = True  # a typed common English word is never a typo
    forms: Forms = ALL_FORMS  # plural, article, spelling, number words
    typo_forms: tuple[str, ...] = ()  # misspellings the author accepts as typos


@dataclass(frozen=True)
class Option:
    """One option of a choice exercise."""

    index: int
    text: Bilingual
    correct: bool
    feedback: Bilingual | None = None


def _bilingual_or_none(value) -> Bilingual | None:
    return None if value is None else as_bilingual(value)


def _feedback_map(value) -> dict[str, Bilingual]:
    if not isinstance(value, Mapping):
        return {}
    return {k: as_bilingual(v) for k, v in value.items() if k in ("correct", "wrong") and v}


class Exercise:
    """An exercise from the bank. ``grade(response)`` is pure; displaying it shows its widget."""

    type: str = ""

    def __init__(self, raw: Mapping, *, lesson: str = "", source: str = ""):
        self.raw = raw
        self.id = str(raw["id"])
        self.lesson = lesson
        self.source = source
        self.mode = raw.get("mode", "practice")
        self.redacted = bool(raw.get("redacted", False))
        self.title = _bilingual_or_none(raw.get("title"))
        self.prompt = as_bilingual(raw.get("prompt", ""))
        self.hints = [as_bilingual(h) for h in raw.get("hints", []) or []]
        self.solution = _bilingual_or_none(raw.get("solution"))
        self.feedback = _feedback_map(raw.get("feedback"))
        examples = raw.get("examples") or {}
        self.examples = {
            "correct": list(examples.get("correct", []) or []),
            "wrong": list(examples.get("wrong", []) or []),
        }
        self._widget = None

    # -- grading -----------------------------------------------------------------------
    def grade(self, response) -> GradeResult:
        """Grade a response (pure: no widgets, no I/O); never raises for a learner's input."""
        try:
            parsed = self._parse(response)
        except _Invalid as bad:
            return GradeResult(
                self.id, 0.0, False, attempted=False, valid=False,
                feedback=bad.message, message=bad.message, response=_jsonable(response),
            )
        except (TypeError, ValueError, OverflowError, RecursionError):
            message = ui("bad_answer_shape")
            return GradeResult(
                self.id, 0.0, False, attempted=False, valid=False,
                feedback=message, message=message, response=_jsonable(response),
            )
        if parsed is _NOT_ATTEMPTED:
            message = ui("not_attempted")
            return GradeResult(
                self.id, 0.0, False, attempted=False, feedback=message, message=message,
                response=_jsonable(response),
            )
        if self.redacted:
            message = ui("recorded_only")
            return GradeResult(
                self.id, 0.0, False, attempted=True, graded=False, feedback=message,
                message=message, response=_jsonable(parsed),
            )
        return self._score(parsed)

    def _parse(self, response):  # pragma: no cover - every type defines it
        raise NotImplementedError

    def _score(self, parsed) -> GradeResult:  # pragma: no cover - every type defines it
        raise NotImplementedError

    def _result(self, items: list[ItemResult], score: float, parsed) -> GradeResult:
        attempted = any(item.attempted for item in items) if items else True
        correct = score >= 1.0 - 1e-12
        if correct:
            feedback = self.feedback.get("correct", ui("correct"))
        else:
            feedback = self.feedback.get("wrong", ui("wrong"))
            right = sum(item.correct for item in items)
            if items and 0 < score and len(items) > 1:
                feedback = ui("partly_correct", right=right, total=len(items)) + " " + feedback
        message = None if attempted else ui("not_attempted")
        return GradeResult(
            self.id, round(max(0.0, min(1.0, score)), 6), correct, attempted, items=tuple(items),
            feedback=feedback, message=message, response=_jsonable(parsed),
        )

    def empty_response(self):
        return None

    def answer_text(self) -> Bilingual:
        """The answer key written out (used by "Show solution" when there is no solution text)."""
        return Bilingual("", "")

    @property
    def effective_mode(self) -> str:
        return state.effective_mode(self)

    # -- display -----------------------------------------------------------------------
    @property
    def widget(self):
        if self._widget is None:
            from course.exercises.widgets import make_widget

            self._widget = make_widget(self)
        return self._widget

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)

    def __repr__(self) -> str:
        return f"Exercise {self.id} ({self.type})"


def _jsonable(value):
    """The response as JSON-able data (what the progress store keeps)."""
    try:
        json.dumps(value, ensure_ascii=False)
        return value
    except (TypeError, ValueError, OverflowError, RecursionError):
        text = repr(value)
        return text[:200] + ("..." if len(text) > 200 else "")


class ClozeExercise(Exercise):
    """Running text with blanks ``[[answer|alternative :: tip]]``; one typed text per blank."""

    type = "cloze"

    def __init__(self, raw, **kw):
        super().__init__(raw, **kw)
        self.text = str(raw.get("text", ""))
        self.case_sensitive = bool(raw.get("case_sensitive", False))
        self.word_bank = bool(raw.get("word_bank", False))
        self.typo_tolerance = bool(raw.get("typo_tolerance", True)) and not self.word_bank
        self.real_words = bool(raw.get("real_words", True))
        self.forms = bool(raw.get("forms", True))
        blank_rules = list(raw.get("blank_rules", []) or [])
        self.distractors = [str(d) for d in raw.get("distractors", []) or []]
        blank_feedback = list(raw.get("blank_feedback", []) or [])
        self.segments: list[str | Blank] = []
        self.blanks: list[Blank] = []
        pos = 0
        for m in BLANK.finditer(self.text):
            if m.start() > pos:
                self.segments.append(self.text[pos : m.start()])
            body, _, tip = m.group(1).partition("::")
            answers = tuple(a.strip() for a in body.split("|"))
            n = len(self.blanks)
            if self.redacted and answers == ("?",):
                answers = ()
            elif not all(answers):
                raise DefinitionError("text", f"blank {n + 1} ({m.group(0)!r}) has an empty answer")
            fb = blank_feedback[n] if n < len(blank_feedback) else None
            rules = blank_rules[n] if n < len(blank_rules) and blank_rules[n] else {}
            forms = self.forms if rules.get("forms") is None else bool(rules["forms"])
            blank = Blank(
                n, answers, _bilingual_or_none(tip.strip() or None), _feedback_map(fb),
                typos=self.typo_tolerance and bool(rules.get("typo_tolerance", True)),
                real_words=bool(rules.get("real_words", self.real_words)),
                forms=ALL_FORMS if forms else NO_FORMS,
                typo_forms=tuple(str(t) for t in rules.get("typos", []) or []),
            )
            self.blanks.append(blank)
            self.segments.append(blank)
            pos = m.end()
        if pos < len(self.text):
            self.segments.append(self.text[pos:])
        if not self.blanks:
            raise DefinitionError("text", "a cloze needs at least one blank written [[answer]]")
        if len(blank_rules) > len(self.blanks):
            raise DefinitionError(
                "blank_rules",
                f"{len(blank_rules)} entries for {len(self.blanks)} blanks (one per blank)",
            )
        if len(blank_feedback) > len(self.blanks):
            raise DefinitionError(
                "blank_feedback",
                f"{len(blank_feedback)} entries for {len(self.blanks)} blanks (one per blank)",
            )
        self._choices = [str(c) for c in raw.get("choices", []) or []]
        if self.word_bank and not self.redacted:
            keys = {normalize(a) for b in self.blanks for a in b.answers}
            for d in self.distractors:
                if normalize(d) in keys:
                    raise DefinitionError("distractors", f"distractor {d!r} is also an answer")

    def word_bank_choices(self) -> list[str]:
        """The word bank: every blank's first answer plus the distractors, shuffled by id."""
        if self._choices:
            return list(self._choices)
        seen, words = set(), []
        for word in [b.answers[0] for b in self.blanks if b.answers] + self.distractors:
            if word not in seen:
                seen.add(word)
                words.append(word)
        return _seeded_shuffle(words, f"{self.id}:word-bank")

    def empty_response(self):
        return [""] * len(self.blanks)

    def _parse(self, response):
        n = len(self.blanks)
        if response is None:
            return _NOT_ATTEMPTED
        if isinstance(response, str) and n == 1:
            response = [response]
        if not isinstance(response, list | tuple):
            raise _Invalid(ui("bad_list_of_texts", n=n))
        if len(response) != n:
            raise _Invalid(ui("bad_blank_count", n=n, given=len(response)))
        texts = [_check_text(value, i + 1) for i, value in enumerate(response)]
        if not any(t.strip() for t in texts):
            return _NOT_ATTEMPTED
        return texts

    def _score(self, texts) -> GradeResult:
        items = []
        for blank, given in zip(self.blanks, texts, strict=True):
            attempted = bool(given.strip())
            m = match_text(
                given, blank.answers, case_sensitive=self.case_sensitive, typos=blank.typos,
                forms=blank.forms, real_words=blank.real_words, typo_forms=blank.typo_forms,
            ) if attempted else None
            ok = bool(m and m.ok)
            fb = (blank.feedback or {}).get("correct" if ok else "wrong") if attempted else None
            if ok and m.typo:
                note = ui("typo_accepted", answer=m.matched)
                fb = note if fb is None else note + " " + fb
            items.append(ItemResult(
                blank.index, ui("blank_label", n=blank.index + 1), list(blank.answers), given,
                ok, attempted, m.matched if ok else None, bool(ok and m.typo), fb,
                m.rule if ok else None,
            ))
        score = sum(i.correct for i in items) / len(items)
        return self._result(items, score, texts)

    def filled_text(self) -> str:
        return "".join(s if isinstance(s, str) else (s.answers[0] if s.answers else "____")
                       for s in self.segments)

    def answer_text(self) -> Bilingual:
        text = self.filled_text()
        return Bilingual(text, text)


class ChoiceExercise(Exercise):
    """Options to pick from: one (single_choice) or several (multiple_choice)."""

    def __init__(self, raw, **kw):
        super().__init__(raw, **kw)
        self.type = raw["type"]
        self.multiple = self.type == "multiple_choice"
        self.options = [
            Option(i, as_bilingual(o.get("text")), bool(o.get("correct", False)),
                   _bilingual_or_none(o.get("feedback")))
            for i, o in enumerate(raw.get("options", []))
        ]
        n_correct = sum(o.correct for o in self.options)
        if not self.redacted:
            if not self.multiple and n_correct != 1:
                raise DefinitionError(
                    "options", f"a single_choice needs exactly one correct option, found {n_correct}"
                )
            if self.multiple and n_correct < 1:
                raise DefinitionError("options", "a multiple_choice needs at least one correct option")
        keys = [normalize(o.text.en) for o in self.options]
        for i, key in enumerate(keys):
            if key in keys[:i]:
                raise DefinitionError(f"options[{i}].text", f"option {o_text(self, i)!r} is repeated")
        self.correct_indexes = [o.index for o in self.options if o.correct]

    def empty_response(self):
        return [] if self.multiple else None

    def _parse(self, response):
        last = len(self.options) - 1
        if response is None:
            return _NOT_ATTEMPTED
        if not self.multiple:
            if not _is_int(response) or not 0 <= operator.index(response) <= last:
                raise _Invalid(ui("bad_option", last=last))
            return operator.index(response)
        if _is_int(response):
            response = [response]
        if not isinstance(response, list | tuple | set | frozenset):
            raise _Invalid(ui("bad_options", last=last))
        picks = []
        for value in response:
            if not _is_int(value) or not 0 <= operator.index(value) <= last:
                raise _Invalid(ui("bad_options", last=last))
            if operator.index(value) not in picks:
                picks.append(operator.index(value))
        if not picks:
            return _NOT_ATTEMPTED
        return sorted(picks)

    def _score(self, parsed) -> GradeResult:
        picked = {parsed} if not self.multiple else set(parsed)
        items = [
            ItemResult(
                o.index, o.text, o.correct, o.index in picked, (o.index in picked) == o.correct,
                True, feedback=o.feedback if o.index in picked else None,
            )
            for o in self.options
        ]
        if self.multiple:
            right = sum(1 for i in picked if self.options[i].correct)
            wrong = len(picked) - right
            score = max(0, right - wrong) / len(self.correct_indexes)
        else:
            score = 1.0 if self.options[parsed].correct else 0.0
        result = self._result(items, score, parsed)
        if not self.multiple:  # one option's feedback says more than "1 of 4 right"
            chosen = self.options[parsed]
            fb = self.feedback.get("correct" if chosen.correct else "wrong",
                                   ui("correct" if chosen.correct else "wrong"))
            result = GradeResult(**{**result.__dict__, "feedback": fb})
        return result

    def answer_text(self) -> Bilingual:
        chosen = [self.options[i].text for i in self.correct_indexes]
        return Bilingual("; ".join(t.en for t in chosen), "；".join(t.zh for t in chosen))


def o_text(exercise: ChoiceExercise, i: int) -> str:
    return exercise.options[i].text.en


class TrueFalseExercise(Exercise):
    """A statement (the prompt) that is true or false."""

    type = "true_false"

    def __init__(self, raw, **kw):
        super().__init__(raw, **kw)
        self.answer = raw.get("answer")
        if not self.redacted and not isinstance(self.answer, bool):
            raise DefinitionError("answer", "a true_false needs `answer: true` or `answer: false`")

    def _parse(self, response):
        if response is None:
            return _NOT_ATTEMPTED
        if not _is_bool(response):
            raise _Invalid(ui("bad_bool"))
        return bool(response)

    def _score(self, parsed) -> GradeResult:
        ok = parsed == self.answer
        label = ui("tf_label")
        items = [ItemResult(0, label, self.answer, parsed, ok, True)]
        return self._result(items, 1.0 if ok else 0.0, parsed)

    def answer_text(self) -> Bilingual:
        return ui("tf_true" if self.answer else "tf_false")


class MatchingExercise(Exercise):
    """Left items to pair with right items; a response maps each left key to a right key."""

    type = "matching"

    def __init__(self, raw, **kw):
        super().__init__(raw, **kw)
        if self.redacted and "pairs" not in raw:
            self.pairs = []
            lefts = [as_bilingual(v) for v in raw.get("lefts", [])]
            rights = [as_bilingual(v) for v in raw.get("rights", [])]
            self._released_rights = rights
        else:
            self.pairs = [(as_bilingual(a), as_bilingual(b)) for a, b in raw.get("pairs", [])]
            lefts = [a for a, _ in self.pairs]
            rights = [b for _, b in self.pairs] + [as_bilingual(d) for d in raw.get("distractors", []) or []]
            self._released_rights = None
        self.left_items = lefts
        self.lefts = [text_key(a) for a in lefts]
        self.right_items = []
        seen = set()
        for r in rights:
            if text_key(r) not in seen:
                seen.add(text_key(r))
                self.right_items.append(r)
        self.rights = [text_key(r) for r in self.right_items]
        self.key = {text_key(a): text_key(b) for a, b in self.pairs}
        norm_lefts = [normalize(k) for k in self.lefts]
        for i, k in enumerate(norm_lefts):
            if k in norm_lefts[:i]:
                raise DefinitionError(f"pairs[{i}]", f"left item {self.lefts[i]!r} is repeated")
        if not self.lefts:
            raise DefinitionError("pairs", "a matching exercise needs at least one pair")
        keys = {normalize(b) for b in self.key.values()}
        for d in raw.get("distractors", []) or []:
            if normalize(text_key(d)) in keys:
                raise DefinitionError("distractors", f"distractor {text_key(d)!r} is also a right item")
        self._left_lookup = {normalize(k): k for k in self.lefts}
        self._right_lookup = {normalize(k): k for k in self.rights}

    def right_choices(self) -> list[str]:
        """The right-hand keys in the order shown to learners (shuffled by id)."""
        if self._released_rights is not None:
            return list(self.rights)
        return _seeded_shuffle(self.rights, f"{self.id}:rights")

    def right_item(self, key: str) -> Bilingual:
        return self.right_items[self.rights.index(key)]

    def empty_response(self):
        return {}

    def _parse(self, response):
        if response is None:
            return _NOT_ATTEMPTED
        if not isinstance(response, Mapping):
            raise _Invalid(ui("bad_mapping"))
        parsed = {}
        for k, v in response.items():
            if not isinstance(k, str):
                raise _Invalid(ui("bad_mapping"))
            left = self._left_lookup.get(normalize(k))
            if left is None:
                raise _Invalid(ui("unknown_left", item=k[:60]))
            if v is None or (isinstance(v, str) and not v.strip()):
                continue
            if not isinstance(v, str):
                raise _Invalid(ui("bad_mapping"))
            right = self._right_lookup.get(normalize(v))
            if right is None:
                raise _Invalid(ui("unknown_right", item=v[:60]))
            parsed[left] = right
        if not parsed:
            return _NOT_ATTEMPTED
        return parsed

    def _score(self, parsed) -> GradeResult:
        items = []
        for i, (left, item) in enumerate(zip(self.lefts, self.left_items, strict=True)):
            given = parsed.get(left)
            ok = given is not None and given == self.key[left]
            items.append(ItemResult(i, item, self.key[left], given, ok, given is not None))
        score = sum(i.correct for i in items) / len(items)
        return self._result(items, score, parsed)

    def answer_text(self) -> Bilingual:
        return Bilingual(
            "\n".join(f"{a.en} → {b.en}" for a, b in self.pairs),
            "\n".join(f"{a.zh} → {b.zh}" for a, b in self.pairs),
        )


class OrderingExercise(Exercise):
    """Items to put in order; a response lists every item's key once."""

    type = "ordering"

    def __init__(self, raw, **kw):
        super().__init__(raw, **kw)
        self.items = [as_bilingual(v) for v in raw.get("items", [])]
        self.keys = [text_key(v) for v in self.items]
        self.all_or_nothing = bool(raw.get("all_or_nothing", False))
        norm = [normalize(k) for k in self.keys]
        for i, k in enumerate(norm):
            if k in norm[:i]:
                raise DefinitionError(f"items[{i}]", f"item {self.keys[i]!r} is repeated")
        if len(self.items) < 2:
            raise DefinitionError("items", "an ordering exercise needs at least two items")
        self._lookup = {k: key for k, key in zip(norm, self.keys, strict=True)}

    def start_order(self) -> list[str]:
        """The order the items are first shown in: shuffled by id, never already right."""
        if self.redacted:
            return list(self.keys)
        order = _seeded_shuffle(self.keys, f"{self.id}:order")
        if order == self.keys:
            order = order[1:] + order[:1]
        return order

    def item(self, key: str) -> Bilingual:
        return self.items[self.keys.index(key)]

    def empty_response(self):
        return None

    def _parse(self, response):
        n = len(self.keys)
        if response is None:
            return _NOT_ATTEMPTED
        if not isinstance(response, list | tuple) or len(response) == 0:
            if isinstance(response, list | tuple):
                return _NOT_ATTEMPTED
            raise _Invalid(ui("bad_order", n=n))
        if not all(isinstance(v, str) for v in response) or len(response) != n:
            raise _Invalid(ui("bad_order", n=n))
        parsed = [self._lookup.get(normalize(v)) for v in response]
        if None in parsed or len(set(parsed)) != n:
            raise _Invalid(ui("bad_order", n=n))
        return parsed

    def _score(self, parsed) -> GradeResult:
        items = [
            ItemResult(i, ui("position_label", n=i + 1), expected, given, expected == given, True,
                       feedback=None)
            for i, (expected, given) in enumerate(zip(self.keys, parsed, strict=True))
        ]
        right = sum(i.correct for i in items)
        score = (1.0 if right == len(items) else 0.0) if self.all_or_nothing else right / len(items)
        return self._result(items, score, parsed)

    def answer_text(self) -> Bilingual:
        return Bilingual(
            "  ".join(f"{i + 1}. {t.en}" for i, t in enumerate(self.items)),
            "  ".join(f"{i + 1}. {t.zh}" for i, t in enumerate(self.items)),
        )


class NumericExercise(Exercise):
    """A number with its unit (12, 1,299.50, ¥12, 15%, 24 hours, 6.3万亿); right within a tolerance.

    ``measures`` says what the number is (hours, days, times, percent, money in a ``currency``,
    a count...), ``magnitude`` the scale the answer is written in (``trillion``): a response in
    another unit, currency or magnitude is wrong, with feedback that names the one expected.
    """

    type = "numeric"

    def __init__(self, raw, **kw):
        super().__init__(raw, **kw)
        answer = raw.get("answer")
        if not self.redacted and (not isinstance(answer, int | float) or isinstance(answer, bool)):
            raise DefinitionError("answer", "a numeric exercise needs a number as `answer`")
        try:
            self.answer = float(answer) if answer is not None else None
        except OverflowError:
            raise DefinitionError("answer", "the answer is too large a number") from None
        self.tolerance = float(raw.get("tolerance", 0) or 0)
        self.relative_tolerance = float(raw.get("relative_tolerance", 0) or 0)
        if self.tolerance < 0 or self.relative_tolerance < 0:
            raise DefinitionError("tolerance", "a tolerance cannot be negative")
        unit = _bilingual_or_none(raw.get("unit"))
        try:
            self.spec = numeric_spec(raw.get("measures"), raw.get("currency"),
                                     raw.get("magnitude"), unit.en if unit else None)
        except SpecError as bad:
            raise DefinitionError(bad.field, str(bad)) from None
        if unit is None:
            en, zh = self.spec.unit_names()
            unit = Bilingual(en, zh) if en else None
        self.unit_text: Bilingual | None = unit
        self.unit = unit.en if unit else None  # the English unit, as before

    def _parse(self, response):
        if response is None or (isinstance(response, str) and not response.strip()):
            return _NOT_ATTEMPTED
        quantity = parse_quantity(response)
        if quantity is None:
            raise _Invalid(ui("bad_number"))
        return quantity

    def _score(self, parsed) -> GradeResult:
        judged = judge_quantity(self.spec, parsed)
        ok = judged.value is not None and numbers_match(
            judged.value, self.answer, self.tolerance, self.relative_tolerance)
        note = None
        if judged.problem:
            note = ui(f"wrong_{judged.problem}", **judged.fields)
        elif not ok and parsed.magnitude and parsed.magnitude != self.spec.magnitude:
            note = ui("wrong_magnitude", **judged.fields)
        given = judged.value if judged.value is not None else parsed.value
        items = [ItemResult(0, ui("number_label"), self.answer, given, ok, True,
                            feedback=note, rule=judged.rule if ok else None)]
        result = self._result(items, 1.0 if ok else 0.0, given)
        if note is not None:
            result = GradeResult(**{**result.__dict__, "feedback": note + " " + result.feedback})
        return result

    def answer_text(self) -> Bilingual:
        value = f"{self.answer:g}"
        parts = []
        for unit in ((self.unit_text.en, self.unit_text.zh) if self.unit_text else ("", "")):
            sep = "" if unit in ("%", "") or not unit.isascii() else " "
            text = f"{value}{sep}{unit}"
            if self.tolerance:
                text += f" (± {self.tolerance:g})"
            elif self.relative_tolerance:
                text += f" (± {self.relative_tolerance:.0%})"
            parts.append(text)
        return Bilingual(*parts)


CLASSES: dict[str, type[Exercise]] = {
    "cloze": ClozeExercise,
    "single_choice": ChoiceExercise,
    "multiple_choice": ChoiceExercise,
    "true_false": TrueFalseExercise,
    "matching": MatchingExercise,
    "ordering": OrderingExercise,
    "numeric": NumericExercise,
}


def build_exercise(raw: Mapping, *, lesson: str = "", source: str = "") -> Exercise:
    """An Exercise of the class its ``type`` names (raises DefinitionError on nonsense)."""
    return CLASSES[raw["type"]](raw, lesson=lesson, source=source)


# ----------------------------------------------------------------------------- containers


class _ExerciseMap(Mapping):
    """Exercises by id, with a friendly error for an unknown id."""

    _what = "bank"

    def __init__(self, exercises: list[Exercise]):
        self._by_id = {ex.id: ex for ex in exercises}

    def __getitem__(self, exercise_id: str) -> Exercise:
        try:
            return self._by_id[exercise_id]
        except (KeyError, TypeError):
            close = difflib.get_close_matches(str(exercise_id), list(self._by_id), n=3)
            hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
            raise UnknownExerciseError(
                f"No exercise {exercise_id!r} in this {self._what}.{hint} "
                f"本{'课' if self._what == 'lesson' else '题库'}中没有练习 {exercise_id!r}。"
            ) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)

    @property
    def ids(self) -> list[str]:
        return list(self._by_id)

    @property
    def exercises(self) -> list[Exercise]:
        return list(self._by_id.values())


class Lesson(_ExerciseMap):
    """The exercises of one lesson, indexable by id."""

    _what = "lesson"

    def __init__(self, slug: str, title: Bilingual, exercises: list[Exercise], source: str = ""):
        super().__init__(exercises)
        self.slug = slug
        self.title = title
        self.source = source

    def reveal(self, ids=None) -> None:
        """Show the solutions of these exercises (default: all of the lesson) in class mode."""
        state.reveal(self.ids if ids is None else ([ids] if isinstance(ids, str) else list(ids)))

    def self_check(self):
        """A table that grades every exercise's examples: proof that the answer keys hold."""
        import pandas as pd

        rows = []
        for ex in self.exercises:
            if ex.redacted:
                rows.append((ex.id, ex.type, ex.mode, "-", "-", "key held by instructor"))
                continue
            good = sum(ex.grade(r).correct for r in ex.examples["correct"])
            bad = sum(
                (lambda g: g.valid and g.attempted and not g.correct)(ex.grade(r))
                for r in ex.examples["wrong"]
            )
            n_good, n_bad = len(ex.examples["correct"]), len(ex.examples["wrong"])
            ok = good == n_good and bad == n_bad and n_good and n_bad
            rows.append((ex.id, ex.type, ex.mode, f"{good}/{n_good}", f"{bad}/{n_bad}",
                         "✓ ok" if ok else "✗ CHECK THE KEY"))
        return pd.DataFrame(
            rows,
            columns=["exercise", "type", "mode", "right answers accepted",
                     "wrong answers rejected", "key"],
        )

    def header(self):
        """The lesson header: title, time, language switch and this learner's progress."""
        from course.exercises.widgets import lesson_header

        return lesson_header(self)

    def nav(self):
        """Links to the previous lesson, the index and the next lesson."""
        from course.exercises.course_map import lesson_nav

        return lesson_nav(self.slug)

    def __repr__(self) -> str:
        return f"Lesson {self.slug}: {self.title.en} ({len(self)} exercises)"


class Bank(_ExerciseMap):
    """Every exercise of one or more bank files, by id, with ``.lessons`` by slug."""

    def __init__(self, lessons: list[Lesson]):
        super().__init__([ex for lesson in lessons for ex in lesson.exercises])
        self.lessons = {lesson.slug: lesson for lesson in lessons}

    def __repr__(self) -> str:
        return f"Bank: {len(self.lessons)} lessons, {len(self)} exercises"
