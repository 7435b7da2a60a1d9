"""Each sentence of a lesson that states a fact about the course data, checked against the data.

A test reads the sentence from the notebook (so an edit of the text is checked too) and the
figure from ``course.crm.data.load``.
"""
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from course import crm
from course.crm.data import load

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


def markdown(slug: str) -> str:
    nb = nbformat.read(NOTEBOOKS / f"{slug}.ipynb", as_version=4)
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def code(slug: str) -> str:
    nb = nbformat.read(NOTEBOOKS / f"{slug}.ipynb", as_version=4)
    return "\n".join(c.source for c in nb.cells if c.cell_type == "code")


def test_lesson_02_counts_the_customers_of_the_data():
    said = re.search(r"A shop with ([\d,]+) customers", markdown("02-idic"))
    assert said, "lesson 02 says how many customers the shop has"
    assert int(said.group(1).replace(",", "")) == len(load("customers"))


def test_lesson_04_grade_shares_are_as_described():
    text = markdown("04-customer-grading")
    assert "About a third of this shop's customers are Grade 1" in text
    assert "Grade 4 is the largest group" in text
    share = crm.grade_customers(load("customers"))["grade"].value_counts(normalize=True)
    assert 0.28 <= share[1] <= 0.40
    assert share.idxmax() == 4


def test_every_old_customer_inquiry_is_grade_1():
    """The taught rule: a customer who has closed a deal with us is Grade 1."""
    inquiries = load("inquiries")
    customers = load("customers").set_index("customer_id")
    old = inquiries[inquiries["old_customer"]]
    assert len(old) >= 10 and (old["grade"] == 1).all()
    status = customers.loc[old["customer_id"].dropna().astype(int), "deal_status"]
    assert (status == "closed").all()


def test_buyer_names_fit_their_country_and_never_repeat():
    from course.crm.generate import NAMES

    customers = load("customers")
    assert not customers["name"].duplicated().any()
    for name, country in zip(customers["name"], customers["country"], strict=True):
        first_names, last_names = NAMES[country]
        assert any(name == f"{f} {la}" for f in first_names for la in last_names), (name, country)


def test_lesson_05_export_ends_on_30_september():
    assert "the order data covers\n1 October 2024 to 30 September 2026, credit notes included" in \
        markdown("05-follow-up-loyalty")
    dates = load("orders")["InvoiceDate"]
    assert dates.min() >= pd.Timestamp("2024-10-01")
    assert dates.max() < pd.Timestamp("2026-10-01")
    assert dates.max() >= pd.Timestamp("2026-09-30")
    assert 'as_of="2026-10-01"' in code("05-follow-up-loyalty")


def test_a_national_day_concerns_only_the_buyers_of_its_country():
    assert "a national day concerns only the buyers of its country" in \
        markdown("05-follow-up-loyalty")
    customers = load("customers")
    buyers = customers[customers["deal_status"] == "closed"]
    december = crm.festivals_in_month(buyers, 12).set_index("festival")
    assert not any("Saudi" in f for f in december.index), "23 September is not in December"
    uae = buyers[buyers["country"] == "United Arab Emirates"]
    middle_east = buyers[buyers["region"] == "middle_east"]
    assert december.loc["UAE National Day (2 December)", "customers"] == len(uae) < len(
        middle_east)
    september = crm.festivals_in_month(buyers, "September").set_index("festival")
    assert september.loc["Saudi National Day (23 September)", "customers"] == (
        buyers["country"] == "Saudi Arabia").sum()


def test_every_festival_month_is_named_in_its_text():
    import calendar

    for region in load("markets")["regions"]:
        for festival in region["festivals"]:
            for month in festival.get("months", []):
                name = calendar.month_name[month]
                lunar = "Islamic" in festival["text"] or "Lunar" in festival["text"]
                assert name in festival["text"] or lunar or "Easter" in festival["text"], \
                    festival["text"]


def test_the_fewer_than_5_chart_draws_fewer_than_5():
    assert "fewer than 5%" in markdown("08-complaints")
    assert "crm.plot_unhappy_customers(complain=4, total=100)" in code("08-complaints")
    fig = crm.plot_unhappy_customers(complain=4, total=100)
    orange, grey = fig.axes[0].collections[1], fig.axes[0].collections[0]
    assert len(orange.get_offsets()) == 4 < 5
    assert len(orange.get_offsets()) + len(grey.get_offsets()) == 100


def test_lesson_08_says_how_the_complaint_families_were_made():
    text = markdown("08-complaints")
    assert "Most complaints start with quality" not in text
    assert "The course wrote the same number of each" in " ".join(text.split())
    composed = load("messages").query("source == 'composed'")
    counts = composed["category"].value_counts()
    assert counts.max() - counts.min() <= 1


