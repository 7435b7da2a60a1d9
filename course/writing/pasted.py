"""A reply made of the task's own text: the task pasted back into the reply box.

A teacher gives 0 to a "reply" that is the instruction to the writer, the buyer's message, the
facts panel, the hints or the rubric list pasted back: it is no reply (issue 28, fifteenth
reading: such a paste passed at 75 on ten reply tasks). The rule is general: the share of the
reply's words that lie in a run of ``RUBRIC.pasted_run`` or more words shared, in order, with
one of the task's texts. A good reply legitimately quotes the order number, the product's name
or one sentence of the buyer; those are short runs, or a small share of a whole letter.
"""
from __future__ import annotations

import re

from course.writing.facts import fact_label, show_value

# a word, or one Chinese character (a Chinese text pasted is measured the same way)
_WORD = re.compile(r"[a-z0-9$£€¥]+(?:[.,'][a-z0-9]+)*|[\u3400-\u9fff]")


def words(text: str) -> list[str]:
    """The lower-case words of ``text`` (underscores and punctuation split words; each Chinese
    character counts as a word)."""
    return _WORD.findall(str(text).lower().replace("_", " "))


def facts_texts(facts: dict) -> list[str]:
    """The facts as the facts panel shows them ("Order number: 8012...") and as written."""
    out = []
    for k, v in (facts or {}).items():
        out.append(f"{fact_label(k)[0]}: {show_value(k, v)}")
        out.append(f"{k} {v}")
    return ["\n".join(out)] if out else []


# what a review says of a reply that is the task's text pasted back (the reply kinds and the
# role-play's turns alike, brief 22sl)
ADVICE = {"en": "Write your own reply to the buyer: this is the task's text (the instructions, "
                "the buyer's message or the facts), not a reply.",
          "zh": "请自己写给买家的回复：这是题目本身的文字（说明、买家留言或事实），不是回复。"}


# the end of a sentence: a short run of shared words that lies across one is chance (brief 22d,
# the twenty-third student reader: "Dear Lena, sorry for the coat. We will refund you." was told
# it copies the task, its "the coat. We will refund" lying across two of the hint's quoted
# sentences, "...photos of the coat?" "We will refund you in full"); the buyer's message of
# short lines pasted back ("... does not work. I tried everything. Thank you.") is a long run
_TOKEN = re.compile(_WORD.pattern + r"|[.!?。！？](?=[\s\"'”’)]|$)")
_END = frozenset(".!?。！？")


def _sentence_ids(text: str) -> list[int]:
    """For each word of ``text`` (as :func:`words`), the number of its sentence."""
    out, n = [], 0
    for t in _TOKEN.findall(str(text).lower().replace("_", " ")):
        if t in _END:
            n += 1
        else:
            out.append(n)
    return out


def runs(sources, n: int) -> frozenset:
    """Every run of ``n`` words, in order, of ``sources``: build it once for a task and give
    it to :func:`pasted_share` as ``grams`` (the role-play reads every turn against it)."""
    return frozenset(_runs(sources, n))


def _runs(sources, n: int) -> set:
    grams = set()
    for text in sources:
        w = words(text)
        grams.update(tuple(w[i:i + n]) for i in range(len(w) - n + 1))
    return grams


def pasted_share(text: str, sources, n: int, grams=None) -> float:
    """The share of the words of ``text`` inside a run of ``n`` or more words, in order, that
    one of ``sources`` (texts of the task) also has: inside one sentence of ``text``, or a run
    of ``2 * n`` words or more across sentences. 0 for a reply of fewer than ``n`` words.
    ``grams``: the runs of ``sources`` built before (:func:`runs`), then ``sources`` is not
    read.

    >>> pasted_share("Hi Ann, your order 8012 ships today. Lily", ["Order 8012 ships today"], 4)
    0.5
    """
    w = words(text)
    if len(w) < n:
        return 0.0
    if grams is None:
        grams = _runs(sources, n)
    sid = _sentence_ids(text)
    inside = [False] * len(w)  # in a shared run inside one sentence of the reply
    across = [False] * len(w)  # in any shared run
    for i in range(len(w) - n + 1):
        if tuple(w[i:i + n]) in grams:
            across[i:i + n] = [True] * n
            if sid[i] == sid[i + n - 1]:
                inside[i:i + n] = [True] * n
    i = 0
    while i < len(w):  # a run across sentences counts when it is long (2 * n words or more)
        j = i
        while j < len(w) and across[j]:
            j += 1
        if j - i >= 2 * n:
            inside[i:j] = [True] * (j - i)
        i = j + 1 if j == i else j
    return sum(inside) / len(w)


