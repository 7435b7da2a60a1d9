"""Test set-up shared by every test: a private progress home, so no test touches a learner's data."""
import os
import tempfile

import pytest
from support import fresh_learner_home

# Set before any kernel starts (nbval kernels inherit the environment), so notebooks run
# against a fresh, private store and in the default language.
_HOME = tempfile.mkdtemp(prefix="crm-course-test-home-")
os.environ["CRM_COURSE_HOME"] = _HOME
os.environ.pop("CRM_COURSE_LANG", None)
os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture
def learner_home(tmp_path, monkeypatch):
    """A private CRM_COURSE_HOME, the session and progress store reset before and after the
    test (``support.fresh_learner_home``)."""
    with fresh_learner_home(tmp_path / "home", monkeypatch) as home:
        yield home


@pytest.fixture(autouse=True)
def _renames_of_this_test_only():
    """Exercise renames seen while a test builds its banks (``course.exercises.renames``: a
    process-wide table of former ids) end with the test, so one test's made-up rename never
    maps another test's ids."""
    from course.exercises import renames

    renames._reset_for_tests()
    yield
    renames._reset_for_tests()
