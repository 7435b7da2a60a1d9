"""Everything a teacher prints and teaches from, for one lesson or the whole course, into one
folder (what ``crm-course print`` runs).

Files, for each language asked for (``<lang>`` is en, zh or both)::

    DIR/answer-book.<lang>.html, .pdf        the teacher's answer book (teacher only)
    DIR/NN-slug/worksheet.<lang>.pdf          practice and class items, room to write
    DIR/NN-slug/exam-A.<lang>.pdf, exam-B...  the assessment items, forms A and B
    DIR/NN-slug/exam-A-key.<lang>.pdf, ...    answer key and marking scheme of each form
    DIR/NN-slug/slides.<lang>.pptx            the lesson as slides
    DIR/NN-slug/lesson-plan.<lang>.md, .docx  the lesson plan (教案)
    DIR/teaching-schedule.md, .docx           the 授课计划 (Chinese, English headings)
    DIR/course-standard.md, .docx             the 课程标准 (Chinese, English headings)
    DIR/speaking-cards.<lang>.pdf             role-play cards to cut out, rubric, check-list
    DIR/project.<lang>.pdf                    the group project's handout and peer-review form

The answer book, the keys, the exam papers and the lesson plans are for the teacher: the whole
folder stays out of the student copy (TEACHER_ONLY lists the file patterns).
"""
from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from course.errors import InputError
from course.materials.render import check_language

#: Files of ``crm-course print`` that must never reach learners (for the student copy's audit).
TEACHER_ONLY = ("answer-book.*", "exam-*-key.*", "exam-*.pdf", "lesson-plan.*",
                "teaching-schedule.*", "course-standard.*", "speaking-cards.*")
KINDS = ("worksheet", "exam", "answers", "slides", "plan")
#: what is made once for the whole course (from notebooks/semester.yaml and data/)
COURSE_KINDS = ("schedule", "standard", "speaking", "project")


@dataclass
class Job:
    """What to make: lessons (slugs), languages, which kinds of file, where."""

    out: Path
    slugs: list[str]
    langs: list[str]
    kinds: tuple[str, ...] = KINDS
    online_url: str = ""
    root: Path | None = None  # the course folder (notebooks/, exercises/)


@dataclass
class Result:
    files: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0


def course_folder(root: Path | None = None) -> Path:
    """The course folder to read: ``root``, the folder the command runs in, or the package's."""
    from course import paths

    folder = Path(root) if root else (paths.course_root() or paths.package_root())
    if not paths.is_course_folder(folder):
        raise InputError(f"{folder} is not a course folder (it needs notebooks/ and exercises/)")
    return folder


def resolve_lessons(root: Path, lesson: str | None) -> list[str]:
    """The slugs to print: every lesson of notebooks/course.yaml, or the one named by number
    or slug (an unknown one is an InputError that lists the lessons)."""
    from course.exercises.course_map import load

    slugs = [e.slug for e in load(root / "notebooks" / "course.yaml").lessons]
    if not lesson:
        return slugs
    wanted = [s for s in slugs if s == lesson or s.split("-")[0] == lesson.zfill(2)]
    if not wanted:
        raise InputError(f"no lesson {lesson!r}; expected one of {', '.join(slugs)}")
    return wanted


def languages(value: str) -> list[str]:
    """``en``, ``zh`` or ``both`` as given; ``all`` makes the three."""
    if value == "all":
        return ["en", "zh", "both"]
    return [check_language(value)]


def check_online_url(url: str) -> str:
    """``url`` if it fills in (``{notebook}``, ``{slug}``); else an InputError saying so."""
    try:
        url.format(slug="01-x", notebook="01-x.ipynb")
    except (KeyError, IndexError, ValueError) as exc:
        raise InputError(f"--online-url {url!r} cannot be filled in ({exc}); it may hold "
                         "{notebook} and {slug}, e.g. https://hub.example.edu/hub/user-redirect/"
                         "lab/tree/notebooks/{notebook}") from None
    return url


def _setting(root: Path, lang: str, online_url: str):
    from course.exercises.course_map import load
    from course.materials.papers import DEFAULT_ONLINE_URL, Setting

    title = load(root / "notebooks" / "course.yaml").title
    return Setting(lang, online_url or DEFAULT_ONLINE_URL, title)


def _load(root: Path, slug: str):
    from course.exercises.loader import load_bank
    from course.materials.lessons import read_lesson

    return (load_bank(root / "exercises" / f"{slug}.yaml").lessons[slug],
            read_lesson(root / "notebooks" / f"{slug}.ipynb"))


def _pdf(html: str, out: Path, notes: list[str]) -> Path:
    from course.materials.pdf import glyph_note, write_pdf

    note = glyph_note(html, out.name)
    if note:
        notes.append(note)
    return write_pdf(html, out)