def task_sources(task_text=None, buyer_message=None, facts=None) -> list[str]:
    """The task's own texts: ``task_text`` (a string or a list: prompt, hints, rubric lines),
    the buyer's message and the facts panel."""
    if task_text is None:
        task_text = []
    elif isinstance(task_text, str):
        task_text = [task_text]
    out = [str(t) for t in task_text if t]
    if len(out) > 1:  # the task's panels in order: a paste runs across their lines
        out.append("\n".join(out))
    if buyer_message:
        out.append(buyer_message)
    return out + facts_texts(facts or {})


# A letter to the buyer told in the task's own words is not the task handed in (brief 22rf,
# the nineteenth readers: "Siti, your mail is received, it is being processed, and you will have
# the real answer within three days" scored 0, a teacher 60-65). The task is written to the
# student: it gives orders ("Write ...", "Say ...", "thank her") and speaks of the buyer in the
# third person ("her mail", "the buyer"). A letter speaks to the buyer ("you", "your") and gives
# no such order: it is a weak reply in borrowed words (the ``borrowed`` cap), not a paste.
_ORDER = re.compile(
    r"(?:^|[.!?:;•\n]\s*|\b\d+[.)]\s*|\b(?:and|then|or|now|first|finally),?\s+)(?:write|say|answer|reply to|"
    r"recommend|mention|propose|explain|apologi[sz]e|describe|include|thank (?!you\b)|"
    r"(?:tell|ask|give|offer|invite|remind|decline|greet) (?:her|him|them|the (?:buyer|"
    r"customer))|ask (?:whether|if))\b", re.I)
_THIRD_PERSON = re.compile(r"\b(?:she|her|hers|he|him|his|the (?:buyer|customer|client))\b", re.I)
_NAMED_GREETING = re.compile(r"\W*(?:dear|hi|hello|hey|good (?:morning|afternoon|evening))\s+\w", re.I)
# ... nor talks about the writing and its buyers as a task does: "Five moves: ...", "Useful
# words:", "three sentences are enough", "one line", "the gap-fill letter above", "a genuine
# buyer is glad to ...", "unhappy buyers"
_TASK_TALK = re.compile(r"\b(?:buyers?|(?:the|a|this|that|every|each|your best) customers?|"
                        r"moves?|useful(?: words| phrases)?:|gap-fill|(?:one|two|three|a|"
                        r"short) (?:line|sentence|paragraph)s?)\b", re.I)
_TO_YOU = re.compile(r"\b(?:you|your|yours)\b", re.I)

# what a review says of a letter in the task's own words (the reply kinds)
BORROWED = {"en": "Say it in your own words: this letter copies most of its wording from the "
                  "task. Tell the buyer what you will do as you would tell a person.",
            "zh": "请用自己的话写：这封信大部分措辞照搬了题目。像跟人说话一样告诉买家你会怎么做。"}


def addressed(text: str, name: str = "") -> bool:
    """Whether ``text`` is a letter written to the buyer: it greets someone by name ("Dear
    Siti,", or opens with the buyer's ``name``), says "you"/"your", gives the writer no order
    of the task ("Write ...", "Say ...", "thank her", "ask whether ..."), names no one in
    the third person ("she", "her", "the buyer") and does not talk about the writing ("Five
    moves", "three sentences are enough", "Useful words:"): the task's words re-told as a
    letter.

    >>> addressed("Siti, your mail is received and you will have the answer within three days.",
    ...           "Siti")
    True
    >>> addressed("Hi Siti, write today's short reply: her mail is received.", "Siti")
    False
    """
    from course.writing.text import split

    text = str(text)
    greets = bool(_NAMED_GREETING.match(split(text)[0])) or bool(
        name and re.match(rf"\W*{re.escape(str(name))}\b", text, re.I))
    return (greets and bool(_TO_YOU.search(text)) and not _ORDER.search(text)
            and not _THIRD_PERSON.search(text) and not _TASK_TALK.search(text))
