"""The class report as one self-contained HTML page: tables, and charts embedded as PNG."""
from __future__ import annotations

import base64
import io
from html import escape

HARDEST_SHOWN = 15
CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","PingFang SC","Microsoft YaHei",
sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:2px solid #ddd;padding-bottom:.2em}
table{border-collapse:collapse;margin:.8em 0;font-size:.92em}
th,td{border:1px solid #ccc;padding:.3em .55em;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.num{text-align:right;font-variant-numeric:tabular-nums}
.low{background:#fde2e1}.mid{background:#fff4d6}.high{background:#e3f5e1}.none{color:#999}
.note{color:#555;font-size:.92em}.zh{color:#555}figure{margin:1em 0}
img{max-width:100%;height:auto;border:1px solid #eee}
.summary span{display:inline-block;margin-right:2em}
"""


def _e(text) -> str:
    return escape(str(text), quote=True)


def _h(en: str, zh: str, level: int = 2) -> str:
    return f'<h{level}>{_e(en)} <span class="zh">/ {_e(zh)}</span></h{level}>'


def _pct(value) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


def _cls(value, pass_mark: float) -> str:
    if value is None:
        return "none"
    pct = 100 * value
    return "low" if pct < pass_mark else ("mid" if pct < pass_mark + 20 else "high")


def _ascii(text: str, limit: int = 40) -> str:
    """A chart label in plain ASCII: the charts' font has no Chinese glyphs."""
    text = str(text).encode("ascii", "replace").decode("ascii")
    return text if len(text) <= limit else text[: limit - 1] + "~"


def _png(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=96)  # margins set by hand: a "tight" box draws twice
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return f'<img alt="chart" src="data:image/png;base64,{data}">'


def _charts(report) -> list[tuple[str, str, str]]:
    """(English title, Chinese title, <img>) for the three charts."""
    from matplotlib.figure import Figure

    charts = []
    scores = [100 * r.overall for r in report.learners if r.overall is not None]
    fig = Figure(figsize=(7, 3.2))
    ax = fig.add_subplot()
    ax.hist(scores, bins=list(range(0, 101, 10)), color="#4c72b0", edgecolor="white")
    ax.axvline(report.pass_mark, color="#c44e52", linestyle="--", label="pass mark")
    ax.set_xlim(0, 100)
    ax.set_xlabel("overall score (%)")
    ax.set_ylabel("learners")
    ax.set_title(f"Score distribution ({len(scores)} learners)")
    ax.legend(loc="upper left")
    fig.subplots_adjust(left=0.1, right=0.97, bottom=0.16, top=0.9)
    charts.append(("Score distribution", "成绩分布", _png(fig)))

    hardest = _hardest(report)[:10]
    fig = Figure(figsize=(7, 0.45 * max(len(hardest), 2) + 1.2))
    ax = fig.add_subplot()
    labels = [_ascii(r.exercise_id) for r in reversed(hardest)]
    ax.barh(labels, [100 * (r.first_try or 0) for r in reversed(hardest)], color="#dd8452")
    ax.scatter([100 * (r.success or 0) for r in reversed(hardest)], labels, color="#222",
               marker="|", s=200, zorder=3)
    ax.set_xlim(0, 100)
    ax.set_xlabel("learners right (%): bar = at first try, | = at last try")
    ax.set_title("Hardest exercises")
    height = fig.get_figheight()
    fig.subplots_adjust(left=0.36, right=0.97, bottom=0.7 / height, top=1 - 0.45 / height)
    charts.append(("Hardest exercises", "最难的练习", _png(fig)))

    fig = Figure(figsize=(7, 3.2))
    ax = fig.add_subplot()
    slugs = [slug for slug, _, _ in report.lessons]
    shares = []
    for slug in slugs:
        done = [r.lesson_done[slug] for r in report.learners]
        shares.append(100 * sum(d / n for d, n in done if n) / len(done) if done else 0)
    ax.bar([_ascii(s.split("-", 1)[0]) for s in slugs], shares, color="#55a868")
    ax.set_ylim(0, 100)
    ax.set_xlabel("lesson")
    ax.set_ylabel("exercises attempted (%)")
    ax.set_title("Completion by lesson (mean over learners)")
    fig.subplots_adjust(left=0.1, right=0.97, bottom=0.16, top=0.9)
    charts.append(("Completion by lesson", "各课完成情况", _png(fig)))
    return charts


def _hardest(report):
    tried = [r for r in report.items if r.learners]
    return sorted(tried, key=lambda r: (r.first_try, r.success, -r.learners, r.exercise_id))


def _table(head: list[str], rows: list[list[str]]) -> str:
    out = ["<table><thead><tr>", *(f"<th>{h}</th>" for h in head), "</tr></thead><tbody>"]
    for row in rows:
        out.append("<tr>" + "".join(row) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _td(text, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<td{attr}>{_e(text)}</td>"


def render_html(report) -> str:
    """The report page; every text that came from a submission is escaped."""
    titles = {slug: title for slug, title, _ in report.lessons}
    parts = [
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        "<title>Class report / 班级报告</title>",
        f"<style>{CSS}</style></head><body>",
        _h("Class report", "班级报告", 1),
        '<p class="summary">',
        f"<span>Learners / 学习者: <b>{len(report.learners)}</b></span>",
        f"<span>Attempts graded / 已评分作答: <b>{report.attempts}</b></span>",
        f"<span>Rejected / 未计入: <b>{len(report.rejections)}</b></span>",
        f"<span>Generated / 生成时间: {_e(report.generated_at)}</span></p>",
        '<p class="note">Every response was re-graded with the instructor\'s answer key; scores '
        "written inside submission files are ignored. A learner's answer to an exercise is their "
        "last attempt. 所有作答均用教师答案重新评分，提交文件中的分数不计。每道题以学习者最后一次作答为准。</p>",
    ]
    expected = ", ".join(report.expected_lessons) or "none yet"
    parts.append(
        f'<p class="note">Lessons the class has reached (attempted by at least half of the '
        f"learners) / 全班已学到的课: {_e(expected)}. Overall score = mean over all exercises "
        f"of those lessons (not attempted counts 0). Pass mark / 及格线: {report.pass_mark:g}%.</p>")

    # Who needs help
    parts.append(_h("Who needs help", "需要帮助的学习者"))
    helped = sorted((r for r in report.learners if r.needs_help),
                    key=lambda r: (r.overall if r.overall is not None else -1, r.learner))
    if helped:
        rows = []
        for r in helped:
            weakest = sorted((s for s in report.expected_lessons
                              if r.lesson_scores[s] is not None
                              and 100 * r.lesson_scores[s] < report.pass_mark),
                             key=lambda s: r.lesson_scores[s])[:3]
            weak = ", ".join(f"{s} ({_pct(r.lesson_scores[s])})" for s in weakest)
            rows.append([_td(r.learner), _td(_pct(r.overall), "num " + _cls(r.overall,
                                                                              report.pass_mark)),
                         _td(", ".join(r.missing) or "–"), _td(weak or "–")])
        parts.append(_table(["Learner / 学习者", "Overall / 总分", "Missing lessons / 缺交的课",
                             "Lessons below the pass mark / 未及格的课"], rows))
    else:
        parts.append("<p>Nobody is below the pass mark or missing a lesson. "
                     "没有学习者低于及格线或缺交课程。</p>")

    # Items the class got wrong
    parts.append(_h("Exercises the class got wrong", "全班错得最多的练习"))
    hardest = [r for r in _hardest(report) if (r.first_try or 0) < 1][:HARDEST_SHOWN]
    if hardest:
        rows = [[_td(f"{r.lesson} / {r.exercise_id}"), _td(r.mode), _td(r.learners, "num"),
                 _td(_pct(r.first_try), "num " + _cls(r.first_try, report.pass_mark)),
                 _td(_pct(r.success), "num"),
                 _td("; ".join(f"{t} ({n}×)" for t, n in r.wrong) or "–"), _td(r.key)]
                for r in hardest]
        parts.append(_table(["Exercise / 练习", "Mode / 模式", "Learners / 人数",
                             "Right at first try / 首次答对", "Right at last try / 最终答对",
                             "Most common wrong answers / 最常见错误答案", "Key / 答案"], rows))
    else:
        parts.append("<p>No wrong answers yet. 暂无错误答案。</p>")
    weak_parts = sorted((p for p in report.parts if p.learners and (p.first_try or 0) < 1),
                        key=lambda p: (p.first_try, p.exercise_id, p.item))[:HARDEST_SHOWN]
    if weak_parts:
        parts.append(_h("Blanks and pairs the class got wrong", "全班错得最多的空格与配对", 3))
        rows = [[_td(f"{p.exercise_id}: {p.item}"), _td(p.learners, "num"),
                 _td(_pct(p.first_try), "num " + _cls(p.first_try, report.pass_mark)),
                 _td("; ".join(f"{t} ({n}×)" for t, n in p.wrong) or "–"), _td(p.key)]
                for p in weak_parts]
        parts.append(_table(["Blank or pair / 空格或配对", "Learners / 人数",
                             "Right at first try / 首次答对",
                             "Most common wrong answers / 最常见错误答案", "Key / 答案"], rows))

    # Charts
    parts.append(_h("Charts", "图表"))
    for en, zh, img in _charts(report):
        parts.append(f"<figure>{img}<figcaption>{_e(en)} / {_e(zh)}</figcaption></figure>")

    # Grades table
    parts.append(_h("Grades by lesson", "各课成绩"))
    slugs = [slug for slug, _, _ in report.lessons]
    head = ["Learner / 学习者", *(f'<span title="{_e(titles[s])}">{_e(s)}</span>' for s in slugs),
            "Overall / 总分"]
    rows = []
    for r in sorted(report.learners, key=lambda r: r.learner.casefold()):
        rows.append([_td(r.learner),
                     *(_td(_pct(r.lesson_scores[s]), "num " + _cls(r.lesson_scores[s],
                                                                   report.pass_mark))
                       for s in slugs),
                     _td(_pct(r.overall), "num " + _cls(r.overall, report.pass_mark))])
    parts.append(_table(head, rows) if rows else "<p>No submissions counted. 没有计入的提交。</p>")

    # Rejected
    parts.append(_h("Rejected", "未计入的提交"))
    if report.rejections:
        rows = [[_td(x.source), _td(x.learner or "–"), _td(x.reason)] for x in report.rejections]
        parts.append(_table(["File / 文件", "Learner / 学习者", "Reason / 原因"], rows))
    else:
        parts.append("<p>Every submission counted. 所有提交均已计入。</p>")
    warnings = getattr(report, "warnings", [])
    if warnings:
        parts.append(_h("To check", "需要核实"))
        rows = [[_td(x.source), _td(x.learner or "–"), _td(x.reason)] for x in warnings]
        parts.append(_table(["File / 文件", "Learner / 学习者", "Note / 说明"], rows))
    parts.append(f'<p class="note">Bank / 题库: {_e(report.bank_path)}. '
                 "grades.csv and item_analysis.csv beside this page hold the same figures for "
                 "a spreadsheet. 本页旁的 grades.csv 与 item_analysis.csv 含相同数据。</p>")
    parts.append("</body></html>\n")
    return "\n".join(parts)
