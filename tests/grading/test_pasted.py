"""The pasted cap over the whole bank (issue 28, fifteenth reading; brief 22cp): a reply made of
the task's own text (its prompt, the buyer's message, the facts panel, the hints, the rubric
list) is no reply, on EVERY reply task and role-play of the bank; no model answer and no reply
of a tuning set is taken for one."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from support import course_bank

from course.writing.facts import fact_label, show_value
from course.writing.pasted import pasted_share, task_sources
from course.writing.rubric import RUBRIC

HERE = Path(__file__).parent
TUNING = ["heldout_replies.yaml", "heldout_replies_2.yaml", "heldout_replies_3.yaml",
          "heldout_replies_4.yaml", "tuning_replies_5.yaml", "heldout_replies_6.yaml",
          "tuning_replies_7.yaml", "heldout_replies_8.yaml", "tuning_replies_promo.yaml"]


def _of_type(kind):
    return [ex for ex in course_bank().exercises if ex.type == kind]


def _panel(facts) -> str:
    """The facts panel as the learner sees it and might copy it."""
    return "\n".join(f"{fact_label(k)[0]}: {show_value(k, v)}" for k, v in facts.items())


def _pastes(ex) -> dict:
    out = {"prompt": ex.prompt.en, "buyer": getattr(ex, "buyer", ""),
           "facts": _panel(ex.facts) if ex.facts else "",
           "hints": "\n".join(h.en for h in ex.hints),
           "rubric": "\n".join(r.en for r in getattr(ex, "rubric", []))}
    out["all"] = "\n".join(t for t in out.values() if t)
    # a greeting and a sign put round the pasted task change nothing
    out["framed"] = f"Hi, {out['prompt']} Best regards, Lily"
    return {k: v for k, v in out.items() if v and len(v.split()) >= RUBRIC.pasted_run}


def test_every_reply_task_pasted_is_capped():
    tasks = _of_type("reply")
    assert len(tasks) >= 30, "the bank's reply tasks were not found"
    seen = 0
    for ex in tasks:
        for name, text in _pastes(ex).items():
            r = ex.review(text)
            assert "pasted" in [c["name"] for c in r.caps], f"{ex.id}: its {name} pasted"
            assert r.score == RUBRIC.caps["pasted"], f"{ex.id}: its {name} pasted scores {r.score}"
            assert not ex.grade(text).correct
            seen += 1
    assert seen >= 5 * len(tasks)  # prompt, buyer, facts, all, framed at least


def test_every_task_text_pasted_under_the_buyers_name_is_capped():
    """A greeting that names the buyer does not make the task's text a letter (brief 22rf: a
    letter told in the task's words gets the borrowed cap, the task's text handed in 0)."""
    for ex in _of_type("reply"):
        name = (ex.facts or {}).get("buyer_name") or "Ann"
        for part, text in _pastes(ex).items():
            r = ex.review(f"Dear {name},\n\n{text}\n\nBest regards,\nLily")
            assert [c for c in r.caps if c["name"] == "pasted"], f"{ex.id}: its {part} pasted"
            assert r.score == RUBRIC.caps["pasted"], f"{ex.id}: its {part} scores {r.score}"


def test_every_roleplay_pasted_makes_no_move():
    plays = _of_type("roleplay")
    assert plays, "the bank's role-plays were not found"
    for ex in plays:
        first = ex.buyer_text(ex.start)
        pastes = {"prompt": ex.prompt.en, "buyer": first,
                  "facts": _panel(ex.facts) if ex.facts else ""}
        for name, text in pastes.items():
            if len(text.split()) < RUBRIC.pasted_run:
                continue
            assert ex._moves(text) == set(), f"{ex.id}: its {name} pasted makes moves"
            assert not ex.grade([text] * 6).correct, f"{ex.id}: its {name} pasted passes"


def test_no_model_answer_is_taken_for_a_paste():
    for ex in _of_type("reply"):
        r = ex.review(ex.model_answer)
        assert "pasted" not in [c["name"] for c in r.caps], ex.id
    for ex in _of_type("roleplay"):
        for tid in ex.model_path:
            model = ex.turns[tid].get("model")
            if model:
                assert not ex._pasted(model if isinstance(model, str) else model["en"]), ex.id


@pytest.mark.parametrize("name", TUNING)
def test_no_tuning_reply_is_taken_for_a_paste(name):
    data = yaml.safe_load((HERE / name).read_text(encoding="utf-8"))
    replies = data["replies"] if isinstance(data, dict) else data
    bank, top = course_bank(), 0.0
    for r in replies:
        ex = bank[r["exercise"]]
        share = pasted_share(r["text"], task_sources(ex._task_texts(), ex.buyer, ex.facts),
                             RUBRIC.pasted_run)
        assert share < RUBRIC.pasted_share, f"{name} {r['id']} ({r['score']}) reads as pasted"
        if r["score"] >= 70:
            top = max(top, share)
    # the largest overlap of a reply a teacher scored >= 70 (0.40 on sets 1-8) stays well
    # under the rule's share: a margin of at least 0.15
    assert top <= RUBRIC.pasted_share - 0.15, f"{name}: a good reply overlaps {top:.2f}"
