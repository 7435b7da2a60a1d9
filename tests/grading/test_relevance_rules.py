"""Relevance rules of the reply reviewer (issue 22, brief 22a): a reply written for another buyer
or another step of the same shop scores as a teacher scores it (unacceptable), and the same
reply written for this buyer does not. Every reply here is our own variant, in no scored set."""
import pytest
from support import course_bank

BANK = course_bank()


def caps(review) -> set[str]:
    return {c["name"] for c in review.caps}


def cases(name, cap, bound, *replies):
    """One rule's cases as parameters: each (task, reply) with the cap the rule is about and the
    score bound, named after the rule and the task."""
    return [pytest.param(task, text, cap, bound, id=f"{name}-{task}") for task, text in replies]


# The replies a rule caps: the cap is met and the score is at most the bound.
CAPPED = [
    # ------------------------------------------------------------ another buyer's goods
    *cases("a_reply_about_goods_the_task_never_names_is_for_another_buyer", "other_case", 25, (
        "w07-assess-reply-ines",  # a pen set: this reply is about headphones
        "Dear Ines,\n\nWe are so sorry that your new headphones have a small mark. This is our "
        "responsibility. We would like to give you $4 back as compensation. Is that acceptable to "
        "you? The money will reach you within 3 days.\n\nBest regards,\nGrace"), (
        "msg-reply-presale",  # a summer dress: this reply is about running shoes
        "Dear Emily,\n\nThank you for your question about our running shoes. Our shoes are a little "
        "small, so we recommend size L for you. If they do not fit, you can exchange them within "
        "30 days.\n\nBest regards,\nGrace"), (
        "w01-check-reply-lucia",  # a scented candle: this reply is about a winter coat
        "Dear Lucia,\n\nWe are sorry that your winter coat is late. It was shipped on 23 March with "
        "YunExpress, tracking number YT2545280664805297. If it does not arrive within 7 days, we "
        "will send a new one.\n\nBest regards,\nMia")),
    # ------------------------------------------------------------ another step of the order
    *cases("a_reply_for_another_step_of_the_order_is_another_case", "other_case", 25, (
        "msg-reply-insale",  # the order is not paid
        "Dear Carlos,\n\nWe have received your payment, thank you! We will pack your yoga mat "
        "today and send you the tracking number tomorrow.\n\nBest regards,\nGrace"), (
        "rev-reply-out-of-stock",  # nothing has shipped
        "Dear Mrs Haddad,\n\nGood news: your 20 prayer mats have already been shipped and are on "
        "the way. They should arrive in about a week.\n\nBest regards,\nLily"), (
        "w04-reply-marek",  # a holding reply: the factory has not answered yet
        "Dear Marek,\n\nThank you for your mail. The raincoats cost 5 dollars each and a sample "
        "is free. We can send it next week.\n\nBest regards,\nMia")),
    *cases("a_greeting_for_another_holiday_is_for_another_case", "other_case", 25, (
        "w10-reply-holiday",
        "Dear Ms Davis,\n\nHappy Easter! We wish you and your family a lovely spring holiday. "
        "Thank you for your order this summer.\n\nBest regards,\nLily")),
    # ------------------------------------------------------------ made-up amounts
    *cases("an_amount_where_the_task_gives_none_is_made_up", "wrong_fact", 45, (
        "w01-reply-lena",  # a return: the task gives no sum of money
        "Dear Lena,\n\nWe are sorry the coat is not like the pictures. Could you send us two "
        "photos? Then we will refund you 35 dollars within 3 days.\n\nBest regards,\nMia"), (
        "rel-reply-late-delivery",
        "Dear Jessica,\n\nWe are sorry your scarf is late. It was shipped on 10 April by China "
        "Post, tracking number LX123456789CN. If it does not arrive in 7 days, we will refund "
        "you $25.\n\nBest regards,\nLily")),
    # ------------------------------------------------------------ asking again
    *cases("asking_for_what_the_buyer_gave_or_the_shop_knows_is_asking_again", "asks_again", 50, (
        "w08-reply-ali",  # he said it: white sent, walnut ordered
        "Dear Ali,\n\nWe are very sorry. Could you tell us what colour the table is and what colour "
        "you wanted? Then we will send you the right table within 5 days.\n\nBest regards,\nGrace"), (
        "w02-reply-chloe",  # the shop has her orders on file
        "Dear Chloé,\n\nThank you for your message! Could you tell us what you bought from us "
        "before, so that we can find something new for your kitchen?\n\nBest regards,\nMia"), (
        "msg-reply-aftersale",  # the order and the problem are known
        "Dear Tom,\n\nThank you for your message and sorry to hear that. Please tell us your order "
        "number and what exactly is wrong with it, and we will help you.\n\nBest regards,\nGrace")),
    # ------------------------------------------------------------ pressing for payment
    *cases("buy_now_in_a_payment_follow_up_presses_for_payment", "wrong_decision", 40, (
        "msg-reply-insale",
        "Dear Carlos,\n\nYour order 8066778899001122 for the yoga mat is waiting for payment. "
        "The 10% discount ends on Friday, so buy it now!\n\nBest regards,\nGrace")),
]

