"""ONE catalogue of the course's user-interface text, in English and Chinese.

Learner-facing text (graders' feedback, widget labels, the lesson header, session settings)
and instructor-facing text (release, report, present, submissions) live here and nowhere else,
kept by area in ``messages_learner.py``, ``messages_instructor.py`` and ``messages_live.py``:
code asks this module for a key and gets a :class:`~course.text.Bilingual`.

    ui("partly_correct", right=2, total=3)   # Bilingual, fields filled in
    both("too_big", size=1, limit=2)         # one line, "English / 中文" (for the CLI)
"""
from __future__ import annotations

from course.messages_instructor import INSTRUCTOR
from course.messages_learner import LEARNER
from course.messages_live import LIVE
from course.text import Bilingual

# key -> (English, 中文), the three areas' texts in one catalogue (a key in two areas is a
# mistake: tests/engine/test_messages_split.py checks there is none). Fields in braces are
# filled by ui(key, **fields).
MESSAGES: dict[str, tuple[str, str]] = {**LEARNER, **INSTRUCTOR, **LIVE}


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
