"""The registry is the only list of exercise types: a throwaway kind, written in a temporary
module and registered there, is validated, graded, shown, timed, linted, fuzzed, released,
reported (class report and live dashboard) and printed/exported through its own views like the
built-in ones, with no other file of the course changed."""
from __future__ import annotations

import importlib
import json
import sys
import textwrap

import pytest
import yaml
from support import fresh_learner_home

from course.exercises import kinds
from course.exercises.loader import check_paths

KIND_MODULE = '''
"""A star rating: the learner picks 1 to 5 stars; right when it is the expected number."""
import ipywidgets as w

from course.exercises.kinds.base import NOT_ATTEMPTED, Exercise, Invalid, is_int
from course.exercises.results import ItemResult
from course.exercises.widgets.base import ExerciseWidget
from course.messages import ui
from course.text import Bilingual


def print_stars(exercise, key=False):
    """Its print view: an HTML fragment for a worksheet (with the key when asked)."""
    boxes = " ".join("☐" for _ in range(5))
    answer = f" <b>{exercise.stars} stars</b>" if key else ""
    return f"<p>{exercise.prompt.en}</p><p>{boxes}{answer}</p>"


def gift_stars(exercise):
    """Its GIFT export: a numeric question with the exact answer."""
    return f"::{exercise.id}::{exercise.prompt.en} {{#{exercise.stars}}}"


class StarsExercise(Exercise):
    types = ("stars",)
    short = {"stars": "stars"}
    widget_class = "throwaway_stars:StarsWidget"
    views = {"print": "throwaway_stars:print_stars", "gift": "throwaway_stars:gift_stars"}
    schema = {"stars": {"type": "integer", "minimum": 1, "maximum": 5}}
    required = ("stars", "examples")
    messages = {"type_stars": ("Star rating", "星级评分")}
    minutes = {"stars": 0.25}

    def lint(self, add):
        if str(self.stars) in self.prompt.en:
            add("prompt", "the prompt states the number of stars")

    def __init__(self, raw, **kw):
        super().__init__(raw, **kw)
        self.stars = raw.get("stars")

    def _parse(self, response):
        if response is None:
            return NOT_ATTEMPTED
        if not is_int(response) or not 1 <= response <= 5:
            raise Invalid(ui("bad_answer_shape"))
        return int(response)

    def _score(self, parsed):
        ok = parsed == self.stars
        item = ItemResult(0, Bilingual("Stars", "星级"), self.stars, parsed, ok, True)
        return self._result([item], 1.0 if ok else 0.0, parsed)

    def answer_text(self):
        return Bilingual(f"{self.stars} stars", f"{self.stars} 星")

    def redact(self, raw):
        return {}  # the key is the `stars` field: the copy keeps only the question

    def describe(self, response):
        return "★" * response if isinstance(response, int) else super().describe(response)


class StarsWidget(ExerciseWidget):
    css_type = "stars"

    def _build_body(self):
        self._pick = w.IntSlider(min=0, max=5, value=0)
        return self._pick

    def response(self):
        return self._pick.value or None

    def _set_response(self, response):
        self._pick.value = response or 0
'''

BANK = """
lesson: 98-stars
title: {en: Stars, zh: 星级}
exercises:
  - id: stars-practice
    type: stars
    prompt: {en: How many stars does a delighted buyer give?, zh: 满意的买家给几颗星？}
    stars: 5
    examples: {correct: [5], wrong: [3]}
  - id: stars-assess
    type: stars
    mode: assessment
    prompt: {en: How many stars is a neutral review?, zh: 中评是几颗星？}
    stars: 3
    solution: {en: A neutral review gives three stars, zh: 中评是三颗星}
    examples: {correct: [3], wrong: [1]}
"""


