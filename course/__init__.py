"""crm-course: interactive exercises and a CRM toolkit for a cross-border e-commerce CRM course.

Importing ``course`` is cheap: nothing is loaded until it is used.

    import course
    lesson = course.lesson("02-idic")      # the exercises of one lesson
    lesson["idic-letters"]                 # shows the exercise in Jupyter
    course.set_language("zh")              # "en", "zh" or "both"
    course.progress.summary()              # this learner's attempts
    course.join(URL, CODE)                 # a live class (crm-course live)
"""
from __future__ import annotations

from course.session import (  # noqa: E402  (light: no pandas, no widgets)
    get_language,
    reveal,
    set_language,
    set_learner,
    set_mode,
)
from course.version import __version__  # noqa: E402

__all__ = [
    "__version__", "lesson", "load_bank", "contents", "semester_plan", "set_language", "get_language",
    "set_mode", "set_learner", "reveal", "join", "progress", "crm", "check_with_toolkit",
]


def lesson(slug):
    """The exercises of one lesson of this course, e.g. ``course.lesson("02-idic")``."""
    from course import paths
    from course.exercises.loader import load_lesson

    loaded = load_lesson(slug)
    from course import tables

    tables.install()  # data frames without an empty header cell (accessibility)
    if paths.live_setting()[0]:
        from course.live.client import auto_join

        auto_join()
    return loaded


def join(url=None, code=None, learner=None):
    """Join a live class: each Check is also sent to the instructor's dashboard, and a reveal
    there shows the solution in class-mode exercises. ``course.join(URL, CODE)`` with what the
    instructor shows (on JupyterHub, ``course.join(URL)``); ``$CRM_COURSE_LIVE_URL`` and
    ``$CRM_COURSE_LIVE_CODE`` join without a call."""
    from course.live.client import join as _join

    return _join(url, code, learner)


def check_with_toolkit(compute, *args, **kwargs):
    """The toolkit's answer to the question above, shown only when the learner presses "Check
    with the toolkit" (an ``answer-check`` cell): ``compute(*args, **kwargs)`` runs on the click,
    e.g. ``course.check_with_toolkit(crm.complaint_decisions, morning)``."""
    from course.exercises.widgets.toolkit_check import check_with_toolkit as _check

    return _check(compute, *args, **kwargs)


def load_bank(path=None):
    """Every exercise in a bank file or folder (default: the course's exercises/)."""
    from course.exercises.loader import load_bank as _load_bank

    return _load_bank(path)


def contents():
    """The table of lessons, with links and time estimates (for the index notebook)."""
    from course.exercises.course_map import contents as _contents

    return _contents()


def semester_plan():
    """The semester plan (notebooks/semester.yaml) as a week table, for the index notebook."""
    from course.semester import semester_plan as _semester_plan

    return _semester_plan()


def __getattr__(name):
    if name == "progress":
        from course.exercises import progress

        return progress
    if name == "crm":
        import course.crm as crm

        return crm
    raise AttributeError(f"module 'course' has no attribute {name!r}")
