"""Write the semester's pages in docs/ from their sources (never edit the pages by hand):

- docs/teaching-schedule.md  (授课计划)   from notebooks/semester.yaml and course.yaml
- docs/course-standard.md    (课程标准)   the same, the lessons' goals and the exercise bank
- docs/speaking-cards.md     (口语卡片)   from data/speaking_cards.yaml
- docs/project.md            (小组项目)   from data/project.yaml and the plan's milestones

Usage::

    python tools/semester_docs.py           # write the four pages
    python tools/semester_docs.py --check   # exit 1 when a page is not up to date

The .docx of the schedule and the standard, the printable cards and the project handout come
from ``crm-course print --only schedule --only standard --only speaking --only project``.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def pages(root: Path = ROOT) -> dict[str, str]:
    """docs/<name> -> its text, generated from the sources."""
    from course.materials.project import load_project, project_file, project_markdown
    from course.materials.schedule import schedule_markdown, standard_markdown
    from course.materials.speaking import cards_file, cards_markdown, load_cards
    from course.semester import load, semester_file

    semester = load(semester_file(root))
    return {
        "teaching-schedule.md": schedule_markdown(root),
        "course-standard.md": standard_markdown(root),
        "speaking-cards.md": cards_markdown(load_cards(cards_file(root)), semester),
        "project.md": project_markdown(load_project(project_file(root), semester), semester),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report pages out of date")
    args = parser.parse_args(argv)
    stale = []
    for name, text in pages().items():
        path = ROOT / "docs" / name
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            continue
        stale.append(name)
        if not args.check:
            path.write_text(text, encoding="utf-8")
            print(f"wrote docs/{name}")
    if args.check and stale:
        print(f"out of date: {', '.join(stale)} (run python tools/semester_docs.py)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
