"""The semester plan (授课计划): ``notebooks/semester.yaml``, 16 weeks of two 45-minute periods.

Each period holds one activity: a lesson or workshop of ``notebooks/course.yaml`` (by slug), a
milestone of the group project, a speaking practice with one set of role-play cards, a review,
a test or the course introduction. :func:`load` reads and checks the file (an error names the
week and the period); :func:`check_course` compares the plan with course.yaml;
:func:`semester_plan` is the compact week table of the index notebook.
"""
from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from course.errors import CourseError, read_yaml
from course.text import Bilingual, as_bilingual

#: The kinds of activity a period can hold (the key of the period's entry).
KINDS = ("intro", "lesson", "project", "speaking", "review", "test")
KIND_TITLES = {
    "intro": Bilingual("Introduction", "导入"), "lesson": Bilingual("Lesson", "理论课"),
    "workshop": Bilingual("Workshop", "实训"), "project": Bilingual("Project", "项目"),
    "speaking": Bilingual("Speaking", "口语"), "review": Bilingual("Review", "复习"),
    "test": Bilingual("Test", "测试"),
}


@dataclass(frozen=True)
class Activity:
    """What one period holds: its kind, what it names (slug, milestone id, card set, id),
    its title (empty for a lesson: course.yaml has it) and what happens (``do``)."""

    kind: str
    ref: str
    title: Bilingual
    do: Bilingual


@dataclass(frozen=True)
class Period:
    week: int
    number: int  # 1 or 2 within the week
    activity: Activity

    @property
    def index(self) -> int:
        """The period's number in the semester (1-32)."""
        return (self.week - 1) * 2 + self.number


@dataclass(frozen=True)
class Week:
    number: int
    title: Bilingual
    periods: list[Period]


@dataclass(frozen=True)
class Milestone:
    id: str
    title: Bilingual
    deliverable: Bilingual


@dataclass(frozen=True)
class Weight:
    part: str
    weight: int
    title: Bilingual


@dataclass(frozen=True)
class Unit:
    """A unit of the course standard: a lesson, the seed chapters it teaches, the vocational
    standards it may serve (ids of ``chapters`` and ``standards``)."""

    lesson: str
    chapters: list[str]
    standards: list[str]
    review: bool = False  # a review of the other units (no knowledge of its own)


@dataclass
class Semester:
    title: Bilingual
    weeks: list[Week]
    period_minutes: int
    credits: int
    milestones: list[Milestone] = field(default_factory=list)
    assessment: list[Weight] = field(default_factory=list)
    chapters: dict[str, Bilingual] = field(default_factory=dict)
    standards: dict[str, Bilingual] = field(default_factory=dict)
    units: list[Unit] = field(default_factory=list)

    @property
    def periods(self) -> list[Period]:
        return [p for w in self.weeks for p in w.periods]

    def totals(self) -> Counter:
        """Periods per kind of activity."""
        return Counter(p.activity.kind for p in self.periods)

    def periods_of(self, kind: str, ref: str | None = None) -> list[Period]:
        """The periods holding activities of ``kind`` (and naming ``ref``, when given)."""
        return [p for p in self.periods
                if p.activity.kind == kind and (ref is None or p.activity.ref == ref)]

    def milestone(self, ident: str) -> Milestone | None:
        return next((m for m in self.milestones if m.id == ident), None)


def semester_file(root: Path | None = None) -> Path:
    """``notebooks/semester.yaml`` of the course folder ``root`` (default: this course's)."""
    from course import paths

    return (Path(root) / "notebooks" if root else paths.notebooks_dir()) / "semester.yaml"


def _bilingual(raw, where: str, name: str, required: bool = True) -> Bilingual:
    value = raw.get(name) if isinstance(raw, dict) else None
    if value is None:
        if required:
            raise CourseError(f"{where}: no {name}; give {name}: {{en: ..., zh: ...}}")
        return Bilingual("", "")
    text = as_bilingual(value)
    both = isinstance(value, dict) and value.get("en") and value.get("zh")
    if required and not both:
        raise CourseError(f"{where}: {name} needs both en and zh (got {value!r})")
    return text


