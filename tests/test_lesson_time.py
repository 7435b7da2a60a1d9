"""Each lesson's time, computed from its content (tools/lesson_time.py), against course.yaml.

The model is stated in tools/lesson_time.py and docs/instructor.md: reading speed for the
English and the Chinese text (the lesson's and what its demonstrations print), a time per
demonstration cell and per cell to change, a time per
exercise by type, three minutes per discussion question of the closing case.
"""
import importlib.util
import math
import re
import sys
from pathlib import Path

import nbformat
import pytest

from course.exercises.course_map import load

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("lesson_time", ROOT / "tools" / "lesson_time.py")
lesson_time = importlib.util.module_from_spec(spec)
sys.modules.setdefault("lesson_time", lesson_time)  # dataclasses look their module up
spec.loader.exec_module(lesson_time)

ENTRIES = [e for e in load(ROOT / "notebooks" / "course.yaml").lessons
           if (ROOT / "notebooks" / e.notebook).exists()]
#: a stated time may round the computed one up, by less than this (minutes), never down
ROUNDING = 5


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.slug)
def test_stated_minutes_cover_the_computed_time_and_fit_a_class_hour(entry):
    core, _optional = lesson_time.estimate(entry.slug)
    assert entry.minutes <= 45, f"{entry.slug}: course.yaml says {entry.minutes} min"
    assert entry.teaching_minutes >= core.teaching, (
        f"{entry.slug}: teaching takes {core.teaching:.1f} min by the model, "
        f"course.yaml says {entry.teaching_minutes}")
    assert entry.exercise_minutes >= core.exercise, (
        f"{entry.slug}: exercises take {core.exercise:.1f} min by the model, "
        f"course.yaml says {entry.exercise_minutes}")
    assert entry.teaching_minutes - core.teaching < ROUNDING
    assert entry.exercise_minutes - core.exercise < ROUNDING


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.slug)
def test_time_line_of_the_lesson_agrees_with_course_yaml_and_the_model(entry):
    nb = nbformat.read(ROOT / "notebooks" / entry.notebook, as_version=4)
    line = re.search(r"\*\*Time / 时间:\*\* teaching (\d+) min · exercises (\d+) min(.*)",
                     nb.cells[0].source)
    assert line is not None, (f"{entry.slug}: its first cell has no line '**Time / 时间:** "
                              "teaching N min · exercises N min'")
    assert (int(line.group(1)), int(line.group(2))) == (entry.teaching_minutes,
                                                         entry.exercise_minutes)
    _core, optional = lesson_time.estimate(entry.slug)
    more = re.search(r"about (\d+) min more", line.group(3))
    if optional.total:
        assert more, f"{entry.slug}: the optional part's time is not stated"
        assert int(more.group(1)) == 5 * math.ceil(optional.total / 5)
    else:
        assert more is None


def _notebook(tmp_path, cells):
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "exercises").mkdir()
    nb = nbformat.v4.new_notebook(cells=cells)
    nbformat.write(nb, tmp_path / "notebooks" / "01-x.ipynb")
    (tmp_path / "exercises" / "01-x.yaml").write_text(
        "lesson: 01-x\nexercises:\n  - {id: q-one, type: reply}\n  - {id: q-two, type: cloze}\n",
        encoding="utf-8")


def test_the_model_on_a_lesson_with_known_content(tmp_path, monkeypatch):
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    _notebook(tmp_path, [
        md("# Lesson\n\n" + "word " * 199),                    # 200 English words: 2 min
        code('import course\nlesson = course.lesson("01-x")\nlesson.header()'),   # nothing
        md("> 中文：" + "好" * 248),                             # 250 Chinese characters: 1 min
        code("x = 1  # change 1 to 2 and re-run"),             # 1 min + 2 min to change
        code('lesson["q-one"]'),                               # reply: 8 min
        md("<details><summary>Sample answer</summary>\n\nyes\n\n</details>"),  # 3 min; 3 words ("Sample answer yes")
        md("## Glossary\n\n| a | b |\n" * 3),                   # reference: not counted
        md("## Going further (optional)\n\nmore"),
        code('lesson["q-two"]'),                               # optional: cloze 2 min
        code("lesson.nav()"),
    ])
    monkeypatch.setattr(lesson_time, "NOTEBOOKS", tmp_path / "notebooks")
    monkeypatch.setattr(lesson_time, "EXERCISES", tmp_path / "exercises")
    core, optional = lesson_time.estimate("01-x")
    assert (core.english_words, core.chinese_chars) == (200 + 3, 250)
    assert (core.demo_cells, core.change_cells, core.discussion_questions) == (1, 1, 1)
    assert core.exercises == {"reply": 1}
    assert core.teaching == pytest.approx(2.03 + 1 + 1)
    assert core.exercise == pytest.approx(8 + 2 + 3)
    assert optional.exercises == {"cloze": 1} and optional.exercise == 2


def test_the_text_a_demonstration_prints_is_read_but_a_table_is_not(tmp_path, monkeypatch):
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    printed = code('print("...")')
    printed.outputs = [nbformat.v4.new_output("stream", name="stdout", text="word " * 150),
                       nbformat.v4.new_output("execute_result", data={"text/plain": "'好" * 50 + "'"})]
    table = code("df")
    table.outputs = [nbformat.v4.new_output("execute_result", data={
        "text/plain": "many words " * 100, "text/html": "<table>...</table>"})]
    exercise = code('lesson["q-one"]')
    exercise.outputs = [nbformat.v4.new_output("execute_result",
                                               data={"text/plain": "Exercise q-one " * 50})]
    _notebook(tmp_path, [md("# Lesson"), printed, table, exercise])
    monkeypatch.setattr(lesson_time, "NOTEBOOKS", tmp_path / "notebooks")
    monkeypatch.setattr(lesson_time, "EXERCISES", tmp_path / "exercises")
    core, _ = lesson_time.estimate("01-x")
    # 150 printed words (1.5 min) and 50 printed characters (0.2 min) are read; the table's
    # words are looked at within its cell's minute; the exercise's output is the exercise
    assert (core.printed_words, core.printed_chars) == (150, 50)
    assert core.teaching == pytest.approx(0.01 + 2 * 1 + 1.5 + 0.2)


def test_an_exercise_cell_that_names_no_bank_exercise_is_an_error(tmp_path, monkeypatch):
    _notebook(tmp_path, [nbformat.v4.new_code_cell('lesson["q-three"]')])
    monkeypatch.setattr(lesson_time, "NOTEBOOKS", tmp_path / "notebooks")
    monkeypatch.setattr(lesson_time, "EXERCISES", tmp_path / "exercises")
    with pytest.raises(KeyError, match="q-three"):
        lesson_time.estimate("01-x")


def test_a_role_play_counts_each_reply_of_its_longest_conversation():
    from course.exercises import kinds

    def turn(*targets):
        return {"buyer": "...", "expect": ["thank"], "next": [{"goto": t} for t in targets]}

    # start -> a -> b -> end is the longest path: three replies (a loop back to start stops)
    raw = {"type": "roleplay", "start": "s", "turns": {
        "s": turn("a", "end"), "a": turn("b", "s"), "b": turn("end"), "end": {"end": "good"}}}
    per_turn = kinds.kind_of("roleplay").minutes_per_turn
    assert kinds.exercise_minutes(raw) == 3 * per_turn
    assert kinds.exercise_minutes({"type": "reply"}) == kinds.minutes("reply") == 8
    # an assessment reply shows no review: one draft, no revising until it passes
    assert kinds.exercise_minutes({"type": "reply", "mode": "assessment"}) == 5
