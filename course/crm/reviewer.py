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

SHORT_TEXT = {
    "head": ("Reply review: {score}/100", "回复评阅：{score}/100"),
    "cap": ("Why not higher: {reason}", "为什么没有更高：{reason}"),
    "advice": ("Most useful next:", "最有用的修改："),
    "none": ("No advice: every criterion passed.", "没有建议：各项都已达标。"),
    "more": ("print(review) shows the whole review: every criterion, found and missing.",
             "print(review) 显示完整评阅：每一项、已有和缺少的内容。"),
}


def short_review(review, *, advice=2, language=None):
    """Print a review the way the exercise widget gives it: the score, the cap that set it
    (if one did), and the ``advice`` most useful lines, in the course language (English,
    Chinese or both); ``print(review)`` keeps the whole review.

    >>> short_review(review_reply("Dear Ms Lee, thank you.", "new_arrival"), language="en")
    ... # doctest: +ELLIPSIS
    Reply review: .../100
    ...
    """
    from course import session
    from course.errors import InputError
    from course.text import LANGUAGES

    if not isinstance(review, ReplyReview):
        raise InputError("short_review(review): give the result of review_reply(text, "
                         f"situation), not {type(review).__name__}.")
    if isinstance(advice, bool) or not isinstance(advice, int) or advice < 0:
        raise InputError(f"short_review: advice must be a whole number >= 0; got {advice!r}.")
    language = language or session.get_language()
    if language not in LANGUAGES:
        raise InputError(f"short_review: language must be one of {', '.join(LANGUAGES)}; "
                         f"got {language!r}.")
    sides = {"en": (0,), "zh": (1,)}.get(language, (0, 1))

    def say(key, indent="", **values):
        for side in sides:
            print(indent + SHORT_TEXT[key][side].format(**values))

    say("head", score=review.score)
    for cap in review.caps:
        if cap["cap"] == review.score:  # the cap that set the score, as the widget says it
            for side in sides:
                print(SHORT_TEXT["cap"][side].format(reason=cap[("en", "zh")[side]]))
            break
    if review.advice[:advice]:
        say("advice")
        for n, line in enumerate(review.advice[:advice], 1):
            for side in sides:
                print(f"  {n}. {line[('en', 'zh')[side]]}" if side == sides[0]
                      else f"     {line['zh']}")
    elif not review.advice:
        say("none")
    say("more")
