"""Grammar slips in a reply: the rules of ``grammar.py`` (brief 22gr) and of ``grammar_verbs.py``
(brief 22gm) run over it. One module above both, so that neither imports the other
(grammar_verbs reads grammar's word classes and helpers).
"""
from __future__ import annotations

from course.writing import grammar, grammar_verbs
from course.writing.grammar import Slip

RULES = grammar.RULES + grammar_verbs.RULES


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
