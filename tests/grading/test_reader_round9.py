"""Misjudgements the ninth notebook readers (issue 28) met, each a general rule shown on lines
of its own: two lines it must read and a nearby line it must leave alone (brief 22s).

1. A push taken back by the words that govern it ("No need to decide now.", "you don't have to
   decide now", "You do not need to pay today") presses no one: not a tone fault, not a wrong
   decision; and "There is no hurry" leaves the choice to the customer.
2. An old price the task does not give, set against the price offered ("was $30, now only
   $18!"), is a made-up discount (a wrong decision of the promotion situations).
3. The buyer's use named with a word of two parts ("good for a two-day hike") links the product
   to the need; a new-arrival message needs a way to say no to such news, and "if you would
   like one" is none; thanks that count what she bought ("for your 8 coffee mugs") say why she
   hears about the new product; "you like the knife set" uses what we know of her.
4. A whole letter a word or two under the task's fewest words is not brief.
5. "Warm wishes," closes a letter, on its own line or run on at the end of the last one.
6. A holding reply that states the answer it waits for (the material, no test report) makes it
   up (a wrong decision with the cap of a reply without the right one, 50).
"""
from __future__ import annotations

import pytest
from support import caps, named_cases, review

_PRESSED = {"tone", "wrong_decision"}


def found(exercise: str, text: str) -> str:
    """The content criterion's found moves, as one lower-case line."""
    return " | ".join(map(str, review(exercise, text).criterion("content").found)).lower()


CHOICE = "leaves the choice to the customer"

# (exercise, line, whether it presses the buyer, whether it leaves the choice to the buyer)
PUSHES = [
    *named_cases("a_push_taken_back_presses_no_one", [
        ("no_need", ("promo-reply-offer", "The price holds until 30 November. No need to decide "
                     "now.", False, True)),
        ("dont_have_to", ("w10-reply-offer", "Please take your time; you don't have to decide "
                          "now.", False, True)),
        ("order", ("promo-reply-offer", "You do not need to order today.", False, True)),
        ("hurry", ("promo-reply-offer", "There is no hurry.", False, True))]),
    *named_cases("a_push_left_alone", [
        # a negation that does not govern the push ("miss") leaves it a push
        ("miss", ("promo-reply-offer", "Do not miss it: decide now.", True, False)),
        # a deadline is no push, and leaves no choice either
        ("deadline", ("promo-reply-offer", "You have to decide by 30 November.", False, False))]),
]


@pytest.mark.parametrize("exercise,line,pressed,choice", PUSHES)
def test_a_push_is_read_with_its_negation(exercise, line, pressed, choice):
    assert bool(caps(exercise, line) & _PRESSED) == pressed
    assert (CHOICE in found(exercise, line)) == choice


# (exercise, line, whether the reply makes up a discount)
OLD_PRICES = [
    *named_cases("an_old_price_the_task_does_not_give_is_made_up", [
        ("was", ("w10-reply-new-arrival", "Our new gift set was $30, now only $18!", True)),
        ("instead", ("promo-reply-new-arrival", "The new cork yoga block is $9 instead of $15.",
                     True))]),
    *named_cases("an_old_price_left_alone", [
        # another price in another sentence: what her last order cost
        ("her_order", ("promo-reply-new-arrival", "The cork yoga block costs $9. Your last mat "
                       "was $25.", False)),
        # the old price that the task's 10% gives from the price offered
        ("from_discount", ("w10-reply-holiday", "Happy Thanksgiving! Our mugs are 10% off until "
                           "30 November: $18 instead of $20.", False))]),
]


@pytest.mark.parametrize("exercise,line,made_up", OLD_PRICES)
def test_an_old_price_is_a_made_up_discount_only_where_the_task_gives_none(exercise, line,
                                                                           made_up):
    said = " ".join(map(str, review(exercise, line).criterion("content").missing))
    assert ("made-up discount" in said) == made_up


