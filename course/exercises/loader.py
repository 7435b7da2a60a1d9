"""Loads exercise bank files: YAML with line numbers, the JSON Schema, then checks of meaning."""
from __future__ import annotations

import difflib
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from course import paths
from course.errors import BankError, CourseError, DefinitionError
from course.exercises import kinds, renames, valid_memo
from course.exercises.bank import Bank, Lesson
from course.exercises.kinds.base import check_examples
from course.exercises.schema import field_path, schema_message, validator
from course.messages import ui
from course.settings import (  # limits that keep `validate` quick; their reasons are there
    MAX_BANK_BYTES,
    MAX_DEPTH,
    MAX_MESSAGE_CHARS,
    MAX_NODES,
    MAX_NUMBER,
    MAX_PROBLEMS,
)
from course.text import as_bilingual

#: libyaml's safe parser and writer where PyYAML has them (much faster, the same data), else
#: PyYAML's own (built without libyaml): every reader and writer of bank files uses these two
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_BaseLoader = SAFE_LOADER  # the constructor (ours) is Python either way


@dataclass(frozen=True)
class Problem:
    """One problem in a bank file: where it is and what is wrong."""

    file: str
    message: str
    exercise_id: str | None = None
    field: str | None = None
    line: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", clip_message(self.message))

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        parts = [where]
        if self.exercise_id:
            parts.append(f"exercise {self.exercise_id!r}")
        if self.field:
            parts.append(f"field {self.field!r}")
        return ": ".join(parts) + f": {self.message}"


def clip_message(text, limit: int = MAX_MESSAGE_CHARS) -> str:
    """A message cut to ``limit`` characters (a schema message may quote a huge value)."""
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class LineDict(dict):
    """A YAML mapping that remembers the line of itself and of each key."""

    line: int = 0
    lines: dict


class _LineLoader(_BaseLoader):
    pass


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be a plain value", key_node.start_mark
            ) from None
        if key in mapping:
            loader.duplicate_keys.append((key, key_node.start_mark.line + 1))
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = key_node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


class _TooBig(Exception):
    """A YAML document over the node or depth limit (before any value is built)."""

    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.line = line


def _children(node) -> list:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _check_graph(root) -> None:
    """Refuse a node graph that expands past MAX_NODES values or MAX_DEPTH levels.

    Aliases share nodes, so the expanded size is computed once per distinct node; a node
    reached again while it is being walked is an alias to itself.
    """
    size: dict[int, int] = {}
    on_path: set[int] = set()
    stack = [(root, iter(_children(root)), [1])]
    on_path.add(id(root))
    while stack:
        node, todo, total = stack[-1]
        child = next(todo, None)
        if child is None:
            stack.pop()
            on_path.discard(id(node))
            size[id(node)] = total[0]
            if stack:
                stack[-1][2][0] += total[0]
                if stack[-1][2][0] > MAX_NODES:
                    raise _TooBig(f"the file expands to more than {MAX_NODES:,} values (aliases "
                                  "counted each time they are used); a bank file holds a few "
                                  "thousand", node.start_mark.line + 1)
            continue
        if id(child) in size:
            total[0] += size[id(child)]
            if total[0] > MAX_NODES:
                raise _TooBig(f"the file expands to more than {MAX_NODES:,} values (aliases "
                              "counted each time they are used); a bank file holds a few "
                              "thousand", child.start_mark.line + 1)
            continue
        if id(child) in on_path:
            raise _TooBig("an alias refers to the value that contains it (a loop)",
                          child.start_mark.line + 1)
        if len(stack) >= MAX_DEPTH:
            raise _TooBig(f"values are nested more than {MAX_DEPTH} levels deep",
                          child.start_mark.line + 1)
        on_path.add(id(child))
        stack.append((child, iter(_children(child)), [1]))


def _parse_yaml(text: str, file: str):
    loader = _LineLoader(text)
    loader.duplicate_keys = []
    try:
        node = loader.get_single_node()
        if node is None:
            return None, loader.duplicate_keys
        _check_graph(node)
        return loader.construct_document(node), loader.duplicate_keys
    finally:
        loader.dispose()


def _line_at(text: str, position) -> int | None:
    if not isinstance(position, int) or position < 0:
        return None
    return text.count("\n", 0, position) + 1


def _big_numbers(data, path=()) -> list[tuple[tuple, int]]:
    """Integers too large for a bank (they overflow a float), with where they are."""
    found = []
    stack = [(data, path)]
    while stack and len(found) < MAX_PROBLEMS:
        value, where = stack.pop()
        if isinstance(value, dict):
            stack.extend((v, (*where, k)) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, (*where, i)) for i, v in enumerate(value))
        elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
            found.append((where, value))
    return found


