"""`crm-course present`: finding the lesson, the Voila command line and its environment."""
from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import pytest

from course.cli import main
from course.errors import InputError
from course.instructor import present
from course.instructor.present import (
    check_port,
    check_port_free,
    present_env,
    resolve_notebook,
    voila_command,
)


@pytest.fixture
def notebooks(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    for name in ("00-index", "02-idic", "04-customer-grading", "12-extra", "w04-grading-workshop"):
        (folder / f"{name}.ipynb").write_text("{}")
    (folder / "scratch.ipynb").write_text("{}")
    return folder


@pytest.mark.parametrize("given, expected", [
    ("4", "04-customer-grading"), ("04", "04-customer-grading"),
    ("04-customer-grading", "04-customer-grading"), ("customer-grading", "04-customer-grading"),
    ("04-customer-grading.ipynb", "04-customer-grading"), ("2", "02-idic"), ("12", "12-extra"),
    ("0", "00-index"), ("notebooks/02-idic.ipynb", "02-idic"), ("../../02-idic", "02-idic"),
    ("w4", "w04-grading-workshop"), ("W04", "w04-grading-workshop"),
    ("w04-grading-workshop", "w04-grading-workshop"),
])
def test_a_lesson_is_found_by_number_or_slug(notebooks, given, expected):
    assert resolve_notebook(given, notebooks).stem == expected


@pytest.mark.parametrize("given", ["7", "grading", "scratch", "../scratch", "", "w7"])
def test_an_unknown_lesson_lists_the_lessons_there_are(notebooks, given):
    with pytest.raises(InputError) as info:
        resolve_notebook(given, notebooks)
    assert "02-idic, 04-customer-grading" in str(info.value)


@pytest.mark.parametrize("port", ["80", "70000", "abc", None])
def test_a_bad_port_is_refused(port):
    with pytest.raises(InputError, match="1024 to 65535"):
        check_port(port)


def test_a_port_in_use_is_refused_before_voila_starts():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        with pytest.raises(InputError, match="already in use"):
            check_port_free(busy.getsockname()[1])


def test_the_voila_command_serves_locally_without_code(tmp_path):
    cmd = voila_command(tmp_path / "02-idic.ipynb", 8870)
    assert cmd[:3] == [sys.executable, "-m", "voila"]
    assert "--Voila.ip=127.0.0.1" in cmd and "--port=8870" in cmd and "--no-browser" in cmd
    assert not any("strip_sources" in c or "show_code" in c for c in cmd)  # Voila hides code
    # the lesson's folder, so that its Contents and Next links reach the other lessons
    assert cmd[3] == str(tmp_path) and "--template=crm-present" in cmd


def test_the_voila_command_shows_each_cell_as_it_runs(tmp_path):
    """Progressive rendering: the first exercise does not wait for the lesson's last cell (by
    default Voila hides the page until every cell has run); it excludes preheated kernels."""
    cmd = voila_command(tmp_path / "02-idic.ipynb", 8870)
    assert "--VoilaConfiguration.progressive_rendering=True" in cmd
    assert not any("preheat" in c for c in cmd)


def test_the_environment_turns_on_presenter_and_class_mode():
    env = present_env(lang="zh", base={"PATH": "/bin", "CRM_COURSE_MODE": "assessment"})
    template_root = str(Path(present.__file__).parent / "jupyter")
    assert env == {"PATH": "/bin", "CRM_COURSE_PRESENTER": "1", "CRM_COURSE_MODE": "class",
                   "CRM_COURSE_LANG": "zh", "JUPYTER_PATH": template_root}
    assert (Path(template_root) / "voila" / "templates" / "crm-present" / "index.html.j2").is_file()
    kept = present_env(base={"JUPYTER_PATH": "/elsewhere"})["JUPYTER_PATH"]
    assert kept == template_root + os.pathsep + "/elsewhere"
    assert "CRM_COURSE_LANG" not in present_env(base={})


def test_the_engine_reads_that_environment(monkeypatch):
    from course import session as state

    monkeypatch.setenv("CRM_COURSE_PRESENTER", "1")
    monkeypatch.setenv("CRM_COURSE_MODE", "class")
    state._reset_for_tests()
    try:
        assert state.presenter() and state.get_mode_override() == "class"
    finally:
        state._reset_for_tests()


def test_cli_present_names_the_mistake(tmp_path, capsys):
    (tmp_path / "exercises").mkdir()
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "01-demo.ipynb").write_text("{}")
    code = main(["present", "9", "--source", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2 and "No lesson '9'" in err and "01-demo" in err and "Traceback" not in err
    code = main(["present", "1", "--source", str(tmp_path), "--port", "22"])
    assert code == 2 and "1024 to 65535" in capsys.readouterr().err
