"""The workshop views of the course data (course/crm/customer_views.py, message_views.py and
plain_tables.py): the figures the workshops state, checked against the longer pandas they
replace, and clear messages for bad input."""
import pytest

import course
from course import crm
from course.errors import InputError


@pytest.fixture(scope="module")
def data():
    return crm.load("customers"), crm.load("orders"), crm.load("messages")


def test_promotion_reach_counts_what_promotion_list_gives(data):
    customers, orders, _ = data
    reach = crm.promotion_reach(customers, orders, "coffee mug", "2026-10-01",
                                windows=(90, 180))
    assert list(reach.columns) == ["customers", "more than the 90-day list"]
    sizes = [len(crm.promotion_list(customers, orders, "coffee mug", "2026-10-01",
                                    grades=1, within_days=days)) for days in (90, 180)]
    for row, days, size in zip(reach.itertuples(), (90, 180), sizes, strict=True):
        assert row[0] == f"{days} days"
        assert row[1] == size
        assert row[2] == size - sizes[0]
    # W10 states these (question w10-how-many): 57 grade 1 mug buyers in 90 days, 34 more in 180
    assert list(reach["customers"]) == [57, 91]
    assert list(reach["more than the 90-day list"]) == [0, 34]


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
    assert list(table.columns) == ["recency_days", "frequency", "reviews", "referrals",
                                   "intention_score", "behaviour_score", "derived_score"]
    full = crm.loyalty(customers, orders, as_of="2026-10-01").set_index("customer_id")
    assert table.loc["Kanya Thongchai", "recency_days"] == full.loc[12970, "recency_days"]


def test_customer_card_lists_the_most_bought_products(data):
    customers, orders, _ = data
    card = crm.customer_card(customers, orders, 12970)
    column = card["Kanya Thongchai"]
    assert column["birthday"] == "1983-07-07"
    sales = orders[(orders["Customer ID"] == 12970) & ~orders["Invoice"].str.startswith("C")]
    top, lines = next(iter(sales["Description"].value_counts().items()))
    assert column["favourite product 1"] == f"{top.lower()} ({lines} order lines)"
    assert column["favourite product 1"].startswith("men hoodie red")  # as the course writes it
    # her orders, counted as the toolkit counts them (invoices, credit notes left out): the
    # number W05's task and hints speak of
    assert column["orders"] == str(sales["Invoice"].nunique()) == "13"
    # her usual platform is the customers' column; her last order (9 March 2026) came through
    # another one, and the card says both so that neither contradicts the orders
    assert column["usually buys on"] == "Shopee"
    last = sales.loc[sales["InvoiceDate"].idxmax()]
    assert column["last order"] == f"2026-03-09 on {last['Platform']}" == "2026-03-09 on eBay"


def test_quiet_regulars_have_many_orders_and_none_since(data):
    customers, orders, _ = data
    quiet = crm.quiet_regulars(customers, orders, min_orders=8, before="2026-01-01")
    assert "Omar Haddad" in set(quiet["name"])  # W01's win-back letter goes to him
    assert (quiet["orders"] >= 8).all() and (quiet["last order"] < "2026-01-01").all()
    # plain headings and products as a sentence names them (issue 28, fifteenth reader)
    assert list(quiet.columns) == ["name", "country", "orders", "last order", "last bought"]
    assert not any(p.isupper() for p in quiet["last bought"])
    assert crm.plain_tables.product_words("DESK LAMP LED WHITE") == "desk lamp LED white"
    assert repr(quiet).splitlines()[1].split()[0] != "0"  # no row numbers from 0


def test_inbox_print_and_decisions(data, capsys):
    _, _, messages = data
    morning = crm.inbox(messages, "2026-04-15 06:00", "2026-04-15 10:30")
    assert morning["received"].is_monotonic_increasing
    assert ((morning["received"] >= "2026-04-15 06:00")
            & (morning["received"] < "2026-04-15 10:30")).all()
    crm.print_messages(morning)
    heads = [line for line in capsys.readouterr().out.splitlines() if line.startswith("--- ")]
    assert len(heads) == len(morning)
    # a pre-sale buyer has no order: the card shows no value as an order (its order_value is
    # the value under discussion); a buyer with an order sees its value
    for head, (_, m) in zip(heads, morning.iterrows(), strict=True):
        if m["stage"] == "pre-sale":
            assert head.endswith(" · no order yet") and "USD" not in head, head
        else:
            assert head.endswith(f" · order {m['order_value']:g} USD"), head
    assert {"pre-sale", "in-sale", "after-sale"} <= set(morning["stage"])
    decisions = crm.complaint_decisions(morning)
    after = morning[morning["stage"] == "after-sale"]
    assert len(decisions) == len(after)
    assert list(decisions["what to do"]) == [
        crm.complaints.LABELS[crm.resolve_complaint(m).decision][0]
        for _, m in after.iterrows()]
    assert list(decisions["buyer"]) == list(after["buyer_name"])
    assert not {"buyer_name", "order_value", "decision"} & set(decisions.columns)  # no code names
    assert repr(decisions).splitlines()[1].split()[0] != "0"  # no row numbers from 0


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


