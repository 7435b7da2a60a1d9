"""`crm-course export`: write this learner's submission file for the instructor."""
from __future__ import annotations

import argparse
import json
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out", required=True, metavar="FILE",
        help="the submission file to write, e.g. submission-li-lei.json",
    )
    parser.add_argument(
        "--learner", metavar="NAME",
        help="the learner name written into the file (default: the name set with "
        "course.set_learner, else the login name)",
    )


def run(args: argparse.Namespace) -> int:
    from course.errors import InputError
    from course.exercises import progress, state

    if args.learner is not None:
        if not args.learner.strip():
            raise InputError("--learner needs a name, e.g. --learner 'Li Lei'. "
                             "--learner 需要一个姓名，例如 --learner '李雷'。")
        name = state.set_learner(args.learner, save=False)
    else:
        name = state.get_learner()
    saved = progress.store_path().exists()
    path = progress.export(args.out, learner=name)
    for notice in progress.pop_notices():
        print(f"crm-course export: {notice.both(' / ')}", file=sys.stderr)
    if not saved:
        print(
            f"crm-course export: no progress saved yet in {progress.store_path().parent}; "
            "the file lists no attempts. / 尚无已保存的进度，文件中没有作答记录。",
            file=sys.stderr,
        )
    count = len(json.loads(path.read_text(encoding="utf-8"))["attempts"])
    print(f"Wrote {path} for {name}: {count} attempt(s). / 已为 {name} 写入 {count} 条作答记录。")
    return 0
