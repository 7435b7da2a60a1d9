"""Grammar slips a teacher marks in a B1 reply, found by rules over an English lexicon.

The reviewer's list of frequent learner errors (``patterns.ERRORS``) knows phrases ("it is
happen", "thank you for buy"); these rules know word classes instead, so that "It arrive",
"our supplier restock" and "new stock come" are one rule, as a teacher reads them:

- **agreement**: a third-person singular subject (he, she, it, a singular noun phrase at the
  start of a clause) with the verb's plain form ("It arrive in 8 days", "the parcel need time");
- **articles**: a singular countable noun with no article or determiner after a verb ("we have
  new bamboo cutting board", "give you answer", "send you photo"), or "same" without "the";
- **sorry for**: "sorry for the late" (an adjective with no noun) and "sorry for" before a
  clause ("sorry for the coat is not ...": "sorry that the coat is not ...");
- **modal + form**: "will", "can", "must" ... before a verb's -s, -ed or -ing form ("we will
  sent", "it can arrives");
- **past time, present verb**: a finished action with a past time ("yesterday we send it",
  "it is shipped 2 days ago").
- brief 22gm (``grammar_verbs.py``): "do" and "have" agreeing with one thing ("if it don't
  arrive", here with agreement), "want" + plain verb and a missing subject ("Hope see you
  again"), a person's "be" + plain verb ("we are check", "you are interest"), "reply you",
  "full money", "one of our best customer". A full stop after an abbreviation ends no sentence
  (:func:`sentence_ends`: "the tracking no. is YT...").


The words the rules read (``lemminflect``'s lexicon, the word classes of
``grammar_words.yaml``, a sentence's tokens) and the reviewer's sentence splitter live in
``grammar_tokens.py``; the names other modules read from here (``lexicon``, ``tokens``,
``segments``, ``sentences``, ``Slip``) are re-exported. A noun is countable when the table gives
it no uncountable use (its plural list lacks the singular: "photo", "factory", "problem"), or
it is one of the goods the course sells (``patterns.PRODUCT_NOUNS``) or a count noun of the
trade the table also marks uncountable (``COUNT_TOO``).

False positives cost more than misses: every rule stops at the first doubt (a noun that may be
a verb, a verb whose past is its plain form, a causative "let it", a subjunctive "we suggest
the buyer check").
"""
from __future__ import annotations

import re
from functools import lru_cache

from course.writing.grammar_tokens import (
    _HAVE,
    _SUBJUNCTIVE,
    AUXILIARIES,
    BE_PLAIN,
    CLAUSE_OPENERS,
    COLLECTIVES,
    CONJUNCTIONS,
    COUNT_TOO,
    DETERMINERS,
    FINITE,
    GIVING,
    IDIOMS,
    LABEL_NOUNS,
    LINKING,
    MANY_WORDS,
    MASS_GOODS,
    MODALS,
    NOT_THINGS,
    OBJECT_PRONOUNS,
    ORDINAL_DET,
    PLURAL_AS_ONE,
    PREPOSITIONS,
    SINGULAR_DET,
    STATIVE,
    SUBJECT_PRONOUNS,
    TIME_NOUNS,
    TIME_WORDS,
    UNITS,
    VERB_FIRST,
    WANTING,
    Lexicon,
    Slip,
    Tok,
    lexicon,  # noqa: F401 (re-exported: structure_scorer, grammar_check)
    segments,  # noqa: F401 (re-exported: grammar_check)
    sentences,  # noqa: F401 (re-exported: text, language_scorer)
    tokens,  # noqa: F401 (re-exported: structure_scorer)
)

_PAST_MARK = re.compile(r"\b(?:yesterday|ago|last (?:week|month|year|night|monday|tuesday|"
                        r"wednesday|thursday|friday|saturday|sunday))\b", re.I)


# ------------------------------------------------------------------ the rules
# (`grammar_check.check` runs them with those of grammar_verbs.py over a reply)


def _slip(text: str, toks: list[Tok], i: int, j: int, kind: str) -> Slip:
    en, zh = MESSAGES[kind]
    return Slip(toks[i].start, toks[j].end, text[toks[i].start:toks[j].end], kind, en, zh)


