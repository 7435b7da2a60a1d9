"""The instructor-facing texts of the catalogue: release, report, submissions and their limits,
hand-in and collect, item statistics.

Part of the catalogue ``course.messages`` (which every caller asks): key -> (English, 中文);
fields in braces are filled by ``ui(key, **fields)``.
"""
INSTRUCTOR: dict[str, tuple[str, str]] = {
    # ======================================================================= instructor-facing
    "bad_pass_mark": (
        "--pass-mark {mark} is not a percentage: give 0 to 100.",
        "--pass-mark 须为 0 到 100 之间的百分数。",
    ),
    "report_done": (
        "Graded {learners} learner(s), {attempts} attempt(s); {helped} need help; "
        "{rejected} rejected.",
        "已评分 {learners} 名学习者、{attempts} 次作答；{helped} 人需要帮助；{rejected} 项未计入。",
    ),
    "report_no_files": ("No submission file was found there.", "未找到任何提交文件。"),
    # (the reason is already "English / 中文": one line holds both)
    "report_rejected_line": ("rejected / 未计入: {source}: {reason}",
                             "rejected / 未计入: {source}: {reason}"),
    "release_written": (
        "Student copy written to {out} ({files} files).",
        "学生版已写入 {out}（{files} 个文件）。",
    ),
    "release_counts": (
        "Assessment items without answer key / 已删除答案的评估题: {redacted}; practice and class "
        "items with their key / 保留答案的练习题与课堂题: {kept}.",
        "已删除答案的评估题：{redacted}；保留答案的练习题与课堂题：{kept}。",
    ),
    "release_notebooks": (
        "Notebooks cleared of outputs / 已清除输出的笔记本: {n}.",
        "已清除输出的笔记本：{n}。",
    ),
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
    "invalid_unicode": (
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
    # item statistics of the class report (course/instructor/itemstats.py)

    "stats_few_learners": (
        "Not enough data: {n} learner(s) answered this lesson's assessment (at least {min} are "
        "needed for item statistics).",
        "数据不足：只有 {n} 名学习者作答本课评估题（项目统计至少需要 {min} 人）。",
    ),
    "stats_one_item": (
        "Not enough data: the lesson has only this one assessment item, so there is no rest of "
        "the test to compare it with.",
        "数据不足：本课只有这一道评估题，没有可与之比较的其余试题。",
    ),
    "stats_flat_rest": (
        "Not enough data: every learner has the same score on the rest of the lesson's "
        "assessment, so nothing tells stronger from weaker learners.",
        "数据不足：所有学习者在本课其余评估题上的得分相同，无法区分强弱。",
    ),
    "stats_all_right": (
        "Everyone got it right: the item does not separate learners. Fine as a warm-up; it adds "
        "nothing to a grade.",
        "全员答对：此题无法区分学习者。适合作热身题，对评分没有贡献。",
    ),
    "stats_all_wrong": (
        "Nobody got it right: check the answer key first, then whether the lesson teaches this.",
        "无人答对：请先核对答案，再确认课程是否讲授了此内容。",
    ),
    "stats_all_same": (
        "Every learner has the same partial score: the item does not separate learners.",
        "所有学习者得分相同（部分得分）：此题无法区分学习者。",
    ),
    "stats_negative": (
        "Negative discrimination (r = {r:.2f}): learners who did well on the rest of the lesson "
        "did worse here. Check the key first (is the marked answer really right?), then the "
        "wording: an ambiguous prompt or a defensible distractor draws strong learners away.",
        "区分度为负（r = {r:.2f}）：其余题目做得好的学习者此题反而做得差。请先核对答案是否正确，"
        "再检查措辞：题干含糊或干扰项也说得通，会误导水平较高的学习者。",
    ),
    "stats_near_zero": (
        "Near-zero discrimination (r = {r:.2f}): the item hardly separates stronger from weaker "
        "learners. It may be guessable, or test something the rest of the lesson does not: "
        "reword it or replace it.",
        "区分度接近零（r = {r:.2f}）：此题几乎无法区分强弱。可能容易猜中，或考查的内容与本课其余"
        "题目无关：请改写或替换。",
    ),
    "stats_easy": (
        " Almost everyone got it right ({f:.0%}), which leaves little room to discriminate.",
        "几乎人人答对（{f:.0%}），区分空间很小。",
    ),
    "stats_hard": (
        " Few got it right ({f:.0%}): check the key and whether it was taught.",
        "答对的人很少（{f:.0%}）：请核对答案，并确认是否讲授过。",
    ),
    "stats_distractor_draws_upper": (
        " The option \u201c{option}\u201d drew {up:.0%} of the upper group but {low:.0%} of the "
        "lower: read it again, it may be right or half right.",
        "选项\u201c{option}\u201d吸引了高分组 {up:.0%} 的人，低分组仅 {low:.0%}：请重读，它可能也"
        "正确或部分正确。",
    ),
    "stats_key_draws_lower": (
        " The keyed option \u201c{option}\u201d was chosen by {low:.0%} of the lower group but "
        "only {up:.0%} of the upper.",
        "标为正确的选项\u201c{option}\u201d低分组选了 {low:.0%}，高分组只有 {up:.0%}。",
    ),
    "stats_rel_few_items": (
        "Not enough data: reliability needs at least 2 assessment items in the lesson.",
        "数据不足：计算信度至少需要本课有 2 道评估题。",
    ),
    "stats_rel_flat": (
        "Not enough data: every learner has the same total on the lesson's assessment.",
        "数据不足：所有学习者在本课评估中的总分相同。",
    ),
    "stats_rel_low": (
        "Low reliability ({name} = {value:.2f}): the lesson's {k} assessment items do not agree "
        "on who knows the material, so its score is a rough measure. Add items, or fix the "
        "flagged ones.",
        "信度偏低（{name} = {value:.2f}）：本课 {k} 道评估题对谁掌握了内容的判断不一致，"
        "本课得分只是粗略的衡量。请增加题目，或修改被标记的题目。",
    ),
}
