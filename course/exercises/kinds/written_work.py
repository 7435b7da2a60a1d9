"""What the class report and the live dashboard ask of written work (reply, role-play): the
hooks ``writing_columns``, ``live_criteria`` and ``item_row_extra`` of those two kinds; and
what both kinds do with their ``notes`` (the solution shown, the release's key texts)."""
from __future__ import annotations

from collections import Counter

from course.messages import ui
from course.text import Bilingual

#: the reviewer's rubric criteria, the columns of writing.csv (course.instructor.writing)
CRITERIA = ("content", "relevance", "tone", "language", "structure")


def reply_columns(ex, response) -> dict:
    """A reply's text and its score on each rubric criterion."""
    text = response if isinstance(response, str) else ""
    row = {"text": text}
    if text.strip():
        scores = ex.rubric_scores(text)
        row.update({name: scores[name] for name in CRITERIA})
    return row


def roleplay_columns(ex, response) -> dict:
    """A role-play's transcript, the moves made of those expected, and its ending."""
    replies = [str(r) for r in response] if isinstance(response, list) else []
    run = ex.conversation(replies)
    lines = []
    made = expected = 0
    for t in run["transcript"]:
        lines.append(f"Buyer: {ex.buyer_text(t['turn'])}")
        lines.append(f"Learner: {t['reply']}")
        made += len(t["made"])
        expected += len(t["made"]) + len(t["missed"])
    if run["finished"]:
        lines.append(f"Buyer: {run['final']}")
    return {"text": "\n".join(lines), "moves_made": made, "moves_expected": expected,
            "ending": run["outcome"] or "unfinished"}


def reply_criteria(ex, attempts) -> list[dict]:
    """Each criterion of the reviewer's rubric and the length, in the rubric's order, with how
    many latest attempts missed it."""
    rows: dict[int, dict] = {}
    for a in attempts:
        for item in a["items"]:
            row = rows.setdefault(item["index"], {
                "en": item.get("label") or "", "zh": item.get("label_zh") or
                item.get("label") or "", "missed": 0})
            row["missed"] += not item.get("correct")
    return [rows[i] for i in sorted(rows)]


def roleplay_criteria(ex, attempts) -> list[dict]:
    """Each move the buyer's turns expected that some learner did not make (a learner counts
    once however many turns they missed it in), most missed first, then the ending."""
    from course.writing.moves import MOVES

    missed: Counter = Counter()
    bad_end = 0
    for a in attempts:
        moves: set = set()
        for item in a["items"]:
            if "missed" in item:
                moves.update(item["missed"])
            elif item.get("end"):
                bad_end += not item.get("correct")
        missed.update(moves)
    out = [{"en": MOVES.get(m, (m, m))[0], "zh": MOVES.get(m, (m, m))[1], "missed": n}
           for m, n in sorted(missed.items(), key=lambda kv: (-kv[1], kv[0]))]
    end, good = ui("rp_end"), ui("rp_outcome_good")
    out.append({"en": f"{end.en}: {good.en}", "zh": f"{end.zh}：{good.zh}", "missed": bad_end})
    return out


def reply_item(ex, item) -> dict:
    """The criterion's name in Chinese."""
    return {"label_zh": getattr(item.label, "zh", None)}


def roleplay_item(ex, item) -> dict:
    """The turn's name in Chinese and the moves it missed (or, for the ending, ``end``)."""
    row = {"label_zh": getattr(item.label, "zh", None)}
    if isinstance(item.expected, list):  # a turn: expected = made + missed moves
        made = set(item.given or ())
        row["missed"] = [m for m in item.expected if m not in made]
    else:
        row["end"] = True
    return row


def with_notes(en: str, zh: str, notes: Bilingual | None) -> Bilingual:
    """The solution a written kind shows: its model text (``en``, ``zh``), then the notes."""
    notes = notes or Bilingual("", "")
    return Bilingual(f"{en}\n\n{notes.en}".strip(), f"{zh}\n\n{notes.zh}".strip())


def note_texts(raw) -> list:
    """The bank entry's ``notes`` as a list of texts (both languages of a mapping; may hold
    None): key texts for the release's audit."""
    notes = raw.get("notes")
    return list(notes.values()) if isinstance(notes, dict) else [notes]
