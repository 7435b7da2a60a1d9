"""Reviewing a learner's English reply to a buyer on a rubric a teacher can read (SYLLABUS L7/L8).

Five criteria, 100 points: content 30 (the facts and moves the situation needs, stated right,
and the right decision), relevance 15 (it answers this buyer), tone 20 (polite, no blame,
commands or sarcasm; an apology where due), language 20 (English sentences, spelling, frequent
learner errors), structure 15 (greeting, thanks, a next step with a time, a closing, the
length as advice). Caps keep the score honest: a wrong fact, a wrong decision, asking again
for what the buyer gave, no answer, blame, a keyword list, a reply not in English. Every
number is in course.writing.rubric.RUBRIC; the situations are one table in
course.writing.situations; one scorer per criterion in course.writing.scorers. The review is
a helper; the teacher decides.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field

from course.errors import InputError
from course.writing.rubric import RUBRIC
from course.writing.situations import BY_NAME, NAMES, check_table
from course.writing.text import Fix, missing_groups

check_table()  # the situation table is sound (its patterns compile...): once, here


def one_of(value, valid, what: str) -> str:
    """``value`` as one of ``valid`` (case-insensitive), else a clear error with a suggestion."""
    import difflib

    valid = list(valid)
    if isinstance(value, str):
        for v in valid:
            if value.strip().lower() == v.lower():
                return v
    close = difflib.get_close_matches(str(value), valid, n=1, cutoff=0.6)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    raise InputError(f"Unknown {what} {value!r}.{hint} Expected one of: {', '.join(valid)}.")


SITUATIONS = NAMES
REVIEW_SITUATIONS = NAMES  # the draft situations and the three letter tasks
APOLOGY_DUE = {s.name for s in BY_NAME.values() if s.apology_due}
WEIGHTS = dict(RUBRIC.weights)
CAPS = dict(RUBRIC.caps)
HELPER_NOTE = {
    "en": "This review is a helper's reading of your reply; your teacher decides the mark.",
    "zh": "本评语只是辅助工具的参考，最终成绩由老师决定。",
}
LABELS = {
    "content": ("Content: facts and solution", "内容：关键信息与方案"),
    "relevance": ("Relevance: answers the buyer", "切题：回答买家的问题"),
    "tone": ("Tone: polite, no blame", "语气：礼貌、不指责"),
    "language": ("Language: sentences, spelling, grammar", "语言：完整句子、拼写、语法"),
    "structure": ("Structure: greeting, thanks, next step, closing", "结构：问候、致谢、下一步、结尾"),
}


def listed(lines, sep: str = "; ") -> str:
    """``lines`` joined by ``sep``, a line's own closing comma or colon dropped before it: the
    greeting "Hi Emily," is listed as "greeting: Hi Emily; thanks: ..." (brief 22b, the 28v
    reader: "Hi Emily,;")."""
    lines = [str(line) for line in lines]
    return sep.join(line.rstrip(",;:，；：") if i < len(lines) - 1 else line
                    for i, line in enumerate(lines))


@dataclass(frozen=True)
class Criterion:
    """One rubric line: points out of ``max_points``, what was found and missing, advice en/zh."""

    name: str
    label: dict
    points: int
    max_points: int
    found: tuple = ()
    missing: tuple = ()
    advice: dict | None = None

    @property
    def passed(self) -> bool:
        """True when the criterion earned at least 70% of its points."""
        return self.points >= RUBRIC.pass_share * self.max_points

    @property
    def applicable(self) -> bool:
        return True

    @property
    def evidence(self) -> str:
        """What was found, as one line."""
        return listed(self.found)


@dataclass(frozen=True)
class ReplyReview:
    """The review of one reply: ``score`` 0-100, five ``criteria``, ``flagged``, ``advice``."""

    situation: str
    score: int
    criteria: tuple
    flagged: tuple
    advice: tuple
    caps: tuple = ()
    note: dict = field(default_factory=lambda: dict(HELPER_NOTE))

    @property
    def passed(self) -> bool:
        """True when every criterion passed."""
        return all(c.passed for c in self.criteria)

    def criterion(self, name: str) -> Criterion:
        """The criterion called ``name`` (content, relevance, tone, language, structure)."""
        for c in self.criteria:
            if c.name == name:
                return c
        raise InputError(f"No criterion {name!r}; the criteria are: "
                         f"{', '.join(c.name for c in self.criteria)}.")

    def to_dict(self) -> dict:
        """Score, points per criterion, caps and the advice, as plain data (for storage)."""
        return {"situation": self.situation, "score": self.score,
                "criteria": {c.name: {"points": c.points, "max": c.max_points,
                                      "found": list(c.found), "missing": list(c.missing)}
                             for c in self.criteria},
                "caps": [dict(c) for c in self.caps], "flagged": list(self.flagged),
                "advice": [dict(a) for a in self.advice], "note": dict(self.note)}

    def to_frame(self):
        """The rubric as a DataFrame (criterion, points, max, passed, found, missing, advice)."""
        import pandas as pd

        return pd.DataFrame(
            [(c.label["en"], c.points, c.max_points, c.passed, listed(c.found),
              listed(c.missing), c.advice["en"] if c.advice else "",
              c.advice["zh"] if c.advice else "") for c in self.criteria],
            columns=["criterion", "points", "max", "passed", "found", "missing", "advice",
                     "advice_zh"],
        )

    def __repr__(self) -> str:
        lines = [f"Reply review ({self.situation}): {self.score}/100"]
        for c in self.criteria:
            mark = "ok  " if c.passed else "MISS"
            lines.append(f"  [{mark}] {c.label['en']} / {c.label['zh']}: "
                         f"{c.points}/{c.max_points}")
            if c.found:
                lines.append(f"         found: {listed(c.found)}")
                lines.append(f"         已有：{listed(_zh(c.found), '；')}")
            for label, label_zh, said in missing_groups(c.missing):
                lines.append(f"         {label}: {listed(said)}")
                lines.append(f"         {label_zh}：{listed(_zh(said), '；')}")
        for cap in self.caps:
            lines.append(f"  Capped at {cap['cap']}: {cap['en']} / {cap['zh']}")
        if self.advice:
            lines.append("Advice / 建议:")
            for a in self.advice:
                lines.append(f"  - {a['en']}")
                lines.append(f"    {a['zh']}")
        lines.append(f"{self.note['en']} / {self.note['zh']}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        e = html.escape
        rows = []
        for c in self.criteria:
            mark = "✔" if c.passed else "✘"
            detail = ""
            if c.found:
                detail += (f"found: {e(listed(c.found))}<br>"
                           f"已有：{e(listed(_zh(c.found), '；'))}")
            for label, label_zh, said in missing_groups(c.missing):
                detail += ("<br>" if detail else "") + (
                    f"{label}: {e(listed(said))}<br>{label_zh}：{e(listed(_zh(said), '；'))}")
            rows.append(f"<tr><td>{mark}</td><td>{e(c.label['en'])} / {e(c.label['zh'])}</td>"
                        f"<td>{c.points}/{c.max_points}</td><td>{detail}</td></tr>")
        caps = "".join(f"<p>Capped at {cap['cap']}: {e(cap['en'])} / {e(cap['zh'])}</p>"
                       for cap in self.caps)
        advice = "".join(f"<li>{e(a['en'])}<br>{e(a['zh'])}</li>" for a in self.advice)
        # mathjax_ignore: a reply quoting two prices ($9 ... $12) is text, not inline maths
        # (typeset, it was one unbreakable line 1,500 px wide that scrolled sideways)
        return (f"<div class='crm-review mathjax_ignore'><p><b>Reply review ({e(self.situation)}): "
                f"{self.score}/100</b></p><table><tbody>{''.join(rows)}</tbody></table>{caps}"
                + (f"<p>Advice / 建议:</p><ul>{advice}</ul>" if advice else "")
                + f"<p><i>{e(self.note['en'])} / {e(self.note['zh'])}</i></p></div>")



# ------------------------------------------------------------------ the review
def _checked(text, situation, facts, buyer_message, words):
    situation = one_of(situation, NAMES, "situation")
    if not isinstance(text, str):
        raise InputError(f"review_reply: text must be the reply as a string; got "
                         f"{type(text).__name__}.")
    if not text.strip():
        raise InputError("review_reply: the reply is empty; write the reply text first.")
    if facts is None:
        facts = {}
    elif not isinstance(facts, dict):
        raise InputError("review_reply: facts must be a mapping such as {'order_id': '8012...', "
                         f"'carrier': 'DHL'}}; got {type(facts).__name__}.")
    if buyer_message is not None and not isinstance(buyer_message, str):
        raise InputError("review_reply: buyer_message must be the buyer's text; got "
                         f"{type(buyer_message).__name__}.")
    spec = BY_NAME[situation]
    if words is None:
        words = spec.words
    elif (not isinstance(words, (list, tuple)) or len(words) != 2
          or not all(isinstance(n, int) and n > 0 for n in words) or words[0] > words[1]):
        raise InputError(f"review_reply: words must be [fewest, most], e.g. [40, 160]; got "
                         f"{words!r}.")
    return spec, facts, words


def review_reply(text, situation, facts=None, buyer_message=None, words=None,
                 task_text=None) -> ReplyReview:
    """Review an English reply to a buyer on the course rubric; return a ``ReplyReview``.

    ``situation`` is one of ``REVIEW_SITUATIONS``; ``facts`` (optional) are the facts the
    writer had, as for ``draft_reply`` (order_id, ship_date, carrier, tracking_number,
    refund_amount...): every value the reply states is checked against them, in any usual form
    (``$8``, ``USD 8``, ``8 dollars``, ``8美元``; ``10 April``, ``April 10``, ``10/4``), and a
    value that contradicts them is a wrong fact. ``buyer_message`` (optional) is what the buyer
    wrote: asking again for what the buyer gave is a wrong decision. ``words`` (optional) is the
    task's [fewest, most] words; outside it the reply loses the length point, and a brief
    reply (under 1.25 times the fewest words, or 30 words) scores at most 80. ``task_text``
    (optional: a string or a list: the task's prompt, hints, rubric lines) with the buyer's
    message and the facts are the task's own text: a reply made mostly of it is the task
    pasted back, no reply (the ``pasted`` cap).

    The five criteria and their points, and every cap, are in ``course.writing.rubric.RUBRIC``.

    >>> r = review_reply("It is not our fault. Stop writing to us.", "logistics_delay")
    >>> r.score <= 35, r.flagged
    (True, ('not our fault', 'Stop writing'))
    >>> r.note["en"]
    "This review is a helper's reading of your reply; your teacher decides the mark."
    """
    from course.writing.reading import Reply
    from course.writing.scorers import CRITERIA

    spec, facts, words = _checked(text, situation, facts, buyer_message, words)
    reply = Reply(text, facts, buyer_message or "", words)
    criteria, caps, flagged, advice = [], [], [], []
    for scorer_class in CRITERIA:
        scorer = scorer_class(RUBRIC)
        s = scorer.score(reply, spec)
        points = max(0, min(scorer.weight, int(s.points)))
        c = Criterion(scorer.name, {"en": LABELS[scorer.name][0], "zh": LABELS[scorer.name][1]},
                      points, scorer.weight, tuple(s.found), tuple(s.missing))
        criteria.append(_with_advice(c))
        caps += s.caps
        flagged += s.flagged
        # a reply that accuses or blames the buyer (the tone cap) is told so first: it is what
        # a teacher names first (w03 Yara "you are fake buyer": brief 22cp)
        rude = scorer.name == "tone" and any(c["name"] == "tone" for c in s.caps)
        advice = [*s.advice, *advice] if rude else advice + list(s.advice)
    advice = _one_pressure_line(advice, reply)
    # a whole answer of a letter's length in its frame (greeting, closing) is a letter, not a
    # bare answer, though it lacks the thanks and a time (RUBRIC.letter_frame, brief 22rv)
    whole = criteria[0].points == criteria[0].max_points
    framed = [c.pop("framed", False) for c in caps]
    caps = [c for c, f in zip(caps, framed, strict=True) if not (f and whole)]
    caps = [_calm_blame(c, criteria[0]) for c in caps]
    pasted = _pasted(text, task_text, buyer_message, facts)
    if pasted:  # the advice on the pasted text (its greeting, its moves) would mislead
        caps += pasted
        # a letter in the task's words keeps its advice, told first to use its own (brief 22rf)
        advice = [_pasted_advice(pasted[0]["name"]), *advice] if pasted[0]["name"] == "borrowed" \
            else [_pasted_advice()]
    score = _completeness(criteria, caps)
    caps = [c for c in caps if c["name"] not in RUBRIC.form_caps or c["cap"] < score]
    for cap in caps:
        score = min(score, cap["cap"])
    caps = list({c["name"]: c for c in caps}.values())
    if pasted and pasted[0]["name"] == "pasted":  # the task's text earns no criterion
        criteria = [_unearned(c) for c in criteria]
    return ReplyReview(spec.name, int(max(0, min(100, score))), tuple(criteria),
                       tuple(dict.fromkeys(flagged)), tuple(_dedupe(advice)), tuple(caps))


# the wrong decisions that say what the tone's pressure line says: a push, fake scarcity, a
# threat (pressing for payment also says what to ask instead, and keeps its own line)
PRESSURE_DECISIONS = ("fake_urgency", "pushes_to_buy", "threatens")


def _one_pressure_line(advice: list, reply) -> list:
    """``advice`` with the pressure said once (brief 22b, the 28v reader: "Remove the pressure
    ..." and then "Do not do this: the reply pushes with pressure or scarcity ..." said
    one point twice): where the tone's line names pressure, the lines of the decisions in
    :data:`PRESSURE_DECISIONS` are left out and the words they found join its phrases (each
    such line carries its decision's name and words: content_scorer's ``decision``)."""
    from course.writing.text import Fix
    from course.writing.tone_scorer import tone_advice

    tone = next((a for a in advice if getattr(a, "phrases", ((), ()))[1]), None)
    if tone is None:
        return advice
    said = [a for a in advice if getattr(a, "decision", ("",))[0] in PRESSURE_DECISIONS]
    if not said:
        return advice
    others, pushes = tone.phrases
    for a in said:
        found = a.decision[1]
        if found and not any(found.lower() in p.lower() or p.lower() in found.lower()
                             for p in pushes):
            pushes = (*pushes, found)
    flat = reply.flat.lower()  # in the order the reply says them
    pushes = tuple(sorted(pushes, key=lambda p: flat.find(p.lower())))
    one = Fix(zip(("en", "zh"), tone_advice(others, pushes), strict=True))
    one.phrases = (others, pushes)
    return [one if a is tone else a for a in advice if all(a is not b for b in said)]


# the advice on a reply that is the task's text pasted back (its only advice; the role-play
# says the same of a pasted turn: course.exercises.kinds.roleplay, brief 22sl)
def _pasted_advice(name: str = "pasted") -> Fix:
    from course.writing.pasted import ADVICE, BORROWED

    return Fix(BORROWED if name == "borrowed" else ADVICE)


def _pasted(text, task_text, buyer_message, facts) -> list[dict]:
    """The pasted cap of a reply made mostly of the task's own text ([] when it is not);
    the review then gives its advice alone (pasted.ADVICE). A letter to the buyer that re-tells
    the task's instructions in their words (pasted.addressed), not mostly the buyer's message or
    the facts, is a weak reply in borrowed words: the ``borrowed`` cap (brief 22rf)."""
    from course.writing.pasted import addressed, pasted_share, task_sources

    run, share = RUBRIC.pasted_run, RUBRIC.pasted_share
    if pasted_share(text, task_sources(task_text, buyer_message, facts), run) < share:
        return []
    theirs = task_sources(None, buyer_message, facts)  # the buyer's words and the facts
    if addressed(text, (facts or {}).get("buyer_name", "")) and pasted_share(text, theirs, run) < share:
        return [{"cap": RUBRIC.caps["borrowed"], "name": "borrowed",
                 "en": "say it in your own words; this letter copies the task's wording",
                 "zh": "请用自己的话写；这封信照搬了题目的措辞"}]
    return [{"cap": RUBRIC.caps["pasted"], "name": "pasted",
             "en": "write your own reply to the buyer; this is the task's text",
             "zh": "请自己写给买家的回复；这是题目本身的文字"}]


def _completeness(criteria, caps) -> int:
    """The score: content plus the other criteria scaled by how complete the content is."""
    content = criteria[0]
    share = content.points / content.max_points if content.max_points else 1
    factor = RUBRIC.others_floor + (1 - RUBRIC.others_floor) * share
    others = sum(c.points for c in criteria[1:])
    if factor < 1:
        caps.append({"cap": 100, "name": "completeness",
                     "en": f"the content is {share:.0%} complete: the other criteria count "
                           f"{factor:.0%}", "zh": f"内容完成度 {share:.0%}：其他各项按 {factor:.0%} 计分"})
    return round(content.points + others * factor)


def _calm_blame(cap: dict, content: Criterion) -> dict:
    """The tone cap of a reply whose only fault of tone is blame, weighed against its content: a
    reply that does nearly the whole job and shifts the fault calmly fails at calm_blame, not at
    the tone cap of a rude or empty one (brief 22sn: sets 1-8 give such replies 38-55). It is
    still the tone cap (its name "tone"), at another height."""
    if not cap.pop("blame_only", False):
        return cap
    if content.points < RUBRIC.calm_blame_content * content.max_points:
        return cap
    return {"cap": RUBRIC.caps["calm_blame"], "name": "tone",
            "en": "the reply does the job but shifts the fault onto the buyer or someone else",
            "zh": "回复完成了任务，却把责任推给买家或他人"}


def _unearned(c: Criterion) -> Criterion:
    """A criterion of a reply that is the task's text pasted back: no points, so not shown as
    met (the 28v reader: a reply scored 0 showed a tick on every criterion), and no advice of
    its own (the review's one advice is to write a reply). What was found in the text stays
    listed. The class report counts the criteria the same way: writing.csv's points and the
    live page's "missed" read these points (course.exercises.kinds.written_work)."""
    import dataclasses

    return dataclasses.replace(c, points=0, advice=None)


def _zh(lines) -> list[str]:
    """The Chinese of each line of a review (a plain string is its own translation)."""
    return [getattr(line, "zh", line) for line in lines]


def _with_advice(c: Criterion) -> Criterion:
    if c.passed or not c.missing:
        return c
    import dataclasses

    en = f"{c.label['en']}: improve " + listed(c.missing) + "."
    zh = f"{c.label['zh']}：需改进：" + listed((getattr(m, "zh", m) for m in c.missing), "；") + "。"
    return dataclasses.replace(c, advice={"en": en, "zh": zh})


def _dedupe(items):
    seen, out = set(), []
    for a in items:
        if a["en"] not in seen:
            seen.add(a["en"])
            out.append(a)
    return out
