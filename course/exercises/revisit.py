"""Where to go back to: the ``revisit`` pointer of an exercise and the review summary.

An exercise of the bank may say where its topic is taught::

    revisit: {lesson: 04-customer-grading, section: {en: "3. How each grade is handled",
                                                     zh: 各级客户的处理方式}}

``lesson`` is a slug of ``notebooks/course.yaml`` (the loader refuses any other); ``section``
is optional. A widget shows the pointer, with a link to the lesson's notebook, after a Check
that is not right in a mode that shows correctness (never in assessment mode, where it would
tell the learner that the answer was wrong). :func:`review_summary` reads this learner's saved
answers and lists the lessons and sections to go back to: the debrief at the end of a review.
"""
from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from course.messages import ui
from course.text import Bilingual, as_bilingual


@dataclass(frozen=True)
class Revisit:
    """A pointer to where an exercise's topic is taught: a lesson slug and maybe a section."""

    lesson: str
    section: Bilingual | None = None
    # the bank file it came from: its course's order file gives the lesson's title
    source: str = field(default="", compare=False, repr=False)

    @property
    def notebook(self) -> str:
        """The lesson's notebook, relative to the other notebooks (they share one folder)."""
        return f"{self.lesson}.ipynb"

    @property
    def number(self) -> str:
        return self.lesson.split("-")[0]

    def lesson_title(self) -> Bilingual:
        """The lesson's title from ``notebooks/course.yaml`` (its slug when it is not there)."""
        titles = _course_titles(self.source)
        return titles.get(self.lesson, Bilingual(self.lesson, self.lesson))

    def text(self) -> Bilingual:
        """"Go back to lesson 04 · Customer grading ... (section ...)" in both languages."""
        title = self.lesson_title()
        if self.section is not None:
            return Bilingual(
                ui("revisit_section", number=self.number, title=title.en,
                   section=self.section.en).en,
                ui("revisit_section", number=self.number, title=title.zh or title.en,
                   section=self.section.zh or self.section.en).zh,
            )
        return Bilingual(ui("revisit_lesson", number=self.number, title=title.en).en,
                         ui("revisit_lesson", number=self.number, title=title.zh or title.en).zh)

    def markdown(self, lang: str) -> str:
        """The pointer as one markdown line in ``lang``, the lesson notebook linked."""
        return f"{_md(self.text().render(lang))} → [{self.notebook}]({self.notebook})"


def parse_revisit(value, source: str = "") -> Revisit | None:
    """The ``revisit`` field of a bank entry (already checked by the schema) as a Revisit;
    ``source`` is the bank file (its course's order file names the lessons)."""
    if not isinstance(value, Mapping) or not value.get("lesson"):
        return None
    section = value.get("section")
    return Revisit(str(value["lesson"]), None if section is None else as_bilingual(section),
                   source=str(source or ""))


SUMMARY_WIDGET = "course.exercises.widgets.review:ReviewSummaryWidget"


def _course_titles(source: str = "") -> dict[str, Bilingual]:
    """Lesson titles by slug, from the order file of the course of bank file ``source``
    ({} when it cannot be read)."""
    from course.errors import CourseError
    from course.exercises import course_map

    order = course_map.course_file_for(source) if source else course_map.course_file()
    try:
        return {e.slug: e.title for e in course_map.load_cached(order).lessons}
    except CourseError:
        return {}


def _md(text: str) -> str:
    return html.escape(text).replace("|", "\\|").replace("[", "\\[").replace("]", "\\]")


