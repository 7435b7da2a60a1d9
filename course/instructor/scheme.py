"""The grading scheme (平时成绩): the weights of assessment, writing, live participation and
attendance, the pass mark and the per-lesson "needs help" threshold, read from a YAML file."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from course.errors import InputError

COMPONENTS = ("assessment", "writing", "participation", "attendance")
LABELS = {
    "assessment": ("Assessment", "测验"),
    "writing": ("Writing", "写作"),
    "participation": ("Live participation", "课堂参与"),
    "attendance": ("Attendance", "出勤"),
}
DEFAULT_PATH = Path(__file__).parent / "grading_scheme.yaml"
FIELDS = ("weights", "pass_mark", "lesson_help_below")


@dataclass(frozen=True)
class Scheme:
    """Weights per component (relative), the pass mark and the lesson threshold (percent)."""

    weights: dict
    pass_mark: float
    lesson_help_below: float
    source: str = ""

    def total(self, parts: dict) -> float | None:
        """The weighted total (0..1) of the components in ``parts`` (name -> 0..1); the
        weights of components left out are not counted (the rest is scaled to 100)."""
        used = {c: w for c, w in self.weights.items() if w and parts.get(c) is not None}
        weight = sum(used.values())
        return sum(w * parts[c] for c, w in used.items()) / weight if weight else None

    def shares(self, used) -> dict:
        """Each used component's share of the total, in percent."""
        weight = sum(self.weights[c] for c in used)
        return {c: 100 * self.weights[c] / weight for c in used} if weight else {}


def _bad(path, detail: str) -> InputError:
    return InputError(
        f"{path}: not a usable grading scheme: {detail}. Expected `weights:` with numbers >= 0 "
        f"for {', '.join(COMPONENTS)}, and `pass_mark:` and `lesson_help_below:` from 0 to "
        f"100 (see the default, course/instructor/grading_scheme.yaml).\n"
        f"{path}：评分方案无法使用：{detail}。")


def _percent(doc: dict, name: str, path) -> float:
    value = doc.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
        raise _bad(path, f"{name} is {value!r}, expected a number from 0 to 100")
    return float(value)


def load_scheme(path=None) -> Scheme:
    """The scheme in ``path`` (the shipped default when None); fields it leaves out take the
    default's values."""
    import yaml

    default = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    if path is None:
        doc, path = default, "the default (grading_scheme.yaml of crm-course)"
    else:
        path = Path(path)
        try:
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise InputError(f"Cannot read {path}: {exc.strerror or exc}. 无法读取 {path}。") \
                from None
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise _bad(path, f"not YAML ({type(exc).__name__})") from None
        if not isinstance(doc, dict):
            raise _bad(path, "the file holds no mapping")
        unknown = sorted(set(doc) - set(FIELDS))
        if unknown:
            raise _bad(path, f"unknown field(s) {', '.join(map(str, unknown))}")
        doc = {**default, **doc}
    weights = doc.get("weights")
    if not isinstance(weights, dict):
        raise _bad(path, "weights is not a mapping")
    unknown = sorted(set(map(str, weights)) - set(COMPONENTS))
    if unknown:
        raise _bad(path, f"unknown weight(s) {', '.join(unknown)}")
    for name, value in weights.items():
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise _bad(path, f"weights.{name} is {value!r}, expected a number >= 0")
    if not any(weights.values()):
        raise _bad(path, "every weight is 0")
    return Scheme({c: float(weights.get(c, 0)) for c in COMPONENTS},
                  _percent(doc, "pass_mark", path), _percent(doc, "lesson_help_below", path),
                  str(path))
