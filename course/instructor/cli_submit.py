"""`crm-course submit`: hand in this learner's work to the course's exchange folder."""
from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--exchange", metavar="DIR",
                        help="the course's exchange folder (default: $CRM_COURSE_EXCHANGE, "
                             "set by the course's hub)")


def run(args: argparse.Namespace) -> int:
    import json
    import sys

    from course.exercises import progress
    from course.instructor.exchange import exchange_root, hand_in, hub_user
    from course.messages import both, ui

    name = hub_user()
    root = exchange_root(args.exchange)
    saved = progress.store_path().exists()
    doc = progress.submission(learner=name)
    data = (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    path = hand_in(data, root, name)
    for notice in progress.pop_notices():
        print(f"crm-course submit: {notice.both(' / ')}", file=sys.stderr)
    if not saved:
        folder = str(progress.store_path().parent)
        print(f"crm-course submit: {ui('export_no_store', folder=folder).both(' / ')}",
              file=sys.stderr)
    print(both("handed_in", n=len(doc["attempts"]), name=name, path=path))
    return 0
