"""The teacher's answer book (教师用书): every exercise's answer, the variants the grader
accepts, the rubric and model answer of each writing task, and the discussion questions of each
case with their sample answers, from the bank and the lessons; HTML and PDF.

It is for the teacher only: ``crm-course print`` writes it as ``answer-book.<lang>.html`` and
``.pdf`` in the output folder, which never belongs in a student copy.
"""
from __future__ import annotations

from course.exercises import kinds
from course.materials.lessons import LessonContent
from course.materials.papers import Setting, print_items
from course.materials.pdf import font_css
from course.materials.printview import PrintContext
from course.materials.render import label, render
from course.text import Bilingual

MODE_ORDER = ("practice", "class", "assessment")


def lesson_entries(lesson, content: LessonContent, lang: str) -> dict:
    """One lesson's part of the book: its exercises in lesson order, each with its key."""
    sections = content.exercise_section()
    ordered = [i for i in content.exercise_ids if i in lesson.ids]
    ordered += [i for i in lesson.ids if i not in ordered]
    exercises = [lesson[i] for i in ordered]
    items, unavailable = print_items(exercises, lang, "", True)
    by_id = {it.exercise_id: it for it in items}
    main, optional = [], []
    for ex in exercises:
        if ex.id not in by_id:
            continue
        section = sections.get(ex.id)
        entry = {"id": ex.id, "type": ex.type, "mode": ex.mode, "prompt": ex.prompt,
                 "section": section.heading if section else Bilingual("bank only", "仅在题库中"),
                 "question_html": by_id[ex.id].html, "key_html": by_id[ex.id].key_html,
                 "forms": form_keys(ex, lang, items.index(by_id[ex.id]) + 1)}
        (optional if section is not None and section.optional else main).append(entry)
    parts = [{"heading": Bilingual("The lesson", "课内练习"), "entries": main}]
    if optional:
        parts.append({"heading": Bilingual("Going further (optional)", "拓展（选学）"),
                      "entries": optional})
    return {"number": content.number, "slug": content.slug, "title": content.title, "parts": parts,
            "discussion": content.discussion, "unavailable": unavailable,
            "count": len(by_id)}


def form_keys(exercise, lang: str, number: int) -> list[tuple[str, Bilingual, str]]:
    """(form, its prompt, its key's HTML) of each test form that asks the item with numbers of
    its own (a numeric item's ``exam_forms``), so that the book holds every key that was printed."""
    forms = exercise.exam_forms if callable(getattr(exercise, "for_form", None)) else {}
    view = kinds.view(exercise.type, "print") if forms else None
    return [(name, exercise.for_form(name).prompt,
             view(exercise, PrintContext(lang, name, True, number)).key_html)
            for name in sorted(forms)] if view else []


def answer_book(pairs, setting: Setting) -> tuple[str, list[dict]]:
    """(the answer book's HTML page, its lesson parts) for ``pairs`` of (Lesson, content)."""
    lessons = [lesson_entries(lesson, content, setting.lang) for lesson, content in pairs]
    title = label("Teacher's answer book", "教师用书", setting.lang)
    html = render("answerbook.html.j2", lang=setting.lang, font_css=font_css(), qr=None,
                  doc_title=title, running_title=title, online_note="",
                  course_title=setting.course_title, lessons=lessons)
    return html, lessons
