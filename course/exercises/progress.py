"""The learner's progress store: every Check as an attempt row in an embedded SQLite database.

This module is the learner API (record a Check, read attempts and summaries, write the
submission file); the SQLite file itself (schema, migration, connection, damaged-file
recovery) is ``course.exercises.progress_db``, whose public and test-facing names are
re-exported here.
"""
from __future__ import annotations

import json
import os
import sqlite3
import time
from datetime import datetime, timezone
from pathlib import Path

from course import session as state
from course.exercises import progress_db as db
from course.exercises.progress_db import (
    ATTEMPT_COLUMNS,
    cause,
    pop_notices,  # noqa: F401 - re-exported
    store_path,
)
from course.messages import ui
from course.submission_format import FORMAT as SUBMISSION_FORMAT
from course.submission_format import FORMAT_VERSION as SUBMISSION_VERSION

# tests switch CRM_COURSE_HOME between stores: connections and notices are forgotten
_reset_for_tests = db._reset_for_tests

SUMMARY_COLUMNS = [
    "lesson", "exercise_id", "attempts", "best_score", "last_score", "last_response", "last_time",
]


def _course_version() -> str:
    from course.version import __version__

    return __version__


def _now() -> str:
    stamp = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
    return stamp.replace("+00:00", "Z")


