"""Reading learners' submission files safely from files, folders and zip archives."""
from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from course.errors import InputError
from course.instructor.names import (  # noqa: F401 (the names other modules import from here)
    Rejection,
    clean_name,
    learner_key,
    looks_like_key,
    mixes_scripts,
)
from course.messages import both
from course.settings import MAX_RESPONSE_DEPTH
from course.submission_format import (
    FORMAT,
    FORMAT_VERSION,
    MAX_ID_CHARS,
    MAX_LEARNER_CHARS,
    SCHEMA,
)

MAX_FILE_BYTES = 10 * 1024 * 1024  # one submission file
MAX_ZIP_TOTAL_BYTES = 512 * 1024 * 1024  # everything read out of one zip archive
MAX_ZIP_RATIO = 100  # uncompressed / compressed size of one entry
ZIP_RATIO_FLOOR = 1024 * 1024  # entries smaller than this are never called bombs
MAX_ZIP_ENTRIES = 20_000
# What one report reads at most: enough for any real class (the course has about 100
# exercises; 20 tries at each is 2,000 attempts), small enough that a hostile file or zip
# costs seconds and a few hundred MB, not minutes and gigabytes.
MAX_ATTEMPTS_PER_SUBMISSION = 5_000  # a file with more is rejected whole
MAX_ATTEMPTS_PER_EXERCISE = 50  # of one learner at one exercise: the first 49 and the last count
MAX_ATTEMPTS_PER_REPORT = 100_000  # submissions read after this total are rejected
MAX_RESPONSE_CHARS = 20_000  # one response (as JSON text); a longer one is not counted
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
    shown_name: str = ""  # the learner's name as written (before normalising)
    attempts_in_file: int = 0  # before any was left out
    number: str = ""  # the student number (学号) the file's attempts were saved under, if any

    @property
    def learner_key(self) -> str:
        return learner_key(self.learner)


@dataclass
class Collected:
    """What was read: the submissions that count and everything rejected on the way."""

    submissions: list[Submission] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    warnings: list[Rejection] = field(default_factory=list)  # counted, but worth a look
    attempts_read: int = 0
    digests: set = field(default_factory=set)


