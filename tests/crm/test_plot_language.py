"""Every plot of the course, drawn in English, Chinese and both: no missing glyph, no data ids."""
import io
import re
import warnings
from pathlib import Path

import pytest

import course
from course import crm
from course.crm.data import load

ROOT = Path(__file__).resolve().parents[2]
SNAKE = re.compile(r"\b[a-z]+_[a-z_]+\b")


def _quality_cases():
    messages = load("messages")
    quality = messages[messages["problem"] == "quality"].copy()
    quality["decision"] = [crm.resolve_complaint(row).decision for _, row in quality.iterrows()]
    return quality


def _flag_table():
    import pandas as pd

    inquiries = load("inquiries")
    counts = inquiries["red_flags"].explode().value_counts()
    return pd.DataFrame({"labelled by the agent": counts, "found by the toolkit": counts}
                        ).reindex(crm.FLAGS).fillna(0).astype(int)


PLOTS = {
    "grade distribution": lambda: crm.plot_grade_distribution(
        crm.grade_customers(load("customers"))),
    "segment sizes": lambda: crm.plot_segment_sizes(crm.rfm(load("orders"), as_of="2026-10-01")),
    "payment methods": lambda: crm.plot_payment_methods(load("orders")),
    "spending groups": lambda: crm.plot_spending_groups(crm.top_customers(
        load("customers"), load("orders"), n=None)),
    "red flags": lambda: crm.plot_red_flags(_flag_table()),
    "complaint decisions": lambda: crm.plot_complaint_decisions(_quality_cases()),
    "complaint families": lambda: crm.plot_complaint_families(load("messages")),
    "unhappy customers": lambda: crm.plot_unhappy_customers(),
    "peak months": lambda: crm.plot_peak_months(),
    "orders by month": lambda: crm.plot_orders_by_month(load("orders"), "middle_east"),
    "picture: IDIC cycle": crm.picture_idic_cycle,
    "picture: grading flow": crm.picture_grading_flow,
    "picture: complaint steps": crm.picture_complaint_steps,
    "picture: chat window": crm.picture_chat_window,
}


def _texts(fig):
    found = []
    for ax in fig.axes:
        found += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
        found += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
        if ax.get_legend():
            found += [t.get_text() for t in ax.get_legend().get_texts()]
    for legend in fig.legends:
        found += [t.get_text() for t in legend.get_texts()]
    for ax in fig.axes:
        found += [t.get_text() for t in ax.texts]
    return [t for t in found if t]


@pytest.fixture
def language():
    before = course.get_language()
    yield lambda lang: course.set_language(lang, save=False)
    course.set_language(before, save=False)


@pytest.mark.parametrize("lang", ["en", "zh", "both"])
@pytest.mark.parametrize("name", sorted(PLOTS))
def test_plot_draws_every_glyph_in_the_course_language(name, lang, language):
    language(lang)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = PLOTS[name]()
        fig.savefig(io.BytesIO(), format="png")
    missing = [str(w.message) for w in caught if "Glyph" in str(w.message)]
    assert not missing, missing[:3]
    texts = _texts(fig)
    assert texts, "the plot has a title and labels"
    assert not [t for t in texts if SNAKE.search(t)], "labels are words, not data ids"
    has_cjk = any(re.search(r"[\u4e00-\u9fff]", t) for t in texts)
    assert has_cjk == (lang != "en"), texts[:4]
    if lang == "both":
        assert any(re.search(r"[A-Za-z]{3}", t) for t in texts)


def test_notebooks_draw_only_with_the_toolkit():
    """Every figure in a lesson comes from a crm.plot_* call, so the test above covers it."""
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        source = path.read_text(encoding="utf-8")
        assert "matplotlib.figure" not in source and "plt." not in source, path.name


def test_the_font_and_its_licence_ship_with_the_package():
    from course.crm import plots

    assert plots.FONT_FILE.is_file() and plots.FONT_FILE.stat().st_size < 2_500_000
    licence = (plots.FONT_FILE.parent / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
