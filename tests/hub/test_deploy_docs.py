"""docs/deploy.md quotes the hub configuration that tests/hub runs, word for word."""
from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _quoted(path: Path, heading: str) -> list[str]:
    """The python blocks of the section ``heading`` (up to the next heading of its level)."""
    level = len(heading.split(" ", 1)[0])
    lines, inside, fenced = [], False, False
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith("```"):
            fenced = not fenced
        heading_level = len(line) - len(line.lstrip("#")) if not fenced else 0
        if inside and 0 < heading_level <= level and line[heading_level:].startswith(" "):
            break
        inside = inside or line.startswith(heading)
        if inside:
            lines.append(line)
    return re.findall(r"```python\n(.*?)```", "".join(lines), re.S)


def test_the_quoted_configuration_is_the_real_one():
    config = (REPO / "deploy" / "jupyterhub_config.py").read_text(encoding="utf-8")
    blocks = _quoted(REPO / "docs" / "deploy.md", "### The hub's configuration")
    assert len(blocks) == 3
    # the live class's part is quoted in the instructor guide, where its use is explained
    live = _quoted(REPO / "docs" / "instructor.md", "### On JupyterHub")
    assert len(live) == 1 and '"name": "live"' in live[0]
    for block in blocks + live:
        assert block.strip() in config, block[:200]
    # together they cover every setting of the file
    settings = {line for line in config.splitlines() if line.strip().startswith("c.")}
    quoted = "\n".join(blocks + live)
    assert {s for s in settings if s not in quoted} == set()


def test_the_deploy_files_name_the_same_exchange_and_group():
    config = (REPO / "deploy" / "jupyterhub_config.py").read_text(encoding="utf-8")
    values = (REPO / "deploy" / "z2jh-values.yaml").read_text(encoding="utf-8")
    setup = (REPO / "deploy" / "tljh-setup.sh").read_text(encoding="utf-8")
    assert '"/srv/crm-course/exchange"' in config and "/srv/crm-course/exchange" in values
    assert '"crm-instructors"' in config and "groupadd crm-instructors" in setup
    assert "/srv/crm-course-student" in config and "/srv/crm-course-student" in setup


def _load_config(monkeypatch, tmp_path, bank: Path, live_user: str = "no-such-user-crm-test"):
    """deploy/jupyterhub_config.py as JupyterHub loads it (``get_config``), with the exchange
    and the bank of this test."""
    from traitlets.config import Config

    monkeypatch.setenv("CRM_COURSE_EXCHANGE", str(tmp_path / "exchange"))
    monkeypatch.setenv("CRM_COURSE_INSTRUCTOR_GROUP", "no-such-group-crm-test")
    monkeypatch.setenv("CRM_COURSE_LIVE_BANK", str(bank))
    monkeypatch.setenv("CRM_COURSE_LIVE_SESSION", str(tmp_path / "live" / "session.sqlite3"))
    monkeypatch.setenv("CRM_COURSE_LIVE_USER", live_user)
    config = Config()
    code = (REPO / "deploy" / "jupyterhub_config.py").read_text(encoding="utf-8")
    exec(compile(code, "jupyterhub_config.py", "exec"), {"get_config": lambda: config})
    return config


def test_the_live_service_and_its_scopes(monkeypatch, tmp_path):
    config = _load_config(monkeypatch, tmp_path, REPO / "exercises")
    [live] = [s for s in config.JupyterHub.services.get_value([]) if s["name"] == "live"]
    assert live["command"][1:5] == ["-m", "course", "live", "--hub"]
    assert live["oauth_client_allowed_scopes"] == ["custom:crm-live:teach"]
    roles = {r["name"]: r for r in config.JupyterHub.load_roles.get_value([])}
    assert roles["crm-live-instructor"]["groups"] == ["instructors"]
    assert "access:services!service=live" in roles["user"]["scopes"]
    assert "custom:crm-live:teach" not in roles["user"]["scopes"]  # learners: never
    assert "access:services!service=live" in config.Spawner.server_token_scopes
    env = config.Spawner.environment.get_value({})
    assert env["CRM_COURSE_LIVE_URL"].endswith("/services/live/")


def test_the_public_address_comes_from_the_environment(monkeypatch, tmp_path):
    """The dashboard's QR code needs the address phones use: CRM_COURSE_HUB_PUBLIC_URL becomes
    c.JupyterHub.public_url (which the hub hands to the service); unset, nothing is guessed."""
    monkeypatch.delenv("CRM_COURSE_HUB_PUBLIC_URL", raising=False)
    config = _load_config(monkeypatch, tmp_path, REPO / "exercises")
    assert "public_url" not in config.JupyterHub
    monkeypatch.setenv("CRM_COURSE_HUB_PUBLIC_URL", "https://hub.example.edu/")
    config = _load_config(monkeypatch, tmp_path, REPO / "exercises")
    assert config.JupyterHub.public_url == "https://hub.example.edu/"


def test_without_the_instructors_bank_the_hub_runs_without_the_live_class(monkeypatch, tmp_path,
                                                                          capsys):
    config = _load_config(monkeypatch, tmp_path, tmp_path / "no-bank")
    # a failing service would stop the hub: only the idle culler is left
    assert [s["name"] for s in config.JupyterHub.services.get_value([])] == ["idle-culler"]
    assert [r["name"] for r in config.JupyterHub.load_roles.get_value([])] == ["idle-culler"]
    assert "CRM_COURSE_LIVE_URL" not in config.Spawner.environment.get_value({})
    assert "the live class (service live) is off" in capsys.readouterr().err


def test_idle_servers_and_kernels_are_culled_with_values_a_teacher_can_read(monkeypatch,
                                                                              tmp_path):
    """Issue 21: the hub culled nothing; every server (about 300 MiB) stayed up."""
    config = _load_config(monkeypatch, tmp_path, REPO / "exercises")
    [culler] = [s for s in config.JupyterHub.services.get_value([])
                if s["name"] == "idle-culler"]
    assert culler["command"][1:] == ["-m", "jupyterhub_idle_culler", "--timeout=3600",
                                     "--cull-every=300"]
    roles = {r["name"]: r for r in config.JupyterHub.load_roles.get_value([])}
    assert set(roles["idle-culler"]["scopes"]) == {"list:users", "read:users:activity",
                                                   "read:servers", "delete:servers"}
    args = config.Spawner.args.get_value([])
    assert "--MappingKernelManager.cull_idle_timeout=1200" in args
    assert "--MappingKernelManager.cull_busy=False" in args
    assert config.Spawner.mem_limit == "1G"
    deploy = (REPO / "docs" / "deploy.md").read_text(encoding="utf-8")
    for value in ("1 hour", "20 minutes", "CRM_COURSE_CULL_IDLE", "CRM_COURSE_KERNEL_IDLE"):
        assert value in deploy, value


def test_the_live_service_runs_as_its_own_user_when_there_is_one(monkeypatch, tmp_path):
    import os
    import pwd
    import stat

    config = _load_config(monkeypatch, tmp_path, REPO / "exercises")
    [live] = [s for s in config.JupyterHub.services.get_value([]) if s["name"] == "live"]
    assert "user" not in live  # no such user: the hub's own (and a message says so)
    if os.geteuid() != 0:
        return
    config = _load_config(monkeypatch, tmp_path, REPO / "exercises", live_user="nobody")
    [live] = [s for s in config.JupyterHub.services.get_value([]) if s["name"] == "live"]
    assert live["user"] == "nobody"
    folder = tmp_path / "live"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert folder.stat().st_uid == pwd.getpwnam("nobody").pw_uid
