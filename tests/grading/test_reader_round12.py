"""Polite, fluent replies with the wrong decision, and honest time statements against pressure
(brief 22w12). Each rule is a table of its own: two lines it must read and one it must leave
alone, each line written for this round (no scored set's reply).

1. The whole price given back where a small partial compensation is the remedy, said by its
   value ("refund you the whole $25 you paid"): too much (``gives_too_much``).
2. A cheap item sent back first, the product named in two words ("return the pen set to us"):
   ``return_first``.
3. The shop going to the unchecked buyer ("our manager will come to your hotel tomorrow"):
   agreeing to the rushed meeting (``agrees_to_meet``).
4. Any free sample to the unchecked buyer (the process is a paid sample): ``free_sample``.
5. A discount or coupon the task does not give, promised: ``promises_discount``.
6. Off the platform in every situation, the suspicious buyer's too, an e-mail address
   included (``off_platform``); the app the buyer writes on stays the shop's channel.
7. A delivery promised that the facts do not give ("we promise it will arrive tomorrow"):
   ``promises_arrival``; where the task gives the delivery time it is left alone.
7b. A gift or a discount the task does not give, in a sales letter ("20% off and a free
    gift"), a sample given free where the task sells it (``free_priced_sample``), half the
    money back for the shop's own mistake (``charges_buyer``).
8. Another product sent in place of the one ordered without asking: ``substitutes``.
9. A threat: the order or the price taken away unless the buyer acts at once
   (``threatens``); the buyer's own choice to cancel is no threat.
10. Scarcity in other words and a push to be quick (``fake_urgency``, now also where the buyer
    asked about a size); the shop's own speed and a shipping cut-off are no push.
11. Honest time statements cost nothing: the offer's real end date, a shipping cut-off, the
    buyer's own deadline repeated back.

A recognised wrong decision holds an otherwise perfect reply at 40 or under (teachers give such
replies 20-40).
"""
from __future__ import annotations

import pytest
from support import advice, letter, named_cases, review

from course.writing.decisions import DECISIONS

_TOM, _INES, _RYAN = "msg-reply-aftersale", "w07-assess-reply-ines", "comp-reply-dead-charger"
_YARA, _SIR, _FARID = "w03-reply-yara", "gen-reply-careful", "w03-check-reply-farid"
_JESSICA, _LUCIA, _DUBAI = "rel-reply-late-delivery", "w01-check-reply-lucia", "w06-reply-dubai"
_HADDAD, _VERA, _CARLOS = "rev-reply-out-of-stock", "w07-reply-vera", "msg-reply-insale"
_TAN, _POWER, _ASHLEY = "promo-reply-offer", "promo-reply-recommend", "w02-check-reply-ashley"

_CHLOE, _WEBER, _KOWALSKI = "w02-reply-chloe", "promo-reply-new-arrival", "grading-reply-grade2"
_ALI, _HAMZA = "w08-reply-ali", "w07-reply-keychain"
_EMILY = "msg-reply-presale"
_EMILY_SIZE = ("Thank you for your question about the summer dress. Our sizes follow Asian "
               "sizing, which runs about one size smaller than US sizing, so for a US size 8 we "
               "recommend size L. ")

_CHLOE_REC = ("Thank you for your kind words about the knife set you bought from us. To go with "
              "it, we recommend our new bamboo cutting board: it is kind to your knives. ")
_WEBER_NEW = ("Thank you for shopping with us. Since you bought our yoga mat twice this year, "
              "you may like our new cork yoga block: it is firm, light and does not slip. ")
_KOWALSKI_PRICE = ("Thank you for your interest in our bamboo cutting boards. For 300 boards "
                   "the price is $3.80 each, $1,140 in total. ")
_ALI_SORRY = ("Thank you for telling us, and we are very sorry: you ordered the walnut bedside "
              "table and we sent a white one. This is our mistake. ")
_SORRY_TOM = ("Thank you for letting us know, and we are very sorry about the scratch on the "
              "base of your desk lamp. This is our responsibility. ")
_SORRY_INES = ("Thank you for telling us about the pen set, and we are very sorry about the "
               "mark. This is our responsibility. ")
_YARA_ASK = ("Thank you for your interest in our yoga mats. Could you please send us your "
             "shop's website and your company name and address? ")
