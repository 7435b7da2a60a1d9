"""Live class with phones (issue 25): 500 phone learners (HTTP clients, loopback only) join a
real `crm-course live` process, wait on ``/api/current`` as the learner page does, and answer
one question within 10 s of the teacher opening it. Measured: every answer stored, the answer
latency (median, 95th percentile), how far the projector (``/api/stats``) is behind the
acknowledged answers, and the service process's memory (RSS, highest sample) and CPU time.

    PYTHONPATH=. python bench/bench_live_phones.py [--phones 500] [--spread 8] [--runs 3]
        [--concurrency 64] [--write]

The phones are coroutines of one tornado HTTP client in this process: every phone holds one
waiting ``/api/current`` request (as many connections as phones), and at most
``--concurrency`` answers are in flight at once (a bounded client, as a classroom's Wi-Fi
bounds the phones). Each phone answers at a moment drawn uniformly from the ``--spread``
seconds after the question opens (students read and tap). Runs are repeated with a fresh
session each; medians over runs are reported with the load average of the machine.
"""
from __future__ import annotations

import argparse
import asyncio
import http.cookiejar
import json
import os
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "live"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from common import machine, projector_lags, write_section  # noqa: E402
from live_helpers import GALLERY  # noqa: E402
from support import free_port, wait_for_port  # noqa: E402