def has_surrogate(text: str) -> bool:
    """True when ``text`` holds a lone surrogate (valid in JSON escapes, not in UTF-8)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _measure(value, surrogates: bool = True) -> tuple[int, int, bool]:
    """(approximate JSON length, nesting depth, holds a lone surrogate) of a response,
    stopping early once it is over the limits. ``surrogates=False``: the file holds no
    ``\\ud`` escape, the only way JSON text can make one, so the texts need no look."""
    kind = type(value)
    if value is None or kind is bool or kind is int or kind is float:  # a choice, a number
        return (len(str(value)) if value is not None and abs(value) < 1e30 else 30), 1, False
    if kind is list and all(type(v) is str for v in value):  # a cloze, an ordering
        size = 2 + sum(len(v) + 2 for v in value)
        if size <= MAX_RESPONSE_CHARS:  # (an oversized one: the general walk below)
            return size, 2 if value else 1, surrogates and any(map(has_surrogate, value))
    elif kind is dict and all(type(v) is str for v in value.values()):  # a matching
        size = 2 + sum(len(k) + len(v) + 6 for k, v in value.items())
        if size <= MAX_RESPONSE_CHARS:
            return size, 2 if value else 1, surrogates and any(
                has_surrogate(k) or has_surrogate(v) for k, v in value.items())
    return _walk(value, surrogates)


def _walk(value, surrogates: bool = True) -> tuple[int, int, bool]:
    """What ``_measure`` gives, from a walk over every value (its shortcuts for flat answers
    must give the same: tests/instructor/test_submissions.py)."""
    size, depth, bad = 0, 0, False
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        depth = max(depth, level)
        if size > MAX_RESPONSE_CHARS or depth > MAX_RESPONSE_DEPTH:
            break
        if isinstance(item, str):
            size += len(item) + 2
            bad = bad or (surrogates and has_surrogate(item))
        elif isinstance(item, dict):
            size += 2
            for k, v in item.items():
                size += len(k) + 4
                bad = bad or (surrogates and has_surrogate(k))
                stack.append((v, level + 1))
        elif isinstance(item, list):
            size += 2
            stack.extend((v, level + 1) for v in item)
        else:
            size += len(str(item)) if isinstance(item, int | float) and abs(item) < 1e30 else 30
    return size, depth, bad


def _reject_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def parse_submission(data: bytes, source: str, out: Collected | None = None
                     ) -> Submission | Rejection:
    """A submission from the bytes of one file, or a Rejection saying what is wrong.

    Attempts that cannot count (a response over the size or depth limits, or with text that is
    not valid Unicode, or past the limit of attempts at one exercise) are left out; when
    ``out`` is given, each is listed there as a rejection.
    """
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
        detail = str(exc)[:200] if isinstance(exc, ValueError) else "nested too deeply"
        return Rejection(source, both("bad_json", detail=detail))
    problem = _schema_problem(obj)
    if problem:
        learner = obj.get("learner") if isinstance(obj, dict) else None
        shown = clean_name(learner) if isinstance(learner, str) else ""
        return Rejection(source, both("bad_schema", detail=problem),
                         "" if has_surrogate(shown) else shown[:MAX_LEARNER_CHARS])
    learner = clean_name(obj["learner"])
    if has_surrogate(learner):
        return Rejection(source, both("bad_schema", detail='"learner" holds text that is not '
                                                           "valid Unicode (a lone surrogate)"))
    if not learner:
        return Rejection(source, both("bad_schema", detail='"learner" holds no visible '
                                                           "character"))
    if len(obj["attempts"]) > MAX_ATTEMPTS_PER_SUBMISSION:
        return Rejection(source, both("too_many_attempts", count=len(obj["attempts"]),
                                      limit=MAX_ATTEMPTS_PER_SUBMISSION), learner)
    dropped: Counter = Counter()
    # Only a JSON escape can make a lone surrogate: most files need no look at each text.
    escapes = "\\ud" in text or "\\uD" in text
    # The file's order is the store's own sequence (export reads the attempts ORDER BY id):
    # a wall-clock time stepped back must not turn a later answer into an earlier one.
    attempts = _read_attempts(obj["attempts"], escapes, dropped)
    if out is not None:
        _list_dropped(out, source, learner, dropped)
    course_version = obj.get("course_version") or ""
    return Submission(
        source=source,
        learner=learner,
        exported_at=_valid_text(obj.get("exported_at") or "")[:40],
        course_version=_valid_text(course_version)[:40],
        attempts=attempts,
        digest=hashlib.sha256(data).hexdigest(),
        shown_name=obj["learner"] if not has_surrogate(obj["learner"]) else learner,
        attempts_in_file=len(obj["attempts"]),
        number=clean_name(_valid_text(obj.get("student_number") or "")),
    )


def _read_attempts(raws: list, escapes: bool, dropped: Counter) -> list[Attempt]:
    """The attempts that can count, in the file's order; the others counted in ``dropped``."""
    attempts = []
    for raw in _cap_per_exercise(raws, dropped):
        ex_id = raw["exercise_id"].strip()
        response = raw["response"]
        if isinstance(response, str):
            size, depth, bad = len(response), 1, escapes and has_surrogate(response)
        else:
            size, depth, bad = _measure(response, escapes)
        if escapes and any(has_surrogate(str(raw.get(k) or "")) for k in ("exercise_id", "time",
                                                                         "lesson")):
            bad = True
        if bad:
            dropped["surrogate"] += 1
        elif size > MAX_RESPONSE_CHARS or depth > MAX_RESPONSE_DEPTH:
            dropped["too_big"] += 1
        else:
            attempts.append(Attempt(exercise_id=ex_id, response=response,
                                    time=raw.get("time") or "", lesson=raw.get("lesson") or ""))
    return attempts


def _list_dropped(out: Collected, source: str, learner: str, dropped: Counter) -> None:
    """Each kind of attempt left out, as a rejection of ``source``."""
    if dropped["surrogate"]:
        out.rejections.append(Rejection(
            source, both("invalid_unicode", count=dropped["surrogate"]), learner))
    if dropped["too_big"]:
        out.rejections.append(Rejection(source, both(
            "response_too_big", count=dropped["too_big"], chars=MAX_RESPONSE_CHARS,
            depth=MAX_RESPONSE_DEPTH), learner))
    for ex_id, n in sorted(dropped.items()):
        if ex_id.startswith("ex:"):
            out.rejections.append(Rejection(source, both(
                "too_many_tries", count=n, exercise=ex_id[3:],
                limit=MAX_ATTEMPTS_PER_EXERCISE), learner))


