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
    parser.add_argument("--pass-mark", type=float, default=60.0, metavar="PERCENT",
                        help="learners below this overall score are listed as needing help "
                             "(default 60)")


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from course.errors import InputError
    from course.instructor.report import build_report, write_report

    if not 0 <= args.pass_mark <= 100:
        raise InputError(f"--pass-mark {args.pass_mark:g} is not a percentage: give 0 to 100. "
                         f"--pass-mark 须为 0 到 100 之间的百分数。")
    report = build_report(args.submissions, bank_path=Path(args.bank) if args.bank else None,
                          pass_mark=args.pass_mark)
    paths = write_report(report, Path(args.out))
    helped = sum(r.needs_help for r in report.learners)
    print(f"Graded {len(report.learners)} learner(s), {report.attempts} attempt(s); "
          f"{helped} need help; {len(report.rejections)} rejected.")
    print(f"已评分 {len(report.learners)} 名学习者、{report.attempts} 次作答；"
          f"{helped} 人需要帮助；{len(report.rejections)} 项未计入。")
    for key in ("html", "grades", "items", "stats"):
        print(f"  {paths[key]}")
    if not report.learners and not report.rejections:
        print("  No submission file was found there. / 未找到任何提交文件。", file=sys.stderr)
    for rej in report.rejections:
        print(f"  rejected / 未计入: {rej.source}: {rej.reason}", file=sys.stderr)
    return 0
