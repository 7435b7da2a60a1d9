"""axe-core on a lesson as `crm-course present` shows it in Voila: no WCAG A/AA violation (nor
any of axe's best practices), so a new one fails the test.

The lesson is the course's own lesson 01 (its pictures, a role-play box, Reveal buttons, the
header): ``CRM_A11Y_LESSONS`` (e.g. ``all`` or ``02,04``) checks more lessons, one Voila page
each (a page runs the whole lesson in its own kernel: about half a minute on 2 busy cores).
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from browser.axe import violations  # tests/browser/axe.py (tests is on the path)
from support import free_port, wait_for_port, wait_until

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT = 90.0  # s; Voila start-up on a busy machine
LESSON_TIMEOUT_MS = 240_000  # a whole lesson run by its kernel on a busy machine


def _lessons() -> list[str]:
    chosen = os.environ.get("CRM_A11Y_LESSONS", "01")
    if chosen == "all":
        return sorted(p.stem.split("-")[0] for p in (REPO / "notebooks").glob("[0-9][0-9]-*.ipynb")
                      if p.stem != "00-index")
    return [n.strip() for n in chosen.split(",") if n.strip()]


@pytest.fixture
def presenting(tmp_path, browser):
    """Start `crm-course present NN` of this course; every process started is stopped after."""
    started = []

    def start(lesson: str) -> str:
        port = free_port()
        env = dict(os.environ, CRM_COURSE_HOME=str(tmp_path / "home"))
        for name in ("CRM_COURSE_MODE", "CRM_COURSE_PRESENTER", "CRM_COURSE_BANK"):
            env.pop(name, None)
        env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
        log = open(tmp_path / f"present-{lesson}.log", "wb")
        proc = subprocess.Popen([sys.executable, "-m", "course", "present", lesson, "--source",
                                 str(REPO), "--port", str(port)],
                                env=env, stdout=log, stderr=subprocess.STDOUT)
        started.append((proc, log))
        wait_for_port(port, proc, START_TIMEOUT, what="crm-course present")
        name = next((REPO / "notebooks").glob(f"{lesson}-*.ipynb")).name
        return f"http://127.0.0.1:{port}/voila/render/{name}"

    yield start
    for proc, log in started:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        log.close()


#: seconds the lesson's page must stay unchanged to count as fully run
SETTLE_S = 6.0


def _settled(page):
    """A condition: true once the page's outputs have not changed for SETTLE_S seconds."""
    import time

    seen = {"count": -1, "since": time.monotonic()}

    def check() -> bool:
        count = page.evaluate("document.querySelectorAll('.jp-OutputArea-child, "
                              ".course-exercise').length")
        if count != seen["count"]:
            seen.update(count=count, since=time.monotonic())
        return time.monotonic() - seen["since"] >= SETTLE_S

    return check


@pytest.mark.parametrize("lesson", _lessons())
def test_a_presented_lesson_has_no_axe_violation(presenting, page, request, lesson):
    page.set_default_timeout(LESSON_TIMEOUT_MS)
    page.goto(presenting(lesson))
    # every cell has run: the number of exercises drawn has stopped growing (progressive
    # rendering draws each cell's output as the kernel runs it)
    page.locator(".course-exercise").first.wait_for()
    wait_until(_settled(page), LESSON_TIMEOUT_MS / 1000, what="the lesson's last cell",
               interval=1.0)
    found = violations(page, request.config)
    assert found == [], "\n".join(map(str, found))
    # the pictures have words (their alt text is what a screen reader reads)
    pictures = page.locator("main img")
    for i in range(pictures.count()):
        assert len(pictures.nth(i).get_attribute("alt") or "") > 20
