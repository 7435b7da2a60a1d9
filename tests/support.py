"""What the tests and the benchmarks share: free ports, waiting for a condition, a fresh learner
home, bank files written from text, a Voila server, and what a missing browser/hub/root does.

Tests import it by name (pyproject's pytest ``pythonpath`` holds ``tests``); a benchmark puts
``tests`` on ``sys.path`` first (``sys.path.insert(0, str(ROOT / "tests"))``). It imports
nothing heavy and no pytest at module level, so a benchmark can use it without pytest.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# -- ports and waiting ----------------------------------------------------------------------------


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now (the system picks it)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(condition: Callable[[], object], timeout: float, *, what: str = "the condition",
               interval: float = 0.05):
    """Call ``condition()`` until it returns something true, and return that.

    Raises TimeoutError naming ``what`` after ``timeout`` seconds. The pause between two calls
    is a poll interval, not a guess at how long something takes: the test goes on as soon as
    the condition holds, and fails (never passes) when it never does.
    """
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise TimeoutError(f"{what} did not happen within {timeout:g} s")
        time.sleep(interval)


def port_open(port: int) -> bool:
    """True when something accepts a TCP connection on 127.0.0.1:``port``."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def wait_for_port(port: int, proc: subprocess.Popen | None = None, timeout: float = 60.0,
                  what: str = "the server") -> None:
    """Wait until ``port`` accepts a connection (a TCP connect: an HTTP GET to Voila would
    start a kernel); raises RuntimeError at once when ``proc`` exits first."""

    def ready() -> bool:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"{what} exited early with code {proc.returncode}")
        return port_open(port)

    try:
        wait_until(ready, timeout, what=f"{what} listening on port {port}", interval=0.2)
    except TimeoutError as exc:
        raise RuntimeError(str(exc)) from None


def stop_process(proc: subprocess.Popen, timeout: float = 15.0, sig: int | None = None) -> None:
    """Terminate ``proc``, or send it ``sig`` (e.g. SIGINT, a Ctrl+C); kill it when it does not
    stop within ``timeout``."""
    if proc.poll() is None:
        if sig is None:
            proc.terminate()
        else:
            proc.send_signal(sig)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


_STOPPING: list = []  # the threads of stop_in_background, joined by wait_for_stops


def stop_in_background(stop: Callable[[], None], what: str = "a server") -> None:
    """Run ``stop()`` (a server's stop: signal, wait, kill when it hangs) in a thread, so that a
    test's teardown does not wait idle the seconds a server takes to shut its kernels down
    before the next test starts. :func:`wait_for_stops` waits for every one, and says which
    failed; the stop itself, its kill included, is unchanged."""
    import threading

    errors: list = []

    def run() -> None:
        try:
            stop()
        except BaseException as exc:  # noqa: BLE001 - reported by wait_for_stops
            errors.append(exc)

    thread = threading.Thread(target=run, name=f"stopping {what}")
    thread.errors, thread.what = errors, what
    thread.start()
    _STOPPING.append(thread)


def wait_for_stops(timeout: float = 60.0) -> None:
    """Wait for every stop started by :func:`stop_in_background`; raises RuntimeError naming
    those that failed or did not end within ``timeout`` seconds each."""
    failed = []
    while _STOPPING:
        thread = _STOPPING.pop(0)
        thread.join(timeout)
        if thread.is_alive() or thread.errors:
            failed.append(f"{thread.what}: {thread.errors or 'still stopping'}")
    if failed:
        raise RuntimeError("servers that did not stop: " + "; ".join(failed))


# -- a fresh learner ------------------------------------------------------------------------------


def reset_learner_state() -> None:
    """Forget the session (language, mode, learner) and the open progress store."""
    from course import session
    from course.exercises import progress

    session._reset_for_tests()
    progress._reset_for_tests()


@contextlib.contextmanager
def fresh_learner_home(home: Path, environ=None) -> Iterator[Path]:
    """A private CRM_COURSE_HOME at ``home`` with a reset session and store, the learner's
    language and presenter settings removed; everything is put back afterwards.

    ``environ``: a pytest ``monkeypatch`` (its ``setenv``/``delenv`` undo themselves) or None
    for ``os.environ`` (restored here).
    """
    from course import paths

    names = {"home": paths.HOME, "lang": paths.LANG,
             "presenter": paths.PRESENTER}
    saved = {name: os.environ.get(name) for name in names.values()}
    if environ is not None:
        environ.setenv(names["home"], str(home))
        environ.delenv(names["lang"], raising=False)
        environ.delenv(names["presenter"], raising=False)
    else:
        os.environ[names["home"]] = str(home)
        os.environ.pop(names["lang"], None)
        os.environ.pop(names["presenter"], None)
    reset_learner_state()
    try:
        yield home
    finally:
        reset_learner_state()
        if environ is None:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


# -- bank files -----------------------------------------------------------------------------------


def bank_text(exercises: str, lesson: str = "01-test", title: str = "{en: Test, zh: 测试}") -> str:
    """A bank file's text: ``lesson``, ``title`` and the YAML list ``exercises`` (dedented)."""
    return f"lesson: {lesson}\ntitle: {title}\nexercises:\n" + textwrap.dedent(exercises)


