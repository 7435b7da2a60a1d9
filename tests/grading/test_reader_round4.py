"""The reviewer's misjudgements the fourth notebook readers met (issue 22 / 28, brief 22d).

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


_ASKS = ("Thank you for your message. Could you send us your company website and address, and "
         "tell us which products you need? ")


# 1. W03: giving in to "free samples of all your models" is a wrong decision; a paid sample of
#    one or two models is the normal process
@pytest.mark.parametrize("exercise,line", [
    ("w03-check-reply-farid", "We will send free samples of all our models to your office this week."),
    ("w03-check-reply-farid", "We can send you samples of every model free of charge today."),
    ("w03-reply-yara", "We will send free samples of all our models by express today, as you asked."),
    ("w03-reply-yara", "All 20 samples will go out by express tomorrow."),
])
def test_samples_of_every_model_is_giving_in(exercise, line):
    r = review(exercise, letter("Farid", _ASKS + line))
    assert "wrong_decision" in {c["name"] for c in r.caps} and r.score <= 45, r.score
    assert "samples of every model" in " ".join(a["en"] for a in r.advice)


@pytest.mark.parametrize("line", [
    "We usually send one or two samples at a sample price. Then we can talk about order.",
    "We cannot send free samples of all our models, but a paid sample of one model is possible.",
    "Our usual process is a paid sample order of the model you choose.",
])
def test_the_normal_sample_process_is_kept(line):
    text = letter("Farid", _ASKS + line + " We will answer within 2 days.")
    r = review("w03-check-reply-farid", text)
    assert "wrong_decision" not in {c["name"] for c in r.caps}, r.caps
    assert "normal process" not in advice("w03-check-reply-farid", text)
    assert r.score >= 85, r.score


# 6. a whole letter inside the task's own word range is not "brief": it loses the length point
#    only; a short reply that lacks a part of the letter, or is under the fewest words, stays brief
def test_a_whole_short_letter_inside_the_range_is_not_capped_as_brief():
    text = letter("Yara", "Thank you for your message. Could you send us your shop's website and "
                  "address? Which model and size do you need? Our usual "
                  "process is a paid sample order first. We cannot meet tomorrow, but we can "
                  "have a video call within 3 days.")
    r = review("w03-reply-yara", text)
    assert "brief" not in {c["name"] for c in r.caps} and 85 <= r.score < 100, r.score
    assert "words, inside this task's 40-150" in " ".join(a["en"] for a in r.advice)


@pytest.mark.parametrize("text", [
    # no next step with a time: an answer, not yet a whole letter
    letter("Yara", "Thank you for your message. Could you send us your shop's website and "
           "company address? Which yoga mat model and size do you need? Our usual process is "
           "a paid sample order of the model you choose, and no meeting before that."),
    # under the task's fewest words
    letter("Yara", "Thank you. Could you send your website? Which mat do you need? We start "
           "with a paid sample. We will reply within 3 days."),
])
def test_short_replies_missing_a_part_or_under_the_range_stay_brief(text):
    r = review("w03-reply-yara", text)
    assert r.score <= 80, r.score  # the brief cap (shown only when it lowers the score)


# 2. W06 bargaining: the talk is kept open; a last word ("final price"), a refusal to discuss
#    and a push to pay at once are wrong there; a task's own required point (the warranty, the
#    invitation to talk) is a move of the situation when the task gives it as a fact
_DUBAI = ("Thank you for your message. For ten speakers the price is $6.50 each, $65 in total, "
          "and delivery to Dubai takes 9 days. ")


@pytest.mark.parametrize("line", [
    "This is our final price and we cannot discuss it. Please pay by credit card today.",
    "The price is not negotiable. Please pay with your e-wallet now.",
    "Take it or leave it.",
    "We will not negotiate the price any more.",
])
def test_turning_the_bargaining_buyer_away_fails(line):
    r = review("w06-reply-dubai", letter("Mr Al-Mansouri", _DUBAI + line, "Grace"))
    assert r.score <= 40, r.score


@pytest.mark.parametrize("line", [
    "If you would like other colours for your family, we are happy to talk.",
    "Please tell us if your family has any other wishes; we will answer within one day.",
])
def test_an_open_talk_is_kept(line):
    text = letter("Mr Al-Mansouri", _DUBAI + "You can pay by credit card or e-wallet. " + line,
                  "Grace")
    r = review("w06-reply-dubai", text)
    assert r.score >= 85 and "talk further" not in advice("w06-reply-dubai", text), r.score


def test_a_task_s_own_required_point_is_named_when_missing():
    text = "Hi Jessica, the speaker is $7.04. Three is $21.12. It will arrive in 8 days."
    assert "Missing: the warranty." in advice("w06-assess-reply-jessica", text)
    full = letter("Jessica", "Thank you for your message! Three speakers are $7.04 each, $21.12 "
                  "in total, and they arrive in 8 days, before Christmas. Every speaker has a "
                  "one-year warranty.", "Grace")
    assert "warranty" not in advice("w06-assess-reply-jessica", full)


def test_a_price_that_holds_is_not_a_last_word():
    # the Canadian buyer asks whether the price stays: "the price is fixed for six months" is
    # the promise the task wants, not the bargaining's last word
    text = letter("Ms Tremblay", "Thank you for your orders every month. The price is fixed for "
                  "six months: it stays $9.50 a lamp. Your 40 lamps reach Montreal in 12 days, "
                  "and we will confirm each order within 24 hours.", "Lily")
    assert "wrong_decision" not in caps("markets-reply-canada", text)
