"""Each workshop's graded part holds a written task, and the class report counts it (brief 28g:
W03's quiz was two choice items while the careful reply to a doubtful buyer, the skill W03
teaches, was practice only)."""
from __future__ import annotations

from pathlib import Path

import pytest
from support import course_bank

from course.exercises.course_map import load
from course.instructor import scores
from course.instructor.scheme import load_scheme

ROOT = Path(__file__).resolve().parents[2]
WORKSHOPS = [e.slug for e in load(ROOT / "notebooks" / "course.yaml").lessons
             if e.kind == "workshop"]


@pytest.mark.parametrize("slug", WORKSHOPS)
def test_the_graded_part_holds_a_written_task_that_the_report_counts(slug):
    bank = course_bank()
    lessons = [(s, "", list(lesson.ids)) for s, lesson in bank.lessons.items()]
    plan = scores.plan(bank, lessons, [slug], load_scheme(), None)
    graded = plan.lesson_assessment[slug]
    written = [i for i in graded if bank[i].written]
    assert written, f"{slug}: its graded part has no written task ({graded})"
    # the report's writing part counts it; its assessment part counts the other graded items
    assert set(written) <= set(plan.writing_ids)
    assert set(graded) - set(written) == set(plan.assessment_ids)


def test_w03_graded_reply_is_farid():
    bank = course_bank()
    assert bank["w03-reply-farid"].mode == "assessment"
    assert bank["w03-reply-yara"].mode == "practice"  # the practice with the review comes first
