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
    which = parser.add_mutually_exclusive_group()
    which.add_argument(
        "--student-number", metavar="NUMBER",
        help="write the attempts saved under this student number (学号), for a lab login "
        "shared by several students (default: the number given in the lesson header)",
    )
    which.add_argument(
        "--no-number", action="store_true",
        help="write the attempts saved before any student number was given (未填学号的作答)",
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
    number = state.get_student_number()
    if args.no_number:
        number = None
    elif args.student_number is not None:
        number = " ".join(args.student_number.split())
        if not number:
            raise InputError(ui("export_learner_empty").both(" / "))
    path = progress.export(args.out, learner=args.learner and name, student_number=number)
    tell_store_state("export", saved)
    doc = json.loads(path.read_text(encoding="utf-8"))
    print(ui("export_wrote", path=str(path), name=doc["learner"],
             n=len(doc["attempts"])).both(" / "))
    tell_left_out(doc)
    return 0


def tell_left_out(doc: dict) -> None:
    """Name (on stderr) the attempts of this store that the file does not hold: on a lab login
    shared by several students each student number exports its own."""
    from course.exercises import progress
    from course.messages import ui

    held = progress.numbers()
    if sum(held.values()) == len(doc["attempts"]):
        return
    mine = doc.get("student_number")
    for number, n in sorted(held.items(), key=lambda kv: (kv[0] is None, kv[0] or "")):
        if number is not None and number != mine:
            line = ui("export_left_out", n=n, number=number)
        elif number is None and mine is not None and any(k not in (None, mine) for k in held):
            line = ui("export_left_out_none", n=n)
        else:
            continue
        print(f"crm-course export: {line.both(' / ')}", file=sys.stderr)


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
