"""A review printed as text, the way the exercise widget gives it: the score, the cap that set
it and the most useful lines of advice (``short_review``), a draft reviewed and printed in one
call (``review_draft``, lesson 10's Try it) and its wrapping. It lives in course.writing, the
neutral ground, so that the engine (``Lesson.try_draft``) and the toolkit (``course.crm``,
which re-exports it) can both print a review without importing each other."""
import re
import unicodedata

from course.writing.agreement import EXCELLENT
from course.writing.content_scorer import advice_shown
from course.writing.reviewer import ReplyReview, review_reply


def short_review(review, *, advice=2, language=None, more=True):
    """Print a review the way the exercise widget gives it: the score, the cap that set it
    (if one did), and the ``advice`` most useful lines, in the course language (English,
    Chinese or both); ``print(review)`` keeps the whole review (``more=False`` leaves out the
    line that says so, for a caller that keeps no review to print).

    >>> short_review(review_reply("Dear Ms Lee, thank you.", "new_arrival"), language="en")
    ... # doctest: +ELLIPSIS
    Reply review: .../100
    ...
    """
    from course import session
    from course.errors import InputError
    from course.messages import ui
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

    def say(text):
        for side in sides:
            print(wrap((text.en, text.zh)[side], "", "  "))

    say(ui("review_short_head", score=review.score))
    said = next((cap for cap in review.caps if cap["cap"] == review.score), None)
    if said:  # the cap that set the score, as the widget says it
        say(ui("review_short_cap", reason_en=said["en"], reason_zh=said["zh"]))
    lines = advice_shown(review.advice, said, review.score >= EXCELLENT)
    if lines[:advice]:
        say(ui("review_short_advice"))
        for n, line in enumerate(lines[:advice], 1):
            for side in sides:
                print(wrap(line[("en", "zh")[side]],
                           f"  {n}. " if side == sides[0] else "     ", "     "))
    elif not lines:
        say(ui("review_short_none"))
    if more:
        say(ui("review_short_more"))


# the width of a printed review line, in columns (a Chinese character takes two): a notebook's
# output wraps a longer line wherever it reaches the edge, in the middle of a word (brief 28v:
# lesson 10's Try it showed "a fe / w left" and "paymen / t")
WRAP = 88
_CLOSING = frozenset("，。、；：！？）】》”’,.;:!?)")


def columns(text: str) -> int:
    """How many columns ``text`` takes in a monospaced output (wide characters count two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, first: str = "", rest: str = "", width: int | None = None) -> str:
    """``text`` broken into lines of at most ``width`` columns, at a space or between two
    Chinese characters (never in a word, never before a closing mark), the first line after
    ``first`` and the others after ``rest``; ``width`` defaults to :data:`WRAP`.

    >>> print(wrap("one two three four", "1. ", "   ", width=13))
    1. one two
       three four
    >>> print(wrap("删去施压的说法，请给出真实信息。", "", "", width=16))
    删去施压的说法，
    请给出真实信息。
    """
    width = WRAP if width is None else width
    lines, prefix, space, parts = [], first, "", []  # parts: the line's (space before, token)

    def line_of(pairs) -> str:
        return prefix + "".join(sp + tok for sp, tok in pairs)

    for token in re.findall(r"\s+|[^\s\u2e80-\u9fff\u3000-\u303f\uf900-\ufaff\uff00-\uffef“”‘’]+|.",
                            text):
        if token.isspace():
            space = " " if parts else ""
            continue
        if not parts or columns(line_of(parts) + space + token) <= width:
            parts.append((space, token))
            space = ""
            continue
        back = len(parts)  # a closing mark never starts a line: the word before it (and the
        if token[0] in _CLOSING:  # marks between) go down with it
            back -= 1
            while back > 0 and parts[back][1][0] in _CLOSING:
                back -= 1
        if back == 0:  # the line is one word and its marks: the mark stays, past the width
            parts.append((space, token))
            space = ""
            continue
        lines.append(line_of(parts[:back]))
        prefix = rest
        parts = [("", parts[back][1]), *parts[back + 1:]] if back < len(parts) else []
        parts.append((space if parts else "", token))
        space = ""
    lines.append(line_of(parts))
    return "\n".join(lines)


def review_draft(draft, situation, *, advice=None, task_text=None, **facts):
    """Review a draft and print the short review (:func:`short_review`): one call for a
    lesson's "Try it" cell, the facts given by name instead of a dict. ``advice`` (a whole
    number) is how many lines of advice to print; by default every line that mends a problem
    found in the draft (a push, blame, a wrong decision, a slip: ``text.Fix``), at least two
    (brief 22sl: lesson 10's draft was shown its two pressure lines and not its link to a
    shop outside the platform). ``task_text`` (the lesson's prompt) is the task's own text: a
    draft that is that text pasted back is told so (review_reply's ``pasted`` cap).

    >>> review_draft("Dear Ms Lee, thank you.", "new_arrival", buyer_name="Ms Lee")
    ... # doctest: +ELLIPSIS
    Reply review: .../100
    ...
    """
    review = review_reply(draft, situation, facts=facts or None, task_text=task_text)
    print_review(review, advice=advice)


def print_review(review, *, advice=None):
    """Print a review as :func:`review_draft` does (``advice`` lines, by default every line
    that mends a problem found, at least two); ``Lesson.try_draft`` prints with it too."""
    from course.writing.text import Fix

    if advice is None:
        fixes = [i for i, line in enumerate(review.advice) if isinstance(line, Fix)]
        advice = max(2, fixes[-1] + 1 if fixes else 0)
    short_review(review, advice=advice, more=False)