def _line_of(data, path) -> int | None:
    """The line of the deepest mapping key along ``path``."""
    line = getattr(data, "line", None)
    node = data
    for part in path:
        if isinstance(node, LineDict) and part in node.lines:
            line = node.lines[part]
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, LineDict):
            line = node.line if not isinstance(part, str) else line
    return line


def _exercise_at(data, path) -> tuple[str | None, list]:
    """The exercise id that ``path`` points into, and the rest of the path."""
    path = list(path)
    if len(path) >= 2 and path[0] == "exercises" and isinstance(path[1], int):
        try:
            raw = data["exercises"][path[1]]
            ex_id = raw.get("id") if isinstance(raw, dict) else None
        except (KeyError, IndexError, TypeError):
            ex_id = None
        return (str(ex_id) if ex_id is not None else f"#{path[1] + 1}"), path[2:]
    return None, path


def check_file(path: Path, all_examples: bool = True,
               remember: bool = False) -> tuple[Lesson | None, list[Problem]]:
    """Load and check one bank file; returns the lesson (None if unusable) and every problem.

    ``all_examples=False`` (opening a lesson) skips the examples of kinds whose grading is
    slow (``examples_at_load`` false: reply tasks); validate and the tests check them all.
    ``remember=True`` (opening a lesson): a text that passed the schema before is not checked
    against it again (course.exercises.valid_memo); every other check runs."""
    file = _display_path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        return None, [Problem(file, f"cannot be read: {exc.strerror or exc}")]
    if size > MAX_BANK_BYTES:
        return None, [Problem(file, f"the file is {size:,} bytes; a bank file may hold at most "
                                    f"{MAX_BANK_BYTES:,} (split the lesson)")]
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [Problem(file, "not UTF-8 text; save the file as UTF-8")]
    except OSError as exc:
        return None, [Problem(file, f"cannot be read: {exc.strerror or exc}")]
    try:
        data, duplicates = _parse_yaml(text, file)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = " ".join(filter(None, [exc.context, exc.problem]))
        return None, [Problem(file, f"YAML syntax error: {what}", line=line)]
    except yaml.reader.ReaderError as exc:
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        return None, [Problem(file, f"the character U+{ord(char):04X} is not allowed in a YAML "
                                    "file (a control character); delete it",
                              line=_line_at(text, exc.position))]
    except yaml.YAMLError as exc:
        return None, [Problem(file, f"YAML error: {exc}")]
    except _TooBig as exc:
        return None, [Problem(file, str(exc), line=exc.line)]
    except RecursionError:
        return None, [Problem(file, f"values are nested more than {MAX_DEPTH} levels deep")]
    problems = [Problem(file, f"the key {k!r} appears twice", line=ln) for k, ln in duplicates]
    if not isinstance(data, dict):
        return None, problems + [Problem(file, "a bank file must be a mapping with "
                                               "`lesson`, `title` and `exercises`", line=1)]
    digest = valid_memo.key(text) if remember else None
    if valid_memo.passed(digest):
        schema_problems, bad_exercises = [], set()
    else:
        schema_problems, bad_exercises = _schema_problems(data, file)
        if not schema_problems:
            valid_memo.remember(digest)
    problems += schema_problems
    if not isinstance(data.get("exercises"), list) or "lesson" not in data:
        return None, problems
    slug = str(data.get("lesson"))
    if path.stem != slug and not problems:
        problems.append(Problem(file, f"the lesson slug {slug!r} does not match the file name "
                                      f"{path.name!r} (expected {slug}.yaml)", field="lesson",
                                line=getattr(data, "lines", {}).get("lesson")))
    problems += _copy_problems(data, file, bad_exercises)
    problems += _revisit_problems(data, file, path, bad_exercises)
    exercises, built_problems = _build_exercises(data, slug, file, bad_exercises,
                                                 all_examples)
    lesson = Lesson(slug, as_bilingual(data.get("title")), exercises, source=file)
    return lesson, problems + built_problems


