"""`crm-course present NN --slides`: the Voila command line, its environment and the template's
place (the page itself is tested in a real browser: tests/browser/test_slides_live.py)."""
from __future__ import annotations

import json
import os
import socket

import pytest

from course.cli import main
from course.errors import InputError
from course.instructor.present import voila_command
from course.instructor.slides_voila import (
    DATA_DIR,
    TEMPLATE,
    serve_slides,
    slides_command,
    slides_env,
)


def test_command_is_present_s_with_the_slide_template(tmp_path):
    nb = tmp_path / "01-demo.ipynb"
    cmd = slides_command(nb, 8999)
    plain = voila_command(nb, 8999)  # the same options as the scrolling page, another template
    assert [a for a in cmd if not a.startswith("--template=")] == [
        a for a in plain if not a.startswith("--template=")]
    assert f"--template={TEMPLATE}" in cmd and f"--template={TEMPLATE}" not in plain


def test_env_puts_the_template_folder_first_and_keeps_the_rest():
    from course.instructor.present import TEMPLATE_ROOT

    env = slides_env("zh", base={"JUPYTER_PATH": "/elsewhere", "HOME": "/h"})
    assert env["JUPYTER_PATH"].split(os.pathsep) == [str(DATA_DIR), str(TEMPLATE_ROOT),
                                                     "/elsewhere"]
    assert env["CRM_COURSE_PRESENTER"] == "1" and env["CRM_COURSE_MODE"] == "class"
    assert env["HOME"] == "/h"
    assert slides_env(None, base={})["JUPYTER_PATH"].split(os.pathsep)[0] == str(DATA_DIR)


def test_voila_finds_the_template_and_its_lab_base(monkeypatch):
    from voila.paths import collect_template_paths

    monkeypatch.setenv("JUPYTER_PATH", str(DATA_DIR))
    paths = collect_template_paths(["voila", "nbconvert"], TEMPLATE)
    ours = DATA_DIR / "voila" / "templates" / TEMPLATE
    assert paths[0] == str(ours)
    assert any(p.endswith(os.path.join("voila", "templates", "lab")) for p in paths)
    assert json.loads((ours / "conf.json").read_text())["base_template"] == "lab"
    assert "data-slide-type" in (ours / "index.html.j2").read_text(encoding="utf-8")


def test_slides_refuse_a_busy_port_before_starting_voila(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(InputError, match=str(port)):
            serve_slides(tmp_path / "01-demo.ipynb", port)


def test_cli_present_slides_names_the_mistake(tmp_path, capsys):
    (tmp_path / "exercises").mkdir()
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "01-demo.ipynb").write_text("{}")
    code = main(["present", "9", "--slides", "--source", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2 and "No lesson '9'" in err and "Traceback" not in err
