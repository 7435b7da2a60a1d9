"""A spreadsheet (.xlsx, written with openpyxl) in the layout Chinese platforms import.

Reconstructed layout, not checked against an official template: 超星学习通 and 职教云 publish
their question-import templates only to logged-in teachers, and none could be read while this
was written. The columns are the ones such templates are widely described with: 题型, 题干,
选项A-选项H, 正确答案, 答案解析, 难易度, 知识点. Check them against your platform's own
template before a real import; a sheet "说明 README" in every file says the same.

After those columns come crm-course's own (编号 id, 课次 lesson, crm-course 类型, 模式 mode,
crm-course 数据): what the platform layout has no column for (a numeric tolerance and unit, a
reply task's situation and facts...), kept so that `crm-course bank import` can read the file
back; delete them if your platform refuses unknown columns. Each such field is reported.
"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

from course.bankio.common import (
    Context,
    Report,
    bank_text,
    former_ids_field,
    former_ids_text,
)
from course.errors import InputError

LETTERS = "ABCDEFGH"
PLATFORM_COLUMNS = ["题型", "题干", *[f"选项{c}" for c in LETTERS], "正确答案", "答案解析",
                    "难易度", "知识点"]
OWN_COLUMNS = ["编号", "课次", "crm-course 类型", "模式", "crm-course 数据"]
COLUMNS = PLATFORM_COLUMNS + OWN_COLUMNS
RECONSTRUCTED = (
    "版式为重构，未与官方模板核对：请先用所用平台（超星学习通、职教云等）的官方导入模板核对列名与"
    "答案写法。 The layout is reconstructed and was not checked against an official template: "
    "compare it with your platform's own import template before a real import. Columns after "
    "知识点 belong to crm-course (for importing the file back); delete them if the platform "
    "refuses unknown columns.")
NO_SITUATION = ("a 简答题 without crm-course's data has no reply situation, so it cannot become "
                "a reply task (the reviewer needs one); add the task by hand")
BLANK = "____"
BLANK_SEP, ALT_SEP = "；", "|"
TRUE_WORDS = {"正确", "对", "√", "true", "t", "yes"}
FALSE_WORDS = {"错误", "错", "×", "false", "f", "no"}


class Writer:
    """Collects one row per question and writes the workbook."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.rows: list[dict] = []
        self._lesson = None

    def lesson(self, lesson) -> None:
        self._lesson = lesson

    def add(self, ex, row: dict) -> None:
        own = row.pop("_own", {})
        former = former_ids_field(former_ids_text(ex))  # a renamed item's old ids, kept
        own = {**own, **former}
        row.update({"编号": ex.id, "课次": self._lesson.slug, "crm-course 类型": ex.type,
                    "模式": ex.mode, "知识点": self.ctx.plain(self._lesson.title.to_json()),
                    "crm-course 数据": json.dumps(own, ensure_ascii=False) if own else ""})
        if ex.raw.get("hints"):
            self.ctx.start(ex)
            self.ctx.lost("hints", "the layout has no column for hints")
        self.rows.append(row)

    def save(self, out: Path) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font

        book = Workbook()
        sheet = book.active
        sheet.title = "题库"
        sheet.append(COLUMNS)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in self.rows:
            sheet.append([row.get(name, "") for name in COLUMNS])
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "A2"
        sheet.column_dimensions["B"].width = 60
        note = book.create_sheet("说明 README")
        note["A1"] = RECONSTRUCTED
        note["A1"].alignment = Alignment(wrap_text=True)
        note.column_dimensions["A"].width = 100
        out.parent.mkdir(parents=True, exist_ok=True)
        book.save(out)


def _both_note(ctx: Context) -> None:
    if ctx.lang == "both":
        ctx.lost("languages", "one cell per text: English and Chinese share it (a line each)")


def _solution(ex, ctx: Context) -> str:
    return ctx.plain(ex.raw["solution"]) if ex.raw.get("solution") else ""


def _feedback_lost(ex, ctx: Context) -> None:
    if ex.raw.get("feedback") or any(isinstance(o, dict) and o.get("feedback")
                                     for o in ex.raw.get("options") or []):
        ctx.lost("feedback", "the layout has no column for feedback")


def _fits_columns(ex, ctx: Context, entries: list, what: str) -> bool:
    """True when ``entries`` (options, items) fit the layout's lettered columns, then noting what
    the row loses as any row does; False (noted as lost) when there are too many."""
    if len(entries) > len(LETTERS):
        ctx.lost("", f"{len(entries)} {what}: the layout has columns for {len(LETTERS)}")
        return False
    _both_note(ctx)
    _feedback_lost(ex, ctx)
    return True


