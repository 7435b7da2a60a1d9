"""What the ordering and matching kinds share: items a learner arranges (puts in order, or
pairs), each found by any spelling of its text, and the bank's reason for each item, given
with the feedback for the first item a learner got wrong."""
from __future__ import annotations

from dataclasses import replace

from course.errors import DefinitionError
from course.exercises.kinds.base import Exercise, normalized_unique
from course.exercises.results import GradeResult
from course.exercises.text_match import normalize
from course.messages import ui
from course.text import Bilingual, as_bilingual


class KeyLookup:
    """The keys of a kind's items, found by any spelling an answer may use (any case or
    spacing: text_match.normalize). With ``field`` and ``what``, two keys the same once
    normalised are a DefinitionError (:func:`normalized_unique`); without, the later one wins.
    """

    def __init__(self, keys: list[str], field: str | None = None, what: str | None = None):
        norm = normalized_unique(keys, field, what) if field else [normalize(k) for k in keys]
        self._keys = dict(zip(norm, keys, strict=True))

    def get(self, text: str) -> str | None:
        """The key written ``text``, or None when no key is spelt so."""
        return self._keys.get(normalize(text))


def out_of_place(message: str, names: list[Bilingual], first: Bilingual,
                 reason: Bilingual | None) -> Bilingual:
    """The catalogue's ``message`` naming the items a learner got wrong, and the bank's reason
    for ``first`` of them when the bank gives one (ordering and matching feedback)."""
    listed = Bilingual("; ".join(f"“{n.en}”" for n in names),
                       "；".join(f"“{n.zh}”" for n in names))
    text = ui(message, items=listed.en, items_zh=listed.zh)
    if reason is not None:
        text = text + " " + ui("why_this_one", item=first.en, item_zh=first.zh,
                               why=reason.en, why_zh=reason.zh)
    return text


class ReasonedItems(Exercise):
    """A kind whose items may each carry the bank's reason (``reasons``, one per item in the
    key's order): the reasons are key texts (the release's audit), and a wrong answer names
    the items out of place with the reason of the first of them: one reason per attempt."""

    reasons: list[Bilingual]

    def _read_reasons(self, raw, count: int, what: str) -> None:
        """``self.reasons`` from the bank; a count other than ``count`` is a DefinitionError
        (``what`` names the items: "item", "pair")."""
        self.reasons = [as_bilingual(v) for v in raw.get("reasons", []) or []]
        if self.reasons and len(self.reasons) != count:
            raise DefinitionError("reasons", f"{len(self.reasons)} reasons for "
                                  f"{count} {what}s: give one reason per {what}, in order")

    @classmethod
    def key_texts(cls, raw) -> list:
        return list(raw.get("reasons") or [])

    def _with_out_of_place(self, result: GradeResult, message: str, items: list[Bilingual],
                           wrong: list[int], first: int) -> GradeResult:
        """``result`` with the catalogue's ``message`` naming ``items[i]`` for each ``i`` in
        ``wrong`` added to its feedback, and the reason of ``items[first]``."""
        reason = self.reasons[first] if self.reasons else None
        return replace(result, feedback=result.feedback + " " + out_of_place(
            message, [items[i] for i in wrong], items[first], reason))
