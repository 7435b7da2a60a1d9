"""Amounts and times written in words, and the day of a date (issue 22, brief 22nw: the twelfth
student and teacher readers), each a general rule shown on lines of its own: lines it must
read, right and wrong, and nearby lines it must leave alone.

1. A number written in words (one to ninety-nine, hundreds, "a hundred", "and a half") is read
   wherever digits are read: an amount ("your twenty dollars back" is "$20"), a number of days,
   hours, months or times, a discount ("ten percent"), a quantity ("twenty mugs"; "one mug" is
   the price of one piece, not a quantity). The review of a reply with the amount in words is
   the review of the same reply with it in digits, right or wrong.
2. A time in weeks is read in days where the fact is days: "a week" is 7 days, "two weeks" 14.
   Exactly the fact is the fact; within half a week of it ("about a week" for 9 days) it is a
   round figure, neither the fact stated nor a wrong one (the teachers of sets 2, 4 and 7 call
   "about two weeks" for 12 days vague, not wrong); further off it is wrong.
3. A number that belongs to a date is a day, not a quantity: "Until 31 October our mugs are 10%
   off" (no comma) names no 31 mugs.
"""
from __future__ import annotations

import pytest
from support import caps, letter, named_cases, review

from course.writing.factcheck import check_facts

_KEYCHAIN, _INES, _UMAR = "w07-reply-keychain", "w07-assess-reply-ines", "w08-assess-reply-umar"
_NEW, _NADIA, _GREETING = "w10-reply-new-arrival", "w04-check-reply-nadia", "w10-assess-reply-greeting"

_HAMZA = ("Thank you for telling us, and we are very sorry that your keychain does not work. This "
          "is our responsibility. {} for order 8819072265468319, and you do not need to return "
          "the keychain. The money will reach your account within five days.")
_INES_BODY = ("Thank you for telling us about the pen set, and we are very sorry about the small "
              "mark. This is our responsibility. We would like to return {} of the price to you "
              "as a compensation. Would that be OK? If yes, the money will reach you within 3 "
              "days.")
_UMAR_BODY = ("Thank you for telling us, and we are very sorry that your treadmill has a serious "
              "fault. Could a repair shop near you look at it? We will pay back {} of the price "
              "for the repair. Would that be acceptable to you? Please reply, and we will send "
              "the money within 24 hours.")
_HALL = ("Thank you for your order of eight coffee mugs in September. Our new ceramic mug gift "
         "set has just arrived: four mugs in a gift box. It costs {}. If you would like one, "
         "reply to this message and we will ship it within 2 days. If you would rather not get "
         "messages like this, simply reply no and I will stop.")
_NADIA_BODY = ("Thank you for your interest in our LED strip lights. All colours are in stock. "
               "For 15 strips the price is $9.80 each, $147 in total. Delivery to Hamburg needs "
               "{}. If you tell us your colours today, we can ship tomorrow. I will write to you "
               "again on Wednesday.")


def _reply(exercise, body, value):
    name = {_KEYCHAIN: "Hamza", _INES: "Ines", _UMAR: "Umar", _NEW: "Ms Hall",
            _NADIA: "Nadia"}[exercise]
    return letter(name, body.format(value))


# (exercise, body, the value in words, the same value in digits, whether it is the fact)
IN_WORDS = [
    *named_cases("an_amount_in_words_is_the_amount", [
        ("keychain_sent_back", (_KEYCHAIN, _HAMZA, "I have already sent your twenty dollars back",
                                "I have already sent your $20 back", True)),
        ("keychain_refund", (_KEYCHAIN, _HAMZA, "We will refund twenty dollars",
                             "We will refund $20", True)),
        ("ines", (_INES, _INES_BODY, "four dollars", "$4", True)),
        ("umar", (_UMAR, _UMAR_BODY, "eighty dollars", "$80", True)),
        ("new_arrival", (_NEW, _HALL, "eighteen dollars", "$18", True))]),
    *named_cases("a_wrong_amount_in_words_is_a_wrong_fact", [
        ("thirty", (_KEYCHAIN, _HAMZA, "I have already sent your thirty dollars back",
                    "I have already sent your $30 back", False)),
        ("twenty_five", (_KEYCHAIN, _HAMZA, "We will refund twenty-five dollars",
                         "We will refund $25", False))]),
    *named_cases("a_time_in_weeks_is_days", [
        ("a_week", (_NADIA, _NADIA_BODY, "about a week", "7 days", True)),
        ("seven_days", (_NADIA, _NADIA_BODY, "seven days", "7 days", True)),
        ("two_weeks", (_NADIA, _NADIA_BODY, "two weeks", "14 days", False))]),
]


@pytest.mark.parametrize("exercise,body,words,digits,right", IN_WORDS)
def test_a_value_in_words_is_reviewed_as_in_digits(exercise, body, words, digits, right):
    said, as_digits = review(exercise, _reply(exercise, body, words)), review(
        exercise, _reply(exercise, body, digits))
    assert said.score == as_digits.score, (said.score, as_digits.score)
    assert ("wrong_fact" in {c["name"] for c in said.caps}) != right
    assert said.passed == right, said.score


