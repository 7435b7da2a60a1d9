"""Moodle XML: the question bank as Moodle's own import/export format, and back.

Written with the standard library (ElementTree builds the tree; texts go out as CDATA, with
``]]>`` split across two sections so that any text survives). Two languages are written as
Moodle's multilang spans (``<span lang="en" class="multilang">``, ``lang="zh_cn"``), which the
multilang filter shows in the reader's language. crm-course's own facts about an item (its id,
type, mode, lesson, numeric measure) travel as the question's ``idnumber``, category and tags.
The ordering question (``qtype_ordering``, part of Moodle's own code since 4.4) is written as
its export code writes it (read in Moodle's source, not tried on a Moodle site).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from course.bankio.common import (
    MOODLE_CATEGORY_ROOT,
    MOODLE_FRACTIONS,
    MOODLE_ZH,
    Context,
    Report,
    bank_text,
    former_ids_field,
    former_ids_text,
    multilang_html,
    text_of_html,
)
from course.errors import InputError

# -- writing -----------------------------------------------------------------------------

def sub(parent, tag: str, text: str | None = None, **attrs) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: str(v) for k, v in attrs.items()})
    if text is not None:
        element.text = str(text)
    return element


def html_field(parent, tag: str, value, ctx: Context) -> ET.Element:
    """``<tag format="html"><text>...</text></tag>`` holding a bank text."""
    element = sub(parent, tag, format="html")
    sub(element, "text", multilang_html(ctx.pick(value)) if value is not None else "")
    return element


def question(ex, qtype: str, ctx: Context) -> ET.Element:
    """A <question> with what every type shares: name, text, solution, id, hints, tags."""
    q = ET.Element("question", {"type": qtype})
    name = sub(q, "name")
    sub(name, "text", multilang_html(ctx.pick(ex.raw.get("title") or ex.id)))
    html_field(q, "questiontext", ex.raw.get("prompt", ""), ctx)
    html_field(q, "generalfeedback", ex.raw.get("solution"), ctx)
    sub(q, "defaultgrade", "1.0000000")
    sub(q, "penalty", "0.3333333")
    sub(q, "hidden", "0")
    sub(q, "idnumber", ex.id)
    return q


def finish(q: ET.Element, ex, ctx: Context, *, hints: bool = True, tags=()) -> ET.Element:
    if hints:
        for hint in ex.raw.get("hints") or []:
            html_field(q, "hint", hint, ctx)
    elif ex.raw.get("hints"):
        ctx.lost("hints", "Moodle's question type has no hints")
    element = sub(q, "tags")
    # the id as a tag too: Moodle's import of a Cloze question skips its idnumber
    former = [f"crm-former:{former_ids_text(ex)}"] if former_ids_text(ex) else []
    for tag in (f"crm-id:{ex.id}", f"crm-type:{ex.type}", f"crm-mode:{ex.mode}", *former,
                *tags):
        sub(sub(element, "tag"), "text", tag)
    return q


def combined_feedback(q, ex, ctx: Context) -> None:
    fb = ex.raw.get("feedback") or {}
    html_field(q, "correctfeedback", fb.get("correct", ""), ctx)
    html_field(q, "partiallycorrectfeedback", fb.get("wrong", ""), ctx)
    html_field(q, "incorrectfeedback", fb.get("wrong", ""), ctx)


def graded_answer(q, text: str, right: bool, ex, ctx: Context) -> ET.Element:
    """An <answer> graded right or wrong (fraction 100 or 0) with its text and the bank's
    feedback for a right or a wrong answer (true/false and numerical questions)."""
    fb = ex.raw.get("feedback") or {}
    answer = sub(q, "answer", fraction="100" if right else "0", format="moodle_auto_format")
    sub(answer, "text", text)
    html_field(answer, "feedback", fb.get("correct" if right else "wrong", ""), ctx)
    return answer


def cdata(text: str) -> str:
    """Text as CDATA sections; a ``]]>`` inside is split between two sections."""
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(value: str) -> str:
    return _escape(value).replace('"', "&quot;")


def serialize(element: ET.Element, indent: str = "") -> list[str]:
    """The XML lines of ``element``; the content of every <text> goes out as CDATA."""
    attrs = "".join(f' {k}="{_attr(v)}"' for k, v in element.attrib.items())
    head = f"{indent}<{element.tag}{attrs}"
    if len(element) == 0:
        if element.text is None or element.text == "":
            return [f"{head}/>" if element.tag != "text" else f"{head}></{element.tag}>"]
        body = cdata(element.text) if element.tag == "text" else _escape(element.text)
        return [f"{head}>{body}</{element.tag}>"]
    lines = [f"{head}>"]
    for child in element:
        lines += serialize(child, indent + "  ")
    lines.append(f"{indent}</{element.tag}>")
    return lines


class Writer:
    """Collects the questions of an export, a category per lesson, and writes the file."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.root = ET.Element("quiz")

    def lesson(self, lesson) -> None:
        q = sub(self.root, "question", type="category")
        sub(sub(q, "category"), "text", f"{MOODLE_CATEGORY_ROOT}/{lesson.slug}")
        html_field(q, "info", lesson.title.to_json(), self.ctx)

    def add(self, ex, piece: ET.Element) -> None:
        self.root.append(piece)

    def save(self, out: Path) -> None:
        out.parent.mkdir(parents=True, exist_ok=True)
        text = '<?xml version="1.0" encoding="UTF-8"?>\n' + "\n".join(serialize(self.root))
        out.write_text(text + "\n", encoding="utf-8")


