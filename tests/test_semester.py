"""The semester plan (notebooks/semester.yaml) and its reader (course/semester.py)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from course.errors import CourseError
from course.exercises.course_map import load as load_map
from course.semester import check_course, load, semester_plan

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "notebooks" / "semester.yaml"
# the eight topic lessons and 10-promotion each have a workshop (the slugs of issue 28's
# contract); 09-review is a lesson without one
TOPICS = {"01-relationships": "w01-relationships-workshop", "02-idic": "w02-idic-workshop",
          "03-genuine-buyers": "w03-screening-workshop",
          "04-customer-grading": "w04-grading-workshop",
          "05-follow-up-loyalty": "w05-loyalty-workshop", "06-markets": "w06-markets-workshop",
          "07-buyer-messages": "w07-message-queue-workshop",
          "08-complaints": "w08-complaint-chain-workshop", "10-promotion": "w10-promotion-workshop"}


@pytest.fixture(scope="module")
def plan():
    return load(PLAN)


def test_sixteen_weeks_of_two_periods(plan):
    # a 2-credit course: 16 weeks x 2 periods of 45 minutes = 32 periods, none empty
    assert [w.number for w in plan.weeks] == list(range(1, 17))
    assert all(len(w.periods) == 2 for w in plan.weeks)
    assert len(plan.periods) == 32 and plan.period_minutes == 45 and plan.credits == 2
    assert [p.index for p in plan.periods] == list(range(1, 33))
    for p in plan.periods:
        assert p.activity.ref, p
        if p.activity.kind != "lesson":
            assert p.activity.title.en and p.activity.title.zh and p.activity.do.en, p


def test_totals_per_kind(plan):
    totals = plan.totals()
    # 9 topics (01-08, 10) x lesson + workshop, and 09-review
    assert totals["lesson"] == 2 * len(TOPICS) + 1
    assert totals["project"] == len(plan.milestones) == 4  # one period per milestone
    # warm-up (week 1), the cards of lessons 01-05 and of 06-10
    assert totals["speaking"] == 3
    # mid-term quiz, mock test, final written and final oral test
    assert totals["test"] == 4
    assert totals["review"] == 1 and totals["intro"] == 1
    assert sum(totals.values()) == 32


def test_every_lesson_and_workshop_once_workshop_right_after(plan):
    slugs = [p.activity.ref for p in plan.periods_of("lesson")]
    assert sorted(slugs) == sorted([*TOPICS, *TOPICS.values(), "09-review"])
    for lesson, workshop in TOPICS.items():
        (lp,), (wp,) = plan.periods_of("lesson", lesson), plan.periods_of("lesson", workshop)
        assert (wp.week, wp.number) == (lp.week, 2) and lp.number == 1, (lesson, workshop)
    # the promotion lesson comes before the final review (contract of issue 28)
    assert plan.periods_of("lesson", "10-promotion")[0].index < \
        plan.periods_of("lesson", "09-review")[0].index


def test_milestones_in_order_over_four_weeks(plan):
    periods = [plan.periods_of("project", m.id) for m in plan.milestones]
    assert all(len(p) == 1 for p in periods)
    weeks = [p[0].week for p in periods]
    assert weeks == sorted(weeks) and weeks[-1] - weeks[0] + 1 == 4
    assert all(m.deliverable.en and m.deliverable.zh for m in plan.milestones)


def test_weights_add_up(plan):
    assert sum(w.weight for w in plan.assessment) == 100
    assert {w.part for w in plan.assessment} >= {"exercises", "speaking", "project", "final"}


def test_speaking_sets_exist(plan):
    from course.materials.speaking import load_cards

    cards = load_cards(ROOT / "data" / "speaking_cards.yaml")
    for p in plan.periods_of("speaking"):
        assert cards.set(p.activity.ref), f"week {p.week}: no cards in set {p.activity.ref}"


def test_plan_matches_course_yaml(plan):
    """Every slug of the plan is in course.yaml and every entry of course.yaml is planned."""
    assert check_course(plan, load_map(ROOT / "notebooks" / "course.yaml")) == []


def test_previous_next_links_follow_the_plan(plan):
    """Each notebook's previous/next links (course.yaml's order) go through the lessons and
    workshops in the order the plan teaches them, and each notebook's stored navigation cell
    says so (a notebook not re-executed after a change of order keeps its old links)."""
    import nbformat

    from course.semester import plan_nav as lesson_nav

    taught = [p.activity.ref for p in plan.periods_of("lesson")]
    cmap = load_map(ROOT / "notebooks" / "course.yaml")
    assert [e.slug for e in cmap.lessons] == taught
    for before, after in zip(taught, taught[1:], strict=False):
        assert cmap.next(before).slug == after and cmap.previous(after).slug == before
    assert cmap.previous(taught[0]) is None and cmap.next(taught[-1]) is None
    for slug in taught:
        nb = nbformat.read(ROOT / "notebooks" / f"{slug}.ipynb", as_version=4)
        nav = [c for c in nb.cells if c.cell_type == "code" and c.source.strip() == "lesson.nav()"]
        assert len(nav) == 1, f"{slug}: one navigation cell (lesson.nav())"
        stored = [o["data"]["text/plain"] for o in nav[0].outputs if "data" in o]
        assert stored == [repr(lesson_nav(slug))], f"{slug}: re-execute it, its links are old"


def test_a_next_link_names_the_weeks_without_a_lesson_before_it(plan):
    """The links follow the plan: where whole weeks of other periods come first (the mid-term,
    the project), the navigation says so, in English and Chinese (brief 28g: W10's next link
    went to 09 with no word of weeks 13-14)."""
    from course.semester import plan_nav as lesson_nav

    taught = [p.activity.ref for p in plan.periods_of("lesson")]
    week_of = {p.activity.ref: p.week for p in plan.periods_of("lesson")}
    for before, after in zip(taught, taught[1:], strict=False):
        nav = lesson_nav(before)
        gap = [w.number for w in plan.weeks if week_of[before] < w.number < week_of[after]]
        if gap:
            assert f"next: {after} (week {week_of[after]}, after" in repr(nav)
            for n in gap:
                assert f"week {n} · " in nav.text and f"第 {n} 周" in nav.text, (before, n)
        else:
            assert "semester plan" not in nav.text and repr(nav).endswith(f"next: {after}")
    assert "after weeks 13-14" in repr(lesson_nav("w10-promotion-workshop"))


def test_mock_and_final_papers_cover_lesson_10_in_the_time_they_state(plan):
    """Week 12 (lesson 10) is tested: the mock test and the final written test hand out the
    papers of lessons 05-08 and 10, whose items take the minutes the plan states by the time
    model (course.materials.papers.EXAM_MINUTES), within the 40 minutes it allows."""
    import re

    import course
    from course.materials.papers import EXAM_MINUTES, assessment_items

    lessons = ["05-follow-up-loyalty", "06-markets", "07-buyer-messages", "08-complaints",
               "10-promotion"]
    minutes = sum(EXAM_MINUTES[e.type] for s in lessons
                  for e in assessment_items(course.lesson(s)))
    for test in ("mock-test", "final-written"):
        (period,) = plan.periods_of("test", test)
        do = period.activity.do
        assert "lessons 05-08 and 10" in do.en and "第 05-08 课和第 10 课" in do.zh, test
        stated = re.search(r"about (\d+) minutes by the time model", do.en)
        assert stated and int(stated.group(1)) == round(minutes), (test, minutes)
        assert f"约需 {round(minutes)} 分钟" in do.zh and "allow 40" in do.en
    assert minutes <= 40


def test_index_table(plan):
    table = semester_plan(ROOT)
    rows = [r for r in table.text.splitlines() if r.startswith("| ") and r[2].isdigit()]
    assert len(rows) == 16
    assert "32 periods" in table.text
    assert "[01 · Customer relationships and reputation](01-relationships.ipynb)" in table.text


# ------------------------------------------------------------------ the reader's errors
def _write(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "semester.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


_OWN = [{"part": "exercises", "weight": 31, "title": {"en": "Exercises", "zh": "练习"}},
        {"part": "final", "weight": 70, "title": {"en": "Final test", "zh": "期末"}}]


def _two(data):
    data["plan"][2]["periods"][1] = {"lesson": "02-idic", "test": "x"}


def _none(data):
    data["plan"][4]["periods"][0] = {"title": {"en": "a", "zh": "b"}}


@pytest.mark.parametrize("change, message", [
    (lambda d: d["plan"][5]["periods"].pop(), "week 6: expected 2 periods, got 1"),
    (lambda d: d["plan"].pop(), "weeks: 16 but the plan lists 15 weeks"),
    (lambda d: d["plan"][3].update(week=7), "week 7: weeks go in order"),
    (_two, "week 3, period 2: a period holds exactly one activity"),
    (_none, "week 5, period 1: a period holds exactly one activity"),
    (lambda d: d["plan"][10]["periods"][0].update(project="m9"),
     "week 11, period 1: no milestone 'm9'; expected one of m1-kickoff"),
    (lambda d: d["plan"][0]["periods"][0]["title"].pop("zh"),
     "week 1, period 1: title needs both en and zh"),
    (lambda d: d["plan"][7]["periods"][1].pop("do"), "week 8, period 2: no do"),
    (lambda d: d["plan"][1]["periods"][0].update(lesson=""), "week 2, period 1: lesson needs"),
    (lambda d: d["plan"][1]["periods"][0].update(room="A1"),
     "week 2, period 1: unknown field(s) room"),
    # a plan of its own weights (the form before the one grading scheme) is still read
    (lambda d: d.update(grading_scheme=None, assessment=_OWN), "add up to 101, expected 100"),
    (lambda d: d.update(assessment=_OWN), "give the weights once"),
    (lambda d: d.update(grading_scheme="nope.yaml"), "grading_scheme nope.yaml: Cannot read"),
    (lambda d: d.update(period_minutes="45 min"), "period_minutes must be a whole number"),
])
def test_errors_name_week_and_period(tmp_path, change, message):
    with pytest.raises(CourseError) as info:
        load(_write(tmp_path, change))
    assert message in str(info.value)
    assert str(info.value).startswith("semester.yaml")


def test_not_yaml(tmp_path):
    path = tmp_path / "semester.yaml"
    path.write_text("plan: [", encoding="utf-8")
    with pytest.raises(CourseError, match="cannot be read as YAML"):
        load(path)


def test_check_course_names_both_sides(plan):
    cmap = load_map(ROOT / "notebooks" / "course.yaml")
    from dataclasses import replace

    extra = replace(cmap.lessons[0], slug="11-extra")
    problems = check_course(plan, replace(cmap, lessons=[*cmap.lessons, extra]))
    assert "11-extra (course.yaml) is in no period of the plan" in problems
    bad = replace(cmap, lessons=[e for e in cmap.lessons if e.slug != "02-idic"])
    assert "week 3, period 1: 02-idic is not a lesson or workshop of course.yaml" in \
        check_course(plan, bad)
