"""Plot helpers for the CRM lessons: each returns a matplotlib Figure (English labels only)."""
from __future__ import annotations

from course.crm._checks import require_frame
from course.errors import InputError

_COLOURS = ["#2b6cb0", "#38a169", "#d69e2e", "#c53030", "#805ad5", "#319795", "#dd6b20",
            "#718096", "#b83280", "#2c5282"]


def _figure(width=6.4, height=3.6):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def plot_grade_distribution(graded):
    """Bar chart of how many customers (or inquiries) are in each grade 1-4.

    ``graded`` is a DataFrame with a ``grade`` column (e.g. ``grade_customers(...)``) or a
    Series of grades.

    >>> from course.crm.data import load
    >>> fig = plot_grade_distribution(grade_customers(load("customers")))  # doctest: +SKIP
    """
    import pandas as pd

    if isinstance(graded, pd.DataFrame):
        require_frame(graded, ["grade"], "plot_grade_distribution(graded)")
        grades = graded["grade"]
    elif isinstance(graded, pd.Series):
        grades = graded
    else:
        raise InputError("plot_grade_distribution: give a DataFrame with a 'grade' column "
                         f"or a Series of grades; got {type(graded).__name__}.")
    if len(grades) == 0:
        raise InputError("plot_grade_distribution: there are no grades to plot.")
    if not grades.isin([1, 2, 3, 4]).all():
        raise InputError("plot_grade_distribution: grades must be 1, 2, 3 or 4.")
    counts = grades.value_counts().reindex([1, 2, 3, 4], fill_value=0)
    fig = _figure()
    ax = fig.add_subplot()
    bars = ax.bar([f"Grade {g}" for g in counts.index], counts.to_numpy(), color=_COLOURS[:4])
    ax.bar_label(bars, padding=2)
    ax.set_ylabel("Number")
    ax.set_title("Grade distribution")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def plot_segment_sizes(table):
    """Horizontal bars: customers per RFM segment (``table`` from ``rfm``), largest first."""
    from course.crm.retention import SEGMENTS

    require_frame(table, ["segment"], "plot_segment_sizes(table)")
    counts = table["segment"].astype(str).value_counts()
    counts = counts.reindex([s for s in SEGMENTS if s in counts.index]).sort_values()
    fig = _figure(6.4, 4.2)
    ax = fig.add_subplot()
    bars = ax.barh(counts.index, counts.to_numpy(), color=_COLOURS[0])
    ax.bar_label(bars, padding=2)
    ax.set_xlabel("Customers")
    ax.set_title("RFM segment sizes")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def payment_shares(orders, markets=None):
    """Share of invoices paid with each method, per region (rows: regions, columns: methods)."""
    from course.crm.markets import _regions

    require_frame(orders, ["Invoice", "Country", "Payment"], "payment_shares(orders)")
    country_region = {c["name"]: r["name"] for r in _regions(markets)
                      for c in r.get("countries", [])}
    inv = orders.drop_duplicates("Invoice")
    region = inv["Country"].map(country_region)
    unknown = inv.loc[region.isna(), "Country"].unique()
    if len(unknown):
        raise InputError(
            f"payment_shares: countries not in the markets data: {', '.join(map(str, unknown[:5]))}."
        )
    table = (inv.assign(region=region).groupby(["region", "Payment"]).size()
             .unstack(fill_value=0))
    table = table.div(table.sum(axis=1), axis=0).round(3)
    order = [r["name"] for r in _regions(markets) if r["name"] in table.index]
    return table.loc[order]


def plot_payment_methods(orders, markets=None):
    """Stacked bars: how invoices are paid in each region (shares of invoices)."""
    shares = payment_shares(orders, markets)
    fig = _figure(7.2, 3.8)
    ax = fig.add_subplot()
    left = None
    import numpy as np

    left = np.zeros(len(shares))
    for i, method in enumerate(shares.columns):
        vals = shares[method].to_numpy()
        ax.barh(shares.index, vals, left=left, label=method, color=_COLOURS[i % len(_COLOURS)])
        left = left + vals
    ax.set_xlim(0, 1)
    ax.set_xlabel("Share of invoices")
    ax.set_title("Payment methods by region")
    ax.invert_yaxis()
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize="small", frameon=False)
    return fig
