"""Rules of the seventh tuning round of the reply reviewer (issue 22, brief 22h), tuned on sets
1-5 and the promotion set, the fourth set now among them. Each rule is shown on lines written
for this test, in no scored set: two lines it must read and one nearby line it must leave
alone."""
from __future__ import annotations

import pytest
from support import caps, course_bank, named_cases, review

from course.writing.patterns import EMPATHY, TIME
from course.writing.rubric import RUBRIC

BANK = course_bank()


def found(exercise: str, text: str) -> str:
    """The content criterion's found moves, as one lower-case line."""
    return " | ".join(review(exercise, text).criterion("content").found).lower()


# 1. an excellent reply in its own words: the moves a teacher reads in it said otherwise, and
#    nearby lines that make no such move: reader_cases/rules_round7.yaml (brief 24d); a time "in
#    the coming days" and bad news announced as such (not a cold sentence) read here
def test_a_time_in_the_coming_days():
    assert TIME.search("Could you write back to us in the coming days?")
    assert TIME.search("We will answer within the next few days.")
    assert not TIME.search("We had many busy days this year.")


def test_bad_news_announced_is_not_cold():
    assert EMPATHY.search("I have to share some bad news: the last mats were damaged.")
    assert EMPATHY.search("I'm afraid the last pieces did not pass our check.")
    assert not EMPATHY.search("The last pieces were damaged and thrown away.")


# 2. pressure in other words: scarcity and haste ("be quick", "only a few left", "gone by
#    tomorrow"), a choice demanded now, a price withdrawn as a threat; an honest time and a
#    plain stock note are left alone
PRESSURE = [
    ("idic-reply-customize",
     "Dear Ms Okafor, thank you for your message. You bought our jasmine green tea three times, "
     "so we think you will like the new jasmine pearl tea, $12.50 a tin. Be quick, only a few "
     "tins are left and they may be gone by tomorrow. Best regards, Lily"),
    ("rev-reply-out-of-stock",
     "Dear Mrs Haddad, thank you for your order. The prayer mats were damaged, so new stock comes "
     "on 18 May. You have to accept this new date today, and if you cancel you will never get "
     "this price again. Best regards, Lily"),
]
HONEST_TIME = (
    "rev-reply-out-of-stock",
    "Dear Mrs Haddad, thank you for your order, and we are sorry: the last prayer mats were "
    "damaged. New stock comes on 18 May and we ship within 2 days after that. Is this delay OK "
    "for you? If not, we cancel the order and refund you in full today. Best regards, Lily")


@pytest.mark.parametrize("exercise,text", PRESSURE)
def test_pressure_in_other_words_fails_the_tone(exercise, text):
    r = review(exercise, text)
    assert r.score <= RUBRIC.caps["tone"], r.to_dict()["caps"]


def test_an_honest_time_is_no_pressure():
    r = review(*HONEST_TIME)
    assert r.score >= 80 and "tone" not in {c["name"] for c in r.caps}, r.to_dict()["caps"]


# 3. a request put off with a word ("please first send ...", "please also send ...") still
#    asks; and the proof a small refund waits for may come after another thing asked for
ASKS_FIRST = [
    ("msg-reply-aftersale",
     "Dear Tom, sorry about the scratch on your lamp, it is our fault. We can give you $4 back. "
     "Please first send us your order number. Best regards, Grace"),
    ("msg-reply-aftersale",
     "Dear Tom, sorry about the scratch on your lamp. We can give you $4 back, is that OK? "
     "Please also send your order number. Best regards, Grace"),
]
TELLS_THE_NUMBER = (
    "Dear Tom, sorry about the scratch. We can give you $4 back for order 8012345678901234, is "
    "that OK? Please first tell us if you agree. Best regards, Grace")

PROOF_AFTER_ANOTHER_THING = [
    "Dear Ryan, we are sorry. Please send us the order number and a short video of the charger, "
    "then we will refund your $9 within 3 days. Best regards, Amy",
    "Dear Ryan, sorry! Kindly give us your address, the date and some photos of the charger "
    "first, before we refund the $9. Best regards, Amy",
]


@pytest.mark.parametrize("text", PROOF_AFTER_ANOTHER_THING)
def test_proof_asked_after_another_thing_holds_the_refund(text):
    r = review("comp-reply-dead-charger", text)
    assert any("photo or video" in c["en"] for c in r.caps), r.to_dict()["caps"]


