"""One widget class per exercise type: the controls a learner answers with."""
from __future__ import annotations

import ipywidgets as w

from course import session
from course.errors import InputError
from course.exercises.text_match import normalize
from course.exercises.widgets.base import ExerciseWidget, friendly
from course.exercises.widgets.style import esc_text, html_text, label, text, ui_text
from course.messages import ui

MARK_CLASSES = ("course-right", "course-wrong")


def _mark(widget: w.Widget, state: bool | None) -> None:
    """Mark a control right (True), wrong (False) or not at all (None); CSS adds ✓/✗."""
    for c in MARK_CLASSES:
        if c in widget._dom_classes:
            widget.remove_class(c)
    if state is not None:
        widget.add_class("course-right" if state else "course-wrong")


class _PerItemWidget(ExerciseWidget):
    """A widget with one control per graded item (cloze blanks, matching pairs)."""

    def _item_controls(self) -> list:
        raise NotImplementedError

    def _show_marks(self, result) -> None:
        # each control by its item's grade, not at all where the item was left empty
        for control, item in zip(self._item_controls(), result.items, strict=True):
            _mark(control, item.correct if item.attempted else None)

    def _clear_marks(self) -> None:
        for control in self._item_controls():
            _mark(control, None)


class _OneControlWidget(ExerciseWidget):
    """A widget whose answer is one control (true/false, a number): no per-item lines, and the
    control itself is marked right or wrong."""

    def _answer_control(self) -> w.Widget:
        raise NotImplementedError

    def _item_lines(self, result, lang: str) -> list[str]:
        return []

    def _show_marks(self, result) -> None:
        _mark(self._answer_control(), result.correct)

    def _clear_marks(self) -> None:
        _mark(self._answer_control(), None)


def _submit_on_enter(control: w.Text, owner: ExerciseWidget) -> None:
    """Enter in a text box presses Check (the front-end sends a 'submit' event)."""

    def handle(_widget, content, _buffers):
        if isinstance(content, dict) and content.get("event") == "submit":
            owner._submit_from(control)

    control.on_msg(handle)


class ClozeWidget(_PerItemWidget):
    """Running text with the blanks in place: typed boxes, or word-bank choices."""

    css_type = "cloze"

    def _build_body(self) -> w.Widget:
        ex = self.exercise
        self._controls: list[w.Widget] = []
        self._tip_buttons: dict[int, w.Button] = {}
        self._tips_open: set[int] = set()
        choices = ex.word_bank_choices() if ex.word_bank else None
        parts: list[w.Widget] = []
        for seg in ex.segments:
            if isinstance(seg, str):
                html = w.HTML(esc_text(seg))
                html.add_class("course-seg")
                parts.append(html)
                continue
            n = seg.index + 1
            if choices is not None:
                own = choices[seg.index] if choices and isinstance(choices[0], list) else choices
                control = w.Dropdown(options=[("", "")] + [(c, c) for c in own], value="",
                                     layout=w.Layout(width="auto"))
                control.add_class("course-blank-choice")
            else:
                longest = max((len(a) for a in seg.answers), default=8)
                width = f"{min(max(longest + 4, 6), 40)}ch"
                control = w.Text(value="", placeholder=str(n), continuous_update=False,
                                 layout=w.Layout(width=width))
                control.add_class("course-blank")
                _submit_on_enter(control, self)
            control.add_class("course-sr")
            control.add_class(f"course-blank-{n}")
            control.style.description_width = "0px"
            control.observe(self._changed, "value")
            self._controls.append(control)
            parts.append(control)
            if seg.tip is not None:
                tip = w.Button(layout=w.Layout(width="auto"))
                tip.add_class("course-tip-btn")
                tip.on_click(lambda _b, i=seg.index: self._toggle_tip(i))
                self._tip_buttons[seg.index] = tip
                parts.append(tip)
        line = w.Box(parts)
        line.add_class("course-cloze-text")
        self._tips = w.HTML()
        self._tips.add_class("course-tips")
        return w.VBox([line, self._tips])

    @friendly
    def _toggle_tip(self, index: int) -> None:
        self.tip(index)

    def tip(self, index: int):
        """Show (or hide again) the tip of blank ``index`` (0-based); returns the tip."""
        blank = self.exercise.blanks[index]
        if blank.tip is None:
            raise InputError(ui("no_tip", n=index + 1).both(" / "))
        if index in self._tips_open:
            self._tips_open.discard(index)
        else:
            self._tips_open.add(index)
        self._draw_tips(self._lang())
        return blank.tip

    def _lang(self) -> str:
        return session.get_language()

    def _draw_tips(self, lang: str) -> None:
        rows = []
        for i in sorted(self._tips_open):
            tip = self.exercise.blanks[i].tip
            rows.append(f"<div>💡 <b>{html_text(ui('blank_tip', n=i + 1), lang)}</b>: "
                        f"{html_text(tip, lang)}</div>")
        self._tips.value = "".join(rows)

    def response(self):
        return [c.value or "" for c in self._controls]

    def _set_response(self, response) -> None:
        if response is None:
            response = [""] * len(self._controls)
        if isinstance(response, str):
            response = [response]
        for control, value in zip(self._controls, response, strict=True):
            value = "" if value is None else str(value)
            if isinstance(control, w.Dropdown):
                allowed = [v for _label, v in control.options]
                if value not in allowed:
                    choices = ", ".join(repr(a) for a in allowed if a)
                    raise InputError(
                        ui("not_in_word_bank", word=value, choices=choices).both(" / "))
            control.value = value

    def _relabel_body(self, lang: str) -> None:
        for i, control in enumerate(self._controls):
            key = "blank_choice" if isinstance(control, w.Dropdown) else "blank_input"
            control.description = ui_text(key, lang, n=i + 1)
            control.tooltip = ui_text(key, lang, n=i + 1)
        for i, tip in self._tip_buttons.items():
            tip.description = ui_text("tip_short", lang)
            tip.tooltip = ui_text("blank_tip", lang, n=i + 1)
        self._draw_tips(lang)

    def _item_controls(self) -> list:
        return self._controls


