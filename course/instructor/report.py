"""The class report: re-grade every submitted response with the instructor's bank and sum up.

The CSV files are written by ``report_csv`` (its writers are still importable from here), the
page by ``report_html``, the gradebook by ``gradebook``.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from course.errors import InputError
from course.instructor.itemstats import for_class
from course.instructor.report_csv import (
    _csv_safe,
    write_grades_csv,
    write_item_csv,
    write_item_stats_csv,
)
from course.instructor.submissions import (
    Collected,
    Rejection,
    collect,
    learner_key,
    read_under_current_ids,
)
from course.messages import both

TOP_WRONG = 3  # most common wrong answers listed per exercise and per blank
DEFAULT_PASS_MARK = 60.0  # percent; below it a learner is listed under "needs help"
EXPECTED_SHARE = 0.5  # a lesson is expected once at least half of the class has attempted it


@dataclass
class LearnerRow:
    """One learner's grades: a score per lesson (None: nothing attempted) and the overall."""

    learner: str
    source: str
    lesson_scores: dict[str, float | None]
    lesson_done: dict[str, tuple[int, int]]  # slug -> (exercises attempted, exercises)
    overall: float | None = None
    attempted: int = 0
    expected_total: int = 0
    missing: list[str] = field(default_factory=list)
    needs_help: bool = False
    course_version: str = ""  # the version the learner's course copy had when exporting
    number: str = ""  # 学号, from the class list
    name: str = ""  # 姓名: the class list's, else the name in the file
    klass: str = ""  # 班级
    on_roster: bool | None = None  # None: no class list was given
    handed_in: bool = True  # False: on the class list, no submission
    item_scores: dict = field(default_factory=dict)  # exercise id -> final score (0..1)
    lesson_assessment: dict = field(default_factory=dict)  # slug -> assessment-only score
    lesson_practice: dict = field(default_factory=dict)  # slug -> practice items attempted
    parts: dict = field(default_factory=dict)  # grading-scheme component -> 0..1
    total: float | None = None  # the scheme's weighted total (平时成绩)
    weak_lessons: list = field(default_factory=list)  # expected lessons below the threshold
    final_parts: dict = field(default_factory=dict)  # final-grade part -> 0..1 (None: missing)
    final_total: float | None = None  # the final grade (总评成绩); None while a part is missing
    final_missing: list = field(default_factory=list)  # final-grade parts with no mark yet

    @property
    def grade(self) -> float | None:
        """The score that decides "needs help": the weighted total, else the overall."""
        return self.total if self.total is not None else self.overall


@dataclass
class ItemRow:
    """How the class did on one exercise, or on one blank or pair of it (``item`` set)."""

    lesson: str
    exercise_id: str
    type: str
    mode: str
    item: str
    key: str
    attempts: int = 0
    learners: int = 0
    first_try: float | None = None
    success: float | None = None
    mean_score: float | None = None
    wrong: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class ClassReport:
    """Everything the report files show."""

    bank_path: str
    generated_at: str
    lessons: list[tuple[str, str, list[str]]]  # slug, English title, exercise ids
    learners: list[LearnerRow]
    items: list[ItemRow]
    parts: list[ItemRow]
    rejections: list[Rejection]
    expected_lessons: list[str]
    pass_mark: float
    warnings: list[Rejection] = field(default_factory=list)  # counted, but worth a look
    graded: int = 0  # responses graded (after de-duplication of identical responses)
    attempts: int = 0
    item_stats: object = None  # course.instructor.itemstats.ItemAnalysis
    writing: list = field(default_factory=list)  # rows of writing.csv (course.instructor.writing)
    marked: int = 0  # automatic scores replaced by a teacher's mark
    plan: object = None  # course.instructor.scores.Plan: the scheme as this report applies it
    roster_source: str = ""
    attendance: object = None  # course.instructor.attendance.Attendance, when given
    part_marks: object = None  # course.instructor.marks.PartMarks (--marks), when given
    lesson_titles: dict = field(default_factory=dict)  # slug -> Bilingual
    exercise_titles: dict = field(default_factory=dict)  # exercise id -> Bilingual or None
    language: str = "both"  # the page's and the charts' language: en, zh or both


