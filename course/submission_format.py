"""The submission file: its format name, version and JSON Schema (one home for all of them).

`crm-course export` (course.exercises.progress) writes this format and `crm-course report`
(course.instructor.submissions) reads it; docs/instructor.md says what a file may hold.
"""
from __future__ import annotations

FORMAT = "crm-course-submission"
FORMAT_VERSION = 1

MAX_LEARNER_CHARS = 100
MAX_ID_CHARS = 200

# The shape of a submission. ``x-message`` is the sentence shown when that part is wrong;
# "{where}" in it is filled with the attempt's place (e.g. attempts[3]).
SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "x-message": "the file holds a JSON {type}, expected an object",
    "required": ["format", "format_version", "learner", "attempts"],
    "properties": {
        "format": {"const": FORMAT, "x-message": f'"format" is {{value}}, expected "{FORMAT}"'},
        "format_version": {
            "type": "integer", "minimum": 1,
            "x-message": f'"format_version" is {{value}}, expected {FORMAT_VERSION}',
        },
        "learner": {
            "type": "string", "pattern": r"\S",
            "x-message": '"learner" must be a non-empty text (the learner\'s name)',
        },
        "exported_at": {"type": ["string", "null"], "x-message": '"exported_at" must be a text'},
        # optional: the student number (学号) the attempts were saved under (a lab login shared
        # by several students exports one file per number); files without it read as before
        "student_number": {"type": ["string", "null"], "maxLength": MAX_LEARNER_CHARS,
                           "x-message": '"student_number" must be a text of at most '
                                        f"{MAX_LEARNER_CHARS} characters"},
        "course_version": {"type": ["string", "null"],
                           "x-message": '"course_version" must be a text'},
        "attempts": {
            "type": "array",
            "x-message": '"attempts" must be a list of attempts',
            "items": {
                "type": "object",
                "x-message": "{where} must be an object",
                "required": ["exercise_id", "response"],
                "properties": {
                    "exercise_id": {
                        "type": "string", "pattern": r"\S", "maxLength": MAX_ID_CHARS,
                        "x-message": '{where}: "exercise_id" must be a non-empty text of at most '
                                     f"{MAX_ID_CHARS} characters",
                    },
                    "response": {"x-message": '{where}: "response" is missing'},
                    "time": {"type": ["string", "null"],
                             "x-message": '{where}: "time" must be a text'},
                    "lesson": {"type": ["string", "null"],
                               "x-message": '{where}: "lesson" must be a text'},
                },
            },
        },
    },
}
