"""A decimal comma ("181,84" for 181.84): a comma followed by exactly two digits that end the
number cannot group thousands, so the number reading takes it as a point and says so; a
thousands group ("1,250") and the other comma forms are left as they were (issue 28, the
eighteenth teacher reader: W02's cloze marked "181,84" wrong with no word on that gap)."""
import pytest

import course
from course.exercises.kinds import build_exercise
from course.exercises.quantities import decimal_point, parse_quantity


@pytest.mark.parametrize("typed, value, currency", [
    ("181,84", 181.84, None), ("$181,84", 181.84, "USD"), ("181,84 USD", 181.84, "USD"),
    ("181,84 dollars", 181.84, "USD"), ("16,20", 16.2, None), ("1,25", 1.25, None),
])
def test_two_digits_after_a_comma_are_the_cents(typed, value, currency):
    q = parse_quantity(typed)
    assert q is not None and q.value == pytest.approx(value) and q.currency == currency
    assert q.decimal_comma and "decimal_comma" in q.rules


@pytest.mark.parametrize("typed, value", [
    ("1,250", 1250), ("1,250,000", 1_250_000), ("12,345.6", 12345.6), ("3,750元", 3750),
    ("181.84", 181.84), ("$1,299.50", 1299.5),
])
def test_thousands_groups_and_points_are_read_as_before(typed, value):
    q = parse_quantity(typed)
    assert q is not None and q.value == pytest.approx(value) and not q.decimal_comma
    assert decimal_point(typed) is None


@pytest.mark.parametrize("typed", ["3,5", "1,2345", "12,34,56", "1.250,50", "181,84,1"])
def test_other_comma_forms_are_not_guessed(typed):
    """One digit or four after the comma, a second comma or a point around it: not the
    two-digit cents, so the reading does not change (they stay "not a number")."""
    assert decimal_point(typed) is None
    assert parse_quantity(typed) is None


def test_w02_cloze_takes_181_84_with_a_comma_and_says_how_english_writes_it():
    ex = course.load_bank()["w02-plan-chloe"]
    for typed in ("181,84", "$181,84", "181,84 USD"):
        item = ex.grade(["target", typed, "Amazon", "board"]).items[1]
        assert item.correct and "decimal_comma" in item.rule, typed
        assert "181.84" in item.feedback.en and "point" in item.feedback.en
        assert "181.84" in item.feedback.zh
    plain = ex.grade(["target", "181.84", "Amazon", "board"]).items[1]
    assert plain.correct and plain.feedback is None  # nothing to say about a point
    assert not ex.grade(["target", "181,85", "Amazon", "board"]).items[1].correct
    assert not ex.grade(["target", "18,184", "Amazon", "board"]).items[1].correct


def test_a_cloze_gap_with_no_unit_after_it_reads_the_comma_too():
    ex = build_exercise({"id": "dc", "type": "cloze", "prompt": "Fill in.",
                         "text": "The price of one strip: [[9.80]]; for 15 strips: [[147]]."})
    first, second = ex.grade(["9,80", "147"]).items
    assert first.correct and "decimal_comma" in first.rule and "9.80" in first.feedback.en
    assert second.correct and second.rule == "exact"
    assert not ex.grade(["9,08", "1,47"]).items[0].correct
    assert not ex.grade(["9,80", "1,47"]).items[1].correct  # 1.47 is not 147


def test_a_wrong_word_with_a_comma_gets_no_decimal_note():
    ex = build_exercise({"id": "dw", "type": "cloze", "prompt": "Fill in.",
                         "text": "We [[ship]] within 2 days."})
    item = ex.grade(["send,12"]).items[0]
    assert not item.correct and item.feedback is None


def test_numeric_item_takes_the_comma_and_says_so():
    ex = build_exercise({"id": "dn", "type": "numeric", "prompt": "The price with 10% off?",
                         "answer": 16.2, "measures": "money", "currency": "USD",
                         "tolerance": 0.005})
    got = ex.grade("16,20")
    assert got.correct and "16.20" in got.feedback.en
    assert ex.grade("16.20").correct and "point" not in ex.grade("16.20").feedback.en
    assert not ex.grade("16,02").correct
