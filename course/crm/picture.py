"""A lesson figure that carries its alt text: shown in Jupyter and Voila as an <img> with alt.

JupyterLab draws a plain matplotlib figure as an ``image/png`` output, an <img> without alt
text that a screen reader cannot describe. A ``Picture`` also gives ``text/html``: the same PNG
in an <img> with its alt text (and, where given, a second layout for screens under 640 px, such
as a phone, chosen by the browser), scaled to the width of the page. It imports matplotlib:
``course.crm.plots`` imports it only when a figure is made.
"""
from __future__ import annotations

import base64
import html
import io

from matplotlib.figure import Figure

#: below this width (CSS px) the browser shows the narrow layout where there is one
NARROW_PX = 640


def png_base64(fig: Figure) -> str:
    """The figure as a PNG in base64 (as Jupyter's inline backend draws it)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight")
    return base64.b64encode(buf.getvalue()).decode("ascii")


class Picture(Figure):
    """A figure with ``alt`` (what it shows, in words) and an optional ``narrow`` layout."""

    alt: str = ""
    narrow: Figure | None = None

    def alt_text(self) -> str:
        """``alt``, else the titles of its charts ("Chart: Grade distribution")."""
        if self.alt:
            return self.alt
        from course.session import get_language  # (as course.crm.plots.text reads it)

        label = {"en": "Chart", "zh": "图表"}.get(get_language(), "Chart · 图表")
        titles = "; ".join(ax.get_title() for ax in self.axes if ax.get_title())
        return f"{label}: {titles}" if titles else label

    def _ipython_display_(self) -> None:
        """Shown as HTML (the <img> with its alt text) and the alt text as plain text; not
        also as ``image/png``, which would store the picture twice in a lesson."""
        from IPython.display import display

        display({"text/html": self._repr_html_(), "text/plain": self.alt_text()}, raw=True)

    def _repr_html_(self) -> str:
        alt = html.escape(self.alt_text(), quote=True)
        source = ""
        if self.narrow is not None:
            source = (f'<source media="(max-width: {NARROW_PX}px)" '
                      f'srcset="data:image/png;base64,{png_base64(self.narrow)}">')
        return (f'<figure class="course-picture" style="margin:0">{source and "<picture>"}'
                f'{source}<img src="data:image/png;base64,{png_base64(self)}" alt="{alt}" '
                f'style="max-width:100%;height:auto">{source and "</picture>"}</figure>')
