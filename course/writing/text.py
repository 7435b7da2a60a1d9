"""The parts of a reply and how its sentences read: greeting, body and closing; sentences and
clauses; negation and questions; keyword lists; the share of English; misspellings.
"""
from __future__ import annotations

import re
from functools import lru_cache

import course.writing.patterns as P
from course.text import CJK_CHAR


def split(text: str):
    """(greeting line, body, closing line, signature lines) of a reply."""
    lines = [ln.rstrip() for ln in text.strip().splitlines()]
    nonempty = [i for i, ln in enumerate(lines) if ln.strip()]
    greeting = ""
    start = 0
    if nonempty and P.GREETING.match(lines[nonempty[0]]):
        first = lines[nonempty[0]]
        # "Dear Jessica," alone on its line, or "Dear Ryan, the cable ..." run on
        m = P.GREETING_LINE.match(first)
        rest = m.group(2).strip() if m else ""
        if rest and not (len(rest.split()) <= 3 and rest.endswith(",")):
            greeting, lines[nonempty[0]] = m.group(1).strip(), rest
        else:
            greeting, start = first.strip(), nonempty[0] + 1
    closing, close_at = "", len(lines)
    for i in reversed(nonempty[-6:]):
        if i < start:
            break
        ln = lines[i].strip()
        m = P.CLOSING.match(ln)
        # "Best regards," or a longer closing line that ends with a comma before the name
        # ("Thanks again for staying with us these two years,")
        if m and (len(ln.split()) <= 8 or (ln.endswith(",") and i == nonempty[-2]
                                           and not re.search(r"[.!?]\s", ln))):
            closing, close_at = ln, i
            break
        # a short wish on its own line, ending with a comma, just above the name ("Hope see
        # you again,\nLily"): where a closing stands, written as a closing (brief 22sn)
        if (len(nonempty) >= 2 and i == nonempty[-2] and ln.endswith(",") and len(ln.split()) <= _WISH_WORDS
                and not re.search(r"[.!?:;]", ln)
                and _NAME_LINE.fullmatch(lines[nonempty[-1]].strip())):
            closing, close_at = ln, i
            break
        # a closing run into the end of a body line, perhaps with the name after it
        # ("... your answer. Best regards," / "... coat. Best regards, Mia"): typed on a phone
        m = _RUN_ON_CLOSING.search(ln) or _RUN_ON_SHORT.search(ln)
        if m and m.start(1) > 0:
            closing, close_at = m.group(1), i + 1
            lines[i] = ln[:m.start(1)].rstrip()
            break
    body = "\n".join(lines[start:close_at]).strip()
    return greeting, body, closing


_WISH_WORDS = 6  # the longest wish read as a closing by its place (above the name, a comma)
_NAME_LINE = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?[.,]?")  # the writer's name: "Lily"

# after a sentence's end: a closing phrase, then at most a name of one or two words
_RUN_ON_CLOSING = re.compile(
    # brief 22s: every "... regards" / "... wishes" of the closing line ("Warm wishes, Lily")
    r"(?:^|[.!?]\s+)((?:with )?(?:(?:best|kind|kindest|warm(?:est)?|many) )?regards|(?:with )?"
    r"(?:best|kind|warm(?:est)?|many) wishes|sincerely|"
    r"yours sincerely|all the best|take care|have a (?:nice|great|good|lovely|wonderful|safe) "
    r"(?:day|week|weekend|trip|journey|hike|holiday|flight)|enjoy your (?:trip|journey|hike|"
    r"holiday|weekend)|"
    # a season's wish ends a chat message as a closing does ("... before Christmas. Merry
    # Christmas! Grace": the twenty-fourth student reader, Jessica; round 21, brief 22f)
    r"merry christmas|happy (?:holidays|new year|thanksgiving|easter)|season'?s greetings|"
    r"eid mubarak)[.!,]?(?:\s+(?-i:[A-Z])[\w'-]*(?: (?-i:[A-Z])[\w'-]*)?)?"
    r"[.!]?\s*$", re.I)

