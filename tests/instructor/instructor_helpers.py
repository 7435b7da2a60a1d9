"""Helpers of the instructor tests: the fixture course, submission builders, known responses."""
from __future__ import annotations

import json
from pathlib import Path

FIXTURE_COURSE = Path(__file__).parent / "fixture_course"


def submission(learner: str, attempts: list, exported_at: str = "2026-11-23T08:00:00Z",
               **extra) -> dict:
    """A submission in the format `crm-course export` writes (docs/api.md).

    ``attempts``: (exercise_id, response) or (exercise_id, response, score) tuples, in order.
    """
    rows = []
    for i, attempt in enumerate(attempts):
        ex_id, response = attempt[0], attempt[1]
        score = attempt[2] if len(attempt) > 2 else 0.0
        rows.append({"exercise_id": ex_id, "lesson": "", "time": f"2026-11-23T07:{i:02d}:00Z",
                     "response": response, "score": score, "mode": "practice",
                     "course_version": "0.1.0"})
    doc = {"format": "crm-course-submission", "format_version": 1, "learner": learner,
           "course_version": "0.1.0", "exported_at": exported_at, "attempts": rows}
    doc.update(extra)
    return doc


def write_json(path: Path, doc) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


# Right and wrong responses for every exercise of the fixture course.
RIGHT = {
    "demo-practice-cloze": ["identify"],
    "demo-class-choice": 1,
    "demo-assess-cloze": ["reestablish", "zephyrine"],
    "demo-assess-single": 1,
    "demo-assess-multi": [0, 2],
    "more-assess-tf": False,
    "more-assess-match": {"Grade 1": "the whole team helps", "Grade 3": "reply within 24 hours",
                          "Grade 4": "when there is time"},
    "more-assess-order": ["Identify", "Differentiate", "Interact", "Customize"],
    "more-assess-numeric": "51%",
    "more-practice-numeric": 20,
}
WRONG = {
    "demo-practice-cloze": ["customize"],
    "demo-class-choice": 0,
    "demo-assess-cloze": ["resume", "zephyrine"],
    "demo-assess-single": 0,
    "demo-assess-multi": [1],
    "more-assess-tf": True,
    "more-assess-match": {"Grade 1": "reply within 24 hours", "Grade 3": "the whole team helps",
                          "Grade 4": "when there is time"},
    "more-assess-order": ["Differentiate", "Identify", "Interact", "Customize"],
    "more-assess-numeric": 15,
    "more-practice-numeric": "15%",
}
