"""The 授课计划 (teaching schedule) and the 课程标准 (course standard), in Chinese with English
headings, as Markdown and .docx: generated from ``notebooks/semester.yaml``, ``course.yaml``,
the lesson notebooks (learning goals) and the exercise bank (exercise counts), never written
twice. ``crm-course print --only schedule`` / ``--only standard`` write them.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from course.semester import KIND_TITLES, activity_title, kind_of
from course.text import Bilingual

MODES = (("class", "课堂"), ("practice", "练习"), ("assessment", "考核"))
UNCHECKED = "未核对原文 · unchecked against the published text"
#: a learning goal that starts with one of these verbs asks for knowledge (recall, explain);
#: the others ask the learner to do something: the standard lists them as skills
KNOWING = ("说出", "解释", "描述", "回顾", "掌握", "说明")


@dataclass
class UnitData:
    """One unit of the standard: the lesson, its workshops, periods, goals and exercises."""

    slug: str
    label: str
    title: Bilingual
    summary: Bilingual
    goals: list[Bilingual]
    periods: list[str]
    workshops: list[tuple[str, Bilingual, Bilingual]] = field(default_factory=list)
    exercises: dict[str, int] = field(default_factory=dict)
    chapters: list[Bilingual] = field(default_factory=list)
    standards: list[Bilingual] = field(default_factory=list)
    review: bool = False
    in_bank: bool = True

    @property
    def skills(self) -> list[Bilingual]:
        """The goals that ask the learner to do something (not to name or explain)."""
        return [g for g in self.goals if not (g.zh or "").startswith(KNOWING)]


def _load(root: Path):
    from course.exercises.course_map import load as load_map
    from course.semester import load, semester_file

    return load(semester_file(root)), load_map(Path(root) / "notebooks" / "course.yaml")


def _exercise_counts(root: Path, slug: str, counts: Counter) -> bool:
    """Add the bank's exercises of ``slug`` by mode to ``counts``; False when it has none."""
    from course.exercises.loader import load_bank

    path = Path(root) / "exercises" / f"{slug}.yaml"
    if not path.is_file():
        return False
    lesson = load_bank(path).lessons.get(slug)
    if lesson is None:
        return False
    counts.update(lesson[i].mode for i in lesson.ids)
    return True


def _where(semester, slug: str) -> list[str]:
    return [f"第 {p.week} 周第 {p.number} 节" for p in semester.periods_of("lesson", slug)]


def units(root: Path, semester=None, cmap=None) -> list[UnitData]:
    """The units of the standard in the order of the plan's ``units``."""
    from course.materials.lessons import read_lesson

    if semester is None:
        semester, cmap = _load(root)
    out = []
    for unit in semester.units:
        entry = cmap.entry(unit.lesson)
        notebook = Path(root) / "notebooks" / f"{unit.lesson}.ipynb"
        goals = read_lesson(notebook).goals if notebook.is_file() else []
        counts: Counter = Counter()
        in_bank = _exercise_counts(root, unit.lesson, counts)
        label, title = (entry.label, entry.title) if entry else \
            (unit.lesson, Bilingual("†", "†"))  # (not in course.yaml yet: listed as missing)
        data = UnitData(unit.lesson, label, title,
                        entry.summary if entry else Bilingual("", ""), goals,
                        _where(semester, unit.lesson), review=unit.review, in_bank=in_bank)
        for w in (e for e in cmap.lessons if e.kind == "workshop" and e.topic == unit.lesson):
            data.workshops.append((w.label, w.title, w.summary))
            data.periods += _where(semester, w.slug)
            _exercise_counts(root, w.slug, counts)
        data.exercises = {m: counts[m] for m, _ in MODES}
        data.chapters = [semester.chapters[c] for c in unit.chapters]
        data.standards = [semester.standards[s] for s in unit.standards]
        out.append(data)
    return out


def _rows(semester, cmap) -> list[dict]:
    """The schedule's table: one row a period."""
    rows = []
    for p in semester.periods:
        act = p.activity
        label, title = activity_title(act, cmap)
        entry = cmap.entry(act.ref) if act.kind == "lesson" else None
        if act.kind != "lesson":
            label = ""
        elif entry is None:  # (marked † and listed under the table)
            label, title = "", Bilingual(f"{act.ref} †", f"{act.ref} †")
        kind = kind_of(act, cmap)
        rows.append({"week": p.week, "period": p.number, "label": label, "title": title,
                     "kind": KIND_TITLES[kind],
                     "do": act.do if act.kind != "lesson" else
                     (entry.summary if entry else Bilingual("", "")),
                     "notebook": f"{act.ref}.ipynb" if entry else ""})
    return rows


def _context(root: Path) -> dict:
    from course.materials.project import load_project, project_file
    from course.materials.speaking import cards_file, load_cards

    semester, cmap = _load(root)
    totals = Counter(kind_of(p.activity, cmap) for p in semester.periods)
    deck = load_cards(cards_file(root)) if cards_file(root).is_file() else None
    project = load_project(project_file(root), semester) \
        if project_file(root).is_file() else None
    return {"semester": semester, "cmap": cmap, "rows": _rows(semester, cmap),
            "totals": [(KIND_TITLES[k], n) for k, n in totals.items()],
            "hours": len(semester.periods), "units": units(root, semester, cmap),
            "deck": deck, "project": project, "modes": MODES, "unchecked": UNCHECKED,
            "missing": [p.activity.ref for p in semester.periods_of("lesson")
                        if cmap.entry(p.activity.ref) is None]}


def schedule_markdown(root: Path) -> str:
    """The 授课计划 as Markdown (``templates/schedule.md.j2``)."""
    from course.materials.render import render

    return render("schedule.md.j2", **_context(root))


def standard_markdown(root: Path) -> str:
    """The 课程标准 as Markdown (``templates/standard.md.j2``)."""
    from course.materials.render import render

    return render("standard.md.j2", **_context(root))


def write_document(root: Path, which: str, out: Path) -> list[Path]:
    """``out``/teaching-schedule.md and .docx (``which`` = schedule) or course-standard.md
    and .docx (``which`` = standard)."""
    from course.materials.plan_docx import write_docx

    text, stem = {"schedule": (schedule_markdown, "teaching-schedule"),
                  "standard": (standard_markdown, "course-standard")}[which]
    markdown = text(root)
    out.mkdir(parents=True, exist_ok=True)
    md = out / f"{stem}.md"
    md.write_text(markdown, encoding="utf-8")
    return [md, write_docx(markdown, out / f"{stem}.docx")]
