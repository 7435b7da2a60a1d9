"""course.writing.prefilter: a pattern scanned by the words its branches need gives exactly the
matches of ``rx.finditer`` (the tone patterns, the frequent errors, patterns added later, and
patterns it cannot read), and the folded text finds every letter ``re.I`` would match."""
from __future__ import annotations

import random
import re
import sys

import pytest
import yaml
from support import ROOT

import course.writing.patterns as P
from course.writing.prefilter import READ_AT, Prepared, Scan, fold, scan


def _read(rx: re.Pattern) -> Scan:
    """The pattern read for its words, as scan() gives it from its third use."""
    for _ in range(READ_AT):
        found = scan(rx)
    assert isinstance(found, Scan)
    return found


def _same(rx: re.Pattern, text: str) -> None:
    want = [(m.start(), m.end(), m.group(0)) for m in rx.finditer(text)]
    got = [(m.start(), m.end(), m.group(0)) for m in _read(rx).finditer(text, Prepared(text))]
    assert got == want, (rx.pattern[:80], text[:80])


def _course_patterns() -> list[re.Pattern]:
    return [rx for _, rx in P.TONE] + [rx for rx, _, _ in P.ERRORS_RX]


def test_every_character_re_i_matches_to_ascii_folds_to_it():
    """fold() keeps the length of any text, and every character that re.I matches to an ASCII
    character (as a literal or in a class) folds to that character in lower case: the words
    looked for in the folded text are found wherever the pattern could match."""
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    assert fold(every) is not None and len(fold(every)) == len(every)
    near_ascii = set(re.findall(r"[\x00-\x7f]", every, re.I))
    assert len(near_ascii) > 128  # the non-ASCII ones are there ("ſ", "K", "İ", "ı")
    for c in near_ascii:
        for a in map(chr, range(128)):
            if re.fullmatch(re.escape(a), c, re.I) or re.fullmatch(f"[{re.escape(a)}]", c, re.I):
                assert fold(c) == a.lower(), (hex(ord(c)), a)


def _texts() -> list[str]:
    texts = []
    for name in ("tests/grading/tuning_replies_7.yaml", "tests/crm/tuning_replies.yaml"):
        data = yaml.safe_load((ROOT / name).read_text("utf-8"))
        texts += [r["text"] for r in (data["replies"] if isinstance(data, dict) else data)]
    return texts


@pytest.mark.parametrize("kind", ["tone", "errors"])
def test_the_course_patterns_give_the_same_matches_on_real_replies(kind):
    patterns = [rx for _, rx in P.TONE] if kind == "tone" else [rx for rx, _, _ in P.ERRORS_RX]
    for text in _texts():
        for t in (text, " ".join(text.split())):
            for rx in patterns:
                _same(rx, t)


def _phrases() -> list[str]:
    """The strings the course's patterns need, as written in them: the stuff of texts that make
    many branches match, next to each other and overlapping."""
    out = set()
    for rx in _course_patterns():
        for b in _read(rx).branches or ():
            for strings in b.needs:
                out.update(t for _, t in strings)
            out.update(b.starts or ())
    return sorted(out)


def test_the_course_patterns_give_the_same_matches_on_texts_made_of_their_words():
    rng = random.Random(22)
    phrases = _phrases() + ["you", "the", "we", "3", "20", "it", "is", "not", "İs", "ſorry", "K"]
    seps = [" ", " ", ". ", ", ", "\n", "! ", "? ", "", " 5 ", " the "]
    for _ in range(400):
        words = [rng.choice(phrases) for _ in range(rng.randint(3, 25))]
        words = [w.upper() if rng.random() < 0.1 else w.capitalize() if rng.random() < 0.2
                 else w for w in words]
        text = "".join(w + rng.choice(seps) for w in words)
        for rx in _course_patterns():
            _same(rx, text)


@pytest.mark.parametrize("pattern,text", [
    (r"a|ab", "ab ab"),                        # at one place the first branch written wins
    (r"ab|a", "ab ab"),
    (r"\bfoo bar\b|\bbar baz\b", "foo bar baz bar baz"),   # overlaps: the leftmost, then on
    (r"\bbar baz\b|\bfoo bar\b", "foo bar baz"),
    (r"(?<!\bnot )\bsure\b|\bnot sure\b", "not sure, sure"),
    (r"\bthe (?:cat|dog)s?\b|\bdogs?\b", "The dogs and the cat, a dog"),
    (r"(?:^|(?<=[.!?] ))stop\b|\bgo away\b", "Stop it. stop. Go away! stop"),
    (r"(?-i:I)\b|\bme\b", "i me I Me"),
    (r"\b(?:you|we) (?:is|was)\b", "You is; WE WAS; we was"),
])
def test_alternations_keep_the_engine_s_order(pattern, text):
    for flags in (re.I, 0, re.I | re.M):
        _same(re.compile(pattern, flags), text)


@pytest.mark.parametrize("pattern", [
    r"(\w+) \1",              # a back-reference: read as a whole
    r"x*|foo",                # can match the empty string
    r"(?x) foo | bar",        # verbose
    r"foo(?#comment|x)|bar",  # a comment
])
def test_a_pattern_it_cannot_read_is_run_whole(pattern):
    rx = re.compile(pattern, re.I)
    assert Scan(rx).branches is None
    for text in ("foo foo bar", "the the", "", "xx bar"):
        _same(rx, text)


def test_a_pattern_added_later_is_applied(monkeypatch):
    """A tone pattern or a frequent error added to the lists after this module was written is
    read like the others (or run whole): the scorers find what it matches."""
    from course.writing.language_scorer import _error_hits
    from course.writing.reading import Reply
    from course.writing.tone_scorer import Tone

    text = "Dear Ann,\n\nThe zorbly parcel is late, we are glumfy about it.\n\nBest regards,\nMia"
    assert not any(p == "zorbly parcel" for _, p in Tone._hits(" ".join(text.split())))
    monkeypatch.setattr(P, "TONE", [*P.TONE, ("sarcasm", re.compile(r"\bzorbly parcel\b",
                                                                    re.I | re.M))])
    for _ in range(READ_AT + 1):  # run whole at first, then read for its words
        assert ("sarcasm", "zorbly parcel") in Tone._hits(" ".join(text.split()))
    new = (re.compile(r"(?<!\bnot )\b(?:are|is) glumfy\b|\bglumfy about\b", re.I),
           "a made-up rule", "编造的规则")
    monkeypatch.setattr(P, "ERRORS_RX", [*P.ERRORS_RX, new])
    for _ in range(READ_AT + 1):
        hits = _error_hits(Reply(text, {}, "", (10, 200)))
        assert [h[3] for h in hits if h[5] == "a made-up rule"] == ["are glumfy"]
    assert isinstance(scan(new[0]), Scan) and scan(new[0]).branches
