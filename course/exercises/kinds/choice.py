"""Single and multiple choice: options to pick from, one or several.

Each option has a stable ``key`` (explicit in the bank, else derived from its English text). A
response names options by key; plain indexes into the authored order (how responses were stored
before keys existed) are still read. Options are shown in an order seeded by learner and
exercise id (:meth:`ChoiceExercise.display_order`), unless the exercise says ``shuffle: false``;
nothing about grading, the report or the student copy depends on the order on screen.
"""
from __future__ import annotations

import hashlib
import operator
import random
import re
from dataclasses import dataclass

from course.errors import DefinitionError
from course.exercises.kinds import lint_rules
from course.exercises.kinds.base import (
    NOT_ATTEMPTED,
    Exercise,
    Invalid,
    bank_views,
    bilingual_or_none,
    is_int,
    normalized_unique,
)
from course.exercises.results import GradeResult, ItemResult
from course.exercises.text_match import normalize
from course.messages import ui
from course.text import Bilingual, as_bilingual


@dataclass(frozen=True)
class Option:
    """One option of a choice exercise."""

    index: int
    text: Bilingual
    correct: bool
    feedback: Bilingual | None = None
    key: str = ""


_KEY_CHARS = re.compile(r"[^0-9a-z\u4e00-\u9fff]+")


def option_key(text: str) -> str:
    """The key derived from an option's English text: "Grade 2" -> "grade-2" (40 chars at most)."""
    key = _KEY_CHARS.sub("-", normalize(text)).strip("-")[:40].strip("-")
    return key or "option"


def display_order(n: int, learner: str, exercise_id: str) -> list[int]:
    """A permutation of range(n) seeded by learner and exercise id (stable across runs)."""
    digest = hashlib.sha256(f"{learner}\x00{exercise_id}\x00options".encode()).digest()
    order = list(range(n))
    random.Random(int.from_bytes(digest[:8], "big")).shuffle(order)
    return order


SCHEMA = {
    "options": {"type": "array", "minItems": 2, "items": {
        "type": "object", "required": ["text"], "additionalProperties": False,
        "properties": {
            "text": {"$ref": "#/$defs/text"},
            "correct": {"type": "boolean"},
            "feedback": {"$ref": "#/$defs/text"},
            "key": {"type": "string", "pattern": "^[0-9a-z\u4e00-\u9fff][0-9a-z\u4e00-\u9fff-]{0,39}$",
                    "description": "a stable name for the option (default: derived from its "
                                   "English text); responses store it"},
        }}},
    "shuffle": {"type": "boolean",
                "description": "choice: show the options in an order seeded by learner and "
                               "exercise id (default true); false keeps the authored order (a "
                               "scale, 'none of these')"},
}


