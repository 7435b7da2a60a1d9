"""Grammar rules of brief 22gm (issue 22): they read the tokens, the lexicon and the word
classes of ``grammar_tokens.py`` and the helpers of ``grammar.py``; grammar_check.check runs
them after grammar.py's rules.

- **want + verb**: "want", "hope", "need" ... straight before a plain verb ("I want tell you");
  at a sentence's start the subject is missing too ("Hope see you again");
- **a person's be + plain verb**: the -ing form ("we are check the material") or the -ed
  adjective ("if you are interest in", "we are please to") is missing;
- **to before the person**: "reply you", "explain you"; and "full money" ("a full refund");
- **one of + plural**: "one of our best customer".

Each rule stops at the first doubt, as the rules of grammar.py do: a noun after a determiner
("our hope", "the reply you sent"), a thing's "be" ("the problem is price").
"""
from __future__ import annotations

import re

from course.writing.grammar import (
    MESSAGES,
    SAME_RULE,
    _boundary,
    _countable,
    _goods,
    _goods_plural,
    _noun_word,
    _slip,
)
from course.writing.grammar_tokens import (
    AUXILIARIES,
    CLAUSE_OPENERS,
    COLLECTIVES,
    DETERMINERS,
    FINITE,
    IDIOMS,
    LINKING,
    MODALS,
    NOT_THINGS,
    OBJECT_PRONOUNS,
    PERSONS,
    PREPOSITIONS,
    TIME_NOUNS,
    TIME_WORDS,
    TO_PERSON,
    VERBS_NOT_NOUNS,
    WANTING,
    Lexicon,
    Slip,
    Tok,
)


def _bare_verb(t: Tok, lex: Lexicon) -> bool:
    """True when ``t`` is a verb's plain form that is here no noun, adjective or adverb
    ("tell", "check" in "want check"; not "help", "more", "back", "free")."""
    w = t.low
    if (not t.word or t.name or w not in lex.verbs or w in lex.forms or w in AUXILIARIES
            or w in DETERMINERS or w in PREPOSITIONS or w in TIME_WORDS or w in OBJECT_PRONOUNS
            or w in lex.adjs or w in lex.advs):
        return False
    return w not in lex.nouns or w in VERBS_NOT_NOUNS


def want_verb(text: str, toks: list[Tok], lex: Lexicon) -> list[Slip]:
    """"want", "hope", "need" ... straight before a plain verb ("I want tell you", "we need
    check it"): "to" is missing; at a sentence's start the subject is missing too ("Hope see
    you again": "We hope to see you again"), brief 22gm."""
    out = []
    for i in range(len(toks) - 1):
        t = toks[i]
        if t.low not in WANTING or t.name or (i and toks[i - 1].low in DETERMINERS):
            continue  # "our hope", "the need": a noun
        if _bare_verb(toks[i + 1], lex):
            out.append(_slip(text, toks, i, i + 1, "no_subject" if i == 0 else "want_to"))
    return out


def _person_be(toks: list[Tok], i: int) -> bool:
    """True when toks[i] is "am / is / are / was / were" with a person as its subject ("we
    are", "are you", "I am")."""
    if toks[i].low not in ("am", "is", "are", "was", "were"):
        return False
    before = toks[i - 1].low if i else ""
    after = toks[i + 1].low if i + 1 < len(toks) else ""
    return before in PERSONS or (after in PERSONS and (i == 0 or toks[i - 1].low in
                                                       CLAUSE_OPENERS))


