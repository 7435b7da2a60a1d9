"""The print view of every built-in exercise kind: an HTML fragment for worksheets and exam
papers, with or without the key, and the key as a response the kind's own grader can check.

A kind names its view in ``views = {"print": "course.materials.printview:print_choice"}``;
``kinds.view(type, "print")`` imports it. A view is called ``view(exercise, ctx)`` with a
:class:`PrintContext` and returns a :class:`PrintedItem`. Options, right-hand items and items to
order are shown in an order seeded by the paper's form and the exercise id (form B differs from
form A where the item has more than one possible order; ``shuffle: false`` keeps the authored
order), so the printed letters of the key belong to that form only.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from course.materials.render import label, letter, render
from course.text import Bilingual, as_bilingual

#: Points of an item on an exam paper, by type; cloze and matching: per blank or pair, and an
#: ordering item scored per position: per position (the grader's partial credit, scaled).
POINTS = {"true_false": 1, "single_choice": 2, "multiple_choice": 3, "numeric": 2,
          "ordering": 1, "cloze": 1, "matching": 1, "reply": 10, "roleplay": 10}
PER_PART = {"cloze", "matching", "ordering"}


@dataclass(frozen=True)
class PrintContext:
    """How an item is printed: language, form ("A", "B" or "" for a worksheet), key shown."""

    lang: str = "en"
    form: str = ""
    key: bool = False
    number: int = 1


@dataclass
class PrintedItem:
    """One exercise as printed: the question, its key and marking scheme, and the key as a
    response in the grader's shape (what the key letters stand for)."""

    exercise_id: str
    type: str
    html: str
    key_html: str
    key_response: object
    points: int
    shown_order: list = field(default_factory=list)  # keys in the printed order (A, B, C...)
    short: str = ""  # the key in a few characters, for the key table


def form_order(keys: list, exercise_id: str, form: str, what: str, shuffle: bool = True) -> list:
    """``keys`` in the printed order of ``form`` (form B never equals form A when it can
    differ; a worksheet uses the seed "worksheet")."""
    if not shuffle or len(keys) < 2:
        return list(keys)

    def order(name: str) -> list:
        out = list(keys)
        random.Random(f"{name}:{exercise_id}:{what}").shuffle(out)
        return out

    mine = order(form or "worksheet")
    if form == "B":
        first = order("A")
        while mine == first:
            mine = mine[1:] + mine[:1]
    return mine


def points_of(exercise) -> int:
    """The points of an item on a paper (see :data:`POINTS`)."""
    base = POINTS.get(exercise.type, 2)
    if exercise.type == "cloze":
        return base * len(exercise.blanks)
    if exercise.type == "matching":
        return base * len(exercise.lefts)
    if exercise.type == "ordering":
        return 2 if exercise.all_or_nothing else base * len(exercise.keys)
    return base


#: A solution that names options by their place ("the first three", "option 2", "第二项")
#: means the authored order, which no paper shows: such a text is left out of printed keys
#: (the key prints the right options themselves).
POSITIONAL = re.compile(r"(?<![-\w])(first|second|third|fourth|fifth|sixth)\b(?!-)"
                        r"|\boption \d|第[一二三四五六七八九]项", re.I)


def printable_solution(exercise):
    """The exercise's solution for a paper, or None when it points at options by place."""
    sol = exercise.solution
    if sol is None or exercise.type not in ("single_choice", "multiple_choice", "matching",
                                            "ordering"):
        return sol
    return None if POSITIONAL.search(sol.en) or POSITIONAL.search(sol.zh) else sol


def _item(exercise, ctx: PrintContext, template: str, key_response, order=None, short="",
          **fields) -> PrintedItem:
    points = points_of(exercise)
    common = dict(ex=exercise, ctx=ctx, lang=ctx.lang, points=points,
                  solution=printable_solution(exercise), **fields)
    return PrintedItem(
        exercise.id, exercise.type,
        render(f"items/{template}.html.j2", part="question", **common),
        render(f"items/{template}.html.j2", part="key", **common),
        key_response, points, list(order or []), short,
    )


def print_choice(exercise, ctx: PrintContext) -> PrintedItem:
    """Single and multiple choice: lettered options; the key is the right letters."""
    order = form_order([o.index for o in exercise.options], exercise.seed_id, ctx.form, "options",
                       exercise.shuffle)
    shown = [(letter(i), exercise.options[idx]) for i, idx in enumerate(order)]
    right = [ltr for ltr, o in shown if o.correct]
    keys = [o.key for _, o in shown if o.correct]
    response = keys if exercise.multiple else keys[0]
    return _item(exercise, ctx, "choice", response, [o.key for _, o in shown],
                 ", ".join(right), shown=shown, right=right)


def print_true_false(exercise, ctx: PrintContext) -> PrintedItem:
    """True or false: two boxes to tick."""
    short = label("True", "对", ctx.lang) if exercise.answer else label("False", "错", ctx.lang)
    return _item(exercise, ctx, "true_false", bool(exercise.answer), short=short)


def print_cloze(exercise, ctx: PrintContext) -> PrintedItem:
    """Cloze: numbered gaps in the text (a word bank in a box when the exercise has one)."""
    bank = form_order(exercise.word_bank_choices(), exercise.seed_id, ctx.form, "bank") \
        if exercise.word_bank else []
    response = [b.answers[0] for b in exercise.blanks]
    short = "; ".join(f"({i + 1}) {a}" for i, a in enumerate(response))
    return _item(exercise, ctx, "cloze", response, bank, short, bank=bank)


