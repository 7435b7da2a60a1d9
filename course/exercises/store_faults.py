"""Why the progress store failed, told apart for the learner: busy, full, read-only, not a
folder, damaged (``cause``), from SQLite's result codes, the OS error or what the disk shows."""
from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

_SQLITE_MAGIC = b"SQLite format 3\x00"

# SQLite's primary result codes (sqlite3.SQLITE_* since Python 3.11; the values are SQLite's).
_SQLITE = {name: getattr(sqlite3, f"SQLITE_{name}", number) for name, number in (
    ("PERM", 3), ("BUSY", 5), ("LOCKED", 6), ("READONLY", 8), ("IOERR", 10), ("CORRUPT", 11),
    ("FULL", 13), ("CANTOPEN", 14), ("NOTADB", 26))}
_OS_CAUSES = {
    errno.ENOSPC: "full", errno.EDQUOT: "full",
    errno.EROFS: "readonly", errno.EACCES: "readonly", errno.EPERM: "readonly",
    errno.ENOTDIR: "not_folder", errno.EEXIST: "not_folder", errno.EISDIR: "not_folder",
}


class Damaged(sqlite3.DatabaseError):
    """The store opened but failed its quick check."""


def looks_like_sqlite(path: Path) -> bool:
    """True unless the file clearly is not an SQLite database (an empty file is one)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except OSError:
        return True  # cannot read it: let sqlite report the real problem
    return head == b"" or head == _SQLITE_MAGIC


def cause(exc: BaseException, path: Path) -> str:
    """Why the store failed: busy, full, readonly, not_folder, corrupt or other.

    SQLite errors are told apart by their result code (``sqlite_errorcode``, Python 3.11+),
    falling back to the words of the message on Python 3.10; a file that cannot be opened is
    looked at on disk to say why.
    """
    if isinstance(exc, Damaged):
        return "corrupt"
    if isinstance(exc, OSError):
        return _OS_CAUSES.get(exc.errno, "other")
    if not isinstance(exc, sqlite3.Error):
        return "other"
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        primary = code & 0xFF
        found = {
            _SQLITE["BUSY"]: "busy", _SQLITE["LOCKED"]: "busy",
            _SQLITE["FULL"]: "full",
            _SQLITE["READONLY"]: "readonly", _SQLITE["PERM"]: "readonly",
            _SQLITE["CORRUPT"]: "corrupt", _SQLITE["NOTADB"]: "corrupt",
        }.get(primary)
        if found:
            return found
        if primary in (_SQLITE["CANTOPEN"], _SQLITE["IOERR"]):
            return _look_on_disk(path)
        return "other"
    return _cause_from_words(str(exc).lower(), path)  # pragma: no cover - Python 3.10


def _cause_from_words(text: str, path: Path) -> str:  # pragma: no cover - Python 3.10
    if "locked" in text or "busy" in text:
        return "busy"
    if "full" in text:
        return "full"
    if "readonly" in text or "read-only" in text:
        return "readonly"
    if any(p in text for p in ("not a database", "malformed", "corrupt", "file is encrypted")):
        return "corrupt"
    if "unable to open" in text or "disk i/o" in text:
        return _look_on_disk(path)
    return "other"


def _look_on_disk(path: Path) -> str:
    """Why a store file cannot be opened or written, from what the disk shows."""
    folder = path.parent
    if path.is_dir() or (folder.exists() and not folder.is_dir()):
        return "not_folder"
    for parent in folder.parents:
        if parent.exists():
            if not parent.is_dir():
                return "not_folder"
            break
    try:
        if shutil.disk_usage(folder if folder.exists() else folder.parent).free < 1024 * 1024:
            return "full"
    except OSError:
        pass
    if folder.exists() and not os.access(folder, os.W_OK):
        return "readonly"
    if path.exists() and not os.access(path, os.W_OK):
        return "readonly"
    return "other"