# ----------------------------------------------------------------------------- helpers


def _clip(text: str, limit: int = 80) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _en(value) -> str:
    return getattr(value, "en", None) or str(value)


def describe_response(exercise, response) -> str:
    """A learner's response as a short text a teacher can read (the exercise's kind says how)."""
    try:
        return exercise.describe(response)
    except (IndexError, TypeError, AttributeError, ValueError):
        return json.dumps(response, ensure_ascii=False, default=str)


KEY_CHARS = 300  # of an exercise's key (a model reply is a letter)


def _key_text(exercise) -> str:
    """The exercise's key as a teacher reads it: its lines kept (spaces collapsed within each,
    blank lines run into one), cut at KEY_CHARS."""
    try:
        text = exercise.answer_text().en
    except Exception:  # a key that cannot be written out is not worth stopping the report
        return ""
    lines, blank = [], False
    for line in str(text).splitlines():
        line = " ".join(line.split())
        if line or not blank:
            lines.append(line)
        blank = not line
    text = "\n".join(lines).strip()
    return text if len(text) <= KEY_CHARS else text[: KEY_CHARS - 1].rstrip() + "…"


def _top(counter: Counter, shown: dict[str, Counter]) -> list[tuple[str, int]]:
    """The most common wrong answers, each in the spelling learners used most."""
    return [(shown[k].most_common(1)[0][0], n) for k, n in counter.most_common(TOP_WRONG)]


class _Tally:
    """Running counts for one exercise or one of its items."""

    def __init__(self):
        self.attempts = 0
        self.firsts: list[bool] = []
        self.finals: list[bool] = []
        self.scores: list[float] = []
        self.wrong = Counter()
        self.shown: dict[str, Counter] = {}

    def add_wrong(self, key: str, shown: str) -> None:
        """Count a wrong answer under its normalised ``key``, remembering how it was written."""
        self.wrong[key] += 1
        self.shown.setdefault(key, Counter())[shown] += 1

    def fill(self, row: ItemRow) -> ItemRow:
        row.attempts = self.attempts
        row.learners = len(self.finals)
        if self.finals:
            row.first_try = sum(self.firsts) / len(self.firsts)
            row.success = sum(self.finals) / len(self.finals)
        if self.scores:
            row.mean_score = sum(self.scores) / len(self.scores)
        row.wrong = _top(self.wrong, self.shown)
        return row


@dataclass(frozen=True)
class _Graded:
    """What the report needs from one graded response (shared by identical responses)."""

    counts: bool  # an attempt: not an empty answer
    correct: bool
    score: float
    wrong: tuple[str, str] | None  # (normalised, as written) when not right
    parts: tuple  # (item index, right, wrong answer or None) per attempted blank or pair


def _wrong(text: str) -> tuple[str, str]:
    """(key, as shown) of a wrong answer; the same wrong words come back in many responses,
    so a short one is worked out once."""
    return _wrong_short(text) if len(text) <= 200 else _wrong_text_key(text)


def _wrong_text_key(text: str) -> tuple[str, str]:
    return learner_key(text), _clip(text)  # the same folding as for learner names


_wrong_short = lru_cache(maxsize=16384)(_wrong_text_key)


def _response_key(response):
    """A hashable key under which identical responses share one grade."""
    if isinstance(response, str | int | float | bool) or response is None:
        return (type(response).__name__, response)
    if isinstance(response, list) and all(isinstance(r, str) for r in response):
        return ("list", *response)
    if type(response) is dict and all(type(v) is str for v in response.values()):
        return ("texts", *sorted(response.items()))  # a matching: left -> right
    return ("json", json.dumps(response, sort_keys=True, ensure_ascii=False))


