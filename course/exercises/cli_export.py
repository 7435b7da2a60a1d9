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
    from course import session as state
    from course.errors import InputError
    from course.exercises import progress
    from course.messages import ui

    if args.learner is not None:
        if not args.learner.strip():
            raise InputError(ui("export_learner_empty").both(" / "))
        name = state.set_learner(args.learner, save=False)
    else:
        name = state.get_learner()
    try:
        saved = progress.store_path().exists()
    except OSError as exc:  # a home folder this user may not read (issue 21)
        where = progress.store_path().parent
        raise InputError(ui("export_unreadable", path=str(where),
                            why=exc.strerror or type(exc).__name__).both(" / ")) from None
    path = progress.export(args.out, learner=name)
    tell_store_state("export", saved)
    count = len(json.loads(path.read_text(encoding="utf-8"))["attempts"])
    print(ui("export_wrote", path=str(path), name=name, n=count).both(" / "))
    return 0


def tell_store_state(command: str, saved: bool) -> None:
    """After reading the progress store for ``crm-course COMMAND``: print (to stderr) what the
    store said, and that there was no store at all when ``saved`` is false."""
    from course.exercises import progress
    from course.messages import ui

    for notice in progress.pop_notices():
        print(f"crm-course {command}: {notice.both(' / ')}", file=sys.stderr)
    if not saved:
        folder = str(progress.store_path().parent)
        print(f"crm-course {command}: {ui('export_no_store', folder=folder).both(' / ')}",
              file=sys.stderr)
