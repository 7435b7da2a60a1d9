"""`crm-course present 01 --slides` in a real browser at 1920x1080: the lesson shows one slide at
a time, grouped by the cells' slideshow metadata; Next and the arrow keys move on; an exercise on
a slide is live (answered, checked, its feedback shown)."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from support import free_port, stop_in_background, stop_process, wait_for_port

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
LESSON = REPO / "notebooks" / "01-relationships.ipynb"
BANK = REPO / "exercises" / "01-relationships.yaml"
STEP_TIMEOUT = 30_000  # ms; one click on a busy 2-core machine
START_TIMEOUT = 90.0  # s; Voila start-up on a busy machine
LOAD_TIMEOUT = 180_000  # ms; Voila runs every cell of the lesson before the slides are complete


def _cells() -> list[dict]:
    return json.loads(LESSON.read_text(encoding="utf-8"))["cells"]


def _slide_types() -> list[str]:
    return [(c["metadata"].get("slideshow") or {}).get("slide_type", "-") for c in _cells()]


def _first_slides() -> tuple[str, str, str]:
    """The first line of slides 1 and 2 (markdown headings, '#' dropped) and the exercise id of
    slide 3, read from the lesson so that an edit of its wording does not break the test."""
    starts = [c for c in _cells() if (c["metadata"].get("slideshow") or {}).get("slide_type")
              in ("slide", "subslide")]
    first = ["".join(c["source"]).lstrip().split("\n", 1)[0].lstrip("# ").strip()
             for c in starts[:2]]
    exercise = re.match(r'^\s*lesson\["([\w-]+)"\]\s*$', "".join(starts[2]["source"]))
    assert exercise, "slide 3 of lesson 01 is expected to be an exercise cell alone"
    return first[0], first[1], exercise.group(1)


def _expected_slides() -> int:
    """RISE's rule: a shown cell of type slide/subslide starts a slide (so does the first shown
    cell); skip and notes cells are not shown."""
    shown = [t for t in _slide_types() if t not in ("skip", "notes")]
    return sum(t in ("slide", "subslide") for t in shown) + (shown[0] not in ("slide", "subslide"))


def _true_false(exercise_id: str) -> tuple[str, str]:
    """The right answer's label ("True"/"False") and the feedback for a right answer."""
    items = yaml.safe_load(BANK.read_text(encoding="utf-8"))["exercises"]
    item = next(i for i in items if i["id"] == exercise_id)
    assert item["type"] == "true_false", f"{exercise_id}: the test answers a true/false item"
    return ("True" if item["answer"] else "False"), item["feedback"]["correct"]["en"]


