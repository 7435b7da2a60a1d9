"""docs/deploy.md quotes the hub configuration that tests/hub runs, word for word."""
from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_the_quoted_configuration_is_the_real_one():
    doc = (REPO / "docs" / "deploy.md").read_text(encoding="utf-8")
    config = (REPO / "deploy" / "jupyterhub_config.py").read_text(encoding="utf-8")
    section = doc.split("### The hub's configuration", 1)[1].split("\n### ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert len(blocks) == 3
    for block in blocks:
        assert block.strip() in config, block[:200]
    # together they cover every setting of the file
    settings = {line for line in config.splitlines() if line.strip().startswith("c.")}
    quoted = "\n".join(blocks)
    assert {s for s in settings if s not in quoted} == set()


def test_the_deploy_files_name_the_same_exchange_and_group():
    config = (REPO / "deploy" / "jupyterhub_config.py").read_text(encoding="utf-8")
    values = (REPO / "deploy" / "z2jh-values.yaml").read_text(encoding="utf-8")
    setup = (REPO / "deploy" / "tljh-setup.sh").read_text(encoding="utf-8")
    assert '"/srv/crm-course/exchange"' in config and "/srv/crm-course/exchange" in values
    assert '"crm-instructors"' in config and "groupadd crm-instructors" in setup
    assert "/srv/crm-course-student" in config and "/srv/crm-course-student" in setup