def be_person(text: str, toks: list[Tok], lex: Lexicon) -> list[Slip]:
    """A person's "be" before a plain verb: with an object it is the -ing form that is missing
    ("we are check the material": "we are checking"), before "in", "with", "to" ... or the
    end it is the -ed adjective ("if you are interest in": "interested", "we are please to":
    "pleased"), brief 22gm. A thing's "be" is left alone ("the problem is price")."""
    out = []
    for i in range(len(toks) - 1):
        if not _person_be(toks, i):
            continue
        k = i + 1 + (toks[i + 1].low in PERSONS)
        k += k < len(toks) and toks[k].low in ("not", "very", "so", "really", "also", "still")
        if k >= len(toks) or toks[k].low in LINKING:
            continue
        w, nxt = toks[k].low, (toks[k + 1].low if k + 1 < len(toks) else ".")
        if not toks[k].word or toks[k].name or w not in lex.verbs or w in lex.forms or (
                w in lex.adjs or w in lex.advs or w in PREPOSITIONS):
            continue  # ("please" is a verb here: "we are please to" is "pleased")
        participle = (lex.verbs[w][1] or lex.verbs[w][0]).split("/")[0]
        if nxt in DETERMINERS or nxt in OBJECT_PRONOUNS:
            if _bare_verb(toks[k], lex) or w in lex.nouns:
                out.append(_slip(text, toks, i, k, "be_plain"))
        elif nxt in ("in", "with", "to", "about", "by", "for", "that") or not nxt[:1].isalpha():
            if participle in lex.adjs and participle != w:
                out.append(_slip(text, toks, i, k, "be_ed"))
            elif w not in lex.nouns or _bare_verb(toks[k], lex):  # "are you satisfy with"
                out.append(_slip(text, toks, i, k, "be_plain"))
        elif _bare_verb(toks[k], lex):  # "we are check now"
            out.append(_slip(text, toks, i, k, "be_plain"))
    return out


def to_person(text: str, toks: list[Tok], lex: Lexicon) -> list[Slip]:
    """"reply", "explain", "apologise" ... straight before the person ("we will reply you":
    "reply to you"); "full money" ("refund you full money": "a full refund"), brief 22gm."""
    out = []
    for i in range(len(toks) - 1):
        t, nxt = toks[i], toks[i + 1]
        if (t.low in TO_PERSON and nxt.low in OBJECT_PRONOUNS and not nxt.name
                and not (i and toks[i - 1].low in DETERMINERS)):  # "the reply you sent"
            out.append(_slip(text, toks, i, i + 1, "to_person"))
        elif t.low in ("full", "whole") and nxt.low == "money":
            out.append(_slip(text, toks, i, i + 1, "full_money"))
    return out


def one_of(text: str, toks: list[Tok], lex: Lexicon) -> list[Slip]:
    """"one of" + a determiner before a singular countable noun: "you are one of our best
    customer" ("one of our best customers"), at a clause's start or after "be"; "one of the
    best", "one of our team", "one picture of the table and one of the label" are left alone."""
    out = []
    for i in range(len(toks) - 3):
        if toks[i].low != "one" or toks[i + 1].low != "of" or toks[i + 2].low not in (
                "the", "our", "my", "your", "his", "her", "their", "these", "those") or (
                i and toks[i - 1].low not in ("is", "are", "was", "were", "be", "as", ",")):
            continue  # "one picture of the table and one of the label": one picture
        k = i + 3
        while k < len(toks) and k - i < 7 and toks[k].word and not toks[k].name and (
                toks[k].low in lex.adjs or toks[k].low in lex.nouns) and toks[k].low not in (
                PREPOSITIONS):
            k += 1
        head = toks[k - 1].low
        if (k > i + 3 and head in lex.nouns and head not in lex.adjs and head not in COLLECTIVES
                and _countable(head, lex) and (_boundary(toks, k) or toks[k].low in (
                    "is", "was", "has"))):
            out.append(_slip(text, toks, i, k - 1, "one_of"))
    return out


def modal_pair(text: str, toks: list[Tok], lex: Lexicon) -> list[Slip]:
    """A modal before another modal or "to": "we will can arrange", "you can to buy", "you
    should to order" (the modal takes the plain verb: "we can arrange", "you should order")."""
    out = []
    for i in range(len(toks) - 1):
        if (toks[i].low in MODALS and not toks[i].name and i
                and (toks[i + 1].low in MODALS or toks[i + 1].low == "to")):
            out.append(_slip(text, toks, i, i + 1, "modal_pair"))
    return out