# 3. the buyer's use named with a word of two parts ("a two-day hike", "a 3-day trip") links
#    the product to the need (lesson 10's Carlos, who hikes for two days); a new-arrival
#    message gives her a way to say no to such news ("if you would like one" is a next step)
NEED, OPT_OUT = "links it to the buyer's stated need", "leaves the choice to the customer"
WHY = "says why this customer hears about it"
KNOWN, _CHLOE = "uses what you know about this customer", "w02-reply-chloe"
_RECOMMEND, _NEW = "promo-reply-recommend", "w10-reply-new-arrival"
# (exercise, line, move, whether the move is read)
MOVES_READ = [
    *named_cases("the_use_named_links_the_need", [
        ("hike", (_RECOMMEND, "It is very light, so it is good for a two-day hike.", NEED, True)),
        ("trip", (_RECOMMEND, "Two full charges are enough for a 3-day trip.", NEED, True))]),
    # a word of two parts that names no use of the buyer's
    *named_cases("no_use_named_left_alone", (
        _RECOMMEND, "It is good for a long-lasting charge.", NEED, False)),
    *named_cases("a_way_to_say_no_to_such_news", [
        ("rather", (_NEW, "If you would rather not get such news, tell us.", OPT_OUT, True)),
        ("fewer", (_NEW, "Reply 'stop' and you will get no more messages from us.", OPT_OUT,
                   True))]),
    *named_cases("a_next_step_is_no_way_to_say_no", (
        _NEW, "If you would like one, reply and we ship it in 2 days.", OPT_OUT, False)),
    # thanks that name what she bought by its number say why she hears from us (the ninth
    # student reader's "Thank you for your 8 coffee mugs"); thanks for two messages do not
    *named_cases("thanks_for_the_goods_counted_say_why", [
        ("mugs", (_NEW, "Thank you for your 8 coffee mugs in September.", WHY, True)),
        ("cushions", (_NEW, "We thank you for the two cushions.", WHY, True))]),
    *named_cases("thanks_for_messages_left_alone", (
        _NEW, "Thank you for your 2 messages.", WHY, False)),
    # what she likes of what she bought is what we know of her; "if you like" is a choice
    *named_cases("what_she_likes_is_what_we_know", [
        ("like", (_CHLOE, "I am happy you like the knife set.", KNOWN, True)),
        ("love", (_CHLOE, "We are glad you really love your knives.", KNOWN, True))]),
    *named_cases("if_you_like_left_alone", (
        _CHLOE, "If you like the board, we ship it tomorrow.", KNOWN, False)),
]


@pytest.mark.parametrize("exercise,line,move,read", MOVES_READ)
def test_the_move_is_read_or_left_alone(exercise, line, move, read):
    assert (move in found(exercise, line)) == read


# 4. a whole letter (greeting, thanks, next step, closing) a word or two under the task's fewest
#    words is not brief (W02 Ashley: 30-110 words since brief 22d, a chat message; it was 40-140
#    and these letters 39, 38 and 35 words; RUBRIC.whole_letter_share)
def _ashley(body: str) -> str:
    return f"Dear Ashley,\n\n{body} It is warm and costs $12.90. Tell us a colour and we ship in 2 " \
           "days.\n\nBest regards,\nMia"


WHOLE_LETTERS = [
    *named_cases("a_whole_letter_just_under_the_range_is_not_brief", [
        ("29", (_ashley("Thanks for your orders! Try our knitted beanie."), 29, False)),
        ("28", (_ashley("Thanks for your orders! Try our beanie."), 28, False))]),
    *named_cases("a_whole_letter_further_under_is_brief", (
        "Dear Ashley,\n\nThanks for your three orders! Our knitted beanie goes with your silk "
        "scarf, $12.90. We ship in 2 days.\n\nBest regards,\nMia", 24, True)),
]


@pytest.mark.parametrize("text,words,brief", WHOLE_LETTERS)
def test_a_whole_letter_just_under_the_range_is_not_brief(text, words, brief):
    ashley = "w02-check-reply-ashley"
    assert f"Length: {words} words" in " ".join(a["en"] for a in review(ashley, text).advice)
    assert ("brief" in caps(ashley, text)) == brief


# 5. "Warm wishes," closes a letter, run on at the end of its last line too ("... 30 November.
#    Warm wishes, Lily") and with "With" before it
_DAVIS = ("Dear Ms Davis,\n\nHappy Thanksgiving to you and your family! Thank you for choosing our "
          "mugs this summer. Our mugs are 10% off for you until 30 November.")
CLOSINGS = [
    *named_cases("warm_wishes_close_the_letter", [
        ("run_on", (_DAVIS + " Warm wishes, Lily", True)),
        ("with", (_DAVIS + "\n\nWith warm wishes,\nLily", True))]),
    # wishes inside the body are no closing
    *named_cases("wishes_in_the_body_left_alone", (
        _DAVIS + " We send you warm wishes for the holiday.", False)),
]


@pytest.mark.parametrize("text,closed", CLOSINGS)
def test_warm_wishes_close_a_letter(text, closed):
    parts = " ".join(map(str, review("w10-reply-holiday", text).criterion("structure").found))
    assert ("closing:" in parts) == closed


# 6. a holding reply does not give the answer it waits for (W04 Marek: the factory has not
#    answered about the material and the test report yet)
def _marek(line: str) -> str:
    return (f"Dear Marek,\n\nThank you for your message, we have received it. {line} You will "
            "have the full answer within 3 days.\n\nBest regards,\nMia")


HOLDING = [
    *named_cases("the_awaited_answer_given_is_made_up", [
        ("material", (_marek("The material is polyester and we do not have a test report."),
                      True)),
        ("made_of", (_marek("The raincoats are made of nylon."), True))]),
    # the question passed on to the factory is no answer
    *named_cases("the_question_passed_on_left_alone", (
        _marek("We are asking the factory what the material is made of."), False)),
]


@pytest.mark.parametrize("text,answered", HOLDING)
def test_a_holding_reply_does_not_give_the_awaited_answer(text, answered):
    said = " ".join(map(str, review("w04-reply-marek", text).criterion("content").missing))
    assert ("the answer it is still waiting for" in said) == answered
