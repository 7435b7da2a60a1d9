"""The lesson's deck read back with python-pptx: its headings, its class exercises (a question
slide and an answer slide each), figures and the CJK font."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import course
from course.materials.lessons import EXERCISE_CELL, read_lesson

ROOT = Path(__file__).resolve().parents[2]
LESSON = "01-relationships"  # every built-in type of exercise (see conftest.py)
pptx = pytest.importorskip("pptx")


def slide_texts(path) -> list[list[str]]:
    deck = pptx.Presentation(str(path))
    return [[shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
            for slide in deck.slides]


def class_exercises_in_notebook() -> list[str]:
    """Counted from the notebook's cells, apart from the reader: exercise cells before the
    "Going further" heading whose bank mode is not assessment."""
    lesson = course.load_bank(ROOT / "exercises" / f"{LESSON}.yaml").lessons[LESSON]
    cells = json.loads((ROOT / "notebooks" / f"{LESSON}.ipynb").read_text("utf-8"))["cells"]
    found = []
    for cell in cells:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown" and re.search(r"^#+ .*going further", source,
                                                          re.I | re.M):
            break
        m = EXERCISE_CELL.match(source)
        if m and lesson[m.group(1)].mode != "assessment":
            found.append(m.group(1))
    return found


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_deck_holds_the_headings_and_the_class_exercises(printed, lang):
    texts = slide_texts(printed / LESSON / f"slides.{lang}.pptx")
    titles = [t[0] for t in texts if t]
    content = read_lesson(ROOT / "notebooks" / f"{LESSON}.ipynb")
    for section in content.taught:
        assert section.heading.render(lang) in titles
    expected = class_exercises_in_notebook()
    assert expected  # (read from the notebook: the exercises its main part shows)
    word = "练习" if lang == "zh" else "Exercise"
    questions = [t for t in titles if t.startswith(word) and t.split()[-1].isdigit()]
    answers = [t for t in titles if t.startswith(word) and ("answer" in t or "答案" in t)]
    assert len(questions) == len(answers) == len(expected)
    goals = "学习目标" if lang == "zh" else "Learning goals"
    glossary = "术语表" if lang == "zh" else "Glossary"
    assert titles[1] == goals and glossary in titles


def test_the_deck_shows_the_lesson_figures_and_names_a_cjk_font(printed):
    deck = pptx.Presentation(str(printed / LESSON / "slides.zh.pptx"))
    pictures = sum(1 for s in deck.slides for sh in s.shapes if sh.shape_type == 13)
    content = read_lesson(ROOT / "notebooks" / f"{LESSON}.ipynb")
    assert pictures == sum(min(3, len(s.figures)) for s in content.sections
                           if s.kind in ("section", "try", "summary") and not s.optional)
    assert pictures >= 1
    xml = deck.slides[0].shapes.title._element.xml
    assert 'typeface="Noto Sans CJK SC"' in xml and "<a:ea" in xml
