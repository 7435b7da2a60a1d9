"""Fixtures of the instructor tests: the instructor's bank of the tiny fixture course."""
from __future__ import annotations

import pytest
from instructor_helpers import FIXTURE_COURSE


@pytest.fixture(scope="session")
def fixture_bank():
    from course.exercises.loader import load_bank

    return load_bank(FIXTURE_COURSE / "exercises")


# The fixture course's notebooks are data for the release tests, not lessons to run.
collect_ignore_glob = ["fixture_course/*"]