# the short closings of chat and mail run on after a sentence, with the name after a comma
# ("... within 2 days. Best, Mia", "... Cheers, Tom"; brief 22rv, the tenth student reader):
# the name is what makes them a closing ("we did our best." is none)
_RUN_ON_SHORT = re.compile(
    r"(?:^|[.!?]\s+)((?:all the )?best|cheers|thanks(?: again)?|thank you|thx|many thanks|warmly|"
    r"talk (?:to you )?soon|speak soon|br),\s+(?-i:[A-Z])[\w'-]*(?: (?-i:[A-Z])[\w'-]*)?[.!]?\s*$",
    re.I)


def sentences(body: str) -> list[str]:
    """The sentences of ``body``: one splitter for the reviewer, the grammar rules' (brief 22sl:
    this module's own split at every mark before a space, and ended "$15 incl." and "Mr." as
    sentences; on the tuning sets' 3,262 bodies the two differed on 4, each an abbreviation)."""
    from course.writing.grammar import sentences as split_sentences

    return split_sentences(body)


@lru_cache(maxsize=1)
def vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


_FUNCTION_WORDS = frozenset(
    "a an the to of in on for with at by from we you i it they he she is are was were be been "
    "will can could would should may our your my their this that these those and or but if so "
    "as not do does did have has had please there here what when which who how "
    # prepositions and determiners of an offer line ("10% off all mugs until 30 November" is a
    # sentence of an advert, not a string of keywords; brief 22e)
    "until off".split())


def _keyword_list(body: str) -> bool:
    """True when the body is a list of keywords rather than sentences: mostly fragments of
    three words or fewer, or words strung together with almost no function words."""
    from course.writing.rubric import RUBRIC

    # an amount's point or thousands comma ("$3.80", "$1,140") does not end a fragment
    chunks = [c.strip() for c in re.split(r"(?:[,;.!?\n•|](?!\d))+|\s[-–—/]\s", body)
              if c.strip()]
    words = [len(c.split()) for c in chunks]
    total = sum(words)
    if total == 0:
        return True
    # a short clause that says something ("I write you again Friday", "can send tomorrow") is
    # not a fragment
    short = sum(n for c, n in zip(chunks, words, strict=True) if n <= 3 and not _says(c))
    if len(chunks) >= RUBRIC.keyword_fragments and short / total >= RUBRIC.keyword_share:
        return True
    # one long string of words with no mark between them in which nothing is said (no verb
    # with its subject, no request) is a list, whatever its small words (round 21, brief 22e:
    # "Mr Hall regular customer 10% off gift set $16.20 instead of $18 until 1 December before
    # Christmas checkout automatically order as usual no pressure" scored 75, teacher 10: its
    # "instead of", "until", "as usual" lifted the share of function words)
    if (len(chunks) == 1 and total >= KEYWORD_STRING and not _says(body)
            and not _CJK.search(body)):
        return True
    tokens = re.findall(r"[A-Za-z']+", body.lower())
    function = sum(map(_FUNCTION_WORDS.__contains__, tokens))
    return ((len(tokens) >= 8 and function / len(tokens) < RUBRIC.function_word_share
             and _longest_run(body) >= KEYWORD_RUN and not _asks_in_sentences(body))
            or bool(phrase_list(body)))


def _asks_in_sentences(body: str) -> bool:
    """True when the body is two sentences or more and one asks the buyer a question ("new
    ceramic mug gift set only $18, very nice for Christmas. You like?"): a short B1 note
    that speaks to the buyer, though with few function words, not a list of keywords (brief
    22rf, the nineteenth student reader: 10 for a list, a teacher 35-40)."""
    said = [s for s in sentences(body) if len(s.split()) >= 2]
    return len(said) >= 2 and any(s.rstrip().endswith("?") and re.search(r"\byou", s, re.I)
                                  for s in said)


