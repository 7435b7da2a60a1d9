"""In Voila (Chromium): dollar amounts are never typeset as maths, and an answer-check cell shows
the toolkit's answer only after its button is pressed.

The positive control: a markdown cell with real maths ($x^2$) is typeset, so MathJax runs on
the page and "no mjx-container" means the dollars were protected, not that MathJax was off.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import nbformat
import pytest

pytestmark = pytest.mark.browser

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent
DOLLARS = TESTS / "widgets" / "00-dollars.yaml"
LOAD_TIMEOUT_MS = 180_000
STEP_TIMEOUT_MS = 30_000
# a folder for screenshots a person looks at (set it to keep them; nothing is written otherwise)
SHOTS_ENV = "CRM_DOLLARS_SCREENSHOTS"
KINDS = ("single", "multi", "match", "order", "cloze", "numeric")
MATHS = "mjx-container, .MathJax, .MathJax_Display"


def _dollar_notebook(folder: Path) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    cells = [
        nbformat.v4.new_markdown_cell(
            '# Prices\n\nA draft: <span class="mathjax_ignore">"was $18, now $9"</span>.\n\n'
            '| offer | note |\n|---|---|\n'
            '| <span class="mathjax_ignore">was $36, now $18</span> | made up |'),
        nbformat.v4.new_markdown_cell('<p class="control">Real maths: $x^2$.</p>'),
        # (course.lesson() installs the table formatter; a bank loaded by path does not)
        nbformat.v4.new_code_cell('import course\nimport pandas as pd\nfrom course import tables\n'
                                  'tables.install()\n'
                                  'lesson = course.load_bank("00-dollars.yaml").lessons["00-dollars"]\n'
                                  'lesson.header()'),
    ]
    cells += [nbformat.v4.new_code_cell(f'lesson["dollars-{kind}"]') for kind in KINDS]
    cells.append(nbformat.v4.new_code_cell(
        'pd.DataFrame({"offer": ["was $18, now $9", "$36 to $18"]})'))
    nb.cells = cells
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(DOLLARS, folder / DOLLARS.name)
    path = folder / "dollars.ipynb"
    nbformat.write(nb, path)
    return path


def _maths_in(page, selector: str) -> int:
    return page.evaluate(
        "([s, m]) => [...document.querySelectorAll(s)].reduce((n, e) => n + e.querySelectorAll(m)"
        ".length, 0)", [selector, MATHS])


def test_dollars_are_text_in_voila(shared_voila, page, tmp_path):
    server = shared_voila(_dollar_notebook(tmp_path / "src"), DOLLARS)
    page.goto(server.url("dollars.ipynb"), timeout=LOAD_TIMEOUT_MS)
    page.locator(".course-id-dollars-numeric").wait_for(timeout=LOAD_TIMEOUT_MS)
    page.locator(".jp-OutputArea-output table").wait_for(timeout=LOAD_TIMEOUT_MS)
    # MathJax runs here: the control's x^2 is typeset
    page.locator(".control mjx-container, .control .MathJax").first.wait_for(
        timeout=STEP_TIMEOUT_MS)

    # check a wrong answer in each choice kind: feedback quoting prices appears
    multi = page.locator(".course-id-dollars-multi")
    multi.locator("input[type=checkbox]").first.check()
    multi.locator("button.course-check").click()
    multi.locator(".course-feedback li").first.wait_for(timeout=STEP_TIMEOUT_MS)
    single = page.locator(".course-id-dollars-single")
    single.locator("input[type=radio]").first.check()
    single.locator("button.course-check").click()
    single.locator(".course-feedback div").first.wait_for(timeout=STEP_TIMEOUT_MS)
    page.wait_for_timeout(1500)  # MathJax typesets asynchronously after each change

    for kind in ("single", "multi", "match"):
        _shot(page.locator(f".course-id-dollars-{kind}"), f"dollars-{kind}.png")
    _shot(page.locator(".jp-Cell").first, "dollars-markdown.png")

    assert _maths_in(page, ".course-exercise") == 0
    assert _maths_in(page, ".course-lesson-header") == 0
    assert _maths_in(page, ".jp-OutputArea-output table") == 0
    assert _maths_in(page, ".jp-RenderedMarkdown:not(:has(.control))") == 0
    # the dollars are there, as text, without a visible backslash
    assert "Was $18, now only $9!" in single.inner_text()
    multi_text = multi.inner_text()
    assert "It costs $5, not $6" in multi_text and "\\$" not in multi_text
    assert "was $36, now $18" in page.locator(".jp-RenderedMarkdown table").inner_text()


def test_toolkit_answer_only_after_the_click_in_voila(shared_voila, page):
    notebook = REPO / "notebooks" / "w07-message-queue-workshop.ipynb"
    server = shared_voila(notebook, REPO / "notebooks" / "course.yaml")
    page.goto(server.url(notebook.name), timeout=LOAD_TIMEOUT_MS)
    check = page.locator(".course-toolkit")
    check.wait_for(timeout=LOAD_TIMEOUT_MS)
    button = check.get_by_role("button", name="Check with the toolkit")
    button.wait_for(timeout=STEP_TIMEOUT_MS)
    answer = check.locator(".course-toolkit-answer")
    page.wait_for_timeout(1000)
    assert answer.locator("table").count() == 0 and answer.inner_text().strip() == ""
    _shot(check, "toolkit-before.png")
    button.click()
    answer.locator("table").wait_for(timeout=STEP_TIMEOUT_MS)
    assert "refund" in answer.inner_text().lower()
    _shot(check, "toolkit-after.png")
    check.get_by_role("button", name="Hide the toolkit's answer").click()
    answer.locator("table").wait_for(state="detached", timeout=STEP_TIMEOUT_MS)


def _shot(locator, name: str) -> None:
    folder = os.environ.get(SHOTS_ENV)
    if folder:
        locator.scroll_into_view_if_needed()
        locator.screenshot(path=os.path.join(folder, name))
