"""Benchmark of `crm-course report`: 500 realistic submissions of 60 exercises each, re-graded."""
from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import machine, write_section  # noqa: E402

LEARNERS = 500
EXERCISES = 60
RUNS = 5
TARGET_S = 5.0
REPO = Path(__file__).resolve().parent.parent


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1:] if rng.random() < 0.5 else word[:i] + word[i] + word[i:]


def _cloze(ex, right: bool, rng: random.Random, pool: list[str]) -> list[str]:
    out = []
    for blank in ex.blanks:
        if right:
            answer = rng.choice(blank.answers)
            r = rng.random()
            answer = answer.upper() if r < 0.1 else (_typo(answer, rng) if r < 0.3 else answer)
        else:
            answer = rng.choice(pool + ["", "I don't know", "customer"]) if rng.random() < 0.7 \
                else _typo(_typo(blank.answers[0], rng), rng)
        out.append(answer)
    return out


def respond(ex, ability: float, rng: random.Random, pool: list[str]):
    """One response as a learner of this ability might give it (right with that chance)."""
    right = rng.random() < ability
    kind = ex.type
    if kind == "cloze":
        if ex.word_bank:
            choices = ex.word_bank_choices()
            return [b.answers[0] if right else rng.choice(choices) for b in ex.blanks]
        return _cloze(ex, right, rng, pool)
    if kind == "single_choice":
        return ex.correct_indexes[0] if right else rng.randrange(len(ex.options))
    if kind == "multiple_choice":
        if right:
            return list(ex.correct_indexes)
        k = rng.randint(1, len(ex.options))
        return sorted(rng.sample(range(len(ex.options)), k))
    if kind == "true_false":
        return ex.answer if right else not ex.answer
    if kind == "matching":
        rights = ex.right_choices()
        if right:
            return dict(ex.key)
        return {left: rng.choice(rights) for left in ex.lefts}
    if kind == "ordering":
        if right:
            return list(ex.keys)
        order = list(ex.keys)
        rng.shuffle(order)
        return order
    if kind == "numeric":
        value = ex.answer if right else ex.answer * rng.choice([0.5, 0.9, 1.1, 2, 10])
        unit = ex.unit or ""
        style = rng.random()
        if unit == "%":
            return f"{value:g}%" if style < 0.7 else value
        if style < 0.3:
            return f"{value:,.2f}"
        if style < 0.5:
            return f"¥{value:g}" if unit in ("yuan", "CNY", "¥") else f"{value:g}"
        return value
    raise ValueError(kind)