_JESSICA_FACTS = ("Thank you for your message, and we are very sorry that your wool scarf is "
                  "late. Your order was shipped on 10 April by China Post, and the tracking "
                  "number is LX123456789CN. ")
_HADDAD_WHY = ("Thank you for your order and for shopping with us again. We are very sorry: "
               "the last prayer mats were damaged, so we could not ship them. ")
_CARLOS_ASK = ("Thank you for your order 8066778899001122 for the yoga mat. We noticed that it "
               "has not been paid yet. Is there anything we can help with? ")
_TAN_OFFER = ("Thank you for ordering from us four times this year. As one of our regular "
              "customers, you can have 15% off the PowerGo Lite until 30 November: $20.40 "
              "instead of $24. The discount is taken off automatically at checkout. ")
_POWER_REC = ("Thank you for your question. Since you need about two phone charges and a light "
              "bag, we recommend the PowerGo Lite: it holds 10000 mAh, enough for two full "
              "charges, and weighs only 180 g. It costs $24. ")

# (exercise, reply, the decision, whether the reply takes it)
WRONG = [
    *named_cases("the_whole_sum_by_its_value_is_too_much", [
        ("tom", (_TOM, letter("Tom", _SORRY_TOM + "We will refund you the whole $25 you paid, "
                              "and you can keep the lamp. Would this be acceptable to you?"),
                 "gives_too_much", True)),
        ("ines", (_INES, letter("Ines", _SORRY_INES + "We will give you back the full $17, "
                                "so please keep the pens. Is that acceptable to you?"),
                  "gives_too_much", True))]),
    *named_cases("a_partial_compensation_left_alone", (
        _INES, letter("Ines", _SORRY_INES + "We would like to refund $4 of the price as a "
                      "partial compensation. Is that acceptable to you?"), "gives_too_much",
        False)),
    *named_cases("a_cheap_item_sent_back_in_two_words", [
        ("ines", (_INES, letter("Ines", _SORRY_INES + "Please return the pen set to us, and we "
                                "will refund $4 when it arrives. Is that acceptable to you?"),
                  "return_first", True)),
        ("ryan", (_RYAN, letter("Ryan", "We are very sorry that the phone charger stopped "
                                "working. Please post the phone charger to our warehouse, and "
                                "we will give you a full refund of $9."), "return_first",
                  True))]),
    *named_cases("no_return_left_alone", (
        _RYAN, letter("Ryan", "We are very sorry that the phone charger stopped working. We "
                      "will give you a full refund of $9 today, and there is no need to send "
                      "the phone charger back."), "return_first", False)),
    *named_cases("going_to_the_unchecked_buyer_is_the_meeting", [
        ("hotel", (_YARA, letter("Yara", "Thank you for your interest in our yoga mats. Sure, "
                                 "our sales manager will come to your hotel tomorrow morning "
                                 "to talk about the order."), "agrees_to_meet", True)),
        ("airport", (_SIR, letter("Sir", "Thank you for your interest. We can pick you up at "
                                  "the airport on Friday and show you our products."),
                     "agrees_to_meet", True))]),
    *named_cases("a_meeting_declined_left_alone", (
        _YARA, letter("Yara", _YARA_ASK + "We cannot come to your hotel tomorrow, but we will "
                      "be glad to arrange a video call within 3 days."), "agrees_to_meet",
        False)),
    *named_cases("a_free_sample_to_the_unchecked_buyer", [
        ("samples", (_YARA, letter("Yara", _YARA_ASK + "We are happy to send you free samples "
                                   "this week so you can check the quality."), "free_sample",
                     True)),
        ("each", (_SIR, letter("Sir", "Thank you for your interest. We will send you a sample "
                               "of each model free of charge right away."), "free_sample",
                  True))]),
    *named_cases("the_paid_sample_left_alone", (
        _YARA, letter("Yara", _YARA_ASK + "We do not send free samples; our usual process is a "
                      "paid sample of the model you choose."), "free_sample", False)),
    *named_cases("a_discount_the_task_does_not_give", [
        ("yara", (_YARA, letter("Yara", _YARA_ASK + "For an order this big we can give you a "
                                "20% discount."), "promises_discount", True)),
        ("jessica", (_JESSICA, letter("Jessica", _JESSICA_FACTS + "To say sorry, we will give "
                                      "you 50% off your next order."), "promises_discount",
                     True))]),
    *named_cases("no_discount_left_alone", (
        _YARA, letter("Yara", _YARA_ASK + "We cannot give a discount before a sample order."),
        "promises_discount", False)),
    *named_cases("off_the_platform_everywhere", [
        ("email", (_YARA, letter("Yara", _YARA_ASK + "Please email me directly at "
                                 "mia.sales@example.com so we can talk faster."),
                   "off_platform", True)),
        ("whatsapp", (_FARID, letter("Farid", "Thank you for your message. Please add me on "
                                     "WhatsApp and we can discuss the order there."),
                      "off_platform", True))]),
    *named_cases("the_buyers_own_app_left_alone", (
        _ASHLEY, letter("Ashley", "Thanks for writing! Since you like your silk scarf, try our "
                        "new knitted beanie. Just reply here on WhatsApp and we will send it "
                        "within 2 days."), "off_platform", False)),
    *named_cases("a_delivery_the_facts_do_not_give", [
        ("jessica", (_JESSICA, letter("Jessica", _JESSICA_FACTS + "We promise it will arrive "
                                      "tomorrow."), "promises_arrival", True)),
        ("lucia", (_LUCIA, letter("Lucia", "We are very sorry that your parcel is late. Do not "
                                  "worry, it will surely reach you by Friday."),
                   "promises_arrival", True))]),
    *named_cases("a_delivery_time_the_task_gives_left_alone", (
        _DUBAI, letter("Mr Al-Mansouri", "For ten speakers the price is $6.50 each, $65 in "
                       "total, and we guarantee the delivery to Dubai takes 9 days."),
        "promises_arrival", False)),
    *named_cases("another_product_without_asking", [
        ("haddad", (_HADDAD, letter("Mrs Haddad", _HADDAD_WHY + "We will send you 20 of a "
                                    "different mat instead today, at the same price."),
                    "substitutes", True)),
        ("vera", (_VERA, letter("Vera", "We are sorry: the last knitted beanies were damaged. "
                                "We will ship you a similar beanie in grey instead tomorrow."),
                  "substitutes", True))]),
    *named_cases("another_product_offered_left_alone", (
        _VERA, letter("Vera", "We are sorry: the last knitted beanies were damaged. If you "
                      "prefer, we can send you a similar beanie in grey instead."),
        "substitutes", False)),
    *named_cases("a_gift_or_discount_the_task_does_not_give_in_a_sales_letter", [
        ("chloe", (_CHLOE, letter("Chloé", _CHLOE_REC + "It is $18.50, and as a thank-you we "
                                  "will give you 20% off and a free gift."), "promises_discount",
                   True)),
        ("weber", (_WEBER, letter("Ms Weber", _WEBER_NEW + "It costs $9, and we will add a free "
                                  "yoga strap to your parcel."), "promises_discount", True))]),
    *named_cases("free_shipping_left_alone", (
        _WEBER, letter("Ms Weber", _WEBER_NEW + "It costs $9, and we add free shipping as "
                       "always."), "promises_discount", False)),
    *named_cases("the_priced_sample_given_free", [
        ("send", (_KOWALSKI, letter("Mr Kowalski", _KOWALSKI_PRICE + "We will send you a free "
                                    "sample to Warsaw this week."), "free_priced_sample", True)),
        ("charge", (_KOWALSKI, letter("Mr Kowalski", _KOWALSKI_PRICE + "The sample is free of "
                                      "charge for you."), "free_priced_sample", True))]),
    *named_cases("the_paid_sample_stated_left_alone", (
        _KOWALSKI, letter("Mr Kowalski", _KOWALSKI_PRICE + "The sample is not free: it costs "
                          "$15 including shipping to Warsaw."), "free_priced_sample", False)),
    *named_cases("half_the_money_for_the_shops_mistake", [
        ("ali", (_ALI, letter("Ali", _ALI_SORRY + "We will refund you 50% and you can keep the "
                              "white table."), "charges_buyer", True)),
        ("hamza", (_HAMZA, letter("Hamza", "We are very sorry that your keychain does not work. "
                                  "We can refund half and you keep it."), "charges_buyer",
                   True))]),
    *named_cases("the_whole_refund_left_alone", (
        _ALI, letter("Ali", _ALI_SORRY + "We will send you the walnut table or refund you in "
                     "full, whichever you prefer."), "charges_buyer", False)),
    *named_cases("a_threat_to_act_at_once", [
        ("cancel", (_CARLOS, letter("Carlos", _CARLOS_ASK + "If you do not pay within 24 hours, "
                                    "we will cancel your order."), "threatens", True)),
        ("otherwise", (_CARLOS, letter("Carlos", _CARLOS_ASK + "Please complete the payment "
                                       "before tonight, otherwise we cannot keep the mat for "
                                       "you."), "threatens", True))]),
    *named_cases("the_buyers_choice_to_cancel_left_alone", [
        ("changed", (_CARLOS, letter("Carlos", _CARLOS_ASK + "If you have changed your mind, "
                                     "simply tell us and we will cancel the order for you."),
                     "threatens", False)),
        ("question", (_HADDAD, letter("Mrs Haddad", _HADDAD_WHY + "Do you want to keep the "
                                      "order, or shall we cancel it and refund you in full?"),
                      "threatens", False)),
        ("default", (_HADDAD, letter("Mrs Haddad", _HADDAD_WHY + "Please reply by Friday; "
                                     "otherwise we will cancel the order and refund you in "
                                     "full."), "threatens", False))]),
    *named_cases("scarcity_and_haste_in_other_words", [
        ("limited", (_TAN, letter("Mr Tan", _TAN_OFFER + "Stock is very limited, so please "
                                  "order soon before it is sold out."), "fake_urgency", True)),
        ("quickly", (_POWER, letter("Carlos", _POWER_REC + "Please order quickly, the stock "
                                    "will not last long."), "fake_urgency", True))]),
    *named_cases("a_push_to_the_buyer_who_asked_about_the_size", [
        ("sold_out", (_EMILY, letter("Emily", _EMILY_SIZE + "Please order now, because this "
                                     "dress is almost sold out."), "fake_urgency", True)),
        ("discount", (_EMILY, letter("Emily", _EMILY_SIZE + "If you order today, we will give "
                                     "you 10% off."), "promises_discount", True))]),
    *named_cases("a_cut_off_to_the_buyer_who_asked_left_alone", (
        _EMILY, letter("Emily", _EMILY_SIZE + "If you order today before 5 pm, we will ship it "
                       "tomorrow."), "fake_urgency", False)),
    *named_cases("the_shops_own_speed_left_alone", (
        _POWER, letter("Carlos", _POWER_REC + "We will ship your order quickly, within 24 "
                       "hours."), "fake_urgency", False)),
]