def keyword_list(body: str) -> bool:
    """True when the body is a list of keywords rather than sentences: mostly fragments of
    three words or fewer, or words strung together with almost no function words. A real
    sentence followed by the task's terms listed is a half list (:func:`half_list`), read as
    the sentence it holds and capped otherwise (brief 22rv)."""
    return _keyword_list(body) and not (_real_sentence(body) and half_list(body))


def telegraphic(body: str, framed: bool) -> bool:
    """True when a body in a keyword list's form is a telegraphic note that still carries a
    message (brief 22t16): it stands in a letter's frame (``framed``: a greeting or a
    closing) and at least RUBRIC.telegraphic["values"] of its phrases state a value (an
    amount, a count, a time: "Full refund $20", "Money in 5 days", "3 speakers = $21.12"),
    no fewer than its phrases that only name a lesson's term ("sorry", "no need return").
    A teacher reads such a note as a weak reply (40-60), a list of the task's terms with no
    message as a list (5-10)."""
    from course.writing.rubric import RUBRIC

    if not framed or phrase_list(body) == "bullets":  # bullet lines are a list's own form
        return False
    phrases = [c.strip(" -–—*•\t") for c in _PHRASE_BREAK.split(body) if c.strip(" -–—*•\t")]
    values = sum(bool(re.search(r"\d", c)) for c in phrases)
    terms = sum(bool(_TERM.search(c)) and not re.search(r"\d", c) and not _says(c)
                for c in phrases)
    return (values >= RUBRIC.telegraphic["values"] and values >= terms
            and _phrase_run(body) <= RUBRIC.telegraphic["run"])


def _phrase_run(body: str) -> int:
    """The most phrases that say nothing in a row within one sentence: a note states a few
    things at a time ("3 speakers = $21.12, 8 days, arrives before Christmas"), a keyword
    list lays the task's words out in one long run ("LED strip lights, 15, $9.80, $147, all
    colours in stock, Hamburg 7 days, follow up")."""
    best = 0
    # a question mark breaks a phrase, not the run: "- country? city? -" is a list's item
    for sentence in re.split(r"[.!](?!\d)|\n", body):
        run = 0
        for c in re.split(r"[,;:=()•|+?]+|\s[-–—/]\s", sentence):
            if c.strip(" -–—*•\t"):
                # a one-word request ("reply") is a keyword, not a sentence that breaks the
                # run (round 21, brief 22e: "yoga mat twice, new cork yoga block, $9, firm light
                # no slip, reply, ship 2 days, rather not receive news": 55, teacher 10)
                says = _says(c.strip()) and len(c.split()) > 1
                run = 0 if says else run + 1
                best = max(best, run)
    return best


def _real_sentence(body: str) -> bool:
    """True when a stretch of the body between punctuation marks is a statement of four
    words or more ("for ten speakers the price is $6.50 each"), not a thanks formula."""
    return any(len(c.split()) >= 4 and _STATEMENT.search(c)
               for c in _PHRASE_BREAK.split(body))


def half_list(body: str) -> list[str]:
    """The task's terms listed as half-sentences after what the reply says ("sorry the
    keychain does not work. responsibility, full refund $20, no need send back, 3 working
    days"): the longest run of phrases between commas that say nothing (no verb, up to
    RUBRIC.half_list["words"] words), when it has RUBRIC.half_list["phrases"] phrases or more
    and RUBRIC.half_list["terms"] of them name a lesson's term and state no number (a list of
    facts, "200 mugs, $4.20 each, $840 total, 15 days", is a short answer, not this); else []."""
    from course.writing.rubric import RUBRIC

    limits = RUBRIC.half_list
    best: list[str] = []
    for line in body.splitlines():
        run: list[str] = []
        for c in _PHRASE_BREAK.split(line):
            c = c.strip(" -–—*•\t")
            if not c:
                continue
            run = [*run, c] if len(c.split()) <= limits["words"] and not _says(c) else []
            best = run if len(run) > len(best) else best
    terms = [c for c in best if _TERM.search(c) and not re.search(r"\d", c)]
    return best if len(best) >= limits["phrases"] and len(terms) >= limits["terms"] else []