# ----------------------------------------------------------------------------- the summary
@dataclass
class ReviewSummary:
    """What this learner's saved answers say about a set of exercises (a review).

    Attributes:
        total: exercises in the review.
        right: ids whose last saved answer is right.
        wrong: ids whose last saved answer is not right, each with its pointer (may be None).
        pending: ids answered in a student copy, whose key the teacher holds (not graded here).
        unanswered: ids without a saved answer.
        pointers: every exercise's pointer by id (None where the bank gives none).
    """

    total: int
    right: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    unanswered: list[str] = field(default_factory=list)
    pointers: dict[str, Revisit | None] = field(default_factory=dict)
    exercises: tuple = field(default=(), repr=False)
    learner: str | None = field(default=None, repr=False)

    @property
    def answered(self) -> int:
        return len(self.right) + len(self.wrong) + len(self.pending)

    @property
    def all_right(self) -> bool:
        return self.total > 0 and len(self.right) == self.total

    def to_revisit(self) -> list[tuple[Revisit, list[str]]]:
        """The pointers of the wrong answers, one per lesson and section, in course order,
        each with the exercise ids that led there."""
        return _grouped(self.wrong, self.pointers)

    def pending_by_lesson(self) -> list[tuple[Revisit, list[str]]]:
        return _grouped(self.pending, self.pointers)

    def names(self, ids: Iterable[str], lang: str) -> str:
        """The exercises as a learner knows them: their titles (the id where there is none)."""
        titles = {ex.id: ex.title for ex in self.exercises}
        return "; ".join(titles[i].render(lang, " / ") if titles.get(i) else i for i in ids)

    # -- what a learner reads ------------------------------------------------------------
    def lines(self, lang: str, *, markdown: bool = False) -> list[str]:
        """The summary in ``lang`` as lines (markdown list items when ``markdown``)."""
        def say(key, **fields):
            return ui(key, **fields).render(lang, " / ")

        def pointer(rev: Revisit, ids: list[str]) -> str:
            where = rev.markdown(lang) if markdown else rev.text().render(lang, " / ")
            names = self.names(ids, lang)
            names = _md(names) if markdown else names
            return f"- {where} （{names}）" if lang == "zh" else f"- {where} ({names})"

        if self.answered == 0:
            return [say("review_none", total=self.total)]
        out = [say("review_counts", answered=self.answered, total=self.total)]
        if self.all_right:
            out.append(say("review_all_right"))
            return out
        groups = self.to_revisit()
        if groups:
            out.append(say("review_go_back", n=len(self.wrong)))
            out += [pointer(rev, ids) for rev, ids in groups]
        without = [i for i in self.wrong if self.pointers.get(i) is None]
        if without:
            out.append("- " + self.names(without, lang))
        if self.pending:
            out.append(say("review_pending", n=len(self.pending)))
            out += [pointer(rev, ids) for rev, ids in self.pending_by_lesson()]
        if not self.wrong and not self.pending and self.right:
            out.append(say("review_right_so_far", n=len(self.right)))
        if self.unanswered:
            out.append(say("review_unanswered", n=len(self.unanswered)))
        return out

    def text(self, lang: str | None = None) -> str:
        from course import session

        return "\n".join(self.lines(lang or session.get_language()))

    def _repr_markdown_(self) -> str:
        from course import session

        lang = session.get_language()
        head = f"**{ui('review_title').render(lang, ' · ')}**"
        return "\n\n".join([head, "\n".join(self.lines(lang, markdown=True))])

    def __repr__(self) -> str:
        return self.text()

    def widget(self):
        """A live view of this summary: it reads the store again after every Check and
        follows the language (Voila cannot re-run a cell). Its class is named by string, as
        a kind names its widget, so the engine does not import the widgets."""
        from course.plugins import load_plugin

        return load_plugin(SUMMARY_WIDGET)(self.exercises, self.learner, summarize=review_summary)

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget())


def _grouped(ids: Iterable[str], pointers: Mapping[str, Revisit | None]):
    groups: dict[Revisit, list[str]] = {}
    for ex_id in ids:
        rev = pointers.get(ex_id)
        if rev is not None:
            groups.setdefault(rev, []).append(ex_id)
    return sorted(groups.items(), key=lambda kv: kv[0].lesson)  # stable: bank order within


def review_summary(exercises, learner: str | None = None) -> ReviewSummary:
    """Where this learner should go back to, from the last saved answer to each exercise.

    Each last answer is graded again with the bank's key (as ``crm-course report`` does; the
    stored score counts for nothing). An exercise of a student copy has no key: its answer is
    ``pending`` until the teacher's report marks it.

    Args:
        exercises: a Lesson or any iterable of exercises (e.g. the review's).
        learner: only this learner's answers (default: every answer in this store).

    Returns:
        A ReviewSummary; displayed in Jupyter it is a live view that updates after each Check.
    """
    from course.exercises import progress

    exercises = list(getattr(exercises, "exercises", exercises))
    last = progress.last_responses([ex.id for ex in exercises], learner)
    summary = ReviewSummary(total=len(exercises), exercises=tuple(exercises), learner=learner)
    for ex in exercises:
        summary.pointers[ex.id] = getattr(ex, "revisit", None)
        if ex.id not in last:
            summary.unanswered.append(ex.id)
            continue
        if getattr(ex, "redacted", False):
            summary.pending.append(ex.id)
            continue
        result = ex.grade(last[ex.id])
        if not result.valid or not result.attempted:
            summary.unanswered.append(ex.id)
        elif result.correct:
            summary.right.append(ex.id)
        else:
            summary.wrong.append(ex.id)
    return summary