def test_buyers_by_value_are_the_buyers_most_spent_first():
    shop = crm.load("new_shop_customers")
    buyers = crm.buyers_by_value(shop)
    assert len(buyers) == int((shop["orders"] > 0).sum())
    assert buyers["spent (USD)"].is_monotonic_decreasing  # the unit shown in the header
    assert "spent" not in buyers.columns
    assert list(buyers.index) == list(range(1, len(buyers) + 1))
    # W02 names the top buyer and asks about Hannah Thomas's platform and channel
    assert buyers.iloc[0]["name"] == "Chloé Michel"
    hannah = buyers.set_index("name").loc["Hannah Thomas"]
    assert (hannah["platform"], hannah["channel"]) == ("own site", "e-mail")


def test_grade_counts_add_up_to_the_graded_list():
    graded = crm.grade_customers(crm.load("new_shop_customers"))
    counts = crm.grade_counts(graded)
    assert counts["customers"].sum() == len(graded)
    by_grade = counts.groupby("grade")["customers"].sum()
    assert by_grade.to_dict() == graded["grade"].value_counts().sort_index().to_dict()
    assert list(counts["grade"]) == sorted(counts["grade"])


def test_queue_table_writes_no_nat_and_keeps_the_order():
    batch = crm.load("new_inquiries")
    queue = crm.reply_queue(batch, "2026-10-12 09:00")
    table = crm.queue_table(queue)
    assert list(table["rank"]) == list(queue["rank"])
    assert list(table.columns)[:2] == ["rank", "tier"]
    # the rank on the heading line, not as an index name on a header row of its own
    assert repr(table).splitlines()[0].split()[:2] == ["rank", "tier"]
    assert list(table["inquiry"]) == list(queue["inquiry_id"])  # shown as "inquiry"
    no_due = queue["due"].isna().to_numpy()
    assert no_due.any()  # grade 4 mails have no due time
    assert (table["due"][no_due] == "after grades 1-3").all()
    assert table["due"].iloc[0] == f"{queue['due'].iloc[0]:%a %d %b %H:%M}"
    assert (table["overdue"] == "yes").sum() == queue["overdue"].sum()  # yes/no, not True/False
    assert set(table["overdue"]) <= {"yes", "no"}


def test_decision_card_says_what_resolve_complaint_decides(data):
    _, _, messages = data
    case = messages.set_index("message_id").loc["m050"]
    card = crm.decision_card(case)
    found = crm.resolve_complaint(case)
    assert card.columns[0] == "Sophie"
    assert card.loc["decision"].iloc[0] == found.decision
    assert card.loc["why"].iloc[0] == found.reason["en"]
    assert "draft_reply" not in card.to_string()


def test_decision_card_shows_the_reason_whole(data):
    # W08: the English "why" was cut at pandas' 50 characters ("... large amount (...")
    _, _, messages = data
    card = crm.decision_card(messages.set_index("message_id").loc["m050"])
    why = crm.resolve_complaint(messages.set_index("message_id").loc["m050"]).reason["en"]
    assert len(why) > 50  # long enough to be cut at pandas' default width
    assert why in repr(card)
    assert why.replace(">", "&gt;") in card._repr_html_()
    assert "why" in repr(card) and "理由" in card._repr_html_()  # the rows keep their names


