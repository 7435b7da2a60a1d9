"""GIFT, Moodle's text format for questions: written and read with the standard library.

What GIFT can express: single and multiple choice (weights in percent, feedback per answer),
true/false, matching (without distractors), a numerical answer with a tolerance (no units),
a cloze with ONE blank (GIFT's "missing word"), an essay (without grader information) and an
ordering (the GIFT form of Moodle's ordering question). What it cannot: several blanks in one
text, hints, units, the rubric and model answer of a reply task, a role-play. Each such loss
is reported per item.

Texts go out in GIFT's ``[html]`` format (two languages as Moodle's multilang spans), escaped
as GIFT asks: ``~ = # { } :`` and the backslash behind a backslash, a line break as ``\\n``.
crm-course's id, type, mode and lesson travel as ``// [id:...]``, ``// [tag:...]`` and
``$CATEGORY:`` lines, which Moodle 3.6+ reads.
"""
from __future__ import annotations

import re
from pathlib import Path

from course.bankio.common import (
    MOODLE_CATEGORY_ROOT,
    MOODLE_FRACTIONS,
    Context,
    Report,
    former_ids_field,
    former_ids_text,
    multilang_html,
    plain_segment,
    text_of_html,
)
from course.errors import InputError

SPECIAL = "~=#{}:"


def escape(text: str) -> str:
    """Text as GIFT writes it: special characters behind a backslash, line breaks as \\n."""
    out = text.replace("\\", "\\\\")
    for char in SPECIAL:
        out = out.replace(char, "\\" + char)
    return out.replace("\r\n", "\n").replace("\n", "\\n")


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def html(ctx: Context, value) -> str:
    return escape(multilang_html(ctx.pick(value)))


def split_unescaped(text: str, marks: str) -> list[str]:
    """``text`` cut before every unescaped character of ``marks`` (the mark starts a piece)."""
    pieces, current, i = [], "", 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            current += text[i : i + 2]
            i += 2
            continue
        if char in marks:
            pieces.append(current)
            current = ""
        current += char
        i += 1
    pieces.append(current)
    return [p for p in pieces if p.strip()]


def cut(text: str, mark: str) -> tuple[str, str | None]:
    """``text`` before and after the first unescaped ``mark`` (None when there is none)."""
    i = 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith(mark, i):
            return text[:i], text[i + len(mark):]
        i += 1
    return text, None


class Writer:
    """Collects the questions (with their comment and category lines) and writes the file."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.blocks: list[str] = []

    def lesson(self, lesson) -> None:
        self.blocks.append(f"// {lesson.title.both(' · ')}\n$CATEGORY: {MOODLE_CATEGORY_ROOT}/"
                           f"{lesson.slug}")

    def add(self, ex, text: str) -> None:
        tags = " ".join(f"[tag:{t}]" for t in (f"crm-type:{ex.type}", f"crm-mode:{ex.mode}",
                                               *_extra_tags(ex)))
        self.blocks.append(f"// [id:{ex.id}] {tags}\n{text}")

    def save(self, out: Path) -> None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("\n\n".join(self.blocks) + "\n", encoding="utf-8")


def _extra_tags(ex) -> list[str]:
    former = [f"crm-former:{former_ids_text(ex)}"] if former_ids_text(ex) else []
    return former + [f"crm-{k}:{ex.raw[k]}" for k in ("measures", "currency", "magnitude")
                     if ex.type == "numeric" and ex.raw.get(k)]


def head(ex, ctx: Context, text: str | None = None) -> str:
    """``::title::[html]question text``; hints and overall feedback reported."""
    title = escape(ctx.plain(ex.raw.get("title") or ex.id, " / "))
    if ex.raw.get("hints"):
        ctx.lost("hints", "GIFT has no hints")
    return f"::{title}::[html]{text if text is not None else _prompt(ex, ctx)}"


def _prompt(ex, ctx: Context) -> str:
    return html(ctx, ex.raw.get("prompt", ""))


def general(ex, ctx: Context) -> str:
    """``####solution`` (GIFT's general feedback), or nothing."""
    return f"####{html(ctx, ex.raw['solution'])}" if ex.raw.get("solution") else ""


def _fb(ctx: Context, value) -> str:
    return f"#{html(ctx, value)}" if value else ""


def _overall_feedback_lost(ex, ctx: Context) -> None:
    if ex.raw.get("feedback"):
        ctx.lost("feedback", "GIFT has feedback per answer only")


