"""The lesson plan's Markdown as a .docx (python-docx): headings, paragraphs, lists and tables,
with the CJK font named for East Asian text."""
from __future__ import annotations

import re
from pathlib import Path

FONT = "Noto Sans CJK SC"
INLINE = re.compile(r"\*\*([^*]+)\*\*|`([^`]+)`")


def _runs(paragraph, text: str) -> None:
    """Add ``text`` to ``paragraph``; **bold** and `code` become bold and monospaced runs."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos:m.start()])
        run = paragraph.add_run(m.group(1) or m.group(2))
        run.bold = bool(m.group(1))
        if m.group(2):
            run.font.name = "Consolas"
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def _table(doc, rows: list[list[str]]) -> None:
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row[: len(rows[0])]):
            cell = table.cell(r, c)
            cell.text = ""
            _runs(cell.paragraphs[0], value)
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _setup(doc) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    for name in ("Normal", "Heading 1", "Heading 2", "Table Grid", "List Bullet",
                 "List Number"):
        style = doc.styles[name]
        style.font.name = FONT
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.append(fonts)
        fonts.set(qn("w:eastAsia"), FONT)
    doc.styles["Normal"].font.size = Pt(10.5)


def write_docx(markdown: str, out: Path) -> Path:
    """Write the Markdown of a lesson plan to ``out`` as .docx."""
    from docx import Document

    doc = Document()
    _setup(doc)
    table: list[list[str]] = []
    for line in markdown.splitlines() + [""]:
        if line.startswith("|"):
            if not re.match(r"^\|[\s:|-]+\|$", line.strip()):
                table.append(_cells(line))
            continue
        if table:
            _table(doc, table)
            table = []
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            doc.add_heading(line.lstrip("#").strip(), level=min(level, 3))
        elif line.startswith("- "):
            _runs(doc.add_paragraph(style="List Bullet"), line[2:])
        elif re.match(r"^\d+\. ", line):
            _runs(doc.add_paragraph(style="List Number"), re.sub(r"^\d+\. ", "", line))
        elif line.strip():
            _runs(doc.add_paragraph(), line.strip())
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(out))
    return out
