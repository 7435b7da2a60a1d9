"""Numeric: a number with its unit, typed as a learner writes it (12, 1,299.50, ¥12, 15%, 24 hours,
21天, 6.3万亿); right within a tolerance, in the declared unit, currency and magnitude."""
from __future__ import annotations

from dataclasses import replace

from course.errors import DefinitionError
from course.exercises.kinds.base import (
    NOT_ATTEMPTED,
    Exercise,
    Invalid,
    bilingual_or_none,
    jsonable,
)
from course.exercises.matching import (
    SpecError,
    judge_quantity,
    numbers_match,
    numeric_spec,
    parse_quantity,
)
from course.exercises.results import GradeResult, ItemResult
from course.messages import ui
from course.text import Bilingual


class NumericExercise(Exercise):
    """A number with its unit (12, 1,299.50, ¥12, 15%, 24 hours, 6.3万亿); right within a tolerance.

    ``measures`` says what the number is (hours, days, times, percent, money in a ``currency``,
    a count...), ``magnitude`` the scale the answer is written in (``trillion``): a response in
    another unit, currency or magnitude is wrong, with feedback that names the one expected.
    """

    types = ("numeric",)
    messages = {
        "wrong_unit": ("The answer is in {unit_en}, not in {given_en}.",
                       "答案的单位是{unit_zh}，不是{given_zh}。"),
        "wrong_no_unit": ("The answer is a plain number, without {given_en}.",
                          "答案是一个纯数字，不带{given_zh}。"),
        "wrong_currency": ("The answer is in {unit_en}, not in {given_en}.",
                           "答案的货币是{unit_zh}，不是{given_zh}。"),
        "wrong_magnitude": ("Check the magnitude: the answer is in {unit_en}, not in {given_en}.",
                            "请检查数量级：答案的单位是{unit_zh}，不是{given_zh}。"),
    }
    short = {"numeric": "num"}
    widget_class = "course.exercises.widgets.types:NumericWidget"
    views = {"print": "course.materials.printview:print_numeric"}

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

    # -- instructor tools -------------------------------------------------------------------
    def redact(self, raw, rng=None) -> dict:
        return {"unit": raw["unit"]} if "unit" in raw else {}
