"""One scorer per criterion of the rubric: content, relevance, tone, language, structure.

Each scorer reads a :class:`course.writing.text.Reply` for one situation and returns a
:class:`Scored`: its points, what it found and missed (English with Chinese, ``Said``), advice
and the caps it brings. :data:`CRITERIA` lists them in the rubric's order; the numbers come
from :data:`course.writing.rubric.RUBRIC`.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import course.writing.patterns as P
from course.writing.decisions import ALWAYS, DECISIONS
from course.writing.rubric import RUBRIC
from course.writing.situations import WAITS_FOR_ANSWER
from course.writing.text import (
    Fix,
    Problem,
    Said,
    clause_around,
    half_list,
    negated,
    push_denied,
    sentence_at,
    sentences,
    vader,
)
from course.writing.values import FACT_KINDS


@dataclass
class Scored:
    """What one scorer gives: points, found and missing lines, advice, caps, flagged words."""

    points: int = 0
    found: list = field(default_factory=list)
    missing: list = field(default_factory=list)
    advice: list = field(default_factory=list)
    caps: list = field(default_factory=list)
    flagged: list = field(default_factory=list)

    def advise(self, en: str, zh: str, fix: bool = False) -> None:
        """Add a line of advice; ``fix``: it mends a problem found (:class:`text.Fix`)."""
        self.advice.append(Fix(en=en, zh=zh) if fix else {"en": en, "zh": zh})

    def cap(self, name: str, en: str, zh: str) -> None:
        self.caps.append({"cap": RUBRIC.caps[name], "name": name, "en": en, "zh": zh})


class Scorer:
    """A criterion's scorer; ``name`` is the criterion, ``RUBRIC.weights[name]`` its points."""

    name = ""

    def __init__(self, rubric=RUBRIC):
        self.rubric = rubric

    @property
    def weight(self) -> int:
        return self.rubric.weights[self.name]

    def score(self, reply, situation) -> Scored:
        raise NotImplementedError


# ------------------------------------------------------------------ content
def _find_move(move, reply) -> str:
    """The words of the reply that make ``move`` (a fact by value, a time or a phrase), or ''."""
    text = reply.statements
    if move.find == "time":
        m = P.TIME.search(text)
        return m.group(0) if m else ""
    if move.find.startswith("fact:"):
        # "a,b": either fact; "b+c": both together (a discount as two prices, brief 22g)
        fields = move.find[5:].split(",")
        stated_wrong = _stated_wrong(move, reply)
        for f in fields:
            parts = f.split("+")
            if all(p in reply.check.right for p in parts) and (len(parts) == 1
                                                              or not stated_wrong):
                return " / ".join(reply.check.right[p] for p in parts)
        fields = [f for f in fields if "+" not in f]
        if any(reply.facts.get(f) not in (None, "") for f in fields):
            return ""  # the task gives the value and the reply does not state it
        wrong = {w.said for w in reply.check.wrong}
        found = [f for f in FACT_KINDS[fields[0]].kind.find(text, reply.facts)
                 if f.text not in wrong]
        return found[0].text if found else ""
    # a wrong holiday date does not undo the wishes ("Happy Thanksgiving on 26 November!": the
    # day is named wrong on its own; the wishes are there, brief 22r)
    wrong = [w.said for w in reply.check.wrong if w.field != "holiday_date"]
    for m in re.finditer(move.find, text, re.I):
        # a phrase that states a wrong fact ("your 9 orders", "you have bought it twice" for
        # three times) does not make the move
        if not negated(text, m.start()) and not any(
                m.group(0) in w or w in clause_around(text, m.start()) for w in wrong):
            return m.group(0)
    return ""


def _pushes(reply, situation) -> bool:
    """Whether the reply pushes the customer (a pressure decision the situation rules out)."""
    return any(DECISIONS[name].find(reply) for name in ("fake_urgency", "pushes_to_buy")
               if name in tuple(situation.wrong) + ALWAYS)


# the words of a buyer's stated need ("I need to charge my phone about twice, and my bag must
# stay light"): what the reply's features can answer
_NEED_CLAUSE = re.compile(r"\b(?:i|we|my|our) (?:need|must|want|would like|have to|am going|"
                          r"will|plan)\b[^.?!]*|\b(?:must|should) (?:stay|be)\b[^.?!]*", re.I)
_NEED_SKIP = {"need", "must", "want", "would", "like", "have", "going", "will", "plan", "should",
              "stay", "about", "which", "buy", "phone", "your", "that", "this", "with"}
_NUMBER = {"one": "1", "once": "1", "two": "2", "twice": "2", "three": "3", "thrice": "3",
           "four": "4", "five": "5"}


def _need_words(reply) -> set[str]:
    """The words of the buyer's need clauses (their stems) and counts ("twice": "2")."""
    wants = set()
    for m in _NEED_CLAUSE.finditer(str(reply.buyer)):
        for w in re.findall(r"[a-z]+|\d+", m.group(0).lower()):
            if w in _NUMBER or w.isdigit():
                wants.add(_NUMBER.get(w, w))
            elif len(w) > 3 and w not in _NEED_SKIP:
                wants.add(w[:5])
    return wants


# what a product is said to be for: "For two phone charges and a light bag, ...", "a good
# power bank for two charges"
_FOR_PHRASE = re.compile(r"\bfor ((?:[\w-]+ ){0,3}[\w-]+)", re.I)


def _need_named_for(reply) -> str:
    """The buyer's need named in the buyer's own words as what the product is for: "For two
    phone charges and a light bag, the PowerGo Lite is best" links it to his need as "since you
    need" does (brief 22tn). The phrase names his need when it holds two of its words or counts
    ("two ... charges" for "charge my phone about twice"); a feature with one ("10000 mAh for
    many charges") or none ("for your question", "for 24 dollars") does not. The phrase, or ''."""
    wants = _need_words(reply)
    for m in _FOR_PHRASE.finditer(reply.statements):
        said = {_NUMBER.get(w, w) if (w in _NUMBER or w.isdigit()) else w[:5]
                for w in re.findall(r"[a-z]+|\d+", m.group(1).lower())
                if len(w) > 3 or w in _NUMBER or w.isdigit()}
        if len(wants & said) >= 2:
            return m.group(0)
    return ""


