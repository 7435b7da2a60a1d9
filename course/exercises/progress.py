"""The learner's progress store: every Check as an attempt row in an embedded SQLite database."""
from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

from course import paths
from course import session as state
from course.messages import ui

FILE_NAME = "progress.sqlite3"
SUBMISSION_FORMAT = "crm-course-submission"
SUBMISSION_VERSION = 1
BUSY_TIMEOUT_MS = 30_000
_SQLITE_MAGIC = b"SQLite format 3\x00"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY,
    learner TEXT NOT NULL,
    exercise_id TEXT NOT NULL,
    lesson TEXT,
    time TEXT NOT NULL,
    response TEXT NOT NULL,
    score REAL,
    mode TEXT,
    course_version TEXT
);
CREATE INDEX IF NOT EXISTS attempts_exercise ON attempts (exercise_id, id);
"""

ATTEMPT_COLUMNS = [
    "id", "learner", "exercise_id", "lesson", "time", "response", "score", "mode", "course_version",
]
SUMMARY_COLUMNS = [
    "lesson", "exercise_id", "attempts", "best_score", "last_score", "last_response", "last_time",
]

# One connection per process and store path; a forked child opens its own.
_lock = threading.RLock()
_conn: dict = {"key": None, "conn": None}
# Problems already told to the learner (each kind once per process) and those not yet shown.
_told: set = set()
_notices: list = []
# A store that could not be opened for writing: path -> reason; recording is skipped there.
_unwritable: dict = {}


def store_path() -> Path:
    """Where the progress database lives: ``home()/progress.sqlite3``."""
    return paths.home() / FILE_NAME


def _course_version() -> str:
    from course.version import __version__

    return __version__


def _now() -> str:
    stamp = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
    return stamp.replace("+00:00", "Z")


def _tell(kind: str, message) -> None:
    """Queue a message for the learner, once per process and kind."""
    if kind in _told:
        return
    _told.add(kind)
    _notices.append(message)


def pop_notices() -> list:
    """Messages about the store (moved aside, not writable) not yet shown; each is shown once."""
    with _lock:
        out = list(_notices)
        _notices.clear()
    return out


def _looks_like_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except OSError:
        return True  # cannot read it: let sqlite report the real problem
    return head == b"" or head == _SQLITE_MAGIC


def _move_aside(path: Path, why: str) -> Path:
    """Rename a damaged store (and its journal files) to ``progress.sqlite3.corrupt-<time>``."""
    _close()
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    backup = path.with_name(f"{path.name}.corrupt-{stamp}")
    os.replace(path, backup)
    for suffix in ("-wal", "-shm", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            try:
                os.replace(side, backup.with_name(backup.name + suffix))
            except OSError:
                pass
    _tell(f"corrupt:{path}", ui("store_corrupt", backup=backup.name))
    return backup


def _close() -> None:
    with _lock:
        conn = _conn["conn"]
        _conn.update(key=None, conn=None)
        if conn is not None:
            try:
                conn.close()
            except sqlite3.Error:
                pass


def _open(path: Path) -> sqlite3.Connection:
    # Kernels run widget callbacks on more than one thread (ipykernel 7 under JupyterLab):
    # the connection is shared, and every use of it holds _lock.
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                           check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise sqlite3.DatabaseError(f"quick_check: {check}")
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in filter(str.strip, _SCHEMA.split(";")):
                conn.execute(statement)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    except BaseException:
        conn.close()
        raise
    return conn


def _connection() -> sqlite3.Connection:
    """This process's connection to the store, opened (and repaired) on first use."""
    path = store_path()
    key = (os.getpid(), str(path))
    if _conn["key"] == key and _conn["conn"] is not None:
        return _conn["conn"]
    _close()
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and not _looks_like_sqlite(path):
        time.sleep(0.2)  # another kernel may be writing a new store's first page right now
        if not _looks_like_sqlite(path):
            _move_aside(path, "not-sqlite")
    try:
        conn = _open(path)
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError) and not _is_corruption(exc):
            raise
        _move_aside(path, "damaged")
        conn = _open(path)
    _conn.update(key=key, conn=conn)
    return conn


