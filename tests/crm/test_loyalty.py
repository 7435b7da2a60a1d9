"""Tests for rfm (against a plain groupby-apply and by hand) and loyalty."""
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from course.crm import load, loyalty, rfm
from course.crm.retention import SEGMENT_GRID, SEGMENTS, rfm_reference
from course.errors import InputError


def orders_frame(rows):
    df = pd.DataFrame(rows, columns=["Invoice", "Quantity", "InvoiceDate", "Price",
                                     "Customer ID"])
    df["InvoiceDate"] = pd.to_datetime(df["InvoiceDate"])
    df["Customer ID"] = df["Customer ID"].astype("Int64")
    return df


def test_rfm_by_hand():
    df = orders_frame([
        ("100", 2, "2026-01-01", 5.0, 1),
        ("100", 1, "2026-01-01", 10.0, 1),     # same invoice: frequency counts it once
        ("101", 1, "2026-03-01", 4.0, 1),
        ("C102", -1, "2026-03-20", 4.0, 1),    # a cancellation: not the last purchase
        ("103", 3, "2026-02-01", 1.0, 2),
        ("104", 5, "2026-03-25", 2.0, None),   # no customer: dropped
    ])
    out = rfm(df, as_of="2026-04-01").set_index("Customer ID")
    assert out.loc[1, "recency_days"] == 31
    assert out.loc[1, "frequency"] == 2
    assert out.loc[1, "monetary"] == pytest.approx(20 + 4 - 4)
    assert out.loc[2, "recency_days"] == 59 and out.loc[2, "frequency"] == 1
    assert out.loc[2, "monetary"] == 3
    assert len(out) == 2
    assert list(rfm(df, "2026-04-01").columns) == [
        "Customer ID", "recency_days", "frequency", "monetary", "R", "F", "M", "segment"]


def test_ties_share_a_score_and_scores_cover_1_to_5():
    df = orders_frame([(str(200 + i), 1, "2026-01-01", 1.0, i) for i in range(10)])
    out = rfm(df, "2026-02-01")
    assert out["F"].nunique() == 1 and out["R"].nunique() == 1 and out["M"].nunique() == 1
    table = rfm(load("orders"))
    for col in "RFM":
        assert set(table[col]) == {1, 2, 3, 4, 5}
    assert set(table["segment"].astype(str)) <= set(SEGMENTS)


def test_segment_grid_is_complete():
    names = {name for row in SEGMENT_GRID for name in row}
    assert names == set(SEGMENTS)


def test_customer_with_only_cancellations():
    df = orders_frame([("C300", -2, "2026-01-05", 3.0, 7), ("301", 1, "2026-01-09", 3.0, 8)])
    out = rfm(df, "2026-02-01").set_index("Customer ID")
    assert pd.isna(out.loc[7, "recency_days"]) and out.loc[7, "frequency"] == 0
    assert out.loc[7, "R"] == 1 and out.loc[7, "monetary"] == -6


def test_rfm_matches_groupby_apply_on_course_orders():
    orders = load("orders")
    fast = rfm(orders, "2026-12-01")
    slow = rfm_reference(orders, "2026-12-01")
    assert fast["Customer ID"].tolist() == slow["Customer ID"].tolist()
    for col in ("recency_days", "frequency", "monetary", "R", "F", "M"):
        np.testing.assert_allclose(fast[col].astype(float).to_numpy(),
                                   slow[col].astype(float).to_numpy(), err_msg=col)
    assert fast["segment"].astype(str).tolist() == slow["segment"].tolist()


row = st.tuples(st.integers(0, 30), st.booleans(), st.integers(-3, 9),
                st.integers(0, 60), st.sampled_from([0.5, 1.0, 2.25, 10.0]),
                st.one_of(st.none(), st.integers(1, 8)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(row, min_size=1, max_size=40))
def test_rfm_equals_reference_on_random_orders(rows):
    data = [(("C" if c else "") + str(1000 + inv), q, pd.Timestamp("2026-01-01")
             + pd.Timedelta(days=d), p, cid) for inv, c, q, d, p, cid in rows]
    df = orders_frame(data)
    if df["Customer ID"].isna().all():
        with pytest.raises(InputError, match="no row has a 'Customer ID'"):
            rfm(df, "2026-06-01")
        return
    fast = rfm(df, "2026-06-01")
    slow = rfm_reference(df, "2026-06-01")
    for col in ("recency_days", "frequency", "monetary", "R", "F", "M"):
        np.testing.assert_allclose(fast[col].astype(float).to_numpy(),
                                   slow[col].astype(float).to_numpy(), err_msg=col)


def test_rfm_bad_input():
    orders = load("orders")
    with pytest.raises(InputError, match="'Customer ID'.*Did you mean 'CustomerID'"):
        rfm(orders.rename(columns={"Customer ID": "CustomerID"}))
    with pytest.raises(InputError, match="'Price' must hold numbers"):
        rfm(orders.assign(Price=orders["Price"].astype(str)))
    with pytest.raises(InputError, match="'InvoiceDate' must hold dates"):
        rfm(orders.assign(InvoiceDate=orders["InvoiceDate"].astype(str)))
    with pytest.raises(InputError, match="empty"):
        rfm(orders.iloc[:0])
    with pytest.raises(InputError, match="before the last invoice"):
        rfm(orders, as_of="2020-01-01")


def test_loyalty_three_dimensions():
    customers, orders = load("customers"), load("orders")
    out = loyalty(customers, orders)
    assert len(out) == len(customers)
    buyers = out["frequency"] > 0
    assert out.loc[buyers, "behaviour_score"].between(1, 5).all()
    assert out.loc[~buyers, "behaviour_score"].isna().all()
    assert out.loc[~buyers, "derived_score"].isna().all()
    word = customers["reviews"] + customers["referrals"]
    assert (out.loc[buyers & (word == 0), "derived_score"] == 1).all()
    assert (out.loc[buyers & (word > 0), "derived_score"] >= 2).all()
    one = out[buyers].iloc[0]
    mean = np.mean([one["intention_score"], one["behaviour_score"], one["derived_score"]])
    assert one["loyalty_score"] == pytest.approx(round(mean, 1))
    with pytest.raises(InputError, match="'referrals'"):
        loyalty(customers.drop(columns="referrals"), orders)


def test_loyalty_is_the_function_whatever_was_loaded_first():
    import subprocess
    import sys

    code = ("import course.crm as c; c.plot_segment_sizes; c.rfm; "
            "print(callable(c.loyalty), callable(c.rfm))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "True"]
