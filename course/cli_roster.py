"""`crm-course roster FILE`: check a class list (CSV or .xlsx) and keep it for the live class
and the report."""
from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE",
                        help="the class list: CSV (UTF-8) or .xlsx with a header row "
                             "student_number/学号, name/姓名 and optionally class/班级")
    parser.add_argument("--check", action="store_true",
                        help="only check the file, keep nothing (只检查，不保存)")


def run(args: argparse.Namespace) -> int:
    from collections import Counter

    from course import roster

    found = roster.read_roster(args.file)
    classes = Counter(s.klass for s in found.students if s.klass)
    by_class = ", ".join(f"{k}: {n}" for k, n in sorted(classes.items()))
    print(f"{len(found.students)} learner(s) in {args.file}" + (f" ({by_class})" if by_class
                                                                 else "") + ".")
    print(f"名单 {args.file} 共 {len(found.students)} 名学生。")
    if args.check:
        return 0
    where = roster.save(found)
    print(f"Kept in {where} (readable by you only).")
    print(f"已保存到 {where}（仅你可读）。")
    return 0
