"""Instructor-facing texts of the release, report and present commands, in English and Chinese."""
from __future__ import annotations

from course.exercises.text import Bilingual

# key -> (English, 中文); fields in braces are filled by text(key, **fields).
TEXTS: dict[str, tuple[str, str]] = {
    # why a submission (or a part of it) was not counted
    "too_big": (
        "file is {size} bytes, over the {limit} byte limit for a submission",
        "文件大小 {size} 字节，超过提交文件 {limit} 字节的上限",
    ),
    "not_utf8": ("not UTF-8 text", "不是 UTF-8 文本"),
    "bad_json": ("malformed JSON: {detail}", "JSON 格式错误：{detail}"),
    "bad_schema": (
        "not a crm-course submission file: {detail}",
        "不是 crm-course 提交文件：{detail}",
    ),
    "not_json_file": (
        "not a submission file (expected a .json file from `crm-course export`, or a .zip of them)",
        "不是提交文件（应为 `crm-course export` 生成的 .json 文件，或其 .zip 压缩包）",
    ),
    "unreadable": ("cannot be read: {detail}", "无法读取：{detail}"),
    "bad_zip": ("not a readable zip archive: {detail}", "不是可读取的 zip 压缩包：{detail}"),
    "zip_unsafe_path": (
        "zip entry points outside the archive folder (absolute path or '..')",
        "zip 条目指向压缩包目录之外（绝对路径或 '..'）",
    ),
    "zip_encrypted": ("zip entry is encrypted", "zip 条目已加密"),
    "zip_nested": (
        "a zip inside a zip is not read: unpack it and give the inner zip",
        "不读取嵌套的 zip：请先解压，再提供内层 zip",
    ),
    "zip_ratio": (
        "zip entry expands {ratio:.0f} times (limit {limit}): possible zip bomb",
        "zip 条目解压后膨胀 {ratio:.0f} 倍（上限 {limit} 倍）：疑似 zip 炸弹",
    ),
    "zip_total": (
        "zip archive would expand to more than {limit} bytes in all: possible zip bomb",
        "zip 压缩包解压总量超过 {limit} 字节：疑似 zip 炸弹",
    ),
    "zip_entries": (
        "zip archive holds {count} entries (limit {limit})",
        "zip 压缩包含有 {count} 个条目（上限 {limit}）",
    ),
    "duplicate_identical": (
        "identical copy of {other}: counted once",
        "与 {other} 内容相同：只计一次",
    ),
    "duplicate_superseded": (
        "learner {learner!r} also handed in {other}, exported later ({when}): the later file counts",
        "学习者 {learner!r} 还提交了 {other}，导出时间更晚（{when}）：以较晚的文件为准",
    ),
    "duplicate_tie": (
        "learner {learner!r} handed in {count} different files with no way to tell which is newer "
        "(same or missing export time): none of them counts",
        "学习者 {learner!r} 提交了 {count} 个不同的文件，无法判断哪个更新（导出时间相同或缺失）："
        "均不计分",
    ),
    "unknown_ids": (
        "{count} attempt(s) at exercise id(s) not in the instructor's bank, not counted: {ids}",
        "{count} 次作答的练习编号不在教师题库中，不计分：{ids}",
    ),
    # limits of what one submission and one report may hold (docs/instructor.md)
    "too_many_attempts": (
        "file holds {count} attempts; a submission may hold at most {limit}",
        "文件含有 {count} 次作答；一份提交最多 {limit} 次",
    ),
    "too_many_tries": (
        "{count} attempt(s) at {exercise} over the limit of {limit} per exercise not counted "
        "(the first ones and the last one count)",
        "练习 {exercise} 超出每题 {limit} 次上限的 {count} 次作答不计分（计入最早的几次和最后一次）",
    ),
    "response_too_big": (
        "{count} attempt(s) not counted: a response longer than {chars} characters or nested "
        "more than {depth} levels deep",
        "{count} 次作答不计分：答案超过 {chars} 个字符，或嵌套超过 {depth} 层",
    ),
    "bad_text": (
        "{count} attempt(s) not counted: they hold text that is not valid Unicode (a lone "
        "surrogate such as \\ud800)",
        "{count} 次作答不计分：其中含有无效的 Unicode 文本（如单独的代理码 \\ud800）",
    ),
    "report_full": (
        "not read: the report already holds {limit} attempts, the most one report reads",
        "未读取：本报告已读入 {limit} 次作答，达到单份报告的上限",
    ),
    "not_regular": (
        "not a regular file (a device, pipe or socket): skipped",
        "不是普通文件（设备、管道或套接字）：已跳过",
    ),
    "link_outside": (
        "a link that points outside the submissions folder: not followed",
        "指向提交文件夹之外的链接：未读取",
    ),
    "future_superseded": (
        "exported at {when}, a time still to come: not believed, the learner's other file counts",
        "导出时间 {when} 尚未到来：不予采信，以该学习者的另一份文件为准",
    ),
    # warnings: the submission counts, but the instructor should look at it
    "future_date": (
        "exported at {when}, a time still to come: check that this file is genuine",
        "导出时间 {when} 尚未到来：请核实该文件是否真实",
    ),
    "same_learner_spellings": (
        "files counted as one learner although the names are written differently: {names}",
        "以下姓名写法不同，但被视为同一学习者：{names}",
    ),
    "mixed_scripts": (
        "the learner name mixes Latin letters with Cyrillic or Greek look-alikes",
        "学习者姓名混用了拉丁字母与外形相似的西里尔或希腊字母",
    ),
    "look_alike": (
        "learner names that look the same but are different texts: {names}",
        "以下学习者姓名看起来相同，但实际文字不同：{names}",
    ),
    "other_version": (
        "made with course version {version}; this report uses version {ours}",
        "使用课程版本 {version} 完成；本报告使用版本 {ours}",
    ),
    # errors of the person running the command
    "no_such_path": (
        "{path}: no such file or folder. Give submission files, folders or zip archives.",
        "{path}：文件或文件夹不存在。请提供提交文件、文件夹或 zip 压缩包。",
    ),
    "no_submissions": (
        "No submission paths given: e.g. crm-course report submissions/ --out report/",
        "未提供提交文件路径，例如：crm-course report submissions/ --out report/",
    ),
    "redacted_bank": (
        "The bank at {path} is a student copy (its assessment answers are removed): "
        "run the report with the instructor's bank (--bank PATH).",
        "{path} 的题库是学生版（评估题答案已删除）：请使用教师题库运行报告（--bank PATH）。",
    ),
    "out_is_file": (
        "{path} is a file: --out must be a folder (it is created if missing).",
        "{path} 是文件：--out 必须是文件夹（不存在时会自动创建）。",
    ),
    "cannot_write": (
        "Cannot write {path}: {detail}. Choose a folder you can write to (and close any of its "
        "files open in a spreadsheet).",
        "无法写入 {path}：{detail}。请选择一个可写的文件夹（并关闭在表格软件中打开的文件）。",
    ),
    "release_out_not_empty": (
        "{path} already exists and is not empty: give a new or empty folder for the student copy.",
        "{path} 已存在且不为空：请为学生版指定一个新的或空的文件夹。",
    ),
    "release_out_inside": (
        "{path} is inside the course folder it would copy: choose a folder outside {source}.",
        "{path} 位于要复制的课程文件夹之内：请选择 {source} 之外的文件夹。",
    ),
    "release_leaks": (
        "No student copy written: {count} place(s) would give away an assessment item's hidden "
        "text (solution, hint, feedback or blank key). Remove it there, then release again:\n  "
        "{where}",
        "未生成学生版：有 {count} 处会泄露评估题的隐藏内容（答案、提示、反馈或空格答案）。"
        "请删除后重新发布（位置见上）。",
    ),
    "not_a_course": (
        "{path} is not a course folder: it needs exercises/ and notebooks/ (give --source PATH).",
        "{path} 不是课程文件夹：需要包含 exercises/ 与 notebooks/（请用 --source PATH 指定）。",
    ),
    "unknown_lesson": (
        "No lesson {lesson!r} in {folder}: give its number (e.g. 04) or slug. Lessons: {known}.",
        "{folder} 中没有课程 {lesson!r}：请给出编号（如 04）或名称。现有课程：{known}。",
    ),
    "ambiguous_lesson": (
        "{lesson!r} matches several notebooks ({matches}): give the full slug.",
        "{lesson!r} 匹配多个笔记本（{matches}）：请给出完整名称。",
    ),
    "bad_port": (
        "Port {port} is not usable: give a number from 1024 to 65535.",
        "端口 {port} 不可用：请给出 1024 到 65535 之间的数字。",
    ),
    "port_in_use": (
        "Port {port} is already in use (another lesson being presented?): stop it, or give "
        "another port, e.g. --port 8870.",
        "端口 {port} 已被占用（是否正在放映另一课？）：请先停止，或换一个端口，例如 --port 8870。",
    ),
    "voila_missing": (
        "Voila is not installed in this environment: run `make lab` once (it installs everything).",
        "当前环境未安装 Voila：请先运行一次 `make lab`（会安装全部依赖）。",
    ),
}


def text(key: str, **fields) -> Bilingual:
    """The instructor text ``key`` in both languages, with ``fields`` filled in."""
    en, zh = TEXTS[key]
    if fields:
        en, zh = en.format(**fields), zh.format(**fields)
    return Bilingual(en, zh)


def both(key: str, **fields) -> str:
    """The instructor text ``key`` as one line, English then Chinese."""
    t = text(key, **fields)
    return f"{t.en} / {t.zh}"
