"""Misjudgements the eighth notebook readers (issue 28) met, each a general rule shown on
lines of its own: lines it must pass and a line it must still catch (brief 22r).

- The fact checker read ANY extra date or amount as a wrong value of a fact. A value is wrong
  only where the reply states it AS that fact. Not wrong: a holiday's own fixed day beside its
  name ("before Christmas on 25 December"), a deadline the reply promises ("if it does not
  arrive by 20 April, we will send a new one" beside the ship date), a shipment promised after
  the restock day, a saving that is the difference of the sheet's amounts ("so you save
  $1.80"), the usual price an offer is compared with when the sheet has none ("$6.50 instead
  of $7.04"), the price paid when the sheet has none ("refund $4 of the $17 price").
"""
import pytest
from support import course_bank

from course.writing.factcheck import check_facts

BANK = course_bank()

SHIPPED = {"ship_date": "2026-05-04", "carrier": "China Post", "tracking_number": "LX123456789CN"}
RESTOCK = {"restock_date": "2026-06-10", "product": "straw hat"}
OFFER = {"offer_until": "2026-12-10", "regular_price": 30, "unit_price": 25.5, "discount": "15%"}
BARGAIN = {"unit_price": 9, "total_price": 180, "quantity": 20}
PARTIAL = {"compensation": 3, "product": "teapot"}


def _wrong(text, facts):
    return [(w.field, w.said) for w in check_facts(text, facts).wrong]


@pytest.mark.parametrize(("facts", "text"), [
    (SHIPPED, "It was shipped on 4 May with China Post. If it has not arrived by 30 May, we "
              "will send another one."),
    (SHIPPED, "Your hat left on 4 May. Should it not reach you before 1 June, we will refund "
              "you."),
    (RESTOCK, "The hats are back in stock on 10 June, and we will send yours on 11 June."),
    (RESTOCK, "Our supplier restocks on 10 June; we will ship your hat on 12 June."),
    (OFFER, "The offer is valid until 10 December, well before Christmas on 25 December."),
    (OFFER, "It is $25.50 instead of $30, so you save $4.50. It ends before New Year on "
            "1 January."),
    (BARGAIN, "For twenty we can do $9 a piece instead of $10, so $180 for all twenty: you save "
              "$20."),
    (PARTIAL, "We can refund $3 of the $25 price of your teapot."),
    (PARTIAL, "We refund $3 today (you paid $25 for the teapot)."),
])
def test_an_extra_value_not_stated_as_the_fact_is_not_a_wrong_fact(facts, text):
    assert _wrong(text, facts) == [], text


@pytest.mark.parametrize(("facts", "text", "field"), [
    (SHIPPED, "It was shipped on 14 May with China Post.", "ship_date"),
    (SHIPPED, "It was shipped by 14 May with China Post.", "ship_date"),
    (RESTOCK, "The hats are back in stock on 20 June.", "restock_date"),
    (RESTOCK, "We will ship your hat on 8 June, when the supplier restocks.", "restock_date"),
    (OFFER, "The offer is valid until 25 December.", "offer_until"),
    (OFFER, "It is $24 instead of $30, so you save $6.", "unit_price"),
    (OFFER, "It is $25.50 instead of $32.", "regular_price"),
    (BARGAIN, "For twenty we can do $8.50 a piece instead of $9.", "unit_price"),
    (PARTIAL, "We can refund $25 for the mark on your teapot.", "compensation"),
])
def test_a_value_stated_as_the_fact_is_still_wrong(facts, text, field):
    assert field in [f for f, _ in _wrong(text, facts)], (text, _wrong(text, facts))


