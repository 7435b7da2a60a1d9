"""The reviewer's misjudgements the fourth notebook readers met (issue 22 / 28, brief 22d).

Each cause is fixed by a general rule, shown here on lines written for this test (in no scored
set): variants it must catch and nearby lines it must leave alone."""
from __future__ import annotations

import pytest
from support import advice, caps, course_bank, letter, review

BANK = course_bank()


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


# 3. W08: shipping a large item back is the remedy the workshop marks wrong, in a reply and in a
#    role-play (no good ending); a vague "serious fault" is not a described problem, so asking
#    what is wrong is not asking again; "Please let us know your answer." asks for the answer
_SOPHIE_1 = "Dear Sophie, thank you for telling us and we are very sorry. Could you send a short video?"


@pytest.mark.parametrize("second", [
    "Thank you for the video. Please send the machine back to China and we will give you a full "
    "$185 refund within 24 hours. Is that OK for you?",
    "Thank you. Can you ship it back to us? We will refund all the money within 3 days. Is that OK?",
])
def test_a_roleplay_remedy_the_situation_rules_out_has_no_good_ending(second):
    g = BANK["w08-roleplay-sophie"].grade([_SOPHIE_1, second, "Thank you. We refund you today."])
    assert g.score <= 0.4 and not g.correct
    assert "ship a large item back" in g.feedback.en and "寄回" in g.feedback.zh


def test_the_local_repair_path_still_ends_well():
    g = BANK["w08-roleplay-sophie"].grade([
        _SOPHIE_1, "Thank you for the video. You do not need to send it back. Would you agree to "
        "a local repair? We will refund $40 within 24 hours.",
        "Thank you for your understanding. We have sent the $40 refund today."])
    assert g.correct and g.score == 1.0


@pytest.mark.parametrize("line", [
    "Please send the treadmill back to us and we will refund you in full.",
    "You can return it to China at our cost for a full refund.",
])
def test_a_reply_that_ships_the_treadmill_back_is_a_wrong_decision(line):
    text = letter("Umar", "Thank you for your message, and we are very sorry about the fault. "
                  + line + " Is that OK for you? We will answer within 24 hours.", "Grace")
    assert "wrong_decision" in caps("w08-assess-reply-umar", text)


@pytest.mark.parametrize("line", [
    "What exactly is wrong with it? Could you please send us a short video of the problem?",
    "Could you describe the problem and send us a short video?",
])
def test_asking_what_a_vague_fault_is_is_not_asking_again(line):
    text = letter("Umar", "Thank you for your message, and we are very sorry that your treadmill "
                  "has a fault. " + line + " We will find a solution within 24 hours.", "Grace")
    assert "asks_again" not in caps("w08-assess-reply-umar", text)
    assert "already gave" not in advice("w08-assess-reply-umar", text)


def test_a_described_problem_is_still_given():
    # the charger buyer said what happened: asking again is still caught where it is
    text = letter("Ryan", "We are sorry. What exactly happened to the charger? Please tell us "
                  "and we will reply within 24 hours.", "Amy")
    assert "asks_again" in caps("comp-reply-dead-charger", text)


@pytest.mark.parametrize("line", ["Please let us know your answer.",
                                  "Please let us know your decision."])
def test_let_us_know_your_answer_asks_for_the_answer(line):
    text = letter("Umar", "Thank you for your message, and we are very sorry that your treadmill "
                  "has a fault. Can a local repair shop fix it? We will refund $80 to cover the "
                  "repair. " + line + " We will send the money within 24 hours.", "Grace")
    assert "buyer's answer" not in advice("w08-assess-reply-umar", text)


# 4. W05 Kanya: a win-back letter that ignores her unanswered mail is held low; "many hoodies"
#    and "the red hoodie you love" name her hoodie (no wrong fact; the product is named)
_KANYA_REST = ("We think you will like our new fleece zip hoodie. It is warmer and costs $14.90. "
               "If you reply by Friday, we will ship it within 2 days.")


@pytest.mark.parametrize("opening", [
    "Thank you for your 13 orders and for choosing our men's hoodie so often.",
    "You have ordered our men's hoodie many times, thank you.",
])
def test_no_apology_for_the_unanswered_mail_is_held_low(opening):
    r = review("w05-reply-kanya", letter("Kanya", opening + " " + _KANYA_REST, "Grace"))
    assert r.score <= 60 and "unanswered" in {c["name"] for c in r.caps}, r.score


def test_the_apology_for_the_unanswered_mail_lifts_the_cap():
    text = letter("Kanya", "Thank you for your 13 orders of our men's hoodie. We are sorry that "
                  "nobody answered your mail about the sizes. " + _KANYA_REST, "Grace")
    assert "unanswered" not in caps("w05-reply-kanya", text)


@pytest.mark.parametrize("line", [
    "You bought many hoodies before, thank you.",
    "It goes well with the red hoodie you love.",
    "It is as soft as your favourite hoodie.",
])
def test_her_hoodie_named_in_other_words_is_her_product(line):
    text = letter("Kanya", "Thank you for your orders. We are sorry that nobody answered your "
                  "mail about the sizes. " + line + " " + _KANYA_REST, "Grace")
    r = review("w05-reply-kanya", text)
    assert not {"wrong_fact", "wrong_facts"} & {c["name"] for c in r.caps}
    assert "bought before" not in advice("w05-reply-kanya", text) and r.score >= 85, r.score


