"""Which bank files already passed the schema, so that opening a lesson skips jsonschema.

Opening a lesson checks its bank file as ``crm-course validate`` does. The JSON Schema part
needs jsonschema, whose import alone costs each new kernel about 0.3-0.5 s on the 2-core
machine (every lesson a learner opens, every Voila page, every lesson under the tests; issue
24). A file that passed once passes again while neither its text nor the schema in force
changed, so a lesson load remembers each file that passed: a digest of the assembled schema
(``schema.json`` with the registered kinds' fields) and of the file's whole text. The digest is
of the contents, not of a modification time and size, which an edit within the same second
that keeps the size would not change.

Only a pass is remembered, never a problem: a file with any schema problem is checked in full
every time, and ``crm-course validate``, ``course.load_bank`` and the tests check every file
in full (only :func:`course.exercises.loader.load_lesson` uses this). The record is a short
text file of digests in the user's cache folder (``$XDG_CACHE_HOME/crm-course``, else
``~/.cache/crm-course``); where it cannot be read or written, every load checks in full.
"""
from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from course import paths
from course.exercises import kinds

#: digests kept; the oldest half is dropped past this (a few lessons x a few schema versions)
MAX_RECORDS = 400
RECORD_NAME = "schema-valid.txt"


def record_path() -> Path:
    """The user's record of the bank files that passed the schema."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "crm-course" / RECORD_NAME


@lru_cache(maxsize=4)
def _schema_digest(path: Path, mtime_ns: int, size: int, type_names: tuple[str, ...]) -> str:
    from course.exercises.schema import assemble

    schema = assemble(json.loads(path.read_text(encoding="utf-8")), type_names)
    text = json.dumps(schema, sort_keys=True, ensure_ascii=False, default=repr)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def key(text: str) -> str | None:
    """The digest of ``text`` checked against the schema in force (None: no schema to read)."""
    path = paths.schema_path()
    try:
        stat = path.stat()
        schema = _schema_digest(path, stat.st_mtime_ns, stat.st_size, tuple(kinds.types()))
    except (OSError, ValueError):
        return None  # the full check reports an unreadable schema
    return hashlib.sha256(f"{schema}\n{text}".encode("utf-8", "surrogatepass")).hexdigest()


def passed(digest: str | None) -> bool:
    """True when a file of this digest passed the schema before."""
    if digest is None:
        return False
    try:
        with open(record_path(), encoding="ascii") as fh:
            return any(line.strip() == digest for line in fh)
    except (OSError, ValueError):
        return False


def remember(digest: str | None) -> None:
    """Note that a file of this digest passed the schema (nothing when it cannot be written)."""
    if digest is None:
        return
    path = record_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="ascii") as fh:  # one short line: appends do not mix
            fh.write(digest + "\n")
        lines = path.read_text(encoding="ascii").split()
        if len(lines) > MAX_RECORDS:
            part = path.with_name(f"{RECORD_NAME}.{os.getpid()}.part")
            part.write_text("\n".join(lines[-MAX_RECORDS // 2:]) + "\n", encoding="ascii")
            os.replace(part, path)
    except (OSError, ValueError):
        pass
