"""Misjudgements the thirteenth teacher reader (issue 28) met in the workshops, each a general
rule shown on lines of its own: the reader's line, one of ours, and a nearby line it must leave
alone (brief 22pu). Each line replaces one sentence of the task's model answer.

1. "13 purchases" for "13 orders" is no wrong number of goods: purchases, buys, deliveries,
   payments and messages are what a customer did, not pieces (W05 Kanya).
2. "Thank you for your purchase of 8 coffee mugs", "the eight mugs you picked up from us" say
   what this customer bought before (W10, W02 Ashley); "I hope you enjoy ... last month" is a
   wish, not a finished action in the present.
3. Plain B1 wording of a required move: "Your $20 is on its way back to you in full" is a full
   refund (W07), "covered for a full year" the warranty (W06 Jessica), "a link to your online
   shop and the full name of your company" asks for details that show the buyer is real (W03),
   "let me know if anything else would make them right" invites talk (W06 Dubai), "Prefer not to
   get updates like this? Let us know and we will stop." leaves the choice (W10).
"""
from __future__ import annotations

import pytest
from support import course_bank, named_cases


def _review(exercise: str, old: str, new: str):
    model = course_bank()[exercise].model_answer
    assert old in model, (exercise, old)
    return course_bank()[exercise].review(model.replace(old, new))


_KANYA = "the 13 orders you have placed"
# (the words in place of "the 13 orders you have placed", whether a wrong fact is found)
COUNTS = [
    *named_cases("what_she_did_is_no_number_of_goods", [
        ("reader", ("the 13 purchases you have placed", False)),
        ("ours", ("the 13 buys and 13 deliveries you have had", False))]),
    *named_cases("a_wrong_number_of_hoodies_left_alone", (
        "the 13 hoodies you have ordered", True)),
]


@pytest.mark.parametrize("words,wrong", COUNTS)
def test_purchases_are_no_goods(words, wrong):
    r = _review("w05-reply-kanya", _KANYA, words)
    missing = " ".join(r.criterion("content").missing)
    assert ("a wrong fact" in missing) == wrong, missing
    if not wrong:
        assert r.score >= 95, (r.score, missing)


_MUGS = "Thank you for your order of eight coffee mugs in September."
_CHOICE = "If you would rather not receive news like this, just tell us."
# (the sentence in place of the thanks for her order, the opt-out or None, whether the reply
# says what she bought before and leaves the choice)
NEW_ARRIVAL = [
    *named_cases("a_purchase_is_what_she_bought", [
        ("reader", ("Thank you for your purchase of 8 coffee mugs in September.", None, True)),
        ("reader_paraphrase", ("Thank you again for the eight mugs you picked up from us last "
                               "month.", "Prefer not to get updates like this? Let us know and "
                               "we will stop.", True)),
        ("wish", ("I hope you enjoy the eight mugs you bought from us last month. Thank you!",
                  None, True)),
        ("ours", ("Thank you for purchasing eight coffee mugs in September.", None, True))]),
    *named_cases("no_word_of_her_order_left_alone", (
        "Thank you for reading our news.", None, False)),
    *named_cases("no_opt_out_left_alone", (_MUGS, "", False)),
]


@pytest.mark.parametrize("thanks,choice,made", NEW_ARRIVAL)
def test_a_purchase_says_what_she_bought(thanks, choice, made):
    exercise = "w10-reply-new-arrival"
    model = course_bank()[exercise].model_answer
    text = model.replace(_MUGS, thanks)
    if choice is not None:
        text = text.replace(_CHOICE, choice)
    r = course_bank()[exercise].review(text)
    missing = " ".join(c for crit in r.criteria for c in crit.missing)
    assert (r.score >= 95) == made, (r.score, missing)
    if made:
        assert not missing, missing


