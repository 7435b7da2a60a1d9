"""The shortcuts of grading give what the straightforward code gives.

``match_text`` keeps the match of a short text and works out the accepted answers' forms once
per blank (compared with the match worked out afresh); ``_too_deep`` and ``jsonable`` look at a flat answer without walking it. Each is
compared here with the plain version (the code as it was before the shortcuts) over many
generated responses.
"""
from __future__ import annotations

import random

import pytest

from course.exercises import text_match
from course.exercises.kinds import base
from course.exercises.loader import load_bank
from course.paths import bank_dir


def _plain_match(given, accepted, **options):
    """The match worked out afresh: no kept match, the accepted answers' forms recomputed."""
    text_match._answer_forms.cache_clear()
    return text_match._match(given, text_match.Accepted(tuple(accepted), **options))


def _variants(answer: str, rng: random.Random, pool: list[str]) -> list[str]:
    """What learners type for a blank: the answer, slips, case, edges, forms, other words."""
    out = [answer, answer.upper(), f" {answer}. ", f"the {answer}", answer + "s", "",
           rng.choice(pool), answer.replace(" ", "  "), f"“{answer}”", answer + "，"]
    if len(answer) > 3:
        i = rng.randrange(1, len(answer) - 1)
        out += [answer[:i] + answer[i + 1:], answer[:i] + answer[i] + answer[i:],
                answer[:i] + answer[i + 1] + answer[i] + answer[i + 2:]]
    return out


def test_match_text_gives_what_the_plain_matcher_gives_for_every_blank_of_the_bank():
    rng = random.Random(11)
    blanks = [(ex, b) for ex in load_bank(bank_dir()).exercises if ex.type == "cloze"
              for b in ex.blanks]
    pool = sorted({a for _, b in blanks for a in b.answers})
    compared = set()
    for _ in range(2):  # the second pass meets every text in the cache
        for ex, blank in blanks:
            texts = [v for a in blank.answers for v in _variants(a, rng, pool)]
            texts += list(blank.typo_forms) + ["x" * 300 + blank.answers[0]]
            for text in texts:
                options = dict(case_sensitive=ex.case_sensitive, typos=blank.typos,
                               forms=blank.forms, real_words=blank.real_words,
                               typo_forms=blank.typo_forms, around=blank.around)
                got = text_match.match_text(text, blank.answers, **options)
                assert got == _plain_match(text, blank.answers, **options), (ex.id, text)
                # the same answers as a list (not a cache key) give the same match
                assert text_match.match_text(text, list(blank.answers), **options) == got
                compared.add((ex.id, blank.index, text, got.rule))
    assert len(compared) > 1500
    rules = {rule for *_, rule in compared}
    assert {"exact", "typo", "punctuation", None} <= rules


def _full_walk(fn, *args):
    """``fn(*args)`` with the fast paths (``_plain``, ``_flat``) switched off: what the full
    walk alone judges, the reference the fast paths must agree with."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(base, "_plain", lambda value: False)
        patch.setattr(base, "_flat", lambda value: False)
        return fn(*args)


def test_flat_answers_are_judged_as_the_full_walk_judges_them():
    rng = random.Random(2)
    scalars = ["a", "", "\ud800", "客户", 0, -3, 10**99, 10**5000, 1.5, float("nan"), True,
               None, b"x", {1, 2}]
    values = [[], {}, (), [[]], {"a": {}}, ["a"] * 1_000_001, {1: "a"}, {None: 1}]
    for _ in range(3000):
        n = rng.choice([0, 1, 4, 30])
        pick = [rng.choice(scalars) for _ in range(n)]
        values.append(rng.choice([pick, tuple(pick), {str(i): v for i, v in enumerate(pick)}]))
    values += scalars
    for value in values:
        for limit in (0, 1, 2, base.MAX_RESPONSE_DEPTH):
            assert base._too_deep(value, limit) == _full_walk(base._too_deep, value, limit), value
        got, plain = base.jsonable(value), _full_walk(base.jsonable, value)
        assert got is value if plain is value else got == plain, type(value)


def test_the_cloze_memo_gives_the_grade_graded_afresh_and_stays_bounded(monkeypatch):
    """Each cloze exercise keeps the grades of the answers typed into its blanks; a kept grade
    must be the one grading afresh gives, for right, wrong, typo'd and empty answers."""
    from course.exercises.kinds import cloze

    bank = load_bank(bank_dir())
    rng = random.Random(11)
    compared = 0
    for ex in bank.exercises:
        if ex.type != "cloze":
            continue
        for blank in ex.blanks:
            answers = list(blank.answers) or ["x"]
            tries = [answers[0], answers[0].upper(), answers[0][:-1], " ", "",
                     rng.choice(answers) + "s", "quality", "李雷"]
            for given in tries + tries:  # the second pass comes from the memo
                assert ex._grade_blank(blank, given) == ex._grade_blank_afresh(blank, given)
                compared += 1
    assert compared > 500
    ex = next(e for e in bank.exercises if e.type == "cloze")
    ex.__dict__.pop("_blank_memo", None)
    monkeypatch.setattr(cloze, "BLANK_MEMO_SIZE", 5)
    for i in range(20):
        ex._grade_blank(ex.blanks[0], f"answer {i}")
    assert len(ex.__dict__["_blank_memo"]) == 5
