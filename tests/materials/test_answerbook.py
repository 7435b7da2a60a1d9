"""The teacher's answer book: every exercise, its key, and every discussion question with its
sample answer, in HTML and PDF."""
from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pypdf

import course
from course.materials.lessons import read_lesson

ROOT = Path(__file__).resolve().parents[2]
LESSON = "01-relationships"  # every built-in type of exercise (see conftest.py)


def test_the_answer_book_holds_every_exercise_and_discussion_question(printed):
    html = (printed / "answer-book.en.html").read_text(encoding="utf-8")
    lesson = course.load_bank(ROOT / "exercises" / f"{LESSON}.yaml").lessons[LESSON]
    for i in lesson.ids:
        assert f'data-id="{i}"' in html and f'<span class="kid">{i}</span>' in html
    content = read_lesson(ROOT / "notebooks" / f"{LESSON}.ipynb")
    assert len(content.discussion) >= 2
    text = re.sub(r"\s+", " ", unescape(html))
    for d in content.discussion:
        assert d.question.en in text and d.answer.en[:80] in text
    # the accepted variants of a cloze blank and a reply's model answer are in it
    for ex in (lesson[i] for i in lesson.ids):
        if ex.type == "cloze":
            for blank in ex.blanks:
                for answer in blank.answers[1:]:
                    assert answer in unescape(html), (ex.id, answer)
        if ex.type == "reply":
            assert ex.model_answer.strip().splitlines()[0] in unescape(html)


def test_the_answer_book_holds_form_bs_numbers_and_key(printed):
    """rel-chat-order-value asks form B about 150 US dollars (bank ``exam_forms``): the book holds
    that prompt and its key, 180, beside the online item's 250 and 300."""
    text = re.sub(r"\s+", " ", unescape((printed / "answer-book.en.html").read_text("utf-8")))
    entry = text[text.index('data-id="rel-chat-order-value"'):]
    entry = entry[:entry.index('class="entry')]
    assert "was 250 US dollars" in entry and "300 US dollars" in entry
    assert "Test form B asks with other numbers" in entry
    assert "was 150 US dollars" in entry and "150 × 1.2 = 180" in entry
    assert "180 US dollars" in entry


def test_the_answer_book_pdf_opens(printed):
    reader = pypdf.PdfReader(str(printed / "answer-book.zh.pdf"))
    text = "".join(p.extract_text() for p in reader.pages)
    assert "教师用书" in text and len(reader.pages) >= 3