@pytest.fixture(scope="module")
def slides(tmp_path_factory, browser):
    """`crm-course present 01 --slides` on the course's own lesson, one server for this file's
    tests (each opens its own page, so each page runs the lesson in its own kernel; neither
    reads the learner home they share): a `present --slides` start and stop are 15-30 s of
    the busy 2-core machine (issue 24). Stopped with Ctrl+C after the last test."""
    tmp_path = tmp_path_factory.mktemp("slides")
    port = free_port()
    env = dict(os.environ, CRM_COURSE_HOME=str(tmp_path / "home"))
    for name in ("CRM_COURSE_MODE", "CRM_COURSE_PRESENTER", "CRM_COURSE_BANK", "JUPYTER_PATH"):
        env.pop(name, None)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    log = open(tmp_path / "slides.log", "wb")
    proc = subprocess.Popen([sys.executable, "-m", "course", "present", "01", "--slides",
                             "--lang", "en", "--source", str(REPO), "--port", str(port)],
                            env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        try:
            wait_for_port(port, proc, START_TIMEOUT, what="crm-course present --slides")
        except RuntimeError as exc:
            raise RuntimeError(f"{exc}:\n{(tmp_path / 'slides.log').read_text(errors='replace')}") \
                from None
        yield f"http://127.0.0.1:{port}/voila/render/01-relationships.ipynb", proc
    finally:
        def stop() -> None:
            stop_process(proc, timeout=20, sig=signal.SIGINT)
            log.close()

        stop_in_background(stop, "crm-course present --slides")  # (see tests/browser/conftest.py)


def _shown(page) -> list[str]:
    return page.locator(".crm-slide-cell:visible").all_inner_texts()


def test_lesson_01_as_live_slides(slides, page):
    url, proc = slides
    page.set_viewport_size({"width": 1920, "height": 1080})
    total = _expected_slides()
    title, section, exercise_id = _first_slides()
    page.goto(url, timeout=LOAD_TIMEOUT)
    counter = page.locator("#crm-slide-count")
    counter.wait_for(timeout=LOAD_TIMEOUT)
    # Voila shows the cells once the page is set up (a spinner before): wait for slide 1
    page.locator(".crm-slide-cell:visible").first.wait_for(timeout=LOAD_TIMEOUT)
    # slide 1: the title cell alone (the setup cell after it is a skip cell, section 1 is slide 2)
    assert counter.inner_text() == f"1 / {total}"
    shown = " ".join(_shown(page))
    assert title in shown
    assert section not in shown
    assert "course.lesson" not in page.content()  # code is hidden, as on the scrolling page
    assert page.locator("#crm-slide-prev").is_disabled()

    page.locator("#crm-slide-next").click()
    assert counter.inner_text() == f"2 / {total}"
    shown = " ".join(_shown(page))
    assert section in shown
    assert title not in shown

    page.keyboard.press("ArrowRight")  # slide 3: the exercise alone
    assert counter.inner_text() == f"3 / {total}"
    exercise = page.locator(".crm-slide-cell:visible")
    assert exercise.count() == 1
    # the widget is live: answer, check, the grader's feedback appears on the slide
    right, feedback = _true_false(exercise_id)
    exercise.get_by_text(right, exact=True).click(timeout=LOAD_TIMEOUT)
    exercise.get_by_role("button", name="Check").click(timeout=STEP_TIMEOUT)
    exercise.get_by_text(feedback).wait_for(timeout=STEP_TIMEOUT)

    shots = os.environ.get("CRM_SLIDES_SCREENSHOTS")  # a folder for docs/slides-live.png
    if shots:
        page.screenshot(path=os.path.join(shots, "slides-live.png"))

    page.keyboard.press("ArrowLeft")
    assert counter.inner_text() == f"2 / {total}"
    page.keyboard.press("End")
    assert counter.inner_text() == f"{total} / {total}"
    assert page.locator("#crm-slide-next").is_disabled()
    page.keyboard.press("ArrowRight")  # past the end: stays on the last slide
    assert counter.inner_text() == f"{total} / {total}"


def _deck() -> list[dict]:
    """The slides as RISE groups them, read from the metadata: per slide its steps (a fragment
    starts one; '-' joins the step before it) and its cells' sources."""
    deck = []
    for cell, kind in zip(_cells(), _slide_types(), strict=True):
        if kind in ("skip", "notes"):
            continue
        if kind in ("slide", "subslide") or not deck:
            deck.append({"steps": 1, "sources": []})
        if kind == "fragment":
            deck[-1]["steps"] += 1
        deck[-1]["sources"].append("".join(cell["source"]))
    return deck


def _go_to(page, number: int) -> None:
    """Move with the Right arrow to slide ``number`` (every step of the slides before it)."""
    counter = page.locator("#crm-slide-count")
    for _ in range(sum(s["steps"] for s in _deck()[:number - 1]) + 1):
        if counter.inner_text().startswith(f"{number} /"):
            return
        page.keyboard.press("ArrowRight")
    assert counter.inner_text().startswith(f"{number} /")


def test_fragments_step_by_step_and_the_presenter_view_with_the_notes(slides, page, tmp_path):
    """A fragment of lesson 01 appears on Next, not before; key S opens the presenter view,
    which shows the case's sample answers (the projector does not), follows the slides and
    moves them."""
    from course.materials.lessons import read_lesson

    url, proc = slides
    page.set_viewport_size({"width": 1920, "height": 1080})
    deck = _deck()
    total = len(deck)
    with_fragment = next(n for n, s in enumerate(deck, 1) if s["steps"] > 1)
    fragment = next(c for c, k in zip(_cells(), _slide_types(), strict=True) if k == "fragment")
    fragment_text = "".join(fragment["source"]).split("**")[0].strip()[:30]
    case = next(n for n, s in enumerate(deck, 1) if s["sources"][0].startswith("## Case"))
    answers = [d.answer.en for d in read_lesson(LESSON).discussion]
    assert len(answers) == 2  # lesson 01's case asks two questions, each with a sample answer

    page.goto(url, timeout=LOAD_TIMEOUT)
    counter = page.locator("#crm-slide-count")
    page.locator(".crm-slide-cell:visible").first.wait_for(timeout=LOAD_TIMEOUT)
    _go_to(page, with_fragment)
    assert fragment_text not in " ".join(_shown(page))
    page.keyboard.press("ArrowRight")  # the fragment, on the same slide
    assert counter.inner_text() == f"{with_fragment} / {total}"
    assert fragment_text in " ".join(_shown(page))
    page.keyboard.press("ArrowLeft")  # back: the fragment goes again
    assert fragment_text not in " ".join(_shown(page))

    with page.expect_popup(timeout=STEP_TIMEOUT) as opened:
        page.keyboard.press("s")
    presenter = opened.value
    presenter.set_viewport_size({"width": 1280, "height": 800})
    assert presenter.locator("#p-count").inner_text() == f"{with_fragment} / {total}"
    assert "Next step on this slide" in presenter.locator("#p-next-title").inner_text()
    _go_to(page, case)
    assert presenter.locator("#p-count").inner_text() == f"{case} / {total}"
    notes = presenter.locator("#p-notes").inner_text()
    projected = " ".join(_shown(page))
    assert "Question 1" in projected
    for answer in answers:
        assert answer[:60] in " ".join(notes.split())
        assert answer[:60] not in " ".join(projected.split())
    assert page.locator("details:visible").count() == 0
    presenter.screenshot(path=str(tmp_path / "slides-presenter.png"))
    shots = os.environ.get("CRM_SLIDES_SCREENSHOTS")  # a folder for docs/slides-presenter.png
    if shots:
        presenter.screenshot(path=os.path.join(shots, "slides-presenter.png"))
    presenter.locator("#p-next").click()  # the presenter moves the projected slides
    assert counter.inner_text() == f"{case + 1} / {total}"
    assert presenter.locator("#p-count").inner_text() == f"{case + 1} / {total}"
