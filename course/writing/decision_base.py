"""What every wrong decision of the reviewer is: :class:`Decision` (its name, what it is in
English and Chinese, the cap it brings, how it is found and excused, the facts it is read
with), :class:`Push` (a decision that presses the buyer to act, taken back by the words that
govern it) and :class:`Refusal` (one whose pattern is a denial itself); and :data:`TABLE`, the
decisions that are only data, read from decisions.yaml and checked once.

A decision found by a pattern, read where the task's facts allow it, is an entry of
decisions.yaml; one that reads the reply otherwise (an old price set against the price offered,
the buyer's message, capitals counted) is a class in the module of its subject (sale_decisions,
after_sale_decisions, promotion_decisions, asks_again); the table of them all is
course.writing.decisions.
"""
from __future__ import annotations

import re
from pathlib import Path

from course.errors import CourseError
from course.writing.prefilter import scan
from course.writing.text import clause_before, negated, push_denied, sentence_at


class Decision:
    """One wrong decision: its name, what it is (en, zh), the cap it brings, how it is found."""

    name = ""
    en = ""
    zh = ""
    cap = "wrong_decision"

    rx: re.Pattern | None = None

    def __init__(self, name: str = "", en: str = "", zh: str = "", rx: re.Pattern | None = None):
        """A decision found by one pattern is an instance, ``Decision(name, en, zh, rx)``; one
        that reads the reply otherwise is a subclass with its own ``find``."""
        for attr, value in (("name", name), ("en", en), ("zh", zh), ("rx", rx)):
            if value:
                setattr(self, attr, value)

    #: the facts the task must give for this decision to be read (a sample refused only where
    #: the task sells one), and those it must not give (a discount promised where it gives none)
    only_with: tuple = ()
    unless: tuple = ()

    def find(self, reply) -> str:
        """The words of the reply that take this decision, or ''.

        Where the task's facts let it be read (:meth:`read_here`), the first match of ``rx``
        that is neither denied in its own clause nor excused (see :meth:`excused`); a decision
        that reads the reply otherwise overrides this."""
        if self.rx is None:
            raise NotImplementedError
        if not self.read_here(reply.facts):
            return ""
        return self.first_taken(self.rx, reply.flat_body)

    def read_here(self, facts) -> bool:
        """True when the task gives every fact of ``only_with`` and none of ``unless``."""
        def given(name):
            return facts.get(name) not in (None, "")

        return all(map(given, self.only_with)) and not any(map(given, self.unless))

    def first_taken(self, rx: re.Pattern, text: str) -> str:
        """The first match of ``rx`` in ``text`` neither denied in its own clause nor excused."""
        for m in scan(rx).finditer(text):  # rx.finditer's matches, found faster
            if not negated(text, m.start()) and not self.excused(text, m):
                return m.group(0)
        return ""

    #: words that excuse a match (it does not take the decision after all), looked for in the
    #: match's sentence or in its clause before it (``excuse_in``)
    excuse: re.Pattern | None = None
    excuse_in = "clause"

    def excused(self, text: str, m: re.Match) -> bool:
        """True when the words matched at ``m`` do not take the decision after all."""
        if self.excuse is None:
            return False
        where = (sentence_at(text, m.start()) if self.excuse_in == "sentence"
                 else clause_before(text, m.start()))
        return bool(self.excuse.search(where))


class Push(Decision):
    """A decision that presses the buyer to act (pay, buy, order now): a push taken back by the
    words that govern it is no push ("No need to pay today.", "you don't have to buy it now",
    brief 22s); ``negated`` reads "no need to" as no denial, for "no need to send it back"."""

    def excused(self, text: str, m: re.Match) -> bool:
        return push_denied(text, m.start()) or super().excused(text, m)


class Refusal(Decision):
    """A decision whose pattern is itself a denial ("we do not send samples", "we cannot promise
    it will arrive"): its first match is what it finds, its own negation included."""

    def first_taken(self, rx: re.Pattern, text: str) -> str:
        m = rx.search(text)
        return m.group(0) if m else ""


# ------------------------------------------------------------------ the table in decisions.yaml
TABLE_FILE = Path(__file__).with_name("decisions.yaml")
_KINDS = {"Decision": Decision, "Push": Push, "Refusal": Refusal}
_REQUIRED = ("name", "en", "zh", "pattern")
_OPTIONAL = ("kind", "cap", "flags", "excuse", "excuse_in", "covered_by", "only_with", "unless")
_FLAGS = {"i": re.I, "m": re.M, "s": re.S, "x": re.X}
_NAME = re.compile(r"[a-z][a-z_]*\Z")
_PART = re.compile(r"\{([a-z_]+)\}")


def _code_parts() -> dict[str, str]:
    """The parts a pattern of the table may name that the code gives (not written in the file)."""
    import course.writing.patterns as P

    return {"carrier_names": P.CARRIERS.pattern[3:-3]}


def _expand(text, parts: dict, where: str) -> str:
    """``text`` (a string, or a list of alternatives joined with |) with each {part} put in."""
    if isinstance(text, list) and text and all(isinstance(t, str) and t for t in text):
        text = "|".join(text)
    if not isinstance(text, str) or not text:
        raise CourseError(f"{where}: must be a non-empty string or list of strings")
    unknown = sorted({p for p in _PART.findall(text) if p not in parts})
    if unknown:
        raise CourseError(f"{where}: no part {', '.join(unknown)} (the parts: "
                          f"{', '.join(sorted(parts))})")
    return _PART.sub(lambda m: parts[m.group(1)], text)


