"""Learner names as the report and the live class compare them: cleaned, keyed, look-alikes
and mixed scripts; and ``Rejection``, what does not count and why (a leaf module: the hand-in
checks in ``duplicates`` and the submission reader both import it)."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache


@dataclass
class Rejection:
    """A submission, a zip entry or a part of a submission that does not count, and why."""

    source: str
    reason: str
    learner: str = ""



def _invisible(ch: str) -> bool:
    """Format characters (zero-width, bidi marks, BOM) and controls: nothing a reader sees."""
    return unicodedata.category(ch) in ("Cf", "Cc") and ch not in "\t\n"


def clean_name(name: str) -> str:
    """A learner name as shown: NFKC, invisible characters removed, spaces collapsed."""
    text = unicodedata.normalize("NFKC", name)
    if not text.isprintable():  # (printable text holds no format or control character)
        text = "".join(ch for ch in text if not _invisible(ch))
    return " ".join(text.split())


def learner_key(name: str) -> str:
    """The form under which two learner names count as the same person: NFKC, case folded,
    spacing collapsed, zero-width and bidi characters removed."""
    return " ".join(clean_name(name).casefold().split())


def looks_like_key(name: str) -> str:
    """``learner_key`` with each letter that imitates a Latin one (Cyrillic "а", Greek "Ο")
    replaced by it: two names with the same form look the same on screen."""
    key = learner_key(name)
    return "".join(_look_alike(ch) for ch in key).casefold()


@lru_cache(maxsize=4096)
def _look_alike(ch: str) -> str:
    """The Latin letter ``ch`` imitates (``ch`` itself if none). confusable_homoglyphs judges
    each character on its own, so a class of 500 names asks once per distinct character."""
    from confusable_homoglyphs import confusables

    found = confusables.is_confusable(ch, greedy=True, preferred_aliases=["latin"]) or []
    swap = {f["character"]: f["homoglyphs"][0]["c"] for f in found if f.get("homoglyphs")}
    return swap.get(ch, ch)


def mixes_scripts(name: str) -> bool:
    """True when Latin letters sit beside Cyrillic or Greek ones in one name ("Ѕam")."""
    aliases = {_script(ch) for ch in name if ch.isalpha()}
    return "LATIN" in aliases and bool(aliases & {"CYRILLIC", "GREEK"})


@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    from confusable_homoglyphs import categories

    return categories.alias(ch)
