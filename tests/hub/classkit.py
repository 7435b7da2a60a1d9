"""The class that the hub tests share: three students pull the course, answer a lesson in
their kernels and hand in (``run_class``, the ``classroom`` fixture of conftest.py)."""
from __future__ import annotations

import json
import time
from pathlib import Path

LESSON = "02-idic"
NOTEBOOK = f"crm-course-student/notebooks/{LESSON}.ipynb"
PRACTICE = "idic-letters"


def _answers():
    """Right and wrong answers of the lesson's assessment items, from the instructor's bank."""
    from course.exercises.loader import load_bank

    bank = load_bank(Path(__file__).resolve().parents[2] / "exercises")
    items = [bank[i] for i in bank.lessons[LESSON].ids if bank[i].mode == "assessment"]
    right, wrong = {}, {}
    for ex in items:
        if ex.type == "true_false":
            right[ex.id], wrong[ex.id] = ex.answer, not ex.answer
        elif ex.type == "matching":
            key = dict(ex.key)
            lefts = list(key)
            right[ex.id] = key
            wrong[ex.id] = {left: key[lefts[(i + 1) % len(lefts)]] for i, left in enumerate(lefts)}
        elif ex.type == "cloze":
            right[ex.id] = [b.answers[0] for b in ex.blanks]
            wrong[ex.id] = ["nothing" for _ in ex.blanks]
        elif ex.type == "reply":  # the bank's own known-good and known-bad replies
            right[ex.id] = ex.examples["correct"][0]
            wrong[ex.id] = ex.examples["wrong"][0]
        else:
            raise AssertionError(f"no answers written for {ex.type}")
    practice = bank[PRACTICE]
    return right, wrong, [b.answers[0] for b in practice.blanks]


ANSWER_CODE = """
import json
from course.exercises import progress
answers = json.loads({answers!r})
saved = {{}}
for ex_id, response in answers.items():
    widget = lesson[ex_id].widget  # what the cell `lesson[ex_id]` displays
    result = widget.answer(response).check()
    saved[ex_id] = bool(widget.saved)
print(json.dumps({{"saved": saved, "store": str(progress.store_path())}}))
"""

SUBMIT_CODE = """
import subprocess, sys, os
env = dict(os.environ, **{env!r})
r = subprocess.run([sys.executable, "-m", "course", "submit"], capture_output=True, text=True,
                   env=env)
print(json.dumps({{"code": r.returncode, "out": r.stdout, "err": r.stderr}}))
"""

def _run_json(kernel, code: str) -> dict:
    out = kernel.execute(code).strip().splitlines()
    return json.loads(out[-1])


def _student_lesson(hub, student: str, plan: dict) -> tuple:
    """One student follows the pull link, opens the lesson, runs its first cell and answers
    ``plan``; returns the pull's events, the kernel, the answers' result and when the lesson's
    first cell had run."""
    page, events = hub.pull(student)  # the link a teacher posts
    assert page.status_code == 200 and f"/user/{student}/git-pull" in page.url, page.url
    assert events and events[-1]["phase"] == "finished", json.dumps(events[-1])[-1500:]
    notebook = hub.server(student, "GET", f"/contents/{NOTEBOOK}")
    first = next(c for c in notebook["content"]["cells"] if c["cell_type"] == "code")
    kernel = hub.open_notebook(student, NOTEBOOK)
    kernel.execute(first["source"])  # import course; lesson = course.lesson(...)
    ran = time.monotonic()
    result = _run_json(kernel, ANSWER_CODE.format(answers=json.dumps(plan, ensure_ascii=False)))
    return events, kernel, result, ran


def run_class(hub):
    """Every student pulls the course, opens the lesson, answers and hands in (the
    session fixture ``classroom`` of conftest.py: once for every hub test).

    The three students work at the same time, as a class does (each in a thread of its own,
    with its own browser session and kernel), and the instructor's bank loads while their
    servers start: one after another, their pulls, kernel starts and lesson loads added up
    (issue 24, docs/benchmarks.md). They hand in one after another, afterwards."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(len(hub.students)) as pool:
        answers = pool.submit(_answers)  # the bank loads (about 5 s) while the servers start
        t0 = time.monotonic()
        hub.spawn(*hub.students)
        spawned = time.monotonic() - t0
        hub.spawn(hub.instructor, wait=False)  # ready by the time the class has handed in
        right, wrong, practice = answers.result()
        plans = {
            hub.students[0]: {**right, PRACTICE: practice},
            hub.students[1]: {**right, **{k: v for k, v in wrong.items()
                                          if k == sorted(wrong)[0]}},
            hub.students[2]: dict(wrong),
        }
        futures = {s: pool.submit(_student_lesson, hub, s, plans[s]) for s in hub.students}
        done = {s: future.result() for s, future in futures.items()}  # re-raises a failure
    pulled = {s: done[s][0] for s in hub.students}
    kernels = {s: done[s][1] for s in hub.students}
    results = {s: done[s][2] for s in hub.students}
    first_lesson = min(done[s][3] for s in hub.students) - t0
    submitted = {}
    for student in hub.students:
        submitted[student] = _run_json(kernels[student], SUBMIT_CODE.format(env={}))
    # the second student hands in under a name nobody uses: possible, but collect refuses it
    squatted = _run_json(kernels[hub.students[1]], SUBMIT_CODE.format(
        env={"JUPYTERHUB_USER": "ghost"}))
    print(f"\nhub: set up {hub.phases}; from the hub's start: 3 students' servers ready in "
          f"{spawned:.1f} s, the first student's lesson executed in {first_lesson:.1f} s, "
          f"the class answered and handed in {time.monotonic() - t0:.1f} s")
    return {"plans": plans, "kernels": kernels, "pulled": pulled, "results": results,
            "submitted": submitted, "squatted": squatted, "first_lesson": first_lesson}
