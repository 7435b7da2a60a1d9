"""The release audit that grades: every string, number, list and mapping found anywhere in a
student copy is graded against every assessment item with the instructor's key; an item that
something other than its own question answers stops the release.

What counts as a candidate answer (docs/instructor.md, "What the release audit checks"):

- in YAML and JSON files (the bank, notebooks, data): every scalar, every list of scalars and
  every mapping of text to text, except the item's own entry in the bank (its options and
  choices are the question);
- in notebooks: every line of every cell's source and output;
- in CSV files: every cell and every row; in Python files: every literal text, list and
  mapping; in other text files: every line;
- beside an item's id (in the same mapping or CSV row, or within three lines after it): each
  number with its unit or currency ("9 days", "US$40", "3.5万亿") and each quoted text.

A number answers a numeric item only beside the item's id: numbers are the course's subject
matter (a practice item may teach a sum whose result happens to be an assessment answer too,
the data hold thousands of them), and a number alone tells a learner nothing about which
question it answers. A teacher's file of verdicts, keys or notes names the item it is about.
An option's key made of one word ("identify") answers a single choice only beside the item's
id: it is a word the lessons teach; a key of several words ("say-sorry-first") is a slug that
only a teacher's file would hold, and answers anywhere.
The keys of an assessment item's own options answer no other item that shares an option with
it ("derived-behaviour" among the options of two questions on loyalty): beside their siblings,
they say nothing about which one is right.
True/false items are not graded here (any boolean "answers" half of them); the secret shuffle
and a balanced bank (``crm-course lint``) are their defence.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

MAX_TEXT = 200  # a candidate longer than this is a paragraph, not an answer
ID_WINDOW = 3  # lines after a line naming an item's id whose numbers are read as its answer
_NUMBER_WITH_UNIT = re.compile(
    r"(?<![\w#.])(?:[$¥€£]|USD|CNY|RMB|EUR)?\s?\d[\d,]*(?:\.\d+)?\s?"
    r"(?:%|[\u4e00-\u9fff]{1,4}|[A-Za-z]+(?:\s[A-Za-z]+)?)?(?![\w.])")


@dataclass
class Candidates:
    """What a copy holds that a learner could type or pick: texts, lists and mappings."""

    texts: dict = field(default_factory=dict)  # text -> {owner id or "": first file}
    lists: set = field(default_factory=set)  # (tuple of texts, owner)
    maps: set = field(default_factory=set)  # (frozenset of (left, right), owner)
    near: dict = field(default_factory=dict)  # item id -> {text seen next to it: file}
    where: dict = field(default_factory=dict)  # a candidate -> the first file it came from
    #: assessment item id -> the keys of its own options: shown beside each other as its
    #: question, they answer no other item that happens to share an option with it
    option_keys: dict = field(default_factory=dict)

    def add_text(self, value, path: str, owner: str = "") -> None:
        text = str(value).strip()
        if text and len(text) <= MAX_TEXT:
            self.texts.setdefault(text, {}).setdefault(owner, path)

    def add_list(self, values, path: str, owner: str = "") -> None:
        texts = tuple(str(v).strip() for v in values)
        if 1 < len(texts) <= 12 and all(t and len(t) <= MAX_TEXT for t in texts):
            self.lists.add((texts, owner))
            self.where.setdefault((texts, owner), path)

    def add_map(self, mapping: dict, path: str, owner: str = "") -> None:
        pairs = frozenset((str(k).strip(), str(v).strip()) for k, v in mapping.items())
        if 1 < len(pairs) <= 12:
            self.maps.add((pairs, owner))
            self.where.setdefault((pairs, owner), path)


def _scalars(value) -> list:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _scalars(v)]
    if isinstance(value, list):
        return [s for v in value for s in _scalars(v)]
    return [] if value is None or isinstance(value, bool) else [value]


def _walk(value, out: Candidates, path: str, owner: str, ids: set) -> None:
    """Every scalar, list and text mapping under ``value``; a mapping naming an item's id
    lends its scalars to that item's nearby answers."""
    if isinstance(value, dict):
        if value.get("mode") == "assessment" and isinstance(value.get("id"), str):
            owner = value["id"]  # the item's own entry: its question, never its answer
        elif owner and isinstance(value.get("key"), str) and "text" in value:
            out.option_keys.setdefault(owner, set()).add(value["key"].strip())
        scalars = [v for v in value.values() if not isinstance(v, dict | list)]
        if all(isinstance(v, str) for v in scalars) and scalars and len(scalars) == len(value):
            out.add_map(value, path, owner)
        named = {s for s in scalars if isinstance(s, str) and s in ids} - {owner}
        for ex_id in named:
            found = out.near.setdefault(ex_id, {})
            for s in _scalars(value):
                found.setdefault(str(s), path)
        for v in value.values():
            _walk(v, out, path, owner, ids)
    elif isinstance(value, list):
        if value and all(isinstance(v, str | int | float) and not isinstance(v, bool)
                         for v in value):
            out.add_list(value, path, owner)
        for v in value:
            _walk(v, out, path, owner, ids)
    elif value is not None and not isinstance(value, bool):
        out.add_text(value, path, owner)
        if isinstance(value, str):
            _lines(value, out, path, owner, ids)