def _needs_said_back(reply) -> str:
    """The buyer's stated needs the reply answers with the product's features, when it answers
    two or more ("enough for 2 charges and it's light" for "charge my phone about twice, and my
    bag must stay light": the fifteenth teacher reader, brief 22pw); '' otherwise. A need is a
    word of the buyer's need clauses (its stem), or its count ("twice": 2)."""
    wants = _need_words(reply)
    said = {_NUMBER.get(w, w) if (w in _NUMBER or w.isdigit()) else w[:5]
            for w in re.findall(r"[a-z]+|\d+", reply.statements.lower())}
    # a count alone is no need answered (a price or a date may hold it)
    words = sorted(w for w in wants & said if not w.isdigit())
    return ", ".join(words) if len(words) >= 2 else ""


def _said_in_list(move, reply) -> bool:
    """True when a keyword list holds the words of ``move`` outside its sentences."""
    if not reply.keyword_list or move.find == "time" or move.find.startswith("fact:"):
        return False
    return any(not negated(reply.flat_body, m.start())
               for m in re.finditer(move.find, reply.flat_body, re.I))


def _made_up_amount(said: str, reply) -> bool:
    """True when a claim of another step is an amount where the task gives none (an invented
    price in a holding reply): it is made up, not another step's fact (brief 22r)."""
    from course.writing.situations import AMOUNT
    from course.writing.values import MONEY_FIELDS

    return bool(re.search(AMOUNT, said, re.I)) and not any(
        reply.facts.get(k) is not None for k in MONEY_FIELDS)


# what makes a bargaining reply personal: thanks, warmth, the buyer's own people or plans
_PERSONAL = re.compile(r"\b(?:family|families|relatives|children|friends?|gift|lovely|wonderful|"
                       r"welcome|glad|happy|pleasure|hope)\b", re.I)


def _cold(reply) -> bool:
    """True when a reply is bare figures: no thanks and nothing personal (brief 22r)."""
    return not P.THANKS.search(reply.flat_body) and not _PERSONAL.search(reply.flat_body)


