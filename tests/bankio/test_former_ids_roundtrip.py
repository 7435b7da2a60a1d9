"""A renamed item's former ids (bank field ``former_ids``) survive an export to every format
and an import back, so a bank that went through Moodle, GIFT, QTI or a spreadsheet still counts
the work saved under the old ids."""
from __future__ import annotations

import pytest
from support import bank_text

from course.bankio import export_bank, import_file, write_lessons
from course.exercises import renames
from course.exercises.loader import load_bank

BANK = """\
  - id: w07-jakub-first-step
    former_ids: [w07-marek-first-step, w07-marek-step]
    type: single_choice
    prompt: What does your reply ask before it quotes a price?
    options:
      - {text: Where the bags go, correct: true}
      - {text: How many bags he wants}
    examples: {correct: [0], wrong: [1]}
  - id: plain-item
    type: true_false
    prompt: A quote comes before the questions.
    answer: false
    examples: {correct: [false], wrong: [true]}
"""


@pytest.fixture(autouse=True)
def _forget_renames():
    renames._reset_for_tests()
    yield
    renames._reset_for_tests()


@pytest.mark.parametrize("fmt, suffix", [("moodle-xml", ".xml"), ("gift", ".gift"),
                                         ("qti", ".zip"), ("xlsx", ".xlsx")])
def test_former_ids_go_out_and_come_back(tmp_path, fmt, suffix):
    source = tmp_path / "01-test.yaml"
    source.write_text(bank_text(BANK), encoding="utf-8")
    bank = load_bank(source)
    out = tmp_path / f"bank{suffix}"
    report = export_bank(bank.lessons.values(), fmt, out, lang="both")
    assert not [n for n in report.notes if n.field == "former_ids"]
    lessons, _ = import_file(out)
    entries = {e["id"]: e for _title, items in lessons.values() for e in items}
    assert entries["w07-jakub-first-step"]["former_ids"] == ["w07-marek-first-step",
                                                             "w07-marek-step"]
    assert "former_ids" not in entries["plain-item"]
    folder = tmp_path / "imported"
    write_lessons(lessons, folder)
    renames._reset_for_tests()
    again = load_bank(folder)
    assert again["w07-marek-first-step"].id == "w07-jakub-first-step"
