"""The reply reviewer, as the toolkit offers it (it lives in course.writing.reviewer)."""
from course.writing.reviewer import (  # noqa: F401
    APOLOGY_DUE,
    CAPS,
    HELPER_NOTE,
    REVIEW_SITUATIONS,
    WEIGHTS,
    Criterion,
    ReplyReview,
    review_reply,
)
