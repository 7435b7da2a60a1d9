"""Misjudgements the thirteenth notebook readers (issue 28) met, each a general rule shown on
lines of its own: the reader's line, one of ours, and a nearby line it must leave alone
(brief 22rp). The twelfth teacher reader's W08 lines are here too.

1. W08's role-play fails plain B1 wording that makes every move: money sent back is the refund
   ("money is sent today"); a question without "do" or with "sound" asks whether the offer is
   acceptable ("You agree?", "Does that sound fair?"); "take a video and send it to us" sends
   the video, not the machine; "we cover it with $40" is an offer. Each neutral ending says
   what was missing instead of "it took more messages than it should".
2. W10: a plain opt-out ("Don't want such messages? Just say so.") leaves the choice.
3. W10 and lesson 10: a personal touch in a sentence of its own ("Thank you for buying two
   coffee mugs from us in September", "a nice holiday with family"); why the product fits
   without "because" ("two phone charges and very light"); "Have a good trip! Lily" closes.
"""
from __future__ import annotations

import pytest
from support import course_bank, letter, named_cases, review

from course.writing.moves import moves_in

_FACTS = {"partial_refund": 40}


def _moves(text):
    return moves_in(text, _FACTS, "quality_repair")


# (a reply to Sophie, the move, whether the reply makes it)
MOVES = [
    *named_cases("money_sent_back_is_the_refund", [
        ("reader", ("Thank you, money is sent today, arrive in 3 days.", "offer_refund", True)),
        ("ours", ("Thank you. We sent the money back to your PayPal today.", "offer_refund",
                  True))]),
    *named_cases("a_blaming_turn_left_alone", (
        "You used it wrong, so no money is sent.", "offer_refund", False)),
    *named_cases("a_question_without_do_asks_if_acceptable", [
        ("reader", ("We can refund 40 dollars if local shop repair it. You agree?",
                    "ask_acceptable", True)),
        ("reader12", ("How about you have it repaired nearby and we cover it with $40? Does "
                      "that sound fair?", "ask_acceptable", True)),
        ("ours", ("A local shop can fix it and we pay $40. You accept this?", "ask_acceptable",
                  True))]),
    *named_cases("an_order_is_no_question", (
        "We pay $40 for a local repair. You must agree.", "ask_acceptable", False)),
    *named_cases("covering_the_repair_with_money_is_an_offer", [
        ("reader12", ("How about you have it repaired nearby and we cover it with $40?",
                      "offer_solution", True)),
        ("ours", ("We will cover the repair with 40 dollars.", "offer_solution", True))]),
    *named_cases("the_video_sent_is_no_return", [
        ("reader12", ("Please take a video and send it to us.", "wrong_decision", False)),
        ("make", ("Could you make a video of the machine and send it to us?", "wrong_decision",
                  False)),
        ("ours", ("Please take two photos and send them to us.", "wrong_decision", False))]),
    *named_cases("a_real_return_request_left_alone", [
        ("back", ("Please take a video and send it back to us.", "wrong_decision", True)),
        ("machine", ("Please take a video. Then send the machine to us.", "wrong_decision",
                     True))]),
]


@pytest.mark.parametrize("text,move,made", MOVES)
def test_plain_b1_wording_makes_the_move(text, move, made):
    assert (move in _moves(text)) == made, sorted(_moves(text))


_T1 = "Dear Sophie, thank you for telling us and we are very sorry. Could you send a short video?"
_T2 = "Thank you. Would you agree to a local repair? We will refund $40 within 24 hours."
_T3 = "Thank you for your understanding. We have sent the $40 refund today."
# (three replies, whether the run passes with a good ending)
RUNS = [
    *named_cases("the_reader_s_runs_pass", [
        ("money", ([_T1, "Thank you for the video. We can pay $40 for local shop repair. Do you "
                    "agree? We send in 24 hours.", "Thank you, money is sent today, arrive in 3 "
                    "days."], True)),
        ("you_agree", ([_T1, "Thank you for video. We can refund 40 dollars if local shop "
                        "repair it. You agree?", _T3], True)),
        ("video", (["Dear Sophie, thank you and we are very sorry. Please take a video and send "
                    "it to us.", _T2, _T3], True)),
        ("sound_fair", ([_T1, "How about you have it repaired nearby and we cover it with $40? "
                         "Does that sound fair?", _T3], True))]),
    *named_cases("a_blaming_run_left_alone", (
        ["It worked when we shipped it. You must have used it wrong.", "No refund."], False)),
]


@pytest.mark.parametrize("replies,passes", RUNS)
def test_the_role_play_passes_plain_b1_runs(replies, passes):
    result = course_bank()["w08-roleplay-sophie"].grade(replies)
    assert result.correct == passes, result.feedback.en


