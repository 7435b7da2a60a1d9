"""`crm-course bank`: the commands as a teacher runs them, and what bad input is told."""
from __future__ import annotations

import pytest

from course.cli import main


def test_export_then_import_gives_bank_files_that_validate(tmp_path, capsys):
    out = tmp_path / "bank.zip"
    assert main(["bank", "export", "--format", "qti", "--out", str(out), "--lesson", "02",
                 "--lesson", "03"]) == 0
    said = capsys.readouterr().out
    assert "Wrote" in said and "已导出" in said
    folder = tmp_path / "back"
    assert main(["bank", "import", str(out), "--out", str(folder)]) == 0
    assert sorted(p.stem for p in folder.glob("*.yaml"))[:1][0].startswith("02-")
    assert len(list(folder.glob("*.yaml"))) == 2
    assert main(["validate", "-q", str(folder)]) == 0


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("bad.xml", b"<quiz><question", "not well-formed XML"),
    ("other.xml", b"<html/>", "starts with <quiz>"),
    ("bank.doc", b"x", "cannot tell the format"),
    ("fake.zip", b"not a zip", "not a zip file"),
    ("fake.xlsx", b"not a workbook", "not a readable .xlsx"),
    ("latin.gift", "::t::caf\xe9 {T}".encode("latin-1"), "not UTF-8"),
])
def test_a_file_that_is_not_a_question_file_is_told_what_is_expected(tmp_path, capsys, name,
                                                                     content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    assert main(["bank", "import", str(path), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err


def test_an_unknown_lesson_names_the_lessons(tmp_path, capsys):
    assert main(["bank", "export", "--format", "gift", "--out", str(tmp_path / "x.gift"),
                 "--lesson", "77"]) == 2
    assert "02-idic" in capsys.readouterr().err


def test_help_is_in_english_and_chinese(capsys):
    with pytest.raises(SystemExit):
        main(["bank", "export", "--help"])
    text = capsys.readouterr().out
    for words in ("--no-assessment", "不导出测验题", "--lang", "双语", "reconstructed"):
        assert words in text
