"""A live session as a folder of ordinary submission files, one per learner, that
`crm-course report` reads (and re-grades, like every submission)."""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from course.live.store import now


def _file_name(learner: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", learner).strip("-")[:40] or "learner"
    digest = hashlib.sha256(learner.encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}.json"


def export_session(store, folder) -> list[Path]:
    """Write ``<folder>/<learner>-<hash>.json`` for every learner with attempts.

    Returns:
        The files written.
    """
    from course.version import __version__

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    by_learner: dict[str, list[dict]] = {}
    for a in store.attempts():
        by_learner.setdefault(a["learner"], []).append({
            "exercise_id": a["exercise_id"], "lesson": a["lesson"] or "", "time": a["time"],
            "response": a["response"], "score": a["score"], "mode": a["mode"] or "class",
            "course_version": __version__,
        })
    written = []
    stamp = now()
    for learner, attempts in sorted(by_learner.items()):
        data = {"format": "crm-course-submission", "format_version": 1, "learner": learner,
                "course_version": __version__, "exported_at": stamp, "attempts": attempts}
        path = folder / _file_name(learner)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        written.append(path)
    return written
