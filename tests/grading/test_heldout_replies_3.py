"""The reviewer against the THIRD teacher-scored set (tests/grading/heldout_replies_3.yaml,
164 replies over all 38 reply tasks of the bank: lessons 01-10 and workshops W01-W10), HELD OUT.

Written blind on 2026-12-07 by a separate engineer acting as the teacher, from the tasks alone
(no reviewer code, no test, no reviewer run; its header says what was read). Nobody who tuned
the reviewer has seen it. The lead measured the reviewer on it on main before the second tuning round, and after
that round (briefs 22t and 22u, and the lead's
delivery-time fact and one-error language cap, all tuned on sets 1 and 2, the promotion set
and the notebook readers' cases):

============================  ===================  ===================  ========
figure                        before the round     after (final)        target
============================  ===================  ===================  ========
Spearman                      0.775                0.804                >= 0.85
unacceptable (<= 40) <= 50    72 / 78              72 / 78              all
excellent (>= 85) >= 80       18 / 21              19 / 21              all
the rest within 15 points     44 / 65 (68%)        48 / 65 (74%)        80%
============================  ===================  ===================  ========

A third measurement, after the lead's fixes for the third notebook reading (a closing typed on
the last line, short greetings, money sent back as a refund in role-plays; none made from this
set), gave the same four figures.

The targets of issue 22 are NOT met on unseen replies. The categories with the largest
disagreement after the round: replies written for another task or buyer (mean 30 points from
the teacher: the reviewer has no notion of "this is not the case asked about" unless a value
contradicts the facts), calm blame and asking again (18-20), padded-but-empty replies (16).
Wrong facts (4 points) and keyword lists (7) now agree closely.

Its per-reply disagreements were printed once, for the record of this measurement; they must
not be used to tune. A later change that tunes on this set must say so here and bring a fresh
blind set. The guards keep the figures measured, so that a change can only keep or improve them.
"""
from support import covers_every_reply_task, figures_hold, scored_replies

SET = scored_replies(__file__, "heldout_replies_3.yaml")


def test_the_third_set_covers_every_reply_task_of_the_bank():
    covers_every_reply_task(SET, 164)


def test_third_set_figures_do_not_fall_below_those_measured(measured):
    # 0.804, 72/78, 19/21, 48/65 measured after the round
    figures_hold(measured, 0.80, unacceptable=(78, 72), excellent=(21, 19), rest=(65, 48))
