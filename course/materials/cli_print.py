"""`crm-course print --out DIR [--lesson NN] [--lang en|zh|both|all]`: worksheets, exam papers
A and B with their keys, the teacher's answer book, slides and lesson plans; the semester's
授课计划 and 课程标准, the speaking cards and the group project's handout."""
from __future__ import annotations

import argparse

LESSON_KINDS = ("worksheet", "exam", "answers", "slides", "plan")
#: the lesson kinds, then the course-wide ones (made without --lesson, or when --only names them)
WHAT = (*LESSON_KINDS, "schedule", "standard", "speaking", "project")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Write what a teacher prints and teaches from, generated from the exercise bank and the "
        "lessons: a worksheet per lesson, exam papers in forms A and B with answer keys, the "
        "teacher's answer book, slides (.pptx) and lesson plans (.md, .docx); from the semester "
        "plan, the 授课计划 (schedule) and 课程标准 (standard) as .md and .docx, the speaking "
        "cards and the group project's handout (PDF). "
        "生成教师用的材料：练习单、A/B 卷及答案、教师用书、课件 (.pptx)、教案 (.md, .docx)、"
        "授课计划与课程标准 (.md, .docx)、口语卡片和小组项目任务书。")
    parser.add_argument("--out", required=True, metavar="DIR",
                        help="folder for the files (created if missing); keep it out of the "
                             "student copy / 输出文件夹（不要放进学生版）")
    parser.add_argument("--lesson", metavar="NN",
                        help="one lesson, by number or slug (default: every lesson) / 只生成某一课")
    parser.add_argument("--lang", default="both", choices=("en", "zh", "both", "all"),
                        help="language of the materials: en, zh, both (default) or all three "
                             "/ 语言：英文、中文、双语（默认）或全部三种")
    parser.add_argument("--only", action="append", choices=WHAT, metavar="KIND",
                        help=f"make only these ({', '.join(WHAT)}); may be repeated / 只生成某类")
    parser.add_argument("--online-url", default="", metavar="URL",
                        help="the online lesson a page's QR code opens, with {notebook} or {slug} "
                             "(default: the lesson's path on a hub) / 二维码指向的在线课程地址")
    parser.add_argument("--source", metavar="DIR",
                        help="the course folder to read (default: the current folder, else the "
                             "installed course)")
    parser.add_argument("--jobs", type=int, default=0, metavar="N",
                        help="processes to use (default: the number of CPUs, at most 4)")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from course.errors import InputError
    from course.materials.build import Job, course_folder, languages, resolve_lessons
    from course.materials.build import run as build

    if Path(args.out).exists() and not Path(args.out).is_dir():
        raise InputError(f"--out {args.out} is a file; give a folder (it is created if missing)")
    root = course_folder(Path(args.source) if args.source else None)
    job = Job(Path(args.out), resolve_lessons(root, args.lesson), languages(args.lang),
              tuple(args.only or (LESSON_KINDS if args.lesson else WHAT)), args.online_url, root)
    try:
        result = build(job, args.jobs or None)
    except OSError as exc:  # a folder that cannot be written, a full disk
        raise InputError(f"cannot write the files to {args.out}: {exc}") from None
    out = Path(args.out)
    for path in result.files:
        print(path.relative_to(out) if path.is_relative_to(out) else path)
    for note in result.notes:
        print(f"note: {note}")
    print(f"{len(result.files)} files in {out} ({result.seconds:.1f} s)")
    return 0
