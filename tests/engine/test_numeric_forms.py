"""Per-form numbers of numeric items (``forms``): the loader checks an author's field and names
file, exercise and field; a form's variant carries its numbers and is graded by the kind."""
import pytest
from support import bank_text

import course
from course.errors import BankError
from course.exercises.kinds.numeric_forms import NUMBER, occurrences, substitute

ITEM = """\
  - id: order-value
    type: numeric
    mode: assessment
    prompt: {en: "The order value was 250 US dollars; it rose 20%. What is it now?",
             zh: "订单金额是 250 美元，上升了 20%。现在是多少？"}
    answer: 300
    tolerance: 0.5
    measures: money
    currency: USD
    unit: {en: US dollars, zh: 美元}
    exam_forms:
      numbers: {before: 250}
      answer: before * 1.2
      B: {before: 150}
    examples: {correct: [300], wrong: [250]}
"""


def load(write_bank, text: str = ITEM):
    return course.load_bank(write_bank(bank_text(text))).lessons["01-test"]["order-value"]


def test_a_form_prints_its_own_numbers_and_its_key_is_graded_by_the_kind(write_bank):
    ex = load(write_bank)
    b = ex.for_form("B")
    assert "150 US dollars" in b.prompt.en and "150 美元" in b.prompt.zh
    assert "250" not in b.prompt.en + b.prompt.zh
    assert b.answer == 180  # 150 raised by 20%
    assert b.grade("180").correct and b.grade("$180").correct
    assert not b.grade("300").correct
    assert b.working == "150 × 1.2 = 180"
    assert b.solution is None  # the bank's solution speaks of 250


def test_the_online_item_and_an_unlisted_form_keep_the_banks_numbers(write_bank):
    ex = load(write_bank)
    assert ex.for_form("A") is ex and ex.for_form("") is ex
    assert "250 US dollars" in ex.prompt.en and ex.answer == 300
    assert ex.grade("300").correct and not ex.grade("180").correct


@pytest.mark.parametrize(("old", "new", "field", "says"), [
    ("numbers: {before: 250}", "numbers: {before: 260}", "exam_forms.numbers.before",
     "260 is not a number of the English prompt"),
    ("answer: before * 1.2", "answer: before * 1.25", "exam_forms.answer",
     "the formula gives 312.5 for the numbers of the prompt, but `answer` is 300"),
    ("answer: before * 1.2", "answer: before * rate", "exam_forms.answer",
     "'rate' is not one of the numbers"),
    ("answer: before * 1.2", "answer: __import__('os').getcwd()", "exam_forms.answer",
     "a formula holds only numbers"),
    ("answer: before * 1.2", "answer: before * (1.2", "exam_forms.answer", "is not a formula"),
    ("B: {before: 150}", "B: {after: 150}", "exam_forms.B.after", "not one of `numbers`"),
    ("B: {before: 150}", "B: {before: 151}", "exam_forms.B", "181.2, not a whole number"),
    ("B: {before: 150}", "b: {before: 150}", "exam_forms", "unknown field 'b'"),
])
def test_an_authors_mistake_names_file_exercise_and_field(write_bank, old, new, field, says):
    text = ITEM.replace(old, new)
    assert text != ITEM
    with pytest.raises(BankError) as caught:
        load(write_bank, text)
    message = str(caught.value)
    assert "01-test.yaml" in message and "order-value" in message, message
    assert f"field '{field}'" in message and says in message, message


def test_a_form_that_gives_the_same_answer_is_refused(write_bank):
    text = ITEM.replace("answer: before * 1.2", "answer: before * 0 + 300")
    with pytest.raises(BankError) as caught:
        load(write_bank, text)
    assert "exam_forms.B" in str(caught.value) and "same answer" in str(caught.value)


def test_numbers_are_found_as_a_prompt_writes_them():
    text = "n02 paid 1,200 on 5 May at 14:00; 2026年3月 is 6.3, not 6.35."
    assert [m.group() for m in NUMBER.finditer(text)] == \
        ["1,200", "5", "14", "00", "2026", "3", "6.3", "6.35"]
    assert occurrences(text, 1200) == 1 and occurrences(text, 2) == 0  # not n02's digits
    assert substitute(text, {1200.0: 1500.0, 5.0: 7.0}) == \
        "n02 paid 1,500 on 7 May at 14:00; 2026年3月 is 6.3, not 6.35."
