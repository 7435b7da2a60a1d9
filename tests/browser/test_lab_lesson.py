"""A lesson in real JupyterLab: run all cells, answer a cloze and a quiz with the keyboard only."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import urllib.request
from contextlib import closing
from pathlib import Path

import pytest
from support import free_port, wait_until

import course

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
except ImportError:  # the shared browser fixture skips (or fails under CI) with a clear message
    PlaywrightTimeout = TimeoutError

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
LESSON = "02-idic.ipynb"
START_TIMEOUT = 90.0       # JupyterLab start-up on a busy 2-core machine
RUN_TIMEOUT = 120_000      # ms: running every cell of the lesson in the browser
STEP_TIMEOUT = 20_000      # ms: one check, one answer


class LabServer:
    """JupyterLab serving a temporary copy of the notebooks, with a private progress home."""

    def __init__(self, folder: Path, home: Path):
        self.folder, self.home, self.port = folder, home, free_port()
        self.log_path = folder.parent / "jupyterlab.log"
        env = dict(os.environ, CRM_COURSE_HOME=str(home))
        env.pop("CRM_COURSE_LANG", None)
        env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
        env["JUPYTER_CONFIG_DIR"] = str(folder.parent / "jupyter-config")
        env["JUPYTERLAB_SETTINGS_DIR"] = str(folder.parent / "lab-settings")
        env["JUPYTERLAB_WORKSPACES_DIR"] = str(folder.parent / "lab-workspaces")
        # No "get Jupyter news?" pop-up over the notebook (the machine is offline anyway).
        news = folder.parent / "lab-settings" / "@jupyterlab" / "apputils-extension"
        news.mkdir(parents=True)
        (news / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root",
             f"--port={self.port}", "--ServerApp.ip=127.0.0.1", "--ServerApp.token=",
             "--ServerApp.password=", "--ServerApp.disable_check_xsrf=True",
             f"--ServerApp.root_dir={folder}", "--LabApp.news_url=None",
             "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
            cwd=folder, env=env, stdout=self._log, stderr=subprocess.STDOUT,
        )
        try:
            self._wait_ready()
        except RuntimeError:
            self.stop()
            raise

    def api(self, path: str, method: str = "GET"):
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", method=method)
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def wait_for_idle_kernel(self, timeout: float = START_TIMEOUT, path: str | None = None) -> None:
        """Wait until the notebook's kernel has started and is idle (keys sent earlier are lost);
        ``path``: the kernel of that notebook's session (on a server other tests used too)."""

        def idle() -> bool:
            try:
                if path is None:
                    kernels = self.api("/api/kernels") or []
                else:
                    kernels = [s["kernel"] for s in self.api("/api/sessions") or []
                               if s.get("path") == path and s.get("kernel")]
                return any(k["execution_state"] == "idle" for k in kernels)
            except OSError:  # the server may answer 500 while the kernel is starting
                return False

        try:
            wait_until(idle, timeout, what="an idle kernel", interval=0.3)
        except TimeoutError as exc:
            raise AssertionError(f"{exc}:\n{self.log_text()}") from None

    def _wait_ready(self) -> None:
        def answers() -> bool:
            if self.proc.poll() is not None:
                raise RuntimeError(f"JupyterLab exited early:\n{self.log_text()}")
            try:
                self.api("/api/status")
                return True
            except OSError:
                return False

        try:
            wait_until(answers, START_TIMEOUT, what="JupyterLab's API", interval=0.3)
        except TimeoutError as exc:
            raise RuntimeError(str(exc)) from None

    def log_text(self) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")[-4000:]

    def stop(self) -> None:
        """Shut every kernel down, then the server; kill it only if it does not stop."""
        if self.proc.poll() is None:
            try:
                for kernel in self.api("/api/kernels") or []:
                    self.api(f"/api/kernels/{kernel['id']}", method="DELETE")
                self.api("/api/shutdown", method="POST")
                self.proc.wait(timeout=20)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.terminate()
                try:
                    self.proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait(timeout=5)
        self._log.close()


