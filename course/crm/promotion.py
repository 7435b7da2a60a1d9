"""Who hears about a new product: old customers by grade and last purchase (lesson 10)."""
from __future__ import annotations

from course.crm._checks import as_timestamp, require_frame
from course.errors import InputError

COLUMNS = ["customer_id", "name", "country", "region", "language", "grade", "last_bought",
           "days_since", "pieces"]


def promotion_list(customers, orders, product, as_of, *, grades=(1,), within_days=365):
    """The old customers to tell about a new ``product``, most recent buyer first.

    A customer is on the list when their grade (``grade_customers``, SYLLABUS L4) is one of
    ``grades`` and they bought a product whose description holds the words ``product``
    (any case) in the ``within_days`` days before ``as_of``. Credit notes (invoices ``C...``),
    stock corrections and guest orders do not count. One row per customer: ``customer_id``,
    ``name``, ``country``, ``region``, ``language``, ``grade``, ``last_bought`` (the date of the last such
    purchase), ``days_since`` and ``pieces`` (how many they bought in that time).

    >>> from course.crm.data import load
    >>> mats = promotion_list(load("customers"), load("orders"), "yoga mat", "2026-10-01")
    >>> list(mats.columns)
    ['customer_id', 'name', 'country', 'region', 'language', 'grade', 'last_bought', 'days_since', 'pieces']
    >>> bool((mats["grade"] == 1).all() and (mats["days_since"] <= 365).all())
    True
    """
    from course.crm.grading import grade_customers

    what = "promotion_list(customers, orders, product, as_of)"
    require_frame(customers, ["customer_id", "name", "country", "region", "language", "deal_status",
                              "clear_intent", "obvious_interest"], what)
    require_frame(orders, ["Invoice", "Description", "Quantity", "InvoiceDate",
                           "Customer ID"], what, allow_empty=True)
    if not isinstance(product, str) or not product.strip():
        raise InputError(f"{what}: product must be words of the product's name such as "
                         f"'yoga mat'; got {product!r}.")
    if isinstance(within_days, bool) or not isinstance(within_days, int) or within_days <= 0:
        raise InputError(f"{what}: within_days must be a whole number of days above 0, such "
                         f"as 365; got {within_days!r}.")
    wanted = set(grades) if isinstance(grades, (list, tuple, set)) else {grades}
    if not wanted or not wanted <= {1, 2, 3, 4}:
        raise InputError(f"{what}: grades must be grades from 1 to 4, such as (1,) or (1, 2); "
                         f"got {grades!r}.")
    end = as_timestamp(as_of, f"{what}: as_of")
    return _buyers(grade_customers(customers), orders, product, end, wanted, within_days)


def _buyers(graded, orders, product, end, grades, within_days):
    import pandas as pd

    start = end - pd.Timedelta(days=within_days)
    words = product.strip().upper().split()
    described = orders["Description"].fillna("").str.upper()
    hit = pd.Series(True, index=orders.index)
    for w in words:
        hit &= described.str.contains(w, regex=False)
    sales = orders[hit & ~orders["Invoice"].astype(str).str.startswith("C")
                   & (orders["Quantity"] > 0) & orders["Customer ID"].notna()
                   & (orders["InvoiceDate"] >= start) & (orders["InvoiceDate"] < end)]
    per = (sales.groupby(sales["Customer ID"].astype("int64"))
           .agg(last_bought=("InvoiceDate", "max"), pieces=("Quantity", "sum")))
    table = graded[graded["grade"].isin(grades)].merge(per, left_on="customer_id",
                                                       right_index=True)
    table["last_bought"] = table["last_bought"].dt.normalize()
    table["days_since"] = (end.normalize() - table["last_bought"]).dt.days
    return (table.sort_values(["days_since", "customer_id"])[COLUMNS]
            .reset_index(drop=True))
