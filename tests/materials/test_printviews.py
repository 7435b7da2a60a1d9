"""The print view of every kind: every exercise of the bank prints, and the key each paper
prints is right by the kind's own grader, in both forms and on the worksheet."""
from __future__ import annotations

import functools
import re

import pytest

import course
from course.exercises import kinds
from course.materials.printview import PrintContext, form_order, printed_exercise
from course.materials.textify import html_lines


@functools.cache
def _bank():
    """The course bank, loaded when a test first needs it: not when the file is collected,
    which each xdist worker does (a full load reviews every reply example)."""
    return course.load_bank(course.paths.bank_dir())


def _exercises() -> list:
    return list(_bank().values())


def test_every_registered_kind_has_a_print_view():
    assert kinds.types_without_view("print") == ()
    for type_name in kinds.types():
        assert callable(kinds.view(type_name, "print"))


@pytest.mark.parametrize("form", ["", "A", "B"])
def test_the_printed_key_of_every_exercise_is_right_by_its_grader(form):
    wrong = []
    for ex in _exercises():
        item = kinds.view(ex.type, "print")(ex, PrintContext("en", form, False, 1))
        result = printed_exercise(ex, form).grade(item.key_response)
        if not result.correct:
            wrong.append((ex.id, form, result.score))
        assert item.html and item.key_html and item.points > 0
    assert wrong == []


def _printed_options(html: str) -> dict[str, str]:
    """Letter -> option text as the question paper shows them ("A Some text")."""
    out = {}
    for line in html_lines(html):
        m = re.match(r"^([A-Z]) (.+)$", line)
        if m:
            out[m.group(1)] = m.group(2)
    return out


@pytest.mark.parametrize("form", ["A", "B"])
def test_the_key_letters_of_choice_items_name_the_right_options_on_the_paper(form):
    """Read the letters the key prints and the options the paper prints next to those
    letters, find those options in the bank by their text, and grade them."""
    checked = 0
    for ex in _exercises():
        if ex.type not in ("single_choice", "multiple_choice"):
            continue
        item = kinds.view(ex.type, "print")(ex, PrintContext("en", form, False, 1))
        on_paper = _printed_options(item.html)
        letters = re.search(r'<span class="answer">(.*?)</span>', item.key_html).group(1)
        letters = letters.split(", ")
        by_text = {" ".join(o.text.en.split()): o.key for o in ex.options}
        picked = [by_text[on_paper[letter]] for letter in letters]
        response = picked if ex.multiple else picked[0]
        assert ex.grade(response).correct, (ex.id, form, letters)
        checked += 1
    assert checked > 40  # the bank has about 60 choice items


def test_form_b_orders_differently_from_form_a_where_it_can():
    keys = list("abcd")
    assert form_order(keys, "x", "A", "options") != form_order(keys, "x", "B", "options")
    assert form_order(keys, "x", "A", "options", shuffle=False) == keys
    for ex in _exercises():
        if ex.type in ("single_choice", "multiple_choice") and ex.shuffle:
            a = kinds.view(ex.type, "print")(ex, PrintContext("en", "A"))
            b = kinds.view(ex.type, "print")(ex, PrintContext("en", "B"))
            assert a.shown_order != b.shown_order, ex.id
            assert sorted(a.shown_order) == sorted(b.shown_order)


def test_a_paper_without_the_key_shows_no_answer_and_one_with_it_does():
    ex = _bank()["rel-chat-buy"]  # numeric
    answer = f"{ex.answer:g}"
    view = kinds.view(ex.type, "print")
    assert answer not in view(ex, PrintContext("en", "A", False)).html
    assert answer in view(ex, PrintContext("en", "A", True)).html
    cloze = _bank()["rel-habits"]
    plain = kinds.view("cloze", "print")(cloze, PrintContext("en", "", False)).html
    keyed = kinds.view("cloze", "print")(cloze, PrintContext("en", "", True)).html
    assert 'class="filled"' not in plain and 'class="filled"' in keyed
    for blank in cloze.blanks:
        assert f'<u class="filled">{blank.answers[0]}</u>' in keyed


