"""The reviewer's second tuning round (issue 22, brief 22t): each rule it added, with a reply
that breaks it and the same reply without the fault (so that every test can fail both ways)."""
import pytest
from support import course_bank

from course.writing.factcheck import check_facts
from course.writing.moves import moves_in
from course.writing.reviewer import review_reply
from course.writing.rubric import RUBRIC, Rubric

BANK = course_bank()


def review(task, text):
    return BANK[task].review(text)


def missing(r):
    return " | ".join(str(m) for c in r.criteria for m in c.missing)


LATE = ("Dear Jessica,\n\nThank you for your message, and we are very sorry that your wool scarf "
        "is late. It left our warehouse on {day}10 April with China Post, tracking number "
        "{tracking}. Parcels are waiting at the sorting centre this week. If it has not arrived "
        "within 7 days, we will send a new one or refund you in full.\n\nBest regards,\nLily")


@pytest.mark.parametrize("day,wrong", [("Friday, ", False), ("", False), ("Monday, ", True)])
def test_a_weekday_beside_a_task_date_must_be_its_weekday(day, wrong):
    # 10 April 2026 is a Friday
    r = review("rel-reply-late-delivery", LATE.format(day=day, tracking="LX123456789CN"))
    assert (r.score <= RUBRIC.caps["wrong_fact"]) == wrong, r
    assert ("Friday, 10 April" in missing(r)) == wrong


def test_the_order_number_given_to_track_the_parcel_is_a_wrong_fact():
    text = LATE.format(day="", tracking="LX123456789CN").replace(
        "tracking number LX123456789CN", "you can track it with the number 8012345678901234")
    r = review("rel-reply-late-delivery", text)
    assert r.score <= RUBRIC.caps["wrong_fact"] and "8012345678901234" in r.flagged
    assert not check_facts("Your order 8012345678901234 is tracked as LX123456789CN.",
                           BANK["rel-reply-late-delivery"].facts).wrong


def test_a_sentence_does_not_end_at_the_point_of_an_amount():
    facts = {"unit_price": 9.5, "price_months": 6}
    three = check_facts("The price stays at $9.50 a lamp for the next three months.", facts)
    six = check_facts("The price stays at $9.50 a lamp for the next six months.", facts)
    assert [w.said for w in three.wrong] == ["three months"] and not six.wrong
    assert six.right.get("price_months") == "six months"


@pytest.mark.parametrize("history,wrong", [
    ("You have bought our jasmine green tea three times", ""),
    ("You have bought our jasmine tea three times", ""),
    ("You have bought our oolong tea three times", "oolong tea"),
    ("You have bought our jasmine green tea twice", "twice"),
    ("Thank you for your 9 orders of jasmine green tea", "9 orders")])
def test_the_customers_history_is_checked(history, wrong):
    text = (f"Dear Ms Okafor,\n\nThank you for your message. {history}, so we think you will "
            "like our new jasmine pearl tea. It is $12.50 a tin. If you would like it, reply and "
            "we will ship it within 2 days.\n\nBest regards,\nLily")
    r = review("idic-reply-customize", text)
    assert (r.score <= RUBRIC.caps["wrong_fact"]) == bool(wrong), r
    if wrong:
        assert wrong in r.flagged
    if wrong in ("twice", "9 orders"):  # a wrong count does not use what you know of her
        assert "uses what you know" not in " ".join(r.criterion("content").found)


def test_a_possessive_in_a_product_name_counts():
    facts = {"last_product": "men's hoodie"}
    from course.writing.values import FACT_KINDS

    kind = FACT_KINDS["last_product"].kind
    assert kind.find("You bought our men's hoodies last winter.", facts)
    assert kind.find("You bought our mens hoodie last winter.", facts)
    # "men hoodie" (no possessive mark) names her product too since brief 22pw (issue 28's
    # fifteenth teacher reader: "you like our men red hoodie"); the slip is the grammar's to mark
    assert kind.find("You bought our men hoodies last winter.", facts)
    assert not kind.find("Our women's hoodies are new this winter.", facts)


def test_a_greeting_for_another_holiday_is_a_wrong_fact():
    good = ("Dear Ms Davis,\n\nHappy Thanksgiving! We wish you and your family a warm and "
            "peaceful holiday. Thank you for choosing our coffee mugs this summer.\n\n"
            "Warm regards,\nLily")
    assert review("w10-reply-holiday", good).score >= 80
    wrong = good.replace("Happy Thanksgiving", "Merry Christmas")
    r = review("w10-reply-holiday", wrong)
    assert r.score <= RUBRIC.caps["wrong_fact"] and "Merry Christmas" not in r.flagged
    assert "Christmas" in r.flagged


