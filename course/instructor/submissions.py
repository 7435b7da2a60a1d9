"""Reading learners' submission files safely from files, folders and zip archives."""
from __future__ import annotations

import hashlib
import json
import os
import stat
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

from course.errors import InputError
from course.messages import both

FORMAT = "crm-course-submission"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 10 * 1024 * 1024  # one submission file
MAX_ZIP_TOTAL_BYTES = 512 * 1024 * 1024  # everything read out of one zip archive
MAX_ZIP_RATIO = 100  # uncompressed / compressed size of one entry
ZIP_RATIO_FLOOR = 1024 * 1024  # entries smaller than this are never called bombs
MAX_ZIP_ENTRIES = 20_000
MAX_LEARNER_CHARS = 100
_SKIP_NAMES = ("__MACOSX", ".DS_Store", "Thumbs.db", "desktop.ini")


@dataclass(slots=True)
class Attempt:
    """One raw attempt of a submission: which exercise and what the learner gave."""

    exercise_id: str
    response: object
    time: str = ""
    lesson: str = ""


@dataclass
class Submission:
    """One learner's submission file, validated; its scores are never read."""

    source: str
    learner: str
    exported_at: str
    course_version: str
    attempts: list[Attempt]
    digest: str = ""

    @property
    def learner_key(self) -> str:
        return learner_key(self.learner)


@dataclass
class Rejection:
    """A submission, a zip entry or a part of a submission that does not count, and why."""

    source: str
    reason: str
    learner: str = ""


@dataclass
class Collected:
    """What was read: the submissions that count and everything rejected on the way."""

    submissions: list[Submission] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)


