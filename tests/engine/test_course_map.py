"""The order file drives the index and the previous/next links."""
import pytest

import course
from course.exercises import course_map


def test_order_file_lists_eight_lessons_and_the_review_with_minutes():
    cmap = course_map.load()
    assert [e.number for e in cmap.lessons] == list(range(1, 10))
    assert cmap.lessons[-1].slug == "09-review" and cmap.lessons[-1].minutes <= 45
    for e in cmap.lessons:
        assert e.title.en and e.title.zh and e.title.en != e.title.zh
        assert e.summary.en and e.summary.zh
        assert 5 <= e.teaching_minutes <= 60 and 5 <= e.exercise_minutes <= 60


def test_contents_links_every_lesson():
    md = course.contents()._repr_markdown_()
    for e in course_map.load().lessons:
        assert f"]({e.slug}.ipynb)" in md
    assert "minutes in all" in md


def test_nav_links():
    first = course_map.lesson_nav("01-relationships")._repr_markdown_()
    assert "00-index.ipynb" in first and "02-idic.ipynb" in first and "←" not in first
    eighth = course_map.lesson_nav("08-complaints")._repr_markdown_()
    assert "07-buyer-messages.ipynb" in eighth and "09-review.ipynb" in eighth
    last = course_map.lesson_nav("09-review")._repr_markdown_()
    assert "08-complaints.ipynb" in last and "End of the course" in last


def test_bank_and_notebook_exist_for_every_lesson_that_has_either():
    from course.paths import package_root as project_root

    root = project_root()
    for e in course_map.load().lessons:
        nb, bank = root / "notebooks" / e.notebook, root / "exercises" / f"{e.slug}.yaml"
        if nb.exists() or bank.exists():
            assert nb.exists() and bank.exists(), e.slug


def test_broken_order_file_is_a_clear_error(tmp_path):
    path = tmp_path / "course.yaml"
    path.write_text("lessons:\n  - slug: 01-x\n    title: X\n", encoding="utf-8")
    with pytest.raises(course.errors.CourseError, match="lesson entry 1 is incomplete"):
        course_map.load(path)
