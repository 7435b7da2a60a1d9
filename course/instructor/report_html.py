"""The class report as one self-contained HTML page: tables, and charts embedded as SVG.

The page is the Jinja2 template ``templates/report.html.j2`` with autoescaping on: every text
that came from a submission (names, answers, file names) is escaped by the template engine.
Nothing is loaded from the network: the style sheet is inline and the charts are data: URLs.
The page is in the report's language (``report.language``: en, zh or both), charts included.
"""
from __future__ import annotations

import base64
import math
from functools import lru_cache
from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"
HARDEST_SHOWN = 15
FEW_SHARE = 0.5  # an exercise reached by fewer than half of the class is shown apart
FEW_MIN = 2  # (and never fewer than this many learners, in a tiny class)
COMPONENT_TEXT = {  # the grading scheme's components as the page names them
    "assessment": ("Assessment items", "测验题"),
    "writing": ("Writing tasks (the teacher's mark replaces the reviewer's)",
                "写作任务（以教师评分为准）"),
    "participation": ("Live participation (answers given)", "课堂参与（作答数）"),
    "attendance": ("Attendance (live sessions joined)", "出勤（参加的课堂次数）"),
}


def _pct(value) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


def _cls(value, pass_mark: float) -> str:
    if value is None:
        return "none"
    pct = 100 * value
    return "low" if pct < pass_mark else ("mid" if pct < pass_mark + 20 else "high")


def _data(svg: str) -> str:
    """The SVG text as base64 for a data: URL."""
    return base64.b64encode(svg.encode("utf-8")).decode("ascii")


def say(lang: str, en: str, zh: str) -> str:
    """A short text in the page's language ("English / 中文" in both)."""
    return {"en": en, "zh": zh}.get(lang, f"{en} / {zh}")


def _bi(text, lang: str) -> str:
    """A Bilingual (or plain text) in the page's language."""
    if text is None:
        return ""
    if not hasattr(text, "en"):
        return str(text)
    if lang in ("en", "zh"):
        return text.render(lang)
    return text.both(" / ") if getattr(text, "has_both", False) else text.en


def _titles(report, lang: str) -> tuple[dict, dict]:
    """(lesson slug -> "01 Title", exercise id -> title) in the page's language; an exercise
    without a title keeps its id."""
    lessons = {}
    for slug, title, _ in report.lessons:
        text = _bi(report.lesson_titles.get(slug), lang) or title or slug
        lessons[slug] = f"{slug.split('-', 1)[0]} {text}"
    exercises = {ex_id: _bi(report.exercise_titles.get(ex_id), lang) or ex_id
                 for _, _, ids in report.lessons for ex_id in ids}
    return lessons, exercises


def _charts(report, lang: str, ex_title: dict, few: int) -> list[tuple[str, str]]:
    """(caption, base64 SVG) of the three charts, their text in the page's language."""
    from course.instructor import charts as draw

    def s(en, zh):
        return say(lang, en, zh)

    out = []
    scores = [100 * r.grade for r in report.learners if r.grade is not None]
    title = s("Score distribution", "成绩分布")
    out.append((title, _data(draw.histogram(
        scores, pass_mark=report.pass_mark, title=f"{title} ({len(scores)})",
        xlabel=s("weighted total (%)", "平时成绩（%）"), ylabel=s("learners", "人数"),
        pass_label=s("pass mark", "及格线")))))
    hardest = [r for r in _hardest(report) if r.learners >= few][:10]
    title = s("Hardest exercises", "最难的练习")
    out.append((title, _data(draw.bars_across(
        [ex_title[r.exercise_id] for r in hardest], [100 * (r.first_try or 0) for r in hardest],
        [100 * (r.success or 0) for r in hardest], title=title,
        xlabel=s("learners right (%): bar = at first try, | = at last try",
                 "答对比例（%）：条 = 首次，| = 最终")))))
    slugs = [slug for slug, _, _ in report.lessons]
    shares = []
    for slug in slugs:
        done = [r.lesson_done[slug] for r in report.learners if r.handed_in]
        shares.append(100 * sum(d / n for d, n in done if n) / len(done) if done else 0)
    title = s("Completion by lesson", "各课完成情况")
    out.append((title, _data(draw.bars_up(
        [slug.split("-", 1)[0] for slug in slugs], shares, title=title,
        xlabel=s("lesson", "课"), ylabel=s("exercises attempted (%)", "已作答练习（%）")))))
    return out


def _hardest(report):
    tried = [r for r in report.items if r.learners]
    return sorted(tried, key=lambda r: (r.first_try, r.success, -r.learners, r.exercise_id))


