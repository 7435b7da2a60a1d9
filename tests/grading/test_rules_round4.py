"""Rules of the fourth tuning round of the reply reviewer (issue 22, brief 22b): tone, decisions,
negation and language. Each rule is shown on lines written for this test, in no scored set:
lines it must catch and nearby lines it must leave alone."""
from __future__ import annotations

import pytest
from support import caps, course_bank

import course.writing.patterns as P

BANK = course_bank()


def blames(line: str) -> bool:
    return any(rx.search(line) for kind, rx in P.TONE if kind == "blame")


# 1. calm blame: a rule, a listing or a manual quoted at the buyer; the fault put on the
#    carrier, the supplier or the buyer's use; a difference called normal
@pytest.mark.parametrize("line", [
    "As our returns policy already states, opened items are checked before any refund.",
    "As the user guide explains, the lamp must be switched off before cleaning.",
    "As stated in our delivery terms, we ship within 5 days.",
    "As you can see on our product page, the blue and the navy look alike.",
    "Customs clearance is the courier's responsibility.",
    "The delay is not the responsibility of our shop.",
    "We cannot be responsible for a slow post office.",
    "These chargers were probably used in the wrong way.",
    "In most cases the faults come from plugging it into a weak socket.",
    "Many customers ordered the wrong size last month.",
    "Small colour differences between screens are completely normal.",
    "The uneven stitch is not a quality problem.",
    "All buyers are politely asked to wait 30 days.",
    "Please check the parcel status yourself on the website.",
])
def test_calm_blame_is_blame(line):
    assert blames(line), line


@pytest.mark.parametrize("line", [
    "According to our size chart, size L fits a US size 8.",
    "As the size chart shows, L is the right size for you.",
    "We are responsible for this mistake, and we will refund you today.",
    "The manual is in the box; page 3 shows how to pair it.",
    "Most of our buyers choose the navy one.",
    "Our customers are happy with this mat.",
    "You can check the tracking on the China Post website at any time.",
])
def test_nearby_good_lines_are_not_blame(line):
    assert not blames(line), line


def test_a_refund_after_calm_blame_is_capped_for_tone():
    reply = ("Dear David,\n\nThank you for writing. As our user guide explains, these keychains "
             "stop working when they were used the wrong way. Still, we will refund the $20 for "
             "your order and you do not need to return it. The money arrives in 3 days.\n\n"
             "Best regards,\nGrace")
    assert "tone" in caps("w07-reply-keychain", reply)
    fair = reply.replace("As our user guide explains, these keychains stop working when they "
                         "were used the wrong way. Still, w", "We are very sorry it does not "
                         "work. W")
    assert "tone" not in caps("w07-reply-keychain", fair)


# 2. a return for the shop's own mistake costs the buyer nothing: a fee kept back or the
#    return postage paid by the buyer is the wrong decision there
LENA = ("Dear Lena,\n\nThank you for your message, and we are sorry the coat does not look like "
        "our photos. Please send us a photo of it. You can return it within 14 days and we will "
        "refund you in full.{extra}\n\nBest regards,\nMia")


@pytest.mark.parametrize("extra", [
    " We deduct a 15% handling fee from the refund.",
    " You will need to pay the return postage.",
    " Return delivery costs are covered by you.",
])
def test_charging_the_buyer_for_our_mistake_is_a_wrong_decision(extra):
    assert "wrong_decision" in caps("w01-reply-lena", LENA.format(extra=extra))


@pytest.mark.parametrize("extra", [
    " We will pay the return shipping for you.",
    " There is no restocking fee and the postage is on us.",
    "",
])
def test_a_free_return_is_the_right_decision(extra):
    assert "wrong_decision" not in caps("w01-reply-lena", LENA.format(extra=extra))


# 3. negation: a size named only to advise against it is not the recommendation, and advising
#    against the right size is a wrong fact; a time limit said with a negation is a time
EMILY = "Dear Emily,\n\nThank you for asking. {line} Every dress is checked before we ship it.\n\nBest regards,\nGrace"


