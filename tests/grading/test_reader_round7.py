"""Decisions the seventh notebook readers (issue 28) met, each a general rule shown on lines of
its own: lines it must catch and a line it must leave alone.

- W08: the situation's wrong decisions apply inside the role-play graph. A turn that gives the
  small-amount remedy to a repairable machine (a new one free, the whole price back) takes the
  wrong decision ``gives_in_full``, goes to the graph's bad end and the feedback names it; the
  same holds for the other role-plays' situations.
- Lesson 10: a shipping cut-off with a clock time ("order today before 5 pm and we ship it
  tomorrow") is the next step with a time, not pressure; pressure with "before" ("order today
  before the price goes up"), "only today" and "buy more now" is still caught.
- W01: asking for the order number the buyer never wrote (the facts panel shows it: the shop
  has it) is a small slip (``asks_known``, cap 75) with its own advice; asking for what the
  buyer gave (her size, an order number in her message, the address of a shipped order) is
  still asking again (cap 50).
- W07: where the small-amount rule gives a refund, a replacement in its place is a wrong
  decision (``replaces_instead``), named; a reply of a few English words (under a quarter of
  the task's fewest) is not a reply yet (``few_words``, cap 20: "Hi Farid, sorry. Refund. Lily"
  got 46, a teacher gives 15-20).
"""
import pytest
from support import course_bank, named_cases

from course.writing.dialogue import bad_end

BANK = course_bank()

SOPHIE_1 = ("Dear Sophie, thank you for telling us and we are very sorry. Could you send a "
            "short video?")
SOPHIE_3 = "Thank you for your understanding. We have sent the $40 refund today."


def _sophie(turn_2):
    return BANK["w08-roleplay-sophie"].grade([SOPHIE_1, turn_2, SOPHIE_3])


@pytest.mark.parametrize("turn_2", [
    "Thank you. We will ship you a brand new sewing machine at our cost within 3 days. Is that "
    "all right?",
    "Thank you for the video. We can refund the whole price, and you keep the machine. Would "
    "that be OK?",
])
def test_the_small_amount_remedy_for_a_repairable_machine_ends_badly_and_is_named(turn_2):
    ex = BANK["w08-roleplay-sophie"]
    grade = _sophie(turn_2)
    run = ex.conversation([SOPHIE_1, turn_2, SOPHIE_3])
    assert run["outcome"] == "bad" and not grade.correct and grade.score <= 0.40
    assert "a new item or the whole price back" in grade.feedback.en
    assert "寄新品或全额退款" in grade.feedback.zh


def test_the_repair_with_a_fallback_and_no_return_is_left_alone():
    """A full refund offered only if the repair fails is the lesson's next step; "you do not
    need to send it back" fits a local repair (the machine stays with her)."""
    grade = _sophie("Thank you. Could a shop near you repair it? We will refund $40 for the "
                    "repair, or refund you in full if the shop cannot fix it, and you do not "
                    "need to send it back. Is that acceptable? The money comes within 24 hours.")
    assert grade.correct and grade.score >= 0.9, grade.feedback.en


# a line taking one of each role-play situation's wrong decisions (their lesson's rule)
WRONG_IN = {
    "return": "Please send it back at your own cost first.",
    "suspicious_inquiry": "We can meet you tomorrow; our office address is at 5 Long Road.",
    "logistics_delay": "Please contact China Post yourself and open a claim.",
    "quality_repair": "We will refund you in full.",
}


@pytest.mark.parametrize("exercise", sorted(ex.id for ex in BANK.values()
                                            if ex.type == "roleplay"))
def test_every_role_play_ends_badly_on_its_situations_wrong_decision(exercise):
    ex = BANK[exercise]
    models = [t["model"] if isinstance(t["model"], str) else t["model"]["en"]
              for t in (ex.turns[tid] for tid in ex.model_path[:-1])]
    assert ex.grade(models).correct  # the model path itself still ends well
    assert bad_end(ex.turns) is not None
    for i in range(len(models)):
        replies = list(models)
        replies[i] = replies[i].replace("Best regards", WRONG_IN[ex.situation] + "\n\nBest "
                                        "regards")
        run = ex.conversation(replies)
        assert "wrong_decision" in run["transcript"][i]["moves"], (exercise, i)
        assert run["outcome"] == "bad", (exercise, i)


RIVERA = ("Dear Ms Rivera,\n\nThank you for your question. I recommend the PowerGo Lite: it "
          "weighs only 180 g, so your bag stays light, and its 10000 mAh charge your phone about "
          "two times. It costs $24. {x}\n\nBest regards,\nLily")


ETHAN = ("Dear Mr Anderson,\n\nHappy Thanksgiving to you and your family! Thank you for "
         "choosing our coffee mugs in September. Our mugs are 10% off until 31 October{x}"
         "\n\nBest regards,\nLily")


def test_a_greeting_that_says_buy_more_now_pushes():
    greeting = BANK["w10-assess-reply-greeting"]
    for push in (", so buy more now.", ". Buy some today!"):
        review = greeting.review(ETHAN.format(x=push))
        assert review.score <= 55 and "'buy" in str(review).lower(), str(review)
    assert greeting.review(ETHAN.format(x=", if you would like one more.")).score >= 80


