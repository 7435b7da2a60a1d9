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
