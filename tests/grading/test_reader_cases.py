"""The reviewer's misjudgements that two notebook readers met (issue 28, second reading), and
variants of each: every reply is scored through its bank task and must land within a band
around what the readers' teacher gave (the band is the issue's "within 15 points", or the
unacceptable/excellent bands where the teacher's mark is in one).

The replies are the readers' abridged replies, completed in the same plain student English;
the teacher's mark is the reader's. A tuning set of the rules these cases taught (brief 22u),
not agreement with an unseen teacher.
"""
import pytest
from support import course_bank

BANK = course_bank()
BAND = 15


def score(exercise: str, text: str) -> int:
    return BANK[exercise].review(text).score


def within(auto: int, teacher: int) -> bool:
    if teacher <= 40:
        return auto <= 50
    if teacher >= 85:
        return auto >= 80
    return abs(auto - teacher) <= BAND


CHLOE = """Hello Chloe,

Thank you for you message. Since you like the knife set you bought from us, we recommend our
new bamboo cutting board. It is good for your knives and easy to clean. It is $18.50. If you
want it, please reply and we will ship it in 2 days.

Best regards,
Mia"""
ASHLEY = """Dear Ms Lewis,

Thank you for your message and for ordering from us three times! To go with your new silk
scarf this winter, we recommend our new knitted beanie. It is warm and matches the scarf. It
is $12.90. Reply with the colour you like and we will ship it within 2 days.

Best regards,
Mia"""
KANYA = """Dear Ms Thongchai,

We are very sorry that we did not answer your last mail about the two hoodies in the wrong
size. Thank you for your 13 orders with us, we know you like our men's hoodies. Our new fleece
zip hoodie is warm and soft, and it is $14.90. If you want one, please tell us the size and we
will ship it within 2 days.

Best regards,
Grace"""

# 1. names: no accent on the keyboard; a title and a surname the facts do not give
NAMES = [
    ("w02-reply-chloe", CHLOE, 80),
    ("w02-reply-chloe", CHLOE.replace("Hello Chloe", "Dear Ms Michel"), 85),
    ("w02-check-reply-ashley", ASHLEY, 85),
    ("w02-check-reply-ashley", ASHLEY.replace("Ms Lewis", "Miss Lewis"), 85),
    ("w05-reply-kanya", KANYA, 90),
]


@pytest.mark.parametrize("exercise,text,teacher", NAMES)
def test_a_name_without_its_accent_or_with_a_surname_the_facts_lack_is_not_a_wrong_fact(
        exercise, text, teacher):
    review = BANK[exercise].review(text)
    assert not any("name" in c["en"] for c in review.caps)
    assert within(review.score, teacher), review.score


def test_a_name_that_contradicts_the_facts_is_still_a_wrong_fact():
    from course.writing.factcheck import check_facts

    wrong = lambda text, facts, buyer="": [w.said for w in check_facts(text, facts, buyer).wrong]  # noqa: E731
    assert wrong("Hello Emma, thanks.", {"buyer_name": "Chloé"}) == ["Emma"]
    assert wrong("Dear Ms Smith, thanks.", {"buyer_name": "Ms Weber"}) == ["Smith"]
    assert wrong("Dear Mr Smith, thanks.", {"buyer_name": "Mr Al-Mansouri"},
                 "Salam, ... Regards, Khalid Al-Mansouri") == ["Smith"]
    # ... and the right names, with or without accents, are right
    assert wrong("Dear Mr Al-Mansouri, thanks.", {"buyer_name": "Mr Al-Mansouri"}) == []
    assert wrong("Dear José, thanks.", {"buyer_name": "Jose"}) == []


# 2. role-play: asking for agreement in the students' forms; an offer made as "we pay $40"
T1 = ("Dear Sophie, thank you for your message. We are very sorry about your sewing machine. "
      "Could you please send us a short video of the problem?")
T3 = "Thank you for your understanding. We will send the $40 refund today, you will get it in 3 days."
ASKS = ["Is it OK for you?", "Is it ok for you?", "Can you accept it?",
        "Do you accept this solution?", "What do you think?", "Do you agree?",
        "Is that okay for you?"]


