"""Language switching without re-running cells, the lesson header, and HTML escaping."""
from __future__ import annotations

from pathlib import Path

import ipywidgets as w
import pytest

from course import session as state
from course.exercises import progress
from course.exercises.kinds import build_exercise
from course.exercises.loader import load_bank
from course.exercises.widgets import lesson_header
from course.exercises.widgets.style import CSS
from course.messages import MESSAGES as UI


def test_set_language_relabels_every_displayed_widget(gallery):
    cloze = gallery["gallery-cloze"].widget
    single = gallery["gallery-single"].widget
    matching = gallery["gallery-matching"].widget
    tf = gallery["gallery-true-false"].widget
    cloze.answer(["four", "same", "three"]).check()
    cloze.hint()
    single.answer(1)
    matching.answer({"Grade 3": "E-mails answered within 24 hours"})
    state.set_language("zh")
    assert cloze._check_btn.description == "检查" and cloze._retry_btn.description == "重做"
    assert "补全关于老客户的句子" in cloze._prompt.value
    assert "留住客户比寻找新客户便宜得多" in cloze._hints.value  # the hint shown so far
    assert "部分正确" in cloze._feedback.value and "教材里说是五倍" in cloze._feedback.value
    assert cloze._controls[0].description == "空格 1：请输入答案"
    chosen = single.exercise.options[1].key  # options are shown shuffled, picked by key
    assert dict((v, label) for label, v in single._radio.options)[chosen].endswith(". 二级")
    assert single._radio.value == chosen  # relabelling keeps the learner's choice
    assert [label for label, _v in tf._radio.options] == ["对", "错"]
    labels = {v: label for label, v in matching._drops[1].options}
    assert labels["E-mails answered within 24 hours"] == "24 小时内回复邮件"
    assert matching._drops[1].value == "E-mails answered within 24 hours"
    assert "三级" in matching._lefts[1].value
    state.set_language("both")
    assert cloze._check_btn.description == "Check / 检查"
    assert 'lang="en"' in cloze._prompt.value and 'lang="zh"' in cloze._prompt.value
    state.set_language("en")
    assert cloze._check_btn.description == "Check" and "老客户" not in cloze._prompt.value


def test_every_ui_string_has_both_languages():
    for key, (en, zh) in UI.items():
        assert en.strip() and zh.strip(), key


def test_a_closed_widget_does_not_break_the_language_switch(gallery):
    closed, open_one = gallery["gallery-single"].widget, gallery["gallery-cloze"].widget
    assert open_one._check_btn.description == "Check"
    closed.close()
    state.set_language("zh")
    assert open_one._check_btn.description == "检查"


def test_header_language_switch_and_relabel(gallery):
    header = gallery.header()
    cloze = gallery["gallery-cloze"].widget
    assert "course-lesson-header" in header._dom_classes
    assert header._lang.value == "en"
    header._lang.value = "zh"  # the learner clicks 中文
    assert state.get_language() == "zh" and cloze._check_btn.description == "检查"
    assert "练习组件示例" in header._title.value
    state.set_language("both")  # from code: the toggle follows
    assert header._lang.value == "both"
    assert header._lang.description == "Language / 语言"


def test_header_progress_bar_follows_checks(gallery):
    header = lesson_header(gallery)
    assert (header.done, header.total) == (0, 9)
    assert header._progress_text.value.count("0 of 9") == 1
    gallery["gallery-cloze"].widget.answer(["five", "same", "3"]).check()
    gallery["gallery-single"].widget.answer(0).check()
    gallery["gallery-numeric"].widget.answer("20").check()  # assessment: not in the mean
    assert (header.done, header._bar.value, header._bar.max) == (3, 3, 9)
    assert "3 of 9 exercises done" in header._progress_text.value
    assert "mean best score 50%" in header._progress_text.value


