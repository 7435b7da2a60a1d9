"""The catalogue is kept in one data file per area; together they are the one catalogue."""
import json

from course import messages


def _pairs(area: str) -> list[tuple[str, object]]:
    """Every key as written in an area's file, repeats included (json keeps only the last)."""
    written: list[tuple[str, object]] = []

    def keep(pairs):
        written.extend(pairs)
        return dict(pairs)

    json.loads((messages.CATALOGUE / f"{area}.json").read_text(encoding="utf-8"),
               object_pairs_hook=keep)
    return written


def _text_keys(areas) -> list[str]:
    return [k for area in areas for k, v in _pairs(area)
            if isinstance(v, list) and all(isinstance(x, str) for x in v)]  # [English, 中文]


def test_no_key_is_in_two_areas_or_twice_in_one():
    keys = _text_keys(messages.AREAS)
    assert len(keys) == len(set(keys))
    words = _text_keys(["data_words"])  # the toolkit's words for data values (crm.plots)
    assert len(words) == len(set(words)) and words


def test_every_text_has_english_and_chinese_and_is_in_the_catalogue():
    for area in messages.AREAS:
        for key, (en, zh) in messages.read_area(area).items():
            assert en.strip() and zh.strip(), key
            assert messages.MESSAGES[key] == (en, zh)