def not_alone(text: str, toks: list[Tok], lex: Lexicon) -> list[Slip]:
    """A subject and "not" with no "do" or "be": "it not pay yet", "if it not fit", "you not
    need send it" ("it is not paid yet", "if it does not fit"); an inverted question ("would
    you not like") and "not to" are left alone."""
    out = []
    for i in range(1, len(toks) - 1):
        if toks[i].low != "not" or toks[i - 1].low not in SUBJECTS_NOT:
            continue
        if i >= 2 and toks[i - 2].low in AUXILIARIES | {"let", "tell", "ask", "want"}:
            continue  # "would you not like", "tell you not to"
        w = toks[i + 1]
        if (w.word and not w.name and (w.low in lex.verbs or w.low in lex.adjs)
                and w.low not in lex.advs and w.low not in DETERMINERS
                and w.low not in PREPOSITIONS and w.low not in TIME_WORDS
                and w.low not in AUXILIARIES
                # a verb's form is left alone, unless it is an adjective too: "If you not
                # interested" lacks "are" (round 21, brief 22e: not flagged in W10)
                and (w.low not in lex.forms or w.low in lex.adjs)):
            out.append(_slip(text, toks, i - 1, i + 1, "not_alone"))
    return out


SUBJECTS_NOT = frozenset(("i", "we", "you", "they", "he", "she", "it"))


def thanks_for(text: str, toks: list[Tok], lex: Lexicon) -> list[Slip]:
    """"thank you for" before a bare singular noun: "Thank you for interest in our mats",
    "thanks for question" ("for your interest", "for your question"); "for choosing", "for
    everything", "for all", "for 13 orders" are left alone."""
    out = []
    for i in range(len(toks) - 2):
        if toks[i].low not in ("thank", "thanks") or toks[i + 1].low not in ("you", "for"):
            continue
        k = i + 2 if toks[i + 1].low == "for" else i + 3
        if k >= len(toks) or toks[k - 1].low != "for":
            continue
        w = toks[k]
        if (w.word and not w.name and w.low in lex.nouns and w.low not in lex.forms
                and w.low not in lex.plurals and w.low not in DETERMINERS
                and w.low not in NOT_THINGS and w.low not in TIME_WORDS
                and w.low not in lex.adjs and w.low not in lex.advs):
            nxt = toks[k + 1].low if k + 1 < len(toks) else ""
            verb = w.low in lex.verbs and (w.low in VERBS_NOT_NOUNS or nxt in OBJECT_PRONOUNS
                                           or nxt in DETERMINERS)  # "for contact us"
            out.append(_slip(text, toks, k - 1, k, "thanks_ing" if verb else "thanks_for"))
    return out


def _ing_subject(toks: list[Tok], i: int, lex: Lexicon) -> bool:
    """True when toks[i] is an -ing form that starts its clause with no comma after it soon:
    "Shipping to Hamburg ...", "Paying by card ..." (one action: a singular subject)."""
    t = toks[i]
    return (t.word and not t.name and t.low in lex.forms and lex.forms[t.low][1] == 2
            and (i == 0 or toks[i - 1].low in ("and", "but", "because", "so")))