def test_header_of_a_course_lesson_has_time_and_links(fresh):
    import course

    lesson = course.lesson("02-idic")
    header = lesson.header()
    meta = header._meta.value
    assert "min teaching" in meta and "min exercises" in meta
    assert ('href="w01-relationships-workshop.ipynb"' in meta  # the workshop of lesson 01
            and 'href="w02-idic-workshop.ipynb"' in meta)
    assert "Previous: A complaint and a letter" in meta
    assert header._bar.max == len(lesson)


def test_presenter_header_reveals_all(gallery, monkeypatch):
    monkeypatch.setenv("CRM_COURSE_PRESENTER", "1")
    state.set_mode("class")
    header = gallery.header()
    single = gallery["gallery-single"].widget
    assert header._reveal_all.layout.display != "none"
    header._reveal_all.click()
    assert all(state.is_revealed(i) for i in gallery.ids)
    assert "Grade 2" in single._solution.value


def test_header_without_presenter_has_no_reveal_button(gallery):
    assert gallery.header()._reveal_all.layout.display == "none"


NASTY = "<img src=x onerror=alert(1)>"


def _all_html(widget) -> str:
    out = []
    stack = [widget]
    while stack:
        node = stack.pop()
        if isinstance(node, w.HTML) and "course-style" not in node._dom_classes:
            out.append(node.value)
        stack.extend(getattr(node, "children", ()))
    return "\n".join(out)


def test_bank_and_learner_text_cannot_inject_markup(fresh):
    raw = {
        "id": "nasty", "type": "cloze", "mode": "practice",
        "title": {"en": "<b>bold</b>", "zh": "<script>alert(2)</script>"},
        "prompt": {"en": f"Prompt {NASTY}", "zh": "提示 <svg onload=alert(3)>"},
        "text": f"Before <script>alert(4)</script> [[ok :: tip {NASTY}]] & after",
        "hints": [{"en": f"hint {NASTY}", "zh": "<iframe src=x>"}],
        "solution": {"en": f"sol {NASTY}", "zh": "<style>*{}</style>"},
        "feedback": {"wrong": {"en": f"fb {NASTY}", "zh": "<a href=javascript:x>"}},
        "examples": {"correct": [["ok"]], "wrong": [["no"]]},
    }
    ex = build_exercise(raw, lesson="00-test")
    widget = ex.widget
    widget.answer([NASTY]).check()
    widget.hint()
    widget.tip(0)
    widget.show_solution()
    for lang in ("en", "zh", "both"):
        state.set_language(lang)
        page = _all_html(widget)
        for tag in ("<img", "<script", "<svg", "<iframe", "<style>*", "<a href", "<b>bold"):
            assert tag not in page, (lang, tag)
    state.set_language("both")
    page = _all_html(widget)
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in page and "&amp; after" in page
    saved = progress.last_attempt("nasty")["response"]
    assert saved == [NASTY]  # stored as typed


def test_style_block_is_one_shared_widget(gallery):
    a, b = gallery["gallery-cloze"].widget, gallery["gallery-single"].widget
    assert a.children[0] is b.children[0]
    assert "course-exercise" in CSS and "course-cloze" in CSS
    assert a.children[0].layout.display == "none"


@pytest.mark.parametrize("lang", ["en", "zh", "both"])
def test_every_control_has_a_readable_description(gallery, lang):
    state.set_language(lang)
    for ex in gallery.exercises:
        widget = ex.widget
        stack = list(widget.children)
        while stack:
            node = stack.pop()
            stack.extend(getattr(node, "children", ()))
            if isinstance(node, w.Button) and node.layout.display != "none":
                assert node.description.strip() and node.tooltip, (ex.id, node)
            elif isinstance(node, w.Text | w.Dropdown | w.RadioButtons | w.Select
                            | w.Checkbox):
                assert node.description.strip(), (ex.id, type(node).__name__)


def test_reload_keeps_choices_in_the_same_order(fresh):
    gallery_file = Path(__file__).parent / "00-gallery.yaml"
    first = load_bank(gallery_file).lessons["00-gallery"]["gallery-matching"].widget
    second = load_bank(gallery_file).lessons["00-gallery"]["gallery-matching"].widget
    assert first._drops[0].options == second._drops[0].options
