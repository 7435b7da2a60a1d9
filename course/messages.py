"""ONE catalogue of the course's user-interface text, in English and Chinese.

Learner-facing text (graders' feedback, widget labels, the lesson header, session settings)
and instructor-facing text (release, report, present, submissions) live here and nowhere else,
kept by area in ``course/catalogue/{learner,instructor,live}.json`` (texts are data, edited
without Python): code asks this module for a key and gets a :class:`~course.text.Bilingual`.

    ui("partly_correct", right=2, total=3)   # Bilingual, fields filled in
    both("too_big", size=1, limit=2)         # one line, "English / 中文" (for the CLI)
"""
from __future__ import annotations

import json
from pathlib import Path

from course.text import Bilingual

#: The catalogue's files, one per area: learner-facing texts, instructor-facing texts, the live
#: class. Each is ``{"about", "sections": [{"about", "texts": {key: [English, 中文]}}]}``.
AREAS = ("learner", "instructor", "live")
CATALOGUE = Path(__file__).resolve().parent / "catalogue"


def read_area(area: str) -> dict[str, tuple[str, str]]:
    """The texts of one area's file, ``{key: (English, 中文)}``, in the file's order."""
    doc = json.loads((CATALOGUE / f"{area}.json").read_text(encoding="utf-8"))
    return {key: (en, zh) for section in doc["sections"]
            for key, (en, zh) in section["texts"].items()}


# key -> (English, 中文): every area's texts in one catalogue (a key in two areas is a mistake:
# tests/engine/test_messages_split.py checks there is none). Fields in braces are filled by
# ui(key, **fields).
MESSAGES: dict[str, tuple[str, str]] = {k: v for area in AREAS for k, v in read_area(area).items()}


def ui(key: str, **fields) -> Bilingual:
    """The message ``key`` in both languages.

    Args:
        key: a key of :data:`MESSAGES`.
        **fields: values for the ``{name}`` fields of the text.

    Returns:
        The Bilingual text with the fields filled in.
    """
    en, zh = MESSAGES[key]
    if fields:
        en, zh = en.format(**fields), zh.format(**fields)
    return Bilingual(en, zh)


def add_messages(entries) -> None:
    """Add texts to the catalogue (an exercise kind brings its own); existing keys stay.

    Args:
        entries: a mapping ``{key: (English, 中文)}``.
    """
    for key, (en, zh) in dict(entries or {}).items():
        MESSAGES.setdefault(key, (str(en), str(zh)))


def both(key: str, **fields) -> str:
    """The message ``key`` as one line, English then Chinese ("English / 中文")."""
    return ui(key, **fields).both(" / ")


# The instructor tools call it ``text``.
text = ui