class ChoiceExercise(Exercise):
    """Options to pick from: one (single_choice) or several (multiple_choice)."""

    types = ("single_choice", "multiple_choice")
    short = {"single_choice": "single", "multiple_choice": "multi"}
    # the badges; the feedback texts (multi_partial, multi_cancelled): course/catalogue/learner.json
    messages = {
        "type_single_choice": ("Choose one", "单选"),
        "type_multiple_choice": ("Choose all that apply", "多选"),
    }
    widget_class = "course.exercises.widgets.types:ChoiceWidget"
    # printed papers (course.materials), bank exporters and importers (course.bankio)
    views = bank_views("course.materials.printview:print_choice", "ChoiceCodec",
                       {"web": "course.live.webviews:ChoiceView"})
    schema = SCHEMA
    required, required_redacted = ("options", "examples"), ("options",)
    # read every option; weighing several right ones takes longer than finding one
    minutes = {"single_choice": 1.0, "multiple_choice": 1.5}
    lint = lint_rules.choice

    def option_texts(self):
        return [o.text for o in self.options]

    def __init__(self, raw, **kw):
        super().__init__(raw, **kw)
        self.multiple = self.type == "multiple_choice"
        self.shuffle = bool(raw.get("shuffle", True))
        self.options = []
        seen: set[str] = set()
        for i, o in enumerate(raw.get("options", [])):
            text = as_bilingual(o.get("text"))
            explicit = o.get("key")
            key = str(explicit) if explicit is not None else option_key(text.en)
            if explicit is not None and key in seen:
                raise DefinitionError(f"options[{i}].key", f"the key {key!r} is used twice")
            base, n = key, 2
            while key in seen:  # derived keys of texts that differ only in punctuation
                key, n = f"{base}-{n}", n + 1
            seen.add(key)
            self.options.append(Option(i, text, bool(o.get("correct", False)),
                                       bilingual_or_none(o.get("feedback")), key))
        self._by_key = {o.key: o.index for o in self.options}
        self._check_key()
        self.correct_indexes = [o.index for o in self.options if o.correct]

    def display_order(self, learner: str) -> list[int]:
        """The authored indexes of the options in the order this learner sees them."""
        if not self.shuffle:
            return list(range(len(self.options)))
        return display_order(len(self.options), str(learner), self.seed_id)

    def option_index(self, value) -> int | None:
        """The authored index of an option named by key (or by a legacy index); None if none."""
        if isinstance(value, str):
            return self._by_key.get(value)
        if is_int(value) and 0 <= operator.index(value) < len(self.options):
            return operator.index(value)
        return None

    def _check_key(self) -> None:
        n_correct = sum(o.correct for o in self.options)
        if not self.redacted:
            if not self.multiple and n_correct != 1:
                raise DefinitionError(
                    "options", f"a single_choice needs exactly one correct option, found {n_correct}"
                )
            if self.multiple and n_correct < 1:
                raise DefinitionError("options", "a multiple_choice needs at least one correct option")
        normalized_unique([o.text.en for o in self.options], "options[{i}].text", "option")

    def answer_phrases(self) -> list[tuple[str, str]]:
        """(field, phrase): the right options of three words or more, whose text just above
        the item gives it away, and (several right options) the heads of the right and of the
        wrong options: the cells above that name every right one give the item away."""
        right = [o for o in self.options if o.correct]
        out: list = [(f"options[{o.index}].text", o.text.en) for o in right
                     if len(o.text.en.split()) >= 3]
        if len(right) >= 2:  # every right option named above: their heads, before "(" or ":"
            def heads(correct):
                return tuple(re.split(r"\s*[(:]", o.text.en)[0] for o in self.options
                             if o.correct == correct)
            out.append(("options", (heads(True), heads(False))))
        return out

    def empty_response(self):
        return [] if self.multiple else None

    def _index(self, value, key: str) -> int:
        index = self.option_index(value)
        if index is None:
            raise Invalid(ui(key, last=len(self.options) - 1))
        return index

    def _parse(self, response):
        """The picked options' keys (a key, or a list of keys in authored order)."""
        if response is None:
            return NOT_ATTEMPTED
        if not self.multiple:
            return self.options[self._index(response, "bad_option")].key
        if is_int(response) or isinstance(response, str):
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
        return [self.options[i].key for i in sorted(picks)]

    def _score(self, keys) -> GradeResult:
        parsed = self._by_key[keys] if not self.multiple else [self._by_key[k] for k in keys]
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
        result = self._result(items, score, keys)
        if self.multiple:
            return self._explain_partial(result, picked)
        if not self.multiple:  # one option's feedback says more than "1 of 4 right"
            chosen = self.options[parsed]
            fb = self.feedback.get("correct" if chosen.correct else "wrong",
                                   ui("correct" if chosen.correct else "wrong"))
            result = GradeResult(**{**result.__dict__, "feedback": fb})
        return result

    def _explain_partial(self, result: GradeResult, picked: set[int]) -> GradeResult:
        """A multiple choice that is not all right says plainly what was chosen ("2 of the 3
        right answers chosen, no wrong one: 67%"; a wrong pick cancels a right one), not
        "4 of 5 right" beside 67% and no formula (issue 28: noise for B1 learners)."""
        right = sum(1 for i in picked if self.options[i].correct)
        wrong = len(picked) - right
        if result.correct or right == 0:
            return result
        total = len(self.correct_indexes)
        key = ("multi_partial_clean" if wrong == 0 else
               "multi_partial" if right > wrong else "multi_cancelled")
        note = ui(key, right=right, wrong=wrong, total=total,
                  percent=f"{100 * max(0, right - wrong) / total:.0f}")
        feedback = note + " " + self.feedback.get("wrong", ui("wrong"))
        return GradeResult(**{**result.__dict__, "feedback": feedback})

    def answer_text(self) -> Bilingual:
        chosen = [self.options[i].text for i in self.correct_indexes]
        return Bilingual("; ".join(t.en for t in chosen), "；".join(t.zh for t in chosen))

    # -- instructor tools -------------------------------------------------------------------
    def redact(self, raw, rng=None) -> dict:
        out = {"options": [{"text": o["text"], **({"key": o["key"]} if "key" in o else {})}
                           for o in raw.get("options", [])]}
        if "shuffle" in raw:
            out["shuffle"] = raw["shuffle"]
        return out

    @classmethod
    def key_texts(cls, raw) -> list:
        return [o.get("feedback") for o in raw.get("options") or [] if isinstance(o, dict)]

    def choice_options(self):
        return (tuple(o.text.en for o in self.options),
                frozenset(o.index for o in self.options if o.correct))

    def picked_options(self, response):
        values = response if isinstance(response, list) else [response]
        picks = frozenset(i for i in (self.option_index(v) if type(v) in (int, str) else None
                                      for v in values) if i is not None)
        return picks or None

    def describe(self, response) -> str:
        picks = response if isinstance(response, list) else [response]
        indexes = [self.option_index(p) if type(p) in (int, str) else None for p in picks]
        if picks and None not in indexes:
            return "; ".join(self.options[i].text.en for i in indexes)
        return super().describe(response)
