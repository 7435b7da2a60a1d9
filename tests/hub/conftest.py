"""The hub fixture: a real JupyterHub with real Unix users (see hubkit.py).

Where it cannot run (not root, no useradd, no configurable-http-proxy...) the hub tests are
skipped with the reason, except under CI (the variable CI set), where they fail: CI runs as
root and .ci/run installs the proxy.
"""
from __future__ import annotations

import os

import hubkit
import pytest


@pytest.fixture(scope="session")
def hub():
    problem = hubkit.missing()
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"hub tests cannot run under CI: {problem}", pytrace=False)
        pytest.skip(f"HUB TESTS SKIPPED: {problem}")
    with hubkit.running_hub() as running:
        yield running


@pytest.fixture(scope="session")
def classroom(hub):
    """Every student pulls the course, opens the lesson, answers and hands in (classkit.py)."""
    import classkit

    return classkit.run_class(hub)
