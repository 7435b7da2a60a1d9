"""The course's own exercise bank: valid, bilingual, and as large and varied as the lessons need."""
import re
from collections import Counter

import pytest
from support import course_bank_checked

from course.exercises.course_map import load as load_course_map
from course.exercises.kinds import types as registered_types

CJK = re.compile(r"[\u4e00-\u9fff]")
LESSONS, PROBLEMS, _ = course_bank_checked()  # the bank's check, once per test process
BY_SLUG = {lesson.slug: lesson for lesson in LESSONS}
PART1 = ["01-relationships", "02-idic", "03-genuine-buyers", "04-customer-grading"]
PART2 = ["05-follow-up-loyalty", "06-markets", "07-buyer-messages", "08-complaints"]


def test_the_bank_validates():
    assert not PROBLEMS, "\n".join(map(str, PROBLEMS))


def test_every_lesson_in_the_order_file_has_a_bank():
    missing = [e.slug for e in load_course_map().lessons if e.slug not in BY_SLUG]
    assert not missing


def _texts(raw):
    """(field, value) of every learner-facing text field of one exercise."""
    yield "prompt", raw.get("prompt")
    if raw.get("title") is not None:
        yield "title", raw["title"]
    for i, hint in enumerate(raw.get("hints") or []):
        yield f"hints[{i}]", hint
    if raw.get("solution") is not None:
        yield "solution", raw["solution"]
    for key, value in (raw.get("feedback") or {}).items():
        yield f"feedback.{key}", value
    for key in ("too_high", "too_low"):  # a numeric item's feedback by direction
        if raw.get(key) is not None:
            yield key, raw[key]
    for i, option in enumerate(raw.get("options") or []):
        if option.get("feedback") is not None:
            yield f"options[{i}].feedback", option["feedback"]
    for i, fb in enumerate(raw.get("blank_feedback") or []):
        for key, value in (fb or {}).items():
            yield f"blank_feedback[{i}].{key}", value


def test_every_learner_facing_text_has_english_and_chinese():
    missing = []
    for lesson in LESSONS:
        for ex in lesson.exercises:
            for field, value in _texts(ex.raw):
                ok = (isinstance(value, dict) and value.get("en") and value.get("zh")
                      and CJK.search(str(value["zh"])))
                if not ok:
                    missing.append(f"{lesson.source}: {ex.id}: {field}")
    assert not missing, "texts without both English and Chinese:\n" + "\n".join(missing)


def test_practice_items_have_hints_and_every_item_a_solution_or_feedback():
    thin = [f"{ex.lesson}: {ex.id}" for lesson in LESSONS for ex in lesson.exercises
            if ex.mode == "practice" and not ex.hints]
    assert not thin, "practice items without a hint ladder: " + ", ".join(thin)


@pytest.mark.parametrize("part", [PART1, PART2], ids=["lessons 01-04", "lessons 05-08"])
def test_size_and_variety_per_part(part):
    present = [BY_SLUG[s] for s in part if s in BY_SLUG]
    assert len(present) == 4, f"banks missing: {set(part) - set(BY_SLUG)}"
    for lesson in present:
        modes = Counter(ex.mode for ex in lesson.exercises)
        assert len(lesson) >= 6, f"{lesson.slug}: {len(lesson)} exercises (at least 6)"
        assert modes["assessment"] >= 1, f"{lesson.slug}: no assessment item"
    assert sum(len(lesson) for lesson in present) >= 30


def test_course_wide_variety():
    exercises = [ex for lesson in LESSONS for ex in lesson.exercises]
    types = Counter(ex.type for ex in exercises)
    assert set(types) == set(registered_types()), \
        f"types not used: {set(registered_types()) - set(types)}"
    assert types["cloze"] >= 12
    part1_cloze = sum(ex.type == "cloze" for s in PART1 if s in BY_SLUG
                      for ex in BY_SLUG[s].exercises)
    assert part1_cloze >= 6
    assert any(ex.type == "cloze" and ex.word_bank for ex in exercises)


def test_no_word_bank_cloze_in_assessment_mode():
    """A word bank would show an assessment item's key in the student copy."""
    bad = [ex.id for lesson in LESSONS for ex in lesson.exercises
           if ex.mode == "assessment" and ex.type == "cloze" and ex.word_bank]
    assert not bad