def _valid_text(text: str) -> str:
    return "" if has_surrogate(text) else text


def path_label(path) -> str:
    """A path as text that can always be printed and written (undecodable bytes escaped)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _cap_per_exercise(raws: list[dict], dropped: Counter) -> list[dict]:
    """At most MAX_ATTEMPTS_PER_EXERCISE attempts per exercise: the first ones and the last."""
    count = Counter(r["exercise_id"].strip() for r in raws)
    if max(count.values(), default=0) <= MAX_ATTEMPTS_PER_EXERCISE:
        return raws
    seen: Counter = Counter()
    kept = []
    for r in raws:
        ex_id = r["exercise_id"].strip()
        seen[ex_id] += 1
        n, total = seen[ex_id], count[ex_id]
        if n < MAX_ATTEMPTS_PER_EXERCISE or n == total:
            kept.append(r)
        else:
            dropped["ex:" + ex_id] += 1
    return kept


_VALIDATOR: list = []


def _submission_validator():
    """SCHEMA compiled by fastjsonschema (a 5,000-attempt file: 11 ms, jsonschema: 0.3 s)."""
    if not _VALIDATOR:
        import fastjsonschema

        _VALIDATOR.append((fastjsonschema.compile(SCHEMA), fastjsonschema))
    return _VALIDATOR[0]


def _schema_problem(obj) -> str:
    """What makes ``obj`` not a submission (empty when it is one), checked against SCHEMA."""
    if not isinstance(obj, dict):
        return SCHEMA["x-message"].format(type=type(obj).__name__)
    if obj.get("format") != FORMAT:
        return SCHEMA["properties"]["format"]["x-message"].format(
            value=_short_repr(obj.get("format")))
    version = obj.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        return (f'"format_version" {version} was written by a newer crm-course; this one reads '
                f"version {FORMAT_VERSION}")
    validate, fastjsonschema = _submission_validator()
    try:
        if "attempts" in obj and _attempts_fit(obj["attempts"]):
            validate({**obj, "attempts": []})  # the rest of the file: SCHEMA checks it
        else:
            validate(obj)  # (the same check, which also names the attempt at fault)
    except fastjsonschema.JsonSchemaValueException as error:
        return _schema_message(error)
    if len(obj["learner"].strip()) > MAX_LEARNER_CHARS:
        return f'"learner" is longer than {MAX_LEARNER_CHARS} characters'
    return ""


_ANY_TEXT = re.compile(r"\S")


def _attempts_fit(attempts) -> bool:
    """True when every attempt fits SCHEMA's ``attempts.items``, checked directly: the same
    rules as the compiled schema, at a third of its cost over a class's tens of thousands."""
    if not isinstance(attempts, list):
        return False
    for a in attempts:
        if not isinstance(a, dict) or "response" not in a:
            return False
        ex_id = a.get("exercise_id")
        if not isinstance(ex_id, str) or len(ex_id) > MAX_ID_CHARS or not _ANY_TEXT.search(ex_id):
            return False
        time, lesson = a.get("time"), a.get("lesson")
        if (time is not None and not isinstance(time, str)) or (
                lesson is not None and not isinstance(lesson, str)):
            return False
    return True


def _schema_message(error) -> str:
    """The x-message of the part of SCHEMA that failed, filled in."""
    path = list(error.path)[1:]  # without the leading "data"
    where = f"attempts[{path[1]}]" if len(path) >= 2 and path[0] == "attempts" else ""
    schema = error.definition if isinstance(error.definition, dict) else {}
    if error.rule == "required":
        given = error.value if isinstance(error.value, dict) else {}
        missing = next((n for n in schema.get("required", []) if n not in given), "")
        schema = schema.get("properties", {}).get(missing, {})
        message = schema.get("x-message") or f'"{missing}" is missing'
    else:
        message = schema.get("x-message") or error.message
    return message.format(where=where, value=_short_repr(error.value),
                          type=type(error.value).__name__)[:300]


