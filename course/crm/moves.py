"""The moves a reply makes, as the toolkit offers them (they live in course.writing.moves)."""
from course.writing.moves import MOVES, moves_in  # noqa: F401
