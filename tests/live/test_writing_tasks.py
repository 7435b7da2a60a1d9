"""Reply and role-play tasks on the dashboard: the rubric criteria the class missed, re-graded
by the service with the instructor's bank (a score in the message is ignored)."""
from __future__ import annotations

from pathlib import Path

import pytest
from live_helpers import Live

BANK = Path(__file__).resolve().parents[2] / "exercises" / "07-buyer-messages.yaml"
REPLY, ROLEPLAY = "msg-reply-presale", "msg-roleplay-late-parcel"
GOOD_REPLY = """Hi Emily,

Thanks for asking! Asian sizes are smaller, so please choose size L for a US 8. The
size chart in the description shows the measurements. Every dress is inspected, and
we can exchange it within 7 days if it does not fit.

Kind regards,
Grace"""
POOR_REPLY = "Hello, what is your size? Please check the chart."


@pytest.fixture
def writing_live(tmp_path):
    service = Live(tmp_path / "writing.sqlite3", bank_path=BANK)
    yield service
    service.stop()


def _expected(bank, ex_id, replies):
    """Per criterion (en, zh): how many of ``replies`` miss it, graded here independently."""
    ex = bank[ex_id]
    out = {}
    for reply in replies:
        result = ex.grade(reply)
        for item in result.items:
            key = (item.label.en, item.label.zh)
            out[key] = out.get(key, 0) + (not item.correct)
    return out


def test_reply_criteria_missed_per_learner(writing_live):
    live = writing_live
    replies = [GOOD_REPLY, POOR_REPLY, POOR_REPLY]
    for i, text in enumerate(replies):
        token = live.join(f"learner {i}")
        assert live.post(token, REPLY, "Hi.", score=1.0)[0] == 200  # changed later
        assert live.post(token, REPLY, text, score=1.0)[0] == 200
    ex = live.stats(REPLY)["exercise"]
    assert ex["answered"] == 3 and ex["attempts"] == 6
    got = {(c["en"], c["zh"]): c["missed"] for c in ex["criteria"]}
    assert got == _expected(live.bank, REPLY, replies)  # the latest attempt of each learner
    assert ("Length", "长度") in got and all(zh and zh != en for en, zh in got if en != "Length")
    assert max(got.values()) >= 2 and min(got.values()) <= 1  # the poor replies miss more
    assert "items" not in ex  # points given per criterion are no "wrong answers"


def test_roleplay_moves_missed_and_the_ending(writing_live):
    live = writing_live
    ex = live.bank[ROLEPLAY]
    full = ["Dear Nina, thank you and we are very sorry for the wait. Your books were shipped "
            "on 2 April with YunExpress, tracking number YT2604021234567. Best regards, Grace"]
    thin = ["Tracking: YT2604021234567"]
    for i, replies in enumerate((full, thin, thin)):
        assert live.post(live.join(f"p{i}"), ROLEPLAY, replies)[0] == 200
    rows = live.stats(ROLEPLAY)["exercise"]["criteria"]
    from course.writing.moves import MOVES

    expect = set(ex.turns[ex.start]["expect"])
    missed_by_thin = expect - ex._moves(thin[0])
    by_name = {r["en"]: r for r in rows}
    assert missed_by_thin - (expect - ex._moves(full[0]))  # (so the loop below checks)
    for move in missed_by_thin - (expect - ex._moves(full[0])):
        en, zh = MOVES[move]
        assert by_name[en]["missed"] == 2 and by_name[en]["zh"] == zh
    ending = rows[-1]
    assert ending["en"].startswith("How it ended") and ending["zh"].startswith("结局")
    assert ending["missed"] == 3  # no conversation here reached the end
    assert [r["missed"] for r in rows[:-1]] == sorted((r["missed"] for r in rows[:-1]),
                                                      reverse=True)
