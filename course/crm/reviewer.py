"""The reply reviewer, as the toolkit offers it (it lives in course.writing.reviewer; a review
printed as text in course.writing.printed)."""
from course.writing.printed import (  # noqa: F401
    WRAP,
    columns,
    print_review,
    review_draft,
    short_review,
    wrap,
)
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
