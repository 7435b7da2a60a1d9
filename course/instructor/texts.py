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
    # hand-in: crm-course submit (the learner) and crm-course collect (the instructor)
    "no_exchange": (
        "No exchange folder is set: give --exchange DIR or set {env} (on the course's hub it is "
        "set for every learner; ask your instructor).",
        "未设置提交文件夹：请使用 --exchange DIR 或设置 {env}（课程的 JupyterHub 已为每位学习者"
        "设置；请询问教师）。",
    ),
    "bad_user_name": (
        "The user name {name!r} cannot name a submission file (letters, digits, . _ @ - only).",
        "用户名 {name!r} 不能用作提交文件名（只能包含字母、数字和 . _ @ -）。",
    ),
    "no_inbox": (
        "{path} does not exist: the exchange folder is not set up. The instructor (as root) runs "
        "`crm-course collect --init`, or the course's hub makes it when it starts.",
        "{path} 不存在：提交文件夹尚未建立。请教师以 root 身份运行 `crm-course collect --init`，"
        "或由课程的 JupyterHub 在启动时创建。",
    ),
    "cannot_hand_in": (
        "Cannot hand in to {path}: {detail}. Your work is safe in your progress file; tell your "
        "instructor.",
        "无法提交到 {path}：{detail}。你的作答仍保存在进度文件中；请告知教师。",
    ),
    "hand_in_taken": (
        "{path} exists and is not yours, so it cannot be replaced: tell your instructor (your "
        "work is safe in your progress file).",
        "{path} 已存在且不属于你，无法替换：请告知教师（你的作答仍保存在进度文件中）。",
    ),
    "handed_in": (
        "Handed in {n} attempt(s) as {name}: {path}. Handing in again replaces this file.",
        "已以 {name} 的身份提交 {n} 次作答：{path}。再次提交会替换此文件。",
    ),
    "no_such_group": (
        "There is no Unix group {group!r}: create it (groupadd {group}) and add the instructors.",
        "不存在 Unix 用户组 {group!r}：请先创建（groupadd {group}）并加入教师账号。",
    ),
    "init_needs_root": (
        "Setting up {path} needs root: run it with sudo.",
        "创建 {path} 需要 root 权限：请用 sudo 运行。",
    ),
    "exchange_ready": (
        "Exchange folder ready: {path} (learners hand in, only group {group} reads).",
        "提交文件夹已就绪：{path}（学习者可提交，只有 {group} 组可读取）。",
    ),
    "cannot_list_inbox": (
        "Cannot list {path}: collect as a member of the instructors' group (or with sudo).",
        "无法列出 {path}：请以教师组成员身份（或用 sudo）运行 collect。",
    ),
    "wrong_owner": (
        "named after {user!r} but handed in by the Unix user {owner!r}: not counted",
        "文件以 {user!r} 命名，但由 Unix 用户 {owner!r} 提交：不计入",
    ),
    "wrong_learner": (
        "handed in by {user!r} but names the learner {learner!r} inside: not counted",
        "由 {user!r} 提交，但文件内的学习者为 {learner!r}：不计入",
    ),
    "collected": (
        "Collected {n} submission(s) into {path}; {refused} refused; {partial} still being "
        "written (skipped).",
        "已收集 {n} 份提交到 {path}；{refused} 份未计入；{partial} 份正在写入（已跳过）。",
    ),
    "inbox_unsafe": (
        "Warning: {path} is not private ({problems}): students may see or replace each other's "
        "work. Run `sudo crm-course collect --init`.",
        "警告：{path} 权限不安全（{problems}）：学生可能看到或替换他人的作业。请运行 "
        "`sudo crm-course collect --init`。",
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
