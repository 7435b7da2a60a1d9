"""Numeric: a number with its unit, typed as a learner writes it (12, 1,299.50, ¥12, 15%, 24 hours,
21天, 6.3万亿); right within a tolerance, in the declared unit, currency and magnitude."""
from __future__ import annotations

import copy
from dataclasses import replace

from course.errors import DefinitionError
from course.exercises.kinds import lint_rules
from course.exercises.kinds.base import (
    NOT_ATTEMPTED,
    Exercise,
    Invalid,
    bank_views,
    bilingual_or_none,
    jsonable,
)
from course.exercises.kinds.numeric_forms import Form, parse_forms
from course.exercises.quantities import (
    SpecError,
    judge_quantity,
    numbers_match,
    numeric_spec,
    parse_quantity,
)
from course.exercises.results import GradeResult, ItemResult
from course.messages import ui
from course.text import Bilingual

_ENGLISH_NUMBERS = dict(enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split()))


def _both_units(unit: Bilingual) -> list[str]:
    return [u for u in (unit.en, unit.zh) if u]


SCHEMA = {
    "answer": {"type": "number"},
    "tolerance": {"type": "number", "minimum": 0},
    "relative_tolerance": {"type": "number", "minimum": 0, "maximum": 1},
    "unit": {"$ref": "#/$defs/text",
             "description": "the unit shown beside the box, e.g. {en: hours, zh: 小时}; default "
                            "from `measures`"},
    "measures": {"enum": ["number", "count", "percent", "times", "hours", "days", "minutes",
                          "weeks", "months", "years", "money"],
                 "description": "numeric: what the number measures; a response in another unit "
                                "is wrong"},
    "currency": {"enum": ["USD", "CNY", "EUR", "GBP"],
                 "description": "numeric with `measures: money`: the currency of the answer"},
    "magnitude": {"enum": ["thousand", "ten_thousand", "million", "hundred_million", "billion",
                           "trillion"],
                  "description": "numeric: the scale the answer is written in (answer 6.3 with "
                                 "magnitude trillion is 6.3 trillion)"},
    "bound": {"enum": ["upper"], "description": "numeric: the answer is a maximum; "
              "'within 24 hours' and 'at most 24' are the same answer"},
    "accept_range": {"type": "array", "items": {"type": "number"}, "minItems": 2,
                     "maxItems": 2, "description": "numeric: a range a learner may type "
                     "for the answer, [low, high], e.g. [12, 24] for '12-24 hours'"},
    "too_high": {"$ref": "#/$defs/text",
                 "description": "numeric: the feedback for a wrong number above the answer (in "
                                "its unit), shown instead of feedback.wrong: what was counted "
                                "that should not be ('too many: ...'); never the answer itself"},
    "too_low": {"$ref": "#/$defs/text",
                "description": "numeric: the feedback for a wrong number below the answer (in "
                               "its unit), shown instead of feedback.wrong: what was left out "
                               "('too few: ...'); never the answer itself"},
    "exam_forms": {"type": "object", "required": ["numbers", "answer"],
              "properties": {"numbers": {"type": "object",
                                         "additionalProperties": {"type": "number"}},
                             "answer": {"type": "string"}},
              "patternProperties": {"^[A-Z]$": {"type": "object",
                                                "additionalProperties": {"type": "number"}}},
              "additionalProperties": False,
              "description": "numeric: per-form numbers for printed exam papers: `numbers` "
                             "names numbers of the prompt ({before: 250}), `answer` is the "
                             "answer as a formula of them (before * 1.2), and each form "
                             "(B: {before: 150}) gives its values; the online item is unchanged"},
}