def _is_corruption(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return any(
        phrase in text
        for phrase in ("not a database", "malformed", "quick_check", "corrupt", "file is encrypted")
    )


def _run(work, *, write: bool):
    """Run ``work(conn)`` once, retrying once on a fresh store if the file turns out damaged."""
    with _lock:
        for attempt in (1, 2):
            conn = _connection()
            try:
                if write:
                    conn.execute("BEGIN IMMEDIATE")
                    try:
                        out = work(conn)
                        conn.execute("COMMIT")
                    except BaseException:
                        if conn.in_transaction:
                            conn.execute("ROLLBACK")
                        raise
                    return out
                return work(conn)
            except sqlite3.DatabaseError as exc:
                if attempt == 2 or not _is_corruption(exc):
                    raise
                _move_aside(store_path(), "damaged")
        raise AssertionError("unreachable")  # pragma: no cover


def _unwritable_message(path: Path, exc: BaseException):
    return ui("store_unwritable", folder=str(path.parent), why=type(exc).__name__)


def record(exercise, response, result, mode: str) -> bool:
    """Save one Check as an attempt row; False when the store cannot be written (never raises).

    A Check with nothing answered (``result.attempted`` false) is not an attempt and is not saved.
    """
    if not getattr(result, "attempted", True):
        return False
    path = store_path()
    if str(path) in _unwritable:
        return False
    graded = getattr(result, "response", None)
    raw = graded if graded is not None else response
    try:
        payload = json.dumps(raw, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        payload = json.dumps(str(raw), ensure_ascii=False)
    row = (
        state.get_learner(),
        str(exercise.id),
        getattr(exercise, "lesson", None),
        _now(),
        payload,
        float(getattr(result, "score", 0.0) or 0.0),
        str(mode),
        _course_version(),
    )

    def insert(conn):
        conn.execute(
            "INSERT INTO attempts (learner, exercise_id, lesson, time, response, score, mode,"
            " course_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            row,
        )

    error: BaseException | None = None
    for wait in (0.05, 0.2, 0.5, 1.0, None):
        try:
            _run(insert, write=True)
            return True
        except (OSError, sqlite3.Error) as exc:
            error = exc
            # another kernel may hold the file while it sets the store up: wait and retry
            if wait is None or not _is_busy(exc):
                break
            _close()
            time.sleep(wait)
    _close()
    if _cannot_write(error):
        _unwritable[str(path)] = repr(error)
        _tell(f"unwritable:{path}", _unwritable_message(path, error))
    else:
        _tell(f"error:{path}", ui("store_error", why=f"{type(error).__name__}: {error}"))
    return False


def _is_busy(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _cannot_write(exc: BaseException) -> bool:
    """True for errors that will not go away by trying again (as opposed to a busy store)."""
    if isinstance(exc, OSError):
        return True
    text = str(exc).lower()
    return any(p in text for p in ("unable to open", "readonly", "read-only", "disk i/o", "full"))


def _read(sql: str, params=()) -> list:
    """Rows of a query, or [] when there is no store yet or it cannot be read."""
    if not store_path().exists():
        return []
    try:
        return _run(lambda conn: conn.execute(sql, params).fetchall(), write=False)
    except (OSError, sqlite3.Error) as exc:
        _close()
        _tell(f"unreadable:{store_path()}", _unwritable_message(store_path(), exc))
        return []


def _where(learner):
    if learner is None:
        return "", ()
    return " WHERE learner = ?", (str(learner),)


def _attempt_rows(learner=None) -> list:
    where, params = _where(learner)
    return _read(f"SELECT {', '.join(ATTEMPT_COLUMNS)} FROM attempts{where} ORDER BY id", params)


def _loads(text):
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return text


def attempts(learner=None):
    """Every attempt in the store (or one learner's) as a pandas DataFrame, oldest first."""
    import pandas as pd

    rows = [dict(zip(ATTEMPT_COLUMNS, row, strict=True)) for row in _attempt_rows(learner)]
    for row in rows:
        row["response"] = _loads(row["response"])
    return pd.DataFrame(rows, columns=ATTEMPT_COLUMNS)


def _summary_rows(learner=None) -> list:
    where, params = _where(learner)
    sql = f"""
        SELECT a.lesson, a.exercise_id, g.n, g.best, a.score, a.response, a.time, a.mode
        FROM (SELECT exercise_id, COUNT(*) AS n, MAX(score) AS best, MAX(id) AS last_id
              FROM attempts{where} GROUP BY exercise_id) AS g
        JOIN attempts AS a ON a.id = g.last_id
        ORDER BY a.lesson, g.last_id
    """
    return _read(sql, params)


def summary(learner=None):
    """One row per exercise: lesson, exercise_id, attempts, best_score, last_score,
    last_response, last_time."""
    import pandas as pd

    rows = [
        dict(zip(SUMMARY_COLUMNS, row[:7], strict=True), last_response=_loads(row[5]))
        for row in _summary_rows(learner)
    ]
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


def last_attempt(exercise_id: str) -> dict | None:
    """The latest attempt at one exercise (response, score, mode, time), to restore a widget."""
    rows = _read(
        "SELECT response, score, mode, time, learner FROM attempts WHERE exercise_id = ?"
        " ORDER BY id DESC LIMIT 1",
        (str(exercise_id),),
    )
    if not rows:
        return None
    response, score, mode, when, learner = rows[0]
    return {"response": _loads(response), "score": score, "mode": mode, "time": when,
            "learner": learner}


def lesson_progress(lesson) -> tuple[int, int, float | None]:
    """(exercises attempted, exercises in the lesson, mean best score of the attempted ones).

    Assessment-mode exercises count as done, but their scores stay out of the mean: the learner
    is not shown them.
    """
    exercises = list(getattr(lesson, "exercises", lesson))
    ids = [str(ex.id) for ex in exercises]
    if not ids:
        return 0, 0, None
    modes = {str(ex.id): getattr(ex, "effective_mode", getattr(ex, "mode", "")) for ex in exercises}
    marks = ", ".join("?" for _ in ids)
    rows = _read(
        f"SELECT exercise_id, MAX(score) FROM attempts WHERE exercise_id IN ({marks})"
        " GROUP BY exercise_id",
        ids,
    )
    done = len(rows)
    shown = [best for ex_id, best in rows if modes.get(ex_id) != "assessment" and best is not None]
    mean_best = sum(shown) / len(shown) if shown else None
    return done, len(ids), mean_best


def submission(learner=None) -> dict:
    """The submission document of docs/api.md for this store's attempts."""
    name = learner if learner else state.get_learner()
    items = []
    for row in _attempt_rows():
        data = dict(zip(ATTEMPT_COLUMNS, row, strict=True))
        items.append({
            "exercise_id": data["exercise_id"],
            "lesson": data["lesson"],
            "time": data["time"],
            "response": _loads(data["response"]),
            "score": data["score"],
            "mode": data["mode"],
            "course_version": data["course_version"],
        })
    return {
        "format": SUBMISSION_FORMAT,
        "format_version": SUBMISSION_VERSION,
        "learner": name,
        "course_version": _course_version(),
        "exported_at": _now()[:19] + "Z",
        "attempts": items,
    }


def export(path, learner=None) -> Path:
    """Write the learner's submission file (JSON) to ``path``; returns the path written.

    Every attempt in this store is included (a store belongs to one learner); ``learner`` is the
    name written into the file, by default the name from ``course.set_learner``.
    """
    from course.errors import InputError

    target = Path(path).expanduser()
    if target.is_dir():
        raise InputError(ui("export_is_folder", path=str(target)).both(" / "))
    doc = submission(learner)
    text = json.dumps(doc, ensure_ascii=False, indent=1)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text + "\n", encoding="utf-8")
        os.replace(tmp, target)
    except OSError as exc:
        try:
            tmp.unlink()
        except OSError:
            pass
        why = exc.strerror or type(exc).__name__
        raise InputError(ui("export_cannot_write", path=str(target), why=why).both(" / ")) \
            from None
    return target


def _reset_for_tests() -> None:
    """Forget connections and messages (tests switch CRM_COURSE_HOME between stores)."""
    with _lock:
        _close()
        _told.clear()
        _notices.clear()
        _unwritable.clear()
