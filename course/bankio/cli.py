"""`crm-course bank`: export the question bank for Moodle, GIFT, QTI 2.1 or a spreadsheet, and
import such a file back into bank YAML."""
from __future__ import annotations

import argparse
import textwrap

FORMAT_HELP = ("moodle-xml (Moodle XML), gift (Moodle GIFT text), qti (IMS QTI 2.1 content "
               "package, .zip), xlsx (spreadsheet for 超星学习通/职教云-style import; layout "
               "reconstructed) · 格式")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.description = (
        "Export the question bank to the formats other platforms import, or import such a file "
        "back into bank YAML.\n导出题库（Moodle XML、GIFT、QTI 2.1、Excel 表格），或把这些文件导入为"
        "题库 YAML。\n\nWhat a format cannot hold is listed per item; nothing is dropped "
        "silently.\n格式无法表达的内容会逐题列出，不会悄悄丢弃。")
    sub = parser.add_subparsers(dest="bank_command", metavar="ACTION")
    export = sub.add_parser(
        "export", help="write the bank in another platform's format · 导出题库",
        description="Write the bank (or one lesson) in another platform's format.\n"
                    "把题库（或某一课）导出为其他平台可导入的格式。",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    export.add_argument("--format", required=True, choices=("moodle-xml", "gift", "qti", "xlsx"),
                        help=FORMAT_HELP)
    export.add_argument("--out", required=True, metavar="FILE",
                        help="the file to write (.xml, .gift, .zip, .xlsx) · 输出文件")
    export.add_argument("--lang", choices=("en", "zh", "both"), default="both",
                        help="language of the texts: en, zh or both (default both) · "
                             "题目语言：英文、中文或双语（默认双语）")
    export.add_argument("--no-assessment", action="store_true",
                        help="leave out assessment items (mode: assessment) · 不导出测验题")
    export.add_argument("--lesson", metavar="NN", action="append",
                        help="only this lesson (number or slug; may repeat) · 只导出某一课")
    export.add_argument("--bank", metavar="PATH",
                        help="bank file or folder (default: the course's exercises/) · 题库路径")
    export.set_defaults(_bank_run=run_export)
    imp = sub.add_parser(
        "import", help="read a Moodle XML, GIFT, QTI or xlsx file into bank YAML · 导入题库",
        description="Read a question file into bank YAML files, one per lesson, that "
                    "`crm-course validate` checks.\n把题目文件读入题库 YAML（每课一个文件）。",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    imp.add_argument("file", metavar="FILE", help="the question file · 题目文件")
    imp.add_argument("--format", choices=("moodle-xml", "gift", "qti", "xlsx"),
                     help="the file's format (default: from its suffix) · 文件格式")
    imp.add_argument("--out", metavar="DIR", default="imported-bank",
                     help="folder for the bank files (default imported-bank) · 输出文件夹")
    imp.set_defaults(_bank_run=run_import)
    parser.set_defaults(_bank_parser=parser)


def run(args: argparse.Namespace) -> int:
    if not getattr(args, "_bank_run", None):
        args._bank_parser.print_help()
        return 0
    return args._bank_run(args)


def _lessons(args):
    from course.errors import InputError
    from course.exercises.loader import load_bank
    from course.paths import bank_dir

    bank = load_bank(args.bank or bank_dir())
    lessons = list(bank.lessons.values())
    if not args.lesson:
        return lessons
    chosen = []
    for wanted in args.lesson:
        key = f"{int(wanted):02d}" if wanted.strip().isdigit() else wanted.strip()
        match = [le for le in lessons if le.slug == key or le.slug.split("-")[0] == key]
        if not match:
            raise InputError(f"no lesson {wanted!r}; the lessons are "
                             f"{', '.join(le.slug for le in lessons)}")
        chosen += [m for m in match if m not in chosen]
    return chosen


def run_export(args) -> int:
    from course.bankio import export_bank

    report = export_bank(_lessons(args), args.format, args.out, lang=args.lang,
                         assessment=not args.no_assessment)
    print(f"Wrote {len(report.written)} question(s) to {args.out} ({args.format}, "
          f"{args.lang}). · 已导出 {len(report.written)} 道题。")
    _print_notes(report, "left out or changed · 未导出或有改动")
    return 0


def run_import(args) -> int:
    from course.bankio import import_file, write_lessons

    lessons, report = import_file(args.file, args.format, renames=_course_renames())
    files = write_lessons(lessons, args.out)
    print(f"Read {len(report.written)} question(s) into {len(files)} bank file(s) in "
          f"{args.out}. · 已导入 {len(report.written)} 道题。 Check them with: crm-course "
          f"validate {args.out}")
    _print_notes(report, "not imported or changed · 未导入或有改动")
    return 0


def _course_renames() -> dict[str, str]:
    """Former id -> current id of the course's bank, read from its files' ``former_ids``
    (YAML only: an import must not wait for, or fail on, a full check of the bank)."""
    import yaml

    from course.exercises.loader import SAFE_LOADER, bank_files
    from course.paths import bank_dir

    folder = bank_dir()
    out: dict[str, str] = {}
    for path in bank_files(folder) if folder.is_dir() else []:
        try:
            doc = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)  # noqa: S506
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        entries = doc.get("exercises") if isinstance(doc, dict) else None
        for raw in entries if isinstance(entries, list) else []:
            if isinstance(raw, dict) and isinstance(raw.get("former_ids"), list):
                out.update({str(old): str(raw.get("id")) for old in raw["former_ids"]})
    return out


def _print_notes(report, heading: str) -> None:
    """The notes grouped by what was lost and why, each group naming its items."""
    if not report.notes:
        return
    groups: dict[tuple[str, str], list[str]] = {}
    for note in report.notes:
        groups.setdefault((note.field, note.message), []).append(
            f"{note.exercise_id} ({note.type})" if not note.field else note.exercise_id)
    print(f"{len(report.notes)} note(s), {heading}:")
    for (field, message), ids in sorted(groups.items(), key=lambda g: (g[0][0] != "", g[0])):
        what = f"{field}: {message}" if field else f"left out: {message}"
        print(f"  {what} [{len(ids)}]")
        print(textwrap.fill(", ".join(ids), width=100, initial_indent="    ",
                            subsequent_indent="    ", break_on_hyphens=False))
