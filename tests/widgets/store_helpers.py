"""Small stand-ins for an exercise and a grade result, for driving the progress store alone."""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


@dataclass
class FakeExercise:
    id: str
    lesson: str = "02-idic"
    mode: str = "practice"
    type: str = "cloze"


@dataclass
class FakeResult:
    score: float
    response: object = None
    attempted: bool = True
    correct: bool = False
    items: tuple = field(default_factory=tuple)


# A worker process: records N attempts, printing each attempt's number once it is committed.
WORKER = r"""
import sys
from course.exercises import progress
sys.path.insert(0, {helpers!r})
from store_helpers import FakeExercise, FakeResult
tag, n = sys.argv[1], int(sys.argv[2])
ex = FakeExercise(id="ex-" + tag)
for i in range(n):
    ok = progress.record(ex, [tag, i], FakeResult(score=(i % 5) / 4, response=[tag, i]), "practice")
    if not ok:
        print("FAILED", i, progress.pop_notices(), flush=True)
        sys.exit(3)
    print(i, flush=True)
"""


def worker_command(tag: str, n: int) -> list[str]:
    code = WORKER.format(helpers=str(Path(__file__).resolve().parent))
    return [sys.executable, "-c", code, tag, str(n)]


def worker_env(home: Path) -> dict:
    env = dict(os.environ, CRM_COURSE_HOME=str(home))
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def start_worker(home: Path, tag: str, n: int) -> subprocess.Popen:
    return subprocess.Popen(
        worker_command(tag, n), env=worker_env(home), stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )
