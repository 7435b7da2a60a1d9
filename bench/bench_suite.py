"""Where the test suite's time goes: reads the JSON of ``pytest --durations-json=PATH``.

    make test PYTEST_ARGS="--durations-json=suite-times.json"
    .venv/bin/python bench/bench_suite.py suite-times.json [--top 25]

Prints, per test file (a notebook is a file) and per xdist scope (the root conftest.py's
``SHARED_SCOPE``): the tests, the wall time of their phases, the test process's CPU, the
children's CPU (servers, kernels, browsers, CLI runs) and the wait (wall less both CPU
figures), ranked by wait and by CPU; then each worker's timeline: when it started its first
test, when it ended its last, its last scopes, and how long it stood idle while another
worker still ran. The figures are sums of the tests' phases (``tests/suite_timing.py`` says
what they can and cannot count); the whole run's wall time is the controller's.
"""
from __future__ import annotations

import argparse
import ast
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "suite-times.json"


def shared_scopes() -> dict[str, str]:
    """The root conftest.py's ``SHARED_SCOPE`` (read as a literal: importing that conftest
    would clean this process's environment)."""
    tree = ast.parse((ROOT / "conftest.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "SHARED_SCOPE":
            return ast.literal_eval(node.value)
    return {}


def scope_of(nodeid: str, shared: dict[str, str]) -> str:
    for prefix, scope in shared.items():
        if nodeid.startswith(prefix):
            return scope
    return nodeid.split("::", 1)[0]


def totals(phases: list[dict], key) -> dict[str, dict]:
    """Per ``key(phase)``: tests, wall, cpu, children and wait (seconds)."""
    out: dict[str, dict] = defaultdict(lambda: {"tests": set(), "wall": 0.0, "cpu": 0.0,
                                                "children": 0.0})
    for p in phases:
        row = out[key(p)]
        row["tests"].add(p["nodeid"])
        for name in ("wall", "cpu", "children"):
            row[name] += p[name]
    for row in out.values():
        row["tests"] = len(row["tests"])
        row["wait"] = row["wall"] - row["cpu"] - row["children"]
    return dict(out)


def table(rows: dict[str, dict], order: str, top: int, title: str) -> list[str]:
    lines = [f"{title} (top {top} by {order})", "",
             "| what | tests | wall s | CPU s | children's CPU s | wait s | wait share |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    ranked = sorted(rows.items(), key=lambda kv: -(kv[1]["cpu"] + kv[1]["children"])
                    if order == "CPU" else -kv[1][order])
    for name, r in ranked[:top]:
        share = r["wait"] / r["wall"] if r["wall"] > 0 else 0.0
        lines.append(f"| {name} | {r['tests']} | {r['wall']:.1f} | {r['cpu']:.1f} | "
                     f"{r['children']:.1f} | {r['wait']:.1f} | {share:.0%} |")
    return lines + [""]


def timeline(data: dict, shared: dict[str, str]) -> list[str]:
    """Each worker: first start, last end (seconds after the run's start), busy time, the
    scopes it ran last and its idle time at the end."""
    by_worker: dict[str, list[dict]] = defaultdict(list)
    for p in data["phases"]:
        by_worker[p["worker"]].append(p)
    ends = {w: max(p["start"] + p["wall"] for p in ps) for w, ps in by_worker.items()}
    last_end = max(ends.values(), default=data["start"])
    lines = ["| worker | first test at s | last test ended at s | busy s | idle at the end s | "
             "process CPU s | of it outside the tests (collection) s | children's CPU s | "
             "its last three scopes (s from their start) |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for worker in sorted(by_worker):
        ps = sorted(by_worker[worker], key=lambda p: p["start"])
        first_start: dict[str, float] = {}
        for p in ps:
            first_start.setdefault(scope_of(p["nodeid"], shared), p["start"])
        last = sorted(first_start.items(), key=lambda kv: kv[1])[-3:]
        whole = data["workers"].get(worker, {})
        lines.append(
            f"| {worker} | {ps[0]['start'] - data['start']:.0f} | "
            f"{ends[worker] - data['start']:.0f} | {sum(p['wall'] for p in ps):.0f} | "
            f"{last_end - ends[worker]:.0f} | {whole.get('cpu', 0):.0f} | "
            f"{whole.get('cpu', 0) - sum(p['cpu'] for p in ps):.1f} | "
            f"{whole.get('children', 0):.0f} | "
            + ", ".join(f"{s} ({ends[worker] - t:.0f})" for s, t in last) + " |")
    return lines + [""]


def report(data: dict, top: int) -> list[str]:
    shared = shared_scopes()
    phases = data["phases"]
    whole = totals(phases, lambda p: "all")["all"] if phases else None
    if whole is None:
        return ["no test phases in the file"]
    cpu = sum(w.get("cpu", 0) + w.get("children", 0) for w in data["workers"].values())
    load = data.get("load", [[0, 0, 0], [0, 0, 0]])
    lines = [f"run: {data['wall']:.0f} s wall, {len(data['workers'])} worker(s), "
             f"{whole['tests']} tests, {data.get('cpus')} CPUs, load average (1 min) "
             f"{load[0][0]:.2f} at the start, {load[1][0]:.2f} at the end",
             f"tests' phases: wall {whole['wall']:.0f} s = CPU {whole['cpu']:.0f} s + "
             f"children's CPU {whole['children']:.0f} s + wait {whole['wait']:.0f} s",
             f"workers' whole CPU (collection and children included): {cpu:.0f} s "
             f"(the run's processes kept {cpu / data['wall']:.2f} cores busy on average)", ""]
    files = totals(phases, lambda p: p["nodeid"].split("::", 1)[0])
    scopes = totals(phases, lambda p: scope_of(p["nodeid"], shared))
    lines += table(files, "wait", top, "Files")
    lines += table(files, "CPU", top, "Files")
    lines += table(scopes, "wall", top, "xdist scopes")
    lines += timeline(data, shared)
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("json", nargs="?", type=Path, default=None,
                        help=f"the file of --durations-json (default: {DEFAULT.name})")
    parser.add_argument("--top", type=int, default=25, help="rows per table (default 25)")
    args = parser.parse_args(argv)
    path = args.json or DEFAULT
    if not path.exists():
        if args.json is None:  # `make bench` runs every script: nothing measured yet
            print(f"no {DEFAULT.name}: run make test PYTEST_ARGS=\"--durations-json="
                  f"{DEFAULT.name}\" first")
            return 0
        print(f"{path}: no such file (write it with pytest --durations-json={path})")
        return 2
    try:
        lines = report(json.loads(path.read_text(encoding="utf-8")), args.top)
    except (ValueError, KeyError, TypeError) as exc:  # not a file --durations-json wrote
        print(f"{path}: not a --durations-json file ({type(exc).__name__}: {exc})")
        return 2
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
