"""Fixtures of the security tests."""
from __future__ import annotations

import pytest
import security_helpers
import support


@pytest.fixture
def run_cli(tmp_path):
    """``run_cli(*args, timeout=...)``: the CLI in a child process in ``tmp_path``, measured."""

    def run(*args, **kwargs):
        kwargs.setdefault("cwd", tmp_path)
        return security_helpers.run_cli(*args, **kwargs)

    return run


@pytest.fixture
def write_bank(tmp_path):
    """Write a bank file (named 01-test.yaml unless told) into ``tmp_path``; returns its path."""

    def write(text: str, name: str = "01-test.yaml"):
        return support.write_bank(tmp_path, text, name)

    return write