class Content(Scorer):
    """The facts and moves the situation needs, stated right, and the right decision taken."""

    name = "content"

    def score(self, reply, situation):
        out = Scored()
        asks_again = DECISIONS["asks_again"]
        given = {"quantity": "quantity", "address": "destination"}
        skip = {given[g] for g in asks_again.given(reply.buyer, reply.facts) if g in given}
        got = total = 0
        made = set()
        # wrong decisions and wrong facts come first in the advice: they matter most
        got -= 2 * self._decisions(reply, situation, out)
        self._wrong_facts(reply, out)
        for move in situation.moves:
            if (move.name in skip or (move.only_with and reply.facts.get(move.only_with) is None)
                    or (move.unless and reply.facts.get(move.unless) is not None)):
                continue
            total += move.weight
            evidence = _find_move(move, reply) or (move.name == "need" and _need_named_for(reply))
            if evidence and move.name == "choice" and _pushes(reply, situation):
                evidence = ""  # a letter that pushes leaves no choice, whatever it says
            if evidence:
                got += move.weight
                made.add(move.name)
                out.found.append(Said(f"{move.en}: {evidence.strip()}",
                                      f"{move.zh}：{evidence.strip()}"))
            else:
                out.missing.append(Said(move.en, move.zh))
                # a move said in a keyword list is not made (no points), but the advice is to
                # write sentences, not that it is missing (issue 28, the fourteenth teacher
                # reader: "local repair ok?" told "Missing: asks about a local repair")
                # the need answered by the features the buyer asked for ("enough for 2
                # charges and it's light") is no missing link: no false advice, though the
                # points stay with the need said in words (brief 22pw: a 23-word note with two
                # slips would rise to 80 where the teacher gives 60, the length and grammar caps
                # being soft)
                if not _stated_wrong(move, reply) and not _said_in_list(move, reply) and not (
                        move.name == "need" and _needs_said_back(reply)):
                    out.advise(f"Missing: {move.en}.", f"缺少：{move.zh}。")
        if reply.facts.get("invite_talk") and "talk" not in made and _cold(reply):
            out.cap("cold", "bare figures where the task asks a patient, personal answer",
                    "任务要求耐心、有人情味的回复，回复却只有数字")
            out.advise("Write to the person: thank them, take up what they told you (their "
                       "family, their plans) and invite them to talk further.",
                       "写给这个人：感谢对方，回应对方说的事（家人、计划），并邀请继续沟通。")
        if situation.right and not made & set(situation.right):
            names = " / ".join(situation.move(r).en for r in situation.right)
            names_zh = " / ".join(situation.move(r).zh for r in situation.right)
            out.cap("no_decision", f"the reply does not take the decision: {names}",
                    f"回复没有做出应有的决定：{names_zh}")
        if situation.right and not made & set(situation.right) and self._wrong_choice(
                reply, situation):
            out.cap("wrong_choice", "the value the decision turns on is wrong (a size, a product "
                    "or an amount the facts do not give)", "决定所依据的数值是错的（尺码、商品或金额与事实不符）")
        if {"wrong_decision", "no_decision"} <= {c["name"] for c in out.caps}:
            out.cap("wrong_decision_only", "a wrong decision and none of the right ones",
                    "做了错误的决定，却没有做出任何正确的决定")
        if situation.first and situation.first not in made:
            first = situation.move(situation.first)
            out.cap("misses_first", f"the reply misses what the task asks first: {first.en}",
                    f"回复缺少任务首先要求的内容：{first.zh}")
        share = max(0, got) / total if total else 1
        out.points = round(self.weight * share)
        if share < self.rubric.no_content_share and total:
            out.cap("no_content", "the reply gives almost nothing the buyer needs",
                    "回复几乎没有提供买家需要的信息")
        self._padding(reply, situation, share, out)
        self._thin_note(reply, share, out)
        listed = [] if reply.telegraphic else half_list(reply.body)  # its own cap (22t16)
        if listed:  # the task's terms listed after a sentence (brief 22rv)
            quoted = ", ".join(listed)
            out.missing.append(Problem(f"a list of the task's words, not sentences: '{quoted}'",
                                    f"罗列任务中的词语，不是句子：“{quoted}”"))
            out.cap("half_list", "the task's words listed, not said to the buyer",
                    "只是罗列任务中的词语，没有真正对买家说出来")
            out.advise(f"Write the listed words as sentences to the buyer ('{quoted}' says nothing "
                       "yet): who does what, and when.",
                       f"把罗列的词语写成对买家说的完整句子（“{quoted}”还没有表达意思）：谁做什么、何时做。")
        return out

    def _thin_note(self, reply, share, out) -> None:
        """A note far under the task's fewest words that also leaves out a move the task asks
        for cannot pass (brief 22sn): "Hi Marek, got your message, answer in 3 days." A short
        note that makes every move is only brief (the structure's length point and the brief
        cap); a reply in another language is read by its own cap (not_english)."""
        if reply.english < self.rubric.english_share or reply.keyword_list:
            return
        low = reply.word_range[0]
        if share < self.rubric.thin_note_content and reply.words < self.rubric.thin_note_share * low:
            out.cap("thin_note", f"a short note ({reply.words} words, far under the {low} the "
                    "task asks) that leaves out part of what the buyer needs",
                    f"过短的便条（{reply.words} 个词，远少于本题要求的 {low} 个词），而且缺少买家需要的内容")
            # no advice line of its own: the moves it misses are each advised ("Missing: ...")
        elif share <= self.rubric.short_thin_content and reply.words < low:
            out.cap("short_thin", f"a note under the {low} words the task asks that leaves out "
                    "a good part of what the buyer needs",
                    f"便条少于本题要求的 {low} 个词，而且缺少买家需要的不少内容")

    @staticmethod
    def _wrong_choice(reply, situation) -> bool:
        """True when a value the reply states wrong is one its right decision turns on (size M
        where the chart gives L): a wrong decision in a polite reply, not a slip of a fact
        (brief 22rv: the teachers give such replies 30-42, 34 on average)."""
        fields = {f for r in situation.right for f in situation.move(r).find[5:].replace(
            "+", ",").split(",") if situation.move(r).find.startswith("fact:")}
        return any(w.field in fields for w in reply.check.wrong)

    def _padding(self, reply, situation, share, out) -> None:
        """A reply padded with service talk ("your satisfaction is our top priority"): filler
        sentences (a stock phrase, no number) make most of it, or sentences that state nothing
        of this buyer's case (round 8: no fact, number, time, apology or move of the task)
        make nearly all of it; with little content it is empty."""
        said = sentences(reply.flat_body)
        filler = [s for s in said if P.FILLER.search(s) and not re.search(r"\d", s)]
        words = sum(len(s.split()) for s in said) or 1
        if (len(filler) < self.rubric.padded_sentences
                or sum(len(s.split()) for s in filler) / words < self.rubric.padded_share):
            filler = _empty_sentences(reply, situation, said)
            if (len(filler) < self.rubric.empty_sentences
                    or sum(len(s.split()) for s in filler) / words < self.rubric.empty_share):
                return
        name = "padded_empty" if share < self.rubric.padded_content else "padded"
        out.missing.append(Problem(f"padding: {len(filler)} sentences of general service talk",
                                f"凑字：{len(filler)} 句泛泛的客套话"))
        out.cap(name, "most of the reply is general service talk, not this buyer's case",
                "回复大多是泛泛的客套话，没有针对这位买家的情况")
        # the reply's own empty sentences, not stock examples it never wrote (brief 22rv)
        quoted = ", ".join(f"'{s}'" for s in filler[:2])
        out.advise(f"Cut the general sentences ({quoted}) and give the buyer the facts and the "
                   "decision.", f"删去泛泛的句子（{quoted}），直接给出事实和决定。")

    def _decisions(self, reply, situation, out) -> int:
        n = 0
        for name in dict.fromkeys(tuple(situation.wrong) + ALWAYS):
            d = DECISIONS[name]
            if set(getattr(d, "covered_by", ())) & set(situation.wrong):
                continue  # the situation's own decision names it (brief 22r)
            evidence = d.find(reply)
            if not evidence:
                continue
            slip = getattr(d, "slip", False)  # a small slip costs no content points
            n += not slip
            out.flagged.append(evidence)
            kind_en, kind_zh = ("a slip", "小失误") if slip else ("a wrong decision", "错误的决定")
            # a decision found in more than one way names the way this reply took (brief 22rv2)
            d_en, d_zh = d.label(reply) if hasattr(d, "label") else (d.en, d.zh)
            out.missing.append(Problem(f"{kind_en}: {d_en} ('{evidence}')",
                                    f"{kind_zh}：{d_zh}（“{evidence}”）"))
            advice = getattr(d, "advice", lambda _r: None)(reply)
            en, zh = advice or (f"Change the decision: the reply {d.en}.", f"请修改决定：回复{d.zh}。")
            out.advise(en, zh, fix=True)
            out.cap(d.cap, f"{kind_en}: {d_en}", f"{kind_zh}：{d_zh}")
        return n

    def _wrong_facts(self, reply, out) -> None:
        from course.writing.facts import fact_label

        wrong = reply.check.wrong
        order = str(reply.facts.get("order_id") or "")
        for w in wrong:
            en, zh = fact_label(w.field)
            out.flagged.append(w.said)
            if w.field == "tracking_number" and (w.said == order or "order number" in w.expected):
                out.missing.append(Problem(f"a wrong fact: {w.said} is the order number, not a "
                                        f"tracking number ({w.expected})",
                                        f"错误信息：{w.said} 是订单号，不是运单号"))
            elif w.field == "recommended_product":  # another model (brief 22pw)
                out.missing.append(Problem(f"the wrong product for the buyer's need: '{w.said}' "
                                        f"(the one that fits is {w.expected})",
                                        f"不符合买家需求的商品：“{w.said}”（合适的是 {w.expected}）"))
                out.advise(f"You recommend '{w.said}', the wrong product for the buyer's need: "
                           f"the one that fits is {w.expected}.",
                           f"你推荐了“{w.said}”，不符合买家的需求：合适的是 {w.expected}。")
                continue
            else:
                out.missing.append(Problem(f"a wrong fact: '{w.said}' ({en.lower()} is "
                                        f"{w.expected})",
                                        f"错误信息：“{w.said}”（{zh}应为 {w.expected}）"))
            out.advise(f"Check your facts: you wrote '{w.said}', but {en.lower()} is "
                       f"{w.expected}. A wrong value misleads the buyer.",
                       f"核对信息：你写了“{w.said}”，但{zh}是 {w.expected}。错误的信息会误导买家。")
        if len(wrong) == 1:
            out.cap("wrong_fact", "a wrong fact misleads the buyer", "错误的信息会误导买家")
        elif wrong:
            out.cap("wrong_facts", f"{len(wrong)} wrong facts mislead the buyer",
                    f"{len(wrong)} 处错误信息会误导买家")


