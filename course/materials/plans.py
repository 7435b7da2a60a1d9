"""Lesson plans (教案), Markdown and .docx (python-docx), from the lesson and the bank.

Fields and where each comes from (a field the lesson has no source for is derived from its
content and says so, or is left for the teacher, marked "to fill in"):

- objectives: the lesson's learning goals;
- key points (重点): the lesson's summary (a workshop's "What you did today"; without one,
  its learning goals);
- difficulties (难点): derived: the sections whose exercises carry a ladder of two or more
  hints, those whose exercises the bank marks ``class`` (discussed in class before the answer
  shows) and the lesson's "Try it" activity;
- minutes per activity: the course's time model (tools/lesson_time.py) applied to each part
  of the notebook (its text, the text its demonstration cells print, its exercises), scaled to the minutes notebooks/course.yaml states for the lesson;
- board plan: derived: the section headings and the first glossary terms;
- questions to ask: the case's discussion questions and the class exercises' prompts;
- 思政 (service awareness 服务意识, craftsmanship 工匠精神): derived: sentences of the lesson that
  speak of care for the buyer or of careful, exact work, for the teacher to confirm;
- homework: the optional "going further" exercises; reflection: to fill in after class.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from course.exercises import kinds
from course.materials.lessons import AFTER_CLASS_HEADING, GOING_FURTHER, LessonContent, plain
from course.materials.render import render
from course.text import Bilingual

# The time model, shared with tools/lesson_time.py (tests/materials check that both give the
# same sums); an exercise's minutes come from its kind (course.exercises.kinds.minutes).
ENGLISH_WORDS_PER_MINUTE = 100
CHINESE_CHARS_PER_MINUTE = 250
DEMO_CELL_MINUTES = 1.0
CHANGE_CELL_MINUTES = 2.0
DISCUSSION_QUESTION_MINUTES = 3.0
CJK = re.compile(r"[\u3400-\u9fff]")
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’_.-]*")
TAG = re.compile(r"<[^>]+>")
EXERCISE_CELL = re.compile(r'^\s*lesson\["([\w-]+)"\]\s*$')
SETUP_OR_NAV = re.compile(r"lesson\s*=\s*course\.lesson\(|^\s*lesson\.nav\(\)\s*$", re.M)
CHANGE_COMMENT = re.compile(r"#.*\b(change|edit|add|rewrite)\b", re.I)
SERVICE = re.compile(r"\b(care|caring|service|serve|polite|patien\w*|thank\w*|trust|warm|"
                     r"respect\w*|apolog\w*|help\w*|listen\w*)\b", re.I)
CRAFT = re.compile(r"\b(check\w*|careful\w*|exact\w*|accurate\w*|detail\w*|quality|precise\w*|"
                   r"record\w*|complete|correct\w*|step by step)\b", re.I)
SERVICE_ZH = re.compile(r"服务|耐心|礼貌|感谢|关心|关注|信任|帮助|道歉|热情|尊重")
CRAFT_ZH = re.compile(r"认真|仔细|检查|核对|准确|细节|质量|记录|完整|一步一步")
TO_FILL = Bilingual("(to fill in by the teacher)", "（由教师填写）")


@dataclass
class Activity:
    """One activity of the lesson plan with its minutes."""

    name: Bilingual
    teaching: float
    exercise: float
    exercises: list[str] = field(default_factory=list)
    minutes: int = 0


def readable_text(markdown: str) -> str:
    """The text of a markdown cell a learner reads: no glossary section, no HTML tags."""
    kept, in_glossary = [], False
    for line in markdown.splitlines():
        if line.startswith("#"):
            in_glossary = "glossary" in line.lower()
        if not in_glossary:
            kept.append(line)
    return TAG.sub(" ", "\n".join(kept))


def printed_text(outputs: list) -> str:
    """The text a learner reads in a code cell's outputs: what it prints (``stream``) and a
    plain-text result (``text/plain`` of a result with no HTML view: a string, a number, a
    list). A table (HTML) or a widget is looked at, not read word by word: the cell's
    demonstration minute covers it."""
    texts = []
    for out in outputs or []:
        if out.get("output_type") == "stream":
            texts.append(_joined(out.get("text", "")))
        data = out.get("data") or {}
        if "text/plain" in data and not any(k == "text/html" or "widget" in k for k in data):
            texts.append(_joined(data["text/plain"]))
    return "\n".join(texts)


def _joined(text) -> str:
    return "".join(text) if isinstance(text, list) else text


def _reading_minutes(text: str) -> float:
    return (len(CJK.findall(text)) / CHINESE_CHARS_PER_MINUTE
            + len(WORD.findall(CJK.sub(" ", text))) / ENGLISH_WORDS_PER_MINUTE)


def _part_minutes(cell_source: str, cell_type: str, item_minutes: dict, act: Activity,
                  heading: str, outputs: list | None = None) -> None:
    if cell_type == "markdown":
        act.teaching += _reading_minutes(readable_text(cell_source))
        act.exercise += cell_source.count("<details>") * DISCUSSION_QUESTION_MINUTES
        return
    match = EXERCISE_CELL.match(cell_source)
    if match:
        act.exercise += item_minutes[match.group(1)]
        act.exercises.append(match.group(1))
    elif not SETUP_OR_NAV.search(cell_source):
        act.teaching += DEMO_CELL_MINUTES + _reading_minutes(printed_text(outputs))
        if CHANGE_COMMENT.search(cell_source):
            act.exercise += CHANGE_CELL_MINUTES


def activities(notebook: Path, item_minutes: dict) -> list[Activity]:
    """The lesson's parts before "Going further", each with the model's minutes (unscaled).
    A part starts at each ``##`` heading; what comes before the first is the opening."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    acts = [Activity(Bilingual("Opening: goals and time", "导入：学习目标与时间"), 0, 0)]
    for cell in cells:
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        chunks = re.split(r"^(## .*)$", source, flags=re.M) if cell["cell_type"] == "markdown" \
            else [source]
        if AFTER_CLASS_HEADING.search(chunks[0]):
            return acts
        _part_minutes(chunks[0], cell["cell_type"], item_minutes, acts[-1], "", cell.get("outputs"))
        for heading, body in zip(chunks[1::2], chunks[2::2], strict=True):
            if GOING_FURTHER.search(heading):
                return acts
            from course.materials.lessons import split_heading

            if not re.search(r"learning goals", heading, re.I):
                acts.append(Activity(split_heading(heading[3:].strip()), 0, 0))
            _part_minutes(heading + body, "markdown", item_minutes, acts[-1], heading)
    return acts