class NumericExercise(Exercise):
    """A number with its unit (12, 1,299.50, ¥12, 15%, 24 hours, 6.3万亿); right within a tolerance.

    ``measures`` says what the number is (hours, days, times, percent, money in a ``currency``,
    a count...), ``magnitude`` the scale the answer is written in (``trillion``): a response in
    another unit, currency or magnitude is wrong, with feedback that names the one expected.

    A teacher reads past "about"/"约" before a right number and a counted noun after it ("204
    people"). ``bound: upper`` says the answer is a maximum ("at most how many hours?"): then
    "within 24 hours", "24小时内", "no later than 24 hours" are the same answer; elsewhere they
    are wrong, with feedback asking for the number itself. ``accept_range: [12, 24]`` accepts
    that range ("12-24 hours") where the lesson teaches the answer as one.
    """

    types = ("numeric",)
    schema = SCHEMA
    required = ("answer", "examples")
    minutes = {"numeric": 2.0}  # work the number out (often on paper or in a cell), then type it
    lint = lint_rules.numeric
    # the badge; its feedback texts (wrong_unit, as_percent, ...) are in course/catalogue/learner.json
    messages = {"type_numeric": ("Give a number", "数值题")}
    short = {"numeric": "num"}
    widget_class = "course.exercises.widgets.types:NumericWidget"
    # printed papers (course.materials), bank exporters and importers (course.bankio)
    views = bank_views("course.materials.printview:print_numeric", "NumericCodec",
                       {"web": "course.live.webviews:NumericView"})

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
        self.bound = raw.get("bound")
        accept_range = raw.get("accept_range")
        self.accept_range = tuple(float(x) for x in accept_range) if accept_range else None
        if self.accept_range and (len(self.accept_range) != 2
                                  or self.accept_range[0] >= self.accept_range[1]):
            raise DefinitionError("accept_range", "write the range as [low, high], low < high")
        unit = bilingual_or_none(raw.get("unit"))
        try:
            self.spec = numeric_spec(raw.get("measures"), raw.get("currency"),
                                     raw.get("magnitude"), unit.en if unit else None)
        except SpecError as bad:
            raise DefinitionError(bad.field, str(bad)) from None
        if unit is None:
            en, zh = self.spec.unit_names()
            unit = Bilingual(en, zh) if en else None
        self.unit_text: Bilingual | None = unit  # shown beside the box, in the learner's language
        self.unit = unit.en if unit else None  # the English unit, as before
        # the feedback for a wrong number above or below the answer (instead of feedback.wrong)
        self.too_high = bilingual_or_none(raw.get("too_high"))
        self.too_low = bilingual_or_none(raw.get("too_low"))
        self.exam_forms: dict[str, Form] = {}  # paper forms with other numbers (numeric_forms)
        self.working: str | None = None  # in a form's variant: "150 × 1.2 = 180"
        if raw.get("exam_forms") is not None and not self.redacted:
            if self.accept_range:
                raise DefinitionError("exam_forms", "an item with `accept_range` cannot vary its "
                                               "numbers (the range would not follow them)")
            self.exam_forms = parse_forms(raw["exam_forms"], self.prompt, self.answer, self._near)

    def for_form(self, form: str) -> NumericExercise:
        """This item as paper ``form`` prints it: the form's numbers in the prompt, its answer
        (graded by this same kind) and its working instead of the solution; the item itself
        when the form keeps the bank's numbers."""
        chosen = self.exam_forms.get(form)
        if chosen is None:
            return self
        variant = copy.copy(self)
        variant.prompt, variant.answer, variant.working = chosen.prompt, chosen.answer, \
            chosen.working
        variant.solution, variant.exam_forms, variant._widget = None, {}, None
        variant.examples = {"correct": [chosen.answer], "wrong": []}
        return variant

    def shape_problem(self, response) -> Bilingual | None:
        """Whatever a learner can type goes into the box; Check says if it is not a number."""
        ok = isinstance(response, str | int | float) and not isinstance(response, bool)
        return None if ok or response is None else ui("bad_number")

    def grade(self, response) -> GradeResult:
        """As for every kind; a number typed with a unit, currency or magnitude is kept as typed
        ("¥21", "24 hours"), so that re-grading sees them too (a plain number is kept as one)."""
        result = super().grade(response)
        q = parse_quantity(response) if result.valid and result.attempted else None
        if q is not None:
            extras = q.unit or q.currency or q.magnitude or q.number_words
            kept = response if extras and isinstance(response, str) else q.value
            result = replace(result, response=jsonable(kept))
        return result

    def _parse(self, response):
        if response is None or (isinstance(response, str) and not response.strip()):
            return NOT_ATTEMPTED
        quantity = parse_quantity(response)
        if quantity is None:
            raise Invalid(ui("bad_number"))
        return quantity

    def _score(self, parsed) -> GradeResult:
        judged = judge_quantity(self.spec, parsed)
        ok = judged.value is not None and self._matches(judged.value)
        note = self._note(parsed, judged)
        if note is not None and judged.problem is None:
            ok = False  # a range or a "within" the exercise does not take
        if note is None and ok and parsed.decimal_comma:  # "181,84": right, and said how
            note = ui("decimal_comma_read", point=f"{parsed.value:.2f}")
        given = judged.value if judged.value is not None else parsed.value
        items = [ItemResult(0, ui("number_label"), self.answer, given, ok, True,
                            feedback=note, rule=judged.rule if ok else None)]
        result = self._result(items, 1.0 if ok else 0.0, given)
        direction = self._direction(judged.value) if not ok and note is None else None
        if direction is not None:  # which way the number is wrong, instead of feedback.wrong
            result = replace(result, feedback=direction)
        if note is not None:
            result = GradeResult(**{**result.__dict__, "feedback": note + " " + result.feedback})
        return result

    def _direction(self, value: float | None) -> Bilingual | None:
        """The bank's ``too_high`` or ``too_low`` for a wrong ``value`` in the answer's unit
        (None when the bank gives none for that side, or the value cannot be compared)."""
        if value is None or self.answer is None:
            return None
        return self.too_high if value > self.answer else self.too_low

    def _matches(self, value: float) -> bool:
        return numbers_match(value, self.answer, self.tolerance, self.relative_tolerance)

    def _note(self, parsed, judged) -> Bilingual | None:
        """What to tell a learner beside the verdict (None when nothing needs saying)."""
        if judged.problem:
            return ui(f"wrong_{judged.problem}", **judged.fields)
        if judged.low is not None:
            wanted = self.accept_range
            if wanted and self._near(judged.low, wanted[0]) and self._near(judged.value,
                                                                           wanted[1]):
                return None
            return ui("one_number")
        if parsed.bound and self.bound != "upper":
            return ui("bound_not_asked")
        if parsed.magnitude and parsed.magnitude != self.spec.magnitude and not self._matches(
                judged.value):
            return ui("wrong_magnitude", **judged.fields)
        if (self.spec.measures == "percent" and parsed.unit is None and 0 < abs(parsed.value) <= 1
                and self._matches(parsed.value * 100)):
            return ui("as_percent", given=f"{parsed.value:g}", percent=f"{parsed.value * 100:g}")
        return None

    def _near(self, value: float, expected: float) -> bool:
        return numbers_match(value, expected, self.tolerance, self.relative_tolerance)

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

    def answer_phrases(self) -> list[tuple[str, str]]:
        """(field, phrase): the answer with its unit ("51%", "24 hours", "5 times", "five
        times"), whose presence just above the item gives it away."""
        if self.answer is None or not self.unit_text:
            return []
        value, out = f"{self.answer:g}", []
        for unit in dict.fromkeys(_both_units(self.unit_text)):
            sep = "" if unit == "%" or not unit.isascii() else " "
            out.append(("answer", f"{value}{sep}{unit}"))
            word = _ENGLISH_NUMBERS.get(self.answer)
            if word and unit.isascii() and unit != "%":
                out.append(("answer", f"{word} {unit}"))
        return out

    # -- instructor tools -------------------------------------------------------------------
    def redact(self, raw, rng=None) -> dict:
        return {"unit": raw["unit"]} if "unit" in raw else {}

    @classmethod
    def key_texts(cls, raw) -> list:
        """The feedback by direction: it says what was over- or under-counted."""
        return [raw[f] for f in ("too_high", "too_low") if raw.get(f)]
