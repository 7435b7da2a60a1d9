"""Scripted buyer conversations as small graphs: check them, walk them, find the model path.

Neutral ground between the engine and the CRM toolkit: this module imports neither. A graph
is a mapping of turn id -> turn. A turn is either a buyer turn::

    {"buyer": "text", "expect": [move, ...], "model": "a model reply",
     "next": [{"if": [move, ...], "goto": id}, ..., {"goto": id}]}   # the last: no "if"

or an end::

    {"buyer": "closing words", "end": "good" | "bad" | "neutral"}

A bad end may carry ``"wrong_decision": true``: the end a wrong decision leads to, where the
buyer says why that remedy does not fit her case (it need not be reachable by a branch).

A branch fires when the learner's reply made every move in its ``if``; the first that fires
wins, and the last branch (no ``if``) is taken otherwise. A reply that makes the move
``wrong_decision`` (a decision the role-play's situation rules out) goes to the graph's first
bad end instead, where the graph has one. ``moves`` is a function
text -> set of move names (course.writing.moves.moves_in in the course).
"""
from __future__ import annotations

ENDS = ("good", "bad", "neutral")


def check_graph(graph, start, known_moves=None) -> list[str]:
    """The problems of a dialogue graph, each a sentence naming the turn and field (empty: ok).

    Checks: the start exists; every ``goto`` names a turn; every buyer turn ends with a default
    branch; no path loops (so every path ends); every turn is reachable from the start; no
    branch is hidden behind an earlier one that always fires first; moves are known.
    """
    if not isinstance(graph, dict) or not graph:
        return ["turns: expected a mapping of turn id -> turn, with at least one turn"]
    if start not in graph:
        return [f"start: {start!r} is not a turn (turns: {', '.join(map(str, graph))})"]
    known = set(known_moves) if known_moves is not None else None
    problems = []
    for tid, turn in graph.items():
        problems += _turn_problems(graph, tid, turn, known)
    return problems or _path_problems(graph, start)


def _turn_problems(graph, tid, turn, known) -> list[str]:
    where = f"turns.{tid}"
    if not isinstance(turn, dict) or not isinstance(turn.get("buyer"), (str, dict)):
        return [f"{where}: every turn needs 'buyer' (what the buyer says)"]
    problems = []
    if "end" in turn:
        if turn["end"] not in ENDS:
            problems.append(f"{where}.end: expected one of {', '.join(ENDS)}; got "
                            f"{turn['end']!r}")
        if "next" in turn:
            problems.append(f"{where}: an end turn has no 'next'")
        return problems
    expect = turn.get("expect") or []
    if not isinstance(expect, list) or not expect:
        problems.append(f"{where}.expect: list the moves a good reply makes")
        expect = []
    if known is not None:
        problems += [f"{where}.expect: unknown move {mv!r}" for mv in expect if mv not in known]
    if not isinstance(turn.get("model"), (str, dict)):
        problems.append(f"{where}.model: give a model reply for this turn")
    branches = turn.get("next")
    if not isinstance(branches, list) or not branches:
        problems.append(f"{where}.next: a buyer turn needs branches ending with a default "
                        "{goto: ...}")
        return problems
    return problems + _branch_problems(graph, where, branches, known)


def _branch_problems(graph, where, branches, known) -> list[str]:
    problems, seen = [], []
    for i, br in enumerate(branches):
        bw = f"{where}.next[{i}]"
        if not isinstance(br, dict) or br.get("goto") not in graph:
            problems.append(f"{bw}.goto: {br.get('goto') if isinstance(br, dict) else br!r} "
                            "is not a turn")
            continue
        cond = br.get("if")
        last = i == len(branches) - 1
        if cond is None:
            if not last:
                problems.append(f"{bw}: a default branch (no 'if') must come last; the "
                                "branches after it can never be reached")
            continue
        if last:
            problems.append(f"{where}.next: the last branch must be a default (no 'if'), "
                            "so that every reply leads somewhere")
        cond = set(cond if isinstance(cond, list) else [cond])
        if known is not None:
            problems += [f"{bw}.if: unknown move {mv!r}" for mv in sorted(cond - known)]
        for j, earlier in seen:
            if earlier <= cond:
                problems.append(f"{bw}: never reached, because next[{j}] (if "
                                f"{sorted(earlier)}) fires whenever this one would")
                break
        seen.append((i, cond))
    return problems