# (text, facts, the fields stated right, the wrong ones as (field, expected))
CHECKED = [
    *named_cases("numbers_in_words_read_as_values", [
        ("hundred", ("We will refund a hundred dollars.", {"refund_amount": 100}, {"refund_amount"},
                     [])),
        ("hundred_and_five", ("The total is one hundred and five dollars.", {"total_price": 105},
                              {"total_price"}, [])),
        ("and_a_half", ("We give you four and a half euros back.",
                        {"compensation": 4.5, "currency": "EUR"}, {"compensation"}, [])),
        ("percent", ("All mugs are ten percent off this week.", {"discount": "10%"}, {"discount"},
                     [])),
        ("wrong_percent", ("All mugs are fifteen percent off.", {"discount": "10%"}, set(),
                           [("discount", "10%")])),
        ("quantity", ("We can make twenty mugs for you.", {"quantity": 20, "product": "mug"},
                      {"quantity"}, [])),
        ("wrong_quantity", ("We can make thirty mugs for you.", {"quantity": 20, "product": "mug"},
                            set(), [("quantity", "20")])),
        ("hours", ("We will answer within forty-eight hours.", {"answer_within_days": 3},
                   {"answer_within_days"}, [])),
        ("months", ("The price stays the same for the next eighteen months.", {"price_months": 18},
                    {"price_months"}, [])),
        ("times", ("Thank you for ordering from us eleven times.", {"times_bought": 11},
                   {"times_bought"}, []))]),
    *named_cases("a_time_in_weeks", [
        ("one_week", ("Delivery takes one week.", {"delivery_days": 7}, {"delivery_days"}, [])),
        ("about_a_week_for_nine_days", ("Delivery takes about a week.", {"delivery_days": 9},
                                        set(), [])),
        ("two_weeks_for_twelve_days", ("Delivery takes about two weeks.", {"delivery_days": 12},
                                       set(), [])),
        ("two_weeks_for_seven_days", ("Delivery takes two weeks.", {"delivery_days": 7}, set(),
                                      [("delivery_days", "7 days")])),
        ("a_week_as_a_time_limit", ("I will answer within a week.", {"answer_within_days": 3},
                                    set(), [("answer_within_days", "3 days at most")]))]),
    # ordinals, "once", a number of a group, how often: no value (with facts they could match)
    *named_cases("words_left_alone", [
        ("one_of_our_buyers", ("One of our buyers liked the mugs very much.",
                               {"quantity": 20, "product": "mug", "times_bought": 3}, set(), [])),
        ("a_second_parcel", ("We will send a second parcel today.",
                             {"quantity": 20, "product": "parcel", "times_bought": 3}, set(), [])),
        ("once_again", ("Thank you once again for your order.", {"times_bought": 3}, set(), [])),
        ("the_first_time", ("This is the first time this has happened.",
                            {"times_bought": 3, "delivery_days": 9}, set(), [])),
        ("once_a_week", ("We ship to Hamburg once a week.", {"delivery_days": 9}, set(), [])),
        ("one_mug", ("One mug costs $4.", {"quantity": 20, "product": "mug", "unit_price": 4},
                     {"unit_price"}, []))]),
    *named_cases("the_day_of_a_date_is_no_quantity", [
        ("no_comma", ("Until 31 October our mugs are 10% off.",
                      {"quantity": 2, "product": "mug", "discount": "10%"}, {"discount"}, [])),
        ("month_first", ("From October 12 mugs are 10% off.",
                         {"quantity": 2, "product": "mug", "discount": "10%"}, {"discount"}, []))]),
    # a quantity beside a date is still read
    *named_cases("a_quantity_beside_a_date_left_alone", (
        "On 31 October we shipped 12 mugs.", {"quantity": 2, "product": "mug"}, set(),
        [("quantity", "2")])),
]


@pytest.mark.parametrize("text,facts,right,wrong", CHECKED)
def test_values_in_words_are_checked(text, facts, right, wrong):
    check = check_facts(text, facts)
    assert set(check.right) == right, check
    assert [(w.field, w.expected) for w in check.wrong] == wrong, check


def test_the_greeting_date_without_a_comma_names_no_quantity():
    body = ("Happy Thanksgiving! We wish you and your family a wonderful holiday weekend. Thank "
            "you for choosing our coffee mugs in September. Until 31 October{} our mugs are 10% "
            "off for you.")
    frame = "Dear Mr Anderson,\n\n{}\n\nWarm regards,\nLily"
    without, with_comma = (frame.format(body.format(c)) for c in ("", ","))
    assert "wrong_fact" not in caps(_GREETING, without)
    assert review(_GREETING, without).score == review(_GREETING, with_comma).score


def test_the_wrong_amount_is_named_in_the_feedback():
    said = review(_KEYCHAIN, _reply(_KEYCHAIN, _HAMZA, "I have already sent your thirty dollars "
                                                        "back"))
    advice = " ".join(a["en"] for a in said.advice)
    assert "you wrote '30 dollars', but the full refund amount is $20" in advice, advice