def _empty_sentences(reply, situation, said) -> list[str]:
    """The sentences of the body that state nothing of this buyer's case: no number, no value
    of the task's facts, no time, no apology and none of the situation's moves (round 8: padding
    found by what a sentence lacks, not by a list of stock phrases)."""
    if reply.keyword_list:
        return []
    values = [str(v).lower() for v in reply.facts.values()
              if isinstance(v, (str, int, float)) and len(str(v)) > 2]
    phrases = [m.find for m in situation.moves if not m.find.startswith("fact:")
               and m.find != "time"]
    return [s for s in said if not (
        re.search(r"\d", s) or any(v in s.lower() for v in values) or P.TIME.search(s)
        or P.APOLOGY.search(s) or any(re.search(rx, s, re.I) for rx in phrases))]


def _stated_wrong(move, reply) -> bool:
    """True when the move's fact is stated with a wrong value: the advice names it once, as
    wrong ("you wrote 25 March"), not also as missing (brief 22e); the criterion still lists
    the move as not made."""
    if not move.find.startswith("fact:"):
        return False
    fields = set(move.find[5:].replace("+", ",").split(","))
    return any(w.field in fields for w in reply.check.wrong)


# ------------------------------------------------------------------ relevance
class Relevance(Scorer):
    """It answers this buyer (not a sales pitch, not another situation's template)."""

    name = "relevance"

    def score(self, reply, situation):
        out = Scored(points=self.weight)
        text = reply.statements if reply.keyword_list else reply.flat_body
        own = list(dict.fromkeys(m.group(0) for m in re.finditer(situation.answers, text, re.I)))
        # a reply that states the value the situation's decision turns on (the product, the
        # amount, the size of the facts) answers the buyer in whatever words
        own = own or [e for e in (_find_move(situation.move(r), reply) for r in situation.right
                                  if situation.move(r).find.startswith("fact:")) if e][:1]
        # brief 22rc: a reply in other words than the task's makes one of its right decisions
        own = own or _about_task(reply, situation)
        pitches = [] if situation.pitch_ok else list(dict.fromkeys(
            m.group(0) for m in P.PITCH.finditer(reply.flat_body)))
        what = situation.name.replace("_", " ")
        self._other_case(reply, situation, out)
        if own:
            out.found.append(Said(f"answers the {what} question: {', '.join(own[:3])}",
                                  f"回答了买家的问题：{', '.join(own[:3])}"))
            if len(pitches) >= self.rubric.pitch_phrases:
                out.points -= self.rubric.pitch_penalty
                out.missing.append(Problem(f"a sales pitch in the answer: {', '.join(pitches)}",
                                        f"回复中夹带推销：{', '.join(pitches)}"))
            return out
        out.points = 0
        out.missing.append(Problem("does not answer the buyer's question", "没有回答买家的问题"))
        out.cap("no_answer", "the reply does not answer the buyer", "回复没有回答买家的问题")
        other = "" if any(c["name"] == "other_case" for c in out.caps) else _answers_other(
            reply, situation)
        if other:  # round 7: it does another case's job (a late-parcel reply to a tea buyer)
            out.cap("other_case", f"the reply is written for another case ({other})",
                    f"回复写给了别的情况（{other}）")
        out.advise("Answer what the buyer asked first; a reply for another situation or a sales "
                   "pitch is not an answer.", "先回答买家的问题；套用其他情况的模板或推销都不是回答。")
        return out


    def _other_case(self, reply, situation, out) -> None:
        """A reply written for another buyer or another step: it names only goods the task never
        names, or says what belongs to another step; an amount where the task gives none is
        made up."""
        from course.writing.situations import AMOUNT

        task = P.goods(" ".join(str(v) for v in reply.facts.values()) + " " + reply.buyer)
        said = P.goods(reply.flat)
        other = sorted(said - task) if (task and said and not said & task
                                        and not _names_task_goods(reply)) else []
        step = _claim(situation.not_now, reply.flat_body) if situation.not_now else None
        holiday = next((w.said for w in reply.check.wrong if w.field == "holiday"), "")
        if other or step or holiday:
            said = step.group(0) if step else ""
            why = (f"it is about {', '.join(other)}, not this buyer's goods" if other
                   else f"'{said}' belongs to another step of the order" if said
                   else f"'{holiday}' is another holiday")
            why_zh = (f"写的是{'、'.join(other)}，不是这位买家的商品" if other
                      else f"“{said}”属于订单的另一个阶段" if said else f"“{holiday}”是另一个节日")
            out.points = 0
            out.flagged.append(", ".join(other) or said or holiday)
            if not other and said and _made_up_amount(said, reply):  # brief 22r: Siti's "$3"
                out.missing.append(Problem(f"an amount the facts do not give: '{said}' (made up)",
                                        f"事实中没有的金额：“{said}”（编造的）"))
                out.cap("other_case", f"an amount the task does not give is made up ('{said}')",
                        f"任务没有给出的金额是编造的（“{said}”）")
                out.advise("Give only the facts you have: a price the task does not give is made "
                           "up; say when you will answer instead.",
                           "只写你掌握的事实：任务没有给出的价格是编造的；请说明何时答复。")
                return
            out.missing.append(Problem(f"written for another buyer or case: {why}",
                                    f"写给了别的买家或别的情况：{why_zh}"))
            out.cap("other_case", f"the reply is written for another buyer or case: {why}",
                    f"回复写给了别的买家或别的情况：{why_zh}")
            out.advise("Answer this buyer's case: check the buyer's message and the facts "
                       "before you reuse a reply.", "回答这位买家的情况：套用回复前先核对买家的来信和事实。")
        made_up = next((m for m in re.finditer(AMOUNT, reply.flat_body, re.I)
                        if _MONEY_BACK.search(sentence_at(reply.flat_body, m.start()))
                        and not _GIFT.search(sentence_at(reply.flat_body, m.start()))),
                       None) if situation.no_amounts else None
        if made_up:
            out.flagged.append(made_up.group(0))
            out.missing.append(Problem(f"an amount the facts do not give: '{made_up.group(0)}'",
                                    f"事实中没有的金额：“{made_up.group(0)}”"))
            out.cap("wrong_fact", "an amount the task does not give is made up",
                    "任务没有给出的金额是编造的")


