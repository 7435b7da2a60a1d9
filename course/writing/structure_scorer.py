"""The structure criterion: a greeting, a body, a next step with a time and a closing, within
the situation's words (:class:`Structure`).
"""
from __future__ import annotations

import math
import re

import course.writing.patterns as P
from course.writing.content_scorer import _find_move
from course.writing.scorer_base import Scored, Scorer
from course.writing.situations import WAITS_FOR_ANSWER
from course.writing.text import Said, clause_around

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


# the chat apps a buyer writes on (the task's ``channel`` fact, W02's Ashley on WhatsApp): a chat
# message ends without a letter's "Best regards," (the twenty-third readers, brief 22d)
_CHAT = re.compile(r"\b(?:whats ?app|wechat|messenger|line|telegram|viber|signal|sms|chat)\b", re.I)


def _talk_invited(reply, situation) -> str:
    """Where the task asks the seller to invite the buyer to talk further (``invite_talk``: W06's
    Gulf buyer, "warm and unhurried"), the invitation is the next step: a deadline would hurry
    him (brief 22d, the twenty-third readers: the patient 97 was told "by Friday"). Its words, or
    ''."""
    return _find_move(situation.move("talk"), reply) if _asks_talk(reply, situation) else ""


def _said_by_content(reply, situation) -> bool:
    """Whether the content's own advice already asks for the next step: the invitation to talk
    where the task asks for it (not a deadline), or a move of the task that is the time itself
    ("Missing: when the real answer comes", "Missing: a next step with a time"): "Say what
    happens next and when" would say it again (the twenty-third readers, brief 22d)."""
    return _asks_talk(reply, situation) or bool({m.name for m in situation.moves} & _TIME_MOVES)


# the moves that are the next step's time (customer_situations, promotion_situations)
_TIME_MOVES = frozenset({"next", "when"})


def _asks_talk(reply, situation) -> bool:
    """Whether the task asks for an invitation to talk further (its content says so when it is
    missing: "Missing: invites the buyer to talk further")."""
    return bool(reply.facts.get("invite_talk")) and "talk" in {m.name for m in situation.moves}


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


def _whole_letter_length(n: int, low: int, high: int) -> tuple[tuple[str, str], str, str]:
    """A whole letter's length inside the task's range or just under it: (where it is, en and
    zh), the advice en and zh. Under the range it says by how much, plainly (brief 22b, the
    twenty-second reader: "39 words, just under this task's 40-150: good" read as a
    contradiction): "39 words: one under this task's 40-150; fine for a reply that does the
    job"."""
    if n >= low:
        return (("inside", f"在本题 {low}-{high} 个词之内"),
                f"Length: {n} words, inside this task's {low}-{high}: good; a little more detail "
                "would make a full letter.", f"长度：{n} 个词，在本题 {low}-{high} 个词之内：可以；"
                "再多一点细节会更完整。")
    short = low - n
    under = "one" if short == 1 else f"{short} words"
    return ((f"{under} under", f"比本题 {low}-{high} 个词少 {short} 个"),
            f"Length: {n} words: {under} under this task's {low}-{high}; fine for a reply that "
            "does the job, and a little more detail would make a full letter.",
            f"长度：{n} 个词，比本题 {low}-{high} 个词少 {short} 个；作为完成任务的回复可以，"
            "再多一点细节会更完整。")


class Structure(Scorer):
    """Greeting, thanks, a next step with a time, a closing; the length as advice."""

    name = "structure"

    def _far_under(self, n: int, low: int, out: Scored) -> None:
        """The caps of a reply far under the task's minimum: a few words, or a line or two."""
        if n < self.rubric.very_brief_share * low:  # a few words where a letter is asked
            out.cap("very_brief", f"a very brief reply ({n} words, under half the {low} the task "
                    "asks): a note, not yet a reply", f"回复过短（{n} 个词，不到本题最少词数 {low} 的一半）："
                    "只是便条，还不是回复")
        if n < self.rubric.short_note_share * low:  # a line or two: further from a reply
            out.cap("short_note", f"a short note ({n} words, under a third of the {low} the task "
                    "asks): far from a reply yet", f"只是一条短便条（{n} 个词，不到本题最少词数 {low} 的"
                    "三分之一）：离一封回复还很远")

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
                                           or _reply_asked_soon(reply, situation)
                                           or _talk_invited(reply, situation)])[0],
             "Say what happens next and when ('within 24 hours', 'by Friday').",
             "说明下一步及时间（例如 “within 24 hours”、“by Friday”）。", "下一步及时间"),
            ("closing", reply.closing, "End with a friendly closing such as 'Best regards,'.",
             "以友好的结束语收尾，例如 “Best regards,”。", "结尾"),
            ("length", length, f"Length: {n} words; this task asks for {low}-{high}.",
             f"长度：{n} 个词；本题要求 {low}-{high} 个词。", "长度")]
        if not situation.next_step:  # a greeting says no next step: nothing to ask for
            parts = [p for p in parts if p[0] != "next step with a time"]
            out.points += self.rubric.structure["next step"]
        # a chat message needs no closing: one it has is read, none is not asked (brief 22d)
        waived = {"closing"} if _CHAT.search(str(reply.facts.get("channel") or "")) and not (
            reply.closing) else set()
        brief = (self.rubric.brief_words if situation.short_ok  # a short letter is the task
                 else max(self.rubric.brief_factor * low, self.rubric.brief_words))
        self._far_under(n, low, out)
        self._few_words(reply, n, low, out)
        # a whole letter inside the task's range; a task that asks for a short letter (a
        # holding reply) counts its own range, not the brief_words floor (brief 22g)
        whole_from = math.ceil(self.rubric.whole_letter_share * (
            low if situation.short_ok else max(low, self.rubric.brief_words)))
        if (self.rubric.brief_whole_letter and whole_from <= n < brief
                and all(p[1] or p[0] in waived for p in parts[:-1])):
            # a whole letter inside the task's word range is not brief: it loses only the
            # length point (the "a short reply that does the job loses at most that")
            brief = 0
            where, en, zh = _whole_letter_length(n, low, high)
            parts[-1] = ("length", "", en, zh, "长度")
        if n < brief:
            self._brief(out, n, low, high, [p for p in parts[:-1] if not p[1] and p[0] not in waived])
        for name, evidence, en, zh, name_zh in parts:
            if name in waived:
                out.points += self.rubric.structure[name]
            elif evidence:
                out.points += self.rubric.structure[name.split(" with")[0]]
                # every part of a Chinese review in Chinese: "长度：58 个词" (brief 22b)
                said_zh = f"{n} 个词" if name == "length" else evidence.strip()
                out.found.append(Said(f"{name}: {evidence.strip()}", f"{name_zh}：{said_zh}"))
            elif name == "length" and brief == 0:  # within the range: what it lacks is detail
                out.missing.append(Said(f"a full letter's detail ({n} words, {where[0]} "
                                        f"{low}-{high})", f"完整信件的细节（{n} 个词，{where[1]}）"))
                out.advise(en, zh)
            else:
                out.missing.append(Said(name, name_zh))
                if not (name.startswith("next step") and _said_by_content(reply, situation)):
                    out.advise(en, zh)
        if parts[1][1]:
            self._thanks_form(reply, out)
        # a letter (not a brief note) signed with the writer's name is closed, even with no
        # closing phrase (round 8): it loses the closing's point, but it is no bare answer
        bare = [p for p in parts if p[0] != "length" and not p[1] and p[0] not in waived
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