def scaled(acts: list[Activity], teaching: int, exercise: int) -> list[Activity]:
    """Each activity's minutes scaled so that the plan adds up to the stated minutes
    (largest remainders get the spare minutes); activities of 0 minutes are dropped."""
    t_sum = sum(a.teaching for a in acts) or 1
    e_sum = sum(a.exercise for a in acts) or 1
    raw = [a.teaching / t_sum * teaching + a.exercise / e_sum * exercise for a in acts]
    whole = [int(r) for r in raw]
    spare = teaching + exercise - sum(whole)
    for i in sorted(range(len(raw)), key=lambda i: raw[i] - whole[i], reverse=True)[:spare]:
        whole[i] += 1
    for act, minutes in zip(acts, whole, strict=True):
        act.minutes = minutes
    return [a for a in acts if a.minutes > 0]


def _sentences(content: LessonContent, pattern: re.Pattern, limit: int,
               zh: bool = False) -> list[str]:
    """Up to ``limit`` sentences of the lesson's text (one per paragraph) that match."""
    found = []
    for section in content.taught + [s for s in content.sections if s.kind == "case"]:
        paras = section.text_zh if zh else \
            section.text_en + [b for b in section.bullets_en if " · " not in b]
        for para in paras:
            for sentence in re.split(r"(?<=[.!?。！？])\s*", para):
                if pattern.search(sentence) and (12 if zh else 30) < len(sentence) < 240 \
                        and sentence not in found:
                    found.append(sentence)
                    break
            if len(found) >= limit:
                return found
    return found


