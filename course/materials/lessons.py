"""What a lesson notebook says, read into plain data: title, goals, sections with their key
points, figures and exercises, the case and its discussion questions, summary and glossary.

The lessons follow one layout (DESIGN.md "Notebooks"): a ``# Lesson NN · English · 中文`` title,
a ``## Learning goals`` list of ``English — 中文`` lines, numbered ``##`` sections whose Chinese
text is a ``> 中文：`` quote, a ``## Case`` with ``**Question N · 问题 N.**`` and ``<details>``
sample answers, ``## Summary`` (``> 中文小结：``), ``## Glossary`` (a table) and
``## Going further`` (optional). What does not fit that layout is kept as plain text, never
dropped: a section without bullets gives the first sentence of each paragraph as its points.
"""
from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from course.errors import CourseError
from course.text import Bilingual

EXERCISE_CELL = re.compile(r'^\s*lesson\["([\w-]+)"\]\s*$')
HEADING = re.compile(r"^(#{1,3})\s+(.*)$")
QUESTION = re.compile(r"^\*\*Question (\d+) · 问题 \d+\.\*\*\s*(.*)$")
CJK = re.compile(r"[\u3400-\u9fff]")
# the after-class part: "Going further" (optional) or "Homework after class" (W10: a required
# letter and an optional one; a teacher reads "going further" as optional: issue 28, read17)
GOING_FURTHER = re.compile(r"going further|homework after class", re.I)
#: a heading line of that part, anywhere in a text (the time model and the lesson plans)
AFTER_CLASS_HEADING = re.compile(rf"^#+ .*(?:{GOING_FURTHER.pattern})", re.I | re.M)
CODE_SPAN = re.compile(r"`([^`]*)`")
EMPHASIS = re.compile(r"\*\*([^*]+)\*\*|\*([^*]+)\*")
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
TAG = re.compile(r"<[^>]+>")


@dataclass
class Discussion:
    """One discussion question of a lesson's case, with its sample answer."""

    number: int
    question: Bilingual
    answer: Bilingual


@dataclass
class Section:
    """One ``##`` part of a lesson, in order: its heading, text, figures and exercises."""

    heading: Bilingual
    kind: str  # "section", "try", "case", "summary", "check", "goals", "further"
    text_en: list[str] = field(default_factory=list)  # paragraphs as read (markdown stripped)
    text_zh: list[str] = field(default_factory=list)
    bullets_en: list[str] = field(default_factory=list)
    bullets_zh: list[str] = field(default_factory=list)
    figures: list[bytes] = field(default_factory=list)  # PNG files stored in the notebook
    figure_cells: list[int] = field(default_factory=list)  # the notebook cell of each figure
    exercises: list[str] = field(default_factory=list)  # exercise ids in the order shown
    discussion: list[Discussion] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # teacher's notes (slideshow "notes" cells)
    demo_cells: int = 0
    optional: bool = False

    def key_points(self, limit: int = 5) -> tuple[list[str], list[str]]:
        """(English points, Chinese points) of this section for a slide or a plan."""
        en = self.bullets_en or [first_sentence(p) for p in self.text_en if p]
        zh = self.bullets_zh or [s for p in self.text_zh for s in zh_sentences(p)]
        return [p for p in en if p][:limit], [p for p in zh if p][:limit]


@dataclass
class LessonContent:
    """A lesson notebook read for the teacher's materials."""

    slug: str
    number: int
    title: Bilingual
    intro_en: str
    intro_zh: str
    goals: list[Bilingual]
    sections: list[Section]
    glossary: list[tuple[str, str, str]]  # (English, 中文, meaning)
    path: Path

    @property
    def taught(self) -> list[Section]:
        """The numbered sections of the lesson (not goals, case, summary or optional parts)."""
        return [s for s in self.sections if s.kind == "section" and not s.optional]

    def section(self, kind: str) -> Section | None:
        return next((s for s in self.sections if s.kind == kind), None)

    @property
    def discussion(self) -> list[Discussion]:
        return [d for s in self.sections for d in s.discussion]

    @property
    def exercise_ids(self) -> list[str]:
        return [e for s in self.sections for e in s.exercises]

    def exercise_section(self) -> dict[str, Section]:
        return {e: s for s in self.sections for e in s.exercises}


