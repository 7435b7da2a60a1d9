"""The language criterion: spelling, grammar slips and capitals, counted as errors
(:class:`Language`).
"""
from __future__ import annotations

import re

import course.writing.patterns as P
from course.writing.prefilter import prepare, scan
from course.writing.scorer_base import Scored, Scorer
from course.writing.text import Problem, Said, clause_around, sentences
from course.writing.values import FACT_KINDS

_CAPITALS = "sentences and names start with a capital letter"  # one slip, however it shows


class Language(Scorer):
    """Written in English, in sentences, with correct spelling and grammar."""

    name = "language"

    def score(self, reply, situation):
        out = Scored(points=self.weight)
        if reply.english < self.rubric.english_share:
            out.points = self.rubric.not_english_points
            out.missing.append(Problem("not written in English", "不是用英语写的"))
            out.cap("not_english", "the reply is not written in English", "回复不是用英语写的")
            out.advise("Write your reply in English: the buyer reads English. The content you "
                       "gave is recognised, but the buyer could not read it.",
                       "请用英语写回复：买家读的是英语。你写的内容已被识别，但买家看不懂。")
            return out
        if reply.keyword_list:
            out.points = 0
            out.missing.append(Problem("a list of keywords, not sentences", "只是关键词罗列，不是完整句子"))
            out.cap("keywords", "a list of keywords, not sentences", "只是关键词罗列，不是完整句子")
            out.advise("Write full sentences: a buyer reads a letter, not a list of keywords.",
                       "写完整的句子：买家读的是信，不是关键词列表。")
            return out
        if reply.telegraphic:  # brief 22t16: a weak reply, not a list of keywords
            out.missing.append(Problem("a telegraphic note, not sentences", "电报式便条，不是完整句子"))
            out.cap("telegraphic", "a telegraphic note: the right content without sentences",
                    "电报式便条：内容对，但没有写成句子")
            out.advise("Write the note as sentences to the buyer: who does what, and when "
                       "('Full refund $20' becomes 'We refund your $20 today').",
                       "把便条写成对买家说的完整句子：谁做什么、何时做（“Full refund $20”写成“We refund your $20 today”）。")
        self._errors(reply, out)
        return out

    def _errors(self, reply, out) -> None:
        from course.writing import grammar
        from course.writing.text import misspellings

        seen, errors = set(), []
        hits = sorted(_error_hits(reply))
        end = 0
        # as one pass would: no two errors on one span; a slip repeated is one error, as a
        # teacher marks it ("3 speaker ... 7 dollar ... 2 sample" is one rule broken)
        for start, stop, _order, phrase, kind, en, zh in hits:
            if start >= end and kind not in seen:
                seen.add(kind)
                errors.append((phrase, en, zh))
            end = max(end, stop) if start >= end else end
        # a full stop after an abbreviation ends no sentence ("the tracking no. is YT...",
        # "approx. 5 days", "e.g. the blue one"; brief 22gm)
        starts = [t[0] for t in grammar.sentences(reply.text) if t[:1].isalpha()]
        # a sentence of the body begun in lower case (read on the body's flat text: a line
        # wrapped inside a sentence starts no sentence) is a slip, as in the teacher sets
        flat = [t[0] for t in grammar.sentences(reply.flat_body) if t[:1].isalpha()]
        if _run_on_greeting(reply) and flat:  # "Dear Ryan, thank you ...": one sentence
            flat = flat[1:]
        if ((any(c.islower() for c in flat) or (len(starts) >= 2 and sum(
                c.islower() for c in starts) * 2 > len(starts))) and _CAPITALS not in seen):
            errors.append(("lower case", _CAPITALS, "句子和名字要以大写字母开头"))
        spelling = misspellings(reply.body, reply.facts)
        out.points = max(0, self.weight - self.rubric.per_error * len(errors)
                         - self.rubric.per_misspelling * len(spelling))
        for phrase, en, zh in errors:
            out.missing.append(Problem(f"'{phrase}': {en}", f"“{phrase}”：{zh}"))
        if spelling:
            out.missing.append(Problem("spelling: " + ", ".join(spelling),
                                    "拼写：" + ", ".join(spelling)))
            out.advise("Check the spelling of: " + ", ".join(spelling) + ".",
                       "检查这些词的拼写：" + ", ".join(spelling) + "。", fix=True)
        if errors:
            # each rule after the student's own words ("you wrote 'no need return'"), so that
            # the rule's example is not read as a quote of the reply (brief 22e)
            quoted = [(f"'{p}': {en}" if p != "lower case" else en,
                       f"“{p}”：{zh}" if p != "lower case" else zh) for p, en, zh in errors]
            kinds = list(dict.fromkeys(quoted))
            out.advise("Check your grammar: " + "; ".join(en for en, _ in kinds) + ".",
                       "检查语法：" + "；".join(zh for _, zh in kinds) + "。", fix=True)
        n = len(errors) + len(spelling) - (MINOR_TENSE in seen)  # a minor slip: no cap
        if n >= self.rubric.broken_errors:
            out.cap("broken_english", f"broken English ({n} errors)", f"英语错误较多（{n} 处）")
        elif n >= self.rubric.slip_errors:
            out.cap("many_slips", f"{n} language errors: the reader must guess at some of it",
                    f"{n} 处语言错误：读者需要猜测部分意思")
        elif n:
            what = "a language error" if n == 1 else f"{n} language errors"
            out.cap("weak_language", f"{what}: a reply with such slips is good, not excellent",
                    f"{n} 处语言错误：有这类错误的回复可以算不错，但不算优秀")
        if not out.missing:
            k = len(sentences(reply.body))
            out.found.append(Said(f"{k} sentences, no frequent errors found",
                                  f"{k} 个句子，未发现常见错误"))


