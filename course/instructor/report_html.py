"""The class report as one self-contained HTML page: tables, and charts embedded as SVG.

The page is the Jinja2 template ``templates/report.html.j2`` with autoescaping on: every text
that came from a submission (names, answers, file names) is escaped by the template engine.
Nothing is loaded from the network: the style sheet is inline and the charts are data: URLs.
"""
from __future__ import annotations

import base64
from functools import lru_cache
from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"
HARDEST_SHOWN = 15


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


def _charts(report) -> list[tuple[str, str, str]]:
    """(English title, Chinese title, base64 SVG) for the three charts."""
    from course.instructor import charts as draw

    out = []
    scores = [100 * r.overall for r in report.learners if r.overall is not None]
    out.append(("Score distribution", "成绩分布", _data(draw.histogram(
        scores, pass_mark=report.pass_mark, title=f"Score distribution ({len(scores)} learners)",
        xlabel="overall score (%)", ylabel="learners"))))

    hardest = _hardest(report)[:10]
    out.append(("Hardest exercises", "最难的练习", _data(draw.bars_across(
        [r.exercise_id for r in hardest], [100 * (r.first_try or 0) for r in hardest],
        [100 * (r.success or 0) for r in hardest], title="Hardest exercises",
        xlabel="learners right (%): bar = at first try, | = at last try"))))

    slugs = [slug for slug, _, _ in report.lessons]
    shares = []
    for slug in slugs:
        done = [r.lesson_done[slug] for r in report.learners]
        shares.append(100 * sum(d / n for d, n in done if n) / len(done) if done else 0)
    out.append(("Completion by lesson", "各课完成情况", _data(draw.bars_up(
        [s.split("-", 1)[0] for s in slugs], shares,
        title="Completion by lesson (mean over learners)", xlabel="lesson",
        ylabel="exercises attempted (%)"))))
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


def _helped(report) -> list[dict]:
    rows = []
    for r in sorted((r for r in report.learners if r.needs_help),
                    key=lambda r: (r.overall if r.overall is not None else -1, r.learner)):
        weakest = sorted((s for s in report.expected_lessons
                          if r.lesson_scores[s] is not None
                          and 100 * r.lesson_scores[s] < report.pass_mark),
                         key=lambda s: r.lesson_scores[s])[:3]
        rows.append({"row": r, "weak": ", ".join(f"{s} ({_pct(r.lesson_scores[s])})"
                                                 for s in weakest)})
    return rows


def render_html(report) -> str:
    """The report page; every text that came from a submission is escaped by the template."""
    stats = report.item_stats
    weak_parts = sorted((p for p in report.parts if p.learners and (p.first_try or 0) < 1),
                        key=lambda p: (p.first_try, p.exercise_id, p.item))[:HARDEST_SHOWN]
    return _template().render(
        report=report,
        titles={slug: title for slug, title, _ in report.lessons},
        slugs=[slug for slug, _, _ in report.lessons],
        expected=", ".join(report.expected_lessons) or "none yet",
        helped=_helped(report),
        hardest=[r for r in _hardest(report) if (r.first_try or 0) < 1][:HARDEST_SHOWN],
        weak_parts=weak_parts,
        charts=_charts(report),
        grades=sorted(report.learners, key=lambda r: r.learner.casefold()),
        stats=stats,
        flagged=stats.flagged if stats else [],
        # lessons nobody has taken yet are named once instead of filling the tables
        stat_items=[i for i in (stats.items if stats else []) if i.learners],
        reliability=[r for r in (stats.reliability if stats else []) if r.learners],
        untaken=[r.lesson for r in (stats.reliability if stats else []) if not r.learners],
        choice_items=[i for i in (stats.items if stats else []) if i.options and i.learners],
    )
