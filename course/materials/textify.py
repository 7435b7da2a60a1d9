"""A print view's HTML fragment as lines of plain text (for slides and lesson plans), so that
an exercise is written out by one view only: its kind's print view."""
from __future__ import annotations

from html.parser import HTMLParser

BLOCKS = {"p", "div", "li", "tr", "section", "pre", "h1", "h2", "h3", "h4", "ol", "ul", "br",
          "table"}
SKIP = {"scheme", "key-head", "how", "lines", "idbox", "num"}


class _Lines(HTMLParser):
    def __init__(self, skip: set[str], zh_inline: bool = False):
        super().__init__(convert_charrefs=True)
        self.zh_inline = zh_inline
        self.lines: list[str] = [""]
        self.skip = skip
        self.stack: list[tuple[str, bool, bool]] = []
        self.pre = 0

    def _skipping(self) -> bool:
        return any(s for _, s, _ in self.stack)

    def handle_starttag(self, tag, attrs):
        classes = set((dict(attrs).get("class") or "").split())
        if tag in BLOCKS or (tag == "span" and "zh" in classes and not self.zh_inline):
            self._break()
        elif tag == "span" and "zh" in classes:
            self.lines[-1] += " /"
        if tag == "pre":
            self.pre += 1
        if tag == "span" and "line" in classes:
            self.handle_data("______")
        if tag not in ("br", "img", "input"):
            self.stack.append((tag, bool(classes & self.skip), "zh" in classes))

    def handle_endtag(self, tag):
        zh = False
        while self.stack:
            name, _, zh = self.stack.pop()
            if name == tag:
                break
        if tag == "pre":
            self.pre -= 1
        if tag in BLOCKS or (tag == "span" and zh and not self.zh_inline):
            self._break()

    def _break(self):
        if self.lines[-1].strip():
            self.lines.append("")

    def handle_data(self, data):
        if self._skipping():
            return
        if self.pre:
            parts = data.split("\n")
            self.lines[-1] += parts[0]
            for part in parts[1:]:
                self.lines.append(part)
            return
        text = " ".join(data.split())
        if text:
            sep = " " if self.lines[-1] and not self.lines[-1].endswith(" ") else ""
            self.lines[-1] += sep + text


def html_lines(html: str, skip: set[str] | None = None, zh_inline: bool = False) -> list[str]:
    """The text of ``html`` as lines (one per block element; empty lines dropped), without
    the elements whose class is in ``skip`` (default: marking scheme, item head, how-to);
    ``zh_inline`` keeps a Chinese line on the line of its English ("English / 中文")."""
    parser = _Lines(SKIP if skip is None else skip, zh_inline)
    parser.feed(html)
    parser.close()
    return [" ".join(line.split()) if "\n" not in line else line.rstrip()
            for line in parser.lines if line.strip()]
