"""Widgets of the writing kinds: a reply (text area, live word count) and a role-play."""
from __future__ import annotations

import ipywidgets as w

from course import session
from course.exercises.widgets.base import ExerciseWidget, friendly
from course.exercises.widgets.style import esc_text, html_text, ui_html, ui_text
from course.exercises.widgets.style import text as plain_text
from course.text import Bilingual, as_bilingual, word_count
from course.writing.facts import fact_label as _fact_label
from course.writing.facts import show_value


def fact_label(name: str) -> Bilingual:
    """A fact's label as the learner reads it ("The tracking number" / 运单号)."""
    return Bilingual(*_fact_label(name))


def _block(title_html: str, body_html: str, css: str) -> str:
    return f'<div class="{css}"><b>{title_html}</b><div>{body_html}</div></div>'


def _pre(value: str) -> str:
    return esc_text(value).replace("\n", "<br>")


# a line of a bank's text broken where its YAML source was wrapped: long, and not the end of a
# sentence (brief 28v: "I heard Asian / sizes are smaller." on a phone)
_SOURCE_WRAP = 60


def _message(value: str) -> str:
    """A buyer's message as HTML: the line breaks of the bank's source inside a sentence
    joined (the text then wraps to the page's width), the breaks a writer means kept: a
    blank line, a short line (a greeting, a name) and a line that ends a sentence."""
    lines = value.strip().split("\n")
    out = lines[:1]
    for line in lines[1:]:
        before = out[-1].rstrip()
        if (len(before) >= _SOURCE_WRAP and line.strip()
                and not before.endswith((".", "!", "?", ":"))):
            out[-1] = f"{before} {line.lstrip()}"
        else:
            out.append(line)
    return _pre("\n".join(out))


def facts_panel(facts: dict, lang: str) -> str:
    """The facts panel: what the learner knows, each fact labelled and its value readable."""
    if not facts:
        return ""
    rows = "".join(f"<li>{html_text(fact_label(k), lang)}: <b>{esc_text(show_value(k, v))}</b></li>"
                   for k, v in facts.items())
    return _block(ui_html("reply_facts", lang), f"<ul>{rows}</ul>", "course-reply-facts")


def _writing_area(widget, height: str, css: str) -> tuple[w.Textarea, w.HTML]:
    """The text area a learner writes in (``height`` tall, CSS class ``css``), calling
    ``widget._typed`` on each change, and the empty line under it for the word count."""
    area = w.Textarea(value="", continuous_update=True, layout=w.Layout(width="100%", height=height))
    area.add_class(css)
    area.observe(widget._typed, "value")
    return area, w.HTML()


class ReplyWidget(ExerciseWidget):
    """The buyer's message, the facts and the rubric above a text area with a word count."""

    css_type = "reply"

    def _build_body(self) -> w.Widget:
        self._task = w.HTML()
        self._task.add_class("course-reply-task")
        self._area, self._count = _writing_area(self, "14em", "course-reply-text")
        self._count.add_class("course-word-count")
        return w.VBox([self._task, self._area, self._count])

    def _typed(self, change=None) -> None:
        self._draw_count(session.get_language())
        self._changed(change)

    def _draw_count(self, lang: str) -> None:
        low, high = self.exercise.words
        n = word_count(self._area.value)
        css = "course-ok" if low <= n <= high else "course-no" if n else ""
        self._count.value = (f'<span class="{css}">'
                             f'{ui_html("reply_words", lang, n=n, low=low, high=high)}</span>')

    def response(self):
        return self._area.value

    def _set_response(self, response) -> None:
        self._area.value = "" if response is None else str(response)
        self._draw_count(session.get_language())

    def _relabel_body(self, lang: str) -> None:
        ex = self.exercise
        parts = []
        if ex.buyer.strip():
            parts.append(_block(ui_html("reply_buyer", lang), _message(ex.buyer),
                                "course-reply-buyer"))
        if ex.facts:
            parts.append(facts_panel(ex.facts, lang))
        if ex.rubric:
            rubric = "".join(f"<li>{html_text(r, lang)}</li>" for r in ex.rubric)
            parts.append(_block(ui_html("reply_rubric", lang), f"<ul>{rubric}</ul>",
                                "course-reply-rubric"))
        self._task.value = "".join(parts)
        self._area.placeholder = ui_text("reply_placeholder", lang)
        self._area.description = ui_text("reply_box_label", lang)
        self._draw_count(lang)


