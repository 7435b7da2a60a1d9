"""Role-play: a scripted buyer conversation; each reply's moves choose the buyer's next turn.

The bank writes the conversation as a small graph (``turns``, from ``start``): each buyer turn
lists the moves a good reply makes (``expect``), a model reply (``model``) and branches on the
moves the learner's reply made (``next``); end turns say how it ended (good, neutral, bad).
The graph logic is :mod:`course.writing.dialogue` and the moves of a reply come from
:mod:`course.writing.moves` (the neutral package between engine and toolkit), imported when a
graph is checked or a reply graded, not when this module is imported. A response is the list of the learner's
replies, one per buyer turn; the debrief lists the moves made and missed per turn, the ending,
the model path and a score.
"""
from __future__ import annotations

from course.errors import DefinitionError
from course.exercises.kinds import written_work
from course.exercises.kinds.base import NOT_ATTEMPTED, Exercise, Invalid
from course.exercises.results import GradeResult, ItemResult
from course.messages import ui
from course.text import Bilingual, as_bilingual

TEXT = {"$ref": "#/$defs/text"}
SCHEMA = {
    "start": {"type": "string", "description": "the id of the first buyer turn"},
    "turns": {"type": "object", "minProperties": 2,
              "description": "turn id -> {buyer, expect, model, next} or {buyer, end}"},
    # situation, facts, pass_score and notes are shared with the reply kind's schema
}


def writing(module: str):
    """A course.writing module, imported on first use (not when the bank loads the kind)."""
    from course.writing import decisions, dialogue, moves

    return {"dialogue": dialogue, "moves": moves, "decisions": decisions}[module]


def _text(value) -> str:
    return value if isinstance(value, str) else as_bilingual(value).en