def test_a_greeting_is_not_asked_for_a_next_step():
    text = ("Dear Ms Davis,\n\nHappy Thanksgiving! We wish you and your family a warm and "
            "peaceful holiday. Thank you for choosing our coffee mugs this summer.\n\n"
            "Warm regards,\nLily")
    r = review("w10-reply-holiday", text)
    assert "next step" not in missing(r)
    assert r.criterion("structure").points == r.criterion("structure").max_points - 5  # length
    assert "next step" in missing(review("msg-reply-aftersale", text))


# replies with ``{}`` where a line that is a tone fault goes
PRESSURED = ("grading-reply-grade2",
             "Dear Mr Kowalski,\n\nThank you for your interest. For 300 boards the price is "
             "$3.80 each, $1,140 in total, and a sample costs $15 with shipping to Warsaw. "
             "I will write to you again on Friday.{}\n\nBest regards,\nLily")
BLAMED = ("msg-reply-aftersale",
          "Dear Tom,\n\nThank you for letting us know, and we are very sorry about the "
          "scratch.{} As compensation we would like to offer you a partial refund of $4. "
          "Would this be acceptable? We will send it within 24 hours.\n\nBest regards,\nGrace")


@pytest.mark.parametrize("reply,line", [
    # pressure to pay or order now
    (PRESSURED, "This price is only valid today."),
    (PRESSURED, "Only 5 boards are left, so please pay now."),
    (PRESSURED, "If we do not receive your order before Friday, we will remove you from our VIP "
                "list."),
    (PRESSURED, "Please pay within 24 hours, otherwise your account may be limited."),
    # calm blame: the damage is normal, not ours, the buyer's doing
    (BLAMED, "Small scratches can happen during transport, which is quite normal."),
    (BLAMED, "The scratch was not caused by our factory."),
    (BLAMED, "Please note that most lamp problems come from using a weak power socket."),
])
def test_pressure_and_calm_blame_are_tone_faults(reply, line):
    # the reply scores 80 or more without the line, no more than the tone cap with it (calm
    # blame in a reply that does the rest of the job: the calm_blame cap, brief 22sn)
    task, base = reply
    assert review(task, base.format("")).score >= 80
    r = review(task, base.format(" " + line))
    most = RUBRIC.caps["calm_blame"] if reply is BLAMED else RUBRIC.caps["tone"]
    assert r.score <= most and "tone" in {c["name"] for c in r.caps}, r


@pytest.mark.parametrize("task,fault,fine", [
    ("rev-reply-out-of-stock",
     "If you want to cancel, we can refund 80% of the payment, because the platform fee cannot "
     "be returned.",
     "If not, we can cancel the order and refund you in full at once."),
    ("idic-reply-customize",
     "We have many new teas: jasmine pearl tea, oolong and white tea. Please visit our shop "
     "and choose the one you like.",
     "You have bought our jasmine green tea three times, so we recommend our new jasmine pearl "
     "tea at $12.50 a tin."),
    ("markets-reply-canada",
     "The price is $9.50 a lamp now, but it may change because of the exchange rate.",
     "We confirm that the price stays at $9.50 a lamp for the next six months.")])
def test_new_wrong_decisions(task, fault, fine):
    letters = {
        "rev-reply-out-of-stock": "Dear Mrs Haddad,\n\nThank you for your order. We are sorry: "
        "the last prayer mats were damaged, and the supplier restocks on 18 May. We will ship "
        "within 2 days after that. Is this short delay acceptable? {}\n\nBest regards,\nLily",
        "idic-reply-customize": "Dear Ms Okafor,\n\nThank you for your message. {} Reply and we "
        "will ship it within 2 days.\n\nBest regards,\nLily",
        "markets-reply-canada": "Bonjour Ms Tremblay,\n\nThank you for your monthly orders. {} "
        "Your 40 lamps will be $380, and delivery to Montreal takes 12 days.\n\nBest regards,"
        "\nLily"}
    bad = review(task, letters[task].format(fault))
    assert bad.score <= RUBRIC.caps["wrong_decision"], bad
    assert "wrong decision" in missing(bad)
    good = review(task, letters[task].format(fine))
    assert good.score >= 70 and "wrong decision" not in missing(good), good


@pytest.mark.parametrize("words", ["you don't need send it back", "you do not need to send it back",
                                   "there is no need to send it back"])
def test_no_return_in_plain_student_english(words):
    text = ("Dear Ryan,\n\nThank you for telling us, and we are very sorry. We will refund you "
            f"the full $9 today and {words}. The money arrives within 3 working days.\n\n"
            "Best regards,\nAmy")
    r = review("comp-reply-dead-charger", text)
    assert "wrong decision" not in missing(r) and "no need to send it back" not in missing(r)
    asked = text.replace(words, "please send it back to us first")
    assert review("comp-reply-dead-charger", asked).score <= RUBRIC.caps["wrong_decision"]


