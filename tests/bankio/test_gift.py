"""GIFT: what it can express comes back; what it cannot is reported per item."""
from __future__ import annotations

import pytest
from bankio_support import round_trip

from course.bankio import export_bank, import_file
from course.bankio.gift import escape, split_unescaped, unescape


@pytest.mark.parametrize("lang", ["both", "en", "zh"])
def test_what_gift_can_hold_comes_back_and_the_rest_is_reported(bank, raw_items, tmp_path,
                                                                lang):
    replies = {i for i, r in raw_items.items() if r["type"] == "reply"}
    imported, report = round_trip(bank, raw_items, tmp_path, "gift", ".gift", lang,
                                  unreadable=replies)
    by_type = {}
    for ex_id in report.skipped():
        by_type.setdefault(raw_items[ex_id]["type"], set()).add(ex_id)
    # GIFT has no role-play, and its missing word holds one blank (the bank's clozes have 3 to
    # 9): every one of them is reported, with its reason
    assert set(by_type) == {"roleplay", "cloze"}
    notes = {(n.exercise_id, n.field) for n in report.notes}
    for ex_id, raw in raw_items.items():
        if raw["type"] == "numeric" and raw.get("unit") is not None:
            assert (ex_id, "unit") in notes
        if raw["type"] == "matching" and raw.get("distractors"):
            assert (ex_id, "distractors") in notes
        if raw["type"] == "reply":
            assert any(i == ex_id and "rubric" in f for i, f in notes)
    assert {r["type"] for r in imported.values()} == {
        "single_choice", "multiple_choice", "true_false", "matching", "numeric", "ordering"}


def test_escaping_keeps_every_special_character():
    text = 'a ~ b = c # d { e } f : g \\ h\nnew line 中文'
    assert unescape(escape(text)) == text
    assert "\n" not in escape(text)
    assert split_unescaped(escape("x=y") + "=z~w", "=~") == [escape("x=y"), "=z", "~w"]


def _one_blank_bank(tmp_path, word_bank: bool):
    folder = tmp_path / "bank"
    folder.mkdir()
    extra = "    word_bank: true\n    distractors: [refund, resend]\n" if word_bank else ""
    (folder / "01-x.yaml").write_text(
        "lesson: 01-x\ntitle: X\nexercises:\n"
        "  - id: one-gap\n    type: cloze\n    prompt: {en: 'Fill: it {is} = #1', zh: 填空}\n"
        "    text: 'First we [[apologise|apologize]]: then we act.'\n" + extra +
        "    examples: {correct: [[apologise]], wrong: [[refund]]}\n", encoding="utf-8")
    from course.exercises.loader import load_bank

    return load_bank(folder)


@pytest.mark.parametrize("word_bank", [False, True])
def test_a_cloze_with_one_blank_is_a_missing_word_question(tmp_path, word_bank):
    bank = _one_blank_bank(tmp_path, word_bank)
    out = tmp_path / "q.gift"
    report = export_bank(bank.lessons.values(), "gift", out, lang="both")
    assert report.written == ["one-gap"]
    lessons, back = import_file(out)
    entry = lessons["01-x"][1][0]
    assert entry["prompt"] == {"en": "Fill: it {is} = #1", "zh": "填空"}
    if word_bank:
        assert entry["text"] == "First we [[apologise]]: then we act."
        assert entry["word_bank"] and entry["distractors"] == ["refund", "resend"]
    else:
        assert entry["text"] == "First we [[apologise|apologize]]: then we act."


FOREIGN = r"""// a file written by hand, as Moodle's GIFT page shows
$CATEGORY: $course$/top/Week 1

::Capital::What is the capital of France? {=Paris#Right! ~London#No ~Berlin}

::Sum:: 2 + 2 \= ? {#4:0}

// true or false
Buyers read reviews first.{T}

::Pairs:: Match the grades. {
  =Grade 1 -> deal agreed
  =Grade 2 -> clear need
}

Customers who chat live are {=more ~less} likely to buy.

::Essay:: Write a reply to the buyer. {}
"""


def test_a_gift_file_written_by_hand_is_read(tmp_path):
    from bankio_support import main

    from course.bankio import write_lessons

    path = tmp_path / "hand.gift"
    path.write_text(FOREIGN, encoding="utf-8")
    lessons, report = import_file(path)
    (slug, (_t, entries)), = lessons.items()
    assert slug == "90-week-1"
    by_type = {e["type"]: e for e in entries}
    assert by_type["single_choice"]["options"] == [
        {"text": "Paris", "correct": True, "feedback": "Right!"},
        {"text": "London", "feedback": "No"}, {"text": "Berlin"}]
    assert by_type["numeric"]["answer"] == 4 and by_type["numeric"]["prompt"] == "2 + 2 = ?"
    assert by_type["true_false"]["answer"] is True
    assert by_type["matching"]["pairs"] == [["Grade 1", "deal agreed"], ["Grade 2", "clear need"]]
    cloze = by_type["cloze"]
    assert cloze["text"] == "Customers who chat live are [[more]] likely to buy."
    assert cloze["word_bank"] and cloze["distractors"] == ["less"]
    # the essay holds no key: listed, not imported
    assert [n.exercise_id for n in report.notes if not n.field] == ["question-7"]
    write_lessons(lessons, tmp_path / "bank")
    assert main(["validate", "-q", str(tmp_path / "bank")]) == 0
