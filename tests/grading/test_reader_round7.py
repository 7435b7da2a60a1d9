"""Decisions the seventh notebook readers (issue 28) met, each a general rule shown on lines of
its own: lines it must catch and a line it must leave alone.

- W08: the situation's wrong decisions apply inside the role-play graph. A turn that gives the
  small-amount remedy to a repairable machine (a new one free, the whole price back) takes the
  wrong decision ``gives_in_full``, goes to the graph's bad end and the feedback names it; the
  same holds for the other role-plays' situations.
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
