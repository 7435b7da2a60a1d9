"""The reviewer against the first held-out teacher-scored replies
(tests/grading/heldout_replies.yaml), which are now a TUNING set.

The set was written and scored by a separate engineer from the bank's reply tasks alone, before
the issue-22 reviewer was measured on it, and it was measured once when that reviewer was final:
Spearman 0.847, unacceptable replies (teacher <= 40) scored <= 50: 78 of 83, excellent replies
(teacher >= 85) scored >= 80: 13 of 13, the rest within 15 points: 22 of 41 (54%). Those were
the only unseen figures this set gave.

Then the set was seen: the issue-22 tuning pass read its disagreements and changed the reviewer
to fix their causes (brief and bare-letter caps, calm blame and threats, a rushed meeting in
other words, sending the buyer to the carrier, a quantity against the buyer's message, plain
words for a refund). After that pass the set gives Spearman 0.909, 83/83, 13/13 and 36/41
(88%); these are TUNING figures, not agreement with an unseen teacher. A newer held-out set,
kept from the engineer who tuned, measures that (the lead measures it once).

The second tuning pass (brief 22t, tuned on this set and on heldout_replies_2.yaml) keeps
them: Spearman 0.908, 83/83, 13/13, 36/41.

The guards below keep the figures after the tuning pass (Spearman with a small margin for
rounding of ties), so that a later change can only keep or improve them on this set.
"""
from support import figures_hold, scored_replies

SET = scored_replies(__file__, "heldout_replies.yaml")


def test_the_held_out_set_is_the_one_measured():
    assert len(SET) == 137
    assert all({"id", "exercise", "score", "text"} <= set(r) for r in SET)


def test_figures_do_not_fall_below_those_after_tuning(measured):
    # 0.909, 83/83, 13/13, 36/41 after the tuning pass
    figures_hold(measured, 0.90, unacceptable=(83, 83), excellent=(13, 13), rest=(41, 36))
