"""Shared helpers for the benchmarks: machine description, medians, and docs/benchmarks.md."""
from __future__ import annotations

import os
import platform
import re
import statistics
import subprocess
import tarfile
import tempfile
import time
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"


def machine(*packages: str) -> str:
    """The machine in one line: CPU, cores, memory, Python, and the versions of ``packages``."""
    cpu = platform.processor() or platform.machine() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem_kb = int(next(x for x in Path("/proc/meminfo").read_text().splitlines()
                          if x.startswith("MemTotal")).split()[1])
        mem = f"{mem_kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration, ValueError):
        mem = "RAM unknown"
    versions = []
    for name in packages:
        if name == "sqlite3":
            import sqlite3

            versions.append(f"SQLite {sqlite3.sqlite_version}")
            continue
        try:
            from importlib.metadata import version

            versions.append(f"{name} {version(name)}")
        except Exception:  # a package that is not installed is named as such
            versions.append(f"{name} not installed")
    extra = "".join(f", {v}" for v in versions)
    return (f"{cpu}, {os.cpu_count()} cores, {mem}; Python {platform.python_version()}, "
            f"{platform.system()} {platform.machine()}{extra}")


def timed(fn, repeat: int, clock=time.perf_counter) -> list[float]:
    """Seconds per call, ``repeat`` calls, on ``clock`` (``time.process_time``: CPU seconds of
    this process, less moved by other work on a shared machine)."""
    out = []
    for _ in range(repeat):
        t0 = clock()
        fn()
        out.append(clock() - t0)
    return out


def projector_lags(acks: list[float], polls: list[tuple[float, int]]) -> list[float]:
    """How far the projector was behind each acknowledged answer: for the k-th answer (``acks``,
    times in order), the time until the first poll (``polls``: (time, answers counted), in
    order) that counted k answers; answers no poll ever counted are left out."""
    import bisect

    times = [p[0] for p in polls]
    lags = []
    for k, t_ack in enumerate(acks, start=1):
        i = bisect.bisect_left(times, t_ack)
        while i < len(polls) and polls[i][1] < k:
            i += 1
        if i < len(polls):
            lags.append(polls[i][0] - t_ack)
    return lags


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def publish(heading: str, lines: list[str]) -> str:
    """Print a benchmark's result lines and put them under ``## heading`` of the doc."""
    body = "\n".join(lines)
    print(body)
    write_section(heading, body)
    return body


def write_section(heading: str, body: str) -> None:
    """Replace the body of ``## heading`` in docs/benchmarks.md (other sections untouched)."""
    text = DOC.read_text(encoding="utf-8")
    pattern = re.compile(rf"(^## {re.escape(heading)}\n)(.*?)(?=^## |\Z)", re.S | re.M)
    if not pattern.search(text):
        text = text.rstrip() + f"\n\n## {heading}\n\n"
    text = pattern.sub(lambda m: m.group(1) + "\n" + body.strip() + "\n\n", text, count=1)
    DOC.write_text(text, encoding="utf-8")


def export(commit: str, prefix: str = "crm-bench-before-") -> Path:
    """The course's whole tree at ``commit`` in a temporary folder (``git archive``): the
    package finds its schema, lessons and data beside itself, as in a checkout."""
    root = Path(__file__).resolve().parent.parent
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    archive = folder / "tree.tar"
    subprocess.run(["git", "archive", "-o", str(archive), commit], cwd=root, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    archive.unlink()
    return folder
