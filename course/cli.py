"""The crm-course command line: one sub-command per module, imported only when it runs."""
from __future__ import annotations

import argparse
import importlib
import sys

# sub-command -> module that defines ``add_arguments(parser)`` and ``run(args) -> int``.
# Those modules import nothing heavy at module level.
COMMANDS = {
    "validate": ("course.exercises.cli_validate", "check exercise bank files against the schema"),
    "lint": ("course.exercises.cli_lint", "find item-writing flaws in exercise bank files"),
    "list": ("course.exercises.cli_list", "list lessons with exercise counts by type and mode"),
    "export": ("course.exercises.cli_export", "write this learner's submission file"),
    "data": ("course.crm.cli", "generate the course data sets"),
    "release": ("course.instructor.cli_release", "write a student copy of the course"),
    "submit": ("course.instructor.cli_submit", "hand in this learner's work to the exchange folder"),
    "collect": ("course.instructor.cli_collect", "gather the submissions from the exchange folder"),
    "report": ("course.instructor.cli_report", "grade submissions and write a class report"),
    "present": ("course.instructor.cli_present", "serve a lesson with Voila for projection"),
    "live": ("course.instructor.cli_live", "run a live class: the projector shows the answers"),
    "roster": ("course.cli_roster", "check and load a class list (CSV or .xlsx) / 载入班级名单"),
}


def build_parser() -> argparse.ArgumentParser:
    from course.version import __version__

    parser = argparse.ArgumentParser(
        prog="crm-course",
        description="Cross-border e-commerce CRM course (跨境电商客户关系管理): course tools.",
    )
    parser.add_argument("--version", action="version", version=f"crm-course {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:  # a command whose module is not built yet
            if exc.name and module_name.startswith(exc.name):
                continue
            raise
        p = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; everything it prints has its control characters escaped."""
    from course.console import escaped_output

    with escaped_output():
        return _main(argv)


def _main(argv: list[str] | None) -> int:
    from course.errors import CourseError

    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 0
    try:
        return int(args._run(args) or 0)
    except CourseError as exc:
        print(f"crm-course {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
