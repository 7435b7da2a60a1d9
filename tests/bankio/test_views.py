"""The formats are views of the kinds: a type without the view is listed, item by item."""
from __future__ import annotations

import pytest

from course.bankio import FORMATS, codecs, export_bank
from course.bankio.common import NOT_AVAILABLE
from course.exercises import kinds


@pytest.mark.parametrize(("fmt", "suffix"), [("moodle-xml", ".xml"), ("gift", ".gift"),
                                             ("qti", ".zip"), ("xlsx", ".xlsx")])
def test_the_items_of_a_type_without_the_view_are_listed_as_not_available(bank, tmp_path, fmt,
                                                                          suffix):
    assert fmt in FORMATS
    missing = set(kinds.types_without_view(fmt))
    assert "roleplay" in missing and set(codecs(fmt)) == set(kinds.types()) - missing
    report = export_bank(bank.lessons.values(), fmt, tmp_path / f"x{suffix}")
    listed = {n.exercise_id for n in report.notes if not n.field and n.message == NOT_AVAILABLE}
    assert listed == {ex.id for ex in bank.exercises if ex.type in missing}


def test_a_kind_added_later_without_exporters_is_listed_not_dropped(tmp_path):
    from course.exercises.kinds.true_false import TrueFalseExercise
    from course.exercises.loader import load_bank

    class Judged(TrueFalseExercise):
        types = ("judged_bank",)
        views = {}
        messages = {"type_judged_bank": ("Judged", "判断")}

    kinds.register(Judged)
    try:
        folder = tmp_path / "bank"
        folder.mkdir()
        (folder / "01-x.yaml").write_text(
            "lesson: 01-x\ntitle: X\nexercises:\n  - id: j1\n    type: judged_bank\n"
            "    prompt: Is it?\n    answer: true\n    examples: {correct: [true], wrong: [false]}\n",
            encoding="utf-8")
        report = export_bank(load_bank(folder).lessons.values(), "moodle-xml",
                             tmp_path / "x.xml")
    finally:
        kinds.unregister("judged_bank")
    assert report.written == [] and [str(n) for n in report.notes] == [
        f"j1 (judged_bank): {NOT_AVAILABLE}"]


def test_a_student_copy_has_no_keys_to_export_and_says_so(tmp_path):
    from pathlib import Path

    from course.exercises.loader import load_bank

    copy = load_bank(Path(__file__).parent.parent / "engine" / "banks-redacted")
    redacted = {ex.id for ex in copy.exercises if ex.redacted}
    assert redacted
    report = export_bank(copy.lessons.values(), "qti", tmp_path / "x.zip")
    said = {n.exercise_id: n.message for n in report.notes if not n.field}
    assert redacted <= set(said) and not redacted & set(report.written)
    assert all("instructor's bank" in said[i] for i in redacted)
