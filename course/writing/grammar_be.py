"""Slips around "be" (brief 22b, the twentieth student reader's B1 letters scored 100 with no
language note): "be" missing, its subject missing, the participle after it missing, and
"maybe" used for "may". grammar_check.check runs them after the rules of grammar.py and
grammar_verbs.py.

- **it + adjective**: "it light", "it fine for the winter": after "it", "he" or "she" at the
  start of a clause, a word that is an adjective and a verb, then the end of the phrase
  ("it is light"; as a verb it would be "it lights"); grammar_verbs.missing_be reads the
  adjectives that are no verbs ("it small");
- **be with no subject**: "Is good as a gift.", "because is cheap" ("it is good");
- **a thing's be + plain verb**: "the cups were damage", "the parcel was repair" ("were
  damaged"): goods, a parcel or "they" with "was / were / is / are" before a verb's plain form
  that is also a noun (grammar.be_plain reads the verbs that are no nouns: "is stay");
- **maybe as a verb**: "the parcel maybe not arrive" ("may not arrive", "maybe it will not
  arrive").

Each stops at its doubt, as the other rules do: "we light the candles", "it will be fine",
"make it light", "the mug is small but is good for tea" (one subject for both verbs), "the
problem was damage" (a noun after "be"), "Maybe check your spam folder" (no subject before
"maybe"). "Wish you a nice holiday" is left alone: a closing wish without "I", like "Hope to
hear from you soon", is how letters are written.
"""
from __future__ import annotations

from course.writing.grammar import MESSAGES, SAME_RULE, _boundary, _goods, _goods_plural, _slip
from course.writing.grammar_tokens import (
    AUXILIARIES,
    BE_PLAIN,
    CLAUSE_OPENERS,
    SHIPPED,
    TIME_WORDS,
    Lexicon,
    Slip,
    Tok,
)

_HE_SHE_IT = frozenset(("it", "he", "she"))


def _opens_clause(toks: list[Tok], i: int) -> bool:
    return i == 0 or toks[i - 1].low in CLAUSE_OPENERS or toks[i - 1].text in ",;:("


def adjective_verb(text: str, toks: list[Tok], lex: Lexicon) -> list[Slip]:
    """"it", "he" or "she" at a clause's start before a word that is both an adjective and a
    verb, at the end of its phrase: "it light, so you can carry it", "and it fine for the
    cold" ("it is light"). A verb whose past is its plain form ("it fit last time") and one
    with its object ("we light the candles", "they light it") are left alone."""
    out = []
    for i in range(len(toks) - 1):
        if toks[i].low not in _HE_SHE_IT or not _opens_clause(toks, i):
            continue
        t = toks[i + 1]
        w = t.low
        if (t.word and not t.name and w in lex.adjs and w in lex.verbs and w not in lex.forms
                and w not in lex.verbs[w][0].split("/") and w not in AUXILIARIES
                and w not in TIME_WORDS and _boundary(toks, i + 2)):
            out.append(_slip(text, toks, i, i + 1, "adjective_verb"))
    return out


# what leads a clause whose subject a learner leaves out ("because is cheap"); not "and" or
# "but", after which one subject may have two verbs ("it is small but is good for tea")
_LEADS = frozenset(("because", "if", "when", "so", "since", "although", "though"))
_DEGREE = frozenset(("very", "so", "really", "also", "too", "quite", "still"))
# a comma after these ends no whole clause ("The mug, which is light, is good")
_OPEN = frozenset(("which", "who", "whose", "that", "as", "if", "when", "because", "while",
                   "although", "though", "since", "where"))


def _after_whole_clause(toks: list[Tok], i: int) -> bool:
    """True when toks[i - 1] is a comma after a whole clause from the sentence's start ("This
    mug is light, is good"): a finite "be" before it and no word that leaves the clause open."""
    if not i or toks[i - 1].text != ",":
        return False
    before = toks[:i - 1]
    return (not any(t.text == "," or t.low in _OPEN for t in before)
            and any(t.low in ("is", "are", "was", "were") for t in before))


def be_no_subject(text: str, toks: list[Tok], lex: Lexicon) -> list[Slip]:
    """"is" or "are" with no subject before an adjective: at a sentence's start that is no
    question ("Is good as a gift."), after "because", "if", "so" ... ("because is cheap") or
    after a comma that ends a whole clause ("This mug is light, is good as a gift")."""
    if toks and toks[-1].text == "?":
        return []
    out = []
    for i in range(len(toks) - 1):
        # a sentence's first word is capitalised: a line that starts "are interested" is
        # the end of a sentence whose start was read as a label (segments), not a sentence
        if toks[i].low not in ("is", "are") or not (
                (i == 0 and toks[i].text[:1].isupper()) or toks[i - 1].low in _LEADS
                or _after_whole_clause(toks, i)):
            continue
        k = i + 1
        while k < len(toks) - 1 and toks[k].low in _DEGREE:
            k += 1
        t = toks[k]
        if t.word and not t.name and t.low in lex.adjs and t.low not in AUXILIARIES:
            out.append(_slip(text, toks, i, k, "be_no_subject"))
    return out


