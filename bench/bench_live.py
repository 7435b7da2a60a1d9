"""Live class: 60 simulated learners x 20 Checks each within one minute, against a real
`crm-course live` process on loopback; every attempt recorded, and how far the dashboard's
counts lag behind the acknowledged attempts.

    PYTHONPATH=. python bench/bench_live.py [--learners 60] [--checks 20] [--spread 40]
"""
from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "live"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from common import machine, projector_lags, write_section  # noqa: E402
from live_helpers import GALLERY, call  # noqa: E402
from support import free_port, wait_for_port, wait_until  # noqa: E402

ANSWERS = {"gallery-single": [0, 1, 2, 3], "gallery-true-false": [True, False],
           "gallery-cloze": [["five", "same", "three"], ["two", "next", "seven"],
                             ["5", "same", "four"]],
           "gallery-multiple": [[0, 1, 3], [2], [0, 1]]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--learners", type=int, default=60)
    ap.add_argument("--checks", type=int, default=20)
    ap.add_argument("--spread", type=float, default=40.0, help="seconds over which one "
                                                               "learner makes their checks")
    ap.add_argument("--write", action="store_true", help="write docs/benchmarks.md")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-live-"))
    session = tmp / "class.sqlite3"
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    proc = subprocess.Popen([sys.executable, "-m", "course", "live", "--session", str(session),
                             "--port", str(port), "--bank", str(GALLERY)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_port(port, proc, 60, what="crm-course live")
    url = f"http://127.0.0.1:{port}/"
    with sqlite3.connect(session) as conn:
        settings = dict(conn.execute("SELECT key, value FROM settings"))
    tokens = [call("POST", url + "api/join", {"code": settings["join_code"],
                                              "learner": f"learner {i:02d}"})[1]["token"]
              for i in range(args.learners)]
    acks: list[float] = []
    latencies: list[float] = []
    failures: list[int] = []
    lock = threading.Lock()
    polls: list[tuple[float, int]] = []
    done = threading.Event()

    def learner(n: int, token: str) -> None:
        rng = random.Random(n)
        time.sleep(rng.uniform(0, args.spread / args.checks))  # load pacing: a staggered start
        for _ in range(args.checks):
            ex_id = rng.choice(list(ANSWERS))
            t0 = time.perf_counter()
            status, _, _ = call("POST", url + "api/attempt",
                                {"exercise_id": ex_id, "response": rng.choice(ANSWERS[ex_id])},
                                token)
            t1 = time.perf_counter()
            with lock:
                if status == 200:
                    acks.append(t1)
                    latencies.append(t1 - t0)
                else:
                    failures.append(status)
            time.sleep(max(0.0, args.spread / args.checks * rng.uniform(0.5, 1.5)))  # pacing

    def dashboard() -> None:
        while not done.is_set():
            status, stats, _ = call("GET", url + "api/stats?exercise=gallery-cloze",
                                    token=settings["instructor_token"])
            if status == 200:
                polls.append((time.perf_counter(), stats["total"]))
            time.sleep(0.1)  # the dashboard's poll interval (pacing, not synchronisation)

    poller = threading.Thread(target=dashboard)
    poller.start()
    t_start = time.perf_counter()
    threads = [threading.Thread(target=learner, args=(n, t)) for n, t in enumerate(tokens)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t_start
    # the dashboard has seen every acknowledged attempt (its last poll counts them all)
    wait_until(lambda: polls and polls[-1][1] >= len(acks), 10,
               what="the dashboard counting every attempt")
    done.set()
    poller.join()
    proc.terminate()
    proc.wait(10)
    with sqlite3.connect(session) as conn:
        stored = conn.execute("SELECT COUNT(*) FROM attempts").fetchone()[0]
    acks.sort()
    lags = projector_lags(acks, polls)
    expected = args.learners * args.checks
    body = (
        f"Machine: {machine('tornado', 'sqlite3')}.\n\n"
        f"`bench/bench_live.py`: a real `crm-course live` process on loopback; {args.learners} "
        f"simulated learners (threads, one token each) make {args.checks} Checks each, spread "
        f"over {args.spread:.0f} s, on 4 gallery exercises; a dashboard poll of `/api/stats` "
        f"every 100 ms.\n\n"
        f"| figure | value |\n|---|---|\n"
        f"| attempts acknowledged / stored / sent | {len(acks)} / {stored} / {expected} |\n"
        f"| rejected | {len(failures)} |\n"
        f"| wall time, all learners | {wall:.1f} s |\n"
        f"| post latency, median / 95th percentile | "
        f"{statistics.median(latencies) * 1000:.1f} ms / "
        f"{statistics.quantiles(latencies, n=20)[-1] * 1000:.1f} ms |\n"
        f"| dashboard lag behind an acknowledged attempt, median / max | "
        f"{statistics.median(lags) * 1000:.0f} ms / {max(lags) * 1000:.0f} ms "
        f"(with the 100 ms poll of this run; the page polls every 500 ms, so it shows an "
        f"attempt at most {max(lags) * 1000 + 500:.0f} ms after its acknowledgement) |\n"
    )
    print(body)
    if args.write:
        write_section("Live class", body)


if __name__ == "__main__":
    main()