def learner_key(name: str) -> str:
    """The form under which two learner names count as the same person."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _reject_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def parse_submission(data: bytes, source: str) -> Submission | Rejection:
    """A submission from the bytes of one file, or a Rejection saying what is wrong."""
    if len(data) > MAX_FILE_BYTES:
        return Rejection(source, both("too_big", size=len(data), limit=MAX_FILE_BYTES))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Rejection(source, both("not_utf8"))
    try:
        obj = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        return Rejection(source, both("bad_json", detail=f"{exc.msg} (line {exc.lineno}, "
                                                         f"column {exc.colno})"))
    except (ValueError, RecursionError) as exc:
        detail = str(exc) if isinstance(exc, ValueError) else "nested too deeply"
        return Rejection(source, both("bad_json", detail=detail))
    problem = _schema_problem(obj)
    if problem:
        learner = obj.get("learner") if isinstance(obj, dict) else None
        return Rejection(source, both("bad_schema", detail=problem),
                         learner if isinstance(learner, str) else "")
    attempts = [
        Attempt(
            exercise_id=a["exercise_id"].strip(),
            response=a["response"],
            time=a.get("time") or "",
            lesson=a.get("lesson") or "",
        )
        for a in obj["attempts"]
    ]
    # Chronological order; attempts with the same (or no) time keep their order in the file.
    order = sorted(range(len(attempts)), key=lambda i: attempts[i].time)
    return Submission(
        source=source,
        learner=" ".join(obj["learner"].split()),
        exported_at=obj.get("exported_at") or "",
        course_version=str(obj.get("course_version") or ""),
        attempts=[attempts[i] for i in order],
        digest=hashlib.sha256(data).hexdigest(),
    )


def _schema_problem(obj) -> str:
    """What makes ``obj`` not a submission (empty when it is one)."""
    if not isinstance(obj, dict):
        return f"the file holds a JSON {type(obj).__name__}, expected an object"
    if obj.get("format") != FORMAT:
        return f'"format" is {obj.get("format")!r}, expected "{FORMAT}"'
    version = obj.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return f'"format_version" is {version!r}, expected {FORMAT_VERSION}'
    if version > FORMAT_VERSION:
        return (f'"format_version" {version} was written by a newer crm-course; this one reads '
                f"version {FORMAT_VERSION}")
    learner = obj.get("learner")
    if not isinstance(learner, str) or not learner.strip():
        return '"learner" must be a non-empty text (the learner\'s name)'
    if len(learner.strip()) > MAX_LEARNER_CHARS:
        return f'"learner" is longer than {MAX_LEARNER_CHARS} characters'
    for key in ("exported_at", "course_version"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            return f'"{key}" must be a text'
    attempts = obj.get("attempts")
    if not isinstance(attempts, list):
        return '"attempts" must be a list of attempts'
    for i, attempt in enumerate(attempts):
        where = f"attempts[{i}]"
        if not isinstance(attempt, dict):
            return f"{where} must be an object"
        ex_id = attempt.get("exercise_id")
        if not isinstance(ex_id, str) or not ex_id.strip():
            return f'{where}: "exercise_id" must be a non-empty text'
        if "response" not in attempt:
            return f'{where}: "response" is missing'
        for key in ("time", "lesson"):
            if attempt.get(key) is not None and not isinstance(attempt[key], str):
                return f'{where}: "{key}" must be a text'
    return ""


def _skipped_name(name: str) -> bool:
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return any(p in _SKIP_NAMES or p.startswith(".") or p.startswith("._") for p in parts)


def _unsafe_zip_name(name: str) -> bool:
    name = name.replace("\\", "/")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return True
    return ".." in PurePosixPath(name).parts


def _read_zip(path: Path, label: str, out: Collected) -> None:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        out.rejections.append(Rejection(label, both("bad_zip", detail=str(exc))))
        return
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            out.rejections.append(Rejection(
                label, both("zip_entries", count=len(infos), limit=MAX_ZIP_ENTRIES)))
            return
        declared = sum(max(i.file_size, 0) for i in infos)
        if declared > MAX_ZIP_TOTAL_BYTES:
            out.rejections.append(Rejection(label, both("zip_total", limit=MAX_ZIP_TOTAL_BYTES)))
            return
        read_total = 0
        for info in infos:
            name = info.filename
            where = f"{label}:{name}"
            if _unsafe_zip_name(name):
                out.rejections.append(Rejection(where, both("zip_unsafe_path")))
                continue
            if info.is_dir() or _skipped_name(name):
                continue
            if info.flag_bits & 0x1:
                out.rejections.append(Rejection(where, both("zip_encrypted")))
                continue
            if name.lower().endswith(".zip"):
                out.rejections.append(Rejection(where, both("zip_nested")))
                continue
            if not name.lower().endswith(".json"):
                out.rejections.append(Rejection(where, both("not_json_file")))
                continue
            if info.file_size > MAX_FILE_BYTES:
                out.rejections.append(Rejection(
                    where, both("too_big", size=info.file_size, limit=MAX_FILE_BYTES)))
                continue
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > ZIP_RATIO_FLOOR and ratio > MAX_ZIP_RATIO:
                out.rejections.append(Rejection(
                    where, both("zip_ratio", ratio=ratio, limit=MAX_ZIP_RATIO)))
                continue
            try:
                # The declared size may lie: never read more than the limit allows.
                with zf.open(info) as fh:
                    data = fh.read(MAX_FILE_BYTES + 1)
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError,
                    EOFError, RuntimeError) as exc:
                out.rejections.append(Rejection(where, both("bad_zip", detail=str(exc))))
                continue
            read_total += len(data)
            if read_total > MAX_ZIP_TOTAL_BYTES:
                out.rejections.append(Rejection(label, both("zip_total",
                                                            limit=MAX_ZIP_TOTAL_BYTES)))
                return
            _add(parse_submission(data, where), out)


def _read_file(path: Path, label: str, out: Collected) -> None:
    try:
        size = path.stat().st_size
    except OSError as exc:
        out.rejections.append(Rejection(label, both("unreadable", detail=exc.strerror or exc)))
        return
    if zipfile.is_zipfile(path):
        _read_zip(path, label, out)
        return
    if path.suffix.lower() == ".zip":
        out.rejections.append(Rejection(label, both("bad_zip", detail="no zip directory found")))
        return
    if size > MAX_FILE_BYTES:
        out.rejections.append(Rejection(label, both("too_big", size=size, limit=MAX_FILE_BYTES)))
        return
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        out.rejections.append(Rejection(label, both("unreadable", detail=exc.strerror or exc)))
        return
    _add(parse_submission(data, label), out)


def _read_folder(folder: Path, out: Collected) -> None:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not _skipped_name(d))
        for name in sorted(files):
            if _skipped_name(name):
                continue
            path = Path(root) / name
            label = str(path)
            try:
                mode = path.stat().st_mode
            except OSError as exc:
                out.rejections.append(Rejection(label, both("unreadable",
                                                             detail=exc.strerror or exc)))
                continue
            if not stat.S_ISREG(mode):
                continue
            if name.lower().endswith((".json", ".zip")):
                _read_file(path, label, out)
            else:
                out.rejections.append(Rejection(label, both("not_json_file")))


def _add(item: Submission | Rejection, out: Collected) -> None:
    if isinstance(item, Submission):
        out.submissions.append(item)
    else:
        out.rejections.append(item)


def _export_time(sub: Submission) -> datetime | None:
    text = sub.exported_at.strip()
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when


def resolve_duplicates(collected: Collected) -> None:
    """Keep one submission per learner, moving the others to the rejections with the reason.

    Identical files count once. Of different files from the same learner (names compared
    ignoring case, width and spacing), the one exported last counts; when the newest export
    time is shared or missing, no file of that learner counts.
    """
    groups: dict[str, list[Submission]] = {}
    for sub in collected.submissions:
        groups.setdefault(sub.learner_key, []).append(sub)
    kept: list[Submission] = []
    for subs in groups.values():
        distinct: list[Submission] = []
        for sub in subs:
            twin = next((d for d in distinct if d.digest == sub.digest), None)
            if twin is not None:
                collected.rejections.append(Rejection(
                    sub.source, both("duplicate_identical", other=twin.source), sub.learner))
            else:
                distinct.append(sub)
        if len(distinct) == 1:
            kept.append(distinct[0])
            continue
        stamped = [(_export_time(s), s) for s in distinct]
        latest = max((t for t, _ in stamped if t is not None), default=None)
        newest = [s for t, s in stamped if t is not None and t == latest]
        if len(newest) != 1:
            for sub in distinct:
                collected.rejections.append(Rejection(
                    sub.source, both("duplicate_tie", learner=sub.learner, count=len(distinct)),
                    sub.learner))
            continue
        winner = newest[0]
        kept.append(winner)
        for sub in distinct:
            if sub is not winner:
                collected.rejections.append(Rejection(
                    sub.source,
                    both("duplicate_superseded", learner=sub.learner, other=winner.source,
                         when=winner.exported_at),
                    sub.learner))
    order = {id(s): i for i, s in enumerate(collected.submissions)}
    collected.submissions = sorted(kept, key=lambda s: order[id(s)])


def collect(paths) -> Collected:
    """Every submission under ``paths`` (files, folders or zip archives), one per learner."""
    paths = [Path(p) for p in paths]
    if not paths:
        raise InputError(both("no_submissions"))
    for path in paths:
        if not path.exists():
            raise InputError(both("no_such_path", path=path))
    out = Collected()
    for path in paths:
        if path.is_dir():
            _read_folder(path, out)
        else:
            _read_file(path, str(path), out)
    resolve_duplicates(out)
    return out
