"""The SQLite file under the progress store: its schema and migration, one connection per
process, recovery of a damaged file, read-only reading, and the learner's notices about it.

The learner API on top of it (recording a Check, summaries, the submission file) is
``course.exercises.progress``, which re-exports the names other modules and tests use.
"""
from __future__ import annotations

import os
import sqlite3
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

from course import paths
from course.exercises import store_faults
from course.exercises.store_faults import Damaged as _Damaged
from course.exercises.store_faults import looks_like_sqlite as _looks_like_sqlite
from course.messages import ui

FILE_NAME = "progress.sqlite3"
BUSY_TIMEOUT_MS = 30_000

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
    course_version TEXT,
    student_number TEXT
);
CREATE INDEX IF NOT EXISTS attempts_exercise ON attempts (exercise_id, id);
"""
# A store written before attempts carried a student number (学号) gains the column, empty in
# its old rows: nothing is rewritten or dropped (docs/api.md, "Progress store").
_MIGRATE = "ALTER TABLE attempts ADD COLUMN student_number TEXT"

ATTEMPT_COLUMNS = [
    "id", "learner", "exercise_id", "lesson", "time", "response", "score", "mode", "course_version",
    "student_number",
]


# One connection per process and store path; a forked child opens its own.
_lock = threading.RLock()
_conn: dict = {"key": None, "conn": None}
# Problems already told to the learner (each kind once until saving works again) and those
# not yet shown. A store that failed is tried again at the next Check: nothing stays off.
_told: set = set()
_notices: list = []


def store_path() -> Path:
    """Where the progress database lives: ``home()/progress.sqlite3``."""
    return paths.home() / FILE_NAME


def tell(kind: str, message) -> None:
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


def _move_aside(path: Path, why: str) -> Path:
    """Rename a damaged store (and its journal files) to ``progress.sqlite3.corrupt-<time>``."""
    close()
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
    tell(f"corrupt:{path}", ui("store_corrupt", backup=backup.name))
    return backup


def backup(label: str) -> Path:
    """A copy of the store beside it, ``progress.sqlite3.<label>-<time>``, taken through
    SQLite's backup API (consistent while other kernels write); raises OSError or
    sqlite3.Error when it cannot be made (then nothing that needed it may be changed)."""
    path = store_path()
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.name}.{label}-{stamp}")
    copy = sqlite3.connect(str(target))
    try:
        run(lambda conn: conn.backup(copy), write=False)
        copy.execute("PRAGMA journal_mode = DELETE")  # one file, no -wal/-shm beside it
    finally:
        copy.close()
    os.chmod(target, 0o600)
    return target


def close() -> None:
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
            raise _Damaged(f"quick_check: {check}")
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in filter(str.strip, _SCHEMA.split(";")):
                conn.execute(statement)
            if not _has_number_column(conn):
                conn.execute(_MIGRATE)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    except BaseException:
        conn.close()
        raise
    return conn


def _has_number_column(conn: sqlite3.Connection) -> bool:
    return any(col[1] == "student_number"
               for col in conn.execute("PRAGMA table_info(attempts)").fetchall())


def _connection() -> sqlite3.Connection:
    """This process's connection to the store, opened (and repaired) on first use."""
    path = store_path()
    key = (os.getpid(), str(path))
    if _conn["key"] == key and _conn["conn"] is not None:
        return _conn["conn"]
    close()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # private: 0700
    if path.exists() and not _looks_like_sqlite(path):
        time.sleep(0.2)  # another kernel may be writing a new store's first page right now
        if not _looks_like_sqlite(path):
            _move_aside(path, "not-sqlite")
    try:
        conn = _open(path)
    except sqlite3.DatabaseError as exc:
        if not _is_corruption(exc):
            raise
        _move_aside(path, "damaged")
        conn = _open(path)
    _conn.update(key=key, conn=conn)
    return conn


def cause(exc: BaseException, path: Path | None = None) -> str:
    """Why the store failed: busy, full, readonly, not_folder, corrupt or other (see
    ``course.exercises.store_faults.cause``); ``path`` defaults to this learner's store."""
    return store_faults.cause(exc, path or store_path())


def _is_corruption(exc: BaseException) -> bool:
    return cause(exc) == "corrupt"


def run(work, *, write: bool):
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


def problem_message(path: Path, exc: BaseException, kind: str):
    """The learner's message for a store that cannot be written, naming the real cause."""
    if kind == "full":
        return ui("store_full", folder=str(path.parent))
    if kind == "readonly":
        return ui("store_readonly", folder=str(path.parent))
    if kind == "not_folder":
        return ui("store_not_folder", path=str(path))
    return ui("store_error", why=safe_text(f"{type(exc).__name__}: {exc}"))


def safe_text(value) -> str:
    """Text that SQLite and UTF-8 files accept: a lone surrogate becomes U+FFFD."""
    text = str(value)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    return text


def saved_again(path: Path) -> None:
    """After a save that worked, a later failure is told to the learner again."""
    if _told:
        for kind in [k for k in _told if k.endswith(f":{path}") and not k.startswith("corrupt")]:
            _told.discard(kind)


class StoreUnreadable(Exception):
    """The store exists but none of the ways to open it could read it."""

    def __init__(self, path: Path, exc: BaseException):
        super().__init__(f"{path}: {type(exc).__name__}: {exc}")
        self.path = path
        self.error = exc


def _read_only(path: Path, sql: str, params) -> list:
    """The rows of a query through a read-only connection: ``mode=ro``, then ``immutable=1``.

    ``mode=ro`` reads a store in a folder this process cannot write (it still needs the WAL
    index, so it fails when that cannot be made there); ``immutable=1`` then reads the file as
    it is, trusting that no one writes it meanwhile.
    """
    error: BaseException | None = None
    for flag in ("mode=ro", "immutable=1"):
        try:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?{flag}", uri=True,
                                   timeout=BUSY_TIMEOUT_MS / 1000)
        except sqlite3.Error as exc:
            error = exc
            continue
        try:
            has_table = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                                     "name = 'attempts'").fetchone()
            if has_table and not _has_number_column(conn):
                # an old store that cannot be migrated here: read it as if it had the column
                # (a TEMP view lives outside the read-only file and shadows the table)
                conn.execute("CREATE TEMP VIEW attempts AS SELECT *, NULL AS student_number "
                             "FROM main.attempts")
            return conn.execute(sql, params).fetchall() if has_table else []
        except sqlite3.Error as exc:
            error = exc
        finally:
            conn.close()
    raise StoreUnreadable(path, error)


def read(sql: str, params=(), *, strict: bool = False) -> list:
    """Rows of a query, or [] when there is no store yet.

    A store this process cannot write is read through a read-only connection. When even that
    fails, the learner is told once and [] is returned, or, with ``strict``, StoreUnreadable
    is raised (an export must not write an empty file instead of the attempts).
    """
    path = store_path()
    if not path.exists():
        return []
    try:
        return run(lambda conn: conn.execute(sql, params).fetchall(), write=False)
    except (OSError, sqlite3.Error) as exc:
        close()
        first = exc
    if path.is_file():
        try:
            return _read_only(path, sql, params)
        except StoreUnreadable as exc:
            if strict:
                raise
            first = exc.error
    elif strict:
        raise StoreUnreadable(path, first)
    kind = cause(first, path)
    tell(f"unreadable:{path}", problem_message(path, first, kind))
    return []


def _reset_for_tests() -> None:
    """Forget connections and messages (tests switch CRM_COURSE_HOME between stores)."""
    with _lock:
        close()
        _told.clear()
        _notices.clear()
