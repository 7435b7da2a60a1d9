"""Root test set-up: also applies to ``pytest notebooks/``, which does not read tests/conftest.py.

Set before any kernel starts (nbval kernels inherit the environment), so notebooks run against
a fresh, private progress store and in the default language and mode, never a learner's own.

The variables that steer the tests themselves (``TEST_CONTROLS``) are kept: ``make fuzz``
raises the number of generated cases. Whether a missing browser, hub or root privilege fails
instead of skipping is a pytest option registered here (``--require-browser``,
``--require-hub``, ``--require-root``; .ci/run passes all three).
"""
import os
import sys
import tempfile

TEST_CONTROLS = frozenset({
    "CRM_COURSE_CHROMIUM",  # tests/browser: another Chromium binary
    "CRM_COURSE_FUZZ_CASES",  # tests/security/test_fuzz.py: generated bank files / submissions
    "CRM_COURSE_PROPERTY_CASES",  # tests/engine/test_properties.py: responses per exercise type
})


def clean_environment(environ) -> None:
    """Remove every course setting a learner's shell may hold; keep the test controls."""
    for name in [k for k in environ if k.startswith("CRM_COURSE_") and k not in TEST_CONTROLS]:
        del environ[name]
    environ["CRM_COURSE_HOME"] = tempfile.mkdtemp(prefix="crm-course-test-home-")
    environ.setdefault("MPLBACKEND", "Agg")


clean_environment(os.environ)

# pytest keeps each test module's assert-rewritten bytecode in __pycache__ and reads it back in
# every later process, but writes it only where Python may write bytecode: with
# PYTHONDONTWRITEBYTECODE set (this machine's shells set it), each xdist worker rewrote all
# ~290 test modules and conftests again in every run, 7-8 of its ~19 CPU s of collection
# (issue 24, seventh pass). The test processes write it (ignored by git); the processes they
# start (kernels, servers) are not changed.
sys.dont_write_bytecode = False


import pytest  # noqa: E402  (after the environment is clean)

# --durations-json=PATH: each test phase's wall, CPU and children's CPU (tests/suite_timing.py;
# bench/bench_suite.py prints the tables). Does nothing without the option.
pytest_plugins = ("suite_timing",)

#: what must run -> the pytest option that makes its absence a failure (tests/support.py)
REQUIRED = {"browser": "the browser tests when Chromium or playwright is missing",
            "hub": "the JupyterHub tests when they cannot run here",
            "root": "the tests that need root (real Unix users)"}


def pytest_addoption(parser):
    group = parser.getgroup("crm-course", "what a missing piece of the machine does")
    for what, tests in REQUIRED.items():
        group.addoption(f"--require-{what}", action="store_true",
                        help=f"fail (do not skip) {tests}")


def pytest_configure(config):
    for marker in (
        "browser: drives a real Chromium (skipped loudly when it is missing; fails with "
        "--require-browser)",
        "hub: starts a real JupyterHub with real Unix users (skipped loudly when it cannot; "
        "fails with --require-hub)",
        "root: needs root for real Unix users and permissions (skipped loudly otherwise; fails "
        "with --require-root)",
    ):
        config.addinivalue_line("markers", marker)

# Files that share a costly fixture across modules run on one xdist worker: the real hub (one
# session hub and the class its students run, for the files that use the ``hub`` fixture; its
# browser test lives in tests/hub too). Everything else is scheduled as --dist loadscope does:
# each test file (the browser tests start one Chromium per file), and each notebook (one kernel
# for all its cells), whole on one worker. tests/hub/test_culling.py starts a hub of its own
# and tests/hub/test_deploy_docs.py none: each is a scope of its own, so the culling hub runs
# on the other worker while the shared hub runs (hubkit.py lets two hubs run at once). The two
# browser files that open lesson 01 on `crm-course present` share one server (the session
# fixture ``presenting`` of tests/browser/conftest.py): one start instead of two; so do the two
# JupyterLab files (``shared_lab``).
SHARED_SCOPE = {"tests/hub/test_hub.py": "hub", "tests/hub/test_live_hub": "hub",
                "tests/materials/": "materials",  # one costly fixture each
                "tests/browser/test_voila_a11y.py": "present",
                "tests/browser/test_present.py": "present",
                "tests/browser/test_lab_lesson.py": "lab",
                "tests/browser/test_lab_ordering_keys.py": "lab",
                # its JupyterLab test uses the shared JupyterLab of the "lab" scope (24b)
                "tests/browser/test_long_options.py": "lab"}

