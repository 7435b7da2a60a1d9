"""One submission per learner, and what looks copied: the rules ``submissions.collect`` applies
after reading every file (issue 21).

* Identical files count once.
* Of two files of the same learner (names compared ignoring case, width and spacing), the
  earlier one is dropped only when it is an earlier export of the same progress store: the later
  file holds all its attempts, in the same order, first (a store only grows). Otherwise the two
  files are two people (a shared lab login, a look-alike name): both count, each under its name
  and file, and the conflict is listed for the instructor. An honest file is never dropped for
  someone else's look-alike name.
* Identical attempt timelines and identical written texts across different learners are listed.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone

from course.messages import both

FUTURE_SLACK_S = 24 * 3600  # an export time further ahead than this is not believed
MIN_TIMELINE = 3  # attempts: two files with fewer alike say nothing
MIN_TEXT_CHARS = 80  # a written answer this long typed alike by two learners is a copy


def export_time(sub) -> datetime | None:
    """The submission's export time (UTC), or None when missing or unreadable."""
    text = sub.exported_at.strip()
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when


def _in_future(sub, now: datetime) -> bool:
    when = export_time(sub)
    return when is not None and (when - now).total_seconds() > FUTURE_SLACK_S


def _timeline(sub) -> list[tuple]:
    return [(a.exercise_id, json.dumps(a.response, sort_keys=True, ensure_ascii=False), a.time)
            for a in sub.attempts]


def _extends(newer, older) -> bool:
    """Whether ``newer`` is a later export of the store ``older`` came from."""
    a, b = _timeline(newer), _timeline(older)
    return len(a) >= len(b) and a[: len(b)] == b


def resolve_duplicates(collected) -> None:
    """Keep one submission per learner where the files are exports of one store; keep both,
    listed, where they are not (module docstring)."""
    from course.instructor.names import Rejection

    now = datetime.now(timezone.utc)
    groups: dict[str, list] = {}
    for sub in collected.submissions:
        groups.setdefault(sub.learner_key, []).append(sub)
    kept: list = []
    for subs in groups.values():
        subs = _drop_future(subs, now, collected)
        spellings = sorted({s.shown_name for s in subs if s.shown_name})
        if len(spellings) > 1:
            collected.warnings.append(Rejection(
                subs[0].source, both("same_learner_spellings",
                                     names=", ".join(repr(n) for n in spellings[:5])),
                subs[0].learner))
        distinct: list = []
        for sub in subs:
            twin = next((d for d in distinct if d.digest == sub.digest), None)
            if twin is not None:
                collected.rejections.append(Rejection(
                    sub.source, both("duplicate_identical", other=twin.source), sub.learner))
            else:
                distinct.append(sub)
        kept += _one_store_each(distinct, collected)
    order = {id(s): i for i, s in enumerate(collected.submissions)}
    collected.submissions = sorted(kept, key=lambda s: order[id(s)])
    warn_look_alikes(collected)
    warn_copies(collected)


def _drop_future(subs: list, now: datetime, collected) -> list:
    from course.instructor.names import Rejection

    future = [s for s in subs if _in_future(s, now)]
    if future and len(future) < len(subs):  # a file from the future never wins
        for sub in future:
            collected.rejections.append(Rejection(
                sub.source, both("future_superseded", when=sub.exported_at), sub.learner))
        subs = [s for s in subs if s not in future]
    for sub in subs:
        if sub in future:
            collected.warnings.append(Rejection(
                sub.source, both("future_date", when=sub.exported_at), sub.learner))
    return subs


def _one_store_each(distinct: list, collected) -> list:
    """The files of one learner name that count: the newest export of each store."""
    from course.instructor.names import Rejection

    if len(distinct) == 1:
        return distinct
    # newest first; a file without an export time last; ties keep their order
    ranked = sorted(distinct, key=lambda s: (export_time(s) is None, -(export_time(s) or
                                             datetime.min.replace(tzinfo=timezone.utc))
                                             .timestamp()))
    heads: list = []  # the newest export of each store found so far
    for sub in ranked:
        head = next((h for h in heads if _extends(h, sub)), None)
        if head is None:
            head = next((h for h in heads if _extends(sub, h)), None)
            if head is not None:  # same store, and this one holds more: it counts instead
                heads[heads.index(head)] = sub
                head, sub = sub, head
        if head is None:
            heads.append(sub)
            continue
        collected.rejections.append(Rejection(
            sub.source, both("duplicate_superseded", learner=sub.learner, other=head.source,
                             when=head.exported_at or "?"), sub.learner))
    if len(heads) > 1:
        sources = ", ".join(h.source for h in heads[:5])
        for head in heads:
            collected.warnings.append(Rejection(head.source, both(
                "name_shared", learner=head.learner, count=len(heads), sources=sources),
                head.learner))
            head.learner = f"{head.learner} ({head.source})"
    return heads


def warn_look_alikes(collected) -> None:
    """Warn about learners whose names differ but look the same, or mix alphabets."""
    from course.instructor.names import Rejection, looks_like_key, mixes_scripts

    by_look: dict[str, list] = {}
    for sub in collected.submissions:
        by_look.setdefault(looks_like_key(sub.learner), []).append(sub)
        if mixes_scripts(sub.learner):
            collected.warnings.append(Rejection(sub.source, both("mixed_scripts"), sub.learner))
    for subs in by_look.values():
        if len(subs) > 1:
            names = ", ".join(f"{s.learner!r} ({s.source})" for s in subs[:5])
            for sub in subs:
                collected.warnings.append(Rejection(sub.source, both("look_alike", names=names),
                                                    sub.learner))


def _written(response) -> list[str]:
    texts = response if isinstance(response, list) else [response]
    return [" ".join(t.split()).casefold() for t in texts
            if isinstance(t, str) and len(t.strip()) >= MIN_TEXT_CHARS]


def warn_copies(collected) -> None:
    """List learners whose attempt timelines are identical, and written answers that two or
    more learners handed in word for word (a classmate's export with the name changed)."""
    from course.instructor.names import Rejection

    timelines: dict[tuple, list] = {}
    texts: dict[tuple[str, str], dict] = {}  # (exercise, text) -> {id(submission): submission}
    for sub in collected.submissions:
        line = tuple(_timeline(sub))
        if len(line) >= MIN_TIMELINE:
            timelines.setdefault(line, []).append(sub)
        for attempt in sub.attempts:
            for text in _written(attempt.response):
                # by identity: `sub in a_list` compared whole submissions, attempt by attempt
                # (a class of 500 handing in one text: 0.7 s of the report's 5 s)
                texts.setdefault((attempt.exercise_id, text), {}).setdefault(id(sub), sub)
    for subs in timelines.values():
        if len({s.learner_key for s in subs}) > 1:
            names = ", ".join(f"{s.learner!r} ({s.source})" for s in subs[:6])
            for sub in subs:
                collected.warnings.append(Rejection(sub.source, both(
                    "same_timeline", count=len(sub.attempts), names=names), sub.learner))
    for (ex_id, _), by_id in texts.items():
        subs = list(by_id.values())
        if len({s.learner_key for s in subs}) > 1:
            names = ", ".join(f"{s.learner!r} ({s.source})" for s in subs[:6])
            for sub in subs:
                collected.warnings.append(Rejection(sub.source, both(
                    "same_text", exercise=ex_id, names=names), sub.learner))