# Plain student sentences drop function words ("We refund you 20 dollars now, no need return.
# Money come in 3 days."), so few function words alone do not make a list: the words must
# also be strung together, this many content words in a row with no punctuation between them
# ("Sorry apologise delay China Post tracking number ... refund resend").
KEYWORD_RUN = 6
# ... or this many words in one stretch with no punctuation, none of them saying anything
KEYWORD_STRING = 15


def _longest_run(body: str) -> int:
    """The most content words (not function words) in a row, within one stretch of text
    between punctuation marks."""
    best = 0
    for chunk in re.split(r"[,;:.!?\n•|()]+", body.lower()):
        run = 0
        for t in re.findall(r"[a-z'$%\d]+", chunk):
            run = 0 if t in _FUNCTION_WORDS else run + 1
            best = max(best, run)
    return best


# ------------------------------------------------------------------ lists of phrases
# A list can be dressed as sentences: phrases between commas ("sorry scratch, our
# responsibility, partial compensation $4, acceptable for you"), one verb among fragments
# ("We are sorry: charger dead, full refund $9, no need send back, ..."), notes ("Sorry for
# delay. China Post. Tracking LX... Resend or refund in 7 days.") or bullets of key phrases.
# A phrase SAYS something when it holds an auxiliary or modal, a subject pronoun before a
# word, or starts as a request ("please ...", "thank you for ..."); the others are phrases.
_AUXILIARY = (r"am|is|are|was|were|be|been|will|would|can|could|shall|should|(?-i:may)|might|must|"
              r"do|does|did|have|has|had|cannot|can'?t|won'?t|don'?t|doesn'?t|didn'?t|isn'?t|"
              r"aren'?t|wasn'?t|it'?s|we'?re|we'?ll|i'?m|i'?ll|we'?ve|you'?re|you'?ll|let'?s|"
              r"that'?s|here'?s|there'?s")
_STATEMENT = re.compile(rf"\b(?:{_AUXILIARY})\b|\b(?:i|we|he|she|they|it|there|who)\s+[a-z]|"
                        r"(?<!thank )\byou\s+(?!for\b|to\b|and\b|very\b|so\b|much\b)[a-z]", re.I)
_REQUEST = re.compile(r"^(?:please|let|thank\w* (?:you )?(?:so |very )?(?:much )?for|contact|"
                      r"tell|send|check|choose|take|feel|click|use|enjoy|reply|write|keep|see|"
                      r"look|find|order|add|pay|visit|call|give|try|kindly|just|enter|confirm|"
                      r"wait|have a|wishing|hope|happy|merry)\b", re.I)
# words that NAME what a reply should do instead of doing it: the lesson's terms, a phrase
# of a few words built on one of them is a keyword ("our responsibility", "acceptable?")
_TERM = re.compile(
    r"\b(?:apolog\w*|sorry|responsibility|compensation|acceptable|solution|refund|resend|"
    r"replacement|exchange|blame|greeting|closing|thanks?|next step|follow[- ]up|tracking|"
    r"delay|restock|cancel\w*|discount|offer|reply|restore|resume|reestablish|relationship|"
    r"loyalty|recommend\w*|size chart|quality|registration|website|specifications?|sample|"
    r"trial order|process|meeting|video call|price|lead time|proof|no need|small amount|"
    r"repair|partial|reminder|payment|received|checking|processing|mistake|fault|answer|"
    r"help)\b", re.I)
_BULLET = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)])\s+")
_PHRASE_BREAK = re.compile(r"[,;:.!?()•|=]+(?!\d)|\s[-–—/]\s")


