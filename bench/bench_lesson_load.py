"""What opening a lesson costs a fresh kernel, before and after issue 24's lazy loads.

Opening a lesson (``course.lesson("02-idic")``, the first cell of every lesson) in a new kernel
used to import the whole reply reviewer (its situation table compiled every pattern to check
itself) only to check a reply task's situation name, and jsonschema to check the bank file.
Now the situation names come from the table without the reviewer (which loads on the first
review), and a bank file whose text passed the schema before is not checked against it again
(course.exercises.valid_memo).

Each run is a fresh interpreter that first imports what a lesson kernel already holds
(IPython, ipywidgets, pandas), then times ``import course`` and the lesson's load, and the
first review of a reply (what the first Check of a reply task pays now). Three ways,
alternating so that the machine's load falls on each:

- before: the course at ``--before`` (a commit; default the one before these changes),
  exported with ``git archive`` and put first on PYTHONPATH;
- after, first load: this tree, with an empty cache folder (nothing remembered yet);
- after, remembered: this tree, the cache folder filled by one load beforehand.

    python bench/bench_lesson_load.py [--rounds 9] [--lesson 02-idic] [--before ebda7ec]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import export, machine  # noqa: E402

PROBE = """
import json, sys, time
import IPython, ipywidgets, pandas  # already in a lesson's kernel
t0 = time.perf_counter()
import course
lesson = course.lesson({lesson!r})
t1 = time.perf_counter()
reply = next(ex for ex in lesson.exercises if ex.type == "reply")
reply.review("Dear Ana, thank you for your message. We will ship tomorrow. Best regards, Mia")
t2 = time.perf_counter()
print(json.dumps({{"load": t1 - t0, "first_review": t2 - t1, "course": course.__file__,
                  "jsonschema": "jsonschema" in sys.modules}}))
"""




def one_run(tree: Path, cache: str, lesson: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(tree), "XDG_CACHE_HOME": cache, "MPLBACKEND": "Agg",
           "CRM_COURSE_HOME": tempfile.mkdtemp(prefix="crm-bench-home-")}
    out = subprocess.run([sys.executable, "-c", PROBE.format(lesson=lesson)], env=env,
                         cwd=tempfile.gettempdir(), check=True, capture_output=True, text=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["course"].startswith(str(tree)), result  # the tree meant, not the install
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--lesson", default="02-idic", help="a lesson with a reply task")
    parser.add_argument("--before", default="ebda7ec", help="the commit before the changes")
    args = parser.parse_args()
    before = export(args.before)
    remembered = tempfile.mkdtemp(prefix="crm-bench-cache-")
    one_run(ROOT, remembered, args.lesson)  # fills the record (and warms the disk cache)
    one_run(before, tempfile.mkdtemp(), args.lesson)
    ways = {"before": lambda: one_run(before, tempfile.mkdtemp(), args.lesson),
            "after, first load": lambda: one_run(ROOT, tempfile.mkdtemp(), args.lesson),
            "after, remembered": lambda: one_run(ROOT, remembered, args.lesson)}
    runs: dict[str, list[dict]] = {way: [] for way in ways}
    for _ in range(args.rounds):
        for way, run in ways.items():
            runs[way].append(run())
    print(f"Machine: {machine('jsonschema')}; lesson {args.lesson}; before = {args.before}; "
          f"load average at the end: {os.getloadavg()[0]:.1f}; {args.rounds} rounds, alternating")
    print("| way | import course + lesson, s (median) | first review of a reply, s (median) "
          "| jsonschema imported |")
    print("|---|---:|---:|---|")
    for way, results in runs.items():
        load = statistics.median(r["load"] for r in results)
        review = statistics.median(r["first_review"] for r in results)
        print(f"| {way} | {load:.2f} | {review:.2f} | "
              f"{'yes' if results[0]['jsonschema'] else 'no'} |")
    base = statistics.median(r["load"] for r in runs["before"])
    for way in ("after, first load", "after, remembered"):
        print(f"{way} / before (lesson load): "
              f"{statistics.median(r['load'] for r in runs[way]) / base:.2f}")


if __name__ == "__main__":
    main()