class RoleplayExercise(Exercise):
    """A conversation with a scripted buyer; branches follow the moves of each reply."""

    types = ("roleplay",)
    short = {"roleplay": "play"}
    widget_class = "course.exercises.widgets.writing:RoleplayWidget"
    # each reply the learner writes (read the buyer's turn, write 30-45 words at 12-15 words a
    # minute, read the review): 4 minutes a turn, counted on the conversation's longest path
    # (kinds.exercise_minutes); an estimate from the readers' reports, not a measurement.
    # ``minutes`` is a typical three-turn conversation, for a caller without the bank entry.
    minutes_per_turn = 4.0
    minutes = {"roleplay": 12.0}
    written = True
    writing_columns = written_work.roleplay_columns
    live_criteria = written_work.roleplay_criteria
    item_row_extra = written_work.roleplay_item
    views = {"print": "course.materials.printview:print_roleplay"}
    schema = SCHEMA
    # the badge; its feedback and widget texts are in course/catalogue/learner.json
    messages = {"type_roleplay": ("Role-play with a buyer", "与买家角色扮演")}

    def __init__(self, raw, **kw):
        super().__init__(raw, **kw)
        self.start = str(raw.get("start") or "")
        self.turns = {str(k): dict(v) if isinstance(v, dict) else v
                      for k, v in (raw.get("turns") or {}).items()}
        self.facts = dict(raw.get("facts") or {})
        self.situation = raw.get("situation")
        self.pass_score = int(raw.get("pass_score", 70))
        self.notes = as_bilingual(raw["notes"]) if raw.get("notes") else None
        self._paste_runs = None  # the task's own runs of words (_pasted), built on first use
        for turn in self.turns.values():
            if isinstance(turn, dict) and self.redacted and "model" not in turn \
                    and "end" not in turn:
                turn["model"] = ""  # the student copy carries no model replies
            if isinstance(turn, dict) and self.redacted and "expect" not in turn \
                    and "end" not in turn:
                turn["expect"] = ["-"]
        known = None if self.redacted else writing("moves").MOVES
        problems = writing("dialogue").check_graph(self.turns, self.start, known)
        if problems:
            field = problems[0].split(":")[0]
            raise DefinitionError(field if field in ("start", "turns") else "turns",
                                  "; ".join(problems))
        if not self.redacted:
            self.model_path = writing("dialogue").model_path(self.turns, self.start, self._moves)
            end = self.turns[self.model_path[-1]]
            if end.get("end") != "good":
                raise DefinitionError("turns", "the model replies must lead to a good end; "
                                               f"they end at {self.model_path[-1]!r}")
            if self.solution is None:
                self.solution = self._model_text()
        else:
            self.model_path = []

    def _moves(self, text) -> set:
        if self._pasted(text):  # the task's own text pasted back makes no move
            return set()
        return writing("moves").moves_in(text, self.facts, self.situation)

    def _pasted(self, text) -> bool:
        """Whether ``text`` is mostly the task's own text (its prompt, hints, the buyer's turns,
        the facts): no reply, as for a reply task (RUBRIC.caps['pasted'])."""
        from course.writing.pasted import addressed, pasted_share, runs, task_sources
        from course.writing.rubric import RUBRIC

        n, share = RUBRIC.pasted_run, RUBRIC.pasted_share
        if self._paste_runs is None:  # the task's runs of words, built once (brief 22sl)
            own = [t.en for t in (self.prompt, *self.hints) if t and t.en]
            theirs = [_text(t["buyer"]) for t in self.turns.values() if isinstance(t, dict)]
            self._paste_runs = (runs(task_sources(own + theirs, None, self.facts), n),
                                runs(task_sources(theirs, None, self.facts), n))
        if pasted_share(text, (), n, grams=self._paste_runs[0]) < share:
            return False
        # a turn written to the buyer in the prompt's words is a reply, read for its moves
        # ("Dear Sophie, we propose a local repair with a partial refund of $40. Do you
        # agree?"), unless it is mostly her own words (brief 22rf: pasted.addressed)
        return not (addressed(text, (self.facts or {}).get("buyer_name", ""))
                    and pasted_share(text, (), n, grams=self._paste_runs[1]) < share)

    @staticmethod
    def _pasted_line() -> Bilingual:
        from course.writing.pasted import ADVICE

        return Bilingual(ADVICE["en"], ADVICE["zh"])

    def _model_text(self) -> Bilingual:
        en, zh = [], []
        for tid in self.model_path:
            turn = self.turns[tid]
            en.append(f"Buyer: {_text(turn['buyer'])}")
            zh.append(f"买家：{_text(turn['buyer'])}")
            if "model" in turn:
                reply = _text(turn["model"]).strip()
                en.append(f"You: {reply}")
                zh.append(f"你：{reply}")
        return written_work.with_notes("\n\n".join(en), "\n\n".join(zh), self.notes)

    # -- the conversation (pure; the widget asks these) -------------------------------------
    def conversation(self, replies) -> dict:
        """Walk the graph with ``replies``: the transcript so far and the turn waiting."""
        return writing("dialogue").walk(self.turns, self.start, list(replies), self._moves)

    def buyer_text(self, turn_id: str) -> str:
        return _text(self.turns[turn_id]["buyer"])

    # -- grading ------------------------------------------------------------------------------
    def shape_problem(self, response) -> Bilingual | None:
        if response is None:
            return None
        ok = isinstance(response, list | tuple) and all(isinstance(r, str) for r in response)
        return None if ok else ui("rp_bad")

    def _parse(self, response):
        if response is None:
            return NOT_ATTEMPTED
        if isinstance(response, str):
            response = [response]
        if not isinstance(response, list | tuple) or not all(isinstance(r, str)
                                                             for r in response):
            raise Invalid(ui("rp_bad"))
        if not any(r.strip() for r in response):
            return NOT_ATTEMPTED
        if sum(len(r) for r in response) > 20000:
            raise Invalid(ui("too_long", n=1, limit=20000))
        return list(response)

    def _describe_moves(self, names) -> Bilingual:
        info = writing("moves").MOVES
        en = ", ".join(info.get(m, (m, m))[0] for m in names)
        zh = "、".join(info.get(m, (m, m))[1] for m in names)
        return Bilingual(en, zh)

    def _score(self, parsed) -> GradeResult:
        run = self.conversation(parsed)
        score = writing("dialogue").score_run(run)
        items = []
        pasted = [self._pasted(t["reply"]) for t in run["transcript"]]  # once a turn
        for i, t in enumerate(run["transcript"]):
            parts = []
            if t["made"]:
                m = self._describe_moves(t["made"])
                parts.append(Bilingual(ui("rp_made", moves=m.en).en, ui("rp_made", moves=m.zh).zh))
            if t["missed"]:
                m = self._describe_moves(t["missed"])
                parts.append(Bilingual(ui("rp_missed", moves=m.en).en,
                                       ui("rp_missed", moves=m.zh).zh))
            if pasted[i]:  # as a reply task says it (pasted.ADVICE, 22sl)
                parts.insert(0, self._pasted_line())
            fb = Bilingual(" · ".join(p.en for p in parts), " · ".join(p.zh for p in parts))
            items.append(ItemResult(i, ui("rp_turn", n=i + 1), t["made"] + t["missed"],
                                    t["made"], not t["missed"], True, feedback=fb))
        outcome = run["outcome"]
        outcome_text = ui(f"rp_outcome_{outcome}") if outcome else ui("rp_unfinished")
        end_fb = outcome_text if not run["finished"] else Bilingual(
            f"{outcome_text.en}: “{run['final']}”", f"{outcome_text.zh}：“{run['final']}”")
        end_fb = end_fb + self._what_you_did(run)
        items.append(ItemResult(len(items), ui("rp_end"), "good", outcome or "",
                                outcome == "good", run["finished"], feedback=end_fb))
        correct = run["finished"] and outcome == "good" and score >= self.pass_score
        key = "rp_pass" if correct else "rp_not_yet"
        # inside the summary sentence: "0/100, no ending yet: ..." (not a sentence of its own
        # after the comma, brief 28v)
        said = outcome_text if outcome else ui("rp_outcome_unfinished")
        head = Bilingual(ui(key, score=score, outcome=said.en, pass_score=self.pass_score).en,
                         ui(key, score=score, outcome=said.zh, pass_score=self.pass_score).zh)
        # a turn that is the task's text pasted back is said first: its moves were not read,
        # so the next step named below means nothing until it is a reply (brief 28v)
        if any(pasted):
            line = self._pasted_line()
            head = head + Bilingual("\n" + line.en, "\n" + line.zh)
        key = self._key_miss(run)
        if key is not None:
            n, names, avoid = key
            m = self._describe_moves(names)
            line = "rp_key_avoid" if avoid else "rp_key_miss"
            if names == ["wrong_decision"]:  # name the decision the reply took (brief 22d)
                m, line = self._describe_wrong(run["transcript"][n - 1]["reply"]), "rp_key_wrong"
            head = head + Bilingual("\n" + ui(line, n=n, moves=m.en).en,
                                    "\n" + ui(line, n=n, moves=m.zh).zh)
        return GradeResult(self.id, round(score / 100, 6), correct, True, items=tuple(items),
                           feedback=head, response=list(parsed))

    def _describe_wrong(self, reply: str) -> Bilingual:
        DECISIONS = writing("decisions").DECISIONS  # noqa: N806 (the table's own name)
        names = writing("moves").wrong_decisions(reply, self.situation, self.facts)
        return Bilingual("; ".join(DECISIONS[d].en for d in names),
                         "；".join(DECISIONS[d].zh for d in names))

    def _key_miss(self, run) -> tuple[int, list, bool] | None:
        """The one piece of advice for the summary line: (turn number, moves, to avoid?).

        In order of weight: a move to avoid (blaming caps the score at 40); then, on the
        earliest turn whose reply did not open the turn's first branch (the good path of the
        graph), the moves of that branch's condition the reply lacked (they decided what the
        buyer wrote next); else the first move missed on any turn. None when nothing is
        missed."""
        for n, t in enumerate(run["transcript"], 1):
            for avoid in ("blame", "wrong_decision"):
                if avoid in t["moves"]:
                    return n, [avoid], True
        for n, t in enumerate(run["transcript"], 1):
            branches = self.turns[t["turn"]].get("next") or []
            cond = branches[0].get("if") if branches else None
            cond = [] if cond is None else cond if isinstance(cond, list) else [cond]
            lacking = [m for m in cond if m not in t["moves"]]
            if lacking:
                return n, lacking, False
        for n, t in enumerate(run["transcript"], 1):
            if t["missed"]:
                return n, t["missed"][:1], False
        return None

    def _what_you_did(self, run) -> Bilingual:
        """The ending's second line, built only from the moves the learner's replies made."""
        made = list(dict.fromkeys(m for t in run["transcript"] for m in t["made"]))
        missed = [m for m in dict.fromkeys(m for t in run["transcript"] for m in t["missed"])
                  if m not in made]
        out = Bilingual("", "")
        if made:
            m = self._describe_moves(made)
            out = out + Bilingual("\n" + ui("rp_you_did", moves=m.en).en,
                                  "\n" + ui("rp_you_did", moves=m.zh).zh)
        else:
            nothing = ui("rp_nothing")
            out = out + Bilingual("\n" + nothing.en, "\n" + nothing.zh)
        if missed:
            m = self._describe_moves(missed)
            out = out + Bilingual("\n" + ui("rp_you_did_not", moves=m.en).en,
                                  "\n" + ui("rp_you_did_not", moves=m.zh).zh)
        return out

    def transcript(self, replies) -> list[dict]:
        """The conversation as stored for the teacher: buyer, reply, moves, per turn."""
        return self.conversation(replies)["transcript"]

    # -- instructor tools -----------------------------------------------------------------
    def redact(self, raw) -> dict:
        turns = {}
        for tid, turn in (raw.get("turns") or {}).items():
            turns[tid] = {k: v for k, v in turn.items() if k not in ("model", "expect")}
        out = {"start": raw.get("start"), "turns": turns}
        for k in ("situation", "facts", "pass_score"):
            if k in raw:
                out[k] = raw[k]
        return out

    @classmethod
    def key_texts(cls, raw) -> list:
        out = [t.get("model") for t in (raw.get("turns") or {}).values() if isinstance(t, dict)]
        out += written_work.note_texts(raw)
        return [_text(t) for t in out if t]

    def describe(self, response) -> str:
        if isinstance(response, list):
            return "\n---\n".join(str(r) for r in response)
        return super().describe(response)

    def item_label(self, item: ItemResult) -> str | None:
        return item.label.en