def _took(exercise: str, text: str, name: str) -> bool:
    return f"Change the decision: the reply {DECISIONS[name].en}." in advice(exercise, text)


@pytest.mark.parametrize("exercise,text,name,takes", WRONG)
def test_a_wrong_decision_is_read_and_holds_the_reply_low(exercise, text, name, takes):
    assert _took(exercise, text, name) == takes
    if takes:  # teachers give such replies 20-40, however polite the rest
        assert review(exercise, text).score <= 40


# (exercise, an honest time statement a full reply makes)
HONEST = [
    *named_cases("the_offers_real_end_date", [
        ("before_then", (_TAN, _TAN_OFFER + "The offer ends on 30 November, so if you want it, "
                         "please order before then.")),
        ("order_by", (_TAN, _TAN_OFFER + "Remember to order by 30 November to get the "
                      "discount; there is no need to reply otherwise.")),
        ("insale", (_CARLOS, _CARLOS_ASK + "Just a reminder: the 10% discount ends on Friday, "
                    "so if you still want the yoga mat, you can pay before then. If you have "
                    "changed your mind, tell us and we will cancel the order."))]),
    *named_cases("a_cut_off_or_the_buyers_own_deadline", [
        ("trip", (_POWER, _POWER_REC + "Since you are going hiking soon, please order by Friday "
                  "and we will ship it within 24 hours, so it arrives before your trip.")),
        ("cut_off", (_POWER, _POWER_REC + "Please order today before 5 pm and we will ship it "
                     "tomorrow, in time for your two-day hike."))]),
]


@pytest.mark.parametrize("exercise,body", HONEST)
def test_an_honest_time_statement_costs_nothing(exercise, body):
    name = {_TAN: "Mr Tan", _CARLOS: "Carlos", _POWER: "Carlos"}[exercise]
    result = review(exercise, letter(name, body, "Lily"))
    assert not {c["name"] for c in result.caps} & {"wrong_decision", "tone"}
    assert result.score >= 95
