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
code whose stored output is a picture   ``subslide`` (a chart or picture fills the screen)
the lesson's setup cell and ``nav()``   ``skip`` (run them before the show: Run All)
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


def slide_type(cell: dict) -> str:
    """The slide type of one notebook cell (see the table above)."""
    source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
    if cell["cell_type"] == "markdown":
        first = source.lstrip().split("\n", 1)[0]
        if re.match(r"^#{1,2} ", first):
            return "slide"
        if first.startswith("### "):
            return "subslide"
        return "-"
    if cell["cell_type"] != "code":
        return "-"
    if SETUP_OR_NAV.search(source):
        return "skip"
    if EXERCISE_CELL.match(source):
        return "subslide"
    if any("image/png" in (o.get("data") or {}) for o in cell.get("outputs", [])):
        return "subslide"
    return "-"


def with_slides(notebook: dict) -> tuple[dict, int]:
    """The notebook with every cell's slide type set; (notebook, cells changed)."""
    changed = 0
    for cell in notebook["cells"]:
        wanted = slide_type(cell)
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