def _error_hits(reply) -> list[tuple]:
    """(start, end, order, phrase, rule, en, zh) of each learner error in the body's flat
    text: the list of frequent errors (patterns.ERRORS) and the grammar rules over the lexicon
    (course.writing.grammar_check, briefs 22gr and 22gm), a rule of both counted as one kind."""
    from course.writing import grammar, grammar_check

    text = reply.flat_body
    prepared = prepare(text)  # read once for every pattern (course.writing.prefilter)
    hits = [(m.start(), m.end(), i, m.group(0), grammar.rule_of(en), en, zh)
            for i, (rx, en, zh) in enumerate(P.ERRORS_RX)
            for m in scan(rx).finditer(text, prepared)]
    # the rules read the body's lines (a heading or a list item is not a sentence); each slip
    # is placed in the flat text, where the list's errors are found
    for slip in grammar_check.check(reply.body):
        at = _flat_at(reply.body, slip.start)
        hits.append((at, at + len(" ".join(slip.phrase.split())), len(P.ERRORS_RX),
                     " ".join(slip.phrase.split()), slip.kind, slip.en, slip.zh))
    return hits + _shipped_in_present(reply)


# "we ship it", "it ships", "we send your order" ... in the present (no will, can, if: a promise
# or a condition is no past act)
_SHIP_PRESENT = re.compile(r"\b(?:(?:we|i)\s+(?:ship|send|post|dispatch)|(?:it|the parcel|your "
                           r"(?:order|parcel|package))\s+(?:ships|goes out))\b", re.I)
_NOT_PAST = re.compile(r"\b(?:will|'ll|can|could|if|when|once|usually|always|every|normally|"
                       r"within|by|before|after|until)\b", re.I)


# its rule: a minor slip (the teacher's word): it costs its language points but counts toward
# no cap (weak_language, many_slips), so a good reply stays good
MINOR_TENSE = "ship_date_tense"


def _shipped_in_present(reply) -> list[tuple]:
    """The ship date (a task's ``ship_date``: the day the parcel WAS shipped) stated with the
    present ("We ship it on 23 March": "It was shipped on 23 March"), brief 22sl, the
    eighteenth teacher reader (a minor slip): a past_time hit. A promise, a condition or a habit
    in the clause ("we will ship it", "we usually ship within 2 days") is left alone."""
    from course.writing import grammar

    fact = reply.facts.get("ship_date")
    if not fact:
        return []
    kind = FACT_KINDS["ship_date"].kind
    text = reply.flat_body
    days = kind.parse(fact, reply.facts)
    for found in kind.find(text, reply.facts):
        if not kind.same(found.value, days):
            continue
        before = max(0, found.start - 60)
        head = re.split(r"[,;.!?]\s", text[before:found.start])[-1]
        at = found.start - len(head)  # where the clause before the date starts
        m = _SHIP_PRESENT.search(head)
        if m and not _NOT_PAST.search(head[:m.start()] + head[m.end():]):
            en, zh = grammar.MESSAGES["past_time"]
            return [(at + m.start(), at + m.end(), len(P.ERRORS_RX), m.group(0), MINOR_TENSE,
                     en, zh)]
    return []
    text = reply.flat_body
    days = kind.parse(fact, reply.facts)
    for found in kind.find(text, reply.facts):
        if not kind.same(found.value, days):
            continue
        clause = clause_around(text, found.start) + " " + text[max(0, found.start - 60):found.start]
        head = re.split(r"[,;.!?]\s", text[max(0, found.start - 60):found.start])[-1]
        m = _SHIP_PRESENT.search(head)
        if m and not _NOT_PAST.search(head[:m.start()] + head[m.end():]) and clause:
            en, zh = grammar.MESSAGES["past_time"]
            at = text.find(head) + m.start()
            return [(at, at + len(m.group(0)), len(P.ERRORS_RX), m.group(0), "past_time", en, zh)]
    return []


def _flat_at(body: str, i: int) -> int:
    """Where body[i] (the start of a word) is in " ".join(body.split())."""
    before = " ".join(body[:i].split())
    return len(before) + (1 if before else 0)


def _run_on_greeting(reply) -> bool:
    """True when the body goes on in the greeting's line ("Dear Ryan, thank you for ...")."""
    at = reply.text.find(reply.greeting) if reply.greeting else -1
    return at >= 0 and bool(reply.text[at + len(reply.greeting):].split("\n", 1)[0].strip())
