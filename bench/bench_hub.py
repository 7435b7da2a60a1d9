"""Benchmark of a class's JupyterHub: from the hub's start to a student's lesson executed, and
the memory of one learner's server with a whole lesson run (needs root, like tests/hub/)."""
from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "hub"))

from bench.common import machine, publish  # noqa: E402

RUNS = 3
LESSON = "02-idic"
NOTEBOOK = f"crm-course-student/notebooks/{LESSON}.ipynb"


def _rss_mib(user: str) -> dict[str, float]:
    import psutil

    out = {"server": 0.0, "kernel": 0.0, "other": 0.0}
    for proc in psutil.process_iter(["username", "cmdline", "memory_info"]):
        if proc.info["username"] != user:
            continue
        cmd = " ".join(proc.info["cmdline"] or [])
        kind = "server" if "jupyterhub-singleuser" in cmd else (
            "kernel" if "ipykernel" in cmd else "other")
        out[kind] += proc.info["memory_info"].rss / 2**20
    return out


def one_run() -> dict[str, float]:
    import hubkit

    t_start = time.perf_counter()
    with hubkit.running_hub() as hub:
        t_hub = time.perf_counter()
        student = hub.students[0]
        hub.spawn(student)
        t_spawned = time.perf_counter()
        _, events = hub.pull(student)
        assert events[-1]["phase"] == "finished", events[-1]
        t_pulled = time.perf_counter()
        notebook = hub.server(student, "GET", f"/contents/{NOTEBOOK}")
        cells = [c["source"] for c in notebook["content"]["cells"] if c["cell_type"] == "code"]
        kernel = hub.open_notebook(student, NOTEBOOK)
        kernel.execute(cells[0])
        t_lesson = time.perf_counter()
        for source in cells[1:]:  # the whole lesson, as a learner runs it top to bottom
            kernel.execute(source)
        t_all = time.perf_counter()
        rss = _rss_mib(student)
        setup = hub.phases
    return {
        "users and student copy": setup["release"],
        "hub up (from its launch)": setup["hub"] - setup["release"],
        "server started": t_spawned - t_hub,
        "nbgitpuller pull": t_pulled - t_spawned,
        "kernel + first cell": t_lesson - t_pulled,
        "hub up to first lesson executed": t_lesson - t_hub,
        "hub launch to first lesson executed": t_lesson - t_hub + setup["hub"] - setup["release"],
        "rest of the lesson": t_all - t_lesson,
        "rss server": rss["server"],
        "rss kernel": rss["kernel"],
        "total": time.perf_counter() - t_start,
    }


def main() -> None:
    import hubkit

    problem = hubkit.missing()
    if problem:
        print(f"bench_hub: skipped: {problem}")
        return
    runs = [one_run() for _ in range(RUNS)]
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    rss = med["rss server"] + med["rss kernel"]
    load = os.getloadavg()[0]
    steps = ("hub up (from its launch)", "server started", "nbgitpuller pull",
             "kernel + first cell")
    lines = [
        f"Machine: {machine()}.",
        "",
        f"`bench/bench_hub.py` starts the hub of `deploy/jupyterhub_config.py` as "
        f"`tests/hub/` does (real Unix users, LocalProcessSpawner, configurable-http-proxy, "
        f"127.0.0.1), then one student's server; the student follows the nbgitpuller link, "
        f"opens `{LESSON}` and runs its first cell (`import course`, the lesson's exercises), "
        f"then every other cell of the lesson. Medians of {RUNS} runs, each on a fresh hub. "
        f"The machine is shared (load average {load:.1f} on {os.cpu_count()} cores at the end), "
        f"so these wall-clock figures include waiting for the CPU.",
        "",
        "| step | median |",
        "|---|---|",
        *[f"| {k} | {med[k]:.1f} s |" for k in steps],
        f"| **hub launch to the first student's lesson executed** | "
        f"**{med['hub launch to first lesson executed']:.1f} s** |",
        f"| the rest of the lesson ({LESSON}, every cell) | {med['rest of the lesson']:.1f} s |",
        "",
        f"Memory of one learner with the whole lesson run (RSS): single-user server "
        f"{med['rss server']:.0f} MiB + kernel {med['rss kernel']:.0f} MiB = "
        f"**{rss:.0f} MiB**. (RSS counts shared library pages in each process, so this is an "
        f"upper bound per learner.)",
        "",
        f"Not in the budget above: making the Unix users and the student copy "
        f"({med['users and student copy']:.1f} s), which a real hub does once.",
    ]
    publish("JupyterHub (issue 14)", lines)


if __name__ == "__main__":
    main()
