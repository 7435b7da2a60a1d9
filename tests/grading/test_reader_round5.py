"""The reviewer's misjudgements the fifth notebook readers met (issue 22 / 28, brief 22e).

Each cause is fixed by a general rule, shown here on lines written for this test (in no scored
set): variants it must catch and nearby lines it must leave alone."""
from __future__ import annotations

import pytest

import course

BANK = course.load_bank()


def review(exercise: str, text: str):
    return BANK[exercise].review(text)


def caps(exercise: str, text: str) -> set[str]:
    return {c["name"] for c in review(exercise, text).caps}


def advice(exercise: str, text: str) -> str:
    return " ".join(a["en"] for a in review(exercise, text).advice)


def letter(name: str, body: str, sign: str = "Mia") -> str:
    return f"Dear {name},\n\n{body}\n\nBest regards,\n{sign}"


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
    ("w07-reply-keychain", "Farid", "Please contact me at lily.store@gmail.com for the refund."),
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
