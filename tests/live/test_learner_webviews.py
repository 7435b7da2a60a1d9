"""The web views of the learner page (course/live/webviews.py): every kind's form carries the
question and never its key; what a page sends is checked and becomes what the grader takes."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from learner_keys import key_leaks
from live_helpers import GALLERY

from course.exercises import kinds
from course.exercises.loader import load_bank
from course.live.webviews import MAX_FIELD, MAX_REPLY, BadAnswer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    """The widget gallery (every objective type) and lesson 01 (reply tasks, a role-play)."""
    folder = tmp_path_factory.mktemp("bank")
    shutil.copy(GALLERY, folder / GALLERY.name)
    shutil.copy(ROOT / "exercises" / "01-relationships.yaml", folder)
    return load_bank(folder)


def web(exercise):
    return kinds.view(exercise.type, "web")


def test_every_type_but_the_role_play_has_a_web_view():
    # the role-play is a branching conversation of several turns: the notebook's widget
    assert kinds.types_without_view("web") == ("roleplay",)
    for type_name in kinds.types():
        view = kinds.view(type_name, "web")
        assert (view is None) == (type_name == "roleplay")


@pytest.mark.parametrize("lang", ["en", "zh", "both"])
def test_no_form_carries_a_key(bank, lang):
    checked = 0
    for exercise in bank.exercises:
        view = web(exercise)
        if view is None:
            continue
        form = view.form(exercise, lang, "Li Lei")
        json.dumps(form)  # plain JSON
        assert form["id"] == exercise.id and form["view"], exercise.id
        assert key_leaks(exercise, form) == [], exercise.id
        checked += 1
    types = {ex.type for ex in bank.exercises if web(ex) is not None}
    assert types >= {"cloze", "single_choice", "multiple_choice", "true_false", "matching",
                     "ordering", "numeric", "reply"}
    assert checked >= 10


def test_the_key_checker_finds_a_leak(bank):
    """The checker used above and on every JSON the page receives does find keys."""
    cloze = bank["gallery-cloze"]
    form = web(cloze).form(cloze, "en")
    assert key_leaks(cloze, {**form, "solution": "x"}) == ["field $.solution"]
    assert key_leaks(cloze, {**form, "x": ["five"]}) == ["blank answer at $.x[0]"]
    assert key_leaks(cloze, {**form, "x": cloze.solution.en}) == [f"text {cloze.solution.en!r}"]
    numeric = bank["gallery-numeric"]
    assert key_leaks(numeric, {"x": f"{numeric.answer:g}"}) == ["numeric answer at $.x"]
    ordering = bank["gallery-ordering"]
    assert key_leaks(ordering, {"items": [{"key": k} for k in ordering.keys]})
    reply = bank["rel-reply-late-delivery"]
    assert key_leaks(reply, {"x": reply.model_answer})


def test_forms_are_in_the_language_asked(bank):
    tf = bank["gallery-true-false"]
    assert [o["text"] for o in web(tf).form(tf, "zh")["options"]] == ["对", "错"]
    assert [o["text"] for o in web(tf).form(tf, "en")["options"]] == ["True", "False"]
    single = bank["gallery-single"]
    both = web(single).form(single, "both")
    assert both["prompt"] == f"{single.prompt.en}\n{single.prompt.zh}"
    assert web(single).form(single, "zh")["prompt"] == single.prompt.zh


def test_choice_options_are_in_the_learners_order(bank):
    single = bank["gallery-single"]
    for learner in ("Li Lei", "Han Meimei"):
        keys = [o["key"] for o in web(single).form(single, "en", learner)["options"]]
        assert keys == [single.options[i].key for i in single.display_order(learner)]


def test_the_ordering_form_never_starts_in_the_right_order(bank):
    ordering = bank["gallery-ordering"]
    keys = [i["key"] for i in web(ordering).form(ordering, "en")["items"]]
    assert sorted(keys) == sorted(ordering.keys) and keys != ordering.keys


def _right_answers(bank) -> dict:
    """A right answer of each exercise, as its page sends it (option keys, texts, a mapping)."""
    single, multi = bank["gallery-single"], bank["gallery-multiple"]
    matching, ordering = bank["gallery-matching"], bank["gallery-ordering"]
    return {
        "gallery-cloze": ["five", "same", "3"],
        "gallery-single": single.options[single.correct_indexes[0]].key,
        "gallery-multiple": [multi.options[i].key for i in multi.correct_indexes],
        "gallery-true-false": "true" if bank["gallery-true-false"].answer else "false",
        "gallery-matching": dict(matching.key),
        "gallery-ordering": list(ordering.keys),
        "gallery-numeric": f"{bank['gallery-numeric'].answer:g}",
        "rel-reply-late-delivery": bank["rel-reply-late-delivery"].examples["correct"][0],
    }


def test_a_right_answer_from_the_page_grades_right(bank):
    for ex_id, sent in _right_answers(bank).items():
        exercise = bank[ex_id]
        result = exercise.grade(web(exercise).response(exercise, sent))
        assert result.valid and result.attempted and result.correct, ex_id


def test_a_wrong_answer_from_the_page_grades_wrong(bank):
    ordering, multi = bank["gallery-ordering"], bank["gallery-multiple"]
    wrong = {"gallery-cloze": ["one", "next", "ten"], "gallery-ordering": ordering.keys[::-1],
             "gallery-true-false": "false" if bank["gallery-true-false"].answer else "true",
             "gallery-multiple": [o.key for o in multi.options if not o.correct][:1],
             "gallery-numeric": "¥12"}
    for ex_id, sent in wrong.items():
        exercise = bank[ex_id]
        result = exercise.grade(web(exercise).response(exercise, sent))
        assert result.valid and result.attempted and not result.correct, ex_id


BAD = {  # what a broken or tampered page could send, per exercise: each must be refused
    "gallery-cloze": [None, "five", ["five"], ["", "", ""], [1, 2, 3], ["x" * (MAX_FIELD + 1), "", ""],
                      {"0": "five"}],
    "gallery-single": [None, "", "no-such-option", 0, ["grade-2"], {"key": "grade-2"}],
    "gallery-multiple": [None, [], ["no-such-option"], [1], "x" * 50, {"a": 1}],
    "gallery-true-false": [None, "yes", 1, "True", []],
    "gallery-matching": [None, {}, {"no such left": "x"}, ["Grade 1"], {"Grade 1": 3},
                         {"Grade 1": "no such right"}, {"Grade 1": ""}],
    "gallery-ordering": [None, [], "a,b", ["x", "y"], [1, 2, 3, 4]],
    "gallery-numeric": [None, "", "   ", True, ["12"], "9" * 101],
    "rel-reply-late-delivery": [None, "", "   ", 42, ["Dear"], "x" * (MAX_REPLY + 1)],
}


def test_bad_input_is_refused_with_a_message_in_both_languages(bank):
    for ex_id, values in BAD.items():
        exercise = bank[ex_id]
        for value in values:
            with pytest.raises(BadAnswer) as caught:
                web(exercise).response(exercise, value)
            message = caught.value.message
            assert message.en and message.zh and message.en != message.zh, (ex_id, value)
            assert isinstance(caught.value, ValueError)


def test_an_ordering_or_matching_answer_must_use_the_forms_keys(bank):
    ordering = bank["gallery-ordering"]
    swapped = list(ordering.keys)
    swapped[0] = swapped[0].upper()  # the grader would accept it; the page sends keys as given
    with pytest.raises(BadAnswer):
        web(ordering).response(ordering, swapped)
    matching = bank["gallery-matching"]
    partial = dict(list(matching.key.items())[:1])
    assert web(matching).response(matching, {**partial, matching.lefts[-1]: ""}) == partial
