"""A lesson as a .pptx deck (python-pptx), opened by PowerPoint, WPS and LibreOffice.

Slides, in the lesson's order: title; learning goals; each section's key points and its figures
(the PNG charts and pictures stored in the notebook, drawn again in Chinese for a deck in Chinese
or both: course.materials.redraw); each class exercise of the lesson as a question slide followed
by its answer slide (both written by the kind's print view); the case and its discussion
questions with their sample answers; the summary and the glossary. Speaker notes: a section's
full text and its teacher's notes (the lesson's slideshow "notes" cells), and each discussion
question's sample answer, as the presenter view of ``crm-course present NN --slides`` shows
them. Every text run names the CJK font ``Noto Sans CJK SC`` (Latin and East Asian), which WPS
and PowerPoint replace by a local CJK font where it is not installed.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

from course.exercises import kinds
from course.materials.lessons import LessonContent
from course.materials.printview import PrintContext
from course.materials.redraw import redraw
from course.materials.render import label, lesson_label
from course.materials.textify import html_lines
from course.text import Bilingual

FONT = "Noto Sans CJK SC"
WIDE = (13.333, 7.5)  # inches, 16:9
GLOSSARY_ROWS = 8
MAX_LINES = 24
CJK_CHAR = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def _font(run, size: int | None = None, bold: bool = False, grey: bool = False) -> None:
    from pptx.dml.color import RGBColor
    from pptx.oxml.ns import qn
    from pptx.util import Pt

    run.font.name = FONT
    rpr = run._r.get_or_add_rPr()
    for tag in ("a:ea", "a:cs"):
        el = rpr.find(qn(tag))
        if el is None:
            el = rpr.makeelement(qn(tag), {})
            rpr.append(el)
        el.set("typeface", FONT)
    if size:
        run.font.size = Pt(size)
    run.font.bold = bold
    if grey:
        run.font.color.rgb = RGBColor(0x44, 0x44, 0x44)


def _lines_of(text: Bilingual | str, lang: str) -> list[tuple[str, bool]]:
    """(line, is_secondary) of a text in the chosen language (``both``: Chinese second)."""
    b = text if isinstance(text, Bilingual) else Bilingual(str(text), str(text))
    if lang == "en":
        return [(b.en, False)]
    if lang == "zh":
        return [(b.zh or b.en, False)]
    return [(b.en, False)] + ([(b.zh, True)] if b.has_both else [])


def _size_for(lines: list[tuple[str, bool]]) -> int:
    """The largest font size (points) at which ``lines`` fit the slide's text box, as
    estimated from their length (a CJK character is as wide as two Latin ones)."""
    for size in (24, 22, 20, 18, 16, 14, 12):
        per_line = (WIDE[0] - 1.4) * 72 / (size * 0.52)
        needed = sum(max(1, -(-(len(t) + len(CJK_CHAR.findall(t))) // int(per_line)))
                     for t, _ in lines)
        if needed <= (WIDE[1] - 2.1) * 72 / (size * 1.25):
            return size
    return 11


class Deck:
    """A python-pptx presentation with the course's slide shapes."""

    def __init__(self, lang: str):
        from pptx import Presentation
        from pptx.util import Inches

        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = Inches(WIDE[0]), Inches(WIDE[1])
        self.lang = lang
        self.titles: list[str] = []
        self.exercises = 0  # class exercises on question slides
        self.unavailable: list[str] = []  # exercises whose kind has no print view

    def _title(self, slide, text: Bilingual | str, size: int = 30) -> None:
        from pptx.util import Inches

        shape = slide.shapes.title
        shape.left, shape.top = Inches(0.5), Inches(0.3)
        shape.width, shape.height = Inches(WIDE[0] - 1), Inches(1.1)
        tf = shape.text_frame
        tf.clear()
        for i, (line, second) in enumerate(_lines_of(text, self.lang)):
            para = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            _font(para.add_run(), size if not second else size - 8, bold=not second, grey=second)
            para.runs[0].text = line
        self.titles.append(" / ".join(line for line, _ in _lines_of(text, self.lang)))

    def text_slide(self, title, lines: list[tuple[str, bool]], notes: str = "",
                   bullets: bool = True):
        """A slide of lines; a secondary line (the Chinese of ``both``) is indented, grey."""
        from pptx.util import Inches

        slide = self.prs.slides.add_slide(self.prs.slide_layouts[5])
        self._title(slide, title)
        if len(lines) > MAX_LINES:
            lines = lines[: MAX_LINES - 1] + [("…", False)]
        box = slide.shapes.add_textbox(Inches(0.7), Inches(1.6), Inches(WIDE[0] - 1.4),
                                       Inches(WIDE[1] - 2.0))
        tf = box.text_frame
        tf.word_wrap = True
        size = _size_for(lines)
        for i, (line, second) in enumerate(lines):
            para = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            mark = "" if not bullets or second else "• "
            run = para.add_run()
            run.text = ("    " if second and bullets else "") + mark + line
            _font(run, size - 2 if second else size, grey=second)
        if notes:
            slide.notes_slide.notes_text_frame.text = notes
        return slide

    def picture_slide(self, title, png: bytes, notes: str = "", caption: str = ""):
        """A slide with one figure, as large as fits, centred; ``caption`` (a note) under it."""
        from pptx.util import Inches

        slide = self.prs.slides.add_slide(self.prs.slide_layouts[5])
        self._title(slide, title)
        top, avail_w, avail_h = Inches(1.5), Inches(WIDE[0] - 1), Inches(WIDE[1] - 1.8)
        if caption:
            avail_h = Inches(WIDE[1] - 2.3)
            box = slide.shapes.add_textbox(Inches(0.7), Inches(WIDE[1] - 0.7),
                                           Inches(WIDE[0] - 1.4), Inches(0.5))
            box.text_frame.word_wrap = True
            _font(box.text_frame.paragraphs[0].add_run(), 12, grey=True)
            box.text_frame.paragraphs[0].runs[0].text = caption
        pic = slide.shapes.add_picture(io.BytesIO(png), 0, top, height=avail_h)
        if pic.width > avail_w:
            ratio = avail_w / pic.width
            pic.width, pic.height = int(avail_w), int(pic.height * ratio)
        pic.left = int((self.prs.slide_width - pic.width) / 2)
        if notes:
            slide.notes_slide.notes_text_frame.text = notes
        return slide

    def title_slide(self, title: Bilingual, subtitle: str) -> None:
        slide = self.prs.slides.add_slide(self.prs.slide_layouts[0])
        self._title(slide, title, 40)
        from pptx.util import Inches

        holder = slide.placeholders[1]
        holder.left, holder.top = Inches(0.5), Inches(4.2)
        holder.width, holder.height = Inches(WIDE[0] - 1), Inches(1.2)
        slide.shapes.title.top = Inches(2.2)
        slide.shapes.title.height = Inches(1.8)
        body = holder.text_frame
        body.text = ""
        _font(body.paragraphs[0].add_run(), 20, grey=True)
        body.paragraphs[0].runs[0].text = subtitle

    def glossary_slides(self, title, rows: list[tuple[str, str, str]]) -> None:
        """The glossary as tables of at most GLOSSARY_ROWS rows."""
        from pptx.util import Inches, Pt

        for start in range(0, len(rows), GLOSSARY_ROWS):
            chunk = rows[start:start + GLOSSARY_ROWS]
            slide = self.prs.slides.add_slide(self.prs.slide_layouts[5])
            self._title(slide, title)
            table = slide.shapes.add_table(len(chunk) + 1, 3, Inches(0.5), Inches(1.5),
                                           Inches(WIDE[0] - 1), Inches(0.5)).table
            widths = (3.2, 2.4, WIDE[0] - 1 - 5.6)
            for c, width in enumerate(widths):
                table.columns[c].width = Inches(width)
            for r, row in enumerate([("English", "中文", label("meaning", "含义", "both"))]
                                    + list(chunk)):
                for c, value in enumerate(row):
                    cell = table.cell(r, c)
                    cell.text = ""
                    run = cell.text_frame.paragraphs[0].add_run()
                    run.text = value
                    _font(run, 16 if r else 15, bold=(r == 0))
                    run.font.size = Pt(16 if r else 15)

    def save(self, out: Path) -> Path:
        out.parent.mkdir(parents=True, exist_ok=True)
        self.prs.save(str(out))
        return out


