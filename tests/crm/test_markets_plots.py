"""Tests for market profiles, plots, and how light `import course.crm` is."""
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from matplotlib.figure import Figure

from course.crm import (
    compare_markets,
    grade_customers,
    load,
    market_profile,
    payment_shares,
    plot_grade_distribution,
    plot_payment_methods,
    plot_segment_sizes,
    region_of,
    rfm,
)
from course.errors import InputError


def test_market_profile_names_and_keys():
    a = market_profile("Southeast Asia")
    assert a.equals(market_profile("southeast_asia")) and a.equals(market_profile("东南亚"))
    assert list(a.columns) == ["aspect", "country", "fact", "source"]
    assert a["source"].str.len().min() > 0
    pay = a.loc[a["aspect"] == "payment methods", "fact"].tolist()
    assert "Cash on delivery" in pay and "Instalments" in pay
    eu = market_profile("europe")
    assert eu.loc[eu["country"] == "Germany", "fact"].tolist() == ["Demands top quality"]


def test_unknown_region_lists_the_regions():
    with pytest.raises(InputError) as err:
        market_profile("Africa")
    msg = str(err.value)
    assert "'Africa'" in msg and "North America, Europe, Southeast Asia, Middle East" in msg
    with pytest.raises(InputError, match="Did you mean 'Europe'"):
        market_profile("Eurpoe")


def test_compare_markets_and_region_of():
    t = compare_markets()
    assert t["region"].tolist() == ["North America", "Europe", "Southeast Asia", "Middle East"]
    assert "The main market" in t.loc[0, "role"]
    assert region_of("Qatar") == "Middle East"
    with pytest.raises(InputError, match="Unknown country 'Atlantis'"):
        region_of("Atlantis")


def test_every_order_country_has_a_region():
    countries = set(load("orders")["Country"])
    assert {region_of(c) for c in countries} == {"North America", "Europe", "Southeast Asia",
                                                 "Middle East"}


def test_plots_return_figures_with_english_labels():
    fig = plot_grade_distribution(grade_customers(load("customers")))
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == [f"Grade {g}" for g in (1, 2, 3, 4)]
    assert sum(p.get_height() for p in ax.patches) == len(load("customers"))
    fig = plot_segment_sizes(rfm(load("orders")))
    assert isinstance(fig, Figure) and fig.axes[0].get_title() == "RFM segment sizes"
    fig = plot_payment_methods(load("orders"))
    assert isinstance(fig, Figure)
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert "Cash on delivery" in labels
    for f in (fig,):
        for text in f.axes[0].texts + [f.axes[0].title]:
            assert text.get_text().isascii()


def test_payment_shares_sum_to_one():
    shares = payment_shares(load("orders"))
    assert (shares.sum(axis=1).round(2) == 1.0).all()
    assert shares.loc["Middle East", "Cash on delivery"] == 0


def test_plot_bad_input():
    with pytest.raises(InputError, match="'grade'"):
        plot_grade_distribution(pd.DataFrame({"grad": [1]}))
    with pytest.raises(InputError, match="1, 2, 3 or 4"):
        plot_grade_distribution(pd.Series([7]))
    with pytest.raises(InputError, match="'segment'"):
        plot_segment_sizes(pd.DataFrame({"x": [1]}))


def test_import_is_light():
    code = ("import sys, course, course.crm; from course import crm; "
            "assert 'pandas' not in sys.modules, 'pandas'; "
            "assert 'matplotlib' not in sys.modules, 'matplotlib'; "
            "crm.draft_reply; crm.screen_inquiry; crm.resolve_complaint; "
            "assert 'matplotlib' not in sys.modules, 'matplotlib after use'")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_crm_never_imports_the_exercise_engine():
    import course.crm

    root = Path(course.crm.__file__).parent
    for path in root.rglob("*.py"):
        assert "course.exercises" not in path.read_text(encoding="utf-8"), path
