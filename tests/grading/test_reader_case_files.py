"""Reviewer cases written as data: every ``tests/grading/reader_cases/*.yaml`` file, one test a
case (ids ``<file>-<rule>-<case>``).

A file is a list of rules. A rule names the general cause it shows (``rule``), says why
(``why``: the reader or round it comes from), and holds its ``cases``: a mapping from a case
name (``reader``, ``ours``, ``left_alone``...) to that case's keys. Any key given on the rule is
the default of each of its cases; a case's own key wins. What a case reviews is one of:

- ``text``: a whole reply;
- ``frame`` (with ``{}``) and ``fill``: the reply ``frame`` with ``fill`` in place of ``{}``;
- ``model_with: [old, new]``: the task's model answer with ``old`` (which must be in it)
  replaced by ``new``;
- ``letter: [name, body]`` or ``[name, body, sign]``: a letter (greeting, body, closing, sign);
- ``replies: [...]``: a role-play run, one reply a turn;
- ``moves: text`` with ``situation`` and ``facts``: the moves ``moves_in`` reads in ``text``.

And what it checks (at least one; each key optional):

- ``score_min`` / ``score_max``: the review's score;
- ``correct``: whether ``grade()`` counts the reply (or the run) as correct;
- ``caps_has`` / ``caps_lacks``: the name of a cap the review met or must not meet;
- ``missing_has`` / ``missing_lacks``, ``found_has`` / ``found_lacks``: words in what the
  review lists as missing or found (all criteria, or only ``criterion`` if given);
- ``advice_has`` / ``advice_lacks``: words in the English advice;
- ``feedback_has`` / ``feedback_lacks``: words in the English feedback of ``grade()``;
- ``outcome``, ``final_has`` / ``final_lacks``: a role-play run's outcome and its last
  message;
- ``move`` and ``made``: whether ``moves_in`` finds the move.

A file that names an unknown key, or a case that reviews nothing or checks nothing, fails with
the file, rule and case named.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from support import course_bank, letter

FOLDER = Path(__file__).with_name("reader_cases")
INPUTS = {"text", "frame", "model_with", "letter", "replies", "moves"}
CHECKS = {"score_min", "score_max", "correct", "caps_has", "caps_lacks", "missing_has",
          "missing_lacks", "found_has", "found_lacks", "advice_has", "advice_lacks",
          "feedback_has", "feedback_lacks", "outcome", "final_has", "final_lacks", "made"}
OTHER = {"exercise", "fill", "criterion", "situation", "facts", "move", "why"}


def _cases() -> list:
    params = []
    for path in sorted(FOLDER.glob("*.yaml")):
        rules = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for rule in rules:
            defaults = {k: v for k, v in rule.items() if k not in ("rule", "cases")}
            for name, own in (rule.get("cases") or {}).items():
                case = {**defaults, **(own or {})}
                where = f"{path.name}: rule {rule.get('rule')!r}, case {name!r}"
                params.append(pytest.param(case, where,
                                           id=f"{path.stem}-{rule.get('rule')}-{name}"))
    return params


def _check_keys(case: dict, where: str) -> None:
    unknown = set(case) - INPUTS - CHECKS - OTHER
    assert not unknown, f"{where}: unknown keys {sorted(unknown)}"
    assert len(INPUTS & set(case)) == 1, f"{where}: give exactly one of {sorted(INPUTS)}"
    assert CHECKS & set(case), f"{where}: checks nothing; give one of {sorted(CHECKS)}"


def _reply_text(case: dict, where: str) -> str:
    if "text" in case:
        return case["text"]
    if "frame" in case:
        return case["frame"].replace("{}", case.get("fill", ""))
    if "letter" in case:
        return letter(*case["letter"])
    old, new = case["model_with"]
    model = course_bank()[case["exercise"]].model_answer
    assert old in model, f"{where}: {old!r} is not in the model answer"
    return model.replace(old, new)


def _words(items) -> str:
    return " | ".join(items)


def _check_words(case: dict, key: str, text: str, where: str) -> None:
    for kind in ("has", "lacks"):
        want = case.get(f"{key}_{kind}")
        if want is not None:
            assert (want in text) == (kind == "has"), f"{where}: {key}_{kind} {want!r} in {text!r}"


def _check_review(case: dict, exercise, text: str, where: str) -> None:
    r = exercise.review(text)
    seen = f"{where}: score {r.score}, caps {[c['name'] for c in r.caps]}"
    assert r.score >= case.get("score_min", 0), seen
    assert r.score <= case.get("score_max", 100), seen
    _check_words(case, "caps", _words(c["name"] for c in r.caps), where)
    criteria = [c for c in r.criteria if c.name == case.get("criterion", c.name)]
    _check_words(case, "missing", _words(m for c in criteria for m in c.missing), where)
    _check_words(case, "found", _words(f for c in criteria for f in c.found), where)
    _check_words(case, "advice", _words(a["en"] for a in r.advice), where)


def _check_run(case: dict, exercise, where: str) -> None:
    run = exercise.conversation(case["replies"])
    if "outcome" in case:
        assert run["outcome"] == case["outcome"], f"{where}: {run['outcome']}: {run['final']}"
    _check_words(case, "final", run["final"], where)


@pytest.mark.parametrize("case,where", _cases())
def test_reader_case(case, where):
    _check_keys(case, where)
    if "moves" in case:
        from course.writing.moves import moves_in

        found = moves_in(case["moves"], case.get("facts"), case.get("situation"))
        assert (case["move"] in found) == case["made"], f"{where}: {sorted(found)}"
        return
    exercise = course_bank()[case["exercise"]]
    answer = case["replies"] if "replies" in case else _reply_text(case, where)
    if "replies" in case:
        _check_run(case, exercise, where)
    else:
        _check_review(case, exercise, answer, where)
    if "correct" in case or "feedback_has" in case or "feedback_lacks" in case:
        result = exercise.grade(answer)
        assert result.correct == case.get("correct", result.correct), \
            f"{where}: {result.feedback.en}"
        _check_words(case, "feedback", result.feedback.en, where)


def test_the_case_folder_is_read():
    """The folder holds case files, and a case that checks nothing is refused."""
    assert list(FOLDER.glob("*.yaml")), FOLDER
    with pytest.raises(AssertionError, match="checks nothing"):
        _check_keys({"exercise": "x", "text": "Hello"}, "made-up")
