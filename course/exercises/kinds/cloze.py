"""Cloze: running text with blanks ``[[answer|alternative :: tip]]``; one typed text per blank."""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from course.errors import DefinitionError
from course.exercises.kinds import lint_rules
from course.exercises.kinds.base import (
    NOT_ATTEMPTED,
    Exercise,
    Invalid,
    bank_views,
    bilingual_or_none,
    check_text,
    feedback_map,
    secret_shuffle,
    seeded_shuffle,
)
from course.exercises.quantities import decimal_point, parse_quantity
from course.exercises.results import GradeResult, ItemResult
from course.exercises.text_match import (
    ALL_FORMS,
    NO_FORMS,
    Forms,
    TextMatch,
    match_text,
    normalize,
)
from course.messages import ui
from course.text import Bilingual

#: A blank in cloze text: ``[[answer|alternative :: tip]]`` (the group is what is inside).
BLANK = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)
#: What a blank becomes in the student copy of an assessment item.
REDACTED_BLANK = "[[?]]"


def check_brackets(text: str) -> None:
    """Raise DefinitionError for a ``[[`` without its ``]]``, a ``]]`` without its ``[[``, or a
    blank inside a blank: a learner would see the brackets as text."""
    depth, opened = 0, 0
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        if pair == "[[":
            if depth:
                raise DefinitionError("text", f"a blank opens inside another blank at character "
                                              f"{i + 1} ({_near(text, i)!r}); blanks cannot nest")
            depth, opened = 1, i
            i += 2
        elif pair == "]]":
            if not depth:
                raise DefinitionError("text", f"a blank closes with ]] at character {i + 1} "
                                              f"({_near(text, i)!r}) but was never opened with [[")
            depth = 0
            i += 2
        else:
            i += 1
    if depth:
        raise DefinitionError("text", f"the blank opened at character {opened + 1} "
                                      f"({_near(text, opened)!r}) is never closed with ]]")


_WORDS_BEFORE = re.compile(r"(?:^|[^\w\s'-]\s*|\s)((?:[^\W\d_][\w'-]*\s+){1,3})$")
_WORDS_AFTER = re.compile(r"^\s+((?:[^\W\d_][\w'-]*)(?:\s+[^\W\d_][\w'-]*){0,2})")
_UNIT_AFTER_RANGE = re.compile(r"^\s+(?:to|-|or|至|到)\s+\[\[[^\]]*\]\]\s*([^\W\d_][\w]*)")


def _around(text: str, start: int, end: int) -> tuple[str, str]:
    """Up to three words just before and just after a blank, when only spaces separate them
    from it ("cash on [[delivery]]", "[[24]] hours after"); "" where the blank touches
    punctuation or another blank."""
    before = text[max(0, start - 60):start]
    after = text[end:end + 60]
    b = _WORDS_BEFORE.search(before) if not before.rstrip().endswith("]]") else None
    a = _WORDS_AFTER.match(after)
    return (" ".join(b.group(1).split()) if b else "", " ".join(a.group(1).split()) if a else "")


def _unit_after(text: str, end: int, around_after: str) -> str | None:
    """The unit the text puts after a blank: "hours" of "[[24]] hours", and of "[[12]] to
    [[24]] hours" for the first blank of the range too."""
    m = _UNIT_AFTER_RANGE.match(text[end:end + 80])
    for word in (around_after.split(" ")[0] if around_after else "", m.group(1) if m else ""):
        unit = parse_quantity(f"1 {word}") if word else None
        if unit and unit.unit and unit.unit != "percent":
            return unit.unit
        if unit and unit.currency and not unit.unit:  # "[[185]] USD", "spent [[181.84]] dollars"
            return CURRENCY + unit.currency
    return None


#: ``Blank.unit_after`` of a blank the text follows with a currency: this prefix and its code.
CURRENCY = "currency:"


def _near(text: str, i: int) -> str:
    return text[max(0, i - 15) : i + 20]


