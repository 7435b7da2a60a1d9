"""Issue 16 item 1: the student copy tells nothing about an assessment key, even to someone who
knows the release code: the order of word-bank choices, matching rights and ordering items
comes from a secret drawn for each release, never from the public exercise id."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from course.exercises.loader import check_file, load_bank
from course.exercises.text import text_key
from course.instructor.release import release_bank_file

ROOT = Path(__file__).resolve().parents[2]
RELEASES = 30


def _arranged(raw) -> str | None:
    """Which field of a redacted item lists things in an order that could hold the key."""
    kind = raw.get("type")
    if kind == "cloze" and raw.get("word_bank"):
        return "choices"
    return {"matching": "rights", "ordering": "items"}.get(kind)


def _key(ex, raw) -> list[str]:
    """The order an attacker wants: the blanks' answers, the rights of the pairs, the items."""
    if raw["type"] == "cloze":
        return [b.answers[0] for b in ex.blanks]
    if raw["type"] == "matching":
        return [text_key(p[1]) for p in raw["pairs"]]
    return list(ex.keys)


_SEED_TAG = {"cloze": "word-bank", "matching": "rights", "ordering": "order"}


def _attack(shown: list[str], ex_id: str, kind: str, n_key: int) -> list[list[str]]:
    """The key as the old release code would give it back: invert its shuffle, seeded by the
    public exercise id (undoing, too, the turn by one place that avoids the key's order)."""
    guesses = []
    n = len(shown)
    for turned in (shown, shown[-1:] + shown[:-1]):
        perm = list(range(n))
        random.Random(f"{ex_id}:{_SEED_TAG[kind]}").shuffle(perm)
        original = [None] * n
        for j, i in enumerate(perm):
            original[i] = turned[j]
        guesses.append(original[:n_key])
    return guesses


def _course_items():
    bank = load_bank(ROOT / "exercises")
    found = []
    for path in sorted((ROOT / "exercises").glob("*.yaml")):
        lesson, _ = check_file(path)
        for ex in lesson.exercises:
            raw = ex.raw
            if raw.get("mode") == "assessment" and _arranged(raw) and len(_key(ex, raw)) >= 3:
                found.append((path, ex.id))
    return bank, found


def test_no_key_can_be_recovered_from_the_copy_knowing_the_release_code():
    bank, items = _course_items()
    assert {"rel-letter-moves", "idic-actions"} <= {ex_id for _, ex_id in items}
    recovered = {ex_id: 0 for _, ex_id in items}
    orders = {ex_id: set() for _, ex_id in items}
    files = sorted({path for path, _ in items})
    for _ in range(RELEASES):
        for path in files:
            doc, _, _ = release_bank_file(path, bank)
            for raw in doc["exercises"]:
                if raw.get("id") not in recovered:
                    continue
                ex = bank[raw["id"]]
                shown = [text_key(v) for v in raw[_arranged(raw)]]
                key = _key(ex, ex.raw)
                orders[raw["id"]].add(tuple(shown))
                if key in _attack(shown, raw["id"], raw["type"], len(key)):
                    recovered[raw["id"]] += 1
    for ex_id, hits in recovered.items():
        # the old release gave every key back in every release; by chance alone two guesses
        # among the 5 or more orders that three or more items can show hit 2 times in 5 at most
        assert hits <= RELEASES // 2, f"{ex_id}: key recovered in {hits} of {RELEASES} releases"
        assert len(orders[ex_id]) > 1, f"{ex_id}: the same order in every release"


def test_the_copy_order_is_never_the_key_itself():
    bank, items = _course_items()
    for path in sorted({p for p, _ in items}):
        doc, _, _ = release_bank_file(path, bank)
        for raw in doc["exercises"]:
            if raw.get("redacted") and _arranged(raw) and raw["id"] in bank.ids:
                ex = bank[raw["id"]]
                key = _key(ex, ex.raw)
                assert [text_key(v) for v in raw[_arranged(raw)]][: len(key)] != key


WORD_BANK_ASSESSMENT = """\
lesson: 01-test
title: t
exercises:
  - id: wb
    type: cloze
    mode: assessment
    prompt: p
    word_bank: true
    distractors: [Interact]
    text: "First [[Identify]], then [[Differentiate]]."
    examples: {correct: [["Identify", "Differentiate"]], wrong: [["Interact", "Identify"]]}
"""


@pytest.mark.parametrize("change, expected", [
    # a redacted word-bank cloze must carry its choices, and no key in its text
    (lambda t: t.replace("    examples:", "    redacted: true\n    examples:")
     .replace("[[Identify]]", "[[?]]").replace("[[Differentiate]]", "[[?]]"),
     "needs its shuffled `choices`"),
    (lambda t: t.replace("    examples:", "    redacted: true\n    choices: [Interact, Identify,"
                                          " Differentiate]\n    examples:"),
     "still holds its answers"),
    # in a student copy, an assessment item must be redacted
    (lambda t: t.replace("title: t", "title: t\nstudent_copy: true"),
     "not redacted"),
])
def test_validate_rejects_a_word_bank_cloze_that_gives_its_key_away(write_bank, change, expected):
    from course.errors import BankError

    path = write_bank(change(WORD_BANK_ASSESSMENT))
    with pytest.raises(BankError) as err:
        load_bank(path)
    assert expected in str(err.value)