def test_a_photo_asked_for_after_the_refund_is_left_alone():
    r = review("comp-reply-dead-charger",
               "Dear Ryan, we are sorry. We refund your $9 today and you do not need to send it "
               "back. If you like, send us a photo of the charger for our records. Best regards, Amy")
    assert not any("photo or video" in c["en"] for c in r.caps), r.to_dict()["caps"]


# 4. a reply for another case, read by what it does: one that does not answer this buyer but
#    does another case's job (its words, half of its moves, a right decision and a value of it)
#    is written for another case; and the first answer to a complaint that speaks of a later
#    step ("as agreed", a repair hoped "fixed") is written for another step
ANOTHER_CASE = [
    ("idic-reply-customize",
     "Dear Ms Okafor, we are sorry your parcel is late. It was shipped on 3 May with China Post, "
     "tracking number LX987654321CN. If it does not arrive in 7 days, we will resend it. Best "
     "regards, Lily"),
    ("msg-reply-presale",
     "Dear Emily, we are sorry, the dress is out of stock. New stock arrives on 20 May. Is this "
     "delay OK for you? If not, you can cancel the order. Best regards, Grace"),
    ("w08-assess-reply-umar",
     "Dear Umar, we are glad the local shop repaired your treadmill. The $80 is on its way to "
     "you as we promised. Best regards, Grace"),
    ("comp-reply-dead-charger",
     "Dear Ryan, we have refunded the $9 as agreed. Thank you for your patience. Best regards, "
     "Amy"),
]


SERVICE_OR_FIRST_ANSWER = [
    # service talk that answers nothing is not another case's reply (its own cap says so)
    ("idic-reply-customize",
     "Dear Ms Okafor, thank you for your message. We always do our best for our customers and "
     "we hope to serve you again soon. Best regards, Lily"),
    # the first answer, a repair hoped for: no later step
    ("w08-assess-reply-umar",
     "Dear Umar, we are sorry. Could a repair shop near you fix it? We will pay $80 of the "
     "repair. Is that OK? Best regards, Grace"),
]


def _met(name: str, cap_names: tuple, met: bool, replies) -> list:
    """A former test's (exercise, reply) cases, each with the caps it meets (or none of)."""
    return named_cases(name, [(ex, (ex, text, cap_names, met)) for ex, text in replies])


# sections 3 and 4: each reply with the caps it must meet, or must meet none of (ids: the
# former tests' names and parameters)
CAPS_MET = [
    # Tom never wrote his order number: the shop has it (the facts), so asking for it is the
    # small slip asks_known (brief 22f), not asks_again; either way the request is read
    *_met("a_request_put_off_with_a_word_still_asks_again", ("asks_known",), True, ASKS_FIRST),
    *named_cases("telling_the_order_number_is_not_asking_for_it", (
        "msg-reply-aftersale", TELLS_THE_NUMBER, ("asks_again", "asks_known"), False)),
    *_met("a_reply_doing_another_case_is_for_another_case", ("other_case",), True, ANOTHER_CASE),
    *_met("service_talk_and_a_first_answer_are_not_another_case", ("other_case",), False,
          SERVICE_OR_FIRST_ANSWER),
]


@pytest.mark.parametrize("exercise,text,cap_names,met", CAPS_MET)
def test_the_caps_the_reply_meets(exercise, text, cap_names, met):
    found = caps(exercise, text)
    assert all((name in found) == met for name in cap_names), found


# 5. a negation that takes back what the facts let the shop promise: the delivery time the task
#    gives "cannot be promised" (a bargaining task with its delivery days); the same words where
#    the task gives no such time (a late parcel) are an honest hedge
WITHDRAWN = [
    "Dear Jessica, thank you! Three speakers are $7.04 each, $21.12 in total, with a one-year "
    "warranty. Sorry, we cannot guarantee they will arrive before Christmas. Best regards, Grace",
    "Dear Jessica, three speakers cost $7.04 each, $21.12 in total. Shipping to Denver is slow "
    "now, so we can't be sure your speakers will reach you in time. Best regards, Grace",
]


def _takes_back_delivery(exercise: str, text: str) -> bool:
    return any("delivery time the task gives" in c["en"] for c in review(exercise, text).caps)


