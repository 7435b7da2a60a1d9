"""Every class of bank error is reported with file, exercise, field and line; exit code 2."""
import subprocess
import sys

import pytest
from support import bank_text

import course
from course.cli import main
from course.errors import BankError

GOOD_CLOZE = """\
  - id: ok-cloze
    type: cloze
    prompt: {en: Fill in., zh: 填空。}
    text: "First [[Identify]]."
    examples: {correct: [["Identify"]], wrong: [["Customize"]]}
"""


def run_validate(capsys, path):
    code = main(["validate", str(path)])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_clean_bank_exits_0(capsys, write_bank):
    code, out = run_validate(capsys, write_bank(bank_text(GOOD_CLOZE)))
    assert code == 0 and "OK: 1 file(s)" in out


def test_yaml_syntax_error_names_the_line(capsys, write_bank):
    path = write_bank(bank_text(GOOD_CLOZE + "  - id: [unclosed\n    type: cloze\n"))
    code, out = run_validate(capsys, path)
    assert code == 2
    assert "01-test.yaml:10:" in out and "YAML syntax error" in out
    assert "Traceback" not in out


def test_unknown_type(capsys, write_bank):
    path = write_bank(bank_text(GOOD_CLOZE.replace("type: cloze", "type: essay")))
    code, out = run_validate(capsys, path)
    assert code == 2
    assert ":5: exercise 'ok-cloze': field 'type': 'essay' is not one of cloze" in out


def test_missing_field(capsys, write_bank):
    text = bank_text(GOOD_CLOZE.replace('    text: "First [[Identify]]."\n', ""))
    code, out = run_validate(capsys, write_bank(text))
    assert code == 2 and "exercise 'ok-cloze': field 'text': is missing" in out


def test_misspelt_field_suggests_the_right_name(capsys, write_bank):
    text = bank_text(GOOD_CLOZE.replace("prompt:", "promt:"))
    code, out = run_validate(capsys, write_bank(text))
    assert code == 2 and "'promt' (did you mean 'prompt'?)" in out and ":6:" in out


def test_duplicate_id_in_one_file_and_across_files(capsys, write_bank, tmp_path):
    code, out = run_validate(capsys, write_bank(bank_text(GOOD_CLOZE + GOOD_CLOZE)))
    assert code == 2 and "exercise 'ok-cloze': field 'id': this id is used twice" in out
    (tmp_path / "01-test.yaml").write_text(bank_text(GOOD_CLOZE), encoding="utf-8")
    (tmp_path / "02-other.yaml").write_text(
        bank_text(GOOD_CLOZE).replace("01-test", "02-other"), encoding="utf-8")
    code, out = run_validate(capsys, tmp_path)
    assert code == 2 and "02-other.yaml:4: exercise 'ok-cloze'" in out
    assert "already used in" in out and "01-test.yaml" in out


def test_cloze_without_blanks(capsys, write_bank):
    text = bank_text(GOOD_CLOZE.replace("[[Identify]]", "Identify"))
    code, out = run_validate(capsys, write_bank(text))
    assert code == 2 and "field 'text': a cloze needs at least one blank" in out and ":7:" in out


def test_single_choice_with_two_correct_options(capsys, write_bank):
    text = bank_text("""\
      - id: two-right
        type: single_choice
        prompt: {en: Pick., zh: 选。}
        options:
          - {text: A, correct: true}
          - {text: B, correct: true}
        examples: {correct: [0], wrong: [1]}
    """)
    code, out = run_validate(capsys, write_bank(text))
    assert code == 2
    assert "exercise 'two-right': field 'options': a single_choice needs exactly one correct " \
           "option, found 2" in out and ":7:" in out


def test_example_that_contradicts_its_own_key(capsys, write_bank):
    text = bank_text(GOOD_CLOZE.replace('wrong: [["Customize"]]', 'wrong: [["Identify"]]'))
    code, out = run_validate(capsys, write_bank(text))
    assert code == 2
    assert "field 'examples.wrong[0]': this known-wrong example is accepted as fully right" in out
    text = bank_text(GOOD_CLOZE.replace('correct: [["Identify"]]', 'correct: [["Interact"]]'))
    code, out = run_validate(capsys, write_bank(text))
    assert code == 2 and "field 'examples.correct[0]': this known-correct example is not " \
                         "accepted (it scores 0.00)" in out


def test_example_of_the_wrong_shape(capsys, write_bank):
    text = bank_text(GOOD_CLOZE.replace('wrong: [["Customize"]]', 'wrong: [[1, 2]]'))
    code, out = run_validate(capsys, write_bank(text))
    assert code == 2 and "cannot be graded (This exercise has 1 blanks, but 2" in out


def test_matching_and_ordering_duplicates(capsys, write_bank):
    text = bank_text("""\
      - id: dup-pairs
        type: matching
        prompt: {en: Match., zh: 配对。}
        pairs: [[A, x], [A, y]]
        examples: {correct: [{A: x}], wrong: [{A: y}]}
      - id: dup-items
        type: ordering
        prompt: {en: Order., zh: 排序。}
        items: [a, b, a]
        examples: {correct: [[a, b, a]], wrong: [[b, a, a]]}
    """)
    code, out = run_validate(capsys, write_bank(text))
    assert code == 2
    assert "exercise 'dup-pairs': field 'pairs[1]': left item 'A' is repeated" in out
    assert "exercise 'dup-items': field 'items[2]': item 'a' is repeated" in out


def test_bilingual_text_with_a_comma_gets_a_tip(capsys, write_bank):
    text = bank_text(GOOD_CLOZE.replace("{en: Fill in., zh: 填空。}", "{en: Yes, fill in., zh: 填空。}"))
    code, out = run_validate(capsys, write_bank(text))
    assert code == 2 and "field 'prompt'" in out and "a comma ends the text" in out


def test_missing_path_and_empty_folder(capsys, tmp_path):
    code, out = run_validate(capsys, tmp_path / "nope.yaml")
    assert code == 2 and "no such file or folder" in out
    code, out = run_validate(capsys, tmp_path)
    assert code == 2 and "holds no .yaml bank files" in out


def test_not_utf8_and_not_a_mapping(capsys, write_bank):
    code, out = run_validate(capsys, write_bank("- just\n- a list\n"))
    assert code == 2 and "must be a mapping" in out
    path = write_bank("")
    path.write_bytes(b"lesson: \xff\xfe")
    code, out = run_validate(capsys, path)
    assert code == 2 and "not UTF-8" in out


def test_load_bank_raises_bank_error_with_every_problem(write_bank):
    text = bank_text(GOOD_CLOZE.replace("type: cloze", "type: essay") + GOOD_CLOZE.replace(
        "ok-cloze", "other").replace("[[Identify]]", "Identify"))
    with pytest.raises(BankError) as info:
        course.load_bank(write_bank(text))
    assert len(info.value.problems) == 2
    assert {p.exercise_id for p in info.value.problems} == {"ok-cloze", "other"}


def test_the_command_line_never_shows_a_traceback(write_bank):
    path = write_bank(bank_text(GOOD_CLOZE.replace("type: cloze", "type: [")))
    proc = subprocess.run([sys.executable, "-m", "course", "validate", str(path)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "YAML syntax error" in proc.stderr and "Traceback" not in proc.stderr


def test_list_counts_types_and_modes(capsys):
    assert main(["list", "tests/engine/banks"]) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith("99-demo"))
    # cloze single multi t/f match order num reply play | practice class assessment | total
    assert row.split()[1:] == ["3", "1", "1", "1", "1", "2", "2", "0", "0", "9", "1", "1",
                               "11"]
