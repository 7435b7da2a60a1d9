"""The student copy: the course without answer keys for assessment items, notebooks cleared."""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from course import paths
from course.errors import InputError
from course.exercises import kinds
from course.instructor.release_audit import answered_items
from course.messages import both, ui

# What a student copy holds (when the course has it); everything else stays behind
# (bench/, .git, .venv, build output, an instructor's own notes).
# tests/ (teacher verdicts, known answers), bench/, .ci/ and the teacher's pages and notebook
# never ship: the copy is for learners (issue 21).
SHIP_DIRS = ("course", "data", "exercises", "notebooks", "docs", "binder")
SHIP_FILES = ("pyproject.toml", "Makefile", "README.md", "environment.yml", ".gitignore",
              "LICENSE", "LICENSE.md", "LICENSE.txt", "CITATION.cff", "install_check.py")
JUNK = ("__pycache__", "*.pyc", ".ipynb_checkpoints", "*.egg-info", ".pytest_cache",
        ".hypothesis", ".ruff_cache", ".DS_Store", "*.sqlite3")
# Files for teachers only, by path inside the course (glob patterns).
TEACHER_ONLY = ("docs/instructor.md", "docs/authoring.md", "docs/deploy.md",
                "docs/benchmarks.md", "notebooks/instructor-*.ipynb",
                # the semester's teacher pages; the cards' hidden goals stay with the teacher
                "docs/teaching-schedule.md", "docs/course-standard.md",
                "docs/speaking-cards.md", "data/speaking_cards.yaml",
                # pictures of exam papers with their keys, slides and the teacher's dashboards
                "docs/materials", "docs/*.png")

# The fields every assessment item keeps in the student copy; each kind adds its own question
# fields without the key (``Exercise.redact``).
# (revisit holds no key; former_ids: a renamed item's old ids, so that work saved under them
# still counts, and the orders seeded by the first of them stay as learners saw them)
KEEP_FIELDS = ("id", "type", "mode", "prompt", "title", "revisit", "former_ids")
# What a blank becomes in the copy: the cloze kind's own (the registry knows the type; release
# never reaches into a kind's module). Each kind redacts its own fields (``Exercise.redact``).
REDACTED_BLANK = kinds.kind_of("cloze").redacted_blank

__all__ = ["KEEP_FIELDS", "REDACTED_BLANK", "redact_exercise", "release"]


@dataclass
class ReleaseSummary:
    """What a release wrote: where, which items lost their key, which notebooks were cleared."""

    out: Path
    redacted: dict[str, list[str]] = field(default_factory=dict)  # lesson -> exercise ids
    kept: dict[str, list[str]] = field(default_factory=dict)  # lesson -> ids with their key
    notebooks: list[str] = field(default_factory=list)
    files: int = 0

    def lines(self) -> list[str]:
        n_red = sum(len(v) for v in self.redacted.values())
        n_kept = sum(len(v) for v in self.kept.values())
        written = ui("release_written", out=self.out, files=self.files)
        out = [
            written.en,
            written.zh,
            ui("release_counts", redacted=n_red, kept=n_kept).en,
            ui("release_notebooks", n=len(self.notebooks)).en,
        ]
        for lesson, ids in sorted(self.redacted.items()):
            if ids:
                out.append(f"  {lesson}: {', '.join(ids)}")
        return out


def find_course_root(start: Path | None = None) -> Path:
    """The course folder: ``start`` (default: the current folder) or the installed package's."""
    root = paths.course_root(start)
    if root is None:
        raise InputError(both("not_a_course", path=Path(start) if start is not None
                              else Path.cwd()))
    return root


def redact_exercise(raw: dict, exercise, rng=None) -> dict:
    """The student-copy form of an assessment item: the question, no answer key.

    Args:
        raw: the item as written in the bank file.
        exercise: the engine's Exercise for it; its kind writes its own question fields
            (``Exercise.redact``: word-bank choices, matching rights and ordering items come in
            an order that does not follow the key).
        rng: the release's secret shuffle (``kinds.base.release_rng()``); one is made when
            None. Its seed is never written, so the order in the copy tells nothing.

    Returns:
        The mapping written into the student copy's bank file.
    """
    out = {k: raw[k] for k in KEEP_FIELDS if k in raw}
    out["redacted"] = True
    out.update(_redact(exercise, raw, rng))
    if isinstance(out.get("options"), list) and hasattr(exercise, "options"):
        out["options"] = _shuffled_options(out["options"], exercise, raw, rng)
    return out


def _shuffled_options(options: list, exercise, raw: dict, rng) -> list:
    """The options of a choice item in the release's secret order, each with its key written
    out (a key derived from the text would change with the order of look-alike texts).

    ``shuffle: false`` (a scale such as Grade 1-4) keeps the authored order: that order is the
    scale's own and tells nothing that the option texts do not.
    """
    from course.exercises.kinds.base import secret_shuffle

    keyed = [{**o, "key": opt.key} for o, opt in zip(options, exercise.options, strict=True)]
    if raw.get("shuffle", True) is False:
        return keyed
    return secret_shuffle(keyed, rng)