def write_bank(folder: Path, text: str, name: str = "01-test.yaml") -> Path:
    """Write a bank file into ``folder`` (made if missing); returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def csv_rows(path) -> list[dict]:
    """The rows of a CSV file the course wrote (UTF-8 with a BOM, for Excel) as dicts."""
    import csv

    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


# -- teacher-scored replies -----------------------------------------------------------------------


def review(exercise: str, text: str):
    """The course bank's review of ``text`` as a reply to the task ``exercise``."""
    return course_bank()[exercise].review(text)


def caps(exercise: str, text: str) -> set[str]:
    """The names of the caps that the review of ``text`` for ``exercise`` met."""
    return {c["name"] for c in review(exercise, text).caps}


def advice(exercise: str, text: str) -> str:
    """The English advice of that review, as one line."""
    return " ".join(a["en"] for a in review(exercise, text).advice)


def letter(name: str, body: str, sign: str = "Mia") -> str:
    """A reply letter to ``name``: greeting, ``body``, closing and ``sign``."""
    return f"Dear {name},\n\n{body}\n\nBest regards,\n{sign}"


def named_cases(name: str, rows) -> list:
    """A former test's cases as rows of a parametrize table whose ids keep the test's name.

    ``rows`` is a list of ``(former id, row of values)``, one a case, whose ids become
    ``name-<former id>`` (pytest numbers ids that come out the same); a test that had no
    parameters gives its one row of values as a tuple, whose id is ``name``.
    """
    import pytest

    if isinstance(rows, tuple):
        return [pytest.param(*rows, id=name)]
    return [pytest.param(*row, id=f"{name}-{fill}") for fill, row in rows]


def course_bank_checked():
    """``check_paths([bank_dir()])`` of the course's bank (lessons, problems, files), once per
    test process: the bank's own tests (test_course_bank, test_lint) and :func:`course_bank`
    read the same check instead of one each (0.7 CPU s each; issue 24)."""
    global _CHECKED
    if _CHECKED is None:
        from course.exercises.loader import check_paths
        from course.paths import bank_dir

        _CHECKED = check_paths([bank_dir()])
    return _CHECKED


def course_bank():
    """The course's bank, loaded once per test process (a module that needs it at import
    takes it from here: both xdist workers import every test module at collection). It is
    ``course.load_bank()``'s own two steps on :func:`course_bank_checked`: the check, then
    a BankError listing the problems, or the Bank of its lessons."""
    global _BANK
    if _BANK is None:
        from course.errors import BankError
        from course.exercises.bank import Bank

        lessons, problems, _ = course_bank_checked()
        if problems:
            raise BankError(problems)
        _BANK = Bank(lessons)
    return _BANK


_BANK = None
_CHECKED = None


def scored_replies(test_file: str, name: str) -> list[dict]:
    """A set of teacher-scored replies ({id, exercise, score, text, ...}): the YAML file
    ``name`` beside ``test_file`` (a test's ``__file__``)."""
    import yaml

    data = yaml.safe_load(Path(test_file).with_name(name).read_text("utf-8"))
    return data["replies"] if isinstance(data, dict) else data  # set 3 keeps its list under
    # `replies:` (its writer did not read set 2's layout, to stay blind)


def reviewer_figures(scored: list[dict]) -> dict:
    """The reviewer's agreement figures (course.writing.agreement.figures) on ``scored``, each
    reply reviewed with its task of the course bank."""
    import course
    from course.writing.agreement import figures, review_set

    rows = review_set(scored, course.load_bank())
    return figures((r["teacher"], r["auto"]) for r in rows)


def check_scored_set(scored: list[dict], count: int) -> None:
    """A scored set is the one its test describes: ``count`` replies with unique ids and the
    fields the figures need."""
    assert len(scored) == count and len({r["id"] for r in scored}) == count
    assert all({"id", "exercise", "score", "text"} <= set(r) for r in scored)


def assert_figures_at_least(measured: dict, spearman: float, unacceptable: tuple,
                            excellent: tuple, rest: tuple) -> None:
    """``measured`` (:func:`reviewer_figures`) keeps at least the figures a test records: the
    Spearman correlation, and for unacceptable, excellent and the rest each (at least kept,
    out of): kept low, kept high, within 15 points of the teacher. The band sizes must be the
    recorded ones (a changed set is a different measurement)."""
    assert measured["spearman"] >= spearman, measured
    for band, kept, (least, total) in (("unacceptable", "unacceptable_kept_low", unacceptable),
                                       ("excellent", "excellent_kept_high", excellent),
                                       ("rest", "rest_within", rest)):
        assert measured[band] == total and measured[kept] >= least, (band, measured)


# -- a Voila server -------------------------------------------------------------------------------


def _options(base, extra) -> list[str]:
    """``base`` with the options of ``extra`` in place of those of the same name (traitlets
    refuses an option given twice)."""
    merged = {option.split("=", 1)[0]: option for option in base}
    merged.update({option.split("=", 1)[0]: option for option in extra})
    return list(merged.values())