_REFUND = "We have refunded the full $20 for order 8819072265468319, and"
_WARRANTY = "Each speaker has a one-year warranty, so"
_YARA = "your shop's\nwebsite and your company name and address"
_ASHLEY = "To go with\nyour new silk scarf"
_DUBAI = "If you would like other colours for your family, we are happy to talk."
# (task, the model's words, the words in their place, the move, whether the move is made)
MOVES = [
    *named_cases("money_on_its_way_back_is_a_full_refund", [
        ("reader", ("w07-reply-keychain", _REFUND, "Your $20 for order 8819072265468319 is on "
                    "its way back to you in full, and", "a full refund", True)),
        ("ours", ("w07-reply-keychain", _REFUND, "For order 8819072265468319 the $20 will be "
                  "sent back to you today, and", "a full refund", True))]),
    *named_cases("a_refund_still_owed_left_alone", (
        "w07-reply-keychain", _REFUND, "We will check order 8819072265468319, and", "a refund",
        False)),
    *named_cases("covered_for_a_year_is_the_warranty", [
        ("reader", ("w06-assess-reply-jessica", _WARRANTY, "Each one is covered for a full "
                    "year, so", "the warranty", True)),
        ("ours", ("w06-assess-reply-jessica", _WARRANTY, "They are covered by 12 months of free "
                  "repair, so", "the warranty", True))]),
    *named_cases("a_covered_price_left_alone", (
        "w06-assess-reply-jessica", _WARRANTY, "The shipping is covered by us, so",
        "the warranty", False)),
    *named_cases("a_shop_link_and_company_name_show_the_buyer_is_real", [
        ("reader", ("w03-reply-yara", _YARA, "a link to your online shop and the full name of "
                    "your company", "details that show the buyer is real", True)),
        ("ours", ("w03-reply-yara", _YARA, "the registered name of your business",
                  "details that show the buyer is real", True))]),
    *named_cases("your_name_alone_left_alone", (
        "w03-reply-yara", _YARA, "your name", "details that show the buyer is real", False)),
    *named_cases("what_you_got_from_us_is_the_product_before", [
        ("reader", ("w02-check-reply-ashley", _ASHLEY, "To go with\nthe scarf you got from us",
                    "the product she bought before", True)),
        ("ours", ("w02-check-reply-ashley", _ASHLEY, "To go with\nthe scarf you purchased",
                  "the product she bought before", True))]),
    *named_cases("a_scarf_of_ours_left_alone", (
        "w02-check-reply-ashley", _ASHLEY, "To go with\na warm scarf",
        "the product she bought before", False)),
    *named_cases("let_me_know_invites_talk", [
        ("reader", ("w06-reply-dubai", _DUBAI, "Take your time, and let me know if anything "
                    "else would make them right for your family.", "invites the buyer to talk",
                    True)),
        ("ours", ("w06-reply-dubai", _DUBAI, "Tell me what else your family would like.",
                  "invites the buyer to talk", True))]),
    *named_cases("a_bare_thanks_left_alone", (
        "w06-reply-dubai", _DUBAI, "Thank you again.", "invites the buyer to talk", False)),
]


@pytest.mark.parametrize("exercise,old,new,move,made", MOVES)
def test_plain_wording_makes_the_move(exercise, old, new, move, made):
    r = _review(exercise, old, new)
    missing = " ".join(r.criterion("content").missing)
    assert (move not in missing) == made, missing


# the fourteenth readers (the lead): the gift set said as a box, as the model answer itself says
# it ("four mugs in a gift box"); a box of the buyer's last product is not the new set
_SET = "our new ceramic mug gift set has just arrived: four mugs in a gift box"
# (the words in place of the set's sentence, whether the new product is named)
BOXES = [
    *named_cases("the_gift_set_said_as_a_box", [
        ("reader", ("we have a new gift box with two ceramic mugs", True)),
        ("ours", ("a ceramic gift box of four mugs has just come in", True))]),
    *named_cases("a_box_of_the_last_product_left_alone", (
        "we have a new box of coffee mugs", False)),
]


@pytest.mark.parametrize("words,named", BOXES)
def test_the_gift_set_said_as_a_box(words, named):
    review = _review("w10-reply-new-arrival", _SET, words)
    missing = " ".join(str(m) for c in review.criteria for m in c.missing)
    assert ("the new product" not in missing) == named, missing
