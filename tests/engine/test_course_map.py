"""The order file drives the index and the previous/next links."""
import pytest

import course
from course.exercises import course_map


def test_order_file_lists_eight_lessons_and_the_review_with_minutes():
    cmap = course_map.load()
    lessons = [e for e in cmap.lessons if e.kind == "lesson"]
    # lessons 01-08, then 10 (week 12 of the semester plan), then the final review 09 (week 15)
    assert [e.number for e in lessons] == [*range(1, 9), 10, 9]
    assert cmap.entry("09-review").minutes <= 45
    for e in cmap.lessons:  # each workshop practises a lesson listed before it
        if e.kind == "workshop":
            assert e.topic in [x.slug for x in cmap.lessons[:cmap.lessons.index(e)]], e.slug
            assert e.label == f"W{e.number:02d}" and e.topic.startswith(f"{e.number:02d}-")
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
    assert "00-index.ipynb" in first and "←" not in first
    assert "w01-relationships-workshop.ipynb" in first  # the workshop of lesson 01 comes next
    workshop = course_map.lesson_nav("w01-relationships-workshop")._repr_markdown_()
    assert "01-relationships.ipynb" in workshop and "02-idic.ipynb" in workshop
    eighth = course_map.lesson_nav("08-complaints")._repr_markdown_()
    # lesson 08 sits between the workshop of lesson 07 and its own workshop
    assert ("w07-message-queue-workshop.ipynb" in eighth
            and "w08-complaint-chain-workshop.ipynb" in eighth)
    promotion = course_map.lesson_nav("10-promotion")._repr_markdown_()
    assert "w08-complaint-chain-workshop.ipynb" in promotion
    review = course_map.lesson_nav("09-review")._repr_markdown_()  # the last: the final review
    assert "w10-promotion-workshop.ipynb" in review and "End of the course" in review
    last = course_map.lesson_nav(course_map.load().lessons[-1].slug)._repr_markdown_()
    assert "End of the course" in last


def test_each_workshop_comes_right_after_its_lesson_and_links_back_to_it():
    cmap = course_map.load()
    workshops = [e for e in cmap.lessons if e.kind == "workshop"]
    for w in workshops:
        assert cmap.previous(w.slug).slug == w.topic, w.slug
        lesson_links = course_map.lesson_nav(w.topic)._repr_markdown_()
        assert f"[W{w.number:02d} · " in lesson_links and f"]({w.notebook}) →" in lesson_links
        assert f"({w.topic}.ipynb)" in course_map.lesson_nav(w.slug)._repr_markdown_()


def test_bank_and_notebook_exist_for_every_lesson_that_has_either():
    from course.paths import package_root as project_root

    root = project_root()
    for e in course_map.load().lessons:
        nb, bank = root / "notebooks" / e.notebook, root / "exercises" / f"{e.slug}.yaml"
        if nb.exists() or bank.exists():
            assert nb.exists() and bank.exists(), e.slug


def test_workshop_entries_are_numbered_by_their_topic_and_checked(tmp_path):
    path = tmp_path / "course.yaml"
    entry = "    title: {{en: {t}, zh: 中}}\n    teaching_minutes: 10\n    exercise_minutes: 30\n"
    text = ("lessons:\n  - slug: 03-x\n" + entry.format(t="X")
            + "  - slug: w03-x-workshop\n    kind: workshop\n    topic: 03-x\n"
            + entry.format(t="W"))
    path.write_text(text, encoding="utf-8")
    lesson, workshop = course_map.load(path).lessons
    assert (lesson.label, lesson.kind, workshop.label, workshop.kind, workshop.topic) == (
        "03", "lesson", "W03", "workshop", "03-x")
    path.write_text(text.replace("topic: 03-x", "topic: 04-y"), encoding="utf-8")
    with pytest.raises(course.errors.CourseError, match=r"w03-x-workshop\): its topic '04-y'"):
        course_map.load(path)
    path.write_text(text.replace("slug: w03-x-workshop", "slug: 03-x-workshop"), encoding="utf-8")
    with pytest.raises(course.errors.CourseError, match="lesson entry 2 .*starts with w"):
        course_map.load(path)
    path.write_text(text.replace("kind: workshop", "kind: seminar"), encoding="utf-8")
    with pytest.raises(course.errors.CourseError, match="kind 'seminar' is not one of"):
        course_map.load(path)


def test_broken_order_file_is_a_clear_error(tmp_path):
    path = tmp_path / "course.yaml"
    path.write_text("lessons:\n  - slug: 01-x\n    title: X\n", encoding="utf-8")
    with pytest.raises(course.errors.CourseError, match="lesson entry 1 is incomplete"):
        course_map.load(path)
