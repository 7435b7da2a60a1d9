"""The stored lessons: small, without widget state, and the tool that stores them."""
import importlib.util
import json
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted([*(ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"),
                    *(ROOT / "notebooks").glob("w[0-9][0-9]-*.ipynb")])  # lessons, workshops
spec = importlib.util.spec_from_file_location("run_notebooks", ROOT / "tools" / "run_notebooks.py")
run_notebooks = importlib.util.module_from_spec(spec)
spec.loader.exec_module(run_notebooks)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_lesson_is_small_and_has_no_widget_state(path):
    assert path.stat().st_size < 200_000, f"{path.name} is {path.stat().st_size} bytes"
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert "widgets" not in nb["metadata"]
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code and all(c["execution_count"] for c in code), "every code cell is executed"
    for cell in code:
        for output in cell["outputs"]:
            assert run_notebooks.WIDGET_VIEW not in output.get("data", {})


def test_strip_removes_widget_state_and_keeps_text():
    nb = nbformat.v4.new_notebook()
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    cell = nbformat.v4.new_code_cell("x", execution_count=1)
    cell.metadata["execution"] = {"iopub.execute_input": "2026-01-01T00:00:00Z"}
    cell.outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="Dear Ni"),
        nbformat.v4.new_output("stream", name="stdout", text="na,\n"),
        nbformat.v4.new_output("stream", name="stderr", text="careful\n"),
        nbformat.v4.new_output("display_data", data={
            run_notebooks.WIDGET_VIEW: {"model_id": "abc", "version_major": 2},
            "text/plain": "Exercise idic-letters (cloze)"}),
    ]
    nb.cells.append(cell)
    removed = run_notebooks.strip(nb)
    assert removed == {"widget_state": 1, "widget_views": 1}
    assert "widgets" not in nb.metadata and "execution" not in cell.metadata
    assert [o.get("name") for o in cell.outputs] == ["stdout", "stderr", None]
    assert cell.outputs[0]["text"] == "Dear Nina,\n"
    assert cell.outputs[2]["data"] == {"text/plain": "Exercise idic-letters (cloze)"}
    assert run_notebooks.problems(nb) == ["cell 0: stderr: careful"]


def test_kernel_env_is_private_and_in_the_default_language(monkeypatch):
    monkeypatch.setenv("CRM_COURSE_LANG", "zh")
    monkeypatch.setenv("CRM_COURSE_MODE", "class")
    env = run_notebooks.kernel_env("/some/home")
    assert env["CRM_COURSE_HOME"] == "/some/home"
    assert not {"CRM_COURSE_LANG", "CRM_COURSE_MODE"} & set(env)


def test_unknown_notebook_name_is_a_clear_message():
    with pytest.raises(SystemExit, match="No notebook named 99-nothing"):
        run_notebooks.select(["99-nothing"])


def _sections(path):
    """(heading, number of Chinese characters in the section's text) for each ## or ### section."""
    import re

    cjk = re.compile(r"[\u4e00-\u9fff]")
    nb = nbformat.read(path, as_version=4)
    found, current = [], None
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            if line.startswith(("## ", "### ")):
                current = [line, 0]
                found.append(current)
            elif current is not None:
                current[1] += len(cjk.findall(line))
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_section_has_a_chinese_summary(path):
    missing = [heading for heading, n in _sections(path) if n < 15]
    assert not missing


