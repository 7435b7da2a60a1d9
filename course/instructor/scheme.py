"""The course's one grading scheme, read from a YAML file a teacher edits in one place:

* ``final``: the parts of the final grade (总评成绩) with whole-number weights adding up to 100.
  The part ``exercises`` is computed by the report (平时成绩, below); every other part
  (speaking, project, midterm, final...) comes from the teacher's marks file by 学号
  (``course.instructor.marks``). The semester plan names this file (``grading_scheme:`` in
  notebooks/semester.yaml), so the 授课计划 and 课程标准 print the same weights as the report.
* ``weights``: how the exercises part is made: assessment, writing, live participation and
  attendance (relative weights);
* ``pass_mark`` and ``lesson_help_below``: who needs help (percent).
"""
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
FIELDS = ("final", "weights", "pass_mark", "lesson_help_below")
COMPUTED = "exercises"  # the final-grade part the report computes (平时成绩)


@dataclass(frozen=True)
class Part:
    """One part of the final grade: its id, weight (percent), title and the other headers a
    marks file may give it (``aliases``)."""

    part: str
    weight: int
    en: str
    zh: str
    aliases: tuple = ()

    @property
    def computed(self) -> bool:
        return self.part == COMPUTED

    @property
    def short(self) -> str:
        """The column header a school's sheet uses: the first alias, else the Chinese title."""
        return self.aliases[0] if self.aliases else self.zh

    def label(self, lang: str = "both") -> str:
        return {"en": self.en, "zh": self.zh}.get(lang, f"{self.en} / {self.zh}")


@dataclass(frozen=True)
class Scheme:
    """Weights per component (relative), the pass mark and the lesson threshold (percent)."""

    weights: dict
    pass_mark: float
    lesson_help_below: float
    source: str = ""
    final: tuple = ()  # Part, in the file's order

    def final_total(self, values: dict) -> float | None:
        """The final grade (0..1) from each part's value (part -> 0..1); None when a part
        that weighs is missing (a missing mark is never counted as 0)."""
        if any(p.weight and values.get(p.part) is None for p in self.final):
            return None
        return sum(p.weight * values[p.part] for p in self.final if p.weight) / 100

    @property
    def marked_parts(self) -> list:
        """The final-grade parts the teacher's marks file gives (all but ``exercises``)."""
        return [p for p in self.final if not p.computed]

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
    from course.roster import unusable

    return unusable(
        path, "grading scheme", "评分方案", detail,
        "`final:` a list of parts (part, a whole-number weight, title {en, zh}) adding up to "
        f"100, `weights:` with numbers >= 0 for {', '.join(COMPONENTS)}, and `pass_mark:` and "
        "`lesson_help_below:` from 0 to 100 (see the default, "
        "course/instructor/grading_scheme.yaml)")


def _final(raw, path) -> tuple:
    """The final grade's parts, checked: unique ids, whole weights adding up to 100."""
    if not isinstance(raw, list) or not raw:
        raise _bad(path, "final is not a list of parts")
    parts, seen = [], set()
    for i, item in enumerate(raw, start=1):
        title = item.get("title") if isinstance(item, dict) else None
        weight = item.get("weight") if isinstance(item, dict) else None
        if not isinstance(title, dict) or not title.get("en") or not title.get("zh") \
                or not item.get("part") or isinstance(weight, bool) \
                or not isinstance(weight, int) or weight < 0:
            raise _bad(path, f"final part {i} needs part, weight (a whole number >= 0) and "
                             "title {en: ..., zh: ...}")
        name = str(item["part"])
        if name in seen:
            raise _bad(path, f"final part {name!r} twice")
        seen.add(name)
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list):
            raise _bad(path, f"final part {name!r}: aliases must be a list of headers")
        parts.append(Part(name, weight, str(title["en"]), str(title["zh"]),
                          tuple(str(a) for a in aliases)))
    total = sum(p.weight for p in parts)
    if total != 100:
        raise _bad(path, f"the final parts' weights add up to {total}, expected 100")
    return tuple(parts)


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
                  str(path), _final(doc.get("final"), path))