def _redact(exercise, raw, rng) -> dict:
    """``exercise.redact(raw, rng)``; a kind written before the secret shuffle takes only raw
    (it lists nothing for the learner to arrange, or orders it itself)."""
    import inspect

    try:
        takes_rng = len(inspect.signature(exercise.redact).parameters) >= 2
    except (TypeError, ValueError):
        takes_rng = False
    return exercise.redact(raw, rng) if takes_rng else exercise.redact(raw)


def release_bank_file(path: Path, bank, rng=None) -> tuple[dict, list[str], list[str]]:
    """The student-copy content of one bank file, the redacted ids and the ids kept whole.

    ``rng`` is the release's secret shuffle; a new one (256 secret bits) when None.
    """
    import yaml

    from course.exercises.loader import SAFE_LOADER  # the parser the bank loader uses

    with open(path, encoding="utf-8") as fh:
        doc = yaml.load(fh, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader
    return release_bank_doc(doc, bank, rng)


def release_bank_doc(doc, bank, rng=None) -> tuple[dict, list[str], list[str]]:
    """``release_bank_file`` of a bank file already read (``doc``, left unchanged): the leak
    count (tests/security) releases each file many times over and reads it once."""
    from course.exercises.kinds.base import release_rng

    rng = rng or release_rng()
    if not isinstance(doc, dict) or not isinstance(doc.get("exercises"), list):
        return doc, [], []
    redacted, kept, items = [], [], []
    for raw in doc["exercises"]:
        ex_id = raw.get("id") if isinstance(raw, dict) else None
        if isinstance(raw, dict) and raw.get("mode") == "assessment" and not raw.get("redacted"):
            items.append(redact_exercise(raw, bank[ex_id], rng))
            redacted.append(ex_id)
        else:
            items.append(raw)
            if ex_id is not None and not (isinstance(raw, dict) and raw.get("redacted")):
                kept.append(ex_id)
    out = dict(doc)
    out["student_copy"] = True
    out["exercises"] = items
    return out, redacted, kept


def hidden_texts(raw: dict) -> set[str]:
    """The texts of an assessment item that only the instructor may hold (12+ characters).

    Solution, hints, feedback (overall, per option, per blank), blank tips and the blank
    markers with their keys; a text that the question itself shows is not hidden.
    """
    from course.exercises import kinds

    found: list = [raw.get("solution"), *(raw.get("hints") or [])]
    fb = raw.get("feedback")
    if isinstance(fb, dict):
        found += list(fb.values())
    try:
        found += kinds.kind_of(raw.get("type")).key_texts(raw)
    except KeyError:
        pass  # an unknown type is the validator's to report
    visible = _squash(" ".join(_strings([raw.get("prompt"), raw.get("title"),
                                         *[o.get("text") for o in raw.get("options") or []
                                           if isinstance(o, dict)]])))
    out = set()
    for s in _strings(found):
        s = _squash(s)
        if len(s) >= 12 and s not in visible:
            out.add(s)
    return out


def _strings(values) -> list[str]:
    out = []
    for v in values:
        if isinstance(v, dict):
            out += [str(x) for x in v.values() if x]
        elif v:
            out.append(str(v))
    return out


def _strings_deep(value) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings_deep(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings_deep(v)]
    return [str(value)] if isinstance(value, str) else []


def _squash(text: str) -> str:
    return " ".join(text.split())


def _file_text(path: Path) -> str | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if b"\0" in data[:8192]:
        return None  # binary
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if path.suffix == ".ipynb":
        try:
            nb = json.loads(text)
            parts = []
            for cell in nb.get("cells", []):
                parts.append("".join(cell.get("source", "")))
                parts.append(json.dumps(cell.get("outputs", []), ensure_ascii=False))
            parts.append(json.dumps(nb.get("metadata", {}), ensure_ascii=False))
            text = "\n".join(parts)
        except (ValueError, AttributeError, TypeError):
            pass
    return _squash(text)


def audit(folder: Path, source_exercises: Path) -> list[str]:
    """Every place under ``folder`` where an assessment item's hidden text appears.

    A text that a practice or class item also holds (generic feedback such as "Well done",
    or a fact a practice item teaches) is not counted: the copy carries it with that item.
    """
    import yaml

    from course.exercises.loader import SAFE_LOADER

    secrets: dict[str, str] = {}
    public: list[str] = []  # what practice and class items hold: the copy carries it anyway
    for path in sorted(source_exercises.glob("*.y*ml")):
        with open(path, encoding="utf-8") as fh:
            doc = yaml.load(fh, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader
        for raw in (doc or {}).get("exercises") or []:
            if not isinstance(raw, dict):
                continue
            if raw.get("mode") == "assessment":
                for secret in hidden_texts(raw):
                    secrets.setdefault(secret, str(raw.get("id")))
            else:
                public += [_squash(t) for t in _strings_deep(raw)]
    public_text = "\n".join(public)
    secrets = {k: v for k, v in secrets.items() if k not in public_text}
    leaks = []
    if not secrets:
        return leaks
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        text = _file_text(path)
        if text is None:
            continue
        for secret, ex_id in secrets.items():
            if secret in text:
                leaks.append(f"{path.relative_to(folder)}: exercise {ex_id!r}: {secret[:60]!r}")
    return leaks


def clear_notebook(src: Path, dst: Path) -> None:
    """Copy a notebook with every output, execution count and saved widget state removed."""
    nb = json.loads(src.read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        cell.get("metadata", {}).pop("widgets", None)
    nb.get("metadata", {}).pop("widgets", None)
    dst.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _check_out(source: Path, out: Path) -> Path:
    out = Path(out).expanduser().resolve()
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise InputError(both("release_out_not_empty", path=out))
    if out == source or source in out.parents:
        raise InputError(both("release_out_inside", path=out, source=source))
    return out


def release(out: Path, source: Path | None = None) -> ReleaseSummary:
    """Write the student copy of the course at ``source`` into the new folder ``out``."""
    from course.exercises.loader import load_bank

    source = find_course_root(source)
    out = _check_out(source, out)
    bank = load_bank(source / "exercises")  # a broken bank stops here with the author's message
    # Build next to the target and move it into place at the end: a failure leaves no
    # half-made student copy behind.
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{out.name}.partial-", dir=out.parent))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(work, 0o777 & ~umask)  # mkdtemp's 0700 would hide the copy from a hub's users
    except OSError as exc:
        raise InputError(both("cannot_write", path=out, detail=exc.strerror or exc)) from None
    try:
        summary = _build(source, work, bank)
        leaks = audit(work, source / "exercises")
        answered = answered_items(work, bank)
        if answered:
            raise InputError(both("release_answered", count=len(answered),
                                  where="\n  ".join(answered[:20])))
        if leaks:
            raise InputError(both("release_leaks", count=len(leaks),
                                  where="\n  ".join(leaks[:20])))
        if out.exists():
            out.rmdir()
        work.rename(out)
    except OSError as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise InputError(both("cannot_write", path=out, detail=exc.strerror or exc)) from None
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    summary.out = out
    return summary


TEST_EXTRA_START, TEST_EXTRA_END = "# test extra", "# end of test extra"


def _learner_environment(path: Path) -> None:
    """environment.yml without its test tools (the lines between the two test-extra marks)."""
    if not path.is_file():
        return
    keep, skipping = [], False
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        mark = line.strip()
        if mark == TEST_EXTRA_START:
            skipping = True
        elif mark == TEST_EXTRA_END:
            skipping = False
        elif not skipping:
            keep.append(line)
    path.write_text("".join(keep), encoding="utf-8")


def _build(source: Path, out: Path, bank) -> ReleaseSummary:
    import yaml

    summary = ReleaseSummary(out=out)
    ignore = shutil.ignore_patterns(*JUNK)
    for name in SHIP_DIRS:
        if (source / name).is_dir():
            shutil.copytree(source / name, out / name, ignore=ignore, symlinks=False)
    for name in SHIP_FILES:
        if (source / name).is_file():
            shutil.copy2(source / name, out / name)
    for pattern in TEACHER_ONLY:
        for path in out.glob(pattern):
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    _learner_environment(out / "environment.yml")
    # Rewrite the copies in place: the copy holds exactly what the course folder holds,
    # minus the answer keys of assessment items and every notebook output. One secret shuffle
    # per release orders what learners arrange; its seed stays in this process.
    from course.exercises.kinds.base import release_rng

    rng = release_rng()
    # libyaml's writer where PyYAML has it (as the loaders): the pure-Python one took about a
    # fifth of a release (docs/benchmarks.md, issue 24). Same data; a key over 128 characters
    # may stay on one line where the Python writer made it an explicit "? " key.
    from course.exercises.loader import SAFE_DUMPER

    for path in sorted((out / "exercises").glob("*.y*ml")):
        doc, redacted, kept = release_bank_file(path, bank, rng)
        lesson = doc.get("lesson", path.stem) if isinstance(doc, dict) else path.stem
        summary.redacted[lesson] = redacted
        summary.kept[lesson] = kept
        with open(path, "w", encoding="utf-8") as fh:
            yaml.dump(doc, fh, Dumper=SAFE_DUMPER, allow_unicode=True, sort_keys=False)
    for path in sorted((out / "notebooks").rglob("*.ipynb")):
        clear_notebook(path, path)
        summary.notebooks.append(path.relative_to(out / "notebooks").as_posix())
    summary.files = sum(1 for p in out.rglob("*") if p.is_file())
    return summary