def _activity(raw, where: str) -> Activity:
    """One period's entry: exactly one key of KINDS naming what it holds."""
    if not isinstance(raw, dict):
        raise CourseError(f"{where}: expected a mapping such as {{lesson: 01-relationships}} "
                          f"or {{project: m1-kickoff, title: ...}}, got {raw!r}")
    keys = [k for k in KINDS if k in raw]
    if len(keys) != 1:
        found = ", ".join(keys) if keys else "none"
        raise CourseError(f"{where}: a period holds exactly one activity, one of "
                          f"{', '.join(KINDS)} (found {found})")
    kind = keys[0]
    ref = raw[kind]
    if not isinstance(ref, str) or not ref.strip():
        raise CourseError(f"{where}: {kind} needs a name (a slug or an id), got {ref!r}")
    unknown = set(raw) - {kind, "title", "do"}
    if unknown:
        raise CourseError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}; a period "
                          "has its activity, title and do")
    needs_title = kind != "lesson"
    return Activity(kind, ref.strip(), _bilingual(raw, where, "title", needs_title),
                    _bilingual(raw, where, "do", needs_title))


def _week(raw, i: int, per_week: int, name: str) -> Week:
    where = f"{name}: plan entry {i + 1}"
    if not isinstance(raw, dict) or not isinstance(raw.get("week"), int):
        raise CourseError(f"{where}: each entry needs week: <number> and periods: [...]")
    number = raw["week"]
    where = f"{name}: week {number}"
    if number != i + 1:
        raise CourseError(f"{where}: weeks go in order 1, 2, 3...; expected week {i + 1} here")
    periods = raw.get("periods")
    if not isinstance(periods, list) or len(periods) != per_week:
        got = len(periods) if isinstance(periods, list) else "none"
        raise CourseError(f"{where}: expected {per_week} periods, got {got}")
    return Week(number, _bilingual(raw, where, "title"),
                [Period(number, j + 1, _activity(p, f"{where}, period {j + 1}"))
                 for j, p in enumerate(periods)])


def _int(data: dict, key: str, name: str) -> int:
    value = data.get(key)
    if not isinstance(value, int) or value <= 0:
        raise CourseError(f"{name}: {key} must be a whole number above 0, got {value!r}")
    return value


def _parts(data: dict, name: str, folder: Path | None = None
           ) -> tuple[list[Milestone], list[Weight]]:
    milestones = []
    for i, raw in enumerate(data.get("milestones") or []):
        where = f"{name}: milestone {i + 1}"
        if not isinstance(raw, dict) or not raw.get("id"):
            raise CourseError(f"{where}: needs id, title and deliverable")
        milestones.append(Milestone(str(raw["id"]), _bilingual(raw, where, "title"),
                                    _bilingual(raw, where, "deliverable")))
    if data.get("grading_scheme") is not None:
        if data.get("assessment"):
            raise CourseError(f"{name}: give the weights once: grading_scheme: or assessment:, "
                              "not both (grading_scheme: is the one the report uses)")
        return milestones, _scheme_weights(data["grading_scheme"], name, folder)
    weights = []
    for i, raw in enumerate(data.get("assessment") or []):
        where = f"{name}: assessment part {i + 1}"
        if not isinstance(raw, dict) or not isinstance(raw.get("weight"), int) \
                or not raw.get("part"):
            raise CourseError(f"{where}: needs part, weight (a whole number) and title")
        weights.append(Weight(str(raw["part"]), raw["weight"], _bilingual(raw, where, "title")))
    if weights and sum(w.weight for w in weights) != 100:
        raise CourseError(f"{name}: the assessment weights add up to "
                          f"{sum(w.weight for w in weights)}, expected 100")
    return milestones, weights


def _scheme_weights(ref, name: str, folder: Path | None = None) -> list[Weight]:
    """The final grade's parts of the grading scheme ``ref`` names (``default``: the shipped
    one; else a path relative to the plan's folder): the weights the report applies."""
    from course.errors import InputError
    from course.instructor.scheme import load_scheme

    if not isinstance(ref, str) or not ref.strip():
        raise CourseError(f"{name}: grading_scheme must be default or the path of a scheme file")
    path = None if ref.strip() == "default" else (folder or semester_file().parent) / ref
    try:
        scheme = load_scheme(path)
    except InputError as exc:
        raise CourseError(f"{name}: grading_scheme {ref}: {exc}") from None
    return [Weight(p.part, p.weight, Bilingual(p.en, p.zh)) for p in scheme.final]


