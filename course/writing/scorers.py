"""One scorer per criterion of the rubric: content, relevance, tone, language, structure.

Each scorer reads a :class:`course.writing.text.Reply` for one situation and returns a
:class:`Scored`: its points, what it found and missed (English with Chinese, ``Said``), advice
and the caps it brings. :data:`CRITERIA` lists them in the rubric's order; the numbers come
from :data:`course.writing.rubric.RUBRIC`. Each scorer is in the module of its criterion:
content_scorer, relevance_scorer, tone_scorer, language_scorer, structure_scorer; ``Scored``
and ``Scorer`` are in scorer_base.
"""
from __future__ import annotations

from course.writing.content_scorer import (
    Content,
    _find_move,  # noqa: F401 (imported from here elsewhere)
)
from course.writing.language_scorer import Language
from course.writing.relevance_scorer import Relevance
from course.writing.structure_scorer import Structure
from course.writing.tone_scorer import (
    Tone,  # noqa: F401 (imported from here elsewhere)
)

CRITERIA = (Content, Relevance, Tone, Language, Structure)
