"""Helpers of the security tests: run a CLI command in a fresh process and measure it."""
from __future__ import annotations

import contextlib
import json
import os
import shutil
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
# the peak of this program (ru_maxrss would carry the forking parent's peak across exec)
try:
    hwm = [int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:")][0]
except (OSError, IndexError):
    hwm = use.ru_maxrss
sys.stderr.write("\\n@@probe " + json.dumps({"code": code, "cpu": use.ru_utime + use.ru_stime,
                                             "rss_mb": hwm / 1024}) + "\\n")
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


def _can_mount_read_only() -> bool:
    if os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    return probe.returncode == 0


@contextlib.contextmanager
def read_only(folder: Path):
    """Yield a command prefix that runs a program with ``folder`` read-only.

    As root (who ignores file modes) the folder is bind-mounted read-only in a private mount
    namespace; otherwise its mode is set to read-only and restored afterwards.
    """
    folder = Path(folder)
    if _can_mount_read_only():
        script = ('mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" "$0" && '
                  'shift && exec "$@"')
        yield ["unshare", "-m", "sh", "-c", script, str(folder), "--"]
        return
    modes = {p: p.stat().st_mode for p in [folder, *folder.iterdir()]}
    for p in modes:
        p.chmod(0o555 if p.is_dir() else 0o444)
    try:
        yield []
    finally:
        for p, mode in modes.items():
            p.chmod(mode)


def run_python(prefix: list[str], code: str, *args, env: dict | None = None,
               timeout: float = 60) -> subprocess.CompletedProcess:
    """``python -c code args`` under a command prefix, with the course under test importable."""
    full_env = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    return subprocess.run([*prefix, sys.executable, "-c", code, *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, env=full_env,
                          cwd=ROOT, errors="backslashreplace")


def released_items(files, bank, wanted, releases: int):
    """Release every bank file of ``files`` ``releases`` times over; yields each released item
    whose id is in ``wanted`` as ``(its raw entry in the student copy, the bank's exercise)``."""
    import yaml

    from course.exercises.loader import SAFE_LOADER
    from course.instructor.release import release_bank_doc

    # each file read once (reading was nine tenths of the releases' time), released each time
    docs = [yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) for path in files]
    for _ in range(releases):
        for source in docs:
            doc, _, _ = release_bank_doc(source, bank)
            for raw in doc["exercises"]:
                if raw.get("id") in wanted:
                    yield raw, bank[raw["id"]]
