"""`crm-course present NN`: serve a lesson with Voila for projection, with reveal controls."""
from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("lesson", help="the lesson's number (e.g. 04) or slug "
                                       "(e.g. 04-customer-grading); a workshop's: w04")
    parser.add_argument("--port", default=8866, help="the local port (default 8866)")
    parser.add_argument("--open", action="store_true", help="open a browser on the lesson")
    parser.add_argument("--lang", choices=("en", "zh", "both"),
                        help="the language of the lesson's widgets (default: the saved setting)")
    parser.add_argument("--slides", action="store_true",
                        help="show the lesson as slides (one at a time, arrow keys), its "
                             "exercises live")
    parser.add_argument("--source", metavar="DIR",
                        help="the course folder (default: the current folder, else the "
                             "installed course)")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from course.instructor.present import check_port, resolve_notebook, serve
    from course.instructor.release import find_course_root

    root = find_course_root(Path(args.source) if args.source else None)
    port = check_port(args.port)
    notebook = resolve_notebook(args.lesson, root / "notebooks")
    if getattr(args, "slides", False):
        from course.instructor.slides_voila import serve_slides

        return serve_slides(notebook, port=port, open_browser=args.open, lang=args.lang)
    return serve(notebook, port=port, open_browser=args.open, lang=args.lang)