QUESTION = "gallery-single"  # four options; the phones pick one each
HEADING = "Live class with phones (issue 25)"
POLL = 0.5  # seconds between two projector polls: the dashboard page's own (page.py poll_ms)
KERNEL_MIB = 300  # one learner's single-user server and kernel on a hub (section "JupyterHub")


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def teacher(url: str, token: str):
    """The dashboard's login as a browser does it; returns act(**body) -> state."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{url}?token={token}").read().decode()
    xsrf = re.search(r'"xsrf": "([^"]+)"', page).group(1)

    def act(**body):
        req = urllib.request.Request(url + "api/control", data=json.dumps(body).encode(),
                                     method="POST", headers={"Content-Type": "application/json",
                                                             "X-XSRFToken": xsrf})
        with opener.open(req, timeout=10) as reply:
            return json.loads(reply.read())

    return act


async def join_all(client, url: str, code: str, n: int, concurrency: int) -> list[str]:
    from tornado.httpclient import HTTPRequest

    sem = asyncio.Semaphore(concurrency)
    tokens: list[str] = [""] * n

    async def one(i: int) -> None:
        async with sem:
            reply = await client.fetch(HTTPRequest(
                url + "api/join", method="POST",
                body=json.dumps({"code": code, "learner": f"phone {i:03d}"}),
                headers={"Content-Type": "application/json"}, request_timeout=60))
            tokens[i] = json.loads(reply.body)["token"]

    await asyncio.gather(*(one(i) for i in range(n)))
    return tokens


async def one_run(args, url: str, settings: dict, pid: int) -> dict:
    from tornado.httpclient import AsyncHTTPClient, HTTPRequest

    waiting = AsyncHTTPClient(force_instance=True, max_clients=args.phones + 10)
    posting = AsyncHTTPClient(force_instance=True, max_clients=args.concurrency)
    t0 = time.perf_counter()
    tokens = await join_all(posting, url, settings["join_code"], args.phones, args.concurrency)
    join_s = time.perf_counter() - t0
    loop = asyncio.get_running_loop()
    act = teacher(url, settings["instructor_token"])
    version = (await loop.run_in_executor(None, lambda: act(action="put",
                                                            exercise_id=QUESTION)))["version"]
    acks: list[float] = []
    latencies: list[float] = []
    refused: list[int] = []
    woke: list[float] = []
    sent: list[tuple[float, float]] = []  # (when sent after opening, latency)
    polls: list[tuple[float, int]] = []
    rss: list[float] = []
    done = asyncio.Event()
    opened = {}

    async def phone(i: int, token: str) -> None:
        rng = random.Random(i)
        auth = {"Authorization": f"Bearer {token}"}
        reply = await waiting.fetch(HTTPRequest(
            f"{url}api/current?after={version}&wait=25", headers=auth, request_timeout=40))
        state = json.loads(reply.body)
        if not state["open"]:
            refused.append(0)  # woken without the question open: counted as a failure
            return
        woke.append(time.perf_counter() - opened["t"])
        await asyncio.sleep(max(0.0, opened["t"] + rng.uniform(0, args.spread)
                                - time.perf_counter()))  # the student reads and taps
        body = json.dumps({"exercise_id": QUESTION, "response": rng.randrange(4),
                           "client_id": f"bench-{i}", "round": 1})
        t = time.perf_counter()
        reply = await posting.fetch(HTTPRequest(
            url + "api/attempt", method="POST", body=body, request_timeout=30,
            headers={**auth, "Content-Type": "application/json"}), raise_error=False)
        t1 = time.perf_counter()
        if reply.code == 200:
            acks.append(t1)
            latencies.append(t1 - t)
            sent.append((t - opened["t"], t1 - t))
        else:
            refused.append(reply.code)

    async def projector() -> None:
        head = {"Authorization": f"Bearer {settings['instructor_token']}"}
        while not done.is_set():
            reply = await waiting.fetch(HTTPRequest(f"{url}api/stats?exercise={QUESTION}",
                                                    headers=head), raise_error=False)
            if reply.code == 200:
                polls.append((time.perf_counter(),
                              json.loads(reply.body)["exercise"]["answered"]))
            rss.append(rss_mib(pid))
            await asyncio.sleep(POLL)  # the dashboard page's poll interval (pacing)

    cpu0 = cpu_seconds(pid)
    phones = [asyncio.ensure_future(phone(i, tok)) for i, tok in enumerate(tokens)]
    watcher = asyncio.ensure_future(projector())
    await asyncio.sleep(2.0)  # pacing: the phones' long-polls reach the service and wait
    opened["t"] = time.perf_counter()
    await loop.run_in_executor(None, lambda: act(action="open", seconds=None))
    await asyncio.gather(*phones)
    while polls and polls[-1][1] < len(acks) and time.perf_counter() - acks[-1] < 10:
        await asyncio.sleep(0.05)  # the projector's last count (bounded wait)
    done.set()
    await watcher
    cpu = cpu_seconds(pid) - cpu0
    waiting.close()
    posting.close()
    return run_figures(acks=acks, latencies=latencies, refused=refused, woke=woke, sent=sent,
                       polls=polls, rss=rss, opened_at=opened["t"], join_s=join_s, cpu=cpu)


def run_figures(*, acks, latencies, refused, woke, sent, polls, rss, opened_at, join_s,
                cpu) -> dict:
    """One run's figures from what the phones (``acks``, ``latencies``, ``refused``, ``woke``,
    ``sent``) and the projector (``polls``, ``rss``) saw, the question opened at ``opened_at``."""
    acks = sorted(acks)
    answered_in = (acks[-1] - opened_at) if acks else float("nan")
    lags = projector_lags(acks, polls)
    after = [lat for t, lat in sent if t >= max(woke, default=0.0)]
    return {"p95_after_wake": statistics.quantiles(after, n=20)[-1] if len(after) > 20
            else float("nan"), "after_wake": len(after), "join_s": join_s, "acks": len(acks),
            "refused": len(refused),
            "answered_in": answered_in, "woke_max": max(woke) if woke else float("nan"),
            "p50": statistics.median(latencies), "p95": statistics.quantiles(latencies, n=20)[-1],
            "lag_med": statistics.median(lags), "lag_max": max(lags), "rss": max(rss),
            "cpu": cpu, "load": os.getloadavg()[0], "unseen": len(acks) - len(lags)}


ACCESS_LOG = ("import logging, sys; logging.getLogger('course.live.access').setLevel("
              "logging.DEBUG); from course.cli import main; sys.exit(main(sys.argv[1:]))")


def service_times(session: Path, path: str = "/api/attempt") -> list[float]:
    """Seconds the service took for each 200 reply to ``path`` (its access log lines)."""
    log = Path(f"{session}.log")
    pattern = re.compile(rf" 200 {re.escape(path)} ([0-9.]+) ms$")
    return [float(m.group(1)) / 1000 for line in log.read_text(encoding="utf-8").splitlines()
            if (m := pattern.search(line))]


def start_service(tmp: Path) -> tuple[subprocess.Popen, str, dict, Path]:
    session = tmp / "class.sqlite3"
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    # crm-course live itself, with its access log on (each request's time inside the
    # service, from its headers read to its reply written: SESSION.log, see service_times)
    proc = subprocess.Popen([sys.executable, "-c", ACCESS_LOG, "live", "--session",
                             str(session), "--port", str(port), "--bank", str(GALLERY)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_port(port, proc, 60, what="crm-course live")
    with sqlite3.connect(session) as conn:
        settings = dict(conn.execute("SELECT key, value FROM settings"))
    return proc, f"http://127.0.0.1:{port}/", settings, session


def run(args) -> list[dict]:
    results = []
    for n in range(args.runs):
        tmp = Path(tempfile.mkdtemp(prefix="bench-phones-"))
        proc, url, settings, session = start_service(tmp)
        load_before = os.getloadavg()[0]
        try:
            r = asyncio.run(one_run(args, url, settings, proc.pid))
        finally:
            proc.terminate()
            proc.wait(10)
        with sqlite3.connect(session) as conn:
            r["stored"] = conn.execute("SELECT COUNT(DISTINCT learner) FROM attempts WHERE "
                                       "exercise_id = ?", (QUESTION,)).fetchone()[0]
        r["load_before"] = load_before
        inside = service_times(session)
        r["svc_p50"] = statistics.median(inside)
        r["svc_p95"] = statistics.quantiles(inside, n=20)[-1]
        print(f"run {n + 1}: " + ", ".join(f"{k}={v:.3f}" if isinstance(v, float) else
                                          f"{k}={v}" for k, v in r.items()), flush=True)
        results.append(r)
    return results


CHANGES = """\
What changed in the service for this (issue 25), measured on the same loaded machine
(the figures before the change are of one run at 03:17 UTC on 2026-12-07):
- **Attempts are written in batches.** Each answer was its own transaction (one fsync of the
  WAL with `synchronous=FULL`) on the one worker thread: 500 answers in 8 s queued behind each
  other (one run at load 9.8 before the change: answer latency median 1044 ms, 95th percentile
  1837 ms, projector lag max 1097 ms). Now the answers that arrive while one commit runs are
  written together in the next transaction (`SessionStore.batch`, `LiveService.record_async`);
  each reply still follows the commit of its answer. 100 answers in one batch took 0.11 ms each
  against 1.9 ms each committed one by one.
