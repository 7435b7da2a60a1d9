"""A wrong answer says where it is wrong without giving the key: a cloze names its wrong blanks
by number, a numeric item with ``too_high``/``too_low`` says which way the number is off
(issue 28, the twenty-third readers: "Some gaps need another word" without saying which, and
the same paragraph for a count one too high and one too low)."""
import pytest

from course.exercises.kinds import build_exercise
from course.exercises.lint import ERROR, lint_exercise
from course.exercises.loader import load_bank
from course.exercises.schema import bank_schema
from course.instructor.release import hidden_texts

WORDS = ["appreciate", "resume", "range", "before", "convenience"]


def _cloze(**more):
    text = " ".join(f"[[{w}]]" for w in WORDS)
    return build_exercise({"id": "c", "type": "cloze", "prompt": "Fill in.", "text": text,
                           "feedback": {"correct": {"en": "Done.", "zh": "完成。"},
                                        "wrong": {"en": "Some gaps need another word.",
                                                  "zh": "有些空格需要换个词。"}},
                           "examples": {"correct": [WORDS], "wrong": [["x"] * 5]}, **more})


def test_a_cloze_names_its_wrong_blanks_by_number_in_both_languages():
    r = _cloze().grade(["appreciate", "postpone", "range", "after", "convenience"])
    assert r.feedback.en == ("Partly correct: 3 of 5 right. Blanks 2 and 4 are not right yet. "
                             "Some gaps need another word.")
    assert "空格 2、4 还不对。" in r.feedback.zh and r.feedback.zh.startswith("部分正确")
    one = _cloze().grade(["appreciate", "resume", "range", "after", "convenience"])
    assert "Blank 4 is not right yet." in one.feedback.en and "空格 4 还不对。" in one.feedback.zh


def test_the_named_blanks_never_hold_the_answers():
    r = _cloze().grade(["thank", "restart", "range", "until", "convenient"])
    assert "Blanks 1, 2, 4 and 5" in r.feedback.en
    assert not any(w in r.feedback.en or w in r.feedback.zh
                   for w in ("appreciate", "resume", "before"))


@pytest.mark.parametrize("response", [WORDS, ["x"] * 5, ["", "", "", "", ""]])
def test_no_list_when_nothing_is_wrong_or_everything_is(response):
    r = _cloze().grade(response)
    assert "not right yet" not in r.feedback.en and "还不对。" not in r.feedback.zh


def test_an_empty_blank_is_not_called_wrong():
    r = _cloze().grade(["appreciate", "", "range", "after", ""])
    assert "Blank 4 is not right yet." in r.feedback.en and "2" not in r.feedback.en.split(
        "right.")[1]


def _count(**more):
    return build_exercise({"id": "n", "type": "numeric", "prompt": "How many?", "answer": 6,
                           "measures": "count",
                           "feedback": {"wrong": {"en": "Count again.", "zh": "再数一遍。"}},
                           "examples": {"correct": [6], "wrong": [8]}, **more})


HIGH = {"en": "Too many: one inquiry counts once.", "zh": "数多了：一封询盘只算一次。"}
LOW = {"en": "Too few: look for the quiet flags.", "zh": "数少了：找不明显的信号。"}


@pytest.mark.parametrize("given, en", [(8, HIGH["en"]), ("seven", HIGH["en"]),
                                       (5, LOW["en"]), ("0", LOW["en"])])
def test_a_count_says_which_way_it_is_wrong(given, en):
    r = _count(too_high=HIGH, too_low=LOW).grade(given)
    assert not r.correct and r.feedback.en == en
    assert r.feedback.zh in (HIGH["zh"], LOW["zh"])


def test_without_the_fields_or_for_one_side_only_the_wrong_feedback_stays():
    assert _count().grade(8).feedback.en == "Count again."
    only_high = _count(too_high=HIGH)
    assert only_high.grade(8).feedback.en == HIGH["en"]
    assert only_high.grade(5).feedback.en == "Count again."
    assert _count(too_high=HIGH, too_low=LOW).grade(6).correct


def test_a_wrong_unit_keeps_its_note_and_not_the_direction():
    r = _count(too_high=HIGH, too_low=LOW).grade("8 hours")
    assert "hours" in r.feedback.en and HIGH["en"] not in r.feedback.en


def test_a_tolerance_counts_as_right_not_as_too_high():
    ex = _count(too_high=HIGH, too_low=LOW, tolerance=1)
    assert ex.grade(7).correct and ex.grade(8).feedback.en == HIGH["en"]


