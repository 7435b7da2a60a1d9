"""promotion_list: old customers by grade and last purchase of a product (lesson 10)."""
import pandas as pd
import pytest

from course import crm
from course.crm.data import load
from course.errors import InputError


def _frames():
    customers = pd.DataFrame({
        "customer_id": [1, 2, 3, 4], "name": ["Ana", "Ben", "Cai", "Dee"],
        "country": ["Spain", "Canada", "Malaysia", "Qatar"],
        "region": ["europe", "north_america", "southeast_asia", "middle_east"],
        "language": ["Spanish", "English", "Malay", "Arabic"],
        "deal_status": ["closed", "closed", "open", "closed"],
        "clear_intent": [True, True, True, False], "obvious_interest": [False, True, True, False]})
    orders = pd.DataFrame({
        "Invoice": ["100", "101", "C101", "102", "103", "104", "105"],
        "Description": ["YOGA MAT 6MM GREEN", "YOGA MAT 6MM BLUE", "YOGA MAT 6MM BLUE",
                        "YOGA MAT 6MM GREEN", "SILK SCARF RED", "YOGA MAT 6MM GREEN",
                        "YOGA MAT 6MM GREEN"],
        "Quantity": [2, 1, -1, 5, 3, 4, 1],
        "InvoiceDate": pd.to_datetime(["2026-09-01", "2026-09-20", "2026-09-21", "2026-09-10",
                                       "2026-09-25", "2025-01-01", "2026-10-02"]),
        "Customer ID": pd.array([1, 2, 2, 3, 4, 4, 4], dtype="Int64")})
    return customers, orders


def test_grade_product_window_and_credit_notes_decide_who_is_listed():
    customers, orders = _frames()
    table = crm.promotion_list(customers, orders, "yoga mat", "2026-10-01")
    # Cai is grade 2 (not asked for); Dee's mat is older than a year and her scarf is another
    # product; the order after as_of does not count; Ben's credit note is not a purchase
    assert table["name"].tolist() == ["Ben", "Ana"]
    assert table["days_since"].tolist() == [11, 30] and table["pieces"].tolist() == [1, 2]
    both = crm.promotion_list(customers, orders, "YOGA", "2026-10-01", grades=(1, 2))
    assert set(both["name"]) == {"Ana", "Ben", "Cai"}
    recent = crm.promotion_list(customers, orders, "yoga mat", "2026-10-01", within_days=15)
    assert recent["name"].tolist() == ["Ben"]


def test_on_the_course_data_every_listed_customer_fits_the_rule():
    table = crm.promotion_list(load("customers"), load("orders"), "yoga mat", "2026-10-01",
                               within_days=90)
    assert 0 < len(table) < len(load("customers"))
    assert (table["grade"] == 1).all() and table["days_since"].between(1, 90).all()
    assert table["customer_id"].is_unique


@pytest.mark.parametrize("kwargs, says", [
    ({"product": ""}, "product must be words"),
    ({"within_days": 0}, "within_days must be a whole number"),
    ({"grades": (5,)}, "grades must be grades from 1 to 4"),
    ({"as_of": "soon"}, "as_of must be a date"),
])
def test_bad_arguments_say_what_is_expected(kwargs, says):
    customers, orders = _frames()
    args = {"product": "yoga mat", "as_of": "2026-10-01", **kwargs}
    with pytest.raises(InputError, match=says):
        crm.promotion_list(customers, orders, args.pop("product"), args.pop("as_of"), **args)


def _markdown(slug):
    import nbformat

    from course.paths import notebooks_dir

    nb = nbformat.read(notebooks_dir() / f"{slug}.ipynb", as_version=4)
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def test_the_figures_lesson_10_and_its_workshop_state_are_the_data_s():
    customers, orders = load("customers"), load("orders")
    mats = crm.promotion_list(customers, orders, "yoga mat", "2026-10-01", within_days=90)
    assert f"Only {len(mats)} of the shop's {len(customers):,} customers" in _markdown(
        "10-promotion")
    mugs = crm.promotion_list(customers, orders, "coffee mug", "2026-10-01", within_days=90)
    longer = crm.promotion_list(customers, orders, "coffee mug", "2026-10-01", within_days=180)
    both = crm.promotion_list(customers, orders, "coffee mug", "2026-10-01", within_days=90,
                              grades=(1, 2))
    assert (len(mugs), len(longer), len(both)) == (57, 91, 57)  # the workshop's items say so
    text = _markdown("w10-promotion-workshop")
    us = mugs[mugs["country"] == "United States"]
    assert len(us) == 9 and f"Nine of the {len(mugs)} buyers on the 90-day list live in the " \
        "United States" in " ".join(text.split())
    assert f"Two of the {len(mugs)} buyers on today's 90-day list" in " ".join(text.split())
    sophie = mugs.set_index("name").loc["Sophie Hall"]
    assert (sophie["pieces"], sophie["last_bought"].month) == (8, 9)
    assert "8 mugs in September" in text
    assert {"Nicole Davis", "Harry Hall", "Ethan Anderson"} <= set(mugs["name"])