def plain(markdown: str) -> str:
    """Markdown inline text as plain text (emphasis, code spans, links and tags removed)."""
    text = LINK.sub(r"\1", markdown)
    text = EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    text = CODE_SPAN.sub(r"\1", text)
    return " ".join(TAG.sub(" ", text).split())


def first_sentence(paragraph: str) -> str:
    """The first sentence of an English paragraph (up to '. ', ': ' or the end)."""
    match = re.search(r"(?<=[.!?:])\s", paragraph)
    return paragraph[: match.start()].rstrip(":").strip() if match else paragraph.strip()


def zh_sentences(text: str) -> list[str]:
    """Chinese text cut into sentences at 。！？ (each keeps its end mark)."""
    return [s.strip() for s in re.findall(r"[^。！？]+[。！？]?", text) if s.strip()]


def split_heading(text: str) -> Bilingual:
    """'2. The four grades · 四个客户等级' -> Bilingual('2. The four grades', '2. 四个客户等级')."""
    parts = [p.strip() for p in text.split(" · ")]
    mixed = re.match(r"^([\u3400-\u9fff]+)[:：]\s*(.+)$", parts[1]) if len(parts) > 2 else None
    if mixed and not CJK.search(mixed.group(2)):  # "Case · 案例: Monday · 周一早上"
        return Bilingual(f"{parts[0]}: {mixed.group(2)}", f"{mixed.group(1)}：{' · '.join(parts[2:])}")
    en = [p for p in parts if not CJK.search(p)]
    zh = [p for p in parts if CJK.search(p)]
    number = re.match(r"^(\d+\.)\s", parts[0])
    en_text = " · ".join(en) or parts[0]
    zh_text = " · ".join(zh) or en_text
    if number and not zh_text.startswith(number.group(1)):
        zh_text = f"{number.group(1)} {zh_text}"
    return Bilingual(en_text, zh_text)


def _kind_of(heading: str, optional: bool) -> str:
    low = heading.lower()
    # a workshop closes with "What you did today", its summary (the plan's key points; not a
    # part of the board plan: brief 28g, W03 and W04's plans had no key points)
    for word, kind in (("learning goals", "goals"), ("try it", "try"), ("case", "case"),
                       ("summary", "summary"), ("what you did today", "summary"),
                       ("check your understanding", "check"), ("glossary", "glossary")):
        if low.startswith(word):
            return kind
    return "further" if optional and GOING_FURTHER.search(low) else "section"