class ChoiceCodec:
    def export(self, ex, ctx: Context):
        _overall_feedback_lost(ex, ctx)
        n = len(ex.correct_indexes)
        weight = MOODLE_FRACTIONS.get(n, f"{100 / n:.5f}")
        answers = []
        for option in ex.raw.get("options") or []:
            right = bool(option.get("correct"))
            if not ex.multiple:
                mark = "=" if right else "~"
            else:
                mark = f"~%{weight}%" if right else f"~%-{weight}%"
            answers.append(f"\t{mark}{html(ctx, option['text'])}{_fb(ctx, option.get('feedback'))}")
        if not ex.shuffle:
            ctx.lost("shuffle", "GIFT leaves the order of answers to the quiz settings")
        return head(ex, ctx) + " {\n" + "\n".join(answers) + f"\n{general(ex, ctx)}}}"

    def read(self, answers: list[tuple[str, str, str | None]], tags) -> dict:
        options, weights = [], []
        for mark, text, feedback in answers:
            weight = 100.0 if mark == "=" else _weight(mark)
            option = {"text": text}
            if weight > 0:
                option["correct"] = True
            if feedback:
                option["feedback"] = feedback
            weights.append(weight)
            options.append(option)
        single = all(w in (0, 100) for w in weights) and sum(w == 100 for w in weights) == 1 \
            and tags.get("type") != "multiple_choice"
        return {"type": "single_choice" if single else "multiple_choice", "options": options}


def _weight(mark: str) -> float:
    m = re.search(r"%(-?[\d.]+)%", mark)
    return float(m.group(1)) if m else 0.0


class TrueFalseCodec:
    def export(self, ex, ctx: Context):
        fb = ex.raw.get("feedback") or {}
        word = "TRUE" if ex.answer else "FALSE"
        # GIFT: the first feedback is for a wrong answer, the second for a right one
        notes = ""
        if fb:
            notes = f"#{html(ctx, fb.get('wrong', ''))}#{html(ctx, fb.get('correct', ''))}"
        return head(ex, ctx) + f" {{{word}{notes}{general(ex, ctx)}}}"

    def read_tf(self, body: str) -> dict:
        word, rest = cut(body, "#")
        raw = {"type": "true_false", "answer": word.strip().upper() in ("T", "TRUE")}
        if rest is not None:
            wrong, right = cut(rest, "#")
            fb = {k: text_of_html(unescape(v)) for k, v in (("wrong", wrong), ("correct", right))
                  if v and v.strip()}
            if fb:
                raw["feedback"] = fb
        return raw


class MatchingCodec:
    def export(self, ex, ctx: Context):
        _overall_feedback_lost(ex, ctx)
        if ex.raw.get("distractors"):
            ctx.lost("distractors", "GIFT matching pairs every right item with a left one")
        pairs = [f"\t={html(ctx, left)} -> {html(ctx, right)}"
                 for left, right in ex.raw.get("pairs") or []]
        return head(ex, ctx) + " {\n" + "\n".join(pairs) + f"\n{general(ex, ctx)}}}"

    def read(self, answers, tags) -> dict:
        pairs = []
        for _mark, text, _fb in answers:
            left, _, right = text.partition(" -> ") if " -> " in text else text.partition("->")
            pairs.append([left.strip(), right.strip()])
        return {"type": "matching", "pairs": pairs}


class NumericCodec:
    def export(self, ex, ctx: Context):
        fb = ex.raw.get("feedback") or {}
        tolerance = ex.tolerance or abs(ex.answer) * ex.relative_tolerance
        if ex.relative_tolerance:
            ctx.lost("relative_tolerance", f"written as the absolute tolerance ± {tolerance:g}")
        if ex.raw.get("unit") is not None:
            ctx.lost("unit", "a GIFT numerical answer has no unit")
        if fb.get("wrong"):
            ctx.lost("feedback", "GIFT has no feedback for any wrong number")
        if ex.too_high or ex.too_low:
            ctx.lost("too_high, too_low", "GIFT has no feedback by direction")
        answer = f"{ex.answer:g}:{tolerance:g}"
        return head(ex, ctx) + f" {{#={answer}{_fb(ctx, fb.get('correct'))}{general(ex, ctx)}}}"

    def read_numeric(self, body: str, tags) -> dict:
        first = split_unescaped(body[1:], "=~")[0]
        text, feedback = cut(first.lstrip("="), "#")
        number, _, tolerance = unescape(text).strip().partition(":")
        value = float(number)
        raw = {"type": "numeric", "answer": int(value) if value == int(value) else value,
               "tolerance": _number(tolerance or "0")}
        if feedback and feedback.strip():
            raw["feedback"] = {"correct": text_of_html(unescape(feedback))}
        raw.update({k: tags[k] for k in ("measures", "currency", "magnitude") if k in tags})
        raw.setdefault("measures", "number")
        return raw


