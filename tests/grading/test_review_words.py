"""The review's own words, in English and Chinese (brief 22b; the 28v and twenty-second
readers): what a learner reads must say each point once, in the language of the review, with
no doubled word or mark and no contradiction. Each test checks a review's text in both
languages for the fault's absence and the right words' presence. The English side of some of
these is also a reader case (reader_cases/round21_22b.yaml)."""
from __future__ import annotations

import re

import pytest
from support import course_bank, review

from course.writing.content_scorer import DO_NOT
from course.writing.reviewer import listed


def _texts(r) -> dict:
    """The whole review as a learner may read it, by language: repr and HTML (both), the
    advice and each criterion's lines."""
    en = [a["en"] for a in r.advice] + [str(x) for c in r.criteria for x in (*c.found, *c.missing)]
    zh = [a["zh"] for a in r.advice] + [getattr(x, "zh", x) for c in r.criteria
                                        for x in (*c.found, *c.missing)]
    return {"en": "\n".join(en), "zh": "\n".join(zh), "both": repr(r) + r._repr_html_()}


PUSHED = ("Dear Ms Weber,\n\nThank you for shopping with us. Since you bought our yoga mat twice "
          "this year, you may like our new cork yoga block: it is firm and light. It costs $9. "
          "Hurry, only 3 left! Last chance, reply within 2 days and we ship it at once.\n\n"
          "Best regards,\nLily")


def test_pressure_is_said_once_naming_every_phrase():
    r = review("promo-reply-new-arrival", PUSHED)
    t = _texts(r)
    en_lines = [a["en"] for a in r.advice]
    # the head of a wrong decision's line is DO_NOT's (it was "Change the decision" until brief
    # 22d): read from the reviewer, so a new wording cannot let this pass by accident
    pressure = [a for a in en_lines if a.startswith(("Remove the pressure", DO_NOT["en"]))]
    assert len(pressure) == 1, en_lines  # not "Remove the pressure" + "Do not do this: ..."
    assert pressure[0].startswith("Remove the pressure ('Hurry', 'only 3 left', 'Last chance')")
    assert not any(a.startswith(DO_NOT["en"] + "pushes") for a in en_lines)
    zh_lines = [a["zh"] for a in r.advice if a["zh"].startswith(("删去施压", DO_NOT["zh"]))]
    assert len(zh_lines) == 1 and "“Hurry”、“only 3 left”、“Last chance”" in zh_lines[0], zh_lines
    # the tone's label once, naming its phrases (not once a phrase)
    assert t["en"].count("pressure (fake scarcity, a deadline or a threat)") == 1, t["en"]
    assert "'only 3 left', 'Last chance'" in t["en"]
    assert t["zh"].count("施压（虚假稀缺、催促期限或威胁）") == 1, t["zh"]
    assert r.score <= 40  # the caps are unchanged: the review says it once, it still counts


def test_a_calm_reply_has_no_pressure_line():
    r = review("promo-reply-new-arrival", course_bank()["promo-reply-new-arrival"].model_answer)
    assert not [a for a in r.advice if "pressure" in a["en"] or "施压" in a["zh"]]


def test_two_blame_phrases_are_one_line():
    text = ("Dear Tom,\n\nThis is not our fault. It is your fault that the cup broke. We will "
            "give you $4 back today.\n\nBest regards,\nLily")
    ex = next(e for e in course_bank().exercises if getattr(e, "situation", "") == "quality_minor")
    t = _texts(ex.review(text))
    blame = re.findall(r"^blame: .*$", t["en"], re.M)
    assert len(blame) == 1 and "', '" in blame[0], t["en"]
    assert len(re.findall(r"^指责：", t["zh"], re.M)) == 1, t["zh"]


def test_no_doubled_word_in_the_relevance_line():
    ex = course_bank()["msg-reply-presale"]  # a product question
    r = ex.review(ex.model_answer)
    found = r.criterion("relevance").found
    assert any(f.startswith("answers the product question: ") for f in found), found
    assert "question question" not in _texts(r)["both"]
    assert "回答了买家的问题" in _texts(r)["zh"]


