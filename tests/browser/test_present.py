"""`crm-course present` in a real browser: no code on the page, the reveal controls work."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
from support import free_port, wait_for_port

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "instructor" / "fixture_course"
STEP_TIMEOUT = 30_000  # ms; one click on a busy 2-core machine
START_TIMEOUT = 90.0  # s; Voila start-up on a busy machine
CODE = 'import course\nlesson = course.lesson("01-demo")\nlesson.header()'


def _course(folder: Path) -> Path:
    """A course folder with the fixture bank and one small lesson notebook to present."""
    shutil.copytree(FIXTURE / "exercises", folder / "exercises")
    nb = new_notebook()
    nb.cells = [new_markdown_cell("# Presenting a lesson\n\nProjected in class."),
                new_code_cell(CODE),
                new_code_cell('lesson["demo-class-choice"]'),
                new_code_cell('lesson["demo-practice-cloze"]')]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    (folder / "notebooks").mkdir()
    nbformat.write(nb, folder / "notebooks" / "01-demo.ipynb")
    return folder


@pytest.fixture
def presented(tmp_path, browser):
    """`crm-course present 01` running on a free port; stopped with Ctrl+C (SIGINT) after."""
    course = _course(tmp_path / "course")
    port = free_port()
    env = dict(os.environ, CRM_COURSE_HOME=str(tmp_path / "home"),
               CRM_COURSE_BANK=str(course / "exercises"))
    env.pop("CRM_COURSE_MODE", None)
    env.pop("CRM_COURSE_PRESENTER", None)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    log = open(tmp_path / "present.log", "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "course", "present", "01", "--source", str(course),
         "--port", str(port)],
        env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        try:  # ready when the port accepts a TCP connection (a GET would start a kernel)
            wait_for_port(port, proc, START_TIMEOUT, what="crm-course present")
        except RuntimeError as exc:
            raise RuntimeError(f"{exc}:\n{(tmp_path / 'present.log').read_text(errors='replace')}") \
                from None
        yield f"http://127.0.0.1:{port}/", proc, port, tmp_path / "present.log"
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)
        log.close()


def test_present_hides_code_and_reveals_solutions(presented, page):
    url, proc, port, log = presented
    page.goto(url)
    page.wait_for_selector(".course-reveal-all", timeout=STEP_TIMEOUT * 2)
    # each cell shows when it has run (progressive rendering): wait for the second exercise
    page.locator(".course-reveal >> visible=true").nth(1).wait_for(timeout=STEP_TIMEOUT * 2)
    body = page.inner_text("body")
    assert "Presenting a lesson" in body  # the lesson's text is there ...
    assert "course.lesson" not in page.content()  # ... its code is not
    assert page.locator(".jp-CodeCell .jp-InputArea, .jp-InputArea-editor, .CodeMirror, "
                        ".cm-editor").count() == 0
    # class mode for every exercise: one "Reveal solution" each, none revealed yet
    reveal = page.locator(".course-reveal >> visible=true")
    assert reveal.count() == 2
    assert "Grade 3 customers get a reply within 24 hours." not in body
    reveal.first.click()
    page.get_by_text("Grade 3 customers get a reply within 24 hours.").wait_for(
        timeout=STEP_TIMEOUT)
    assert "First identify the customer." not in page.inner_text("body")
    page.locator(".course-reveal-all").click()
    page.get_by_text("First identify the customer.").wait_for(timeout=STEP_TIMEOUT)
    assert page.locator(".course-reveal >> visible=true").count() == 0

    # Ctrl+C stops the command and the Voila server it started
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=20) == 0
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    assert "Traceback" not in log.read_text(errors="replace").split("KeyboardInterrupt")[0]