def _number(text: str):
    value = float(text)
    return int(value) if value == int(value) else value


class ClozeCodec:
    """A cloze with one blank as GIFT's missing word (a short answer, or a menu for a word
    bank); with more blanks it is not available."""

    def export(self, ex, ctx: Context):
        if len(ex.blanks) != 1:
            ctx.lost("", f"{len(ex.blanks)} blanks: GIFT's missing-word question has one")
            return None
        if ex.blanks[0].tip:
            ctx.lost("tips", "GIFT has no tip for a blank")
        if not ex.word_bank and (ex.typo_tolerance or ex.forms):
            ctx.lost("typo_tolerance, forms", "GIFT accepts only the answers listed")
        blank = ex.blanks[0]
        if ex.word_bank:
            menu = [f"={escape(blank.answers[0])}"] + [
                f"~{escape(w)}" for w in ex._bank_words() if w != blank.answers[0]]
            from course.bankio.common import word_bank_alternatives

            word_bank_alternatives(ex, ctx)
        else:
            menu = [f"={escape(a)}" for a in blank.answers]
        at = next(i for i, s in enumerate(ex.segments) if not isinstance(s, str))
        before_text = "".join(ex.segments[:at])
        after_text = "".join(ex.segments[at + 1:])
        text = (f'<div class\\="crm-prompt">{_prompt(ex, ctx)}</div><div class\\="crm-cloze">'
                f"{escape(multilang_html(ctx.pick(before_text)))}")
        closing = escape(multilang_html(ctx.pick(after_text))) + "</div>"
        if ex.raw.get("blank_feedback") or ex.raw.get("feedback"):
            ctx.lost("feedback", "this exporter writes no feedback for a missing word")
        # no space around the braces: the text runs on into the gap and out of it
        return head(ex, ctx, text) + "{" + " ".join(menu) + f"{general(ex, ctx)}}}" + closing

    def read(self, before: str, items, after: str) -> dict:
        return _read_cloze(before, items, after)


class OrderingCodec:
    """ordering in the GIFT form of Moodle's ordering question (qtype_ordering, in Moodle's
    own code since 4.4): ``{>N ALL VERTICAL ABSOLUTE_POSITION SHOW`` then an item per line in
    the right order. Read in qtype_ordering's import code, not tried on a Moodle site."""

    def export(self, ex, ctx: Context):
        _overall_feedback_lost(ex, ctx)
        items = ex.raw.get("items") or []
        grading = "ALL_OR_NOTHING" if ex.all_or_nothing else "ABSOLUTE_POSITION"
        lines = "\n".join(html(ctx, item) for item in items)
        if ex.raw.get("solution"):
            ctx.lost("solution", "GIFT's ordering question has no general feedback")
        return head(ex, ctx) + f"{{>{len(items)} ALL VERTICAL {grading} SHOW\n{lines}\n}}"

    def read_ordering(self, body: str) -> dict:
        first, _, rest = body.partition("\n")
        words = first[1:].split()
        raw = {"type": "ordering",
               "items": [text_of_html(unescape(line.strip())) for line in rest.split("\n")
                         if line.strip()]}
        if "ALL_OR_NOTHING" in words:
            raw["all_or_nothing"] = True
        return raw


class EssayCodec:
    """A reply task as a GIFT essay: the task only (GIFT has no grader information)."""

    def export(self, ex, ctx: Context):
        ctx.lost("rubric, model_answer, buyer, facts, words, situation",
                 "a GIFT essay holds the question only; use Moodle XML or QTI to keep them")
        return head(ex, ctx) + f" {{{general(ex, ctx)}}}"


# -- reading -----------------------------------------------------------------------------

def _blocks(text: str):
    """(comment lines, question text) per block; $CATEGORY lines come as ('$CATEGORY', path)."""
    block, comments = [], []
    for line in text.splitlines() + [""]:
        stripped = line.strip()
        if stripped.startswith("//"):
            comments.append(stripped[2:].strip())
        elif stripped.startswith("$CATEGORY:"):
            yield "$CATEGORY", stripped.split(":", 1)[1].strip()
            comments = []
        elif not stripped:
            if block:
                yield comments, "\n".join(block)
            block, comments = [], [] if block else comments
        else:
            block.append(line)