def _paragraphs(markdown: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", markdown) if p.strip()]


def _read_markdown(section: Section, markdown: str, glossary: list) -> None:
    """Add one markdown cell's text (headings already cut off) to ``section``."""
    details = re.sub(r"<details>.*?</details>", "", markdown, flags=re.S)
    for para in _paragraphs(details):
        lines = para.splitlines()
        if lines[0].startswith("|"):
            _read_table(lines, section, glossary)
        elif lines[0].startswith(">"):
            quote = plain(" ".join(line.lstrip("> ").strip() for line in lines))
            quote = re.sub(r"^中文(小结)?[：:]\s*", "", quote)
            bullets = [plain(line.lstrip("> ").lstrip("- ")) for line in lines
                       if line.lstrip("> ").startswith("- ")]
            if bullets:
                section.bullets_zh.extend(bullets)
            elif quote:
                section.text_zh.append(quote)
        elif all(line.startswith(("- ", "  ")) for line in lines) or lines[0][:3] in ("1. ",):
            section.bullets_en.extend(_bullets(lines))
        elif not QUESTION.match(lines[0]):
            section.text_en.append(plain(" ".join(lines)))


def _bullets(lines: list[str]) -> list[str]:
    items: list[str] = []
    for line in lines:
        if re.match(r"^(- |\d+\. )", line):
            items.append(plain(re.sub(r"^(- |\d+\. )", "", line)))
        elif items:
            items[-1] += " " + plain(line)
    return items


def _read_table(lines: list[str], section: Section, glossary: list) -> None:
    rows = [[plain(c) for c in line.strip().strip("|").split("|")] for line in lines
            if line.startswith("|") and not re.match(r"^\|[\s:|-]+\|$", line.strip())]
    if section.kind == "glossary":
        glossary.extend(tuple((r + ["", "", ""])[:3]) for r in rows[1:])
    else:
        section.bullets_en.extend(" · ".join(c for c in r if c) for r in rows[1:])


def _read_discussion(section: Section, markdown: str) -> None:
    """The ``**Question N · 问题 N.**`` lines of a case and their ``<details>`` answers."""
    pattern = re.compile(r"^\*\*Question (\d+) · 问题 \d+\.\*\*\s*(.*?)\n(.*?)\n\s*\n"
                         r"<details>.*?</summary>(.*?)</details>", re.S | re.M)
    for m in pattern.finditer(markdown):
        answer = m.group(4)
        zh_lines = [line.lstrip("> ").strip() for line in answer.splitlines()
                    if line.startswith(">")]
        en_lines = [line for line in answer.splitlines() if line.strip()
                    and not line.startswith(">")]
        zh = re.sub(r"^中文[：:]\s*", "", " ".join(zh_lines))
        section.discussion.append(Discussion(
            int(m.group(1)), Bilingual(plain(m.group(2)), plain(m.group(3))),
            Bilingual(plain(" ".join(en_lines)), plain(zh))))


def _figures(cell: dict) -> list[bytes]:
    """The PNG pictures of a cell's outputs: ``image/png``, or the first <img> of a course
    picture's ``text/html`` (course.crm.picture: the wide layout, before any narrow one)."""
    out = []
    for output in cell.get("outputs", []):
        png = output.get("data", {}).get("image/png")
        if png:
            out.append(base64.b64decode("".join(png) if isinstance(png, list) else png))
            continue
        page = output.get("data", {}).get("text/html") or ""
        page = "".join(page) if isinstance(page, list) else page
        found = re.search(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page)
        if "course-picture" in page and found:
            out.append(base64.b64decode(found.group(1)))
    return out


def _split_title(text: str) -> tuple[int, Bilingual]:
    parts = [p.strip() for p in text.split(" · ")]
    number = int(re.sub(r"\D", "", parts[0]) or 0)
    return number, split_heading(" · ".join(parts[1:]) or parts[0])


def read_lesson(path: Path) -> LessonContent:
    """A lesson notebook read into a :class:`LessonContent`; a CourseError names a file that
    cannot be read."""
    try:
        cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError) as exc:
        raise CourseError(f"{Path(path).name}: cannot be read as a notebook ({exc})") from None
    slug = Path(path).stem
    number, title = 0, Bilingual(slug, slug)
    intro = Section(Bilingual("", ""), "intro")
    sections: list[Section] = [intro]
    glossary: list[tuple[str, str, str]] = []
    optional = False
    for index, cell in enumerate(cells):
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        slide_type = ((cell.get("metadata") or {}).get("slideshow") or {}).get("slide_type")
        if cell["cell_type"] == "markdown" and slide_type == "notes":
            sections[-1].notes.append(plain(source))  # the presenter's, never the class's text
        elif cell["cell_type"] == "markdown":
            chunks = re.split(r"^(#{1,3} .*)$", source, flags=re.M)
            _read_markdown(sections[-1], chunks[0], glossary)
            for heading, body in zip(chunks[1::2], chunks[2::2], strict=True):
                level, text = HEADING.match(heading).groups()
                if level == "#":
                    number, title = _split_title(text)
                elif level == "##":
                    optional = optional or bool(GOING_FURTHER.search(text))
                    sections.append(Section(split_heading(text), _kind_of(text, optional),
                                            optional=optional))
                _read_markdown(sections[-1], body, glossary)
                if sections[-1].kind == "case":
                    _read_discussion(sections[-1], body)
        else:
            match = EXERCISE_CELL.match(source)
            if match:
                sections[-1].exercises.append(match.group(1))
            elif "course.lesson(" not in source and "lesson.nav()" not in source:
                sections[-1].demo_cells += 1
                found = _figures(cell)
                sections[-1].figures.extend(found)
                sections[-1].figure_cells.extend([index] * len(found))
    goals_section = next((s for s in sections if s.kind == "goals"), None)
    goals = [Bilingual(*(g.split(" — ", 1) + [g])[:2]) for g in
             (goals_section.bullets_en if goals_section else [])]
    return LessonContent(slug, number, title, " ".join(intro.text_en[:2]),
                         " ".join(intro.text_zh[:1]), goals,
                         [s for s in sections if s.kind not in ("intro", "goals", "glossary")],
                         glossary, Path(path))
