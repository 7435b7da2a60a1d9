"""Ordering and matching feedback names the items a learner got wrong and, where the bank gives
reasons, why the first of them is wrong: one reason per attempt, never the whole key."""
import pytest

from course.errors import DefinitionError
from course.exercises.kinds import build_exercise
from course.exercises.kinds.ordering import to_move

STEPS = ["Identify", "Differentiate", "Interact", "Customize"]
WHY = [{"en": f"why {s}", "zh": f"{s} 的原因"} for s in STEPS]


def _order(**more):
    return build_exercise({"id": "o", "type": "ordering", "prompt": "Order.", "items": STEPS,
                           "examples": {"correct": [STEPS], "wrong": []}, **more})


def _match(**more):
    pairs = [["Grade 1", "closed"], ["Grade 2", "intent and interest"], ["Grade 3", "intent"]]
    return build_exercise({"id": "m", "type": "matching", "prompt": "Match.", "pairs": pairs,
                           "examples": {"correct": [dict(pairs)], "wrong": []}, **more})


@pytest.mark.parametrize("ranks, moved", [
    ([0, 1, 2, 3], []),
    ([3, 0, 1, 2], [3]),            # the last item put first: only it moves, not all four
    ([1, 0, 2, 3], [0]),            # a swap: one of the two (the first longest run: 1, 2, 3)
    ([3, 2, 1, 0], [2, 1, 0]),      # reversed: all but one (ties: the first run kept)
])
def test_to_move_keeps_the_longest_run_in_the_right_order(ranks, moved):
    assert to_move(ranks) == moved


def test_a_wrong_order_names_the_items_to_move_and_nothing_about_a_right_one():
    r = _order().grade(["Customize", "Identify", "Differentiate", "Interact"])
    assert "“Customize”" in r.feedback.en and "“Identify”" not in r.feedback.en
    assert "“Customize”" in r.feedback.zh
    assert "A clue" not in r.feedback.en  # the bank gives no reasons: no clue invented
    assert "To move" not in _order().grade(STEPS).feedback.en


def test_a_wrong_order_gives_the_reason_of_one_misplaced_item_per_attempt():
    q = _order(reasons=WHY)
    r = q.grade(["Customize", "Interact", "Identify", "Differentiate"])
    # Customize and Interact (ranks 3, 2) are to move, named in the learner's order; the clue
    # is for the first of them in the key (Interact)
    assert "“Customize”; “Interact”" in r.feedback.en
    assert "why Interact" in r.feedback.en and "why Customize" not in r.feedback.en
    assert "Interact 的原因" in r.feedback.zh
    assert "why" not in q.grade(STEPS).feedback.en


def test_a_wrong_match_names_the_left_items_not_their_right_partners():
    q = _match(reasons=["closed first", "two columns true", "one column true"])
    r = q.grade({"Grade 1": "closed", "Grade 2": "intent", "Grade 3": "intent and interest"})
    assert "“Grade 2”; “Grade 3”" in r.feedback.en
    assert "two columns true" in r.feedback.en and "one column true" not in r.feedback.en
    partly = q.grade({"Grade 1": "intent"})  # unanswered lefts are not called wrong
    assert "“Grade 1”" in partly.feedback.en and "“Grade 2”" not in partly.feedback.en


@pytest.mark.parametrize("build, field", [(_order, "items"), (_match, "pairs")])
def test_reasons_must_be_one_per_item(build, field):
    with pytest.raises(DefinitionError, match=f"reason per {field[:-1]}"):
        build(reasons=["only one"])


def test_every_bank_order_and_match_names_what_is_wrong_in_its_wrong_examples():
    from pathlib import Path

    import course

    root = Path(__file__).resolve().parents[2]
    checked = 0
    for path in sorted((root / "exercises").glob("*.yaml")):
        for lesson in course.load_bank(path).lessons.values():
            for ex_id in lesson.ids:
                q = lesson[ex_id]
                if q.type not in ("ordering", "matching"):
                    continue
                for wrong in q.examples["wrong"]:
                    text = q.grade(wrong).feedback
                    assert ("To move" in text.en or "Not matched right" in text.en), ex_id
                    checked += 1
    assert checked > 20  # the course's banks hold dozens of ordering and matching items
