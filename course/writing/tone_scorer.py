"""The tone criterion: polite, warm and calm, an apology where one is due, no blame, pressure,
command or sarcasm (:class:`Tone`).
"""
from __future__ import annotations

import re

import course.writing.patterns as P
from course.writing.prefilter import prepare, scan
from course.writing.scorer_base import Scored, Scorer
from course.writing.text import Problem, Said, push_denied, sentences, vader

_APOLOGY_ZH = re.compile(r"抱歉|对不起|道歉")
_PUSHES = ("pressure", "command")  # the tone kinds that press the buyer to act


class Tone(Scorer):
    """Polite, no blame, commands or sarcasm, not cold; an apology where one is due."""

    name = "tone"

    def score(self, reply, situation):
        out = Scored(points=self.weight)
        hits = self._hits(reply.flat)
        out.flagged.extend(phrase for _, phrase in hits)
        # one line a kind, naming its phrases: the label once (brief 22b, the 28v reader:
        # "pressure (...): 'only 3 left'; pressure (...): 'Last chance'")
        for kind in dict.fromkeys(kind for kind, _ in hits):
            said = [phrase for k, phrase in hits if k == kind]
            out.missing.append(Problem(f"{_KIND_EN.get(kind, kind)}: "
                                       + ", ".join(f"'{p}'" for p in said),
                                       f"{_KIND_ZH[kind]}：" + "、".join(f"“{p}”" for p in said)))
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
        elif not situation.waits and (opening := _refusal_first(reply.flat_body)):
            # a refusal as the first thing said, softened by "Sorry" (which keeps it from
            # reading cold): the buyer reads "no" before what the shop can do (the twenty-fourth
            # teacher reader, W03 Yara "Sorry, we can not send free sample of all model.": 84,
            # teacher 72; round 21, brief 22f)
            out.points -= self.rubric.cold_sentence
            out.missing.append(Problem(f"opens with a refusal: '{opening}'",
                                       f"开头就是拒绝：“{opening}”"))
            out.advise("Do not open with a refusal: say first what you can do, then what you "
                       "cannot.", "不要一开头就拒绝：先说能做什么，再说不能做什么。")
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
        en_cap, zh_cap = [], []
        if others:
            en_cap.append("blaming, commanding, sarcastic or cold phrases")
            zh_cap.append("有指责、命令、讽刺或冷漠的说法")
        if pushes:
            en_cap.append("pressure on the buyer (fake scarcity, a deadline or a threat)")
            zh_cap.append("向买家施压（虚假稀缺、催促期限或威胁）")
        out.cap("tone", "; ".join(en_cap), "；".join(zh_cap))
        # blame alone (no command, pressure, sarcasm or refusal): the review weighs it
        # against the content (RUBRIC.caps["calm_blame"], brief 22sn)
        out.caps[-1]["blame_only"] = bool(hits) and all(k == "blame" for k, _ in hits)
        out.advise(*tone_advice(others, pushes), fix=True)
        # the phrases it names: the review folds a wrong decision that says the same push
        # into this line (reviewer._one_pressure_line, brief 22b)
        out.advice[-1].phrases = (tuple(others), tuple(pushes))

    @staticmethod
    def _hits(flat: str) -> list[tuple[str, str]]:
        spans = []
        prepared = prepare(flat)  # read once for every pattern (course.writing.prefilter)
        for kind, rx in P.TONE:
            for m in scan(rx).finditer(flat, prepared):
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
        if reply.facts.get("apologised") and not reply.facts.get("unanswered"):
            # a later reply of a chain: the apology was made before (the task's ``apologised``
            # fact, w08 Umar's second reply): not asked again (the twenty-third student reader:
            # "Add a short 'sorry for the trouble'" on a reply that made the four moves the
            # task lists; brief 22d; it was a point and that line since brief 22cp)
            return
        out.points = max(0, out.points - self.rubric.apology_missing)
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


# a sentence that opens with a refusal of something the buyer asked, a "Sorry," before it or
# not: "We can not send ...", "Sorry, we cannot meet ...", "We don't give ..." (a holding reply's
# "we cannot give the price yet" is its job: not read there)
_REFUSAL = re.compile(r"^\W*(?:(?:we are |we're |i am |i'm )?(?:very |so |really )?sorry,?\s*(?:but )?)?"
                      r"(?:we|i) (?:can ?not|can't|can’t|won't|will not|do not|don't|are not able "
                      r"to|are unable to)(?: \w+)? (?:send|give|offer|provide|meet|accept|make|do)\b",
                      re.I)


# what the shop can do, said in the same sentence after the "no": "We cannot meet tomorrow, but
# we can have a video call", "... and we start with a sample order" (no bare refusal)
_OFFERED = re.compile(r"\b(?:but|and|instead)\b[^.!?]*?\b(?:we|you|i)\b (?:can|could|will|'ll|"
                      r"are (?:happy|glad)|would (?:be|like|love)|start|offer|suggest)\b", re.I)


def _refusal_first(body: str) -> str:
    """The body's first sentence (a thanks before it left aside) when it is a bare refusal
    (what the shop can do not said with it), or ''."""
    said = [s for s in sentences(body) if not P.THANKS.search(s)]
    m = _REFUSAL.search(said[0]) if said else None
    return said[0].strip() if m and not _OFFERED.search(said[0], m.end()) else ""


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
def tone_advice(others, pushes) -> tuple[str, str]:
    """The tone's advice (en, zh): remove the blaming, commanding or cold phrases ``others``
    and the pressure ``pushes``, each named once."""
    en_do, zh_do = [], []
    if others:
        en_do.append("Remove the blaming, commanding or cold phrases ("
                     + ", ".join(f"'{p}'" for p in others) + "). Stand in the buyer's shoes.")
        zh_do.append("删去指责、命令或冷漠的说法（" + "、".join(f"“{p}”" for p in others)
                     + "），站在买家的角度说话。")
    if pushes:
        en_do.append("Remove the pressure (" + ", ".join(f"'{p}'" for p in pushes)
                     + "): stock running out, a deadline or a threat the buyer has no reason "
                       "to believe pushes them. Give the real facts and leave the choice to "
                       "the buyer.")
        zh_do.append("删去施压的说法（" + "、".join(f"“{p}”" for p in pushes)
                     + "）：没有根据的“库存不多”、催促期限或威胁是在逼买家。请给出真实信息，"
                       "让买家自己决定。")
    return " ".join(en_do), " ".join(zh_do)


_KIND_EN = {"pressure": "pressure (fake scarcity, a deadline or a threat)"}
_KIND_ZH = {"blame": "指责", "pressure": "施压（虚假稀缺、催促期限或威胁）", "command": "命令", "sarcasm": "讽刺", "refusal": "生硬拒绝"}
