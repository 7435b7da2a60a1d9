"""A class on a real JupyterHub: hand-out by nbgitpuller, answers through kernels, isolation
between real Unix users, hand-in, collection and the report.

Run alone with `pytest -m hub tests/hub`. The hub, its proxy and the users' servers are
started by the `hub` fixture (conftest.py) from deploy/jupyterhub_config.py.
"""
from __future__ import annotations

import csv
import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from classkit import ANSWER_CODE, LESSON, PRACTICE, SUBMIT_CODE, _run_json

pytestmark = pytest.mark.hub

PROBE_CODE = """
import json, os, sqlite3
def probe(fn):
    try:
        fn()
        return "allowed"
    except PermissionError:
        return "denied"
    except sqlite3.OperationalError as exc:
        return "denied" if "unable to open" in str(exc) else f"error: {{exc}}"
    except OSError as exc:
        return f"error: {{exc}}"

def replace_with_mine(inbox, target):
    tmp = os.path.join(inbox, ".probe.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    os.write(fd, b"{{}}")
    os.close(fd)
    try:
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)

inbox, sub, store, home = {inbox!r}, {sub!r}, {store!r}, {home!r}
reads = {{
    "read submission": probe(lambda: open(sub, "rb").read()),
    "list the inbox": probe(lambda: os.listdir(inbox)),
    "read progress": probe(lambda: open(store, "rb").read()),
    "open progress with sqlite": probe(lambda: sqlite3.connect(
        "file:" + store + "?mode=ro", uri=True).execute("SELECT * FROM attempts").fetchall()),
    "list the home folder": probe(lambda: os.listdir(home)),
}}
if {reads_only!r}:
    print(json.dumps(reads))
else:
  print(json.dumps({{
    "read submission": probe(lambda: open(sub, "rb").read()),
    "open submission for writing": probe(lambda: open(sub, "r+b").close()),
    "replace submission": probe(lambda: replace_with_mine(inbox, sub)),
    "rename submission": probe(lambda: os.rename(sub, os.path.join(inbox, "moved.json"))),
    "delete submission": probe(lambda: os.unlink(sub)),
    "list the inbox": probe(lambda: os.listdir(inbox)),
    "read progress": probe(lambda: open(store, "rb").read()),
    "open progress with sqlite": probe(lambda: sqlite3.connect(
        "file:" + store + "?mode=ro", uri=True).execute("SELECT * FROM attempts").fetchall()),
    "list the home folder": probe(lambda: os.listdir(home)),
}}))
"""


def _home(user: str) -> Path:
    return Path("~" + user).expanduser()


def test_each_student_pulls_the_student_copy(hub, classroom):
    for student in hub.students:
        copy = _home(student) / "crm-course-student"
        assert (copy / "notebooks" / f"{LESSON}.ipynb").is_file()
        assert (copy / ".git").is_dir()
        assert copy.stat().st_uid == _home(student).stat().st_uid  # theirs, not root's
        # the student copy: no answer key of the assessment items
        bank = (copy / "exercises" / f"{LESSON}.yaml").read_text(encoding="utf-8")
        assert "redacted: true" in bank and "student_copy: true" in bank


def test_progress_lands_in_each_learners_own_store_and_nowhere_else(hub, classroom):
    stores = {}
    for student in hub.students:
        result = classroom["results"][student]
        store = _home(student) / ".crm-course" / "progress.sqlite3"
        assert result["store"] == str(store)
        assert all(result["saved"].values()), result
        assert store.stat().st_uid == _home(student).stat().st_uid
        assert stat.S_IMODE(store.parent.stat().st_mode) == 0o700
        with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as db:
            rows = db.execute("SELECT exercise_id FROM attempts ORDER BY id").fetchall()
        assert [r[0] for r in rows] == list(classroom["plans"][student])
        stores[student] = store
    everywhere = {p for folder in [hub.base, *map(_home, hub.users.values())]
                  for p in Path(folder).rglob("*.sqlite3") if p.name == "progress.sqlite3"}
    assert everywhere == set(stores.values())


def test_students_cannot_touch_each_others_work(hub, classroom):
    a, b, c = hub.students
    inbox = hub.base / "exchange" / "inbox"
    # what a student may do to their own files (so that a "denied" below means something)
    own = _run_json(classroom["kernels"][b], PROBE_CODE.format(
        inbox=str(inbox), sub=str(inbox / f"{b}.json"), reads_only=True,
        store=str(_home(b) / ".crm-course" / "progress.sqlite3"), home=str(_home(b))))
    assert own["read submission"] == own["read progress"] == "allowed"
    assert own["open progress with sqlite"] == own["list the home folder"] == "allowed"
    assert own["list the inbox"] == "denied"  # nobody but the instructors lists the inbox
    for attacker, victim in ((b, a), (c, a), (a, c)):
        seen = _run_json(classroom["kernels"][attacker], PROBE_CODE.format(
            inbox=str(inbox), sub=str(inbox / f"{victim}.json"), reads_only=False,
            store=str(_home(victim) / ".crm-course" / "progress.sqlite3"),
            home=str(_home(victim))))
        assert set(seen.values()) == {"denied"}, (attacker, victim, seen)
    # the victim's work is untouched
    doc = json.loads((inbox / f"{a}.json").read_text(encoding="utf-8"))
    assert doc["learner"] == a and len(doc["attempts"]) == len(classroom["plans"][a])