def class_exercises(lesson, section) -> list:
    """The exercises a section shows in class: its practice and class items (not the
    assessment items, which the exam paper holds), in the lesson's order."""
    return [lesson[i] for i in section.exercises
            if i in lesson.ids and lesson[i].mode != "assessment"]


def _exercise_slides(deck: Deck, exercises, lang: str) -> None:
    """A question slide and an answer slide per exercise, drawn by its kind's print view."""
    for ex in exercises:
        view = kinds.view(ex.type, "print")
        if view is None:
            deck.unavailable.append(ex.id)
            continue
        deck.exercises += 1
        n = deck.exercises
        item = view(ex, PrintContext(lang, "", False, n))
        deck.text_slide(Bilingual(f"Exercise {n}", f"练习 {n}"),
                        [(t, False) for t in html_lines(item.html, zh_inline=True)],
                        bullets=False)
        keyed = view(ex, PrintContext(lang, "", True, n))
        deck.text_slide(Bilingual(f"Exercise {n}: answer", f"练习 {n}：答案"),
                        [(t, False) for t in html_lines(keyed.key_html, zh_inline=True)],
                        bullets=False)


STORED_NOTE = Bilingual("This chart is the lesson's stored output, in English: it could not be "
                        "drawn again in the deck's language.",
                        "此图为课程笔记本中保存的英文原图，未能按本讲义的语言重新绘制。")


