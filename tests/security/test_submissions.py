"""Issue 16 items 2, 7, 8, 9 and 12: hostile submissions are listed as rejected (or flagged) and
the others still count; the report stays within seconds and a few hundred MB."""
from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest
from instructor_helpers import FIXTURE_COURSE, RIGHT, submission, write_json

from course.instructor.submissions import (
    MAX_ATTEMPTS_PER_EXERCISE,
    MAX_ATTEMPTS_PER_SUBMISSION,
    collect,
    learner_key,
)

BANK = FIXTURE_COURSE / "exercises"


def _reasons(collected) -> dict[str, str]:
    return {Path(r.source.split(":")[-1]).name: r.reason for r in collected.rejections}


def _raw(path: Path, doc: dict) -> Path:
    """Write ``doc`` with ensure_ascii, so lone surrogates go into the file as JSON escapes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc), encoding="ascii")
    return path


def test_a_lone_surrogate_rejects_only_what_holds_it(run_cli, tmp_path):
    folder = tmp_path / "subs"
    _raw(folder / "name.json", submission("Sam\udc00", [("demo-assess-single", 1)]))
    _raw(folder / "resp.json", submission("Li Lei", [("demo-practice-cloze", ["needs\ud800"]),
                                                     ("demo-assess-single", 1)]))
    write_json(folder / "good.json", submission("Han Meimei", [("demo-assess-single", 1)]))
    run = run_cli("report", folder, "--out", tmp_path / "out", "--bank", BANK)
    assert run.returncode == 0, run.output[-3000:]
    assert "Traceback" not in run.output
    assert "Graded 2 learner(s)" in run.stdout
    assert "name.json" in run.stderr and "not valid Unicode" in run.stderr
    grades = (tmp_path / "out" / "grades.csv").read_text(encoding="utf-8-sig")
    assert "Li Lei" in grades and "Han Meimei" in grades


def test_too_many_attempts_in_one_file_is_rejected_quickly(run_cli, tmp_path):
    n = 55_000  # about 9.6 MB
    doc = submission("Big", [("demo-practice-cloze", [f"w{i}"]) for i in range(n)])
    path = write_json(tmp_path / "subs" / "big.json", doc)
    write_json(tmp_path / "subs" / "ok.json", submission("Ok", [("demo-assess-single", 1)]))
    assert 8_000_000 < path.stat().st_size < 10 * 1024 * 1024
    run = run_cli("report", tmp_path / "subs", "--out", tmp_path / "out", "--bank", BANK)
    assert run.returncode == 0, run.output[-3000:]
    assert f"holds {n} attempts" in run.stderr
    assert "Graded 1 learner(s)" in run.stdout
    print(f"one 9.6 MB submission: {run.cpu:.1f} CPU s, {run.rss_mb:.0f} MB")
    assert run.cpu < 20 and run.rss_mb < 500, (run.cpu, run.rss_mb)


def test_a_zip_of_500_full_submissions_stays_within_seconds(run_cli, tmp_path):
    ids = list(RIGHT)
    zpath = tmp_path / "class.zip"
    rows = [(ids[i % len(ids)], [f"w@K@-{i}"]) for i in range(MAX_ATTEMPTS_PER_SUBMISSION)]
    template = json.dumps(submission("Learner @K@", rows))  # every response a different text
    with zipfile.ZipFile(zpath, "w", zipfile.ZIP_DEFLATED) as zf:
        for k in range(500):
            zf.writestr(f"s{k}.json", template.replace("@K@", str(k)))
    run = run_cli("report", zpath, "--out", tmp_path / "out", "--bank", BANK, timeout=300)
    assert run.returncode == 0, run.output[-3000:]
    assert "the most one report reads" in run.stderr
    assert "per exercise not counted" in run.stderr
    print(f"zip of 500 x {MAX_ATTEMPTS_PER_SUBMISSION} attempts: {run.cpu:.1f} CPU s, "
          f"{run.rss_mb:.0f} MB")
    assert run.cpu < 15 and run.rss_mb < 500, (run.cpu, run.rss_mb)


def test_attempts_past_the_limit_per_exercise_keep_the_first_and_last(tmp_path):
    rows = [("demo-assess-single", 0)] * (MAX_ATTEMPTS_PER_EXERCISE + 30)
    rows[-1] = ("demo-assess-single", RIGHT["demo-assess-single"])
    got = collect([write_json(tmp_path / "s.json", submission("Li", rows))])
    (sub,) = got.submissions
    assert len(sub.attempts) == MAX_ATTEMPTS_PER_EXERCISE
    assert sub.attempts[-1].response == RIGHT["demo-assess-single"]
    assert "30 attempt(s) at demo-assess-single" in _reasons(got)["s.json"]


def test_a_deeply_nested_response_is_not_counted(tmp_path):
    deep = "[" * 500 + "]" * 500
    text = json.dumps(submission("Li", [("demo-assess-single", 1), ("demo-practice-cloze", 0)]))
    text = text.replace('"response": 0', f'"response": {deep}')
    (tmp_path / "s.json").write_text(text, encoding="utf-8")
    got = collect([tmp_path / "s.json"])
    (sub,) = got.submissions
    assert [a.exercise_id for a in sub.attempts] == ["demo-assess-single"]
    assert "nested more than" in _reasons(got)["s.json"]


@pytest.mark.parametrize("twin", ["Sam\u200b", "\u200fSam", "\ufeffSam", "Ｓａｍ", "Sam\u2060"])
def test_names_differing_by_invisible_or_width_characters_are_one_learner(tmp_path, twin):
    assert learner_key(twin) == learner_key("Sam")
    write_json(tmp_path / "a.json", submission("Sam", [("demo-assess-single", 0)],
                                               exported_at="2026-11-20T08:00:00Z"))
    write_json(tmp_path / "b.json", submission(twin, [("demo-assess-single", 1)],
                                               exported_at="2026-11-21T08:00:00Z"))
    got = collect([tmp_path])
    # the same learner as far as names go, but the later file is no export of the first's
    # store: it does not replace Sam's file (issue 21); both count and the conflict is listed
    honest = [s for s in got.submissions if s.source.endswith("a.json")]
    assert len(got.submissions) == 2 and len(honest) == 1
    assert honest[0].attempts[0].response == 0 and honest[0].learner.startswith("Sam (")
    assert any("names are written differently" in w.reason for w in got.warnings)
    assert any("look-alike name" in w.reason for w in got.warnings)


def test_look_alike_names_are_flagged(tmp_path):
    write_json(tmp_path / "a.json", submission("Sam Li", [("demo-assess-single", 0)]))
    write_json(tmp_path / "b.json", submission("\u0405am Li", [("demo-assess-single", 1)]))  # Ѕ
    got = collect([tmp_path])
    assert len(got.submissions) == 2  # two people as far as the text goes, but flagged
    reasons = [w.reason for w in got.warnings]
    assert any("look the same" in r for r in reasons)
    assert any("mixes Latin letters" in r for r in reasons)


def test_a_file_from_the_future_does_not_replace_the_real_one(tmp_path):
    write_json(tmp_path / "real.json", submission("Li Lei", [("demo-assess-single", 1)],
                                                  exported_at="2026-11-23T08:00:00Z"))
    write_json(tmp_path / "forged.json", submission("Li Lei", [("demo-assess-single", 0)],
                                                    exported_at="9999-12-31T00:00:00Z"))
    got = collect([tmp_path])
    assert [Path(s.source).name for s in got.submissions] == ["real.json"]
    assert "a time still to come" in _reasons(got)["forged.json"]


def test_a_lone_file_from_the_future_counts_with_a_warning(tmp_path):
    write_json(tmp_path / "f.json", submission("Li Lei", [("demo-assess-single", 1)],
                                               exported_at="9999-12-31T00:00:00Z"))
    got = collect([tmp_path])
    assert len(got.submissions) == 1
    assert any("check that this file is genuine" in w.reason for w in got.warnings)


def test_links_out_of_the_folder_and_special_files_are_listed(tmp_path):
    outside = write_json(tmp_path / "elsewhere" / "secret.json",
                         submission("Outsider", [("demo-assess-single", 1)]))
    folder = tmp_path / "subs"
    write_json(folder / "good.json", submission("Li Lei", [("demo-assess-single", 1)]))
    (folder / "link.json").symlink_to(outside)
    (folder / "dirlink").symlink_to(outside.parent, target_is_directory=True)
    os.mkfifo(folder / "pipe.json")
    got = collect([folder])
    assert [s.learner for s in got.submissions] == ["Li Lei"]
    reasons = _reasons(got)
    assert "outside the submissions folder" in reasons["link.json"]
    assert "outside the submissions folder" in reasons["dirlink"]
    assert "not a regular file" in reasons["pipe.json"]


def test_a_pipe_given_by_name_is_refused_not_waited_on(tmp_path):
    os.mkfifo(tmp_path / "pipe.zip")
    got = collect([tmp_path / "pipe.zip"])
    assert "not a regular file" in got.rejections[0].reason


def test_terminal_escapes_in_file_names_are_printed_escaped(run_cli, tmp_path):
    folder = tmp_path / "subs"
    name = "evil\x1b]0;pwned\x07\x1b[2J\r.json"
    write_json(folder / name, {"not": "a submission"})
    write_json(folder / "ok.json", submission("Li\x1b[31m Lei", [("demo-assess-single", 1)]))
    run = run_cli("report", folder, "--out", tmp_path / "out", "--bank", BANK)
    assert run.returncode == 0, run.output[-3000:]
    assert "\x1b" not in run.output and "\x07" not in run.output and "\r" not in run.output
    assert "evil\\x1b]0;pwned\\x07" in run.stderr


def test_the_format_constants_have_one_home():
    from course import submission_format
    from course.exercises import progress
    from course.instructor import submissions

    assert progress.SUBMISSION_FORMAT is submission_format.FORMAT
    assert submissions.FORMAT is submission_format.FORMAT