def test_a_forged_hub_user_cannot_replace_anothers_submission(hub, classroom):
    a, b, _ = hub.students
    inbox = hub.base / "exchange" / "inbox"
    before = (inbox / f"{a}.json").read_bytes()
    forged = _run_json(classroom["kernels"][b], SUBMIT_CODE.format(env={"JUPYTERHUB_USER": a}))
    # the sticky bit keeps a's file; the forged work lands beside it under a name with a random
    # part (so that a squatted name can never block a hand-in), owned by b: collect refuses it
    assert forged["code"] == 0, forged
    assert (inbox / f"{a}.json").read_bytes() == before
    beside = [p for p in inbox.iterdir() if p.name.startswith(f"{a}.") and p.name != f"{a}.json"]
    assert len(beside) == 1 and beside[0].stat().st_uid == _home(b).stat().st_uid
    # a name nobody has handed in under can be taken; its owner gives it away to collect
    assert classroom["squatted"]["code"] == 0
    assert (inbox / "ghost.json").stat().st_uid == _home(b).stat().st_uid


def test_handing_in_again_replaces_the_file(hub, classroom):
    a = hub.students[0]
    inbox = hub.base / "exchange" / "inbox"
    path = inbox / f"{a}.json"
    first = path.stat()
    kernel = classroom["kernels"][a]
    wrong_practice = ["customize"] * len(classroom["plans"][a][PRACTICE])
    _run_json(kernel, ANSWER_CODE.format(answers=json.dumps({PRACTICE: wrong_practice})))
    again = _run_json(kernel, SUBMIT_CODE.format(env={}))
    assert again["code"] == 0, again
    now = path.stat()
    assert now.st_ino != first.st_ino  # a new file renamed into place, not rewritten
    assert stat.S_IMODE(now.st_mode) == 0o640
    assert now.st_gid == __import__("grp").getgrnam(hub.group).gr_gid
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert len(doc["attempts"]) == len(classroom["plans"][a]) + 1
    assert not [n for n in os.listdir(inbox) if n.endswith(".part")]


def test_the_instructor_collects_and_reports(hub, classroom):
    a, b, c = hub.students
    hub.spawn(hub.instructor)
    kernel = hub.open_notebook(hub.instructor, "report.ipynb")
    home = _home(hub.instructor)
    out = _run_json(kernel, f"""
import json, subprocess, sys
def run(*args):
    r = subprocess.run([sys.executable, "-m", "course", *args], capture_output=True, text=True)
    return {{"code": r.returncode, "out": r.stdout, "err": r.stderr}}
collect = run("collect", "--out", {str(home / "collected")!r})
report = run("report", {str(home / "collected")!r}, "--out", {str(home / "report")!r},
             "--bank", {str(hub.base / "instructor-bank")!r})
print(json.dumps({{"collect": collect, "report": report}}))
""")
    assert out["collect"]["code"] == 0, out
    assert "Collected 3 submission(s)" in out["collect"]["out"]
    assert "ghost.json" in out["collect"]["err"] and "handed in by the Unix user" in \
        out["collect"]["err"]
    assert sorted(p.name for p in (home / "collected").iterdir()) == \
        sorted(f"{s}.json" for s in hub.students)
    assert out["report"]["code"] == 0, out
    with open(home / "report" / "grades.csv", encoding="utf-8-sig", newline="") as fh:
        grades = {r["learner"]: r for r in csv.DictReader(fh)}
    assert set(grades) == {a, b, c}
    score = {s: float(grades[s][LESSON]) for s in (a, b, c)}
    assert score[a] > score[b] > score[c], score
    assert (home / "report" / "item_stats.csv").is_file()
    # the instructor reads submissions through the group, not students' homes
    probe = _run_json(kernel, PROBE_CODE.format(
        inbox=str(hub.base / "exchange" / "inbox"), sub=str(hub.base / "x"), reads_only=True,
        store=str(_home(a) / ".crm-course" / "progress.sqlite3"), home=str(_home(a))))
    assert probe["list the inbox"] == "allowed" and probe["read progress"] == "denied"


def test_memory_of_one_learners_server(hub, classroom):
    import psutil

    a = hub.students[0]
    procs = [p for p in psutil.process_iter(["username", "cmdline", "memory_info"])
             if p.info["username"] == a]
    names = " ".join(" ".join(p.info["cmdline"] or []) for p in procs)
    assert "jupyterhub-singleuser" in names and "ipykernel" in names, names
    rss = sum(p.info["memory_info"].rss for p in procs) / 2**20
    print(f"\nhub: {a}'s server + kernel with {LESSON} run: {rss:.0f} MiB RSS "
          f"({len(procs)} processes)")
    assert 50 < rss < 1024
