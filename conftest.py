"""Root test set-up: also applies to ``pytest notebooks/``, which does not read tests/conftest.py.

Set before any kernel starts (nbval kernels inherit the environment), so notebooks run against
a fresh, private progress store and in the default language and mode, never a learner's own.

The variables that steer the tests themselves (``TEST_CONTROLS``) are kept: CI sets
``CRM_COURSE_REQUIRE_BROWSER=1`` so that a missing browser fails instead of skipping, and
``make fuzz`` raises the number of generated cases.
"""
import os
import tempfile

TEST_CONTROLS = frozenset({
    "CRM_COURSE_REQUIRE_BROWSER",  # tests/browser: a missing Chromium fails instead of skipping
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


def pytest_collection_modifyitems(config, items):
    """Keep what shares a costly fixture on one xdist worker (``make test`` runs ``--dist
    loadgroup``): the real hub and the browser tests (one hub, real Unix users, one Chromium per
    module) run together on one worker; every other file, and each notebook (one kernel for all
    its cells), stays whole on its worker."""
    import pytest

    root = config.rootpath
    for item in items:
        path = item.path.relative_to(root) if item.path.is_relative_to(root) else item.path
        parts = path.parts
        group = "servers" if parts[:2] in (("tests", "hub"), ("tests", "browser")) else str(path)
        item.add_marker(pytest.mark.xdist_group(group))