def test_complaint_card_prints_the_message_and_shows_the_order_facts(data, capsys):
    _, _, messages = data
    case = crm.complaint_case(messages, "m050")
    assert case["message_id"] == "m050"
    assert case["text"] == messages.set_index("message_id").loc["m050", "text"]
    card = crm.complaint_card(case)
    printed = capsys.readouterr().out
    assert printed.startswith("Sophie writes: My sewing machine jams")
    assert list(card.columns) == ["Sophie"]
    assert card.loc["order value", "Sophie"] == f"{case['order_value']:g} USD" == "185 USD"
    assert card.loc["ordered", "Sophie"] == f"{case['order_date']:%Y-%m-%d}"  # no clock time
    assert card.loc["carrier", "Sophie"] == case["carrier"]
    # a message without an order (the fields empty): a dash, never 'nan' or 'NaT'
    no_order = case.copy()
    no_order[["order_id", "order_value", "order_date", "ship_date"]] = None
    shown = crm.complaint_card(no_order).to_string()
    assert "nan" not in shown and "NaT" not in shown and "-" in shown


def test_complaint_case_names_a_missing_message():
    with pytest.raises(InputError, match=r"complaint_case.*no message 'm999'"):
        crm.complaint_case(crm.load("messages"), "m999")
    with pytest.raises(InputError, match="complaint_card"):
        crm.complaint_card("m050")


@pytest.mark.parametrize("call, says", [
    (lambda: crm.buyers_by_value(crm.load("messages")), "buyers_by_value"),
    (lambda: crm.grade_counts(crm.load("new_shop_customers")), "grade_counts"),
    (lambda: crm.queue_table(crm.load("new_inquiries")), "queue_table"),
])
def test_views_name_the_call_on_a_wrong_table(call, says):
    with pytest.raises(InputError, match=says):
        call()


def test_decisions_show_the_plain_words_of_the_questions(data):
    """W07 and W08 ask in plain words; the toolkit's check shows the same words."""
    import yaml

    _, _, messages = data
    morning = crm.inbox(messages, "2026-04-15 06:00", "2026-04-15 10:30")
    decisions = crm.complaint_decisions(morning).set_index("buyer")
    bank = yaml.safe_load(open("exercises/w07-message-queue-workshop.yaml", encoding="utf-8"))
    item = next(e for e in bank["exercises"] if e["id"] == "w07-after-decisions")
    asked = {left["en"].split(":")[0]: right for left, right in item["pairs"]}
    assert set(asked) == set(decisions.index)  # David, Ines and Hamza, one pair each
    for name, right in asked.items():
        if name != "Ines":  # the question says "she"; the toolkit's words say "the buyer"
            assert decisions.loc[name, "what to do"] == right["en"]
            # the question's "他" (David) is "买家" in the toolkit's general words
            assert decisions.loc[name, "处理方式"] == right["zh"].replace("请他", "请买家")
    assert "buyer" in decisions.loc["Ines", "what to do"]
    card = crm.decision_card(messages.set_index("message_id").loc["m050"])
    assert card.loc["what to do", "Sophie"].startswith("A local repair")
    assert set(crm.complaints.LABELS) == set(crm.complaints.DECISIONS)


def test_promotion_table_shows_the_promotion_list_in_plain_words(data):
    customers, orders, _ = data
    mugs = crm.promotion_list(customers, orders, "coffee mug", "2026-10-01", within_days=90)
    table = crm.promotion_table(mugs, top=5)
    assert list(table.columns) == ["name", "country", "last bought", "days ago", "pieces"]
    assert list(table.index) == [1, 2, 3, 4, 5]
    assert list(table["name"]) == list(mugs["name"].head(5))  # the list's order, most recent first
    us = crm.promotion_table(mugs, country="United States")
    assert len(us) == (mugs["country"] == "United States").sum() == 9  # W10: "nine buyers"
    assert "Nicole Davis" in set(us["name"])  # the W10 homework's buyer is in the table
    with pytest.raises(InputError, match="no buyer in 'USA'.*United States"):
        crm.promotion_table(mugs, country="USA")
    with pytest.raises(InputError, match="top must be a whole number"):
        crm.promotion_table(mugs, top=0)


