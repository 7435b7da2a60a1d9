"""What a release of the course and a bank import round trip cost, this tree against another.

Every hub test run, the leak count and the real-course release test make a student copy of
this course; so does an instructor before each term. Each bank format's round-trip test
(tests/bankio) exports the bank, imports it back and validates what it wrote, as a teacher
moving a bank between platforms does. Each run is a fresh interpreter with the ``course``
package of one tree, on this repository's course (the same bank, notebooks and data).

The release makes the student copy and times its parts:

- load: ``load_bank`` (schema, definitions, every example graded);
- build: the copy written (files copied, bank files redacted and written, notebooks cleared);
- audit: the hidden texts searched in every file of the copy;
- graded: the audit that grades every candidate of the copy against each assessment item.

The round trip (Moodle XML, both languages) times its parts:

- import: ``import_file`` (the entries read back, each one's examples found by its grader);
- write: ``write_lessons`` (the imported entries written as bank files);
- validate: ``crm-course validate`` of those files (schema, examples, lint with the lessons).

Each part is CPU seconds of the process (``time.process_time``), less moved by other work on a
shared machine than wall time; the whole is given both ways. The trees alternate, so that the
machine's load falls on both:

    python bench/bench_release.py [--rounds 3] [--before 9c28482]

``--before``: a commit exported with ``git archive`` and put first on PYTHONPATH.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import export, machine  # noqa: E402

PARTS = ("load", "build", "audit", "graded")
TRIP = ("export", "import", "write", "validate")

PROBE = """
import json, sys, tempfile, time
from pathlib import Path
import course.exercises.loader as loader
import course.instructor.release as release
spent = dict.fromkeys({parts!r}, 0.0)

def timed(name, fn):
    def run(*args, **kw):
        t0 = time.process_time()
        try:
            return fn(*args, **kw)
        finally:
            spent[name] += time.process_time() - t0
    return run

loader.load_bank = timed("load", loader.load_bank)
release._build = timed("build", release._build)
release.audit = timed("audit", release.audit)
release.answered_items = timed("graded", release.answered_items)
out = Path(tempfile.mkdtemp()) / "student"
t0, w0 = time.process_time(), time.perf_counter()
summary = release.release(out, Path({root!r}))
spent["total"], spent["wall"] = time.process_time() - t0, time.perf_counter() - w0
spent["redacted"] = sum(len(v) for v in summary.redacted.values())
spent["files"] = summary.files
spent["course"] = release.__file__
print(json.dumps(spent))
"""


ROUND_TRIP = """
import json, tempfile, time
from pathlib import Path
import course.bankio as bankio
from course.cli import main
from course.exercises.loader import load_bank
bank = load_bank(Path({root!r}) / "exercises")
folder = Path(tempfile.mkdtemp())
clock = time.process_time
w0 = time.perf_counter()
t0 = clock()
bankio.export_bank(bank.lessons.values(), "moodle-xml", folder / "bank.xml", lang="both")
t1 = clock()
lessons, report = bankio.import_file(folder / "bank.xml")
t2 = clock()
files = bankio.write_lessons(lessons, folder / "imported")
t3 = clock()
status = main(["validate", "-q", str(folder / "imported")])
t4 = clock()
spent = {{"export": t1 - t0, "import": t2 - t1, "write": t3 - t2, "validate": t4 - t3,
          "total": t4 - t0, "wall": time.perf_counter() - w0,
          "entries": sum(len(e) for _, e in lessons.values()), "status": status,
          "course": bankio.__file__}}
print(json.dumps(spent))
"""




def one_run(tree: Path, probe: str = PROBE) -> dict:
    code = probe.format(parts=PARTS, root=str(ROOT))
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, cwd=tree, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["course"].startswith(str(tree)), result["course"]  # the tree asked for
    return result


def _table(runs: dict, parts: tuple, extra: tuple) -> list[str]:
    """One row per tree: the medians of ``parts`` and of the total, and the ``extra`` values
    seen (the same in every run: both trees did the same work)."""
    lines = ["| tree | " + " | ".join(parts) + " | whole (CPU) | whole (wall) | "
             + " | ".join(extra) + " |", "|---|" + "---:|" * (len(parts) + 2 + len(extra))]
    for name, rows in runs.items():
        med = [statistics.median(r[p] for r in rows) for p in (*parts, "total", "wall")]
        seen = [", ".join(sorted({str(r[e]) for r in rows})) for e in extra]
        lines.append(f"| {name} | " + " | ".join(f"{m:.1f} s" for m in med)
                     + " | " + " | ".join(seen) + " |")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--before", default="9c28482")
    args = ap.parse_args()
    trees = {f"before ({args.before})": export(args.before, "crm-bench-release-"), "this tree": ROOT}
    releases: dict[str, list[dict]] = {name: [] for name in trees}
    trips: dict[str, list[dict]] = {name: [] for name in trees}
    load0 = os.getloadavg()[0]
    for _ in range(args.rounds):
        for name, tree in trees.items():
            releases[name].append(one_run(tree))
            trips[name].append(one_run(tree, ROUND_TRIP))
    load1 = os.getloadavg()[0]
    print(f"Machine: {machine('PyYAML', 'jsonschema')}; load average {load0:.1f} -> "
          f"{load1:.1f}; {args.rounds} alternating runs per tree, medians.\n")
    print("\n".join(_table(releases, PARTS, ("redacted", "files"))))
    print()
    print("\n".join(_table(trips, TRIP, ("entries", "status"))))


if __name__ == "__main__":
    main()