# a clause without "that" after a feeling: "We are sorry nobody answer your mail" (brief 22rs)
_FEELING = frozenset(("sorry", "glad", "afraid", "sure", "pleased"))


def _clause_start(toks: list[Tok], i: int) -> bool:
    return i == 0 or toks[i - 1].low in CLAUSE_OPENERS or toks[i - 1].text in ",;:(" or (
        toks[i - 1].low in _FEELING and toks[i].low not in ("to", "for", "about", "with")) or (
        toks[i].low == "what" and toks[i - 1].low in _SEE)


def _noun_word(t: Tok, lex: Lexicon) -> bool:
    """A word that can stand in a noun phrase before its head: a noun or an adjective."""
    return (t.word and not t.name and t.low not in DETERMINERS and t.low not in AUXILIARIES
            and t.low not in SUBJECT_PRONOUNS and t.low not in OBJECT_PRONOUNS
            and t.low not in PREPOSITIONS and t.low not in CONJUNCTIONS
            and t.low not in TIME_WORDS
            # a good the course sells that the table lacks ("hoodie"), brief 22sl
            and (t.low in lex.nouns or t.low in lex.adjs or t.low in lex.plurals
                 or t.low in _goods() or _goods_plural(t.low, lex)))


def _goods_plural(word: str, lex: Lexicon) -> bool:
    """True when ``word`` is the plural of a good the table lacks ("beanies", "hoodies")."""
    return word.endswith("s") and word not in lex.nouns and (
        word[:-1] in _goods() or (word.endswith("ies") and word[:-3] + "y" in _goods()))


def _plain_verb(toks: list[Tok], v: int, lex: Lexicon, after_noun: bool) -> bool:
    """True when toks[v] is a verb's plain form that cannot be its past ("cut"), an adjective
    ("clean") or, after a noun, the second noun of a compound ("the phone case")."""
    t = toks[v]
    if (not t.word or t.name or t.low in AUXILIARIES or t.low not in lex.verbs
            or t.low in lex.forms):  # "saw", "found", "left": also another verb's past
        return False
    past = lex.verbs[t.low][0].split("/")
    if t.low in past or t.low in lex.adjs or lex.verbs[t.low][3] == t.low:
        return False
    nxt = toks[v + 1].low if v + 1 < len(toks) else ""
    if nxt in FINITE:  # "the customer need is ...": a compound noun before its verb
        return False
    if t.low in lex.nouns and t.low not in VERB_FIRST:
        # "the factory check the colours": a noun before "the" or "our" is a verb (brief 22g2)
        return not after_noun or (nxt in OBJECT_START and not _relative_after(toks, v, lex))
    return True


def _relative_after(toks: list[Tok], v: int, lex: Lexicon) -> bool:
    """True when a past form follows within three words: "the price list the factory sent"
    (a clause about the list, not "list" as the verb)."""
    return any(t.low in lex.forms and lex.forms[t.low][1] in (0, 1) for t in toks[v + 2:v + 5])


# what starts a verb's object and never a compound noun's next word (brief 22g2)
OBJECT_START = frozenset(("a", "an", "the", "our", "your", "my", "his", "their", "its", "all",
                          "some", "these", "those", "it", "them", "us", "me", "him"))


_SEE = frozenset(("see", "know", "check", "find", "understand", "tell", "show", "learn"))


def _subject(toks: list[Tok], i: int, lex: Lexicon) -> int | None:
    """The index of the head of a third-person singular subject that starts at toks[i] (he,
    she, it; or a singular noun phrase: "the parcel", "our supplier", "new stock")."""
    t = toks[i]
    if t.low in ("he", "she", "it"):
        return i
    # "so we can see what happen": "what" as the subject of its clause (brief 22rs), after a
    # verb of seeing or knowing; "what do you need" and "what size" are left
    if (t.low == "what" and i and toks[i - 1].low in _SEE and i + 1 < len(toks)
            and (toks[i + 1].low not in lex.nouns or (i + 2 < len(toks) and toks[i + 2].low in (
                "the", "a", "an", "it", "them", "this")))):  # "what make the noise"
        return i
    k = i + 1 if t.low in SINGULAR_DET else i
    head = None
    while k < len(toks) and k - i < 5 and _noun_word(toks[k], lex):
        head = k if toks[k].low in lex.nouns else head
        if head == k and k + 1 < len(toks) and _plain_verb(toks, k + 1, lex, True):
            break
        k += 1
    if head is None or toks[head].low in COLLECTIVES or toks[head].low in TIME_NOUNS:
        return None
    return head


