"""True or false: a statement (the prompt) to judge."""
from __future__ import annotations

from course.errors import DefinitionError
from course.exercises.kinds.base import NOT_ATTEMPTED, Exercise, Invalid, bank_views, is_bool
from course.exercises.results import GradeResult, ItemResult
from course.messages import ui
from course.text import Bilingual


class TrueFalseExercise(Exercise):
    """A statement (the prompt) that is true or false."""

    types = ("true_false",)
    short = {"true_false": "t/f"}
    widget_class = "course.exercises.widgets.types:TrueFalseWidget"
    # printed papers (course.materials), bank exporters and importers (course.bankio)
    views = bank_views("course.materials.printview:print_true_false", "TrueFalseCodec",
                       {"web": "course.live.webviews:TrueFalseView"})
    schema = {"answer": {"type": "boolean"}}
    required = ("answer", "examples")
    messages = {"type_true_false": ("True or false", "判断对错")}
    minutes = {"true_false": 0.5}  # one statement to read and judge

    def option_texts(self):
        return [ui("tf_true"), ui("tf_false")]

    def __init__(self, raw, **kw):
        super().__init__(raw, **kw)
        self.answer = raw.get("answer")
        if not self.redacted and not isinstance(self.answer, bool):
            raise DefinitionError("answer", "a true_false needs `answer: true` or `answer: false`")

    def _parse(self, response):
        if response is None:
            return NOT_ATTEMPTED
        if not is_bool(response):
            raise Invalid(ui("bad_bool"))
        return bool(response)

    def _score(self, parsed) -> GradeResult:
        ok = parsed == self.answer
        items = [ItemResult(0, ui("tf_label"), self.answer, parsed, ok, True)]
        return self._result(items, 1.0 if ok else 0.0, parsed)

    def answer_text(self) -> Bilingual:
        return ui("tf_true" if self.answer else "tf_false")

    # The student copy keeps only the question: the key is the `answer` field itself.

    def choice_options(self):
        return ("True", "False"), frozenset({0 if self.answer else 1})

    def picked_options(self, response):
        return frozenset({0 if response else 1}) if isinstance(response, bool) else None

    def describe(self, response) -> str:
        if isinstance(response, bool):
            return "True" if response else "False"
        return super().describe(response)