# -- reading -----------------------------------------------------------------------------

def text_at(element, path: str) -> str:
    found = element.find(path)
    return found.text or "" if found is not None else ""


def bank_value(element, path: str):
    """The bank text of ``<path><text>`` (HTML with multilang spans), or None if empty."""
    value = text_of_html(text_at(element, path + "/text"))
    return value or None


def tags_of(q) -> dict[str, str]:
    out = {}
    for tag in q.findall("tags/tag/text"):
        name, _, value = (tag.text or "").partition(":")
        if name.startswith("crm-"):
            out[name[4:]] = value
    return out


def common_fields(q, type_name: str, tags: dict) -> dict:
    raw = {"id": text_at(q, "idnumber").strip() or tags.get("id")
           or _id_from(text_at(q, "name/text")),
           "type": type_name, "mode": tags.get("mode", "practice"),
           **former_ids_field(tags.get("former"))}
    title = bank_value(q, "name")
    if title:
        raw["title"] = title
    raw["prompt"] = bank_value(q, "questiontext") or ""
    hints = [text_of_html(h.findtext("text") or "") for h in q.findall("hint")]
    if any(hints):
        raw["hints"] = [h for h in hints if h]
    solution = bank_value(q, "generalfeedback")
    if solution:
        raw["solution"] = solution
    return raw


def feedback_of(q, correct_path: str = "correctfeedback", wrong_path: str = "incorrectfeedback"):
    out = {}
    for key, path in (("correct", correct_path), ("wrong", wrong_path)):
        value = bank_value(q, path)
        if value:
            out[key] = value
    return out


def with_feedback(raw: dict, q) -> dict:
    """``raw`` (an imported item) with the question's right/wrong feedback when it has any."""
    fb = feedback_of(q)
    if fb:
        raw["feedback"] = fb
    return raw


def with_answer_feedback(raw: dict, q, right) -> dict:
    """``raw`` with the feedback written on the answers of ``q`` when any has one (true/false
    and numerical questions keep it there): an answer ``right(answer)`` accepts gives the
    "correct" feedback, another the "wrong" one."""
    fb = {}
    for answer in q.findall("answer"):
        value = bank_value(answer, "feedback")
        if value:
            fb["correct" if right(answer) else "wrong"] = value
    if fb:
        raw["feedback"] = fb
    return raw


def _id_from(name: str) -> str:
    text = text_of_html(name)
    slug = re.sub(r"[^a-z0-9]+", "-", (text if isinstance(text, str) else text["en"]).lower())
    return slug.strip("-")[:60] or "imported"


def _parse_file(path: Path) -> ET.Element:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise InputError(f"{path}: not well-formed XML ({exc}); expected a Moodle XML "
                         "question file") from None
    if root.tag != "quiz":
        raise InputError(f"{path}: the root element is <{root.tag}>; a Moodle XML question "
                         "file starts with <quiz>")
    return root


def read(path: Path, report: Report, codecs: dict):
    """The bank entries of a Moodle XML file: ``(lesson slug, lesson title, entry)`` each."""
    by_qtype = {}
    for type_name, codec in codecs.items():
        for qtype in codec.qtypes:
            by_qtype.setdefault(qtype, []).append((type_name, codec))
    slug, title = "imported", None
    for n, q in enumerate(_parse_file(path).findall("question"), start=1):
        qtype = q.get("type", "")
        if qtype == "category":
            slug, title = _category(q)
            continue
        tags = tags_of(q)
        choices = by_qtype.get(qtype, [])
        chosen = [c for c in choices if c[0] == tags.get("type")] or choices[:1]
        ident = text_at(q, "idnumber") or f"question {n}"
        if not chosen:
            report.note(ident, qtype, "", f"Moodle type {qtype!r} has no crm-course kind")
            continue
        type_name, codec = chosen[0]
        try:
            raw = common_fields(q, codec.type_for(q, type_name), tags)
            raw.update(codec.read(q, tags))
        except (ValueError, KeyError, IndexError) as exc:
            report.note(ident, qtype, "", f"cannot be read: {exc}")
            continue
        yield slug, title, raw


