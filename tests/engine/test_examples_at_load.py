"""Opening a lesson leaves reply examples to validate; every other example is still checked."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from course.exercises.loader import check_paths
from course.paths import bank_dir

REPO = Path(__file__).resolve().parents[2]


def _bank_with(tmp_path: Path, kind: str, bad_correct) -> tuple[Path, str]:
    """A copy of lesson 01's bank in which one exercise of ``kind`` has a wrong 'correct'
    example; returns the folder and that exercise's id."""
    src = yaml.safe_load((bank_dir() / "01-relationships.yaml").read_text(encoding="utf-8"))
    target = next(raw for raw in src["exercises"] if raw["type"] == kind)
    target["examples"]["correct"] = [bad_correct]
    folder = tmp_path / "bank"
    folder.mkdir()
    (folder / "01-relationships.yaml").write_text(yaml.safe_dump(src, allow_unicode=True),
                                                  encoding="utf-8")
    return folder, target["id"]


def _open_lesson(folder: Path) -> subprocess.CompletedProcess:
    code = ("import sys, course\n"
            "from course.errors import CourseError\n"
            "try:\n"
            "    course.lesson('01-relationships')\n"
            "except CourseError as exc:\n"
            "    print('REFUSED', exc)\n"
            "else:\n"
            "    print('OPENED', 'vaderSentiment' in sys.modules)\n")
    env = dict(os.environ, CRM_COURSE_BANK=str(folder),
               PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, check=True)


def test_a_broken_reply_example_is_left_to_validate(tmp_path):
    folder, ex_id = _bank_with(tmp_path, "reply", "No.")
    _, problems, _ = check_paths([folder])  # what crm-course validate and the tests run
    assert [(p.exercise_id, p.field) for p in problems] == [(ex_id, "examples.correct[0]")]
    out = _open_lesson(folder)
    assert out.stdout.strip() == "OPENED False", out.stdout + out.stderr


@pytest.mark.parametrize("kind, bad", [("true_false", False)])
def test_a_broken_quick_example_still_stops_the_lesson(tmp_path, kind, bad):
    folder, ex_id = _bank_with(tmp_path, kind, bad)
    out = _open_lesson(folder)
    assert out.stdout.startswith("REFUSED") and ex_id in out.stdout, out.stdout + out.stderr