def test_direction_feedback_is_key_text_and_linted_for_the_answer():
    raw = {"id": "n", "type": "numeric", "prompt": "How many?", "answer": 6, "measures": "count",
           "mode": "assessment", "too_high": HIGH,
           "too_low": {"en": "Too few: there are 6 of them.", "zh": "数少了：一共 6 封。"},
           "examples": {"correct": [6], "wrong": [8]}}
    assert HIGH["en"] in hidden_texts(raw)  # the release's audit keeps it out of a copy
    findings = lint_exercise(build_exercise(raw), "bank.yaml", None)
    assert {(f.field, f.severity) for f in findings} == {("too_low", ERROR)}


def test_the_schema_takes_the_fields_as_bilingual_texts_only(tmp_path):
    from course.exercises.loader import check_file

    props = bank_schema()["$defs"]["exercise"]["properties"]
    assert props["too_high"]["$ref"] == props["too_low"]["$ref"] == "#/$defs/text"
    bank = tmp_path / "99-x.yaml"
    bank.write_text("lesson: 99-x\ntitle: X\nexercises:\n  - {id: n, type: numeric, "
                    "prompt: How many?, answer: 6, measures: count, too_high: [6],\n"
                    "     examples: {correct: [6], wrong: [8]}}\n", encoding="utf-8")
    problems = check_file(bank)[1]
    assert any("too_high" in str(p) for p in problems), problems


def test_the_course_s_counts_say_which_way():
    bank = load_bank()
    for ex_id, high, low in [("w03-count-doubtful", 8, 5), ("w02-identify-not-bought", 19, 8)]:
        ex = bank[ex_id]
        assert ex.grade(high).feedback.en.startswith("Too many")
        assert ex.grade(low).feedback.en.startswith("Too few")
        assert ex.grade(high).feedback.zh.startswith("数多了")
        assert ex.grade(low).feedback.zh.startswith("数少了")


@pytest.mark.parametrize("fmt, suffix", [("moodle-xml", ".xml"), ("gift", ".gift"),
                                         ("qti", ".zip"), ("xlsx", ".xlsx")])
def test_an_export_keeps_the_direction_feedback_or_says_it_cannot(tmp_path, fmt, suffix):
    from course.bankio import export_bank, import_file

    lesson = load_bank().lessons["w03-screening-workshop"]
    report = export_bank([lesson], fmt, tmp_path / f"bank{suffix}")
    noted = {n.field for n in report.notes if n.exercise_id == "w03-count-doubtful"}
    if fmt != "xlsx":
        assert "too_high, too_low" in noted
        return
    lessons, _ = import_file(tmp_path / f"bank{suffix}")  # crm-course's own columns keep them
    back = {e["id"]: e for _t, entries in lessons.values() for e in entries}
    ours = lesson.exercises[[e.id for e in lesson.exercises].index("w03-count-doubtful")]
    assert back["w03-count-doubtful"]["too_high"] == ours.raw["too_high"]
    assert back["w03-count-doubtful"]["too_low"] == ours.raw["too_low"]


CLUES = [None,
         {"correct": {"en": "Yes.", "zh": "对。"},
          "wrong": {"en": "A verb: start again after a pause.", "zh": "一个动词：暂停后重新开始。"}},
         None,
         {"wrong": {"en": "Earlier or later than the date?", "zh": "在日期之前还是之后？"}},
         None]


def test_a_wrong_blank_brings_its_own_clue_by_number_and_never_the_answer():
    """issue 28, the twenty-fourth readers: 'Blanks 3 and 4 are not right yet' and no more,
    though the bank has a clue for each blank."""
    r = _cloze(blank_feedback=CLUES).grade(["appreciate", "postpone", "range", "after", "x"])
    assert r.feedback.en == (
        "Partly correct: 2 of 5 right. Blanks 2, 4 and 5 are not right yet. Some gaps need "
        "another word. Blank 2: A verb: start again after a pause. "
        "Blank 4: Earlier or later than the date?")
    assert "空格 2：一个动词：暂停后重新开始。" in r.feedback.zh
    assert "空格 4：在日期之前还是之后？" in r.feedback.zh
    assert not any(w in r.feedback.en or w in r.feedback.zh for w in ("resume", "before"))


def test_a_right_blank_and_a_blank_without_a_clue_add_nothing():
    r = _cloze(blank_feedback=CLUES).grade(["appreciate", "resume", "range", "before", "x"])
    assert r.feedback.en.endswith("Blank 5 is not right yet. Some gaps need another word.")
    assert "Yes." not in r.feedback.en


def test_the_widget_does_not_say_a_blank_clue_twice():
    from course.exercises.widgets.base import ExerciseWidget
    r = _cloze(blank_feedback=CLUES).grade(["appreciate", "postpone", "range", "after", "x"])
    lines = ExerciseWidget._item_lines(None, r, "en")
    assert len(lines) == 3 and not any("start again" in line for line in lines)
    assert all("not right" in line or "✗" in line for line in lines)
