"""Tests for resolve_complaint: the five decisions of SYLLABUS L7 and bad cases."""
import pandas as pd
import pytest

from course.crm import load, resolve_complaint
from course.errors import InputError


@pytest.mark.parametrize("case, decision, situation", [
    ({"problem": "quality", "affects_use": False, "order_value": 500}, "partial_compensation",
     "quality_minor"),
    ({"problem": "quality", "affects_use": True, "order_value": 30}, "full_refund",
     "quality_refund"),
    ({"problem": "quality", "affects_use": True, "order_value": 30.01},
     "repair_and_partial_refund", "quality_repair"),
    ({"problem": "logistics", "affects_use": None, "order_value": None}, "tracking_update",
     "logistics_delay"),
    ({"problem": "Return", "affects_use": None, "order_value": 80}, "photos_then_refund",
     "return"),
])
def test_decisions(case, decision, situation):
    r = resolve_complaint(case)
    assert r.decision == decision and r["decision"] == decision
    assert r.situation == situation
    assert r.reason["en"] and r.reason["zh"]


def test_threshold_is_a_parameter():
    case = {"problem": "quality", "affects_use": True, "order_value": 45}
    assert resolve_complaint(case).decision == "repair_and_partial_refund"
    assert resolve_complaint(case, small_amount=50).decision == "full_refund"


def test_every_after_sale_message_gets_the_decision_its_category_names():
    msgs = load("messages")
    after = msgs[msgs["stage"] == "after-sale"]
    assert len(after) > 50
    for _, row in after.iterrows():
        assert resolve_complaint(row).situation == row["category"]


def test_bad_cases_are_clear():
    with pytest.raises(InputError, match="'order_value'.*Did you mean 'order_valu'"):
        resolve_complaint({"problem": "quality", "affects_use": True, "order_valu": 3})
    with pytest.raises(InputError, match="Unknown problem 'qualty'.*Did you mean 'quality'"):
        resolve_complaint({"problem": "qualty", "affects_use": True, "order_value": 3})
    with pytest.raises(InputError, match="'affects_use' must be True or False"):
        resolve_complaint({"problem": "quality", "affects_use": "maybe", "order_value": 3})
    with pytest.raises(InputError, match="'order_value' must be"):
        resolve_complaint({"problem": "quality", "affects_use": True, "order_value": "lots"})
    pre = load("messages").query("stage == 'pre-sale'").iloc[0]
    with pytest.raises(InputError, match="not an after-sale complaint"):
        resolve_complaint(pre)
    with pytest.raises(InputError, match="mapping"):
        resolve_complaint(42)
    with pytest.raises(InputError, match="small_amount"):
        resolve_complaint({"problem": "return"}, small_amount=-1)
    # a row of a DataFrame is a case too (lessons pass rows of load("messages"))
    assert resolve_complaint(pd.Series({"problem": "return"})).decision == "photos_then_refund"


def test_display():
    r = resolve_complaint({"problem": "logistics", "affects_use": None, "order_value": 9})
    assert "tracking_update" in repr(r) and "draft_reply('logistics_delay'" in repr(r)
    assert "<b>tracking_update</b>" in r._repr_html_()
    assert r.to_dict()["situation"] == "logistics_delay"


@pytest.mark.parametrize("words, decision", [
    ("the colour is different", "photos_then_refund"),
    ("Colour differs from the photo", "photos_then_refund"),
    ("late delivery", "tracking_update"),
    ("my parcel has not arrived yet", "tracking_update"),
    ("you sent the wrong size", "photos_then_refund"),
    ("a small scratch on the back", "partial_compensation"),
])
def test_natural_descriptions_say_which_category_they_chose(words, decision):
    r = resolve_complaint(words)
    assert r.decision == decision
    assert r.understood["en"].startswith("Read as") and r.understood["zh"].startswith("理解为")
    assert r.understood["en"] in repr(r)


def test_broken_items_need_the_order_value():
    r = resolve_complaint({"problem": "it arrived broken", "order_value": 12})
    assert r.decision == "full_refund" and "stops use" in r.understood["en"]
    r = resolve_complaint({"problem": "it arrived broken", "order_value": 90})
    assert r.decision == "repair_and_partial_refund"
    with pytest.raises(InputError, match="order_value"):
        resolve_complaint("arrived broken")
    # an explicit affects_use wins over the words
    r = resolve_complaint({"problem": "a small scratch", "affects_use": True, "order_value": 5})
    assert r.decision == "full_refund"
    with pytest.raises(InputError, match="describe it in words"):
        resolve_complaint("I am not happy")
    assert resolve_complaint({"problem": "quality", "affects_use": False,
                              "order_value": 5}).understood is None
