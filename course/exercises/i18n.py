"""Old import path of :mod:`course.messages`, kept for one release."""
from course.messages import MESSAGES as UI
from course.messages import ui

__all__ = ["UI", "ui"]