def _says(phrase: str) -> bool:
    return bool(_STATEMENT.search(phrase) or _REQUEST.match(phrase))


# Chinese is read by its own rules: its phrases are not English phrases that say nothing
_CJK = re.compile(r"[\u3400-\u9fff]")


def phrase_list(body: str) -> str:
    """Why the body is a list of phrases dressed as a letter ('bullets', 'terms', 'notes'),
    or '' when its phrases say something (thresholds: RUBRIC.phrase_list)."""
    from course.writing.rubric import RUBRIC

    limits = RUBRIC.phrase_list
    lines = [ln for ln in body.splitlines() if ln.strip()]
    bullets = [_BULLET.sub("", ln) for ln in lines if _BULLET.match(ln)]
    phrases = [c.strip(" -–—*•\t") for ln in lines
               for c in _PHRASE_BREAK.split(_BULLET.sub("", ln))]
    phrases = [p for p in phrases if p]
    total = sum(len(p.split()) for p in phrases) or 1
    bare = [p for p in phrases if not _says(p)]
    share = sum(len(p.split()) for p in bare) / total
    terms = sum(bool(_TERM.search(p)) and len(p.split()) <= limits["term_words"] for p in bare)
    if (len(bullets) >= limits["bullets"]
            and sum(len(b.split()) for b in bullets) >= limits["bullet_share"] * total
            and 3 * sum(not _says(b) for b in bullets) >= 2 * len(bullets)):
        return "bullets"  # most lines are bullets, two thirds of them phrases
    if terms >= limits["terms"] and share >= limits["terms_share"]:
        return "terms"    # the lesson's terms as phrases make half the words or more
    if (len(bare) >= limits["notes"] and share >= limits["notes_share"]
            and terms >= limits["notes_terms"]):
        return "notes"    # hardly anything but phrases
    if len(phrases) >= limits["notes"] and not _CJK.search(body) and all(
            len(p.split()) == 1 or (len(p.split()) <= limits["term_words"] and not _says(p))
            for p in phrases):
        # nothing but short phrases, not one of them saying anything (a word alone is no
        # sentence, though it be a verb), whatever their words ("new ceramic mug gift set,
        # $18, Christmas gift, coffee mug, September, reply": brief 22tn); a longer phrase
        # ("$4.20 per mug for your 200 mugs") is a short answer's statement
        return "notes"
    return ""


# a web address ("www.shop.com/sale", "https://...", "yogablocks-shop.com"), an e-mail address
# ("help@shop.com") or a handle ("@lily_shop")
_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w.])@\w+|"
                      r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|shop|store|io|co|cn|de|uk|us|"
                      r"info|biz|eu|fr|es|it|au|ca|app|online)\b(?:/\S*)?", re.I)


def misspellings(body: str, facts: dict) -> list[str]:
    from course.writing.words import _known_words, is_known

    # the words that could be misspelt, looked up once each: a word of the common list that is
    # not a frequent misspelling is never one (the loop below reads the others where they stand)
    said = {w.casefold() for w in P.WORD.findall(body)}
    known = _known_words()
    if known is not None:
        said = {w for w in said - known if not is_known(w.replace("'", ""))} | (said & P.MISSPELT)
        if not said:
            return []
    exempt = set(P.TRADE_WORDS)
    for v in facts.values():
        exempt.update(w.casefold() for w in P.WORD.findall(str(v)))
    out = []
    # a web address, an e-mail address or a handle is spelt as it is (brief 22sl, lesson 10's
    # Try it: "yogablocks" in www.yogablocks-shop.com)
    spans = [a.span() for a in _ADDRESS.finditer(body)]
    for m in P.WORD.finditer(body):
        w = m.group(0)
        lw = w.casefold()
        if lw not in said:
            continue  # a common word, not a frequent misspelling
        if lw in exempt or len(w) < 3 or body[m.end():m.end() + 1].isalpha() or (
                m.start() and body[m.start() - 1].isalpha()):
            continue  # part of a word with a letter outside A-Z ("bientôt"), brief 22gm
        if any(a <= m.start() < b for a, b in spans):
            continue
        if lw in P.MISSPELT:
            out.append(w)
        elif w[0].isupper() or w.isupper():
            continue  # names, brands, carriers
        elif not is_known(lw) and not is_known(lw.replace("'", "")):
            out.append(w)
    return list(dict.fromkeys(out))