def lesson_files(root: Path, slug: str, lang: str, out: Path, kinds: tuple[str, ...],
                 online_url: str = "", notes: list[str] | None = None) -> list[Path]:
    """Make one lesson's files in one language; returns the paths written (and adds what
    the teacher should know to ``notes``)."""
    from course.materials import papers

    notes = [] if notes is None else notes
    setting = _setting(root, lang, online_url)
    lesson, content = _load(root, slug)
    folder = out / slug
    written = []
    if "worksheet" in kinds:
        paper = papers.worksheet(lesson, content, setting)
        written.append(_pdf(paper.html, folder / f"worksheet.{lang}.pdf", notes))
        notes += [f"{slug}: not available in print: {u}" for u in paper.unavailable]
    if "exam" in kinds and papers.assessment_items(lesson):
        for form in papers.FORMS:
            for key in (False, True):
                paper = papers.exam(lesson, content, setting, form, key=key)
                name = f"exam-{form}{'-key' if key else ''}.{lang}.pdf"
                written.append(_pdf(paper.html, folder / name, notes))
    if "slides" in kinds:
        from course.materials.slides import write_slides

        written.append(write_slides(lesson, content, lang, folder / f"slides.{lang}.pptx"))
    if "plan" in kinds:
        from course.materials.plans import write_plan

        written += write_plan(lesson, content, lang, root, folder / f"lesson-plan.{lang}")
    return written


def answer_book_files(root: Path, slugs: list[str], lang: str, out: Path,
                      notes: list[str] | None = None) -> list[Path]:
    """The answer book of ``slugs`` in ``lang``, as HTML and PDF."""
    from course.materials.answerbook import answer_book

    setting = _setting(root, lang, "")
    html, _ = answer_book([_load(root, s) for s in slugs], setting)
    out.mkdir(parents=True, exist_ok=True)
    page = out / f"answer-book.{lang}.html"
    page.write_text(html, encoding="utf-8")
    return [page, _pdf(html, out / f"answer-book.{lang}.pdf", [] if notes is None else notes)]


def course_files(root: Path, kind: str, lang: str, out: Path) -> list[Path]:
    """One of COURSE_KINDS: the 授课计划 or the 课程标准 (.md, .docx; one language: Chinese
    with English headings), or the speaking cards or the project handout in ``lang`` (PDF)."""
    if kind in ("schedule", "standard"):
        from course.materials.schedule import write_document

        return write_document(root, kind, out)
    if kind == "speaking":
        from course.materials.speaking import write_speaking

        return write_speaking(root, lang, out)
    from course.materials.project import write_project

    return write_project(root, lang, out)


def _task(args) -> tuple[list[Path], list[str]]:
    name, payload = args
    notes: list[str] = []
    if name == "lesson":
        return lesson_files(*payload, notes=notes), notes
    if name == "course":
        return course_files(*payload), notes
    return answer_book_files(*payload, notes=notes), notes


def run(job: Job, jobs: int | None = None) -> Result:
    """Make every file of ``job`` (in ``jobs`` processes; default: the CPU count, at most 4)."""
    start = time.perf_counter()
    check_online_url(job.online_url)
    root = course_folder(job.root)
    tasks = []
    if "answers" in job.kinds:  # (the longest task first, so that it does not finish last)
        tasks += [("book", (root, job.slugs, lang, job.out)) for lang in job.langs]
    tasks += [("course", (root, kind, lang, job.out)) for kind in COURSE_KINDS
              if kind in job.kinds
              for lang in (job.langs[:1] if kind in ("schedule", "standard") else job.langs)]
    if set(job.kinds) & set(KINDS):
        tasks += [("lesson", (root, s, lang, job.out, job.kinds, job.online_url))
                  for lang in job.langs for s in job.slugs]
    jobs = max(1, min(jobs or os.cpu_count() or 1, 4, len(tasks)))
    result = Result()
    if jobs == 1:
        done = map(_task, tasks)
    else:
        pool = ProcessPoolExecutor(jobs)
        done = pool.map(_task, tasks)
    for files, notes in done:
        result.files += files
        result.notes += [n for n in notes if n not in result.notes]
    if jobs > 1:
        pool.shutdown()
    result.notes += _notes(job, root)
    result.seconds = time.perf_counter() - start
    return result


def _plan_notes(job: Job, root: Path) -> list[str]:
    """What does not match between the semester plan and course.yaml (the schedule and the
    standard show such a slug by its name, marked †)."""
    if not {"schedule", "standard"} & set(job.kinds):
        return []
    from course.exercises.course_map import load
    from course.semester import check_course, semester_file
    from course.semester import load as load_semester

    problems = check_course(load_semester(semester_file(root)),
                            load(root / "notebooks" / "course.yaml"))
    return [f"semester plan: {p}" for p in problems]


def _notes(job: Job, root: Path) -> list[str]:
    """What the teacher should know about this run (QR addresses, kinds not printable, fonts)."""
    from course.exercises import kinds

    notes = _plan_notes(job, root)
    if not set(job.kinds) & set(KINDS):  # (only the course-wide files: no QR code)
        return notes
    if not job.online_url:
        notes.append("QR codes hold the lesson's path on a hub (/hub/user-redirect/lab/tree/"
                     "notebooks/...); give --online-url https://YOUR-HUB/hub/user-redirect/lab/"
                     "tree/notebooks/{notebook} so that a phone can open them.")
    missing = kinds.types_without_view("print")
    if missing:
        notes.append(f"types not available in print (no print view): {', '.join(missing)}")
    return notes