def test_asking_for_agreement_in_plain_words_counts_in_reviews_and_role_plays():
    for question in ("Is it OK for you?", "Can you accept this little delay?"):
        assert "ask_acceptable" in moves_in(f"Sorry for the delay. {question}")
    assert "ask_acceptable" not in moves_in("Sorry for the delay. We ship on Monday.")
    assert "new_products" in moves_in("We now sell new phone tripods.")


def test_all_lower_case_costs_language_points():
    text = ("Dear Ms Davis,\n\nHappy Thanksgiving to you and your family! Thank you for choosing "
            "our coffee mugs this summer. We hope you enjoy the holiday.\n\nBest wishes,\nLily")
    upper = review("w10-reply-holiday", text).criterion("language")
    lower = review("w10-reply-holiday", text.lower()).criterion("language")
    assert upper.points == upper.max_points
    assert lower.points == upper.points - RUBRIC.per_error
    assert "capital" in " ".join(lower.missing)


@pytest.mark.parametrize("slip", ["we have receive your email", "Thank you for buy our mugs",
                                  "after receive your details", "we are miss you",
                                  "I will contact with you"])
def test_plain_slips_cost_language_points(slip):
    from course.writing.patterns import ERRORS_RX

    assert any(rx.search(slip) for rx, _en, _zh in ERRORS_RX), slip


def test_the_length_criterion_is_named_in_the_rubric():
    assert RUBRIC.caps["brief"] == 100 - RUBRIC.length_points == 80
    with pytest.raises(ValueError, match="brief cap"):
        Rubric(length_points=10)
    short = "Dear Tom, sorry about the scratch. We refund $4. Is that OK? Thanks, Grace"
    r = review("msg-reply-aftersale", short)
    assert any(c["name"] == "brief" and "20 points" in c["en"] for c in r.caps) or r.score < 80


@pytest.mark.parametrize("task,line", [
    ("rel-reply-late-delivery", "The parcel is waiting for a flight, which is common in this "
                                "busy season."),
    ("rel-reply-late-delivery", "It was shipped on 10 April; on Monday the tracking updated."),
    ("rev-reply-out-of-stock", "If not, we can cancel the order without a fee and refund you "
                               "in full."),
    ("idic-reply-customize", "We have many new teas, and for you we recommend our new jasmine "
                             "pearl tea at $12.50 a tin, because you bought our new tea three "
                             "times."),
    ("msg-reply-aftersale", "We are sorry for the mistake and we will check every lamp before "
                            "shipping, as you may know we care about quality."),
    ("promo-reply-offer", "If you order now, the discount is taken off at checkout."),
    ("fol-reply-holding", "We received it just today.")])
def test_good_lines_that_look_like_faults_are_not_faults(task, line):
    text = BANK[task].model_answer.replace("\n\nBest regards", f" {line}\n\nBest regards")
    assert line in text
    r = review(task, text)
    assert not [c for c in r.caps if c["name"] in ("tone", "wrong_decision", "wrong_fact",
                                                    "wrong_facts")], r


def test_a_clause_starts_at_we_even_without_a_comma():
    text = ("Dear Jessica,\n\nSorry your scarf is late. It was shipped on 10 April by China Post, "
            "tracking LX123456789CN. If it does not arrive in 7 days we resend it.\n\n"
            "Best regards,\nLily")
    assert "wrong decision" not in missing(review("rel-reply-late-delivery", text))
    refused = text.replace("we resend it", "we do not resend it")
    assert "wrong decision" in missing(review("rel-reply-late-delivery", refused))


def test_a_greeting_with_an_offer_the_task_does_not_give_is_an_advert():
    text = ("Dear Ms Davis,\n\nHappy Thanksgiving! We wish you and your family a warm holiday. "
            "Thank you for choosing our coffee mugs this summer.{}\n\nWarm regards,\nLily")
    offer = " This week all mugs are 20% off for you."
    # both greeting tasks of the bank now give an offer (one short line at the end, lesson 10):
    # a greeting task without one is the bank's Ms Davis task without its offer facts
    task = BANK["w10-reply-holiday"]
    plain = {k: v for k, v in task.facts.items() if k not in ("discount", "offer_until")}
    assert review_reply(text.format(""), "holiday_greeting", plain).score >= 80
    advert = review_reply(text.format(offer), "holiday_greeting", plain)
    assert advert.score <= RUBRIC.caps["wrong_decision"]
    # where the task gives an offer, another offer is a wrong fact
    assert review("w10-reply-holiday", text.format(offer)).score <= RUBRIC.caps["wrong_fact"]
    # where the task gives the offer, its one line is part of the greeting
    given = text.replace("Ms Davis", "Mr Anderson").format(
        " Our mugs are 10% off for you until 31 October.")
    assert review("w10-assess-reply-greeting", given).score >= 80
