"""Rules of the eighth tuning round of the reply reviewer (issue 22, brief 22z), tuned on the
odd half of set 7 (tuning_replies_7.yaml) with broader mechanisms than phrases: blame found by
who is made responsible, padding by sentences that state nothing of the case, a signed letter
read as a letter. Each rule is shown on lines written for this test, in no scored set: two
lines it must read and one nearby line it must leave alone."""
from __future__ import annotations

import pytest
from support import caps, course_bank, letter, named_cases, review

BANK = course_bank()


def blamed(exercise: str, text: str) -> bool:
    """True when the tone criterion names blame in ``text``."""
    return any(str(m).startswith("blame") for m in review(exercise, text).criterion("tone").missing)


# 1. blame by who is made responsible for the problem: the fault, the risk or the duty given to
#    another party, the shop's part denied, the reason put on what the buyer did not do, the
#    shop's page quoted against the buyer
@pytest.mark.parametrize("exercise,line", [
    ("rev-reply-out-of-stock", "The wait comes from the factory side, not ours."),
    ("rel-reply-late-delivery", "A late parcel in winter is the customer's risk."),
    ("gen-reply-careful", "Since you never sent any registration number, we stop here."),
    ("w05-reply-kanya", "Your mail was lost due to your spam filter."),
    ("w08-reply-ali", "As shown on the listing, the oak colour may look darker."),
])
def test_blame_by_who_is_made_responsible(exercise, line):
    assert blamed(exercise, line)


@pytest.mark.parametrize("exercise,line", [
    # the shop owns the problem: no other party is made responsible
    ("rev-reply-out-of-stock", "The wait comes from our side, we are sorry."),
    # the reason is the buyer's loyalty, not a fault
    ("w05-reply-kanya", "Because of your kind orders we kept a hoodie for you."),
    # what she bought before, the reason she hears about the new product
    ("promo-reply-new-arrival", "Since you ordered our yoga mat twice, we thought of you."),
])
def test_no_blame_where_no_one_else_is_made_responsible(exercise, line):
    assert not blamed(exercise, line)


# 2. padding by what a sentence lacks: four sentences or more that state no fact, number,
#    time, apology or move of the task make 70% of the body or more
PADDED = [
    ("comp-reply-dead-charger", letter("Ryan", (
        "Thank you for writing to us today. Every message from a buyer helps our little team. "
        "We read each word with great care. Good things come to people who keep a smile. "
        "We will find a way for you."))),
    ("rev-reply-out-of-stock", letter("Mrs Haddad", (
        "What a pleasure to get your message this morning. Our team loves working with shops "
        "like yours. The world of trade is full of changes. Together we can face every "
        "challenge. We will think about your order."))),
]


@pytest.mark.parametrize("exercise,text", PADDED)
def test_padding_found_by_sentences_that_state_nothing(exercise, text):
    assert caps(exercise, text) & {"padded", "padded_empty"}


def test_a_short_reply_with_its_facts_is_not_padding():
    # two sentences of warmth beside the facts, the refund and the time: not padded
    text = letter("Ryan", "Thank you for writing. We are sorry the charger stopped working. We "
                  "refund the full $9 today, no need to send it back. You will see the money "
                  "in 3 working days. Every message helps our team.")
    assert not caps("comp-reply-dead-charger", text) & {"padded", "padded_empty"}


# 3. a letter signed with the writer's name is a letter, not a bare answer, even with no
#    closing phrase or thanks (it still loses the closing's point)
SIGNED = [
    ("comp-reply-dead-charger",
     "Hi Ryan,\n\nso sorry the charger stopped after one day. We send the full $9 back to you "
     "today and you do not need to return the charger. The money reaches your card in 3 "
     "working days.\n\nLily"),
    ("msg-reply-insale",
     "Hi Carlos,\n\nyour order 8066778899001122 for the yoga mat still waits for payment. Did "
     "something go wrong when you paid? If you need help, just tell me, and if you changed your "
     "mind we can cancel it. The 10% discount stays until Friday.\n\nLily"),
]


@pytest.mark.parametrize("exercise,text", SIGNED)
def test_a_signed_letter_is_no_bare_answer(exercise, text):
    assert "bare_letter" not in caps(exercise, text)


def test_an_unsigned_answer_is_still_bare():
    # the same letter without its signature: an answer with no thanks and no closing
    text = SIGNED[1][1].rsplit("\n\nLily", 1)[0]
    assert "bare_letter" in caps("msg-reply-insale", text)


# 4. money given back in any tense and word order is a refund (and "back all $9" a full one,
#    "pay you back $4" a compensation); a parcel sent back is no refund
def found(exercise: str, text: str) -> str:
    """The content criterion's found moves, as one lower-case line."""
    return " | ".join(map(str, review(exercise, text).criterion("content").found)).lower()


# 5. the restore-relations letter in plain words: thanks in the sentence that names what the
#    customer bought, and a reply hoped for ("we hope to get your answer soon")
_RESTORE = "rel-reply-restoring-letter"

# (exercise, line, move, whether the move is read): each rule's lines and the lines it leaves alone
MOVES_READ = [
    *named_cases("money_back_in_any_tense_is_read", [
        ("full", ("comp-reply-dead-charger", "Yesterday we paid back all $9 to your card.",
                  "a full refund", True)),
        ("sent", ("comp-reply-dead-charger", "We have sent you the money back this morning.",
                  "a refund", True)),
        ("partial", ("msg-reply-aftersale", "We want to give you back $4 for the scratch.",
                     "a partial compensation", True))]),
    *named_cases("a_parcel_sent_back_is_no_refund", (
        "comp-reply-dead-charger", "Your parcel was sent back to our store last week.", "a refund",
        False)),
    *named_cases("restore_letter_moves_in_plain_words", [
        ("spring", (_RESTORE, "You bought from us every spring, thank you very much for that.",
                    "thanks for past business", True)),
        ("years", (_RESTORE, "Thanks a lot, you have ordered from our shop for four years.",
                   "thanks for past business", True)),
        ("month", (_RESTORE, "We would be glad to receive your reply this month.",
                   "asks for an early reply", True)),
        ("soon", (_RESTORE, "Please answer me soon about your plans.", "asks for an early reply",
                  True))]),
    *named_cases("restore_letter_moves_left_alone", [
        # thanks for the message, not for what the customer bought
        ("message", (_RESTORE, "Thank you for your message last week.", "thanks for past business",
                     False)),
        # the shop's answer, not the customer's
        ("answer", (_RESTORE, "Our answer is below.", "asks for an early reply", False))]),
]


@pytest.mark.parametrize("exercise,line,move,read", MOVES_READ)
def test_the_move_is_read_or_left_alone(exercise, line, move, read):
    assert (move in found(exercise, line)) == read