def redact_cloze_text(value):
    """Cloze text (a string or {en:, zh:}) with every blank's key replaced by ``[[?]]``."""
    if isinstance(value, dict):
        return {k: redact_cloze_text(v) for k, v in value.items()}
    return BLANK.sub(REDACTED_BLANK, str(value))


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
    around: tuple[str, str] = ("", "")  # up to three words just before and after it
    unit_after: str | None = None  # the unit the text puts after it ("hours" of "[[24]] hours")
    yes_no: bool = False  # a yes/no question: the leading yes or no decides (``_yes_no``)


YES_NO = ("yes", "no")
_FIRST_WORD = re.compile(r"[^\W\d_]+")


def _yes_no(blank: Blank, given: str) -> TextMatch:
    """A yes/no blank's answer with words after the yes or no ("no she cannot use", "No, it
    keeps breaking"): right when its first word is the blank's yes or no and the other word
    is not among the rest (the blank asks for the one word; the rest is a restatement)."""
    if not blank.answers:
        return TextMatch(None)
    words = _FIRST_WORD.findall(normalize(given))
    right = normalize(blank.answers[0])
    other = YES_NO[1 - YES_NO.index(right)]
    if len(words) > 1 and words[0] == right and other not in words[1:]:
        return TextMatch(blank.answers[0], ("yes_no",))
    return TextMatch(None)


BLANK_MEMO_SIZE = 4096  # distinct (blank, answer) grades an exercise keeps


@lru_cache(maxsize=256)
def _blank_label(index: int) -> Bilingual:
    """"Blank 3" / "第 3 空": the same text for every response (a Bilingual is immutable)."""
    return ui("blank_label", n=index + 1)


def _blanks_not_right(indexes: list[int]) -> Bilingual:
    """"Blanks 2, 4 and 5 are not right yet." / "空格 2、4、5 还不对。" (0-based indexes)."""
    numbers = [str(i + 1) for i in indexes]
    if len(numbers) == 1:
        return ui("blank_not_right", n=numbers[0])
    return ui("blanks_not_right", numbers=", ".join(numbers[:-1]) + " and " + numbers[-1],
              numbers_zh="、".join(numbers))


TEXTS = {"type": "array", "items": {"$ref": "#/$defs/text"}}
SCHEMA = {
    "text": {"type": "string", "minLength": 1},
    "case_sensitive": {"type": "boolean"},
    "typo_tolerance": {"type": "boolean"},
    "real_words": {"type": "boolean",
                   "description": "cloze: a typed common English word is never a typo (default "
                                  "true)"},
    "forms": {"type": "boolean",
              "description": "cloze: accept singular/plural, a leading article, British/American "
                             "spelling and number words (default true)"},
    "word_bank": {"type": "boolean"},
    "distractors": TEXTS,
    "choices": {"type": "array", "items": {"type": "string"}},
    "blank_feedback": {"type": "array",
                       "items": {"anyOf": [{"type": "null"}, {"$ref": "#/$defs/feedback"}]}},
    "blank_rules": {
        "type": "array",
        "description": "cloze: per blank, null or rules that override the exercise's",
        "items": {"anyOf": [{"type": "null"}, {
            "type": "object", "additionalProperties": False,
            "properties": {
                "typo_tolerance": {"type": "boolean"},
                "real_words": {"type": "boolean"},
                "forms": {"type": "boolean"},
                "typos": {"type": "array", "items": {"type": "string", "minLength": 1},
                          "description": "misspellings accepted as typos of the first answer"},
                "yes_no": {"type": "boolean",
                           "description": "the blank answers a yes/no question (its first "
                                          "answer is yes or no): an answer that starts with "
                                          "that word is right whatever words follow it, unless "
                                          "they hold the other word"},
            }}]},
    },
}


