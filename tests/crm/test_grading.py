"""Tests for grade_customers and reply_queue."""
import numpy as np
import pandas as pd
import pytest

from course.crm import grade_customers, load, reply_queue
from course.errors import InputError


def frame(**cols):
    return pd.DataFrame(cols)


def test_each_rule_of_syllabus_l4():
    df = frame(deal_status=["closed", "near_certain", "open", "open", "open", "none", "none"],
               clear_intent=[False, True, True, True, False, False, True],
               obvious_interest=[False, False, True, False, True, True, False])
    out = grade_customers(df)
    assert out["grade"].tolist() == [1, 1, 2, 3, 4, 4, 3]
    assert out["rule"].tolist() == [
        "closed a deal", "near-certain prospect", "clear intent and obvious interest",
        "clear intent", "no clear intent", "no clear intent", "clear intent"]
    assert out["rule_zh"].iloc[1] == "准客户"
    assert "24 hours" in out["handling"].iloc[3]
    assert list(out.columns[:3]) == ["deal_status", "clear_intent", "obvious_interest"]
    assert "grade" not in df.columns  # the input is not changed


def test_grades_the_course_customers():
    out = grade_customers(load("customers"))
    assert set(out["grade"]) == {1, 2, 3, 4}
    closed = out["deal_status"] == "closed"
    assert (out.loc[closed, "grade"] == 1).all()


def test_grading_bad_input_names_the_column_and_value():
    with pytest.raises(InputError, match="'clear_intent'.*Did you mean 'clear_intnet'"):
        grade_customers(frame(deal_status=["open"], clear_intnet=[True],
                              obvious_interest=[True]))
    with pytest.raises(InputError, match="'deal_status'.*'won'.*closed, near_certain"):
        grade_customers(frame(deal_status=["won"], clear_intent=[True], obvious_interest=[True]))
    with pytest.raises(InputError, match="'obvious_interest' must hold True/False.*'yes'"):
        grade_customers(frame(deal_status=["open"], clear_intent=[True],
                              obvious_interest=["yes"]))
    with pytest.raises(InputError, match="empty"):
        grade_customers(frame(deal_status=[], clear_intent=[], obvious_interest=[]))
    with pytest.raises(InputError, match="DataFrame"):
        grade_customers([{"deal_status": "open"}])


def q(rows):
    return pd.DataFrame(rows, columns=["id", "grade", "old_customer", "received"]).assign(
        received=lambda d: pd.to_datetime(d["received"]))


def test_queue_order_and_due_times():
    inq = q([
        ("g4", 4, False, "2026-04-14 08:00"),
        ("g3-late", 3, False, "2026-04-15 13:00"),
        ("g3-early", 3, False, "2026-04-14 09:00"),
        ("g2", 2, False, "2026-04-16 07:00"),
        ("g1", 1, False, "2026-04-16 08:00"),
        ("old4", 4, True, "2026-04-16 10:00"),
    ])
    out = reply_queue(inq, "2026-04-16 12:00")
    assert out["id"].tolist() == ["old4", "g1", "g2", "g3-early", "g3-late", "g4"]
    assert out["rank"].tolist() == [1, 2, 3, 4, 5, 6]
    row = out.set_index("id")
    assert row.loc["old4", "due"] == pd.Timestamp("2026-04-16 23:59:59")
    assert row.loc["old4", "answer_due"] == pd.Timestamp("2026-04-19 10:00")
    assert row.loc["g3-early", "due"] == pd.Timestamp("2026-04-15 09:00")
    assert row.loc["g3-early", "overdue"] and not row.loc["g3-late", "overdue"]
    assert pd.isna(row.loc["g4", "due"]) and not row.loc["g4", "overdue"]
    assert row.loc["g1", "tier"] == "grade 1" and row.loc["g2", "tier"] == "grade 2" and row.loc["g4", "tier"] == "grade 4"
    assert pd.isna(row.loc["g1", "answer_due"])
    assert "Holding reply" in row.loc["old4", "action"]


def test_grade3_limit_is_a_parameter():
    inq = q([("a", 3, False, "2026-04-16 08:00")])
    out = reply_queue(inq, "2026-04-16 12:00", grade3_hours=2)
    assert out["overdue"].iloc[0]
    assert not reply_queue(inq, "2026-04-16 12:00")["overdue"].iloc[0]


def test_queue_matches_a_plain_loop_on_the_course_inquiries():
    inq = load("inquiries")
    now = pd.Timestamp("2026-04-16 09:00")
    out = reply_queue(inq, now)
    assert sorted(out["inquiry_id"]) == sorted(inq["inquiry_id"])
    keys = []
    for _, r in inq.iterrows():
        t = 0 if r["old_customer"] else r["grade"]  # old customers, then one tier per grade
        if r["old_customer"]:
            due = r["received"].normalize() + pd.Timedelta(seconds=86399)
        elif r["grade"] <= 3:
            due = r["received"] + pd.Timedelta(hours=24)
        else:
            due = pd.NaT
        keys.append((t, due if due is not pd.NaT else pd.Timestamp.max, r["received"],
                     r["inquiry_id"], due))
    expected = sorted(keys, key=lambda k: k[:3])
    assert out["inquiry_id"].tolist() == [k[3] for k in expected]
    due = [k[4] for k in expected]
    assert out["overdue"].tolist() == [d is not pd.NaT and d < now for d in due]


def test_queue_bad_input():
    inq = q([("a", 3, False, "2026-04-16 08:00")])
    with pytest.raises(InputError, match="'received'"):
        reply_queue(inq.drop(columns="received"), "2026-04-16")
    with pytest.raises(InputError, match="'grade' must hold the grades 1, 2, 3 or 4.*5"):
        reply_queue(inq.assign(grade=5), "2026-04-16")
    with pytest.raises(InputError, match="now must be a date"):
        reply_queue(inq, "yesterday-ish")
    with pytest.raises(InputError, match="'received' must hold dates.*'soon'"):
        reply_queue(inq.assign(received=["soon"]), "2026-04-16")
    with pytest.raises(InputError, match="'old_customer' has 1 missing"):
        reply_queue(inq.assign(old_customer=[np.nan]), "2026-04-16")
