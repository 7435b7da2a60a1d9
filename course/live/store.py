"""The live session in SQLite: every acknowledged attempt is committed before the reply.

One file holds one class session: the join code, the instructor's token and the cookie secret
(so a restarted service keeps its URL and its learners), the learners who joined, every
attempt as the service graded it, and the exercises revealed. WAL journal with
``synchronous=FULL``: a committed attempt survives the process being killed.
"""
from __future__ import annotations

import json
import os
import secrets
import sqlite3
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS learners (
    token_hash TEXT PRIMARY KEY,
    learner TEXT NOT NULL UNIQUE,
    joined TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY,
    client_id TEXT UNIQUE,
    learner TEXT NOT NULL,
    exercise_id TEXT NOT NULL,
    lesson TEXT,
    time TEXT NOT NULL,
    response TEXT NOT NULL,
    score REAL NOT NULL,
    correct INTEGER NOT NULL,
    items TEXT NOT NULL,
    mode TEXT,
    round INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS attempts_by_exercise ON attempts (exercise_id, learner, id);
CREATE TABLE IF NOT EXISTS reveals (
    seq INTEGER PRIMARY KEY,
    exercise_id TEXT NOT NULL UNIQUE,
    time TEXT NOT NULL
);
"""


BUSY_TIMEOUT = 2.0  # seconds a write waits for another program's lock on the file


class SessionFileError(Exception):
    """The session file cannot be used: not a session (corrupt, or another kind of file)."""

    def __init__(self, path, detail: str):
        super().__init__(
            f"{path} cannot be opened as a live-class session ({detail}). Give another file "
            f"with --session, or move this one aside to start a new session. {path} 无法作为"
            f"课堂实时会话文件打开：请用 --session 指定其他文件，或移走此文件后重新开始。")
        self.path = path


def now() -> str:
    """The time as ISO 8601 in UTC with milliseconds, e.g. ``2026-12-01T21:00:00.123Z``."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def token_hash(token: str) -> str:
    """What is stored of a learner token: its SHA-256 (a stolen file gives no tokens)."""
    import hashlib

    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class SessionStore:
    """The session file. Thread-safe (one connection behind a lock; the service is one thread).

    Args:
        path: the SQLite file; created with its folder when missing.
    """

    def __init__(self, path):
        self.path = Path(path)
        self._lock = threading.RLock()
        self._batch_depth = 0  # > 0: inside batch(), attempts wait for its one commit
        self.learners_changed = 0  # goes up with each learner who joins (what stats cache on)
        # The file holds assessment answers, names and the cookie secret: its folder is made
        # 0700 and the file, its WAL and shared memory 0600, whatever the umask (issue 21).
        old_umask = os.umask(0o077)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            self._conn = sqlite3.connect(str(self.path), check_same_thread=False,
                                         timeout=BUSY_TIMEOUT)
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=FULL")
            self._conn.executescript(_SCHEMA)
            self._migrate()
            self._conn.commit()
        except sqlite3.DatabaseError as exc:
            raise SessionFileError(self.path, str(exc)) from None
        finally:
            os.umask(old_umask)
        self._private()
        self._inode = self._identity()

    def _migrate(self) -> None:
        """Bring a session file of an older version up to this schema (issue 25: the
        peer-instruction round of each attempt; old attempts were all round 1)."""
        columns = {row[1] for row in self._conn.execute("PRAGMA table_info(attempts)")}
        if "round" not in columns:
            self._conn.execute("ALTER TABLE attempts ADD COLUMN round INTEGER NOT NULL DEFAULT 1")

    def _private(self) -> None:
        for path in (self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-shm")):
            try:
                os.chmod(path, 0o600)
            except OSError:
                pass  # not there (yet), or not ours: the umask above made it private

    def _identity(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return st.st_dev, st.st_ino

    def still_there(self) -> bool:
        """Whether the session file is still the one this store opened: deleted or replaced
        while the service runs, attempts it acknowledges would be lost at the next start."""
        return self._inode is not None and self._identity() == self._inode

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- settings ------------------------------------------------------------------------
    def setting(self, key: str, default: str | None = None) -> str | None:
        with self._lock:
            row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self._lock, self._conn:
            self._conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                               (key, str(value)))

    def secret(self, key: str, make=lambda: secrets.token_urlsafe(24)) -> str:
        """A setting made once (join code, instructor token, cookie secret) and kept."""
        value = self.setting(key)
        if value is None:
            value = make()
            with self._lock, self._conn:
                self._conn.execute("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)",
                                   (key, value))
            value = self.setting(key)
        return value

    # -- learners (LAN mode) -------------------------------------------------------------
    def add_learner(self, learner: str, token: str) -> bool:
        """Register a learner's token; False when the name is already taken."""
        try:
            with self._lock, self._conn:
                self._conn.execute(
                    "INSERT INTO learners (token_hash, learner, joined) VALUES (?, ?, ?)",
                    (token_hash(token), learner, now()))
            self.learners_changed += 1
            return True
        except sqlite3.IntegrityError:
            return False

    def learner_of(self, token: str) -> str | None:
        with self._lock:
            row = self._conn.execute("SELECT learner FROM learners WHERE token_hash = ?",
                                     (token_hash(token),)).fetchone()
        return row[0] if row else None

    def learners(self) -> list[str]:
        with self._lock:
            rows = self._conn.execute("SELECT learner FROM learners ORDER BY joined").fetchall()
        return [r[0] for r in rows]

    def attendance(self) -> list[dict]:
        """Who took part, first come first: each learner who joined (LAN) or answered (a hub's
        learners never join), the time they first joined (else their first answer), and how
        many exercises they answered and attempts they sent."""
        sql = ("SELECT who.learner, who.t, COALESCE(a.n_ex, 0), COALESCE(a.n, 0) FROM"
               " (SELECT learner, MIN(t) AS t FROM (SELECT learner, joined AS t FROM learners"
               "  UNION ALL SELECT learner, time FROM attempts) GROUP BY learner) who"
               " LEFT JOIN (SELECT learner, COUNT(DISTINCT exercise_id) AS n_ex, COUNT(*) AS n"
               "  FROM attempts GROUP BY learner) a ON a.learner = who.learner"
               " ORDER BY who.t, who.learner")
        with self._lock:
            rows = self._conn.execute(sql).fetchall()
        return [{"learner": learner, "first_joined": first, "answered": exercises,
                 "attempts": attempts} for learner, first, exercises, attempts in rows]

    # -- attempts ------------------------------------------------------------------------
    @property
    def batching(self) -> bool:
        return self._batch_depth > 0

    @contextmanager
    def batch(self):
        """Several attempts, one commit (one fsync of the journal): the service writes the
        attempts that arrived while the previous commit ran in one transaction (issue 25: 500
        phones answering at once queued behind one fsync each). Nothing written inside is
        acknowledged before the commit at the end; an exception rolls it all back."""
        with self._lock:
            self._batch_depth += 1
            try:
                yield self
            except BaseException:
                if self._batch_depth == 1:
                    self._conn.rollback()
                raise
            else:
                if self._batch_depth == 1:
                    self._conn.commit()
            finally:
                self._batch_depth -= 1

    def add_attempt(self, *, client_id: str | None, learner: str, exercise_id: str,
                    lesson: str, response, score: float, correct: bool, items: list,
                    mode: str, time: str | None = None, round: int = 1) -> tuple[int, bool]:
        """Commit one graded attempt. Returns (row id, new); a ``client_id`` seen before is the
        same attempt sent again (a retry) and is not stored twice."""
        row = (client_id, learner, exercise_id, lesson, time or now(),
               json.dumps(response, ensure_ascii=False), float(score), int(bool(correct)),
               json.dumps(items, ensure_ascii=False), mode, int(round))
        with self._lock:
            if self._batch_depth:
                return self._insert_attempt(row, client_id)  # committed by batch()
            with self._conn:
                return self._insert_attempt(row, client_id)

    def _insert_attempt(self, row: tuple, client_id: str | None) -> tuple[int, bool]:
        cur = self._conn.execute(
            "INSERT OR IGNORE INTO attempts (client_id, learner, exercise_id, lesson, time,"
            " response, score, correct, items, mode, round)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
        if cur.rowcount:
            return cur.lastrowid, True
        found = self._conn.execute("SELECT id FROM attempts WHERE client_id = ?",
                                   (client_id,)).fetchone()
        return found[0], False

    def count(self) -> int:
        with self._lock:
            return self._conn.execute("SELECT COUNT(*) FROM attempts").fetchone()[0]

    def attempts(self, exercise_id: str | None = None, former_ids=()) -> list[dict]:
        """Every attempt (of one exercise, saved under its id or one of ``former_ids``, the
        ids a renamed exercise had), oldest first, as dicts with parsed JSON; the rows keep
        the id they were saved under (``LiveService`` reads them as the current one)."""
        sql = ("SELECT id, learner, exercise_id, lesson, time, response, score, correct, items,"
               " mode, round FROM attempts")
        params: tuple = ()
        if exercise_id is not None:
            params = (exercise_id, *former_ids)
            sql += f" WHERE exercise_id IN ({', '.join('?' for _ in params)})"
        with self._lock:
            rows = self._conn.execute(sql + " ORDER BY id", params).fetchall()
        keys = ("id", "learner", "exercise_id", "lesson", "time", "response", "score",
                "correct", "items", "mode", "round")
        out = []
        for row in rows:
            d = dict(zip(keys, row, strict=True))
            d["response"] = json.loads(d["response"])
            d["items"] = json.loads(d["items"])
            d["correct"] = bool(d["correct"])
            out.append(d)
        return out

    # -- reveals -------------------------------------------------------------------------
    def reveal(self, exercise_id: str) -> int:
        """Mark an exercise revealed; returns the reveal's sequence number."""
        with self._lock, self._conn:
            self._conn.execute("INSERT OR IGNORE INTO reveals (exercise_id, time) VALUES (?, ?)",
                               (exercise_id, now()))
            return self._conn.execute("SELECT seq FROM reveals WHERE exercise_id = ?",
                                      (exercise_id,)).fetchone()[0]

    def reveals(self, after: int = 0) -> list[tuple[int, str]]:
        with self._lock:
            return self._conn.execute(
                "SELECT seq, exercise_id FROM reveals WHERE seq > ? ORDER BY seq",
                (after,)).fetchall()