def _num(value, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


@lru_cache(maxsize=1)
def _template():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters.update(pct=_pct, num=_num)
    env.globals.update(cls=_cls)
    return env.get_template("report.html.j2")


def _helped(report, lesson_title: dict) -> list[dict]:
    rows = []
    for r in sorted((r for r in report.learners if r.needs_help),
                    key=lambda r: (r.grade if r.grade is not None else -1, r.name)):
        weak = ", ".join(f"{lesson_title[s]} ({_pct(_lesson_score(r, s))})"
                         for s in r.weak_lessons)
        rows.append({"row": r, "weak": weak,
                     "missing": ", ".join(lesson_title[s] for s in r.missing)})
    return rows


def _lesson_score(row, slug: str):
    value = row.lesson_assessment.get(slug)
    return value if value is not None else row.lesson_scores.get(slug)


def _not_enough(reason) -> bool:
    return reason is not None and reason.en.startswith("Not enough data")


def _thin(stats, lang: str, ex_title: dict, lesson_title: dict):
    """(items with figures, [(reason, [what it holds for])]): items and lesson reliabilities
    without enough data are named once per reason instead of repeating the same sentence."""
    shown, thin = [], {}
    for item in stats.items if stats else []:
        if not item.learners:
            continue
        if item.discrimination is None and _not_enough(item.reason):
            thin.setdefault(_bi(item.reason, lang), []).append(ex_title[item.exercise_id])
        else:
            shown.append(item)
    for rel in stats.reliability if stats else []:
        if rel.learners and rel.value is None and _not_enough(rel.reason):
            thin.setdefault(_bi(rel.reason, lang), []).append(
                say(lang, "reliability of ", "信度：") + lesson_title[rel.lesson])
    return shown, list(thin.items())


def _by_grade_order(report) -> list:
    return sorted(report.learners, key=lambda r: (r.on_roster is False, r.number or "~",
                                                  r.name.casefold()))


def render_html(report) -> str:
    """The report page; every text that came from a submission is escaped by the template."""
    lang = report.language if report.language in ("en", "zh", "both") else "both"
    stats = report.item_stats
    lesson_title, ex_title = _titles(report, lang)
    handed_in = sum(r.handed_in for r in report.learners)
    few = max(FEW_MIN, math.ceil(FEW_SHARE * handed_in))
    tried = [r for r in _hardest(report) if (r.first_try or 0) < 1]
    weak_parts = sorted((p for p in report.parts if p.learners >= few and (p.first_try or 0) < 1),
                        key=lambda p: (p.first_try, p.exercise_id, p.item))[:HARDEST_SHOWN]
    stat_items, thin = _thin(stats, lang, ex_title, lesson_title)
    all_slugs = [slug for slug, _, _ in report.lessons]
    # lessons nobody has reached yet are named once instead of filling the grades table
    unreached = [slug for slug in all_slugs
                 if not any(r.lesson_done[slug][0] for r in report.learners)]
    return _template().render(
        report=report, lang=lang, s=lambda en, zh: say(lang, en, zh),
        bi=lambda text: _bi(text, lang), lesson_title=lesson_title, ex_title=ex_title,
        html_lang={"zh": "zh-CN"}.get(lang, "en"),
        slugs=[slug for slug in all_slugs if slug not in unreached], unreached=unreached,
        assessed={slug for slug, ids in report.plan.lesson_assessment.items() if ids},
        expected=", ".join(lesson_title[s] for s in report.expected_lessons),
        helped=_helped(report, lesson_title), few=few,
        hardest=[r for r in tried if r.learners >= few][:HARDEST_SHOWN],
        rarely=[r for r in tried if r.learners < few],
        weak_parts=weak_parts, charts=_charts(report, lang, ex_title, few),
        grades=_by_grade_order(report), handed_in=handed_in,
        strangers=[r for r in report.learners if r.on_roster is False],
        absent=[r for r in report.learners if not r.handed_in],
        shares=report.plan.shares(), stats=stats, help_below=report.plan.scheme.lesson_help_below,
        component={c: say(lang, *COMPONENT_TEXT[c]) for c in COMPONENT_TEXT},
        flagged=stats.flagged if stats else [],
        stat_items=stat_items, thin=thin,
        reliability=[r for r in (stats.reliability if stats else [])
                     if r.learners and r.value is not None],
        thin_rel=[r for r in (stats.reliability if stats else [])
                  if r.learners and r.value is None and not _not_enough(r.reason)],
        untaken=[r.lesson for r in (stats.reliability if stats else []) if not r.learners],
        choice_items=[i for i in (stats.items if stats else []) if i.options and i.learners],
    )