@pytest.mark.parametrize("line", [
    "Please don't order size M, for a US 8 size L is the right one.",
    "We do not suggest size XL; size L fits a US size 8.",
    "L is the size for you, not M.",
])
def test_a_size_advised_against_is_not_a_wrong_fact(line):
    review = BANK["msg-reply-presale"].review(EMILY.format(line=line))
    assert "wrong_fact" not in {c["name"] for c in review.caps}
    assert not any("a recommended size" in m for m in review.criterion("content").missing)


@pytest.mark.parametrize("line", [
    "Please do not take size L, it is too big for you.",
    "Size M will fit you well.",
])
def test_advising_against_the_right_size_or_naming_another_is_a_wrong_fact(line):
    assert "wrong_fact" in caps("msg-reply-presale", EMILY.format(line=line))


@pytest.mark.parametrize("limit, ok", [
    ("you will not wait more than two days for the full answer", True),
    ("the answer comes in 3 days at most", True),
    ("you will have our answer no later than Friday", True),
    ("you will not wait more than 5 days for the full answer", False),
])
def test_a_time_limit_said_with_a_negation_is_the_time_of_the_answer(limit, ok):
    reply = (f"Hi Siti, thank you, we got your mail. The factory is checking the yarn for your "
             f"beanies now, and {limit}.\nGrace")
    review = BANK["w05-assess-holding-siti"].review(reply)
    missing = review.criterion("content").missing
    if ok:
        assert not any("when the real answer comes" in m for m in missing), missing
        assert review.score >= 70
    else:
        assert "wrong_fact" in {c["name"] for c in review.caps}


# 4. language: a few slips cost what the teacher's rubric gives language (about 10 points);
#    a slip repeated is one error; more than one thing written singular, and a singular subject
#    with a plural verb, are slips
def language(exercise: str, text: str):
    return BANK[exercise].review(text).criterion("language")


@pytest.mark.parametrize("line, slip", [
    ("We can send 2 sample to you.", "2 sample"),
    ("The price is 12.5 dollar for one tin.", "12.5 dollar"),
    ("Our lamp have a one year warranty.", "Our lamp have"),
    ("The coat were checked before we sent it.", "The coat were"),
    ("We ship to New York need 9 days.", "ship to New York need 9 days"),
    ("It can arrive before thanksgiving.", "thanksgiving"),
    ("Thanks you for order the lamp.", "Thanks you for order"),
    ("Your order is not pay yet.", "is not pay"),
])
def test_plural_and_agreement_slips_are_found(line, slip):
    from course.writing.patterns import ERRORS_RX

    assert any(m.group(0) == slip for rx, _en, _zh in ERRORS_RX for m in rx.finditer(line))


@pytest.mark.parametrize("line", [
    "We can send 2 samples to you.", "It comes with a 2 year warranty.",
    "Our staff are happy to help.", "The first were sold out.", "Does the lamp have a plug?",
    "The price is $9.50 each.", "Order 8012345678 was shipped today.",
    "Printing needs 15 days.", "We need 3 days to check it.", "It arrives before Christmas.",
    "Thanks for ordering the lamp.", "Your order is not paid yet.", "The payment is not due.",
])
def test_correct_lines_have_no_such_slip(line):
    from course.writing.patterns import ERRORS_RX

    kinds = ("more than one takes the plural", "a singular subject takes", "a time is said",
             "sentences and names start", "a passive needs", "'thank you for' takes")
    assert not any(rx.search(line) for rx, en, _zh in ERRORS_RX if en.startswith(kinds)), line


def test_a_slip_repeated_counts_once():
    text = ("Dear Nadia,\n\nThank you for your message. 15 strip cost 147 dollar, and 2 sample "
            "cost 20 dollar. All colours are in stock. Shipping to Hamburg takes 7 days. We will "
            "write to you again on Wednesday.\n\nBest regards,\nTom")
    lang = language("w04-check-reply-nadia", text)
    assert sum("more than one takes the plural" in m for m in lang.missing) == 1, lang.missing


def test_three_slips_in_a_reply_that_does_the_job_is_fair_not_failed():
    text = ("Dear Ryan,\n\nWe are so sorry, the charger is our mistake. We refund you the $9 "
            "today, you no need send it back. The money come to your card in 3 days. Our "
            "charger have a one year warranty, and we are sorry again for the trouble.\n\nBest "
            "regards,\nAmy")
    review = BANK["comp-reply-dead-charger"].review(text)
    assert {c["name"] for c in review.caps} & {"many_slips"}
    # the many_slips cap, 75 since brief 22gm (70 before)
    assert 60 <= review.score <= 75



