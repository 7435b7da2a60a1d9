"""The lesson's deck read back with python-pptx: its headings, its class exercises (a question
slide and an answer slide each), figures and the CJK font."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pptx
import pytest

import course
from course.materials.lessons import EXERCISE_CELL, read_lesson

ROOT = Path(__file__).resolve().parents[2]
LESSON = "01-relationships"  # every built-in type of exercise (see conftest.py)


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


def _pictures(path) -> list[bytes]:
    deck = pptx.Presentation(str(path))
    return [sh.image.blob for s in deck.slides for sh in s.shapes if sh.shape_type == 13]


def test_a_chinese_deck_draws_its_figures_again_in_chinese(printed):
    """Each figure of the zh deck is the lesson's plot call run again in Chinese: it differs
    from the en deck's (the stored English output), it is the PNG the redraw made, and the
    figure that made it carries Chinese text and no English word of the en figure's labels."""
    from course.materials.redraw import redraw

    en, zh = (_pictures(printed / LESSON / f"slides.{lang}.pptx") for lang in ("en", "zh"))
    assert len(en) == len(zh) >= 1
    drawn = redraw(ROOT / "notebooks" / f"{LESSON}.ipynb", ["en", "zh"])
    content = read_lesson(ROOT / "notebooks" / f"{LESSON}.ipynb")
    cells = [c for s in content.sections if s.kind in ("section", "try", "summary")
             and not s.optional for c in s.figure_cells[:3]]
    assert len(cells) == len(zh)
    for cell, en_png, zh_png in zip(cells, en, zh, strict=True):
        assert en_png != zh_png
        assert cell in drawn and "zh" in drawn[cell], f"cell {cell} was not drawn again"
        # the zh deck holds a PNG drawn in Chinese (same plot, same settings, same bytes)
        assert zh_png == drawn[cell]["zh"].png
        zh_texts = drawn[cell]["zh"].texts
        assert any(re.search(r"[\u4e00-\u9fff]", t) for t in zh_texts), zh_texts
        english = {t for t in drawn[cell]["en"].texts if re.search(r"[A-Za-z]{3,}", t)}
        assert english and not english & set(zh_texts), english & set(zh_texts)


def test_a_figure_that_cannot_be_drawn_again_keeps_its_stored_output_with_a_note(tmp_path):
    from course.exercises.loader import load_bank
    from course.materials.slides import STORED_NOTE, build_deck

    source = json.loads((ROOT / "notebooks" / f"{LESSON}.ipynb").read_text(encoding="utf-8"))
    for cell in source["cells"]:  # break every plot call: nothing can be drawn again
        if cell["cell_type"] == "code" and "crm." in "".join(cell["source"]):
            cell["source"] = ["raise RuntimeError('broken on purpose')\n"]
    copy = tmp_path / f"{LESSON}.ipynb"
    copy.write_text(json.dumps(source), encoding="utf-8")
    content = read_lesson(copy)
    lesson = load_bank(ROOT / "exercises" / f"{LESSON}.yaml").lessons[LESSON]
    deck, _ = build_deck(lesson, content, "zh")
    deck.save(tmp_path / "slides.pptx")
    texts = [t for slide in slide_texts(tmp_path / "slides.pptx") for t in slide]
    stored = [png for s in content.sections for png in s.figures]
    assert set(_pictures(tmp_path / "slides.pptx")) <= set(stored)
    assert texts.count(STORED_NOTE.zh) == len(_pictures(tmp_path / "slides.pptx")) >= 1


def _notes(path) -> list[str]:
    deck = pptx.Presentation(str(path))
    return [slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
            for slide in deck.slides]


def test_the_speaker_notes_hold_the_sample_answers_and_the_teachers_notes(tmp_path):
    """The notes the presenter view of the live slides shows: each discussion question's sample
    answer, and a teacher's note cell (slideshow "notes") of a section, which no slide shows."""
    from course.materials.slides import build_deck

    nb = json.loads((ROOT / "notebooks" / f"{LESSON}.ipynb").read_text("utf-8"))
    note = "Ask who has left a review after a late parcel."
    at = next(i for i, c in enumerate(nb["cells"]) if "".join(c["source"]).startswith("## 1. "))
    nb["cells"].insert(at + 1, {"cell_type": "markdown", "metadata": {"slideshow": {
        "slide_type": "notes"}}, "source": [f"**Teacher's note · 教师提示** {note}"]})
    copy = tmp_path / f"{LESSON}.ipynb"
    copy.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    content = read_lesson(copy)
    lesson = course.load_bank(ROOT / "exercises" / f"{LESSON}.yaml").lessons[LESSON]
    deck, _ = build_deck(lesson, content, "en")
    path = deck.save(tmp_path / "deck.pptx")
    texts, notes = slide_texts(path), _notes(path)
    section = next(i for i, t in enumerate(texts) if t and t[0].startswith("1. "))
    assert note in notes[section]
    assert not any(note in "\n".join(t) for t in texts)
    questions = [i for i, t in enumerate(texts) if t and t[0].startswith("Discuss · question")]
    assert len(questions) == len(content.discussion) == 2  # lesson 01's case asks two questions
    for i, d in zip(questions, content.discussion, strict=True):
        assert d.answer.en in notes[i] and d.answer.zh in notes[i]
