"""Scores a school can use: per lesson the assessment-only score beside the practice
completion, the grading scheme's components and weighted total (平时成绩), and the lessons on
which a learner needs help."""
from __future__ import annotations

from dataclasses import dataclass, field

from course.instructor.scheme import COMPONENTS, LABELS


@dataclass
class Plan:
    """What the scheme counts in this report: the items of each component and what is left out
    (with the reason, English and Chinese)."""

    scheme: object
    assessment_ids: list[str]
    writing_ids: list[str]
    used: list[str] = field(default_factory=list)
    left_out: list[tuple[str, str, str]] = field(default_factory=list)  # (component, en, zh)
    lesson_assessment: dict = field(default_factory=dict)  # slug -> assessment item ids
    lesson_practice: dict = field(default_factory=dict)  # slug -> practice and class item ids

    def shares(self) -> dict:
        return self.scheme.shares(self.used)


def plan(bank, lessons, expected: list[str], scheme, attendance) -> Plan:
    """Which items make each component (only the lessons the class has reached count), and
    which components the total leaves out and why."""
    assess, writing = [], []
    out = Plan(scheme, assess, writing)
    for slug, _, ids in lessons:
        out.lesson_assessment[slug] = [i for i in ids if bank[i].mode == "assessment"]
        out.lesson_practice[slug] = [i for i in ids if bank[i].mode != "assessment"]
        if slug in expected:
            writing += [i for i in ids if bank[i].written]
            assess += [i for i in out.lesson_assessment[slug] if not bank[i].written]
    have = {"assessment": bool(assess), "writing": bool(writing),
            "participation": attendance is not None, "attendance": attendance is not None}
    for comp in COMPONENTS:
        if not scheme.weights.get(comp):
            continue
        if have[comp]:
            out.used.append(comp)
        elif comp in ("participation", "attendance"):
            out.left_out.append((comp, "no live attendance file given (--attendance)",
                                 "未提供课堂出勤文件（--attendance）"))
        else:
            out.left_out.append((comp, "no such item in the lessons the class has reached",
                                 "全班已学到的课中没有此类题目"))
    return out


def _mean(ids: list[str], finals: dict) -> float | None:
    return sum(finals.get(i, 0.0) for i in ids) / len(ids) if ids else None


def _lesson_mean(ids: list[str], finals: dict) -> float | None:
    """The mean over ``ids`` (not attempted counts 0), None when none of them was attempted."""
    return _mean(ids, finals) if any(i in finals for i in ids) else None


def fill_row(row, finals: dict, the_plan: Plan, expected: list[str], attendance, keys) -> None:
    """Set the row's per-lesson assessment and practice figures, its components, weighted
    total and the expected lessons below the scheme's lesson threshold."""
    scheme = the_plan.scheme
    row.item_scores = dict(finals)
    for slug, ids in the_plan.lesson_assessment.items():
        row.lesson_assessment[slug] = _lesson_mean(ids, finals)
        practice = the_plan.lesson_practice[slug]
        row.lesson_practice[slug] = (sum(i in finals for i in practice) / len(practice)
                                     if practice else None)
    parts = {"assessment": _mean(the_plan.assessment_ids, finals),
             "writing": _mean(the_plan.writing_ids, finals)}
    if attendance is not None:
        parts["participation"], parts["attendance"] = attendance.parts(keys)
    row.parts = {c: parts.get(c) for c in the_plan.used}
    row.total = scheme.total(row.parts)
    for slug in expected:
        score = row.lesson_assessment.get(slug) if the_plan.lesson_assessment.get(slug) \
            else row.lesson_scores.get(slug)
        if score is not None and 100 * score < scheme.lesson_help_below:
            row.weak_lessons.append(slug)


def component_label(comp: str, lang: str = "both") -> str:
    en, zh = LABELS[comp]
    return {"en": en, "zh": zh}.get(lang, f"{en} / {zh}")
