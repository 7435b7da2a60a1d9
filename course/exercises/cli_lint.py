"""`crm-course lint`: item-writing flaws in bank files (answers given away, clues, duplicates)."""
from __future__ import annotations

import sys
from pathlib import Path


def add_arguments(parser) -> None:
    parser.add_argument(
        "paths", nargs="*", metavar="PATH",
        help="bank files or folders (default: the course's exercises/ folder)",
    )
    parser.add_argument("--notebooks", metavar="FOLDER", type=Path, default=None,
                        help="lesson notebooks to read for context (default: notebooks/)")
    parser.add_argument("--errors-only", action="store_true", help="do not print warnings")


def run(args) -> int:
    from course.exercises.lint import ERROR, default_notebooks, lint_lessons
    from course.exercises.loader import check_paths
    from course.paths import bank_dir

    lessons, problems, n_files = check_paths(args.paths or [bank_dir()])
    for problem in problems:
        print(problem, file=sys.stderr)
    findings = lint_lessons(lessons, args.notebooks or default_notebooks())
    errors = [f for f in findings if f.severity == ERROR]
    for finding in findings:
        if finding.severity == ERROR or not args.errors_only:
            print(finding, file=sys.stderr if finding.severity == ERROR else sys.stdout)
    warnings = len(findings) - len(errors)
    print(f"{len(errors)} error(s), {warnings} warning(s) in {n_files} file(s).",
          file=sys.stderr if errors or problems else sys.stdout)
    return 2 if errors or problems else 0