def print_matching(exercise, ctx: PrintContext) -> PrintedItem:
    """Matching: numbered left items, lettered right items (distractors included)."""
    rights = form_order(list(exercise.rights), exercise.seed_id, ctx.form, "rights")
    letters = {key: letter(i) for i, key in enumerate(rights)}
    pairs = [(i + 1, exercise.left_items[i], letters[exercise.key[k]])
             for i, k in enumerate(exercise.lefts)]
    short = ", ".join(f"{n}–{ltr}" for n, _, ltr in pairs)
    return _item(exercise, ctx, "matching", dict(exercise.key), rights, short,
                 rights=[(letters[k], exercise.right_item(k)) for k in rights], pairs=pairs)


def print_ordering(exercise, ctx: PrintContext) -> PrintedItem:
    """Ordering: lettered items in a shuffled order (never already right); the key is the
    letters in the right order."""
    shown = form_order(list(exercise.keys), exercise.seed_id, ctx.form, "items")
    if shown == list(exercise.keys):
        shown = shown[1:] + shown[:1]
    letters = {key: letter(i) for i, key in enumerate(shown)}
    short = " → ".join(letters[k] for k in exercise.keys)
    return _item(exercise, ctx, "ordering", list(exercise.keys), shown, short,
                 shown=[(letters[k], exercise.item(k)) for k in shown],
                 right=[letters[k] for k in exercise.keys])


def printed_exercise(exercise, form: str):
    """The exercise as paper ``form`` prints it: a numeric item with per-form numbers
    (``exam_forms``) gives that form's variant, whose own ``grade`` checks the form's key; any other
    item is itself."""
    for_form = getattr(exercise, "for_form", None)
    return for_form(form) if for_form is not None and form else exercise


def print_numeric(exercise, ctx: PrintContext) -> PrintedItem:
    """Numeric: an answer line with the unit; the key gives the number and its tolerance. A
    form with numbers of its own (the bank's ``exam_forms``) prints them in the prompt, its answer
    in the key and the working of it in place of the solution (which holds the bank's
    numbers)."""
    exercise = printed_exercise(exercise, ctx.form)
    return _item(exercise, ctx, "numeric", f"{exercise.answer:g}",
                 short=exercise.answer_text().render(ctx.lang, " / "),
                 working=exercise.working)


def reply_lines(exercise) -> int:
    """Ruled lines for a written reply: about ten words a line for the longest reply."""
    return max(6, min(24, exercise.words[1] // 10 + 2))


def print_reply(exercise, ctx: PrintContext) -> PrintedItem:
    """Reply: the buyer's message, the facts, the word range and ruled lines; the key is the
    rubric, the pass mark and the model answer."""
    facts = [(k.replace("_", " "), v) for k, v in exercise.facts.items()]
    short = label("rubric and model answer below", "评分要点与范文见下", ctx.lang)
    return _item(exercise, ctx, "reply", exercise.model_answer or "", short=short, facts=facts,
                 lines=reply_lines(exercise))


def _move_names(names, lang: str) -> str:
    from course.writing.moves import MOVES

    en = ", ".join(MOVES.get(m, (m, m))[0] for m in names)
    zh = "、".join(MOVES.get(m, (m, m))[1] for m in names)
    return Bilingual(en, zh).render(lang)


def _text(value) -> str:
    """A role-play text (a string or an {en, zh} mapping) in English, as the kind reads it."""
    return value if isinstance(value, str) else as_bilingual(value).en


def _turn_rows(exercise, lang: str) -> list[dict]:
    """Every buyer turn of a role-play with its branches as the buyer's card reads them."""
    ids = list(exercise.turns)
    rows = []
    for tid in ids:
        turn = exercise.turns[tid]
        if "end" in turn:
            continue
        branches = []
        for br in turn.get("next", []):
            cond = br.get("if")
            cond = cond if isinstance(cond, list) else ([cond] if cond else [])
            branches.append((_move_names(cond, lang) if cond else "", ids.index(br["goto"]) + 1,
                             "end" in exercise.turns[br["goto"]]))
        rows.append({"n": ids.index(tid) + 1, "buyer": _text(turn["buyer"]),
                     "branches": branches, "expect": _move_names(turn.get("expect", []), lang),
                     "model": _text(turn.get("model", "")).strip()})
    return rows


def print_roleplay(exercise, ctx: PrintContext) -> PrintedItem:
    """Role-play as two pair cards: the buyer's card (every message, and which one comes next
    after the agent's reply) and the agent's card (the task, the facts, lines per reply)."""
    ids = list(exercise.turns)
    rows = _turn_rows(exercise, ctx.lang)
    ends = [(ids.index(t) + 1, v["end"], _text(v.get("buyer", ""))) for t, v in
            exercise.turns.items() if "end" in v]
    model = [_text(exercise.turns[t]["model"]).strip() for t in exercise.model_path
             if "model" in exercise.turns[t]]
    facts = [(k.replace("_", " "), v) for k, v in exercise.facts.items()]
    short = label("model replies below", "范例回复见下", ctx.lang)
    return _item(exercise, ctx, "roleplay", model, short=short, rows=rows, ends=ends, facts=facts,
                 start=ids.index(exercise.start) + 1,
                 path=[ids.index(t) + 1 for t in exercise.model_path], model=model,
                 turns_to_write=_longest_talk(exercise))


def _longest_talk(exercise) -> int:
    """Replies the agent writes on the longest way through the conversation."""
    from course.writing.dialogue import all_paths

    return max(len(p) - 1 for p in all_paths(exercise.turns, exercise.start))