def _schema_problems(data: dict, file: str) -> tuple[list[Problem], set[int]]:
    """The schema's complaints about a parsed bank file, and the indexes of the exercises
    they concern (those are not built)."""
    problems, bad_exercises = [], set()
    huge = _big_numbers(data)
    for where, value in huge:
        ex_id, rest = _exercise_at(data, where)
        problems.append(Problem(file, f"the number {str(value)[:12]}… has {len(str(abs(value)))} "
                                      f"digits; numbers in a bank stay below {MAX_NUMBER:.0e}",
                                ex_id, field_path(rest) or None, _line_of(data, where)))
    if huge:
        return problems, set(range(len(data.get("exercises") or [])))
    errors = list(itertools.islice(validator().iter_errors(data), MAX_PROBLEMS + 1))
    if len(errors) > MAX_PROBLEMS:
        errors = errors[:MAX_PROBLEMS]
        problems.append(Problem(file, f"more than {MAX_PROBLEMS} problems: the first "
                                      f"{MAX_PROBLEMS} are listed; fix them and validate again"))
        bad_exercises = set(range(len(data.get("exercises") or [])))  # nothing more is built
    for error in sorted(errors, key=lambda e: list(map(str, e.path))):
        ex_id, rest = _exercise_at(data, error.path)
        if ex_id is not None:
            bad_exercises.add(list(error.path)[1])
        field = field_path(rest) or (None if ex_id else field_path(error.path) or None)
        if error.validator == "required" and ex_id is not None:
            missing = error.message.split("'")[1] if "'" in error.message else None
            field = field + "." + missing if field and missing else (missing or field)
            message = "is missing (required for this type)" if missing else error.message
        else:
            message = schema_message(error)
        line = _line_of(data, error.path)
        if error.validator == "additionalProperties" and isinstance(error.instance, LineDict):
            extra = [k for k in error.instance if k not in error.schema.get("properties", {})]
            extra.sort(key=repr)
            line = error.instance.lines.get(extra[0], line) if extra else line
        problems.append(Problem(file, message, ex_id, field, line))
    return problems, bad_exercises


_BLANK_MARK = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)


def _copy_problems(data: dict, file: str, bad: set[int]) -> list[Problem]:
    """A student copy must carry no assessment key: every assessment item redacted, and a
    redacted cloze with only ``[[?]]`` blanks and, for a word bank, its shuffled choices."""
    problems = []
    for i, raw in enumerate(data["exercises"]):
        if not isinstance(raw, dict):
            continue
        ex_id, line = str(raw.get("id")), getattr(raw, "line", None)
        if data.get("student_copy") and raw.get("mode") == "assessment" \
                and not raw.get("redacted"):
            problems.append(Problem(file, "this assessment item is not redacted, so a student "
                                          "copy would give its key away; make the copy with "
                                          "`crm-course release`", ex_id, "redacted", line))
            bad.add(i)
        if not raw.get("redacted") or raw.get("type") != "cloze":
            continue
        texts = raw.get("text")
        texts = list(texts.values()) if isinstance(texts, dict) else [texts]
        if any(m.group(1).strip() != "?" for t in texts if isinstance(t, str)
               for m in _BLANK_MARK.finditer(t)):
            problems.append(Problem(file, "this redacted cloze still holds its answers: every "
                                          "blank must read [[?]]", ex_id, "text", line))
            bad.add(i)
        elif raw.get("word_bank") and not raw.get("choices"):
            problems.append(Problem(file, "this redacted word-bank cloze needs its shuffled "
                                          "`choices` (`crm-course release` writes them)", ex_id,
                                    "choices", line))
            bad.add(i)
    return problems


