"""Old import path of :mod:`course.session`, kept for one release: the same module object."""
import sys

from course import session

sys.modules[__name__] = session
