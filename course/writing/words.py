"""How common an English word is: one word list for every part of the course (no engine import).

Backed by the ``wordfreq`` library (word frequencies from many sources; ``zipf`` 0-8, where
a word used once per million words has zipf 3). Imported lazily on the first call.
"""
from __future__ import annotations

from functools import lru_cache

# a word below this zipf value is not in the everyday English vocabulary (about 3 uses in
# 100 million words); real words rarer than that are accepted by the caller's own lists.
RARE_ZIPF = 1.5


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """The zipf frequency of ``word`` in English (0 when the word list does not know it)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def is_known(word: str) -> bool:
    """True when ``word`` is an English word in common use (zipf >= ``RARE_ZIPF``)."""
    return zipf(word.casefold()) >= RARE_ZIPF