class ChoiceCodec:
    labels = ("单选题", "多选题")

    def export(self, ex, ctx: Context):
        options = ex.raw.get("options") or []
        if not _fits_columns(ex, ctx, options, "options"):
            return None
        row = {"题型": "多选题" if ex.multiple else "单选题", "题干": ctx.plain(ex.raw["prompt"]),
               "正确答案": "".join(LETTERS[i] for i in ex.correct_indexes),
               "答案解析": _solution(ex, ctx), "_own": {}}
        for letter, option in zip(LETTERS, options, strict=False):
            row[f"选项{letter}"] = ctx.plain(option["text"])
        if not ex.shuffle:
            row["_own"]["shuffle"] = False
        return row

    def read(self, row, own):
        options = [{"text": row[f"选项{c}"]} for c in LETTERS if row.get(f"选项{c}")]
        for letter in re.sub(r"[^A-H]", "", str(row.get("正确答案") or "").upper()):
            options[LETTERS.index(letter)]["correct"] = True
        kind = "multiple_choice" if row.get("题型") == "多选题" else "single_choice"
        return {"type": kind, "prompt": row.get("题干") or "", "options": options, **own}


class TrueFalseCodec:
    labels = ("判断题",)

    def export(self, ex, ctx: Context):
        _both_note(ctx)
        _feedback_lost(ex, ctx)
        return {"题型": "判断题", "题干": ctx.plain(ex.raw["prompt"]),
                "正确答案": "正确" if ex.answer else "错误", "答案解析": _solution(ex, ctx)}

    def read(self, row, own):
        word = str(row.get("正确答案") or "").strip().lower()
        if word not in TRUE_WORDS | FALSE_WORDS:
            raise ValueError(f"正确答案 {word!r} is neither 正确 nor 错误")
        return {"type": "true_false", "prompt": row.get("题干") or "",
                "answer": word in TRUE_WORDS, **own}


class OrderingCodec:
    """ordering as 排序题: the items in a shuffled order, the key as letters (e.g. CADB)."""

    labels = ("排序题",)

    def export(self, ex, ctx: Context):
        items = ex.raw.get("items") or []
        if not _fits_columns(ex, ctx, items, "items"):
            return None
        order = list(range(len(items)))
        random.Random(f"{ex.seed_id}:xlsx").shuffle(order)
        if order == sorted(order):
            order = order[1:] + order[:1]
        row = {"题型": "排序题", "题干": ctx.plain(ex.raw["prompt"]),
               "答案解析": _solution(ex, ctx),
               "正确答案": "".join(LETTERS[order.index(i)] for i in range(len(items)))}
        for letter, i in zip(LETTERS, order, strict=False):
            row[f"选项{letter}"] = ctx.plain(items[i])
        if ex.all_or_nothing:
            row["_own"] = {"all_or_nothing": True}
        return row

    def read(self, row, own):
        key = re.sub(r"[^A-H]", "", str(row.get("正确答案") or "").upper())
        return {"type": "ordering", "prompt": row.get("题干") or "",
                "items": [row[f"选项{c}"] for c in key], **own}


class NumericCodec:
    """numeric as 填空题 with one blank: the number (and the number with its unit) as answers;
    the tolerance, unit and measure go to crm-course's columns."""

    labels = ("填空题",)

    def export(self, ex, ctx: Context):
        _both_note(ctx)
        _feedback_lost(ex, ctx)
        value = f"{ex.answer:g}"
        answers = [value]
        unit = ctx.pick(ex.raw["unit"]) if ex.raw.get("unit") is not None else None
        if unit is not None:
            answers += [f"{value}{u}" for u in dict.fromkeys([unit.en, unit.zh]) if u]
        own = {k: ex.raw[k] for k in ("tolerance", "relative_tolerance", "measures", "currency",
                                      "magnitude", "too_high", "too_low")
               if ex.raw.get(k) is not None}
        if unit is not None:
            own["unit"] = bank_text(unit.en, unit.zh)
        ctx.lost("tolerance, unit", "the platform compares the typed text; the tolerance and "
                                    "unit are kept in crm-course's columns")
        return {"题型": "填空题", "题干": f"{ctx.plain(ex.raw['prompt'])} {BLANK}",
                "正确答案": ALT_SEP.join(answers), "答案解析": _solution(ex, ctx), "_own": own}

    def read(self, row, own):
        first = str(row.get("正确答案") or "").split(ALT_SEP)[0].strip()
        value = float(first)
        prompt = str(row.get("题干") or "")
        prompt = prompt[: -len(BLANK)].rstrip() if prompt.endswith(BLANK) else prompt
        return {"type": "numeric", "prompt": prompt,
                "answer": int(value) if value == int(value) else value, **own}


