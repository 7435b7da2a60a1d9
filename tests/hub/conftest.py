"""The hub fixture: a real JupyterHub with real Unix users (see hubkit.py).

Where it cannot run (not root, no useradd, no configurable-http-proxy...) the hub tests are
skipped with the reason, except with ``--require-hub`` (which .ci/run passes), where they fail:
CI runs as root and .ci/run installs the proxy.
"""
from __future__ import annotations

import hubkit
import pytest
from support import missing


@pytest.fixture(scope="session")
def hub(request):
    problem = hubkit.missing()
    if problem:
        missing(request.config, "hub", problem)
    with hubkit.running_hub() as running:
        yield running


@pytest.fixture(scope="session")
def classroom(hub):
    """Every student pulls the course, opens the lesson, answers and hands in (classkit.py)."""
    import classkit

    return classkit.run_class(hub)
