"""The reviewer's misjudgements the fifth notebook readers met (issue 22 / 28, brief 22e).

Each cause is fixed by a general rule, shown here on lines written for this test (in no scored
set): variants it must catch and nearby lines it must leave alone."""
from __future__ import annotations

import pytest
from support import advice, caps, letter, review

# 1. pressure denied ("no need to hurry") is no pressure, and it leaves the choice to the buyer
_OFFER = ("Thank you for your four orders this year. As a regular customer you get 15% off the "
          "PowerGo Lite until 30 November: $20.40 instead of $24. The discount comes off "
          "automatically at checkout. ")


@pytest.mark.parametrize("line", [
    "There is no need to rush, the offer is open until the end of the month.",
    "You can take your time and decide later.",
    "Whether you order or not, it is up to you.",
])
def test_no_pressure_in_other_words_leaves_the_choice(line):
    text = letter("Mr Tan", _OFFER + line)
    r = review("promo-reply-offer", text)
    assert "wrong_decision" not in {c["name"] for c in r.caps}, r.caps
    assert "leaves the choice" not in advice("promo-reply-offer", text)
    assert r.score >= 85, r.score


def test_real_pressure_is_still_pressure():
    text = letter("Mr Tan", _OFFER + "Hurry up and order today, do not wait!")
    r = review("promo-reply-offer", text)
    assert "wrong_decision" in {c["name"] for c in r.caps} and r.score <= 45, r.score
    assert "pushes with pressure" in advice("promo-reply-offer", text)


# 2. W06: "final price" without "our" closes the bargaining; "please order now" pushes
_DUBAI = ("Thank you for your message. For ten speakers the price is $6.50 each, $65 in total, "
          "and delivery to Dubai takes 9 days. ")


@pytest.mark.parametrize("line,decision", [
    ("It is final price for you, sorry.", "closes the bargaining"),
    ("We hope you like it. Please order now, my friend.", "pushes with pressure"),
])
def test_a_last_word_or_a_push_fails_the_bargaining(line, decision):
    text = letter("Mr Al-Mansouri", _DUBAI + line)
    r = review("w06-reply-dubai", text)
    assert r.score <= 45, r.score
    assert decision in advice("w06-reply-dubai", text)


def test_an_open_invitation_is_kept():
    text = letter("Mr Al-Mansouri", _DUBAI + "If you order today, it ships on Monday. If your "
                  "family would like other colours, we are happy to talk.")
    r = review("w06-reply-dubai", text)
    assert "wrong_decision" not in {c["name"] for c in r.caps}, r.caps


# 3. a contact outside the platform is ruled out in every platform chat with a buyer
_CHLOE = ("Thank you for your kind words about the knife set. To go with it, we recommend our "
          "bamboo cutting board: it is kind to your knives. It is $18.50. ")


@pytest.mark.parametrize("exercise,name,line", [
    ("w02-reply-chloe", "Chloé", "For faster answers, message me on WeChat: lily_shop88."),
    ("w07-reply-keychain", "Hamza", "Please contact me at lily.store@gmail.com for the refund."),
])
def test_a_contact_off_the_platform_is_a_wrong_decision(exercise, name, line):
    body = (_CHLOE if exercise == "w02-reply-chloe" else
            "We are very sorry that the keychain arrived broken. We will refund you $20 within "
            "2 days, and there is no need to send it back. ")
    text = letter(name, body + line)
    r = review(exercise, text)
    assert "wrong_decision" in {c["name"] for c in r.caps} and r.score <= 45, r.score
    assert "off the platform" in advice(exercise, text)


def test_replying_here_stays_on_the_platform():
    text = letter("Chloé", _CHLOE + "If you would like one, just reply here and we will ship it "
                  "within 2 days.")
    r = review("w02-reply-chloe", text)
    assert "wrong_decision" not in {c["name"] for c in r.caps} and r.score >= 85, r.score


# 4. a greeting that opens with the offer is refused as an advert, not as a list of keywords;
#    its push is named, and the wishes it has are not "missing"
@pytest.mark.parametrize("body", [
    "15% off every mug until 30 November. Order now. Happy Thanksgiving",
    "Our mugs are 10% off until 30 November. Hurry! Happy Thanksgiving to your family",
])
def test_an_offer_first_greeting_is_an_advert(body):
    text = letter("Ms Davis", body)
    r = review("w10-reply-holiday", text)
    said = advice("w10-reply-holiday", text)
    assert "keywords" not in {c["name"] for c in r.caps}, r.caps
    assert "opens the greeting with the offer" in said and "pushes with pressure" in said
    assert "the holiday wishes themselves" not in said
    assert r.score <= 45, r.score