def test_asking_for_the_order_number_the_shop_has_is_a_small_slip():
    tom = ("Dear Tom,\n\nThank you for your message, and we are very sorry about the scratch on "
           "your desk lamp; this is our responsibility. Could you tell us your order number? "
           "We would like to give you $4 as compensation. Is that acceptable? We will send it "
           "within 24 hours of your answer.\n\nBest regards,\nGrace")
    vera = ("Dear Vera,\n\nThank you for your patience, and sorry for the wait. The last "
            "knitted beanies were damaged in our final check. Our supplier restocks on 18 April "
            "and we will ship yours that day. Could you please send me your order number? If "
            "the wait is too long, we can cancel and refund you in full.\n\nBest regards,"
            "\nGrace")
    for exercise, text in (("msg-reply-aftersale", tom), ("w07-reply-vera", vera)):
        review = BANK[exercise].review(text)
        assert 65 <= review.score <= 75, (exercise, str(review))
        assert "You already have the order number: see the facts" in str(review)
        assert "订单号店铺已经有了" in str(review)


def test_asking_again_for_what_the_buyer_gave_is_still_capped_at_50():
    lena = BANK["w01-reply-lena"]
    text = ("Dear Lena,\n\nThank you for writing, and we are sorry the coat is not like the "
            "pictures. Could you send us a photo and your order number? You can return it at our "
            "cost and we will refund you in full within 3 days of receiving it.\n\nBest "
            "regards,\nMia")
    assert lena.review(text).score >= 65  # the shop's order number: a slip
    # the same question where her message gives the number: asking again
    from course.writing.reviewer import review_reply

    buyer = lena.buyer + "My order is 8538368561340605.\n"
    again = review_reply(text, lena.situation, facts=lena.facts, buyer_message=buyer,
                         words=lena.words)
    assert again.score <= 50 and "asks again" in str(again)
    # an address asked of a buyer whose parcel has shipped (the shop sent it there)
    jessica = BANK["rel-reply-late-delivery"]
    review = jessica.review("Dear Jessica,\n\nSorry your scarf is late. It was sent on 10 April "
                            "by China Post, tracking number LX123456789CN. Please send us your "
                            "full address so we can check. If it does not arrive in 7 days we "
                            "will resend it.\n\nBest regards,\nLily")
    assert review.score <= 50 and "asks again" in str(review)


KEYCHAIN = ("Dear Hamza,\n\nThank you for telling us, and we are very sorry that your keychain "
            "does not work; this is our responsibility. {x}\n\nBest regards,\nGrace")


def _filled(name, exercise, template, least, most, phrase, said, fills):
    """A former test's replies: ``template`` filled with each of its parameters."""
    return named_cases(name, [(x, (exercise, template.format(x=x), least, most, phrase, said))
                              for x in fills])


# each reply with the score range its review must keep (None: no bound) and a phrase the review
# must name (said) or must not; ids: the former tests' names and parameters
SCORED = [
    # Lesson 10: a shipping cut-off with a clock time is the next step with a time, not pressure;
    # pressure with "before" or "only today" is still caught
    *_filled("a_shipping_cut_off_is_a_next_step_not_pressure", "promo-reply-recommend", RIVERA,
             85, None, "pressure", False, (
                 "Order it today before 4 pm and it leaves our warehouse tomorrow.",
                 "When you order now before 16:00, we ship it the same day.")),
    *_filled("pressure_with_before_or_only_today_is_still_caught", "promo-reply-recommend",
             RIVERA, None, 40, "pressure or scarcity", True, (
                 "Order today before the price goes up.",
                 "This price is only for today.",
                 "Order now before 5 pm, last chance!")),
    # W07: a replacement where the small-amount rule gives a refund is a named wrong decision;
    # the refund with a replacement as her choice is left alone
    *_filled("a_replacement_in_place_of_the_small_refund_is_a_named_wrong_decision",
             "w07-reply-keychain", KEYCHAIN, None, 40,
             "sends a replacement where the small-amount rule gives a refund", True, (
                 "We will resend a new keychain to you within 5 days.",
                 "We can replace it for free; the new one leaves our warehouse tomorrow.")),
    *named_cases("the_refund_with_a_replacement_as_her_choice_is_left_alone", (
        "w07-reply-keychain", KEYCHAIN.format(
            x="We have refunded the full $20, and you do not need to send it back; if you would "
              "rather have a new one, we can send it instead. The money arrives within 3 days."),
        80, None, "replacement", False)),
    # a few English words are not a reply yet; a short reply that gives the amount is (13 words
    # on a 30-word task, over a quarter: the set-5 teacher gave such a reply 63)
    *_filled("a_few_words_are_not_a_reply_yet", "w07-reply-keychain", "{x}", None, 20,
             "not a reply yet", True, ("Hi Hamza, so sorry. Full refund. Grace",
                                       "Sorry, refund today. Grace")),
    *named_cases("a_short_reply_that_gives_the_amount_is_not_a_few_words", (
        "comp-reply-dead-charger",
        "Ryan, we will refund $9 to you today. You can keep the charger. Amy",
        55, 70, "not a reply yet", False)),
]


@pytest.mark.parametrize("exercise,text,least,most,phrase,said", SCORED)
def test_the_review_keeps_its_score_range_and_names_the_rule(exercise, text, least, most, phrase,
                                                            said):
    review = BANK[exercise].review(text)
    assert least is None or review.score >= least, str(review)
    assert most is None or review.score <= most, str(review)
    assert (phrase in str(review)) == said, str(review)
