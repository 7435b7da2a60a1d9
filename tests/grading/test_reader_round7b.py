"""Feedback lines the seventh notebook readers found false (issue 22 / 28, brief 22g).

A false line ("Missing: asks for the buyer's answer" under "Let me know.") is worse than a low
score: the student argues with it. Each cause is fixed by a general rule, shown here on lines
written for this test (in no scored set): lines it must read and a nearby line it must leave
alone."""
from __future__ import annotations

import pytest
from support import advice, letter

# 1. "Let me know." asks for the buyer's answer; "if you have any questions, let us know" does
# not (it is service talk)
_UMAR = ("Thank you for your message, and we are very sorry that your treadmill has a fault. "
         "Could a repair shop near you fix it? We can refund $80 of the price to cover the "
         "repair, or send a new belt if the shop cannot fix it. ")
ASKS_ANSWER = "Missing: asks for the buyer's answer"
NEXT_STEP = "Say what happens next and when"


@pytest.mark.parametrize("line", ["Let me know.", "Tell me which you prefer.",
                                  "Please let us know!"])
def test_a_few_words_ask_for_the_buyers_answer(line):
    assert ASKS_ANSWER not in advice("w08-assess-reply-umar", letter("Umar", _UMAR + line))


def test_service_talk_does_not_ask_for_the_answer():
    line = "If you have any questions, please let us know."
    assert ASKS_ANSWER in advice("w08-assess-reply-umar", letter("Umar", _UMAR + line))


# 2. a reply that waits for the buyer's choice has its next step (the buyer's answer)
@pytest.mark.parametrize("line", ["Please let us know.", "Which do you prefer?"])
def test_a_reply_waiting_for_the_choice_is_not_told_to_say_what_happens_next(line):
    assert NEXT_STEP not in advice("w08-assess-reply-umar", letter("Umar", _UMAR + line))


def test_a_reply_that_waits_for_nothing_is_still_told():
    line = "If you have any questions, please let us know."
    assert NEXT_STEP in advice("w08-assess-reply-umar", letter("Umar", _UMAR + line))