def _category(q) -> tuple[str, object]:
    path = text_at(q, "category/text").strip().rstrip("/")
    slug = path.rsplit("/", 1)[-1] or "imported"
    slug = re.sub(r"[^a-z0-9-]+", "-", slug.lower()).strip("-") or "imported"
    return slug, bank_value(q, "info")


# -- the codecs (one per kind; the kinds name them in their ``views``) ----------------------

class Codec:
    qtypes: tuple[str, ...] = ()

    def type_for(self, q, type_name: str) -> str:
        return type_name


class ChoiceCodec(Codec):
    """single_choice and multiple_choice as multichoice (fractions: 1/n right, -1/n wrong)."""

    qtypes = ("multichoice",)

    def export(self, ex, ctx: Context):
        q = question(ex, "multichoice", ctx)
        n_right = len(ex.correct_indexes)
        right = MOODLE_FRACTIONS.get(n_right) if ex.multiple else "100"
        if right is None:
            right = f"{100 / n_right:.5f}"
            ctx.lost("options", f"{n_right} right options: Moodle accepts no fraction 1/{n_right}"
                                "; written as it is, Moodle may round it")
        sub(q, "single", "false" if ex.multiple else "true")
        sub(q, "shuffleanswers", "true" if ex.shuffle else "false")
        sub(q, "answernumbering", "abc")
        combined_feedback(q, ex, ctx)
        for option, raw in zip(ex.options, ex.raw.get("options") or [], strict=True):
            fraction = right if option.correct else (f"-{right}" if ex.multiple else "0")
            answer = sub(q, "answer", fraction=fraction, format="html")
            sub(answer, "text", multilang_html(ctx.pick(raw.get("text"))))
            html_field(answer, "feedback", raw.get("feedback", ""), ctx)
        return finish(q, ex, ctx)

    def type_for(self, q, type_name: str) -> str:
        single = text_at(q, "single").strip().lower() in ("true", "1")
        return "single_choice" if single else "multiple_choice"

    def read(self, q, tags):
        options = []
        for answer in q.findall("answer"):
            option = {"text": text_of_html(answer.findtext("text") or "")}
            if float(answer.get("fraction", "0")) > 0:
                option["correct"] = True
            fb = bank_value(answer, "feedback")
            if fb:
                option["feedback"] = fb
            options.append(option)
        raw = {"options": options}
        if text_at(q, "shuffleanswers").strip().lower() in ("false", "0"):
            raw["shuffle"] = False
        return with_feedback(raw, q)


class TrueFalseCodec(Codec):
    """true_false as truefalse; the feedback of the right and the wrong answer per answer."""

    qtypes = ("truefalse",)

    def export(self, ex, ctx: Context):
        q = question(ex, "truefalse", ctx)
        for value in (True, False):
            graded_answer(q, "true" if value else "false", value == ex.answer, ex, ctx)
        return finish(q, ex, ctx)

    def read(self, q, tags):
        raw = {}
        for answer in q.findall("answer"):
            if float(answer.get("fraction", "0")) > 0:
                raw["answer"] = (answer.findtext("text") or "").strip().lower() == "true"
        if "answer" not in raw:
            raise ValueError("no answer has fraction 100")
        return with_answer_feedback(raw, q, lambda a: float(a.get("fraction", "0")) > 0)


class MatchingCodec(Codec):
    """matching as matching; a distractor is a right item with an empty left (Moodle's way)."""

    qtypes = ("matching",)

    def export(self, ex, ctx: Context):
        q = question(ex, "matching", ctx)
        sub(q, "shuffleanswers", "true")
        combined_feedback(q, ex, ctx)
        pairs = [(left, right) for left, right in ex.raw.get("pairs") or []]
        pairs += [("", d) for d in ex.raw.get("distractors") or []]
        for left, right in pairs:
            element = sub(q, "subquestion", format="html")
            sub(element, "text", multilang_html(ctx.pick(left)) if left != "" else "")
            sub(sub(element, "answer"), "text", multilang_html(ctx.pick(right)))
        return finish(q, ex, ctx)

    def read(self, q, tags):
        pairs, distractors = [], []
        for element in q.findall("subquestion"):
            left = text_of_html(element.findtext("text") or "")
            right = text_of_html(element.findtext("answer/text") or "")
            (pairs.append([left, right]) if left else distractors.append(right))
        raw = {"pairs": pairs}
        if distractors:
            raw["distractors"] = distractors
        return with_feedback(raw, q)


