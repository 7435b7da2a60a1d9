"""The `revisit` field: where an exercise's topic is taught, checked against notebooks/course.yaml."""

import pytest
import support

import course
from course.cli import main
from course.errors import BankError
from course.exercises.loader import check_paths

ITEM = """\
  - id: rv-tf
    type: true_false
    mode: assessment
    prompt: {en: "True or false? Grade 4 comes first.", zh: 判断对错：四级客户最先处理。}
    answer: false
    revisit: REVISIT
    examples: {correct: [false], wrong: [true]}
"""


def bank_text(revisit: str) -> str:
    return support.bank_text(ITEM.replace("REVISIT", revisit))


def problems_of(path):
    _lessons, problems, _n = check_paths([path])
    return problems


def test_a_pointer_loads_with_its_lesson_and_bilingual_section(write_bank):
    path = write_bank(bank_text('{lesson: 04-customer-grading, section: {en: "3. Handling", '
                                'zh: "3. 处理方式"}}'))
    ex = course.load_bank(path)["rv-tf"]
    assert ex.revisit.lesson == "04-customer-grading"
    assert ex.revisit.notebook == "04-customer-grading.ipynb"
    text = ex.revisit.text()
    assert text.en == ("Go back to lesson 04 · Customer grading and reply priorities, "
                       "section “3. Handling”")
    assert text.zh == "请回到第 04 课 · 客户等级划分与回复优先级，“3. 处理方式”一节"
    assert ex.revisit.markdown("en").endswith("→ [04-customer-grading.ipynb](04-customer-grading.ipynb)")


def test_the_section_is_optional(write_bank):
    ex = course.load_bank(write_bank(bank_text("{lesson: 02-idic}")))["rv-tf"]
    assert ex.revisit.section is None
    assert ex.revisit.text().en == "Go back to lesson 02 · The IDIC model"
    assert ex.revisit.text().zh == "请回到第 02 课 · IDIC 模型"


def test_an_exercise_without_the_field_has_no_pointer(bank):
    assert all(ex.revisit is None for ex in bank.exercises)


def test_a_slug_not_in_the_order_file_is_a_bank_error_naming_file_exercise_and_field(
        write_bank, capsys):
    path = write_bank(bank_text("{lesson: 04-customer-grade}"))
    problems = problems_of(path)
    assert len(problems) == 1
    p = problems[0]
    assert (p.exercise_id, p.field, p.line) == ("rv-tf", "revisit.lesson", 9)
    assert "'04-customer-grade' is not a lesson of notebooks/course.yaml" in p.message
    assert "did you mean '04-customer-grading'?" in p.message
    with pytest.raises(BankError):
        course.load_bank(path)
    assert main(["validate", str(path)]) == 2
    captured = capsys.readouterr()
    out = captured.out + captured.err
    assert "01-test.yaml:9: exercise 'rv-tf': field 'revisit.lesson':" in out


@pytest.mark.parametrize("revisit, field, words", [
    ("{section: {en: Grades, zh: 等级}}", "revisit.lesson", "is missing"),
    ("{lesson: 04-customer-grading, chapter: 3}", "revisit", "unknown field 'chapter'"),
    ("{lesson: Lesson four}", "revisit.lesson", "does not match"),
    ("04-customer-grading", "revisit", "is not of type 'object'"),
])
def test_the_schema_refuses_a_malformed_pointer(write_bank, revisit, field, words):
    problems = problems_of(write_bank(bank_text(revisit)))
    assert [(p.exercise_id, p.field) for p in problems] == [("rv-tf", field)], problems
    assert words in problems[0].message


def test_the_order_file_beside_the_bank_decides(tmp_path):
    """A bank in another course (or a student copy) is checked against its own course.yaml."""
    (tmp_path / "exercises").mkdir()
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "course.yaml").write_text(
        "title: {en: Mini, zh: 迷你}\nlessons:\n"
        "  - {slug: 01-test, title: {en: Only lesson, zh: 唯一的课}, teaching_minutes: 5,"
        " exercise_minutes: 5}\n", encoding="utf-8")
    path = tmp_path / "exercises" / "01-test.yaml"
    path.write_text(bank_text("{lesson: 01-test}"), encoding="utf-8")
    ex = course.load_bank(path)["rv-tf"]
    assert ex.revisit.text().en == "Go back to lesson 01 · Only lesson"
    path.write_text(bank_text("{lesson: 02-idic}"), encoding="utf-8")  # a lesson of the package
    problems = problems_of(path)
    assert [p.field for p in problems] == ["revisit.lesson"]
    assert "the lessons are 01-test" in problems[0].message


def test_every_review_item_points_into_lessons_01_to_08_and_10_and_each_is_covered():
    review = course.lesson("09-review")
    by_lesson = {}
    for ex in review.exercises:
        assert ex.revisit is not None and ex.revisit.section is not None, ex.id
        assert ex.revisit.section.en and ex.revisit.section.zh
        by_lesson.setdefault(ex.revisit.lesson, []).append(ex)
    assert sorted(by_lesson) == [f"0{n}-" + s for n, s in zip(range(1, 9), [
        "relationships", "idic", "genuine-buyers", "customer-grading", "follow-up-loyalty",
        "markets", "buyer-messages", "complaints"], strict=True)] + ["10-promotion"]
    assessed = [ex for ex in review.exercises if ex.type != "reply"]
    assert len(assessed) >= 20 and all(ex.mode == "assessment" for ex in review.exercises)
    for slug, items in by_lesson.items():
        assert sum(ex.type != "reply" for ex in items) >= 2, slug
    kinds = {ex.type for ex in assessed}
    assert {"cloze", "single_choice", "multiple_choice", "true_false", "matching", "ordering",
            "numeric"} <= kinds
    assert [ex.type for ex in review.exercises].count("reply") == 1
    assert all(ex.hints and ex.solution for ex in review.exercises)
    # the reviewer writes a reply's feedback; every other item has its own
    assert all(ex.feedback.get("correct") and ex.feedback.get("wrong") for ex in assessed)


def test_every_review_pointer_names_a_real_section_of_its_lesson():
    """The pointers' section titles are copied from the lessons' headings: a renamed or
    renumbered heading must not leave a learner looking for a section that is not there."""
    import re
    from pathlib import Path

    import nbformat
    import yaml

    root = Path(__file__).resolve().parents[2]
    bank = yaml.safe_load((root / "exercises" / "09-review.yaml").read_text(encoding="utf-8"))
    checked = 0
    for ex in bank["exercises"]:
        pointer = ex["revisit"]
        section = pointer.get("section")
        if not section:
            continue
        nb = nbformat.read(root / "notebooks" / f"{pointer['lesson']}.ipynb", as_version=4)
        headings = {line[3:].strip() for cell in nb.cells if cell.cell_type == "markdown"
                    for line in cell.source.splitlines() if line.startswith("## ")}
        zh = re.sub(r"^\d+\.\s*", "", section["zh"])
        assert f"{section['en']} · {zh}" in headings, (ex["id"], pointer["lesson"], section)
        checked += 1
    assert checked >= 20
