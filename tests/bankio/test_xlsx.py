"""The spreadsheet for Chinese platforms: out and back, its columns, what it cannot hold."""
from __future__ import annotations

import pytest
from bankio_support import round_trip
from openpyxl import load_workbook

from course.bankio import export_bank, import_file
from course.bankio.xlsx import COLUMNS, PLATFORM_COLUMNS


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_item_comes_back_with_its_type_texts_options_and_key(bank, raw_items, tmp_path,
                                                                   lang):
    imported, report = round_trip(bank, raw_items, tmp_path, "xlsx", ".xlsx", lang)
    # matching and role-play have no row type here: reported per item, never dropped
    skipped = {i for i, r in raw_items.items() if r["type"] in ("matching", "roleplay")}
    assert skipped and set(report.skipped()) == skipped
    numerics = [i for i, r in imported.items() if r["type"] == "numeric"]
    assert numerics and all(("tolerance, unit" in {n.field for n in report.notes
                                                   if n.exercise_id == i}) for i in numerics)


def test_the_sheet_has_the_platform_columns_and_says_it_is_reconstructed(bank, tmp_path):
    out = tmp_path / "bank.xlsx"
    report = export_bank(bank.lessons.values(), "xlsx", out, lang="zh")
    book = load_workbook(out)
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    assert header == COLUMNS and header[: len(PLATFORM_COLUMNS)] == [
        "题型", "题干", "选项A", "选项B", "选项C", "选项D", "选项E", "选项F", "选项G", "选项H",
        "正确答案", "答案解析", "难易度", "知识点"]
    assert sheet.freeze_panes == "A2"
    assert "重构" in book["说明 README"]["A1"].value and "reconstructed" in book[
        "说明 README"]["A1"].value
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(report.written)
    by_id = {r[header.index("编号")]: dict(zip(header, r, strict=True)) for r in rows}
    tf = next(ex for ex in bank.exercises if ex.type == "true_false")
    assert by_id[tf.id]["题型"] == "判断题"
    assert by_id[tf.id]["正确答案"] == ("正确" if tf.answer else "错误")
    assert by_id[tf.id]["题干"] == tf.prompt.zh  # the Chinese text, as itself
    multi = next(ex for ex in bank.exercises if ex.type == "multiple_choice")
    assert by_id[multi.id]["正确答案"] == "".join("ABCDEFGH"[i] for i in multi.correct_indexes)
    printed = "\n".join(" | ".join(str(v or "")[:18] for v in r[:12]) for r in rows[:6])
    print(printed)  # the first cells, for the test log


def test_both_languages_share_a_cell_and_say_so(bank, tmp_path):
    out = tmp_path / "bank.xlsx"
    report = export_bank(bank.lessons.values(), "xlsx", out, lang="both")
    assert {n.exercise_id for n in report.notes if n.field == "languages"} == set(report.written)
    lessons, _ = import_file(out)
    entry = next(e for _t, es in lessons.values() for e in es if e["type"] == "true_false")
    ex = bank[entry["id"]]
    assert entry["prompt"] == f"{ex.prompt.en}\n{ex.prompt.zh}"


def test_a_sheet_without_the_columns_is_refused_with_what_is_expected(tmp_path):
    from openpyxl import Workbook

    from course.errors import InputError

    book = Workbook()
    book.active.append(["question", "answer"])
    book.save(tmp_path / "x.xlsx")
    with pytest.raises(InputError, match="题型"):
        import_file(tmp_path / "x.xlsx")


def test_a_sheet_in_the_platform_layout_alone_is_read(tmp_path):
    """Only the platform's columns (no crm-course ones), as a teacher's own sheet would be."""
    from bankio_support import main
    from openpyxl import Workbook

    from course.bankio import write_lessons

    book = Workbook()
    sheet = book.active
    sheet.append(PLATFORM_COLUMNS)
    blank = [""] * 8
    sheet.append(["单选题", "哪一级买家最急？", "一级", "二级", "三级", "四级", *blank[4:],
                  "A", "一级已谈妥。", "", "客户等级"])
    sheet.append(["多选题", "哪些是好的回复习惯？", "及时", "礼貌", "拖延", *blank[3:], "AB", "", "",
                  ""])
    sheet.append(["判断题", "四级询盘可以最后回复。", *blank, "对", "", "", ""])
    sheet.append(["填空题", "先 ____ 再解决问题。", *blank, "apologise|apologize", "", "", ""])
    sheet.append(["简答题", "写一封回复。", *blank, "Dear buyer, ...", "", "", ""])
    sheet.append(["论述题", "谈谈客户关系。", *blank, "", "", "", ""])
    path = tmp_path / "teacher.xlsx"
    book.save(path)
    lessons, report = import_file(path)
    (slug, (_t, entries)), = lessons.items()
    assert slug == "90-imported"
    kinds = [e["type"] for e in entries]
    assert kinds == ["single_choice", "multiple_choice", "true_false", "cloze"]
    assert entries[0]["options"][0] == {"text": "一级", "correct": True}
    assert entries[2]["answer"] is True
    assert entries[3]["text"] == "先 [[apologise|apologize]] 再解决问题。"
    why = {n.exercise_id: n.message for n in report.notes if not n.field}
    assert "reply situation" in why["row-6"] and "论述题" in why["row-7"]
    write_lessons(lessons, tmp_path / "bank")
    assert main(["validate", "-q", str(tmp_path / "bank")]) == 0