# 5. role-plays: blame undoes the apology of the same reply, and a run that blames is capped as
#    a reply that blames (the rubric's tone cap)
@pytest.mark.parametrize("line", [
    "Sorry, but you should have read the manual before using it.",
    "We apologise. As the manual explains, most faults come from using it on a weak socket.",
])
def test_blame_undoes_the_apology_of_the_same_reply(line):
    from course.writing.moves import moves_in

    made = moves_in(line)
    assert "blame" in made and "apologise" not in made
    assert "apologise" in moves_in("We are very sorry about the machine.")


def test_a_role_play_run_that_blames_is_capped_as_a_blaming_reply():
    from course.writing.rubric import RUBRIC

    ex = BANK["w08-roleplay-sophie"]
    run = ["Sorry, but you probably used it wrong. Please send a video of the problem.",
           "We are very sorry. We can give you $40 for a local repair. Is it OK for you?",
           "Thank you. We will send the $40 today, you will get it in 3 days."]
    assert round(ex.grade(run).score * 100) <= RUBRIC.caps["tone"]
    fair = ["We are very sorry. Please send a video of the problem."] + run[1:]
    assert round(ex.grade(fair).score * 100) > RUBRIC.caps["tone"] + 30


# 6. a wrong amount is named with the fact it stands for, read in its clause, in both languages
@pytest.mark.parametrize("line, said, fact_en, fact_zh", [
    ("The price is $9.80 for one piece, so 15 pieces are $157 in total.", "$157",
     "the total price is $147", "总价是 $147"),
    ("Each strip is $8.90, $147 for all 15.", "$8.90", "the price of one piece is $9.80",
     "单价是 $9.80"),
])
def test_a_wrong_amount_names_the_fact_it_stands_for(line, said, fact_en, fact_zh):
    text = (f"Dear Nadia,\n\nThank you for your message. {line} All colours are in stock. "
            "Shipping to Hamburg takes 7 days. I will write again on Wednesday.\n\nBest "
            "regards,\nTom")
    advice = BANK["w04-check-reply-nadia"].review(text).advice
    first = next(a for a in advice if said in a["en"])
    assert fact_en in first["en"] and " or " not in first["en"], first
    assert fact_zh in first["zh"] and " or " not in first["zh"], first


# 7. a mail of the customer's that was never answered (the task's `unanswered` fact): the
#    letter says sorry for it, a content move and an apology due
def test_a_letter_to_a_customer_whose_mail_was_not_answered_says_sorry():
    ex = BANK["w05-reply-kanya"]
    assert ex.facts.get("unanswered")
    base = ("Dear Kanya,\n\nThank you for your 13 orders and for loving our men's hoodie.{sorry} "
            "Our new fleece zip hoodie is warmer, with the same fit, and it costs $14.90. If you "
            "reply by Friday, we will ship it within 2 days.\n\nBest regards,\nGrace")
    silent = ex.review(base.format(sorry=""))
    assert any("not answered" in m for m in silent.criterion("content").missing)
    assert "an apology" in silent.criterion("tone").missing
    for sorry in (" We apologise that nobody answered your mail in March.",
                  " Please forgive us for not answering your last mail."):
        review = ex.review(base.format(sorry=sorry))
        assert not any("not answered" in m for m in review.criterion("content").missing)
        assert review.score > silent.score


def test_the_apology_move_counts_only_where_a_mail_went_unanswered():
    from course.writing.reviewer import review_reply

    text = ("Dear Ms Okafor,\n\nThank you for buying our jasmine green tea three times. We think "
            "you will like our new jasmine pearl tea. It is $12.50 a tin, and we can send it "
            "within 2 days of your reply.\n\nBest regards,\nLily")
    review = review_reply(text, "repeat_customer", facts={"buyer_name": "Ms Okafor"})
    assert not any("not answered" in m for m in review.criterion("content").missing)
    assert "an apology" not in review.criterion("tone").missing
