"""What every scorer of the rubric is and gives: :class:`Scorer` (a criterion and its points)
and :class:`Scored` (points, found and missing lines, advice, caps, flagged words).

The scorers are in one module per criterion (content_scorer, relevance_scorer, tone_scorer,
language_scorer, structure_scorer); course.writing.scorers lists them in the rubric's order.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from course.writing.rubric import RUBRIC
from course.writing.text import Fix


@dataclass
class Scored:
    """What one scorer gives: points, found and missing lines, advice, caps, flagged words."""

    points: int = 0
    found: list = field(default_factory=list)
    missing: list = field(default_factory=list)
    advice: list = field(default_factory=list)
    caps: list = field(default_factory=list)
    flagged: list = field(default_factory=list)

    def advise(self, en: str, zh: str, fix: bool = False) -> None:
        """Add a line of advice; ``fix``: it mends a problem found (:class:`text.Fix`)."""
        self.advice.append(Fix(en=en, zh=zh) if fix else {"en": en, "zh": zh})

    def cap(self, name: str, en: str, zh: str) -> None:
        self.caps.append({"cap": RUBRIC.caps[name], "name": name, "en": en, "zh": zh})


class Scorer:
    """A criterion's scorer; ``name`` is the criterion, ``RUBRIC.weights[name]`` its points."""

    name = ""

    def __init__(self, rubric=RUBRIC):
        self.rubric = rubric

    @property
    def weight(self) -> int:
        return self.rubric.weights[self.name]

    def score(self, reply, situation) -> Scored:
        raise NotImplementedError
