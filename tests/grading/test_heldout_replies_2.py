"""The reviewer against the SECOND teacher-scored set (tests/grading/heldout_replies_2.yaml,
159 replies over the 13 reply tasks of lessons 01-09), which is now a TUNING set.

Written blind on 2026-12-07 by a separate engineer acting as the teacher, from the tasks alone:
no reviewer code, no test, no reviewer run. While it was held out, the lead measured the
reviewer on it twice; those are the only unseen figures this set gave:

============================  ==========================  ===================  ========
figure                        before the tuning of 22t    after (measured once)  target
============================  ==========================  ===================  ========
Spearman                      0.840                       0.840                >= 0.85
unacceptable (<= 40) <= 50    76 / 82                     76 / 82              all
excellent (>= 85) >= 80       12 / 15                     11 / 15              all
the rest within 15 points     31 / 62 (50%)               40 / 62 (65%)        80%
============================  ==========================  ===================  ========

Then brief 22t TUNED ON THIS SET (and on the first): its disagreements were read and their
causes fixed with general rules (a weekday beside a task's date, the order number given as
the tracking number, months of a price promise, the customer's history, pressure and calm
blame as tone faults, a fee kept on a cancellation, listing products instead of choosing one,
a price that "may change", plain slips in the language score, "you don't need send it back").
After that pass the set gives Spearman 0.927, 82/82, 15/15 and 54/62 (87%): TUNING figures,
not agreement with an unseen teacher. A third blind set, kept from the engineers who tuned,
measures that: see test_heldout_replies_3.py.

The guards below keep the figures measured after the tuning pass (Spearman with a small
margin for rounding of ties), so that a later change can only keep or improve them.
"""
from support import figures_hold, scored_replies

SET = scored_replies(__file__, "heldout_replies_2.yaml")


def test_the_second_set_is_the_one_measured():
    assert len(SET) == 159 and len({r["id"] for r in SET}) == 159
    assert all({"id", "exercise", "score", "text"} <= set(r) for r in SET)
    assert len({r["exercise"] for r in SET}) == 13


def test_second_set_figures_do_not_fall_below_those_after_tuning(measured):
    # 0.927, 82/82, 15/15, 54/62 after the 22t tuning pass
    figures_hold(measured, 0.92, unacceptable=(82, 82), excellent=(15, 15), rest=(62, 54))