def _short_repr(value) -> str:
    text = repr(value) if not isinstance(value, list | dict) else type(value).__name__
    return text if len(text) <= 60 else text[:59] + "…"


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
            _add_bytes(data, where, out)


def _read_file(path: Path, label: str, out: Collected) -> None:
    try:
        info = path.stat()
    except OSError as exc:
        out.rejections.append(Rejection(label, both("unreadable", detail=exc.strerror or exc)))
        return
    if not stat.S_ISREG(info.st_mode):  # a pipe or device would block or never end
        out.rejections.append(Rejection(label, both("not_regular")))
        return
    size = info.st_size
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
    _add_bytes(data, label, out)


def _read_folder(folder: Path, out: Collected) -> None:
    top = folder.resolve()
    for root, dirs, files in os.walk(folder):
        kept_dirs = []
        for d in sorted(dirs):
            path = Path(root) / d
            if _skipped_name(d):
                continue
            if path.is_symlink():
                if not _inside(path, top):
                    out.rejections.append(Rejection(path_label(path), both("link_outside")))
                continue  # a link inside the folder: its target is read where it is
            kept_dirs.append(d)
        dirs[:] = kept_dirs
        for name in sorted(files):
            if _skipped_name(name):
                continue
            path = Path(root) / name
            label = path_label(path)
            if path.is_symlink() and not _inside(path, top):
                out.rejections.append(Rejection(label, both("link_outside")))
                continue
            try:
                mode = path.stat().st_mode
            except OSError as exc:
                out.rejections.append(Rejection(label, both("unreadable",
                                                             detail=exc.strerror or exc)))
                continue
            if not stat.S_ISREG(mode):
                out.rejections.append(Rejection(label, both("not_regular")))
                continue
            if name.lower().endswith((".json", ".zip")):
                _read_file(path, label, out)
            else:
                out.rejections.append(Rejection(label, both("not_json_file")))


def _inside(path: Path, top: Path) -> bool:
    try:
        target = path.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return False
    return target == top or top in target.parents


def _add_bytes(data: bytes, label: str, out: Collected) -> None:
    """Parse one file's bytes into ``out``, within the report's limit of attempts."""
    digest = hashlib.sha256(data).hexdigest()
    if digest in out.digests:  # an identical file is read once (resolve_duplicates names it)
        twin = next((s for s in out.submissions if s.digest == digest), None)
        if twin is not None:
            out.rejections.append(Rejection(label, both("duplicate_identical",
                                                         other=twin.source), twin.learner))
            return
    out.digests.add(digest)
    if out.attempts_read >= MAX_ATTEMPTS_PER_REPORT:
        out.rejections.append(Rejection(label, both("report_full",
                                                    limit=MAX_ATTEMPTS_PER_REPORT)))
        return
    item = parse_submission(data, label, out)
    if isinstance(item, Submission):
        out.attempts_read += item.attempts_in_file
    _add(item, out)


def _add(item: Submission | Rejection, out: Collected) -> None:
    if isinstance(item, Submission):
        out.submissions.append(item)
    else:
        out.rejections.append(item)


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
            _read_file(path, path_label(path), out)
    resolve_duplicates(out)
    return out


def resolve_duplicates(collected: Collected) -> None:
    """One submission per learner and store; copies listed (``duplicates`` module)."""
    from course.instructor.duplicates import resolve_duplicates as resolve

    resolve(collected)


def read_under_current_ids(collected: Collected, bank, marks=None):
    """Read every attempt (and every teacher's mark) given under a former id of a renamed
    exercise (bank field ``former_ids``) as the exercise's current id, in place; returns the
    marks. A learner who answered under both ids has one history, in the file's order (the
    store's own), so the later answer is the final one; a mark given under the current id
    wins over one under a former id."""
    renamed = getattr(bank, "renames", None) or {}
    if not renamed:
        return marks
    for sub in collected.submissions:
        for attempt in sub.attempts:
            attempt.exercise_id = renamed.get(attempt.exercise_id, attempt.exercise_id)
    if not marks:
        return marks
    old = {(who, renamed[task]): m for (who, task), m in marks.items() if task in renamed}
    return {**old, **{key: m for key, m in marks.items() if key[1] not in renamed}}
