"""Worksheets and exam papers (forms A and B) with their answer keys, as HTML pages for the PDF
engine; each item is drawn by its kind's print view (``kinds.view(type, "print")``).

- A worksheet holds a lesson's practice and class items in the order of the lesson (the
  optional "going further" items under their own heading), for classes without devices.
- An exam paper holds the lesson's assessment items; forms A and B differ in the order of
  options, right-hand items and items to order. Each form has a cover (name, class, student
  number, points per item) and its own answer key and marking scheme.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from course.exercises import kinds
from course.materials.lessons import LessonContent
from course.materials.pdf import font_css, qr_data_uri
from course.materials.printview import PrintContext, PrintedItem
from course.materials.render import label, render
from course.text import Bilingual

FORMS = ("A", "B")
#: The online version a page's QR code opens: the lesson's path on the class hub. Give the
#: hub's address with ``--online-url`` (``{notebook}`` and ``{slug}`` are filled in).
DEFAULT_ONLINE_URL = "/hub/user-redirect/lab/tree/notebooks/{notebook}"
#: Minutes per item of an exam, by type: the course's time model (tools/lesson_time.py).
EXAM_MINUTES = {"true_false": 0.5, "single_choice": 1.0, "multiple_choice": 1.5,
                "ordering": 1.5, "matching": 2.0, "numeric": 2.0, "cloze": 2.0, "reply": 5.0,
                "roleplay": 5.0}


@dataclass
class Paper:
    """One printable document: its HTML page and the items it prints, in order."""

    kind: str  # "worksheet", "exam", "key"
    form: str
    lang: str
    html: str
    items: list[PrintedItem]
    unavailable: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(i.points for i in self.items)


@dataclass
class Setting:
    """What every page of one run shares."""

    lang: str = "en"
    online_url: str = DEFAULT_ONLINE_URL
    course_title: Bilingual = field(default_factory=lambda: Bilingual("", ""))


def online_url(setting: Setting, slug: str) -> str:
    """The address of the lesson online (what the QR code of its pages opens)."""
    return setting.online_url.format(slug=slug, notebook=f"{slug}.ipynb")


def print_items(exercises, lang: str, form: str = "", key: bool = False,
                start: int = 1) -> tuple[list[PrintedItem], list[str]]:
    """Each exercise drawn by its kind's print view; ids of kinds without one are returned
    apart (shown as "not available in this format", never dropped silently)."""
    items, unavailable = [], []
    for ex in exercises:
        view = kinds.view(ex.type, "print")
        if view is None:
            unavailable.append(f"{ex.id} ({ex.type})")
            continue
        items.append(view(ex, PrintContext(lang, form, key, start + len(items))))
    return items, unavailable


def _page(template: str, content: LessonContent, setting: Setting, title: str, **extra) -> str:
    url = online_url(setting, content.slug)
    note = {"en": f"Online: {url}", "zh": f"在线版：{url}"}.get(setting.lang,
                                                            f"Online · 在线版: {url}")
    return render(template, lang=setting.lang, font_css=font_css(), qr=qr_data_uri(url),
                  doc_title=title, running_title=title, online_note=note,
                  course_title=setting.course_title, lesson_title=content.title,
                  number=content.number, slug=content.slug, **extra)


def worksheet_parts(lesson, content: LessonContent) -> list[tuple[Bilingual, list]]:
    """(heading, exercises) of a worksheet: the practice and class items of the lesson, in
    the order the notebook shows them, then its optional part; items of the bank that the
    notebook does not show come last."""
    shown = content.exercise_section()
    main, further, rest = [], [], []
    for ex in [lesson[i] for i in content.exercise_ids if i in lesson.ids] + \
            [lesson[i] for i in lesson.ids if i not in shown]:
        if ex.mode == "assessment" or ex in main + further + rest:
            continue
        section = shown.get(ex.id)
        (rest if section is None else further if section.optional else main).append(ex)
    parts = [(Bilingual("In class", "课堂练习"), main),
             (Bilingual("Going further (optional)", "拓展（选学）"), further),
             (Bilingual("More practice", "更多练习"), rest)]
    return [(h, exs) for h, exs in parts if exs]


def worksheet(lesson, content: LessonContent, setting: Setting, key: bool = False) -> Paper:
    """The worksheet of a lesson (``key``: with the answers filled in, for the teacher)."""
    parts, all_items, unavailable, n = [], [], [], 1
    for heading, exercises in worksheet_parts(lesson, content):
        items, missing = print_items(exercises, setting.lang, "", key, n)
        n += len(items)
        parts.append({"heading": heading, "items": items})
        all_items += items
        unavailable += missing
    title = label("Worksheet", "练习单", setting.lang) + f" · {content.slug}"
    html = _page("worksheet.html.j2", content, setting, title, parts=parts, key=key,
                 unavailable=unavailable)
    return Paper("worksheet", "", setting.lang, html, all_items, unavailable)


def assessment_items(lesson) -> list:
    """The assessment items of a lesson, in bank order (what its exam paper holds)."""
    return [lesson[i] for i in lesson.ids if lesson[i].mode == "assessment"]


def exam_minutes(exercises) -> int:
    """Minutes for a paper by the course's time model, rounded up to 5 (at least 10)."""
    return max(10, 5 * math.ceil(sum(EXAM_MINUTES.get(e.type, 2) for e in exercises) / 5))


def exam(lesson, content: LessonContent, setting: Setting, form: str,
         key: bool = False) -> Paper:
    """Exam paper ``form`` ("A" or "B") of a lesson's assessment items, or (``key``) its
    answer key and marking scheme."""
    exercises = assessment_items(lesson)
    items, unavailable = print_items(exercises, setting.lang, form, False)
    total = sum(i.points for i in items)
    if key:
        title = label(f"Answer key · Form {form}", f"答案 · {form} 卷", setting.lang)
        html = _page("key.html.j2", content, setting, f"{title} · {content.slug}",
                     items=items, form=form, total=total)
        return Paper("key", form, setting.lang, html, items, unavailable)
    title = label(f"Test · Form {form}", f"测验 · {form} 卷", setting.lang)
    html = _page("exam.html.j2", content, setting, f"{title} · {content.slug}", items=items,
                 form=form, total=total, minutes=exam_minutes(exercises),
                 unavailable=unavailable)
    return Paper("exam", form, setting.lang, html, items, unavailable)
