"""Tests for screen_inquiry: each flag, its evidence, the company check and its display."""
import pytest

from course.crm import FLAGS, load, screen_inquiry, screening_scores
from course.crm.generate import N_MESSAGES
from course.errors import InputError


def test_each_flag_with_evidence():
    r = screen_inquiry("Hello, we confirm our order of 30,000 pieces, any model is fine. "
                       "Send the PI today.")
    assert r.flags == ["large_order_without_details"]
    assert r.findings[0].evidence == "30,000 pieces"
    assert set(r.findings[0].explanation) == {"en", "zh"}
    r = screen_inquiry("Please quote the price per kg for your leather handbags.")
    assert r.flags == ["off_norm_request"] and "per kg" in r.findings[0].evidence
    r = screen_inquiry("Send free samples of every model to our office, then we talk.")
    assert r.flags == ["off_norm_request"]
    r = screen_inquiry("I must meet you face to face today, the contract is about to be signed.")
    assert r.flags == ["urgent_meeting"]
    text = ("=============================\nREF NO.: 77-1\nREG. NO.: 8812\n"
            "STATUS: CONFIDENTIAL\n=============================\nPlease send prices.")
    assert screen_inquiry(text).flags == ["over_formatted"]


def test_detail_questions_clear_a_large_order():
    text = ("We would order 5,000 units of the mug if the glaze is food safe. Is it "
            "lead-free, and what is the packaging?")
    assert "large_order_without_details" not in screen_inquiry(text).flags


def test_bulk_goods_may_be_priced_by_weight():
    assert screen_inquiry("What is your price per kg for the green tea?").flags == []
    assert screen_inquiry("Price per meter for the cotton fabric, please.").flags == []


def test_company_check_uses_known_companies():
    text = "I write for Nordlicht Home GmbH. What is the price of your lamp?"
    r = screen_inquiry(text)
    assert r.flags == [] and r.companies == ("Nordlicht Home GmbH",)
    assert "Nordlicht Home GmbH" in r.notes[0]["en"] and r.notes[0]["zh"]
    assert screen_inquiry(text, known_companies=["Nordlicht Home"]).flags == []
    r = screen_inquiry(text, known_companies=[])
    assert r.flags == ["unverifiable_company"]
    assert r.findings[0].evidence == "Nordlicht Home GmbH"
    r = screen_inquiry(text, known_companies={"Nordlicht Home GmbH": "negative"})
    assert r.flags == ["unverifiable_company"]
    assert screen_inquiry(text, {"Nordlicht Home GmbH": "found"}).flags == []


def test_genuine_buyer_messages_raise_no_flags():
    msgs = load("messages")
    flagged = [t for t in msgs["text"] if screen_inquiry(t, known_companies=[]).flags]
    assert len(flagged) <= len(msgs) // 50   # at most 2% false alarms on real buyers


def test_scores_on_the_labelled_inquiries():
    table = screening_scores(load("inquiries"))
    assert table["flag"].tolist() == list(FLAGS)
    assert (table["labelled"] > 0).all()
    assert (table["true_pos"] <= table[["found", "labelled"]].min(axis=1)).all()


def test_display_escapes_text():
    r = screen_inquiry("<b>We</b> need a meeting today, face to face, it is urgent!")
    html = r._repr_html_()
    assert "<b>We</b>" not in html and "urgent_meeting" in html
    assert "urgent_meeting" in repr(r)
    assert "No red flags" in repr(screen_inquiry("Do you have it in blue?"))
    assert list(r.to_frame().columns) == ["flag", "evidence", "explanation_en",
                                          "explanation_zh"]


def test_bad_input():
    with pytest.raises(InputError, match="string"):
        screen_inquiry(42)
    with pytest.raises(InputError, match="empty"):
        screen_inquiry("   ")
    with pytest.raises(InputError, match="known_companies"):
        screen_inquiry("Hello", known_companies=5)


@pytest.mark.parametrize("text, flag", [
    ("We can take 25,000 of your phone cases, whatever model. Send the contract.",
     "large_order_without_details"),
    ("Our board approved buying your entire production for next year. Draft the agreement.",
     "large_order_without_details"),
    ("I need to sit down with your director before Friday noon or the deal is gone.",
     "urgent_meeting"),
    ("Please quote your cotton hoodies by the kilogram.", "off_norm_request"),
    ("We evaluate a supplier after one piece of each item arrives at your cost.",
     "off_norm_request"),
])
def test_paraphrased_red_flags(text, flag):
    assert flag in screen_inquiry(text).flags


@pytest.mark.parametrize("text", [
    "We will be at the Canton Fair next week. Could we meet at your booth on Tuesday to see the "
    "new kettles?",
    "Could we have a video call this week about the spring order? Any day after 2 pm is fine.",
    "Please quote the silk ribbon by the metre, 300 metres.",
])
def test_ordinary_requests_that_share_words_with_a_flag(text):
    assert screen_inquiry(text).flags == []


def test_no_false_alarm_on_any_genuine_buyer_message():
    msgs = load("messages")
    flagged = [t for t in msgs["text"] if screen_inquiry(t, known_companies=[]).flags]
    # every message the generator writes is read (N_MESSAGES: the data set's size)
    assert len(msgs) == N_MESSAGES and flagged == []