def test_a_keyword_greeting_is_still_a_list():
    text = letter("Ms Davis", "Thanksgiving wishes, mugs, summer, family, thanks, 10% discount, "
                  "30 November, mug offer")
    assert "keywords" in caps("w10-reply-holiday", text)


def test_a_pushed_win_back_offer_is_named_and_not_missing():
    text = letter("Mr Haddad", "SALE 10% OFF TODAY! Order our tripods before 30 November. Hurry!")
    said = advice("w01-reply-haddad", text)
    assert "pushes with pressure" in said and "like spam" in said
    assert "a time-limited offer" not in said


# 5. W10's new arrival: a letter that never says why she hears about it misses the task's point
_ARRIVAL = ("Our new ceramic mug gift set has just arrived: four mugs in a gift box. It costs $18. "
            "If you would like one, reply here and we will ship it within 2 days. If you would "
            "rather not get such news, just tell us.")


@pytest.mark.parametrize("opening", [
    "Thank you for being our customer. ",
    "We hope you are well. ",
])
def test_a_new_arrival_without_the_reason_stays_below_the_pass(opening):
    text = letter("Ms Hall", opening + _ARRIVAL)
    r = review("w10-reply-new-arrival", text)
    assert "misses_first" in {c["name"] for c in r.caps} and r.score < 70, r.score


def test_a_new_arrival_with_the_reason_passes():
    text = letter("Ms Hall", "Since you bought eight coffee mugs from us in September, we "
                  "thought you would like to know. " + _ARRIVAL)
    r = review("w10-reply-new-arrival", text)
    assert "misses_first" not in {c["name"] for c in r.caps} and r.score >= 85, r.score


# 6. the feedback says each thing once and rightly
def test_a_wrong_ship_date_is_wrong_not_also_missing():
    text = letter("Lucia", "We are sorry your scented candle is late. We sent it on 27 March with "
                  "DHL, tracking number YT2545280664805297. It is waiting at customs; if it does "
                  "not arrive in 7 days, we will resend it.")
    said = advice("w01-check-reply-lucia", text)
    assert "you wrote '27 March'" in said and "'DHL'" in said
    assert "Missing: the carrier" not in said and "Missing: the date" not in said


def test_a_missing_carrier_is_still_missing():
    text = letter("Lucia", "We are sorry your scented candle is late. It is waiting at customs, "
                  "tracking number YT2545280664805297; if it does not arrive in 7 days, we will "
                  "resend it.")
    assert "Missing: the carrier" in advice("w01-check-reply-lucia", text)


@pytest.mark.parametrize("line,found", [
    ("The images on our page are right, I think the lamp in your room changes the colour.", False),
    ("Could you send us two pictures of the coat in daylight?", True),
])
def test_photos_are_asked_for_not_just_named(line, found):
    text = letter("Lena", "Thank you for your message and sorry the colour surprised you. " + line
                  + " We will send you the right colour or a refund within 2 days.")
    assert ("Missing: asks for photos" not in advice("w01-reply-lena", text)) is found


def test_all_the_money_back_is_a_full_refund_and_the_tip_quotes_the_reply():
    text = letter("Hamza", "Sorry the keychain is not working. We pay you back $20, all the money, "
                  "you no need return it. The money arrive in 3 days.")
    said = advice("w07-reply-keychain", text)
    assert "Missing: a full refund" not in said
    assert "'you no need'" in said and "you no need send" not in said


def test_putting_the_mistake_on_the_staff_is_blame():
    text = letter("Ali", "Sorry for the wrong table. The packers made the mistake, not us. We will "
                  "send the right table within 3 days.")
    r = review("w08-reply-ali", text)
    assert "tone" in {c["name"] for c in r.caps} and r.score <= 35, r.score
    assert "Missing: a refund or replacement" not in advice("w08-reply-ali", text)


def test_owning_the_mistake_is_not_blame():
    text = letter("Ali", "Sorry for the wrong table: we made the mistake in our warehouse. We will "
                  "send the right table within 3 days at our cost.")
    assert "tone" not in caps("w08-reply-ali", text)