@pytest.mark.parametrize("ask", ASKS)
def test_the_role_play_hears_a_plain_question_for_agreement(ask):
    ex = BANK["w08-roleplay-sophie"]
    t2 = ("Dear Sophie, thank you for the video. Please ask a local shop to repair it. We can "
          "refund you $40 for the repair. " + ask)
    run = ex.conversation([T1, t2, T3])
    assert run["outcome"] == "good", run["transcript"]
    assert within(round(ex.grade([T1, t2, T3]).score * 100), 87)


def test_we_pay_40_dollars_for_repair_is_an_offer():
    ex = BANK["w08-roleplay-sophie"]
    t2 = "Please find a local repair shop, we pay $40 for repair. Do you agree?"
    run = ex.conversation([T1, t2, T3])
    assert run["outcome"] != "bad" and "offer_solution" in run["transcript"][1]["made"]
    assert round(ex.grade([T1, t2, T3]).score * 100) >= 65 - BAND
    from course.writing.moves import moves_in

    assert "offer_solution" not in moves_in("We cannot pay $40 for the repair.")


# 3. plain amounts and counts; one paragraph of plain sentences is not a keyword list
PLAIN = [
    pytest.param("w07-reply-keychain", "Hi Hamza, sorry! We refund you 20 dollars now, no need "
                 "return. Money come in 3 days. Best regards, Li Hua", 60, marks=pytest.mark.xfail(
                     strict=True, reason="80 where the teacher gives 60: its two slips cost 8 "
                     "language points, and the closing run into the line now counts (it was 75 "
                     "only because 'Best regards, Li Hua' was missed)")),
    ("w07-reply-keychain", "Dear Hamza,\n\nWe are sorry that the keychain does not work. It is our "
                           "mistake. We will refund 20 dollar to you, no need send back. The money "
                           "will arrive in 3 days.\n\nBest regards,\nLi Hua", 67),
    ("w04-check-reply-nadia", "Dear Nadia, thank you for your message. Price is 9.8 dollar one "
                              "piece, 15 piece total 147 dollar. All colours are in stock. Ship to "
                              "Hamburg need 7 days. I will contact you again in Wednesday. Best "
                              "regards, Tom", 67),
    ("w02-check-reply-ashley", "Dear Ashley,\n\nThank you for your message and your three orders. "
                               "Our new knitted beanie goes well with your silk scarf, and it is "
                               "warm for the winter in Ohio. It is $12.90.\n\nBest regards,\nMia",
     65),
    # the free samples in the buyer's message are not the quantity of an order: asking how many
    # is not asking again
    pytest.param("w03-reply-yara", "Dear Yara,\n\nThank you for your interest in our yoga mats. "
                 "Could you please tell us your shop's website, and which yoga mat you need and how "
                 "many? We can send one paid sample first. We cannot meet tomorrow, but we can have "
                 "a video call in 3 days.\n\nBest regards,\nLi Hua", 85,
                 id="free_samples_in_the_buyers_message_are_not_the_quantity_of_an_order"),
]


@pytest.mark.parametrize("exercise,text,teacher", PLAIN)
def test_plain_amounts_and_counts_are_read(exercise, text, teacher):
    review = BANK[exercise].review(text)
    assert not {"keywords", "no_answer", "asks_again"} & {c["name"] for c in review.caps}
    assert within(review.score, teacher), review.score


JESSICA = ("Hi Jessica,\n\nThank you for your message. 3 speaker is 21.12 dollar, one is 7.04 "
           "dollar. We send to Denver need 8 days, can arrive before christmas. Our speaker have "
           "one year warranty. If you want, please order today and we send tomorrow.\n\nBest "
           "regards,\nMia")


def test_a_price_in_dollar_words_is_an_answer_with_a_price():
    review = BANK["w06-assess-reply-jessica"].review(JESSICA)
    assert not {"keywords", "no_answer"} & {c["name"] for c in review.caps}
    assert review.criterion("content").points == 30 and review.score >= 60


