"""The widgets in a real browser: the gallery notebook in Voila, driven through Chromium."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import yaml
from support import wait_until

pytestmark = pytest.mark.browser

GALLERY = Path(__file__).resolve().parents[1] / "widgets"
LOAD_TIMEOUT_MS = 180_000
STEP_TIMEOUT_MS = 20_000
NASTY = "<img src=x onerror=alert(1)>"
# what the page must show, counted from the gallery's bank (the notebook shows every exercise)
BANK = yaml.safe_load((GALLERY / "00-gallery.yaml").read_text(encoding="utf-8"))["exercises"]
LETTER_BLANKS = next(e for e in BANK if e["id"] == "gallery-letter")["text"].count("[[")


def test_gallery_in_voila(voila, page):
    server = voila(GALLERY / "gallery.ipynb", GALLERY / "00-gallery.yaml")
    page.goto(server.url("gallery.ipynb"), timeout=LOAD_TIMEOUT_MS)
    letter = page.locator(".course-exercise.course-id-gallery-letter")
    letter.wait_for(timeout=LOAD_TIMEOUT_MS)
    assert page.locator(".course-exercise").count() == len(BANK), server.log_text()[-3000:]

    # type into a cloze blank that sits inside the letter's text, then press Check
    blanks = letter.locator(".course-blank input")
    assert blanks.count() == LETTER_BLANKS
    # every blank has a readable name for screen readers (the label is visually hidden)
    assert letter.get_by_label("Blank 1: type your answer", exact=True).count() == 1
    assert letter.get_by_role("button", name="Check").count() == 1
    blanks.nth(0).click()
    blanks.nth(0).type("thank")
    page.keyboard.press("Tab")  # Tab reaches the next blank
    focused = blanks.nth(1).evaluate("el => el === document.activeElement")
    assert focused, "Tab from blank 1 should move to blank 2"
    page.keyboard.type("business")
    letter.locator("button.course-check").click()
    feedback = letter.locator(".course-feedback")
    feedback.locator(".course-no").wait_for(timeout=STEP_TIMEOUT_MS)
    assert "Partly correct: 2 of 10 right" in feedback.inner_text()
    assert letter.locator(".course-blank.course-right").count() == 2

    # pick a quiz option and check it
    single = page.locator(".course-id-gallery-single")
    single.get_by_label("B. Grade 2").check()
    single.locator("button.course-check").click()
    single.locator(".course-feedback .course-ok").wait_for(timeout=STEP_TIMEOUT_MS)
    assert "clear intent and obvious interest" in single.locator(".course-feedback").inner_text()

    # an ordering done with the keyboard alone: choose an item with the arrows, Tab to
    # "Move up", press Enter
    ordering = page.locator(".course-id-gallery-ordering")
    listbox = ordering.locator("select")

    def option(i: int) -> str:  # (the list shows spaces as no-break spaces)
        return listbox.locator("option").nth(i).text_content().replace("\xa0", " ")

    first, second = option(0).split(". ", 1)[1], option(1).split(". ", 1)[1]
    listbox.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    assert ordering.locator("button.course-move-up").evaluate(
        "el => el === document.activeElement")
    page.keyboard.press("Enter")
    listbox.locator("option").nth(1).filter(has_text=first).wait_for(timeout=STEP_TIMEOUT_MS)
    assert (option(0), option(1)) == (f"1. {second}", f"2. {first}")

    # markup typed into a blank is shown as typed and never runs; Enter checks
    blanks.nth(2).fill(NASTY)
    blanks.nth(2).press("Enter")
    letter.locator(".course-blank-3.course-wrong").wait_for(timeout=STEP_TIMEOUT_MS)
    assert blanks.nth(2).input_value() == NASTY
    assert page.locator("img[src='x']").count() == 0
    page.wait_for_timeout(500)
    assert page.dialogs == [], "a dialog fired: the typed markup ran"

    # switch to Chinese in the lesson header: every widget relabels without re-running
    page.locator(".course-language button", has_text="中文").click()
    single.locator("button.course-check", has_text="检查").wait_for(timeout=STEP_TIMEOUT_MS)
    letter.locator(".course-feedback", has_text="部分正确").wait_for(timeout=STEP_TIMEOUT_MS)
    assert "二级" in single.inner_text()
    assert "空格 3" in letter.locator(".course-feedback").inner_text()
    assert page.dialogs == []

    # every check reached this learner's store, the typed markup saved as typed
    with sqlite3.connect(server.home / "progress.sqlite3") as db:
        rows = db.execute("SELECT exercise_id, score, response FROM attempts ORDER BY id").fetchall()
    letter_rows = [r for r in rows if r[0] == "gallery-letter"]
    assert [r[1] for r in letter_rows] == [0.2, 0.2], rows
    assert json.loads(letter_rows[-1][2])[:3] == ["thank", "business", NASTY]
    assert [r[1] for r in rows if r[0] == "gallery-single"] == [1.0]
    assert [r[1] for r in rows if r[0] == "gallery-ordering"] == []  # moved, not checked


GATED_CELL = """import pathlib, time
gate = pathlib.Path("gate")  # beside the notebook: Voila runs its kernel in its folder
for _ in range(1800):  # a slow later cell: it runs on until the test opens the gate
    if gate.exists():
        break
    time.sleep(0.1)
