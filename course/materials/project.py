"""The group mini-project (小组项目): ``data/project.yaml`` with the milestones of the semester
plan, written as the page ``docs/project.md`` and as a printed handout with the rubric and
the peer-review form (``crm-course print --only project``).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from course.errors import CourseError, read_yaml
from course.text import Bilingual, as_bilingual


@dataclass(frozen=True)
class Part:
    name: Bilingual
    points: int
    what: Bilingual


@dataclass(frozen=True)
class Project:
    title: Bilingual
    team: Bilingual
    brief: Bilingual
    situations: list[tuple[str, Bilingual]]
    steps: dict[str, list[Bilingual]]  # milestone id -> its steps
    rubric: list[Part]
    per_template: list[Bilingual]
    scale: Bilingual
    overall: list[Bilingual]


def _text(value, where: str) -> Bilingual:
    if not (isinstance(value, dict) and value.get("en") and value.get("zh")):
        raise CourseError(f"{where}: needs en and zh, e.g. {{en: ..., zh: ...}}")
    return as_bilingual(value)


def _texts(values, where: str) -> list[Bilingual]:
    if not isinstance(values, list) or not values:
        raise CourseError(f"{where}: expected a list of {{en: ..., zh: ...}}")
    return [_text(v, f"{where}, item {i + 1}") for i, v in enumerate(values)]


def load_project(path: Path, semester) -> Project:
    """Read and check the project file against the plan's milestones and the reviewer's
    situations; an error names the file and the field."""

    from course.writing.reviewer import REVIEW_SITUATIONS

    name = Path(path).name
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise CourseError(f"{name}: expected title, brief, situations, steps, rubric, peer_review")
    situations = []
    for i, raw in enumerate(data.get("situations") or []):
        where = f"{name}: situation {i + 1}"
        if not isinstance(raw, dict) or raw.get("situation") not in REVIEW_SITUATIONS:
            raise CourseError(f"{where}: situation must be one the reply reviewer knows: "
                              f"{', '.join(REVIEW_SITUATIONS)}")
        situations.append((raw["situation"], _text(raw.get("title"), f"{where}, title")))
    if len(situations) != 6:
        raise CourseError(f"{name}: the playbook has six reply templates; "
                          f"{len(situations)} situations are listed")
    steps = data.get("steps") or {}
    wanted = [m.id for m in semester.milestones]
    if sorted(steps) != sorted(wanted):
        raise CourseError(f"{name}: steps are given for {', '.join(steps) or 'no milestone'}; "
                          f"expected the milestones of semester.yaml: {', '.join(wanted)}")
    rubric = []
    for i, raw in enumerate(data.get("rubric") or []):
        where = f"{name}: rubric part {i + 1}"
        if not isinstance(raw, dict) or not isinstance(raw.get("points"), int):
            raise CourseError(f"{where}: needs part, points (a whole number) and what")
        rubric.append(Part(_text(raw.get("part"), where), raw["points"],
                           _text(raw.get("what"), f"{where}, what")))
    if sum(p.points for p in rubric) != 100:
        raise CourseError(f"{name}: the rubric's points add up to "
                          f"{sum(p.points for p in rubric)}, expected 100")
    peer = data.get("peer_review") or {}
    return Project(
        _text(data.get("title"), f"{name}: title"), _text(data.get("team"), f"{name}: team"),
        _text(data.get("brief"), f"{name}: brief"), situations,
        {k: _texts(v, f"{name}: steps of {k}") for k, v in steps.items()}, rubric,
        _texts(peer.get("per_template"), f"{name}: peer_review.per_template"),
        _text(peer.get("scale"), f"{name}: peer_review.scale"),
        _texts(peer.get("overall"), f"{name}: peer_review.overall"))


def project_file(root: Path) -> Path:
    return Path(root) / "data" / "project.yaml"


def project_markdown(project: Project, semester) -> str:
    """The page docs/project.md: brief, milestones with their weeks and steps, the six
    situations, the rubric and the peer-review form."""
    out = [f"# {project.title.en} · {project.title.zh}", "",
           "<!-- generated from data/project.yaml and notebooks/semester.yaml by `crm-course "
           "print --only project` (tests check it is up to date): edit the YAML, not this "
           "page -->", "", project.brief.en, "", project.brief.zh, "",
           f"**Team 小组**: {project.team.en} · {project.team.zh}", "",
           "## Milestones · 里程碑", ""]
    for m in semester.milestones:
        weeks = ", ".join(f"week {p.week}, period {p.number}"
                          for p in semester.periods_of("project", m.id))
        out += [f"### {m.title.en} · {m.title.zh}", "", f"*{weeks}* · 第 "
                + "、".join(str(p.week) for p in semester.periods_of("project", m.id))
                + " 周", ""]
        out += [f"{i}. {s.en} · {s.zh}" for i, s in enumerate(project.steps[m.id], 1)]
        out += ["", f"**Hand in 提交**: {m.deliverable.en} · {m.deliverable.zh}", ""]
    out += ["## The six reply templates · 六个回复模板", "",
            "| situation for `crm.review_reply` | template 模板 |", "|---|---|"]
    out += [f"| `{key}` | {t.en}<br>{t.zh} |" for key, t in project.situations]
    out += ["", "## Rubric · 评分标准 (100 points 分)", "",
            "| part 部分 | points 分值 | what earns them 评分要点 |", "|---|---|---|"]
    out += [f"| {p.name.en}<br>{p.name.zh} | {p.points} | {p.what.en}<br>{p.what.zh} |"
            for p in project.rubric]
    out += ["", "## Peer-review form · 互评表", "",
            f"For each of the six templates answer {project.scale.en}, and write one "
            f"improvement. 对六个模板逐一回答（{project.scale.zh}），并写出一条改进建议。", "",
            "| template 模板 | " + " | ".join(f"{q.en}<br>{q.zh}" for q in project.per_template)
            + " | one improvement 一条改进建议 |",
            "|---" * (len(project.per_template) + 2) + "|"]
    out += [f"| {i}. {t.en} |" + " |" * (len(project.per_template) + 1)
            for i, (_, t) in enumerate(project.situations, 1)]
    out += [""] + [f"- **{q.en} · {q.zh}**:" for q in project.overall]
    return "\n".join(out) + "\n"


def write_project(root: Path, lang: str, out: Path) -> list[Path]:
    """``out``/project.<lang>.pdf: the handout (brief, milestones, rubric) and the
    peer-review form, from the project file and the plan."""
    from course.exercises.course_map import load
    from course.materials.pdf import font_css, write_pdf
    from course.materials.render import label, render
    from course.semester import load as load_semester
    from course.semester import semester_file

    semester = load_semester(semester_file(root))
    project = load_project(project_file(root), semester)
    title = load(Path(root) / "notebooks" / "course.yaml").title
    html = render("project.html.j2", lang=lang, project=project, semester=semester,
                  font_css=font_css(), qr="", online_note="",
                  doc_title=project.title.render(lang if lang != "both" else "both"),
                  running_title=title.render(lang), label=label)
    return [write_pdf(html, out / f"project.{lang}.pdf")]
