"""report.html in a real browser: no axe violations (WCAG 2.1 AA), landmarks, contents, and no
sideways scrolling on a 390 px phone, in English and in Chinese.

Run as a script (``python tests/browser/test_report_a11y.py OUT_DIR``) it writes the
screenshots of the report's top that docs/ shows (report-top-en.png, report-top-zh.png).
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # axe.py
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))  # support.py (run as a script)
from axe import violations  # noqa: E402

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
LEARNERS = 30
LESSONS = 4  # the first lessons of the real bank: enough for every section of the page


def make_class(folder: Path) -> tuple[Path, Path]:
    """A class on the real bank: a class list of 32 (two hand in nothing), 30 submission files
    (one under a name that is not on the list), each answer taken from the bank's own examples;
    later learners reach fewer lessons. Returns (submissions folder, class list)."""
    from course.exercises.loader import load_bank

    bank = load_bank(REPO / "exercises")
    lessons = list(bank.lessons.values())[1:1 + LESSONS]  # (00 is the index)
    subs = folder / "subs"
    subs.mkdir(parents=True)
    roster = folder / "class.csv"
    with open(roster, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["学号", "姓名", "班级"])
        for n in range(LEARNERS + 2):
            w.writerow([f"2024{n:04d}", f"学生{n:02d}", "跨境1班" if n % 2 else "跨境2班"])
    for n in range(LEARNERS):
        reached = lessons[: LESSONS - (n % 5 == 4) - (n % 7 == 6)]
        attempts = []
        for i, ex in enumerate(e for lesson in reached for e in lesson.exercises):
            right = (n * 7 + i * 3) % 10 < 4 + n % 6
            examples = ex.examples["correct" if right else "wrong"] or ex.examples["correct"]
            attempts.append({"exercise_id": ex.id, "lesson": ex.lesson, "response": examples[0],
                             "time": f"2026-11-20T08:{i % 60:02d}:00Z", "score": 0.0,
                             "mode": ex.mode, "course_version": "0.1.0"})
        learner = "Zhang San" if n == LEARNERS - 1 else f"2024{n:04d}"
        doc = {"format": "crm-course-submission", "format_version": 1, "learner": learner,
               "course_version": "0.1.0", "exported_at": "2026-11-23T08:00:00Z",
               "attempts": attempts}
        (subs / f"{n:02d}.json").write_text(json.dumps(doc, ensure_ascii=False),
                                            encoding="utf-8")
    return subs, roster


def write_page(folder: Path, lang: str, made: tuple[Path, Path] | None = None) -> Path:
    """The report of a class (``made``: make_class's folders, else a class made in
    ``folder``) in ``lang``, written under ``folder``."""
    from course.cli import main

    subs, roster = made or make_class(folder / "class")
    out = folder / f"report-{lang}"
    assert main(["report", str(subs), "--out", str(out), "--roster", str(roster),
                 "--lang", lang]) == 0
    return out / "report.html"


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    made = make_class(folder / "class")  # one class, reported in each language (making it
    # loads the course bank: 6-8 s of the busy 2-core machine, issue 24)
    return {lang: write_page(folder / lang, lang, made) for lang in ("en", "zh")}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_report_has_no_axe_violations_and_fits_a_phone(page, pages, lang, request):
    page.goto(pages[lang].as_uri())
    assert page.locator("header").count() == 1 and page.locator("main").count() == 1
    assert page.locator("nav a").count() >= 6  # the contents, first thing after the header
    assert violations(page, request.config) == []
    # the grades table comes before the item statistics, titles instead of slugs
    grades_y = page.locator("#grades").bounding_box()["y"]
    assert grades_y < page.locator("#stats").bounding_box()["y"]
    heading = page.locator("#grades ~ div table thead th").nth(1).inner_text()
    assert heading.startswith("01 ") and not heading.startswith("01-")  # a title, not a slug
    page.set_viewport_size({"width": 390, "height": 844})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone: {width}px wide"
    assert violations(page, request.config) == []


def test_chart_text_is_in_the_report_language(pages):
    import base64
    import re

    page = pages["zh"].read_text(encoding="utf-8")
    svgs = [base64.b64decode(s).decode("utf-8")
            for s in re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', page)]
    assert len(svgs) == 3
    assert "成绩分布" in svgs[0] and "及格线" in svgs[0] and "pass mark" not in svgs[0]
    assert all("Noto Sans CJK SC" in svg for svg in svgs)


def _sheet_html(path: Path) -> str:
    """The gradebook's first sheet read back with openpyxl, as an HTML table (the machine has
    no LibreOffice to render the workbook itself)."""
    from html import escape

    import openpyxl

    sheet = openpyxl.load_workbook(path).worksheets[0]
    rows = []
    for i, row in enumerate(sheet.iter_rows(values_only=True, max_row=16)):
        tag = "th" if i == 0 else "td"
        rows.append("<tr>" + "".join(
            f"<{tag}{' class=n' if isinstance(v, int | float) else ''}>"
            f"{'' if v is None else escape(str(v))}</{tag}>" for v in row) + "</tr>")
    style = ("body{font:13px 'Noto Sans CJK SC',sans-serif;margin:8px}table{border-collapse:"
             "collapse}th,td{border:1px solid #bbb;padding:2px 6px;white-space:nowrap}"
             "th{background:#e8eef7}td.n{text-align:right}caption{text-align:left;"
             "font-weight:bold;padding:4px 0}")
    return (f"<!DOCTYPE html><meta charset=utf-8><style>{style}</style><table><caption>"
            f"gradebook.xlsx · {escape(sheet.title)} (freeze panes {sheet.freeze_panes})"
            f"</caption>{''.join(rows)}</table>")


def _screenshots(out: Path) -> None:
    """docs/report-top-en.png and report-top-zh.png: the top of the page at 1000 x 1100;
    docs/gradebook.png: the gradebook's first sheet, its cells as openpyxl reads them."""
    import tempfile

    from conftest import CHROMIUM, CHROMIUM_FLAGS
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        made = make_class(Path(tmp) / "class")
        for lang in ("en", "zh"):
            html = write_page(Path(tmp) / lang, lang, made)
            pg = chromium.new_page(viewport={"width": 1000, "height": 1100})
            pg.goto(html.as_uri())
            pg.screenshot(path=str(out / f"report-top-{lang}.png"))
            if lang == "zh":
                pg.set_content(_sheet_html(html.parent / "gradebook.xlsx"))
                pg.locator("table").screenshot(path=str(out / "gradebook.png"))
            pg.close()
        chromium.close()


if __name__ == "__main__":
    _screenshots(Path(sys.argv[1]))
