"""Hand-in through the exchange folder: submit, atomic replacement, collect and its refusals.

The isolation between real Unix users is proved in tests/hub/; these tests run as one user.
"""
from __future__ import annotations

import json
import os
import stat
import threading

import pytest
from instructor_helpers import RIGHT, submission, write_json
from support import fresh_learner_home

from course.cli import main
from course.errors import InputError
from course.exercises import progress
from course.instructor import exchange


@pytest.fixture
def store(tmp_path, monkeypatch, fixture_bank):
    """A private progress store holding two attempts."""
    with fresh_learner_home(tmp_path / "home", monkeypatch) as home:
        for ex_id in ("demo-assess-single", "demo-assess-multi"):
            ex = fixture_bank[ex_id]
            progress.record(ex, RIGHT[ex_id], ex.grade(RIGHT[ex_id]), "assessment")
        yield home


@pytest.fixture
def root(tmp_path):
    (tmp_path / "exchange" / "inbox").mkdir(parents=True)
    return tmp_path / "exchange"


def test_submit_files_the_work_under_the_login_name(store, root, monkeypatch, capsys):
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    assert main(["submit", "--exchange", str(root)]) == 0
    me = exchange.login_name()
    path = root / "inbox" / f"{me}.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["learner"] == me and len(doc["attempts"]) == 2
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert f"Handed in 2 attempt(s) as {me}" in capsys.readouterr().out
    assert [p.name for p in (root / "inbox").iterdir()] == [f"{me}.json"]  # no temp file left