def agreement(text: str, toks: list[Tok], lex: Lexicon) -> list[Slip]:
    """A third-person singular subject with the verb's plain form: "It arrive in 8 days", "the
    parcel need time", "new stock come on 18 April"."""
    out = []
    if any(t.low in _SUBJUNCTIVE for t in toks):
        return out
    for i in range(len(toks)):
        if not toks[i].word or not _clause_start(toks, i):
            continue
        if i and toks[i - 1].low == "as" and toks[i].low in ("a", "an"):
            continue  # "as a small thank you", "as a gift": a role, not a subject (brief 22rc)
        if toks[i].low in WANTING and i == 0:
            continue  # "Hope see you again": no subject (want_verb), not "hope" as one
        head = _subject(toks, i, lex)
        if head is None or head + 1 >= len(toks):
            continue
        if _plain_verb(toks, head + 1, lex, after_noun=toks[head].low not in ("he", "she", "it")):
            out.append(_slip(text, toks, i, head + 1, "agreement"))
        elif (toks[head + 1].low in _DO_HAVE and toks[head].low not in PLURAL_AS_ONE
              and not (i and toks[i - 1].low in ("and", "or"))):
            out.append(_slip(text, toks, i, head + 1, "agreement_do"))
    return out


# "do" and "have" after he, she, it or one thing ("if it don't arrive", "the parcel have"),
# brief 22gm; after "and" the subject may be two things ("the mug and the plate have")
_DO_HAVE = frozenset(("do", "don't", "dont", "have", "haven't", "havent"))


def _verb_here(toks: list[Tok], i: int, lex: Lexicon) -> bool:
    """True when toks[i] is a lexical verb in this place: after a subject, a modal, "to",
    "please", an auxiliary, or a word that is only a verb."""
    t = toks[i]
    if not t.word or t.name or t.low in OBJECT_PRONOUNS or (
            t.low in AUXILIARIES and t.low not in _HAVE):
        return False
    if t.low not in lex.verbs and t.low not in lex.forms:
        return False
    prev = toks[i - 1].low if i else ""
    if prev in DETERMINERS:  # "the tracking": a noun
        return False
    j = i - 1  # "our new knitted hat": a participle after a determiner's adjectives (22r16)
    while j > 0 and toks[j].low in lex.adjs and toks[j].low not in DETERMINERS:
        j -= 1
    if j < i - 1 and toks[j].low in DETERMINERS:
        return False
    only_verb = t.low not in lex.nouns and t.low not in lex.adjs
    # a verb that is also a noun before the person it is for: "and give you full refund" is
    # the verb as "we give you" is (round 21, brief 22e: flagged in W01, not in W07 Vera)
    to_person = (t.low in lex.verbs and i + 1 < len(toks)
                 and toks[i + 1].low in ("you", "us", "him", "her", "them", "me"))
    return (only_verb or to_person or prev in SUBJECT_PRONOUNS or prev in AUXILIARIES
            or prev == "please")


def _countable(noun: str, lex: Lexicon) -> bool:
    plurals = lex.nouns.get(noun, "").split("/")  # "" for a two-word good
    return (((noun not in plurals and bool(plurals[0])) or noun in _goods()
             or noun in COUNT_TOO) and noun not in MASS_GOODS)


@lru_cache(maxsize=1)
def _goods() -> frozenset:
    from course.writing.patterns import PRODUCT_NOUNS

    return frozenset(PRODUCT_NOUNS)


def _boundary(toks: list[Tok], k: int) -> bool:
    if k >= len(toks):
        return True
    t = toks[k]
    return t.text in ".,;:!?)" or t.low in PREPOSITIONS or t.low in CONJUNCTIONS or (
        t.low in TIME_WORDS)


