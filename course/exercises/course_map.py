"""The course's order file (notebooks/course.yaml): lesson order, titles, time, index and links."""
from __future__ import annotations

import html
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from course.errors import CourseError
from course.messages import ui
from course.text import Bilingual, as_bilingual


def course_file() -> Path:
    """The order file: ``notebooks/course.yaml`` of the course."""
    from course import paths

    return paths.notebooks_dir() / "course.yaml"


def course_file_for(bank_file) -> Path:
    """The order file of the course a bank file belongs to: ``notebooks/course.yaml`` beside
    its ``exercises/`` folder (a student copy, another course), else the package's."""
    try:
        beside = Path(bank_file).resolve().parent.parent / "notebooks" / "course.yaml"
    except (OSError, RuntimeError, TypeError):
        beside = None
    return beside if beside is not None and beside.is_file() else course_file()


@dataclass(frozen=True)
class LessonEntry:
    """One lesson of the course as the order file lists it."""

    number: int
    slug: str
    title: Bilingual
    summary: Bilingual
    teaching_minutes: int
    exercise_minutes: int

    @property
    def notebook(self) -> str:
        return f"{self.slug}.ipynb"

    @property
    def minutes(self) -> int:
        return self.teaching_minutes + self.exercise_minutes


@dataclass(frozen=True)
class CourseMap:
    title: Bilingual
    lessons: list[LessonEntry]

    def entry(self, slug: str) -> LessonEntry | None:
        return next((e for e in self.lessons if e.slug == slug), None)

    def _neighbour(self, slug: str, step: int) -> LessonEntry | None:
        slugs = [e.slug for e in self.lessons]
        if slug not in slugs:
            return None
        i = slugs.index(slug) + step
        return self.lessons[i] if 0 <= i < len(self.lessons) else None

    def previous(self, slug: str) -> LessonEntry | None:
        return self._neighbour(slug, -1)

    def next(self, slug: str) -> LessonEntry | None:
        return self._neighbour(slug, +1)


def load(path: Path | None = None) -> CourseMap:
    """Read the order file; a broken file is a CourseError naming the file and the entry."""
    import yaml

    path = path or course_file()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CourseError(f"{path.name}: cannot be read as YAML: {exc}") from None
    lessons = []
    for i, raw in enumerate((data or {}).get("lessons") or []):
        try:
            slug = str(raw["slug"])
            lessons.append(LessonEntry(
                int(slug.split("-")[0]), slug, as_bilingual(raw["title"]),
                as_bilingual(raw.get("summary", "")), int(raw["teaching_minutes"]),
                int(raw["exercise_minutes"]),
            ))
        except (KeyError, TypeError, ValueError) as exc:
            raise CourseError(f"{path.name}: lesson entry {i + 1} is incomplete or wrong "
                              f"({exc}); each needs slug, title, teaching_minutes, "
                              "exercise_minutes") from None
    return CourseMap(as_bilingual((data or {}).get("title", "")), lessons)


class Markdown:
    """Markdown shown as a cell output (JupyterLab resolves its relative links)."""

    def __init__(self, text: str, plain: str):
        self.text = text
        self.plain = plain

    def _repr_markdown_(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.plain


@lru_cache(maxsize=8)
def _load_stamped(path: str, stamp: float) -> CourseMap:
    return load(Path(path))  # (a CourseError is raised, never kept)


def load_cached(path: Path) -> CourseMap:
    """:func:`load`, read again only when the file has changed since (its modification time);
    a missing file is a CourseError too. The map is shared: read it, never change it."""
    path = Path(path)
    try:
        stamp = path.stat().st_mtime
    except OSError:
        raise CourseError(f"{path.name} not found") from None
    return _load_stamped(str(path), stamp)


def _md(text: str) -> str:
    """Bank text made safe for a markdown table cell."""
    return html.escape(text).replace("|", "\\|").replace("\n", " ")


def contents() -> Markdown:
    """The index: every lesson with its link, summary and time estimates, in both languages."""
    cmap = load()
    rows = [
        ui("contents_head").en,
        "|---|---|---|---|---|",
    ]
    plain = []
    total = 0
    for e in cmap.lessons:
        total += e.minutes
        rows.append(
            f"| {e.number:02d} | [{_md(e.title.en)}]({e.notebook})<br>{_md(e.title.zh)} | "
            f"{_md(e.summary.en)}<br>{_md(e.summary.zh)} | {e.teaching_minutes} min | "
            f"{e.exercise_minutes} min |"
        )
        plain.append(f"{e.number:02d} {e.title.en} ({e.teaching_minutes} + "
                     f"{e.exercise_minutes} min)")
    rows.append("")
    rows.append(ui("contents_total", n=len(cmap.lessons), total=total).en)
    return Markdown("\n".join(rows), "\n".join(plain))


def lesson_nav(slug: str) -> Markdown:
    """Links to the previous lesson, the index and the next lesson."""
    cmap = load()
    prev, nxt = cmap.previous(slug), cmap.next(slug)
    parts, plain = [], []
    if prev:
        parts.append(f"← [{prev.number:02d} · {_md(prev.title.en)}]({prev.notebook})")
        plain.append(f"previous: {prev.slug}")
    parts.append(ui("nav_index").en)
    plain.append("index")
    if nxt:
        parts.append(f"[{nxt.number:02d} · {_md(nxt.title.en)}]({nxt.notebook}) →")
        plain.append(f"next: {nxt.slug}")
    else:
        parts.append(ui("nav_end").en)
        plain.append("end of the course")
    return Markdown(" &nbsp;|&nbsp; ".join(parts), " | ".join(plain))
