"""Property tests: for any response at all, grading never raises, stays in [0, 1] and repeats.

``make test`` draws 500 responses per exercise type; ``make fuzz`` (run by CI after ``make
test``) draws 2,000 (``CRM_COURSE_PROPERTY_CASES``).
"""
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import course

BANK = course.load_bank("tests/engine/banks")
CASES = int(os.environ.get("CRM_COURSE_PROPERTY_CASES", "500"))

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
    | st.text(max_size=30),
    lambda children: st.lists(children, max_size=5)
    | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=12,
)


def near_miss(ex):
    """Responses of roughly the right shape, built from the exercise's own vocabulary."""
    if ex.type == "cloze":
        words = [a for b in ex.blanks for a in b.answers] + ex.distractors
        word = st.sampled_from(words) | st.text(max_size=15)
        return st.lists(word, min_size=len(ex.blanks), max_size=len(ex.blanks))
    if ex.type == "single_choice":
        return st.integers(-2, len(ex.options) + 2)
    if ex.type == "multiple_choice":
        return st.lists(st.integers(-1, len(ex.options)), max_size=len(ex.options) + 1)
    if ex.type == "true_false":
        return st.booleans()
    if ex.type == "matching":
        return st.dictionaries(st.sampled_from(ex.lefts), st.sampled_from(ex.rights) | st.none())
    if ex.type == "ordering":
        return st.permutations(ex.keys) | st.lists(st.sampled_from(ex.keys), max_size=6)
    return st.floats(allow_nan=False, allow_infinity=False, width=32) | st.from_regex(
        r"[¥$]?-?\d{1,4}(,\d{3})?(\.\d{1,2})?%?", fullmatch=True)


def check(ex, response):
    first = ex.grade(response)
    assert 0.0 <= first.score <= 1.0
    assert first.correct == (first.score == 1.0 and first.valid and first.attempted)
    if not first.valid or not first.attempted:
        assert first.message is not None and first.message.en and first.message.zh
    again = ex.grade(response)
    assert again.to_dict() == first.to_dict()
    json.dumps(first.to_dict(), ensure_ascii=False)


TYPE_EXERCISES = {
    "cloze": "demo-cloze", "single_choice": "demo-single", "multiple_choice": "demo-multi",
    "true_false": "demo-tf", "matching": "demo-match", "ordering": "demo-order",
    "numeric": "demo-numeric",
}


@pytest.mark.parametrize("ex_type", sorted(TYPE_EXERCISES))
def test_any_response_is_graded_safely(ex_type):
    ex = BANK[TYPE_EXERCISES[ex_type]]

    @settings(max_examples=CASES, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.one_of(json_values, near_miss(ex)))
    def run(response):
        check(ex, response)

    run()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=40), min_size=4,
                max_size=4))
def test_any_unicode_text_in_a_cloze(texts):
    check(BANK["demo-cloze"], texts)
