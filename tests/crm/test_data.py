"""Tests for course.crm.data: the committed data sets, their dirt, sizes and the loader."""
import pandas as pd
import pytest

from course.crm import data
from course.crm.data import load
from course.errors import InputError


def test_every_dataset_loads_with_its_dtypes():
    orders = load("orders")
    assert list(orders.columns) == data.ORDER_COLUMNS
    assert str(orders["Customer ID"].dtype) == "Int64"
    assert pd.api.types.is_datetime64_any_dtype(orders["InvoiceDate"])
    assert pd.api.types.is_integer_dtype(orders["Quantity"])
    customers = load("customers")
    assert customers["customer_id"].is_unique
    inquiries = load("inquiries")
    assert all(isinstance(f, list) for f in inquiries["red_flags"])
    messages = load("messages")
    assert str(messages["affects_use"].dtype) == "boolean"
    markets = load("markets")
    assert [r["name"] for r in markets["regions"]] == [
        "North America", "Europe", "Southeast Asia", "Middle East"]


def test_load_returns_a_fresh_copy():
    a = load("orders")
    a.loc[0, "Quantity"] = -999
    assert load("orders").loc[0, "Quantity"] != -999
    m = load("markets")
    m["regions"].clear()
    assert len(load("markets")["regions"]) == 4


def test_orders_carry_the_dirt_lessons_teach():
    orders = load("orders")
    credit = orders["Invoice"].str.startswith("C")
    assert credit.sum() > 100
    assert (orders.loc[credit, "Quantity"] < 0).all()
    # every credit note refers to a product the same customer bought earlier
    bought = orders[~credit].groupby(["Customer ID", "StockCode"])["InvoiceDate"].min()
    for _, row in orders[credit].head(50).iterrows():
        assert bought[(row["Customer ID"], row["StockCode"])] <= row["InvoiceDate"]
    # returns: credit notes days after the original sale; cancellations the same day
    first_sale = orders[~credit].groupby(["Customer ID", "StockCode"])["InvoiceDate"].min()
    lag = (orders[credit].set_index(["Customer ID", "StockCode"])["InvoiceDate"]
           - first_sale.reindex(orders[credit].set_index(["Customer ID", "StockCode"]).index))
    assert (lag >= pd.Timedelta(days=5)).any() and (lag < pd.Timedelta(days=1)).any()
    assert orders["Customer ID"].isna().sum() > 100
    adjust = (~credit) & (orders["Quantity"] < 0)
    assert adjust.any() and (orders.loc[adjust, "Price"] == 0).all()
    assert orders.loc[adjust, "Customer ID"].isna().all()
    assert set(orders["Platform"]) == {"AliExpress", "eBay", "Amazon", "Shopee", "own site"}


def test_texts_meet_the_counts_and_label_sets():
    inq = load("inquiries")
    assert len(inq) >= 200
    assert (inq["source"].str.startswith("hand-written")).sum() >= 80
    assert inq["grade"].isin([1, 2, 3, 4]).all()
    assert inq["reason"].str.len().min() > 10
    from course.crm.screening import FLAGS
    assert {f for fl in inq["red_flags"] for f in fl} == set(FLAGS)
    msg = load("messages")
    assert len(msg) >= 150 and (msg["source"] == "hand-written").sum() >= 60
    from course.crm.replies import SITUATIONS
    assert set(msg["category"]) == set(SITUATIONS)
    after = msg[msg["stage"] == "after-sale"]
    assert after["tracking_number"].notna().all() and after["carrier"].notna().all()
    assert (after["ship_date"] >= after["order_date"]).all()
    assert not any("{" in t for t in list(inq["text"]) + list(msg["text"]))


def test_every_market_fact_has_a_source():
    regions = load("markets")["regions"]
    facts = []
    for r in regions:
        facts.append(r["role"])
        for key in ("customer_traits", "payment_methods", "peak_seasons", "festivals"):
            facts += r[key]
        for c in r["countries"]:
            facts += c["traits"]
    assert len(facts) > 30
    assert all(f.get("source") and f.get("text") for f in facts)


def test_committed_data_is_under_5_mb():
    total = sum(p.stat().st_size for p in data.data_dir().iterdir() if p.is_file())
    assert 0 < total < 5 * 1024 * 1024


def test_unknown_name_lists_the_available_ones():
    with pytest.raises(InputError) as err:
        load("order")
    msg = str(err.value)
    assert "'order'" in msg and "Did you mean 'orders'" in msg
    for name in data.names():
        assert name in msg


def test_environment_variable_points_elsewhere(monkeypatch, tmp_path):
    monkeypatch.setenv("CRM_COURSE_DATA", str(tmp_path))
    assert data.data_dir() == tmp_path
    with pytest.raises(InputError, match="missing"):
        load("customers")