def _be_bare_noun(toks: list[Tok], i: int, lex: Lexicon) -> int:
    """The end (exclusive) of a singular countable noun with no article after "it / this /
    that is (was)": "it is nice gift for Christmas" ("a nice gift"); 0 when there is none. An
    adjective alone ("it is nice"), a noun that is no thing ("it is time"), a name ("it is
    Size L") or a phrase that runs on ("it is gift set price") is left alone."""
    if not (toks[i].low in ("is", "was") and i and toks[i - 1].low in ("it", "this", "that")
            and (i == 1 or not toks[i - 2].word or toks[i - 2].low in CONJUNCTIONS)):
        return 0
    k = i + 1
    while k < len(toks) and k - i <= 3 and toks[k].word and not toks[k].name and (
            toks[k].low in lex.adjs or _noun_word(toks[k], lex)):
        k += 1
    if k == i + 1 or not _boundary(toks, k):
        return 0
    head = toks[k - 1].low
    # a comparative is no thing: "so it is smoother" (smooth + er, nice + r, big + ger)
    stems = ()
    if head.endswith("er"):
        stems = ((head[:-2],) if len(head) >= 6 else ()) + (
            (head[:-1],) if head[-3] == "e" else ()) + (
            (head[:-3],) if head[-3] == head[-4] else ()) + (
            (head[:-3] + "y",) if head[-3] == "i" else ())
    if (any(st in lex.adjs for st in stems) or head in lex.adjs or head in lex.advs
            or head in TIME_NOUNS or head in NOT_THINGS
            or head in lex.plurals or not (head in lex.nouns or head in _goods())
            or not _countable(head, lex)):
        return 0
    return k


def articles(text: str, toks: list[Tok], lex: Lexicon) -> list[Slip]:
    """A singular countable noun with no article after a verb ("we have new bamboo cutting
    board", "give you answer", "send you photo"); "same" with no "the" ("not same as")."""
    out = []
    for i, t in enumerate(toks):
        if t.low == "same" and i and toks[i - 1].low in ("is", "not", "are", "was", "look",
                                                          "looks", "exactly", "very"):
            out.append(_slip(text, toks, i - 1, i, "article"))
            continue
        if (t.low == "other" and i and toks[i - 1].low not in DETERMINERS and i + 1 < len(toks)
                and toks[i + 1].low in lex.nouns and _countable(toks[i + 1].low, lex)
                and _boundary(toks, i + 2)):  # "send you other coat": "another coat"
            out.append(_slip(text, toks, i, i + 1, "other_singular"))
            continue
        if _be_bare_noun(toks, i, lex):  # "it is nice gift" (round 21, brief 22e)
            out.append(_slip(text, toks, i + 1, _be_bare_noun(toks, i, lex) - 1, "article"))
            continue
        if not _verb_here(toks, i, lex) or t.low in LINKING:
            continue
        start = i + 2 if i + 1 < len(toks) and toks[i + 1].low in OBJECT_PRONOUNS else i + 1
        k = start
        while k < len(toks) and k - start < 4 and _noun_word(toks[k], lex):
            k += 1
        if k == start or not _boundary(toks, k) or any(t.low in MANY_WORDS for t in toks[start:k]):
            continue  # "take two picture": the plural is missing (number_plural), brief 22sl
        if _of_many(toks, k):
            continue  # "free sample of all model": the plural is the fix (number_plural)
        head = toks[k - 1].low
        verb = lex.forms.get(toks[i].low, (toks[i].low,))[0]
        # a good the table lacks, after its describing words ("we have new fleece zip hoodie")
        known = head in lex.nouns or (head in _goods() and k - start >= 2)  # brief 22sl
        if (not known or head in lex.adjs or head in lex.advs or head in NOT_THINGS
                or (k - start == 1 and (head in lex.verbs or head in lex.forms)
                    and (verb not in GIVING or start == i + 1))):
            continue  # "let us check", "thank you buy": a verb; "look great", "say yes"
        pair = f"{toks[k - 2].low} {head}" if k - start >= 2 else head
        if (head in TIME_NOUNS or f"{toks[i].low}:{head}" in IDIOMS
                or f"{verb}:{head}" in IDIOMS
                or not (_countable(head, lex) or _countable(pair, lex))
                or (k + 1 < len(toks) and toks[k + 1].low == head)):  # "step by step"
            continue
        out.append(_slip(text, toks, start, k - 1, "article"))
    return out


