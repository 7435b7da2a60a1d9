"""What grading returns: the grade of one response and of each of its items."""
from __future__ import annotations

from dataclasses import dataclass, field

from course.text import Bilingual


@dataclass(frozen=True)
class ItemResult:
    """The grade of one blank, option, pair or position."""

    index: int
    label: Bilingual
    expected: object
    given: object
    correct: bool
    attempted: bool
    matched: str | None = None
    typo: bool = False
    feedback: Bilingual | None = None

    def to_dict(self) -> dict:
        return {
            "index": self.index,
            "label": self.label.en,
            "expected": self.expected,
            "given": self.given,
            "correct": self.correct,
            "attempted": self.attempted,
            "matched": self.matched,
            "typo": self.typo,
        }


@dataclass(frozen=True)
class GradeResult:
    """The grade of one response: score 0..1, per-item results and bilingual feedback."""

    exercise_id: str
    score: float
    correct: bool
    attempted: bool
    valid: bool = True
    graded: bool = True
    items: tuple[ItemResult, ...] = ()
    feedback: Bilingual = field(default_factory=lambda: Bilingual("", ""))
    message: Bilingual | None = None
    response: object = None

    def to_dict(self) -> dict:
        return {
            "exercise_id": self.exercise_id,
            "score": self.score,
            "correct": self.correct,
            "attempted": self.attempted,
            "valid": self.valid,
            "graded": self.graded,
            "items": [item.to_dict() for item in self.items],
            "feedback": self.feedback.to_json(),
            "message": self.message.to_json() if self.message else None,
            "response": self.response,
        }

    def __repr__(self) -> str:
        state_text = "not attempted" if not self.attempted else ("correct" if self.correct else "")
        if not self.valid:
            state_text = "not graded: " + (self.message.en if self.message else "")
        return f"<GradeResult {self.exercise_id}: score {self.score:.2f} {state_text}>".replace(
            "  ", " "
        ).replace(" >", ">")