def test_another_kind_of_hoodie_is_still_a_wrong_fact():
    text = letter("Kanya", "Thank you for your orders. We are sorry that nobody answered your "
                  "mail about the sizes. You bought our women's hoodie before. " + _KANYA_REST,
                  "Grace")
    assert "wrong_fact" in caps("w05-reply-kanya", text)


def test_the_new_hoodie_alone_is_not_her_old_one():
    text = letter("Kanya", "Thank you for your message. We are sorry that nobody answered your "
                  "mail about the sizes. " + _KANYA_REST, "Grace")
    assert "bought before" in advice("w05-reply-kanya", text)


# 5. W01 Lena: "like" before a noun is a preposition ("is not like the pictures"), not a verb
@pytest.mark.parametrize("line", ["We are sorry that the coat is not like the pictures.",
                                  "We are sorry the colour is not like the photo on the page."])
def test_like_as_a_preposition_is_no_grammar_error(line):
    text = letter("Lena", line + " Could you send us two photos? We will refund you in full or "
                  "send another coat, as you prefer, within 2 days.")
    assert "plain verb" not in advice("w01-reply-lena", text)


def test_be_with_the_verb_like_is_still_an_error():
    text = letter("Lena", "We are sorry, we are like to help you. Could you send us two photos? "
                  "We will refund you in full or send another coat within 2 days.")
    assert "plain verb" in advice("w01-reply-lena", text)


# 7. smaller rules: a range of days is a time; cancelling without asking is a decision taken for
#    the buyer; a reason given "because it is light" links the product to the need
@pytest.mark.parametrize("line", ["The money will arrive in 3-5 working days.",
                                  "You will see the money within 3 to 5 business days."])
def test_a_range_of_days_is_a_next_step_with_a_time(line):
    text = letter("Hamza", "Thank you for telling us, and we are sorry that the keychain arrived "
                  "broken. We will refund you $20 in full; you do not need to send it back. " + line)
    assert "what happens next and when" not in advice("w07-reply-keychain", text)


@pytest.mark.parametrize("line", ["We cancelled your order and refunded you.",
                                  "We already cancelled the order, and the money is on its way."])
def test_cancelling_without_asking_is_a_wrong_decision(line):
    text = letter("Vera", "We are sorry that your beanie has not shipped. " + line)
    assert "wrong_decision" in caps("w07-reply-vera", text)


def test_offering_to_cancel_is_not_cancelling():
    text = letter("Vera", "We are sorry: the last beanies were damaged in the final check, and the "
                  "supplier restocks on 18 April. Is this short delay OK for you? If not, we can "
                  "cancel your order and refund you in full within 24 hours.")
    assert "wrong_decision" not in caps("w07-reply-vera", text)


@pytest.mark.parametrize("line", [
    "PowerGo Lite is best for you because it is light and can charge two times.",
    "I recommend the PowerGo Lite: it gives two charges, so your bag stays light.",
])
def test_a_reason_for_this_buyer_links_to_the_need(line):
    text = letter("Carlos", "Thank you for your question. " + line + " It is $24, and we ship "
                  "it within 24 hours.", "Lily")
    assert "stated need" not in advice("promo-reply-recommend", text)


def test_a_product_named_without_a_reason_is_not_linked():
    text = letter("Carlos", "Thank you for your question. We have the PowerGo Lite. It is $24, "
                  "and we ship it within 24 hours.", "Lily")
    missing = " ".join(review("promo-reply-recommend", text).criterion("content").missing)
    assert "stated need" in missing


# 7. a wrong amount stands for the fact nearest its size; the holiday's own date is checked;
#    the advice on pushed scarcity quotes no number of its own
@pytest.mark.parametrize("amount,field", [("$133.50", "the total price is $147"),
                                         ("$150", "the total price is $147"),
                                         ("$9.50", "the price of one piece is $9.80")])
def test_a_wrong_amount_is_named_by_the_fact_nearest_its_size(amount, field):
    text = letter("Nadia", f"Thank you for your message. 15 LED strip lights are {amount}, and all "
                  "colours are in stock. Shipping to Hamburg takes 7 days. We will write to you "
                  "again on Friday.")
    assert field in advice("w04-check-reply-nadia", text)


@pytest.mark.parametrize("line", ["Happy Thanksgiving on 26 November!",
                                  "We wish you a happy Thanksgiving this Thursday, 26 November."])
def test_the_us_thanksgiving_date_to_a_canadian_is_a_wrong_fact(line):
    text = letter("Mr Anderson", line + " Thank you for buying our coffee mugs in September. Our "
                  "mugs are 10% off until 31 October.", "Lily")
    r = review("w10-assess-reply-greeting", text)
    assert "12 October" in " ".join(a["en"] for a in r.advice) and r.score <= 50, r.score


def test_the_offer_date_beside_the_holiday_is_not_the_holiday_date():
    text = letter("Mr Anderson", "Happy Thanksgiving! We wish you and your family a warm holiday. "
                  "Thank you for buying our coffee mugs in September. For Thanksgiving our mugs "
                  "are 10% off until 31 October.", "Lily")
    assert not {"wrong_fact", "wrong_facts"} & caps("w10-assess-reply-greeting", text)


def test_the_scarcity_advice_quotes_no_number_of_its_own():
    from course.writing.decisions import DECISIONS

    assert not any(ch.isdigit() for ch in DECISIONS["fake_urgency"].en)
