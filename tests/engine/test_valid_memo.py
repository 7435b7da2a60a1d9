"""Opening a lesson remembers a bank file that passed the schema (course.exercises.valid_memo):
the same text under the same schema skips jsonschema; any change is checked in full, and a
file with a problem is never remembered. Also: the reviewer loads on the first review, not
when a lesson with a reply task opens (issue 24)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from support import reset_learner_state

from course.errors import BankError
from course.exercises import loader, valid_memo
from course.paths import bank_dir

REPO = Path(__file__).resolve().parents[2]
LESSON = "01-relationships"


@pytest.fixture
def bank(tmp_path, monkeypatch):
    """A copy of lesson 01's bank file in its own folder (the bank in force) and an empty
    cache folder; returns the copy."""
    folder = tmp_path / "bank"
    folder.mkdir()
    copy = folder / f"{LESSON}.yaml"
    copy.write_text((bank_dir() / copy.name).read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv("CRM_COURSE_BANK", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("CRM_COURSE_HOME", str(tmp_path / "home"))
    reset_learner_state()
    yield copy
    reset_learner_state()


def _schema_checks(monkeypatch) -> list[str]:
    """Count the full schema checks of ``loader`` from now on (each file's name)."""
    calls = []
    real = loader._schema_problems

    def counting(data, file):
        calls.append(file)
        return real(data, file)

    monkeypatch.setattr(loader, "_schema_problems", counting)
    return calls


def test_a_passed_file_skips_the_schema_until_it_changes(bank, monkeypatch):
    calls = _schema_checks(monkeypatch)
    first = loader.load_lesson(LESSON)
    assert len(calls) == 1 and valid_memo.record_path().is_file()
    again = loader.load_lesson(LESSON)
    assert len(calls) == 1  # remembered: not checked against the schema again
    assert [ex.id for ex in again.exercises] == [ex.id for ex in first.exercises]
    # one more character anywhere is another text: checked in full again, and then remembered
    bank.write_text(bank.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    loader.load_lesson(LESSON)
    loader.load_lesson(LESSON)
    assert len(calls) == 2
    # validate (check_paths) and load_bank always check in full
    loader.check_paths([bank])
    assert len(calls) == 3


def test_a_file_with_a_schema_problem_is_never_remembered(bank, monkeypatch):
    loader.load_lesson(LESSON)  # the good text is remembered
    data = yaml.safe_load(bank.read_text(encoding="utf-8"))
    data["exercises"][0]["colour"] = "red"  # a field the schema does not know
    bank.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    calls = _schema_checks(monkeypatch)
    for _ in range(2):  # refused each time, with the field named: never skipped
        with pytest.raises(BankError, match="colour"):
            loader.load_lesson(LESSON)
    assert len(calls) == 2
    assert len(valid_memo.record_path().read_text(encoding="ascii").split()) == 1


def test_another_schema_is_another_key(bank):
    text = bank.read_text(encoding="utf-8")
    before = valid_memo.key(text)
    schema = json.loads((REPO / "exercises" / "schema.json").read_text(encoding="utf-8"))
    schema["description"] = "a schema beside the bank (a student copy's)"
    (bank.parent / "schema.json").write_text(json.dumps(schema), encoding="utf-8")
    after = valid_memo.key(text)
    assert before and after and before != after
    assert valid_memo.key(text + " ") not in (before, after)


def test_an_unwritable_cache_only_means_full_checks(bank, monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    calls = _schema_checks(monkeypatch)
    loader.load_lesson(LESSON)
    loader.load_lesson(LESSON)
    assert len(calls) == 2


def test_the_record_keeps_the_newest_digests(bank, monkeypatch):
    monkeypatch.setattr(valid_memo, "MAX_RECORDS", 6)
    digests = [f"{i:064x}" for i in range(7)]
    for digest in digests:
        valid_memo.remember(digest)
    kept = valid_memo.record_path().read_text(encoding="ascii").split()
    assert kept == digests[-3:]  # past 6, the newest half (3) stays
    assert valid_memo.passed(digests[-1]) and not valid_memo.passed(digests[0])


def test_opening_a_lesson_with_a_reply_task_leaves_the_reviewer_and_jsonschema(bank):
    """A fresh kernel opening a lesson with a reply task: the first time jsonschema checks the
    file; the second time neither jsonschema nor the reviewer is imported; the first review
    loads the reviewer (and checks the situation table)."""
    code = ("import sys, course\n"
            f"lesson = course.lesson({LESSON!r})\n"
            "before = ['jsonschema' in sys.modules, 'course.writing.reviewer' in sys.modules]\n"
            "reply = next(ex for ex in lesson.exercises if ex.type == 'reply')\n"
            "reply.review('Dear Ana, thank you. We ship tomorrow. Best regards, Mia')\n"
            "print(before, 'course.writing.reviewer' in sys.modules)\n")
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env=env, check=True).stdout.split("\n")[-2] for _ in range(2)]
    assert runs == ["[True, False] True", "[False, False] True"], runs
