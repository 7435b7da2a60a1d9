"""Submissions matched to the class list by student number (DESIGN.md, "Roster").

A file whose learner is a student number or a name on the list belongs to that student; two
files of one student (one under the name, one under the number, or from two computers) are read
as one learner, their attempts in time order; a file that matches nobody is kept under its own
name and listed; a student with no file at all is listed too. Nothing is dropped silently.
"""
from __future__ import annotations

import json
from dataclasses import replace

from course.instructor.names import Rejection
from course.messages import both


def student_of(roster, sub):
    """The file's student number first (a shared lab login's files name one each), then
    the learner name in it."""
    if getattr(sub, "number", ""):
        found = roster.find(sub.number)
        if found is not None:
            return found
    return roster.find(sub.shown_name or sub.learner) or roster.find(sub.learner)


def _merged(subs: list):
    """One submission of the attempts of ``subs`` (one student's files), in time order; an
    attempt found in two files (two exports of one store) is read once."""
    seen, attempts = set(), []
    for sub in subs:
        for a in sub.attempts:
            key = (a.exercise_id, a.time, json.dumps(a.response, sort_keys=True, default=str))
            if key not in seen:
                seen.add(key)
                attempts.append(a)
    attempts.sort(key=lambda a: a.time or "")  # stable: a file's own order where times tie
    return replace(subs[0], attempts=attempts, source=" + ".join(s.source for s in subs))


def match(submissions: list, roster) -> tuple[list, list, list[Rejection]]:
    """(submissions with their Student or None, students without a file, notes)."""
    by_number: dict[str, list] = {}
    strangers, notes = [], []
    for sub in submissions:
        student = student_of(roster, sub)
        if student is None:
            strangers.append(sub)
        else:
            by_number.setdefault(student.number, []).append((sub, student))
    matched = []
    for pairs in by_number.values():
        subs, student = [p[0] for p in pairs], pairs[0][1]
        sub = subs[0] if len(subs) == 1 else _merged(subs)
        if len(subs) > 1:
            notes.append(Rejection(sub.source, both(
                "roster_merged", count=len(subs), number=student.number, name=student.name),
                student.number))
        matched.append((sub, student))
    absent = [s for s in roster.students if s.number not in by_number]
    for sub in strangers:
        notes.append(Rejection(sub.source, both("not_on_roster", learner=sub.learner),
                               sub.learner))
    return matched + [(s, None) for s in strangers], absent, notes