def _grade(exercise, response, part_labels: dict) -> _Graded:
    """Grade one response with the instructor's key (an empty answer does not count).

    A writing task's rubric criteria are not blanks with wrong answers: they get no per-item
    rows (the written-work section and writing.csv show each text with its points).
    """
    result = exercise.grade(response)
    if result.valid and not result.attempted:
        return _Graded(False, False, 0.0, None, ())
    correct = bool(result.correct)
    score = float(result.score) if result.valid else 0.0
    wrong = None if correct else _wrong(describe_response(exercise, response))
    parts = []
    for item in () if exercise.written else result.items:
        label = exercise.item_label(item) if item.attempted else None
        if label is None:
            continue  # (kinds without per-item rows say None for every item)
        pk = (exercise.id, item.index)
        if pk not in part_labels:
            expected = item.expected
            if isinstance(expected, list | tuple):
                expected = " | ".join(str(e) for e in expected)
            part_labels[pk] = (label, _clip(str(expected), 120))
        parts.append((item.index, bool(item.correct),
                      None if item.correct else _wrong(str(item.given))))
    return _Graded(True, correct, score, wrong, tuple(parts))


# ----------------------------------------------------------------------------- building


def load_instructor_bank(path: Path | None):
    """The instructor's bank (a file or folder); a student copy's bank is refused."""
    from course.exercises.loader import load_bank
    from course.instructor.release import find_course_root

    path = Path(path) if path is not None else find_course_root() / "exercises"
    if not path.exists():
        raise InputError(both("no_such_path", path=path))
    bank = load_bank(path)
    if any(getattr(ex, "redacted", False) for ex in bank.exercises):
        raise InputError(both("redacted_bank", path=path))
    return bank, path


def build_report(paths, bank=None, bank_path: Path | None = None,
                 pass_mark: float | None = None, marks=None, roster=None, scheme=None,
                 attendance=None, part_marks=None) -> ClassReport:
    """Read, check and re-grade the submissions under ``paths``; scores inside are ignored.

    ``marks`` (``{(learner, task): 0-100}``, see ``writing.read_marks``): a teacher's mark
    replaces the automatic score of that learner's writing task. ``scheme``: a
    ``scheme.Scheme`` (the shipped default when None); ``pass_mark`` (percent) overrides its
    pass mark. ``attendance``: ``attendance.Attendance`` of the live sessions, or None.
    ``part_marks``: ``marks.PartMarks``, the teacher's marks of the final grade's other parts.
    """
    collected: Collected = collect(paths)  # a mistyped path is named before the bank loads
    if bank is None:
        bank, bank_path = load_instructor_bank(bank_path)
    return grade_collected(collected, bank, str(bank_path or ""), pass_mark, marks, roster,
                           scheme, attendance, part_marks)


def _on_roster(roster, sub) -> bool:
    from course.instructor.roster_match import student_of

    return student_of(roster, sub) is not None


def expected_lessons(lessons, subs, finals_by_learner, roster=None) -> list[str]:
    """Which lessons the class has reached: at least half of the learners attempted them.

    With a class list (``roster``), only the learners on it count: names that are not on it
    (ghost learners of a live class, a typo) cannot change what is expected of the others
    (issue 21). Without one, every learner who handed in counts.
    """
    counted = [f for sub, f in zip(subs, finals_by_learner, strict=True)
               if roster is None or _on_roster(roster, sub)]
    n = len(counted)
    return [slug for slug, _, ids in lessons
            if n and sum(any(i in f for i in ids) for f in counted)
            >= max(1, EXPECTED_SHARE * n)]


