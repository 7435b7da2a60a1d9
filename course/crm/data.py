"""The course data sets: ``load(name)`` is the only way lessons read data.

The files live in the project's ``data/`` folder (next to the ``course`` package); the
environment variable ``CRM_COURSE_DATA`` points somewhere else (a folder written by
``crm-course data generate --out DIR``).

>>> from course.crm.data import load
>>> orders = load("orders")          # a DataFrame, UCI Online Retail II layout
>>> markets = load("markets")        # parsed YAML: {"context": [...], "regions": [...]}
"""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from course.errors import InputError


class DataSet(NamedTuple):
    """One data set of the course: its file in the data folder and what it holds."""

    file: str
    about: str


DATASETS: dict[str, DataSet] = {
    "orders": DataSet("orders.csv.gz",
                      "order lines in the UCI Online Retail II layout, with dirt"),
    "customers": DataSet("customers.csv",
                         "customers with grading signals, birthdays and languages"),
    "inquiries": DataSet("inquiries.csv",
                         "English buyer inquiries labelled with red flags and grade"),
    "messages": DataSet("messages.csv", "buyer messages before, during and after the sale"),
    "markets": DataSet("markets.yaml", "the four regional markets, every fact with its source"),
    "new_shop_customers": DataSet(
        "new_shop_customers.csv",
        "the customer list of Lantern Goods, the new shop of workshops W02-W04"),
    "new_inquiries": DataSet("new_inquiries.csv",
                             "a weekend's batch of new inquiries to Lantern Goods"),
}

ORDER_COLUMNS = [
    "Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price",
    "Customer ID", "Country", "Platform", "Payment",
]

_cache: dict = {}


def data_dir() -> Path:
    """Return the folder the data sets are read from (``$CRM_COURSE_DATA`` or ``data/``)."""
    from course import paths

    return paths.data_dir()


def names() -> list[str]:
    """Return the names ``load`` accepts."""
    return list(DATASETS)


def path_of(name: str) -> Path:
    """Return the file that holds data set ``name``."""
    if not isinstance(name, str) or name.strip().lower() not in DATASETS:
        from course.crm._checks import suggest

        raise InputError(
            f"Unknown data set {name!r}.{suggest(str(name), DATASETS)} "
            f"Available: {', '.join(DATASETS)}."
        )
    return data_dir() / DATASETS[name.strip().lower()].file


def load(name: str):
    """Return data set ``name``: a pandas DataFrame, or for ``markets`` the parsed YAML mapping.

    ``orders``, ``customers``, ``inquiries`` and ``messages`` come back with proper dtypes
    (dates as datetimes, ``Customer ID`` as a nullable integer, inquiry ``red_flags`` as
    lists).
    ``markets`` is ``{"context": [...], "regions": [...]}``; ``course.crm.market_profile`` and
    ``course.crm.compare_markets`` turn it into tables. Each call returns a fresh copy.

    >>> load("inquiries")[["inquiry_id", "grade", "red_flags"]].head(2)  # doctest: +SKIP
      inquiry_id  grade red_flags
    0       h001      1    []
    1       h002      2    []
    """
    path = path_of(name)
    key = name.strip().lower()
    if not path.exists():
        raise InputError(
            f"The data set {key!r} is missing: {path.name} is not in the data folder "
            f"{path.parent.name!r}. Run `crm-course data generate --out DIR` and set "
            "CRM_COURSE_DATA=DIR, or restore the data/ folder of the course."
        )
    stamp = (str(path), path.stat().st_mtime_ns)
    if _cache.get(key, (None,))[0] != stamp:
        _cache[key] = (stamp, _read(key, path))
    value = _cache[key][1]
    if key == "markets":
        import copy

        return copy.deepcopy(value)
    return value.copy(deep=True)


def _read(key: str, path: Path):
    if key == "markets":
        import yaml

        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    import pandas as pd

    if key == "orders":
        df = pd.read_csv(
            path,
            dtype={"Invoice": "str", "StockCode": "str", "Description": "str",
                   "Quantity": "int64", "Price": "float64", "Customer ID": "Int64",
                   "Country": "str", "Platform": "str", "Payment": "str"},
            parse_dates=["InvoiceDate"],
        )
        return df[ORDER_COLUMNS]
    if key == "customers":
        df = pd.read_csv(path, parse_dates=["first_contact", "birthday"])
        df["repurchase_intent"] = df["repurchase_intent"].astype("Int64")
        return df
    if key == "inquiries":
        df = pd.read_csv(path, parse_dates=["received"], keep_default_na=False,
                         na_values={"customer_id": [""]})
        df["customer_id"] = df["customer_id"].astype("Int64")
        df["red_flags"] = [[f for f in s.split(";") if f] for s in df["red_flags"]]
        return df
    if key == "messages":
        df = pd.read_csv(
            path, parse_dates=["received", "order_date", "ship_date"],
            dtype={"order_id": "str", "tracking_number": "str"},
        )
        df["affects_use"] = df["affects_use"].astype("boolean")
        return df
    if key == "new_shop_customers":
        return pd.read_csv(path, parse_dates=["last_contact", "birthday"],
                           keep_default_na=False, na_values={"spent": [""]})
    if key == "new_inquiries":
        df = pd.read_csv(path, parse_dates=["received"], keep_default_na=False)
        df["red_flags"] = [[f for f in s.split(";") if f] for s in df["red_flags"]]
        return df
    raise AssertionError(key)  # pragma: no cover - DATASETS and _read list the same names


def sizes() -> list[tuple[str, str, int | None, int | None]]:
    """Return (name, file, rows or None, bytes or None) for every data set."""
    out = []
    for key, (fname, _) in DATASETS.items():
        p = data_dir() / fname
        if not p.exists():
            out.append((key, fname, None, None))
            continue
        data = load(key)
        rows = len(data["regions"]) if key == "markets" else len(data)
        out.append((key, fname, rows, p.stat().st_size))
    return out
