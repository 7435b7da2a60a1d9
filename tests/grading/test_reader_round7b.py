"""Feedback lines the seventh notebook readers found false (issue 22 / 28, brief 22g).

A false line ("Missing: asks for the buyer's answer" under "Let me know.") is worse than a low
score: the student argues with it. Each cause is fixed by a general rule, shown here on lines
written for this test (in no scored set): lines it must read and a nearby line it must leave
alone."""
from __future__ import annotations

import pytest
from support import advice, letter, named_cases, review

# The advice a reply is given, or not, for the rules below. Each reply is a template filled
# with a former test's parameter (or with one line, for a test that had none).
ASKS_ANSWER = "Missing: asks for the buyer's answer"
NEXT_STEP = "Say what happens next and when"
CLOSING = "End with a friendly closing"
TALK = "Missing: invites the buyer to talk further"
DISCOUNT = "Missing: the real discount"
WHY = "Missing: why this customer gets it"
PERSONAL = "Missing: a personal touch"
PROCESS = "Missing: offers the normal way"
GRAMMAR_S = "third person singular needs -s"

_UMAR = ("Thank you for your message, and we are very sorry that your treadmill has a fault. "
         "Could a repair shop near you fix it? We can refund $80 of the price to cover the "
         "repair, or send a new belt if the shop cannot fix it. ")
UMAR = letter("Umar", _UMAR + "{}")
SERVICE_TALK = "If you have any questions, please let us know."
INES = ("Dear Ines, thank you for your message and sorry for the small mark on your pen set, "
        "this is our responsibility. Could we offer you $4 as a partial compensation? Please "
        "tell me if this works for you. {}")
DUBAI = letter("Mr Al-Mansouri", "Thank you for your message. For your family we give a special "
               "price: $6.50 for one speaker, $65 for ten. Delivery to Dubai takes 9 days. {}")
_TAN = "Thank you for your message. {why}The PowerGo Lite is {prices} until 30 November. "
TAN_PRICES = letter("Mr Tan", _TAN.format(why="", prices="{}"), "Lily")
TAN_WHY = "Dear Mr Tan, {}The PowerGo Lite is 15% off until 30 November."
GREETING = letter("Mr Anderson", "Happy Thanksgiving! {} Our mugs are 10% off for you until 31 "
                  "October.", "Lily")
FARID = letter("Farid", "Thank you for your interest. Please send us your company website and "
               "business registration, and tell us which models you need. {}")
CARLOS = letter("Carlos", "Thank you for your question. The PowerGo Lite is good for you because "
                "{}. It costs $24, and if you order by Friday, we ship it within 24 hours.", "Lily")


def _told(name, exercise, template, line, given, fills):
    """A former test's cases: ``template`` filled with each of its parameters ``fills`` (ids
    ``name-<parameter>``), or with the one text ``fills`` of a test that had none (id ``name``)."""
    if isinstance(fills, str):
        return named_cases(name, (exercise, template.format(fills), line, given))
    return named_cases(name, [(f, (exercise, template.format(f), line, given)) for f in fills])


