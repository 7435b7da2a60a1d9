"""The crm-course command line: one sub-command per module, imported only when it runs."""
from __future__ import annotations

import argparse
import sys

# sub-command -> what it does (its --help line)
COMMANDS = {
    "validate": "check exercise bank files against the schema",
    "lint": "find item-writing flaws in exercise bank files",
    "list": "list lessons with exercise counts by type and mode",
    "export": "write this learner's submission file",
    "data": "generate the course data sets",
    "release": "write a student copy of the course",
    "submit": "hand in this learner's work to the exchange folder",
    "collect": "gather the submissions from the exchange folder",
    "report": "grade submissions and write a class report",
    "present": "serve a lesson with Voila for projection",
    "live": "run a live class: the projector shows the answers",
    "bank": "export the question bank (Moodle XML, GIFT, QTI, xlsx) or import one "
            "· 题库导出/导入",
    "print": "write worksheets, exam papers, answer book, slides, lesson plans, the semester's "
             "授课计划 and 课程标准, speaking cards and the project handout "
             "· 打印讲义、试卷、教师用书、幻灯片、教案、授课计划、课程标准、口语卡片和项目任务书",
    "roster": "check and load a class list (CSV or .xlsx) · 载入班级名单",
}


def command_modules() -> dict:
    """sub-command -> the module that defines ``add_arguments(parser)`` and ``run(args) -> int``.

    Imported when the parser is built, not with this module; they import nothing heavy at
    module level.
    """
    from course import cli_roster
    from course.bankio import cli as cli_bank
    from course.crm import cli as cli_data
    from course.exercises import cli_export, cli_lint, cli_list, cli_validate
    from course.instructor import (
        cli_collect,
        cli_live,
        cli_present,
        cli_release,
        cli_report,
        cli_submit,
    )
    from course.materials import cli_print

    return {"validate": cli_validate, "lint": cli_lint, "list": cli_list, "export": cli_export,
            "data": cli_data, "release": cli_release, "submit": cli_submit,
            "collect": cli_collect, "report": cli_report, "present": cli_present,
            "live": cli_live, "bank": cli_bank,
            "print": cli_print, "roster": cli_roster}


def build_parser() -> argparse.ArgumentParser:
    from course.version import __version__

    parser = argparse.ArgumentParser(
        prog="crm-course",
        description="Cross-border e-commerce CRM course (跨境电商客户关系管理): course tools.",
    )
    parser.add_argument("--version", action="version", version=f"crm-course {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = command_modules()
    for name, help_text in COMMANDS.items():
        module = modules[name]
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
