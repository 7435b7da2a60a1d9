"""The reviewer on lesson 10's tuning replies (tests/grading/tuning_replies_promo.yaml, 36
replies over the seven reply tasks of product_recommendation, new_arrival, holiday_greeting and
time_limited_offer).

A TUNING set: written and scored by the engineer who then tuned the reviewer (brief 22t), from
the tasks and the teacher rubric of heldout_replies_2.yaml, before the reviewer was changed for
these situations. Measured once before that change: Spearman 0.876, unacceptable replies
(teacher <= 40) scored <= 50: 13 of 14, excellent (>= 85) scored >= 80: 7 of 7, the rest within
15 points: 14 of 15. After the tuning pass: 0.925, 14/14, 7/7, 14/15. These figures say the
lesson-10 rules do what they were written for; they are not agreement with an unseen teacher.

The guards keep the figures after tuning (Spearman with a small margin for rounding of ties).
"""
from pathlib import Path

import yaml
from support import figures_hold

import course

SET = yaml.safe_load(Path(__file__).with_name("tuning_replies_promo.yaml").read_text("utf-8"))
SITUATIONS = {"product_recommendation", "new_arrival", "holiday_greeting", "time_limited_offer"}


def test_the_promo_set_covers_lesson_10s_situations():
    bank = course.load_bank()
    assert len(SET) == 36 and len({r["id"] for r in SET}) == 36
    assert {bank[r["exercise"]].situation for r in SET} == SITUATIONS
    assert all({"id", "exercise", "category", "score", "text"} <= set(r) for r in SET)


def test_promo_figures_do_not_fall_below_those_after_tuning(measured):
    # 0.925, 14/14, 7/7, 14/15 after the tuning pass
    figures_hold(measured, 0.92, unacceptable=(14, 14), excellent=(7, 7), rest=(15, 14))