def _mapping(data: dict, name: str) -> tuple[dict, dict, list[Unit]]:
    """The course standard's mapping: chapters, standards and the units naming them."""
    found = {}
    for key in ("chapters", "standards"):
        raw = data.get(key) or {}
        if not isinstance(raw, dict):
            raise CourseError(f"{name}: {key} must map an id to {{en: ..., zh: ...}}")
        found[key] = {str(k): _bilingual(raw, f"{name}: {key}", k) for k in raw}
    units = []
    for i, raw in enumerate(data.get("units") or []):
        where = f"{name}: unit {i + 1}"
        if not isinstance(raw, dict) or not raw.get("lesson"):
            raise CourseError(f"{where}: needs lesson, chapters and standards")
        for key in ("chapters", "standards"):
            ids = raw.get(key) or []
            unknown = [str(x) for x in ids if str(x) not in found[key]]
            if not isinstance(ids, list) or unknown:
                raise CourseError(f"{where} ({raw['lesson']}): {key} {unknown or ids!r} not "
                                  f"defined; expected ids of {key}: {', '.join(found[key])}")
        units.append(Unit(str(raw["lesson"]), [str(x) for x in raw.get("chapters") or []],
                          [str(x) for x in raw.get("standards") or []],
                          bool(raw.get("review", False))))
    return found["chapters"], found["standards"], units


def load(path: Path | None = None) -> Semester:
    """Read and check the plan; a CourseError names the file, the week and the period."""

    path = Path(path) if path else semester_file()
    name = path.name
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("plan"), list):
        raise CourseError(f"{name}: expected a mapping with plan: [a list of weeks]")
    n_weeks = _int(data, "weeks", name)
    per_week = _int(data, "periods_per_week", name)
    weeks = [_week(raw, i, per_week, name) for i, raw in enumerate(data["plan"])]
    if len(weeks) != n_weeks:
        raise CourseError(f"{name}: weeks: {n_weeks} but the plan lists {len(weeks)} weeks")
    milestones, weights = _parts(data, name, path.parent)
    semester = Semester(_bilingual(data, name, "title"), weeks,
                        _int(data, "period_minutes", name), _int(data, "credits", name),
                        milestones, weights, *_mapping(data, name))
    for p in semester.periods_of("project"):
        if semester.milestone(p.activity.ref) is None:
            raise CourseError(f"{name}: week {p.week}, period {p.number}: no milestone "
                              f"{p.activity.ref!r}; expected one of "
                              f"{', '.join(m.id for m in milestones) or '(none defined)'}")
    planned = {p.activity.ref for p in semester.periods_of("lesson")}
    for unit in semester.units:
        if unit.lesson not in planned:
            raise CourseError(f"{name}: unit {unit.lesson} is in no period of the plan")
    return semester


def check_course(semester: Semester, course_map) -> list[str]:
    """What does not match between the plan and course.yaml: a slug the plan names that
    course.yaml lacks, and a lesson or workshop of course.yaml the plan never schedules."""
    problems = []
    for p in semester.periods_of("lesson"):
        if course_map.entry(p.activity.ref) is None:
            problems.append(f"week {p.week}, period {p.number}: {p.activity.ref} is not a "
                            "lesson or workshop of course.yaml")
    planned = {p.activity.ref for p in semester.periods_of("lesson")}
    problems += [f"{e.slug} (course.yaml) is in no period of the plan"
                 for e in course_map.lessons if e.slug not in planned]
    return problems


def activity_title(activity: Activity, course_map) -> tuple[str, Bilingual]:
    """(the label, the title) a period shows: ``01``/``W01`` and course.yaml's title for a
    lesson or workshop; the kind's name and the plan's title for the rest. A slug course.yaml
    lacks shows as itself, marked "not in course.yaml"."""
    if activity.kind != "lesson":
        return KIND_TITLES[activity.kind].en, activity.title
    entry = course_map.entry(activity.ref) if course_map else None
    if entry is None:
        return activity.ref, Bilingual(f"{activity.ref} (not in course.yaml)",
                                       f"{activity.ref}（course.yaml 中没有）")
    return entry.label, entry.title


