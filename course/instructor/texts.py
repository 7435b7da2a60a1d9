"""Old import path of :mod:`course.messages` for the instructor tools, kept for one release."""
from course.messages import MESSAGES as TEXTS
from course.messages import both, text

__all__ = ["TEXTS", "both", "text"]
