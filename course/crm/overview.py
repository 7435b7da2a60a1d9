"""What each customer bought: the value table lessons 02 and 05 read (SYLLABUS L2, L5)."""
from __future__ import annotations

from course.crm._checks import require_frame
from course.errors import InputError

ORDER_COLUMNS = ["Invoice", "InvoiceDate", "Description", "Quantity", "Price", "Customer ID"]


def customer_value(orders):
    """One row per buyer in ``orders``: ``orders``, ``spent``, ``average_order``, ``last_bought``.

    Rows without a customer are left out; ``orders`` counts the invoices that are not credit
    notes (a ``C`` invoice is a cancellation or return); ``spent`` sums every line, credit notes
    included, so a cancelled order counts as minus; ``last_bought`` is the product of the
    buyer's latest invoice line.
    """
    what = "customer_value(orders)"
    require_frame(orders, ORDER_COLUMNS, what)
    import pandas as pd

    lines = orders.dropna(subset=["Customer ID"])
    lines = lines.assign(value=lines["Quantity"] * lines["Price"])
    sales = lines[~lines["Invoice"].astype(str).str.startswith("C")]
    table = pd.DataFrame({
        "orders": sales.groupby("Customer ID")["Invoice"].nunique(),
        "spent": lines.groupby("Customer ID")["value"].sum().round(2),
    })
    table["orders"] = table["orders"].fillna(0).astype(int)
    table["average_order"] = (table["spent"] / table["orders"].where(table["orders"] > 0)
                              ).round(2)
    table["last_bought"] = (sales.sort_values("InvoiceDate", kind="stable")
                            .groupby("Customer ID")["Description"].last())
    table.index = table.index.astype("int64")
    table.index.name = "customer_id"
    return table


def top_customers(customers, orders, n=8):
    """The customers who spent most, with what they bought: the ``n`` first (``None``: all).

    ``customers`` needs ``customer_id``; every column of it is kept and the columns of
    ``customer_value`` are added (0 orders and 0 spent for a customer who never bought).

    >>> from course.crm.data import load
    >>> top = top_customers(load("customers"), load("orders"), n=3)
    >>> list(top.columns[-4:])
    ['orders', 'spent', 'average_order', 'last_bought']
    >>> bool(top["spent"].is_monotonic_decreasing)
    True
    """
    require_frame(customers, ["customer_id"], "top_customers(customers, orders)")
    if n is not None and (isinstance(n, bool) or not isinstance(n, int) or n < 1):
        raise InputError(f"top_customers: n must be a whole number >= 1 or None; got {n!r}.")
    value = customer_value(orders)
    table = customers.join(value, on="customer_id")
    table = table.fillna({"orders": 0, "spent": 0.0}).astype({"orders": int})
    table = table.sort_values(["spent", "customer_id"], ascending=[False, True], kind="stable")
    return table if n is None else table.head(n)
