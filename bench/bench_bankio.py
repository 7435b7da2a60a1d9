"""Benchmark of `crm-course bank`: export of the whole course bank per format, and import back.

`python bench/bench_bankio.py` times each format (7 runs, median) on the course's bank, loaded
once beforehand (loading is `crm-course validate`'s cost, measured elsewhere), and writes the
section "Question bank export and import (issue 26)" of docs/benchmarks.md.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import machine, median_ms, timed, write_section  # noqa: E402

FORMATS = (("moodle-xml", ".xml"), ("gift", ".gift"), ("qti", ".zip"), ("xlsx", ".xlsx"))
REPEAT = 7


def cpu_timed(fn) -> list[float]:
    """CPU seconds of this process per call (less moved by other work on a shared machine)."""
    return timed(fn, REPEAT, time.process_time)


def main() -> None:
    from course.bankio import export_bank, import_file
    from course.exercises.loader import load_bank

    bank = load_bank()
    lessons = list(bank.lessons.values())
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for fmt, suffix in FORMATS:
            out = Path(tmp) / f"bank{suffix}"
            export_bank(lessons, fmt, out)  # warm-up: imports the format's modules
            export = timed(lambda fmt=fmt, out=out: export_bank(lessons, fmt, out), REPEAT)
            export_cpu = cpu_timed(lambda fmt=fmt, out=out: export_bank(lessons, fmt, out))
            report = export_bank(lessons, fmt, out)
            back = timed(lambda out=out: import_file(out), REPEAT)
            rows.append((fmt, len(report.written), out.stat().st_size, median_ms(export),
                         median_ms(export_cpu), median_ms(back)))
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = [
        f"Machine: {machine('openpyxl')}; load average at the end of the run {load} (the "
        "machine is shared: other work ran at the same time).",
        "",
        f"The course bank ({len(bank)} exercises in {len(lessons)} lessons), exported with "
        f"`--lang both`, {REPEAT} runs each, medians; the bank is loaded once before (not "
        "timed). Import includes building the example answers each entry needs (graded with "
        "the entry's own kind; a reply task's model answer is reviewed). CPU ratios are to the "
        "Moodle XML export of the same run.",
        "",
        "| format | questions written | file | export, wall (median) | export, CPU (median) "
        "| CPU ratio | import, wall (median) |",
        "|---|---|---|---|---|---|---|",
    ]
    first = rows[0][4]
    for fmt, n, size, export, cpu, back in rows:
        lines.append(f"| {fmt} | {n} | {size / 1024:.0f} KB | {export:.0f} ms | {cpu:.0f} ms | "
                     f"{cpu / first:.2f} | {back:.0f} ms |")
    lines += ["", "Produced by `python bench/bench_bankio.py`."]
    body = "\n".join(lines)
    print(body)
    write_section("Question bank export and import (issue 26)", body)


if __name__ == "__main__":
    main()