def _path_problems(graph, start) -> list[str]:
    """Loops and turns that cannot be reached from the start."""
    problems, state = [], {}

    def visit(tid, path):
        if state.get(tid) == "open":
            problems.append(f"turns.{tid}: the path {' -> '.join(path + [tid])} loops, so it "
                            "never ends")
            return
        if state.get(tid) == "done":
            return
        state[tid] = "open"
        for br in graph[tid].get("next", []):
            visit(br["goto"], path + [tid])
        state[tid] = "done"

    visit(start, [])
    wrong = bad_end(graph)  # reached by any reply that takes a wrong decision (see walk)
    if wrong is not None and graph[wrong].get("wrong_decision"):
        state.setdefault(wrong, "done")
    problems += [f"turns.{tid}: cannot be reached from the start {start!r}"
                 for tid in graph if tid not in state]
    return problems


def walk(graph, start, replies, moves) -> dict:
    """Follow the graph with the learner's ``replies`` (one per buyer turn).

    Returns ``{"transcript": [{turn, buyer, reply, moves, expected, made, missed}], "end":
    id or None, "outcome": good/bad/neutral/None, "finished": bool}``.
    """
    transcript = []
    tid = start
    for reply in replies:
        turn = graph[tid]
        if "end" in turn:
            break
        made = set(moves(reply))
        expected = list(turn["expect"])
        transcript.append({"turn": tid, "buyer": turn["buyer"], "reply": reply,
                           "moves": sorted(made),
                           "made": [m for m in expected if m in made],
                           "missed": [m for m in expected if m not in made]})
        # a decision the situation rules out (the move ``wrong_decision``: a new machine free
        # where a local repair is the remedy) ends the talk badly whatever else the reply did
        # (issue 28, seventh reading: such a turn led to the good ending)
        bad = bad_end(graph) if "wrong_decision" in made else None
        if bad is not None:
            tid = bad
            continue
        for br in turn["next"]:
            cond = br.get("if")
            cond = set(cond if isinstance(cond, list) else [cond]) if cond is not None else set()
            if cond <= made:
                tid = br["goto"]
                break
    end = graph[tid]
    finished = "end" in end
    return {"transcript": transcript, "end": tid if finished else None,
            "outcome": end.get("end") if finished else None, "finished": finished,
            "final": end["buyer"] if finished else None, "waiting": None if finished else tid}


def bad_end(graph):
    """The end a wrong decision leads to: the bad end marked ``wrong_decision: true`` (its
    buyer says why the remedy does not fit, brief 22r), else the first turn of the graph that
    ends badly, or None."""
    bad = [tid for tid, turn in graph.items()
           if isinstance(turn, dict) and turn.get("end") == "bad"]
    return next((tid for tid in bad if graph[tid].get("wrong_decision")),
                bad[0] if bad else None)


def model_path(graph, start, moves) -> list[str]:
    """The turn ids along the model replies, from the start to an end."""
    path, tid = [], start
    while "end" not in graph[tid] and len(path) <= len(graph):
        path.append(tid)
        made = set(moves(graph[tid]["model"] if isinstance(graph[tid]["model"], str)
                         else graph[tid]["model"].get("en", "")))
        for br in graph[tid]["next"]:
            cond = br.get("if")
            cond = set(cond if isinstance(cond, list) else [cond]) if cond is not None else set()
            if cond <= made:
                tid = br["goto"]
                break
    return path + [tid]


def all_paths(graph, start) -> list[list[str]]:
    """Every path from the start to an end (for tests and for the worst path)."""
    out = []

    def go(tid, path):
        turn = graph[tid]
        if "end" in turn:
            out.append(path + [tid])
            return
        for br in turn["next"]:
            go(br["goto"], path + [tid])

    go(start, [])
    return out


OUTCOME_VALUE = {"good": 1.0, "neutral": 0.5, "bad": 0.0}


def score_run(run, avoid=("blame",)) -> int:
    """0-100 for a walked conversation: 70 for the expected moves made on the turns visited,
    30 for how it ended (good 30, neutral 15, bad or unfinished 0). A reply that makes a move
    to avoid (blaming or commanding the buyer) caps the score as it caps a reply that blames
    (the rubric's tone cap, 35)."""
    from course.writing.rubric import RUBRIC

    expected = sum(len(t["made"]) + len(t["missed"]) for t in run["transcript"])
    made = sum(len(t["made"]) for t in run["transcript"])
    share = made / expected if expected else 0.0
    score = round(70 * share + 30 * OUTCOME_VALUE.get(run["outcome"], 0.0))
    if any(set(avoid) & set(t["moves"]) for t in run["transcript"]):
        score = min(score, RUBRIC.caps["tone"])
    # a decision the situation rules out caps the run as it caps a reply (brief 22d)
    if any("wrong_decision" in t["moves"] for t in run["transcript"]):
        score = min(score, RUBRIC.caps["wrong_decision"])
    return int(score)
