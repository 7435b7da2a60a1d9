"""How a reply names a product of its task in its own words (the kind ``Phrase`` of
course.writing.values): word endings and plurals, a group named by its items, a model by its
model word, and the task's other products that a phrase may name instead.
"""
from __future__ import annotations

import re

import course.writing.patterns as P


def _word_key(word: str) -> str:
    """A pattern for one word of a name: any ending ("hoodie" finds "hoodies"), the plurals in
    -ves and -ies too ("knife" finds "knives", "battery" "batteries"); a possessive keeps its
    mark ("men's" finds "men's" and "mens", not "men")."""
    if word.endswith(("'s", "’s")):
        return re.escape(word[:-2]) + r"(?:['’]s|s)\b"
    for end, plural in (("fe", "ves"), ("f", "ves"), ("y", "ies")):
        if word.endswith(end) and len(word) > len(end) + 2:
            return rf"(?:{re.escape(word.rstrip('s'))}\w*|{re.escape(word[:-len(end)])}{plural}\b)"
    return re.escape(word.rstrip("s")) + r"\w*"


# the words of a name that only group its items: "knife set" is named by "the knives"
_GROUP_NOUNS = ("set", "kit", "pack", "bundle", "collection")


def _other_names(field: str, facts: dict) -> set:
    """The words of the task's other product names (its last product beside the one to
    recommend): a phrase that holds one of them names that product, not this one."""
    return {w for f in ("last_product", "recommended_product", "product") if f != field
            for w in str(facts.get(f) or "").lower().split()}


def _named_otherwise(words: list, text: str, others: set = frozenset()):
    """The name said in the reply's own words (brief 22rv: paraphrase): its head noun after
    another of its words ("bamboo board" for "bamboo cutting board"), or a group's items ("the
    knives" for "knife set"); None when the reply does not name it, or names in these words
    another product of the task ("jasmine pearl tea" is not "jasmine green tea")."""
    if len(words) < 2:
        return None
    head = words[-1]
    if len(words) == 2 and head in _GROUP_NOUNS:  # "knife set": "the knives"
        # ... or the plural by the plain rule, as a learner spells it: "your knifes" (the
        # nineteenth readers; the spelling is the grammar's to name)
        m = re.search(rf"\b(?:{re.escape(_plural(words[0]))}|{re.escape(words[0])}s)\b", text, re.I)
        if m:
            return m
    if head in _GROUP_NOUNS:  # brief 22rc: "a boxed set of ceramic mugs" ("ceramic mug gift set")
        items = "|".join(_word_key(w) for w in words[:-1] if w not in _GROUP_NOUNS)
        m = re.search(rf"\b{head}\W+of\W+(?:[\w-]+\W+){{0,2}}?(?:{items})", text, re.I)
        if m:
            return m
    mods = "|".join(_word_key(w) for w in words[:-1] if w not in _GROUP_NOUNS)
    # a group is also said as a box ("four mugs in a gift box" for "ceramic mug gift set": the
    # model answer's own words, the fourteenth student reader)
    # the head in its other word of the same goods, after its own describing word: "knitted
    # hat" for "knitted beanie" (issue 28, the eighteenth readers; patterns.SAME_GOODS)
    same = next((sorted(g) for g in P.SAME_GOODS if head in g), [head])
    name = (rf"(?:{'|'.join(_GROUP_NOUNS)}|box)(?:es|s)?\b" if head in _GROUP_NOUNS
            else "(?:" + "|".join(_word_key(w) for w in same) + ")")
    for m in re.finditer(rf"\b(?:{mods})\W+(?:[\w-]+\W+)?{name}", text, re.I):
        if not (set(m.group(0).lower().split()) - set(words)) & others:
            return m
    return None


# the words that name a product's version in a reply: "the Lite model", "the Lite one"
_VERSION = r"(?:model|version|edition|type|one)s?"


def _model_named(raw: str, text: str, facts: dict):
    """A model name ("PowerGo Lite": a brand and its model word) said by its model word, as a
    teacher reads it (issue 28, the fourteenth readers): "the Lite model", "the Lite power
    bank", "Lite" with its capital as in the facts ("I suggest the Lite: ..."). Only names
    written with a capital (a brand's model) are read so; the model word must be the one of the
    facts ("the Max model" is another product), and the brand alone names no model."""
    words = raw.split()
    if len(words) < 2 or not any(w[:1].isupper() for w in words):
        return None
    kind = [w for w in str(facts.get("product") or "").lower().split() if len(w) > 2]
    noun = rf"(?:{_VERSION}|{r'[ -]'.join(_word_key(w) for w in kind)})" if kind else _VERSION
    for word in words[1:]:
        if len(word) < 3:
            continue
        said = re.escape(word)
        m = (re.search(rf"\b{said}\W+(?:[\w-]+\W+)?{noun}\b", text, re.I)
             or re.search(rf"(?<![\w-])(?i:the|our|a|this) (?i:new )?{said}(?=\s*(?:[:,.!?;]|$)|"
                          rf" (?i:is|for|has|weighs|costs)\b)", text))
        if m:
            return m
    return None


def _plural(word: str) -> str:
    """The plural of an English noun by the usual rules (knife: knives, battery: batteries)."""
    for end, plural in (("fe", "ves"), ("f", "ves")):
        if word.endswith(end):
            return word[:-len(end)] + plural
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s")
