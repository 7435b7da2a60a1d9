"""RFM scoring and segments, and the three loyalty dimensions of SYLLABUS L5."""
from __future__ import annotations

from course.crm._checks import as_timestamp, require_frame
from course.errors import InputError

ORDER_NEEDS = ["Invoice", "Quantity", "InvoiceDate", "Price", "Customer ID"]

SEGMENTS = [
    "Champions", "Loyal", "Potential loyalist", "New", "Promising", "Need attention",
    "About to sleep", "At risk", "Can't lose", "Hibernating",
]
# SEGMENT_GRID[R - 1][F - 1] -> segment (R: recency score, F: frequency score)
SEGMENT_GRID = [
    # F=1            F=2              F=3               F=4         F=5
    ["Hibernating", "Hibernating", "At risk", "At risk", "Can't lose"],                # R=1
    ["Hibernating", "Hibernating", "At risk", "At risk", "Can't lose"],                # R=2
    ["About to sleep", "About to sleep", "Need attention", "Loyal", "Loyal"],          # R=3
    ["Promising", "Potential loyalist", "Potential loyalist", "Loyal", "Loyal"],        # R=4
    ["New", "Potential loyalist", "Potential loyalist", "Champions", "Champions"],      # R=5
]


def _scores(values, higher_is_better: bool):
    """Quintile scores 1-5 by rank; equal values share a score (the lower one)."""
    import numpy as np
    import pandas as pd

    s = pd.Series(values if higher_is_better else -np.asarray(values, dtype=float))
    n = len(s)
    rank = s.rank(method="min").to_numpy()  # 1..n, ties get the lowest rank
    return np.clip(1 + np.floor(5 * (rank - 1) / n), 1, 5).astype("int64")


def _order_columns(orders, what):
    """Check the order columns; return (customer ids, invoice codes, cancelled mask, dates, value)."""
    import numpy as np
    import pandas as pd

    require_frame(orders, ORDER_NEEDS, what)
    for col in ("Quantity", "Price"):
        if not pd.api.types.is_numeric_dtype(orders[col]) or pd.api.types.is_bool_dtype(
                orders[col]):
            raise InputError(
                f"{what}: column {col!r} must hold numbers (dtype {orders[col].dtype}); "
                f"convert it with pd.to_numeric first."
            )
    if not pd.api.types.is_datetime64_any_dtype(orders["InvoiceDate"]):
        raise InputError(
            f"{what}: column 'InvoiceDate' must hold dates (dtype {orders['InvoiceDate'].dtype}); "
            "convert it with pd.to_datetime first."
        )
    cid = orders["Customer ID"]
    if not pd.api.types.is_numeric_dtype(cid) and not pd.api.types.is_string_dtype(cid):
        raise InputError(f"{what}: column 'Customer ID' must hold ids (numbers or text).")
    keep = cid.notna().to_numpy()
    if not keep.any():
        raise InputError(f"{what}: no row has a 'Customer ID', so there is no customer to score.")
    codes, uniques = pd.factorize(orders["Invoice"])
    starts_c = np.fromiter((str(u).startswith("C") for u in uniques), dtype=bool,
                           count=len(uniques))
    cancelled = np.where(codes >= 0, starts_c[np.maximum(codes, 0)], False)
    dates = orders["InvoiceDate"]
    if getattr(dates.dt, "tz", None) is not None:
        dates = dates.dt.tz_localize(None)
    value = orders["Quantity"].to_numpy(dtype="float64") * orders["Price"].to_numpy(
        dtype="float64")
    return cid, keep, codes, cancelled, dates.to_numpy(dtype="datetime64[ns]"), value


