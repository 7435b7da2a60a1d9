"""Root test set-up: also applies to ``pytest notebooks/``, which does not read tests/conftest.py.

Set before any kernel starts (nbval kernels inherit the environment), so notebooks run against
a fresh, private progress store and in the default language and mode, never a learner's own.

The variables that steer the tests themselves (``TEST_CONTROLS``) are kept: ``make fuzz``
raises the number of generated cases. Whether a missing browser, hub or root privilege fails
instead of skipping is a pytest option registered here (``--require-browser``,
``--require-hub``, ``--require-root``; .ci/run passes all three).
"""
import os
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


import pytest  # noqa: E402  (after the environment is clean)

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
# session hub, real Unix users that a second hub would collide with; its browser test lives in
# tests/hub too). Everything else is scheduled as --dist loadscope does: each test file (the
# browser tests start one Chromium per file), and each notebook (one kernel for all its
# cells), whole on one worker.
SHARED_SCOPE = {"tests/hub/": "hub", "tests/materials/": "materials"}  # one costly fixture each


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist: only called when it runs
def pytest_xdist_make_scheduler(config, log):
    from xdist.scheduler import LoadScopeScheduling

    class CourseScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            for prefix, scope in SHARED_SCOPE.items():
                if nodeid.startswith(prefix):
                    return scope
            return super()._split_scope(nodeid)

    return CourseScheduling(config, log)
