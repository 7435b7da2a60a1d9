"""Errors that speak to the person who caused them: a clear sentence, no traceback in Jupyter."""
from __future__ import annotations


class CourseError(Exception):
    """Base class for every error the course raises on purpose.

    In IPython/Jupyter the message is shown on its own, without a traceback
    (IPython calls ``_render_traceback_`` when an exception defines it).
    """

    def _render_traceback_(self) -> list[str]:
        return [f"{type(self).__name__}: {self}"]


class InputError(CourseError, ValueError):
    """Bad input to a course function: says what is wrong and what is expected."""


class BankError(CourseError):
    """One or more problems in an exercise bank file (each names file, exercise, field, line)."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class DefinitionError(CourseError):
    """An exercise definition that makes no sense (raised while building; the loader reports it
    with the file, exercise, ``field`` and line)."""

    def __init__(self, field: str, message: str):
        self.field = field
        super().__init__(message)


class UnknownExerciseError(CourseError, KeyError):
    """An exercise id that is not in the lesson or bank (a KeyError too, for mapping code)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def read_yaml(path):
    """The data of a YAML file of the course (the order file, the semester plan, the speaking
    cards, the project); a file that cannot be read or parsed is a CourseError naming it."""
    from pathlib import Path

    import yaml

    path = Path(path)
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CourseError(f"{path.name}: cannot be read as YAML: {exc}") from None
