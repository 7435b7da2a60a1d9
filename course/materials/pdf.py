"""HTML to PDF on A4 with the course's CJK font embedded, and the QR code of each page.

The engine is WeasyPrint (see docs/benchmarks.md, "Printed materials", for the comparison
with headless Chromium): a Python library that lays out HTML and CSS for paged media and
embeds a subset of every font it uses. It needs Debian's Pango (``libpango-1.0-0``,
``libpangoft2-1.0-0``); without it, :func:`write_pdf` says what to install.

The font is the course's own subset of Noto Sans CJK SC (``course/crm/fonts``, SIL OFL), loaded
with ``@font-face``; a character the subset lacks falls back to the system's Noto Sans CJK SC
(Debian ``fonts-noto-cjk``). :func:`missing_glyphs` lists characters that neither covers.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from course.errors import CourseError

FONT = Path(__file__).resolve().parent.parent / "crm" / "fonts" / "NotoSansCJKsc-Regular-subset.otf"
SYSTEM_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
INSTALL_HINT = ("crm-course print needs WeasyPrint and Debian's Pango to write PDF files: "
                "pip install 'crm-course[teacher]' and apt-get install libpango-1.0-0 "
                "libpangoft2-1.0-0 (Windows and macOS: see https://doc.courtbouillon.org/"
                "weasyprint/stable/first_steps.html)")


def font_css() -> str:
    """The ``@font-face`` rule of the course's CJK font (a file: URL, read at render time)."""
    return (f'@font-face{{font-family:"CRM CJK";src:url("{FONT.as_uri()}");}}'
            '@font-face{font-family:"CRM CJK";font-weight:bold;'
            f'src:url("{FONT.as_uri()}");}}')


@lru_cache(maxsize=1)
def _cmaps() -> tuple[frozenset, frozenset]:
    from fontTools.ttLib import TTCollection, TTFont

    shipped = frozenset(TTFont(str(FONT)).getBestCmap())
    system: frozenset = frozenset()
    if SYSTEM_CJK.exists():
        system = frozenset(TTCollection(str(SYSTEM_CJK)).fonts[2].getBestCmap())
    return shipped, system


def missing_glyphs(text: str) -> tuple[str, str]:
    """(characters of ``text`` outside the course's font, those outside the system CJK font
    too): the first may print in a fallback face, the second would print as a box."""
    shipped, system = _cmaps()
    chars = sorted({c for c in text if ord(c) > 0x2000 and not c.isspace()})
    not_shipped = "".join(c for c in chars if ord(c) not in shipped)
    return not_shipped, "".join(c for c in not_shipped if ord(c) not in system)


def glyph_note(html: str, name: str) -> str | None:
    """A note for the teacher when the page ``name`` holds characters that no installed CJK
    font covers (they would print as boxes), else None."""
    import re

    text = re.sub(r"<style.*?</style>|<[^>]+>", " ", html, flags=re.S)
    _, boxes = missing_glyphs(text)
    if not boxes:
        return None
    hint = "" if SYSTEM_CJK.exists() else " (apt-get install fonts-noto-cjk may cover them)"
    return f"{name}: no font for {boxes!r}{hint}"


def qr_data_uri(url: str) -> str:
    """A QR code of ``url`` as a PNG data: URL (segno, error correction M, 2 px a module:
    about 20 mm wide at the page's 96 px an inch; drawn without smoothing). A PNG, not an SVG:
    WeasyPrint draws the SVG's hundreds of path segments again on every page."""
    import segno

    return segno.make(url, error="m", micro=False).png_data_uri(scale=2, border=1)


def _weasyprint():
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: the Python package without Pango
        raise CourseError(f"{INSTALL_HINT} ({exc.__class__.__name__}: {exc})") from None
    return weasyprint


def write_pdf(html: str, out: Path) -> Path:
    """Render ``html`` (a whole page with its own CSS) to ``out`` as PDF."""
    weasyprint = _weasyprint()
    out.parent.mkdir(parents=True, exist_ok=True)
    weasyprint.HTML(string=html, base_url=str(Path(__file__).parent)).write_pdf(str(out))
    return out


def write_pdf_chromium(html: str, out: Path) -> Path:
    """The same page printed by headless Chromium (for the engine comparison in bench)."""
    from playwright.sync_api import sync_playwright

    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=flags)
        page = browser.new_page()
        page.set_content(html)
        page.pdf(path=str(out), format="A4", prefer_css_page_size=True)
        browser.close()
    return out