class ClozeExercise(Exercise):
    """Running text with blanks ``[[answer|alternative :: tip]]``; one typed text per blank."""

    types = ("cloze",)
    short = {"cloze": "cloze"}
    widget_class = "course.exercises.widgets.types:ClozeWidget"
    # printed papers (course.materials), bank exporters and importers (course.bankio)
    views = bank_views("course.materials.printview:print_cloze", "ClozeCodec",
                       {"moodle-xml": "course.bankio.moodle_text:ClozeCodec",
                        "web": "course.live.webviews:ClozeView"})
    schema = SCHEMA
    required, required_redacted = ("text", "examples"), ("text",)
    messages = {"type_cloze": ("Fill in the blanks", "填空")}
    minutes = {"cloze": 2.0}  # read the text around each blank, recall and type the words
    lint = lint_rules.cloze
    #: what a blank becomes in a student copy, and the redaction of a cloze text (for release
    #: and its tests: ``kinds.kind_of("cloze").redact_text(text)``)
    redacted_blank = REDACTED_BLANK
    redact_text = staticmethod(redact_cloze_text)

    def __init__(self, raw, **kw):
        super().__init__(raw, **kw)
        self.text = str(raw.get("text", ""))
        self.case_sensitive = bool(raw.get("case_sensitive", False))
        self.word_bank = bool(raw.get("word_bank", False))
        self.typo_tolerance = bool(raw.get("typo_tolerance", True)) and not self.word_bank
        self.real_words = bool(raw.get("real_words", True))
        self.forms = bool(raw.get("forms", True))
        self._blank_rules = list(raw.get("blank_rules", []) or [])
        self.distractors = [str(d) for d in raw.get("distractors", []) or []]
        self.segments: list[str | Blank] = []
        self.blanks: list[Blank] = []
        self._split(list(raw.get("blank_feedback", []) or []))
        self._choices = [str(c) for c in raw.get("choices", []) or []]
        if self.word_bank and not self.redacted:
            keys = {normalize(a) for b in self.blanks for a in b.answers}
            for d in self.distractors:
                if normalize(d) in keys:
                    raise DefinitionError("distractors", f"distractor {d!r} is also an answer")

    def _split(self, blank_feedback: list) -> None:
        """Cut the text into plain segments and blanks (brackets must pair up, unnested)."""
        check_brackets(self.text)
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
            rules = self._blank_rules[n] if n < len(self._blank_rules) else None
            rules = rules if isinstance(rules, Mapping) else {}
            forms = self.forms if rules.get("forms") is None else bool(rules["forms"])
            blank = Blank(
                n, answers, bilingual_or_none(tip.strip() or None), feedback_map(fb),
                typos=self.typo_tolerance and bool(rules.get("typo_tolerance", True)),
                real_words=bool(rules.get("real_words", self.real_words)),
                forms=ALL_FORMS if forms else NO_FORMS,
                typo_forms=tuple(str(t) for t in rules.get("typos", []) or []),
                around=_around(self.text, m.start(), m.end()),
                yes_no=bool(rules.get("yes_no", False)),
            )
            if blank.yes_no and answers and normalize(answers[0]) not in YES_NO:
                raise DefinitionError(
                    "blank_rules", f"blank {n + 1} has yes_no but its first answer "
                                   f"{answers[0]!r} is not yes or no")
            unit = _unit_after(self.text, m.end(), blank.around[1])
            if unit:
                blank = replace(blank, unit_after=unit)
            self.blanks.append(blank)
            self.segments.append(blank)
            pos = m.end()
        if pos < len(self.text):
            self.segments.append(self.text[pos:])
        if not self.blanks:
            raise DefinitionError("text", "a cloze needs at least one blank written [[answer]]")
        if len(self._blank_rules) > len(self.blanks):
            raise DefinitionError(
                "blank_rules",
                f"{len(self._blank_rules)} entries for {len(self.blanks)} blanks (one per blank)",
            )
        if len(blank_feedback) > len(self.blanks):
            raise DefinitionError(
                "blank_feedback",
                f"{len(blank_feedback)} entries for {len(self.blanks)} blanks (one per blank)",
            )

    def word_bank_choices(self) -> list[str]:
        """The word bank: every blank's first answer plus the distractors, shuffled by id
        (a student copy's bank holds them in the release's secret order)."""
        if self._choices:
            return list(self._choices)
        return seeded_shuffle(self._bank_words(), f"{self.seed_id}:word-bank")

    def _bank_words(self) -> list[str]:
        seen, words = set(), []
        for word in [b.answers[0] for b in self.blanks if b.answers] + self.distractors:
            if word not in seen:
                seen.add(word)
                words.append(word)
        return words

    def empty_response(self):
        return [""] * len(self.blanks)

    def shape_problem(self, response) -> Bilingual | None:
        """Anything typeable goes into a text blank; only the shape must fit."""
        n = len(self.blanks)
        if response is None:
            return None
        if isinstance(response, str) and n == 1:
            response = [response]
        if not isinstance(response, list | tuple):
            return ui("bad_list_of_texts", n=n)
        if len(response) != n:
            return ui("bad_blank_count", n=n, given=len(response))
        for i, value in enumerate(response):
            if value is not None and not isinstance(value, str):
                return ui("bad_text", n=i + 1)
        return None

    def _parse(self, response):
        if response is None:
            return NOT_ATTEMPTED
        problem = self.shape_problem(response)
        if problem is not None:
            raise Invalid(problem)
        if isinstance(response, str):
            response = [response]
        texts = [check_text(value, i + 1) for i, value in enumerate(response)]
        if not any(t.strip() for t in texts):
            return NOT_ATTEMPTED
        return texts

    def _score(self, texts) -> GradeResult:
        items = [self._grade_blank(blank, given)
                 for blank, given in zip(self.blanks, texts, strict=True)]
        score = sum(i.correct for i in items) / len(items)
        result = self._result(items, score, texts)
        wrong = [i.index for i in items if i.attempted and not i.correct]
        if wrong and len(wrong) < len(items):
            # which blanks to change, by number (never the words that go in them): "Some gaps
            # need another word" alone leaves a learner guessing which (issue 28, reader 23)
            feedback = _blanks_not_right(wrong) + " " + self.feedback.get("wrong", ui("wrong"))
            # each wrong blank's own clue where the bank gives one (blank_feedback: a hint
            # such as "Grade 3: how many hours are one day?", never the answer), by number
            for item in items:
                if item.index in wrong and item.feedback:
                    feedback = feedback + " " + ui("blank_clue", n=item.index + 1,
                                                   why=item.feedback.en, why_zh=item.feedback.zh)
            if score > 0:  # the count first, as base._result puts it: "Partly correct: 1 of 5"
                feedback = ui("partly_correct", right=sum(i.correct for i in items),
                              total=len(items)) + " " + feedback
            result = replace(result, feedback=feedback)
        return result

    def _grade_blank(self, blank: Blank, given: str) -> ItemResult:
        """The grade of one blank. A class types the same few answers into a blank again and
        again (a report re-grades thousands), and the grade depends on nothing else, so each
        exercise keeps the (frozen) results of up to ``BLANK_MEMO_SIZE`` distinct answers."""
        memo = self.__dict__.setdefault("_blank_memo", {})
        key = (blank.index, given)
        result = memo.get(key)
        if result is None:
            result = self._grade_blank_afresh(blank, given)
            if len(memo) < BLANK_MEMO_SIZE:
                memo[key] = result
        return result

    def _grade_blank_afresh(self, blank: Blank, given: str) -> ItemResult:
        attempted = bool(given.strip())
        m = self._match(blank, given) if attempted else None
        ok = bool(m and m.ok)
        fb = (blank.feedback or {}).get("correct" if ok else "wrong") if attempted else None
        if ok and m.typo:
            note = ui("typo_accepted", answer=m.matched)
            fb = note if fb is None else note + " " + fb
        if ok and "decimal_comma" in m.rules:
            note = ui("decimal_comma_read", point=decimal_point(given.strip()))
            fb = note if fb is None else note + " " + fb
        return ItemResult(
            blank.index, _blank_label(blank.index), list(blank.answers), given,
            ok, attempted, m.matched if ok else None, bool(ok and m.typo), fb,
            m.rule if ok else None,
        )

    def _match(self, blank: Blank, given: str) -> TextMatch:
        """The text match (``_match_as_typed``), or for an amount typed with a decimal comma
        ("181,84" for "[[181.84]] dollars") the match of the same text with a point, with the
        rule ``decimal_comma`` (a comma before exactly two digits never groups thousands)."""
        m = self._match_as_typed(blank, given)
        pointed = None if m.ok else decimal_point(given)
        if pointed is None:
            return m
        read = self._match_as_typed(blank, pointed)
        if not read.ok or "typo" in read.rules:
            return m
        return TextMatch(read.matched, tuple(sorted({*read.rules, "decimal_comma"} - {"exact"})))

    def _match_as_typed(self, blank: Blank, given: str) -> TextMatch:
        """The text match, or for a number typed with the unit the text already puts after
        the blank, in any language ("24小时" in "[[24]] hours"), or with the currency the text
        puts after it ("$185" or "185.00" in "[[185]] USD"), the match of its number."""
        m = match_text(
            given, blank.answers, case_sensitive=self.case_sensitive, typos=blank.typos,
            forms=blank.forms, real_words=blank.real_words, typo_forms=blank.typo_forms,
            around=blank.around,
        )
        if not m.ok and blank.yes_no:
            return _yes_no(blank, given)
        if m.ok or blank.unit_after is None:
            return m
        q = parse_quantity(given)
        if q is None or q.magnitude or q.noun:
            return m
        if blank.unit_after.startswith(CURRENCY):  # $185, US$185, 185.00, 185 dollars, USD185
            if q.unit or q.currency not in (None, blank.unit_after[len(CURRENCY):]):
                return m
        elif q.unit != blank.unit_after or q.currency:
            return m
        number = match_text(f"{q.value:g}", blank.answers, forms=blank.forms, typos=False)
        read = {"around", "decimal_comma"} if q.decimal_comma else {"around"}
        return TextMatch(number.matched, tuple(sorted({*number.rules, *read} - {"exact"})))

    def filled_text(self) -> str:
        """The text with every blank filled with its first answer."""
        return "".join(s if isinstance(s, str) else (s.answers[0] if s.answers else "____")
                       for s in self.segments)

    def answer_text(self) -> Bilingual:
        text = self.filled_text()
        return Bilingual(text, text)

    # -- instructor tools -------------------------------------------------------------------
    def redact(self, raw, rng=None) -> dict:
        out = {"text": redact_cloze_text(raw.get("text", ""))}
        if raw.get("word_bank"):
            keys = [b.answers[0] for b in self.blanks if b.answers]
            out["choices"] = [str(c) for c in secret_shuffle(self._bank_words(), rng,
                                                                avoid=keys)]
        return out

    @classmethod
    def key_texts(cls, raw) -> list:
        found = []
        for fb in raw.get("blank_feedback") or []:
            if isinstance(fb, dict):
                found += list(fb.values())
        text = raw.get("text")
        if isinstance(text, str):
            for m in BLANK.finditer(text):
                found.append(m.group(0))  # the marker as written, key included
                found.append(m.group(1).partition("::")[2])  # the tip
        return found

    def answer_phrases(self) -> list[tuple[str, str]]:
        """(field, phrase): each blank's first answer with the (up to) three words before it,
        the key phrase whose presence just above the item gives the blank away, and (three
        blanks or more) all the answers, which named together above give the item away."""
        out = []
        for m, blank in zip(BLANK.finditer(self.text), self.blanks, strict=False):
            if not blank.answers:
                continue
            before = BLANK.sub(lambda b: b.group(1).split("|")[0].split("::")[0].strip(),
                               self.text[:m.start()])
            words = before.split()[-3:]
            if len(words) >= 2:
                out.append((f"text (blank {blank.index + 1})",
                            " ".join(words + [blank.answers[0]])))
        if len(self.blanks) >= 3 and not self.word_bank:  # every answer, in the cells above
            out.append(("text", (tuple(b.answers[0] for b in self.blanks if b.answers), ())))
        return out

    def describe(self, response) -> str:
        if isinstance(response, list):
            return " | ".join(str(r) for r in response)
        return super().describe(response)

    def item_label(self, item) -> str | None:
        return item.label.en
