"""The class list (DESIGN.md "Roster"): CSV with or without a BOM, GB18030 CSV, .xlsx;
Chinese or English headers; every bad row named by its number; `crm-course roster FILE`."""
from __future__ import annotations

import os
import stat

import pytest

from course import roster
from course.cli import main
from course.errors import InputError


def test_a_utf8_csv_with_a_bom_and_chinese_headers(tmp_path):
    path = tmp_path / "class.csv"
    path.write_bytes("\ufeff学号,姓名,班级\n2024001,张伟,电商1班\n2024002,Li Lei,电商1班\n"
                     .encode("utf-8"))
    found = roster.read_roster(path)
    assert [(s.number, s.name, s.klass) for s in found.students] == [
        ("2024001", "张伟", "电商1班"), ("2024002", "Li Lei", "电商1班")]
    assert found.find("２０２４００１").name == "张伟"  # full-width digits, as typed on a phone
    assert found.find("li  lei").number == "2024002"
    assert found.find("2024003") is None


def test_a_gb18030_csv_saved_by_excel_on_chinese_windows(tmp_path):
    path = tmp_path / "class.csv"
    path.write_bytes("学号,姓名\n1,王芳\n".encode("gb18030"))
    assert roster.read_roster(path).students[0].name == "王芳"


def test_an_xlsx_workbook_with_numbers_typed_as_numbers(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Student_Number", "Name", "Class"])
    sheet.append([20240101, "Zhang Wei", "A"])
    sheet.append([20240102.0, "Wang Fang", None])
    book.save(tmp_path / "class.xlsx")
    found = roster.read_roster(tmp_path / "class.xlsx")
    assert [(s.number, s.klass) for s in found.students] == [("20240101", "A"), ("20240102", "")]


def test_control_and_invisible_characters_never_reach_a_name(tmp_path):
    path = tmp_path / "class.csv"
    path.write_text("student_number,name\n1\u200b,A\x1b[2J\u202eB\n", encoding="utf-8")
    (student,) = roster.read_roster(path).students
    assert (student.number, student.name) == ("1", "A[2JB")


def test_duplicates_and_empty_numbers_are_named_with_their_rows(tmp_path):
    path = tmp_path / "class.csv"
    path.write_text("student_number,name\n1,A\n,B\n1,C\n2,D\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        roster.read_roster(path)
    message = str(err.value)
    assert "row 3: no student number" in message
    assert "row 4: student number '1' again (first in row 2)" in message


@pytest.mark.parametrize("content, expected", [
    ("", "the file is empty"),
    ("id,fullname\n1,A\n", "no student_number / 学号 and no name / 姓名 column"),
    ("student_number,name\n1," + "A" * 101 + "\n", "longer than 100 characters"),
])
def test_a_bad_file_says_what_is_wrong_and_what_is_expected(tmp_path, content, expected):
    path = tmp_path / "class.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        roster.read_roster(path)
    assert expected in str(err.value) and "header row" in str(err.value)


def _roster_command(folder, text: str, capsys) -> tuple[int, str, str]:
    """``crm-course roster`` on a class list holding ``text``: (exit code, stdout, stderr)."""
    path = folder / "class.csv"
    path.write_text(text, encoding="utf-8")
    code = main(["roster", str(path)])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_checks_loads_and_says_where(tmp_path, learner_home, capsys):
    code, out, _ = _roster_command(
        tmp_path, "student_number,name,class\n1,A,x\n2,B,x\n3,C,y\n", capsys)
    assert code == 0
    saved = learner_home / "roster.json"
    assert "3 learner(s)" in out and "x: 2, y: 1" in out and str(saved) in out
    assert stat.S_IMODE(os.stat(saved).st_mode) == 0o600
    assert [s.number for s in roster.load_saved().students] == ["1", "2", "3"]


def test_the_command_refuses_a_bad_list_without_a_traceback(tmp_path, learner_home, capsys):
    code, _, err = _roster_command(tmp_path, "student_number,name\n1,A\n1,B\n", capsys)
    assert code == 2
    assert "row 3" in err and "Traceback" not in err
    assert not (learner_home / "roster.json").exists()