def rfm(orders, as_of=None):
    """Return one row per customer with recency, frequency, monetary, R/F/M scores and segment.

    ``orders`` has the UCI Online Retail II columns (``Invoice``, ``Quantity``,
    ``InvoiceDate``, ``Price``, ``Customer ID``). Rows without a Customer ID are dropped.
    A cancelled invoice starts with ``C``.

    - ``recency_days``: ``as_of`` minus the last non-cancelled invoice date, in whole days
      (a customer whose every invoice was cancelled has no recency and scores R = 1);
    - ``frequency``: the number of distinct non-cancelled invoices;
    - ``monetary``: the sum of Quantity x Price over all the customer's rows, cancellations
      and returns included, so it is net;
    - ``R``, ``F``, ``M``: scores 1-5 by quintile of rank (5 = most recent / most often / most
      money); equal values share a score;
    - ``segment``: from R and F (the common RFM grid):

    ===========  ==================  ==================  ===============  ==========  ==========
    R \\ F        1                   2                   3                4           5
    ===========  ==================  ==================  ===============  ==========  ==========
    5            New                 Potential loyalist  Potential loyal. Champions   Champions
    4            Promising           Potential loyalist  Potential loyal. Loyal       Loyal
    3            About to sleep      About to sleep      Need attention   Loyal       Loyal
    1-2          Hibernating         Hibernating         At risk          At risk     Can't lose
    ===========  ==================  ==================  ===============  ==========  ==========

    ``as_of`` defaults to the day after the last invoice date in ``orders``.

    >>> from course.crm.data import load
    >>> table = rfm(load("orders"), as_of="2026-12-01")
    >>> list(table.columns)
    ['Customer ID', 'recency_days', 'frequency', 'monetary', 'R', 'F', 'M', 'segment']
    """
    import numpy as np
    import pandas as pd

    what = "rfm(orders)"
    cid, keep, codes, cancelled, dates, value = _order_columns(orders, what)
    if as_of is None:
        as_of = pd.Timestamp(dates[~np.isnat(dates)].max()).normalize() + pd.Timedelta(days=1)
    as_of = as_timestamp(as_of, "rfm: as_of")

    ids, cust = pd.factorize(cid[keep], sort=True)
    n = len(cust)
    codes_k, canc_k, dates_k, value_k = codes[keep], cancelled[keep], dates[keep], value[keep]
    monetary = np.bincount(ids, weights=value_k, minlength=n)
    live = ~canc_k
    # last live date per customer
    last = np.full(n, np.iinfo(np.int64).min, dtype=np.int64)
    np.maximum.at(last, ids[live], dates_k[live].view("int64"))
    # distinct live invoices per customer
    width = np.int64(codes.max() + 1)
    pair = np.sort(ids[live].astype(np.int64) * width + codes_k[live])
    first = np.ones(pair.size, dtype=bool)
    first[1:] = pair[1:] != pair[:-1]
    frequency = np.bincount(pair[first] // width, minlength=n)
    has_last = last != np.iinfo(np.int64).min
    recency = np.full(n, np.nan)
    as_of_ns = np.datetime64(as_of.to_datetime64(), "ns").view("int64")
    recency[has_last] = np.floor((as_of_ns - last[has_last]) / 86_400e9)
    if (recency[has_last] < 0).any():
        raise InputError(
            f"rfm: as_of ({as_of}) is before the last invoice date; choose a later date."
        )
    r_input = np.where(has_last, -recency, -np.inf)  # no live invoice = least recent
    out = pd.DataFrame({
        "Customer ID": cust,
        "recency_days": pd.array(np.where(has_last, recency, np.nan), dtype="Float64")
        .astype("Int64"),
        "frequency": frequency.astype("int64"),
        "monetary": np.round(monetary, 2),
    })
    out["R"] = _scores(r_input, True)
    out["F"] = _scores(frequency, True)
    out["M"] = _scores(monetary, True)
    grid = np.array(SEGMENT_GRID, dtype=object)
    out["segment"] = pd.Categorical(grid[out["R"] - 1, out["F"] - 1], categories=SEGMENTS)
    return out


def rfm_reference(orders, as_of=None):
    """The same table as ``rfm`` by a plain groupby-apply (slow; for checking and benchmarks)."""
    import numpy as np
    import pandas as pd

    rows = orders.dropna(subset=["Customer ID"])
    if as_of is None:
        as_of = orders["InvoiceDate"].max().normalize() + pd.Timedelta(days=1)
    as_of = pd.Timestamp(as_of)

    def one(g):
        live = g[~g["Invoice"].astype(str).str.startswith("C")]
        last = live["InvoiceDate"].max()
        return pd.Series({
            "recency_days": (as_of - last).days if len(live) else np.nan,
            "frequency": live["Invoice"].nunique(),
            "monetary": round((g["Quantity"] * g["Price"]).sum(), 2),
        })

    table = rows.groupby("Customer ID").apply(one).reset_index()
    r_input = np.where(table["recency_days"].isna(), -np.inf, -table["recency_days"])
    table["R"] = _scores(r_input, True)
    table["F"] = _scores(table["frequency"].to_numpy(), True)
    table["M"] = _scores(table["monetary"].to_numpy(), True)
    grid = np.array(SEGMENT_GRID, dtype=object)
    table["segment"] = grid[table["R"] - 1, table["F"] - 1]
    return table


def loyalty(customers, orders, as_of=None):
    """Return the three loyalty dimensions of SYLLABUS L5 per customer, each scored 1-5.

    - **repurchase intention** (重复购买意愿): the customer's own answer,
      ``customers["repurchase_intent"]`` (1-5; missing when never asked);
    - **basic behaviour** (基本行为): time since the last purchase, number of purchases and
      quantity bought, from ``orders``; ``behaviour_score`` is the mean of the R and F scores
      of ``rfm`` and a quintile score of the net quantity bought, rounded;
    - **derived behaviour** (衍生行为): public recommendation and referrals,
      ``customers["reviews"]`` + ``customers["referrals"]`` (word of mouth);
      ``derived_score`` is 1 for none, then 2-5 by quartile of those who did.

    ``loyalty_score`` is the mean of the available dimension scores. Customers without orders
    keep their intention score (if any) and get no behaviour or derived score.

    >>> from course.crm.data import load
    >>> table = loyalty(load("customers"), load("orders"))
    >>> list(table.columns)[:4]
    ['customer_id', 'name', 'repurchase_intent', 'recency_days']
    """
    import numpy as np
    import pandas as pd

    what = "loyalty(customers, orders)"
    require_frame(customers, ["customer_id", "repurchase_intent", "reviews", "referrals"],
                  "loyalty(customers)")
    table = rfm(orders, as_of)
    rows = orders.dropna(subset=["Customer ID"])
    qty = rows.groupby("Customer ID")["Quantity"].sum()
    table["quantity"] = table["Customer ID"].map(qty).astype("int64")
    q_score = _scores(table["quantity"].to_numpy(), True)
    table["behaviour_score"] = np.round((table["R"] + table["F"] + q_score) / 3).astype("int64")
    for col in ("reviews", "referrals"):
        if not pd.api.types.is_numeric_dtype(customers[col]):
            raise InputError(f"{what}: column {col!r} must hold counts (whole numbers).")
    intent = pd.to_numeric(customers["repurchase_intent"], errors="coerce")
    if ((intent < 1) | (intent > 5)).any():
        raise InputError(f"{what}: column 'repurchase_intent' must hold 1-5 (or be missing).")
    words = (customers["reviews"].fillna(0) + customers["referrals"].fillna(0)).astype("int64")
    derived = np.ones(len(words), dtype="int64")
    pos = words.to_numpy() > 0
    if pos.any():
        derived[pos] = 1 + np.ceil(4 * pd.Series(words[pos]).rank(pct=True, method="max")
                                   ).astype("int64").to_numpy()
        derived = np.clip(derived, 1, 5)
    cols = ["customer_id"] + (["name"] if "name" in customers.columns else [])
    out = customers[cols].copy()
    out["repurchase_intent"] = intent.astype("Int64")
    merged = table.set_index("Customer ID")
    ids = customers["customer_id"]
    out["recency_days"] = ids.map(merged["recency_days"]).astype("Int64")
    out["frequency"] = ids.map(merged["frequency"]).fillna(0).astype("int64")
    out["quantity"] = ids.map(merged["quantity"]).fillna(0).astype("int64")
    out["reviews"] = customers["reviews"].astype("int64")
    out["referrals"] = customers["referrals"].astype("int64")
    out["intention_score"] = intent.astype("Int64")
    out["behaviour_score"] = ids.map(merged["behaviour_score"]).astype("Int64")
    out["derived_score"] = pd.array(derived, dtype="Int64")
    # a prospect who never bought has no purchase behaviour to recommend or score
    out.loc[out["behaviour_score"].isna(), "derived_score"] = pd.NA
    scores = out[["intention_score", "behaviour_score", "derived_score"]].astype("Float64")
    out["loyalty_score"] = scores.mean(axis=1, skipna=True).round(1).astype("float64")
    return out.reset_index(drop=True)