@pytest.mark.parametrize("text", WITHDRAWN)
def test_a_delivery_time_taken_back_is_a_wrong_decision(text):
    assert _takes_back_delivery("w06-assess-reply-jessica", text)
    assert review("w06-assess-reply-jessica", text).score <= RUBRIC.caps["wrong_decision"]


def test_the_delivery_time_promised_and_an_honest_hedge_are_left_alone():
    assert not _takes_back_delivery(
        "w06-assess-reply-jessica", "Dear Jessica, three speakers are $7.04 each, $21.12 in "
        "total, and they will arrive in Denver in 8 days, before Christmas. Best regards, Grace")
    assert not _takes_back_delivery(
        "rel-reply-late-delivery", "Dear Jessica, sorry for the wait. We cannot promise it will "
        "arrive by Friday, but if it is not there in 7 days we will resend it. Best regards, Lily")


# 6. a polite reply that takes a wrong decision and none of the right ones is held lower than
#    one that also does part of the job (the teachers gave the first 12-38)
def test_a_wrong_decision_with_no_right_one_is_held_lowest():
    meet = review("gen-reply-careful", "Dear Sir, thank you for your kind message. Of course we "
                  "can meet you tomorrow in our office. Our office address is 12 Huacheng Road, "
                  "Guangzhou. We look forward to it. Best regards, Kevin")
    refuse = review("rel-reply-late-delivery", "Dear Jessica, thank you for your message. We "
                    "are sorry, but we cannot resend or refund a parcel that has left our "
                    "warehouse. Please wait a little longer. Best regards, Lily")
    for r in (meet, refuse):
        assert "wrong_decision_only" in {c["name"] for c in r.caps}, r.to_dict()["caps"]
        assert r.score <= RUBRIC.caps["wrong_decision_only"]


def test_a_wrong_decision_beside_a_right_one_keeps_the_wrong_decision_cap():
    r = review("gen-reply-careful", "Dear Sir, thank you for your message. Please send us your "
               "company website and registration number, and tell us which models you need. Our "
               "office address is 12 Huacheng Road, Guangzhou. Best regards, Kevin")
    names = {c["name"] for c in r.caps}
    assert "wrong_decision" in names and "wrong_decision_only" not in names, r.to_dict()["caps"]


# 7. a size stated as "the right size is L" is the recommended size (the negation of the other
#    size in the same sentence, "L, not M", does not deny it); the buyer's own size is not
SIZE_STATED = [
    "Dear Emily, thank you. Our sizes are smaller, so for US 8 the right size is L, not M. "
    "Please check the size chart. Best regards, Grace",
    "Dear Emily, thank you for asking. The best size for you is L. We exchange it within 7 days "
    "if it does not fit. Best regards, Grace",
]


@pytest.mark.parametrize("text", SIZE_STATED)
def test_the_right_size_is_named(text):
    assert "a recommended size: " in found("msg-reply-presale", text)


def test_the_buyers_usual_size_is_not_the_recommendation():
    assert "a recommended size: " not in found(
        "msg-reply-presale", "Dear Emily, thank you. In the US your size is M, and our size "
        "chart shows the measurements. Best regards, Grace")


# 8. two sizes left to the buyer ("L or maybe XL", "order M and L and send one back") are no
#    recommendation; a size between two, or the sizes the shop has, are information
TWO_SIZES = [
    "Dear Emily, thank you for your question. Asian sizes are small, so you can take M or L, "
    "as you like. Please see the size chart. Best regards, Grace",
    "Dear Emily, thank you. Please order size L and XL, then keep the one that fits best. "
    "Best regards, Grace",
]


def _leaves_two_sizes(text: str) -> bool:
    return any("two sizes" in c["en"] for c in review("msg-reply-presale", text).caps)


@pytest.mark.parametrize("text", TWO_SIZES)
def test_two_sizes_left_to_the_buyer_are_no_choice(text):
    assert _leaves_two_sizes(text)


def test_a_size_between_two_is_information():
    text = ("Dear Emily, thank you. For US 8 you are between M and L on our chart, so we "
            "recommend size L. Best regards, Grace")
    assert not _leaves_two_sizes(text)
    assert "a recommended size: " in found("msg-reply-presale", text)