def _about_task(reply, situation) -> list:
    """The words that show a reply is about this task though it uses none of the situation's
    own words: one of its right decisions made in other words ("I asked our factory for the
    test report" asks the factory), affirmed, not said as a condition ("before we ask the
    factory"), not in a stock phrase; a next step with a time is in every kind of letter
    (brief 22rc)."""
    for name in situation.right:
        move = situation.move(name)
        if move.find == "time" or move.find.startswith("fact:"):
            continue
        said = _find_move(move, reply)
        made = said and _claim(re.escape(said), reply.statements)
        if made and not P.FILLER.search(sentence_at(reply.statements, made.start())):
            return [said]  # a stock phrase of service talk is no decision ("our relationship")
    return []


def _answers_other(reply, situation) -> str:
    """The name (with spaces) of another situation whose job a reply that does not answer this
    buyer does: its own words and at least half of its moves, a right decision and a value of
    that case among them (a late-parcel reply with carrier, tracking number and resend sent to a
    tea buyer), else ''. Next steps with a time are left out (every kind of letter has them),
    and so are cases whose moves are words alone: service talk makes those (wishes, an offer)."""
    from course.writing.situations import SITUATIONS

    text = reply.statements
    best = (0.5, "")
    for other in SITUATIONS:
        if other.name == situation.name or not re.search(other.answers, text, re.I):
            continue
        moves = [m for m in other.moves if m.find != "time" and not m.only_with
                 and not m.unless]
        made = {m.name for m in moves if _find_move(m, reply)}
        weight = sum(m.weight for m in moves if m.name in made)
        share = weight / sum(m.weight for m in moves)
        if (any(m.find.startswith("fact:") for m in moves if m.name in made)
                and made & set(other.right) and share >= best[0]):
            best = (share, other.name.replace("_", " "))
    return best[1]


# an amount stated as money back or a price is a fact; a coupon or a gift is an offer
_MONEY_BACK = re.compile(r"\b(refund\w*|price|cost\w*|paid|pay|back|total|each)\b", re.I)
_GIFT = re.compile(r"\b(coupon|voucher|discount|gift)\b", re.I)
# a claim said as a condition ("once you have paid", "if it was shipped") claims nothing
_CONDITION = re.compile(r"\b(?:if|once|when|after|as soon as|until|unless|whether)\b", re.I)


def _claim(rx: str, text: str):
    """The first match of ``rx`` in ``text`` that is affirmed, not a condition, else None."""
    from course.writing.text import negated

    for m in re.finditer(rx, text, re.I):
        sentence = sentence_at(text, m.start())
        head = sentence[:max(0, sentence.find(m.group(0)))]
        if not negated(text, m.start()) and not _CONDITION.search(head):
            return m
    return None


def _names_task_goods(reply) -> bool:
    """True when the reply names one of the task's goods by its own words ("the PowerGo Lite",
    a brand the noun list does not hold)."""
    words = {w.lower() for f in ("product", "recommended_product", "last_product", "items")
             for w in re.findall(r"[A-Za-z]{4,}", str(reply.facts.get(f) or ""))}
    return bool(words & {w.lower() for w in re.findall(r"[A-Za-z]{4,}", reply.flat)})


# ------------------------------------------------------------------ tone
_APOLOGY_ZH = re.compile(r"抱歉|对不起|道歉")
_PUSHES = ("pressure", "command")  # the tone kinds that press the buyer to act


