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
from course.exercises import renames
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

    former = _former_to_adopt(exercise)

    def insert(conn):
        if former:
            marks = ", ".join("?" for _ in former)
            conn.execute(f"UPDATE attempts SET exercise_id = ? WHERE exercise_id IN ({marks})",
                         (row[1], *former))
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


def _former_to_adopt(exercise) -> tuple[str, ...]:
    """The former ids of a renamed exercise whose attempts this save rewrites under its
    current id (docs/api.md, "Progress store"): only after a backup copy of the store was
    made (``progress.sqlite3.before-rename-<time>``); when none can be made, nothing is
    rewritten (the reads below still count the old rows as this exercise's)."""
    former = tuple(db.safe_text(i) for i in getattr(exercise, "former_ids", ()) or ())
    if not former or not store_path().exists():
        return ()
    marks = ", ".join("?" for _ in former)
    rows = db.read(f"SELECT COUNT(*) FROM attempts WHERE exercise_id IN ({marks})", former)
    if not rows or not rows[0][0]:
        return ()
    try:
        db.backup("before-rename")
    except (OSError, sqlite3.Error):
        return ()
    return former


def _keys(exercise_id) -> list[str]:
    """The ids a learner's work at one exercise may be saved under: its current id (an old id
    given is read as the current one) and every former id this process has seen it carry."""
    current = renames.current_id(str(exercise_id))
    return [current, *(old for old, new in renames.known().items() if new == current)]


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
        row["exercise_id"] = renames.current_id(row["exercise_id"])  # a renamed exercise: its id now
    return pd.DataFrame(rows, columns=ATTEMPT_COLUMNS)


def _summary_rows(learner=None) -> list:
    """One row per exercise: (lesson, exercise_id, attempts, best, last score, last response,
    last time, mode). The attempts saved under a former id of a renamed exercise (one this
    process has built, see ``course.exercises.renames``) count as its own: one history, its
    count the sum, its best the higher score, its last the later saved."""
    where, params = _where(learner)
    mine, own = _mine()
    where = f"{where} AND {mine}" if where else f" WHERE {mine}"
    sql = f"""
        SELECT a.lesson, a.exercise_id, g.n, g.best, a.score, a.response, a.time, a.mode,
               g.last_id
        FROM (SELECT exercise_id, COUNT(*) AS n, MAX(score) AS best, MAX(id) AS last_id
              FROM attempts{where} GROUP BY exercise_id) AS g
        JOIN attempts AS a ON a.id = g.last_id
        ORDER BY a.lesson, g.last_id
    """
    merged: dict[str, list] = {}
    for row in db.read(sql, (*params, *own)):
        row = list(row)
        row[1] = renames.current_id(row[1])
        held = merged.get(row[1])
        if held is None:
            merged[row[1]] = row
            continue
        n, best = held[2] + row[2], _higher(held[3], row[3])
        if row[8] > held[8]:
            held[:] = row
        held[2], held[3] = n, best
    return sorted(merged.values(), key=lambda r: (r[0] is not None, r[0] or "", r[8]))


def _higher(a, b):
    return b if a is None else a if b is None else max(a, b)


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
    keys = _keys(exercise_id)
    marks = ", ".join("?" for _ in keys)
    rows = db.read(
        f"SELECT response, score, mode, time, learner FROM attempts WHERE exercise_id IN"
        f" ({marks}) AND {mine} ORDER BY id DESC LIMIT 1",
        (*keys, *own),
    )
    if not rows:
        return None
    response, score, mode, when, learner = rows[0]
    return {"response": _loads(response), "score": score, "mode": mode, "time": when,
            "learner": learner}


def last_responses(exercise_ids, learner=None) -> dict:
    """The latest saved response to each of these exercises (one learner's, or any), by id;
    exercises never answered are left out. A renamed exercise's answers saved under a former
    id are its own (the later saved wins)."""
    ids = [key for i in exercise_ids for key in _keys(i)]
    if not ids:
        return {}
    where, params = _where(learner)
    mine, own = _mine()
    marks = ", ".join("?" for _ in ids)
    rows = db.read(
        f"SELECT exercise_id, response FROM attempts WHERE id IN (SELECT MAX(id) FROM attempts"
        f"{where}{' AND' if where else ' WHERE'} {mine} AND exercise_id IN ({marks})"
        f" GROUP BY exercise_id) ORDER BY id",
        (*params, *own, *ids),
    )
    return {renames.current_id(ex_id): _loads(response) for ex_id, response in rows}  # later wins


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
    renamed = renames.rename_map(exercises)  # work saved under a former id counts as its own
    keys = [*ids, *renamed]
    marks = ", ".join("?" for _ in keys)
    mine, own = _mine()
    bests: dict[str, object] = {}
    for ex_id, best in db.read(
        f"SELECT exercise_id, MAX(score) FROM attempts WHERE {mine} AND exercise_id IN ({marks})"
        " GROUP BY exercise_id",
        (*own, *keys),
    ):
        ex_id = renamed.get(ex_id, ex_id)
        bests[ex_id] = _higher(bests.get(ex_id), best)
    rows = list(bests.items())
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
        "exercise_id": renames.current_id(data["exercise_id"]),  # a renamed exercise's id now
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