def test_jessicas_broken_sentences_score_as_the_teacher_gives():
    # '3 speaker', 'send to Denver need 8 days', 'christmas', 'our speaker have': four slips
    # (the many_slips cap, 75; 70 until brief 22gm), where it scored 80 with none of them seen
    review = BANK["w06-assess-reply-jessica"].review(JESSICA)
    assert len(review.criterion("language").missing) == 4, review.criterion("language").missing
    assert within(review.score, 60)


def test_a_number_of_orders_thanks_for_past_business():
    haddad = ("Dear Mr Haddad,\n\nThank you for your nine orders with our shop, we really "
              "appreciate your trust. We miss working with you and hope to resume our business. "
              "We now have a new range of products, and we can give you 10% off any order until "
              "30 November. We look forward to your reply at your earliest convenience.\n\nBest "
              "regards,\nAnna")
    review = BANK["w01-reply-haddad"].review(haddad)
    assert not any("thanks for past business" in m for m in review.criterion("content").missing)
    assert review.score >= 80
    for thanks in ("Thank you for your 9 orders", "Thank you very much for your many orders"):
        text = haddad.replace("Thank you for your nine orders", thanks)
        assert BANK["w01-reply-haddad"].review(text).score >= 80


def test_a_keyword_string_is_still_a_keyword_list():
    from course.writing.text import keyword_list

    assert keyword_list("Sorry apologise delay China Post tracking number LX123456789CN shipped "
                        "10 April refund resend solution compensation wool scarf thank you")
    assert not keyword_list("We refund you 20 dollars now, no need return. Money come in 3 days.")


# 4. tone: accusing the buyer of not being real is blame
ACCUSING = [
    ("w03-reply-yara", "sorry we dont send free samples. Maybe you are fake buyer. Please give us "
                       "your website first.", 30),
    ("w03-check-reply-farid", "Dear Farid,\n\nThank you for your message. We searched your company "
                              "on Google but found nothing, so we think maybe you are not a real "
                              "company. We cannot send free samples of all our models. Please send "
                              "us your company website and registration, and tell us which "
                              "products you need. Then we can send a paid sample.\n\nBest "
                              "regards,\nLi Hua", 52),
]


@pytest.mark.parametrize("exercise,text,teacher", ACCUSING)
def test_calling_the_buyer_a_fake_is_blame(exercise, text, teacher):
    review = BANK[exercise].review(text)
    assert review.criterion("tone").points < 20 and "tone" in {c["name"] for c in review.caps}
    assert review.score <= max(teacher, 50)  # the blame cap (35) may sit below a 52


def test_checking_a_buyer_politely_is_not_blame():
    ok = ("Dear Farid,\n\nThank you for your message. To prepare a quotation we need to check "
          "that you are a real company, so please send us your company website and "
          "registration, and tell us which products you need. Then we can send a paid "
          "sample.\n\nBest regards,\nLi Hua")
    assert BANK["w03-check-reply-farid"].review(ok).criterion("tone").points == 20


def test_a_grammar_slip_after_thank_you_for_is_not_a_command():
    text = ASHLEY.replace("Dear Ms Lewis", "Dear Ashley").replace(
        "Thank you for your message and for ordering from us three times!",
        "Thank you for buy from us three times!")
    review = BANK["w02-check-reply-ashley"].review(text)
    assert review.criterion("tone").points == 20 and within(review.score, 80)


# 5. the point a task exists for
# the facts of a Thanksgiving greeting to a US customer, for the tests that review one directly
DAVIS = {"buyer_name": "Ms Davis", "holiday": "Thanksgiving", "discount": "10%",
         "offer_until": "2026-10-31"}


def davis(text: str):
    """The review of a holiday greeting to Ms Davis (Thanksgiving, 10% until 31 October)."""
    from course.writing.reviewer import review_reply

    return review_reply(text, "holiday_greeting", facts=DAVIS, words=[30, 120])


CHRISTMAS = ("Dear Ms Davis,\n\nMerry Christmas to you and your family! Thank you for buying our "
             "mugs this year. We wish you a warm and happy holiday. Our mugs are 10% off until 31 "
             "October.\n\nBest regards,\nLily")