class _Grading:
    """The running tallies of one report while the submissions are graded one by one."""

    def __init__(self, bank, lesson_of: dict[str, str], marks):
        self.bank = bank
        self.lesson_of = lesson_of
        self.marks = marks or {}
        self.cache: dict[tuple, _Graded] = {}
        self.tallies: dict[str, _Tally] = {ex_id: _Tally() for ex_id in lesson_of}
        self.part_tallies: dict[tuple[str, int], _Tally] = {}
        self.part_labels: dict[tuple[str, int], tuple[str, str]] = {}
        self.writing_rows: list[dict] = []
        self.written: dict[tuple, dict] = {}  # (exercise id, response) -> its writing.csv row
        self.n_marked = 0
        self.n_attempts = 0

    def submission(self, sub) -> tuple[dict[str, float], dict[str, object]]:
        """Grade one learner's attempts: the final score and last counted response of each
        exercise they answered."""
        per_ex: dict[str, list[_Graded]] = {}
        last_response: dict[str, object] = {}
        for attempt in sub.attempts:
            ex_id = attempt.exercise_id
            if ex_id not in self.lesson_of:
                continue
            key = (ex_id, _response_key(attempt.response))
            graded = self.cache.get(key)
            if graded is None:
                graded = self.cache[key] = _grade(self.bank[ex_id], attempt.response,
                                                  self.part_labels)
            if graded.counts:
                per_ex.setdefault(ex_id, []).append(graded)
                last_response[ex_id] = attempt.response
        finals: dict[str, float] = {}
        for ex_id, results in per_ex.items():
            self.n_attempts += len(results)
            self._count(self.tallies[ex_id], results)
            finals[ex_id] = results[-1].score
            if self.bank[ex_id].written:
                finals[ex_id] = self._writing(sub, ex_id, last_response[ex_id], finals[ex_id])
            self._count_parts(ex_id, results)
        return finals, last_response

    @staticmethod
    def _count(tally: _Tally, results: list[_Graded]) -> None:
        tally.attempts += len(results)
        tally.firsts.append(results[0].correct)
        tally.finals.append(results[-1].correct)
        tally.scores.append(results[-1].score)
        for graded in results:
            if graded.wrong is not None:
                tally.add_wrong(*graded.wrong)

    def _writing(self, sub, ex_id: str, response, score: float) -> float:
        """Add the writing.csv row of a written task; the teacher's mark, if any, overrides
        the automatic score."""
        from course.instructor.writing import writing_row

        # one review per distinct text of a task (reviewing is pure, and costs ms)
        wkey = (ex_id, _response_key(response))
        if wkey not in self.written:
            self.written[wkey] = writing_row("", "", self.bank[ex_id], response)
        self.writing_rows.append({**self.written[wkey], "learner": sub.learner,
                                  "lesson": self.lesson_of[ex_id]})
        mark = self.marks.get((sub.learner_key, ex_id))
        if mark is None:
            return score
        self.writing_rows[-1]["teacher_mark"] = f"{mark:g}"
        self.n_marked += 1
        return mark / 100

    def _count_parts(self, ex_id: str, results: list[_Graded]) -> None:
        item_first: dict[int, bool] = {}
        item_final: dict[int, bool] = {}
        for graded in results:
            for index, ok, wrong in graded.parts:
                part = self.part_tallies.setdefault((ex_id, index), _Tally())
                part.attempts += 1
                item_first.setdefault(index, ok)
                item_final[index] = ok
                if wrong is not None:
                    part.add_wrong(*wrong)
        for index, ok in item_final.items():
            part = self.part_tallies[(ex_id, index)]
            part.firsts.append(item_first[index])
            part.finals.append(ok)

    def item_rows(self, lessons) -> tuple[list[ItemRow], list[ItemRow]]:
        """A row per exercise and a row per part (blank, pair) of each, in the bank's order."""
        items, parts = [], []
        for slug, _, ids in lessons:
            for ex_id in ids:
                exercise = self.bank[ex_id]
                items.append(self.tallies[ex_id].fill(ItemRow(
                    slug, ex_id, exercise.type, exercise.mode, "", _key_text(exercise))))
                for (pid, index) in sorted(k for k in self.part_tallies if k[0] == ex_id):
                    label, key = self.part_labels[(pid, index)]
                    parts.append(self.part_tallies[(pid, index)].fill(ItemRow(
                        slug, ex_id, exercise.type, exercise.mode, label, key)))
        return items, parts


