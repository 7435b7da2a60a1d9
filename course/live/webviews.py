"""The learner page's forms: one web view per exercise kind (``views["web"]`` of each kind).

A view is an object with two methods, asked by the live service (``course.live.learner``):

- ``form(exercise, lang, learner="") -> dict``: the JSON the learner page draws as a plain
  HTML form, its texts in ``lang`` ("en", "zh" or "both"). It carries the question only:
  never a correct flag, an answer, a solution or feedback text (a phone's page can be read).
- ``response(exercise, submitted) -> response``: what the page sent, checked and turned into
  the value ``exercise.grade`` takes (the same graders as the notebook's); a bad value raises
  :class:`BadAnswer`, a ``ValueError`` whose ``message`` a learner can read.

Every form has ``id``, ``type``, ``view`` (which form the page draws: ``choice``, ``cloze``,
``numeric``, ``matching``, ``ordering`` or ``text``), ``badge``, ``title`` and ``prompt``.
A view reads the exercise's attributes only: it imports neither its kind's module nor
``course.exercises.kinds`` (the kinds name it by a plug-in string; tests/engine/
test_architecture.py would see the cycle).
"""
from __future__ import annotations

import re

from course.messages import ui
from course.text import Bilingual, as_bilingual

#: The longest typed text the page sends for one blank, one number or one option key.
MAX_FIELD = 2000  # as course.exercises.text_match.MAX_ANSWER_CHARS, a blank's limit
#: The longest reply (as the reply kind's MAX_REPLY_CHARS: a letter of about 1,500 words).
MAX_REPLY = 10000


class BadAnswer(ValueError):
    """What the page sent cannot be an answer; ``message`` (a Bilingual) says why."""

    def __init__(self, message: Bilingual):
        super().__init__(message.en)
        self.message = message


def text(value, lang: str) -> str:
    """A bank text in ``lang``; "both" puts the Chinese on a line of its own."""
    return as_bilingual(value).render(lang, sep="\n") if value is not None else ""


def base_form(exercise, lang: str, view: str) -> dict:
    """What every form carries: the exercise's id and type, its badge, title and prompt."""
    badge = f"type_{exercise.type}"
    try:
        badge_text = ui(badge).render(lang)
    except KeyError:  # a kind without its badge text: its type name
        badge_text = exercise.type
    return {"id": exercise.id, "type": exercise.type, "view": view, "badge": badge_text,
            "title": text(exercise.title, lang), "prompt": text(exercise.prompt, lang)}


def _field(value, empty: Bilingual, limit: int = MAX_FIELD) -> str:
    """One typed text of the page: a string (None: empty) of at most ``limit`` characters."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise BadAnswer(empty)
    if len(value) > limit:
        raise BadAnswer(ui("web_too_long", limit=limit))
    return value


class ChoiceView:
    """Single or multiple choice: radio buttons or check boxes, in the learner's order."""

    def form(self, exercise, lang: str, learner: str = "") -> dict:
        out = base_form(exercise, lang, "choice")
        order = exercise.display_order(learner)
        out["multiple"] = bool(exercise.multiple)
        out["options"] = [{"key": exercise.options[i].key,
                           "text": text(exercise.options[i].text, lang)} for i in order]
        return out

    def response(self, exercise, submitted):
        keys = {o.key for o in exercise.options}
        if not exercise.multiple:
            if not isinstance(submitted, str) or submitted not in keys:
                raise BadAnswer(ui("web_pick_one"))
            return submitted
        if isinstance(submitted, str):
            submitted = [submitted]
        if not isinstance(submitted, list) or not submitted or len(submitted) > len(keys) \
                or not all(isinstance(k, str) and k in keys for k in submitted):
            raise BadAnswer(ui("web_pick_some"))
        return list(dict.fromkeys(submitted))


class TrueFalseView:
    """True or false: two radio buttons (the page draws it as a single choice)."""

    def form(self, exercise, lang: str, learner: str = "") -> dict:
        out = base_form(exercise, lang, "choice")
        out["multiple"] = False
        out["options"] = [{"key": "true", "text": ui("tf_true").render(lang)},
                          {"key": "false", "text": ui("tf_false").render(lang)}]
        return out

    def response(self, exercise, submitted):
        if isinstance(submitted, bool):
            return submitted
        if submitted in ("true", "false"):
            return submitted == "true"
        raise BadAnswer(ui("web_pick_one"))


