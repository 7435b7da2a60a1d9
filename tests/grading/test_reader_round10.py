"""Misjudgements the tenth notebook readers (issue 28) met, each a general rule shown on lines
of its own: two lines it must read and a nearby line it must leave alone (brief 22q).

1. A very short note is further from a reply than "under half the words": under a third of the
   task's fewest words it is a short note (cap 45: the tenth teacher reader gives W02 Chloé's
   10-word note about 40, set 5's teacher a 13-word note of 40 55); a very brief note that
   leaves out the apology its situation is due answers no unhappy buyer (cap 55: the reader
   gives W01 Lena's 15-word note about 40, set 5's teacher a 13-word Ryan note 63).
2. Her order named by when she made it ("your September order of coffee mugs") says why a new
   arrival is told to her.
"""
from __future__ import annotations

import pytest
from support import named_cases, review

from course.writing.rubric import RUBRIC

_CHLOE, _LENA, _TOM = "w02-reply-chloe", "w01-reply-lena", "msg-reply-aftersale"
_RYAN, _UMAR = "comp-reply-dead-charger", "w08-assess-reply-umar"
# (exercise, note, the cap, whether the note meets it)
NOTES = [
    *named_cases("under_a_third_of_the_words_is_a_short_note", [
        ("chloe", (_CHLOE, "Hello Chloé, we have a bamboo cutting board, $18.50. Regards",
                   "short_note", True)),
        ("tom", (_TOM, "Hi Tom, sorry for the scratch. We give you $4 back. Grace", "short_note",
                 True))]),
    # 14 words of 40: over a third, a note (very_brief) but not a short one
    *named_cases("a_third_of_the_words_left_alone", (
        _UMAR, "Dear Umar, sorry about your treadmill. We will give you $80 back today. Grace",
        "short_note", False)),
    *named_cases("a_note_without_the_apology_due", [
        ("lena", (_LENA, "Hi Lena, please send photos of the coat. Then we can refund you. "
                  "Regards, Anna", "unsorry_note", True)),
        ("ryan", (_RYAN, "Hi Ryan, we refund your $9 today and you can keep the charger. Amy",
                  "unsorry_note", True))]),
    # the same note with its apology
    *named_cases("a_note_with_the_apology_left_alone", (
        _RYAN, "Sorry Ryan, we refund your $9 today and you can keep the charger. Amy",
        "unsorry_note", False)),
]


@pytest.mark.parametrize("exercise,note,cap,capped", NOTES)
def test_a_very_short_note_is_capped(exercise, note, cap, capped):
    result = review(exercise, note)
    assert (cap in {c["name"] for c in result.caps}) == capped
    assert (result.score <= RUBRIC.caps[cap]) == capped


WHY, _NEW = "says why this customer hears about it", "w10-reply-new-arrival"
# (line, whether it says why she hears about the new product)
WHY_LINES = [
    *named_cases("her_order_named_by_when_says_why", [
        ("september", ("Thank you for your September order of coffee mugs.", True)),
        ("summer", ("We were glad to pack your summer order.", True))]),
    # a message of hers named by its month is no order
    *named_cases("her_message_left_alone", ("Thank you for your September message.", False)),
]


@pytest.mark.parametrize("line,read", WHY_LINES)
def test_her_order_named_by_when_says_why(line, read):
    found = " | ".join(map(str, review(_NEW, line).criterion("content").found)).lower()
    assert (WHY in found) == read
