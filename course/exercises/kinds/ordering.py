"""Ordering: items to put in order; a response lists every item's key once."""
from __future__ import annotations

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
from course.messages import ui
from course.text import Bilingual, as_bilingual, text_key


def to_move(ranks: list[int]) -> list[int]:
    """The ranks to move so that the rest stand in the right order: all but one longest run
    of ranks in increasing order (the learner's order kept), [] for the right order."""
    best: list[list[int]] = []  # best[i]: the longest increasing run ending at ranks[i]
    for i, rank in enumerate(ranks):
        before = [best[j] for j in range(i) if ranks[j] < rank]
        best.append(max(before, key=len, default=[]) + [rank])
    keep = set(max(best, key=len, default=[]))
    return [rank for rank in ranks if rank not in keep]


class OrderingExercise(ReasonedItems):
    """Items to put in order; a response lists every item's key once."""

    types = ("ordering",)
    short = {"ordering": "order"}
    widget_class = "course.exercises.widgets.types:OrderingWidget"
    # printed papers (course.materials), bank exporters and importers (course.bankio)
    views = bank_views("course.materials.printview:print_ordering", "OrderingCodec",
                       {"web": "course.live.webviews:OrderingView"})
    schema = {"items": {"type": "array", "minItems": 2, "items": {"$ref": "#/$defs/text"}},
              # why each item stands where it does, in the items' (right) order: a wrong
              # order names the items out of place and gives the reason of the first of them
              "reasons": {"type": "array", "items": {"$ref": "#/$defs/text"}},
              "all_or_nothing": {"type": "boolean"}}
    required, required_redacted = ("items", "examples"), ("items",)
    messages = {"type_ordering": ("Put in order", "排序")}
    minutes = {"ordering": 1.5}  # read the items, then move them into place

    def __init__(self, raw, **kw):
        super().__init__(raw, **kw)
        self.items = [as_bilingual(v) for v in raw.get("items", [])]
        self.keys = [text_key(v) for v in self.items]
        self.all_or_nothing = bool(raw.get("all_or_nothing", False))
        self._lookup = KeyLookup(self.keys, "items[{i}]", "item")
        if len(self.items) < 2:
            raise DefinitionError("items", "an ordering exercise needs at least two items")
        self._read_reasons(raw, len(self.items), "item")

    def start_order(self) -> list[str]:
        """The order the items are first shown in: shuffled by id, never already right."""
        if self.redacted:
            return list(self.keys)
        order = seeded_shuffle(self.keys, f"{self.seed_id}:order")
        if order == self.keys:
            order = order[1:] + order[:1]
        return order

    def item(self, key: str) -> Bilingual:
        """The item whose key is ``key``."""
        return self.items[self.keys.index(key)]

    def lookup(self, text: str) -> str | None:
        """The key of the item written ``text`` (any case or spacing), or None."""
        return self._lookup.get(text)

    def _parse(self, response):
        n = len(self.keys)
        if response is None:
            return NOT_ATTEMPTED
        if not isinstance(response, list | tuple) or len(response) == 0:
            if isinstance(response, list | tuple):
                return NOT_ATTEMPTED
            raise Invalid(ui("bad_order", n=n))
        if not all(isinstance(v, str) for v in response) or len(response) != n:
            raise Invalid(ui("bad_order", n=n))
        parsed = [self.lookup(v) for v in response]
        if None in parsed or len(set(parsed)) != n:
            raise Invalid(ui("bad_order", n=n))
        return parsed

    def _score(self, parsed) -> GradeResult:
        items = [
            ItemResult(i, ui("position_label", n=i + 1), expected, given, expected == given, True)
            for i, (expected, given) in enumerate(zip(self.keys, parsed, strict=True))
        ]
        right = sum(i.correct for i in items)
        score = (1.0 if right == len(items) else 0.0) if self.all_or_nothing else right / len(items)
        result = self._result(items, score, parsed)
        misplaced = to_move([self.keys.index(k) for k in parsed])
        if misplaced:
            # the fewest items to move (in the order the learner put them) and why the first
            # of them (in the right order) goes elsewhere: one reason per attempt
            result = self._with_out_of_place(result, "order_out_of_place", self.items,
                                             misplaced, min(misplaced))
        return result

    def answer_text(self) -> Bilingual:
        return Bilingual(
            "  ".join(f"{i + 1}. {t.en}" for i, t in enumerate(self.items)),
            "  ".join(f"{i + 1}. {t.zh}" for i, t in enumerate(self.items)),
        )

    # -- instructor tools -------------------------------------------------------------------
    def redact(self, raw, rng=None) -> dict:
        items = {text_key(v): v for v in raw.get("items", [])}
        # the release's secret order, never the answer itself
        return {"items": [items[k] for k in secret_shuffle(self.keys, rng, avoid=self.keys)]}

    def describe(self, response) -> str:
        if isinstance(response, list):
            return " > ".join(str(r) for r in response)
        return super().describe(response)