# the six graded and practice replies the teacher met (key parts as the teacher quotes them)
READER_REPLIES = {
    "w01-check-reply-lucia": "Dear Lucia,\n\nI am sorry your scented candle has not arrived yet. "
    "Your parcel was shipped on 23 March with YunExpress, tracking number YT2545280664805297. I "
    "have asked YunExpress to check it today and will write to you within 24 hours. If it does "
    "not arrive by 20 April, we will send a new one at our cost.\n\nBest regards,\nAnna",
    "w07-assess-reply-ines": "Dear Ines,\n\nI am sorry about the small mark on your pen set. You "
    "do not need to send it back. We can refund $4 of the $17 price to you today. Is that "
    "acceptable to you?\n\nBest regards,\nAnna",
    "w06-reply-dubai": "Dear Mr Al-Mansouri,\n\nThank you for your message. What a lovely idea to "
    "give one speaker to each of your family! For ten speakers we can offer $6.50 a speaker "
    "instead of $7.04, so $65 for all ten. Delivery to Dubai takes about 9 days.\n\nBest "
    "regards,\nAnna",
    "w07-reply-vera": "Dear Vera,\n\nI am sorry your knitted beanie has not shipped yet. The last "
    "ones were damaged in the final check. The beanie restocks on 18 April, and we will ship "
    "your beanie on 19 April. Would you like to wait, or would you prefer a full refund now?"
    "\n\nBest regards,\nAnna",
    "w10-reply-offer": "Dear Mr Hall,\n\nThank you for buying our coffee mug in September. Our "
    "ceramic mug gift set is now 10% off: $16.20 instead of $18, so you save $1.80. The offer "
    "is valid until 1 December, in good time before Christmas on 25 December.\n\nBest regards,"
    "\nAnna",
    "promo-reply-offer": "Dear Mr Tan,\n\nThank you for ordering power banks from us four times. "
    "As a thank-you, the PowerGo Lite is 15% off for you: $20.40 instead of $24, so you save "
    "$3.60. The offer is valid until 30 November.\n\nBest regards,\nAnna",
}


@pytest.mark.parametrize("exercise", sorted(READER_REPLIES))
def test_the_readers_correct_replies_pass_without_a_wrong_fact(exercise):
    grade = BANK[exercise].grade(READER_REPLIES[exercise])
    assert grade.correct and grade.score >= 0.7, grade.feedback.en
    assert "Check your facts" not in grade.feedback.en


# ------------------------------------------------------------------ W08 role-play (Sophie)
SOPHIE = BANK["w08-roleplay-sophie"]
ASK = "Dear Sophie, thank you for telling us and we are very sorry. Could you send a short video?"
REPAIR = "Thank you. Would you agree to a local repair? We will refund $40 within 24 hours."


@pytest.mark.parametrize("last", [
    "The $40 is on its way today; you will see it in 3 days.",  # the teacher's line
    "Your money is on its way now. You will get the $40 within 3 days.",
])
def test_a_short_natural_last_turn_is_the_refund_and_ends_well(last):
    run = SOPHIE.conversation([ASK, REPAIR, last])
    grade = SOPHIE.grade([ASK, REPAIR, last])
    assert run["outcome"] == "good" and grade.correct and grade.score >= 0.85, grade.feedback.en


def test_a_last_turn_without_money_or_time_is_left_alone():
    run = SOPHIE.conversation([ASK, REPAIR, "Thank you, we are glad you found a shop."])
    assert run["outcome"] == "neutral"


@pytest.mark.parametrize("first", [
    "Hi Sophie, we are sorry. Please send us a short video of the problem.",  # the student's
    "We are very sorry, Sophie. Please share a photo of the needle plate with us.",
])
def test_a_request_with_please_asks_the_buyer(first):
    run = SOPHIE.conversation([first])
    assert "ask_details" in run["transcript"][0]["made"] and run["waiting"] == "t2_video"


def test_please_without_a_request_is_no_question():
    run = SOPHIE.conversation(["We are very sorry, Sophie. Please do not worry."])
    assert "ask_details" in run["transcript"][0]["missed"]


@pytest.mark.parametrize("turn_2", [
    "We will send you a new sewing machine for free within 3 days. Is that OK?",  # the student's
    "Thank you for the video. We refund the whole $185, and you keep the machine. OK?",
])
def test_a_wrong_remedy_gets_the_buyers_reason_not_a_threat(turn_2):
    run = SOPHIE.conversation([ASK, turn_2])
    grade = SOPHIE.grade([ASK, turn_2])
    assert run["outcome"] == "bad" and "Saturday" in run["final"] and "dispute" not in run["final"]
    # her answer follows any wrong offer: it names none (a full refund was answered with "a new
    # machine would take weeks", brief 28g)
    assert "new machine" not in run["final"] and "refund" not in run["final"]
    assert grade.score <= 0.40 and "local repair" in grade.feedback.en


def test_a_reply_with_no_remedy_still_ends_in_the_dispute():
    run = SOPHIE.conversation([ASK, "We cannot do anything, sorry."])
    assert run["outcome"] == "bad" and "dispute" in run["final"]


