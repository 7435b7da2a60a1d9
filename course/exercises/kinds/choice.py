"""Single and multiple choice: options to pick from, one or several."""
from __future__ import annotations

import operator
from dataclasses import dataclass

from course.errors import DefinitionError
from course.exercises.kinds.base import (
    NOT_ATTEMPTED,
    Exercise,
    Invalid,
    bilingual_or_none,
    is_int,
)
from course.exercises.matching import normalize
from course.exercises.results import GradeResult, ItemResult
from course.messages import ui
from course.text import Bilingual, as_bilingual


@dataclass(frozen=True)
class Option:
    """One option of a choice exercise."""

    index: int
    text: Bilingual
    correct: bool
    feedback: Bilingual | None = None


class ChoiceExercise(Exercise):
    """Options to pick from: one (single_choice) or several (multiple_choice)."""

    types = ("single_choice", "multiple_choice")
    short = {"single_choice": "single", "multiple_choice": "multi"}
    widget_class = "course.exercises.widgets.types:ChoiceWidget"

    def __init__(self, raw, **kw):
        super().__init__(raw, **kw)
        self.multiple = self.type == "multiple_choice"
        self.options = [
            Option(i, as_bilingual(o.get("text")), bool(o.get("correct", False)),
                   bilingual_or_none(o.get("feedback")))
            for i, o in enumerate(raw.get("options", []))
        ]
        self._check_key()
        self.correct_indexes = [o.index for o in self.options if o.correct]

    def _check_key(self) -> None:
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
                raise DefinitionError(f"options[{i}].text",
                                      f"option {self.options[i].text.en!r} is repeated")

    def empty_response(self):
        return [] if self.multiple else None

    def _index(self, value, key: str) -> int:
        last = len(self.options) - 1
        if not is_int(value) or not 0 <= operator.index(value) <= last:
            raise Invalid(ui(key, last=last))
        return operator.index(value)

    def _parse(self, response):
        if response is None:
            return NOT_ATTEMPTED
        if not self.multiple:
            return self._index(response, "bad_option")
        if is_int(response):
            response = [response]
        if not isinstance(response, list | tuple | set | frozenset):
            raise Invalid(ui("bad_options", last=len(self.options) - 1))
        picks = []
        for value in response:
            index = self._index(value, "bad_options")
            if index not in picks:
                picks.append(index)
        if not picks:
            return NOT_ATTEMPTED
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

    # -- instructor tools -------------------------------------------------------------------
    def redact(self, raw, rng=None) -> dict:
        return {"options": [{"text": o["text"]} for o in raw.get("options", [])]}

    @classmethod
    def key_texts(cls, raw) -> list:
        return [o.get("feedback") for o in raw.get("options") or [] if isinstance(o, dict)]

    def describe(self, response) -> str:
        picks = response if isinstance(response, list) else [response]
        if picks and all(type(i) is int and 0 <= i < len(self.options) for i in picks):
            return "; ".join(self.options[i].text.en for i in picks)
        return super().describe(response)
