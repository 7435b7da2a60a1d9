"""Four readers' cases of the sixth notebook reading (issue 28), each a general rule.

- A threshold of the shop's terms ("the discount starts from 24 pieces", "24 pieces or more")
  is not the buyer's quantity: a reply that repeats the page's true terms is not told it has a
  wrong fact; the buyer's own quantity stated wrong still is.
- The app the buyer writes on (the task's ``channel`` fact: W02's Ashley writes on WhatsApp) is
  where the shop answers: naming it is not taking the buyer off the platform; another app, or a
  phone number, still is.
"""
from support import course_bank

BANK = course_bank()
DUBAI = ("Dear Mr Al-Mansouri,\n\nThank you for your message. {terms}for your family we give a "
         "special price: 6.50 dollars for one, 65 dollars for ten. Delivery to Dubai takes 9 "
         "days. Please tell us if you have other wishes.\n\nBest regards,\nMia")
ASHLEY = ("Hi Ashley,\n\nThank you for ordering from us three times, and I hope you enjoy your "
          "silk scarf. Winter is coming in Ohio, so I recommend our new knitted beanie at $12.90: "
          "it goes well with your scarf and keeps you warm. I will send you photos {where} "
          "today.\n\nBest regards,\nMia")


def _dubai(terms):
    return BANK["w06-reply-dubai"].review(DUBAI.format(terms=terms))


def test_a_threshold_of_the_shops_terms_is_not_the_buyers_quantity():
    for terms in ("Normally the discount starts from 24 pieces, but ",
                  "Our price is lower for 24 pieces or more, but ",
                  "The usual discount is for at least 24 pieces, but "):
        review = _dubai(terms)
        assert review.score >= 70 and "'24 pieces'" not in str(review), terms


def test_the_buyers_quantity_stated_wrong_is_still_a_wrong_fact():
    review = _dubai("You asked about 12 pieces, and ")
    assert review.score <= 45 and "'12 pieces'" in str(review)


def test_the_buyers_own_app_is_not_off_the_platform():
    ashley = BANK["w02-check-reply-ashley"]
    assert ashley.facts["channel"] == "WhatsApp"
    assert ashley.review(ASHLEY.format(where="on WhatsApp")).score >= 80
    for elsewhere in ("on WeChat", "at +86 138 0000 1234", "on Whats App, or on Telegram"):
        assert ashley.review(ASHLEY.format(where=elsewhere)).score <= 40, elsewhere
    # a task without the channel fact: WhatsApp is still off the platform
    chloe = BANK["w02-reply-chloe"]
    assert "channel" not in chloe.facts
    assert chloe.review("Dear Chloe,\n\nThank you for your order of the knife set. Add me on "
                        "WhatsApp and I will send you our new bamboo cutting board today."
                        "\n\nBest regards,\nMia").score <= 40


def test_money_for_a_review_is_a_wrong_decision_in_any_situation():
    """A teacher gave 1-2 of 10 to a refund traded for a 5-star review (W07, W08 graded); a
    plain request for a review, with nothing in return, is left alone."""
    from course.writing.rubric import RUBRIC

    keychain = ("Dear Hamza,\n\nWe are very sorry your keychain does not work; it is our "
                "mistake. We will refund the $20 in full{deal}. You do not need to send it back. "
                "The money arrives within 3 days.{ask}\n\nBest regards,\nMia")
    review = BANK["w07-reply-keychain"].review
    assert review(keychain.format(deal="", ask="")).score >= 85
    for deal in (" if you leave us a 5-star review", " if you change your review to five stars",
                 " in return for a 5-star rating"):
        assert review(keychain.format(deal=deal, ask="")).score <= RUBRIC.caps["wrong_decision"]
    polite = " If you are happy with our service, a review would help us."
    assert review(keychain.format(deal="", ask=polite)).score >= 85
    umar = BANK["w08-assess-reply-umar"].review(
        "Dear Umar, thank you and sorry. We will refund $80 if you change your review to 5 "
        "stars. Is that OK?")
    assert umar.score <= RUBRIC.caps["wrong_decision"]


def test_money_said_to_arrive_is_the_refund_in_a_role_play():
    """W08 (a teacher gave 9 of 10; it ended neutral at 69): the third reply says when the $40
    arrives without the word "refund", as Sophie's own "please send the 40" invites."""
    from course.writing.moves import moves_in

    run = ["Dear Sophie, thank you for your message and we are very sorry. Could you send us a "
           "short video of the machine?",
           "Dear Sophie, thank you for the video. Could a local repair shop fix it? We will pay "
           "a partial refund of $40 for the repair. Is that all right?",
           "Dear Sophie, the $40 will be in your account within 3 days. Best regards, Grace"]
    assert BANK["w08-roleplay-sophie"].grade(run).score >= 0.7
    assert "offer_refund" in moves_in("40 dollars will reach your card tomorrow.")
    assert "offer_refund" not in moves_in("Your order will reach your address in 3 days.")
    assert "offer_refund" not in moves_in("The $40 will not be in your account.")