class Tone(Scorer):
    """Polite, no blame, commands or sarcasm, not cold; an apology where one is due."""

    name = "tone"

    def score(self, reply, situation):
        out = Scored(points=self.weight)
        hits = self._hits(reply.flat)
        for kind, phrase in hits:
            out.flagged.append(phrase)
            out.missing.append(Problem(f"{_KIND_EN.get(kind, kind)}: '{phrase}'",
                                       f"{_KIND_ZH[kind]}：“{phrase}”"))
        # a sentence that does what the task asks is not cold (brief 22rc: the opt-out line "If
        # you would rather not get messages like this, simply reply no and I will stop")
        asked = [m.find for m in situation.moves if m.find != "time" and not m.find.startswith("fact:")]
        cold = [s for s in sentences(reply.flat_body) if not P.EMPATHY.search(s)
                and _may_be_cold(s) and not any(re.search(rx, s, re.I) for rx in asked)
                and vader().polarity_scores(s)["compound"] <= self.rubric.cold_compound]
        if cold:
            quoted = " / ".join(f"'{s}'" for s in cold)
            out.missing.append(Problem(f"a cold, negative sentence: {quoted}",
                                    f"冷漠、消极的句子：{quoted}"))
        if hits or len(cold) >= 2:
            out.points = 0
            self._cap_and_advise(out, hits, cold)
        elif cold:
            out.points -= self.rubric.cold_sentence
        self._apology(reply, situation, out)
        if not hits and re.search(r"\bplease\b|\bcould you\b|\bwould you\b|\bmay i\b", reply.flat,
                                  re.I):
            out.found.append(Said("polite requests", "礼貌的请求"))
        if not out.missing:
            out.found.append(Said("friendly, no blame", "友好，没有指责"))
        return out

    @staticmethod
    def _cap_and_advise(out, hits, cold) -> None:
        """The tone cap and its advice, named by what was found: pressure (fake scarcity, a
        deadline, a threat) is named so, not "a blaming, commanding or cold phrase" (brief 22sl,
        the eighteenth student reader: "only 3 left"); the other kinds keep one label."""
        pushes = [p for k, p in hits if k == "pressure"]
        others = [p for k, p in hits if k != "pressure"] or ([] if hits else cold)
        en_cap, zh_cap, en_do, zh_do = [], [], [], []
        if others:
            en_cap.append("blaming, commanding, sarcastic or cold phrases")
            zh_cap.append("有指责、命令、讽刺或冷漠的说法")
            en_do.append("Remove the blaming, commanding or cold phrases ("
                         + ", ".join(f"'{p}'" for p in others) + "). Stand in the buyer's shoes.")
            zh_do.append("删去指责、命令或冷漠的说法（" + "、".join(f"“{p}”" for p in others)
                         + "），站在买家的角度说话。")
        if pushes:
            en_cap.append("pressure on the buyer (fake scarcity, a deadline or a threat)")
            zh_cap.append("向买家施压（虚假稀缺、催促期限或威胁）")
            en_do.append("Remove the pressure (" + ", ".join(f"'{p}'" for p in pushes)
                         + "): stock running out, a deadline or a threat the buyer has no reason "
                           "to believe pushes them. Give the real facts and leave the choice to "
                           "the buyer.")
            zh_do.append("删去施压的说法（" + "、".join(f"“{p}”" for p in pushes)
                         + "）：没有根据的“库存不多”、催促期限或威胁是在逼买家。请给出真实信息，"
                           "让买家自己决定。")
        out.cap("tone", "; ".join(en_cap), "；".join(zh_cap))
        # blame alone (no command, pressure, sarcasm or refusal): the review weighs it
        # against the content (RUBRIC.caps["calm_blame"], brief 22sn)
        out.caps[-1]["blame_only"] = bool(hits) and all(k == "blame" for k, _ in hits)
        out.advise(" ".join(en_do), " ".join(zh_do), fix=True)

    @staticmethod
    def _hits(flat: str) -> list[tuple[str, str]]:
        spans = []
        for kind, rx in P.TONE:
            for m in rx.finditer(flat):
                # a push taken back ("No need to decide now.", brief 22s) presses no one
                if kind in _PUSHES and push_denied(flat, m.start()):
                    continue
                a = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" .!?"))
                spans.append((a, m.end(), kind))
        kept = []
        for a, b, kind in sorted(spans, key=lambda t: (-(t[1] - t[0]), t[0])):
            if not any(a < y and x < b for x, y, _ in kept):
                kept.append((a, b, kind))
        return list(dict.fromkeys((kind, flat[a:b].strip(" .!?")) for a, b, kind in sorted(kept)))

    def _apology(self, reply, situation, out) -> None:
        apology = P.APOLOGY.search(reply.flat_body) or _APOLOGY_ZH.search(reply.flat_body)
        # an apology is due where the situation calls for one, and where the task says a mail
        # of the customer's was never answered (the ``unanswered`` fact)
        if not (situation.apology_due or reply.facts.get("unanswered")):
            return
        if apology:
            out.found.append(Said(f"apology: {apology.group(0)}", f"致歉：{apology.group(0)}"))
            return
        out.points = max(0, out.points - self.rubric.apology_missing)
        if reply.facts.get("apologised") and not reply.facts.get("unanswered"):
            # a later reply of a chain: the full apology was made before (the task's
            # ``apologised`` fact, w08 Umar's second reply; brief 22cp): a line is enough
            out.missing.append(Said("a short 'sorry for the trouble'", "一句“抱歉给您添麻烦”"))
            out.advise("Add a short 'sorry for the trouble': the full apology was made in the "
                       "earlier reply, so one line is enough here.",
                       "加一句“sorry for the trouble”：完整的致歉在之前的回复里已经说过，"
                       "这里一句就够。")
            return
        out.missing.append(Said("an apology", "致歉"))
        if reply.words < self.rubric.very_brief_share * reply.word_range[0]:
            # a note that leaves out the apology is no answer to an unhappy buyer (brief 22q)
            out.cap("unsorry_note", "a very brief note with no apology where one is due",
                    "回复过短，而且在应当致歉时没有致歉")
        if reply.facts.get("unanswered"):  # a win-back letter that ignores the silence
            out.cap("unanswered", "no apology for the customer's mail that was never answered",
                    "没有为客户那封未获回复的邮件致歉")
        out.advise("Apologise: this situation calls for a sincere 'We are very sorry ...'.",
                   "这种情况需要真诚致歉，例如 “We are very sorry ...”。")


def _may_be_cold(sentence: str) -> bool:
    """True when VADER could find the sentence negative: it holds a negative word of the
    lexicon or a negation (which can turn a positive word). Saves the lexicon pass otherwise."""
    words = set(re.findall(r"[a-z']+", sentence.lower()))
    return bool(words & _negative_words()) or bool(words & _NEGATIONS)


_NEGATIONS = frozenset("not no never nothing nobody none nor cannot can't won't don't doesn't "
                       "didn't isn't aren't wasn't weren't without neither".split())


def _negative_words() -> frozenset:
    global _NEGATIVE
    if _NEGATIVE is None:
        _NEGATIVE = frozenset(w for w, v in vader().lexicon.items() if v < 0)
    return _NEGATIVE