class ChoiceWidget(ExerciseWidget):
    """Options to pick: radio buttons for one answer, check boxes for several."""

    css_type = "choice"

    def _build_body(self) -> w.Widget:
        from course import session

        ex = self.exercise
        # the order this learner sees (seeded by learner and exercise id); keys, not positions,
        # go into the response
        self._order = ex.display_order(session.get_learner())
        if ex.multiple:
            self._boxes = {}
            for position, i in enumerate(self._order):
                box = w.Checkbox(value=False, indent=False, layout=w.Layout(width="auto"))
                box.add_class(f"course-option-{position}")
                box.observe(self._changed, "value")
                self._boxes[i] = box
            body = w.VBox([self._boxes[i] for i in self._order])
        else:
            return self._radio_body([(str(i), ex.options[i].key) for i in self._order])
        body.add_class("course-options")
        return body

    def response(self):
        ex = self.exercise
        if ex.multiple:
            return [o.key for o in ex.options if self._boxes[o.index].value]
        return self._radio.value

    def _set_response(self, response) -> None:
        ex = self.exercise
        if ex.multiple:
            values = [response] if isinstance(response, int | str) else list(response or [])
            picks = {ex.option_index(v) for v in values}
            for i, box in self._boxes.items():
                box.value = i in picks
        else:
            index = None if response is None else ex.option_index(response)
            self._radio.value = None if index is None else ex.options[index].key

    def _option_label(self, i: int, lang: str) -> str:
        position = self._order.index(i)
        letter = chr(65 + position) if position < 26 else str(position + 1)
        return f"{letter}. {text(self.exercise.options[i].text, lang)}"

    def _relabel_body(self, lang: str) -> None:
        ex = self.exercise
        if ex.multiple:
            for i, box in self._boxes.items():
                # a checkbox's description is typeset (MathJax): its $ are escaped; the radio
                # buttons' labels are not typeset and stay as they are
                box.description = label(self._option_label(i, lang), lang)
        else:
            self._relabel_options(self._radio, [(self._option_label(i, lang), ex.options[i].key)
                                                for i in self._order])
            self._radio.description = ui_text(f"type_{ex.type}", lang)

    def _item_lines(self, result, lang: str) -> list[str]:
        # Remarks only on the options the learner picked: marking the others would give away
        # the answer before the solution may be shown.
        lines = []
        for item in result.items:
            if not item.given:
                continue
            ok = bool(self.exercise.options[item.index].correct)
            mark = "✓" if ok else "✗"
            line = f"{mark} {esc_text(self._option_label(item.index, lang))}"
            if item.feedback:
                line += f" · {html_text(item.feedback, lang)}"
            lines.append(f"<li>{line}</li>")
        return lines

    def _show_marks(self, result) -> None:
        ex = self.exercise
        if ex.multiple:
            for i, box in self._boxes.items():
                _mark(box, ex.options[i].correct if box.value else None)
        else:
            chosen = None if self._radio.value is None else ex.option_index(self._radio.value)
            _mark(self._radio, None if chosen is None else ex.options[chosen].correct)

    def _clear_marks(self) -> None:
        for control in (self._boxes.values() if self.exercise.multiple else [self._radio]):
            _mark(control, None)


