"""Decisions the seventh notebook readers (issue 28) met, each a general rule shown on lines of
its own: lines it must catch and a line it must leave alone.

- W08: the situation's wrong decisions apply inside the role-play graph. A turn that gives the
  small-amount remedy to a repairable machine (a new one free, the whole price back) takes the
  wrong decision ``gives_in_full``, goes to the graph's bad end and the feedback names it; the
  same holds for the other role-plays' situations.
- Lesson 10: a shipping cut-off with a clock time ("order today before 5 pm and we ship it
  tomorrow") is the next step with a time, not pressure; pressure with "before" ("order today
  before the price goes up"), "only today" and "buy more now" is still caught.
"""
import pytest

import course
from course.writing.dialogue import bad_end

BANK = course.load_bank()

SOPHIE_1 = ("Dear Sophie, thank you for telling us and we are very sorry. Could you send a "
            "short video?")
SOPHIE_3 = "Thank you for your understanding. We have sent the $40 refund today."


def _sophie(turn_2):
    return BANK["w08-roleplay-sophie"].grade([SOPHIE_1, turn_2, SOPHIE_3])


@pytest.mark.parametrize("turn_2", [
    "Thank you. We will ship you a brand new sewing machine at our cost within 3 days. Is that "
    "all right?",
    "Thank you for the video. We can refund the whole price, and you keep the machine. Would "
    "that be OK?",
])
def test_the_small_amount_remedy_for_a_repairable_machine_ends_badly_and_is_named(turn_2):
    ex = BANK["w08-roleplay-sophie"]
    grade = _sophie(turn_2)
    run = ex.conversation([SOPHIE_1, turn_2, SOPHIE_3])
    assert run["outcome"] == "bad" and not grade.correct and grade.score <= 0.40
    assert "a new item or the whole price back" in grade.feedback.en
    assert "寄新品或全额退款" in grade.feedback.zh


def test_the_repair_with_a_fallback_and_no_return_is_left_alone():
    """A full refund offered only if the repair fails is the lesson's next step; "you do not
    need to send it back" fits a local repair (the machine stays with her)."""
    grade = _sophie("Thank you. Could a shop near you repair it? We will refund $40 for the "
                    "repair, or refund you in full if the shop cannot fix it, and you do not "
                    "need to send it back. Is that acceptable? The money comes within 24 hours.")
    assert grade.correct and grade.score >= 0.9, grade.feedback.en


# a line taking one of each role-play situation's wrong decisions (their lesson's rule)
WRONG_IN = {
    "return": "Please send it back at your own cost first.",
    "suspicious_inquiry": "We can meet you tomorrow; our office address is at 5 Long Road.",
    "logistics_delay": "Please contact China Post yourself and open a claim.",
    "quality_repair": "We will refund you in full.",
}


@pytest.mark.parametrize("exercise", sorted(ex.id for ex in BANK.values()
                                            if ex.type == "roleplay"))
def test_every_role_play_ends_badly_on_its_situations_wrong_decision(exercise):
    ex = BANK[exercise]
    models = [t["model"] if isinstance(t["model"], str) else t["model"]["en"]
              for t in (ex.turns[tid] for tid in ex.model_path[:-1])]
    assert ex.grade(models).correct  # the model path itself still ends well
    assert bad_end(ex.turns) is not None
    for i in range(len(models)):
        replies = list(models)
        replies[i] = replies[i].replace("Best regards", WRONG_IN[ex.situation] + "\n\nBest "
                                        "regards")
        run = ex.conversation(replies)
        assert "wrong_decision" in run["transcript"][i]["moves"], (exercise, i)
        assert run["outcome"] == "bad", (exercise, i)


RIVERA = ("Dear Ms Rivera,\n\nThank you for your question. I recommend the PowerGo Lite: it "
          "weighs only 180 g, so your bag stays light, and its 10000 mAh charge your phone about "
          "two times. It costs $24. {x}\n\nBest regards,\nLily")


@pytest.mark.parametrize("cutoff", [
    "Order it today before 4 pm and it leaves our warehouse tomorrow.",
    "When you order now before 16:00, we ship it the same day.",
])
def test_a_shipping_cut_off_is_a_next_step_not_pressure(cutoff):
    review = BANK["promo-reply-recommend"].review(RIVERA.format(x=cutoff))
    assert review.score >= 85 and "pressure" not in str(review), str(review)


@pytest.mark.parametrize("push", [
    "Order today before the price goes up.",
    "This price is only for today.",
    "Order now before 5 pm, last chance!",
])
def test_pressure_with_before_or_only_today_is_still_caught(push):
    review = BANK["promo-reply-recommend"].review(RIVERA.format(x=push))
    assert review.score <= 40 and "pressure or scarcity" in str(review), str(review)


ETHAN = ("Dear Mr Anderson,\n\nHappy Thanksgiving to you and your family! Thank you for "
         "choosing our coffee mugs in September. Our mugs are 10% off until 31 October{x}"
         "\n\nBest regards,\nLily")


def test_a_greeting_that_says_buy_more_now_pushes():
    greeting = BANK["w10-assess-reply-greeting"]
    for push in (", so buy more now.", ". Buy some today!"):
        review = greeting.review(ETHAN.format(x=push))
        assert review.score <= 55 and "'buy" in str(review).lower(), str(review)
    assert greeting.review(ETHAN.format(x=", if you would like one more.")).score >= 80
