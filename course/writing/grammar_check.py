"""Grammar slips in a reply: the rules of ``grammar.py`` (brief 22gr), of ``grammar_verbs.py``
(brief 22gm) and of ``grammar_be.py`` (brief 22b) run over it. One module above them, so that
none imports another's rules (they read grammar's helpers and grammar_tokens' word classes).
"""
from __future__ import annotations

from course.writing import grammar, grammar_be, grammar_verbs
from course.writing.grammar import Slip

RULES = grammar.RULES + grammar_verbs.RULES + grammar_be.RULES


def check(body: str) -> list[Slip]:
    """Every slip the rules find in ``body`` (the reply without greeting and closing), in order
    of place; an empty list when the lexicon is missing."""
    lex = grammar.lexicon()
    if lex is None:
        return []
    slips = []
    for start, end in grammar.segments(body):
        toks = grammar.tokens(body, start, end)
        for rule in RULES:
            slips.extend(rule(body, toks, lex))
    slips.extend(grammar_verbs.question_order(body, lex))
    return sorted(slips, key=lambda s: s.start)