def _section_slides(deck: Deck, section, lang: str, drawn: dict | None = None) -> None:
    en, zh = section.key_points()
    lines = [(p, False) for p in en] if lang == "en" else [(p, False) for p in zh or en]
    if lang == "both":
        lines = [(p, False) for p in en] + [(p, True) for p in zh]
    notes = "\n\n".join(section.notes + section.text_en + section.text_zh)
    deck.text_slide(section.heading, lines or [(section.heading.render(lang), False)], notes)
    for png, cell in list(zip(section.figures, section.figure_cells, strict=True))[:3]:
        if drawn is None:  # an English deck: the stored output was drawn in English
            deck.picture_slide(section.heading, png)
        elif lang in drawn.get(cell, {}):
            deck.picture_slide(section.heading, drawn[cell][lang].png)
        else:
            deck.picture_slide(section.heading, png, caption=STORED_NOTE.render(lang))


def build_deck(lesson, content: LessonContent, lang: str) -> tuple[Deck, int]:
    """(the deck of a lesson, the number of class exercises on question slides)."""
    deck = Deck(lang)
    # the stored figures are English; a deck in Chinese (or both) draws them again
    drawn = redraw(content.path, [lang]) if lang in ("zh", "both") else None
    sub = lesson_label(content.number, lang, content.slug)
    deck.title_slide(content.title, sub)
    deck.text_slide(Bilingual("Learning goals", "学习目标"),
                    [x for g in content.goals for x in _lines_of(g, lang)])
    for section in content.sections:
        if section.optional:
            break
        if section.kind in ("section", "try", "summary"):
            _section_slides(deck, section, lang, drawn)
        elif section.kind == "case":
            _case_slides(deck, section, lang)
        _exercise_slides(deck, class_exercises(lesson, section), lang)
    if content.glossary:
        deck.glossary_slides(Bilingual("Glossary", "术语表"), content.glossary)
    return deck, deck.exercises


def _case_slides(deck: Deck, section, lang: str) -> None:
    text = [(p, False) for p in (section.text_en[:1] if lang != "zh" else [])]
    text += [(p, lang == "both") for p in (section.text_zh[:1] if lang != "en" else [])]
    deck.text_slide(section.heading, text, "\n\n".join(section.notes), bullets=False)
    for d in section.discussion:
        title = Bilingual(f"Discuss · question {d.number}", f"讨论 · 问题 {d.number}")
        # the sample answer in the speaker notes too, as in the presenter view of the live slides
        deck.text_slide(title, _lines_of(d.question, lang), _sample_note(d), bullets=False)
        deck.text_slide(Bilingual(f"Question {d.number}: a sample answer",
                                  f"问题 {d.number}：参考答案"), _lines_of(d.answer, lang),
                        bullets=False)


def _sample_note(discussion) -> str:
    """A discussion question's speaker notes: its sample answer in English and Chinese."""
    answer = discussion.answer
    head = "Sample answer · 参考答案"
    return "\n\n".join([head, answer.en] + ([answer.zh] if answer.has_both else []))


def write_slides(lesson, content: LessonContent, lang: str, out: Path) -> Path:
    """Write the lesson's deck to ``out`` (.pptx)."""
    deck, _ = build_deck(lesson, content, lang)
    return deck.save(out)