def _unknown_ids(sub, lesson_of) -> Rejection | None:
    """The rejection note of a submission's attempts at exercises the bank does not have."""
    unknown = Counter(a.exercise_id for a in sub.attempts if a.exercise_id not in lesson_of)
    if not unknown:
        return None
    ids = ", ".join(sorted(_clip(i, 40) for i in unknown)[:10])
    return Rejection(sub.source, both("unknown_ids", count=sum(unknown.values()), ids=ids),
                     sub.learner)


def _learner_row(sub, finals: dict[str, float], lessons, expected: list[str],
                 pass_mark: float) -> LearnerRow:
    """One learner's line of the report: per lesson done and score, overall, needs help."""
    row = LearnerRow(sub.learner, sub.source, {}, {}, course_version=sub.course_version)
    total_score, total_n = 0.0, 0
    for slug, _, ids in lessons:
        done = [i for i in ids if i in finals]
        row.lesson_done[slug] = (len(done), len(ids))
        row.lesson_scores[slug] = (
            sum(finals[i] for i in done) / len(ids) if done and ids else None)
        row.attempted += len(done)
        if slug in expected:
            total_score += sum(finals[i] for i in done)
            total_n += len(ids)
            if not done:
                row.missing.append(slug)
    row.expected_total = total_n
    row.overall = total_score / total_n if total_n else None
    row.needs_help = bool(row.missing) or (
        row.overall is not None and row.overall * 100 < pass_mark)  # (the scheme's: later)
    return row


def _identify(collected: Collected, roster):
    """(submissions, their Student or None, students without a file, notes) after matching
    the class list (``roster_match``); without one, every submission as it came."""
    subs = list(collected.submissions)
    if roster is None:
        return subs, [None] * len(subs), [], []
    from course.instructor import roster_match

    pairs, absent, notes = roster_match.match(subs, roster)
    return [p[0] for p in pairs], [p[1] for p in pairs], absent, notes


def _keys(sub, student) -> list[str]:
    """The keys under which the live class's attendance file may name this learner."""
    if student is not None:
        return [learner_key(student.number)]
    return [learner_key(sub.learner), learner_key(sub.shown_name or sub.learner)]


def _absent_row(student, lessons, expected, pass_mark) -> LearnerRow:
    from types import SimpleNamespace

    sub = SimpleNamespace(learner=student.number, source="", course_version="")
    row = _learner_row(sub, {}, lessons, expected, pass_mark)
    row.handed_in = False
    return row