def _payload(raw) -> str:
    """The response as JSON text; lone surrogates are kept as JSON escapes (they read back)."""
    try:
        text = json.dumps(raw, ensure_ascii=False, default=str)
    except (TypeError, ValueError, RecursionError):
        text = json.dumps(db.safe_text(repr_limited(raw)), ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(json.loads(text), ensure_ascii=True)
    return text


def repr_limited(value, limit: int = 10_000) -> str:
    """A short text form of any value, never raising (deep nesting included)."""
    try:
        text = str(value)
    except Exception:  # noqa: BLE001 - a response that cannot even print itself
        text = f"<{type(value).__name__}>"
    return text[:limit]


def record(exercise, response, result, mode: str) -> bool:
    """Save one Check as an attempt row; False when the store cannot be written (never raises).

    A Check with nothing answered (``result.attempted`` false) is not an attempt and is not saved.
    A store that failed before is tried again: a freed disk or a fixed folder saves at once.
    """
    try:
        return _record(exercise, response, result, mode)
    except Exception as exc:  # noqa: BLE001 - the learner's Check must never fail here
        db.close()
        why = db.safe_text(f"{type(exc).__name__}: {exc}")[:200]
        db.tell(f"error:{store_path()}", ui("store_error", why=why))
        return False


def _record(exercise, response, result, mode: str) -> bool:
    if not getattr(result, "attempted", True):
        return False
    path = store_path()
    graded = getattr(result, "response", None)
    payload = _payload(graded if graded is not None else response)
    row = (
        db.safe_text(state.get_learner()),
        db.safe_text(exercise.id),
        None if getattr(exercise, "lesson", None) is None else db.safe_text(exercise.lesson),
        _now(),
        payload,
        float(getattr(result, "score", 0.0) or 0.0),
        db.safe_text(mode),
        _course_version(),
        None if state.get_student_number() is None else db.safe_text(state.get_student_number()),
    )

    def insert(conn):
        conn.execute(
            "INSERT INTO attempts (learner, exercise_id, lesson, time, response, score, mode,"
            " course_version, student_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            row,
        )

    error: BaseException | None = None
    for wait in (0.05, 0.2, 0.5, 1.0, None):
        try:
            db.run(insert, write=True)
            db.saved_again(path)
            return True
        except (OSError, sqlite3.Error) as exc:
            error = exc
            # another kernel may hold the file while it sets the store up: wait and retry
            if wait is None or cause(exc, path) != "busy":
                break
            db.close()
            time.sleep(wait)
    db.close()
    kind = cause(error, path)
    db.tell(f"{kind}:{path}", db.problem_message(path, error, kind))
    return False


def _where(learner):
    if learner is None:
        return "", ()
    return " WHERE learner = ?", (str(learner),)


_CURRENT = object()  # the student number given in the lesson header (session)


def numbers(*, strict: bool = False) -> dict:
    """How many attempts the store holds per student number (None: saved before any number
    was given, or by a version of the course that kept none)."""
    rows = db.read("SELECT student_number, COUNT(*) FROM attempts GROUP BY student_number",
                 strict=strict)
    return {number: n for number, n in rows}


def _mine(number=_CURRENT, *, strict: bool = False) -> tuple[str, tuple]:
    """The SQL condition (and its parameters) for one student number's attempts.

    A store with one number (or none) is one learner's: the attempts saved before the number
    was given are theirs too (an old store exports and reports as before). A store shared by
    several numbers (a lab login) gives each number only the attempts made under it; those
    saved with no number go with no number (``number`` None).
    """
    if number is _CURRENT:
        number = state.get_student_number()
    held = {n for n in numbers(strict=strict) if n is not None}
    if number is None:
        return ("1", ()) if not held else ("student_number IS NULL", ())
    if held <= {number}:
        return "(student_number = ? OR student_number IS NULL)", (number,)
    return "student_number = ?", (number,)


def _attempt_rows(learner=None, *, strict: bool = False) -> list:
    where, params = _where(learner)
    return db.read(f"SELECT {', '.join(ATTEMPT_COLUMNS)} FROM attempts{where} ORDER BY id", params,
                 strict=strict)


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
    mine, own = _mine()
    where = f"{where} AND {mine}" if where else f" WHERE {mine}"
    sql = f"""
        SELECT a.lesson, a.exercise_id, g.n, g.best, a.score, a.response, a.time, a.mode
        FROM (SELECT exercise_id, COUNT(*) AS n, MAX(score) AS best, MAX(id) AS last_id
              FROM attempts{where} GROUP BY exercise_id) AS g
        JOIN attempts AS a ON a.id = g.last_id
        ORDER BY a.lesson, g.last_id
    """
    return db.read(sql, (*params, *own))


def summary(learner=None):
    """One row per exercise of this learner (the student number given in the header, see
    ``_mine``): lesson, exercise_id, attempts, best_score, last_score, last_response,
    last_time."""
    import pandas as pd

    rows = [
        dict(zip(SUMMARY_COLUMNS, row[:7], strict=True), last_response=_loads(row[5]))
        for row in _summary_rows(learner)
    ]
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


def last_attempt(exercise_id: str) -> dict | None:
    """This learner's latest attempt at one exercise (response, score, mode, time), to restore
    a widget (on a shared login, never another student number's)."""
    mine, own = _mine()
    rows = db.read(
        f"SELECT response, score, mode, time, learner FROM attempts WHERE exercise_id = ?"
        f" AND {mine} ORDER BY id DESC LIMIT 1",
        (str(exercise_id), *own),
    )
    if not rows:
        return None
    response, score, mode, when, learner = rows[0]
    return {"response": _loads(response), "score": score, "mode": mode, "time": when,
            "learner": learner}


def last_responses(exercise_ids, learner=None) -> dict:
    """The latest saved response to each of these exercises (one learner's, or any), by id;
    exercises never answered are left out."""
    ids = [str(i) for i in exercise_ids]
    if not ids:
        return {}
    where, params = _where(learner)
    mine, own = _mine()
    marks = ", ".join("?" for _ in ids)
    rows = db.read(
        f"SELECT exercise_id, response FROM attempts WHERE id IN (SELECT MAX(id) FROM attempts"
        f"{where}{' AND' if where else ' WHERE'} {mine} AND exercise_id IN ({marks})"
        f" GROUP BY exercise_id)",
        (*params, *own, *ids),
    )
    return {ex_id: _loads(response) for ex_id, response in rows}


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
    mine, own = _mine()
    rows = db.read(
        f"SELECT exercise_id, MAX(score) FROM attempts WHERE {mine} AND exercise_id IN ({marks})"
        " GROUP BY exercise_id",
        (*own, *ids),
    )
    done = len(rows)
    shown = [best for ex_id, best in rows if modes.get(ex_id) != "assessment" and best is not None]
    mean_best = sum(shown) / len(shown) if shown else None
    return done, len(ids), mean_best


def submission(learner=None, student_number=_CURRENT) -> dict:
    """The submission document of docs/api.md for one student number's attempts.

    ``student_number``: by default the one given in the lesson header; None selects the
    attempts saved without a number. Which attempts belong to a number: ``_mine`` (a store of
    one learner gives all of them, as before numbers existed). ``learner`` is the name written
    into the file: by default the session's learner for the session's own number, else the
    number itself. Raises InputError when the store exists but cannot be read.
    """
    from course.errors import InputError

    own = state.get_student_number()
    number = own if student_number is _CURRENT else student_number
    if learner:
        name = learner
    elif number is None and own is not None:
        name = _login()  # attempts of nobody's number: never under the header's number
    else:
        name = state.get_learner() if number == own else number
    try:
        mine, params = _mine(number, strict=True)
        rows = db.read(f"SELECT {', '.join(ATTEMPT_COLUMNS)} FROM attempts WHERE {mine}"
                     " ORDER BY id", params, strict=True)
    except db.StoreUnreadable as exc:
        raise InputError(ui("export_unreadable", path=str(exc.path),
                            why=db.safe_text(exc.error)).both(" / ")) from None
    doc = {
        "format": SUBMISSION_FORMAT,
        "format_version": SUBMISSION_VERSION,
        "learner": name,
        "course_version": _course_version(),
        "exported_at": _now()[:19] + "Z",
        "attempts": [_item(dict(zip(ATTEMPT_COLUMNS, row, strict=True))) for row in rows],
    }
    if number is not None:
        doc["student_number"] = number
    return doc


def _login() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some containers
        return "learner"


def _item(data: dict) -> dict:
    """One attempt of a submission file (its student number only when it had one)."""
    item = {
        "exercise_id": data["exercise_id"],
        "lesson": data["lesson"],
        "time": data["time"],
        "response": _loads(data["response"]),
        "score": data["score"],
        "mode": data["mode"],
        "course_version": data["course_version"],
    }
    if data["student_number"] is not None:
        item["student_number"] = data["student_number"]
    return item


def submission_bytes(doc: dict) -> bytes:
    """A submission document as the UTF-8 bytes of its file (``export`` and ``submit``).

    Readable JSON; a lone surrogate typed into a response cannot be UTF-8, so then the whole
    file is written with JSON escapes (it reads back the same).
    """
    text = json.dumps(doc, ensure_ascii=False, indent=1)
    try:
        return (text + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(doc, ensure_ascii=True, indent=1) + "\n").encode("utf-8")


def export(path, learner=None, student_number=_CURRENT) -> Path:
    """Write one learner's submission file (JSON) to ``path``; returns the path written.

    The attempts of ``student_number`` (by default the one given in the lesson header; see
    ``submission``): a store of one learner gives every attempt, a lab login shared by several
    student numbers gives each number its own. ``learner`` is the name written into the file.
    """
    from course.errors import InputError

    target = Path(path).expanduser()
    if target.is_dir():
        raise InputError(ui("export_is_folder", path=str(target)).both(" / "))
    data = submission_bytes(submission(learner, student_number))
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
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