def sorry_for(text: str, toks: list[Tok], lex: Lexicon) -> list[Slip]:
    """"sorry for the late" (an adjective with no noun); "sorry for" before a clause ("sorry
    for the coat is not the same": "sorry that the coat is not ...")."""
    out = []
    for i in range(len(toks) - 2):
        if toks[i].low not in ("sorry", "apologize", "apologise") or toks[i + 1].low != "for":
            continue
        k = i + 2
        if toks[k].low in SINGULAR_DET:
            k += 1
        start = k
        while k < len(toks) and k - start < 4 and _noun_word(toks[k], lex):
            k += 1
        if k == start:
            continue
        last = toks[k - 1].low
        if last in lex.adjs and last not in lex.nouns and _boundary(toks, k):
            out.append(_slip(text, toks, i, k - 1, "sorry_adjective"))
        elif k < len(toks) and toks[k].low in FINITE:
            out.append(_slip(text, toks, i, k, "sorry_clause"))
    return out


def modal_form(text: str, toks: list[Tok], lex: Lexicon) -> list[Slip]:
    """A modal before a verb's -s, -ed or -ing form: "we will sent", "it can arrives"."""
    out = []
    for i in range(len(toks) - 1):
        t = toks[i]
        if (t.low not in MODALS or t.name or not i or not toks[i - 1].word
                or toks[i - 1].low in DETERMINERS or toks[i - 1].low in CLAUSE_OPENERS):
            continue  # "Would waiting until then work?": a question, not a verb after a modal
        k = i + 2 if toks[i + 1].low in ("not", "also", "soon", "then") else i + 1
        if k >= len(toks) or not toks[k].word or toks[k].name:
            continue
        w = toks[k].low
        if (w in lex.forms and lex.forms[w][1] != 2 and w not in lex.verbs
                and w not in AUXILIARIES and w not in lex.adjs):
            out.append(_slip(text, toks, i, k, "modal_form"))
    return out


def past_time(text: str, toks: list[Tok], lex: Lexicon) -> list[Slip]:
    """A finished action with a past time in its clause, said in the present: "yesterday we
    send it", "your order is shipped 2 days ago"."""
    out = []
    for a, b in _clauses(toks):
        clause = toks[a:b]
        if not _PAST_MARK.search(" ".join(t.low for t in clause)):
            continue
        for j in range(len(clause) - 1):
            s, v = clause[j], clause[j + 1]
            if (s.low in ("we", "i", "they", "you") and v.low not in STATIVE
                    # a wish is present: "I hope you enjoy the mugs you picked up last month"
                    # (issue 28, the thirteenth teacher reader)
                    and not (j and clause[j - 1].low in ("hope", "trust", "wish"))
                    and _plain_verb(clause, j + 1, lex, False)):
                out.append(_slip(text, clause, j, j + 1, "past_time"))
            elif (s.low in ("is", "are") and v.low in lex.forms and lex.forms[v.low][1] in (0, 1)
                  and j and clause[j - 1].word):
                out.append(_slip(text, clause, j, j + 1, "past_time"))
    return out


def _clauses(toks: list[Tok]):
    at = 0
    for i, t in enumerate(toks):
        if t.text in ",;" or t.low in ("and", "but", "so", "because", "when", "if"):
            yield at, i
            at = i + 1
    yield at, len(toks)


