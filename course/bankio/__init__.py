"""The question bank in the formats other platforms import: Moodle XML, GIFT, QTI 2.1, a spreadsheet.

Each kind names its exporter per format in ``Exercise.views`` (``"moodle-xml"``, ``"gift"``,
``"qti"``, ``"xlsx"``); the exporter is a *codec* object of this package that writes one
exercise (``export(exercise, ctx)``) and reads one back into a bank entry (``read(...)``).
A kind without the view, or an item the codec cannot write, is reported per item as "not
available in this format"; every field a format cannot hold is reported too (``Report``).

    from course.bankio import export_bank, import_file
    report = export_bank(bank.lessons.values(), "moodle-xml", "bank.xml", lang="both")
    lessons, report = import_file("bank.xml")    # {slug: (title, [bank entries])}
"""
from __future__ import annotations

import re
from pathlib import Path

from course.bankio.common import (
    LANGS,
    MAX_IMPORT_BYTES,
    NOT_AVAILABLE,
    Context,
    Report,
)
from course.errors import InputError

FORMATS = ("moodle-xml", "gift", "qti", "xlsx")
SUFFIXES = {".xml": "moodle-xml", ".gift": "gift", ".txt": "gift", ".zip": "qti",
            ".xlsx": "xlsx"}


def _module(fmt: str):
    if fmt == "moodle-xml":
        from course.bankio import moodle as module
    elif fmt == "gift":
        from course.bankio import gift as module
    elif fmt == "qti":
        from course.bankio import qti as module
    elif fmt == "xlsx":
        from course.bankio import xlsx as module
    else:
        raise InputError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return module


def export_bank(lessons, fmt: str, out, *, lang: str = "both",
                assessment: bool = True) -> Report:
    """Write the exercises of ``lessons`` to ``out`` in format ``fmt``.

    Args:
        lessons: Lesson objects (``bank.lessons.values()``), in the order to write them.
        fmt: one of :data:`FORMATS`.
        out: the file to write.
        lang: "en", "zh" or "both" (both languages where the format allows).
        assessment: False leaves the items whose mode is ``assessment`` out.

    Returns:
        The Report: the ids written, and per item what the format could not hold.
    """
    from course.exercises import kinds

    if lang not in LANGS:
        raise InputError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    module = _module(fmt)
    ctx = Context(fmt, lang)
    writer = module.Writer(ctx)
    for lesson in lessons:
        writer.lesson(lesson)
        for ex in lesson.exercises:
            if not assessment and ex.mode == "assessment":
                continue
            ctx.start(ex)
            if ex.redacted:
                ctx.lost("", "a redacted item (student copy) holds no key; export from the "
                             "instructor's bank")
                continue
            codec = kinds.view(ex.type, fmt)
            piece = codec.export(ex, ctx) if codec is not None else None
            if codec is None:
                ctx.lost("", NOT_AVAILABLE)
            if piece is not None:
                writer.add(ex, piece)
                ctx.report.written.append(ex.id)
    writer.save(Path(out))
    return ctx.report


def format_of(path, fmt: str | None = None) -> str:
    """The format of a file to import: given, or from its suffix."""
    if fmt:
        _module(fmt)
        return fmt
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"{path}: cannot tell the format from the suffix {suffix!r}; give "
                         f"--format ({', '.join(FORMATS)})")
    return SUFFIXES[suffix]


def import_file(path, fmt: str | None = None, renames=None) -> tuple[dict, Report]:
    """Read a question file back into bank entries.

    ``renames``: former id -> current id of the course's bank (``Bank.renames``): a question
    exported before an exercise was renamed comes back under its current id, with the old one
    among its ``former_ids`` (and a note).

    Returns:
        ``({lesson slug: (title, [entry, ...])}, report)``; the report names every question
        that could not become a bank entry, and why.
    """
    from course.bankio.examples import examples_for

    path = Path(path)
    fmt = format_of(path, fmt)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if path.stat().st_size > MAX_IMPORT_BYTES:
        raise InputError(f"{path}: larger than {MAX_IMPORT_BYTES:,} bytes; not a question file")
    report = Report(fmt)
    lessons: dict[str, tuple] = {}
    for slug, title, raw in _module(fmt).read(path, report, codecs(fmt)):
        if not raw.get("prompt"):  # a bank entry needs one; another tool's file may have none
            raw["prompt"] = raw.get("title") or EMPTY_PROMPT
        found = examples_for(raw)
        if found is None:
            report.note(str(raw.get("id")), str(raw.get("type")), "",
                        "no example answers grade as the key says; the item is left out "
                        "(check its key)")
            continue
        raw["examples"] = found
        _renamed_id(raw, renames or {}, report)
        _unique_id(raw, report)
        slug = _lesson_slug(slug, lessons, report)
        entry = lessons.setdefault(slug, (title, []))
        entry[1].append(raw)
        report.written.append(str(raw["id"]))
    return lessons, report


