"""The arrow keys of an ordering exercise stay in its list in real JupyterLab.

Without the course's key guard (course/exercises/widgets/style.py, KEYS_JS) JupyterLab's
notebook command handler takes ArrowDown in a <select> (it is not an editable element) and
moves the active cell instead: the focus leaves the exercise.
"""
from __future__ import annotations

import pytest
from browser.test_lab_lesson import (  # tests/browser (tests is on the path)
    RUN_TIMEOUT,
    STEP_TIMEOUT,
    _run_all_cells,
    lab,  # noqa: F401, F811  (the fixture: JupyterLab on a copy of notebooks/)
)

pytestmark = pytest.mark.browser

LESSON = "02-idic.ipynb"
ORDERING = ".course-id-idic-steps-order"



def test_arrow_keys_move_the_selection_not_the_notebook(page, lab):  # noqa: F811
    page.set_default_timeout(STEP_TIMEOUT)
    page.goto(lab.url(LESSON), timeout=RUN_TIMEOUT)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']",
                           timeout=RUN_TIMEOUT)
    lab.wait_for_idle_kernel(LESSON)
    _run_all_cells(page)
    listbox = page.locator(f"{ORDERING} select")
    listbox.wait_for(timeout=RUN_TIMEOUT)
    listbox.scroll_into_view_if_needed()
    listbox.focus()
    first = listbox.evaluate("el => el.selectedIndex")
    active = "() => document.querySelector('.jp-Notebook .jp-Cell.jp-mod-active')" \
             ".getAttribute('data-windowed-list-index')"
    cell_before = page.evaluate(active)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    # the list moved its selection two places down, the focus is still in it, and the
    # notebook's active cell stayed where it was
    assert listbox.evaluate("el => el.selectedIndex") == first + 2
    assert listbox.evaluate("el => el === document.activeElement")
    assert page.evaluate(active) == cell_before
    page.keyboard.press("ArrowUp")
    assert listbox.evaluate("el => el.selectedIndex") == first + 1
    assert page.evaluate(active) == cell_before