def plan_data(lesson, content: LessonContent, root: Path, lang: str = "en") -> dict:
    """Everything the plan shows, as plain data (the Markdown and the .docx draw it)."""
    from course.exercises.course_map import load

    entry = load(root / "notebooks" / "course.yaml").entry(content.slug)
    item_minutes = {i: kinds.exercise_minutes(lesson[i].raw) for i in lesson.ids}
    acts = scaled(activities(content.path, item_minutes), entry.teaching_minutes, entry.exercise_minutes)
    summary = content.section("summary")
    en, zh = summary.key_points(limit=8) if summary else ([], [])
    if not en:  # a lesson without a summary (W10): its learning goals, never an empty 重点
        en, zh = [g.en for g in content.goals], [g.zh for g in content.goals]
    hinted = [s for s in content.taught
              if any(len(lesson[i].hints) >= 2 for i in s.exercises if i in lesson.ids)]
    class_sections = [s for s in content.taught + [content.section("try")] if s is not None
                      and (s.kind == "try" or any(lesson[i].mode == "class"
                                                  for i in s.exercises if i in lesson.ids))]
    further = next((s for s in content.sections if s.kind == "further"), None)
    homework = [lesson[i] for i in (further.exercises if further else []) if i in lesson.ids]
    questions = [d.question for d in content.discussion]
    questions += [lesson[i].prompt for s in content.taught for i in s.exercises
                  if i in lesson.ids and lesson[i].mode == "class"]
    return {
        "content": content, "entry": entry, "activities": acts, "exercises": lesson,
        "schedule": planned_periods(root, content.slug),
        "key_points": list(zip(en, zh + [""] * len(en), strict=False)),
        "difficulties": _difficulties(content, hinted + class_sections),
        "board": [s.heading for s in content.taught], "terms": content.glossary[:6],
        "questions": questions,
        "service": _sentences(content, SERVICE_ZH if lang == "zh" else SERVICE, 2, lang == "zh"),
        "craft": _sentences(content, CRAFT_ZH if lang == "zh" else CRAFT, 2, lang == "zh"), "homework": homework, "to_fill": TO_FILL,
    }


def _difficulties(content: LessonContent, sections: list) -> list:
    """The headings of ``sections`` in the lesson's order, once each; a workshop's warm-up
    (two review questions on the lesson before, in class mode) is no difficulty (brief 28g:
    W03's plan listed "2. Screen by eye", "4. ...", then "1. Warm-up")."""
    chosen = {id(s) for s in sections if not s.heading.en.lower().lstrip("0123456789. ")
              .startswith("warm-up")}
    return list(dict.fromkeys(s.heading for s in content.sections if id(s) in chosen))


def planned_periods(root: Path, slug: str) -> list[tuple[int, int]]:
    """(week, period) of each period of the semester plan (notebooks/semester.yaml) that
    holds this lesson; empty when the course has no plan."""
    from course.semester import load, semester_file

    path = semester_file(root)
    if not path.is_file():
        return []
    return [(p.week, p.number) for p in load(path).periods_of("lesson", slug)]


def plan_markdown(data: dict, lang: str) -> str:
    """The lesson plan as Markdown (``templates/plan.md.j2``)."""
    return render("plan.md.j2", lang=lang, plain=plain, **data)


def write_plan(lesson, content: LessonContent, lang: str, root: Path, stem: Path) -> list[Path]:
    """Write ``stem``.md and ``stem``.docx; returns both paths."""
    from course.materials.plan_docx import write_docx

    data = plan_data(lesson, content, root, lang)
    stem.parent.mkdir(parents=True, exist_ok=True)
    md = Path(f"{stem}.md")
    text = plan_markdown(data, lang)
    md.write_text(text, encoding="utf-8")
    return [md, write_docx(text, Path(f"{stem}.docx"))]
