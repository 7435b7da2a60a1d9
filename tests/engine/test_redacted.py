"""A student copy's assessment items have no key: answers are saved, never judged."""
from pathlib import Path

import pytest

import course

BANK = Path(__file__).parent / "banks-redacted"


@pytest.fixture(scope="module")
def bank():
    return course.load_bank(BANK)


@pytest.mark.parametrize("ex_id, response", [
    ("r-cloze", ["x", "y"]), ("r-bank", ["a"]), ("r-single", 1), ("r-multi", [0, 2]),
    ("r-tf", True), ("r-match", {"L1": "R3"}), ("r-order", ["a", "b", "c"]), ("r-num", "20%"),
])
def test_valid_answers_are_saved_not_graded(bank, ex_id, response):
    r = bank[ex_id].grade(response)
    assert r.valid and r.attempted and not r.graded
    assert r.score == 0 and not r.correct
    assert r.message.en == "Your answer has been saved."


@pytest.mark.parametrize("ex_id, response", [
    ("r-cloze", ["x"]), ("r-single", 5), ("r-match", {"L9": "R1"}), ("r-order", ["a"]),
    ("r-num", "lots"),
])
def test_shape_is_still_checked(bank, ex_id, response):
    r = bank[ex_id].grade(response)
    assert not r.valid and r.message is not None


def test_released_orders_and_choices_are_kept(bank):
    assert bank["r-bank"].word_bank_choices() == ["b", "a", "c"]
    assert bank["r-match"].right_choices() == ["R2", "R1", "R3"]
    assert bank["r-order"].start_order() == ["c", "a", "b"]
    assert len(bank["r-cloze"].blanks) == 2 and bank["r-cloze"].blanks[0].answers == ()


def test_self_check_says_the_key_is_held_by_the_instructor(bank):
    table = bank.lessons["99-demo"].self_check()
    assert set(table["key"]) == {"key held by instructor"}


def test_unredacted_items_still_need_their_key(write_bank):
    path = write_bank(
        "lesson: 01-test\ntitle: T\nexercises:\n"
        "  - {id: n, type: numeric, mode: assessment, prompt: P, unit: '%',"
        " examples: {correct: [1], wrong: [2]}}\n"
    )
    with pytest.raises(course.errors.BankError, match="field 'answer': is missing"):
        course.load_bank(path)


def test_the_cloze_kind_redacts_its_own_text():
    """What the student copy does to a cloze text, asked of the kind (release reaches no deeper)."""
    from course.exercises import kinds

    cloze = kinds.kind_of("cloze")
    text = "Reply within [[24 hours|a day :: the rule]] to a [[Grade 3]] buyer."
    assert cloze.redact_text(text) == f"Reply within {cloze.redacted_blank} to a " \
                                      f"{cloze.redacted_blank} buyer."
    assert cloze.redact_text({"en": "[[a]]", "zh": "[[甲]]"}) == {
        "en": cloze.redacted_blank, "zh": cloze.redacted_blank}