def ing_subject(text: str, toks: list[Tok], lex: Lexicon) -> list[Slip]:
    """An -ing subject with the verb's plain form: "Shipping to Hamburg take 7 days" ("takes"),
    brief 22g2. The verb is a plain form after a noun, a name or a number, before a number, "a",
    "the", "about", "only" ... (what a verb's object or its measure starts with); a comma, "and"
    or a second verb ends the search ("Checking the photos, we found ...")."""
    out = []
    for i in range(len(toks) - 2):
        if not _ing_subject(toks, i, lex):
            continue
        for v in range(i + 2, min(i + 7, len(toks) - 1)):
            t, prev, nxt = toks[v], toks[v - 1], toks[v + 1]
            if not t.word or t.low in CLAUSE_OPENERS or t.low in AUXILIARIES or (
                    t.low in lex.forms and t.low not in lex.nouns):
                break  # a mark, "and", "is", "takes": the subject's verb is found or absent
            if (t.low in lex.verbs and not t.name and t.low not in lex.adjs
                    and t.low not in PREPOSITIONS and t.low not in DETERMINERS
                    and (prev.name or not prev.word or prev.low in lex.nouns
                         or prev.low in lex.plurals)
                    and (not nxt.word or nxt.low in ING_OBJECT)
                    and nxt.text not in ".,;:!?" and t.low not in lex.forms):
                out.append(_slip(text, toks, i, v, "agreement"))
                break
    return out


# what follows a verb of measure or its object, never a noun of the subject (brief 22g2)
ING_OBJECT = frozenset(("a", "an", "the", "about", "only", "around", "just", "less", "more",
                        "our", "your", "us", "you", "them", "it", "time", "longer"))


def forward_to(text: str, toks: list[Tok], lex: Lexicon) -> list[Slip]:
    """"look forward to" + a plain verb: "we look forward to hear from you" ("to hearing"; the
    "to" of "look forward to" is a preposition), brief 22g2; "look forward to your reply" and
    "to working with you" are left alone."""
    out = []
    for i in range(1, len(toks) - 2):
        if toks[i].low != "forward" or toks[i + 1].low != "to" or toks[i - 1].low not in (
                "look", "looks", "looking", "looked"):
            continue
        w = toks[i + 2]
        nxt = toks[i + 3].low if i + 3 < len(toks) else ""
        if w.word and not w.name and w.low in lex.verbs and w.low not in lex.forms and (
                _bare_verb(w, lex) or nxt in OBJECT_PRONOUNS or nxt in ("with", "from")):
            out.append(_slip(text, toks, i - 1, i + 2, "forward_to"))
    return out


def want_object(text: str, toks: list[Tok], lex: Lexicon) -> list[Slip]:
    """"want" + a verb that is also a noun, before that verb's object: "if you want order 15
    strips", "we want help you" ("want to order"), brief 22g2; want_verb reads the verbs that
    are no nouns. "If you want help, ..." and "you want orders" are left alone."""
    out = []
    for i in range(len(toks) - 2):
        t, w, nxt = toks[i], toks[i + 1], toks[i + 2]
        if (t.low not in WANTING or t.name or (i and toks[i - 1].low in DETERMINERS)
                or not w.word or w.name or w.low not in lex.verbs or w.low in lex.forms
                or w.low in lex.adjs or _bare_verb(w, lex)):
            continue
        if nxt.low in WANT_OBJECT or (not nxt.word and nxt.text[:1].isdigit()):
            out.append(_slip(text, toks, i, i + 1, "no_subject" if i == 0 else "want_to"))
    return out


def for_article(text: str, toks: list[Tok], lex: Lexicon) -> list[Slip]:
    """"for" before one countable thing with no article: "it is nice for Christmas
    gift" ("for a Christmas gift"), brief 22g2. The noun phrase is one to three words, names
    and nouns before its head, and ends the clause; "for example", "for 15 strips" are left."""
    out = []
    for i in range(len(toks) - 2):
        if toks[i].low != "for" or any(t.low in ("thank", "thanks") for t in toks[max(0, i - 2):i]):
            continue  # "thank you for message": thanks_for
        k = i + 1
        while k < len(toks) and k - i <= 3 and toks[k].word and (
                toks[k].name or _noun_word(toks[k], lex)):
            k += 1
        head = toks[k - 1]
        if (k == i + 1 or head.name or not _boundary(toks, k) or head.low not in lex.nouns
                or head.low in lex.adjs or head.low in lex.advs or head.low in NOT_THINGS
                or head.low in TIME_NOUNS or not _countable(head.low, lex) or _bare_verb(head, lex)
                or f"{toks[i].low}:{head.low}" in IDIOMS):
            continue
        out.append(_slip(text, toks, i, k - 1, "article"))
    return out