class ClozeCodec:
    """cloze as 填空题: each blank written ____, the answers per blank split by ；, the
    accepted alternatives of a blank by |."""

    labels = ("填空题",)

    def export(self, ex, ctx: Context):
        answers = [list(b.answers) for b in ex.blanks]
        if any(BLANK_SEP in a or ALT_SEP in a for blank in answers for a in blank):
            ctx.lost("", f"an answer holds {BLANK_SEP} or {ALT_SEP}, which separate answers here")
            return None
        _both_note(ctx)
        prompt = ctx.plain(ex.raw["prompt"])
        text = "".join(s if isinstance(s, str) else BLANK for s in ex.segments)
        if any(b.tip for b in ex.blanks):
            ctx.lost("tips", "the layout has no place for a blank's tip")
        if ex.raw.get("feedback") or ex.raw.get("blank_feedback"):
            ctx.lost("feedback", "the layout has no column for feedback")
        own = {"text_from": len(prompt) + 1}
        for key in ("case_sensitive", "word_bank", "distractors", "typo_tolerance"):
            if ex.raw.get(key) is not None:
                own[key] = ex.raw[key]
        return {"题型": "填空题", "题干": f"{prompt}\n{text}", "答案解析": _solution(ex, ctx),
                "正确答案": BLANK_SEP.join(ALT_SEP.join(a) for a in answers), "_own": own}

    def read(self, row, own):
        stem = str(row.get("题干") or "")
        start = int(own.pop("text_from", 0))
        prompt, text = stem[: max(start - 1, 0)], stem[start:]
        blanks = str(row.get("正确答案") or "").split(BLANK_SEP)
        pieces = text.split(BLANK)
        if len(pieces) != len(blanks) + 1:
            raise ValueError(f"{len(pieces) - 1} blanks ({BLANK}) in 题干 but {len(blanks)} "
                             f"answers in 正确答案 (split by {BLANK_SEP})")
        out = pieces[0]
        for answer, piece in zip(blanks, pieces[1:], strict=True):
            out += f"[[{answer.strip()}]]{piece}"
        return {"type": "cloze", "prompt": prompt, "text": out, **own}


class ReplyCodec:
    """reply as 简答题: the model answer as 正确答案, the rubric and notes as 答案解析."""

    labels = ("简答题",)

    def export(self, ex, ctx: Context):
        _both_note(ctx)
        raw = ex.raw
        prompt = ctx.plain(raw["prompt"])
        facts = "\n".join(f"{k}: {v}" for k, v in (raw.get("facts") or {}).items())
        stem = f"{prompt}\n\n{raw.get('buyer', '').rstrip()}\n\n{facts}".rstrip()
        rubric = "\n".join(f"{i}. {ctx.plain(r, ' / ')}"
                           for i, r in enumerate(raw.get("rubric") or [], 1))
        notes = ctx.plain(raw["notes"]) if raw.get("notes") else ""
        own = {"prompt_chars": len(prompt), "buyer": raw.get("buyer", ""),
               "rubric": [ctx.pick(r).to_json() if ctx.lang == "both" else ctx.plain(r)
                          for r in raw.get("rubric") or []],
               **{k: raw[k] for k in ("situation", "facts", "words", "pass_score") if k in raw}}
        if raw.get("notes"):
            own["notes"] = ctx.pick(raw["notes"]).to_json() if ctx.lang == "both" \
                else ctx.plain(raw["notes"])
        ctx.lost("reviewer", "the platform grades a 简答题 by hand or by key words; the rubric "
                             "is in 答案解析")
        return {"题型": "简答题", "题干": stem, "正确答案": raw.get("model_answer", ""),
                "答案解析": f"{rubric}\n\n{notes}".strip(), "_own": own}

    def read(self, row, own):
        stem = str(row.get("题干") or "")
        if "situation" not in own:
            raise ValueError(NO_SITUATION)
        n = int(own.pop("prompt_chars", len(stem)))
        return {"type": "reply", "prompt": stem[:n], "model_answer": row.get("正确答案") or "",
                **own}


def read(path: Path, report: Report, codecs: dict):
    """The bank entries of a spreadsheet in this layout: ``(lesson, title, entry)`` each."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise InputError(f"{path}: not a readable .xlsx workbook ({exc})") from None
    rows = book.worksheets[0].iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(rows, [])]
    missing = [c for c in ("题型", "题干", "正确答案") if c not in header]
    if missing:
        raise InputError(f"{path}: the first sheet's header lacks {', '.join(missing)}; "
                         f"expected the columns {', '.join(PLATFORM_COLUMNS)}")
    by_type = codecs
    for n, values in enumerate(rows, start=2):
        row = {h: ("" if v is None else str(v) if not isinstance(v, str) else v)
               for h, v in zip(header, values, strict=False) if h}
        if not any(row.values()):
            continue
        found = _row_entry(row, n, by_type, report)
        if found:
            yield found


def _row_entry(row: dict, n: int, by_type: dict, report: Report):
    ident = row.get("编号") or f"row-{n}"
    label = row.get("题型", "")
    type_name = row.get("crm-course 类型") or ""
    codec = by_type.get(type_name) or next(
        (c for c in by_type.values() if label in c.labels), None)
    if codec is None:
        report.note(ident, label, "", f"row {n}: 题型 {label!r} has no crm-course kind")
        return None
    try:
        own = json.loads(row.get("crm-course 数据") or "{}")
        raw = codec.read(row, own)
    except (ValueError, KeyError, IndexError) as exc:
        report.note(ident, label, "", f"row {n} cannot be read: {exc}")
        return None
    entry = {"id": ident, "type": raw.pop("type"), "mode": row.get("模式") or "practice", **raw}
    if isinstance(own, dict) and own.get("former_ids"):
        entry["former_ids"] = [str(i) for i in own["former_ids"]]
    if row.get("答案解析") and entry["type"] != "reply":
        entry["solution"] = row["答案解析"]
    return row.get("课次") or "imported", row.get("知识点") or None, entry