# ------------------------------------------------------------------ "Buy it now!" everywhere
KANYA_PUSH = "Hi Kanya,\n\nWe have a new fleece zip hoodie at $14.90. Buy it now!\n\nBest regards,\nLily"
CHLOE_PUSH = ("Dear Chloé,\n\nThank you for your kind words about the knife set. Our new bamboo "
              "cutting board is $18.50 and is the right size for the knives. Buy one today!\n\n"
              "Best regards,\nLily")
KANYA_CHOICE = ("Dear Kanya,\n\nWe are sorry that we never answered your mail about the two "
                "hoodies in the wrong size. We will exchange them for the right size this week. "
                "You liked our men's hoodie, so you may like our new fleece zip hoodie at $14.90. "
                "If you want to buy it now, just reply and we reserve your size within 24 hours."
                "\n\nBest regards,\nLily")


@pytest.mark.parametrize(("exercise", "text"), [("w05-reply-kanya", KANYA_PUSH),
                                                ("w02-reply-chloe", CHLOE_PUSH)])
def test_buy_it_now_pushes_in_every_situation(exercise, text):
    grade = BANK[exercise].grade(text)
    assert not grade.correct and grade.score <= 0.40, grade.feedback.en
    assert "pushes the buyer to buy at once" in grade.feedback.en


def test_buying_now_left_to_the_buyer_is_left_alone():
    grade = BANK["w05-reply-kanya"].grade(KANYA_CHOICE)
    assert grade.correct and "pushes the buyer" not in grade.feedback.en, grade.feedback.en


# ------------------------------------------------------------------ what she told us (W02 Chloé)
def _chloe(opening):
    return (f"Dear Chloé,\n\n{opening} We have a new bamboo cutting board at $18.50. It is the "
            "right size for the knives and easy to clean. Would you like one? I can reserve it "
            "for you until Friday.\n\nBest regards,\nLily")


@pytest.mark.parametrize("opening", [
    "Thank you for your kind words about the knife set.",  # the teacher's line
    "You told us the knife set works well in your kitchen, which makes us happy.",
])
def test_what_the_customer_told_us_is_using_what_we_know(opening):
    grade = BANK["w02-reply-chloe"].grade(_chloe(opening))
    assert grade.correct and "uses what you know" not in grade.feedback.en, grade.feedback.en


def test_a_reply_with_nothing_of_her_is_left_alone():
    grade = BANK["w02-reply-chloe"].grade(_chloe("Thank you for your message."))
    assert "uses what you know about this customer" in grade.feedback.en


# ------------------------------------------------------------------ advice lines that misled
def test_a_mug_order_names_the_product_bought_before():
    for opening in ("Thank you for your mug order in September.",
                    "We hope you enjoy your coffee mug purchase from September."):
        text = (f"Dear Ms Hall,\n\n{opening} We have a new ceramic mug gift set at $18. Would "
                "you like to see it?\n\nBest regards,\nLily")
        fb = BANK["w10-reply-new-arrival"].grade(text).feedback.en
        assert "the product they bought before" not in fb, fb
    fb = BANK["w10-reply-new-arrival"].grade(
        "Dear Ms Hall,\n\nThank you for your order in September. We have a new ceramic mug gift "
        "set at $18. Would you like to see it?\n\nBest regards,\nLily").feedback.en
    assert "the product they bought before" in fb  # no product named: left alone


@pytest.mark.parametrize("wishes", ["Happy Thanksgiving on 26 November!",
                                    "We wish you a warm Thanksgiving on 26 November."])
def test_a_greeting_with_a_wrong_date_still_has_its_wishes(wishes):
    text = (f"Dear Mr Anderson,\n\n{wishes} Thank you for your order this year. You get 10% off "
            "until 31 October.\n\nBest regards,\nLily")
    fb = BANK["w10-assess-reply-greeting"].grade(text).feedback.en
    assert "holiday wishes themselves" not in fb and "26 November" in fb, fb


def test_a_greeting_without_wishes_is_still_told_so():
    text = ("Dear Mr Anderson,\n\nThanksgiving is on 12 October. Thank you for your order this "
            "year. You get 10% off until 31 October.\n\nBest regards,\nLily")
    assert "holiday wishes themselves" in BANK["w10-assess-reply-greeting"].grade(text).feedback.en


@pytest.mark.parametrize("price", ["Each beanie costs $3.", "The price is 3 dollars a beanie."])
def test_an_invented_price_in_a_holding_reply_is_called_made_up(price):
    text = (f"Dear Siti,\n\nThank you for your message. {price} We will answer within 3 days."
            "\n\nBest regards,\nGrace")
    grade = BANK["w05-assess-holding-siti"].grade(text)
    assert grade.score <= 0.25 and "made up" in grade.feedback.en, grade.feedback.en
    assert "another step of the order" not in grade.feedback.en


