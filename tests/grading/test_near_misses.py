"""Issue 23: answers a teacher accepts on paper (Chinese numerals, a count with its noun,
"about", the unit around a blank typed into it, other forms of a listed word, "within" for a
maximum) pass, and every refusal a teacher makes stays a refusal."""
from __future__ import annotations

import pytest

from course.exercises.kinds import build_exercise
from course.exercises.numerals import chinese_number, chinese_numerals_to_digits
from course.exercises.quantities import parse_quantity
from course.exercises.text_match import NO_FORMS, match_text, same_word, word_families


@pytest.mark.parametrize(("text", "value"), [
    ("二十四", 24), ("五", 5), ("三百", 300), ("三千七百五十", 3750), ("三千七百五", 3750),
    ("六点三", 6.3), ("一百六十", 160), ("五十一", 51), ("两百", 200), ("二百零四", 204),
    ("两百零四", 204), ("十二", 12), ("十", 10), ("一万二", 12000), ("一千零五", 1005),
    ("零点五", 0.5), ("七点二五", 7.25), ("廿四", 24), ("三十五万", 350000),
    ("一亿二千万", 120_000_000), ("两千零二十六", 2026),
])
def test_chinese_numerals(text, value):
    assert chinese_number(text) == value


@pytest.mark.parametrize("text", ["百", "二四", "十百", "点五", "五点", "万", "一万万"])
def test_what_is_not_one_chinese_number(text):
    assert chinese_number(text) is None


def test_a_chinese_magnitude_stays_a_magnitude():
    assert chinese_numerals_to_digits("六点三万亿元") == "6.3万亿元"
    assert chinese_numerals_to_digits("6.3 十亿") == "6.3 十亿"  # after digits: a magnitude
    q = parse_quantity("六点三万亿元")
    assert (q.value, q.magnitude, q.currency, q.number_words) == (6.3, "trillion", "CNY", True)


@pytest.mark.parametrize(("text", "value", "noun"), [
    ("204 people", 204, "people"), ("160 customers", 160, "customers"), ("2 emails", 2, "emails"),
    ("204人", 204, "人"), ("204位客户", 204, "位客户"), ("两封", 2, "封"),
    ("160 unhappy customers", 160, "unhappy customers"), ("204 out of 400", 204, "out of 400"),
])
def test_a_count_with_its_noun(text, value, noun):
    q = parse_quantity(text)
    assert (q.value, q.noun, q.unit) == (value, noun, None)


def _numeric(answer, measures, **more):
    return build_exercise({"id": "n", "type": "numeric", "prompt": "?", "answer": answer,
                           "measures": measures, **more})


@pytest.mark.parametrize(("measures", "extra", "right", "wrong"), [
    ("count", {}, ["204 people", "204人", "204位客户", "二百零四", "about 204", "约204人"],
     ["204%", "204 hours", "205 people", "二百零五", "204 dollars"]),
    ("hours", {}, ["二十四小时", "24 hours", "约24小时", "twenty-four hours"],
     ["二十四天", "24 days", "24 emails", "within 24 hours", "12-24", "二十四分钟"]),
    ("times", {}, ["五倍", "five times", "约5倍", "五"], ["五天", "5%", "50倍"]),
    ("money", {"currency": "USD"}, ["两百美元", "二百美元", "about 200 dollars", "$200",
                                     "200美元左右"],
     ["两百元", "200 yuan", "€200", "200 trillion", "两千美元"]),
])
def test_a_teacher_reads_past_numerals_nouns_and_about(measures, extra, right, wrong):
    answer = {"count": 204, "hours": 24, "times": 5, "money": 200}[measures]
    ex = _numeric(answer, measures, **extra)
    for text in right:
        assert ex.grade(text).correct, text
    for text in wrong:
        assert not ex.grade(text).correct, text


def test_trillions_in_chinese_numerals_and_their_magnitude():
    ex = _numeric(6.3, "money", currency="CNY", magnitude="trillion", tolerance=0.05)
    for text in ("六点三万亿元", "约6.3万亿", "about 6.3 trillion", "六点三", "63000亿"):
        assert ex.grade(text).correct, text
    for text in ("六点三亿", "6.3 billion", "$6.3 trillion", "六点三万亿美元"):
        assert not ex.grade(text).correct, text


def test_within_and_a_range_only_where_the_item_takes_them():
    plain = _numeric(24, "hours")
    result = plain.grade("within 24 hours")
    assert not result.correct and "without" in result.feedback.en
    maximum = _numeric(24, "hours", bound="upper")
    for text in ("within 24 hours", "24小时内", "no later than 24 hours", "at most 24",
                 "24 hours at most"):
        assert maximum.grade(text).correct, text
    assert not maximum.grade("within 48 hours").correct
    result = maximum.grade("12-24 hours")
    assert not result.correct and "range" in result.feedback.en
    window = _numeric(24, "hours", bound="upper", accept_range=[12, 24])
    for text in ("12-24", "12-24 hours", "12 to 24 hours", "12到24小时", "24"):
        assert window.grade(text).correct, text
    for text in ("6-12", "12-48 hours", "24-48"):
        assert not window.grade(text).correct, text


