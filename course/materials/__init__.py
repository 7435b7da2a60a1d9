"""Teaching materials generated from the bank and the lessons: worksheets, exam papers, the
teacher's answer book, slides and lesson plans (``crm-course print``).

Nothing here is a second copy of the course: every text comes from ``exercises/*.yaml``
(through :func:`course.lesson`), ``notebooks/NN-*.ipynb`` and ``notebooks/course.yaml``. The
modules import their heavy libraries (WeasyPrint, python-pptx, python-docx, segno) only when
they write a file, so that ``import course`` stays light.

=====================  ==============================================================
``lessons``            what a lesson notebook says: goals, sections, case, summary...
``printview``          the print view of every built-in exercise kind (HTML fragments)
``papers``             worksheets and exam papers in forms A and B, with their keys
``answerbook``         the teacher's answer book (教师用书), HTML and PDF
``slides``             a .pptx deck per lesson
``plans``              lesson plans (教案), Markdown and .docx
``pdf``                HTML to PDF on A4 with the course's CJK font; QR codes
``build``              everything for one lesson or the whole course (the command)
=====================  ==============================================================
"""