# a greeting that misses its point: the words flagged, and the teacher's mark
WEAK_GREETINGS = [
    pytest.param(CHRISTMAS, "Christmas", 40, id="a_greeting_for_the_wrong_festival_is_a_wrong_fact"),
    pytest.param("Dear Ms Davis,\n\nOur mugs are 10% off until 31 October, please order soon! "
                 "Also, happy Thanksgiving to you and your family. Thank you for buying our mugs "
                 "this year.\n\nBest regards,\nLily", "10% off", 55,
                 id="a_greeting_that_opens_with_the_offer_is_weak"),
]


@pytest.mark.parametrize("text,flagged,teacher", WEAK_GREETINGS)
def test_a_weak_greeting_is_flagged_and_marked_as_the_teacher_marks_it(text, flagged, teacher):
    review = davis(text)
    assert flagged in review.flagged and within(review.score, teacher)


def test_the_right_festival_asks_for_no_next_step():
    review = davis(CHRISTMAS.replace("Merry Christmas", "Happy Thanksgiving"))
    assert not any("next" in a["en"].lower() for a in review.advice)


def test_a_greeting_with_the_wishes_first_flags_nothing():
    wishes_first = ("Dear Ms Davis,\n\nHappy Thanksgiving to you and your family! Thank you for "
                    "buying our mugs this year. Our mugs are 10% off until 31 October.\n\nBest "
                    "regards,\nLily")
    assert not davis(wishes_first).flagged


@pytest.mark.parametrize("text", [
    "Dear David,\n\nSorry for this problem. Please send us a video, then we refund $20.\n\n"
    "Best regards,\nLi Hua",
    "Dear Hamza,\n\nSorry for this problem. We will refund $20 after we see the video.\n\n"
    "Best regards,\nLi Hua",
])
def test_a_small_refund_made_to_wait_for_a_video_is_the_wrong_decision(text):
    review = BANK["w07-reply-keychain"].review(text)
    assert "proof_first" in " ".join(c["en"] for c in review.caps) or review.score <= 50
    assert within(review.score, 45)


def test_a_small_refund_without_a_condition_passes():
    text = ("Dear Hamza,\n\nWe are sorry that the keychain does not work; it is our mistake. We "
            "will refund the $20 in full today, and there is no need to send it back or to send "
            "us a video. The money will arrive within 3 days.\n\nBest regards,\nLi Hua")
    assert BANK["w07-reply-keychain"].review(text).score >= 80


@pytest.mark.parametrize("late,teacher", [("next week", 55), ("in two weeks", 55)])
def test_a_holding_reply_later_than_the_tasks_limit_is_late(late, teacher):
    text = ("Dear Siti,\n\nThank you for your mail, we have received it. Our factory is checking "
            f"the colours and price. You will have our answer {late}.\n\nBest regards,\nGrace")
    review = BANK["w05-assess-holding-siti"].review(text)
    assert late in review.flagged and within(review.score, teacher)
    on_time = text.replace(late, "within 3 days")
    assert BANK["w05-assess-holding-siti"].review(on_time).score >= 70


def test_replies_with_two_frequent_errors_are_not_excellent():
    lucia = ("Dear Lucia,\n\nSo sorry for the late. Your candle is shipped in 23 March by "
             "YunExpress, tracking number YT2545280664805297. Now it is waiting in customs. If "
             "you still not receive in 5 days, we will resend or refund to you.\n\nBest "
             "regards,\nAnna")
    assert within(score("w01-check-reply-lucia", lucia), 75)


def test_pressing_a_family_buyer_to_pay_today_is_pressure():
    dubai = ("Dear Khalid,\n\nThank you for your message. Our best price is $6.5 each, 65 dollars "
             "total for ten speakers. Delivery takes 9 days. This is our final price, no more "
             "discount. Please pay today.\n\nBest regards,\nMia")
    review = BANK["w06-reply-dubai"].review(dubai)
    assert "Please pay today" in review.flagged and within(review.score, 50)
    patient = dubai.replace(" This is our final price, no more discount. Please pay today.",
                            " If you have any questions, we are happy to talk.")
    assert "tone" not in {c["name"] for c in BANK["w06-reply-dubai"].review(patient).caps}
