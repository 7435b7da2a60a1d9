"""Worksheets and exam papers read back from their PDF files: A4, every item's prompt in the
text, every glyph in an embedded font, a QR code on each page, and keys the grader accepts."""
from __future__ import annotations

import functools
import re
from pathlib import Path

import pypdf
import pytest

import course
from course.materials import papers
from course.materials.build import _setting
from course.materials.lessons import read_lesson
from course.materials.pdf import missing_glyphs, qr_data_uri
from course.materials.printview import printed_exercise

ROOT = Path(__file__).resolve().parents[2]
LESSON = "01-relationships"  # every built-in type of exercise (see conftest.py)


@functools.cache
def _lesson():
    """Lesson 01's bank, loaded when a test first needs it (not at collection, which each
    xdist worker does)."""
    return course.load_bank(ROOT / "exercises" / f"{LESSON}.yaml").lessons[LESSON]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(path) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)


def embedded_fonts(path) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font of every page."""
    out = []
    for page in pypdf.PdfReader(str(path)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            desc = font.get("/FontDescriptor") or \
                font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            desc = desc.get_object()
            out.append((font["/BaseFont"], any(k in desc for k in
                                               ("/FontFile", "/FontFile2", "/FontFile3"))))
    return out


def test_the_files_are_written(printed):
    names = sorted(p.name for p in (printed / LESSON).iterdir())
    for lang in ("en", "zh"):
        for name in ("worksheet", "exam-A", "exam-B", "exam-A-key", "exam-B-key"):
            assert f"{name}.{lang}.pdf" in names
    assert (printed / "answer-book.en.html").exists()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_worksheet_holds_every_practice_and_class_prompt(printed, lang):
    text = squash(pdf_text(printed / LESSON / f"worksheet.{lang}.pdf"))
    lesson = _lesson()
    items = [lesson[i] for i in lesson.ids if lesson[i].mode != "assessment"]
    assert len(items) >= 10
    for ex in items:
        assert squash(ex.prompt.render(lang)) in text, ex.id
    for ex in (lesson[i] for i in lesson.ids):
        if ex.mode == "assessment":
            assert squash(ex.prompt.render(lang)) not in text, ex.id


@pytest.mark.parametrize("name", ["worksheet", "exam-A", "exam-B", "exam-A-key"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_page_is_a4_with_every_font_embedded_and_no_missing_glyph(printed, lang, name):
    path = printed / LESSON / f"{name}.{lang}.pdf"
    reader = pypdf.PdfReader(str(path))
    for page in reader.pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(w - 595.28) < 1 and abs(h - 841.89) < 1  # A4 in points
    fonts = embedded_fonts(path)
    assert fonts and all(embedded for _, embedded in fonts), fonts
    text = pdf_text(path)
    assert "\ufffd" not in text and "□" not in text
    assert missing_glyphs(text)[1] == ""


@pytest.mark.parametrize("form", ["A", "B"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_exam_holds_every_assessment_prompt_a_cover_and_points(printed, form, lang):
    text = pdf_text(printed / LESSON / f"exam-{form}.{lang}.pdf")
    items = papers.assessment_items(_lesson())
    assert len(items) == 3  # lesson 01 has three assessment items (its bank file)
    for ex in items:
        assert squash(printed_exercise(ex, form).prompt.render(lang)) in squash(text), ex.id
    assert ("学号" if lang == "zh" else "Student number") in text
    assert ("分值" if lang == "zh" else "Points") in text


@pytest.mark.parametrize("form", ["A", "B"])
def test_the_key_of_each_form_is_right_by_the_grader_and_matches_its_paper(form):
    content = read_lesson(ROOT / "notebooks" / f"{LESSON}.ipynb")
    setting = _setting(ROOT, "en", "")
    paper = papers.exam(_lesson(), content, setting, form)
    key = papers.exam(_lesson(), content, setting, form, key=True)
    assert [i.shown_order for i in paper.items] == [i.shown_order for i in key.items]
    for item in key.items:
        printed = printed_exercise(_lesson()[item.exercise_id], form)
        assert printed.grade(item.key_response).correct
        assert item.short and item.short in key.html.replace("&gt;", ">")


def test_the_two_forms_differ(printed):
    a = pdf_text(printed / LESSON / "exam-A-key.en.pdf")
    b = pdf_text(printed / LESSON / "exam-B-key.en.pdf")
    assert a != b


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_paper_b_prints_its_own_numbers_and_its_key_is_right_for_them(printed, lang):
    """rel-chat-order-value (bank ``exam_forms``): form A keeps the online 250 dollars (key 300),
    form B asks about 150 dollars, and its key is 180 (150 raised by the lesson's 20%)."""
    unit = "美元" if lang == "zh" else "US dollars"
    a, b = (squash(pdf_text(printed / LESSON / f"exam-{f}.{lang}.pdf")) for f in "AB")
    assert squash(f"250 {unit}") in a and squash(f"250 {unit}") not in b
    assert squash(f"150 {unit}") in b and squash(f"150 {unit}") not in a
    key_a, key_b = (squash(pdf_text(printed / LESSON / f"exam-{f}-key.{lang}.pdf")) for f in "AB")
    assert squash(f"300 {unit}") in key_a and squash("150 × 1.2 = 180") in key_b
    assert squash(f"180 {unit}") in key_b and squash(f"300 {unit}") not in key_b
    ex = _lesson()["rel-chat-order-value"]
    assert printed_exercise(ex, "B").grade(f"180 {unit}").correct
    assert not ex.grade("180").correct  # the online item keeps its numbers


def test_each_page_carries_the_qr_code_of_the_online_lesson():
    content = read_lesson(ROOT / "notebooks" / f"{LESSON}.ipynb")
    setting = _setting(ROOT, "en", "https://hub.example.edu/lab/{notebook}")
    html = papers.worksheet(_lesson(), content, setting).html
    qr = qr_data_uri(f"https://hub.example.edu/lab/{LESSON}.ipynb")
    assert f'@top-right {{ content: url("{qr}")' in html
    assert f"https://hub.example.edu/lab/{LESSON}.ipynb" in html


def _modules(image) -> list[list[bool]]:
    """The dark modules of a QR code image drawn 2 px a module with a 1-module border."""
    gray = image.convert("L")
    n = gray.width // 2 - 2
    return [[gray.getpixel((2 * (x + 1), 2 * (y + 1))) < 128 for x in range(n)]
            for y in range(n)]


@pytest.mark.parametrize("name", ["worksheet.en.pdf", "exam-B.zh.pdf", "exam-A-key.en.pdf"])
def test_every_page_of_the_pdf_holds_the_qr_code_of_the_online_lesson(printed, name):
    """Read the QR image back out of each page and compare it module by module with the
    code of the lesson's address (the fixture's --online-url)."""
    import segno

    url = f"https://hub.example.edu/lab/{LESSON}.ipynb"
    expected = [[bool(v) for v in row] for row in segno.make(url, error="m").matrix]
    reader = pypdf.PdfReader(str(printed / LESSON / name))
    for number, page in enumerate(reader.pages, 1):
        codes = [_modules(img.image) for img in page.images
                 if img.image.width == img.image.height]
        assert expected in codes, f"{name} page {number}"
