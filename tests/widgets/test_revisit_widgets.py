"""The "go back to lesson NN" pointer after a wrong Check, and the review summary."""
from __future__ import annotations

import course
from course.exercises import attempt, widgets
from course.exercises.revisit import review_summary
from course.exercises.widgets.review import ReviewSummaryWidget

BANK = """\
lesson: 01-test
title: {en: Test, zh: 测试}
exercises:
  - id: rv-practice
    type: single_choice
    prompt: {en: Which grade is answered within 24 hours?, zh: 哪一级客户要在 24 小时内回复？}
    shuffle: false
    options:
      - {text: Grade 3, correct: true}
      - {text: Grade 4}
    revisit: {lesson: 04-customer-grading, section: {en: "3. How each grade is handled",
                                                     zh: "3. 各级客户的处理方式"}}
    examples: {correct: [0], wrong: [1]}
  - id: rv-no-pointer
    type: true_false
    prompt: {en: "True or false? IDIC starts with Identify.", zh: 判断对错：IDIC 从识别开始。}
    answer: true
    examples: {correct: [true], wrong: [false]}
  - id: rv-assess
    type: true_false
    mode: assessment
    prompt: {en: "True or false? Grade 4 comes first.", zh: 判断对错：四级客户最先处理。}
    answer: false
    revisit: {lesson: 04-customer-grading}
    examples: {correct: [false], wrong: [true]}
"""


def lesson(tmp_path):
    path = tmp_path / "01-test.yaml"
    path.write_text(BANK, encoding="utf-8")
    return course.load_bank(path).lessons["01-test"]


def test_a_wrong_check_shows_the_pointer_with_a_link_in_the_language(fresh, tmp_path):
    w = lesson(tmp_path)["rv-practice"].widget
    w.answer(1).check()
    html = w._feedback.value
    assert 'class="course-revisit"' in html and 'href="04-customer-grading.ipynb"' in html
    assert "Go back to lesson 04 · Customer grading and reply priorities" in html
    assert "3. How each grade is handled" in html and "请回到第 04 课" not in html
    course.set_language("zh")
    assert "请回到第 04 课 · 客户等级划分与回复优先级，“3. 各级客户的处理方式”一节" in w._feedback.value
    assert "Go back" not in w._feedback.value
    course.set_language("both")
    assert "Go back to lesson 04" in w._feedback.value and "请回到第 04 课" in w._feedback.value


def test_a_right_check_shows_no_pointer(fresh, tmp_path):
    w = lesson(tmp_path)["rv-practice"].widget
    w.answer(0).check()
    assert w.result.correct and "course-revisit" not in w._feedback.value
    w.answer(1).check()
    assert "course-revisit" in w._feedback.value  # wrong again: the pointer comes back
    w.answer(0).check()
    assert "course-revisit" not in w._feedback.value


def test_an_exercise_without_a_pointer_shows_none(fresh, tmp_path):
    w = lesson(tmp_path)["rv-no-pointer"].widget
    w.answer(False).check()
    assert not w.result.correct and "course-revisit" not in w._feedback.value


def test_assessment_mode_never_shows_the_pointer(fresh, tmp_path):
    """The pointer would tell the learner that the answer was wrong."""
    w = lesson(tmp_path)["rv-assess"].widget
    w.answer(True).check()
    assert "saved" in w._feedback.value and "course-revisit" not in w._feedback.value
    course.set_mode("practice")  # the teacher (or a learner alone) turns feedback on
    w.answer(True).check()
    assert "course-revisit" in w._feedback.value


def test_a_restored_wrong_answer_shows_the_pointer(fresh, tmp_path):
    lesson(tmp_path)["rv-practice"].widget.answer(1).check()
    again = lesson(tmp_path)["rv-practice"].widget  # the cell run again: restored from the store
    assert again.restored is not None and "course-revisit" in again._feedback.value


def test_the_summary_with_no_attempts_says_so(fresh, tmp_path):
    s = review_summary(lesson(tmp_path))
    assert s.answered == 0 and s.unanswered == ["rv-practice", "rv-no-pointer", "rv-assess"]
    assert s.text("en") == "No answers saved yet: answer the 3 exercises above, then look here again."
    assert s.text("zh") == "还没有保存的答案：请先完成上面的 3 道练习，再回来看这里。"


