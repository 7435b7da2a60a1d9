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