def test_the_hub_user_names_the_file_not_a_typed_name(store, root, monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", "alice")
    monkeypatch.setenv("CRM_COURSE_EXCHANGE", str(root))
    assert main(["submit"]) == 0
    assert json.loads((root / "inbox" / "alice.json").read_text())["learner"] == "alice"


def test_a_lone_surrogate_typed_into_an_answer_is_handed_in(store, root, monkeypatch,
                                                             fixture_bank):
    """The same file as `crm-course export` writes: JSON escapes where UTF-8 cannot go."""
    monkeypatch.setenv("JUPYTERHUB_USER", "alice")
    ex = fixture_bank["demo-practice-cloze"]
    assert progress.record(ex, ["needs\ud800"], ex.grade(["needs\ud800"]), "practice")
    assert main(["submit", "--exchange", str(root)]) == 0
    doc = json.loads((root / "inbox" / "alice.json").read_text(encoding="utf-8"))
    assert ["needs\ud800"] in [a["response"] for a in doc["attempts"]]


def test_resubmitting_replaces_the_file_atomically(root):
    """A reader in a loop never sees a half-written file while the learner resubmits."""
    big = [{"exercise_id": "demo-assess-single", "response": 1, "time": f"t{i:05d}"}
           for i in range(4000)]
    seen, errors, stop = set(), [], threading.Event()
    target = root / "inbox" / "bob.json"

    def read():
        while not stop.is_set():
            try:
                doc = json.loads(target.read_bytes())
            except FileNotFoundError:
                continue
            except ValueError as exc:  # a torn file
                errors.append(exc)
                return
            seen.add(doc["version"])

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for version in range(30):
            doc = {"version": version, "attempts": big}
            exchange.hand_in(json.dumps(doc).encode(), root, "bob")
    finally:
        stop.set()
        reader.join()
    assert not errors
    assert json.loads(target.read_bytes())["version"] == 29
    assert len(seen) > 1  # the reader did watch the file change
    assert sorted(os.listdir(root / "inbox")) == ["bob.json"]


def test_collect_takes_complete_genuine_files_only(store, root, tmp_path, monkeypatch):
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    me = exchange.login_name()
    assert main(["submit", "--exchange", str(root)]) == 0
    inbox = root / "inbox"
    # a submission still being written: hidden, never collected
    (inbox / f".{me}.0a1b2c.part").write_text('{"format": "crm-course-sub', encoding="utf-8")
    # named after someone who did not write it (as root: a file owned by "nobody")
    write_json(inbox / "carol.json", submission("carol", [("demo-assess-single", 1)]))
    if os.getuid() == 0:
        os.chown(inbox / "carol.json", 65534, 65534)
    # named after the owner, but not after the learner inside
    write_json(inbox / f"{me}-x.json", submission("someone else", []))
    os.symlink(store / "progress.sqlite3", inbox / "link.json")
    (inbox / "notes.txt").write_text("hello", encoding="utf-8")
    result = exchange.collect(root, tmp_path / "collected")
    assert result.collected == [me] and result.in_progress == 1
    refused = dict(result.refused)
    assert set(refused) == {"carol.json", f"{me}-x.json", "link.json", "notes.txt"}
    assert "handed in by the Unix user" in refused["carol.json"]
    assert f"named after '{me}-x'" in refused[f"{me}-x.json"]
    assert [p.name for p in (tmp_path / "collected").iterdir()] == [f"{me}.json"]


def test_a_file_whose_learner_is_not_its_owner_is_refused(root, tmp_path):
    me = exchange.login_name()
    write_json(root / "inbox" / f"{me}.json", submission("someone else", []))
    result = exchange.collect(root, tmp_path / "c")
    assert result.collected == []
    assert "names the learner 'someone else' inside" in dict(result.refused)[f"{me}.json"]


def test_collect_then_report(store, root, tmp_path, monkeypatch, capsys):
    from instructor_helpers import FIXTURE_COURSE

    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    assert main(["submit", "--exchange", str(root)]) == 0
    assert main(["collect", "--exchange", str(root), "--out", str(tmp_path / "c")]) == 0
    assert "Collected 1 submission(s)" in capsys.readouterr().out
    assert main(["report", str(tmp_path / "c"), "--out", str(tmp_path / "r"),
                 "--bank", str(FIXTURE_COURSE / "exercises")]) == 0
    grades = (tmp_path / "r" / "grades.csv").read_text(encoding="utf-8-sig")
    assert exchange.login_name() in grades


def test_a_per_user_folder_is_trusted_by_its_name(root, tmp_path):
    """Zero to JupyterHub: each pod mounts only inbox/<user>/, all pods run as jovyan."""
    write_json(root / "inbox" / "dave" / "dave.json", submission("dave", []))
    write_json(root / "inbox" / "erin" / "dave.json", submission("dave", []))  # ignored
    result = exchange.collect(root, tmp_path / "c")
    assert result.collected == ["dave"]


def test_no_exchange_is_a_sentence(store, monkeypatch, capsys, tmp_path):
    monkeypatch.delenv("CRM_COURSE_EXCHANGE", raising=False)
    assert main(["submit"]) == 2
    assert "No exchange folder is set" in capsys.readouterr().err
    assert main(["submit", "--exchange", str(tmp_path / "nowhere")]) == 2
    assert "the exchange folder is not set up" in capsys.readouterr().err
    assert main(["collect", "--exchange", str(tmp_path)]) == 2
    assert "--out DIR is required" in capsys.readouterr().err


def test_submit_and_collect_share_one_exchange_option(monkeypatch, capsys, tmp_path):
    """--exchange is declared once (exchange.add_exchange_option): the same help in both
    commands, and the folder it names is the one exchange_root uses, ahead of the variable."""
    from course.cli import build_parser

    monkeypatch.setenv("CRM_COURSE_EXCHANGE", str(tmp_path / "from-the-variable"))
    helps = {}
    for command in ("submit", "collect"):
        with pytest.raises(SystemExit) as done:
            main([command, "--help"])
        assert done.value.code == 0
        out = capsys.readouterr().out
        helps[command] = " ".join(out[out.index("--exchange DIR  "):].split("\n  -")[0].split())
        args = build_parser().parse_args([command, "--exchange", str(tmp_path / "given")])
        assert exchange.exchange_root(args.exchange) == tmp_path / "given"
    assert helps["submit"] == helps["collect"] == (
        "--exchange DIR the course's exchange folder (default: $CRM_COURSE_EXCHANGE, set by the "
        "course's hub)")


def test_a_bad_hub_user_name_is_refused(monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", "../../etc/x")
    with pytest.raises(InputError, match="cannot name a submission file"):
        exchange.hub_user()


@pytest.mark.skipif(os.getuid() != 0, reason="setting up the exchange needs root")
def test_init_sets_the_modes(tmp_path, capsys):
    root = tmp_path / "ex"
    assert main(["collect", "--init", "--exchange", str(root), "--group", "root"]) == 0
    mode = (root / "inbox").stat().st_mode
    assert stat.S_IMODE(mode) == 0o3773 and mode & stat.S_ISVTX and mode & stat.S_ISGID
    assert exchange.inbox_problems(root) == []
    assert main(["collect", "--init", "--exchange", str(root), "--group", "no-such-grp"]) == 2
    assert "no Unix group 'no-such-grp'" in capsys.readouterr().err


def test_progress_folder_is_private(store):
    assert stat.S_IMODE(store.stat().st_mode) == 0o700


# ------------------------------------------------------------------ squatting (issue 21)
# These run as root (CI): "nobody" (uid 65534) plays the classmate who squats a name.
as_root = pytest.mark.skipif(os.getuid() != 0, reason="needs root to own files as another user")
NOBODY = 65534


def _squat(path, doc):
    write_json(path, doc)
    os.chown(path, NOBODY, NOBODY)
    if path.parent.name != "inbox":
        os.chown(path.parent, NOBODY, NOBODY)


@as_root
def test_a_squatted_file_name_cannot_stop_a_hand_in(store, root, tmp_path, monkeypatch):
    """A classmate makes inbox/<victim>.json first: the victim's submit used to fail ("exists
    and is not yours"). Now the work goes under a name nobody can guess, and collect takes it."""
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    me = exchange.login_name()
    _squat(root / "inbox" / f"{me}.json", submission(me, [("demo-assess-single", 0)]))
    assert main(["submit", "--exchange", str(root)]) == 0
    mine = [p for p in (root / "inbox").iterdir() if p.stat().st_uid == os.getuid()]
    assert len(mine) == 1 and mine[0].name.startswith(f"{me}.") and mine[0] != f"{me}.json"
    result = exchange.collect(root, tmp_path / "c")
    assert result.collected == [me]
    assert "handed in by the Unix user 'nobody'" in dict(result.refused)[f"{me}.json"]
    doc = json.loads((tmp_path / "c" / f"{me}.json").read_text(encoding="utf-8"))
    assert len(doc["attempts"]) == 2  # the victim's own work, not the squatter's one attempt


@as_root
def test_a_folder_squatted_under_a_victim_s_name_is_not_the_per_user_layout(store, root,
                                                                             tmp_path,
                                                                             monkeypatch):
    """The attacker made inbox/<victim>/<victim>.json, which collect took as the Zero to
    JupyterHub layout and copied as the victim's work without an owner check."""
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    me = exchange.login_name()
    assert main(["submit", "--exchange", str(root)]) == 0
    _squat(root / "inbox" / me / f"{me}.json", submission(me, [("demo-assess-single", 0)]))
    result = exchange.collect(root, tmp_path / "c")
    assert result.collected == [me]
    assert "made by the Unix user 'nobody'" in dict(result.refused)[f"{me}/"]
    doc = json.loads((tmp_path / "c" / f"{me}.json").read_text(encoding="utf-8"))
    assert len(doc["attempts"]) == 2


@as_root
def test_a_file_in_an_instructor_folder_anyone_may_write_counts_only_from_its_learner(root,
                                                                                     tmp_path):
    folder = root / "inbox" / "dave"
    folder.mkdir()
    os.chmod(folder, 0o777)
    write_json(folder / "dave.json", submission("dave", []))
    os.chown(folder / "dave.json", NOBODY, NOBODY)
    result = exchange.collect(root, tmp_path / "c")
    assert result.collected == []
    assert "handed in by the Unix user 'nobody'" in dict(result.refused)["dave/dave.json"]