UMAR_ID, DUBAI_ID, TAN_ID = "w08-assess-reply-umar", "w06-reply-dubai", "promo-reply-offer"
ADVICE = [
    # 1. "Let me know." asks for the buyer's answer; "if you have any questions, let us know"
    #    does not (it is service talk)
    *_told("a_few_words_ask_for_the_buyers_answer", UMAR_ID, UMAR, ASKS_ANSWER, False, (
        "Let me know.", "Tell me which you prefer.", "Please let us know!")),
    *_told("service_talk_does_not_ask_for_the_answer", UMAR_ID, UMAR, ASKS_ANSWER, True,
           SERVICE_TALK),
    # 2. a reply that waits for the buyer's choice has its next step (the buyer's answer)
    *_told("a_reply_waiting_for_the_choice_is_not_told_to_say_what_happens_next", UMAR_ID, UMAR,
           NEXT_STEP, False, ("Please let us know.", "Which do you prefer?")),
    *_told("a_reply_that_waits_for_nothing_is_still_told", UMAR_ID, UMAR, NEXT_STEP, True,
           SERVICE_TALK),
    *_told("waiting_for_acceptance_in_other_words_has_its_next_step", UMAR_ID, UMAR, NEXT_STEP,
           False, "Please tell me if this works for you."),
    # 3. a wish with the agent's name, run into the last line, is a friendly closing
    *_told("a_wish_and_the_name_close_the_letter", "w07-assess-reply-ines", INES, CLOSING, False,
           ("Have a nice day, Lily", "Have a great weekend! Lily")),
    *_told("a_wish_inside_a_sentence_is_not_a_closing", "w07-assess-reply-ines", INES, CLOSING,
           True, "We hope you have a nice day with your new pens."),
    # 4. "feel free to talk with me" invites the buyer to talk further (W06 Dubai's required point)
    *_told("an_invitation_to_talk_in_other_words", DUBAI_ID, DUBAI, TALK, False, (
        "If you have any questions, please feel free to talk with me.",
        "You are always welcome to chat with us about the colours.")),
    *_told("no_invitation_is_still_missing", DUBAI_ID, DUBAI, TALK, True,
           "We will send the speakers as soon as you pay."),
    # 5. the discount said as two prices; why this customer said with "you often buy"
    *_told("two_prices_state_the_real_discount", TAN_ID, TAN_PRICES, DISCOUNT, False, (
        "now $20.40, before $24", "$20.40 instead of $24")),
    *_told("why_this_customer_in_plain_words", TAN_ID, TAN_WHY, WHY, False, (
        "Because you often buy our power banks, we give you a discount. ",
        "You always order from us, so this one is for you. ")),
    *_told("no_reason_is_still_missing", TAN_ID, "Dear Mr Tan, {}", WHY, True,
           "you can buy the PowerGo Lite 15% off until 30 November."),
    # 6. a hope about what they bought is a personal touch (W10 greeting)
    *_told("a_personal_touch_in_plain_words", "w10-assess-reply-greeting", GREETING, PERSONAL,
           False, ("We hope the mugs warm your mornings.",
                   "Thank you for your order in September.")),
    *_told("a_general_wish_is_not_personal", "w10-assess-reply-greeting", GREETING, PERSONAL,
           True, "We hope the holiday is good."),
    # 7. samples paid by the buyer, the cost returned with the first order: the normal process
    *_told("paid_samples_keep_the_normal_process", "w03-check-reply-farid", FARID, PROCESS,
           False, ("Samples are paid by the buyer and the cost is returned with the first order, "
                   "as usual.", "The sample is charged, and we deduct it from your first order.")),
    *_told("no_word_on_samples_is_still_missing", "w03-check-reply-farid", FARID, PROCESS, True,
           "We will answer you within 2 days."),
    # 9. the -s missed on a second verb of the same subject ("it is light and charge phone")
    *_told("a_second_verb_of_it_needs_the_s_too", "promo-reply-recommend", CARLOS, GRAMMAR_S,
           True, ("it is light (180 g) and charge phone two times",
                  "it weighs 180 g and fit in a small bag")),
    *_told("right_verbs_after_and_are_left_alone", "promo-reply-recommend", CARLOS, GRAMMAR_S,
           False, ("it is light and charges your phone twice", "it is easy to carry and charge")),
]


@pytest.mark.parametrize("exercise,text,line,given", ADVICE)
def test_the_advice_line_is_given_where_it_is_due(exercise, text, line, given):
    assert (line in advice(exercise, text)) == given, advice(exercise, text)


def review_found(exercise: str, text: str) -> str:
    """What the content criterion found, as one line."""
    return review(exercise, text).criterion("content").evidence


def test_one_price_or_a_wrong_one_does_not():
    one = letter("Mr Tan", _TAN.format(why="", prices="now $20.40"), "Lily")
    assert DISCOUNT in advice("promo-reply-offer", one)
    wrong = letter("Mr Tan", _TAN.format(why="", prices="now $20.40, before $28"), "Lily")
    assert "the real discount" not in review_found("promo-reply-offer", wrong)


# 8. the brief cap read against the task's own word range
def _cap_line(exercise: str, text: str) -> str:
    return " ".join(c["en"] for c in review(exercise, text).caps if c["name"] == "brief")


_HOLDING = ("Hi Anna, thank you for your mail. Our factory is checking the logo printing now. "
            "We will tell you the price within 3 days.")


def test_a_whole_short_letter_inside_a_short_tasks_range_is_not_brief():
    """A holding reply asks for 15-90 words: a whole letter of 27 words is inside it (it was
    capped at 80 by the 30-word floor of other tasks)."""
    text = _HOLDING + "\nBest regards, Mia"
    assert review("fol-reply-holding", text).score > 80
    assert _cap_line("fol-reply-holding", text) == ""


@pytest.mark.parametrize("exercise, text, lacking", [
    ("fol-reply-holding", "Hi Anna, thank you for your mail. Our factory is checking the logo "
     "printing. We will tell you the price within 3 days.\nMia", "closing"),
    ("w08-assess-reply-umar", letter("Umar", _UMAR + "Which do you prefer?").replace(
        "Thank you for your message, and we", "We"), "thanks")])
def test_a_short_reply_inside_the_range_is_told_what_it_lacks_not_that_it_is_brief(
        exercise, text, lacking):
    line = _cap_line(exercise, text)
    assert line.startswith("a letter with no ") and "inside this task's" in line, line
    assert f"with no {lacking}" in line and "brief" not in line, line


def test_a_reply_under_the_range_is_still_brief():
    text = letter("Umar", "Sorry! Could a repair shop fix it? We refund $80 for the repair. "
                  "Which do you prefer?")
    line = _cap_line("w08-assess-reply-umar", text)
    assert line.startswith("a brief reply (") and "under this task's 40" in line, line
    assert review("w08-assess-reply-umar", text).score <= 80