class ClozeView:
    """Fill in the blanks: the text cut at each blank, a text box (or, with a word bank, a
    list to choose from) per blank. A blank's answers and tip never reach the page."""

    def form(self, exercise, lang: str, learner: str = "") -> dict:
        out = base_form(exercise, lang, "cloze")
        segments = []
        for seg in exercise.segments:
            if isinstance(seg, str):
                segments.append({"text": seg})
            else:
                segments.append({"blank": seg.index,
                                 "label": ui("blank_label", n=seg.index + 1).render(lang)})
        out["segments"] = segments
        out["blanks"] = len(exercise.blanks)
        out["choices"] = exercise.word_bank_choices() if exercise.word_bank else None
        return out

    def response(self, exercise, submitted):
        n = len(exercise.blanks)
        empty = ui("web_fill_blanks", n=n)
        if isinstance(submitted, str) and n == 1:
            submitted = [submitted]
        if not isinstance(submitted, list) or len(submitted) != n:
            raise BadAnswer(empty)
        texts = [_field(v, empty) for v in submitted]
        if not any(t.strip() for t in texts):
            raise BadAnswer(empty)
        return texts


class NumericView:
    """A number: one text box (the learner may type "¥12", "15%", "24 hours"), its unit beside."""

    def form(self, exercise, lang: str, learner: str = "") -> dict:
        out = base_form(exercise, lang, "numeric")
        unit = getattr(exercise, "unit_text", None)
        out["unit"] = unit.render(lang) if unit is not None else ""
        return out

    def response(self, exercise, submitted):
        if isinstance(submitted, int | float) and not isinstance(submitted, bool):
            submitted = str(submitted)
        value = _field(submitted, ui("web_give_number"), limit=100)
        if not value.strip():
            raise BadAnswer(ui("web_give_number"))
        return value.strip()


class MatchingView:
    """Matching: for each item on the left, a list of the right-hand items to choose from."""

    def form(self, exercise, lang: str, learner: str = "") -> dict:
        out = base_form(exercise, lang, "matching")
        out["lefts"] = [{"key": key, "text": text(item, lang)}
                        for key, item in zip(exercise.lefts, exercise.left_items, strict=True)]
        out["rights"] = [{"key": key, "text": text(exercise.right_item(key), lang)}
                         for key in exercise.right_choices()]
        return out

    def response(self, exercise, submitted):
        if not isinstance(submitted, dict):
            raise BadAnswer(ui("web_match_some"))
        lefts, rights = set(exercise.lefts), set(exercise.rights)
        out = {}
        for left, right in submitted.items():
            if left not in lefts or not (right is None or isinstance(right, str)):
                raise BadAnswer(ui("web_match_some"))
            if right:
                if right not in rights:
                    raise BadAnswer(ui("web_match_some"))
                out[left] = right
        if not out:
            raise BadAnswer(ui("web_match_some"))
        return out


class OrderingView:
    """Ordering: the items in a list with "move up" and "move down" buttons (no dragging)."""

    def form(self, exercise, lang: str, learner: str = "") -> dict:
        out = base_form(exercise, lang, "ordering")
        out["items"] = [{"key": key, "text": text(exercise.item(key), lang)}
                        for key in exercise.start_order()]
        return out

    def response(self, exercise, submitted):
        keys = list(exercise.keys)
        if not isinstance(submitted, list) or len(submitted) != len(keys) \
                or not all(isinstance(k, str) for k in submitted) \
                or sorted(submitted) != sorted(keys):
            raise BadAnswer(ui("web_order_all", n=len(keys)))
        return list(submitted)


class ReplyView:
    """A short reply to a buyer: the buyer's message, the facts, the rubric, a text box; the
    server grades it with the reviewer as the notebook does. Model answer and notes stay there."""

    def form(self, exercise, lang: str, learner: str = "") -> dict:
        from course.writing.facts import fact_label, show_value

        out = base_form(exercise, lang, "text")
        # the bank's lines are cut for the editor: one paragraph flows on a phone's width
        out["buyer"] = re.sub(r"(?<!\n)\n(?!\n)", " ", exercise.buyer.strip())
        out["facts"] = [{"label": Bilingual(*fact_label(name)).render(lang, sep=" / "),
                         "value": show_value(name, value)}
                        for name, value in exercise.facts.items()]
        low, high = exercise.words
        out["words"] = [low, high]
        out["rubric"] = [text(r, lang) for r in exercise.rubric]
        out["labels"] = {key: ui(key).render(lang, sep=" / ")
                         for key in ("reply_buyer", "reply_facts", "reply_rubric",
                                     "reply_placeholder")}
        return out

    def response(self, exercise, submitted):
        value = _field(submitted, ui("web_write_text"), limit=MAX_REPLY)
        if not value.strip():
            raise BadAnswer(ui("web_write_text"))
        return value