# Their neighbours, which the same rule leaves alone: the cap is not met (and, where a bound is
# given, the score is at least the bound).
NOT_CAPPED = [
    *cases("the_task_s_own_goods_or_close_goods_are_not_another_case", "other_case", None, (
        "w07-assess-reply-ines",  # the task's own goods, in the plural
        "Dear Ines,\n\nWe are so sorry that your new pens have a small mark. This is our "
        "responsibility. We would like to give you $4 back as compensation. Is that acceptable to "
        "you? The money will reach you within 3 days.\n\nBest regards,\nGrace"), (
        "fol-reply-real-answer",  # "cups" for the enamel mugs: close goods, not another buyer
        "Dear Anna,\n\nThank you for waiting. Printing your logo on the 200 cups costs $4.20 a "
        "cup, $840 in total, and it takes 15 days. Please send us your logo by Friday.\n\n"
        "Best regards,\nLily")),
    *cases("saying_the_step_has_not_happened_is_this_case", "other_case", None, (
        "msg-reply-insale",
        "Dear Carlos,\n\nWe see that your order 8066778899001122 for the yoga mat has not been "
        "paid yet. Is there a problem we can help with? If you changed your mind, we can cancel "
        "it. The 10% discount ends on Friday.\n\nBest regards,\nGrace"), (
        "rev-reply-out-of-stock",
        "Dear Mrs Haddad,\n\nWe are very sorry: your prayer mats have not been shipped yet, "
        "because the last ones were damaged when we checked them. New stock comes on 18 May. "
        "Can you wait, or would you like to cancel?\n\nBest regards,\nLily")),
    *cases("conditions_and_neighbouring_facts_are_not_another_step", "other_case", 60, (
        # a condition claims nothing: "once you have paid"
        "msg-reply-insale",
        "Dear Carlos,\n\nWe see that your order 8066778899001122 for the yoga mat is not paid yet. "
        "Is there anything we can help with? Once your payment has been received, we ship it the "
        "same day. If you changed your mind, we can cancel it.\n\nBest regards,\nGrace"), (
        # new stock on its way is not the order shipped
        "w07-reply-vera",
        "Dear Vera,\n\nWe are sorry: your knitted beanie has not shipped because the last ones were "
        "damaged in the final check. New stock is on its way and arrives on 18 April. Can you wait, "
        "or would you like to cancel?\n\nBest regards,\nGrace"), (
        # a holding reply may say how long the answer takes
        "w04-reply-marek",
        "Dear Marek,\n\nThank you, we have received your mail. Our factory is checking the material, "
        "the test report and the sample now; it takes 3 days at most, and we will answer you by "
        "then.\n\nBest regards,\nMia")),
    *cases("a_coupon_is_an_offer_not_a_made_up_amount", "wrong_fact", None, (
        "w01-reply-lena",
        "Dear Lena,\n\nWe are very sorry the coat is not like the pictures. Could you send us two "
        "photos? Then we will refund you in full within 3 days, and we add a $5 coupon for your "
        "trouble.\n\nBest regards,\nMia")),
    *cases("offering_a_colour_choice_is_not_asking_again", "asks_again", None, (
        "w08-reply-ali",
        "Dear Ali,\n\nWe are very sorry that we sent a white table instead of the walnut one; it "
        "is our mistake. We will send you the walnut table within 5 days, and you do not need to "
        "send the white one back. Would you prefer a refund instead?\n\nBest regards,\nGrace")),
    *cases("a_reply_that_names_the_right_product_answers_in_any_words", "no_answer", 80, (
        "promo-reply-recommend",
        "Dear Carlos,\n\nHave a great hike! The PowerGo Lite is the one for two days: two full "
        "phone charges, and only 180 g in your bag. It costs $24, and if you order by Friday we "
        "ship it within 24 hours.\n\nBest regards,\nLily")),
]


@pytest.mark.parametrize("task,text,cap,most", CAPPED)
def test_the_rule_caps_the_reply(task, text, cap, most):
    review = BANK[task].review(text)
    assert cap in caps(review) and review.score <= most, review


@pytest.mark.parametrize("task,text,cap,least", NOT_CAPPED)
def test_the_rule_leaves_the_reply_alone(task, text, cap, least):
    review = BANK[task].review(text)
    assert cap not in caps(review) and (least is None or review.score >= least), review


# ---------------------------------------------------------------- padding
_PADDING = ("We hope this message finds you well. Your satisfaction is always our top priority, "
            "and our team works very hard every day. We truly value every customer and we always "
            "do our best for you. ")


