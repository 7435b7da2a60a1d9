"""Shared fixtures of the teaching-materials tests: one lesson's files, made once per run."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: Lesson 01 holds an exercise of every built-in type (cloze, choice, true/false, matching,
#: ordering, numeric, reply, role-play): its files exercise every print view.
LESSON = "01-relationships"


@pytest.fixture(scope="session")
def printed(tmp_path_factory) -> Path:
    """``crm-course print`` of lesson 01 in English and Chinese (every kind of file)."""
    from course.materials.build import KINDS, Job, run

    out = tmp_path_factory.mktemp("print")
    run(Job(out, [LESSON], ["en", "zh"], KINDS, "https://hub.example.edu/lab/{notebook}", ROOT),
        jobs=2)
    return out
