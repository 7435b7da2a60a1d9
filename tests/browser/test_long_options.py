"""Long answer options in a real browser (issue 28): in Voila at a laptop's and a phone's
width and in JupyterLab at 1280 px, the lines of one option never run into the next one, and
every radio button and check box can be seen and clicked.

The exercises are the course's longest options of each choice type (found by length in the
bank: two workshop items a reader saw overlap, the longest single-choice option of lesson 07, a
multiple-choice item of W10 and a true/false item of lesson 05). Set ``CRM_LONG_OPTIONS_SHOTS`` to a
folder to keep a screenshot of each width there.
"""
from __future__ import annotations

import functools
import os
from itertools import pairwise
from pathlib import Path

import nbformat
import pytest
import yaml
from support import VoilaServer, serve_copy, stop_in_background

pytestmark = pytest.mark.browser

LOAD_TIMEOUT_MS = 180_000
VOILA_START_TIMEOUT = 60.0  # s, as tests/browser/conftest.py's voila fixture
# (lesson, exercise id) of the longest options of each choice type in the bank
ITEMS = [
    ("w03-screening-workshop", "w03-careful-choice"),   # single choice, 141 characters
    ("w06-markets-workshop", "w06-putri-version"),      # single choice, 147 characters
    ("07-buyer-messages", "msg-size-question"),         # single choice, 184 characters
    ("w10-promotion-workshop", "w10-spot-drafts"),      # multiple choice, 110 characters
    ("05-follow-up-loyalty", "follow-files-research"),  # true/false, a 354-character prompt
]
WIDTHS = [1280, 390]
BANK = Path(__file__).resolve().parents[2] / "exercises"


@functools.cache
def _option_counts() -> dict[str, int]:
    """How many options the bank gives each of ITEMS' exercises (true/false: two), read from
    the bank files once (with PyYAML's pure-Python loader, reading the whole bank for each
    item of each test took about 10 s of each test on the busy 2-core machine)."""
    wanted = {ex_id for _, ex_id in ITEMS}
    counts = {}
    for path in BANK.glob("*.yaml"):
        for exercise in yaml.safe_load(path.read_text(encoding="utf-8")).get("exercises", []):
            if exercise["id"] in wanted:
                counts[exercise["id"]] = len(exercise.get("options") or [True, False])
    return counts


def _option_count(ex_id: str) -> int:
    """How many options the bank gives ``ex_id`` (true/false: two)."""
    counts = _option_counts()
    if ex_id not in counts:
        raise AssertionError(f"{ex_id} is not in the bank")
    return counts[ex_id]

# Each option as the browser lays it out: the box of its text (a Range over the label, so
# text that overflows a fixed-height label is measured where it is drawn), the box of its
# radio or check box, and whether that control is the element found at its own centre (not
# hidden under another option's text), each measured scrolled into view.
# Positions are relative to the exercise's top.
MEASURE = """root => [...root.querySelectorAll(
    '.widget-radio-box label, .widget-checkbox label.widget-label-basic')].map(label => {
  const input = label.querySelector('input') || label.parentElement.querySelector('input');
  input.scrollIntoView({block: 'center'});
  const range = document.createRange();
  range.selectNodeContents(label);
  const text = range.getBoundingClientRect();
  // boxes relative to the exercise (Voila scrolls an inner element, not the window)
  const y = -root.getBoundingClientRect().top;
  const box = input.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return {label: label.textContent.trim().slice(0, 40),
          top: text.top + y, bottom: text.bottom + y, left: text.left, right: text.right,
          input: {w: box.width, h: box.height, top: box.top + y, bottom: box.bottom + y,
                  left: box.left},
          labelLeft: label.getBoundingClientRect().left,
          inputOnTop: hit === input || (hit !== null && hit.tagName === 'LABEL' && hit.contains(input)),
          pageWidth: document.documentElement.clientWidth};
})"""


def _notebook(folder: Path) -> Path:
    cells = [nbformat.v4.new_code_cell("import course")]
    for slug, ex_id in ITEMS:
        cells.append(nbformat.v4.new_code_cell(f'course.lesson("{slug}")["{ex_id}"]'))
    path = folder / "long-options.ipynb"
    kernel = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    nbformat.write(nbformat.v4.new_notebook(cells=cells, metadata=kernel), path)
    return path


def _overlaps(a: dict, b: dict) -> bool:
    """Two boxes share more than a pixel of height while also sharing width."""
    vertical = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    horizontal = min(a["right"], b["right"]) - max(a["left"], b["left"])
    return vertical > 1 and horizontal > 1