def test_the_summary_lists_where_to_go_back_from_the_store(fresh, tmp_path):
    ls = lesson(tmp_path)
    attempt.Attempt(ls["rv-practice"]).check(1)      # wrong
    attempt.Attempt(ls["rv-assess"]).check(True)     # wrong (recorded only, on screen)
    attempt.Attempt(ls["rv-no-pointer"]).check(True)  # right
    s = ls.review_summary()
    assert s.right == ["rv-no-pointer"] and s.wrong == ["rv-practice", "rv-assess"]
    groups = s.to_revisit()
    assert [(rev.lesson, ids) for rev, ids in groups] == [
        ("04-customer-grading", ["rv-practice"]), ("04-customer-grading", ["rv-assess"])]
    en = s.text("en")
    assert "You have answered 3 of 3 exercises." in en
    assert "2 answer(s) not right yet" in en
    assert "Go back to lesson 04 · Customer grading and reply priorities, section “3. How each" \
           " grade is handled”" in en
    md = s._repr_markdown_()
    assert "[04-customer-grading.ipynb](04-customer-grading.ipynb)" in md
    zh = s.text("zh")
    assert "有 2 个答案还不对" in zh and "请回到第 04 课" in zh and "Go back" not in zh
    # a later right answer takes the lesson off the list: the summary follows the last answer
    attempt.Attempt(ls["rv-practice"]).check(0)
    attempt.Attempt(ls["rv-assess"]).check(False)
    done = ls.review_summary()
    assert done.all_right and done.wrong == []
    assert "congratulations" in done.text("en") and "祝贺你" in done.text("zh")


def test_the_summary_counts_only_the_learner_asked_for(fresh, tmp_path):
    ls = lesson(tmp_path)
    course.set_learner("Li Lei")
    attempt.Attempt(ls["rv-practice"]).check(1)
    course.set_learner("Wang Fang")
    attempt.Attempt(ls["rv-practice"]).check(0)
    assert review_summary(ls, learner="Li Lei").wrong == ["rv-practice"]
    assert review_summary(ls, learner="Wang Fang").right == ["rv-practice"]


def test_the_summary_widget_updates_after_each_check_and_follows_the_language(fresh, tmp_path):
    ls = lesson(tmp_path)
    view = ls.review_summary().widget()
    assert isinstance(view, ReviewSummaryWidget)
    assert "No answers saved yet" in view._body.value and repr(view).startswith("No answers")
    ls["rv-practice"].widget.answer(1).check()  # a Check in another cell, as a learner clicks
    assert "not right yet" in view._body.value
    assert 'href="04-customer-grading.ipynb"' in view._body.value
    course.set_language("zh")
    assert "请回到第 04 课" in view._body.value and "not right yet" not in view._body.value
    course.set_language("en")
    for ex_id, right in (("rv-practice", 0), ("rv-no-pointer", True), ("rv-assess", False)):
        ls[ex_id].widget.answer(right).check()
    assert "congratulations" in view._body.value


def test_the_review_notebook_lesson_has_a_pointer_per_wrong_item(fresh):
    review = course.lesson("09-review")
    course.set_mode("practice")
    w = review["rev-markets-2016-size"].widget
    w.answer("6.3").check()
    assert 'href="06-markets.ipynb"' in w._feedback.value
    s = review.review_summary()
    assert s.wrong == ["rev-markets-2016-size"] and len(s.unanswered) == len(review) - 1
    assert "Go back to lesson 06 · Regional market profiles" in s.text("en")


def test_the_reply_widget_labels_its_facts_in_words_not_ids(fresh):
    ex = course.lesson("09-review")["rev-reply-out-of-stock"]
    task = ex.widget._task.value
    assert "When the supplier restocks" in task and "The order number" in task
    assert "Mrs Haddad" in task and "8120455667788990" in task
    assert "<code>" not in task
    assert not [f for f in ex.facts if "_" in f and f in task]  # no snake_case id, no tooltip
    course.set_language("zh")
    task = ex.widget._task.value
    assert "供应商补货日期" in task and "买家姓名" in task and "When the supplier" not in task
    course.set_language("both")
    assert "When the supplier restocks / 供应商补货日期" in ex.widget._task.value.replace(
        '</span> / <span lang="zh" class="course-zh">', " / ")


def test_an_unknown_fact_is_shown_in_words():
    from course.exercises.widgets.writing import fact_label

    assert fact_label("gift_wrap").en == "Gift wrap"
    assert fact_label("tracking_number").zh == "运单号"


def test_widgets_package_still_builds_every_kind(fresh, tmp_path):
    for ex in lesson(tmp_path).exercises:
        assert widgets.make_widget(ex).exercise is ex