#: The longest scopes, in seconds of one worker: per-item --durations summed per scope. With two
#: workers the run ends when the busier worker ends: started first, longest first, these cannot
#: be the last thing one worker still runs while the other is idle (xdist's loadscope orders
#: scopes by number of tests, which put the hub's few long tests behind hundreds of short
#: ones). The rest follows, the scopes with more tests first, as loadscope does; a scope missing
#: here is only started later. Figures (the scopes of 20 s or more): tests/crm's and
#: tests/grading's from the whole `make test` of 2026-12-07 12:24 UTC on the 2-core machine,
#: load average 3.4 -> 4.7 (5-6.5 during the run); tests/browser's from their
#: own `-n 2` run of 2026-12-07 15:11 UTC (after its shared servers, issue 24's fifth pass) at
#: load 9-12, scaled by 0.59 (what the same scopes took in the whole `make test` of 12:24 UTC at
#: load 5-6.5 against a run of tests/browser alone at load 10-14), refreshed from the 18:30 UTC
#: run of tests/browser, live and widgets (load 3.4-8.9, not scaled; issue 24's sixth pass:
#: browser and live; "lab" with test_long_options joined); tests/hub, security,
#: materials, bankio and instructor's: the mean of two `-n 2` runs of those five directories
#: (17:38 UTC at load 3 -> 13, 18:11 UTC at load 9-14; issue 24's sixth pass,
#: docs/benchmarks.md), not scaled: the machine was as busy as in the browser run.
LONGEST_FIRST = {
    "hub": 153, "materials": 129, "present": 128, "lab": 105,
    "tests/browser/test_voila_widgets.py": 80,  # (not first any more: its closed-page test
    # timed out beside the hub's start while it culled after 3 s; it culls after 15 s now)
    "tests/browser/test_report_a11y.py": 68, "tests/security/test_release_leaks.py": 62,
    "tests/bankio/test_qti.py": 48, "tests/hub/test_culling.py": 45,
    "tests/bankio/test_moodle.py": 43, "tests/bankio/test_xlsx.py": 43,
    "tests/security/test_validate_limits.py": 43,
    "tests/instructor/test_release.py": 41, "tests/browser/test_live_phone.py": 36,
    "tests/bankio/test_gift.py": 34, "tests/browser/test_voila_dollars.py": 33,
    "tests/browser/test_live_writing.py": 33, "tests/browser/test_slides_live.py": 32,
    "tests/bankio/test_cli.py": 32, "tests/security/test_fuzz.py": 30,
    "tests/crm/test_plot_language.py": 22, "tests/grading/test_scored_sets.py": 40,
    "tests/security/test_submissions.py": 20,
}


def _scope_of(nodeid: str, default) -> str:
    for prefix, scope in SHARED_SCOPE.items():
        if nodeid.startswith(prefix):
            return scope
    return default(nodeid)


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist: only called when it runs
def pytest_xdist_make_scheduler(config, log):
    from xdist.scheduler import LoadScopeScheduling

    class CourseScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return _scope_of(nodeid, super()._split_scope)

        def _assign_work_unit(self, node) -> None:
            # the longest waiting scope goes next (the queue is otherwise in loadscope's order)
            waiting = [s for s in LONGEST_FIRST if s in self.workqueue]
            if waiting:
                longest = max(waiting, key=LONGEST_FIRST.__getitem__)
                self.workqueue.move_to_end(longest, last=False)
            super()._assign_work_unit(node)

    return CourseScheduling(config, log)