def _revisit_problems(data: dict, file: str, path: Path, bad: set[int]) -> list[Problem]:
    """A ``revisit`` pointer must name a lesson of the course's order file."""
    problems = []
    slugs = None
    for i, raw in enumerate(data["exercises"]):
        revisit = raw.get("revisit") if isinstance(raw, dict) else None
        if i in bad or not isinstance(revisit, dict) or not isinstance(revisit.get("lesson"), str):
            continue
        if slugs is None:
            from course.exercises import course_map

            try:
                order = course_map.load_cached(course_map.course_file_for(path))
                slugs = tuple(e.slug for e in order.lessons)
            except CourseError as exc:
                slugs = str(exc)
        line = getattr(revisit, "lines", {}).get("lesson") or getattr(raw, "line", None)
        ex_id = str(raw.get("id"))
        if isinstance(slugs, str):
            problems.append(Problem(file, f"the lesson cannot be checked: {slugs}", ex_id,
                                    "revisit.lesson", line))
        elif revisit["lesson"] not in slugs:
            close = difflib.get_close_matches(revisit["lesson"], slugs, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            problems.append(Problem(file, f"{revisit['lesson']!r} is not a lesson of "
                                          f"notebooks/course.yaml{hint}; the lessons are "
                                          f"{', '.join(slugs)}", ex_id, "revisit.lesson", line))
    return problems


def _build_exercises(data: dict, slug: str, file: str, skip: set[int],
                     all_examples: bool = True) -> tuple[list, list[Problem]]:
    """The exercises of a bank file that the schema let through, and the problems of meaning
    found while building them (definitions, examples, repeated ids)."""
    problems, exercises = [], []
    for i, raw in enumerate(data["exercises"]):
        if i in skip or not isinstance(raw, dict):
            continue
        ex_id = str(raw.get("id"))
        line = getattr(raw, "line", None)
        if len(problems) > MAX_PROBLEMS:
            problems.append(Problem(file, f"more than {MAX_PROBLEMS} problems: the rest of the "
                                          "file is not checked; fix these and validate again"))
            return [], problems
        try:
            ex = kinds.build_exercise(raw, lesson=slug, source=file)
            found = (_check_examples(ex, raw, file)
                     if all_examples or ex.examples_at_load else [])
        except DefinitionError as exc:
            field_line = getattr(raw, "lines", {}).get(exc.field.split("[")[0].split(".")[0], line)
            problems.append(Problem(file, str(exc), ex_id, exc.field, field_line))
            continue
        except Exception as exc:  # noqa: BLE001 - a bank must never stop validate with a traceback
            problems.append(Problem(file, f"this exercise cannot be checked ({type(exc).__name__}:"
                                          f" {clip_message(exc, 120)}); check its fields against "
                                          "docs/authoring.md", ex_id, None, line))
            continue
        problems.extend(found)
        exercises.append(ex)
    seen: dict[str, int] = {}
    for ex in exercises:
        if ex.id in seen:
            problems.append(Problem(file, "this id is used twice in the file; ids must be unique",
                                    ex.id, "id", getattr(ex.raw, "line", None)))
        seen[ex.id] = 1
    problems += _former_problems(exercises)
    return exercises, problems


def _former_problems(exercises, *, across_files: bool = False) -> list[Problem]:
    """The author's errors of ``former_ids`` (``renames.former_id_problems``), each naming
    the file, the exercise and the field; ``across_files``: only the clashes between two
    files (those inside one file were named when it was checked)."""
    out = []
    for ex, old, other, why in renames.former_id_problems(exercises):
        if across_files and other.source == ex.source:
            continue
        line = getattr(ex.raw, "lines", {}).get("former_ids", getattr(ex.raw, "line", None))
        out.append(Problem(ex.source, why, ex.id, f"former_ids[{ex.former_ids.index(old)}]",
                           line))
    return out


def _check_examples(ex, raw, file: str) -> list[Problem]:
    """Every example must grade as declared: correct ones fully right, wrong ones not."""
    line = getattr(raw.get("examples"), "line", None) or getattr(raw, "line", None)
    return [Problem(file, message, ex.id, f"examples.{which}[{i}]", line)
            for which, i, message in check_examples(ex)]


def _display_path(path: Path) -> str:
    """A path as an author would write it: relative to the working folder when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def bank_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    return [path]


def check_paths(paths) -> tuple[list[Lesson], list[Problem], int]:
    """Check files and folders together (ids unique across all); returns lessons, problems, files."""
    lessons, problems, n_files = [], [], 0
    owner: dict[str, str] = {}
    for given in paths:
        path = Path(given).expanduser()
        if not path.exists():
            problems.append(Problem(str(given), "no such file or folder"))
            continue
        files = bank_files(path)
        if path.is_dir() and not files:
            problems.append(Problem(str(given), "this folder holds no .yaml bank files"))
        for file in files:
            n_files += 1
            lesson, file_problems = check_file(file)
            problems.extend(file_problems)
            if lesson is None:
                continue
            for ex in lesson.exercises:
                if ex.id in owner and owner[ex.id] != lesson.source:
                    problems.append(Problem(lesson.source, f"this id is already used in "
                                                           f"{owner[ex.id]}; ids must be unique "
                                                           "across the whole bank", ex.id, "id",
                                            getattr(ex.raw, "line", None)))
                owner.setdefault(ex.id, lesson.source)
            lessons.append(lesson)
    problems += _former_problems([ex for lesson in lessons for ex in lesson.exercises],
                                 across_files=True)
    return lessons, problems, n_files


def load_bank(path=None) -> Bank:
    """Load a bank file or folder (default: the project's exercises/); raises BankError."""
    lessons, problems, _ = check_paths([path if path is not None else paths.bank_dir()])
    if problems:
        raise BankError(problems)
    return Bank(lessons)


def load_lesson(slug: str) -> Lesson:
    """One lesson of the project's bank by slug ("02-idic") or number ("02", 2).

    Checked as ``crm-course validate`` checks it, except the examples of reply tasks (slow to
    review: they would delay the lesson's first exercise); validate and the tests review them.
    A file whose text passed the schema before skips that part (course.exercises.valid_memo)."""
    folder = paths.bank_dir()
    key = str(slug).strip()
    if key.isdigit():
        key = f"{int(key):02d}"
    files = bank_files(folder) if folder.is_dir() else []
    match = [f for f in files if f.stem == key] or [f for f in files if f.stem.split("-")[0] == key]
    if len(match) != 1:
        available = ", ".join(f.stem for f in files) or "none"
        raise CourseError(ui("no_lesson", slug=slug, available=available).both(" "))
    lesson, problems = check_file(match[0], all_examples=False, remember=True)
    if problems:
        raise BankError(problems)
    return lesson
