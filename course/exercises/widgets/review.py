"""The review summary as a live widget: it reads the saved answers again after every Check."""
from __future__ import annotations

import ipywidgets as w

from course import session as state
from course.exercises.widgets.base import on_checked
from course.exercises.widgets.style import esc, esc_text, revisit_html, style_widget, ui_html


class ReviewSummaryWidget(w.VBox):
    """Where to go back to, from this learner's saved answers (``Lesson.review_summary()``).

    ``summarize(exercises, learner)`` makes the summary it shows (``revisit.review_summary``,
    which builds this widget: the widget is given it rather than importing its own builder).
    """

    def __init__(self, exercises, learner: str | None = None, *, summarize):
        super().__init__()
        self.exercises = tuple(exercises)
        self.learner = learner
        self._summarize = summarize
        self.summary = None
        self._body = w.HTML()
        self._body.add_class("course-review-body")
        self.children = [style_widget(), self._body]
        self.add_class("course-review")
        state.on_language_change(self._on_language)
        on_checked(self)
        self.refresh_progress()

    def __repr__(self) -> str:
        return self.summary.text("en") if self.summary is not None else "Review summary"

    def refresh_progress(self) -> None:
        """Read the store again (called after every Check) and redraw."""
        self.summary = self._summarize(self.exercises, self.learner)
        self._draw(state.get_language())

    def _on_language(self, lang: str) -> None:
        try:
            self._draw(lang)
        except Exception as exc:  # pragma: no cover - a summary must never break a lesson
            self._body.value = f"<div>⚠ {esc(type(exc).__name__)}: {esc(str(exc))}</div>"

    def _draw(self, lang: str) -> None:
        s = self.summary
        head = f"<b>{ui_html('review_title', lang)}</b>"
        if s.answered == 0:
            self._body.value = f"{head}<div>{ui_html('review_none', lang, total=s.total)}</div>"
            return
        counts = ui_html("review_counts", lang, answered=s.answered, total=s.total)
        parts = [head, f"<div>{counts}</div>"]
        if s.all_right:
            parts.append(f'<div class="course-ok">🎉 {ui_html("review_all_right", lang)}</div>')
        else:
            groups = s.to_revisit()
            if s.wrong:
                parts.append(f"<div>{ui_html('review_go_back', lang, n=len(s.wrong))}</div>")
                items = [f"<li>{revisit_html(rev, lang)} {_names(s, ids, lang)}</li>"
                         for rev, ids in groups]
                without = [i for i in s.wrong if s.pointers.get(i) is None]
                if without:
                    items.append(f"<li>{esc_text(s.names(without, lang))}</li>")
                parts.append("<ul>" + "".join(items) + "</ul>")
            if s.pending:
                parts.append(f"<div>{ui_html('review_pending', lang, n=len(s.pending))}</div>")
                parts.append("<ul>" + "".join(
                    f"<li>{revisit_html(rev, lang)} {_names(s, ids, lang)}</li>"
                    for rev, ids in s.pending_by_lesson()) + "</ul>")
            if not s.wrong and not s.pending and s.right:
                parts.append(f"<div>{ui_html('review_right_so_far', lang, n=len(s.right))}</div>")
            if s.unanswered:
                parts.append(f"<div>{ui_html('review_unanswered', lang, n=len(s.unanswered))}"
                             "</div>")
        self._body.value = "".join(parts)


def _names(summary, ids, lang: str) -> str:
    """The exercises' titles in brackets, small (full-width brackets in Chinese)."""
    names = esc_text(summary.names(ids, lang))
    return f"<small>（{names}）</small>" if lang == "zh" else f"<small>({names})</small>"