def test_a_fraction_for_a_percentage_is_wrong_and_told_why():
    ex = _numeric(51, "percent", tolerance=0.5)
    result = ex.grade("0.51")
    assert not result.correct
    assert "51%" in result.feedback.en and "51%" in result.feedback.zh
    assert ex.grade("百分之五十一").correct and ex.grade("about 51%").correct
    assert "percentage" not in ex.grade("0.49").feedback.en


def test_word_forms_only_where_the_blank_lists_two_forms_of_the_word():
    assert same_word("identify", "identifying") and same_word("cancel", "cancellation")
    assert same_word("customize", "customization")
    for a, b in (("custom", "customize"), ("customer", "customize"), ("identity", "identify"),
                 ("different", "differentiate"), ("custom", "customization"),
                 ("interest", "interact"), ("cancer", "cancel")):
        assert not same_word(a, b), (a, b)
    assert word_families(("Identify", "Identification")) == ("identify", "identification")
    assert word_families(("delivery",)) == ()
    steps = ("cancellation", "cancelling", "canceling", "to cancel")
    assert match_text("cancel", steps).rules == ("word_form",)
    assert match_text("Identifying", ("Identify", "Identification")).ok
    assert not match_text("delivered", ("delivery",)).ok  # one form listed: no family
    assert not match_text("Customs", ("Customize", "Customization")).ok


def test_the_words_around_a_blank_and_a_head_noun():
    cloze = build_exercise({"id": "c", "type": "cloze", "prompt": "?",
                            "text": "Answer within [[24]] hours. Send a payment [[reminder]], "
                                    "or a pile of free [[samples]] at the start."})
    def blank(i, text):
        texts = [""] * 3
        texts[i] = text
        return cloze.grade(texts).items[i]
    for text in ("24 hours", "24小时", "二十四", "twenty-four hours", "24 hrs"):
        assert blank(0, text).correct, text
    for text in ("24 days", "24天", "48 hours", "24 minutes"):
        assert not blank(0, text).correct, text
    assert blank(1, "reminder message").correct and blank(1, "reminder e-mail").correct
    assert not blank(1, "remainder message").correct and not blank(1, "reminder day").correct
    assert blank(2, "free samples").correct and blank(2, "samples").correct
    assert blank(2, "pile of free samples").correct  # up to three words of the text
    assert "around" in blank(2, "free samples").rule.split("+")
    assert not blank(2, "free gifts").correct


def test_the_unit_after_a_range_of_two_blanks():
    cloze = build_exercise({"id": "c", "type": "cloze", "prompt": "?",
                            "text": "Write within [[12]] to [[24]] hours to ask why."})
    assert [i.correct for i in cloze.grade(["12 hours", "24小时"]).items] == [True, True]
    assert [i.correct for i in cloze.grade(["12 days", "24 minutes"]).items] == [False, False]


def test_a_rule_is_a_tuple_of_names():
    m = match_text("the competiters", ("competitors",))
    assert m.rules == ("article", "typo") and m.rule == "article+typo" and m.typo


def test_a_multiple_choice_score_is_explained():
    ex = build_exercise({"id": "q", "type": "multiple_choice", "prompt": "?", "options": [
        {"text": "a", "correct": True}, {"text": "b", "correct": True},
        {"text": "c", "correct": True}, {"text": "d"}, {"text": "e"}]})
    partial = ex.grade(["a", "b", "d"])
    assert round(partial.score, 2) == 0.33
    assert "2 of the 3 right answers chosen, and 1 wrong one(s)" in partial.feedback.en
    assert "33%" in partial.feedback.en and "选中了 2 个" in partial.feedback.zh
    assert "÷" not in partial.feedback.en + partial.feedback.zh  # no formula for B1 learners
    clean = ex.grade(["a", "b"])
    assert round(clean.score, 2) == 0.67
    assert "2 of the 3 right answers chosen, no wrong one: 67%" in clean.feedback.en
    assert "没有选错" in clean.feedback.zh
    cancelled = ex.grade(["a", "d"])
    assert cancelled.score == 0 and "cancels" in cancelled.feedback.en
    assert "right options" not in ex.grade(["d"]).feedback.en
    assert "Partly" not in ex.grade(["a", "b", "c"]).feedback.en


def test_working_shown_a_remark_in_brackets_and_spacing():
    ex = _numeric(300, "money", currency="USD", tolerance=0.5)
    for text in ("1,200 ÷ 4 = 300", "1200/4=300 dollars", "300 (1,200 ÷ 4)", "300美元（1200÷4）"):
        assert ex.grade(text).correct, text
    for text in ("300 = 1200/4", "1,200 ÷ 4 = 400", "(300)"):
        assert not ex.grade(text).correct, text
    assert match_text("watch（关注）", ("watch",)).rules == ("remark",)
    assert not match_text("wash (关注)", ("watch",)).ok
    assert match_text("co worker", ("co-worker",)).rules == ("spacing",)
    assert not match_text("co worker", ("co-worker",), forms=NO_FORMS).ok