def test_bank_text_is_escaped_in_the_fragment():
    from course.exercises.kinds import build_exercise

    ex = build_exercise({"id": "x", "type": "true_false", "prompt": "<b>bold</b> & <i>",
                         "answer": True, "examples": {"correct": [True], "wrong": [False]}})
    html = kinds.view("true_false", "print")(ex, PrintContext("en")).html
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;i&gt;" in html and "<b>bold" not in html


def test_a_kind_without_a_print_view_is_listed_not_dropped():
    from course.exercises.kinds.base import Exercise
    from course.materials.papers import print_items

    class Unprintable(Exercise):
        types = ("unprintable_test",)
        messages = {"type_unprintable_test": ("Unprintable", "不可打印")}

    kinds.register(Unprintable)
    try:
        assert kinds.types_without_view("print") == ("unprintable_test",)
        ex = Unprintable({"id": "u1", "type": "unprintable_test", "prompt": "?"})
        items, missing = print_items([_bank()["rel-chat-buy"], ex], "en")
        assert [i.exercise_id for i in items] == ["rel-chat-buy"]
        assert missing == ["u1 (unprintable_test)"]
    finally:
        kinds.unregister("unprintable_test")


def test_a_character_that_no_font_covers_is_named():
    from course.materials.pdf import glyph_note

    assert "𪚥" in glyph_note("<p>客户 𪚥</p>", "worksheet.zh.pdf")
    assert glyph_note("<style>x{}</style><p>客户关系 · Grade 1</p>", "x.pdf") is None


#: The assessment numeric items whose numbers are the shop's own or a date (self-contained),
#: with form B's answer worked by hand from the lesson's rule, apart from the bank's formula.
VARYING = {
    "rel-chat-order-value": 180,          # 150 US dollars raised by lesson 01's 20%
    "follow-assess-recency": 14,          # 17 November to 1 December
    "msg-logistics-days": 12,             # shipped 4 May, asked 16 May
    "comm-silent-share": 120,             # 6 complaints are lesson 08's 5%
    "rev-rel-chat-survey": 306,           # 51% of 600
    "rev-grading-hours-left": 7,          # Monday 16:00 + 24 h = Tuesday 16:00, from 9:00
    "rev-follow-new-customer-cost": 150,  # five times 30 US dollars
    "w08-assess-small": 31,               # full refund of a 28-dollar dryer (<= 30) + 3 offered
}
#: Numbers that are the course's data (China's export e-commerce, 6.3 trillion yuan and 14.5%
#: in 2017): the same on both forms.
TIED_TO_DATA = {"markets-assess-growth", "rev-markets-2016-size"}


def test_form_b_of_the_varying_numeric_items_prints_other_numbers_and_a_right_key():
    numeric = {ex.id: ex for ex in _exercises() if ex.type == "numeric" and ex.mode == "assessment"}
    assert set(numeric) == set(VARYING) | TIED_TO_DATA
    for exercise_id, expected in VARYING.items():
        ex = numeric[exercise_id]
        a, b = (kinds.view("numeric", "print")(ex, PrintContext("en", f, True, 1)) for f in "AB")
        assert float(b.key_response) == expected, exercise_id
        assert printed_exercise(ex, "B").grade(b.key_response).correct
        assert not ex.grade(b.key_response).correct  # the online item keeps its numbers
        assert ex.grade(a.key_response).correct and a.html != b.html
        for lang in ("en", "zh"):
            paper = kinds.view("numeric", "print")(ex, PrintContext(lang, "B", False, 1))
            shown = " ".join(html_lines(paper.html))
            assert ex.for_form("B").prompt.render(lang) in shown, (exercise_id, lang)
            assert ex.prompt.render(lang) not in shown, (exercise_id, lang)
    for exercise_id in TIED_TO_DATA:
        assert numeric[exercise_id].exam_forms == {}