def kind_of(activity: Activity, course_map) -> str:
    """The activity's kind, with a lesson entry of kind workshop shown as "workshop"."""
    if activity.kind == "lesson" and course_map is not None:
        entry = course_map.entry(activity.ref)
        if entry is not None and entry.kind == "workshop":
            return "workshop"
        if entry is None and activity.ref.startswith("w"):
            return "workshop"
    return activity.kind


def semester_plan(root: Path | None = None):
    """The index's compact week table: week, period 1, period 2 (with links to notebooks)."""
    from course.exercises.course_map import Markdown
    from course.exercises.course_map import load as load_map

    folder = Path(root) if root else None
    semester = load(semester_file(folder))
    cmap = load_map((folder / "notebooks" / "course.yaml") if folder else None)
    head = "| week 周 | " + " | ".join(f"period {i + 1} 第 {i + 1} 节"
                                       for i in range(len(semester.weeks[0].periods))) + " |"
    rows = [head, "|---" * (len(semester.weeks[0].periods) + 1) + "|"]
    plain = []
    for week in semester.weeks:
        cells = [_cell(p.activity, cmap) for p in week.periods]
        rows.append(f"| {week.number} | " + " | ".join(cells) + " |")
        plain.append(f"{week.number}: " + "; ".join(
            f"{activity_title(p.activity, cmap)[0]} {activity_title(p.activity, cmap)[1].en}"
            for p in week.periods))
    totals = Counter(kind_of(p.activity, cmap) for p in semester.periods)
    rows += ["", f"{len(semester.weeks)} weeks, {len(semester.periods)} periods of "
             f"{semester.period_minutes} minutes: " + ", ".join(
                 f"{KIND_TITLES[k].en.lower()} {n}" for k, n in totals.items())
             + ". The teacher's 授课计划 and 课程标准: `crm-course print --only schedule "
             "--only standard`."]
    return Markdown("\n".join(rows), "\n".join(plain))


def _cell(activity: Activity, cmap) -> str:
    label, title = activity_title(activity, cmap)
    esc = html.escape
    if activity.kind == "lesson" and cmap is not None and cmap.entry(activity.ref):
        text = f"[{esc(label)} · {esc(title.en)}]({activity.ref}.ipynb)"
    else:
        text = f"**{esc(label)}** · {esc(title.en)}"
    return f"{text}<br>{esc(title.zh)}".replace("|", "\\|")


def plan_nav(slug: str):
    """A lesson's navigation (course_map.lesson_nav) following the semester plan: where the
    plan holds whole weeks without a lesson before the next one (the mid-term, the project
    weeks), a line names them and the week of the next lesson, in English and Chinese (brief
    28g: W10's next link went to lesson 09 with no word of weeks 13-14). A course without a
    readable plan gets the links alone."""
    from course.exercises.course_map import Markdown, course_file, lesson_nav
    from course.exercises.course_map import load as load_map
    from course.messages import ui

    nav = lesson_nav(slug)
    nxt = load_map().next(slug)
    path = course_file().with_name("semester.yaml")
    if nxt is None or not path.exists():
        return nav
    try:
        plan = load(path)
    except CourseError:
        return nav
    here, there = plan.periods_of("lesson", slug), plan.periods_of("lesson", nxt.slug)
    if not here or not there:
        return nav
    start, end = here[0].index, there[0].index
    weeks = [w for w in plan.weeks if w.periods and all(start < p.index < end for p in w.periods)]
    if not weeks:
        return nav
    week = there[0].week
    md = _nav_md
    note = ui("nav_plan", label=f"{nxt.label} · {md(nxt.title.en)}",
              label_zh=f"{nxt.label} · {md(nxt.title.zh)}", week=week,
              weeks_en=", ".join(f"week {w.number} · {md(w.title.en)}" for w in weeks),
              weeks_zh="，".join(f"第 {w.number} 周 · {md(w.title.zh)}" for w in weeks)).en
    span = f"{weeks[0].number}-{weeks[-1].number}" if len(weeks) > 1 else f"{weeks[0].number}"
    plain = f"{nav.plain} (week {week}, after week{'s' if len(weeks) > 1 else ''} {span})"
    return Markdown(f"{nav.text}\n\n{note}", plain)


def _nav_md(text: str) -> str:
    """Plan text made safe inside a markdown line."""
    return html.escape(text).replace("|", "\\|").replace("\n", " ")
