"""The toolkit's answer to a question, shown only when the learner asks for it.

A lesson cell tagged ``answer-check`` runs a toolkit decision for a question the learner answers
just above it. In JupyterLab the learner runs that cell after answering, but Voila runs every
cell at once, so its output would show the answer under the question. The cell's result is this
widget instead: a button "Check with the toolkit / 用工具核对" and an empty output; the toolkit
is called only on the click, and a second click hides the answer again.

    course.check_with_toolkit(crm.complaint_decisions, morning)
"""
from __future__ import annotations

import functools

import ipywidgets as w

from course import session as state
from course.errors import CourseError
from course.exercises.widgets.style import html_text, style_widget, ui_text
from course.text import Bilingual


class ToolkitCheck(w.VBox):
    """A button that computes and shows ``compute(*args, **kwargs)`` on request (``show()`` and
    ``hide()`` are the path of the clicks; ``shown`` says whether the answer is on screen)."""

    def __init__(self, compute, *args, **kwargs):
        super().__init__()
        if not callable(compute):
            raise TypeError("check_with_toolkit needs a toolkit function, e.g. "
                            "course.check_with_toolkit(crm.complaint_decisions, morning)")
        self._compute = functools.partial(compute, *args, **kwargs)
        self.shown = False
        self.result = None
        self._button = w.Button(layout=w.Layout(width="auto"))
        self._button.add_class("course-toolkit-check")
        self._button.on_click(lambda _b: self.toggle())
        self._answer = w.Output()
        self._answer.add_class("course-toolkit-answer")
        self.children = [style_widget(), self._button, self._answer]
        self.layout = w.Layout(align_items="flex-start")  # the button as wide as its label
        self.add_class("course-toolkit")
        state.on_language_change(self._relabel)
        self._relabel()

    def __repr__(self) -> str:
        # the text/plain of the cell (a notebook opened without widget state, nbval)
        return ui_text("toolkit_check_note", state.get_language())

    def show(self):
        """Call the toolkit and show its answer; returns the answer (None after an error,
        which is shown as a message, never a traceback)."""
        self._answer.outputs = ()
        error = None
        with self._answer:  # in a kernel, what the toolkit prints goes there too
            try:
                self.result = self._compute()
            except CourseError as exc:  # (inside: the Output would show a traceback)
                self.result, error = None, Bilingual(str(exc), str(exc))
        if error is not None:
            self._answer.append_display_data(_message(error))
        elif self.result is not None:
            self._answer.append_display_data(self.result)
        self.shown = True
        self._relabel()
        return self.result

    def hide(self) -> None:
        """Take the answer off the screen (the button shows it again)."""
        self._answer.outputs = ()
        self.shown = False
        self._relabel()

    def toggle(self) -> None:
        """The button's click: show the answer, or hide it when it is shown."""
        if self.shown:
            self.hide()
        else:
            self.show()

    def _relabel(self, lang: str | None = None) -> None:
        lang = lang or state.get_language()
        key = "btn_toolkit_hide" if self.shown else "btn_toolkit_check"
        self._button.description = ui_text(key, lang)
        self._button.tooltip = ui_text("tip_toolkit_check", lang)
        self._button.button_style = "" if self.shown else "info"


class _message:
    """An error text shown as HTML in the answer's place."""

    def __init__(self, text: Bilingual):
        self.text = text

    def _repr_html_(self) -> str:
        return f'<div class="course-no">⚠ {html_text(self.text, state.get_language())}</div>'

    def __repr__(self) -> str:
        return self.text.render(state.get_language())


def check_with_toolkit(compute, *args, **kwargs) -> ToolkitCheck:
    """The toolkit's answer on request: ``compute(*args, **kwargs)`` runs only when the learner
    presses "Check with the toolkit" (the cell of a lesson tagged ``answer-check``)."""
    return ToolkitCheck(compute, *args, **kwargs)


__all__ = ["ToolkitCheck", "check_with_toolkit"]
