"""Matching: left items to pair with right items; a response maps each left key to a right key."""
from __future__ import annotations

from collections.abc import Mapping

from course.errors import DefinitionError
from course.exercises.kinds.base import (
    NOT_ATTEMPTED,
    Invalid,
    bank_views,
    secret_shuffle,
    seeded_shuffle,
)
from course.exercises.kinds.item_lists import KeyLookup, ReasonedItems
from course.exercises.results import GradeResult, ItemResult
from course.exercises.text_match import normalize
from course.messages import ui
from course.text import Bilingual, as_bilingual, text_key


def _first_by_key(values) -> list[Bilingual]:
    """The values as Bilingual texts, each key (English text) once, in order."""
    seen, out = set(), []
    for value in values:
        if text_key(value) not in seen:
            seen.add(text_key(value))
            out.append(value)
    return out


TEXTS = {"type": "array", "items": {"$ref": "#/$defs/text"}}
SCHEMA = {
    "pairs": {"type": "array", "minItems": 2,
              "items": {"type": "array", "minItems": 2, "maxItems": 2,
                        "items": {"$ref": "#/$defs/text"}}},
    "lefts": TEXTS,  # a student copy's pairs, split and shuffled (no key)
    "rights": TEXTS,
    "distractors": TEXTS,
    # why each pair belongs together, in the pairs' order: a wrong match names the left items
    # not matched right and gives the reason of the first of them
    "reasons": TEXTS,
}


class MatchingExercise(ReasonedItems):
    """Left items to pair with right items; a response maps each left key to a right key."""

    types = ("matching",)
    short = {"matching": "match"}
    widget_class = "course.exercises.widgets.types:MatchingWidget"
    # printed papers (course.materials), bank exporters and importers (course.bankio); the
    # spreadsheet format has no matching codec
    views = bank_views("course.materials.printview:print_matching", "MatchingCodec",
                       {"web": "course.live.webviews:MatchingView"}, without=("xlsx",))
    schema = SCHEMA
    required = ("pairs", "examples")
    messages = {"type_matching": ("Match the pairs", "配对")}
    minutes = {"matching": 2.0}  # read both columns, then pair each left item

    def __init__(self, raw, **kw):
        super().__init__(raw, **kw)
        if self.redacted and "pairs" not in raw:
            self.pairs = []
            lefts = [as_bilingual(v) for v in raw.get("lefts", [])]
            rights = [as_bilingual(v) for v in raw.get("rights", [])]
            self._released_rights = rights
        else:
            self.pairs = [(as_bilingual(a), as_bilingual(b)) for a, b in raw.get("pairs", [])]
            lefts = [a for a, _ in self.pairs]
            rights = [b for _, b in self.pairs] + [as_bilingual(d)
                                                   for d in raw.get("distractors", []) or []]
            self._released_rights = None
        self.left_items = lefts
        self.lefts = [text_key(a) for a in lefts]
        self.right_items = _first_by_key(rights)
        self.rights = [text_key(r) for r in self.right_items]
        self.key = {text_key(a): text_key(b) for a, b in self.pairs}
        self._left_lookup = KeyLookup(self.lefts, "pairs[{i}]", "left item")
        self._check_key(raw)
        self._right_lookup = KeyLookup(self.rights)

    def _check_key(self, raw) -> None:
        if not self.lefts:
            raise DefinitionError("pairs", "a matching exercise needs at least one pair")
        self._read_reasons(raw, len(self.pairs), "pair")
        keys = {normalize(b) for b in self.key.values()}
        for d in raw.get("distractors", []) or []:
            if normalize(text_key(d)) in keys:
                raise DefinitionError("distractors",
                                      f"distractor {text_key(d)!r} is also a right item")

    def right_choices(self) -> list[str]:
        """The right-hand keys in the order shown to learners (shuffled by id)."""
        if self._released_rights is not None:
            return list(self.rights)
        return seeded_shuffle(self.rights, f"{self.seed_id}:rights")

    def right_item(self, key: str) -> Bilingual:
        """The right item whose key is ``key``."""
        return self.right_items[self.rights.index(key)]

    def empty_response(self):
        return {}

    def _parse(self, response):
        if response is None:
            return NOT_ATTEMPTED
        if not isinstance(response, Mapping):
            raise Invalid(ui("bad_mapping"))
        parsed = {}
        for k, v in response.items():
            if not isinstance(k, str):
                raise Invalid(ui("bad_mapping"))
            left = self._left_lookup.get(k)
            if left is None:
                raise Invalid(ui("unknown_left", item=k[:60]))
            if v is None or (isinstance(v, str) and not v.strip()):
                continue
            if not isinstance(v, str):
                raise Invalid(ui("bad_mapping"))
            right = self._right_lookup.get(v)
            if right is None:
                raise Invalid(ui("unknown_right", item=v[:60]))
            parsed[left] = right
        if not parsed:
            return NOT_ATTEMPTED
        return parsed

    def _score(self, parsed) -> GradeResult:
        items = []
        for i, (left, item) in enumerate(zip(self.lefts, self.left_items, strict=True)):
            given = parsed.get(left)
            ok = given is not None and given == self.key[left]
            items.append(ItemResult(i, item, self.key[left], given, ok, given is not None))
        score = sum(i.correct for i in items) / len(items)
        result = self._result(items, score, parsed)
        wrong = [i.index for i in items if i.attempted and not i.correct]
        if wrong:
            # the left items matched wrong (not the right items they belong to) and the reason
            # of the first of them: one reason per attempt, not the whole key
            result = self._with_out_of_place(result, "pairs_not_right", self.left_items,
                                             wrong, wrong[0])
        return result

    def answer_text(self) -> Bilingual:
        return Bilingual(
            "\n".join(f"{a.en} → {b.en}" for a, b in self.pairs),
            "\n".join(f"{a.zh} → {b.zh}" for a, b in self.pairs),
        )

    # -- instructor tools -------------------------------------------------------------------
    def redact(self, raw, rng=None) -> dict:
        pairs = raw.get("pairs", [])
        rights = {text_key(v): v for v in [p[1] for p in pairs] + list(raw.get("distractors") or [])}
        # the release's secret order; one that left the key's order would give it away
        order = secret_shuffle(self.rights, rng, avoid=[text_key(p[1]) for p in pairs])
        return {"lefts": [p[0] for p in pairs], "rights": [rights[key] for key in order]}

    def describe(self, response) -> str:
        if isinstance(response, dict):
            return "; ".join(f"{k} → {v}" for k, v in response.items())
        return super().describe(response)

    def item_label(self, item) -> str | None:
        return f"pair: {item.label.en}"