def test_another_step_is_still_another_step():
    """Ines has not agreed yet: "as agreed, we have refunded the $4" belongs to a later step
    (the task gives the $4, so it is not made up)."""
    text = ("Dear Ines,\n\nSorry about the mark on your pen set. As agreed, we have refunded the "
            "$4 to you.\n\nBest regards,\nAnna")
    fb = BANK["w07-assess-reply-ines"].grade(text).feedback.en
    assert "made up" not in fb and "another step of the order" in fb, fb


# ------------------------------------------------------------------ too much given (W07 Ines)
def _ines(offer):
    return (f"Dear Ines,\n\nI am sorry about the small mark on your pen set. {offer} Is that "
            "acceptable to you?\n\nBest regards,\nAnna")


@pytest.mark.parametrize("offer", ["We will give you a full $17 refund.",  # the student's
                                   "We will refund the whole price of $17 to you today."])
def test_the_whole_price_back_for_a_small_mark_is_a_wrong_decision_not_a_fact(offer):
    grade = BANK["w07-assess-reply-ines"].grade(_ines(offer))
    assert grade.score <= 0.45 and "gives the whole price back" in grade.feedback.en
    assert "Check your facts" not in grade.feedback.en, grade.feedback.en


def test_a_wrong_partial_amount_is_still_a_wrong_fact():
    fb = BANK["w07-assess-reply-ines"].grade(_ines("We will refund $7 today.")).feedback.en
    assert "Check your facts: you wrote '$7'" in fb and "whole price" not in fb, fb


# ------------------------------------------------------------------ grammar (lesson 10 Carlos)
CARLOS = ("Dear Carlos,\n\nPowerGo Lite is good for you because is light and charge 2 time. It "
          "cost 24 dollar. We ship in 24 hour.\n\nBest regards,\nLily")


@pytest.mark.parametrize(("line", "slip"), [
    ("The PowerGo Lite suits you because is light.", "because is"),
    ("It charges your phone 3 time. We ship it within 2 day.", "3 time"),
])
def test_a_clause_without_subject_and_a_singular_time_are_slips(line, slip):
    text = f"Dear Carlos,\n\n{line} It costs $24.\n\nBest regards,\nLily"
    assert f"'{slip}'" in BANK["promo-reply-recommend"].grade(text).feedback.en


def test_a_time_used_as_an_adjective_is_left_alone():
    text = ("Dear Carlos,\n\nThe PowerGo Lite has a 2 year warranty and a 24 hour charge "
            "service. It costs $24.\n\nBest regards,\nLily")
    fb = BANK["promo-reply-recommend"].grade(text).feedback.en
    assert "'2 year'" not in fb and "'24 hour'" not in fb, fb


def test_the_students_weak_grammar_reply_is_marked_lower():
    grade = BANK["promo-reply-recommend"].grade(CARLOS)  # 77 before; a teacher gives about 60
    assert grade.score <= 0.75 and "because is" in grade.feedback.en


# ------------------------------------------------------------------ patient and personal (W06)
@pytest.mark.parametrize("text", [
    "Dear Mr Al-Mansouri,\n\nThe price is 6.5 dollar each, 65 dollar total. Delivery 9 days. Pay "
    "by card.\n\nRegards",  # the student's
    "Dear Mr Al-Mansouri,\n\nTen speakers: $6.50 each, $65 in total. Delivery to Dubai in 9 days."
    " Payment by card or bank transfer.\n\nBest regards,\nAnna",
])
def test_bare_figures_where_the_task_asks_a_personal_answer_are_capped(text):
    grade = BANK["w06-reply-dubai"].grade(text)
    assert not grade.correct and grade.score <= 0.45 and "personal" in grade.feedback.en


def test_the_same_figures_with_thanks_are_left_alone():
    grade = BANK["w06-reply-dubai"].grade(
        "Dear Mr Al-Mansouri,\n\nThank you for your message. For ten speakers the price is $6.50 "
        "each, $65 in total. Delivery to Dubai takes 9 days.\n\nBest regards,\nAnna")
    # >= 0.6: a 25-word note under the task's 40 words that leaves out the invitation to talk
    # is a thin note (RUBRIC.caps["thin_note"], brief 22sn; sets 5 and 8 give such notes 62-64)
    assert "patient, personal" not in grade.feedback.en and grade.score >= 0.6