def test_screening_table_names_the_flags_as_the_exercises_do():
    import pandas as pd
    import yaml

    batch = crm.load("new_inquiries")
    screened = crm.screen_inquiries(batch)
    table = crm.screening_table(screened)
    assert list(table["inquiry"]) == list(batch["inquiry_id"])
    bank = yaml.safe_load(open("exercises/w03-screening-workshop.yaml", encoding="utf-8"))
    item = next(e for e in bank["exercises"] if e["id"] == "w03-flag-lines")
    named = {p[1]["en"] for p in item["pairs"]} | {d["en"] for d in item["distractors"]}
    assert {en for en, _ in crm.screening.LABELS.values()} == named  # the five flags
    n03 = table.set_index("inquiry").loc["n03"]
    assert n03["red flags"] == "pressure to meet at once; a layout that tries too hard"
    assert n03["危险信号"] == "催促立即见面; 刻意花哨的排版"
    # shown whole (pandas would cut a cell at 50 characters: "a layout that t..."), in the
    # plain view nbval compares and in the HTML view a learner sees
    longest = max(table["red flags"], key=len)
    assert len(longest) > 50
    with pd.option_context("display.max_columns", 20, "display.width", 80):  # as in Jupyter
        assert longest in repr(table) and longest in table._repr_html_()
        assert "..." not in repr(table) and "..." not in table._repr_html_()
    assert (table["red flags"] == "-").sum() == sum(not f for f in screened["found_flags"])
    # no row numbers from 0 beside the ids n01-n14: each view's first data row starts with n01
    assert repr(table).splitlines()[1].split()[0] == "n01"
    assert "<th>0</th>" not in table._repr_html_()
    bad = screened.assign(found_flags=[["made_up"]] * len(screened))
    with pytest.raises(InputError, match="not one of the five flags"):
        crm.screening_table(bad)


def test_print_inquiries_keeps_every_line_but_greeting_and_closing(capsys):
    batch = crm.load("new_inquiries")
    crm.print_inquiries(batch)
    out = capsys.readouterr().out
    blocks = out.strip().split("\n\n")
    assert len(blocks) == len(batch)
    for block, row in zip(blocks, batch.itertuples(), strict=True):
        lines = row.text.strip().splitlines()
        assert block.startswith(f"{row.inquiry_id} · ")
        assert block.splitlines()[0].endswith(f"from {lines[-1]}")  # who signed it
        body = " ".join(block.split())
        greeting = next(i for i, line in enumerate(lines) if line.rstrip().endswith(","))
        for line in lines[:greeting] + lines[greeting + 1:-2]:  # letterhead and body all there
            assert " ".join(line.split()) in body
        assert lines[greeting] not in block  # "Dear seller," ...
        assert lines[-2] not in block  # "Regards," ...


def test_payment_methods_are_the_shares_as_percentages(data):
    _, orders, _ = data
    shares = crm.payment_shares(orders)
    table = crm.payment_methods(orders)
    assert (table["share of invoices (%)"] > 0).all()  # only methods a region uses
    assert len(table) == int((shares > 0).sum().sum())
    sea = table[table["region"] == "Southeast Asia"].set_index("payment method")
    # W06 (w06-sea-payment-choice): 28.4% of our Southeast Asian invoices are cash on delivery
    assert sea.loc["Cash on delivery", "share of invoices (%)"] == 28.4
    for _region, rows in table.groupby("region", sort=False):
        assert rows["share of invoices (%)"].is_monotonic_decreasing
        assert abs(rows["share of invoices (%)"].sum() - 100) < 0.5
    # one label for one thing (brief 28g): a card named by its brand is a credit card, as in
    # every other region and in W06's exercises
    cards = [m for m in table["payment method"] if "card" in m.lower() and m != "Local card"]
    assert cards and all(m.startswith("Credit card") for m in cards), cards
    assert {"Credit card (Visa)", "Credit card (MasterCard)"} <= set(table["payment method"])


def test_show_message_prints_the_buyer_the_order_and_the_text(data, capsys):
    messages = data[2]
    row = messages[messages["message_id"] == "m063"].iloc[0]
    crm.show_message(messages, "m063")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"From {row['buyer_name']} · order {row['order_id']} · {row['product']}"
    assert "\n".join(lines[1:]) == str(row["text"]).strip()
    with pytest.raises(InputError, match="no message 'm999'"):
        crm.show_message(messages, "m999")


