"""``--durations-json`` (tests/suite_timing.py) and bench/bench_suite.py: a small suite with a
known sleep, known CPU work and a child's known CPU work, run in one process. The xdist path
(each worker sends its phases with its reports) ran in the two whole runs of
docs/benchmarks.md's seventh pass; an xdist worker here would cost about 5 CPU s a run."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
SUITE = '''
import subprocess, sys, time

BURN = "import time\\nt = time.process_time()\\nwhile time.process_time() - t < 0.3: pass"


def test_sleeps():
    time.sleep(0.4)


def test_computes():
    exec(BURN)


def test_runs_a_child():
    subprocess.run([sys.executable, "-c", BURN], check=True)
'''


def test_each_phase_is_measured_and_the_tables_add_up(tmp_path):
    (tmp_path / "test_known.py").write_text(SUITE, encoding="utf-8")
    out = tmp_path / "times.json"
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "suite_timing", "-p", "no:cacheprovider",
         "-p", "no:xdist", f"--durations-json={out}", "test_known.py"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONPATH": str(TESTS)})
    assert run.returncode == 0, run.stdout + run.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    calls = {p["nodeid"].split("::")[1]: p for p in data["phases"] if p["when"] == "call"}
    assert set(calls) == {"test_sleeps", "test_computes", "test_runs_a_child"}
    # 3 tests x setup, call, teardown, all from the one process
    assert len(data["phases"]) == 9 and {p["worker"] for p in data["phases"]} == {"main"}
    sleeps, computes, child = calls["test_sleeps"], calls["test_computes"], calls["test_runs_a_child"]
    assert sleeps["wall"] >= 0.4 and sleeps["wall"] - sleeps["cpu"] - sleeps["children"] >= 0.3
    assert computes["cpu"] >= 0.3 and computes["children"] < 0.3
    assert child["children"] >= 0.3 and child["cpu"] < 0.3
    assert all(w["cpu"] >= 0.3 for w in data["workers"].values())  # whole processes, collection too

    sys.path.insert(0, str(TESTS.parent / "bench"))
    try:
        import bench_suite
    finally:
        sys.path.pop(0)
    lines = bench_suite.report(data, top=5)
    row = next(line for line in lines if line.startswith("| test_known.py |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    wall, cpu, children, wait = map(float, cells[2:6])
    assert cells[1] == "3" and abs(wall - cpu - children - wait) < 0.15  # rounding of 4 figures
    assert cpu >= 0.3 and children >= 0.3 and wait >= 0.3