def _shipped(t: Tok, lex: Lexicon) -> bool:
    """True when ``t`` names goods or a parcel ("cups", "the parcel", "items")."""
    w = t.low
    return t.word and (w in SHIPPED or w in _goods() or _goods_plural(w, lex)
                       or (w.endswith("s") and w[:-1] in _goods()))


def be_participle(text: str, toks: list[Tok], lex: Lexicon) -> list[Slip]:
    """Goods, a parcel or "they" with "was / were / is / are" before a verb's plain form that
    is also a noun, at the end of its phrase: "the cups were damage when they arrived", "the
    parcel was repair" ("were damaged", "was repaired"). "It" is left alone ("it was damage
    in transit" may name the damage), as are a noun's "be" ("the problem was damage") and the
    verbs that are no nouns (grammar.be_plain)."""
    out = []
    for i in range(1, len(toks) - 1):
        be, subject, t = toks[i].low, toks[i - 1], toks[i + 1]
        if be not in ("was", "were", "is", "are") or not (
                _shipped(subject, lex) or (subject.low == "they" and be in ("were", "are"))):
            continue
        w = t.low
        if (not t.word or t.name or w not in lex.verbs or w in lex.forms or w in lex.adjs
                or w not in lex.nouns or w in BE_PLAIN or w in AUXILIARIES):
            continue
        past, participle = lex.verbs[w][0], lex.verbs[w][1]
        if w not in (participle or past).split("/") and _boundary(toks, i + 2):
            out.append(_slip(text, toks, i - 1, i + 1, "be_participle"))
    return out


_MAYBE_SUBJECTS = frozenset(("it", "we", "they", "you", "he", "she", "i"))


def maybe_verb(text: str, toks: list[Tok], lex: Lexicon) -> list[Slip]:
    """A subject, "maybe" and a verb's plain form, with or without "not": "the parcel maybe
    not arrive", "it maybe arrive late" ("may not arrive", "maybe it will not arrive").
    "Maybe it will not arrive", "it will maybe arrive" and "Maybe check your spam folder" (no
    subject before it) are left alone."""
    out = []
    for j in range(1, len(toks) - 1):
        if toks[j].low != "maybe":
            continue
        subject = toks[j - 1]
        if not subject.word or subject.name or not (
                subject.low in _MAYBE_SUBJECTS or _shipped(subject, lex)):
            continue
        k = j + 2 if toks[j + 1].low == "not" and j + 2 < len(toks) else j + 1
        t = toks[k]
        w = t.low
        if (t.word and not t.name and w in lex.verbs and w not in lex.forms
                and w not in AUXILIARIES and w not in lex.adjs
                and (k == j + 2 or w not in lex.nouns)):
            out.append(_slip(text, toks, j - 1, k, "maybe_verb"))
    return out


RULES = (adjective_verb, be_no_subject, be_participle, maybe_verb)

MESSAGES.update({
    "adjective_verb": ("after 'it', 'he' or 'she' say 'is' before an adjective ('it is light', "
                       "'it is fine'); a verb takes -s ('it lasts')",
                       "it、he、she 后面的形容词前要加 is（it is light、it is fine）；动词要加 -s（it "
                       "lasts）"),
    "be_no_subject": ("'is' and 'are' need a subject: say what is ('it is good as a gift', "
                      "'because it is cheap')",
                      "is 和 are 前面要有主语：说明是什么（it is good as a gift、because it is cheap）"),
    "be_participle": ("what happened to a thing takes -ed after 'was' or 'were' ('the cups were "
                      "damaged', 'it was repaired')",
                      "表示东西被怎样了，was / were 后面要用 -ed 形式（the cups were damaged、it was "
                      "repaired）"),
    "maybe_verb": ("'maybe' is not a verb: say 'it may not arrive' or 'maybe it will not "
                   "arrive'",
                   "maybe 不是动词：要说 it may not arrive 或 maybe it will not arrive"),
})
# the list's "because is" (patterns.ERRORS) is this rule: one rule broken, counted once
SAME_RULE["a clause needs its subject"] = "be_no_subject"