def test_lesson_07_partial_compensation_appears_at_low_and_high_values():
    assert "A **partial compensation** appears at low and high values alike" in \
        markdown("07-buyer-messages")
    messages = load("messages")
    quality = messages[messages["problem"] == "quality"].copy()
    quality["decision"] = [crm.resolve_complaint(r).decision for _, r in quality.iterrows()]
    value = quality.groupby("decision")["order_value"].agg(["min", "max"])
    partial = value.loc["partial_compensation"]
    assert partial["min"] <= value.loc["full_refund", "max"]
    assert partial["max"] >= value.loc["repair_and_partial_refund", "min"]


def test_the_2017_export_figure_cites_its_report():
    context = load("markets")["context"]
    fact = next(c for c in context if "6.3 trillion yuan in 2017" in c["text"])
    assert "syllabus" not in fact["source"].lower()
    assert "China E-Commerce Research Center" in fact["source"]
    assert "2017 China Export Cross-border E-commerce Development Report" in fact["source"]


@pytest.mark.parametrize("slug", ["02-idic", "05-follow-up-loyalty", "06-markets"])
def test_lessons_do_not_call_a_region_by_its_data_key(slug):
    assert not re.search(r'"(north_america|southeast_asia|middle_east)"', code(slug))


def test_lesson_08_case_burning_blender_is_photos_then_refund_not_a_local_repair():
    """A motor that smells of burning (safety) and a glass jug delivered as plastic (the seller's
    mistake): the lesson's own rule is photos, then a refund; never a local repair (issue 23)."""
    case = next(c for c in markdown("08-complaints").split("\n## ") if c.startswith("Case"))
    text = " ".join(case.split())
    assert "smelled of burning" in text and "plastic" in text
    assert "repaired locally" not in text and "当地维修" not in case
    assert "ask for photos, then give a full refund" in text
    decision = crm.resolve_complaint({"problem": "return"})
    assert decision.decision == "photos_then_refund"


def test_lesson_08_picture_and_text_agree_on_the_share_who_complain():
    text = " ".join(markdown("08-complaints").split())
    assert "**More than 95%** say nothing" in text and "The other **95%**" not in text
    fig = crm.plot_unhappy_customers(complain=4, total=100)
    orange, grey = fig.axes[0].collections[1], fig.axes[0].collections[0]
    assert len(orange.get_offsets()) < 5 and len(grey.get_offsets()) > 95


def test_lesson_08_five_steps_are_not_the_five_dialogue_moves():
    text = " ".join(markdown("08-complaints").split())
    assert "With the toolkit you work in five steps" not in text
    assert "(the picture recalls it)" in text and "Steps 1 to 5 below write the agent" in text
    assert "the dialogue moves of lesson 01" in code("08-complaints")


def test_lesson_07_main_part_states_the_small_amount_that_08_uses():
    """08's main part calls 120 and 230 USD "not a small amount": 07's main part (not only its
    optional part) says where small ends, and it is the toolkit's own limit."""
    main = markdown("07-buyer-messages").split("## Going further")[0]
    assert "(in this course's shop: **30 USD** or less)" in " ".join(main.split())
    from course.crm.complaints import DEFAULT_SMALL_AMOUNT
    assert DEFAULT_SMALL_AMOUNT == 30
    assert "not a small amount" in markdown("08-complaints").split("## Going further")[0]


def test_lesson_07_late_parcel_cell_shows_the_table_the_next_task_points_to():
    nb = nbformat.read(NOTEBOOKS / "07-buyer-messages.ipynb", as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "code" and 'by_id.loc["m055"]' in c.source)
    last = cell.source.strip().splitlines()[-1]
    assert "carrier" in last and "tracking_number" in last, "the table is the cell's last line"
    shown = [o for o in cell.outputs if o.get("output_type") == "execute_result"]
    assert shown and "tracking_number" in shown[0]["data"]["text/plain"]
    assert "carrier and tracking number are in the table there" in markdown("07-buyer-messages")


def test_lesson_06_shows_the_2017_fact_as_text_not_a_raw_dict():
    nb = nbformat.read(NOTEBOOKS / "06-markets.ipynb", as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "code" and 'markets["context"]' in c.source)
    printed = "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream")
    assert printed.startswith("China's export cross-border e-commerce reached 6.3 trillion yuan")
    assert "Source: China E-Commerce Research Center" in printed
    assert not any(o.get("output_type") == "execute_result" for o in cell.outputs)
    assert "`market_profile` lists every fact of a region with its source. Here we keep only" \
        not in markdown("06-markets")