def plural_subject(text: str, toks: list[Tok], lex: Lexicon) -> list[Slip]:
    """A plural subject at the start of a clause with "is", "was" or "has": "3 speakers is
    $21.12", "our products is"; a time or an amount taken as one ("8 days is enough") is left
    alone."""
    out = []
    for i in range(len(toks) - 1):
        if not _clause_start(toks, i):
            continue
        first = i + 1 if (toks[i].low in ("the", "these", "those", "my", "your", "our",
                                          "their", "all", "both")
                          or toks[i].text[:1].isdigit()) else i
        k = first
        while k < len(toks) - 1 and k - first < 4 and (
                _noun_word(toks[k], lex) or (k > i and toks[k].low in ORDINAL_DET)):
            k += 1  # "the last ones was damaged" (brief 22sl)
        head = toks[k - 1].low if k > first else ""
        amount = k + 1 < len(toks) and (toks[k + 1].text[:1] in "$€£¥" or toks[k + 1].text[:1]
                                        .isdigit())  # "40 lamps is $380": a total
        if (head and (head in lex.plurals or _goods_plural(head, lex)) and head.rstrip("s") not in TIME_NOUNS | UNITS and not amount
                and head not in PLURAL_AS_ONE and toks[k].low in ("is", "was", "has")):
            out.append(_slip(text, toks, i, k, "plural_subject"))
    return out


def be_plain(text: str, toks: list[Tok], lex: Lexicon) -> list[Slip]:
    """"be" before a verb's plain form that is only a verb: "the parcel is stay in customs",
    "we are arrive" ("is free", "is light", "is cut" are left alone)."""
    out = []
    for i in range(len(toks) - 1):
        if toks[i].low not in ("am", "is", "are", "was", "were"):
            continue
        k = i + 2 if toks[i + 1].low == "not" and i + 2 < len(toks) else i + 1
        t = toks[k]
        if (t.word and not t.name and t.low in BE_PLAIN
                and t.low not in lex.adjs and t.low not in lex.forms
                and t.low not in lex.verbs[t.low][0].split("/")
                and t.low not in lex.verbs[t.low][1].split("/")):
            out.append(_slip(text, toks, i, k, "be_plain"))
    return out


def _many(t: Tok) -> bool:
    """True when ``t`` counts more than one: a number other than 1 (not a time, a date, a
    decimal or a year) or a word of more than one ("two", "several", "these")."""
    if t.word:
        return t.low in MANY_WORDS
    return t.text.isdigit() and t.text != "1" and not 1900 <= int(t.text) <= 2100


# spans of time the table also marks uncountable: counted, they are plural ("in 5 day")
_SPANS = TIME_NOUNS - frozenset(("time", "home", "online", "abroad", "overseas", "moment"))


def _of_many(toks: list[Tok], k: int) -> bool:
    """True when ``toks[k]`` is "of" before "all", a word of more than one or a number: a noun
    given of them is plural ("free samples of all models", "photos of two boxes")."""
    return (k + 1 < len(toks) and toks[k].low == "of"
            and (toks[k + 1].low == "all" or _many(toks[k + 1])))


def _phrase_before_of(toks: list[Tok], i: int, lex: Lexicon) -> int:
    """The start of the bare noun phrase before "of" at ``i - 1`` ("free sample" in "send you
    free sample of all model"), or ``i`` when there is none (its article is there: "a sample
    of all models" is right)."""
    if i < 2 or toks[i - 1].low != "of":
        return i
    s = i - 1
    while s > 0 and i - 1 - s < 4 and _noun_word(toks[s - 1], lex):
        s -= 1
    if s == i - 1 or toks[i - 2].low in lex.plurals or (s and toks[s - 1].low in DETERMINERS):
        return i
    return s


