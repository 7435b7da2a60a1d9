"""`crm-course export`: the submission file, the learner name and clear errors."""
from __future__ import annotations

import json

from store_helpers import FakeExercise, FakeResult

from course import session as state
from course.cli import main
from course.exercises import progress


def test_export_with_learner_option(home, tmp_path, capsys):
    progress.record(FakeExercise(id="q1"), [0, 2], FakeResult(0.5, [0, 2]), "assessment")
    progress.record(FakeExercise(id="q2"), "20%", FakeResult(1.0, "20%"), "practice")
    out = tmp_path / "sub.json"
    assert main(["export", "--out", str(out), "--learner", "  Li   Lei "]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["learner"] == "Li Lei"
    assert [a["response"] for a in doc["attempts"]] == [[0, 2], "20%"]
    assert [a["mode"] for a in doc["attempts"]] == ["assessment", "practice"]
    assert "2 attempt(s)" in capsys.readouterr().out


def test_export_uses_the_name_from_set_learner(home, tmp_path):
    state.set_learner("韩梅梅")
    state._reset_for_tests()  # a new process: the name comes back from the saved settings
    out = tmp_path / "sub.json"
    assert main(["export", "--out", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["learner"] == "韩梅梅" and doc["attempts"] == []


def test_export_without_store_says_so(home, tmp_path, capsys):
    assert main(["export", "--out", str(tmp_path / "s.json")]) == 0
    assert "No progress saved yet" in capsys.readouterr().err


def test_export_errors_are_messages_not_tracebacks(home, tmp_path, capsys):
    assert main(["export", "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "is a folder" in err and "Traceback" not in err
    assert main(["export", "--out", str(tmp_path / "no-such-dir" / "s.json")]) == 2
    assert "Cannot write" in capsys.readouterr().err
    assert main(["export", "--out", str(tmp_path / "s.json"), "--learner", " "]) == 2
    assert "--learner needs a name" in capsys.readouterr().err
