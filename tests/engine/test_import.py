"""Importing course stays cheap: no pandas, matplotlib, ipywidgets or jsonschema at import time."""
import subprocess
import sys


def test_import_course_loads_no_heavy_modules():
    code = (
        "import sys, course; heavy = ['pandas', 'matplotlib', 'ipywidgets', 'jsonschema', "
        "'numpy', 'IPython']; print([m for m in heavy if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_command_line_answers_version():
    out = subprocess.run([sys.executable, "-m", "course", "--version"], capture_output=True,
                         text=True, check=True)
    assert out.stdout.startswith("crm-course 0.")


def test_loading_a_lesson_skips_the_iri_grammar_but_leaves_it_importable():
    code = (
        "import sys, course; course.lesson('02'); "
        "print('rfc3987_syntax' in sys.modules); "
        "import rfc3987_syntax; print(rfc3987_syntax.__name__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "rfc3987_syntax"]


LAZY_AT_LOAD = ["vaderSentiment", "wordfreq", "arrow", "isoduration", "rfc3986_validator",
                "pandas", "matplotlib"]


def test_opening_a_reply_lesson_reviews_no_reply_and_loads_no_format_libraries():
    """course.lesson() is on the way to a lesson's first exercise: the reviewer's sentiment
    and word lists, jsonschema's format libraries, pandas and matplotlib wait until used."""
    code = (
        "import sys, course; lesson = course.lesson('01-relationships'); "
        f"print([m for m in {LAZY_AT_LOAD!r} if m in sys.modules]); "
        "print(any(ex.type == 'reply' for ex in lesson.exercises)); "
        "import arrow, isoduration, jsonschema; "  # hidden during the import only
        "print(jsonschema.Draft202012Validator({'type': 'object'}).is_valid({}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:3] == ["[]", "True", "True"], out.stdout + out.stderr
