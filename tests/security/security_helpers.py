"""Helpers of the security tests: run a CLI command in a fresh process and measure it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import course

# The folder that holds the `course` under test (a worktree's, or the one on PYTHONPATH).
ROOT = Path(course.__file__).resolve().parents[1]

# Runs the CLI in this process's interpreter and reports the exit code, the CPU seconds and
# the peak memory of the command itself (interpreter start-up included).
_PROBE = """
import json, resource, sys
from course.cli import main
code = main(sys.argv[1:])
use = resource.getrusage(resource.RUSAGE_SELF)
sys.stderr.write("\\n@@probe " + json.dumps({"code": code, "cpu": use.ru_utime + use.ru_stime,
                                             "rss_mb": use.ru_maxrss / 1024}) + "\\n")
sys.exit(code)
"""


class Run:
    def __init__(self, proc: subprocess.CompletedProcess):
        err, _, probe = proc.stderr.rpartition("\n@@probe ")
        self.stdout = proc.stdout
        self.stderr = err if probe else proc.stderr
        self.returncode = proc.returncode
        info = json.loads(probe) if probe else {}
        self.cpu = info.get("cpu")
        self.rss_mb = info.get("rss_mb")

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_cli(*args, timeout: float = 60, env: dict | None = None, cwd=None) -> Run:
    """The CLI in a child process, measured (see Run)."""
    full_env = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    proc = subprocess.run([sys.executable, "-c", _PROBE, *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, env=full_env,
                          cwd=cwd or ROOT, errors="backslashreplace")
    return Run(proc)


def bank_text(exercises: str) -> str:
    return "lesson: 01-test\ntitle: {en: Test, zh: 测试}\nexercises:\n" + exercises
