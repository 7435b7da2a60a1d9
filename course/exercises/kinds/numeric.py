"""Numeric: a number typed as a learner writes it (12, 1,299.50, ¥12, 15%); right within a
tolerance."""
from __future__ import annotations

from course.errors import DefinitionError
from course.exercises.kinds.base import NOT_ATTEMPTED, Exercise, Invalid
from course.exercises.matching import numbers_match, parse_number
from course.exercises.results import GradeResult, ItemResult
from course.messages import ui
from course.text import Bilingual


class NumericExercise(Exercise):
    """A number, typed as 12, 1,299.50, ¥12 or 15%; right within a tolerance."""

    types = ("numeric",)
    short = {"numeric": "num"}
    widget_class = "course.exercises.widgets.types:NumericWidget"

    def __init__(self, raw, **kw):
        super().__init__(raw, **kw)
        answer = raw.get("answer")
        if not self.redacted and (not isinstance(answer, int | float) or isinstance(answer, bool)):
            raise DefinitionError("answer", "a numeric exercise needs a number as `answer`")
        self.answer = float(answer) if answer is not None else None
        self.tolerance = float(raw.get("tolerance", 0) or 0)
        self.relative_tolerance = float(raw.get("relative_tolerance", 0) or 0)
        if self.tolerance < 0 or self.relative_tolerance < 0:
            raise DefinitionError("tolerance", "a tolerance cannot be negative")
        self.unit = raw.get("unit")

    def shape_problem(self, response) -> Bilingual | None:
        """Whatever a learner can type goes into the box; Check says if it is not a number."""
        ok = isinstance(response, str | int | float) and not isinstance(response, bool)
        return None if ok or response is None else ui("bad_number")

    def _parse(self, response):
        if response is None or (isinstance(response, str) and not response.strip()):
            return NOT_ATTEMPTED
        number = parse_number(response, percent_unit=self.unit == "%")
        if number is None:
            raise Invalid(ui("bad_number"))
        return number

    def _score(self, parsed) -> GradeResult:
        ok = numbers_match(parsed, self.answer, self.tolerance, self.relative_tolerance)
        items = [ItemResult(0, ui("number_label"), self.answer, parsed, ok, True)]
        return self._result(items, 1.0 if ok else 0.0, parsed)

    def answer_text(self) -> Bilingual:
        value = f"{self.answer:g}"
        unit = self.unit or ""
        sep = "" if unit in ("%", "") else " "
        text = f"{value}{sep}{unit}"
        if self.tolerance:
            text += f" (± {self.tolerance:g})"
        elif self.relative_tolerance:
            text += f" (± {self.relative_tolerance:.0%})"
        return Bilingual(text, text)

    # -- instructor tools -------------------------------------------------------------------
    def redact(self, raw, rng=None) -> dict:
        return {"unit": raw["unit"]} if "unit" in raw else {}
