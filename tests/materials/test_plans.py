"""Lesson plans read back: the .docx opens with every section, and the minutes per activity
follow the course's time model and add up to the lesson's stated minutes."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import docx
import pytest

import course
from course.exercises import kinds
from course.exercises.course_map import load
from course.materials import plans

ROOT = Path(__file__).resolve().parents[2]
LESSON = "01-relationships"  # every built-in type of exercise (see conftest.py)

SECTIONS_EN = ["Objectives", "Key points", "Difficulties", "Procedure and minutes",
               "Board plan", "Questions to ask", "思政: service awareness and craftsmanship",
               "Homework", "Reflection after class"]
SECTIONS_ZH = ["教学目标", "教学重点", "教学难点", "教学过程与时间分配", "板书设计", "课堂提问",
               "课程思政：服务意识与工匠精神", "课后作业", "教学反思"]


@pytest.mark.parametrize(("lang", "sections"), [("en", SECTIONS_EN), ("zh", SECTIONS_ZH)])
def test_the_docx_opens_and_holds_every_section(printed, lang, sections):
    doc = docx.Document(str(printed / LESSON / f"lesson-plan.{lang}.docx"))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings[1:] == sections
    md = (printed / LESSON / f"lesson-plan.{lang}.md").read_text(encoding="utf-8")
    for heading in sections:
        assert f"## {heading}" in md
    assert len(doc.tables) >= 2


def _lesson_time():
    spec = importlib.util.spec_from_file_location("lesson_time", ROOT / "tools" / "lesson_time.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (its dataclasses look their module up)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("slug", [e.slug for e in load(ROOT / "notebooks" / "course.yaml").lessons])
def test_minutes_follow_the_time_model_and_add_up_to_the_stated_minutes(slug):
    lesson = course.load_bank(ROOT / "exercises" / f"{slug}.yaml").lessons[slug]
    item_minutes = {i: kinds.exercise_minutes(lesson[i].raw) for i in lesson.ids}
    acts = plans.activities(ROOT / "notebooks" / f"{slug}.ipynb", item_minutes)
    core, _ = _lesson_time().estimate(slug)
    assert sum(a.teaching for a in acts) == pytest.approx(core.teaching)
    assert sum(a.exercise for a in acts) == pytest.approx(core.exercise)
    entry = load(ROOT / "notebooks" / "course.yaml").entry(slug)
    scaled = plans.scaled(acts, entry.teaching_minutes, entry.exercise_minutes)
    assert sum(a.minutes for a in scaled) == entry.minutes


def test_a_workshop_is_labelled_as_a_workshop_not_as_a_lesson(tmp_path):
    from course.materials.build import Job, run

    run(Job(tmp_path, ["w07-message-queue-workshop"], ["both"], ("plan", "worksheet"),
            "https://hub.example.edu/lab/{notebook}", ROOT), jobs=1)
    folder = tmp_path / "w07-message-queue-workshop"
    plan = next(folder.glob("lesson-plan*.md")).read_text(encoding="utf-8")
    assert "Workshop W07 · 实训 W07" in plan.splitlines()[0]
    assert "Lesson 07" not in plan and "第 07 课" not in plan


@pytest.mark.parametrize("slug", [e.slug for e in load(ROOT / "notebooks" / "course.yaml").lessons
                                  if e.kind == "workshop"])
def test_a_workshop_plan_has_key_points_and_no_warm_up_among_its_difficulties(slug):
    """A workshop closes with "What you did today": its key points (brief 28g: W03 and W04's
    plans had an empty 重点); the warm-up's review questions are no difficulty, and the
    difficulties come in the lesson's order."""
    from course.materials.lessons import read_lesson

    lesson = course.load_bank(ROOT / "exercises" / f"{slug}.yaml").lessons[slug]
    content = read_lesson(ROOT / "notebooks" / f"{slug}.ipynb")
    data = plans.plan_data(lesson, content, ROOT)
    assert data["key_points"], slug
    assert all("warm-up" not in h.en.lower() for h in data["difficulties"]), slug
    order = [s.heading for s in content.sections]
    assert [order.index(h) for h in data["difficulties"]] == sorted(
        order.index(h) for h in data["difficulties"])
    assert all("what you did today" not in h.en.lower() for h in data["board"]), slug
