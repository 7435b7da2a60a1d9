"""tools/slideshow.py on a copy of one lesson: the slide types follow the rules, a second run
changes nothing, and only the slideshow metadata of the file changes."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _tool():
    spec = importlib.util.spec_from_file_location("slideshow_tool", ROOT / "tools" / "slideshow.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _copy_without_slides(name: str, folder) -> Path:
    """A copy of a lesson with no slideshow metadata (the committed lessons have it)."""
    nb = json.loads((ROOT / "notebooks" / name).read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        cell["metadata"].pop("slideshow", None)
    copy = folder / name
    copy.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return copy


def test_a_copy_of_lesson_04_gets_its_slides_and_nothing_else(tmp_path, capsys):
    tool = _tool()
    copy = _copy_without_slides("04-customer-grading.ipynb", tmp_path)
    before = json.loads(copy.read_text(encoding="utf-8"))
    assert tool.main([str(copy)]) == 0
    after = json.loads(copy.read_text(encoding="utf-8"))
    types = [c["metadata"]["slideshow"]["slide_type"] for c in after["cells"]]
    sources = ["".join(c["source"]) for c in after["cells"]]
    assert types[0] == "slide"  # the title
    for cell, source, kind in zip(after["cells"], sources, types, strict=True):
        if cell["cell_type"] == "markdown" and source.startswith("## "):
            assert kind == "slide", source[:40]
        if source.startswith('lesson["'):
            assert kind == "subslide", source
        if "course.lesson(" in source or source.strip() == "lesson.nav()":
            assert kind == "skip"
    headings = sum(c["cell_type"] == "markdown" and s.startswith(("# ", "## "))
                   for c, s in zip(after["cells"], sources, strict=True))
    assert types.count("slide") == headings
    # nothing but the slideshow metadata changed
    for old, new in zip(before["cells"], after["cells"], strict=True):
        new = dict(new, metadata={k: v for k, v in new["metadata"].items() if k != "slideshow"})
        assert new == old
    # a second run changes nothing, and --check agrees
    text = copy.read_text(encoding="utf-8")
    assert tool.main(["--check", str(copy)]) == 0
    assert tool.main([str(copy)]) == 0 and copy.read_text(encoding="utf-8") == text
    assert "up to date" in capsys.readouterr().out


def test_check_reports_a_lesson_without_slides(tmp_path):
    tool = _tool()
    copy = _copy_without_slides("02-idic.ipynb", tmp_path)
    text = copy.read_text(encoding="utf-8")
    assert tool.main(["--check", str(copy)]) == 1
    assert copy.read_text(encoding="utf-8") == text  # --check writes nothing


TEACHER_NOTE = ("**Teacher's note · 教师提示** Ask two students which grade they would give "
                "before you show the rule.")


def test_teachers_notes_become_notes_and_the_reading_of_a_result_a_fragment(tmp_path):
    tool = _tool()
    copy = _copy_without_slides("04-customer-grading.ipynb", tmp_path)
    nb = json.loads(copy.read_text(encoding="utf-8"))
    section = next(i for i, c in enumerate(nb["cells"])
                   if "".join(c["source"]).startswith("## 2. "))
    nb["cells"].insert(section + 1, {"cell_type": "markdown", "id": "teacher-note",
                                     "metadata": {}, "source": [TEACHER_NOTE]})
    copy.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert tool.main([str(copy)]) == 0
    cells = json.loads(copy.read_text(encoding="utf-8"))["cells"]
    kinds = {"".join(c["source"])[:40]: c["metadata"]["slideshow"]["slide_type"] for c in cells}
    assert kinds[TEACHER_NOTE[:40]] == "notes"
    # the text that reads the overdue table comes after the table, on Next
    assert kinds["Which items are overdue, and why?"] == "fragment"
    # the lead-in to the next exercise, after an exercise cell, stays with its slide
    assert kinds["A reply to a Grade 3 buyer can be short,"] == "-"
    for previous, cell in zip(cells, cells[1:], strict=False):
        kind = cell["metadata"]["slideshow"]["slide_type"]
        if kind == "fragment":
            assert cell["cell_type"] == "markdown" and previous["cell_type"] == "code"
            assert not tool.EXERCISE_CELL.match("".join(previous["source"]))


def test_the_committed_lessons_are_up_to_date_with_the_rules(capsys):
    """Every lesson of course.yaml has the slide types the rules give (run the tool after a
    lesson's cells or their outputs change: a chart turned into a course picture once left 15
    picture cells without their own slide)."""
    assert _tool().main(["--check", "--all"]) == 0, capsys.readouterr().out