class LabFolder:
    """One test's copy of notebooks/ on the shared JupyterLab server (``shared_lab`` in
    tests/browser/conftest.py), opened in a workspace of its own (a new page of the server
    would otherwise restore the notebooks an earlier test left open)."""

    def __init__(self, server: LabServer, name: str):
        self.server, self.name = server, name
        self.port, self.home = server.port, server.home

    def url(self, notebook: str) -> str:
        return f"http://127.0.0.1:{self.port}/lab/workspaces/{self.name}/tree/{self.name}/{notebook}"

    def wait_for_idle_kernel(self, notebook: str, timeout: float = START_TIMEOUT) -> None:
        self.server.wait_for_idle_kernel(timeout, path=f"{self.name}/{notebook}")

    def close(self) -> None:
        """Shut down the kernels of this folder's notebooks (the server runs on)."""
        for session in self.server.api("/api/sessions") or []:
            if session.get("path", "").startswith(f"{self.name}/"):
                self.server.api(f"/api/sessions/{session['id']}", method="DELETE")


@pytest.fixture
def lab(shared_lab):
    """A copy of notebooks/ (Lab writes checkpoints) of this test's own on JupyterLab: one
    server for the test process, not one a test (issue 24; test_lab_ordering_keys.py uses it
    too, and the root conftest.py keeps the two files on one xdist worker)."""
    server, folder = shared_lab()
    shutil.copytree(NOTEBOOKS, server.folder / folder,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    served = LabFolder(server, folder)
    yield served
    served.close()


def _press_until_focused(page, key: str, selector: str, limit: int = 6) -> None:
    """Press ``key`` until the focused element matches ``selector`` (keyboard navigation)."""
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)",
                         selector):
            return
    focused = page.evaluate("document.activeElement && document.activeElement.outerHTML")
    raise AssertionError(f"{key} x{limit} never reached {selector!r}; focus is on {focused!r}")


def _run_all_cells(page, tries: int = 5) -> None:
    """Run every cell, keyboard only: command mode, select all cells (Ctrl+A), Shift+Enter.

    Keys sent before the page has wired the kernel are lost, so check that a cell started
    ([*] or [1] in an input prompt) and try again if none did.
    """
    started = "() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]" \
              ".some(p => /\\[(\\*|\\d+)\\]/.test(p.textContent))"
    for _ in range(tries):
        page.locator(".jp-NotebookPanel .jp-MarkdownCell").first.click()
        page.keyboard.press("Escape")
        page.keyboard.press("Control+A")
        page.keyboard.press("Shift+Enter")
        try:
            page.wait_for_function(started, timeout=5_000)
            return
        except PlaywrightTimeout:
            continue
    raise AssertionError(f"no cell started running after {tries} tries of Ctrl+A, Shift+Enter")


def _attempts(home: Path) -> list[tuple[str, float]]:
    """(exercise id, score) of every attempt in the learner's progress store, oldest first."""
    with closing(sqlite3.connect(home / "progress.sqlite3")) as conn:
        return conn.execute("SELECT exercise_id, score FROM attempts ORDER BY id").fetchall()


def _cloze_by_keys(page) -> None:
    """The cloze idic-letters answered right, then one blank wrong, with keys."""
    # A cloze: type into the first blank, Tab to each next blank, Enter checks. Putting the
    # focus into the first blank (a learner's click) is the only step not done with keys.
    cloze = page.locator(".course-id-idic-letters")
    cloze.scroll_into_view_if_needed()
    cloze.locator(".course-blank-1 input").focus()
    for n, word in enumerate(["Identify", "Differentiate", "Interact", "Customize"], start=1):
        if n > 1:
            _press_until_focused(page, "Tab", f".course-id-idic-letters .course-blank-{n} input")
        page.keyboard.type(word)
    page.keyboard.press("Enter")
    score = cloze.locator(".course-score-text")
    page.wait_for_function(
        "el => /100/.test(el.textContent)", arg=score.element_handle(), timeout=STEP_TIMEOUT)
    assert "100" in score.inner_text()
    assert cloze.locator(".course-right").count() == 4
    assert cloze.locator(".course-wrong").count() == 0
    feedback = cloze.locator(".course-feedback").inner_text()
    assert "All four steps are right" in feedback

    # A wrong cloze answer is marked wrong, blank by blank.
    _press_until_focused(page, "Shift+Tab", ".course-id-idic-letters .course-blank-3 input")
    page.keyboard.press("Control+A")
    page.keyboard.type("Identify")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "el => !/100/.test(el.textContent)", arg=score.element_handle(), timeout=STEP_TIMEOUT)
    assert "75" in score.inner_text()
    assert cloze.locator(".course-wrong").count() == 1


