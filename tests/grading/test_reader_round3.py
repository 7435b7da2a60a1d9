"""What the third pair of notebook readers met, fixed by the lead (issue 22 / 28): a closing
typed on the line of the last sentence, a score capped with no reason shown, a short greeting
capped although the task asks for a short one, and money sent back without the word "refund"
in the complaint role-play."""
import pytest
from support import course_bank

from course.writing.moves import moves_in
from course.writing.text import split

BANK = course_bank()


@pytest.mark.parametrize("text,body,closing", [
    ("Dear Sophie,\n\nThanks for the video. Please let us know your answer. Best regards,\nGrace",
     "Thanks for the video. Please let us know your answer.", "Best regards"),
    ("Hi Lena, sorry about the coat. Best regards, Mia", "sorry about the coat.", "Best regards"),
    ("Dear Ann,\nThe parcel left today.\n\nBest regards,\nLily", "The parcel left today.",
     "Best regards,"),
])
def test_a_closing_run_into_the_last_line_is_a_closing(text, body, closing):
    assert split(text)[1:] == (body, closing)


@pytest.mark.parametrize("text", [
    "Dear Ann, we send it with regards to your order today. Thanks",
    "Dear Ann,\nWe send it today. Take care of the box when it comes.",
])
def test_words_of_a_closing_inside_a_sentence_are_not_one(text):
    assert split(text)[2] == ""


def test_the_cap_that_set_the_score_is_said_in_the_feedback():
    ex = BANK["fol-reply-holding"]  # 25 words with all three moves: the teachers gave it 80
    text = ("Hi Anna, thanks! We got your mail. Our factory is checking the logo printing now. "
            "We will tell you the price and time in 3 days.\nLily")
    result = ex.grade(text)
    assert round(result.score * 100) == 80, result.feedback.en
    # inside the task's 15-90 words it is short for want of a closing, not "brief" (brief 22g)
    assert "Why not higher: a letter with no closing loses" in result.feedback.en
    assert "inside this task's 15-90: long enough" in result.feedback.en
    assert "为什么没有更高" in result.feedback.zh


def test_a_short_greeting_is_what_the_task_asks_and_is_not_capped_as_brief():
    ex = BANK["w10-reply-holiday"]
    text = ("Dear Nicole,\n\nHappy Thanksgiving to you and your family! Thank you for buying our "
            "coffee mugs this summer. We hope you enjoy a warm holiday with a good cup of "
            "coffee.\n\nBest wishes,\nMia")
    review = ex.review(text)
    assert "brief" not in {c["name"] for c in review.caps} and review.score >= 85
    # ... but a greeting of a few words is not a full one
    assert ex.review("Happy Thanksgiving, Nicole! Mia").score <= 80


@pytest.mark.parametrize("text,refund", [
    ("We send the $40 today, you will get it in 3 working days.", True),
    ("We have sent the $40 today; you will see it in 3 days.", True),
    ("We will pay you 40 dollars for the repair.", True),
    ("We cannot send the $40.", False),
    ("The machine costs $40 to send.", False),
])
def test_money_sent_back_is_a_refund_in_a_role_play(text, refund):
    assert ("offer_refund" in moves_in(text)) is refund
