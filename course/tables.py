"""Data frames shown in a lesson without an empty header cell.

pandas writes the corner of a table's header (above the row labels) as an empty ``<th></th>``:
a header cell that names nothing, which screen readers announce as a blank column header and
axe-core reports (``empty-table-header``). ``install()`` registers an HTML formatter for
DataFrames in the running IPython kernel that writes each empty header cell as an empty data
cell (``<td></td>``) instead; the table looks the same. Outside IPython it does nothing, and it
never imports pandas itself.
"""
from __future__ import annotations

import re

from course.text import html_no_maths

_EMPTY_HEADER = re.compile(r"<th>\s*</th>")
_installed = False


def frame_html(frame) -> str | None:
    """A DataFrame's notebook HTML (``_repr_html_``) with every empty ``<th>`` as ``<td>``; a
    table with a ``$`` in it is wrapped in the class MathJax skips (two prices in one cell,
    "was $18, now $9", would be typeset as maths in JupyterLab and Voila)."""
    html = frame._repr_html_()
    return None if html is None else html_no_maths(_EMPTY_HEADER.sub("<td></td>", html))


def install() -> bool:
    """Register :func:`frame_html` for DataFrames in the running IPython shell, once; False
    where there is none (a script, a test)."""
    global _installed
    if _installed:
        return True
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    if shell is None or not hasattr(shell, "display_formatter"):
        return False
    html = shell.display_formatter.formatters["text/html"]
    for module in ("pandas", "pandas.core.frame"):  # DataFrame.__module__ of pandas 3 and 2
        html.for_type_by_name(module, "DataFrame", frame_html)
    _installed = True
    return True