def test_the_index_demo_saves_nothing_for_lesson_02():
    nb = nbformat.read(ROOT / "notebooks" / "00-index.ipynb", as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert 'course.lesson("02-' not in code
    import course

    demo = course.lesson("00-index")["index-try-a-cloze"]
    assert demo.lesson == "00-index"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_answer_key_table_in_a_lesson(path):
    assert "self_check()" not in path.read_text(encoding="utf-8")


def _lesson_time():
    import sys

    spec = importlib.util.spec_from_file_location("lesson_time",
                                                  ROOT / "tools" / "lesson_time.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("lesson_time", module)
    spec.loader.exec_module(module)
    return module


#: what a lesson says when it asks the learner to change the next cell
ASKS_TO_CHANGE = r"\b(change|edit|rewrite|replace)\b|\btry adding\b|\btype your own\b"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_cell_a_learner_is_asked_to_change_says_what_to_change(path):
    import re

    lesson_time = _lesson_time()
    nb = nbformat.read(path, as_version=4)
    missing = []
    for i, cell in enumerate(nb.cells[1:], 1):
        before = nb.cells[i - 1]
        if cell.cell_type != "code" or before.cell_type != "markdown":
            continue
        if lesson_time.EXERCISE_CELL.match(cell.source):
            continue
        english = lesson_time.CJK.sub(" ", before.source)
        if re.search(ASKS_TO_CHANGE, english, re.I) and not lesson_time.CHANGE_COMMENT.search(
                cell.source):
            missing.append(f"cell {i}: {cell.source.splitlines()[0][:60]}")
    assert not missing


#: the lessons of the syllabus (not the index, not a final review): 01-08 and 10 (promotion)
LESSONS = [p for p in NOTEBOOKS if "01" <= p.name[:2] <= "08" or p.name[:2] == "10"]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_ends_with_a_case_and_two_questions_with_bilingual_sample_answers(path):
    import re

    lesson_time = _lesson_time()
    nb = nbformat.read(path, as_version=4)
    text = [c.source for c in nb.cells if c.cell_type == "markdown"]
    case = next((t for t in text if t.startswith("## Case · 案例")), None)
    assert case, "a closing case"
    story = case.split("\n\n")[1]
    assert 80 <= len(lesson_time.WORD.findall(story)) <= 150
    assert "> 中文：" in case.split("### Discuss")[0]
    answers = re.findall(r"<details><summary>Sample answer · 参考答案</summary>\n\n(.*?)</details>",
                         case, re.S)
    assert len(answers) == 2
    for answer in answers:
        english, chinese = answer.split("> 中文：")
        assert len(lesson_time.WORD.findall(english)) >= 20
        assert len(lesson_time.CJK.findall(chinese)) >= 30
    order = [t.split("\n")[0] for t in text if t.startswith("## ")]
    # the case, then the assessment items, then the summary: a summary right above the items
    # would state their answers (issue 23)
    case_at = order.index(case.split("\n")[0])
    assert order[case_at + 1:case_at + 3] == ["## Check your understanding · 检查理解",
                                              "## Summary · 小结"]


def test_check_your_understanding_holds_only_the_assessment_items_and_says_what_happens():
    """The block lists this lesson's assessment items; its Chinese intro does not promise a
    self-check that assessment mode does not give (no right or wrong is shown)."""
    from course.exercises.loader import load_bank

    bank = load_bank()
    for path in LESSONS:
        nb = nbformat.read(path, as_version=4)
        at = next(i for i, c in enumerate(nb.cells)
                  if c.source.startswith("## Check your understanding · 检查理解"))
        assert "不显示对错" in nb.cells[at].source and "检查自己" not in nb.cells[at].source
        items = []
        for cell in nb.cells[at + 1:]:
            if cell.cell_type != "code":
                break
            items.append(cell.source.strip().removeprefix('lesson["').removesuffix('"]'))
        assert items, path.name
        assert all(bank[i].mode == "assessment" for i in items), (path.name, items)


def test_instructor_guide_minutes_equal_course_yaml():
    import re

    from course.exercises.course_map import load

    guide = (ROOT / "docs" / "instructor.md").read_text(encoding="utf-8")
    rows = {m.group(1): tuple(int(m.group(i)) for i in (2, 3, 4))
            for m in re.finditer(r"^\| (\d\d) [^|]+\| (\d+) \| (\d+) \| (\d+) \|", guide, re.M)}
    lessons = [e for e in load(ROOT / "notebooks" / "course.yaml").lessons
               if "01" <= e.slug[:2] <= "08" or e.slug[:2] == "10"]
    assert len(rows) == len(lessons) == 9
    for entry in lessons:
        assert rows[entry.slug[:2]] == (entry.teaching_minutes, entry.exercise_minutes,
                                        entry.teaching_minutes + entry.exercise_minutes), entry.slug


def test_a_cell_that_checks_the_learner_s_answer_is_stored_without_its_output():
    tagged = [(path.name, i) for path in NOTEBOOKS
              for i, cell in enumerate(nbformat.read(path, as_version=4).cells)
              if run_notebooks.ANSWER_CHECK in cell.metadata.get("tags", [])]
    assert ("w07-message-queue-workshop.ipynb", 11) in tagged  # the toolkit's decisions
    for name, i in tagged:
        cell = nbformat.read(ROOT / "notebooks" / name, as_version=4).cells[i]
        assert cell.outputs == [] and "nbval-ignore-output" in cell.metadata["tags"], (name, i)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_exercise_of_the_lesson_s_bank_is_shown_in_a_cell(path):
    """The header's progress counts every exercise of the lesson's bank file
    (progress.lesson_progress), so an item that no cell shows keeps a learner below 100%
    (issue 28: W04's w04-count-grade1, the nineteenth student reader)."""
    import yaml

    bank = ROOT / "exercises" / f"{path.stem}.yaml"
    if not bank.exists():
        return
    ids = {e["id"] for e in yaml.safe_load(bank.read_text(encoding="utf-8"))["exercises"]}
    code = "\n".join("".join(c["source"]) for c in json.loads(path.read_text(encoding="utf-8"))
                     ["cells"] if c["cell_type"] == "code")
    assert not {i for i in ids if f'"{i}"' not in code}, path.name
