"""A lesson's figures drawn again in a chosen language, for the slides.

The PNG outputs stored in a lesson notebook were drawn in English. For a deck in Chinese (or
both), the lesson's code cells are run again in order in one namespace (matplotlib's Agg
backend, no output shown) up to the last cell with a figure; each cell whose stored output holds
a figure has its last expression (the ``crm.plot_...(...)`` or ``crm.picture_...()`` call,
which draws in the current language and the course's CJK font) evaluated again with the
language set, and the figure it returns is saved as PNG. Cells that show exercises or the
lesson's header and navigation (statements, not whole cells) are skipped. A cell that fails, or whose last expression is not
a figure, is left out of the result: the deck then shows the stored output with a note.
"""
from __future__ import annotations

import ast
import contextlib
import io
import json
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

SKIPPED = re.compile(r"^\s*lesson\s*\[|lesson\.nav\(\)|course\.lesson\(|set_language|set_mode",
                     re.M)


@dataclass
class Drawn:
    """One figure drawn again: its PNG and every text on it (titles, labels, ticks, notes)."""

    png: bytes
    texts: list[str] = field(default_factory=list)


def _source(cell: dict) -> str:
    source = cell["source"]
    source = "".join(source) if isinstance(source, list) else source
    # IPython magics and shell lines (``%matplotlib inline``) mean nothing outside IPython
    return "\n".join("" if line.lstrip().startswith(("%", "!")) else line
                     for line in source.splitlines())


def has_figure(cell: dict) -> bool:
    """A code cell that shows a picture: ``image/png``, or a course picture's HTML
    (course.crm.picture)."""
    return cell["cell_type"] == "code" and any(
        "image/png" in o.get("data", {}) or "course-picture" in "".join(o.get("data", {}).get(
            "text/html", "")) for o in cell.get("outputs", []))


def _split(source: str):
    """(the code before the last statement, the last expression or None), compiled, without
    the statements :data:`SKIPPED` finds."""
    tree = ast.parse(source)
    # the lesson's header, navigation and exercises (and language or mode changes) are left out
    tree.body = [node for node in tree.body
                 if not SKIPPED.search(ast.get_source_segment(source, node) or "")]
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = compile(ast.Expression(tree.body.pop().value), "<cell>", "eval")
    return compile(tree, "<cell>", "exec"), last


def _drawn(fig) -> Drawn:
    from matplotlib.text import Text

    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    texts = [t.get_text() for t in fig.findobj(Text) if t.get_text()]
    return Drawn(buf.getvalue(), texts)


def _draw_cell(code, last, namespace: dict, langs: list[str]) -> dict[str, Drawn]:
    from course.session import set_language

    set_language(langs[0], save=False)
    exec(code, namespace)  # noqa: S102 - the lesson's own code, as the notebook runs it
    found: dict[str, Drawn] = {}
    for lang in langs if last is not None else []:
        set_language(lang, save=False)
        fig = eval(last, namespace)  # noqa: S307 - the cell's last expression, as above
        if hasattr(fig, "savefig") and hasattr(fig, "findobj"):
            found[lang] = _drawn(fig)
    return found


def redraw(path: Path, langs: list[str]) -> dict[int, dict[str, Drawn]]:
    """{index of a code cell with a stored figure: {language: the figure drawn again}} for the
    lesson notebook ``path``; a cell that cannot be drawn again is missing."""
    import matplotlib

    matplotlib.use("Agg")
    from course.session import get_language, set_language

    cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
    wanted = [i for i, cell in enumerate(cells) if has_figure(cell)]
    if not wanted or not langs:
        return {}
    namespace: dict = {"__name__": "__lesson__"}
    out: dict[int, dict[str, Drawn]] = {}
    before = get_language()
    try:
        with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for i, cell in enumerate(cells[:wanted[-1] + 1]):
                source = _source(cell)
                if cell["cell_type"] != "code":
                    continue
                try:
                    code, last = _split(source)
                    found = _draw_cell(code, last if i in wanted else None, namespace, langs)
                except Exception:  # noqa: BLE001 - a cell that fails keeps its stored figure
                    continue
                if found:
                    out[i] = found
    finally:
        set_language(before, save=False)
    return out
