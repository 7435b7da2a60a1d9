"""`crm-course report SUBMISSIONS... --out DIR`: re-grade submissions, write the class report."""
from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("submissions", nargs="+", metavar="SUBMISSIONS",
                        help="submission files from `crm-course export`, folders of them, "
                             "or zip archives")
    parser.add_argument("--out", required=True, metavar="DIR",
                        help="the folder for grades.csv, item_analysis.csv, item_stats.csv and "
                             "report.html")
    parser.add_argument("--bank", metavar="PATH",
                        help="the instructor's exercise bank, a folder or file (default: "
                             "exercises/ of the course)")
    parser.add_argument("--pass-mark", type=float, default=None, metavar="PERCENT",
                        help="learners below this weighted total are listed as needing help "
                             "(default: the grading scheme's, 60) (及格线)")
    parser.add_argument("--scheme", metavar="YAML",
                        help="the grading scheme: the final grade's parts and weights, the "
                             "weights of assessment, writing, live participation and attendance "
                             "in the exercises part, the pass mark and the lesson threshold "
                             "(default: the shipped grading_scheme.yaml) (评分方案)")
    parser.add_argument("--attendance", action="append", metavar="CSV", default=[],
                        help="a live session's attendance file (学号, 姓名, 班级, first join "
                             "time, answered); give one per session; without it participation "
                             "and attendance are left out of the total (课堂出勤文件)")
    parser.add_argument("--lang", choices=("en", "zh", "both"), default="both",
                        help="the language of the page and its charts (default both) (报告语言)")
    parser.add_argument("--roster", metavar="CLASS_LIST",
                        help="the class list (CSV or .xlsx, as crm-course roster reads it): only "
                             "its learners decide which lessons are expected; other names are "
                             "listed (班级名单)")
    parser.add_argument("--marks", metavar="FILE", action="append", default=[],
                        help="the teacher's marks; may be given twice: a marks file (CSV or "
                             ".xlsx: 学号 and one column per final-grade part, e.g. 口语, 项目, "
                             "期中, 期末, 0-100; empty = no mark yet) and/or a writing.csv with "
                             "the teacher_mark column filled in (replaces the automatic scores "
                             "of the writing tasks) (教师成绩表)")


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from course.errors import InputError
    from course.instructor.report import build_report, write_report
    from course.messages import both, ui

    if args.pass_mark is not None and not 0 <= args.pass_mark <= 100:
        raise InputError(ui("bad_pass_mark", mark=f"{args.pass_mark:g}").both(" "))
    from course.instructor.marks import is_writing_marks, read_part_marks
    from course.instructor.scheme import load_scheme
    from course.instructor.writing import read_marks

    scheme = load_scheme(args.scheme)
    marks, part_marks = None, None
    for path in args.marks:
        if is_writing_marks(path):
            marks = {**(marks or {}), **read_marks(path)}
        elif part_marks is not None:
            raise InputError(f"--marks {path}: one marks file of the final grade's parts at a "
                             f"time ({part_marks.source} was given already). 只能给出一个成绩表。")
        else:
            part_marks = read_part_marks(path, scheme)
    roster = None
    if args.roster:
        from course.roster import read_roster

        roster = read_roster(args.roster)
    from course.instructor.attendance import read_attendance

    attendance = read_attendance(args.attendance, roster) if args.attendance else None
    report = build_report(args.submissions, bank_path=Path(args.bank) if args.bank else None,
                          pass_mark=args.pass_mark, marks=marks, roster=roster, scheme=scheme,
                          attendance=attendance, part_marks=part_marks)
    report.language = args.lang
    paths = write_report(report, Path(args.out))
    helped = sum(r.needs_help for r in report.learners)
    done = ui("report_done", learners=len(report.learners), attempts=report.attempts,
              helped=helped, rejected=len(report.rejections))
    print(done.en)
    print(done.zh)
    for key in ("html", "gradebook", "gradebook_csv", "grades", "items", "stats", "writing"):
        print(f"  {paths[key]}")
    if not report.learners and not report.rejections:
        print("  " + both("report_no_files"), file=sys.stderr)
    for rej in report.rejections:
        print("  " + ui("report_rejected_line", source=rej.source, reason=rej.reason).en,
              file=sys.stderr)
    return 0
