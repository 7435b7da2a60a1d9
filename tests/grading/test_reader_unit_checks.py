"""Reviewer rules checked on one part of the reviewer (the tone scorer's blame, the fact check,
the grammar check, the labels a problem is shown with): the cases of rounds 11, 12b and 12c
that look past what a review returns, so they do not fit the case files of
``reader_cases/*.yaml`` (brief 24d moved the rest of those rounds there). Each rule is a table
of its own: lines it must read and nearby lines it must leave alone.
"""
from __future__ import annotations

import pytest
from support import course_bank, letter, named_cases, review

from course.writing.factcheck import check_facts

# -- round 11 (brief 22rv) ------------------------------------------------------------------------

# calm blame found by what it does, in words no earlier round listed
# (sentence, whether it is read as blame)
BLAME = [
    *named_cases("the_buyers_own_act_doubted", [
        ("measure", ("Maybe you did not measure yourself correctly.", True)),
        ("had", ("If you had read the size chart first, this would not happen.", True))]),
    *named_cases("the_fault_handed_to_another_party", [
        ("to_blame", ("The carrier is to blame for this delay.", True)),
        ("problem_of", ("This is a problem of the post office, not of our shop.", True))]),
    *named_cases("the_shops_part_cleared", [
        ("perfect", ("The lamp was perfect when it left our warehouse.", True)),
        ("hands", ("This kind of delay is out of our hands.", True))]),
    *named_cases("called_normal_by_other_buyers", [
        ("others", ("Other customers had no problem with this charger.", True)),
        ("nobody", ("Nobody else has complained about this coat.", True))]),
    *named_cases("the_cheap_choice_held_against_the_buyer", [
        ("economy", ("You chose economy shipping, so a long wait is expected.", True)),
        ("cheapest", ("Please remember that you chose the cheapest shipping.", True))]),
    # owning the fault, or saying what she bought, is no blame
    *named_cases("owning_it_left_alone", [
        ("own", ("We accept responsibility: the lamp was damaged before it left us.", False)),
        ("chose", ("You chose our cork yoga block last spring, so we thought of you.", False)),
        ("had", ("If you had any trouble with the payment, we can help.", False))]),
]


@pytest.mark.parametrize("sentence,blame", BLAME)
def test_calm_blame_found_by_what_it_does(sentence, blame):
    from course.writing.scorers import Tone

    assert any(kind == "blame" for kind, _ in Tone._hits(sentence)) == blame

# a product named in the reply's own words: its head noun after another word of its name
# ("bamboo board" for the bamboo cutting board), a set by its items ("the knives" for her knife
# set); a phrase that names another product of the task ("jasmine pearl tea" is not her jasmine
# green tea) is not hers (set 4's teacher gives the knives-and-board reply 78; it was 40)
_CHLOE, _GRACE = "w02-reply-chloe", "idic-reply-customize"
# (exercise, line, the product field, whether the line names it)
NAMES = [
    *named_cases("a_product_named_in_other_words", [
        ("board", (_CHLOE, "Our new bamboo board suits your kitchen.", "recommended_product",
                   True)),
        ("knives", (_CHLOE, "We are glad the knives are doing well.", "last_product", True))]),
    *named_cases("another_product_of_the_task_left_alone", [
        ("pearl", (_GRACE, "Try our jasmine pearl tea.", "last_product", False)),
        ("knife", (_CHLOE, "A knife needs a soft board.", "last_product", False))]),
]


@pytest.mark.parametrize("exercise,line,field,named", NAMES)
def test_a_product_named_in_other_words(exercise, line, field, named):
    facts = review_facts(exercise)
    assert (field in check_facts(line, facts).right) == named


def review_facts(exercise: str) -> dict:
    return dict(course_bank()[exercise].facts)


# -- round 12b (brief 22nw): amounts and times written in words, the day of a date -----------

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


# -- round 12c (brief 22rc) -----------------------------------------------------------------------

_HALL = "w10-reply-new-arrival"


# 2. A problem found reads as a problem ("problem:" / "问题："), not as "missing:" (the opt-out
# line that is no cold sentence: reader_cases/round12c.yaml).
_OPT_OUT = ("Since you liked your coffee mug, our new ceramic mug gift set may please you. It "
            "costs $18. {}")
_COLD_REPLY = letter("Ms Hall", _OPT_OUT.format("Sadly we cannot help you with any problem, it is "
                                                "terrible and useless to ask."))
# (what is shown, the label a problem found must carry, the label it must not)
SHOWN = [
    *named_cases("a_problem_reads_as_a_problem", [
        ("text", (lambda r: repr(r), "problem: ", "missing: a cold")),
        ("widget", (lambda r: _feedback(r), "问题：", "缺少：冷漠"))]),
    *named_cases("a_lack_left_as_missing", (lambda r: repr(review(_HALL, letter(
        "Ms Hall", "Our new ceramic mug gift set costs $18."))), "missing: ", "problem: ")),
]


def _feedback(result) -> str:
    from course.exercises.kinds.reply import _criterion_feedback

    return " ".join(_criterion_feedback(c).zh for c in result.criteria)


@pytest.mark.parametrize("show,label,not_label", SHOWN)
def test_a_problem_found_is_labelled_a_problem(show, label, not_label):
    shown = show(review(_HALL, _COLD_REPLY))
    assert label in shown and not_label not in shown


# 3. "As a ..." names a role ("As a small thank you, ...", W10's greeting had "the verb takes
# -s"); a clause opened by "as" with its own subject keeps the agreement rule.
# (sentence, whether an agreement slip is found)
ROLES = [
    *named_cases("as_a_role_is_no_subject", [
        ("thank_you", ("As a small thank you, we add a free coaster to your next order.", False)),
        ("gift", ("As a gift for you, we put a small card in the box.", False))]),
    *named_cases("a_clause_opened_by_as_left_alone", (
        "As the parcel arrive late, we refund the shipping.", True)),
]


@pytest.mark.parametrize("sentence,slip", ROLES)
def test_as_a_role_is_no_subject(sentence, slip):
    from course.writing.grammar_check import check

    assert any(s.kind == "agreement" for s in check(sentence)) == slip