# ------------------------------------------------------------------ negation and questions
# a clause ends at punctuation or a joining word; a negation counts only inside its own clause
_CLAUSE_BREAK = re.compile(r"[,;:!?\n()]|\.(?!\d)|\b(?:and|but|so|then|if|because|otherwise|"
                           r"unless|when|once|after|before|which|that)\b|"
                           r"\b(?:we|i) (?:will|can|would|could|shall)\b(?![’']t| not)|"
                           # "we" starts a clause of its own even without a comma: "if it does
                           # not arrive in 7 days we resend it" (a denial after "we" stays in it)
                           r"\b(?:we|i)\b(?=\s)", re.I)
_NEGATOR = re.compile(r"\b(?:no|not|never|cannot|can'?t|won'?t|don'?t|doesn'?t|didn'?t|"
                      r"isn'?t|aren'?t|wasn'?t|unable|refuse\w*|neither|nor|without)\b|"
                      r"\b\w+n[’']t\b", re.I)
# "no need to send it back", "not only": a negator that does not deny what follows
_NOT_A_DENIAL = re.compile(r"\b(?:no|not|don'?t|do not|doesn'?t) (?:need|have) to\b|"
                           r"\bno (?:problem|worries|doubt)\b|\bnot only\b|"
                           r"\bif (?:it|they|you|the \w+) (?:has|have|do|does|did|is|are) "
                           r"not\b", re.I)


def clause_before(text: str, start: int) -> str:
    """The words of ``text`` before ``start`` in the same clause."""
    head = text[max(0, start - 120):start]
    cut = 0
    for m in _CLAUSE_BREAK.finditer(head):
        cut = m.end()
    return head[cut:]


def clause_around(text: str, start: int) -> str:
    """The clause of ``text`` that holds position ``start``."""
    tail = text[start:start + 120]
    ends = [m.start() for m in _CLAUSE_BREAK.finditer(tail) if m.start() > 0]
    return clause_before(text, start) + tail[:ends[0] if ends else len(tail)]


def negated(text: str, start: int) -> bool:
    """True when the phrase at ``start`` is denied in its own clause ("we cannot refund",
    "No refund.", "we don't give money back"); "no need to send it back" is not a denial."""
    before = _NOT_A_DENIAL.sub(" ", clause_before(text, start))
    return bool(_NEGATOR.search(before))


# brief 22s: a push taken back by the words just before it: "No need to decide now", "you
# don't have to decide now", "we never ask you to pay today", "There is no hurry to order
# today". The negation governs the push: only helper words ("need", "have to", "you", "feel")
# stand between them, so "Don't wait - only 3 left!" still pushes.
_PUSH_DENIED = re.compile(
    r"(?:\b(?:no|not|never|nobody|no one)\b|n[’']t\b)(?:\s+(?:need|needs|have|has|had|to|be|"
    r"you|your|feel|any|rush|hurry|pressure|obliged|required|necessary|must|should|do|does|is|"
    r"it|there|for|reason|ask|asking|expect|expecting|want|wanting|push|pushing|going|really|"
    r"at all))*\s*$", re.I)


def push_denied(text: str, start: int) -> bool:
    """True when the push at ``start`` (a pressure or a command: "decide now", "pay today") is
    taken back by a negation that governs it ("No need to decide now.", "you don't have to
    decide now"); a negation further back in the clause does not take it back."""
    return bool(_PUSH_DENIED.search(clause_before(text, start)))