EMPTY_PROMPT = {"en": "Answer the question.", "zh": "请作答。"}
LESSON_SLUG = re.compile(r"^w?[0-9]{2}-[a-z0-9-]+$")  # a lesson NN-name or a workshop wNN-name


def _lesson_slug(slug: str, lessons: dict, report: Report) -> str:
    """A lesson slug the bank accepts (``NN-name``, a workshop's ``wNN-name``): another
    platform's category becomes
    ``90-name``, ``91-name``... (said once per category)."""
    if LESSON_SLUG.match(slug):
        return slug
    renamed = report.slugs
    if slug not in renamed:
        clean = re.sub(r"[^a-z0-9]+", "-", slug.lower()).strip("-") or "imported"
        renamed[slug] = f"{min(90 + len(renamed), 99):02d}-{clean}"
        report.note(slug, "lesson", "lesson", f"imported as lesson {renamed[slug]} (a lesson "
                                               "slug is NN-name)")
    return renamed[slug]


def _renamed_id(raw: dict, renames, report: Report) -> None:
    """An entry under a former id of the course's bank takes the exercise's current id."""
    old = str(raw.get("id"))
    if old not in renames:
        return
    raw["id"] = renames[old]
    raw["former_ids"] = list(dict.fromkeys([*(raw.get("former_ids") or []), old]))
    report.note(old, str(raw.get("type")), "id", f"imported as {renames[old]} (the course's "
                                                 "bank renamed it; the old id is kept in "
                                                 "former_ids)")


def _unique_id(raw: dict, report: Report) -> None:
    """Make an entry's id one the bank accepts (lower-case letters, digits and hyphens) and
    unique in the file; a changed id is reported."""
    base = str(raw["id"])
    clean = re.sub(r"[^a-z0-9]+", "-", base.lower()).strip("-") or "imported"
    new, n = clean, 2
    while new in report.seen_ids:
        new, n = f"{clean}-{n}", n + 1
    if new != base:
        report.note(base, str(raw.get("type")), "id", f"imported as {new} (a bank id is "
                                                      "lower-case letters, digits and hyphens, "
                                                      "unique)")
    raw["id"] = new
    report.seen_ids.add(new)


def write_lessons(lessons: dict, out_dir) -> list[Path]:
    """Write imported lessons as bank files ``OUT_DIR/<slug>.yaml``; returns the files."""
    import yaml

    # libyaml's writer where PyYAML has it, as the bank loader reads with libyaml: the
    # pure-Python one took about a fifth of an import round trip (docs/benchmarks.md, issue 24)
    from course.exercises.loader import SAFE_DUMPER

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = []
    for slug, (title, entries) in lessons.items():
        path = out_dir / f"{slug}.yaml"
        data = {"lesson": slug, "title": title or slug, "exercises": entries}
        path.write_text(yaml.dump(data, Dumper=SAFE_DUMPER, allow_unicode=True, sort_keys=False,
                                  width=100), encoding="utf-8")
        files.append(path)
    return files


__all__ = ["FORMATS", "Report", "codecs", "export_bank", "import_file", "write_lessons"]


def codecs(fmt: str) -> dict:
    """The codecs of format ``fmt``, by the bank type they belong to (the kinds registry's);
    the format modules get them from here, so that they never import the registry."""
    from course.exercises import kinds

    out = {}
    for type_name in kinds.types():
        codec = kinds.view(type_name, fmt)
        if codec is not None:
            out[type_name] = codec
    return out
