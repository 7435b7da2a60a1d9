"""`crm-course list`: the lessons of a bank with exercise counts by type and by mode."""
from __future__ import annotations

import sys

from course.session import MODES


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="bank files or folders (default: the course's exercises/ folder)")


def run(args) -> int:
    from course.exercises import kinds
    from course.exercises.loader import check_paths
    from course.paths import bank_dir

    types = kinds.types()

    lessons, problems, _ = check_paths(args.paths or [bank_dir()])
    if problems:
        print(f"{len(problems)} problem(s) in the bank; run `crm-course validate` for details.",
              file=sys.stderr)
    columns = [kinds.short_name(t) for t in types] + list(MODES) + ["total"]
    width = max([len(lesson.slug) for lesson in lessons] + [6])
    print(f"{'lesson':<{width}}  " + " ".join(f"{c:>10}" for c in columns))
    totals = [0] * len(columns)
    for lesson in sorted(lessons, key=lambda le: le.slug):
        counts = [sum(ex.type == t for ex in lesson.exercises) for t in types]
        counts += [sum(ex.mode == m for ex in lesson.exercises) for m in MODES]
        counts.append(len(lesson))
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        print(f"{lesson.slug:<{width}}  " + " ".join(f"{c:>10}" for c in counts))
    print(f"{'total':<{width}}  " + " ".join(f"{c:>10}" for c in totals))
    return 2 if problems else 0
