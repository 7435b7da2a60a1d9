"""The course's limits and thresholds in one place, each with the reason for its number.

A module that enforces one of these imports it from here (under the same name), so a teacher
or a maintainer who wonders why a limit is what it is reads it here. Nothing here reads the
environment (that is ``course.paths``) and nothing here is imported lazily: plain constants.
"""
from __future__ import annotations

# -- responses ------------------------------------------------------------------------------
#: Lists and mappings inside one response. The deepest answer of any kind is two levels (a
#: matching's mapping inside a list of attempts); 20 leaves ten times that, and anything deeper
#: is not an answer but an attack on the grader, the store or the report (refused unread).
#: The grader (``kinds.base``) and the report's submission reader (``instructor.submissions``)
#: apply the same limit.
MAX_RESPONSE_DEPTH = 20

# -- bank files (the loader) ------------------------------------------------------------------
# The largest lesson of the course holds 1,613 values, nested 7 deep, in about 60 kB: each
# limit is far above that, and low enough that `crm-course validate` of any file stays quick.
#: A bank file over this size is not read (30 times the largest lesson).
MAX_BANK_BYTES = 2_000_000
#: Values in one file, every alias counted each time it is used: a "billion laughs" alias chain
#: is refused before it is built (30 times the largest lesson).
MAX_NODES = 50_000
#: Nesting of one bank file (9 times the deepest lesson).
MAX_DEPTH = 64
#: Problems listed per file; the rest are counted, not listed (a screen an author reads).
MAX_PROBLEMS = 100
#: One problem's message is cut here: a schema message may quote a huge value.
MAX_MESSAGE_CHARS = 300
#: A larger integer in a bank file is a typing mistake (and it would overflow a float).
MAX_NUMBER = 10**15

# -- lesson time (tools/lesson_time.py) -------------------------------------------------------
#: Minutes for one exercise of a kind that states none (``Exercise.minutes``): the median of
#: the built-in types (cloze, matching and numeric take 2).
DEFAULT_EXERCISE_MINUTES = 2.0
