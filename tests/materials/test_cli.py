"""`crm-course print`: its arguments, and messages for what a teacher can get wrong."""
from __future__ import annotations

import pytest

from course.cli import main


def test_an_unknown_lesson_is_named_with_the_lessons_there_are(tmp_path, capsys):
    assert main(["print", "--out", str(tmp_path), "--lesson", "42"]) == 2
    err = capsys.readouterr().err
    assert "no lesson '42'" in err and "04-customer-grading" in err


def test_an_unknown_language_is_refused_by_the_parser(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["print", "--out", str(tmp_path), "--lang", "fr"])
    assert "invalid choice" in capsys.readouterr().err


def test_one_kind_of_file_for_one_lesson(tmp_path, capsys):
    assert main(["print", "--out", str(tmp_path), "--lesson", "02", "--lang", "en",
                 "--only", "plan", "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert "02-idic/lesson-plan.en.md" in out and "2 files" in out
    assert sorted(p.name for p in (tmp_path / "02-idic").iterdir()) == \
        ["lesson-plan.en.docx", "lesson-plan.en.md"]
    assert "--online-url" in out  # the note on QR codes without the hub's address


def test_a_missing_pdf_engine_says_what_to_install(monkeypatch):
    import builtins

    from course.errors import CourseError
    from course.materials import pdf

    real = builtins.__import__

    def no_weasyprint(name, *args, **kw):
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real(name, *args, **kw)

    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    with pytest.raises(CourseError, match="apt-get install libpango-1.0-0"):
        pdf.write_pdf("<p>x</p>", __import__("pathlib").Path("/nonexistent/x.pdf"))


def test_an_online_url_that_cannot_be_filled_in_is_explained(tmp_path, capsys):
    assert main(["print", "--out", str(tmp_path), "--lesson", "02", "--only", "plan",
                 "--online-url", "https://hub/{lesson}"]) == 2
    err = capsys.readouterr().err
    assert "{notebook} and {slug}" in err and "Traceback" not in err


def test_an_out_that_is_a_file_is_refused(tmp_path, capsys):
    target = tmp_path / "notes.txt"
    target.write_text("mine", encoding="utf-8")
    assert main(["print", "--out", str(target), "--lesson", "02", "--only", "plan"]) == 2
    assert "is a file; give a folder" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "mine"
