"""A renamed exercise (bank field ``former_ids``): the author's errors of a clash, the bank
found by an old id, and a learner's saved progress under the old id kept as the new id's."""
from __future__ import annotations

import sqlite3

import pytest
from support import bank_text

from course.errors import BankError
from course.exercises import progress
from course.exercises.loader import check_paths, load_bank

RENAMED = """\
  - id: new-step
    former_ids: [old-step]
    type: single_choice
    prompt: Which step comes first?
    options:
      - {text: Identify, correct: true}
      - {text: Customize}
      - {text: Interact}
    examples: {correct: [0], wrong: [1]}
  - id: other-item
    type: true_false
    prompt: IDIC has four steps.
    answer: true
    examples: {correct: [true], wrong: [false]}
"""


@pytest.fixture
def renamed_bank(write_bank):
    return load_bank(write_bank(bank_text(RENAMED)))


def _rows(path, sql, params=()):
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, params).fetchall()


def _save_old_attempts(home, rows):
    """Attempts as a store written before the rename holds them: (exercise id, score, answer)."""
    import json

    ex = type("Old", (), {"lesson": "01-test", "former_ids": ()})()
    for ex_id, score, response in rows:
        ex.id = ex_id
        result = type("R", (), {"attempted": True, "score": score, "response": response})()
        assert progress.record(ex, response, result, "practice")
    stored = _rows(progress.store_path(), "SELECT exercise_id, response FROM attempts")
    assert [(i, json.loads(r)) for i, r in stored] == [(i, r) for i, _, r in rows]


# -- the author's errors --------------------------------------------------------------------


@pytest.mark.parametrize("former, message", [
    ("[new-step]", "is this exercise's own id"),
    ("[other-item]", "is the current id of exercise 'other-item'"),
])
def test_a_former_id_that_is_a_current_id_is_an_authors_error(write_bank, former, message):
    text = bank_text(RENAMED.replace("former_ids: [old-step]", f"former_ids: {former}"))
    with pytest.raises(BankError) as info:
        load_bank(write_bank(text))
    problems = [p for p in info.value.problems if p.field == "former_ids[0]"]
    assert len(problems) == 1, info.value.problems
    problem = problems[0]
    assert problem.file.endswith("01-test.yaml") and problem.exercise_id == "new-step"
    line = [s.strip() for s in text.splitlines()].index(f"former_ids: {former}") + 1
    assert problem.line == line  # the line of `former_ids:` in the file
    assert message in problem.message
    assert str(problem).startswith(f"{problem.file}:{line}: exercise 'new-step': field "
                                   "'former_ids[0]'")


def test_two_exercises_may_not_claim_one_former_id(write_bank):
    text = bank_text(RENAMED.replace("  - id: other-item\n",
                                     "  - id: other-item\n    former_ids: [old-step]\n"))
    with pytest.raises(BankError) as info:
        load_bank(write_bank(text))
    (problem,) = info.value.problems
    assert (problem.exercise_id, problem.field) == ("other-item", "former_ids[0]")
    assert "already a former id of exercise 'new-step'" in problem.message


def test_a_clash_across_two_files_names_the_other_file(tmp_path):
    folder = tmp_path / "bank"
    folder.mkdir()
    (folder / "01-test.yaml").write_text(bank_text(RENAMED), encoding="utf-8")
    (folder / "02-more.yaml").write_text(bank_text("""\
      - id: old-step
        type: true_false
        prompt: A quote comes before the questions.
        answer: false
        examples: {correct: [false], wrong: [true]}
    """, lesson="02-more"), encoding="utf-8")
    _, problems, _ = check_paths([folder])
    (problem,) = problems
    assert problem.file.endswith("01-test.yaml") and problem.exercise_id == "new-step"
    assert problem.field == "former_ids[0]"
    assert "current id of exercise 'old-step' in " in problem.message
    assert "02-more.yaml" in problem.message


def test_a_former_id_must_look_like_an_id(write_bank):
    text = bank_text(RENAMED.replace("former_ids: [old-step]", "former_ids: [Old Step]"))
    with pytest.raises(BankError) as info:
        load_bank(write_bank(text))
    (problem,) = info.value.problems
    assert (problem.exercise_id, problem.field) == ("new-step", "former_ids[0]")


# -- the bank -------------------------------------------------------------------------------


