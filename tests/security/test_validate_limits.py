"""Issue 16 items 3, 5 and 10: hostile or careless bank files end in named problems, quickly.

Every file here is under 1 MB; `crm-course validate` must finish within 5 CPU seconds and
200 MB with a problem that names the file and, where it can, the line. No traceback.
"""
from __future__ import annotations

import re

import pytest
from support import bank_text

CPU_LIMIT_S = 5.0
RSS_LIMIT_MB = 200.0


def laughs(levels: int) -> str:
    """The "billion laughs" alias chain: 9 ** levels strings from a few hundred bytes."""
    lines = ["lesson: 01-test", "title: t", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol",'
             '"lol","lol"]']
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    lines.append(f"exercises: [*a{levels}]")
    return "\n".join(lines) + "\n"


def _numeric(answer: str) -> str:
    return bank_text(
        "  - id: big-number\n    type: numeric\n    prompt: p\n"
        f"    answer: {answer}\n    examples: {{correct: [1], wrong: [2]}}\n")


CASES = {
    # name: (file text, what the problem must say, line it must name: None none, 0 any)
    "billion-laughs-8": (laughs(8), "expands to more than", 0),
    "billion-laughs-9": (laughs(9), "expands to more than", 0),
    "alias-loop": ("lesson: 01-test\ntitle: t\nexercises: &a [*a]\n", "refers to the value", 3),
    "deep-nesting": ("lesson: 01-test\ntitle: t\nexercises:\n" + "".join(
        "  " * i + "-\n" for i in range(200)) + "  " * 200 + "- x\n", "nested more than", None),
    "flat-190k-values": ("lesson: 01-test\ntitle: t\nexercises:\n" + "- x\n" * 190_000,
                         "expands to more than", None),
    "null-top-level-key": (bank_text("  - x\n").replace("title:", "null: 1\n2: 3\ntitle:"),
                           "unknown field", 3),
    "400-digit-integer": (_numeric("9" * 400), "has 400 digits", 7),
    "null-byte": (bank_text("  - id: x\n    prompt: \"a\x00b\"\n"), "U+0000", 6),
    "too-many-problems": (bank_text("".join(f"  - {{id: e{i}, zzz: 1}}\n" for i in range(5_000))),
                          "more than 100 problems", None),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_validate_names_the_problem_within_limits(run_cli, tmp_path, name):
    text, expected, line = CASES[name]
    path = tmp_path / "01-test.yaml"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size < 1_000_000
    run = run_cli("validate", path, timeout=60)
    assert "Traceback" not in run.output, run.output[-2000:]
    assert run.returncode == 2
    assert expected in run.stderr, run.stderr[-2000:]
    if line:
        assert f"01-test.yaml:{line}:" in run.stderr, run.stderr[-2000:]
    elif line == 0:
        assert re.search(r"01-test\.yaml:\d+: ", run.stderr), run.stderr[-2000:]
    assert len(run.output) < 60_000  # messages are capped, never a dump of the data
    assert run.cpu < CPU_LIMIT_S, f"{run.cpu:.1f} CPU seconds"
    assert run.rss_mb < RSS_LIMIT_MB, f"{run.rss_mb:.0f} MB"


def test_problem_messages_are_capped():
    from course.exercises.loader import MAX_MESSAGE_CHARS, Problem

    problem = Problem("f.yaml", "x" * 100_000)
    assert len(problem.message) == MAX_MESSAGE_CHARS and problem.message.endswith("…")


def test_a_file_over_the_size_limit_is_not_read(run_cli, tmp_path):
    from course.exercises.loader import MAX_BANK_BYTES

    path = tmp_path / "01-test.yaml"
    path.write_text(bank_text("  - x\n") + "# " + "x" * MAX_BANK_BYTES + "\n", encoding="utf-8")
    run = run_cli("validate", path)
    assert run.returncode == 2 and "a bank file may hold at most" in run.stderr


def _cloze(text: str) -> str:
    return bank_text(
        "  - id: steps\n    type: cloze\n    prompt: p\n"
        f"    text: \"{text}\"\n    examples: {{correct: [[\"a\"]], wrong: [[\"b\"]]}}\n")


@pytest.mark.parametrize("text, expected", [
    ("First [[a]], then [[second step", "never closed with ]]"),
    ("First [[a]], then second]] step", "never opened with [["),
    ("First [[a [[b]] ]] step", "blanks cannot nest"),
])
def test_unbalanced_or_nested_blanks_are_named(run_cli, tmp_path, text, expected):
    path = tmp_path / "01-test.yaml"
    path.write_text(_cloze(text), encoding="utf-8")
    run = run_cli("validate", path)
    assert run.returncode == 2, run.output
    assert "exercise 'steps': field 'text'" in run.stderr and expected in run.stderr