class OrderingCodec(Codec):
    """ordering as qtype_ordering (in Moodle's own code since 4.4): the answers in the right
    order (its import takes the file's order; the fractions 1, 2, 3... say the same)."""

    qtypes = ("ordering",)

    def export(self, ex, ctx: Context):
        q = question(ex, "ordering", ctx)
        sub(q, "layouttype", "VERTICAL")
        sub(q, "selecttype", "ALL")
        sub(q, "selectcount", str(len(ex.items)))
        sub(q, "gradingtype", "ALL_OR_NOTHING" if ex.all_or_nothing else "ABSOLUTE_POSITION")
        sub(q, "showgrading", "SHOW")
        sub(q, "numberingstyle", "none")
        combined_feedback(q, ex, ctx)
        for i, item in enumerate(ex.raw.get("items") or [], start=1):
            answer = sub(q, "answer", fraction=f"{i}.0000000", format="html")
            sub(answer, "text", multilang_html(ctx.pick(item)))
        return finish(q, ex, ctx)

    def read(self, q, tags):
        answers = sorted(q.findall("answer"), key=lambda a: float(a.get("fraction", "0")))
        raw = {"items": [text_of_html(a.findtext("text") or "") for a in answers]}
        if text_at(q, "gradingtype").strip() == "ALL_OR_NOTHING":
            raw["all_or_nothing"] = True
        return with_feedback(raw, q)


class NumericCodec(Codec):
    """numeric as numerical: the answer with its tolerance, the unit (both languages) graded."""

    qtypes = ("numerical",)

    def export(self, ex, ctx: Context):
        q = question(ex, "numerical", ctx)
        tolerance = ex.tolerance
        if ex.relative_tolerance:
            tolerance = abs(ex.answer) * ex.relative_tolerance
            ctx.lost("relative_tolerance", "Moodle's tolerance is absolute: written as "
                                           f"± {tolerance:g}")
        if ex.too_high or ex.too_low:
            ctx.lost("too_high, too_low", "Moodle's numerical question has no feedback by "
                                          "direction")
        number = f"{ex.answer:g}" if ex.answer == int(ex.answer) else repr(ex.answer)
        answer = graded_answer(q, number, True, ex, ctx)
        sub(answer, "tolerance", f"{tolerance:g}")
        graded_answer(q, "*", False, ex, ctx)
        names = self._unit_names(ex, ctx)
        # units optional (unitgradingtype 0, a text box: showunits 0), as the course grades:
        # the number alone or with one of its units; no units at all: showunits 3 (none)
        sub(q, "unitgradingtype", "0")
        sub(q, "unitpenalty", "0.1000000")
        sub(q, "showunits", "0" if names else "3")
        sub(q, "unitsleft", "0")
        if names:
            units = sub(q, "units")
            for name in names:
                unit = sub(units, "unit")
                sub(unit, "multiplier", "1")
                sub(unit, "unit_name", name)
        tags = [f"crm-{k}:{ex.raw[k]}" for k in ("measures", "currency", "magnitude")
                if ex.raw.get(k)]
        return finish(q, ex, ctx, tags=tags)

    @staticmethod
    def _unit_names(ex, ctx: Context) -> list[str]:
        if ex.raw.get("unit") is None:
            return []
        unit = ctx.pick(ex.raw["unit"])
        return [unit.en, unit.zh] if unit.has_both else [unit.en or unit.zh]

    def read(self, q, tags):
        raw = {}
        for answer in q.findall("answer"):
            text = (answer.findtext("text") or "").strip()
            if float(answer.get("fraction", "0")) >= 100 and text != "*":
                value = float(text)
                raw["answer"] = int(value) if value == int(value) else value
                raw["tolerance"] = float(answer.findtext("tolerance") or 0)
                if raw["tolerance"] == int(raw["tolerance"]):
                    raw["tolerance"] = int(raw["tolerance"])
        if "answer" not in raw:
            raise ValueError("no answer with fraction 100")
        names = [u.findtext("unit_name") or "" for u in q.findall("units/unit")
                 if float(u.findtext("multiplier") or 1) == 1]
        if names:
            raw["unit"] = bank_text(names[0], names[1] if len(names) > 1 else None)
        for key in ("measures", "currency", "magnitude"):
            if tags.get(key):
                raw[key] = tags[key]
        raw.setdefault("measures", "percent" if names[:1] == ["%"] else "number")
        return with_answer_feedback(raw, q, lambda a: float(a.get("fraction", "0")) >= 100)



__all__ = ["ChoiceCodec", "MOODLE_ZH", "MatchingCodec", "NumericCodec", "OrderingCodec",
           "TrueFalseCodec", "Writer", "read"]
