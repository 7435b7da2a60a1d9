"""Issue 21: a school hub that never freed memory. deploy/jupyterhub_config.py runs
jupyterhub-idle-culler as a hub service; here a hub of its own runs it with seconds instead of
an hour, and shows an idle server stopped while an active one is kept.

Its own hub (not the shared `hub` fixture): a culler that stops servers after seconds would
stop the other hub tests' servers too. It needs no student copy (no pulls, no live class), and
runs on the other xdist worker while the shared hub's tests run (conftest.py). About 30-60 s.
"""
from __future__ import annotations

import time

import hubkit
import pytest
from support import missing

pytestmark = pytest.mark.hub

IDLE_AFTER = 12  # seconds (CRM_COURSE_CULL_IDLE; the configuration's default is 3600)
ACTIVITY_EVERY = 2  # seconds: the culler looks, and the hub hears of activity, this often
# The hub learns of activity from the proxy and from each server every ACTIVITY_EVERY seconds
# here (300 s by default, which is why a real hub culls in minutes, not seconds): an active
# server's last activity is at most about 2 * ACTIVITY_EVERY old, well inside IDLE_AFTER.
FAST_ACTIVITY = f"""
c.JupyterHub.last_activity_interval = {ACTIVITY_EVERY}
c.Spawner.environment.update({{"JUPYTERHUB_ACTIVITY_INTERVAL": "{ACTIVITY_EVERY}"}})
"""


def test_an_idle_server_is_culled_and_an_active_one_kept(request):
    problem = hubkit.missing()
    if problem:
        missing(request.config, "hub", problem)
    env = {"CRM_COURSE_CULL_IDLE": str(IDLE_AFTER), "CRM_COURSE_CULL_EVERY": str(ACTIVITY_EVERY)}
    with hubkit.running_hub(extra_env=env, extra_config=FAST_ACTIVITY, student_copy=False) as hub:
        assert "idle-culler" in hub.log(), hub.log()[-2000:]  # the hub started its service
        idle, active = hub.students[:2]
        started = time.monotonic()  # the idle server's last activity is its start
        hub.spawn(idle, active)
        gone_after = None
        while time.monotonic() - started < 4 * IDLE_AFTER + 30:
            hub.server(active, "GET", "/contents")  # a learner working: requests via the proxy
            if not hub.api("GET", f"/users/{idle}")["servers"]:
                gone_after = time.monotonic() - started
                break
            time.sleep(1)  # paces the working learner's requests (the loop measures the cull)
        assert gone_after is not None, f"the idle server was not stopped\n{hub.log()[-3000:]}"
        assert gone_after >= IDLE_AFTER - 1  # not before it had been idle that long
        assert hub.api("GET", f"/users/{active}")["servers"].get("", {}).get("ready")
        assert "Culling server" in hub.log() or "culling" in hub.log().lower()
