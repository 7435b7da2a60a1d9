"""`crm-course validate`: check bank files against the schema and their own examples."""
from __future__ import annotations

import sys


def add_arguments(parser) -> None:
    parser.add_argument(
        "paths", nargs="*", metavar="PATH",
        help="bank files or folders (default: the course's exercises/ folder)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print problems only")


def run(args) -> int:
    from course.exercises.lint import ERROR, default_notebooks, lint_lessons
    from course.exercises.loader import check_paths
    from course.paths import bank_dir

    paths = args.paths or [bank_dir()]
    lessons, problems, n_files = check_paths(paths)
    # item-writing errors (`crm-course lint` lists the warnings too)
    problems = list(problems) + [f for f in lint_lessons(lessons, default_notebooks())
                                 if f.severity == ERROR]
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problem(s) in {n_files} file(s).", file=sys.stderr)
        return 2
    if not args.quiet:
        n = sum(len(lesson) for lesson in lessons)
        print(f"OK: {n_files} file(s), {len(lessons)} lesson(s), {n} exercise(s); "
              "every example grades as declared; no item-writing error.")
    return 0
