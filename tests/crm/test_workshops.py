"""The workshop views of the course data (course/crm/workshops.py): the figures the workshops
state, checked against the longer pandas they replace, and clear messages for bad input."""
import pytest

from course import crm
from course.errors import InputError


@pytest.fixture(scope="module")
def data():
    return crm.load("customers"), crm.load("orders"), crm.load("messages")


def test_promotion_reach_counts_what_promotion_list_gives(data):
    customers, orders, _ = data
    reach = crm.promotion_reach(customers, orders, "coffee mug", "2026-10-01",
                                windows=(90, 180))
    assert list(reach.columns) == ["customers", "more than 90 days"]
    sizes = [len(crm.promotion_list(customers, orders, "coffee mug", "2026-10-01",
                                    grades=1, within_days=days)) for days in (90, 180)]
    for row, days, size in zip(reach.itertuples(), (90, 180), sizes, strict=True):
        assert row[0] == f"{days} days"
        assert row[1] == size
        assert row[2] == size - sizes[0]
    # W10 states these (question w10-how-many): 57 grade 1 mug buyers in 90 days, 34 more in 180
    assert list(reach["customers"]) == [57, 91]
    assert list(reach["more than 90 days"]) == [0, 34]


def test_promotion_reach_grades_as_promotion_list(data):
    customers, orders, _ = data
    both = crm.promotion_reach(customers, orders, "coffee mug", "2026-10-01", grades=(1, 2))
    for days, count in zip((90, 180, 365), both["customers"], strict=True):
        assert count == len(crm.promotion_list(customers, orders, "coffee mug", "2026-10-01",
                                               grades=(1, 2), within_days=days))
    # grade 3 alone: nobody of grade 3 has bought (only grade 1 customers closed a deal)
    none = crm.promotion_reach(customers, orders, "coffee mug", "2026-10-01", grades=3)
    assert list(none["customers"]) == [0, 0, 0]


def test_loyalty_of_keeps_the_order_given_and_drops_quantity(data):
    customers, orders, _ = data
    table = crm.loyalty_of(customers, orders, [12970, 12502], as_of="2026-10-01")
    assert list(table.index) == ["Kanya Thongchai", "Siti Ng"]
    assert "quantity" not in table.columns
    full = crm.loyalty(customers, orders, as_of="2026-10-01").set_index("customer_id")
    assert table.loc["Kanya Thongchai", "recency_days"] == full.loc[12970, "recency_days"]


def test_customer_card_lists_the_most_bought_products(data):
    customers, orders, _ = data
    card = crm.customer_card(customers, orders, 12970)
    column = card["Kanya Thongchai"]
    assert column["birthday"] == "1983-07-07"
    sales = orders[(orders["Customer ID"] == 12970) & ~orders["Invoice"].str.startswith("C")]
    top, lines = next(iter(sales["Description"].value_counts().items()))
    assert column["favourite product 1"] == f"{top} ({lines} order lines)"


def test_quiet_regulars_have_many_orders_and_none_since(data):
    customers, orders, _ = data
    quiet = crm.quiet_regulars(customers, orders, min_orders=8, before="2026-01-01")
    assert "Omar Haddad" in set(quiet["name"])  # W01's win-back letter goes to him
    assert (quiet["orders"] >= 8).all() and (quiet["last_order"] < "2026-01-01").all()


def test_inbox_print_and_decisions(data, capsys):
    _, _, messages = data
    morning = crm.inbox(messages, "2026-04-15 06:00", "2026-04-15 10:30")
    assert morning["received"].is_monotonic_increasing
    assert ((morning["received"] >= "2026-04-15 06:00")
            & (morning["received"] < "2026-04-15 10:30")).all()
    crm.print_messages(morning)
    assert capsys.readouterr().out.count("--- ") == len(morning)
    decisions = crm.complaint_decisions(morning)
    after = morning[morning["stage"] == "after-sale"]
    assert len(decisions) == len(after)
    assert list(decisions["decision"]) == [crm.resolve_complaint(m).decision
                                           for _, m in after.iterrows()]


@pytest.mark.parametrize("call, says", [
    (lambda c, o, m: crm.promotion_reach(c, o, "coffee mug", "2026-10-01", windows=(0,)),
     "windows must be whole numbers"),
    (lambda c, o, m: crm.promotion_reach(c, o, "coffee mug", "2026-10-01", windows=(180, 90)),
     "shortest first"),
    (lambda c, o, m: crm.promotion_reach(c, o, "coffee mug", "2026-10-01", grades=5),
     "grades must be grades from 1 to 4"),
    (lambda c, o, m: crm.loyalty_of(c, o, [1], as_of="2026-10-01"), "no customer has the number 1"),
    (lambda c, o, m: crm.customer_card(c, o, "Kanya"), "customer_ids must be customer numbers"),
    (lambda c, o, m: crm.quiet_regulars(c, o, min_orders=0), "min_orders must be"),
    (lambda c, o, m: crm.inbox(m, "2026-04-15 10:30", "2026-04-15 06:00"), "end must come after"),
])
def test_bad_input_is_a_clear_message(data, call, says):
    with pytest.raises(InputError, match=says):
        call(*data)
