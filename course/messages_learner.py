"""The learner-facing texts of the catalogue: grading, the progress store, the widgets, the
lesson header, session settings, lessons and the review summary.

Part of the catalogue ``course.messages`` (which every caller asks): key -> (English, 中文);
fields in braces are filled by ``ui(key, **fields)``.
"""
LEARNER: dict[str, tuple[str, str]] = {
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
    # widgets: modes (each type's badge, type_<name>, comes with its kind)
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
}
