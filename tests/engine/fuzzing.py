"""Fuzzing an exercise: any JSON value or a near miss of its own examples is graded safely
(used by test_properties.py for every registered type, and test_new_kind.py for a new one)."""
import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from course.exercises import kinds

CASES = int(os.environ.get("CRM_COURSE_PROPERTY_CASES", "100"))  # make fuzz: 2,000

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
    | st.text(max_size=30),
    lambda children: st.lists(children, max_size=5)
    | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=12,
)


def _leaves(value) -> list:
    if isinstance(value, list):
        return [leaf for v in value for leaf in _leaves(v)]
    if isinstance(value, dict):
        return [leaf for v in value.values() for leaf in _leaves(v)] + list(value)
    return [value]


def near_miss(ex):
    """Responses of roughly the right shape, built from the exercise's own examples (so a new
    kind is fuzzed with no change here): their values shuffled, dropped, repeated, replaced."""
    examples = ex.examples["correct"] + ex.examples["wrong"]
    leaf = (st.sampled_from(_leaves(examples) or [""]) | st.text(max_size=15)
            | st.integers(-2, 12) | st.booleans() | st.from_regex(
                r"[¥$]?-?\d{1,4}(,\d{3})?(\.\d{1,2})?%?", fullmatch=True))

    def like(example):
        if isinstance(example, list):
            return st.permutations(example) | st.lists(leaf, max_size=len(example) + 1)
        if isinstance(example, dict):
            keys = st.sampled_from(list(example) or [""]) | st.text(max_size=8)
            return st.dictionaries(keys, leaf | st.none(), max_size=len(example) + 1)
        return leaf

    return st.one_of([like(e) for e in examples] or [leaf])


def check(ex, response):
    first = ex.grade(response)
    assert 0.0 <= first.score <= 1.0
    assert first.correct == (first.score == 1.0 and first.valid and first.attempted)
    if not first.valid or not first.attempted:
        assert first.message is not None and first.message.en and first.message.zh
    again = ex.grade(response)
    assert again.to_dict() == first.to_dict()
    json.dumps(first.to_dict(), ensure_ascii=False)


def one_of_each_type(bank) -> dict:
    """The first exercise of each registered type in ``bank`` (a type it lacks is left out)."""
    found = {}
    for ex in bank.values():
        found.setdefault(ex.type, ex)
    return {t: found[t] for t in kinds.types() if t in found}


def fuzz(ex, cases: int = CASES) -> None:
    """Grade ``cases`` drawn responses (any JSON value, or a near miss) of ``ex`` safely."""
    if not ex.examples_at_load:  # a slow grader (the reply reviewer: about 0.1 s a response)
        cases = max(20, cases // 20)

    @settings(max_examples=cases, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.one_of(json_values, near_miss(ex)))
    def run(response):
        check(ex, response)

    run()
