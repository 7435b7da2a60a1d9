"""Fixtures of the security tests."""
from __future__ import annotations

import pytest
import security_helpers


@pytest.fixture
def run_cli(tmp_path):
    """``run_cli(*args, timeout=...)``: the CLI in a child process in ``tmp_path``, measured."""

    def run(*args, **kwargs):
        kwargs.setdefault("cwd", tmp_path)
        return security_helpers.run_cli(*args, **kwargs)

    return run


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A private, empty CRM_COURSE_HOME with the progress store and session state reset."""
    from course import session as state
    from course.exercises import progress

    home = tmp_path / "home"
    monkeypatch.setenv("CRM_COURSE_HOME", str(home))
    monkeypatch.delenv("CRM_COURSE_LANG", raising=False)
    state._reset_for_tests()
    progress._reset_for_tests()
    yield home
    progress._reset_for_tests()
    state._reset_for_tests()


@pytest.fixture
def write_bank(tmp_path):
    """Write a bank file (named 01-test.yaml unless told) into ``tmp_path``; returns its path."""

    def write(text: str, name: str = "01-test.yaml"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
