"""How common an English word is: one word list for the course (it imports no other course part).

Backed by the ``wordfreq`` library's English list (word frequencies from many sources; zipf
0-8, where a word used once per million words has zipf 3). The first call reads the list's data
file straight into a set of the words at or above ``RARE_ZIPF`` (about 0.1 s), instead of
importing the ``wordfreq`` package and its text-cleaning libraries (about 0.6 s), so that a
lesson whose reply examples are checked at load stays quick; if the file's format is not the
one expected, it falls back to ``wordfreq.zipf_frequency``. tests/crm/test_words.py checks that
both give the same answers.
"""
from __future__ import annotations

from functools import lru_cache

# a word below this zipf value is not in the everyday English vocabulary (about 3 uses in
# 100 million words)
RARE_ZIPF = 1.5


def wordfreq_list(name: str, min_zipf: float | None = None) -> frozenset[str] | None:
    """The words of one of wordfreq's English data files, read without importing wordfreq.

    Args:
        name: the file's stem, "small_en" (every word used at least once per million words,
            zipf >= 3) or "large_en" (many more, rarer words too).
        min_zipf: keep only the words at or above this zipf value (None: every word).

    Returns:
        The words (lower case), or None when the file is missing, unreadable or not in the
        bucketed format this reader knows.
    """
    import gzip
    import importlib.util
    from pathlib import Path

    try:
        import msgpack

        spec = importlib.util.find_spec("wordfreq")  # finds the package without importing it
        folder = Path(next(iter(spec.submodule_search_locations))) / "data"
        with gzip.open(folder / f"{name}.msgpack.gz", "rb") as fh:
            data = msgpack.load(fh, raw=False)
    except (ImportError, OSError, EOFError, StopIteration, TypeError, ValueError,
            AttributeError):
        return None
    if not (isinstance(data, list) and data and data[0] == {"format": "cB", "version": 1}):
        return None
    if min_zipf is None:
        return frozenset().union(*data[1:])
    # bucket i (from 1) holds the words of frequency 10**(-(i-1)/100): zipf 9 - (i-1)/100
    last = int(round((9 - min_zipf) * 100)) + 1
    return frozenset().union(*data[1:last + 1])


@lru_cache(maxsize=1)
def _known_words() -> frozenset | None:
    """The English words with zipf >= RARE_ZIPF (None: use the API)."""
    return wordfreq_list("large_en", RARE_ZIPF)


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """The zipf frequency of ``word`` in English (0 when the word list does not know it)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def is_known(word: str) -> bool:
    """True when ``word`` is an English word in common use (zipf >= ``RARE_ZIPF``)."""
    known = _known_words()
    w = word.casefold()
    if known is None:
        return zipf(w) >= RARE_ZIPF
    return w in known
