"""Reviewer cases written as data: every ``tests/grading/reader_cases/*.yaml`` file, one test a
case (ids ``<file>-<rule>-<case>``).

A file is a list of rules. A rule names the general cause it shows (``rule``), says why
(``why``: the reader or round it comes from), and holds its ``cases``: a mapping from a case
name (``reader``, ``ours``, ``left_alone``...) to that case's keys. Any key given on the rule is
the default of each of its cases; a case's own key wins. What a case reviews is one of:

- ``text``: a whole reply;
- ``frame`` (with ``{}``) and ``fill``: the reply ``frame`` with ``fill`` in place of ``{}``;
- ``model_with: [old, new]``: the task's model answer with ``old`` (which must be in it)
  replaced by ``new``; or a list of such pairs, replaced in turn;
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
- ``move`` and ``made``: whether ``moves_in`` finds the move;
- ``decision_has`` / ``decision_lacks``: the name of a decision (``course.writing.decisions``)
  whose advice ("Do not do this: the reply ...") the review gives or must not give;
- ``closing``: the closing the structure criterion finds ("closing: <it>" its only such item),
  or ``""`` for none;
- ``full_marks``: whether ``criterion`` gets all its points;
- ``nothing_missing: true``: no criterion lists anything missing;
- ``passed``: whether the review passes;
- ``advice_first``: words in the first line of the English advice (what is said first);
- ``same_score_with`` (with ``frame``): the review's score is that of the ``frame`` filled with
  this instead of ``fill`` (a value in words against the same in digits).

A ``_has`` / ``_lacks`` key may give a list of words: each must be there (or not).

``task_prompt`` (a text, or ``{en: ..., zh: ...}``) gives the task's instructions explicitly:
the case reviews and grades its reply against the bank's exercise with this prompt in place of
the bank's own. A case about the task's wording (the ``pasted`` and ``borrowed`` caps read the
prompt) keeps the wording it was written for when the bank's prompt changes later.

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
CHECKS |= {"decision_has", "decision_lacks", "closing", "full_marks", "nothing_missing",
           "passed", "same_score_with", "advice_first"}
OTHER = {"exercise", "fill", "criterion", "situation", "facts", "move", "why", "task_prompt"}


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
    pairs = case["model_with"]
    model = course_bank()[case["exercise"]].model_answer
    for old, new in pairs if isinstance(pairs[0], list) else [pairs]:
        assert old in model, f"{where}: {old!r} is not in the model answer"
        model = model.replace(old, new)
    return model


def _words(items) -> str:
    return " | ".join(items)


def _check_words(case: dict, key: str, text: str, where: str) -> None:
    for kind in ("has", "lacks"):
        want = case.get(f"{key}_{kind}")
        for one in want if isinstance(want, list) else [] if want is None else [want]:
            assert (one in text) == (kind == "has"), f"{where}: {key}_{kind} {one!r} in {text!r}"


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
    _check_more(case, exercise, r, where)


def _check_more(case: dict, exercise, r, where: str) -> None:
    """The checks added when rounds 10-13b moved here (brief 24d)."""
    from course.writing.decisions import DECISIONS

    for kind in ("has", "lacks"):
        name = case.get(f"decision_{kind}")
        if name is not None:
            line = f"Do not do this: the reply {DECISIONS[name].en}."
            assert (line in _words(a["en"] for a in r.advice)) == (kind == "has"), \
                f"{where}: decision_{kind} {name!r}: {[a['en'] for a in r.advice]}"
    if "closing" in case:
        found = [f for f in r.criterion("structure").found if f.startswith("closing: ")]
        assert found == ([f"closing: {case['closing']}"] if case["closing"] else []), \
            f"{where}: {found}"
    if "full_marks" in case:
        crit = r.criterion(case["criterion"])
        assert (crit.points == crit.max_points) == case["full_marks"], f"{where}: {crit}"
    if case.get("nothing_missing"):
        assert not [m for c in r.criteria for m in c.missing], f"{where}: {r}"
    if "passed" in case:
        assert r.passed == case["passed"], f"{where}: score {r.score}"
    if "advice_first" in case:
        first = r.advice[0]["en"] if r.advice else ""
        assert case["advice_first"] in first, f"{where}: the first advice is {first!r}"
    if "same_score_with" in case:
        assert "frame" in case, f"{where}: same_score_with goes with frame"
        other = exercise.review(_reply_text({**case, "fill": case["same_score_with"]}, where))
        assert r.score == other.score, f"{where}: {r.score}, with the other fill {other.score}"


def _check_run(case: dict, exercise, where: str) -> None:
    run = exercise.conversation(case["replies"])
    if "outcome" in case:
        assert run["outcome"] == case["outcome"], f"{where}: {run['outcome']}: {run['final']}"
    _check_words(case, "final", run["final"], where)


def _with_prompt(exercise, prompt):
    """``exercise``, or a copy of it whose prompt is ``prompt`` (the case's ``task_prompt``)."""
    if prompt is None:
        return exercise
    import copy

    from course.text import as_bilingual

    task = copy.copy(exercise)
    task.prompt = as_bilingual(prompt)
    return task


@pytest.mark.parametrize("case,where", _cases())
def test_reader_case(case, where):
    _check_keys(case, where)
    if "moves" in case:
        from course.writing.moves import moves_in

        found = moves_in(case["moves"], case.get("facts"), case.get("situation"))
        assert (case["move"] in found) == case["made"], f"{where}: {sorted(found)}"
        return
    exercise = _with_prompt(course_bank()[case["exercise"]], case.get("task_prompt"))
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


# each key added in brief 24d, shown to be read: a real case with that key turned against what
# the reviewer does must fail (were the key ignored, the case would pass)
TURNED = [
    ("round12-the_whole_sum_by_its_value_is_too_much-tom",
     {"decision_has": None, "decision_lacks": "gives_too_much"}),
    ("round11-a_short_closing_run_on_with_the_name-best", {"closing": "Cheers"}),
    ("round12c-the_task_s_own_opt_out_is_not_cold-a_cold_line_left_alone", {"full_marks": True}),
    ("round13b-a_purchase_is_what_she_bought-no_opt_out_left_alone", {"nothing_missing": True}),
    ("round12b-a_wrong_amount_in_words_is_a_wrong_fact-thirty", {"passed": True}),
    ("round12b-an_amount_in_words_is_the_amount-ines", {"same_score_with": "$40"}),
    ("round11-the_padding_advice_quotes_the_reply-empty",
     {"advice_has": ["Cut the general sentences", "a sentence the reply never wrote"]}),
    # the prompt the case was written for (task_prompt), taken away: the bank's prompt of
    # today (goals, not sentences) lends the letter no words, so the borrowed cap goes
    ("round19_verdicts-a_letter_in_the_tasks_words_is_borrowed_not_pasted-reader_kanya_numbered",
     {"task_prompt": None}),
    # its own replacement, then the opt-out taken out: the second pair must be made too
    ("round13b-a_purchase_is_what_she_bought-reader",
     {"model_with": [["Thank you for your order of eight coffee mugs in September.",
                      "Thank you for your purchase of 8 coffee mugs in September."],
                     ["If you would rather not receive news like this, just tell us.", ""]]}),
]


@pytest.mark.parametrize("case_id,turn", TURNED, ids=[t[0] for t in TURNED])
def test_a_case_turned_against_the_reviewer_fails(case_id, turn):
    case, where = next(p.values for p in _cases() if p.id == case_id)
    test_reader_case(case, where)  # as written it passes
    with pytest.raises(AssertionError):
        test_reader_case({**case, **turn}, where)