@pytest.fixture(scope="module")
def long_options_page(browser, tmp_path_factory):
    """The notebook's Voila page, loaded once for every width: each width's test resizes it.

    One Voila server and one kernel running the five lessons' items, not one of each per
    width (issue 24: the widths' servers and kernels were most of this file's two minutes on
    the 2-core machine). The layout is the browser's at the size the test sets (CSS, media
    queries included, is laid out again on a resize)."""
    folder = tmp_path_factory.mktemp("long-options")
    source = _notebook(folder)
    server = VoilaServer(serve_copy([source], folder / "served"), folder / "home",
                         extra=("--show_tracebacks=True",), start_timeout=VOILA_START_TIMEOUT)
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 900})
    context.route("https://**", lambda route: route.abort())
    try:
        page = context.new_page()
        page.goto(server.url("long-options.ipynb"), timeout=LOAD_TIMEOUT_MS)
        for _, ex_id in ITEMS:
            page.locator(f".course-exercise.course-id-{ex_id}").wait_for(timeout=LOAD_TIMEOUT_MS)
        yield page
    finally:
        context.close()
        stop_in_background(server.stop, "long options' Voila")  # (tests/browser/conftest.py)


@pytest.mark.parametrize("width", WIDTHS)
def test_long_options_do_not_overlap(long_options_page, width):
    page = long_options_page
    page.set_viewport_size({"width": width, "height": 900})
    page.wait_for_function(f"document.documentElement.clientWidth <= {width}")
    page.wait_for_timeout(500)  # fonts and layout settle
    shots = os.environ.get("CRM_LONG_OPTIONS_SHOTS")
    if shots:
        page.screenshot(path=str(Path(shots) / f"long-options-{width}.png"), full_page=True)
    for _, ex_id in ITEMS:
        exercise = page.locator(f".course-exercise.course-id-{ex_id}")
        options = exercise.evaluate(MEASURE)
        assert len(options) == _option_count(ex_id), f"{ex_id}: {options}"
        for one, other in pairwise(options):
            assert not _overlaps(one, other), f"{ex_id} at {width}px: {one} overlaps {other}"
        for option in options:
            assert option["input"]["w"] > 0 and option["input"]["h"] > 0, (ex_id, option)
            assert option["inputOnTop"], f"{ex_id} at {width}px: control hidden: {option}"
            # the control comes first, at the option's left edge (not after the text)
            assert option["input"]["left"] - option["labelLeft"] < 10, (ex_id, option)
            # the control sits beside its own text, not above or below it
            assert option["top"] - 2 <= option["input"]["top"] <= option["bottom"], (ex_id, option)
            assert option["right"] <= option["pageWidth"] + 1, f"{ex_id}: runs off the page"
    # a long option can be picked by clicking its text: another option at each width (the
    # page is shared, so the one picked at the width before is already checked)
    labels = page.locator(".course-id-w03-careful-choice .widget-radio-box label")
    chosen = labels.nth(WIDTHS.index(width))
    assert not chosen.locator("input").is_checked()
    chosen.click()
    assert chosen.locator("input").is_checked()


def test_long_options_do_not_overlap_in_jupyterlab(browser, shared_lab):
    """The same layout in JupyterLab (its own ipywidgets CSS and notebook styles), at 1280 px.

    On the JupyterLab server of the test process (``shared_lab``: a Lab start is 10-20 s of the
    busy 2-core machine, issue 24), in a folder and a Lab workspace of this test's own."""
    from browser.test_lab_lesson import STEP_TIMEOUT, LabFolder  # (tests is on the path)

    server, name = shared_lab()
    (server.folder / name).mkdir()
    notebook = _notebook(server.folder / name).name
    lab = LabFolder(server, name)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("https://**", lambda route: route.abort())
    try:
        page = context.new_page()
        page.set_default_timeout(STEP_TIMEOUT)
        page.goto(lab.url(notebook), timeout=LOAD_TIMEOUT_MS)
        page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=LOAD_TIMEOUT_MS)
        lab.wait_for_idle_kernel(notebook)
        page.locator(".jp-NotebookPanel .jp-Cell").first.click()
        page.keyboard.press("Escape")
        page.keyboard.press("Control+A")
        page.keyboard.press("Shift+Enter")
        for _, ex_id in ITEMS:
            page.locator(f".course-exercise.course-id-{ex_id}").wait_for(timeout=LOAD_TIMEOUT_MS)
        page.wait_for_timeout(500)
        shots = os.environ.get("CRM_LONG_OPTIONS_SHOTS")
        if shots:
            page.screenshot(path=str(Path(shots) / "long-options-lab-1280.png"))
        for _, ex_id in ITEMS:
            options = page.locator(f".course-exercise.course-id-{ex_id}").evaluate(MEASURE)
            assert len(options) == _option_count(ex_id), f"{ex_id}: {options}"
            for one, other in pairwise(options):
                assert not _overlaps(one, other), f"{ex_id} in Lab: {one} overlaps {other}"
            for option in options:
                assert option["inputOnTop"], f"{ex_id} in Lab: control hidden: {option}"
                assert option["input"]["left"] - option["labelLeft"] < 10, (ex_id, option)
    finally:
        context.close()
        lab.close()
