"""Benchmark of the lesson notebooks: execution time of each notebook and of the whole nbval run."""
from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import machine, write_section  # noqa: E402

NOTEBOOKS = ROOT / "notebooks"
HEADING = "Notebooks (issues 5 and 6)"
NOTEBOOK_TARGET_S = 10.0
NBVAL_TARGET_S = 90.0


def _children_cpu() -> float:
    """CPU seconds (user + system) used so far by finished child processes (the kernels)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_notebook(path: Path, timeout: int = 120) -> dict:
    """Execute one notebook in a fresh kernel with a fresh, empty progress store.

    Returns the wall time from kernel start to kernel shutdown (``total``), the sum of the
    cells' own execution times as the kernel reported them (``cells``), and the error, if any.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory(prefix="crm-bench-home-") as home:
        old = os.environ.get("CRM_COURSE_HOME")
        os.environ["CRM_COURSE_HOME"] = home  # the kernel inherits it
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                                resources={"metadata": {"path": str(path.parent)}},
                                record_timing=True)
        error = None
        cpu0 = _children_cpu()
        t0 = time.perf_counter()
        try:
            client.execute()
        except CellExecutionError as exc:
            error = str(exc).strip().splitlines()[-1][:120]
        total = time.perf_counter() - t0
        cpu = _children_cpu() - cpu0
        if old is None:
            os.environ.pop("CRM_COURSE_HOME", None)
        else:
            os.environ["CRM_COURSE_HOME"] = old
    cells = 0.0
    for cell in nb.cells:
        timing = cell.get("metadata", {}).get("execution", {})
        start, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
        if start and end:
            cells += (datetime.fromisoformat(end.replace("Z", "+00:00"))
                      - datetime.fromisoformat(start.replace("Z", "+00:00"))).total_seconds()
    n_code = sum(c.cell_type == "code" for c in nb.cells)
    return {"total": total, "cells": cells, "cpu": cpu, "error": error, "code_cells": n_code}


def run_nbval() -> dict:
    """Run ``python -m pytest notebooks/`` (nbval, as the test suite runs it) once."""
    with tempfile.TemporaryDirectory(prefix="crm-bench-home-") as home:
        env = dict(os.environ, CRM_COURSE_HOME=home)
        env.pop("CRM_COURSE_LANG", None)
        cpu0 = _children_cpu()
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "pytest", "notebooks/", "-q"], cwd=ROOT,
                              env=env, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        cpu = _children_cpu() - cpu0
    tail = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
    counts = {k: int(v) for v, k in re.findall(r"(\d+) (passed|failed|error|errors|skipped)",
                                               tail)}
    return {"wall": wall, "cpu": cpu, "returncode": proc.returncode, "summary": tail,
            "counts": counts}


