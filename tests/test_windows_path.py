"""The learner's path on a Windows laptop, checked here with what Windows lacks made missing.

A subprocess blocks the POSIX-only modules (``fcntl``, ``pwd``, ``grp``, ``termios``,
``resource``: ``sys.modules[name] = None`` makes their import fail as on Windows) and removes the
POSIX-only functions of ``os`` (``getuid``, ``fchmod``, ``fchown``, ``getpgid``, ``killpg``...)
before importing the course. It then does what a learner at home does: open a lesson, answer
and check an exercise in its widget (the attempt is saved), read the progress back in a second
process, export the work (``crm-course export``) and hand it in (``crm-course submit`` to an
exchange folder, as a school's shared drive would be).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GALLERY = ROOT / "tests" / "widgets" / "00-gallery.yaml"

#: modules Windows' Python does not have (those the course or its libraries might import)
POSIX_MODULES = ("fcntl", "pwd", "grp", "termios", "resource")
#: functions of ``os`` that Windows' Python does not have
POSIX_OS = ("getuid", "geteuid", "getgid", "getegid", "fchmod", "fchown", "chown", "lchown",
            "getpgid", "setsid", "killpg", "getpwuid", "fork", "O_NOFOLLOW", "O_NONBLOCK")

PRELUDE = textwrap.dedent(f"""
    import os, sys
    for name in {POSIX_MODULES!r}:
        sys.modules[name] = None
    for name in {POSIX_OS!r}:
        if hasattr(os, name):
            delattr(os, name)
""")


def _run(code: str, home: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, CRM_COURSE_HOME=str(home), CRM_COURSE_BANK=str(GALLERY.parent))
    for name in ("CRM_COURSE_LANG", "CRM_COURSE_MODE", "CRM_COURSE_PRESENTER",
                 "JUPYTERHUB_USER", "LOGNAME", "USER", "LNAME"):
        env.pop(name, None)
    env["USERNAME"] = "liwei"  # Windows names the account in USERNAME
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-c", PRELUDE + textwrap.dedent(code), *args],
                          env=env, capture_output=True, text=True, timeout=180, cwd=home)


def test_the_prelude_really_blocks_the_posix_modules(tmp_path):
    done = _run("""
        import importlib
        for name in ("fcntl", "pwd", "grp"):
            try:
                importlib.import_module(name)
            except ImportError:
                continue
            raise SystemExit(name + " could still be imported")
        assert not hasattr(os, "getuid") and not hasattr(os, "fchmod")
        print("blocked")
    """, tmp_path)
    assert done.returncode == 0 and done.stdout.strip() == "blocked", done.stderr


def test_lesson_progress_export_and_hand_in_without_posix(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    answered = _run("""
        import course
        course.set_learner("Li Wei")
        lesson = course.lesson("00-gallery")
        q = lesson["gallery-true-false"]
        good = q.examples["correct"][0]
        q.widget.answer(good)
        result = q.widget.check()
        print(result.score)
    """, home)
    assert answered.returncode == 0, answered.stderr
    assert answered.stdout.strip().splitlines()[-1] == "1.0"

    # a second process (the lesson opened again tomorrow) reads the saved attempt back
    read = _run("""
        import course
        from course.exercises import progress
        course.set_learner("Li Wei")
        rows = progress.summary()
        print(len(rows), list(rows["exercise_id"]), list(rows["best_score"]))
    """, home)
    assert read.returncode == 0, read.stderr
    assert read.stdout.strip().splitlines()[-1] == "1 ['gallery-true-false'] [1.0]"

    out = tmp_path / "my-work.json"
    exported = _run("""
        from course.cli import main
        raise SystemExit(main(sys.argv[1:]))
    """, home, "export", "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [a["exercise_id"] for a in doc["attempts"]] == ["gallery-true-false"]

    exchange = tmp_path / "exchange"
    (exchange / "inbox").mkdir(parents=True)
    handed = _run("""
        from course.cli import main
        raise SystemExit(main(sys.argv[1:]))
    """, home, "submit", "--exchange", str(exchange))
    assert handed.returncode == 0, handed.stdout + handed.stderr
    files = list((exchange / "inbox").glob("*.json"))
    assert [f.name for f in files] == ["liwei.json"]
    assert [a["exercise_id"] for a in json.loads(files[0].read_text())["attempts"]] == \
        ["gallery-true-false"]
