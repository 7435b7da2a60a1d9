"""The reviewer on the fifth teacher set (tests/grading/tuning_replies_5.yaml, 183 replies over
all 38 reply tasks of the bank, in the fifteen kinds of set 3).

A TUNING set: written blind by another engineer (brief 22w) from the tasks alone (its header
says what was read), then read by the tuner of brief 22c. Measured once on main before that
round, while still unseen by the reviewer's code: Spearman 0.866, unacceptable replies (teacher
<= 40) scored <= 50: 89 of 94, excellent (>= 85) scored >= 80: 16 of 20, the rest within 15
points: 57 of 69 (83%). After the round, tuned on it (general rules, each shown on lines of its
own in test_rules_round5.py): 0.928, 93/94, 20/20, 65/69 (94%). These after-figures say the
rules do what they were written for; they are not agreement with an unseen teacher.

The guards keep the figures after tuning (Spearman with a small margin for rounding of ties).
"""
from support import covers_every_reply_task, figures_hold, scored_replies

SET = scored_replies(__file__, "tuning_replies_5.yaml")


def test_the_fifth_set_covers_every_reply_task_of_the_bank():
    covers_every_reply_task(SET, 183)


def test_fifth_set_figures_do_not_fall_below_those_after_tuning(measured):
    # 0.928, 93/94, 20/20, 65/69 after the round (0.866, 89/94, 16/20, 57/69 before)
    figures_hold(measured, 0.92, unacceptable=(94, 93), excellent=(20, 20), rest=(69, 65))