print("the late cell has run")"""


def test_the_first_exercise_shows_while_later_cells_run(shared_voila, page, tmp_path):
    """As a class sees a lesson: each cell's output appears when that cell has run, so the
    first exercise can be answered while a slow later cell still runs."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    nb = new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                               "language": "python"}})
    nb.cells = [new_markdown_cell("# A lesson with a slow cell"),
                new_code_cell('import course\nbank = course.load_bank("00-gallery.yaml")'),
                new_code_cell('bank["gallery-single"]'),
                new_code_cell(GATED_CELL),
                new_code_cell('bank["gallery-true-false"]')]
    folder = tmp_path / "slow"
    folder.mkdir()
    nbformat.write(nb, folder / "slow.ipynb")
    # the shared server (this test does not read the learner's store)
    server = shared_voila(folder / "slow.ipynb", GALLERY / "00-gallery.yaml")
    gate = server.folder / "gate"
    page.goto(server.url("slow.ipynb"), timeout=LOAD_TIMEOUT_MS)
    single = page.locator(".course-id-gallery-single")
    single.wait_for(timeout=LOAD_TIMEOUT_MS)  # shown although the gated cell has not finished
    body = page.inner_text("body")
    assert "A lesson with a slow cell" in body
    assert "the late cell has run" not in body
    assert page.locator(".course-id-gallery-true-false").count() == 0
    single.get_by_label("B. Grade 2").check()  # the page takes input meanwhile
    assert single.get_by_label("B. Grade 2").is_checked()
    gate.touch()
    page.get_by_text("the late cell has run").wait_for(timeout=LOAD_TIMEOUT_MS)
    page.locator(".course-id-gallery-true-false").wait_for(timeout=LOAD_TIMEOUT_MS)
    # the Check pressed now is answered by the kernel, which is free again
    single.locator("button.course-check").click()
    single.locator(".course-feedback .course-ok").wait_for(timeout=STEP_TIMEOUT_MS)


CULL_S = 15  # s of idleness before the closed-page test's server culls a kernel


def test_a_closed_page_gives_its_kernel_back_and_an_open_one_keeps_it(voila, browser, page,
                                                                       tmp_path):
    """Voila refuses the shutdown its own page asks for on closing (it sets no _xsrf cookie),
    so the lesson server culls kernels no page is connected to (VOILA_OPTIONS); a page left
    open keeps its kernel however long it sits idle. The idle time is shortened here."""
    import time

    from nbformat import write
    from nbformat.v4 import new_code_cell, new_notebook

    from course.instructor.present import KERNEL_CULL_S, VOILA_OPTIONS

    assert f"--MappingKernelManager.cull_idle_timeout={KERNEL_CULL_S}" in VOILA_OPTIONS
    assert "--MappingKernelManager.cull_connected=False" in VOILA_OPTIONS
    nb = new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                               "language": "python"}})
    nb.cells = [new_code_cell('import course\nbank = course.load_bank("00-gallery.yaml")'),
                new_code_cell('bank["gallery-single"]')]
    folder = tmp_path / "cull"
    folder.mkdir()
    write(nb, folder / "cull.ipynb")
    # a kernel idle CULL_S seconds with no page connected is culled: long enough for a page's
    # kernel to finish the cells and the page to connect on the busy 2-core machine (at 3 s a
    # page's kernel could be culled before its page connected: the page then never showed its
    # exercise, a 180 s timeout in whole runs at load 8-11, issue 24)
    server = voila(folder / "cull.ipynb", GALLERY / "00-gallery.yaml",
                   extra=(f"--MappingKernelManager.cull_idle_timeout={CULL_S}",
                          "--MappingKernelManager.cull_interval=1"))
    other = browser.new_context()
    closing = other.new_page()
    # both pages opened, then both waited for: their kernels run the cells at the same time
    # (one after the other, the second page's run was a wait of its own; issue 24)
    for p in (page, closing):
        p.goto(server.url("cull.ipynb"), timeout=LOAD_TIMEOUT_MS)
    for p in (page, closing):
        p.locator(".course-id-gallery-single").wait_for(timeout=LOAD_TIMEOUT_MS)
    shown = time.monotonic()  # the open page's kernel has been idle since (its page came first)
    assert server.kernels() == 2
    closing.close(run_before_unload=True)
    other.close()
    try:
        wait_until(lambda: server.kernels() == 1, CULL_S + 30,
                   what="the closed page's kernel culled",
                   interval=0.3)
    except TimeoutError as exc:
        raise AssertionError(f"{exc}\n{server.log_text()[-2000:]}") from None
    assert "Culling 'idle' kernel" in server.log_text()
    # not a wait for anything: the open page's kernel stays idle longer than the cull time,
    # counted from when both pages were shown (the culling above took most of it already)
    time.sleep(max(0.0, shown + CULL_S + 2 - time.monotonic()))
    assert server.kernels() == 1
    single = page.locator(".course-id-gallery-single")
    single.get_by_label("B. Grade 2").check()
    single.locator("button.course-check").click()
    single.locator(".course-feedback .course-ok").wait_for(timeout=STEP_TIMEOUT_MS)
