"""Moodle XML for the kinds that are mostly text: cloze (Moodle's Cloze, "multianswer") and
reply (an essay whose rubric and model answer go to the grader). See :mod:`course.bankio.moodle`."""
from __future__ import annotations

import html
import json
import re

from course.bankio.common import (
    Context,
    multilang_html,
    plain_segment,
    text_of_html,
    word_bank_alternatives,
)
from course.bankio.moodle import (
    Codec,
    _attr,
    _escape,
    finish,
    question,
    sub,
    text_at,
)

_CLOZE_SPECIAL = re.compile(r'([}#~/"\\])')
_GAP = re.compile(r"\{(\d*):([A-Z_]+):((?:\\.|[^\\}])*)\}")


def cloze_escape(text: str) -> str:
    return _CLOZE_SPECIAL.sub(r"\\\1", text)


def cloze_unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


class ClozeCodec(Codec):
    """cloze as Moodle's Cloze (multianswer; its XML type is "cloze"): a SHORTANSWER gap per
    blank, a shuffled MULTICHOICE menu per blank of a word bank."""

    qtypes = ("cloze", "multianswer")

    def export(self, ex, ctx: Context):
        feedback = ex.raw.get("blank_feedback") or []
        parts = []
        for segment in ex.segments:
            if isinstance(segment, str):  # text between the blanks
                parts.append(multilang_html(ctx.pick(segment)))
                continue
            fb = feedback[segment.index] if segment.index < len(feedback) else None
            parts.append(self._gap(ex, segment, fb or {}, ctx))
        prompt = multilang_html(ctx.pick(ex.raw.get("prompt", "")))
        q = question(ex, "cloze", ctx)
        q.find("questiontext/text").text = (f'<div class="crm-prompt">{prompt}</div>'
                                            f'<div class="crm-cloze">{"".join(parts)}</div>')
        if any(b.tip for b in ex.blanks):
            ctx.lost("tips", "a gap has no tip in Moodle")
        word_bank_alternatives(ex, ctx)
        if not ex.word_bank and (ex.typo_tolerance or ex.forms):
            ctx.lost("typo_tolerance, forms", "Moodle accepts only the answers listed; typo "
                                              "tolerance and other forms are not graded")
        if ex.raw.get("feedback"):
            ctx.lost("feedback", "a Cloze question has feedback per gap only")
        return finish(q, ex, ctx)

    def _gap(self, ex, blank, fb, ctx: Context) -> str:
        def note(key):
            text = fb.get(key) if isinstance(fb, dict) else None
            return "#" + cloze_escape(multilang_html(ctx.pick(text))) if text else ""

        # MCS: MULTICHOICE_S (a shuffled menu), SAC: SHORTANSWER_C (case counts)
        kind = "MCS" if ex.word_bank else ("SAC" if ex.case_sensitive else "SHORTANSWER")
        keys = blank.answers[:1] if ex.word_bank else blank.answers
        answers = [f"={cloze_escape(_escape(a))}{note('correct')}" for a in keys]
        if ex.word_bank:  # the menu: the bank's words (Moodle shuffles them)
            others = [w for w in ex._bank_words() if w != keys[0]]
            answers += [f"{cloze_escape(_escape(w))}{note('wrong')}" for w in others]
        elif note("wrong"):
            answers.append(f"*{note('wrong')}")
        return "{1:" + kind + ":" + "~".join(answers) + "}"

    def read(self, q, tags):
        html_text = text_at(q, "questiontext/text")
        m = re.search(r'<div class="crm-prompt">(.*?)</div><div class="crm-cloze">(.*)</div>',
                      html_text, re.DOTALL)
        prompt, body = (m.group(1), m.group(2)) if m else ("", html_text)
        raw = {"prompt": text_of_html(prompt)}
        pieces, feedback, menus, case = [], [], [], False
        pos = 0
        for gap in _GAP.finditer(body):
            pieces.append(plain_segment(body[pos:gap.start()]))
            answers, fb, others = _gap_answers(gap.group(3))
            case = case or gap.group(2) in ("SHORTANSWER_C", "SAC")
            if gap.group(2).startswith(("MULTICHOICE", "MC")):
                menus.append(others)
            pieces.append("[[" + "|".join(answers) + "]]")
            feedback.append(fb or None)
            pos = gap.end()
        pieces.append(plain_segment(body[pos:]))
        raw["text"] = "".join(pieces)
        if case:
            raw["case_sensitive"] = True
        if menus:
            raw["word_bank"] = True
            firsts = {p[2:-2].split("|")[0] for p in pieces if p.startswith("[[")}
            raw["distractors"] = list(dict.fromkeys(w for m in menus for w in m
                                                    if w not in firsts))
        if any(feedback):
            raw["blank_feedback"] = feedback
        return raw