def make_submissions(bank, folder: Path, seed: int = 7) -> tuple[int, int]:
    """Write LEARNERS submission files; returns (files, attempts)."""
    rng = random.Random(seed)
    exercises = bank.exercises[:EXERCISES]
    assert len(exercises) == EXERCISES, f"the bank has only {len(exercises)} exercises"
    pool = sorted({a for ex in exercises if ex.type == "cloze" for b in ex.blanks
                   for a in b.answers})
    attempts_total = 0
    for n in range(LEARNERS):
        ability = min(0.98, max(0.15, rng.betavariate(5, 2)))
        attempts = []
        minute = 0
        for ex in exercises:
            tries = 1 if ex.mode == "assessment" else rng.choice([1, 1, 1, 2, 2, 3])
            for k in range(tries):
                minute += 1
                response = respond(ex, min(0.99, ability + 0.2 * k), rng, pool)
                attempts.append({
                    "exercise_id": ex.id, "lesson": ex.lesson,
                    "time": f"2026-11-{10 + minute // 1440:02d}T{minute // 60 % 24:02d}:"
                            f"{minute % 60:02d}:00Z",
                    "response": response, "score": 1.0, "mode": ex.mode,
                    "course_version": "0.1.0"})
        attempts_total += len(attempts)
        doc = {"format": "crm-course-submission", "format_version": 1,
               "learner": f"Learner {n:03d} 学生{n}", "course_version": "0.1.0",
               "exported_at": "2026-11-23T08:00:00Z", "attempts": attempts}
        (folder / f"learner-{n:03d}.json").write_text(
            json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return LEARNERS, attempts_total


def main() -> None:
    from course.exercises.loader import load_bank
    from course.instructor import report as rep
    from course.instructor.report_html import render_html
    from course.instructor.submissions import collect

    bank = load_bank(REPO / "exercises")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        subs = tmp / "subs"
        subs.mkdir()
        t0 = time.perf_counter()
        _, n_attempts = make_submissions(bank, subs)
        gen_s = time.perf_counter() - t0
        size_mb = sum(p.stat().st_size for p in subs.iterdir()) / 1e6
        archive = tmp / "class.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            for p in sorted(subs.iterdir()):
                zf.write(p, f"class/{p.name}")

        phases: dict[str, list[float]] = {k: [] for k in
                                          ("load bank", "read 500 files", "re-grade and tally",
                                           "CSV files", "HTML with 3 charts", "total")}
        zip_totals, cli_totals, cold_grades = [], [], []
        for _ in range(RUNS):
            t = [time.perf_counter()]
            bank_run = load_bank(REPO / "exercises")
            t.append(time.perf_counter())
            collected = collect([subs])
            t.append(time.perf_counter())
            report = rep.grade_collected(collected, bank_run, "exercises")
            t.append(time.perf_counter())
            out = tmp / "out"
            out.mkdir(exist_ok=True)
            rep.write_grades_csv(report, out / "grades.csv")
            rep.write_item_csv(report, out / "item_analysis.csv")
            t.append(time.perf_counter())
            (out / "report.html").write_text(render_html(report), encoding="utf-8")
            t.append(time.perf_counter())
            for name, a, b in zip(list(phases)[:-1], t[:-1], t[1:], strict=True):
                phases[name].append(b - a)
            phases["total"].append(t[-1] - t[0])
            assert len(report.learners) == LEARNERS and not report.rejections

            t0 = time.perf_counter()
            rep.write_report(rep.build_report([archive], bank_path=REPO / "exercises"),
                             tmp / "out-zip")
            zip_totals.append(time.perf_counter() - t0)

            # what the memo saves: every attempt graded afresh by the engine
            t0 = time.perf_counter()
            for sub in collected.submissions:
                for a in sub.attempts:
                    bank_run[a.exercise_id].grade(a.response)
            cold_grades.append(time.perf_counter() - t0)

        for _ in range(3):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "course", "report", str(subs), "--out",
                            str(tmp / "out-cli"), "--bank", str(REPO / "exercises")],
                           check=True, cwd=REPO, capture_output=True)
            cli_totals.append(time.perf_counter() - t0)
        distinct = report.graded

    med = {k: statistics.median(v) for k, v in phases.items()}
    cold = statistics.median(cold_grades)
    lines = [
        f"Machine: {machine()}.",
        "",
        f"`bench/bench_report.py` writes {LEARNERS} submission files against the real bank "
        f"(the first {EXERCISES} exercises of {len(bank)}; learners of varied ability, 1 to 3 "
        f"tries at practice and class items, 1 at assessment items; typed answers with typos, "
        f"case changes and wrong words; numbers as `1,299.50`, `¥12`, `15%`): "
        f"{n_attempts:,} attempts, {size_mb:.1f} MB of JSON (generated in {gen_s:.1f} s). "
        f"Median of {RUNS} runs in one process; the command line is median of 3 fresh "
        f"processes.",
        "",
        "| step | median |",
        "|---|---|",
        *[f"| {k} | {v * 1000:.0f} ms |" for k, v in med.items() if k != "total"],
        f"| **report, in process (files in a folder)** | **{med['total']:.2f} s** |",
        f"| report, in process (one zip of the 500 files) | {statistics.median(zip_totals):.2f} s |",
        f"| `crm-course report` command, start to finish | {statistics.median(cli_totals):.2f} s |",
        "",
        f"Target: under {TARGET_S:g} s for 500 submissions of 60 exercises: "
        f"{'met' if statistics.median(cli_totals) < TARGET_S else 'NOT met'} by the whole "
        f"command ({statistics.median(cli_totals) / TARGET_S:.0%} of the budget).",
        "",
        f"Re-grading remembers the grade of an identical response to the same exercise (grading "
        f"is pure), so {n_attempts:,} attempts needed {distinct:,} engine grades. Grading every "
        f"attempt afresh (engine only, no tally) takes {cold:.2f} s (median), "
        f"{cold / med['re-grade and tally']:.1f}× the whole re-grade-and-tally step with "
        f"the memo.",
    ]
    body = "\n".join(lines)
    print(body)
    write_section("Instructor report (issue 7)", body)


if __name__ == "__main__":
    main()
