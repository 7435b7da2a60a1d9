"""Tests for draft_reply, reply_facts and review_reply."""
import dataclasses
import re

import pytest

from course.crm import SITUATIONS, draft_reply, reply_facts, review_reply
from course.crm.replies import FACT_INFO, REQUIRED
from course.errors import InputError


def example_facts(situation):
    return {f: FACT_INFO[f][2] for f in REQUIRED[situation]}


@pytest.mark.parametrize("situation", SITUATIONS)
def test_every_draft_is_complete_and_passes_the_review(situation):
    facts = example_facts(situation)
    text = draft_reply(situation, **facts)
    assert text.startswith(f"Dear {facts['buyer_name']},")
    assert not re.search(r"[{}]", text)
    for f in ("order_id", "tracking_number", "carrier", "product", "new_address"):
        if f in facts:
            assert str(facts[f]) in " ".join(text.split())
    review = review_reply(text, situation)
    assert review.score == 100 and review.passed, review


def test_facts_are_formatted():
    text = draft_reply("logistics_delay", buyer_name="Jessica", order_id="8012",
                       product="wool scarf", ship_date="2026-04-10", carrier="China Post",
                       tracking_number="LX123456789CN")
    assert "10 April 2026" in text
    text = draft_reply("quality_refund", buyer_name="Ryan", order_id="8", product="cable",
                       problem="the dead cable", refund_amount=8, currency="EUR")
    assert "€8.00" in text
    text = draft_reply("combined_shipping", buyer_name="Sarah",
                       items=["3 pairs of earrings", "a necklace"], shipping_fee=4.5)
    assert "3 pairs of earrings and a necklace" in text and "$4.50" in text
    text = draft_reply("unpaid_order", buyer_name="Anna", order_id="81", product="kit",
                       offer="the 10% discount ends on Friday.", seller_name="Lily")
    assert "the 10% discount ends on Friday." in text and text.endswith("Lily")


def test_missing_and_unknown_facts_are_named():
    with pytest.raises(InputError, match="missing the fact.*carrier, tracking_number"):
        draft_reply("logistics_delay", buyer_name="J", order_id="1", product="p",
                    ship_date="2026-04-10")
    with pytest.raises(InputError, match="unknown fact.*tracking_no.*Did you mean "
                                         "'tracking_number'"):
        draft_reply("logistics_delay", buyer_name="J", order_id="1", product="p",
                    ship_date="2026-04-10", carrier="DHL", tracking_no="1")
    with pytest.raises(InputError, match="missing the fact.*buyer_name"):
        draft_reply("return", buyer_name="  ", order_id="1", product="p", problem="x")
    with pytest.raises(InputError, match="refund_amount must be an amount"):
        draft_reply("quality_refund", buyer_name="R", order_id="8", product="c", problem="x",
                    refund_amount="lots")


def test_unknown_situation_lists_the_valid_ones():
    with pytest.raises(InputError) as err:
        draft_reply("refund", buyer_name="x")
    msg = str(err.value)
    assert "'refund'" in msg
    for s in SITUATIONS:
        assert s in msg
    with pytest.raises(InputError, match="Did you mean 'logistics_delay'"):
        review_reply("Dear A", "logistic_delay")
    with pytest.raises(InputError, match="situation"):
        reply_facts("shipping")


def test_reply_facts_table():
    t = reply_facts("logistics_delay")
    assert t.loc[t["required"], "fact"].tolist() == list(REQUIRED["logistics_delay"])
    assert {"description", "description_zh", "example"} <= set(t.columns)


def test_review_finds_what_is_missing_and_cold_phrases():
    text = ("Hello Jessica,\nYour parcel was shipped by DHL. It is not our fault that it is "
            "late, you should have chosen express.\nRegards")
    r = review_reply(text, "logistics_delay")
    by = {c.name: c for c in r.criteria}
    assert by["greeting"].passed and by["closing"].passed
    assert not by["thanks"].passed and not by["apology"].passed
    assert not by["facts"].passed
    assert "ship date" in by["facts"].advice["en"] and "运单号" in by["facts"].advice["zh"]
    assert r.flagged == ("not our fault", "you should have")
    assert not by["tone"].passed and r.score < 50
    assert all(a["en"] and a["zh"] for a in r.advice)


def test_apology_only_where_due():
    text = ("Dear Tom,\nThank you! We have updated the address of order 80123456 to 5 Rose "
            "Street. It ships within 2 days.\nBest regards,\nLily")
    r = review_reply(text, "address_change")
    apology = [c for c in r.criteria if c.name == "apology"][0]
    assert not apology.applicable and r.score == 100
    r2 = review_reply(text, "out_of_stock")
    assert [c for c in r2.criteria if c.name == "apology"][0].applicable and r2.score < 100


def test_review_display_is_escaped():
    r = review_reply("<script>alert(1)</script> not our problem", "return")
    html = r._repr_html_()
    assert "not our problem" in html and "<script>" not in html
    crit = r.criteria[0]
    forged = dataclasses.replace(r, criteria=(dataclasses.replace(
        crit, evidence="<script>x</script>"),), advice=({"en": "a<b", "zh": "c&d"},))
    html = forged._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "a&lt;b" in html and "c&amp;d" in html
    assert "Reply review (return)" in repr(r)
    assert list(r.to_frame().columns)[:3] == ["criterion", "applicable", "passed"]


def test_review_bad_input():
    with pytest.raises(InputError, match="empty"):
        review_reply("  ", "return")
    with pytest.raises(InputError, match="string"):
        review_reply(None, "return")
