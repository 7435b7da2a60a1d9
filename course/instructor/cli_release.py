"""`crm-course release --out DIR`: write the student copy of the course."""
from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, metavar="DIR",
                        help="a new (or empty) folder for the student copy")
    parser.add_argument("--source", metavar="DIR",
                        help="the course folder to copy (default: the current folder, else the "
                             "installed course)")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from course.instructor.release import release

    summary = release(Path(args.out), Path(args.source) if args.source else None)
    print("\n".join(summary.lines()))
    return 0