def _compiled(text, flags: int, parts: dict, where: str) -> re.Pattern:
    try:
        return re.compile(_expand(text, parts, where), flags)
    except re.error as exc:
        raise CourseError(f"{where}: does not compile ({exc})") from None


def _fields(entry, where: str) -> tuple[str, int]:
    """The place of ``entry`` in error messages and its flags, once its keys, strings, name,
    kind and flags are checked; ``where`` names the file and the entry ("decisions.yaml:
    decision 3"), by its name once it has one."""
    if not isinstance(entry, dict):
        raise CourseError(f"{where}: must be a mapping of fields")
    if isinstance(entry.get("name"), str):
        where = f"{where.split(':')[0]}: decision {entry['name']!r}"
    unknown = sorted(set(entry) - set(_REQUIRED) - set(_OPTIONAL), key=str)
    if unknown:
        raise CourseError(f"{where}, field {unknown[0]!r}: unknown field (the fields: "
                          f"{', '.join(_REQUIRED + _OPTIONAL)})")
    for key in _REQUIRED:
        if key not in entry:
            raise CourseError(f"{where}, field {key!r}: missing")
    for key in ("name", "en", "zh", "kind", "cap", "flags", "excuse_in"):
        if key in entry and not (isinstance(entry[key], str) and entry[key].strip()):
            raise CourseError(f"{where}, field {key!r}: must be a non-empty string")
    if not _NAME.match(entry["name"]):
        raise CourseError(f"{where}, field 'name': small letters and _ only")
    if entry.get("kind", "Decision") not in _KINDS:
        raise CourseError(f"{where}, field 'kind': {entry['kind']!r} is not one of "
                          f"{', '.join(_KINDS)}")
    flags = 0
    for letter in entry.get("flags", "i"):
        if letter not in _FLAGS:
            raise CourseError(f"{where}, field 'flags': {letter!r} is not one of "
                              f"{', '.join(_FLAGS)}")
        flags |= _FLAGS[letter]
    return where, flags


def _decision(entry, parts: dict, caps, facts, where: str) -> Decision:
    """One entry of the table as a Decision (or Push), every field checked."""
    where, flags = _fields(entry, where)
    d = _KINDS[entry.get("kind", "Decision")](
        entry["name"], entry["en"], entry["zh"],
        _compiled(entry["pattern"], flags, parts, f"{where}, field 'pattern'"))
    if "cap" in entry:
        if entry["cap"] not in caps:
            raise CourseError(f"{where}, field 'cap': {entry['cap']!r} is not a cap of "
                              "course/writing/rubric.py (RUBRIC.caps)")
        d.cap = entry["cap"]
    if "excuse" in entry:
        d.excuse = _compiled(entry["excuse"], flags, parts, f"{where}, field 'excuse'")
    if "excuse_in" in entry:
        if "excuse" not in entry or entry["excuse_in"] not in ("clause", "sentence"):
            raise CourseError(f"{where}, field 'excuse_in': clause or sentence, with an excuse")
        d.excuse_in = entry["excuse_in"]
    for key, known in (("covered_by", None), ("only_with", facts), ("unless", facts)):
        if key in entry:
            names = entry[key]
            if not (isinstance(names, list) and names and all(isinstance(n, str) for n in names)):
                raise CourseError(f"{where}, field {key!r}: must be a list of names")
            unknown = [n for n in names if known is not None and n not in known]
            if unknown:
                raise CourseError(f"{where}, field {key!r}: {unknown[0]!r} is not a fact "
                                  "(course.writing.values.FACT_KINDS)")
            setattr(d, key, tuple(names))
    return d


def read_table(path: Path = TABLE_FILE) -> dict[str, Decision]:
    """The decisions of ``path`` (decisions.yaml) by name, in the file's order, each checked: an
    unknown or missing field, a pattern that does not compile, an unknown part, a name given
    twice or an unknown cap raises a CourseError naming the file, the decision and the field."""
    import yaml

    from course.writing.rubric import RUBRIC
    from course.writing.values import FACT_KINDS

    path = Path(path)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser, where it is built
    try:
        data = yaml.load(path.read_text("utf-8"), Loader=loader)  # noqa: S506 (a safe loader)
    except (OSError, yaml.YAMLError) as exc:
        raise CourseError(f"{path.name}: cannot be read as YAML: {exc}") from None
    if not (isinstance(data, dict) and set(data) == {"parts", "decisions"}
            and isinstance(data["parts"], dict) and isinstance(data["decisions"], list)):
        raise CourseError(f"{path.name}: must hold 'parts' (a mapping) and 'decisions' (a list), "
                          "and nothing else")
    parts = _code_parts()
    for key, text in data["parts"].items():
        where = f"{path.name}: part {key!r}"
        if key in parts or not _NAME.match(str(key)):
            raise CourseError(f"{where}: a new name, of small letters and _ only")
        parts[key] = _expand(text, parts, where)  # a part may name the parts before it
    table: dict[str, Decision] = {}
    for i, entry in enumerate(data["decisions"], 1):
        d = _decision(entry, parts, RUBRIC.caps, FACT_KINDS, f"{path.name}: decision {i}")
        if d.name in table:
            raise CourseError(f"{path.name}: decision {d.name!r}, field 'name': given twice")
        table[d.name] = d
    return table


#: the decisions that are only data (decisions.yaml), by name
TABLE = read_table()
