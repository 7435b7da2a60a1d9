"""Fixtures for the widget tests: a private store, fresh session state and the demo bank."""
from __future__ import annotations

from pathlib import Path

import pytest

GALLERY = Path(__file__).parent / "00-gallery.yaml"


@pytest.fixture
def fresh(learner_home):
    """A private CRM_COURSE_HOME and session state reset before and after the test."""
    return learner_home


@pytest.fixture
def home(fresh):
    """The private CRM_COURSE_HOME of ``fresh`` (the store tests' name for it)."""
    return fresh


@pytest.fixture
def gallery(fresh):
    """The demo lesson, loaded afresh (so every exercise builds a new widget)."""
    from course.exercises.loader import load_bank

    return load_bank(GALLERY).lessons["00-gallery"]


@pytest.fixture
def reload_gallery(fresh):
    """Load the demo lesson again, as re-running a lesson's cells does."""
    from course.exercises.loader import load_bank

    return lambda: load_bank(GALLERY).lessons["00-gallery"]