def noun_form(text: str, toks: list[Tok], lex: Lexicon) -> list[Slip]:
    """An adjective or a verb where its noun belongs, after "for your" / "for the" / "for our"
    at the end of the phrase: "Thank you for your patient" ("patience"), "thanks for your
    understand" ("understanding"), "sorry for the different" ("difference"), brief 22sl. The
    adjective in -ent / -ant is read as its noun in -ence / -ance when the table has that noun;
    "for your patience", "for your kind words", "for the patient in room 3" are left alone."""
    out = []
    for i in range(len(toks) - 2):
        if toks[i].low != "for" or toks[i + 1].low not in ("your", "the", "our", "my", "his",
                                                           "her", "their"):
            continue
        w = toks[i + 2]
        before = {t.low for t in toks[max(0, i - 3):i]}
        if (not w.word or w.name or not _boundary(toks, i + 3)
                or before & {"sorry", "apologize", "apologise"}):  # sorry_for's slip
            continue
        # a word that is a noun too ("the patient") is the adjective only after thanks
        if _noun_of(w.low, lex) and (w.low not in lex.nouns or before & {"thank", "thanks"}):
            out.append(_slip(text, toks, i, i + 2, "noun_form"))
        elif (w.low in lex.verbs and w.low not in lex.nouns and w.low not in lex.adjs
              and w.low not in lex.forms and lex.verbs[w.low][2]):
            out.append(_slip(text, toks, i, i + 2, "noun_form"))
    return out


def _noun_of(word: str, lex: Lexicon) -> str:
    """The noun of an adjective in -ent / -ant ("patient" -> "patience", "important" ->
    "importance") when the table has it, else ""."""
    if word not in lex.adjs or not word.endswith(("ent", "ant")):
        return ""
    noun = word[:-1] + "ce"
    return noun if noun in lex.nouns else ""


WANT_OBJECT = frozenset(("a", "an", "the", "our", "your", "my", "his", "their", "its", "some",
                         "these", "those", "it", "them", "us", "you", "me", "him"))


# brief 22rs (the nineteenth readers): "because it small and light", "men red hoodie", "in
# wrong size"
_BE_SUBJECTS = frozenset(("it", "he", "she", "they", "we", "i", "you"))
_DEGREE = frozenset(("very", "so", "really", "too", "quite", "a", "bit", "little"))


def missing_be(text: str, toks: list[Tok], lex: Lexicon) -> list[Slip]:
    """A subject at the start of its clause before an adjective with no "be": "because it small
    and light", "it very light" ("it is small"). The adjective ends its phrase; one that is also
    a verb only after "very" or "so" ("they light the room"); "make it small" has its verb."""
    out = []
    for i in range(len(toks) - 1):
        if toks[i].low not in _BE_SUBJECTS or not (
                i == 0 or toks[i - 1].low in CLAUSE_OPENERS or toks[i - 1].text in ",;:("):
            continue
        k = i + 1
        while k < len(toks) - 1 and toks[k].low in _DEGREE:
            k += 1
        t = toks[k]
        if (t.word and not t.name and t.low in lex.adjs and t.low not in lex.forms
                and (k > i + 1 or t.low not in lex.verbs) and t.low not in AUXILIARIES
                and t.low not in TIME_WORDS and _boundary(toks, k + 1)):
            out.append(_slip(text, toks, i, k, "missing_be"))
    return out


_OWNERS = frozenset(("men", "women", "children"))


