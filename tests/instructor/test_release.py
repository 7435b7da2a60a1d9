"""The student copy: assessment items lose their key, practice items keep theirs, notebooks clear.

"No accepted answer of an assessment item appears under the copy" is checked as defined in
docs/instructor.md ("What the student copy leaves out"); the fixture course is checked more
strictly still: its assessment answers appear in no file of the copy at all.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from instructor_helpers import FIXTURE_COURSE
from support import fresh_learner_home

from course.cli import main
from course.errors import InputError
from course.exercises.kinds import build_exercise
from course.exercises.loader import SAFE_LOADER, load_bank
from course.instructor.release import REDACTED_BLANK, redact_exercise, release

ALLOWED = {"id", "type", "mode", "prompt", "title", "unit", "redacted", "text", "choices",
           "options", "lefts", "rights", "items", "shuffle",  # shuffle: false keeps a scale
           "revisit",  # where the topic is taught: no key in it
           "former_ids",  # a renamed item's old ids (so saved work counts): no key in them
           # a reply task's question (docs/authoring.md): the buyer, facts, length and rubric
           "situation", "buyer", "facts", "words", "rubric", "pass_score"}
REPO = Path(__file__).resolve().parents[2]
BLANK = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)


def _yaml(path: Path):
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader


def _items(folder: Path) -> dict[str, dict]:
    out = {}
    for path in sorted(folder.glob("*.yaml")):
        for raw in _yaml(path)["exercises"]:
            out[raw["id"]] = raw
    return out


def _strings(value) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [str(value)] if value not in (None, "") else []


def _cloze_answers(raw) -> list[str]:
    answers = []
    for m in BLANK.finditer(raw.get("text", "")):
        body = m.group(1).partition("::")[0]
        answers += [a.strip() for a in body.split("|") if a.strip()]
    return answers


def _hidden(raw) -> list[str]:
    """Texts only the instructor may hold: solution, hints, all feedback, blank tips."""
    found = _strings(raw.get("solution")) + _strings(raw.get("hints"))
    found += _strings(raw.get("feedback")) + _strings(raw.get("blank_feedback"))
    found += [s for o in raw.get("options", []) for s in _strings(o.get("feedback"))]
    found += [m.group(1).partition("::")[2].strip() for m in BLANK.finditer(raw.get("text", ""))]
    return [" ".join(s.split()) for s in found if s.strip()]


def _visible(raw) -> str:
    """What the question itself shows a learner (prompt, title, options, cloze text)."""
    text = BLANK.sub(" ", raw.get("text", ""))
    parts = _strings(raw.get("prompt")) + _strings(raw.get("title")) + [text]
    parts += [s for o in raw.get("options", []) for s in _strings(o.get("text"))]
    return " ".join(" ".join(parts).split()).casefold()


def _public(items: dict[str, dict]) -> str:
    """Every text of the practice and class items: the copy carries those with their keys."""
    return "\n".join(" ".join(s.split()) for raw in items.values()
                     if raw.get("mode") != "assessment" for s in _strings(raw))


def _all_text(copy: Path) -> str:
    texts = []
    for path in copy.rglob("*"):
        if path.is_file():
            try:
                texts.append(path.read_text(encoding="utf-8"))
            except UnicodeDecodeError:
                continue
    return " ".join(" ".join(texts).split())


def check_copy(source: Path, copy: Path) -> list[str]:
    """Every way the copy breaks the definition in docs/instructor.md (empty: none)."""
    problems = []
    before, after = _items(source / "exercises"), _items(copy / "exercises")
    assert set(before) == set(after)
    everything = _all_text(copy)
    public = _public(before)
    for ex_id, raw in before.items():
        out = after[ex_id]
        if raw.get("mode") != "assessment":
            if out != raw:
                problems.append(f"{ex_id}: a practice/class item changed")
            continue
        if out.get("redacted") is not True or set(out) - ALLOWED:
            problems.append(f"{ex_id}: fields {sorted(set(out) - ALLOWED)} left, or no redacted")
        if any(set(o) != {"text", "key"} for o in out.get("options", [])):
            problems.append(f"{ex_id}: an option keeps more than its text and key")
        if [m.group(0) for m in BLANK.finditer(out.get("text", ""))] != \
                [REDACTED_BLANK] * len(BLANK.findall(raw.get("text", ""))):
            problems.append(f"{ex_id}: a blank keeps its key")
        entry = yaml.safe_dump(out, allow_unicode=True).casefold()
        visible = _visible(raw)
        for answer in _cloze_answers(raw):
            a = answer.casefold()
            if a not in visible and re.search(rf"(?<!\w){re.escape(a)}(?!\w)", entry):
                problems.append(f"{ex_id}: blank answer {answer!r} in the released bank")
        for secret in _hidden(raw):
            if len(secret) >= 12 and secret.casefold() not in visible and \
                    secret not in public and secret in everything:
                problems.append(f"{ex_id}: hidden text {secret[:40]!r} under the copy")
    for nb_path in (copy / "notebooks").rglob("*.ipynb"):
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        if "widgets" in nb.get("metadata", {}):
            problems.append(f"{nb_path.name}: saved widget state")
        for cell in nb["cells"]:
            if cell.get("outputs") or cell.get("execution_count") is not None:
                problems.append(f"{nb_path.name}: a cell keeps its output")
    return problems


@pytest.fixture(scope="module")
def fixture_copy(tmp_path_factory):
    copy = tmp_path_factory.mktemp("release") / "student"
    summary = release(copy, FIXTURE_COURSE)
    return copy, summary


def test_the_copy_holds_the_course_without_build_junk(fixture_copy):
    copy, summary = fixture_copy
    names = sorted(p.relative_to(copy).as_posix() for p in copy.rglob("*") if p.is_file())
    assert names == ["README.md", "data/README.md", "data/orders.csv", "exercises/01-demo.yaml",
                     "exercises/02-more.yaml", "notebooks/01-demo.ipynb",
                     "notebooks/02-more.ipynb", "notebooks/course.yaml"]
    assert summary.files == len(names)
    assert summary.redacted == {
        "01-demo": ["demo-assess-cloze", "demo-assess-single", "demo-assess-multi"],
        "02-more": ["more-assess-tf", "more-assess-match", "more-assess-order",
                    "more-assess-numeric"]}
    assert not any(p.name.startswith(".student.partial") for p in copy.parent.iterdir())


def test_the_copy_meets_the_definition(fixture_copy):
    copy, _ = fixture_copy
    assert check_copy(FIXTURE_COURSE, copy) == []


def test_no_assessment_answer_of_the_fixture_appears_anywhere(fixture_copy):
    copy, _ = fixture_copy
    everything = _all_text(copy).casefold()
    source = _items(FIXTURE_COURSE / "exercises")
    # the fixture's answers and hidden texts are words no question shows (e.g. "zephyrine")
    secrets = _cloze_answers(source["demo-assess-cloze"])
    for raw in source.values():
        if raw.get("mode") == "assessment":
            secrets += _hidden(raw)
    public = _public(source)
    secrets = [s for s in secrets if s not in public]  # e.g. the feedback "对。" of a class item
    assert len(secrets) > 10
    for secret in secrets:
        assert secret.casefold() not in everything, secret
    # the instructor's comment at the top of the bank file is gone too
    assert "must never reach students" not in everything


def test_the_check_catches_a_copy_that_leaks(fixture_copy, tmp_path):
    copy, _ = fixture_copy
    leaky = tmp_path / "leaky"
    shutil.copytree(copy, leaky)
    shutil.copy(FIXTURE_COURSE / "exercises" / "01-demo.yaml", leaky / "exercises")
    problems = check_copy(FIXTURE_COURSE, leaky)
    assert any("demo-assess-cloze: a blank keeps its key" in p for p in problems)
    assert any("hidden text" in p for p in problems)


def test_practice_and_class_items_keep_their_keys(fixture_copy):
    copy, _ = fixture_copy
    before, after = _items(FIXTURE_COURSE / "exercises"), _items(copy / "exercises")
    for ex_id in ("demo-practice-cloze", "demo-class-choice", "more-practice-numeric"):
        assert after[ex_id] == before[ex_id]
    bank = load_bank(copy / "exercises")
    assert bank["demo-practice-cloze"].grade(["identify"]).correct
    assert bank["demo-class-choice"].grade(1).correct


def test_the_copy_cannot_recognise_a_right_assessment_answer(fixture_copy, fixture_bank):
    copy, _ = fixture_copy
    student = load_bank(copy / "exercises")
    assessed = [ex for ex in fixture_bank.exercises if ex.mode == "assessment"]
    assert len(assessed) == 7
    for ex in assessed:
        for response in ex.examples["correct"] + ex.examples["wrong"]:
            assert ex.grade(response).graded  # the instructor's key grades it
            result = student[ex.id].grade(response)
            assert result.valid and result.attempted, (ex.id, response)
            assert not result.graded and result.score == 0 and not result.correct
            assert result.message.en == "Your answer has been saved."


def test_released_questions_show_the_same_choices_in_a_shuffled_order(fixture_copy,
                                                                     fixture_bank):
    copy, _ = fixture_copy
    after = _items(copy / "exercises")
    match = fixture_bank["more-assess-match"]
    rights = [r["en"] if isinstance(r, dict) else r for r in after["more-assess-match"]["rights"]]
    assert sorted(rights) == sorted(match.rights)
    assert rights[:3] != [match.key[left] for left in match.lefts]
    assert after["more-assess-match"]["lefts"] == match.lefts
    order = after["more-assess-order"]["items"]
    assert sorted(order) == sorted(fixture_bank["more-assess-order"].keys)
    assert order != fixture_bank["more-assess-order"].keys
    assert sorted(o["text"] for o in after["demo-assess-single"]["options"]) == \
        ["Customize", "Identify", "Interact"]


def test_choice_options_come_in_the_release_s_secret_order(fixture_bank):
    """Issue 21: the authored order put the right option first in 9 of 14 items; in the copy
    each option is first about as often as any other (600 releases: 200 expected, sd 12),
    and keeps its own key."""
    from collections import Counter

    ex = fixture_bank["demo-assess-single"]
    firsts = Counter(redact_exercise(ex.raw, ex)["options"][0]["key"] for _ in range(600))
    assert set(firsts) == {"customize", "identify", "interact"}
    assert all(150 < n < 250 for n in firsts.values()), firsts
    out = redact_exercise(ex.raw, ex)
    assert {o["key"]: o["text"] for o in out["options"]} == \
        {"customize": "Customize", "identify": "Identify", "interact": "Interact"}


def test_a_scale_that_says_shuffle_false_keeps_its_order(fixture_bank):
    ex = fixture_bank["demo-assess-single"]
    raw = {**ex.raw, "shuffle": False}
    assert [o["text"] for o in redact_exercise(raw, build_exercise(raw, lesson="01-demo"))
            ["options"]] == ["Customize", "Identify", "Interact"]


def test_notebooks_lose_outputs_and_widget_state_but_keep_their_cells(fixture_copy):
    copy, _ = fixture_copy
    for name in ("01-demo.ipynb", "02-more.ipynb"):
        src = json.loads((FIXTURE_COURSE / "notebooks" / name).read_text(encoding="utf-8"))
        out = json.loads((copy / "notebooks" / name).read_text(encoding="utf-8"))
        assert any(c.get("outputs") for c in src["cells"])  # the source had outputs
        assert [c["source"] for c in out["cells"]] == [c["source"] for c in src["cells"]]
        assert all(c.get("outputs", []) == [] for c in out["cells"])
        assert all(c.get("execution_count") is None for c in out["cells"]
                   if c["cell_type"] == "code")
        assert "widgets" not in out["metadata"]
        assert out["metadata"]["kernelspec"] == src["metadata"]["kernelspec"]


def test_a_word_bank_cloze_in_assessment_keeps_only_its_shuffled_choices():
    raw = {"id": "wb", "type": "cloze", "mode": "assessment", "prompt": "Choose.",
           "text": "We [[resume]] and [[appreciate]] it.", "word_bank": True,
           "distractors": ["sanction"], "examples": {"correct": [["resume", "appreciate"]],
                                                     "wrong": [["sanction", "resume"]]}}
    ex = build_exercise(raw, lesson="01-x")
    out = redact_exercise(raw, ex)
    assert out["text"] == "We [[?]] and [[?]] it."
    # the release's secret order (tests/security/test_release_keys.py), never the key's
    assert sorted(out["choices"]) == sorted(ex.word_bank_choices())
    assert sorted(out["choices"]) == ["appreciate", "resume", "sanction"]
    assert out["choices"][:2] != ["resume", "appreciate"]
    assert "distractors" not in out and "examples" not in out


def test_release_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "keep.txt").write_text("mine")
    with pytest.raises(InputError, match="not empty"):
        release(tmp_path / "old", FIXTURE_COURSE)
    assert (tmp_path / "old" / "keep.txt").read_text() == "mine"


def test_release_refuses_a_folder_inside_the_course(tmp_path):
    course_copy = tmp_path / "course"
    shutil.copytree(FIXTURE_COURSE, course_copy)
    with pytest.raises(InputError, match="inside the course folder"):
        release(course_copy / "student", course_copy)


def test_release_refuses_a_folder_that_is_not_a_course(tmp_path, capsys):
    code = main(["release", "--source", str(tmp_path), "--out", str(tmp_path / "x")])
    err = capsys.readouterr().err
    assert code == 2 and "not a course folder" in err and "Traceback" not in err


def test_a_leak_outside_the_bank_stops_the_release_and_leaves_nothing(tmp_path):
    course_copy = tmp_path / "course"
    shutil.copytree(FIXTURE_COURSE, course_copy)
    (course_copy / "docs").mkdir()
    (course_copy / "docs" / "answers.md").write_text(
        "Solution: The hidden solution sentence about\nthe quokka letter.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"docs/answers.md: exercise 'demo-assess-cloze'"):
        release(tmp_path / "student", course_copy)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["course"]


def test_cli_release_prints_what_it_did(tmp_path, capsys):
    code = main(["release", "--source", str(FIXTURE_COURSE), "--out", str(tmp_path / "s")])
    printed = capsys.readouterr().out
    assert code == 0
    assert "Assessment items without answer key / 已删除答案的评估题: 7" in printed
    assert (tmp_path / "s" / "exercises" / "01-demo.yaml").is_file()


def test_the_real_course_releases_without_assessment_keys(tmp_path):
    """The course of this repository, checked against the same definition."""
    bank = load_bank(REPO / "exercises")
    if any(ex.redacted for ex in bank.exercises):
        pytest.skip("this is a student copy: the assessment keys are with the instructor")
    copy = tmp_path / "student"
    summary = release(copy, REPO)
    assert check_copy(REPO, copy) == []
    n_assessed = sum(ex.mode == "assessment" for ex in bank.exercises)
    assert sum(len(v) for v in summary.redacted.values()) == n_assessed
    student = load_bank(copy / "exercises")
    for ex in bank.exercises:
        if ex.mode == "assessment":
            for response in ex.examples["correct"]:
                assert not student[ex.id].grade(response).graded
    for name in ("pyproject.toml", "Makefile", "README.md", "course/__init__.py"):
        assert (copy / name).is_file(), name
    for name in ("bench", ".git", "tests", ".ci", "docs/instructor.md", "docs/authoring.md",
                 "notebooks/instructor-answer-keys.ipynb"):
        assert not (copy / name).exists(), name
    # the learner's environment has no test tools
    env = (copy / "environment.yml").read_text(encoding="utf-8")
    assert "jupyterlab" in env and "playwright" not in env and "jupyterhub" not in env
    assert "pytest" not in env


def _teacher_course(tmp_path: Path) -> Path:
    """The fixture course with what a teacher keeps beside it: tests with known answers, a
    benchmark, CI, the instructor's guide, an answer-key notebook."""
    course_copy = tmp_path / "course"
    shutil.copytree(FIXTURE_COURSE, course_copy)
    (course_copy / "tests").mkdir()
    (course_copy / "tests" / "conftest.py").write_text("", encoding="utf-8")
    (course_copy / "bench").mkdir()
    (course_copy / "bench" / "bench_x.py").write_text("", encoding="utf-8")
    (course_copy / ".ci").mkdir()
    (course_copy / ".ci" / "run").write_text("make test\n", encoding="utf-8")
    (course_copy / "docs").mkdir()
    for name in ("instructor.md", "authoring.md", "deploy.md", "benchmarks.md"):
        (course_copy / "docs" / name).write_text("For teachers.\n", encoding="utf-8")
    (course_copy / "docs" / "learners.md").write_text("For everyone.\n", encoding="utf-8")
    (course_copy / "docs" / "materials").mkdir()  # crm-course print's pictures: keys shown
    (course_copy / "docs" / "materials" / "exam-A-key-en.png").write_bytes(b"\x89PNG")
    (course_copy / "docs" / "dashboard.png").write_bytes(b"\x89PNG")
    shutil.copy(course_copy / "notebooks" / "01-demo.ipynb",
                course_copy / "notebooks" / "instructor-answer-keys.ipynb")
    return course_copy


