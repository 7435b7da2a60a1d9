"""`crm-course collect --out DIR`: gather the learners' complete submissions from the exchange."""
from __future__ import annotations

import argparse

DEFAULT_GROUP = "crm-instructors"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from course.instructor.exchange import add_exchange_option

    parser.add_argument("--out", metavar="DIR",
                        help="the folder to copy the submissions into (then: crm-course report "
                             "DIR --out REPORT)")
    add_exchange_option(parser)
    parser.add_argument("--init", action="store_true",
                        help="set up the exchange folder instead (as root): learners may hand "
                             "in, only the instructors' group may read")
    parser.add_argument("--group", default=DEFAULT_GROUP, metavar="NAME",
                        help=f"with --init: the instructors' Unix group (default {DEFAULT_GROUP})")


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from course.errors import InputError
    from course.instructor.exchange import collect, exchange_root, inbox_problems, prepare
    from course.messages import both

    root = exchange_root(args.exchange)
    if args.init:
        inbox = prepare(root, args.group)
        print(both("exchange_ready", path=inbox, group=args.group))
        return 0
    if not args.out:
        raise InputError("--out DIR is required (the folder for the submissions). "
                         "需要 --out DIR（存放提交文件的文件夹）。")
    result = collect(root, Path(args.out))
    problems = inbox_problems(root)
    if problems:
        print(both("inbox_unsafe", path=root, problems=", ".join(problems)), file=sys.stderr)
    print(both("collected", n=len(result.collected), path=result.out,
               refused=len(result.refused), partial=result.in_progress))
    for name, reason in result.refused:
        print(f"  refused / 未计入: {name}: {reason}", file=sys.stderr)
    return 0
