"""Matching rules of issue 11: real-word typos, forms of a word, units, currencies, magnitudes."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course.exercises.kinds import build_exercise
from course.exercises.numerals import words_to_number
from course.exercises.quantities import (
    CURRENCIES,
    MAGNITUDES,
    MEASURES,
    UNIT_TABLE,
    parse_quantity,
)
from course.exercises.text_match import NO_FORMS, common_words, match_text


def test_the_word_list_comes_from_package_data_and_is_large():
    words = common_words()
    assert len(words) > 20_000
    assert {"value", "valve", "feeds", "identity"} <= words
    assert "experince" not in words and "recieved" not in words


@pytest.mark.parametrize("typed, answer", [
    ("valve", "value"), ("feeds", "needs"), ("Identity", "Identify"), ("came", "same"),
    ("sane", "same"), ("match", "watch"), ("last", "fast"), ("past", "fast"), ("clone", "close"),
    ("tram", "team"), ("tea", "team"), ("rate", "rated"), ("tree", "three"),
])
def test_a_different_real_word_is_not_a_typo(typed, answer):
    assert not match_text(typed, (answer,)).ok


@pytest.mark.parametrize("typed, answer", [
    ("experince", "experience"), ("Costomize", "Customize"), ("recieved", "received"),
    ("colleage", "colleague"), ("delivary", "delivery"),
])
def test_genuine_misspellings_still_pass_as_typos(typed, answer):
    m = match_text(typed, (answer,))
    assert m.ok and m.typo and m.rule == "typo"


def test_the_real_word_rule_can_be_turned_off_and_misspellings_listed():
    assert match_text("valve", ("value",), real_words=False).typo
    assert match_text("complains", ("complaints",), typo_forms=("complains",)).typo
    assert not match_text("complains", ("complaints",)).ok


@pytest.mark.parametrize("typed, answers, rule", [
    ("the competitors", ("competitors",), "article"),
    ("a meeting", ("meeting",), "article"),
    ("kilogramme", ("kilogram",), "spelling"),
    ("customise", ("customize",), "spelling"),
    ("colour", ("color",), "spelling"),
    ("need", ("needs",), "plural"),
    ("companies", ("company",), "plural"),
    ("twenty four", ("24",), "number_word"),
    ("Three", ("3",), "number_word"),
    ("nine days", ("9 days",), "number_word"),
])
def test_forms_of_the_same_word_are_accepted_and_named(typed, answers, rule):
    m = match_text(typed, answers)
    assert m.ok and m.rule == rule


def test_forms_can_be_turned_off():
    assert not match_text("the competitors", ("competitors",), forms=NO_FORMS, typos=False).ok
    assert not match_text("need", ("needs",), forms=NO_FORMS, typos=False).ok


def test_words_that_only_look_plural_stay_apart():
    assert not match_text("new", ("news",)).ok
    assert not match_text("good", ("goods",)).ok


@pytest.mark.parametrize("words, value", [
    ("three", 3), ("twenty four", 24), ("twenty-four", 24), ("ninety nine", 99),
    ("one hundred and five", 105), ("two thousand", 2000),
])
def test_number_words(words, value):
    import re
    assert words_to_number(re.split(r"[\s-]+", words)) == value


@pytest.mark.parametrize("words", ["four twenty", "three three", "and", "twenty ninety"])
def test_not_number_words(words):
    assert words_to_number(words.split()) is None


def _numeric(**fields):
    raw = {"id": "n", "type": "numeric", "prompt": "?", **fields}
    return build_exercise(raw)


@pytest.mark.parametrize("fields, right, wrong", [
    ({"answer": 24, "measures": "hours"}, ["24 hours", "24h", "24小时", "24 个小时", "24."],
     ["24 days", "24天", "24%"]),
    ({"answer": 21, "measures": "days"}, ["21 days", "21天", "twenty-one days", "２１"],
     ["¥21", "21 hours"]),
    ({"answer": 5, "measures": "times"}, ["5 times", "5倍", "five times", "5x"], ["5%", "5 days"]),
    ({"answer": 14.5, "measures": "percent"}, ["14.5 percent", "百分之14.5", "14.5 per cent",
                                              "１４．５％", "14.5%"], ["$14.5", "14.5 trillion"]),
    ({"answer": 300, "measures": "money", "currency": "USD"}, ["$300", "US$300", "USD 300",
                                                               "300美元", "300 dollars"],
     ["¥300", "300元", "300 RMB"]),
    ({"answer": 3750, "measures": "money", "currency": "CNY"}, ["¥3750", "3,750元", "RMB 3750",
                                                                "CNY 3,750"], ["$3750", "3750 USD"]),
    ({"answer": 6.3, "measures": "money", "currency": "CNY", "magnitude": "trillion",
      "tolerance": 0.05}, ["6.3", "6.3 trillion", "6.3万亿", "6.3万亿元", "6.3。", "63000亿"],
     ["6.3 billion", "6.3亿", "$6.3 trillion"]),
])
def test_units_currencies_and_magnitudes(fields, right, wrong):
    ex = _numeric(**fields)
    for response in right:
        assert ex.grade(response).correct, response
    for response in wrong:
        r = ex.grade(response)
        assert r.valid and not r.correct, response


def test_wrong_unit_feedback_names_the_unit_expected_in_both_languages():
    r = _numeric(answer=24, measures="hours").grade("24 days")
    assert "hours" in r.feedback.en and "小时" in r.feedback.zh
    r = _numeric(answer=6.3, measures="money", currency="CNY", magnitude="trillion").grade(
        "6.3 billion")
    assert "trillion" in r.feedback.en and "万亿" in r.feedback.zh
    r = _numeric(answer=300, measures="money", currency="USD").grade("¥300")
    assert "US dollars" in r.feedback.en and "美元" in r.feedback.zh


def test_the_grade_records_the_rule():
    r = _numeric(answer=24, measures="hours").grade("24小时")
    assert r.items[0].rule == "unit" and r.to_dict()["items"][0]["rule"] == "unit"
    ex = build_exercise({"id": "c", "type": "cloze", "prompt": "?", "text": "[[competitors]]"})
    assert ex.grade(["the competitors"]).items[0].rule == "article"


@pytest.mark.parametrize("fields, field", [
    ({"measures": "money"}, "currency"), ({"measures": "hours", "currency": "USD"}, "currency"),
    ({"measures": "furlongs"}, "measures"), ({"measures": "hours", "magnitude": "trillion"},
                                              "magnitude"),
    ({"measures": "hours", "unit": "days"}, "unit"),
])
def test_nonsense_numeric_declarations_are_named(fields, field):
    from course.errors import DefinitionError

    with pytest.raises(DefinitionError) as err:
        _numeric(answer=1, **fields)
    assert err.value.field == field


# ----------------------------------------------------------------------------- properties


def _expected(kind, value):
    return {"unit": ("unit", value), "percent": ("unit", "percent"),
            "currency": ("currency", value), "magnitude": ("magnitude", value)}[kind]


@settings(max_examples=300, deadline=None)
@given(row=st.sampled_from(UNIT_TABLE), number=st.decimals(min_value=0, max_value=10**6,
                                                         places=2, allow_nan=False),
       space=st.sampled_from(["", " "]))
def test_unit_parsing_round_trips_every_unit_in_the_table(row, number, space):
    alias, kind, value = row
    text = f"{number}{space}{alias}"
    if alias.isalpha() and alias.isascii() and not space:
        text = f"{number} {alias}"  # "5days" is not how anyone writes it; "5 days" is
    q = parse_quantity(text)
    assert q is not None, text
    assert q.value == pytest.approx(float(number))
    field, expected = _expected(kind, value)
    assert getattr(q, field) == expected, text


def test_the_unit_table_covers_every_measure_currency_and_magnitude():
    kinds = {(k if k != "percent" else "unit", v if k != "percent" else "percent")
             for _, k, v in UNIT_TABLE}
    for name in MEASURES:
        if name not in ("number", "count", "money"):
            assert ("unit", name) in kinds
    assert {("currency", c) for c in CURRENCIES} <= kinds
    assert {("magnitude", m) for m in MAGNITUDES} <= kinds


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=40))
def test_parsing_any_text_never_raises(text):
    q = parse_quantity(text)
    assert q is None or isinstance(q.value, float)
    for measures in ("hours", "percent", "number"):
        r = _numeric(answer=1, measures=measures).grade(text)
        assert r.score in (0.0, 1.0)


def test_a_number_with_a_unit_is_stored_as_typed_so_that_regrading_sees_the_unit():
    ex = _numeric(answer=21, measures="days")
    wrong = ex.grade("¥21")
    assert wrong.response == "¥21" and not ex.grade(wrong.response).correct
    assert ex.grade("21").response == 21.0  # a plain number is stored as before
    copy = build_exercise({"id": "n", "type": "numeric", "prompt": "?", "redacted": True,
                           "mode": "assessment", "unit": "days"})
    assert copy.grade("21 days").response == "21 days" and copy.grade("21").response == 21.0


def test_the_issue_s_assessment_example_scores_zero():
    from course.exercises.loader import load_bank

    ex = load_bank()["idic-differentiate-words"]
    assert ex.grade(["feeds", "valve", "formation"]).score == 0.0
    assert ex.grade(["neds", "vlaue", "infomation"]).correct  # genuine misspellings