def _quiz_by_keys(page) -> None:
    """The quiz idic-authors answered wrong, then right; Check pressed with keys."""
    # A quiz (the exercise just above the cloze): pick an option, Tab reaches Check, Enter
    # presses it. First a wrong pick, then the right one.
    quiz = page.locator(".course-id-idic-authors")
    check = ".course-id-idic-authors button.course-check"
    option = ".course-id-idic-authors .widget-radio-box label:nth-child({}) input"
    quiz_feedback = quiz.locator(".course-feedback")

    # The options are shown in this learner's own order (seeded by learner and exercise):
    # find each by its text on the screen, as a learner reads them.
    labels = quiz.locator(".widget-radio-box label").all_inner_texts()
    wrong_n = next(i for i, t in enumerate(labels, start=1) if "Jack Ma" in t)
    right_n = next(i for i, t in enumerate(labels, start=1) if "Peppers" in t)
    # (the option is picked with a click: with a shuffled order, where Shift+Tab enters the
    # group of radio buttons depends on the order; Check is still reached and pressed by keys)
    page.locator(option.format(wrong_n)).click()  # Jack Ma ...
    _press_until_focused(page, "Tab", check)
    page.keyboard.press("Enter")
    page.wait_for_function("el => el.textContent.includes('Alibaba')",
                           arg=quiz_feedback.element_handle(), timeout=STEP_TIMEOUT)
    assert "100" not in quiz.locator(".course-score-text").inner_text()

    page.locator(option.format(right_n)).click()  # Peppers ...
    assert quiz.locator("input[type='radio']").nth(right_n - 1).is_checked()
    _press_until_focused(page, "Tab", check)
    page.keyboard.press("Enter")
    page.wait_for_function("el => el.textContent.includes('Peppers and Rogers')",
                           arg=quiz_feedback.element_handle(), timeout=STEP_TIMEOUT)
    assert "100" in quiz.locator(".course-score-text").inner_text()


def test_lesson_runs_in_lab_and_answers_with_keyboard(page, lab):
    page.set_default_timeout(STEP_TIMEOUT)
    page.goto(lab.url(LESSON), timeout=RUN_TIMEOUT)
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=RUN_TIMEOUT)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']",
                           timeout=RUN_TIMEOUT)

    lab.wait_for_idle_kernel(LESSON)

    _run_all_cells(page)

    # The last cell (lesson.nav()) shows the link back to the index once everything has run.
    page.wait_for_selector(".jp-OutputArea-output.jp-RenderedMarkdown a[href*='00-index.ipynb']",
                           state="attached", timeout=RUN_TIMEOUT)
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    assert errors.count() == 0, errors.first.inner_text()
    assert page.locator(".course-exercise").count() == len(course.lesson(LESSON[:-6]))
    assert page.locator(".course-lesson-header").count() == 1

    _cloze_by_keys(page)
    _quiz_by_keys(page)

    # Every check went through the kernel into this learner's progress store.
    attempts = _attempts(lab.home)
    assert ("idic-letters", 1.0) in attempts
    assert ("idic-letters", 0.75) in attempts
    assert ("idic-authors", 0.0) in attempts
    assert ("idic-authors", 1.0) in attempts
    assert page.dialogs == []
