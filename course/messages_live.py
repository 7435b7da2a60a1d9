"""The live class's texts of the catalogue: the projector's dashboard and the learner's join.

Part of the catalogue ``course.messages`` (which every caller asks): key -> (English, 中文);
fields in braces are filled by ``ui(key, **fields)``.
"""
LIVE: dict[str, tuple[str, str]] = {
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