def test_grading_facts_are_the_named_rows_with_what_grading_needs():
    shop = crm.load("new_shop_customers")
    names = ["Lauren Anderson", "Jason Brown"]
    facts = crm.grading_facts(shop, names)
    rows = shop[shop["name"].isin(names)]  # the named rows, in the table's order
    assert list(facts.columns) == ["name", "deal", "clear intent", "obvious interest"]
    assert list(facts.index) == [1, 2] and list(facts["name"]) == list(rows["name"])
    assert list(facts["deal"]) == [crm.customer_views.DEAL_WORDS[d] for d in rows["deal_status"]]
    assert list(facts["clear intent"]) == ["yes" if v else "no" for v in rows["clear_intent"]]
    assert list(facts["obvious interest"]) == ["yes" if v else "no"
                                               for v in rows["obvious_interest"]]
    with pytest.raises(InputError, match="no customer called 'Nobody'"):
        crm.grading_facts(shop, ["Nobody"])


def test_queue_table_without_due_is_the_same_table_less_one_column():
    queue = crm.reply_queue(crm.load("new_inquiries"), "2026-10-12 09:00")
    assert crm.queue_table(queue, due=False).equals(crm.queue_table(queue).drop(columns="due"))


def test_customer_list_says_the_deal_in_words_and_puts_the_targets_first():
    shop = crm.load("new_shop_customers")
    table = crm.customer_list(shop)
    assert list(table.index) == list(range(1, len(shop) + 1))
    assert sorted(table["name"]) == sorted(shop["name"])  # every customer, once
    assert set(table["deal"]) == set(crm.customer_views.DEAL_WORDS.values())
    # the rows follow the deal (bought, about to buy, in talks, no talks), clear intent first
    stages = [list(crm.customer_views.DEAL_WORDS.values()).index(d) for d in table["deal"]]
    assert stages == sorted(stages)
    row = shop.set_index("name")
    for _, r in table.iterrows():
        assert r["deal"] == crm.customer_views.DEAL_WORDS[row.loc[r["name"], "deal_status"]]
        assert r["clear intent"] == ("yes" if row.loc[r["name"], "clear_intent"] else "no")
    # the targets (bought, about to buy or a clear intent) are the first rows; W02's
    # w02-identify-not-bought counts those who have not bought yet (the bank's answer)
    targets = (table["deal"].isin(["bought", "about to buy"])) | (table["clear intent"] == "yes")
    assert targets.sum() == 19 and targets.loc[1:19].all() and not targets.loc[20:].any()
    not_bought = int((targets & (table["deal"] != "bought")).sum())
    assert not_bought == course.lesson("w02-idic-workshop")["w02-identify-not-bought"].answer == 9
    with pytest.raises(InputError, match="deal_status holds 'won'"):
        crm.customer_list(shop.assign(deal_status="won"))


def test_w02_value_item_is_the_data_s_top_regular():
    """w02-value-frequent: of the buyers with three orders or more, the one who spent the most
    is the bank's right option, and the buyer with the most orders is another (the check is of
    value against frequency, on a measure the table is not sorted by)."""
    buyers = crm.buyers_by_value(crm.load("new_shop_customers"))
    regulars = buyers[buyers["orders"] >= 3]
    top = regulars.sort_values("spent (USD)", ascending=False)["name"].iloc[0]
    most_orders = buyers.sort_values("orders", ascending=False)["name"].iloc[0]
    item = course.lesson("w02-idic-workshop")["w02-value-frequent"]
    right = [o.text.en for o in item.options if o.correct]
    assert right == [top] == ["Ashley Lewis"] and most_orders != top
    assert buyers["name"].iloc[0] not in regulars["name"].tolist()  # the top buyer is a trap


def test_loyalty_table_shows_loyalty_of_under_plain_headings(data):
    """W05 shows the days and the three scores under plain headings with the Chinese, in the
    plan's order of the dimensions (issue 28, twenty-first reading: eight wide columns did not
    fit a laptop); the values are loyalty_of's, in the order given."""
    customers, orders, _ = data
    raw = crm.loyalty_of(customers, orders, [12970, 12502], as_of="2026-10-01")
    shown = crm.loyalty_table(customers, orders, [12970, 12502], as_of="2026-10-01")
    assert list(shown.columns) == ["name", "days since last order", "intention 再购意向",
                                   "buying 基本行为", "helping 衍生行为"]
    assert list(shown["name"]) == list(raw.index)
    assert list(shown["days since last order"]) == list(raw["recency_days"])
    assert list(shown["intention 再购意向"]) == list(raw["intention_score"])
    assert list(shown["buying 基本行为"]) == list(raw["behaviour_score"])
    assert list(shown["helping 衍生行为"]) == list(raw["derived_score"])
    assert "_" not in " ".join(shown.columns) and not repr(shown).lstrip().startswith("0")