def read(path: Path, report: Report, codecs: dict):  # noqa: ARG001 - GIFT names its codecs itself
    """The bank entries of a GIFT file: ``(lesson slug, lesson title, entry)`` each."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; save the GIFT file as UTF-8") from None
    slug = "imported"
    for n, (comments, block) in enumerate(_blocks(text), start=1):
        if comments == "$CATEGORY":
            slug = re.sub(r"[^a-z0-9-]+", "-", block.rstrip("/").rsplit("/", 1)[-1].lower())
            slug = slug.strip("-") or "imported"
            continue
        meta = " ".join(comments)
        ident = (re.search(r"\[id:([^\]]+)\]", meta) or [None, f"question-{n}"])[1]
        tags = {k[4:]: v for k, _, v in (t.partition(":") for t in
                                          re.findall(r"\[tag:(crm-[^\]]+)\]", meta))}
        try:
            raw = parse_question(block, tags)
        except (ValueError, IndexError) as exc:
            report.note(ident, tags.get("type", ""), "", f"cannot be read: {exc}")
            continue
        if raw is None:
            report.note(ident, "essay", "", "a GIFT essay holds no rubric or model answer, so "
                                            "it cannot become a reply task")
            continue
        yield slug, None, {"id": ident, "mode": tags.get("mode", "practice"),
                           **former_ids_field(tags.get("former")), **raw}


def parse_question(block: str, tags: dict) -> dict | None:
    """One GIFT question as a bank entry (without id and mode); None for an essay."""
    text = block.strip()
    raw = {}
    if text.startswith("::"):
        title, rest = cut(text[2:], "::")
        if rest is None:
            raise ValueError("the title opened with :: is not closed with ::")
        raw["title"] = text_of_html(unescape(title))
        text = rest.strip()
    text = re.sub(r"^\[(html|moodle|plain|markdown)\]", "", text)
    before, rest = cut(text, "{")
    if rest is None:
        raise ValueError("no answer block {...}")
    body, after = cut(rest, "}")
    if after is None:
        raise ValueError("the answer block is not closed with }")
    body, general = cut(body, "####")
    if general and general.strip():
        raw["solution"] = text_of_html(unescape(general.strip()))
    body = body.strip() if not body.lstrip().startswith(">") else body.lstrip()
    if not body:
        return None
    if body.startswith(">"):
        raw.update(OrderingCodec().read_ordering(body))
    elif body.startswith("#"):
        raw.update(NumericCodec().read_numeric(body, tags))
    elif re.fullmatch(r"(T|TRUE|F|FALSE)(#.*)?", body, re.DOTALL):
        raw.update(TrueFalseCodec().read_tf(body))
    else:
        items = [_item(piece) for piece in split_unescaped(body, "=~")]
        if after.strip() or tags.get("type") == "cloze":
            raw.update(ClozeCodec().read(before, items, after))
            return raw
        if all(" -> " in unescape(t) or "->" in t for _m, t, _f in items):
            raw.update(MatchingCodec().read([(m, unescape(t), f) for m, t, f in items], tags))
            raw["pairs"] = [[text_of_html(a), text_of_html(b)] for a, b in raw["pairs"]]
        else:
            raw.update(ChoiceCodec().read([(m, text_of_html(unescape(t)), f) for m, t, f in items],
                                   tags))
    raw["prompt"] = text_of_html(unescape(before.strip()))
    return raw


def _item(piece: str) -> tuple[str, str, str | None]:
    """An answer of a GIFT block: its mark (= or ~ with a weight), text and feedback."""
    mark = piece[0]
    rest = piece[1:]
    weight = re.match(r"%-?[\d.]+%", rest)
    if weight:
        mark += weight.group(0)
        rest = rest[weight.end():]
    text, feedback = cut(rest, "#")
    note = text_of_html(unescape(feedback.strip())) if feedback and feedback.strip() else None
    return mark, text.strip(), note


def _read_cloze(before: str, items, after: str) -> dict:
    start = unescape(before.lstrip())
    m = re.search(r'<div class="crm-prompt">(.*?)</div><div class="crm-cloze">(.*)$', start,
                  re.DOTALL)
    prompt, lead = (m.group(1), m.group(2)) if m else ("", start)
    tail = unescape(after.rstrip())
    tail = tail[: -len("</div>")] if tail.endswith("</div>") else tail
    answers = [unescape(t) for mark, t, _f in items if mark == "="]
    menu = [unescape(t) for mark, t, _f in items if mark.startswith("~")]
    raw = {"type": "cloze", "prompt": text_of_html(prompt),
           "text": f"{plain_segment(lead)}[[{'|'.join(answers)}]]{plain_segment(tail)}"}
    if menu:
        raw.update({"word_bank": True, "distractors": menu})
    return raw
