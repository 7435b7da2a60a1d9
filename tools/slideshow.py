"""Set each lesson cell's slideshow metadata, so that a lesson runs as a live slideshow in
JupyterLab (jupyterlab-rise, the RISE extension for JupyterLab 4, in the ``teacher`` extra).

The slide type of a cell follows from what the cell is, never from its position, so running
the tool twice changes nothing and a cell moved keeps its type:

=====================================  ===============================================
cell                                   slide type (``metadata.slideshow.slide_type``)
=====================================  ===============================================
markdown starting with ``#`` or ``##``  ``slide`` (the title, each section, the summary)
markdown starting with ``###``          ``subslide`` (the case's "Discuss", a further part)
an exercise cell ``lesson["id"]``       ``subslide`` (each exercise widget alone on screen)
code whose stored output is a picture   ``subslide`` (a chart or course picture fills the
                                        screen)
the lesson's setup cell and ``nav()``   ``skip`` (run them before the show: Run All)
markdown starting ``**Teacher's note``  ``notes`` (the presenter view only, never projected;
or ``**教师提示``                           the .pptx deck's speaker notes of that section)
other markdown right after a code cell  ``fragment`` (the reading of a table or chart comes
that is not an exercise                 on Next, after the class has looked at the result;
                                        the cells after it go with it)
any other cell                          ``-`` (goes on the slide before it)
=====================================  ===============================================

Run all cells first, then start the show with Alt+R or the "Render as slides" button: the text,
charts and slide order work, but jupyterlab-rise 0.43.1 cannot load the ipywidgets 8 manager, so
the exercises show a text placeholder there. ``crm-course present NN --slides`` shows the same
slides in Voila, exercises live (see docs/instructor.md).

Usage::

    python tools/slideshow.py notebooks/04-customer-grading.ipynb   # one or more lessons
    python tools/slideshow.py --all            # every lesson of notebooks/course.yaml
    python tools/slideshow.py --check --all    # exit 1 when a lesson is not up to date
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXERCISE_CELL = re.compile(r'^\s*lesson\["([\w-]+)"\]\s*$')
SETUP_OR_NAV = re.compile(r"lesson\s*=\s*course\.lesson\(|^\s*lesson\.nav\(\)\s*$", re.M)
#: A teacher's note: what the teacher says or does on that slide, for the presenter only.
TEACHER_NOTE = re.compile(r"^\s*\*\*(Teacher'?s note|Note for the teacher|教师提示)", re.I)


def _source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _is_picture(data: dict) -> bool:
    """A chart (``image/png``) or a course picture (``course.crm.picture``: HTML holding it)."""
    html = data.get("text/html") or ""
    return "image/png" in data or "course-picture" in ("".join(html) if isinstance(html, list)
                                                       else html)


def _reads_a_result(previous: dict | None) -> bool:
    """Whether ``previous`` is a code cell whose output a following text reads (not an exercise,
    not the setup or nav cell)."""
    if previous is None or previous["cell_type"] != "code":
        return False
    source = _source(previous)
    return not (EXERCISE_CELL.match(source) or SETUP_OR_NAV.search(source))


def slide_type(cell: dict, previous: dict | None = None) -> str:
    """The slide type of one notebook cell, ``previous`` the cell before it (see the table)."""
    source = _source(cell)
    if cell["cell_type"] == "markdown":
        first = source.lstrip().split("\n", 1)[0]
        if re.match(r"^#{1,2} ", first):
            return "slide"
        if first.startswith("### "):
            return "subslide"
        if TEACHER_NOTE.match(first):
            return "notes"
        return "fragment" if _reads_a_result(previous) else "-"
    if cell["cell_type"] != "code":
        return "-"
    if SETUP_OR_NAV.search(source):
        return "skip"
    if EXERCISE_CELL.match(source):
        return "subslide"
    if any(_is_picture(o.get("data") or {}) for o in cell.get("outputs", [])):
        return "subslide"
    return "-"


def with_slides(notebook: dict) -> tuple[dict, int]:
    """The notebook with every cell's slide type set; (notebook, cells changed)."""
    changed, previous = 0, None
    for cell in notebook["cells"]:
        wanted = slide_type(cell, previous)
        previous = cell
        meta = cell.setdefault("metadata", {})
        if meta.get("slideshow", {}).get("slide_type") != wanted:
            meta["slideshow"] = {**meta.get("slideshow", {}), "slide_type": wanted}
            changed += 1
    return notebook, changed


def process(path: Path, check: bool = False) -> int:
    """Set (or with ``check``, only count) the cells of ``path`` whose slide type is not set
    as the rules say; the file is written as nbformat writes it (one-space indent, sorted
    keys, a final newline), so that only the metadata lines change."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    notebook, changed = with_slides(notebook)
    if changed and not check:
        text = json.dumps(notebook, indent=1, ensure_ascii=False, sort_keys=True)
        path.write_text(text + "\n", encoding="utf-8")
    return changed


def lessons() -> list[Path]:
    import yaml

    order = yaml.safe_load((ROOT / "notebooks" / "course.yaml").read_text(encoding="utf-8"))
    return [ROOT / "notebooks" / f"{e['slug']}.ipynb" for e in order["lessons"]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--all", action="store_true", help="every lesson of course.yaml")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a "
                                                             "lesson needs the tool")
    args = parser.parse_args(argv)
    paths = (lessons() if args.all else []) + list(args.notebooks)
    if not paths:
        parser.error("name a notebook or give --all")
    stale = 0
    for path in paths:
        changed = process(path, args.check)
        stale += bool(changed)
        verb = "would change" if args.check else "changed"
        print(f"{path.name}: {verb} {changed} cells" if changed else f"{path.name}: up to date")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
