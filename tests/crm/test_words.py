"""The course word list agrees with wordfreq's own API."""
import re
from pathlib import Path

from course.writing import words


def test_the_fast_list_matches_wordfreq():
    from wordfreq import zipf_frequency

    assert words._known_words() is not None
    text = (Path(__file__).with_name("scored_replies.yaml")).read_text("utf-8").lower()
    sample = sorted(set(re.findall(r"[a-z]+(?:'[a-z]+)?", text)))
    sample += ["recieve", "parcle", "reestablish", "yunexpress", "zzzq", "apologise", "don't"]
    assert len(sample) > 500
    for w in sample:
        assert words.is_known(w) == (zipf_frequency(w, "en") >= words.RARE_ZIPF), w
