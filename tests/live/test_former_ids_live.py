"""A renamed exercise (bank field ``former_ids``) in the live class: a session file written
before the rename, and answers posted under the old id by a notebook that still has it, all
count as the renamed exercise's."""
from __future__ import annotations

import pytest
from support import bank_text

from course.exercises.loader import load_bank
from course.live.auth import LanAuth
from course.live.service import LiveService, Rejected
from course.live.store import SessionStore

ITEM = """\
  - id: {id}{former}
    type: single_choice
    mode: class
    prompt: Which step comes first?
    options:
      - {{text: Identify, correct: true}}
      - {{text: Customize}}
    examples: {{correct: [0], wrong: [1]}}
"""


def _bank(folder, ex_id, former=""):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "01-test.yaml"
    text = ITEM.format(id=ex_id, former=f"\n    former_ids: [{former}]" if former else "")
    path.write_text(bank_text(text), encoding="utf-8")
    return load_bank(path)


def _service(store, bank):
    return LiveService(store, bank, LanAuth(store))


def test_a_session_from_before_the_rename_and_old_notebooks_count_as_the_new_id(tmp_path):
    store = SessionStore(tmp_path / "class" / "session.sqlite3")
    try:
        before = _service(store, _bank(tmp_path / "old", "old-step"))
        before.record("ana", {"exercise_id": "old-step", "response": 0})
        before.act({"action": "put", "exercise_id": "old-step"})
        before.worker.shutdown()

        service = _service(store, _bank(tmp_path / "new", "new-step", "old-step"))
        # the session file's attempt and class question are the renamed exercise's
        assert service.control.exercise_id == "new-step"
        assert service.stats("new-step")["exercise"]["answered"] == 1
        service.act({"action": "open"})  # the class question is open for answers
        # a notebook that still says "old-step" posts; the answer is stored under the new id
        reply = service.record("ben", {"exercise_id": "old-step", "response": 1})
        assert reply["recorded"] is True
        rows = {(a["learner"], a["exercise_id"]) for a in store.attempts()}
        assert rows == {("ana", "old-step"), ("ben", "new-step")}
        by_old = service.stats("old-step")["exercise"]
        assert (by_old["id"], by_old["answered"], by_old["correct"]) == ("new-step", 2, 1)
        assert {a["learner"] for a in store.attempts("new-step", ("old-step",))} == \
            {"ana", "ben"}
        with pytest.raises(Rejected):  # an id that never was is still refused
            service.record("cai", {"exercise_id": "never-was", "response": 0})
        service.worker.shutdown()
    finally:
        store.close()


def test_a_reveal_saved_under_the_old_id_is_the_renamed_exercises(tmp_path):
    store = SessionStore(tmp_path / "class" / "session.sqlite3")
    try:
        before = _service(store, _bank(tmp_path / "old", "old-step"))
        before.reveal("old-step")
        before.worker.shutdown()
        service = _service(store, _bank(tmp_path / "new", "new-step", "old-step"))
        assert service.revealed == ["new-step"]
        assert service.reveal("old-step") and service.revealed == ["new-step"]  # not twice
        assert "solution" in service.stats("old-step")["exercise"]
        service.worker.shutdown()
    finally:
        store.close()
