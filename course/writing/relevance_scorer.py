"""The relevance criterion: the reply answers this buyer's message and task, not another case or
another step of the shop (:class:`Relevance`).
"""
from __future__ import annotations

import re

import course.writing.patterns as P
from course.writing.content_scorer import _find_move, _made_up_amount
from course.writing.scorer_base import Scored, Scorer
from course.writing.text import Problem, Said, sentence_at


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
        what = what if what.endswith(" question") else f"{what} question"  # no "question question"
        self._other_case(reply, situation, out)
        if own:
            out.found.append(Said(f"answers the {what}: {', '.join(own[:3])}",
                                  f"回答了买家的问题：{', '.join(own[:3])}"))
            if len(pitches) >= self.rubric.pitch_phrases:
                out.points -= self.rubric.pitch_penalty
                out.missing.append(Problem(f"a sales pitch in the answer: {', '.join(pitches)}",
                                        f"回复中夹带推销：{', '.join(pitches)}"))
            return out
        out.points = 0
        if situation.waits:  # a holding reply: not the answer, the word that it is coming
            _not_holding(out)
        else:
            out.missing.append(Problem("does not answer the buyer's question", "没有回答买家的问题"))
            out.cap("no_answer", "the reply does not answer the buyer", "回复没有回答买家的问题")
        other = "" if any(c["name"] == "other_case" for c in out.caps) else _answers_other(
            reply, situation)
        if other:  # round 7: it does another case's job (a late-parcel reply to a tea buyer)
            out.cap("other_case", f"the reply is written for another case ({other})",
                    f"回复写给了别的情况（{other}）")
        if not situation.waits:
            out.advise("Answer what the buyer asked first; a reply for another situation or a "
                       "sales pitch is not an answer.", "先回答买家的问题；套用其他情况的模板或推销都不是回答。")
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
            said = made_up.group(0)
            out.cap("wrong_fact", f"an amount the task does not give is made up ('{said}')",
                    f"任务没有给出的金额是编造的（“{said}”）")
            # what to write instead (the twenty-fifth student reader: told only that '$6.50'
            # was made up, not what to say)
            out.advise(f"Do not name an amount the task does not give ('{said}'): say what you "
                       "will send or check, and when.",
                       f"不要写任务没有给出的金额（“{said}”）：说明你会发送或核实什么，以及什么时候。")


def _not_holding(out) -> None:
    """A holding reply that does not say the answer is coming: the same cap as a reply that does
    not answer, in the words of its task: not yet the answer, but received, checked, and when
    (round 21, brief 22f: "Answer what the buyer asked first" told a reply that answered too
    early to answer)."""
    out.missing.append(Problem("does not say the mail is received and when the answer comes",
                               "没有说明邮件已收到以及何时答复"))
    out.cap("no_answer", "the reply does not tell the buyer that the answer is coming",
            "回复没有告诉买家答复即将到来")
    out.advise("Do not give the answer yet: say the mail is received, that it is being checked, "
               "and when the full answer comes.", "先不要给出答复：说明邮件已收到、正在核实，以及何时给出完整答复。")


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