def grade_collected(collected: Collected, bank, bank_path: str = "",
                    pass_mark: float | None = None, marks=None, roster=None, scheme=None,
                    attendance=None, part_marks=None) -> ClassReport:
    """The class report of submissions already read (``roster``: see ``expected_lessons``)."""
    from course.instructor import marks as final_marks
    from course.instructor import scores
    from course.instructor.scheme import load_scheme

    scheme = scheme or load_scheme()
    pass_mark = scheme.pass_mark if pass_mark is None else pass_mark
    marks = read_under_current_ids(collected, bank, marks)
    lessons = [(slug, _en(lesson.title), list(lesson.ids)) for slug, lesson in bank.lessons.items()]
    lesson_of = {ex_id: slug for slug, _, ids in lessons for ex_id in ids}
    grading = _Grading(bank, lesson_of, marks)
    rejections = list(collected.rejections)
    subs, students, absent, roster_notes = _identify(collected, roster)
    finals_by_learner: list[dict[str, float]] = []
    responses_by_learner: list[dict[str, object]] = []  # last counted response, for itemstats
    for sub in subs:
        unknown = _unknown_ids(sub, lesson_of)
        if unknown is not None:
            rejections.append(unknown)
        finals, last_response = grading.submission(sub)
        finals_by_learner.append(finals)
        responses_by_learner.append(last_response)

    expected = expected_lessons(lessons, subs, finals_by_learner, roster)
    the_plan = scores.plan(bank, lessons, expected, scheme, attendance)
    learners = []
    for sub, student, finals in zip(subs, students, finals_by_learner, strict=True):
        row = _learner_row(sub, finals, lessons, expected, pass_mark)
        row.name = student.name if student else (sub.shown_name or sub.learner)
        row.number = student.number if student else sub.number  # (a file's own 学号)
        row.klass = student.klass if student else ""
        row.on_roster = None if roster is None else student is not None
        scores.fill_row(row, finals, the_plan, expected, attendance, _keys(sub, student))
        learners.append(row)
    for student in absent:
        row = _absent_row(student, lessons, expected, pass_mark)
        row.number, row.name, row.klass, row.on_roster = (student.number, student.name,
                                                          student.klass, True)
        scores.fill_row(row, {}, the_plan, expected, attendance, _keys(None, student))
        learners.append(row)
    for row in learners:
        row.needs_help = bool(row.missing) or bool(row.weak_lessons) or (
            row.grade is not None and row.grade * 100 < pass_mark)
        final_marks.apply(row, scheme, part_marks)
    items, parts = grading.item_rows(lessons)
    return ClassReport(
        bank_path=bank_path,
        generated_at=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        lessons=lessons, learners=learners, items=items, parts=parts,
        rejections=rejections, expected_lessons=expected, pass_mark=pass_mark,
        warnings=list(collected.warnings) + roster_notes + _version_warnings(collected)
        + final_marks.notes(part_marks, learners),
        graded=len(grading.cache), attempts=grading.n_attempts,
        writing=grading.writing_rows, marked=grading.n_marked,
        item_stats=for_class(bank, lessons, finals_by_learner, responses_by_learner),
        plan=the_plan, roster_source=getattr(roster, "source", "") or "",
        attendance=attendance, part_marks=part_marks,
        lesson_titles={slug: lesson.title for slug, lesson in bank.lessons.items()},
        exercise_titles={ex_id: bank[ex_id].title for ex_id in lesson_of},
    )


# ----------------------------------------------------------------------------- writing


def _version_warnings(collected: Collected) -> list[Rejection]:
    """A notice for each submission made with another version of the course than this one."""
    from course import __version__

    return [Rejection(sub.source, both("other_version", version=sub.course_version,
                                       ours=__version__), sub.learner)
            for sub in collected.submissions
            if sub.course_version and sub.course_version != __version__]


def write_report(report: ClassReport, out: Path) -> dict[str, Path]:
    """Write grades.csv, item_analysis.csv, item_stats.csv, writing.csv, report.html,
    gradebook.xlsx and gradebook.csv into ``out`` (created if missing).

    The files are written into a temporary folder inside ``out`` and moved into place only when
    all are complete: a failure leaves the previous report as it was.
    """
    import shutil
    import tempfile

    from course.instructor.report_html import render_html

    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InputError(both("out_is_file", path=out))
    names = {"grades": "grades.csv", "items": "item_analysis.csv", "stats": "item_stats.csv",
             "writing": "writing.csv", "html": "report.html", "gradebook": "gradebook.xlsx",
             "gradebook_csv": "gradebook.csv"}
    paths = {key: out / name for key, name in names.items()}
    page = render_html(report)
    work = None
    try:
        out.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".report-partial-", dir=out))
        write_grades_csv(report, work / names["grades"])
        write_item_csv(report, work / names["items"])
        write_item_stats_csv(report, work / names["stats"])
        from course.instructor.writing import write_writing_csv

        write_writing_csv(report.writing, work / names["writing"], _csv_safe)
        (work / names["html"]).write_text(page, encoding="utf-8", errors="backslashreplace")
        from course.instructor import gradebook

        gradebook.write_xlsx(report, work / names["gradebook"])
        gradebook.write_csv(report, work / names["gradebook_csv"])
        for key, name in names.items():
            os.replace(work / name, paths[key])
    except OSError as exc:  # e.g. grades.csv open in Excel on Windows, or a read-only folder
        raise InputError(both("cannot_write", path=out, detail=exc.strerror or exc)) from None
    finally:
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
    return paths