def owner_plural(text: str, toks: list[Tok], lex: Lexicon) -> list[Slip]:
    """"men", "women" or "children" before the thing made for them with no 's: "our men red
    hoodie", "women shoes" ("men's hoodie"), also before its verb ("the women boots are in
    stock", brief 22b). A verb after it is left ("men like it")."""
    out = []
    for i in range(len(toks) - 1):
        if toks[i].low not in _OWNERS:
            continue
        k = i + 1
        while k < len(toks) and k - i <= 3 and _noun_word(toks[k], lex) and (
                toks[k].low not in lex.verbs or toks[k].low in lex.adjs):
            k += 1
        head = toks[k - 1].low
        if k > i + 1 and (head in lex.nouns or head in lex.plurals or head in _goods()
                          or _goods_plural(head, lex)) and (
                _boundary(toks, k) or toks[k].low in FINITE):
            out.append(_slip(text, toks, i, k - 1, "owner_plural"))
    return out


def wrong_article(text: str, toks: list[Tok], lex: Lexicon) -> list[Slip]:
    """"wrong", "right" or "correct" after a preposition before its noun with no "the": "in
    wrong size", "with wrong colour" ("in the wrong size")."""
    out = []
    for i in range(1, len(toks) - 1):
        if (toks[i].low in ("wrong", "right", "correct") and toks[i - 1].low in PREPOSITIONS
                and toks[i + 1].low in lex.nouns and not toks[i + 1].name
                and toks[i + 1].low not in TIME_WORDS and _boundary(toks, i + 2)):
            out.append(_slip(text, toks, i, i + 1, "article"))
    return out


def much_many(text: str, toks: list[Tok], lex: Lexicon) -> list[Slip]:
    """"how much" before a plural of things that are counted: "how much pieces" ("how many
    pieces"); "how much money", "how much it costs" are left."""
    out = []
    for i in range(len(toks) - 2):
        nxt = toks[i + 2].low
        if (toks[i].low == "how" and toks[i + 1].low == "much"
                and (nxt in lex.plurals or _goods_plural(nxt, lex)) and nxt not in lex.nouns
                and nxt not in AUXILIARIES and nxt not in ("does", "has")  # "how much does"
                and (i + 3 >= len(toks) or toks[i + 3].low not in ("it", "this", "that", "they"))):
            out.append(_slip(text, toks, i, i + 2, "much_many"))
    return out


