"""The bank's JSON Schema: the common part from ``exercises/schema.json``, each kind's fields
from the kinds registry, and the author-facing wording of a schema error."""
from __future__ import annotations

import copy
import difflib
import json
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from course import paths
from course.errors import CourseError
from course.exercises import kinds


def assemble(schema: Mapping, type_names) -> dict:
    """The schema file with the registered kinds added to its ``$defs.exercise``.

    Each kind's ``schema`` properties are allowed on any exercise where every kind that names
    the field agrees on it; otherwise (``answer``: a boolean for true/false, a number for a
    numeric) the field is checked where the exercise's ``type`` says which kind it is. The
    kind's ``required`` (``required_redacted`` in a student copy) fields are required there.
    """
    schema = copy.deepcopy(dict(schema))
    exercise = schema.get("$defs", {}).get("exercise")
    if not isinstance(exercise, dict):
        return schema
    props = exercise.setdefault("properties", {})
    props["type"] = {"enum": list(type_names)}
    common = set(props)
    owned = list(dict.fromkeys(kinds.kind_of(t) for t in type_names))
    for kind in owned:
        for name, fragment in (kind.schema or {}).items():
            if name not in common:
                props[name] = fragment if props.get(name, fragment) == fragment else {}
    rules = exercise.setdefault("allOf", [])
    for kind in owned:
        # a field the kinds disagree on (left open above) is checked where the type is known
        own = {k: v for k, v in (kind.schema or {}).items() if k not in common and props[k] == {}}
        rules.append({
            "if": {"properties": {"type": {"enum": list(kind.types)}}, "required": ["type"]},
            "then": {
                "properties": own,
                "if": {"properties": {"redacted": {"const": True}}, "required": ["redacted"]},
                "then": {"required": list(kind.required_redacted)},
                "else": {"required": list(kind.required)},
            },
        })
    return schema


def bank_schema() -> dict:
    """The schema in force, assembled (what ``crm-course validate`` checks a bank against)."""
    return assemble(json.loads(paths.schema_path().read_text(encoding="utf-8")), kinds.types())


# The optional libraries jsonschema's format checkers import when they are installed (Jupyter
# installs them all): about 0.15 s at import, arrow and its time zones the most.
FORMAT_LIBRARIES = ("rfc3987_syntax", "rfc3987", "rfc3986_validator", "rfc3339_validator",
                    "isoduration", "arrow", "webcolors", "jsonpointer", "uri_template", "fqdn")


def import_jsonschema():
    """Import jsonschema without the format checkers' libraries, which it never needs here.

    jsonschema's format checkers import ``rfc3987_syntax`` (which compiles an IRI grammar: 1.3 s),
    arrow, isoduration and more when they are installed. The bank schema uses no ``format``, so
    those modules are hidden while jsonschema is imported, and restored at once for anyone else
    who wants them (jsonschema then checks no such format, which this schema never asks for).
    """
    import sys

    if "jsonschema" in sys.modules:
        import jsonschema

        return jsonschema
    hidden = [name for name in FORMAT_LIBRARIES if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # makes `import name` fail fast
    try:
        import jsonschema
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
    return jsonschema


def validator():
    """The validator of the bank schema in force (see ``paths.schema_path``)."""
    return validator_for(paths.schema_path(), kinds.types())


@lru_cache(maxsize=4)
def validator_for(path: Path, type_names: tuple[str, ...]):
    """A validator of the schema file at ``path``, told the registered types and their fields.

    The schema file describes the fields every exercise has; the list of types, each kind's
    fields and the fields it requires come from the registry, the only list of types.
    """
    jsonschema = import_jsonschema()

    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CourseError(f"The bank schema {path.name} cannot be read: {exc}") from None
    schema = assemble(schema, type_names)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


def field_path(path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def schema_message(error) -> str:
    if error.validator in ("anyOf", "oneOf"):
        custom = error.schema.get("x-message") if isinstance(error.schema, dict) else None
        if custom:
            return custom
        if error.context:
            jsonschema = import_jsonschema()
            # ignore the branches whose type does not even fit (e.g. "is not of type 'null'")
            fitting = [e for e in error.context
                       if not (e.validator == "type" and not list(e.relative_path))]
            best = jsonschema.exceptions.best_match(fitting or error.context)
            node = best  # a friendlier message may sit on a branch between the two
            while node is not None and node is not error:
                if isinstance(node.schema, dict) and node.schema.get("x-message"):
                    best = node
                    break
                node = node.parent
            where = field_path(list(best.absolute_path)[len(error.absolute_path):])
            return (f"{where}: " if where else "") + schema_message(best)
    if error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})), key=repr)
        known = sorted(error.schema.get("properties", {}))
        notes = []
        for name in extra:
            close = difflib.get_close_matches(str(name), known, n=1)
            notes.append(f"{name!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
        return "unknown field " + ", ".join(notes)
    if error.validator == "enum":
        return f"{error.instance!r} is not one of {', '.join(map(str, error.validator_value))}"
    return error.message
