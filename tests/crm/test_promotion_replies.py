"""The reviewer on promotional messages (lesson 10): honest ones pass, spammy ones score low.

A spammy message that holds every keyword a full answer needs (the product, the price, the old
purchase) must still score low: the situations rule out fake urgency, off-platform contact and
spam style, and a holiday greeting that is an advert.
"""
import pytest

from course.writing.reviewer import review_reply

WEBER = {"buyer_name": "Ms Weber", "last_product": "yoga mat",
         "recommended_product": "cork yoga block", "unit_price": 9}
TAN = {"buyer_name": "Mr Tan", "product": "PowerGo Lite", "discount": "15%",
       "offer_until": "2026-11-30", "unit_price": 20.40, "regular_price": 24}
HONEST_OFFER = """Dear Mr Tan,

Thank you for being one of our regular customers. Until 30 November, the PowerGo Lite is 15%
off for you: $20.40 instead of $24. The discount is applied automatically at checkout. If you
are interested, order as usual in our store.

Best regards,
Lily"""


def test_a_spammy_message_with_every_keyword_scores_low():
    spam = ("DEAR CUSTOMER!!! You bought our yoga mat, so you NEED our NEW cork yoga block, only "
            "$9!!! HURRY, only 3 left, LAST CHANCE! Order at www.yogablocks-shop.com or add me "
            "on WhatsApp +86 138 0000 1234. Thank you.\nBest regards, Lily")
    review = review_reply(spam, "new_arrival", facts=WEBER)
    content = " ".join(str(f) for f in review.criterion("content").found)
    assert "yoga block" in content and "$9" in content    # the keywords are there ...
    assert review.score <= 40                              # ... and the score is low
    caps = {c["name"] for c in review.caps}
    assert {"wrong_decision", "tone"} <= caps


@pytest.mark.parametrize("line, decision", [
    ("Hurry, only 2 left, this is your last chance.", "pushes with pressure"),
    ("For a better price, add me on WhatsApp.", "takes the buyer off the platform"),
    ("You can also pay me directly by bank transfer.", "takes the buyer off the platform"),
    ("See www.powergo-deals.com for more.", "takes the buyer off the platform"),
    ("BEST PRICE EVER for you!!!", "writes like spam"),
])
def test_each_spam_sign_is_a_wrong_decision(line, decision):
    text = HONEST_OFFER.replace("If you\nare interested", line + " If you\nare interested")
    review = review_reply(text, "time_limited_offer", facts=TAN)
    assert any(decision in str(m) for m in review.criterion("content").missing), line
    assert review.score <= 40


def test_the_honest_offer_passes_and_a_denied_phrase_is_not_flagged():
    assert review_reply(HONEST_OFFER, "time_limited_offer", facts=TAN).score >= 90
    careful = HONEST_OFFER.replace(
        "If you\nare interested", "We will never ask you to pay outside the platform. If you\n"
                                   "are interested")
    review = review_reply(careful, "time_limited_offer", facts=TAN)
    assert review.score >= 90 and not review.flagged


def test_a_made_up_was_price_and_a_later_deadline_are_wrong_facts():
    fake = HONEST_OFFER.replace("instead of $24", "instead of $40").replace("30 November",
                                                                           "10 December")
    review = review_reply(fake, "time_limited_offer", facts=TAN)
    assert {"$40", "10 December"} <= set(review.flagged) and review.score <= 35


def test_a_holiday_greeting_that_is_an_advert_scores_low_and_a_real_one_passes():
    facts = {"buyer_name": "Ms Davis", "holiday": "Thanksgiving"}
    advert = ("Dear Ms Davis,\nHappy Thanksgiving! This week only: 30% off all mugs, free shipping "
              "and new arrivals in our store.\nBest regards,\nLily")
    greeting = ("Dear Ms Davis,\nHappy Thanksgiving! We wish you and your family a warm holiday. "
                "Thank you for choosing our mugs this summer.\nBest regards,\nLily")
    assert review_reply(advert, "holiday_greeting", facts=facts).score <= 40
    assert review_reply(greeting, "holiday_greeting", facts=facts).score >= 80


def test_a_recommendation_of_the_most_expensive_model_is_not_the_right_product():
    facts = {"buyer_name": "Carlos", "product": "power bank",
             "recommended_product": "PowerGo Lite", "unit_price": 24}
    fits = ("Dear Carlos,\nThank you for your question. Since you need two charges and a light "
            "bag, we recommend the PowerGo Lite: it weighs only 180 g. It costs $24. It has two "
            "USB ports, so you can charge your phone and your camera at the same time. We can ship "
            "it within 24 hours. Please tell us if you have any other questions.\nBest regards,"
            "\nLily")  # a full reply (a brief one is capped at 80 since issue 22's tuning)
    upsell = ("Dear Carlos,\nThank you for your message. Our best model is the PowerGo Max at $59, "
              "so you should buy it. We can ship it within 24 hours.\nBest regards,\nLily")
    assert review_reply(fits, "product_recommendation", facts=facts).score >= 90
    assert review_reply(upsell, "product_recommendation", facts=facts).score <= 45
