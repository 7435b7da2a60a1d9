"""A printed review (lesson 10's Try it: crm.review_draft, crm.short_review) keeps its lines
within the output's width: a notebook wraps a longer line at its edge, in the middle of a word
("a fe / w left", brief 28v). Lines break at a space or between Chinese characters, and a
line of advice goes on under its own text, not under its number."""
import re

import pytest

from course import crm
from course.crm.reviewer import WRAP, columns, wrap

WEBER = {"buyer_name": "Ms Weber", "last_product": "yoga mat",
         "recommended_product": "cork yoga block", "unit_price": 9}
SPAM = ("DEAR CUSTOMER!!! You bought our yoga mat, so you NEED our NEW cork yoga block, only "
        "$9!!! HURRY, only 3 left, LAST CHANCE! Order at www.yogablocks-shop.com or add me on "
        "WhatsApp +86 138 0000 1234. Thank you.\nBest regards, Lily")


def _advice_lines(out: str) -> list[str]:
    """The printed lines of advice joined back: a numbered line and the lines under it."""
    items: list[str] = []
    for line in out.splitlines():
        if re.match(r"  \d+\. ", line):
            items.append(line[5:])
        elif line.startswith("     ") and items:
            items[-1] += ("" if re.search(r"[\u3000-\u9fff]$", items[-1]) else " ") + line[5:]
    return items


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_spam_drafts_review_fits_the_width_and_says_every_word(capsys, language):
    review = crm.review_reply(SPAM, "new_arrival", facts=WEBER)
    advice = [a[language] for a in review.advice[:4]]
    assert any(columns(a) > WRAP for a in advice)  # the first line is longer than a line
    crm.short_review(review, advice=4, language=language, more=False)
    out = capsys.readouterr().out
    assert max(columns(line) for line in out.splitlines()) <= WRAP
    assert _advice_lines(out) == advice  # nothing lost, no word cut in two


def test_english_breaks_at_a_space_under_the_text():
    text = "Remove the pressure: stock running out, a deadline or a threat pushes the buyer."
    lines = wrap(text, "  1. ", "     ", width=30).splitlines()
    assert len(lines) > 2 and all(columns(line) <= 30 for line in lines)
    assert lines[0].startswith("  1. Remove") and all(x.startswith("     ") and x[5] != " "
                                                      for x in lines[1:])
    assert " ".join(x.strip() for x in lines)[3:] == text


def test_chinese_breaks_between_characters_never_before_a_closing_mark():
    text = "删去施压的说法（“only 3 left”），请给出真实信息，让买家自己决定。"
    for width in range(12, 40):
        lines = wrap(text, "", "", width=width).splitlines()
        assert "".join(lines).replace(" ", "") == text.replace(" ", ""), width
        assert not any(x[0] in "，。）”" for x in lines[1:]), (width, lines)
        assert "only 3 left" in text and all("onl" not in x or "only" in x for x in lines)


def test_a_word_longer_than_the_line_is_kept_whole():
    assert wrap("see www.yogablocks-shop.com now", "", "", width=10).splitlines() == [
        "see", "www.yogablocks-shop.com", "now"]