# a sentence ends at . ! ? or a new line, not at the point of an amount ("$9.50")
_SENTENCE_END = re.compile(r"[.!?](?!\d)|\n")


def sentence_at(text: str, start: int) -> str:
    """The sentence of ``text`` that holds position ``start``."""
    a = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        a = m.end()
    m = _SENTENCE_END.search(text, start)
    return text[a:(m.end() if m else len(text))].strip()


def is_question(text: str, start: int) -> bool:
    """True when the phrase at ``start`` sits in a question or a request for information."""
    s = sentence_at(text, start)
    return s.endswith("?") or bool(re.match(
        r"(?:please |could you |can you |would you )?(?:please )?(?:tell|let) (?:us|me) "
        r"(?:know )?|please (?:first |also |now |kindly |just )?(?:send|give|confirm)", s, re.I))


def find_affirmed(rx: re.Pattern, text: str):
    """The first match of ``rx`` in ``text`` that is not denied in its clause, else None."""
    for m in rx.finditer(text):
        if not negated(text, m.start()):
            return m
    return None


def find_denied(rx: re.Pattern, text: str):
    """The first match of ``rx`` in ``text`` that is denied in its clause, else None."""
    for m in rx.finditer(text):
        if negated(text, m.start()):
            return m
    return None


# ------------------------------------------------------------------ language
_LATIN = re.compile(r"[A-Za-z]")


def english_share(text: str) -> float:
    """The share of letters that are Latin (a reply in Chinese is near 0)."""
    if not CJK_CHAR.search(text):
        return 1.0  # what the share below is without a Chinese character
    cjk, latin = len(CJK_CHAR.findall(text)), len(_LATIN.findall(text))
    return latin / (latin + 2 * cjk) if latin + cjk else 1.0


_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|am|will|would|can|could|shall|should|may|might|must|do|does|"
    r"did|have|has|had|i|we|you|he|she|it|they|please|let|thank|thanks|hope|look|take|send|"
    r"sent|ship\w*|give|got|get|need|want|like|\w+ed|\w+s)\b", re.I)


def says_something(sentence: str) -> bool:
    """True when a sentence is a statement, not a fragment: three words or more and a verb or a
    subject."""
    return len(sentence.split()) >= 3 and bool(_VERB.search(sentence))


# ------------------------------------------------------------------ one reply, read once
class Said(str):
    """A line of a review in English that also carries its Chinese (``.zh``)."""

    zh: str

    def __new__(cls, en: str, zh: str = ""):
        obj = super().__new__(cls, en)
        obj.zh = zh or en
        return obj


class Problem(Said):
    """A line of a review that names a problem found in the reply (a cold sentence, a wrong
    decision, a made-up amount), not something it lacks: shown as "problem:" / "问题：", never
    as "missing:" (brief 22rc: "missing: a cold, negative sentence" read as advice to add one)."""


class Fix(dict):
    """A line of a review's advice ({"en", "zh"}) that says how to mend a problem found in the
    reply (a push, blame, a wrong decision, a slip, the task pasted back), not what it lacks:
    a lesson's Try it shows every such line (``course.writing.printed.review_draft``, brief
    22sl). Stored as a plain dict (``ReplyReview.to_dict``)."""


def missing_groups(lines) -> list[tuple[str, str, list]]:
    """A criterion's missing lines as (English label, Chinese label, lines): what the reply
    lacks ("missing" / "缺少"), then the problems found ("problem" / "问题"); empty groups left
    out."""
    lacks = [m for m in lines if not isinstance(m, Problem)]
    problems = [m for m in lines if isinstance(m, Problem)]
    return [(en, zh, group) for en, zh, group in (("missing", "缺少", lacks),
                                                  ("problem", "问题", problems)) if group]
