"""The class report's CSV files: grades.csv, item_analysis.csv and item_stats.csv (UTF-8 with
a BOM, learner text never run as a formula). gradebook.csv is ``gradebook``'s."""
from __future__ import annotations

import csv
from pathlib import Path


def _pct(value: float | None) -> str:
    return "" if value is None else f"{100 * value:.1f}"


def _wrong_text(row) -> str:
    return "; ".join(f"{text} ({n})" for text, n in row.wrong)


def write_grades_csv(report, path: Path) -> None:
    slugs = [slug for slug, _, _ in report.lessons]
    with open(path, "w", encoding="utf-8-sig", newline="", errors="backslashreplace") as fh:
        w = csv.writer(fh)
        used = report.plan.used if report.plan else []
        final = [p.part for p in report.plan.scheme.final] if report.plan else []
        w.writerow(["learner", *slugs, "overall", "exercises_attempted", "exercises_expected",
                    "missing_lessons", "needs_help", "file", "course_version",
                    "student_number", "name", "class", "on_roster", "handed_in",
                    *[f"{s}_assessment" for s in slugs], *[f"{s}_practice" for s in slugs],
                    *used, "weighted_total", "weak_lessons",
                    *[f"final_{p}" for p in final], "final_total", "final_missing"])
        for row in report.learners:
            w.writerow([
                _csv_safe(row.learner),
                *[_pct(row.lesson_scores[s]) for s in slugs],
                _pct(row.overall), row.attempted, row.expected_total,
                " ".join(row.missing), "yes" if row.needs_help else "no", _csv_safe(row.source),
                _csv_safe(row.course_version),
                _csv_safe(row.number), _csv_safe(row.name), _csv_safe(row.klass),
                {None: "", True: "yes", False: "no"}[row.on_roster],
                "yes" if row.handed_in else "no",
                *[_pct(row.lesson_assessment.get(s)) for s in slugs],
                *[_pct(row.lesson_practice.get(s)) for s in slugs],
                *[_pct(row.parts.get(c)) for c in used], _pct(row.total),
                " ".join(row.weak_lessons),
                *[_pct(row.final_parts.get(p)) for p in final], _pct(row.final_total),
                " ".join(row.final_missing),
            ])


def write_item_csv(report, path: Path) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="", errors="backslashreplace") as fh:
        w = csv.writer(fh)
        w.writerow(["lesson", "exercise_id", "item", "type", "mode", "attempts", "learners",
                    "first_try_success", "success_rate", "mean_score", "common_wrong_answers",
                    "key"])
        rows = sorted(report.items + report.parts,
                      key=lambda r: (r.lesson, r.exercise_id, r.item != "", r.item))
        order = {ex_id: i for i, ex_id in enumerate(r.exercise_id for r in report.items)}
        rows.sort(key=lambda r: (order[r.exercise_id], r.item != ""))
        for r in rows:
            w.writerow([r.lesson, r.exercise_id, r.item, r.type, r.mode, r.attempts, r.learners,
                        _pct(r.first_try), _pct(r.success), _pct(r.mean_score),
                        _csv_safe(_wrong_text(r)), _csv_safe(r.key)])


def _num(value: float | None, digits: int = 3) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def write_item_stats_csv(report, path: Path) -> None:
    """item_stats.csv: one row per assessment item, then one row per option of a choice item."""
    stats = report.item_stats
    rel = {r.lesson: r for r in (stats.reliability if stats else [])}
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["lesson", "exercise_id", "option", "key", "type", "learners", "facility",
                    "sd", "discrimination", "upper_lower_27", "share", "share_upper",
                    "share_lower", "flags", "reason", "reason_zh", "lesson_reliability",
                    "reliability_method"])
        for item in stats.items if stats else []:
            r = rel.get(item.lesson)
            w.writerow([item.lesson, item.exercise_id, "", "", item.type, item.learners,
                        _pct(item.facility), _num(item.sd), _num(item.discrimination),
                        _num(item.upper_lower), "", "", "", " ".join(item.flags),
                        item.reason.en if item.reason else "",
                        item.reason.zh if item.reason else "",
                        _num(r.value) if r else "", r.method if r else ""])
            for opt in item.options:
                w.writerow([item.lesson, item.exercise_id, _csv_safe(opt.label),
                            "yes" if opt.correct else "no", item.type, item.learners, "", "",
                            "", "", _pct(opt.share), _pct(opt.upper), _pct(opt.lower), "", "",
                            "", "", ""])


def _csv_safe(text: str) -> str:
    """Learner text that a spreadsheet will show as text, never run as a formula."""
    text = str(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
