"""The lesson header: title, time, previous/next links, language switch and progress bar."""
from __future__ import annotations

import ipywidgets as w

from course import session as state
from course.errors import CourseError
from course.exercises import progress
from course.exercises.widgets.base import on_checked
from course.exercises.widgets.style import esc, esc_text, html_text, style_widget, ui_html, ui_text
from course.messages import ui


def _course_entry(slug: str):
    """(this lesson's entry, previous, next) from notebooks/course.yaml, or Nones."""
    try:
        from course.exercises import course_map

        cmap = course_map.load()
        return cmap.entry(slug), cmap.previous(slug), cmap.next(slug)
    except (CourseError, OSError, ImportError, AttributeError):
        return None, None, None


class LessonHeader(w.VBox):
    """The header every lesson opens with."""

    def __init__(self, lesson):
        super().__init__()
        self.lesson = lesson
        self.entry, self.prev, self.next = _course_entry(getattr(lesson, "slug", ""))
        self._title = w.HTML()
        self._title.add_class("course-lesson-title")
        self._meta = w.HTML()
        self._meta.add_class("course-lesson-meta")
        # each language is named in its own script, whatever the current language
        self._lang = w.ToggleButtons(options=[(ui(f"lang_{code}").en, code)
                                              for code in ("en", "zh", "both")],
                                     value=state.get_language())
        self._lang.add_class("course-language")
        self._lang.style.button_width = "auto"
        self._lang.observe(self._switch, "value")
        self._bar = w.IntProgress(min=0, max=1, value=0, layout=w.Layout(width="240px"))
        self._bar.add_class("course-progress-bar")
        self._bar.style.description_width = "initial"
        self._progress_text = w.HTML()
        self._progress_text.add_class("course-progress-text")
        self._reveal_all = w.Button(layout=w.Layout(width="auto"), button_style="warning")
        self._reveal_all.add_class("course-reveal-all")
        self._reveal_all.on_click(lambda _b: self.reveal_all())
        self._reveal_all.layout.display = None if state.presenter() else "none"
        self._notice = w.HTML()
        self._notice.add_class("course-notice")
        if state.presenter():
            # projected: the lesson's own heading is the title, and the teacher's progress is
            # nobody's business in class
            for part in (self._title, self._bar, self._progress_text):
                part.layout.display = "none"
        controls = w.HBox([self._lang, self._bar, self._progress_text, self._reveal_all])
        controls.add_class("course-row")
        self.children = [style_widget(), self._title, self._meta, controls, self._who_row(),
                         self._current_row(), self._notice]
        self.add_class("course-lesson-header")
        self.done, self.total, self.mean_best = 0, 0, None
        state.on_language_change(self._on_language)
        on_checked(self)
        self.refresh_progress()

    def _who_row(self) -> w.HBox:
        """Asks for the learner's student number (or name) when none is set (a shared lab
        login would otherwise file two learners' work under one name); hidden once given."""
        self._who_label = w.HTML()
        self._who = w.Text(layout=w.Layout(width="200px"))
        self._who.add_class("course-learner-name")
        self._who_save = w.Button(layout=w.Layout(width="auto"))
        self._who_save.on_click(lambda _b: self.save_learner(self._who.value))
        row = w.HBox([self._who_label, self._who, self._who_save])
        row.add_class("course-row")
        row.add_class("course-learner")
        asked = not (state.learner_chosen() or state.presenter())
        row.layout.display = None if asked else "none"
        self._who_box = row
        return row

    def _current_row(self) -> w.HBox:
        """Whose answers these are, and "Not you? Change student number" (the next student
        on a lab login gives their own number: the header asks again)."""
        self._current = w.HTML()
        self._change = w.Button(layout=w.Layout(width="auto"))
        self._change.add_class("course-change-learner")
        self._change.on_click(lambda _b: self.change_learner())
        row = w.HBox([self._current, self._change])
        row.add_class("course-row")
        row.add_class("course-learner-current")
        shown = self._who_box.layout.display == "none" and not state.presenter()
        row.layout.display = None if shown else "none"
        self._current_box = row
        return row

    def change_learner(self) -> None:
        """Show the student-number question again (the current number stays until a new one
        is saved)."""
        self._who.value = ""
        self._who_box.layout.display = None
        self._current_box.layout.display = "none"

    def save_learner(self, text: str) -> bool:
        """Keep the learner's name or student number (checked against the class list when
        one is loaded, where a student number is then what is kept); True when kept."""
        from course import roster as class_list

        lang = state.get_language()
        name = " ".join((text or "").split())
        before = state.get_student_number()
        try:
            found = class_list.load_saved()
            if found is not None and name:
                student = found.find(name)
                if student is None:
                    why = ui_html("learner_not_on_roster", lang, name=name)
                    self._notice.value = f"<div>⚠ {why}</div>"
                    return False
                name = student.number
            state.set_student_number(name)
        except CourseError as exc:
            self._notice.value = f"<div>⚠ {esc(str(exc))}</div>"
            return False
        self._who_box.layout.display = "none"
        self._current_box.layout.display = None
        self.refresh_progress()  # this number's own progress (a lab login keeps several)
        if before and before != name:  # the next student on a shared login
            said = ui_html("learner_changed", lang, name=name, before=before)
        else:
            said = ui_html("learner_saved", lang, name=name)
        self._notice.value = f"<div>{said}</div>"
        return True

    def __repr__(self) -> str:
        return ui_text("run_cell_header", state.get_language(),
                       id=getattr(self.lesson, "slug", ""))

    def _switch(self, change) -> None:
        if change["new"] != state.get_language():
            try:
                state.set_language(change["new"])
            except CourseError as exc:  # pragma: no cover - the toggle offers valid values only
                self._notice.value = f"<div>⚠ {esc(str(exc))}</div>"

    def _on_language(self, lang: str) -> None:
        try:
            self._relabel(lang)
        except Exception as exc:  # pragma: no cover - a header must never break a lesson
            self._notice.value = f"<div>⚠ {esc(type(exc).__name__)}: {esc(str(exc))}</div>"

    def reveal_all(self) -> None:
        """Instructor: reveal every solution of the lesson (class mode)."""
        self.lesson.reveal()

    def refresh_progress(self) -> None:
        self.done, self.total, self.mean_best = progress.lesson_progress(self.lesson)
        self._bar.max = max(1, self.total)
        self._bar.value = self.done
        self._relabel()

    def _relabel(self, lang: str | None = None) -> None:
        lang = lang or state.get_language()
        if self._lang.value != lang:
            self._lang.value = lang
        lesson = self.lesson
        number = ""
        if self.entry is not None:
            number = f"{self.entry.label} · "
        self._title.value = f"{esc(number)}{html_text(lesson.title, lang, block=True)}"
        meta = []
        if self.entry is not None:
            meta.append(ui_html("lesson_time", lang, teach=self.entry.teaching_minutes,
                                practice=self.entry.exercise_minutes))
        links = []
        if self.prev is not None:
            links.append(self._link(self.prev.notebook, ui("lesson_prev", title="{title}"),
                                    self.prev.title, lang))
        if self.entry is not None:
            links.append(f'<a href="00-index.ipynb">{ui_html("lesson_index", lang)}</a>')
        if self.next is not None:
            links.append(self._link(self.next.notebook, ui("lesson_next", title="{title}"),
                                    self.next.title, lang))
        if links:
            meta.append(" &nbsp;|&nbsp; ".join(links))
        self._meta.value = "<br>".join(meta)
        self._lang.description = ui_text("language", lang)
        self._lang.tooltip = ui_text("tip_language", lang)
        self._bar.description = ui_text("progress", lang)
        text = ui_html("progress_done", lang, done=self.done, total=self.total)
        if self.mean_best is not None:
            text += " · " + ui_html("progress_mean", lang, pct=round(self.mean_best * 100))
        self._progress_text.value = text
        self._who_label.value = ui_html("ask_learner", lang)
        self._current.value = ui_html("learner_current", lang, name=state.get_learner())
        self._change.description = ui_text("btn_change_learner", lang)
        self._change.tooltip = ui_text("tip_change_learner", lang)
        self._who_save.description = ui_text("btn_save_learner", lang)
        self._who_save.tooltip = ui_text("ask_learner", lang)
        self._who.placeholder = ui_text("learner_placeholder", lang)
        self._reveal_all.description = ui_text("btn_reveal_all", lang)
        self._reveal_all.tooltip = ui_text("tip_reveal_all", lang)
        notices = progress.pop_notices()
        if notices:
            self._notices = getattr(self, "_notices", []) + notices
        self._notice.value = "".join(f"<div>⚠ {html_text(n, lang)}</div>"
                                     for n in getattr(self, "_notices", []))

    @staticmethod
    def _link(href: str, pattern, title, lang: str) -> str:
        # the pattern holds "{title}": escape around it, then put the escaped title in
        shown = pattern.render(lang)
        title_html = esc_text(title.render(lang if lang != "both" else "en"))
        before, _, after = shown.partition("{title}")
        return f'<a href="{esc(href)}">{esc(before)}{title_html}{esc(after)}</a>'