class TrueFalseWidget(_OneControlWidget):
    """A statement to judge: True or False."""

    css_type = "choice"

    def _build_body(self) -> w.Widget:
        return self._radio_body([("True", True), ("False", False)])

    def response(self):
        return self._radio.value

    def _set_response(self, response) -> None:
        self._radio.value = None if response is None else bool(response)

    def _relabel_body(self, lang: str) -> None:
        self._relabel_options(self._radio, [(ui_text("tf_true", lang), True),
                                            (ui_text("tf_false", lang), False)])
        self._radio.description = ui_text("tf_label", lang)

    def _answer_control(self) -> w.Widget:
        return self._radio


class MatchingWidget(_PerItemWidget):
    """One choice per left item, from the right items (shuffled reproducibly)."""

    css_type = "matching"

    def _build_body(self) -> w.Widget:
        ex = self.exercise
        self._right_keys = list(ex.right_choices())
        self._lefts: list[w.HTML] = []
        self._drops: list[w.Dropdown] = []
        rows = []
        for i, _key in enumerate(ex.lefts):
            left = w.HTML()
            left.add_class("course-left")
            drop = w.Dropdown(options=[("", "")] + [(k, k) for k in self._right_keys], value="",
                              layout=w.Layout(width="auto", min_width="260px"))
            drop.style.description_width = "0px"
            drop.add_class("course-sr")
            drop.add_class(f"course-match-{i}")
            drop.observe(self._changed, "value")
            self._lefts.append(left)
            self._drops.append(drop)
            row = w.HBox([left, drop])
            row.add_class("course-row")
            rows.append(row)
        body = w.VBox(rows)
        body.add_class("course-pairs")
        return body

    def response(self):
        return {key: d.value for key, d in zip(self.exercise.lefts, self._drops, strict=True)
                if d.value}

    def _set_response(self, response) -> None:
        response = dict(response or {})
        ex = self.exercise
        by_norm = {normalize(k): k for k in self._right_keys}
        lefts = {normalize(k): i for i, k in enumerate(ex.lefts)}
        values = [""] * len(self._drops)
        for left, right in response.items():
            i = lefts[normalize(str(left))]
            values[i] = by_norm.get(normalize(str(right)), "") if right else ""
        for drop, value in zip(self._drops, values, strict=True):
            drop.value = value

    def _relabel_body(self, lang: str) -> None:
        ex = self.exercise
        labels = [("", "")] + [(text(ex.right_item(k), lang), k) for k in self._right_keys]
        for i, (left, drop) in enumerate(zip(self._lefts, self._drops, strict=True)):
            item = ex.left_items[i]
            left.value = html_text(item, lang)
            self._relabel_options(drop, [(ui_text("choose", lang) if not k else label, k)
                                         for label, k in labels])
            drop.description = label(ui("match_for", item=text(item, lang)), lang)

    def _item_controls(self) -> list:
        return self._drops


