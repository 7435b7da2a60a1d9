"""The course's pattern lists run fast with the same matches: ``scan(rx).finditer(text)`` gives
exactly ``list(rx.finditer(text))``, skipping the parts of ``rx`` whose words are not in the text.

Most patterns of course.writing.patterns are long alternations compiled with ``re.I``, which
turns off the regular-expression engine's own quick scan for a first letter: every branch is
tried at every position of the text. Here each pattern is split into its top-level branches
(``a|b|c``) and each branch is read once, from its parsed form, for the literal words it needs:

- ``needs``: a set of strings one of which any match of the branch contains ("you is", "you
  was" ... for ``\\b(?:you|we) (?:is|was)\\b``); a branch with none of them in the text cannot
  match, and is skipped;
- ``starts``: a set of strings one of which any match starts with; the branch is then tried
  only where one of them stands in the text, instead of at every position (a chain of
  look-behinds before it is read at those places alone).

A pattern's matches are then those of the alternation: at the leftmost position where any live
branch matches, the first branch (in the written order) that matches there, and the next search
goes on from its end. What cannot be read safely (a pattern that can match the empty string, a
back-reference, a verbose pattern, a comment, a literal outside ASCII) falls back to the plain
``rx.finditer``: a pattern added later is always applied, in full at worst. A pattern is read
at its third use (``READ_AT``): the first review in a process runs the patterns whole rather
than wait for the reading (about 0.1 s for the course's patterns).

The text is searched for the words in a folded copy (lower case, and the four characters that
``re.I`` matches to an ASCII letter though their lower case is not it: tests/crm/test_prefilter.py
checks this against every Unicode character).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

try:  # Python 3.11+
    from re import _constants as _C
    from re import _parser as _parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _C
    import sre_parse as _parse

_CAP = 64  # the most strings a set may hold (the words of a branch are expanded up to this)
_STARTS_MAX = 24  # a branch with more start strings is searched by the engine instead
_NEEDS_MAX = 3  # the sets of strings a branch is checked for (the best ones)
# characters that re.I matches to an ASCII letter though their lower case is not that letter
# (or is two characters: "İ".lower() is "i̇")
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_ZERO_WIDTH = (_C.AT, _C.ASSERT, _C.ASSERT_NOT)
# a word boundary (\\b) inside the strings read from a pattern: it consumes nothing, but the
# letters next to it in a match are the end of a word of the text
_B = "\x00"
_BOUNDARIES = tuple(getattr(_C, n) for n in ("AT_BOUNDARY", "AT_UNI_BOUNDARY", "AT_LOC_BOUNDARY")
                    if hasattr(_C, n))
_RUN = re.compile(r"[a-z0-9]+")
_REPEATS = (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", _C.MAX_REPEAT))


def fold(text: str) -> str | None:
    """``text`` in lower case, character for character, where every character that ``re.I``
    matches to an ASCII letter is that letter; None where that cannot be kept (never seen)."""
    folded = text.translate(_FOLD).lower()
    return folded if len(folded) == len(text) else None


class Prepared:
    """A text read once for the scans: itself, :func:`fold` of it, and its words (the runs of
    ASCII letters and digits of the folded text)."""

    __slots__ = ("text", "folded", "words")

    def __init__(self, text: str):
        self.text = text
        self.folded = fold(text)
        self.words = frozenset(_RUN.findall(self.folded)) if self.folded is not None else None


def _cross(a: set, b: set) -> set | None:
    out = {(x + y).replace(_B + _B, _B) for x in a for y in b}
    return out if len(out) <= _CAP else None


def _bare(s: str) -> str:
    """A string read from a pattern without its word-boundary marks: the text it matches."""
    return s.replace(_B, "")


def _empty(strings: set) -> bool:
    return not strings or any(not _bare(s) for s in strings)


@lru_cache(maxsize=8192)
def _whole_words(s: str) -> tuple:
    """The words of ``s`` that a match holds as whole words of the text: a run of letters and
    digits with a mark or another character on both sides within ``s``."""
    return tuple(m.group(0) for m in _RUN.finditer(s) if m.start() > 0 and m.end() < len(s))


def _union(alternatives, each) -> set | None:
    """The union of ``each(alternative.data)`` over a branch's alternatives: None when one of
    them is unknown (None) or the union grows past ``_CAP`` strings."""
    out = set()
    for alt in alternatives:
        one = each(alt.data)
        if one is None:
            return None
        out |= one
    return out if len(out) <= _CAP else None


def _exact(items) -> set | None:
    """Every string a sequence of parsed items can match, when they are few and ASCII."""
    out = {""}
    for item in items:
        one = _exact_item(item)
        out = None if one is None else _cross(out, one)
        if out is None:
            return None
    return out


def _exact_item(item) -> set | None:
    """Every string one parsed item can match (a boundary as the mark), or None."""
    op, av = item
    if op is _C.LITERAL:
        ch = chr(av)
        return {ch.lower()} if ch.isascii() else None
    if op is _C.AT and av in _BOUNDARIES:
        return {_B}
    if op in _ZERO_WIDTH:
        return {""}  # it consumes nothing
    if op is _C.IN:
        return _exact_class(av)
    if op is _C.BRANCH:
        return _union(av[1], _exact)
    if op is _C.SUBPATTERN:
        return _exact(av[3].data)
    if op in _REPEATS and av[1] <= 2:
        return _exact_repeat(*av)
    return None


def _exact_class(members) -> set | None:
    """The characters of a small class of ASCII characters (``[2-9]``, ``[’']`` is not)."""
    chars = set()
    for kind, value in members:
        if kind is _C.LITERAL:
            chars.add(chr(value))
        elif kind is _C.RANGE and value[1] - value[0] < 10:
            chars.update(chr(c) for c in range(value[0], value[1] + 1))
        else:
            return None
    return {c.lower() for c in chars} if all(c.isascii() for c in chars) else None


def _exact_repeat(least: int, most: int, body) -> set | None:
    """Every string of ``body`` repeated ``least`` to ``most`` (at most 2) times."""
    one = _exact(body.data)
    if one is None:
        return None
    out, power = set(), {""}
    for n in range(most + 1):
        if n >= least:
            out |= power
        power = _cross(power, one)
        if power is None or len(out) > _CAP:
            return None
    return out


def _needs(items) -> list[set]:
    """Sets of strings, each such that every match of the sequence contains one of its
    strings; the best first (:func:`_worth`); [] when none is known."""
    found = []
    run = {""}
    for item in list(items) + [None]:
        one = None if item is None else _exact_item(item)
        if one is not None:
            grown = _cross(run, one)
            if grown is not None:
                run = grown
                continue
        if not _empty(run):
            found.append(run)  # the strings a stretch of consecutive items matches
        if one is None:
            run = {""}
            inner = None if item is None else _needs_item(item)
            if inner is not None:
                found.append(inner)
        else:  # too many strings: a new stretch, after what all the strings end with
            tail = _common_end(run)
            run = _cross({tail}, one) or one
    found = [f for f in found if not _empty(f)]
    return sorted(found, key=_worth, reverse=True)


def _common_end(strings: set) -> str:
    """The end that all ``strings`` share ("are ", "is " -> " ")."""
    first = min(strings, key=len)
    n = 0
    while n < len(first) and all(s[len(s) - n - 1] == first[len(first) - n - 1] for s in strings):
        n += 1
    return first[len(first) - n:]


def _worth(strings: set) -> tuple:
    """How well a set of strings picks out the texts a branch may match: long whole words to
    look up first, then long strings (four letters are enough), then few to look for."""
    word = min(len(max(_whole_words(s), key=len, default="")) for s in strings)
    return min(4, word), min(4, min(len(_bare(s)) for s in strings)), -len(strings)


def _needs_item(item) -> set | None:
    op, av = item
    if op is _C.BRANCH:
        return _union(av[1], lambda data: next(iter(_needs(data)), None))
    if op is _C.SUBPATTERN:
        return next(iter(_needs(av[3].data)), None)
    if op in _REPEATS and av[0] >= 1:
        return next(iter(_needs(av[2].data)), None)
    if op is _C.ASSERT:  # what a look-ahead or a look-behind sees is in the text
        return next(iter(_needs(av[1].data)), None)
    return None


def _starts(items) -> set | None:
    """A set of strings one of which every match of the sequence starts with (None: unknown)."""
    out = {""}
    for item in items:
        if item[0] in _ZERO_WIDTH:
            continue
        one = _exact_item(item)
        if one is None:
            if all(not _bare(s) for s in out):
                out = _starts_item(item) or {""}
            break
        grown = _cross(out, one)
        if grown is None:
            break
        out = grown
    return None if _empty(out) else out


def _starts_item(item) -> set | None:
    op, av = item
    if op is _C.BRANCH:
        return _union(av[1], _starts)
    if op is _C.SUBPATTERN:
        return _starts(av[3].data)
    if op in _REPEATS and av[0] >= 1:
        return _starts(av[2].data)
    return None


def _top_branches(source: str) -> list[str]:
    """The top-level alternatives of a pattern's source (``a|(b|c)|d`` -> a, (b|c), d)."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a character class: its "(", ")" and "|" are characters
            i += 1
            if source[i:i + 1] == "^":
                i += 1
            if source[i:i + 1] == "]":
                i += 1
            while i < len(source) and source[i] != "]":
                i += 2 if source[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(source[start:i])
            start = i + 1
        i += 1
    out.append(source[start:])
    return out


def _unsafe(parsed) -> bool:
    """True when a parsed pattern holds what the reading above does not handle."""
    def walk(items):
        for op, av in items:
            if op in (_C.GROUPREF, _C.GROUPREF_EXISTS):
                return True
            if isinstance(av, _parse.SubPattern) and walk(av.data):  # an atomic group
                return True
            for sub in av if isinstance(av, (tuple, list)) else ():
                if isinstance(sub, _parse.SubPattern) and walk(sub.data):
                    return True
                if isinstance(sub, list) and any(isinstance(s, _parse.SubPattern)
                                                 and walk(s.data) for s in sub):
                    return True
        return False

    return parsed.getwidth()[0] == 0 or walk(parsed.data)


class _Branch:
    """One top-level alternative of a pattern: its compiled form, the strings one of which its
    matches hold (``needs``, without the boundary marks) and start with (``starts``)."""

    __slots__ = ("rx", "needs", "starts", "keys")

    def __init__(self, rx: re.Pattern, needs: list[set], starts: set | None):
        self.rx = rx
        # each a tuple of strings one of which a match holds (the best first, at most 3), each
        # string with the words it holds whole (looked up before the string is)
        self.needs = tuple(tuple(sorted({(frozenset(_whole_words(s)), _bare(s)) for s in f},
                                        key=lambda t: t[1]))
                           for f in needs[:_NEEDS_MAX])
        # a word of each string of a set (None: a string has no whole word): a text with none
        # of them has none of the strings
        self.keys = tuple(_key_word(f) for f in needs[:_NEEDS_MAX])
        self.starts = (tuple(sorted({_bare(s) for s in starts}))
                       if starts and len(starts) <= _STARTS_MAX else None)

    def places(self, text: Prepared):
        """Where a match may start in the folded text (a sorted list; [] for nowhere), or True
        when it must be searched for everywhere."""
        folded, words = text.folded, text.words
        for keys, strings in zip(self.keys, self.needs, strict=True):
            if keys is not None and keys.isdisjoint(words):
                return []
            for whole, s in strings:
                if whole <= words and s in folded:
                    break
            else:
                return []
        if self.starts is None:
            return True
        at = []
        for w in self.starts:
            i = folded.find(w)
            while i >= 0:
                at.append(i)
                i = folded.find(w, i + 1)
        return sorted(set(at))

    def next(self, text: str, places, pos: int):
        """The leftmost match at ``pos`` or after it, else None."""
        if places is True:
            return self.rx.search(text, pos)
        for p in places[bisect_left(places, pos):]:
            m = self.rx.match(text, p)
            if m:
                return m
        return None


def _key_word(strings: set) -> frozenset | None:
    """One whole word of each string (its longest), or None when a string has none: a match
    holds one of the strings, so the text holds one of these words as a word of its own."""
    keys = set()
    for s in strings:
        words = _whole_words(s)
        if not words:
            return None
        keys.add(max(words, key=len))
    return frozenset(keys)


class Scan:
    """A compiled pattern read for its words; :meth:`finditer` gives its matches."""

    def __init__(self, rx: re.Pattern):
        self.rx = rx
        self.branches = None
        self.by_word: dict = {}  # a key word -> the branches (their indexes) that need it
        self.always: frozenset = frozenset()  # the branches with no key word
        read = self._read(rx)
        if read is None:
            return
        self.branches = [b for b, _ in read]
        always = set()
        for i, (_, keys) in enumerate(read):
            if keys is None:
                always.add(i)
            for w in keys or ():
                self.by_word.setdefault(w, set()).add(i)
        self.always = frozenset(always)
        self.key_words = frozenset(self.by_word)

    @staticmethod
    def _read(rx: re.Pattern) -> list | None:
        if not isinstance(rx.pattern, str) or rx.flags & re.VERBOSE or "(?#" in rx.pattern:
            return None
        try:
            out = []
            for source in _top_branches(rx.pattern):
                parsed = _parse.parse(source, rx.flags)
                if _unsafe(parsed):
                    return None
                needs = _needs(parsed.data)
                out.append((_Branch(re.compile(source, rx.flags), needs, _starts(parsed.data)),
                            _key_word(needs[0]) if needs else None))
            return out
        except (re.error, RecursionError, TypeError, ValueError):
            return None

    def finditer(self, text: str, prepared: Prepared | None = None) -> list[re.Match]:
        """``list(self.rx.finditer(text))``; ``prepared``: the :class:`Prepared` ``text``, read
        once for all the patterns run on it."""
        if prepared is None or prepared.text != text:
            prepared = prepare(text)
        if self.branches is None or prepared.folded is None:
            return list(self.rx.finditer(text))
        chosen = set(self.always)
        for w in self.key_words & prepared.words:
            chosen |= self.by_word[w]
        live = []
        for i in sorted(chosen):
            b = self.branches[i]
            places = b.places(prepared)
            if places:
                live.append((b, places))
        out, pos = [], 0
        if len(live) == 1:
            b, places = live[0]
            m = b.next(text, places, 0)
            while m:
                out.append(m)
                m = b.next(text, places, m.end())
            return out
        heads = [b.next(text, places, 0) for b, places in live]
        while True:
            best = None
            for i, m in enumerate(heads):
                if m is not None and m.start() < pos:  # overtaken by the last match
                    b, places = live[i]
                    m = heads[i] = b.next(text, places, pos)
                if m is not None and (best is None or m.start() < best.start()):
                    best = m  # the leftmost; at one place, the first branch written
            if best is None:
                return out
            out.append(best)
            pos = best.end()


@lru_cache(maxsize=16)
def prepare(text: str) -> Prepared:
    """The :class:`Prepared` ``text``, kept for the last texts: a review scans the same body
    with the frequent errors and the decisions' patterns."""
    return Prepared(text)


class _Whole:
    """A pattern not read (yet): :meth:`finditer` runs it whole."""

    __slots__ = ("rx",)

    def __init__(self, rx: re.Pattern):
        self.rx = rx

    def finditer(self, text: str, prepared: Prepared | None = None) -> list[re.Match]:
        return list(self.rx.finditer(text))


# a pattern is read for its words at its third use: reading the course's patterns costs about
# 0.1 s, which the first review in a process (a student's one Try it) need not wait for
READ_AT = 3
# by the pattern's id (a compiled pattern hashes its whole code: microseconds for a long one);
# each entry holds its pattern, so that the id is not taken by another
_SCANS: dict = {}
_USES: dict = {}


def scan(rx: re.Pattern) -> Scan | _Whole:
    """What finds the matches of a compiled pattern: its :class:`Scan` (read once per process,
    at its READ_AT-th use), or the pattern run whole before that."""
    found = _SCANS.get(id(rx))
    if found is None:
        uses = _USES.get(id(rx), (rx, 0))[1] + 1
        _USES[id(rx)] = (rx, uses)
        if uses < READ_AT:
            return _Whole(rx)
        found = _SCANS[id(rx)] = Scan(rx)
    return found