class RoleplayWidget(ExerciseWidget):
    """The conversation so far, a text area for the next reply and Send; Check debriefs."""

    css_type = "roleplay"

    def _build_body(self) -> w.Widget:
        self._replies: list[str] = []
        self._facts = w.HTML()
        self._facts.add_class("course-roleplay-facts")
        self._log = w.HTML()
        self._log.add_class("course-roleplay-log")
        self._area, self._count = _writing_area(self, "9em", "course-roleplay-text")
        self._send_btn = w.Button(layout=w.Layout(width="auto"))
        self._send_btn.add_class("course-send")
        self._send_btn.on_click(lambda _b: self._click(self.send))
        self._restart = w.Button(layout=w.Layout(width="auto"))
        self._restart.add_class("course-restart")
        self._restart.on_click(lambda _b: self._click(self.retry))
        return w.VBox([self._facts, self._log, self._area, self._count,
                       w.HBox([self._send_btn, self._restart])])

    def _typed(self, change=None) -> None:
        n = word_count(self._area.value)
        self._count.value = ui_html("reply_words", session.get_language(), n=n, low=20, high=150)
        self._changed(change)

    @friendly
    def send(self, text: str | None = None):
        """Send the text in the box (or ``text``) as the reply to the waiting buyer turn.

        When the conversation reaches its end, the whole conversation is checked (recorded,
        debriefed). Returns the buyer's next message (or the GradeResult at the end).
        """
        if text is not None:
            self._area.value = text
        reply = self._area.value
        if not reply.strip():
            return None
        run = self.exercise.conversation(self._replies)
        if run["finished"]:
            return self.result
        self._replies.append(reply)
        self._quiet = True
        try:
            self._area.value = ""
        finally:
            self._quiet = False
        run = self.exercise.conversation(self._replies)
        self._draw_log(session.get_language())
        if run["finished"]:
            return self.check()
        return self.exercise.buyer_text(run["waiting"])

    def response(self):
        return list(self._replies)

    def _set_response(self, response) -> None:
        if isinstance(response, str):
            response = [response]
        self._replies = [str(r) for r in (response or [])]
        self._area.value = ""
        self._draw_log(session.get_language())

    def _draw_log(self, lang: str) -> None:
        ex = self.exercise
        run = ex.conversation(self._replies)
        rows = []
        for t in run["transcript"]:
            rows.append(_block(ui_html("rp_buyer", lang), _message(ex.buyer_text(t["turn"])),
                               "course-rp-buyer"))
            rows.append(_block(ui_html("rp_you", lang), _pre(t["reply"]), "course-rp-you"))
        last = run["end"] if run["finished"] else run["waiting"]
        rows.append(_block(ui_html("rp_buyer", lang), _message(ex.buyer_text(last)),
                           "course-rp-buyer"))
        self._log.value = "".join(rows)
        self._area.layout.display = "none" if run["finished"] else None
        self._send_btn.layout.display = "none" if run["finished"] else None

    def _relabel_body(self, lang: str) -> None:
        self._send_btn.description = ui_text("rp_send", lang)
        self._restart.description = ui_text("rp_restart", lang)
        self._area.placeholder = ui_text("reply_placeholder", lang)
        self._facts.value = facts_panel(self.exercise.facts, lang)
        self._draw_log(lang)
        guide = self.exercise.turns[self.exercise.start].get("guide")
        # a real label for the box (a tooltip alone names nothing to a screen reader), and the
        # turn's guide as plain text: a tooltip shows no HTML
        self._area.description = ui_text("reply_box_label", lang)
        self._area.tooltip = plain_text(as_bilingual(guide), lang) if guide else ""
