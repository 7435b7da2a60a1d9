"""Grammar rules of brief 22gm (issue 22; read by course.writing.grammar, whose tokens, lexicon
and word classes they use; grammar.check runs them after its own).

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

from course.writing.grammar import (
    AUXILIARIES,
    CLAUSE_OPENERS,
    COLLECTIVES,
    DETERMINERS,
    LINKING,
    MESSAGES,
    MODALS,
    NOT_THINGS,
    OBJECT_PRONOUNS,
    PERSONS,
    PREPOSITIONS,
    SAME_RULE,
    TIME_WORDS,
    TO_PERSON,
    VERBS_NOT_NOUNS,
    WANTING,
    Lexicon,
    Slip,
    Tok,
    _boundary,
    _countable,
    _slip,
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
                and w.low not in AUXILIARIES and w.low not in lex.forms):
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


MESSAGES_22GM = {
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
    "one_of": ("after 'one of' the noun is plural ('one of our best customers')",
               "one of 后面的名词要用复数（one of our best customers）"),
}

RULES = (want_verb, be_person, to_person, one_of, modal_pair, not_alone, thanks_for)
MESSAGES.update(MESSAGES_22GM)
# the list's "thank you for buy" (patterns.ERRORS) is this rule: one rule broken, counted once
SAME_RULE["'thank you for' takes a noun or -ing"] = "thanks_ing"
SAME_RULE["a negative needs 'do not'"] = "not_alone"  # "it not arrive" (the list), "it not pay"