def test_the_copy_leaves_every_teacher_file_behind(tmp_path):
    course_copy = _teacher_course(tmp_path)
    release(tmp_path / "student", course_copy)
    names = sorted(p.relative_to(tmp_path / "student").as_posix()
                   for p in (tmp_path / "student").rglob("*") if p.is_file())
    assert "docs/learners.md" in names
    assert not [n for n in names if n.startswith(("tests/", "bench/", ".ci/", "docs/materials/"))
                or n in ("docs/dashboard.png", "docs/instructor.md", "docs/authoring.md", "docs/deploy.md",
                         "docs/benchmarks.md", "notebooks/instructor-answer-keys.ipynb")]


def test_make_lab_in_the_copy_installs_no_test_tools(tmp_path):
    """The course's own Makefile: with tests/ it installs the test extra, in the copy (no
    tests/) only the course and what a learner needs."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    import subprocess

    course_copy = _teacher_course(tmp_path)
    shutil.copy(REPO / "Makefile", course_copy / "Makefile")
    (course_copy / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    release(tmp_path / "student", course_copy)

    def install_line(folder):
        run = subprocess.run(["make", "-n", ".venv/.installed"], cwd=folder, text=True,
                             capture_output=True, timeout=60, check=True)
        return [ln for ln in run.stdout.splitlines() if "install" in ln and "-e " in ln]

    assert any("-e '.[test]'" in ln for ln in install_line(course_copy))
    student = install_line(tmp_path / "student")
    assert student and all("-e '.'" in ln and "[test]" not in ln for ln in student)
    run = subprocess.run(["make", "test"], cwd=tmp_path / "student", text=True,
                         capture_output=True, timeout=60,
                         env={"PATH": "/usr/bin:/bin", "PYTHON": "false"})
    assert run.returncode != 0


@pytest.mark.parametrize("where, text, item", [
    # a teacher's verdicts next to the item's id (the attack of issue 21: tests/grading)
    ("docs/verdicts.yaml", "- {id: more-assess-numeric, response: '51%', verdict: right}\n",
     "more-assess-numeric"),
    # a bare number within three lines of the id
    ("docs/notes.md", "## more-assess-numeric\n\nThe class mostly wrote\n51\n",
     "more-assess-numeric"),
    # an option's key beside the item's id in a data file
    ("data/extra.csv", "exercise,answer\ndemo-assess-single,identify\n", "demo-assess-single"),
    # the right order as a list in a notebook's cell, written by a teacher
    ("docs/keys.json", '{"order": ["Identify", "Differentiate", "Interact", "Customize"]}',
     "more-assess-order"),
])
def test_the_release_refuses_a_copy_where_anything_answers_an_item(tmp_path, where, text,
                                                                   item):
    course_copy = tmp_path / "course"
    shutil.copytree(FIXTURE_COURSE, course_copy)
    (course_copy / where).parent.mkdir(exist_ok=True)
    (course_copy / where).write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=rf"{re.escape(where)}: exercise {item!r} answered"):
        release(tmp_path / "student", course_copy)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["course"]


def test_the_audit_ignores_numbers_and_texts_away_from_an_item(tmp_path):
    """A number with no item id beside it is subject matter (the data hold thousands), and a
    wrong answer beside the id answers nothing."""
    course_copy = tmp_path / "course"
    shutil.copytree(FIXTURE_COURSE, course_copy)
    (course_copy / "data" / "shares.csv").write_text("market,share\nUS,51%\n", encoding="utf-8")
    (course_copy / "data" / "notes.yaml").write_text(
        "- {id: more-assess-numeric, response: '15%'}\n", encoding="utf-8")
    release(tmp_path / "student", course_copy)
    assert (tmp_path / "student" / "data" / "shares.csv").is_file()


def test_an_unwritable_target_is_a_sentence_and_leaves_nothing(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("course.instructor.release.clear_notebook", refuse)
    with pytest.raises(InputError, match="Cannot write .*Permission denied"):
        release(tmp_path / "student", FIXTURE_COURSE)
    assert list(tmp_path.iterdir()) == []


def test_the_copy_keeps_each_go_back_pointer_and_the_summary_marks_nothing(fixture_copy,
                                                                           monkeypatch, tmp_path):
    """A revisit pointer survives redaction; in the copy the review summary cannot tell right
    from wrong (the key is with the teacher), so it lists the answers as pending, by lesson."""
    from course.exercises.attempt import Attempt
    from course.exercises.revisit import review_summary

    copy, _summary = fixture_copy
    before, after = _items(FIXTURE_COURSE / "exercises"), _items(copy / "exercises")
    for ex_id, raw in before.items():
        assert after[ex_id].get("revisit") == raw.get("revisit"), ex_id
    assert after["more-assess-tf"]["revisit"]["lesson"] == "01-demo"

    with fresh_learner_home(tmp_path / "home", monkeypatch):
        lesson = load_bank(copy / "exercises").lessons["02-more"]
        Attempt(lesson["more-assess-tf"]).check(True)     # wrong with the instructor's key
        Attempt(lesson["more-assess-order"]).check(RIGHT_ORDER)
        summary = review_summary(lesson)
        assert summary.pending == ["more-assess-tf", "more-assess-order"]
        assert summary.wrong == [] and summary.right == []
        text = summary.text("en")
        assert "saved for your teacher" in text and "Go back to lesson 01" in text
        assert "Old customers" in text and "More demo" in text
        assert "capybara" not in text and "Customize" not in text


RIGHT_ORDER = ["Identify", "Differentiate", "Interact", "Customize"]