# (three replies, words the neutral ending must hold: what was missing)
NEUTRAL = [
    *named_cases("the_neutral_end_says_what_was_missing", [
        ("not_asked", ([_T1, "Thank you. We pay $40 for a local repair.", _T3], "without asking")),
        ("no_time", ([_T1, _T2, "Thank you, we sent the refund."], "when")),
        ("no_money", ([_T1, _T2, "Thank you for your understanding. Have a nice day."],
                      "sent the 40 dollars")),
        ("no_sorry", (["Dear Sophie, could you send a video?", "We are truly sorry. We will "
                       "refund $40 for a local repair.", _T3], "sorry"))]),
]


@pytest.mark.parametrize("replies,words", NEUTRAL)
def test_a_neutral_end_names_what_was_missing(replies, words):
    exercise = course_bank()["w08-roleplay-sophie"]
    run = exercise.conversation(replies)
    assert run["outcome"] == "neutral", run["end"]
    assert words in run["final"] and "more messages" not in run["final"], run["final"]


_NEW = ("Thank you for your order of eight coffee mugs in September. Our new ceramic mug gift "
        "set has arrived, and it costs $18. I can send you photos tomorrow if you like. {}")
# (reply body to Ms Hall, whether it leaves the choice)
OPT_OUT = [
    *named_cases("a_plain_opt_out_leaves_the_choice", [
        ("reader", (_NEW.format("Don't want such messages? Just say so."), True)),
        ("ours", (_NEW.format("Don't like these emails? Just reply no."), True))]),
    *named_cases("a_reply_with_no_opt_out_left_alone", (_NEW.format(""), False)),
]


@pytest.mark.parametrize("body,choice", OPT_OUT)
def test_a_plain_opt_out_leaves_the_choice(body, choice):
    r = review("w10-reply-new-arrival", letter("Ms Hall", body, "Lily"))
    missing = " ".join(r.criterion("content").missing)
    assert ("leaves the choice" not in missing) == choice, missing
    if choice:
        assert r.score >= 95, r.score


_GREET = "Happy Thanksgiving! {} Our mugs are 10% off for you until 31 October."
# (greeting body to Mr Anderson, whether it has a personal touch)
PERSONAL = [
    *named_cases("a_personal_touch_in_its_own_sentence", [
        ("reader", (_GREET.format("Thank you for buying two coffee mugs from us in September. "
                                  "We wish you a nice holiday with family."), True)),
        ("ours", (_GREET.format("Thank you for ordering our mugs last month."), True)),
        ("family", (_GREET.format("Thank you for your support. Enjoy the day with the kids."),
                    True))]),
    *named_cases("a_greeting_with_no_personal_line_left_alone", (
        _GREET.format("Thank you for your support."), False)),
]


@pytest.mark.parametrize("body,personal", PERSONAL)
def test_a_personal_touch_counts_wherever_it_sits(body, personal):
    r = review("w10-assess-reply-greeting", letter("Mr Anderson", body, "Lily"))
    missing = " ".join(r.criterion("content").missing)
    assert ("a personal touch" not in missing) == personal, missing


_REC = "Thank you for your question. {} It costs $24. We can ship it within 24 hours."
# (reply body to Carlos, whether it says why the product fits)
REASON = [
    *named_cases("why_it_fits_without_because", [
        ("reader", (_REC.format("For two days hiking the PowerGo Lite is best: two phone "
                                "charges and very light."), True)),
        ("ours", (_REC.format("The PowerGo Lite is right for you: 3 full charges, so small."),
                  True))]),
    *named_cases("a_bare_recommendation_left_alone", (
        _REC.format("We recommend the PowerGo Lite."), False)),
]


@pytest.mark.parametrize("body,reason", REASON)
def test_why_it_fits_without_because(body, reason):
    r = review("promo-reply-recommend", letter("Carlos", body, "Lily"))
    missing = " ".join(r.criterion("content").missing)
    assert ("says why it fits" not in missing) == reason, missing


_CARLOS = ("Dear Carlos,\n\nThank you for your question. For your two-day hike we recommend the "
           "PowerGo Lite, because it gives two phone charges and weighs only 180 g. It costs $24. "
           "We can ship it within 24 hours.\n\n{}")
# (the end of the reply, whether it is a closing)
CLOSINGS = [
    *named_cases("a_wish_for_the_trip_closes", [
        ("reader", (_CARLOS.format("Have a good trip!\nLily"), True)),
        ("ours", (_CARLOS.format("Enjoy your hike!\nLily"), True))]),
    *named_cases("a_bare_name_left_alone", (_CARLOS.format("Lily"), False)),
]


@pytest.mark.parametrize("text,closes", CLOSINGS)
def test_a_wish_for_the_trip_is_a_closing(text, closes):
    missing = review("promo-reply-recommend", text).criterion("structure").missing
    assert ("closing" not in missing) == closes, missing