@pytest.fixture
def stars_kind(tmp_path, monkeypatch):
    (tmp_path / "throwaway_stars.py").write_text(textwrap.dedent(KIND_MODULE), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("throwaway_stars")
    kinds.register(module.StarsExercise)
    yield module
    kinds.unregister("stars")
    sys.modules.pop("throwaway_stars", None)


@pytest.fixture
def stars_bank(tmp_path, stars_kind):
    folder = tmp_path / "exercises"
    folder.mkdir()
    (folder / "98-stars.yaml").write_text(BANK, encoding="utf-8")
    return folder


def test_an_unregistered_type_is_a_named_bank_problem(tmp_path):
    folder = tmp_path / "exercises"
    folder.mkdir()
    (folder / "98-stars.yaml").write_text(BANK, encoding="utf-8")
    _, problems, _ = check_paths([folder])
    assert problems and all("stars" in str(p) for p in problems)
    assert any(p.field == "type" for p in problems)


def test_validate_and_grade_a_registered_kind(stars_bank):
    lessons, problems, _ = check_paths([stars_bank])
    assert problems == []
    lesson = lessons[0]
    assert lesson["stars-practice"].grade(5).correct
    assert not lesson["stars-practice"].grade(2).correct
    assert not lesson["stars-practice"].grade("five").valid
    assert "stars" in kinds.types() and kinds.short_name("stars") == "stars"


def test_the_kinds_own_field_is_checked_by_the_schema(stars_bank):
    path = stars_bank / "98-stars.yaml"
    path.write_text(BANK.replace("stars: 5", "stars: 9"), encoding="utf-8")
    _, problems, _ = check_paths([stars_bank])
    assert [(p.exercise_id, p.field) for p in problems] == [("stars-practice", "stars")]


@pytest.fixture
def private_store(tmp_path, monkeypatch):
    with fresh_learner_home(tmp_path / "home", monkeypatch):
        yield


def test_the_kinds_widget_is_shown_and_checked(stars_bank, private_store):
    from course.exercises import progress

    exercise = check_paths([stars_bank])[0][0]["stars-practice"]
    widget = exercise.widget
    assert type(widget).__name__ == "StarsWidget"
    assert "Star rating" in widget._head.value
    result = widget.answer(5).check()
    assert result.correct and widget.saved
    assert progress.last_attempt("stars-practice")["response"] == 5


def test_release_and_report_handle_the_kind(stars_bank, tmp_path):
    from course.exercises.loader import load_bank
    from course.instructor.release import release_bank_file
    from course.instructor.report import build_report

    bank = load_bank(stars_bank)
    copy, redacted, kept = release_bank_file(stars_bank / "98-stars.yaml", bank)
    assert redacted == ["stars-assess"] and kept == ["stars-practice"]
    released = {raw["id"]: raw for raw in copy["exercises"]}["stars-assess"]
    assert "stars" not in released and "solution" not in released and released["redacted"]
    assert "three stars" not in yaml.safe_dump(copy, allow_unicode=True)

    sub = {"format": "crm-course-submission", "format_version": 1, "learner": "Li Lei",
           "course_version": "0.1.0", "exported_at": "2026-11-23T08:00:00Z",
           "attempts": [{"exercise_id": ex_id, "lesson": "98-stars", "response": response,
                         "time": f"2026-11-23T07:0{i}:00Z", "score": 1.0, "mode": "practice",
                         "course_version": "0.1.0"}
                        for i, (ex_id, response) in enumerate([("stars-practice", 5),
                                                               ("stars-assess", 1)])]}
    folder = tmp_path / "subs"
    folder.mkdir()
    (folder / "li.json").write_text(json.dumps(sub), encoding="utf-8")
    report = build_report([folder], bank=bank, bank_path=stars_bank)
    rows = {row.exercise_id: row for row in report.items}
    assert rows["stars-practice"].success == 1.0
    assert rows["stars-assess"].success == 0.0
    assert rows["stars-assess"].wrong == [("★", 1)]
    assert report.learners[0].overall == pytest.approx(0.5)


def test_a_missing_required_field_of_the_kind_is_named(stars_bank):
    path = stars_bank / "98-stars.yaml"
    path.write_text(BANK.replace("    stars: 5\n", ""), encoding="utf-8")
    _, problems, _ = check_paths([stars_bank])
    assert [p.exercise_id for p in problems] == ["stars-practice"]
    assert "stars" in str(problems[0])


def test_the_kind_is_timed_by_its_own_minutes(stars_kind):
    # the lesson-time model (tools/lesson_time.py, course.materials.plans) times each bank
    # entry with kinds.exercise_minutes: a new kind's own minutes, t/f's 0.5
    entries = [{"id": f"s{i}", "type": "stars"} for i in range(4)] + \
        [{"id": f"t{i}", "type": "true_false"} for i in range(2)]
    assert sum(kinds.exercise_minutes(e) for e in entries) == pytest.approx(4 * 0.25 + 2 * 0.5)
    kinds.kind_of("stars").minutes = {}
    try:  # a kind that states no time counts the default (course.settings), not a KeyError
        from course.settings import DEFAULT_EXERCISE_MINUTES

        assert kinds.minutes("stars") == DEFAULT_EXERCISE_MINUTES
    finally:
        kinds.kind_of("stars").minutes = {"stars": 0.25}


def test_the_kinds_lint_rule_runs(stars_bank):
    from course.exercises.lint import lint_lessons

    path = stars_bank / "98-stars.yaml"
    path.write_text(BANK.replace("How many stars does", "Do 5 stars show what"), encoding="utf-8")
    findings = lint_lessons(check_paths([stars_bank])[0])
    assert [(f.exercise_id, f.field) for f in findings] == [("stars-practice", "prompt")]


def test_the_kind_is_fuzzed_like_the_built_in_ones(stars_bank):
    from fuzzing import fuzz

    fuzz(check_paths([stars_bank])[0][0]["stars-practice"], cases=200)


def test_the_live_dashboard_counts_the_kinds_answers(stars_bank):
    from course.live.stats import Tally, item_rows

    bank = {ex.id: ex for ex in check_paths([stars_bank])[0][0].exercises}
    ex = bank["stars-practice"]
    tally = Tally(bank)
    for learner, response in [("li", 5), ("wang", 3), ("zhao", 5)]:
        result = ex.grade(response)
        tally.add({"exercise_id": ex.id, "learner": learner, "response": response,
                   "correct": result.correct, "score": result.score,
                   "items": item_rows(ex, result)})
    shown = tally.exercise(ex.id)
    assert shown["type"] == "stars" and shown["answered"] == 3 and shown["correct"] == 2
    assert shown["answers"] == [{"text": "★★★★★", "count": 2, "correct": True},
                                {"text": "★★★", "count": 1, "correct": False}]


def test_the_kinds_print_and_export_views_are_found(stars_bank):
    ex = check_paths([stars_bank])[0][0]["stars-assess"]
    page = kinds.view("stars", "print")(ex, key=True)
    assert "neutral review" in page and "<b>3 stars</b>" in page
    assert "3 stars" not in kinds.view("stars", "print")(ex)
    assert kinds.view("stars", "gift")(ex) == ("::stars-assess::How many stars is a neutral "
                                               "review? {#3}")
    assert "stars" not in kinds.types_without_view("print")
    assert "stars" in kinds.types_without_view("qti")  # listed as not available, not dropped
    assert kinds.view("stars", "qti") is None
