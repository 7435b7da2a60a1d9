"""For the bank export/import tests: an item reduced to what a round trip must keep (type,
texts, options and key) in the language of the export."""
from __future__ import annotations

import re

from course.bankio import export_bank, import_file, write_lessons
from course.cli import main
from course.text import as_bilingual

#: the fields of each type that make its question and its key
KEY_FIELDS = {
    "single_choice": ("options",),
    "multiple_choice": ("options",),
    "true_false": ("answer",),
    "matching": ("pairs", "distractors"),
    "ordering": ("items", "all_or_nothing"),
    "numeric": ("answer", "tolerance", "unit"),
    "cloze": ("text", "case_sensitive", "word_bank", "distractors"),
    "reply": ("buyer", "facts", "words", "rubric", "model_answer", "situation", "pass_score"),
}


def text_in(value, lang: str):
    """A bank text as a round trip in ``lang`` must give it back."""
    text = as_bilingual(value)
    return (text.en, text.zh) if lang == "both" else text.render(lang)


def _texts(value, lang):
    if isinstance(value, list):
        return [_texts(v, lang) for v in value]
    if isinstance(value, str | dict) and not (isinstance(value, dict) and not
                                             set(value) <= {"en", "zh"}):
        return text_in(value, lang)
    return value


def essentials(raw, lang: str, lost=()) -> dict:
    """``raw``'s type, prompt and key fields in ``lang``, without the fields in ``lost``."""
    out = {"type": raw["type"], "prompt": text_in(raw.get("prompt", ""), lang)}
    for name in KEY_FIELDS.get(raw["type"], ()):
        if name in lost:
            continue
        value = raw.get(name)
        if name == "options":
            value = [(text_in(o["text"], lang), bool(o.get("correct"))) for o in value]
        elif name in ("answer", "tolerance") and value is not None:
            value = float(value)
        elif name in ("all_or_nothing", "case_sensitive", "word_bank"):
            value = bool(value)
        elif name == "distractors":
            value = _texts(value or [], lang)
            if raw["type"] == "cloze" and not raw.get("word_bank"):
                value = []  # a typed cloze shows no distractors
        elif name == "text":
            if "tips" in lost:  # a cloze without its blanks' tips
                value = re.sub(r"\s*::[^\]]*\]\]", "]]", value)
            if "alternatives" in lost:  # a word-bank blank with its first answer only
                value = re.sub(r"\[\[([^|\]]*?)\s*(\|[^\]]*?)?(\s*::[^\]]*)?\]\]", r"[[\1\3]]", value)
            value = _texts(value, lang)
        elif name not in ("facts", "words", "situation", "pass_score"):
            value = _texts(value, lang)
        out[name] = value
    return out


def round_trip(bank, raw_items, tmp_path, fmt, suffix, lang, unreadable=frozenset()):
    """Export the bank, import it back, compare every item, validate the imported files;
    returns (imported entries by id, export report). ``unreadable``: the ids the import must
    report as not importable (a GIFT essay holds no key)."""
    out = tmp_path / f"bank{suffix}"
    report = export_bank(bank.lessons.values(), fmt, out, lang=lang)
    lessons, back = import_file(out)
    # what an import cannot turn into a bank entry is named, never dropped silently
    assert {n.exercise_id for n in back.notes} == set(unreadable), [str(n) for n in back.notes]
    imported = {e["id"]: e for _title, entries in lessons.values() for e in entries}
    # every item is either written or reported as left out, never dropped silently
    assert set(report.written) | set(report.skipped()) == set(raw_items)
    assert set(imported) == set(report.written) - set(unreadable)
    for ex_id, entry in imported.items():
        lost = {n.field for n in report.notes if n.exercise_id == ex_id}
        lost = {part.strip() for f in lost for part in f.split(",")}
        assert essentials(entry, lang, lost) == essentials(raw_items[ex_id], lang, lost), ex_id
    folder = tmp_path / "imported"
    write_lessons(lessons, folder)
    assert main(["validate", "-q", str(folder)]) == 0
    return imported, report