- **The projector's counts are cached** until an answer, a join, a reveal or the names switch
  changes them: with 500 answers `/api/stats` cost 10.8 ms a poll on that same worker thread,
  now 0.07 ms.
- **A join compares its name with a map in memory** of the names joined (look-alikes), not
  with every name read from the file on the event loop: 500 joins took 7.3 to 8.8 s before
  (the row "joining 500 phones" above for now)."""


def verdict(results: list[dict]) -> str:
    """Which targets each run met, in words (from this run's figures)."""
    targets = {"every answer stored": lambda r: r["stored"] == r["acks"] + r["refused"]
               and r["refused"] == 0,
               "all answers within 10 s": lambda r: r["answered_in"] <= 10,
               "answer latency p95 under 300 ms": lambda r: r["p95"] < 0.3,
               "projector at most 1 s behind": lambda r: r["lag_max"] <= 1.0,
               "service under 300 MB": lambda r: r["rss"] * 1.048576 < 300}
    met = {name: sum(map(test, results)) for name, test in targets.items()}
    out = "Targets met: " + "; ".join(f"{name} in {n} of {len(results)} runs"
                                       for name, n in met.items()) + "."
    if met["answer latency p95 under 300 ms"] < len(results):
        woke = "/".join(f"{r['woke_max']:.1f}" for r in results)
        inside = "/".join(f"{r['svc_p95'] * 1000:.0f}" for r in results)
        out += (" The slow answers are those sent while the service still answers the "
                f"{woke} s burst of long-polls "
                "woken by the opening, and those waiting for a CPU on this loaded machine: "
                "inside the service the 95th percentile was "
                f"{inside} ms, and the "
                "bench's own client (every phone's connection in one Python process) runs on "
                "the same 2 cores.")
    return out


def report(args, results: list[dict]) -> str:
    def med(key, scale=1.0):
        return statistics.median(r[key] for r in results) * scale

    def each(key, fmt, scale=1.0):
        return ", ".join(fmt.format(r[key] * scale) for r in results)

    per_gib = args.phones / (med("rss") / 1024)
    loads = sorted(x for r in results for x in (r["load_before"], r["load"]))
    lines = [
        f"Machine: {machine('tornado', 'sqlite3')}. Measured by `bench/bench_live_phones.py` "
        f"on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {len(results)} runs, each "
        f"with a fresh session and service process; load average (1 min) of the shared "
        f"machine during the runs {loads[0]:.1f} to {loads[-1]:.1f} (2 cores: the service "
        "competed with other work and with this bench's own client).",
        "",
        f"{args.phones} phones (one tornado HTTP client in the bench process, loopback) join, "
        f"wait on `/api/current`, and answer `{QUESTION}` at a moment drawn uniformly from the "
        f"{args.spread:.0f} s after the teacher opens it (at most {args.concurrency} answers in "
        f"flight); the projector polls `/api/stats` every {POLL * 1000:.0f} ms as the "
        "dashboard page does, so its lag below is what the projector shows.",
        "",
        "| figure | median of runs | each run | target |",
        "|---|---|---|---|",
        f"| answers stored / acknowledged / phones | {med('stored'):.0f} / {med('acks'):.0f} / "
        f"{args.phones} | {each('stored', '{:.0f}')} | every answer stored |",
        f"| refused or failed | {med('refused'):.0f} | {each('refused', '{:.0f}')} | 0 |",
        f"| last answer acknowledged, after opening | {med('answered_in'):.2f} s | "
        f"{each('answered_in', '{:.2f}')} | within 10 s |",
        f"| every phone woken by the opening, within | {med('woke_max', 1000):.0f} ms | "
        f"{each('woke_max', '{:.0f}', 1000)} | (information) |",
        f"| answer latency, median | {med('p50', 1000):.1f} ms | {each('p50', '{:.1f}', 1000)} "
        "| (information) |",
        f"| answer latency, 95th percentile | {med('p95', 1000):.1f} ms | "
        f"{each('p95', '{:.1f}', 1000)} | under 300 ms |",
        f"| answer time inside the service (its access log), median / 95th percentile | "
        f"{med('svc_p50', 1000):.1f} / {med('svc_p95', 1000):.1f} ms | "
        f"{each('svc_p95', '{:.1f}', 1000)} (95th) | (information) |",
        f"| answer latency of the answers sent once every phone was woken, 95th percentile |"
        f" {med('p95_after_wake', 1000):.1f} ms | {each('p95_after_wake', '{:.1f}', 1000)} | "
        "(information: without the opening's burst of 500 long-poll replies) |",
        f"| projector behind an acknowledged answer, median / max | {med('lag_med', 1000):.0f}"
        f" / {med('lag_max', 1000):.0f} ms | {each('lag_max', '{:.0f}', 1000)} (max) | at "
        "most 1 s |",
        f"| service RSS, highest sample | {med('rss'):.0f} MiB | {each('rss', '{:.0f}')} | "
        "under 300 MB |",
        f"| service CPU time for the question | {med('cpu'):.2f} s | {each('cpu', '{:.2f}')} | "
        "(information) |",
        f"| joining {args.phones} phones | {med('join_s'):.2f} s | {each('join_s', '{:.2f}')} "
        "| (information) |",
        "",
        f"Learners per GiB: **about {per_gib:.0f}** phone learners per GiB of the one service "
        f"process ({args.phones} in {med('rss'):.0f} MiB, its baseline included), against "
        f"about {1024 / KERNEL_MIB:.1f} per GiB with a kernel each (about {KERNEL_MIB} MiB per "
        "learner on a hub, section \"JupyterHub (issue 14)\").",
        "",
        CHANGES,
        "",
        verdict(results),
    ]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--phones", type=int, default=500)
    ap.add_argument("--spread", type=float, default=8.0,
                    help="seconds after opening over which the phones answer")
    ap.add_argument("--concurrency", type=int, default=64, help="answers in flight at most")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--write", action="store_true", help="write docs/benchmarks.md")
    args = ap.parse_args()
    body = report(args, run(args))
    print(body)
    if args.write:
        write_section(HEADING, body)


if __name__ == "__main__":
    main()