def fmt(seconds: float) -> str:
    return f"{seconds:.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs per notebook (default 3; the median is reported)")
    parser.add_argument("--nbval-repeat", type=int, default=2,
                        help="runs of the whole nbval suite (default 2)")
    parser.add_argument("names", nargs="*",
                        help="only these notebooks (file names or slugs); default: all")
    parser.add_argument("--no-write", action="store_true",
                        help="print the results only, do not update docs/benchmarks.md")
    args = parser.parse_args()
    if args.repeat < 1 or args.nbval_repeat < 0:
        parser.error("--repeat must be at least 1 and --nbval-repeat at least 0")

    paths = sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
    if args.names:
        wanted = {Path(n).name.removesuffix(".ipynb") for n in args.names}
        paths = [p for p in paths if p.stem in wanted]
    if not paths:
        print("No notebooks found in notebooks/.")
        return 1
    load_before = os.getloadavg()[0]
    started = datetime.now(timezone.utc)

    rows = []
    for path in paths:
        runs = []
        for i in range(args.repeat):
            r = run_notebook(path)
            runs.append(r)
            state = f"error: {r['error']}" if r["error"] else "ok"
            print(f"{path.name} run {i + 1}: total {fmt(r['total'])} s, "
                  f"cells {fmt(r['cells'])} s, kernel CPU {fmt(r['cpu'])} s, {state}", flush=True)
        totals = [r["total"] for r in runs]
        errors = sorted({r["error"] for r in runs if r["error"]})
        rows.append({
            "name": path.name, "code_cells": runs[0]["code_cells"],
            "median": statistics.median(totals), "min": min(totals), "max": max(totals),
            "cells": statistics.median(r["cells"] for r in runs),
            "cpu": statistics.median(r["cpu"] for r in runs), "errors": errors,
        })

    nbval = []
    for i in range(args.nbval_repeat):
        r = run_nbval()
        nbval.append(r)
        print(f"nbval run {i + 1}: {fmt(r['wall'])} s, CPU {fmt(r['cpu'])} s, "
              f"exit {r['returncode']}, {r['summary']}", flush=True)

    load_after = os.getloadavg()[0]
    lines = [
        f"Measured by `bench/bench_notebooks.py` on {started:%Y-%m-%d %H:%M} UTC; machine: "
        f"{machine()}; load average {load_before:.1f} at the start and {load_after:.1f} at the "
        "end (the machine is shared with the other team members' work, so wall times include "
        "waiting for a CPU).",
        "",
        f"Each notebook was executed {args.repeat} time(s) with nbclient in a fresh kernel and a "
        "fresh, empty `CRM_COURSE_HOME`. *total* is the wall time from kernel start to kernel "
        "shutdown (the figure the target is about); *cells* is the sum of the cells' own "
        "execution times as the kernel reported them (the rest is kernel start and messaging); "
        "*kernel CPU* is the CPU time (user + system) the kernel process used, which does not "
        "grow when other work competes for the CPU. Target: each notebook under "
        f"{NOTEBOOK_TARGET_S:.0f} s.",
        "",
        "| notebook | code cells | median total (s) | min-max (s) | median cells (s) | "
        "median kernel CPU (s) | total / target | result |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        if row["errors"]:
            result = "error: " + "; ".join(row["errors"]).replace("|", "/")
        else:
            result = "under target" if row["median"] < NOTEBOOK_TARGET_S else "OVER target"
        lines.append(
            f"| {row['name']} | {row['code_cells']} | {fmt(row['median'])} | "
            f"{fmt(row['min'])}-{fmt(row['max'])} | {fmt(row['cells'])} | {fmt(row['cpu'])} | "
            f"{row['median'] / NOTEBOOK_TARGET_S:.2f} | {result} |"
        )
    lines.append("")
    lines.append(f"Notebooks present at this run ({len(rows)}): "
                 + ", ".join(r["name"] for r in rows) + ".")
    if nbval:
        walls = [r["wall"] for r in nbval]
        med = statistics.median(walls)
        cpu = statistics.median(r["cpu"] for r in nbval)
        summary = "; ".join(f"{fmt(r['wall'])} s ({r['summary'] or 'no summary'})" for r in nbval)
        verdict = "under target" if med < NBVAL_TARGET_S else "OVER target"
        lines += [
            "",
            f"Whole nbval run, `python -m pytest notebooks/` (pyproject's nbval options, one "
            f"process, {len(nbval)} run(s)): median **{fmt(med)} s** wall, "
            f"{med / NBVAL_TARGET_S:.2f} of the {NBVAL_TARGET_S:.0f} s target ({verdict}); "
            f"median CPU time of pytest and its kernels {fmt(cpu)} s. Runs: {summary}.",
        ]
    body = "\n".join(lines)
    print()
    print(body)
    if not args.no_write:
        write_section(HEADING, body)
        print(f"\nWritten to the section '{HEADING}' of docs/benchmarks.md.")
    failed = any(r["errors"] for r in rows) or any(r["returncode"] for r in nbval)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