class OrderingWidget(ExerciseWidget):
    """A list to reorder with the keyboard: select an item, then Move up / Move down."""

    css_type = "ordering"

    def _build_body(self) -> w.Widget:
        self._order = list(self.exercise.start_order())
        self._marks: dict[str, bool] = {}
        self._list = w.Select(options=[(k, k) for k in self._order], value=self._order[0],
                              rows=len(self._order), layout=w.Layout(width="auto"))
        self._list.add_class("course-order-list")
        self._list.add_class("course-sr")
        self._list.style.description_width = "0px"
        self._up = w.Button(layout=w.Layout(width="auto"))
        self._down = w.Button(layout=w.Layout(width="auto"))
        self._up.add_class("course-move-up")
        self._down.add_class("course-move-down")
        self._up.on_click(lambda _b: self._click(lambda: self.move(-1)))
        self._down.on_click(lambda _b: self._click(lambda: self.move(1)))
        self._help = w.HTML()
        self._help.add_class("course-order-help")
        moves = w.VBox([self._up, self._down])
        row = w.HBox([self._list, moves])
        row.add_class("course-row")
        return w.VBox([self._help, row])

    def move(self, step: int, key: str | None = None) -> list[str]:
        """Move the selected item (or ``key``) ``step`` places; returns the new order."""
        key = key if key is not None else self._list.value
        if key not in self._order:
            return list(self._order)
        i = self._order.index(key)
        j = max(0, min(len(self._order) - 1, i + step))
        if i != j:
            self._order.insert(j, self._order.pop(i))
            self._marks = {}
            self._draw_list(self._lang, key)
            self._changed()
        return list(self._order)

    @property
    def _lang(self) -> str:
        return session.get_language()

    def _draw_list(self, lang: str, selected: str | None = None) -> None:
        ex = self.exercise
        options = []
        for pos, k in enumerate(self._order):
            mark = {True: "  ✓", False: "  ✗"}.get(self._marks.get(k), "")
            options.append((f"{pos + 1}. {text(ex.item(k), lang)}{mark}", k))
        selected = selected if selected is not None else self._list.value
        self._relabel_options(self._list, options,
                              selected if selected in self._order else self._order[0])

    def response(self):
        # The order on screen is the answer, moved or not (the start order is never right).
        return list(self._order)

    def _set_response(self, response) -> None:
        if not response:
            self._order = list(self.exercise.start_order())
        else:
            order = [self.exercise.lookup(str(v)) for v in response]
            if None in order:
                raise KeyError("an item that is not in this exercise")
            self._order = order
        self._marks = {}
        self._draw_list(self._lang, self._order[0])

    def _relabel_body(self, lang: str) -> None:
        self._up.description = ui_text("move_up", lang)
        self._down.description = ui_text("move_down", lang)
        self._up.tooltip = ui_text("tip_move_up", lang)
        self._down.tooltip = ui_text("tip_move_down", lang)
        self._list.description = ui_text("order_list", lang)
        self._help.value = f"<small>{html_text(ui('order_help'), lang)}</small>"
        self._draw_list(lang)

    def _show_marks(self, result) -> None:
        self._marks = {item.given: item.correct for item in result.items}
        self._draw_list(self._lang)

    def _clear_marks(self) -> None:
        if self._marks:
            self._marks = {}
            self._draw_list(self._lang)


class NumericWidget(_OneControlWidget):
    """A number typed as the learner would write it, with the unit shown beside the box."""

    css_type = "numeric"

    def _build_body(self) -> w.Widget:
        self._box = w.Text(value="", continuous_update=False, layout=w.Layout(width="300px"))
        self._box.add_class("course-number")
        self._box.style.description_width = "initial"
        self._box.observe(self._changed, "value")
        _submit_on_enter(self._box, self)
        self._unit = w.HTML()
        self._unit.add_class("course-unit")
        row = w.HBox([self._box, self._unit])
        row.add_class("course-row")
        return row

    def response(self):
        return self._box.value

    def _set_response(self, response) -> None:
        self._box.value = "" if response is None else str(response)

    def _relabel_body(self, lang: str) -> None:
        self._box.description = ui_text("your_answer", lang)
        self._box.placeholder = ui_text("answer_placeholder", lang)
        unit_text = getattr(self.exercise, "unit_text", None) or self.exercise.unit
        unit = text(unit_text, lang) if unit_text else ""
        self._unit.value = f"<b>{esc_text(unit)}</b>" if unit else ""
        self._box.tooltip = ui_text("unit", lang, unit=unit) if unit else ui_text(
            "your_answer", lang)

    def _answer_control(self) -> w.Widget:
        return self._box

