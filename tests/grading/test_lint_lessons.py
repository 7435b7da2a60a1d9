"""`crm-course lint` reads the lessons: answers just above an item, optional-part content,
options named by their place in shuffled items, hints that give the answer away."""
from __future__ import annotations

import json

import pytest

from course.exercises.kinds import build_exercise
from course.exercises.lint import ERROR, lint_exercise
from course.exercises.lint_lessons import positional_references, read_lessons


def _lint(raw, lessons=None):
    ex = build_exercise({"prompt": "Answer the question.", **raw})
    return {(f.field, f.severity) for f in lint_exercise(ex, "bank.yaml", lessons)}


def _notebook(tmp_path, *cells):
    def cell(text):
        if text.startswith("lesson["):
            return {"cell_type": "code", "source": [text], "outputs": []}
        return {"cell_type": "markdown", "source": [text]}

    (tmp_path / "01-x.ipynb").write_text(json.dumps({"cells": [cell(c) for c in cells]}),
                                         encoding="utf-8")
    return read_lessons(tmp_path)


@pytest.mark.parametrize("text", [
    "Option 2: lamps are sold per piece.", "The first reply: greeting and a size chart.",
    "The second sentence shows pressure.", "The first, second and fifth are right.",
    "The first three are dirt.", "options 1 and 3", "选第 2 项：台灯按件卖。", "第一条回复最好。",
    "第二句在施压。", "前三项是脏数据。", "第一、二和第五项",
])
def test_a_positional_reference_is_found_in_both_languages(text):
    assert positional_references(text)


@pytest.mark.parametrize("text", [
    "Red flag 2 is about trade norms.", "第 2 个危险信号", "The first I is about finding customers.",
    "Lamps are sold per piece.", "Grade 1 customers come first.", "第一步是识别客户。",
])
def test_a_text_that_names_no_option_by_place(text):
    assert positional_references(text) == []


def _choice(**more):
    return {"id": "q", "type": "single_choice", "options": [
        {"text": "Per piece", "correct": True}, {"text": "Per kilogram"}, {"text": "Per box"}],
        **more}


def test_a_shuffled_item_must_name_options_by_text():
    assert _lint(_choice(solution={"en": "Option 1: per piece.", "zh": "选第 1 项。"})) == {
        ("solution", ERROR)}
    assert _lint(_choice(solution="Per piece: lamps are priced by the piece.")) == set()
    assert _lint(_choice(hints=["The first one is right."])) == {("hints[0]", ERROR)}
    # an item that keeps its order may say where an option is
    assert _lint(_choice(shuffle=False, solution="Option 1: per piece.")) == set()


def test_hints_that_give_the_answer_by_letters_a_sum_or_initials():
    cloze = {"id": "c", "type": "cloze", "text": "[[watch]] and [[listen]]"}
    assert _lint({**cloze, "hints": ["The words start with w and l."]}) == {("hints[0]", ERROR)}
    assert _lint({**cloze, "hints": ["首字母是 w、l。"]}) == {("hints[0]", ERROR)}
    assert _lint({**cloze, "hints": ["Eyes, then ears."]}) == set()
    num = {"id": "n", "type": "numeric", "answer": 300, "measures": "number"}
    assert _lint({**num, "hints": ["1,200 ÷ 4 = ?"]}) == {("hints[0]", ERROR)}
    assert _lint({**num, "hints": ["1,200 ÷ 3 = ?"]}) == set()
    assert _lint({**num, "hints": ["Divide the total by the number of orders."]}) == set()
    cod = {"id": "p", "type": "single_choice", "options": [
        {"text": "Cash on delivery", "correct": True}, {"text": "Bank transfer"}]}
    assert _lint({**cod, "hints": ["Its short name is COD."]}) == {("hints[0]", ERROR)}
    assert _lint({**cod, "hints": ["The money changes hands at the door."]}) == set()


def test_every_right_option_listed_just_above(tmp_path):
    raw = {"id": "m", "type": "multiple_choice", "options": [
        {"text": "Information (news)", "correct": True}, {"text": "Emotion", "correct": True},
        {"text": "Gossip about rival shops"}]}
    lessons = _notebook(tmp_path, "Messages carry information and emotion.", 'lesson["m"]')
    assert _lint(raw, lessons) == {("options", ERROR)}
    neutral = _notebook(tmp_path, "Information, emotion or gossip about rival shops?", 'lesson["m"]')
    assert _lint(raw, neutral) == set()


def test_a_true_false_statement_that_restates_the_paragraph_above(tmp_path):
    raw = {"id": "t", "type": "true_false", "answer": True,
           "prompt": "True or false? Most online buyers read product reviews before they buy."}
    lessons = _notebook(tmp_path, "Online, most buyers read the reviews of a product before "
                                  "they buy.", 'lesson["t"]')
    assert _lint(raw, lessons) == {("prompt", ERROR)}
    other = _notebook(tmp_path, "Reputation decides online sales.", 'lesson["t"]')
    assert _lint(raw, other) == set()


def test_an_assessment_item_on_what_only_the_optional_part_teaches(tmp_path):
    optional = "RFM counts recency in days from the last invoice. " * 4
    lessons = _notebook(tmp_path, "Keep your customers.", 'lesson["a"]',
                        "## Going further (optional) · 拓展（选学）", optional, 'lesson["p"]')
    assert "a" not in lessons.optional_ids and "p" in lessons.optional_ids
    raw = {"id": "a", "type": "numeric", "mode": "assessment", "answer": 21, "measures": "days",
           "prompt": "What is the recency of a customer whose last invoice came on 10 May, on 31 May?"}
    assert _lint(raw, lessons) == {("prompt", ERROR)}
    assert _lint({**raw, "mode": "practice"}, lessons) == set()
    assert _lint({**raw, "id": "p"}, lessons) == set()  # shown in the optional part itself
    assert _lint({**raw, "prompt": "How many days since the last order?"}, lessons) == set()
    # a writing task's facts panel gives its values: they are read, not tested
    given = {"document": "the last invoice", "measure": "recency"}
    assert _lint({**raw, "facts": given}, lessons) == set()
    assert _lint({**raw, "facts": {"document": "the last invoice"}}, lessons) == {
        ("prompt", ERROR)}  # "recency" is still only taught in the optional part


def test_hints_that_give_the_answer_in_another_unit_or_point_at_the_right_option():
    hours = {"id": "h", "type": "numeric", "answer": 24, "measures": "hours"}
    assert _lint({**hours, "hints": ["The deadline is one day."]}) == {("hints[0]", ERROR)}
    assert _lint({**hours, "hints": ["时限是一天。"]}) == {("hints[0]", ERROR)}
    assert _lint({**hours, "hints": ["The deadline is two days."]}) == set()
    reply = {"id": "r", "type": "single_choice", "options": [
        {"text": "Thanks! Please see the size chart in the listing.", "correct": True},
        {"text": "All sizes are standard, order your usual one."},
        {"text": "Read the description before you buy."}]}
    assert _lint({**reply, "hints": ["Which reply mentions the size chart?"]}) == {
        ("hints[0]", ERROR)}
    assert _lint({**reply, "hints": ["Give the buyer something to check."]}) == set()