def test_a_reply_padded_with_service_talk_is_capped():
    ex = BANK["w07-reply-keychain"]
    empty = ex.review("Dear Hamza,\n\n" + _PADDING + "Please feel free to contact us.\n\n"
                      "Best regards,\nGrace")
    padded = ex.review("Dear Hamza,\n\n" + _PADDING + "We are sorry the keychain does not work: "
                       "we will refund your $20 within 2 days, and you do not need to send it "
                       "back.\n\nBest regards,\nGrace")
    plain = ex.review("Dear Hamza,\n\nWe are very sorry the keychain does not work. We will "
                      "refund your $20 within 2 days, and you do not need to send it back. Thank "
                      "you for telling us.\n\nBest regards,\nGrace")
    assert "padded_empty" in caps(empty) and empty.score <= 30, empty
    assert "padded" in caps(padded) and padded.score <= 55, padded
    assert not caps(plain) & {"padded", "padded_empty"} and plain.score >= 75, plain
    warm = ex.review("Dear Hamza,\n\nThank you for your kind message. We are very sorry the "
                     "keychain does not work: we will refund your $20 within 2 days, and you do "
                     "not need to send it back. We truly value you as our customer.\n\n"
                     "Best regards,\nGrace")  # two warm sentences around the answer: not padding
    assert not caps(warm) & {"padded", "padded_empty"} and warm.score >= 75, warm


# ---------------------------------------------------------------- moves said in plain words
def _made(task, text, move):
    """True when the review of ``text`` for ``task`` finds ``move`` (its English name)."""
    review = BANK[task].review(text)
    return any(str(f).startswith(move) for f in review.criterion("content").found)


@pytest.mark.parametrize("task,text,move", [
    # "thank you for buying / ordering ..." says why this customer hears about it
    ("w10-reply-new-arrival", "Dear Ms Hall,\n\nThank you for ordering 8 coffee mugs from us. "
     "Our new ceramic mug gift set is here: four mugs in a box for $18.\n\nBest regards,\nLily",
     "says why this customer hears about it"),
    # "it goes well with your knife set": what she owns is what the shop knows of her
    ("w02-reply-chloe", "Dear Chloé,\n\nThank you for your message. Our new bamboo cutting board "
     "goes well with your knife set, and it costs $18.50. Shall we send one within 2 days?\n\n"
     "Best regards,\nMia", "uses what you know about this customer"),
    # how to use the offer, without "code" or "checkout"
    ("w10-reply-offer", "Dear Mr Hall,\n\nThank you for your order in September. Our ceramic mug "
     "gift set is 10% off until 1 December: $16.20, not $18. The price is automatic, you just "
     "order it on our AliExpress store.\n\nBest regards,\nLily", "how to use the offer"),
    # the choice, said with a negation
    ("promo-reply-new-arrival", "Dear Ms Weber,\n\nThank you for buying our yoga mat twice. Our "
     "new cork yoga block costs $9. If you don't want news like this, just tell us.\n\n"
     "Best regards,\nLily", "leaves the choice to the customer"),
    ("promo-reply-offer", "Dear Mr Tan,\n\nThank you for your four orders. The PowerGo Lite is "
     "15% off until 30 November: $20.40 instead of $24. If you are not interested, no problem "
     "at all.\n\nBest regards,\nLily", "leaves the choice to the customer"),
    # which products, with a number in between
    ("w03-check-reply-farid", "Dear Farid,\n\nThank you for your mail. Could you send us your "
     "company website and tell us which 3 or 4 items you need? We work with a paid sample "
     "first.\n\nBest regards,\nMia", "asks which products and specifications"),
    # being processed: the factory is asked
    ("w05-assess-holding-siti", "Hi Siti, thank you, we got your mail. We will ask our factory "
     "about the yarn and the price, and we answer you within 3 days. Grace",
     "says it is being processed"),
    # plain compensation, responsibility and "does that suit you?"
    ("msg-reply-aftersale", "Dear Tom,\n\nPlease forgive the scratch on your desk lamp; that is "
     "on us. We can send you $4 back for it. Does that suit you? The money comes within 3 "
     "days.\n\nBest regards,\nGrace", "asks whether it is acceptable"),
    ("msg-reply-aftersale", "Dear Tom,\n\nPlease forgive the scratch on your desk lamp; that is "
     "on us. We can send you $4 back for it. Does that suit you? The money comes within 3 "
     "days.\n\nBest regards,\nGrace", "accepts responsibility"),
    # a time limit said the other way round
    ("fol-reply-holding", "Hi Anna, thank you, we got your mail. The factory is checking the "
     "logo printing now; you will not wait longer than 3 days for the price. Lily",
     "when the real answer comes"),
])
def test_plain_words_make_the_move(task, text, move):
    assert _made(task, text, move), BANK[task].review(text)


def test_a_few_words_where_a_letter_is_asked_are_a_note():
    ex = BANK["w06-reply-dubai"]  # 40-150 words
    note = ex.review("Hi, the speaker is $6.50 and ten are $65. They reach Dubai in 9 days. "
                     "Thanks, Grace")
    brief = ex.review("Dear Mr Al-Mansouri,\n\nThank you for your message. The speaker is $6.50, so "
                      "ten are $65, and they reach Dubai in 9 days. Shall we send them?\n\n"
                      "Best regards,\nGrace")  # 32 words: brief, not a note
    assert "very_brief" in caps(note) and note.score <= 65, note
    assert "very_brief" not in caps(brief), brief