class VoilaServer:
    """A Voila server for one folder of notebooks with a private learner home; ``url(name)`` is
    a notebook's page, ``stop()`` ends it.

    Args:
        folder: the notebooks to serve (Voila writes beside them: give it a copy).
        home: the learner home of its kernels.
        options: Voila's options (default: those ``crm-course present`` uses, so a test sees
            the page a class sees); ``extra`` replaces options of the same name.
        env: more environment for the server; ``pythonpath``: the course's tree (default the
            one these tests belong to); ``log``: where its output goes (default a temp file).
    """

    def __init__(self, folder: Path, home: Path, *, options: list[str] | None = None,
                 extra: tuple[str, ...] = (), env: dict | None = None,
                 pythonpath: str | None = None, log: Path | None = None,
                 start_timeout: float = 60.0):
        from course import paths

        if options is None:
            from course.instructor.present import VOILA_OPTIONS

            options = list(VOILA_OPTIONS)
        self.folder = folder
        self.home = home
        self.port = free_port()
        self.log_path = log or Path(tempfile.mkstemp(prefix="voila-", suffix=".log")[1])
        self.log = open(self.log_path, "wb")  # noqa: SIM115 - closed by stop()
        run_env = dict(os.environ, **(env or {}))
        run_env[paths.HOME] = str(home)
        tree = pythonpath or str(ROOT)
        run_env["PYTHONPATH"] = tree + os.pathsep + run_env.get("PYTHONPATH", "")
        voila = Path(sys.executable).with_name("voila")
        command = [str(voila)] if voila.exists() else [sys.executable, "-m", "voila"]
        self.proc = subprocess.Popen(
            command + ["--no-browser", f"--port={self.port}", "--Voila.ip=127.0.0.1",
                       *_options(options, extra)],
            cwd=folder, env=run_env, stdout=self.log, stderr=subprocess.STDOUT,
        )
        try:
            wait_for_port(self.port, self.proc, start_timeout, what="Voila")
        except RuntimeError:
            self.stop()
            raise

    def url(self, notebook: str) -> str:
        return f"http://127.0.0.1:{self.port}/voila/render/{notebook}"

    def kernels(self) -> int:
        """How many kernels this server runs now (its child processes)."""
        import psutil

        try:
            return len(psutil.Process(self.proc.pid).children(recursive=True))
        except psutil.Error:
            return 0

    def log_text(self) -> str:
        self.log.flush()
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        stop_process(self.proc)
        self.log.close()


def serve_copy(sources, folder: Path) -> Path:
    """Copy notebooks and folders ``sources`` into ``folder`` (to serve them); returns it."""
    folder.mkdir(parents=True, exist_ok=True)
    for source in map(Path, sources):
        if source.is_dir():
            shutil.copytree(source, folder, dirs_exist_ok=True)
        else:
            shutil.copy2(source, folder / source.name)
    return folder


# -- what must run --------------------------------------------------------------------------------

#: the pytest options (registered in the root conftest.py) that make a missing piece a failure
REQUIRE_OPTIONS = {
    "browser": ("--require-browser", "Debian's chromium (apt-get install -y chromium) and the "
                                     "playwright Python package"),
    "hub": ("--require-hub", "root, jupyterhub and configurable-http-proxy (npm install -g "
                             "configurable-http-proxy)"),
    "root": ("--require-root", "running the tests as root (real Unix users and permissions)"),
}


# -- the live dashboard in a browser ---------------------------------------------------------------


def reveal_everywhere(page, widget, solution: str, timeout: float, screenshot: str) -> None:
    """Click the live dashboard's Reveal (a playwright ``page``); the page and then the
    learner's ``widget`` must show the solution, which holds ``solution``, within ``timeout``
    seconds. Saves the page as ``screenshot`` in $CRM_LIVE_SCREENSHOTS when that is set (the
    docs' pictures; not CRM_COURSE_*: the root conftest.py drops those)."""
    page.click("#reveal")
    page.wait_for_selector("#solution", timeout=timeout * 1000)
    if solution not in page.inner_text("#solution"):
        raise AssertionError(f"the dashboard's solution lacks {solution!r}")
    wait_until(lambda: widget.solution_shown, timeout, what="the reveal reaching the widget")
    if solution not in widget._solution.value:
        raise AssertionError(f"the widget's solution lacks {solution!r}")
    shots = os.environ.get("CRM_LIVE_SCREENSHOTS")
    if shots:
        page.screenshot(path=os.path.join(shots, screenshot), full_page=True)


def missing(config, what: str, reason: str) -> None:
    """A test cannot run because ``what`` ("browser", "hub", "root") is missing: fail when the
    run was started with its ``--require-...`` option, else skip loudly with what to install."""
    import pytest

    option, needs = REQUIRE_OPTIONS[what]
    message = (f"{what.upper()} TESTS NOT RUN: {reason}. They need {needs}; `{option}` (which "
               ".ci/run passes) makes this a failure.")
    if config.getoption(option.lstrip("-").replace("-", "_")):
        pytest.fail(message, pytrace=False)
    sys.stderr.write(f"\n{'!' * 78}\n{message}\n{'!' * 78}\n")
    pytest.skip(message)