_NEGATIVE = None
# what a tone problem is called where it is not its kind's own name (brief 22sl: "only 3
# left" is fake scarcity, a push to buy)
_KIND_EN = {"pressure": "pressure (fake scarcity, a deadline or a threat)"}
_KIND_ZH = {"blame": "指责", "pressure": "施压（虚假稀缺、催促期限或威胁）", "command": "命令", "sarcasm": "讽刺", "refusal": "生硬拒绝"}


# ------------------------------------------------------------------ language
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

    hits = [(m.start(), m.end(), i, m.group(0), grammar.rule_of(en), en, zh)
            for i, (rx, en, zh) in enumerate(P.ERRORS_RX) for m in rx.finditer(reply.flat_body)]
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


# ------------------------------------------------------------------ structure
_GREETING_ZH = re.compile(r"^\s*\S{0,12}(?:您好|你好)")


def _signed(text: str) -> bool:
    """True when the reply ends with the writer's name on a line of its own ("Lily", "Kevin
    Zhang"), after at least one line of body."""
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    return len(lines) >= 2 and bool(_SIGNATURE.fullmatch(lines[-1]))


_SIGNATURE = re.compile(r"(?-i:[A-Z])[a-z]+(?: (?-i:[A-Z])[a-z]+)?[.,]?")


_PAST = re.compile(r"\b(?:was|were|had|shipped|sent|posted|dispatched|left|ordered|paid|"
                   r"received|delivered|placed)\b", re.I)
_PROMISE = re.compile(r"\b(?:will|'ll|can|shall|going to|please)\b", re.I)


def _next_time(body: str):
    """The first time of the body that is not a past event: "it was shipped on 23 March" dates
    what happened, it says nothing of what happens next (brief 22rv, the eleventh teacher)."""
    for m in P.TIME.finditer(body):
        clause = clause_around(body, m.start())
        if not (_PAST.search(clause) and not _PROMISE.search(clause)):
            return m
    return None


def _offer_used(reply, situation) -> str:
    """An offer's next step is the customer's: how to use it, by its last day. A letter that
    states both says what happens next and when (issue 28, the eighteenth teacher reader: "The
    discount is automatic when you pay." with "until 1 December" needs no such advice; the last
    day alone is a deadline, not a next step). The words of how, or ''."""
    names = {m.name for m in situation.moves}
    if not {"how", "until"} <= names:
        return ""
    until = _find_move(situation.move("until"), reply)
    how = _find_move(situation.move("how"), reply) if until else ""
    return f"{how} ({until})" if how else ""


_SOON = re.compile(r"\b(?:soon|earliest|early|quick(?:ly)?|shortly|prompt(?:ly)?)\b", re.I)


def _reply_asked_soon(reply, situation) -> str:
    """Where the task asks for an early reply (a letter to win a buyer back), what happens next
    is the buyer's answer: the reply asked for soon is the next step with its time ("May we hear
    from you soon?", "at your earliest convenience"; brief 22tn). "We hope to hear from you" with
    no time is not. The words, or ''."""
    if "reply" not in {m.name for m in situation.moves}:
        return ""
    for m in re.finditer(situation.move("reply").find, reply.flat_body, re.I):
        sentence = clause_around(reply.flat_body, m.start())
        if _SOON.search(sentence) or P.TIME.search(sentence):
            return m.group(0)
    return ""


def _greeting_advice(reply) -> tuple[str, str]:
    """The greeting to open with, to this task's buyer (issue 28, the twentieth student reader:
    "such as 'Dear Emma,'" where the buyer is Lena); a task with no buyer's name gets none."""
    name = str(reply.facts.get("buyer_name") or "").strip()
    if not name:
        return ("Open with a greeting to the buyer, such as 'Dear' and their name.",
                "以问候开头，例如 “Dear” 加买家的名字。")
    return f"Open with a greeting such as 'Dear {name},'.", f"以问候开头，例如 “Dear {name},”。"