def _gap_answers(body: str) -> tuple[list[str], dict, list[str]]:
    """The right answers, the gap's feedback and the other (menu) answers of a Cloze gap."""
    answers, others, fb = [], [], {}
    for part in re.split(r"(?<!\\)~", body):
        pieces = re.split(r"(?<!\\)#", part, maxsplit=1)
        text, note = pieces[0], pieces[1] if len(pieces) > 1 else ""
        right = text.startswith("=") or text.startswith("%100%")
        value = html.unescape(cloze_unescape(re.sub(r"^(=|%-?\d+%)", "", text)))
        note_text = text_of_html(cloze_unescape(note)) if note else None
        if right:
            answers.append(value)
            if note_text:
                fb["correct"] = note_text
        else:
            if value != "*":
                others.append(value)
            if note_text:
                fb["wrong"] = note_text
    return answers, fb, others


class EssayCodec(Codec):
    """reply as essay: the buyer's message and facts in the question, the rubric, model
    answer and notes as information for graders, the word range as Moodle's word limits."""

    qtypes = ("essay",)

    def export(self, ex, ctx: Context):
        q = question(ex, "essay", ctx)
        raw = ex.raw
        facts = json.dumps(raw.get("facts") or {}, ensure_ascii=False, sort_keys=True)
        rows = "".join(f"<tr><th>{_escape(str(k))}</th><td>{_escape(str(v))}</td></tr>"
                       for k, v in (raw.get("facts") or {}).items())
        prompt = multilang_html(ctx.pick(raw.get("prompt", "")))
        buyer = multilang_html(ctx.pick(raw.get("buyer", "")))
        q.find("questiontext/text").text = (
            f'<div class="crm-prompt">{prompt}</div><div class="crm-buyer">{buyer}</div>'
            f'<table class="crm-facts" data-facts="{_attr(facts)}">{rows}</table>')
        sub(q, "responseformat", "editor")
        sub(q, "responserequired", "1")
        sub(q, "responsefieldlines", "15")
        low, high = ex.words
        sub(q, "minwordlimit", str(low))
        sub(q, "maxwordlimit", str(high))
        sub(q, "attachments", "0")
        sub(q, "attachmentsrequired", "0")
        rubric = "".join(f"<li>{multilang_html(ctx.pick(r))}</li>" for r in raw.get("rubric") or [])
        model = multilang_html(ctx.pick(raw.get("model_answer", "")))
        notes = multilang_html(ctx.pick(raw.get("notes", "")))
        info = sub(q, "graderinfo", format="html")
        sub(info, "text", f'<h4>Rubric · 评分要点</h4><ol class="crm-rubric">{rubric}</ol>'
                          f'<h4>Model answer · 范文</h4><div class="crm-model">{model}</div>'
                          f'<h4>Notes · 说明</h4><div class="crm-notes">{notes}</div>')
        sub(sub(q, "responsetemplate", format="html"), "text", "")
        ctx.lost("reviewer", "Moodle grades an essay by hand: the rubric goes to the grader "
                             "as information, the automatic review stays in crm-course")
        tags = [f"crm-situation:{ex.situation}", f"crm-pass:{ex.pass_score}"]
        return finish(q, ex, ctx, hints=False, tags=tags)

    def read(self, q, tags):
        if "situation" not in tags:
            raise ValueError("an essay without crm-course's situation tag cannot become a "
                             "reply task (the reviewer needs one); add the task by hand")
        html_text = text_at(q, "questiontext/text")
        info = text_at(q, "graderinfo/text")

        def part(markup, pattern):
            m = re.search(pattern, markup, re.DOTALL)
            return m.group(1) if m else ""

        raw = {"prompt": text_of_html(part(html_text, r'<div class="crm-prompt">(.*?)</div>')
                                      or html_text)}
        buyer = text_of_html(part(html_text, r'<div class="crm-buyer">(.*?)</div>'))
        facts = part(html_text, r'data-facts="([^"]*)"')
        raw.update({"situation": tags.get("situation", ""), "buyer": buyer,
                    "facts": json.loads(html.unescape(facts)) if facts else {},
                    "words": [int(text_at(q, "minwordlimit") or 30),
                              int(text_at(q, "maxwordlimit") or 250)],
                    "rubric": [text_of_html(li) for li in re.findall(
                        r"<li>(.*?)</li>", part(info, r'<ol class="crm-rubric">(.*?)</ol>'),
                        re.DOTALL)],
                    "pass_score": int(tags.get("pass", 70)),
                    "model_answer": text_of_html(part(info, r'<div class="crm-model">(.*?)</div>'))})
        notes = text_of_html(part(info, r'<div class="crm-notes">(.*?)</div>'))
        if notes:
            raw["notes"] = notes
        return raw
