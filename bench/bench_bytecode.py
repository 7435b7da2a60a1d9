"""What a lesson's kernel pays when the libraries are not byte-compiled (issue 24).

uv installs without .pyc files unless asked (``--compile-bytecode``, which the Makefile now
passes); where Python cannot write them either (PYTHONDONTWRITEBYTECODE set, or a hub user's
server in a venv that root owns) every new process compiles matplotlib, pandas, IPython and
Jupyter from source again: each lesson's kernel under nbval, each Voila or JupyterLab server.

This script starts fresh interpreters that import what a lesson kernel imports (the kernel,
pandas, matplotlib's Figure, ipywidgets, the course and one lesson), alternating two ways:
"compiled" reads the .pyc files of this venv; "from source" points Python's bytecode cache at
an empty folder and writes nothing (PYTHONPYCACHEPREFIX, PYTHONDONTWRITEBYTECODE), which is what
a venv without .pyc gives when nothing can be written. Medians of wall and CPU seconds.

    python bench/bench_bytecode.py [--rounds 7]

Run it after ``make .venv/.installed`` (the venv must hold the .pyc files: a venv made before
the Makefile compiled them needs ``python -m compileall -q .venv/lib``).
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import machine  # noqa: E402

KERNEL_IMPORTS = ("import ipykernel.ipkernel, pandas, matplotlib.figure, ipywidgets\n"
                  "import course\n"
                  "course.lesson('02-idic')\n")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def one_run(env: dict) -> tuple[float, float]:
    """Wall and CPU seconds of one fresh interpreter running ``KERNEL_IMPORTS``."""
    cpu0, t0 = _children_cpu(), time.perf_counter()
    subprocess.run([sys.executable, "-c", KERNEL_IMPORTS], env=env, cwd=ROOT, check=True)
    return time.perf_counter() - t0, _children_cpu() - cpu0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    base = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "MPLBACKEND": "Agg",
            "CRM_COURSE_HOME": tempfile.mkdtemp(prefix="crm-bench-home-")}
    base.pop("PYTHONPYCACHEPREFIX", None)
    empty = tempfile.mkdtemp(prefix="crm-bench-no-pyc-")
    ways = {"compiled": base, "from source": {**base, "PYTHONPYCACHEPREFIX": empty}}
    one_run(base)  # warm the disk cache once, not counted
    times: dict[str, list[tuple[float, float]]] = {way: [] for way in ways}
    for _ in range(args.rounds):
        for way, env in ways.items():  # alternating, so the machine's load falls on both
            times[way].append(one_run(env))
    print(f"Machine: {machine()}; load average at the end: {os.getloadavg()[0]:.1f}; "
          f"{args.rounds} rounds, alternating")
    print("| libraries | wall s (median) | CPU s (median) |")
    print("|---|---:|---:|")
    for way, runs in times.items():
        print(f"| {way} | {statistics.median(w for w, _ in runs):.2f} | "
              f"{statistics.median(c for _, c in runs):.2f} |")
    ratio = (statistics.median(w for w, _ in times["from source"])
             / statistics.median(w for w, _ in times["compiled"]))
    print(f"from source / compiled, wall: {ratio:.1f}")


if __name__ == "__main__":
    main()