class Structure(Scorer):
    """Greeting, thanks, a next step with a time, a closing; the length as advice."""

    name = "structure"

    def score(self, reply, situation):
        out = Scored()
        low, high = reply.word_range
        n = reply.words
        length = f"{n} words" if low <= n <= high else ""
        parts = [
            ("greeting", reply.greeting or (_GREETING_ZH.match(reply.text) or [""])[0],
             *_greeting_advice(reply), "问候"),
            ("thanks", (P.THANKS.search(reply.flat_body + " " + reply.closing) or [""])[0],
             "Thank the buyer (for the order, the message or their patience).",
             "感谢买家（感谢下单、来信或耐心等待）。", "致谢"),
            ("next step with a time", (_next_time(reply.flat_body)
                                       or re.search(WAITS_FOR_ANSWER, reply.flat_body, re.I)
                                       or [_offer_used(reply, situation)
                                           or _reply_asked_soon(reply, situation)])[0],
             "Say what happens next and when ('within 24 hours', 'by Friday').",
             "说明下一步及时间（例如 “within 24 hours”、“by Friday”）。", "下一步及时间"),
            ("closing", reply.closing, "End with a friendly closing such as 'Best regards,'.",
             "以友好的结束语收尾，例如 “Best regards,”。", "结尾"),
            ("length", length, f"Length: {n} words; this task asks for {low}-{high}.",
             f"长度：{n} 个词；本题要求 {low}-{high} 个词。", "长度")]
        if not situation.next_step:  # a greeting says no next step: nothing to ask for
            parts = [p for p in parts if p[0] != "next step with a time"]
            out.points += self.rubric.structure["next step"]
        brief = (self.rubric.brief_words if situation.short_ok  # a short letter is the task
                 else max(self.rubric.brief_factor * low, self.rubric.brief_words))
        if n < self.rubric.very_brief_share * low:  # a few words where a letter is asked
            out.cap("very_brief", f"a very brief reply ({n} words, under half the {low} the task "
                    "asks): a note, not yet a reply", f"回复过短（{n} 个词，不到本题最少词数 {low} 的一半）："
                    "只是便条，还不是回复")
        if n < self.rubric.short_note_share * low:  # a line or two: further from a reply
            out.cap("short_note", f"a short note ({n} words, under a third of the {low} the task "
                    "asks): far from a reply yet", f"只是一条短便条（{n} 个词，不到本题最少词数 {low} 的"
                    "三分之一）：离一封回复还很远")
        self._few_words(reply, n, low, out)
        # a whole letter inside the task's range; a task that asks for a short letter (a
        # holding reply) counts its own range, not the brief_words floor (brief 22g)
        whole_from = math.ceil(self.rubric.whole_letter_share * (
            low if situation.short_ok else max(low, self.rubric.brief_words)))
        if (self.rubric.brief_whole_letter and whole_from <= n < brief
                and all(p[1] for p in parts[:-1])):
            # a whole letter inside the task's word range is not brief: it loses only the
            # length point (the "a short reply that does the job loses at most that")
            brief = 0
            where = (("inside", f"在本题 {low}-{high} 个词之内") if n >= low
                     else ("just under", f"略少于本题 {low}-{high} 个词"))
            parts[-1] = ("length", "", f"Length: {n} words, {where[0]} this task's {low}-{high}: "
                         "good; a little more detail would make a full letter.",
                         f"长度：{n} 个词，{where[1]}：可以；再多一点细节会更完整。",
                         "长度")
        if n < brief:
            self._brief(out, n, low, high, [p for p in parts[:-1] if not p[1]])
        for name, evidence, en, zh, name_zh in parts:
            if evidence:
                out.points += self.rubric.structure[name.split(" with")[0]]
                out.found.append(Said(f"{name}: {evidence.strip()}", f"{name_zh}：{evidence.strip()}"))
            elif name == "length" and brief == 0:  # within the range: what it lacks is detail
                out.missing.append(Said(f"a full letter's detail ({n} words, {where[0]} "
                                        f"{low}-{high})", f"完整信件的细节（{n} 个词，{where[1]}）"))
                out.advise(en, zh)
            else:
                out.missing.append(Said(name, name_zh))
                out.advise(en, zh)
        if parts[1][1]:
            self._thanks_form(reply, out)
        # a letter (not a brief note) signed with the writer's name is closed, even with no
        # closing phrase (round 8): it loses the closing's point, but it is no bare answer
        bare = [p for p in parts if p[0] != "length" and not p[1]
                and not (p[0] == "closing" and n >= brief and _signed(reply.text))]
        if len(bare) >= self.rubric.bare_parts:
            out.cap("bare_letter", f"an answer, not yet a letter: no "
                    f"{' or '.join(p[0] for p in bare)}",
                    "只是回答，还不是一封完整的信：缺少" + "、".join(p[-1] for p in bare))
            # framed by its greeting and closing, it is a letter: the review lifts the cap when
            # the content is whole (brief 22rv)
            out.caps[-1]["framed"] = n >= brief and not {p[0] for p in bare} & set(
                self.rubric.letter_frame)
        return out

    def _thanks_form(self, reply, out) -> None:
        """Thanks for a word that is not the noun ("Thank you for your patient": "patience")
        counts as thanks, not in full: a point off and the right words (brief 22sl, the
        eighteenth student reader). The slip itself is the language criterion's."""
        from course.writing import grammar, grammar_verbs

        lex = grammar.lexicon()
        m = _THANKS_FOR.search(reply.flat_body)
        if lex is None or m is None:
            return
        toks = grammar.tokens(reply.flat_body, m.start(), m.end())
        slips = grammar_verbs.noun_form(reply.flat_body, toks, lex)
        if slips:
            out.points -= 1
            out.missing.append(Said(f"thanks said in full ('{slips[0].phrase}': "
                                    f"{slips[0].en})", f"完整的致谢（“{slips[0].phrase}”："
                                                      f"{slips[0].zh}）"))

    def _few_words(self, reply, n, low, out) -> None:
        """A few words in English where a reply is asked ("Hi Farid, sorry. Refund. Lily": no
        amount, no time): not a reply yet, whatever moves its words name (issue 28). A reply in
        another language has its own cap (not_english) and words counted otherwise."""
        if n < self.rubric.few_words_share * low and reply.english >= self.rubric.english_share:
            out.cap("few_words", f"only {n} words where the task asks at least {low}: not a "
                    "reply yet", f"只有 {n} 个词，本题至少要求 {low} 个词：还不算一封回复")

    def _brief(self, out, n, low, high, lacking) -> None:
        """The brief cap, said truly: a reply under the task's range is brief; one inside it
        is short for want of a part of the letter (brief 22g: "brief" on a 44-word reply to a
        40-150-word task was false, and named nothing to add)."""
        points = self.rubric.length_points
        if n >= low and lacking:
            en_what = " or ".join(p[0] for p in lacking)
            zh_what = "、".join(p[-1] for p in lacking)
            # what is missing said plainly, not "short": the length is right (issue 28, the
            # twentieth student reader: "is it too short or not?")
            out.cap("brief", f"a letter with no {en_what} loses the {points} points of fullness "
                    f"({n} words, inside this task's {low}-{high}: long enough; what it lacks is "
                    f"the {en_what}): add it, and it can be excellent",
                    f"信中缺少{zh_what}，失去“完整度”的 {points} 分（{n} 个词，在本题 {low}-{high} "
                    f"个词之内：长度够了，缺的是{zh_what}）：补上它就可能优秀")
            return
        under = f"under this task's {low}" if n < low else f"under {self.rubric.brief_words}"
        under_zh = f"少于本题最少的 {low} 个词" if n < low else f"少于 {self.rubric.brief_words} 个词"
        out.cap("brief", f"a brief reply ({n} words, {under}) loses the {points} points of "
                "fullness: a short reply that does the job is good, a fuller letter can be "
                "excellent", f"回复较简短（{n} 个词，{under_zh}），失去“完整度”的 {points} 分："
                "简短而完成任务的回复算不错，完整的信才可能优秀")


# thanks and what it thanks for, up to the end of its phrase (Structure._thanks_form)
_THANKS_FOR = re.compile(r"\bthank(?:s| you)\b[^.!?,;]{0,30}?\bfor \w+ \w+(?:\s*[.!?,;]|$)",
                         re.I)

CRITERIA = (Content, Relevance, Tone, Language, Structure)
