"""Shared helpers for the benchmarks: machine description, medians, and docs/benchmarks.md."""
from __future__ import annotations

import os
import platform
import re
import statistics
import time
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"{platform.system()} {platform.machine()}")


def timed(fn, repeat: int) -> list[float]:
    """Seconds per call, ``repeat`` calls."""
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def write_section(heading: str, body: str) -> None:
    """Replace the body of ``## heading`` in docs/benchmarks.md (other sections untouched)."""
    text = DOC.read_text(encoding="utf-8")
    pattern = re.compile(rf"(^## {re.escape(heading)}\n)(.*?)(?=^## |\Z)", re.S | re.M)
    if not pattern.search(text):
        text = text.rstrip() + f"\n\n## {heading}\n\n"
    text = pattern.sub(lambda m: m.group(1) + "\n" + body.strip() + "\n\n", text, count=1)
    DOC.write_text(text, encoding="utf-8")
