"""``--durations-json=PATH``: where the suite's time goes, per test phase, as a JSON file.

Opt-in (loaded by the root conftest.py; does nothing without the option). For each phase
(setup, call, teardown) of each test it records the wall time, the test process's own CPU
time (``time.process_time``) and its children's CPU time (``resource.getrusage
(RUSAGE_CHILDREN)``: the servers, kernels, browsers and CLI runs the test started, counted
when they have ended and been waited for), and when the phase started. Wall minus both CPU
figures is what the test waited for: a server's start, a poll, a sleep, a machine busy with
other work. With pytest-xdist every worker measures its own tests and sends them with its
reports; the controller writes one file, with each worker's whole CPU (collection included).
``bench/bench_suite.py`` reads the file and prints the tables (per file, per scope, per worker).

What the figures cannot tell: a child still running when a phase ends is counted in the phase
that waits for it to end (a session server, with all its pages' kernels, at the teardown of
its worker's last test, whose "wait" then comes out negative); a grandchild nobody waited for
is not counted; on a loaded machine the wait includes the time a ready process waited for a core.
"""
from __future__ import annotations

import json
import os
import resource
import time

import pytest

KEY = "suite_timing"


def pytest_addoption(parser):
    parser.getgroup("crm-course").addoption(
        "--durations-json", metavar="PATH", default=None,
        help="write each test phase's wall, CPU and children's CPU time to PATH "
             "(read it with bench/bench_suite.py)")


def _clock() -> tuple[float, float, float, float]:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (time.time(), time.perf_counter(), time.process_time(),
            children.ru_utime + children.ru_stime)


def _measured(item, when):
    if not item.config.getoption("durations_json"):
        yield
        return
    start = _clock()
    yield
    end = _clock()
    item.stash.setdefault(_STASH, {})[when] = {
        "start": round(start[0], 3), "wall": round(end[1] - start[1], 4),
        "cpu": round(end[2] - start[2], 4), "children": round(end[3] - start[3], 4)}


_STASH = pytest.StashKey[dict]()


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_setup(item):
    yield from _measured(item, "setup")


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_call(item):
    yield from _measured(item, "call")


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_teardown(item):
    yield from _measured(item, "teardown")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    measured = item.stash.get(_STASH, {}).get(call.when)
    if measured is not None:  # user_properties travel with the report from an xdist worker
        outcome.get_result().user_properties.append((KEY, measured))


def _whole_process() -> dict:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"cpu": round(time.process_time(), 3),
            "children": round(children.ru_utime + children.ru_stime, 3)}


class _Recorder:
    """On the process that writes the file (the xdist controller, or the only process)."""

    def __init__(self, path: str):
        self.path = path
        self.phases: list[dict] = []
        self.workers: dict[str, dict] = {}
        self.start = time.time()
        self.load_start = os.getloadavg()

    def pytest_runtest_logreport(self, report):
        for key, measured in report.user_properties:
            if key == KEY:
                worker = getattr(getattr(report, "node", None), "gateway", None)
                self.phases.append({"nodeid": report.nodeid, "when": report.when,
                                    "outcome": report.outcome,
                                    "worker": worker.id if worker else "main", **measured})

    @pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook
    def pytest_testnodedown(self, node, error):
        self.workers[node.gateway.id] = dict(getattr(node, "workeroutput", {}).get(KEY, {}))

    def pytest_sessionfinish(self, session):
        if not self.workers:
            self.workers["main"] = _whole_process()
        data = {"start": round(self.start, 3), "wall": round(time.time() - self.start, 3),
                "load": [list(self.load_start), list(os.getloadavg())],
                "cpus": os.cpu_count(), "workers": self.workers, "phases": self.phases}
        with open(self.path, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=0)


def pytest_configure(config):
    path = config.getoption("durations_json")
    if path and not hasattr(config, "workerinput"):
        config.pluginmanager.register(_Recorder(os.path.abspath(path)), "suite-timing-recorder")


def pytest_sessionfinish(session):
    config = session.config
    if config.getoption("durations_json") and hasattr(config, "workeroutput"):
        config.workeroutput[KEY] = _whole_process()
