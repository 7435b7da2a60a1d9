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


def test_a_question_exported_before_the_rename_comes_back_under_the_new_id(tmp_path):
    """A GIFT file written before the rename holds the old id: the import reads it as the
    course bank's current id, keeps the old one in former_ids and says so."""
    old_bank = BANK.replace("  - id: w07-jakub-first-step\n"
                            "    former_ids: [w07-marek-first-step, w07-marek-step]\n",
                            "  - id: w07-marek-first-step\n")
    source = tmp_path / "01-test.yaml"
    source.write_text(bank_text(old_bank), encoding="utf-8")
    out = tmp_path / "before.gift"
    export_bank(load_bank(source).lessons.values(), "gift", out, lang="both")
    renamed = {"w07-marek-first-step": "w07-jakub-first-step"}
    lessons, report = import_file(out, renames=renamed)
    entries = {e["id"]: e for _title, items in lessons.values() for e in items}
    assert set(entries) == {"w07-jakub-first-step", "plain-item"}
    assert entries["w07-jakub-first-step"]["former_ids"] == ["w07-marek-first-step"]
    (note,) = [n for n in report.notes if n.exercise_id == "w07-marek-first-step"]
    assert note.field == "id" and "imported as w07-jakub-first-step" in note.message


def test_the_import_command_knows_the_course_banks_renames():
    from course.bankio.cli import _course_renames

    found = _course_renames()
    # the two W07 items renamed with their buyers (exercises/w07-message-queue-workshop.yaml)
    assert found["w07-marek-first-step"] == "w07-jakub-first-step"
    assert found["w07-assess-umar"] == "w07-assess-idris"
