"""The one table of user-interface strings, in English and Chinese; widget code holds none."""
from __future__ import annotations

from course.exercises.text import Bilingual

# key -> (English, 中文). Fields in braces are filled by ui(key, **fields).
UI: dict[str, tuple[str, str]] = {
    # grading: overall feedback
    "correct": ("Correct. Well done!", "正确，做得好！"),
    "partly_correct": ("Partly correct: {right} of {total} right.", "部分正确：{total} 项中答对 {right} 项。"),
    "wrong": ("Not quite. Look again and try once more.", "还不对，再看看，然后再试一次。"),
    "not_attempted": ("Not attempted yet: give an answer, then press Check.", "尚未作答：请先作答，再点“检查”。"),
    "recorded_only": ("Your answer has been saved.", "你的答案已保存。"),
    "typo_accepted": ("Accepted; mind the spelling: {answer}.", "已接受，但请注意拼写：{answer}。"),
    # grading: item labels
    "blank_label": ("Blank {n}", "空格 {n}"),
    "position_label": ("Position {n}", "第 {n} 位"),
    # grading: responses of the wrong shape
    "bad_list_of_texts": (
        "Please give a list of {n} texts, one for each blank.",
        "请给出一个包含 {n} 个文本的列表，每个空格一个。",
    ),
    "bad_blank_count": (
        "This exercise has {n} blanks, but {given} answers were given.",
        "本题有 {n} 个空格，但给出了 {given} 个答案。",
    ),
    "bad_text": ("Answer {n} should be text.", "第 {n} 个答案应为文本。"),
    "too_long": ("Answer {n} is too long ({limit} characters at most).", "第 {n} 个答案过长（最多 {limit} 个字符）。"),
    "control_chars": (
        "Answer {n} contains control characters; please type plain text.",
        "第 {n} 个答案含有控制字符，请输入普通文本。",
    ),
    "bad_option": (
        "Please choose one option by its number, 0 to {last}.",
        "请用选项编号（0 到 {last}）选择一个选项。",
    ),
    "bad_options": (
        "Please give a list of option numbers, each from 0 to {last}.",
        "请给出选项编号的列表，每个编号在 0 到 {last} 之间。",
    ),
    "bad_bool": ("Please answer True or False.", "请回答 True（对）或 False（错）。"),
    "bad_mapping": (
        "Please give a mapping from each left item to one right item.",
        "请给出从左侧每一项到右侧某一项的对应关系。",
    ),
    "unknown_left": ("{item!r} is not one of the items to match.", "{item!r} 不是需要配对的项目。"),
    "unknown_right": ("{item!r} is not one of the choices.", "{item!r} 不是可选项。"),
    "bad_order": (
        "Please give all {n} items once each, in the order you choose.",
        "请按你选择的顺序列出全部 {n} 项，每项一次。",
    ),
    "bad_number": (
        "Please give a number, e.g. 12, 1,299.50, ¥12 or 15%.",
        "请输入一个数字，例如 12、1,299.50、¥12 或 15%。",
    ),
    "numeric_expected": ("The expected answer is {answer}.", "正确答案是 {answer}。"),
    # progress store (issue 3)
    "store_corrupt": (
        "Your progress file was damaged or was not a progress database, so it was moved aside to"
        " {backup} and a fresh one was started. Earlier attempts stay in that backup.",
        "你的进度文件已损坏或不是进度数据库，已改名保存为 {backup}，并新建了一个进度文件。"
        "之前的作答记录保留在该备份中。",
    ),
    "store_unwritable": (
        "Your progress cannot be saved: the folder {folder} is not writable ({why}). The exercises"
        " still work, but attempts are not saved. Set CRM_COURSE_HOME to a folder you can write.",
        "无法保存你的进度：文件夹 {folder} 不可写（{why}）。练习仍可使用，但作答不会被保存。"
        "请把 CRM_COURSE_HOME 设为一个可写的文件夹。",
    ),
}


def ui(key: str, **fields) -> Bilingual:
    """The UI string ``key`` in both languages, with ``fields`` filled in."""
    en, zh = UI[key]
    if fields:
        en, zh = en.format(**fields), zh.format(**fields)
    return Bilingual(en, zh)
