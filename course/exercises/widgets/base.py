"""The parts every exercise widget shares: buttons, feedback, hints, solution, progress.

The widgets only draw: the rules of an attempt (tries, hints, when a solution shows, recording)
are those of :class:`course.exercises.attempt.Attempt`, which each widget owns.
"""
from __future__ import annotations

import asyncio
import functools
import weakref

import ipywidgets as w

from course import session as state
from course.errors import CourseError, InputError
from course.exercises import progress
from course.exercises.attempt import Attempt
from course.exercises.widgets.style import (
    esc,
    html_text,
    revisit_html,
    style_widget,
    ui_html,
    ui_text,
)
from course.messages import ui
from course.text import Bilingual

# Lesson headers that show progress; refreshed after every Check.
_progress_listeners: weakref.WeakSet = weakref.WeakSet()

# After Enter in a text box whose text did not change, check after this long (seconds).
SUBMIT_WAIT_S = 0.25


def on_checked(listener) -> None:
    """Register an object whose ``refresh_progress()`` runs after every Check (held weakly)."""
    _progress_listeners.add(listener)


def _notify_checked() -> None:
    for listener in list(_progress_listeners):
        listener.refresh_progress()


def _pct(score) -> int:
    return int(round(float(score or 0) * 100))


def friendly(method):
    """Run a button or keyboard handler so that a learner never sees a traceback."""

    @functools.wraps(method)
    def run(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except CourseError as exc:
            self._show_error(Bilingual(str(exc), str(exc)))
        except Exception as exc:  # pragma: no cover - a bug must not reach the learner as a traceback
            self._show_error(ui("widget_error", error=f"{type(exc).__name__}: {exc}"))
        return None

    return run


def _attempt_field(name: str) -> property:
    """A widget attribute that reads and writes the same attribute of its Attempt."""
    return property(lambda self: getattr(self.attempt, name),
                    lambda self, value: setattr(self.attempt, name, value))


def _html(css_class: str) -> w.HTML:
    html = w.HTML()
    html.add_class(css_class)
    return html


def button(classes: tuple = ()) -> w.Button:
    b = w.Button(layout=w.Layout(width="auto"))
    for c in classes:
        b.add_class(c)
    return b


class ExerciseWidget(w.VBox):
    """One exercise as a widget. ``answer(response)`` then ``check()`` is the path of a click."""

    css_type = ""

    def __init__(self, exercise):
        super().__init__()
        self.exercise = exercise
        self.attempt = Attempt(exercise)
        self._notices: list[Bilingual] = []
        self._error: Bilingual | None = None
        self._quiet = False  # True while controls are set from code (no "changed" handling)
        self._pending_submit = None  # the text box where Enter was pressed, until its text comes
        self._submit_timer = None

        self._head = _html("course-head")
        self._prompt = _html("course-prompt")
        self._body = self._build_body()
        self._buttons = self._build_buttons()
        self._score_bar = w.FloatProgress(min=0.0, max=1.0, value=0.0,
                                          layout=w.Layout(width="220px"))
        self._score_bar.add_class("course-score-bar")
        self._score_text = _html("course-score-text")
        self._scoreline = w.HBox([self._score_text, self._score_bar])
        self._scoreline.add_class("course-scoreline")
        self._feedback = _html("course-feedback")
        self._hints = _html("course-hints")
        self._solution = _html("course-solution")
        self._notice = _html("course-notice")
        self.children = [style_widget(), self._head, self._prompt, self._body, self._buttons,
                         self._scoreline, self._feedback, self._hints, self._solution,
                         self._notice]
        self.add_class("course-exercise")
        self.add_class(f"course-{self.css_type or exercise.type.replace('_', '-')}")
        self.add_class(f"course-type-{exercise.type.replace('_', '-')}")
        self.add_class(f"course-id-{_css_ident(exercise.id)}")

        state.on_language_change(self._on_language)
        state.on_reveal(self._on_reveal)
        state.on_mode_change(self._on_mode)
        self._restore()
        self._take_notices()
        self._relabel()

    def _build_buttons(self) -> w.HBox:
        self._check_btn = button(("course-check",))
        self._check_btn.button_style = "primary"
        self._hint_btn = button(("course-hint",))
        self._solution_btn = button(("course-show-solution",))
        self._retry_btn = button(("course-retry",))
        self._reveal_btn = button(("course-reveal",))
        self._reveal_btn.button_style = "warning"
        self._check_btn.on_click(lambda _b: self._click_check())
        self._hint_btn.on_click(lambda _b: self._click(self.hint))
        self._solution_btn.on_click(lambda _b: self._click(self.show_solution))
        self._retry_btn.on_click(lambda _b: self._click(self.retry))
        self._reveal_btn.on_click(lambda _b: self._click(self._reveal_click))
        buttons = w.HBox([self._check_btn, self._hint_btn, self._solution_btn,
                          self._retry_btn, self._reveal_btn])
        buttons.add_class("course-buttons")
        return buttons

    # -- what tests and notebooks call -----------------------------------------------------
    def __repr__(self) -> str:
        # the text/plain a lesson shows before its cells have run (Voila, a notebook opened
        # without widget state): a note saying what to do, not a raw placeholder
        return ui_text("run_cell_note", state.get_language(), id=self.exercise.id)

    @property
    def mode(self) -> str:
        """The exercise's mode in this session."""
        return self.attempt.mode

    # The state of the attempt, as the widget's own attributes (tests and notebooks read them).
    result = _attempt_field("result")
    tries = _attempt_field("tries")
    hints_shown = _attempt_field("hints_shown")
    solution_shown = _attempt_field("solution_shown")
    saved = _attempt_field("saved")
    restored = _attempt_field("restored")

    def response(self):
        """The learner's current response, in the shape the exercise grades."""
        raise NotImplementedError

    def answer(self, response) -> ExerciseWidget:
        """Fill the controls with ``response`` as a learner would (raises InputError if it
        does not fit this exercise)."""
        problem = self._shape_problem(response)
        if problem is not None:
            raise InputError(problem.both(" / "))
        self._quiet = True
        try:
            self._set_response(response)
        finally:
            self._quiet = False
        self._clear_marks()
        return self

    def check(self):
        """Grade the current response, record it, show the feedback; returns the GradeResult."""
        self._error = None
        result = self.attempt.check(self.response())
        self._take_notices()
        self._render()
        _notify_checked()
        return result

    def hint(self) -> Bilingual | None:
        """Show the next hint of the ladder; returns it (None when there is none to show)."""
        self._error = None
        refusal = self.attempt.hint_refusal()
        if refusal is not None:
            self._show_info(ui(refusal))
            return None
        hint = self.attempt.next_hint()
        self._render()
        return hint

    def solution_allowed(self) -> bool:
        """May the solution be shown now, in this mode?"""
        return self.attempt.solution_allowed()

    def show_solution(self) -> Bilingual | None:
        """Show the solution if the mode allows it now; returns it, else None (and says why)."""
        self._error = None
        solution = self.attempt.show_solution()
        if solution is None:
            self._show_info(ui(self.attempt.solution_refusal()))
            return None
        self._render()
        return solution

    def solution_text(self) -> Bilingual:
        """The solution as shown: the bank's text, else the key written out."""
        return self.attempt.solution_text()

    def retry(self) -> ExerciseWidget:
        """Clear the answer, the marks and the solution for a fresh try (hints stay shown)."""
        self._error = None
        self._quiet = True
        try:
            self._set_response(self.exercise.empty_response())
        finally:
            self._quiet = False
        self.attempt.retry()
        self._clear_marks()
        self._render()
        return self

    def refresh(self) -> None:
        """Redraw in the current language and mode (e.g. after ``course.set_mode``)."""
        self._relabel()

    # -- type-specific parts ---------------------------------------------------------------
    def _shape_problem(self, response) -> Bilingual | None:
        """Why ``response`` cannot be put into the controls (None when it can)."""
        return self.exercise.shape_problem(response)

    def _build_body(self) -> w.Widget:
        raise NotImplementedError

    def _set_response(self, response) -> None:
        raise NotImplementedError

    def _relabel_body(self, lang: str) -> None:
        pass

    def _relabel_options(self, control, options, value=None) -> None:
        """New option labels for a choice control, keeping its value (``value`` if given) and
        without the change counting as the learner's."""
        keep = control.value if value is None else value
        self._quiet = True
        try:
            control.options = options
            control.value = keep
        finally:
            self._quiet = False

    def _radio_body(self, options) -> w.VBox:
        """The body of a one-answer widget: radio buttons (kept as ``self._radio``)."""
        self._radio = w.RadioButtons(options=options, value=None, layout=w.Layout(width="auto"))
        self._radio.style.description_width = "0px"
        self._radio.add_class("course-sr")
        self._radio.observe(self._changed, "value")
        body = w.VBox([self._radio])
        body.add_class("course-options")
        return body

    def _show_marks(self, result) -> None:
        pass

    def _clear_marks(self) -> None:
        pass

    def _item_lines(self, result, lang: str) -> list[str]:
        """HTML lines, one per item worth a remark (wrong, or with feedback)."""
        lines = []
        empty = [html_text(item.label, lang) for item in result.items if not item.attempted]
        for item in result.items:
            if not item.attempted:
                continue
            if item.correct:
                if not item.feedback:
                    continue
                mark, word = "✓", ui_text("mark_right", lang)
            else:
                mark, word = "✗", ui_text("mark_wrong", lang)
            line = f"{mark} {html_text(item.label, lang)}: {esc(word)}"
            # a remark the overall feedback already gives (a cloze's clue for a wrong blank)
            # is not said twice
            if item.feedback and item.feedback.en not in str(getattr(result.feedback, "en", "")):
                line += f" · {html_text(item.feedback, lang)}"
            lines.append(f"<li>{line}</li>")
        if empty:
            lines.append(f"<li>– {ui_html('mark_empty', lang)}: {', '.join(empty)}</li>")
        return lines

    # -- events ------------------------------------------------------------------------------
    @friendly
    def _click_check(self):
        return self.check()

    @friendly
    def _click(self, action):
        return action()

    def _changed(self, change=None) -> None:
        """A control changed: the marks of the last Check no longer describe the answer."""
        if self._quiet:
            return
        if self.result is not None:
            self._clear_marks()
        owner = change.get("owner") if isinstance(change, dict) else None
        if owner is not None and owner is self._pending_submit:
            self._submit_now()

    def _submit_from(self, control) -> None:
        """Enter was pressed in ``control``. The front-end sends that event before the box's
        new text, so Check waits for the text (or, if the text did not change, a moment)."""
        self._cancel_submit()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop (driven from a plain script): check at once
            self._click_check()
            return
        self._pending_submit = control
        self._submit_timer = loop.call_later(SUBMIT_WAIT_S, self._submit_now)

    def _submit_now(self) -> None:
        self._cancel_submit()
        self._click_check()

    def _cancel_submit(self) -> None:
        self._pending_submit = None
        if self._submit_timer is not None:
            self._submit_timer.cancel()
            self._submit_timer = None

    @friendly
    def _reveal_click(self):
        state.reveal(self.exercise.id)

    @friendly
    def _on_language(self, lang: str) -> None:
        self._relabel(lang)

    @friendly
    def _on_mode(self, _mode) -> None:
        self.refresh()

    @friendly
    def _on_reveal(self, exercise_id: str) -> None:
        if self.attempt.revealed(exercise_id):
            self._render()

    def _take_notices(self) -> None:
        for notice in progress.pop_notices():
            if notice not in self._notices:
                self._notices.append(notice)

    def _show_info(self, message: Bilingual) -> None:
        self._info = message
        self._render(info=message)

    def _show_error(self, message: Bilingual) -> None:
        self._error = message
        self._render()

    # -- drawing -----------------------------------------------------------------------------
    def _relabel(self, lang: str | None = None) -> None:
        lang = lang or state.get_language()
        ex = self.exercise
        mode = self.mode
        badges = [ui_html(f"type_{ex.type}", lang), ui_html(f"mode_{mode}", lang)]
        title = f" {html_text(ex.title, lang)}" if ex.title else ""
        self._head.value = " ".join(f'<span class="course-badge">{b}</span>' for b in badges) + title
        self._prompt.value = html_text(ex.prompt, lang, block=True)
        self._relabel_body(lang)
        self._apply_mode(lang)
        self._render(lang=lang)

    def _apply_mode(self, lang: str) -> None:
        mode = self.mode
        for m in ("practice", "class", "assessment"):
            (self.add_class if m == mode else self.remove_class)(f"course-mode-{m}")
        assessment = mode == "assessment"
        self._check_btn.description = ui_text("btn_submit" if assessment else "btn_check", lang)
        self._check_btn.tooltip = ui_text("tip_submit" if assessment else "tip_check", lang)
        hints = self.exercise.hints
        if self.hints_shown >= len(hints) and hints:
            self._hint_btn.description = ui_text("btn_no_more_hints", lang)
        elif len(hints) > 1:
            self._hint_btn.description = ui_text("btn_hint_next", lang, n=self.hints_shown + 1,
                                                 total=len(hints))
        else:
            self._hint_btn.description = ui_text("btn_hint", lang)
        self._hint_btn.disabled = not hints or self.hints_shown >= len(hints)
        self._hint_btn.tooltip = ui_text("tip_hint" if hints else "no_hints", lang)
        self._solution_btn.description = ui_text("btn_solution", lang)
        allowed = self.solution_allowed()
        self._solution_btn.disabled = not allowed
        self._solution_btn.tooltip = ui_text("tip_solution" if allowed else "tip_solution_locked",
                                             lang)
        self._retry_btn.description = ui_text("btn_retry", lang)
        self._retry_btn.tooltip = ui_text("tip_retry", lang)
        self._reveal_btn.description = ui_text("btn_reveal", lang)
        self._reveal_btn.tooltip = ui_text("tip_reveal", lang)
        show = {
            self._hint_btn: not assessment and bool(hints),
            self._solution_btn: not assessment and not getattr(self.exercise, "redacted", False),
            self._retry_btn: not assessment,
            self._reveal_btn: mode == "class" and state.presenter()
            and not state.is_revealed(self.exercise.id),
        }
        for widget, visible in show.items():
            widget.layout.display = None if visible else "none"

    def _render(self, lang: str | None = None, info: Bilingual | None = None) -> None:
        """Draw the feedback, score, hints, solution and notices of the attempt's state."""
        lang = lang or state.get_language()
        self._apply_mode(lang)
        parts, score = self._feedback_parts(lang, info)
        self._feedback.value = "".join(parts)
        self._draw_score(score, lang)
        hints = self.attempt.visible_hints()
        self._hints.value = "<ol>" + "".join(
            f"<li><b>{ui_html('hint_n', lang, n=i + 1)}</b>: {html_text(h, lang)}</li>"
            for i, h in enumerate(hints)
        ) + "</ol>" if hints else ""
        self._draw_solution(lang)
        self._notice.value = "".join(
            f"<div>⚠ {html_text(n, lang, block=True)}</div>" for n in self._notices)

    def _feedback_parts(self, lang: str, info: Bilingual | None) -> tuple[list[str], float | None]:
        """The feedback's HTML parts and the score to show (None: no score line)."""
        result, mode = self.result, self.mode
        parts = []
        if self._error is not None:
            parts.append(f'<div class="course-no">⚠ {html_text(self._error, lang)}</div>')
        if info is not None:
            parts.append(f'<div class="course-info">ℹ {html_text(info, lang)}</div>')
        if result is None:
            if self.restored is None:
                return parts, None
            key = "restored_assessment" if mode == "assessment" else "restored"
            when = _local_time(self.restored.get("time"))
            note = ui(key, when=when, pct=_pct(self.restored.get("score")))
            parts.append(f'<div class="course-info">↺ {html_text(note, lang)}</div>')
            if mode != "assessment" and float(self.restored.get("score") or 0) < 1:
                parts += self._revisit_parts(lang)
            return parts, (self.restored.get("score") if mode != "assessment" else None)
        if not result.valid or not result.attempted:
            message = result.message or result.feedback
            parts.append(f'<div class="course-info">ℹ {html_text(message, lang)}</div>')
            self._clear_marks()
            return parts, None
        if mode == "assessment" or not getattr(result, "graded", True):
            # (an exercise whose key was removed for the student copy is only saved)
            if self.saved:
                parts.append(f'<div class="course-saved">✔ {ui_html("recorded_only", lang)}</div>')
            else:
                parts.append(f'<div class="course-no">⚠ {ui_html("not_submitted", lang)}</div>')
            self._clear_marks()
            return parts, None
        css, mark = ("course-ok", "✓") if result.correct else ("course-no", "✗")
        parts.append(f'<div class="{css}">{mark} {html_text(result.feedback, lang)}</div>')
        lines = self._item_lines(result, lang)
        if lines:
            parts.append("<ul>" + "".join(lines) + "</ul>")
        if not result.correct:
            parts += self._revisit_parts(lang)
        if self.saved is False:
            parts.append(f'<div class="course-notice">{ui_html("not_saved", lang)}</div>')
        self._show_marks(result)
        return parts, result.score

    def _revisit_parts(self, lang: str) -> list[str]:
        """The "go back to lesson NN" pointer, when the bank gives one (shown only where the
        mode shows correctness: in assessment mode it would say the answer was wrong)."""
        revisit = getattr(self.exercise, "revisit", None)
        if revisit is None:
            return []
        return [f'<div class="course-revisit">{revisit_html(revisit, lang)}</div>']

    def _draw_score(self, score: float | None, lang: str) -> None:
        if score is None:
            self._score_bar.value = 0.0
            self._score_text.value = ui_html("score_none", lang)
        else:
            self._score_bar.value = float(score)
            self._score_text.value = ui_html("score_value", lang, pct=_pct(score))
        self._scoreline.layout.display = None if score is not None else "none"
        self._score_bar.bar_style = "" if score is None else (
            "success" if score >= 1 else ("warning" if score > 0 else "danger"))

    def _draw_solution(self, lang: str) -> None:
        if not (self.solution_shown and self.solution_allowed()):
            self._solution.value = ""
            return
        intro = ""
        if self.attempt.auto_solution:
            intro = f"<div>{ui_html('solution_after_tries', lang)}</div>"
        elif self.mode == "class":
            intro = f"<div>{ui_html('revealed', lang)}</div>"
        body = html_text(self.solution_text(), lang, block=True)
        self._solution.value = f"{intro}<b>{ui_html('solution', lang)}</b><pre>{body}</pre>"

    def _restore(self) -> None:
        last = self.attempt.last_saved()
        if not last:
            return
        try:
            self.answer(last["response"])
        except (InputError, ValueError, TypeError, KeyError):
            return  # the bank changed since: start afresh rather than fail
        self.restored = last


def _local_time(stamp) -> str:
    """An ISO 8601 UTC time from the store as local 'YYYY-MM-DD HH:MM'."""
    from datetime import datetime

    try:
        when = datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
        return when.astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return str(stamp or "")[:16]


def _css_ident(value: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in str(value))


__all__ = ["ExerciseWidget", "on_checked", "friendly"]
