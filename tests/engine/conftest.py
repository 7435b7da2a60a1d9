"""Fixtures for the engine tests: the demo bank and a helper that writes bank files."""
from pathlib import Path

import pytest

import course
from course import session as state

BANKS = Path(__file__).parent / "banks"


@pytest.fixture(scope="session")
def bank():
    return course.load_bank(BANKS)


@pytest.fixture(autouse=True)
def _fresh_state():
    state._reset_for_tests()
    yield
    state._reset_for_tests()


@pytest.fixture
def write_bank(tmp_path):
    """Write a bank file named after its lesson slug; returns its path."""

    def write(text: str, name: str = "01-test.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