def test_the_bank_finds_a_renamed_exercise_by_its_old_id(renamed_bank):
    assert renamed_bank["old-step"] is renamed_bank["new-step"]
    assert renamed_bank.current_id("old-step") == "new-step"
    assert renamed_bank.current_id("other-item") == "other-item"
    assert renamed_bank.current_id("never-was") == "never-was"
    assert renamed_bank.renames == {"old-step": "new-step"}
    assert list(renamed_bank) == ["new-step", "other-item"]  # the old id is no second exercise


def test_the_shown_order_is_seeded_by_the_first_id(write_bank):
    """Renaming changes no order a learner saw: the option order is the old id's."""
    renamed = load_bank(write_bank(bank_text(RENAMED)))["new-step"]
    before = load_bank(write_bank(bank_text(
        RENAMED.replace("  - id: new-step\n    former_ids: [old-step]\n",
                        "  - id: old-step\n"))))["old-step"]
    learners = [f"learner-{i}" for i in range(12)]
    assert [renamed.display_order(name) for name in learners] == \
        [before.display_order(name) for name in learners]


# -- the learner's saved progress -----------------------------------------------------------


def test_progress_saved_under_the_old_id_loads_as_the_new_ids(learner_home, renamed_bank):
    _save_old_attempts(learner_home, [("old-step", 0.0, "customize"), ("old-step", 1.0,
                                                                       "identify")])
    ex = renamed_bank["new-step"]
    last = progress.last_attempt(ex.id)
    assert (last["response"], last["score"]) == ("identify", 1.0)
    assert progress.last_responses(["new-step", "other-item"]) == {"new-step": "identify"}
    lesson = renamed_bank.lessons["01-test"]
    assert progress.lesson_progress(lesson) == (1, 2, 1.0)
    table = progress.summary()
    assert table[["exercise_id", "attempts", "best_score", "last_score"]].values.tolist() == \
        [["new-step", 2, 1.0, 1.0]]
    assert progress.attempts()["exercise_id"].tolist() == ["new-step", "new-step"]
    assert [a["exercise_id"] for a in progress.submission()["attempts"]] == ["new-step"] * 2
    # nothing was rewritten by reading
    assert _rows(progress.store_path(), "SELECT DISTINCT exercise_id FROM attempts") == \
        [("old-step",)]


def test_the_next_save_writes_the_old_rows_under_the_new_id_after_a_backup(learner_home,
                                                                         renamed_bank):
    _save_old_attempts(learner_home, [("old-step", 1.0, "identify"),
                                      ("other-item", 1.0, True)])
    ex = renamed_bank["new-step"]
    result = ex.grade("customize")
    assert progress.record(ex, "customize", result, "practice")
    store = progress.store_path()
    assert _rows(store, "SELECT exercise_id, score FROM attempts ORDER BY id") == \
        [("new-step", 1.0), ("other-item", 1.0), ("new-step", 0.0)]
    backups = sorted(store.parent.glob("progress.sqlite3.before-rename-*"))
    assert len(backups) == 1, backups  # one save that rewrote rows: one backup, one file
    assert _rows(backups[0], "SELECT exercise_id, score FROM attempts ORDER BY id") == \
        [("old-step", 1.0), ("other-item", 1.0)]
    assert oct(backups[0].stat().st_mode & 0o777) == "0o600"
    # a second save has nothing left to rewrite: no second backup
    assert progress.record(ex, "identify", ex.grade("identify"), "practice")
    assert list(store.parent.glob("progress.sqlite3.before-rename-*")) == backups


def test_old_and_new_attempts_make_one_history_best_and_latest_kept(learner_home,
                                                                    renamed_bank):
    """Both ids saved (an old notebook and a new one open at once): the store's own rule, the
    best score of either and the later saved answer, over one count of attempts."""
    _save_old_attempts(learner_home, [("new-step", 0.0, "interact"), ("old-step", 1.0,
                                                                       "identify"),
                                      ("old-step", 0.0, "customize")])
    (row,) = progress.summary()[["exercise_id", "attempts", "best_score", "last_score",
                                 "last_response"]].values.tolist()
    assert row == ["new-step", 3, 1.0, 0.0, "customize"]
    assert progress.last_attempt("new-step")["response"] == "customize"
    assert progress.last_attempt("old-step")["response"] == "customize"  # asked by the old id


def test_the_lesson_api_opens_an_old_notebook_cell(learner_home, renamed_bank):
    """A learner's own copy of a notebook still says lesson["old-step"]: it shows the renamed
    exercise, not an error."""
    lesson = renamed_bank.lessons["01-test"]
    assert lesson["old-step"].id == "new-step"
    assert "old-step" in lesson and "old-step" not in lesson.ids