MESSAGES_22GM = {
    "forward_to": ("after 'look forward to' the verb takes -ing ('we look forward to hearing "
                   "from you')",
                   "look forward to 后面的动词要用 -ing 形式（we look forward to hearing from you）"),
    "modal_pair": ("'will', 'can' and 'should' take the plain verb, with no second modal and no "
                   "'to' ('we can arrange', 'you should order')",
                   "will、can、should 后面直接接动词原形，不能再加情态动词或 to（we can arrange、you "
                   "should order）"),
    "not_alone": ("a negative needs 'do not' / 'does not' or 'be' before 'not' ('if it does not "
                  "fit', 'it is not paid yet')",
                  "not 前面要有 do、does 或 be（if it does not fit、it is not paid yet）"),
    "thanks_for": ("a thing you thank for needs 'your' or 'the' ('thank you for your interest')",
                   "感谢的对象前要加 your 或 the（thank you for your interest）"),
    "thanks_ing": ("'thank you for' takes a noun or -ing ('thank you for buying', 'for "
                   "contacting us')",
                   "thank you for 后面要用名词或 -ing（thank you for buying、for contacting us）"),
    "agreement_do": ("with he, she, it or one thing as the subject say 'does', 'doesn't' or "
                     "'has' ('if it doesn't arrive', 'the parcel has')",
                     "主语是 he、she、it 或单数名词时，要用 does、doesn't 或 has（if it doesn't "
                     "arrive、the parcel has）"),
    "want_to": ("after 'want', 'hope' or 'need' a verb takes 'to' ('I want to tell you', 'we "
                "need to check it')",
                "want、hope、need 后面接动词要加 to（I want to tell you、we need to check it）"),
    "no_subject": ("the sentence has no subject: say who ('We hope to see you again', 'I want "
                   "to tell you')",
                   "句子缺少主语：要说明是谁（We hope to see you again、I want to tell you）"),
    "be_ed": ("a feeling after 'be' takes -ed ('if you are interested in', 'we are pleased "
              "to')",
              "be 动词后表示感受要用 -ed 形式（if you are interested in、we are pleased to）"),
    "to_person": ("'reply', 'explain' and 'apologise' take 'to' before the person ('reply to "
                  "you', 'explain to you')",
                  "reply、explain、apologise 后面接人时要加 to（reply to you、explain to you）"),
    "full_money": ("money is not 'full': say 'a full refund' or 'all your money back'",
                   "不说 full money：要说 a full refund 或 all your money back"),
    "noun_form": ("after 'for your' or 'for the' comes a noun ('thank you for your patience', "
                  "'for your understanding')",
                  "for your / for the 后面要用名词（thank you for your patience、for your "
                  "understanding）"),
    "missing_be": ("an adjective after its subject needs 'is', 'are' or 'am' ('because it is "
                   "small and light')",
                   "形容词前要有 is、are 或 am（because it is small and light）"),
    "owner_plural": ("what is made for men, women or children takes 's ('our men's red hoodie', "
                     "'women's shoes')",
                     "表示“男士的、女士的、儿童的”要加 's（our men's red hoodie、women's shoes）"),
    "much_many": ("things you count take 'how many' ('how many pieces'); 'how much' is for "
                  "money and amounts ('how much money')",
                  "可数名词用 how many（how many pieces）；how much 用于金额和不可数的量（how much money）"),
    "one_of": ("after 'one of' the noun is plural ('one of our best customers')",
               "one of 后面的名词要用复数（one of our best customers）"),
}

# a short question that opens with "you", "we" or "they" and its verb: read on the whole body,
# since the rules' sentences skip those of two words ("You like?")
_SHORT_QUESTION = re.compile(r"(?:^|(?<=[.!?,:;]\s)|(?<=\n))(you|we|they)\s+([a-z]+)"
                             r"(?:[ \t]+[\w'$%-]+){0,6}[ \t]*\?", re.I)


def question_order(body: str, lex: Lexicon) -> list[Slip]:
    """A short question with no "do" before its subject: "You like?", "You want more
    colours?" ("Do you like it?"), brief 22tn (the nineteenth student reader). Only a question
    of up to eight words that opens with "you", "we" or "they" straight before a verb's plain
    form; "Can you send it?", "You can send it?", "You are happy?" and "It works?" are left
    alone."""
    out = []
    for m in _SHORT_QUESTION.finditer(body):
        verb = m.group(2).lower()
        if (verb in lex.verbs and verb not in lex.forms and verb not in AUXILIARIES
                and verb not in MODALS):
            en, zh = MESSAGES["question_order"]
            out.append(Slip(m.start(), m.end(2), m.group(1) + " " + m.group(2),
                            "question_order", en, zh))
    return out


MESSAGES["question_order"] = (
    "a question puts 'do' before the subject ('Do you like it?', 'Do you need more colours?')",
    "疑问句要把 do 放在主语前（Do you like it?、Do you need more colours?）")

RULES = (want_verb, be_person, to_person, one_of, modal_pair, not_alone, thanks_for,
         ing_subject, forward_to, want_object, for_article, noun_form, missing_be, owner_plural,
         wrong_article, much_many)
MESSAGES.update(MESSAGES_22GM)
# the list's "thank you for buy" (patterns.ERRORS) is this rule: one rule broken, counted once
SAME_RULE["'thank you for' takes a noun or -ing"] = "thanks_ing"
SAME_RULE["a negative needs 'do not'"] = "not_alone"  # "it not arrive" (the list), "it not pay"
