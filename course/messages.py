"""ONE catalogue of the course's user-interface text, in English and Chinese.

Learner-facing text (graders' feedback, widget labels, the lesson header, session settings)
and instructor-facing text (release, report, present, submissions) live here and nowhere else:
code asks for a key and gets a :class:`~course.text.Bilingual`.

    ui("partly_correct", right=2, total=3)   # Bilingual, fields filled in
    both("too_big", size=1, limit=2)         # one line, "English / 中文" (for the CLI)
"""
from __future__ import annotations

from course.text import Bilingual

# key -> (English, 中文). Fields in braces are filled by ui(key, **fields).
MESSAGES: dict[str, tuple[str, str]] = {
    # ======================================================================= learner-facing
    # grading: overall feedback
    "correct": ("Correct. Well done!", "正确，做得好！"),
    "partly_correct": ("Partly correct: {right} of {total} right.", "部分正确：{total} 项中答对 {right} 项。"),
    "wrong": ("Not quite. Look again and try once more.", "还不对，再看看，然后再试一次。"),
    "not_attempted": ("Not attempted yet: give an answer, then press Check.", "尚未作答：请先作答，再点“检查”。"),
    "recorded_only": ("Your answer has been saved.", "你的答案已保存。"),
    "typo_accepted": ("Accepted; mind the spelling: {answer}.", "已接受，但请注意拼写：{answer}。"),
    # grading: item labels
    "tf_label": ("True or false", "对或错"),
    "tf_true": ("True", "对"),
    "tf_false": ("False", "错"),
    "number_label": ("Your number", "你的数字"),
    "bad_answer_shape": (
        "This answer could not be read; please answer in the form the exercise asks for.",
        "无法读取这个答案，请按题目要求的形式作答。",
    ),
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
    "store_full": (
        "Your progress cannot be saved: the disk that holds {folder} is full. Free some space;"
        " the next Check saves again. The exercises still work.",
        "无法保存你的进度：{folder} 所在的磁盘已满。请腾出一些空间，下一次“检查”会重新保存。"
        "练习仍可使用。",
    ),
    "store_readonly": (
        "Your progress cannot be saved: the folder {folder} is read-only for you. The exercises"
        " still work; set CRM_COURSE_HOME to a folder you can write, and the next Check saves.",
        "无法保存你的进度：文件夹 {folder} 对你是只读的。练习仍可使用；请把 CRM_COURSE_HOME"
        "设为一个可写的文件夹，下一次“检查”即会保存。",
    ),
    "store_not_folder": (
        "Your progress cannot be saved: {path} cannot be made, because a file stands where a"
        " folder must be (or a folder where the progress file must be). Move it away, or set"
        " CRM_COURSE_HOME to another folder; the next Check saves again.",
        "无法保存你的进度：无法创建 {path}，因为应为文件夹的位置上是一个文件（或应为进度文件的位置"
        "上是一个文件夹）。请把它移开，或把 CRM_COURSE_HOME 设为别的文件夹；下一次“检查”会重新保存。",
    ),
    "store_error": (
        "An answer could not be saved ({why}). The exercises still work; if this happens again,"
        " restart the kernel and tell your instructor.",
        "有答案未能保存（{why}）。练习仍可使用；如果再次出现，请重启内核并告诉老师。",
    ),
    # crm-course export (issue 3)
    "export_is_folder": (
        "{path} is a folder; give a file name such as submission.json.",
        "{path} 是一个文件夹，请给出文件名，例如 submission.json。",
    ),
    "export_cannot_write": (
        "Cannot write {path} ({why}); choose a folder you can write to.",
        "无法写入 {path}（{why}），请选择一个可写的文件夹。",
    ),
    "export_unreadable": (
        "The progress file {path} cannot be read ({why}), so no submission was written. Copy"
        " the file to a folder you can write and try again, or ask your instructor.",
        "无法读取进度文件 {path}（{why}），因此没有写出提交文件。请把该文件复制到一个可写的文件夹"
        "后重试，或询问老师。",
    ),
    "export_no_store": (
        "No progress saved yet in {folder}; the file lists no attempts.",
        "{folder} 中尚无已保存的进度，文件中没有作答记录。",
    ),
    "export_wrote": ("Wrote {path} for {name}: {n} attempt(s).",
                     "已为 {name} 写入 {path}：{n} 条作答记录。"),
    "export_learner_empty": (
        "--learner needs a name, e.g. --learner 'Li Lei'.",
        "--learner 需要一个姓名，例如 --learner '李雷'。",
    ),
    # widgets (issue 3): buttons and their tooltips
    "btn_check": ("Check", "检查"),
    "btn_submit": ("Submit", "提交"),
    "btn_hint": ("Hint", "提示"),
    "btn_hint_next": ("Hint {n} of {total}", "提示 {n}/{total}"),
    "btn_no_more_hints": ("No more hints", "没有更多提示"),
    "btn_solution": ("Show solution", "查看答案"),
    "btn_retry": ("Retry", "重做"),
    "btn_reveal": ("Reveal solution", "公布答案"),
    "btn_reveal_all": ("Reveal all solutions", "公布全部答案"),
    "tip_check": ("Check your answer (Enter in a text box also checks)",
                  "检查答案（在输入框中按回车也可检查）"),
    "tip_submit": ("Save your answer for your instructor", "保存答案，提交给老师"),
    "tip_hint": ("Show the next hint", "显示下一条提示"),
    "tip_solution": ("Show the solution", "显示参考答案"),
    "tip_solution_locked": ("Your instructor will reveal the solution", "老师公布后才能查看答案"),
    "tip_retry": ("Clear your answer and try again", "清除答案，重新作答"),
    "tip_reveal": ("Instructor: show this solution to everyone", "教师：向全班公布本题答案"),
    "tip_reveal_all": ("Instructor: show every solution of this lesson",
                       "教师：公布本课全部答案"),
    # the lesson header asks who is learning (issue 21: shared lab logins)
    "ask_learner": ("Your name or student number, saved with your answers:",
                    "你的姓名或学号（与作答一起保存）："),
    "btn_save_learner": ("Save", "保存"),
    "learner_saved": ("Your answers are saved as {name}.", "你的作答将以 {name} 的名义保存。"),
    "learner_not_on_roster": ("{name} is not on the class list: type your student number.",
                              "{name} 不在班级名单中：请输入你的学号。"),
    # widgets: exercise types and modes
    "type_cloze": ("Fill in the blanks", "填空"),
    "type_single_choice": ("Choose one", "单选"),
    "type_multiple_choice": ("Choose all that apply", "多选"),
    "type_true_false": ("True or false", "判断对错"),
    "type_matching": ("Match the pairs", "配对"),
    "type_ordering": ("Put in order", "排序"),
    "type_numeric": ("Give a number", "数值题"),
    "mode_practice": ("Practice", "练习"),
    "mode_class": ("Class", "课堂"),
    "mode_assessment": ("Assessment", "测评"),
    # widgets: results and messages
    "score": ("Score", "得分"),
    "score_value": ("Score: {pct}%", "得分：{pct}%"),
    "score_none": ("Score: not checked yet", "得分：尚未检查"),
    "mark_right": ("right", "正确"),
    "mark_wrong": ("wrong", "错误"),
    "mark_empty": ("not answered", "未作答"),
    "you_wrote": ("you wrote “{given}”", "你写的是“{given}”"),
    "hint_n": ("Hint {n}", "提示 {n}"),
    "no_hints": ("There are no hints for this exercise.", "本题没有提示。"),
    "solution": ("Solution", "参考答案"),
    "solution_after_tries": ("After two tries, here is the solution.", "已尝试两次，下面是参考答案。"),
    "solution_locked": (
        "Your instructor will reveal the solution in class.",
        "老师会在课堂上公布答案。",
    ),
    "solution_not_in_assessment": (
        "There are no solutions during an assessment.",
        "测评期间不提供答案。",
    ),
    "hints_not_in_assessment": ("There are no hints during an assessment.", "测评期间不提供提示。"),
    "revealed": ("Your instructor has revealed the solution.", "老师已公布答案。"),
    "not_saved": (
        "Checked, but your answer could not be saved (see the message below).",
        "已检查，但答案未能保存（见下方说明）。",
    ),
    "not_submitted": (
        "Your answer could not be saved (see the message below). Please tell your instructor.",
        "你的答案未能保存（见下方说明），请告诉老师。",
    ),
    "restored": (
        "Welcome back: your last answer ({when}) is filled in. Its score was {pct}%.",
        "欢迎回来：已填入你上次的答案（{when}），当时得分 {pct}%。",
    ),
    "restored_assessment": (
        "Welcome back: your last saved answer ({when}) is filled in.",
        "欢迎回来：已填入你上次保存的答案（{when}）。",
    ),
    "widget_error": (
        "Something went wrong in this exercise: {error}",
        "本题出现问题：{error}",
    ),
    # widgets: controls
    "blank_tip": ("Tip for blank {n}", "空格 {n} 的提示"),
    "tip_short": ("tip", "提示"),
    "no_tip": ("Blank {n} has no tip.", "空格 {n} 没有提示。"),
    "not_in_word_bank": (
        "{word!r} is not in the word bank; choose one of: {choices}.",
        "{word!r} 不在词库中，请从以下选项中选择：{choices}。",
    ),
    "blank_input": ("Blank {n}: type your answer", "空格 {n}：请输入答案"),
    "blank_choice": ("Blank {n}: choose a word", "空格 {n}：请选择一个词"),
    "choose": ("(choose)", "（请选择）"),
    "your_answer": ("Your answer", "你的答案"),
    "answer_placeholder": ("type a number", "输入数字"),
    "unit": ("Unit: {unit}", "单位：{unit}"),
    "order_list": ("Order, first at the top", "顺序（最上面是第一项）"),
    "order_help": (
        "Select an item, then move it with the buttons (Tab to a button, Enter to press).",
        "先选中一项，再用按钮移动它（按 Tab 选中按钮，按回车执行）。",
    ),
    "move_up": ("↑ Move up", "↑ 上移"),
    "move_down": ("↓ Move down", "↓ 下移"),
    "tip_move_up": ("Move the selected item one place up", "把选中项上移一位"),
    "tip_move_down": ("Move the selected item one place down", "把选中项下移一位"),
    "match_for": ("Match for: {item}", "为此项配对：{item}"),
    "option_n": ("Option {n}", "选项 {n}"),
    # widgets: lesson header
    "language": ("Language", "语言"),
    "lang_en": ("English", "English"),
    "lang_zh": ("中文", "中文"),
    "lang_both": ("Both / 双语", "Both / 双语"),
    "tip_language": ("Show the course in English, Chinese or both",
                     "用英文、中文或双语显示课程"),
    "lesson_time": ("{teach} min teaching · {practice} min exercises",
                    "讲授 {teach} 分钟 · 练习 {practice} 分钟"),
    "lesson_prev": ("← Previous: {title}", "← 上一课：{title}"),
    "lesson_next": ("Next: {title} →", "下一课：{title} →"),
    "lesson_index": ("Contents", "目录"),
    "progress": ("Progress", "进度"),
    "progress_done": ("{done} of {total} exercises done", "已完成 {done}/{total} 题"),
    "progress_mean": ("mean best score {pct}%", "平均最佳得分 {pct}%"),
    # session settings (course.set_language / set_mode / set_learner)
    "bad_language": (
        "Unknown language {lang!r}: use 'en' (English), 'zh' (中文) or 'both'.",
        "未知语言 {lang!r}：请用 'en'、'zh' 或 'both'。",
    ),
    "bad_mode": (
        "Unknown mode {mode!r}: use 'practice', 'class', 'assessment' or None.",
        "未知模式 {mode!r}：请用 practice、class、assessment 或 None。",
    ),
    "bad_learner": (
        "The learner name must be a non-empty text, e.g. course.set_learner('Li Lei').",
        "学习者姓名不能为空，例如 course.set_learner('李雷')。",
    ),
    "learner_too_long": (
        "The learner name is too long (100 characters at most).",
        "姓名过长（最多 100 个字符）。",
    ),
    # lessons and banks
    "no_lesson": (
        "No lesson {slug!r} in the exercise bank. Available: {available}.",
        "题库中没有课程 {slug!r}。",
    ),
    "no_exercise_lesson": ("No exercise {id!r} in this lesson.{hint}", "本课中没有练习 {id!r}。"),
    "no_exercise_bank": ("No exercise {id!r} in this bank.{hint}", "本题库中没有练习 {id!r}。"),
    "did_you_mean": (" Did you mean {names}?", " 你是不是要找 {names}？"),
    "no_widget": (
        "No widget for exercise type {type!r}; expected one of {types}.",
        "练习类型 {type!r} 没有对应的控件；应为 {types} 之一。",
    ),
    # the index notebook (course.contents) and lesson navigation
    "contents_head": (
        "| # | Lesson · 课程 | What you will learn · 学习内容 | Teaching · 讲授 | Exercises · 练习 |",
        "| # | Lesson · 课程 | What you will learn · 学习内容 | Teaching · 讲授 | Exercises · 练习 |",
    ),
    "contents_total": (
        "**{n} lessons · {total} minutes in all (共 {n} 课，约 {total} 分钟)**",
        "**{n} lessons · {total} minutes in all (共 {n} 课，约 {total} 分钟)**",
    ),
    "nav_index": ("[Index · 目录](00-index.ipynb)", "[Index · 目录](00-index.ipynb)"),
    "nav_end": ("🎓 End of the course · 课程结束", "🎓 End of the course · 课程结束"),
    # "go back to": an exercise's revisit pointer and the review summary
    "revisit_lesson": ("Go back to lesson {number} · {title}", "请回到第 {number} 课 · {title}"),
    "revisit_section": ("Go back to lesson {number} · {title}, section “{section}”",
                        "请回到第 {number} 课 · {title}，“{section}”一节"),
    "review_title": ("Your review", "复习小结"),
    "review_none": ("No answers saved yet: answer the {total} exercises above, then look here "
                    "again.", "还没有保存的答案：请先完成上面的 {total} 道练习，再回来看这里。"),
    "review_counts": ("You have answered {answered} of {total} exercises.",
                      "{total} 道练习中你已完成 {answered} 道。"),
    "review_all_right": ("All right: congratulations, you have the whole course in hand!",
                         "全部正确：祝贺你，整门课程你都掌握了！"),
    "review_right_so_far": ("All {n} answers so far are right.", "目前的 {n} 个答案全部正确。"),
    "review_go_back": ("{n} answer(s) not right yet. Go back to these lessons, then try the "
                       "questions again:", "有 {n} 个答案还不对。请回到下面这些课复习，再重新作答："),
    "review_pending": ("{n} answer(s) saved for your teacher, who holds the key and will mark "
                       "them. Where each topic is taught:",
                       "有 {n} 个答案已保存，由持有答案的老师批改。各题内容所在的课："),
    "review_unanswered": ("{n} exercise(s) not answered yet.", "还有 {n} 道练习未作答。"),
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
    "name_shared": (
        "{count} files carry the name {learner!r} ({sources}) and none is an earlier export of "
        "another (two learners on one login, or a look-alike name): each counts on its own, "
        "named with its file; check who is who",
        "{count} 个文件使用同一姓名 {learner!r}（{sources}），且彼此不是同一进度的先后导出（可能是"
        "两名学生共用一个账号，或姓名相似）：各自单独计分并标注文件名，请核对身份",
    ),
    "not_on_roster": (
        "{learner!r} is not on the class list: counted, but not in deciding which lessons are "
        "expected of the class",
        "{learner!r} 不在班级名单中：照常计分，但不参与判断全班应完成哪些课",
    ),
    "same_timeline": (
        "the same {count} attempts, with the same times, as another learner's file: {names} "
        "(a classmate's export with the name changed?)",
        "与其他学习者的文件作答记录完全相同（{count} 次作答，时间也相同）：{names}（是否改名后提交了"
        "同学的导出文件？）",
    ),
    "same_text": (
        "the same written answer to {exercise} as another learner, word for word: {names}",
        "对 {exercise} 的书面回答与其他学习者逐字相同：{names}",
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
    "release_answered": (
        "No student copy written: {count} assessment item(s) would be answered by something in "
        "the copy other than the question itself (a teacher's file, a data cell, a practice "
        "item). Remove or change it there, then release again:\n  {where}",
        "未生成学生版：学生版中除题目本身以外的内容（教师文件、数据单元格、练习题）可以答对 "
        "{count} 道评估题。请在相应位置删除或修改后重新发布：\n  {where}",
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
    "wrong_folder_owner": (
        "a folder named after {user!r} but made by the Unix user {owner!r} (not that learner, "
        "not the instructor): nothing in it counts",
        "以 {user!r} 命名的文件夹由 Unix 用户 {owner!r} 创建（既不是该学习者也不是教师）：其中文件均不计入",
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
    # live class (issue 15): the projector's dashboard and the learner's join
    "live_title": ("Live class", "课堂实时"),
    "live_join": ("Join", "加入"),
    "live_code": ("code", "课堂码"),
    "live_learners": ("Learners", "学员"),
    "live_answering": ("answering", "已作答"),
    "live_attempts": ("Attempts", "提交次数"),
    "live_whole_lesson": ("The lesson as a whole", "整节课"),
    "live_exercise": ("Exercise", "练习"),
    "live_answered": ("Answered", "作答人数"),
    "live_right_now": ("Right now", "当前答对"),
    "live_mean": ("Mean score", "平均分"),
    "live_reveal": ("Reveal the solution", "公布答案"),
    "live_revealed": ("Solution revealed", "答案已公布"),
    "live_names": ("Show names", "显示姓名"),
    "live_wrong_answers": ("Most common wrong answers", "最常见的错误答案"),
    "live_answers": ("Answers", "答案分布"),
    "live_solution": ("Solution", "答案"),
    "live_no_answers": ("No answers yet.", "还没有人作答。"),
    "live_updated": ("updated", "更新于"),
    "live_offline": ("The service does not answer.", "服务没有响应。"),
    "live_joined": (
        "Joined the live class at {url} as {learner}: each Check is also sent to the class.",
        "已以 {learner} 的身份加入课堂 {url}：每次“检查”也会发送给课堂。",
    ),
    "live_join_later": (
        "The live class at {url} does not answer yet ({why}). Your work is saved here as always;"
        " it will be sent when the class answers.",
        "课堂 {url} 暂时没有响应（{why}）。你的作答照常保存在本机，课堂恢复后会自动发送。",
    ),
    "live_join_refused": ("The live class refused to join: {why}", "课堂拒绝加入：{why}"),
    "live_bad_url": (
        "{url!r} is not a live-class address: give the http:// address the instructor shows.",
        "{url!r} 不是课堂地址：请输入教师展示的 http:// 地址。",
    ),
    "live_started": (
        "Live class running. Dashboard (instructor only, keep this link private): {dashboard}",
        "课堂服务已启动。仪表板（仅限教师，请勿外传此链接）：{dashboard}",
    ),
    "live_lan_join": (
        "Learners join with: course.join({url!r}, {code!r})   (join code {code})",
        "学员加入方式：course.join({url!r}, {code!r})（课堂码 {code}）",
    ),
    "live_exported": (
        "Wrote {count} submission files to {folder}: run `crm-course report {folder} --out DIR`.",
        "已在 {folder} 写入 {count} 个提交文件：运行 `crm-course report {folder} --out DIR`。",
    ),
    "live_no_hub": (
        "--hub needs $JUPYTERHUB_API_URL and $JUPYTERHUB_API_TOKEN (the hub sets them for a "
        "service).",
        "--hub 需要环境变量 $JUPYTERHUB_API_URL 与 $JUPYTERHUB_API_TOKEN（JupyterHub 会为服务设置）。",
    ),
}


def ui(key: str, **fields) -> Bilingual:
    """The message ``key`` in both languages.

    Args:
        key: a key of :data:`MESSAGES`.
        **fields: values for the ``{name}`` fields of the text.

    Returns:
        The Bilingual text with the fields filled in.
    """
    en, zh = MESSAGES[key]
    if fields:
        en, zh = en.format(**fields), zh.format(**fields)
    return Bilingual(en, zh)


def add_messages(entries) -> None:
    """Add texts to the catalogue (an exercise kind brings its own); existing keys stay.

    Args:
        entries: a mapping ``{key: (English, 中文)}``.
    """
    for key, (en, zh) in dict(entries or {}).items():
        MESSAGES.setdefault(key, (str(en), str(zh)))


def both(key: str, **fields) -> str:
    """The message ``key`` as one line, English then Chinese ("English / 中文")."""
    return ui(key, **fields).both(" / ")


# The instructor tools call it ``text``.
text = ui