def number_plural(text: str, toks: list[Tok], lex: Lexicon) -> list[Slip]:
    """A number above one before a singular countable noun that ends its phrase: "take two
    picture in daylight", "it arrives in 5 day", "we have 3 colour" (brief 22sl). A number after
    a label ("size 2 hoodie", "order 3"), a price ("$20 coupon"), a determiner ("the 2 mug
    set"), or before a second noun ("2 day shipping") is left alone, as is a unit ("20 percent")."""
    out = []
    for i in range(len(toks) - 1):
        t = toks[i]
        prev = toks[i - 1] if i else None
        # "all" counts more than one before a countable noun ("of all model", "all colour"),
        # not before a span of time ("all day") (round 21, brief 22e)
        every = t.low == "all" and toks[i + 1].low not in TIME_NOUNS
        if not (_many(t) or every) or (prev is not None and (
                prev.low in LABEL_NOUNS or prev.text in "$€£¥#" or prev.name
                or prev.low in DETERMINERS or prev.text[:1].isdigit())):
            continue
        k = i + 1
        while k < len(toks) and k - i <= 3 and _noun_word(toks[k], lex):
            if toks[k].low in lex.plurals:  # "40 lamps stay", "200 mugs comes": plural
                break
            k += 1
        head = toks[k - 1].low
        if k < len(toks) and toks[k].low in lex.plurals:
            continue
        if (k == i + 1 or not _boundary(toks, k) or head in lex.plurals or head in lex.adjs
                or head in UNITS or head in NOT_THINGS or head in PLURAL_AS_ONE
                or not (head in lex.nouns or head in _goods())
                or (head in lex.nouns and not _countable(head, lex) and head not in _SPANS)):
            continue
        # the noun given of them is plural too: "free sample of all model" is one slip,
        # "free samples of all models" (round 21, brief 22e: it was told to take "a")
        out.append(_slip(text, toks, _phrase_before_of(toks, i, lex), k - 1, "number_plural"))
    return out


RULES = (agreement, articles, sorry_for, modal_form, past_time, plural_subject, be_plain,
         number_plural)


# the frequent errors of patterns.ERRORS that are one of these rules, by the start of their
# message: "it make" (the list) and "It arrive" (agreement) are one rule broken, counted once;
# the list's rules for "be" and "have" ("it have", "the parcel are") stay rules of their own
SAME_RULE = {"third person singular needs -s": "agreement",
             "after 'will', 'can' or 'to' the verb has no -s": "modal_form",
             "a singular noun needs 'a'": "article",
             "a plural subject takes 'were / are / have'": "plural_subject",
             "'be' and a plain verb do not go together": "be_plain"}


def rule_of(message: str) -> str:
    """The rule a frequent error of patterns.ERRORS breaks: one of these rules, or its own
    message."""
    return next((rule for start, rule in SAME_RULE.items() if message.startswith(start)),
                message)

MESSAGES = {
    "agreement": ("with he, she, it or one thing as the subject the verb takes -s ('it arrives', "
                  "'the parcel needs')",
                  "主语是 he、she、it 或单数名词时，动词要加 -s（it arrives、the parcel needs）"),
    "article": ("one thing needs 'a', 'an' or 'the' before it ('a new board', 'the same as the "
                "picture', 'send you a photo')",
                "单数可数名词前要加 a、an 或 the（a new board、the same as the picture、send you a "
                "photo）"),
    "sorry_adjective": ("an adjective needs its noun ('sorry for the late reply')",
                        "形容词后面要有名词（sorry for the late reply）"),
    "sorry_clause": ("after 'sorry for' comes a noun; before a sentence say 'sorry that' ('sorry "
                     "that the coat is not ...')",
                     "sorry for 后面接名词；接句子要用 sorry that（sorry that the coat is not ...）"),
    "modal_form": ("after 'will', 'can' or 'must' the verb takes its plain form ('we will send', "
                   "not 'will sent')",
                   "will、can、must 之后的动词用原形（we will send，不是 will sent）"),
    "plural_subject": ("a plural subject takes 'were / are / have' ('the books were')",
                       "复数主语要用 were / are / have（the books were）"),
    "be_plain": ("'be' and a plain verb do not go together ('it stays' or 'it is staying')",
                 "be 动词不能直接加动词原形（it stays 或 it is staying）"),
    "other_singular": ("'other' takes a plural ('other wishes', 'other colours'); for one more "
                       "thing say 'another' ('another coat')",
                       "other 后面接复数名词（other wishes、other colours）；指“再一个”用 another"
                       "（another coat）"),
    "number_plural": ("after a number above one the noun is plural ('two pictures', '5 days'), "
                      "and after 'all' or 'many' ('samples of all models')",
                      "数量大于一时名词要用复数（two pictures、5 days），all、many 之后也一样"
                      "（samples of all models）"),
    "past_time": ("a finished action takes the past tense ('we sent it yesterday', 'it was "
                  "shipped 2 days ago')",
                  "已经完成的动作用过去时（we sent it yesterday、it was shipped 2 days ago）"),
}