def test_the_length_is_said_in_chinese_in_a_chinese_review():
    ex = course_bank()["markets-reply-canada"]
    r = ex.review(ex.model_answer)
    zh = _texts(r)["zh"]
    assert re.search(r"长度：\d+ 个词", zh), zh
    assert not re.search(r"长度：\d+ words", zh + _texts(r)["both"]), zh
    assert re.search(r"length: \d+ words", _texts(r)["en"])


def test_a_quoted_greeting_is_listed_without_a_doubled_mark():
    text = ("Hi Emily,\n\nThank you for your message. We will send the tracking number within "
            "24 hours.\n\nBest regards,\nLily")
    ex = next(e for e in course_bank().exercises if getattr(e, "situation", "") == "logistics_delay")
    r = ex.review(text)
    both = _texts(r)["both"]
    assert "greeting: Hi Emily; " in both and "问候：Hi Emily；" in both, both
    assert not re.search(r",;|,；|：：|;;", both), both
    fed = ex.grade(text).items[-2].feedback  # the structure criterion as the widget shows it
    assert "greeting: Hi Emily; " in fed.en and "问候：Hi Emily；" in fed.zh, fed
    assert not re.search(r",;|,；", fed.en + fed.zh)
    assert r.criterion("structure").found[0] == "greeting: Hi Emily,"  # the item keeps its words


@pytest.mark.parametrize("lines,sep,joined", [
    (["greeting: Hi Emily,", "thanks: Thank you"], "; ", "greeting: Hi Emily; thanks: Thank you"),
    (["问候：Hi Emily,", "结尾：Best regards,"], "；", "问候：Hi Emily；结尾：Best regards,"),
    (["a", "b"], "; ", "a; b"),
    ([], "; ", ""),
])
def test_listed_drops_a_closing_mark_before_the_separator(lines, sep, joined):
    assert listed(lines, sep) == joined


JUST_UNDER = ("Dear Ms Tremblay,\n\nThank you for your message. We can keep the price at $9.50 a "
              "lamp for the next six months. Delivery to Canada takes 12 days. We will send"
              " the order within 2 days.\n\nBest regards,\nLily")


def test_a_whole_letter_just_under_the_range_is_said_plainly():
    r = review("markets-reply-canada", JUST_UNDER)
    t = _texts(r)
    assert "just under" not in t["en"] and "略少于" not in t["zh"]
    assert ": good" not in [a for a in t["en"].splitlines() if a.startswith("Length")][0]
    assert "Length: 39 words: one under this task's 40-140; fine for a reply that does the job" \
        in t["en"], t["en"]
    assert "长度：39 个词，比本题 40-140 个词少 1 个；作为完成任务的回复可以" in t["zh"], t["zh"]
    assert "a full letter's detail (39 words, one under 40-140)" in t["en"]
    assert r.score >= 80  # a whole letter: it loses only the length point


def test_a_pasted_reply_meets_no_criterion():
    ex = course_bank()["markets-reply-canada"]
    r = ex.review(ex.prompt.en)
    assert r.score == 0 and "pasted" in [c["name"] for c in r.caps]
    assert not any(c.passed for c in r.criteria), [(c.name, c.points) for c in r.criteria]
    assert "✔" not in r._repr_html_() and "[ok  ]" not in repr(r)
    result = ex.grade(ex.prompt.en)
    assert not any(i.correct for i in result.items[:5]), [i.correct for i in result.items]
    # what the class report counts from the criteria: writing.csv's points, the live page's
    # missed criteria
    from course.exercises.kinds.written_work import reply_columns, reply_criteria

    assert all(reply_columns(ex, ex.prompt.en)[c] == 0 for c in
               ("content", "relevance", "tone", "language", "structure"))
    attempts = [{"items": [{"index": i.index, "label": i.label.en, "label_zh": i.label.zh,
                            "correct": i.correct} for i in result.items]}]
    assert all(row["missed"] == 1 for row in reply_criteria(ex, attempts)[:5])


def test_a_borrowed_letter_keeps_its_criteria():
    """The borrowed cap (a letter told in the task's words, 60) is a weak reply, not the task
    handed in: its criteria stay as earned."""
    ex = course_bank()["markets-reply-canada"]
    r = ex.review(ex.model_answer)
    assert r.score >= 97 and all(c.passed for c in r.criteria)
