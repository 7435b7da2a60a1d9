"""Moodle XML: the whole bank out and back, CDATA, numeric units, and an independent parser."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from bankio_support import round_trip

from course.bankio import export_bank, import_file, write_lessons
from course.cli import main
from course.text import as_bilingual


@pytest.mark.parametrize("lang", ["both", "en", "zh"])
def test_every_item_comes_back_with_its_type_texts_options_and_key(bank, raw_items, tmp_path,
                                                                   lang):
    imported, report = round_trip(bank, raw_items, tmp_path, "moodle-xml", ".xml", lang)
    # role-plays have no Moodle view (their branching has no Moodle type): reported per item
    roleplays = {i for i, r in raw_items.items() if r["type"] == "roleplay"}
    assert roleplays and set(report.skipped()) == roleplays
    assert {r["type"] for r in imported.values()} == {
        "cloze", "single_choice", "multiple_choice", "true_false", "matching", "ordering",
        "numeric", "reply"}


def _bank_file(tmp_path, prompt, extra=""):
    folder = tmp_path / "bank"
    folder.mkdir()
    (folder / "01-x.yaml").write_text(
        "lesson: 01-x\ntitle: {en: X, zh: 某课}\nexercises:\n"
        "  - id: tricky\n    type: true_false\n"
        f"    prompt: {prompt}\n    answer: true\n"
        "    examples: {correct: [true], wrong: [false]}\n" + extra, encoding="utf-8")
    from course.exercises.loader import load_bank

    return load_bank(folder)


def test_cdata_survives_a_closing_marker_and_chinese_is_kept(tmp_path):
    prompt = "{en: 'Is a]]>b <i>x</i> & y kept?', zh: '“]]>” 保留吗？'}"
    bank = _bank_file(tmp_path, prompt)
    out = tmp_path / "q.xml"
    export_bank(bank.lessons.values(), "moodle-xml", out)
    text = out.read_text(encoding="utf-8")
    assert "保留吗" in text  # Chinese as itself, not as character references
    parsed = ET.parse(out).getroot().find("question[@type='truefalse']/questiontext/text").text
    assert "a]]&gt;b &lt;i&gt;x&lt;/i&gt; &amp; y" in parsed
    lessons, _ = import_file(out)
    entry = lessons["01-x"][1][0]
    assert entry["prompt"] == {"en": "Is a]]>b <i>x</i> & y kept?", "zh": "“]]>” 保留吗？"}


def test_numeric_items_keep_their_units_and_tolerance(bank, tmp_path):
    out = tmp_path / "q.xml"
    export_bank(bank.lessons.values(), "moodle-xml", out, lang="both")
    by_id = {q.findtext("idnumber"): q for q in ET.parse(out).getroot().iter("question")}
    numerics = [ex for ex in bank.exercises if ex.type == "numeric"]
    assert numerics
    for ex in numerics:
        q = by_id[ex.id]
        assert q.get("type") == "numerical"
        answer = q.find("answer[@fraction='100']")
        assert float(answer.findtext("text")) == ex.answer
        assert float(answer.findtext("tolerance")) == pytest.approx(ex.tolerance)
        names = [u.findtext("unit_name") for u in q.findall("units/unit")]
        if ex.raw.get("unit") is None:
            assert names == [] and q.findtext("showunits") == "3"
        else:
            # a text box for the unit, units optional: the course takes "51" and "51%" alike
            assert names[0] == ex.unit_text.en and q.findtext("showunits") == "0"
            assert q.findtext("unitgradingtype") == "0"
            if ex.unit_text.has_both:
                assert names[1] == ex.unit_text.zh


def test_true_false_and_numeric_feedback_comes_back_from_the_answers(bank, raw_items, tmp_path):
    """Moodle keeps the right and the wrong feedback of these two types on their answers (the
    round trip above compares keys, not feedback)."""
    out = tmp_path / "q.xml"
    export_bank(bank.lessons.values(), "moodle-xml", out, lang="both")
    lessons, _ = import_file(out)
    imported = {e["id"]: e for _title, entries in lessons.values() for e in entries}
    with_feedback = [i for i, r in raw_items.items()
                     if r["type"] in ("true_false", "numeric") and r.get("feedback")]
    assert with_feedback  # the bank has such items: the check below is not empty
    for ex_id in with_feedback:
        given = {k: as_bilingual(v) for k, v in raw_items[ex_id]["feedback"].items()}
        back = {k: as_bilingual(v) for k, v in imported[ex_id]["feedback"].items()}
        assert back == given, ex_id


def test_an_independent_moodle_parser_reads_the_choices_and_the_cloze_gaps(bank, tmp_path):
    """moodle-xml-parser (PyPI, written apart from this project) reads multichoice and cloze:
    its view of the options, fractions and gaps must agree with the bank."""
    from moodle_xml_parser.parser import parse_file

    out = tmp_path / "q.xml"
    export_bank(bank.lessons.values(), "moodle-xml", out, lang="en")
    parsed = parse_file(str(out))
    choices = [ex for ex in bank.exercises if ex.type in ("single_choice", "multiple_choice")]
    clozes = [ex for ex in bank.exercises if ex.type == "cloze"]
    assert len(parsed["multichoice"]) == len(choices)
    for ex, q in zip(choices, parsed["multichoice"], strict=True):
        assert q.single == (ex.type == "single_choice")
        assert [o.answer for o in q.options] == [o.text.en for o in ex.options]
        right = sum(o.score_fraction for o in q.options if o.score_fraction > 0)
        assert right == pytest.approx(100, abs=0.001), ex.id
        assert [o.score_fraction > 0 for o in q.options] == [o.correct for o in ex.options]
    assert len(parsed["cloze"]) == len(clozes)
    for ex, q in zip(clozes, parsed["cloze"], strict=True):
        assert len(q.gaps) == len(ex.blanks), ex.id
        for gap, blank in zip(q.gaps, ex.blanks, strict=True):
            assert gap.sub_type == ("MCS" if ex.word_bank else "SHORTANSWER")
            assert gap.options[0].answer.replace("\\", "") == blank.answers[0]
            assert gap.options[0].score == 100


def test_the_command_leaves_out_assessment_items_and_other_lessons(bank, tmp_path, capsys):
    out = tmp_path / "q.xml"
    assert main(["bank", "export", "--format", "moodle-xml", "--out", str(out),
                 "--no-assessment", "--lesson", "01", "--lang", "zh"]) == 0
    ids = [q.findtext("idnumber") for q in ET.parse(out).getroot().iter("question")
           if q.get("type") != "category"]
    lesson = next(v for k, v in bank.lessons.items() if k.startswith("01-"))
    expected = [ex.id for ex in lesson.exercises
                if ex.mode != "assessment" and ex.type != "roleplay"]
    assert ids == expected
    said = capsys.readouterr().out
    assert "not available in this format" in said and "roleplay" in said


def test_a_cdata_section_is_split_around_a_closing_marker():
    from course.bankio.moodle import cdata

    for text in ("a]]>b", "]]>", "x]]]]>>y", "]]>]]>"):
        wrapped = cdata(text)
        assert wrapped.count("<![CDATA[") == text.count("]]>") + 1
        assert ET.fromstring(f"<text>{wrapped}</text>").text == text


FOREIGN = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/top/Default for CRM 101</text></category></question>
  <question type="multichoice">
    <name><text>Grade of a buyer</text></name>
    <questiontext format="html"><text><![CDATA[<p>Which grade has a <b>clear</b> need?</p>]]></text></questiontext>
    <single>true</single>
    <answer fraction="100" format="html"><text><![CDATA[<p>Grade 2</p>]]></text></answer>
    <answer fraction="0" format="html"><text>Grade 4</text></answer>
  </question>
  <question type="truefalse">
    <name><text>Reviews</text></name>
    <questiontext format="moodle_auto_format"><text>Buyers read reviews.</text></questiontext>
    <answer fraction="0"><text>true</text></answer>
    <answer fraction="100"><text>false</text></answer>
  </question>
  <question type="multichoice">
    <name><text>Grade of a buyer</text></name>
    <questiontext format="html"><text>Which grade has no need?</text></questiontext>
    <idnumber>Q_7</idnumber>
    <single>true</single>
    <answer fraction="0" format="html"><text>Grade 2</text></answer>
    <answer fraction="100" format="html"><text>Grade 4</text></answer>
  </question>
  <question type="calculated"><name><text>Formula</text></name></question>
</quiz>
"""


def test_a_file_exported_by_moodle_itself_is_read_and_the_rest_is_listed(tmp_path):
    """No crm-course tags or id numbers: ids come from the names, Moodle's HTML becomes text,
    and a question type without a kind is named in the report."""
    path = tmp_path / "moodle.xml"
    path.write_text(FOREIGN, encoding="utf-8")
    lessons, report = import_file(path)
    (slug, (_title, entries)), = lessons.items()
    assert slug == "90-default-for-crm-101"  # a bank lesson is NN-name
    choice, tf, other = entries
    assert choice["id"] == "grade-of-a-buyer" and choice["type"] == "single_choice"
    assert other["id"] == "q-7"  # Moodle's id number, as a bank id
    assert choice["prompt"] == "Which grade has a clear need?"
    assert choice["options"] == [{"text": "Grade 2", "correct": True}, {"text": "Grade 4"}]
    assert tf["type"] == "true_false" and tf["answer"] is False
    assert [(n.exercise_id, n.field) for n in report.notes] == [
        ("default-for-crm-101", "lesson"), ("Q_7", "id"), ("question 5", "")]
    folder = tmp_path / "bank"
    write_lessons(lessons, folder)
    assert main(["validate", "-q", str(folder)]) == 0