def _lines(text: str, out: Candidates, path: str, owner: str, ids: set) -> None:
    """Each line of a text, each number with its unit in it, and what follows an item's id."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if len(lines) > 1:
            out.add_text(line, path, owner)
        for m in _NUMBER_WITH_UNIT.finditer(line):
            out.add_text(m.group(0), path, owner)
        for ex_id in _ids_in(line, ids):
            if ex_id != owner:
                window = " ".join(lines[i:i + ID_WINDOW + 1])
                found = out.near.setdefault(ex_id, {})
                for m in _NUMBER_WITH_UNIT.finditer(window):
                    found.setdefault(m.group(0).strip(), path)
                for quoted in re.findall(r"[\"']([^\"'\n]{1,60})[\"']", window):
                    found.setdefault(quoted, path)


def _python_literals(text: str, out: Candidates, path: str, ids: set) -> bool:
    """The literals of a Python file (texts, lists, dicts) and its lines; False when it does
    not parse (then it is read as plain text)."""
    import ast

    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return False
    for node in ast.walk(tree):
        if isinstance(node, ast.List | ast.Tuple | ast.Set | ast.Dict | ast.Constant):
            try:
                value = ast.literal_eval(node)
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                continue
            if isinstance(value, tuple | set):
                value = list(value)
            if isinstance(value, list | dict):
                _walk(value, out, path, "", ids)
            elif isinstance(value, str):
                out.add_text(value, path)
    _lines(text, out, path, "", ids)
    return True


def _ids_in(line: str, ids: set) -> list[str]:
    """The item ids a line names (a quick test first: every id holds a hyphen)."""
    if "-" not in line:
        return []
    return [ex_id for ex_id in ids if ex_id in line]


def _read(path: Path) -> bytes | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if path.suffix == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            return None
    return data


def collect(folder: Path, ids: set) -> Candidates:
    """Every candidate answer in the files under ``folder``.

    The Python modules of the ``course`` package are not read: they are the same engine for
    every course (a learner can install it from the package index), and their docstrings'
    examples of numbers with units ("US$300") would stop releases by coincidence.
    """
    import yaml

    from course.exercises.loader import SAFE_LOADER

    out = Candidates()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder).as_posix()
        if rel.startswith("course/") and path.suffix == ".py":
            continue
        data = _read(path)
        if data is None or b"\0" in data[:8192]:
            continue
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            continue
        name = path.name[:-3] if path.suffix == ".gz" else path.name
        suffix = Path(name).suffix
        try:
            if suffix in (".yaml", ".yml"):
                _walk(yaml.load(text, Loader=SAFE_LOADER), out, rel, "", ids)  # noqa: S506 - safe
                continue
            if suffix in (".json", ".ipynb"):
                _walk(json.loads(text), out, rel, "", ids)
                continue
        except (ValueError, yaml.YAMLError):
            pass  # not what its name says: read as plain text below
        if suffix == ".py" and _python_literals(text, out, rel, ids):
            continue
        if suffix == ".csv":
            for row in csv.reader(io.StringIO(text)):
                out.add_list(row, rel)
                for ex_id in {i for cell in row for i in _ids_in(cell, ids)}:
                    found = out.near.setdefault(ex_id, {})
                    for cell in row:
                        found.setdefault(cell.strip(), rel)
                for cell in row:
                    out.add_text(cell, rel)
                    if "-" in cell:
                        _lines(cell, out, rel, "", ids)
            continue
        _lines(text, out, rel, "", ids)
    return out


def _answers_text(ex, text: str) -> bool:
    """Whether one candidate text, typed as the whole response, gets full marks."""
    kind = ex.type
    if kind == "numeric":
        response = text
    elif kind == "cloze" and len(ex.blanks) == 1:
        response = [text]
    elif kind == "single_choice":
        return text in {o.key for o in ex.options if o.correct}
    else:
        return False
    try:
        return bool(ex.grade(response).correct)
    except Exception:  # noqa: BLE001 - a candidate the grader cannot read answers nothing
        return False


def _answers_value(ex, value) -> bool:
    try:
        return bool(ex.grade(value).correct)
    except Exception:  # noqa: BLE001 - as above
        return False


def answered_items(folder: Path, bank) -> list[str]:
    """Each assessment item that a candidate in ``folder`` answers, with where it was found."""
    items = [ex for ex in bank.exercises
             if ex.mode == "assessment" and ex.type not in ("true_false", "reply", "roleplay")]
    ids = {ex.id for ex in items}
    cands = collect(folder, ids)
    ordered = _Ordered.of(cands)  # sorted once, not once per item
    found = []
    for ex in items:
        hit = _first_answer(ex, cands, ordered)
        if hit is not None:
            value, path = hit
            found.append(f"{path}: exercise {ex.id!r} answered by {_show(value)}")
    return found


@dataclass
class _Ordered:
    """The candidates in the order they are tried (the first hit is the one reported)."""

    texts: list
    lists: list
    maps: list

    @classmethod
    def of(cls, cands: Candidates) -> _Ordered:
        return cls(sorted(cands.texts.items()), sorted(cands.lists),
                   sorted(cands.maps, key=lambda p: sorted(p[0])))


def _first_answer(ex, cands: Candidates, ordered: _Ordered):
    """The first candidate (outside the item's own entry) that answers ``ex`` and the file it
    is in, or None."""
    for text, path in sorted(cands.near.get(ex.id, {}).items()):
        if _answers_text(ex, text) or (ex.type == "multiple_choice"
                                       and _answers_value(ex, [text])):
            return text, path
    if ex.type == "single_choice":  # only a right option's key can answer: look those up
        right = sorted(o.key for o in ex.options if o.correct)
        tried = [(key, cands.texts[key]) for key in right if key in cands.texts]
    elif ex.type == "cloze" and len(ex.blanks) == 1:
        tried = ordered.texts
    else:
        tried = ()  # a number answers only beside the item's id (module docstring)
    for text, owners in tried:
        if ex.type == "single_choice" and "-" not in text:
            continue  # "identify" is a word a lesson teaches; a slug is a teacher's artifact
        paths = [p for owner, p in owners.items()
                 if owner != ex.id and text not in cands.option_keys.get(owner, ())]
        if paths and _answers_text(ex, text):
            return text, paths[0]
    return _first_structured(ex, cands, ordered)


def _could_answer(ex):
    """A cheap test before grading (made once per item): a list of the item's length, or of
    its option keys."""
    if ex.type == "cloze":
        size = len(ex.blanks)
        return lambda values: len(values) == size
    if ex.type == "ordering":
        size = len(ex.keys)
        return lambda values: len(values) == size
    return frozenset(o.key for o in ex.options).issuperset  # multiple_choice


def _first_structured(ex, cands: Candidates, ordered: _Ordered):
    if ex.type in ("cloze", "ordering", "multiple_choice"):
        could = _could_answer(ex)
        for values, owner in ordered.lists:
            if owner != ex.id and could(values) \
                    and _answers_value(ex, list(values)):
                return values, cands.where[values, owner]
    if ex.type == "matching":
        lefts = {str(left) for left in ex.lefts}
        for pairs, owner in ordered.maps:
            if owner != ex.id and lefts <= {left for left, _ in pairs} \
                    and _answers_value(ex, dict(pairs)):
                return pairs, cands.where[pairs, owner]
    return None


def _show(value) -> str:
    if isinstance(value, frozenset):
        value = dict(sorted(value))
    elif isinstance(value, tuple):
        value = list(value)
    return repr(value)[:80]
