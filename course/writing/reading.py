"""One reply, read once: its parts, sentences, language, length and the facts it states.

The scorers (course.writing.scorers) and the decisions (course.writing.decisions) read a
:class:`Reply` instead of the raw text.
"""
from __future__ import annotations

from course.text import word_count
from course.writing.factcheck import check_facts
from course.writing.text import (
    english_share,
    keyword_list,
    says_something,
    sentences,
    split,
    telegraphic,
)
from course.writing.values import amounts_in_digits


class Reply:
    """A reply read once: its parts, sentences, language and the facts it states."""

    def __init__(self, text: str, facts: dict, buyer: str, words: tuple):
        text = amounts_in_digits(text)  # "twenty dollars" is read as "20 dollars" (issue 22)
        self.text = text
        self.facts = facts
        self.buyer = buyer or ""
        self.greeting, self.body, self.closing = split(text)
        self.flat = " ".join(text.split())
        self.flat_body = " ".join(self.body.split())
        self.sentences = sentences(self.body)
        self.english = english_share(text)
        listed = keyword_list(self.body)
        # a note in a list's form that still carries a message (values in a letter's frame)
        # is a telegraphic note, read as sentences and capped by the telegraphic cap
        self.telegraphic = listed and telegraphic(self.body, bool(self.greeting or self.closing))
        self.keyword_list = listed and not self.telegraphic
        self.words = word_count(text)
        self.word_range = tuple(words)
        self.check = check_facts(self.flat, facts, self.buyer)

    @property
    def statements(self) -> str:
        """The body's sentences that say something (a keyword list has none)."""
        if not self.keyword_list:
            return self.flat_body
        return " ".join(s for s in self.sentences if says_something(s) and "," not in s)
