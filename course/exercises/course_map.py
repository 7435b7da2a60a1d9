"""The course's order file (notebooks/course.yaml): lesson order, titles, time, index and links."""
from __future__ import annotations

import html
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from course.errors import CourseError, read_yaml
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


#: The kinds of entry the order file lists: a lesson (``NN-name``) or a workshop
#: (``wNN-name``: students do the job of lesson NN's topic, little reading).
KINDS = ("lesson", "workshop")


@dataclass(frozen=True)
class LessonEntry:
    """One lesson (or workshop) of the course as the order file lists it."""

    number: int
    slug: str
    title: Bilingual
    summary: Bilingual
    teaching_minutes: int
    exercise_minutes: int
    kind: str = "lesson"
    #: the lesson a workshop practises (its slug); "" for a lesson
    topic: str = ""

    @property
    def notebook(self) -> str:
        return f"{self.slug}.ipynb"

    @property
    def label(self) -> str:
        """How the entry is numbered where it is shown: ``01`` for a lesson, ``W01`` for a
        workshop."""
        return f"W{self.number:02d}" if self.kind == "workshop" else f"{self.number:02d}"

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

    path = path or course_file()
    data = read_yaml(path)
    lessons = [_entry(path, i, raw) for i, raw in enumerate((data or {}).get("lessons") or [])]
    slugs = {e.slug for e in lessons}
    for i, e in enumerate(lessons):
        if e.kind == "workshop" and e.topic not in slugs:
            raise CourseError(f"{path.name}: lesson entry {i + 1} ({e.slug}): its topic "
                              f"{e.topic!r} is not a lesson of this file; a workshop's topic "
                              "names the lesson it practises (e.g. topic: 01-relationships)")
    return CourseMap(as_bilingual((data or {}).get("title", "")), lessons)


def _entry(path: Path, i: int, raw) -> LessonEntry:
    """One entry of the order file; a CourseError names the entry and what it needs."""
    try:
        slug = str(raw["slug"])
        kind = str(raw.get("kind", "lesson"))
        if kind not in KINDS:
            raise ValueError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
        head = slug.split("-")[0]
        if kind == "workshop":
            if not head.startswith("w"):
                raise ValueError(f"a workshop's slug starts with w and a number (w01-...), "
                                 f"not {slug!r}")
            head = head[1:]
        return LessonEntry(
            int(head), slug, as_bilingual(raw["title"]),
            as_bilingual(raw.get("summary", "")), int(raw["teaching_minutes"]),
            int(raw["exercise_minutes"]), kind, str(raw.get("topic", "")),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise CourseError(f"{path.name}: lesson entry {i + 1} is incomplete or wrong "
                          f"({exc}); each needs slug, title, teaching_minutes, "
                          "exercise_minutes (a workshop also kind: workshop and topic)") from None


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
            f"| {e.label} | [{_md(e.title.en)}]({e.notebook})<br>{_md(e.title.zh)} | "
            f"{_md(e.summary.en)}<br>{_md(e.summary.zh)} | {e.teaching_minutes} min | "
            f"{e.exercise_minutes} min |"
        )
        plain.append(f"{e.label} {e.title.en} ({e.teaching_minutes} + "
                     f"{e.exercise_minutes} min)")
    rows.append("")
    workshops = sum(e.kind == "workshop" for e in cmap.lessons)
    rows.append(ui("contents_total", n=len(cmap.lessons) - workshops, w=workshops,
                   total=total).en)
    return Markdown("\n".join(rows), "\n".join(plain))


def lesson_nav(slug: str) -> Markdown:
    """Links to the previous lesson, the index and the next lesson (course.semester.plan_nav
    adds what the semester plan holds before the next one)."""
    cmap = load()
    prev, nxt = cmap.previous(slug), cmap.next(slug)
    parts, plain = [], []
    if prev:
        parts.append(f"← [{prev.label} · {_md(prev.title.en)}]({prev.notebook})")
        plain.append(f"previous: {prev.slug}")
    parts.append(ui("nav_index").en)
    plain.append("index")
    if nxt:
        parts.append(f"[{nxt.label} · {_md(nxt.title.en)}]({nxt.notebook}) →")
        plain.append(f"next: {nxt.slug}")
    else:
        parts.append(ui("nav_end").en)
        plain.append("end of the course")
    return Markdown(" &nbsp;|&nbsp; ".join(parts), " | ".join(plain))
