"""Workshop views of the customers and their orders: one call a learner reads like a form.

Each function replaces a few lines of pandas that a workshop would otherwise show on screen
(filters, ``isin``, ``value_counts``, loops): the workshops are for doing the job, not for
reading code. Every function returns data (a DataFrame). The views of the messages, complaints
and inquiries are in :mod:`course.crm.message_views`.
"""
from __future__ import annotations

from course.crm._checks import as_timestamp, require_frame
from course.crm.plain_tables import cell_text, numbered_rows, plain_table, product_words, yes_no
from course.errors import InputError


def _sales(orders):
    """Order lines that are sales: no credit note (invoice ``C...``), a known customer."""
    return orders[~orders["Invoice"].astype(str).str.startswith("C")
                  & orders["Customer ID"].notna()]


def promotion_reach(customers, orders, product, as_of, *, windows=(90, 180, 365), grades=(1,)):
    """How many old customers a new-product message reaches, for each time window.

    One row per window of ``windows`` days before ``as_of`` (the index, "bought in the
    last"). The column ``customers`` counts the customers ``promotion_list`` gives for that
    window (grade 1 by default: ``grades`` as in ``promotion_list``); the column "more than
    the N-day list" says how many customers a longer window adds to the list of the first
    (shortest) one, N days (a header "more than N days" read as "bought more than N days ago").

    Only buyers can be on the list, and in the course data every buyer has closed a deal
    (grade 1): grade 2 customers have not bought yet, so adding grade 2 changes no count here.

    >>> from course.crm.data import load
    >>> reach = promotion_reach(load("customers"), load("orders"), "coffee mug", "2026-10-01")
    >>> list(reach.columns), reach.index[0]
    (['customers', 'more than the 90-day list'], '90 days')
    """
    import pandas as pd

    from course.crm.grading import grade_customers
    from course.crm.promotion import _buyers, promotion_list

    what = "promotion_reach(customers, orders, product, as_of)"
    if (not isinstance(windows, (list, tuple)) or not windows
            or any(isinstance(d, bool) or not isinstance(d, int) or d <= 0 for d in windows)
            or list(windows) != sorted(set(windows))):
        raise InputError(f"{what}: windows must be whole numbers of days above 0, shortest "
                         f"first, such as (90, 180, 365); got {windows!r}.")
    # checks every input (grades included) with promotion_list's messages
    promotion_list(customers, orders, product, as_of, grades=grades, within_days=windows[0])
    wanted = set(grades) if isinstance(grades, (list, tuple, set)) else {grades}
    graded, end = grade_customers(customers), as_timestamp(as_of, f"{what}: as_of")
    counts = [len(_buyers(graded, orders, product, end, wanted, days)) for days in windows]
    more = f"more than the {windows[0]}-day list"
    rows = [{"bought in the last": f"{days} days", "customers": count, more: count - counts[0]}
            for days, count in zip(windows, counts, strict=True)]
    return pd.DataFrame(rows).set_index("bought in the last")


def loyalty_of(customers, orders, customer_ids, *, as_of):
    """The loyalty dimensions (``loyalty``) of the customers ``customer_ids``, one row each,
    in the order given, indexed by name, with the columns W05's key explains (the facts and
    the three dimension scores; ``customer_id``, ``quantity``, ``repurchase_intent`` and the
    overall ``loyalty_score`` left out).

    >>> from course.crm.data import load
    >>> loyalty_of(load("customers"), load("orders"), [12970], as_of="2026-10-01").index[0]
    'Kanya Thongchai'
    """
    from course.crm.retention import loyalty

    ids = _ids(customer_ids, customers, "loyalty_of(customers, orders, customer_ids)")
    table = loyalty(customers, orders, as_of=as_of).set_index("customer_id")
    table = table.loc[ids].reset_index()
    return table.set_index("name").drop(columns=["customer_id", "quantity",
                                                 "repurchase_intent", "loyalty_score"])


#: the columns of ``loyalty_of`` W05 shows, in plain words with the Chinese, in the order the
#: workshop's plan names the dimensions (intention, basic behaviour, derived behaviour); the
#: orders, reviews and referrals behind the scores are left out (the plan's items give them),
#: so that the table fits a laptop screen
LOYALTY_HEADINGS = {"recency_days": "days since last order",
                    "intention_score": "intention 再购意向",
                    "behaviour_score": "buying 基本行为",
                    "derived_score": "helping 衍生行为"}


def loyalty_table(customers, orders, customer_ids, *, as_of):
    """:func:`loyalty_of` as W05 shows it: the name first, then the days since the last order
    and the three dimension scores under plain headings (``LOYALTY_HEADINGS``, in that order),
    no row numbers (:func:`plain_table`); the same values.

    >>> from course.crm.data import load
    >>> t = loyalty_table(load("customers"), load("orders"), [12970], as_of="2026-10-01")
    >>> list(t.columns)[:3], t.loc[0, "name"]
    (['name', 'days since last order', 'intention 再购意向'], 'Kanya Thongchai')
    """
    table = loyalty_of(customers, orders, customer_ids, as_of=as_of)[list(LOYALTY_HEADINGS)]
    return plain_table(table.rename(columns=LOYALTY_HEADINGS).reset_index())


def _ids(customer_ids, customers, what):
    ids = [customer_ids] if isinstance(customer_ids, int) else list(customer_ids)
    if not ids or any(isinstance(i, bool) or not isinstance(i, int) for i in ids):
        raise InputError(f"{what}: customer_ids must be customer numbers such as "
                         f"[12970, 12502]; got {customer_ids!r}.")
    require_frame(customers, ["customer_id"], what)
    unknown = sorted(set(ids) - set(customers["customer_id"]))
    if unknown:
        raise InputError(f"{what}: no customer has the number {unknown[0]}; use a number of "
                         f"the customer_id column.")
    return ids


def customer_card(customers, orders, customer_id, *, top=3):
    """One customer's record as a form: name, country, the platform they usually buy on,
    language, birthday, how many orders they placed (invoices, credit notes left out), their
    last order (date, and its platform when the orders have one) and
    the ``top`` products they bought most often (counted in order lines, credit notes left out),
    written in lower case as the course writes them (acronyms such as LED kept).

    >>> from course.crm.data import load
    >>> card = customer_card(load("customers"), load("orders"), 12970)
    >>> card.loc["country", "Kanya Thongchai"]
    'Thailand'
    >>> card.loc["orders", "Kanya Thongchai"]
    '13'
    """
    import pandas as pd

    what = "customer_card(customers, orders, customer_id)"
    (cid,) = _ids(customer_id if isinstance(customer_id, int) else [customer_id], customers, what)
    require_frame(orders, ["Invoice", "Description", "Customer ID"], what, allow_empty=True)
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise InputError(f"{what}: top must be a whole number >= 1; got {top!r}.")
    person = customers[customers["customer_id"] == cid].iloc[0]
    rows = {field: cell_text(person[field]) for field in ("country", "platform", "language",
                                                       "birthday") if field in customers.columns}
    if "platform" in rows:  # the customers' column is where one usually buys (data/README.md)
        rows = {("usually buys on" if k == "platform" else k): v for k, v in rows.items()}
    sales = _sales(orders)
    mine = sales[sales["Customer ID"] == cid]
    rows["orders"] = str(mine["Invoice"].nunique())
    if "InvoiceDate" in mine.columns and not mine.empty:
        last = mine.loc[mine["InvoiceDate"].idxmax()]
        where = f" on {last['Platform']}" if "Platform" in mine.columns else ""
        rows["last order"] = f"{cell_text(last['InvoiceDate'].normalize())}{where}"
    bought = mine["Description"].value_counts().head(top)
    for n, (product, lines) in enumerate(bought.items(), 1):
        rows[f"favourite product {n}"] = f"{product_words(product)} ({lines} order lines)"
    if bought.empty:
        rows["favourite product 1"] = "(no order yet)"
    return pd.DataFrame({str(person["name"]): rows})


def quiet_regulars(customers, orders, *, min_orders=8, before="2026-01-01"):
    """Good customers who have gone quiet: ``min_orders`` orders or more, and their last order
    (credit notes left out) before ``before``; most orders first, shown without row numbers.

    >>> from course.crm.data import load
    >>> quiet = quiet_regulars(load("customers"), load("orders"))
    >>> list(quiet.columns)
    ['name', 'country', 'orders', 'last order', 'last bought']
    >>> quiet.loc[quiet["name"] == "Omar Haddad", "last bought"].item()
    'phone tripod beige'
    """
    from course.crm.overview import top_customers

    what = "quiet_regulars(customers, orders)"
    if isinstance(min_orders, bool) or not isinstance(min_orders, int) or min_orders < 1:
        raise InputError(f"{what}: min_orders must be a whole number >= 1; got {min_orders!r}.")
    end = as_timestamp(before, f"{what}: before")
    require_frame(orders, ["Invoice", "InvoiceDate", "Customer ID"], what)
    regulars = top_customers(customers, orders, n=None)
    sales = _sales(orders)
    last = sales.groupby(sales["Customer ID"].astype("int64"))["InvoiceDate"].max()
    regulars = regulars.assign(last_order=regulars["customer_id"].map(last).dt.normalize())
    quiet = regulars[(regulars["orders"] >= min_orders) & (regulars["last_order"] < end)]
    quiet = quiet[["name", "country", "orders", "last_order", "last_bought"]].assign(
        last_bought=quiet["last_bought"].map(product_words))
    return plain_table(quiet.rename(columns={"last_order": "last order",
                                        "last_bought": "last bought"}))


#: deal_status as a learner says it, in the order a customer moves (W02's list is sorted so)
DEAL_WORDS = {"closed": "bought", "near_certain": "about to buy", "open": "in talks",
              "none": "no talks"}


def _check_deals(frame, what: str) -> None:
    """A clear error where ``deal_status`` holds a stage ``DEAL_WORDS`` does not name."""
    unknown = set(frame["deal_status"]) - set(DEAL_WORDS)
    if unknown:
        raise InputError(f"{what}: deal_status holds {sorted(map(str, unknown))[0]!r}, which is "
                         f"not one of {', '.join(DEAL_WORDS)}.")


def customer_list(customers):
    """The customer list as W02 reads it, in plain words: ``name``, ``country``, ``deal``
    (``deal_status`` as "bought", "about to buy", "in talks" or "no talks"), ``clear intent``
    and ``obvious interest`` ("yes"/"no") and ``product`` ("-" for none); sorted by how far
    each customer has come (the deal, then a clear intent first), numbered from 1.

    >>> from course.crm.data import load
    >>> t = customer_list(load("new_shop_customers"))
    >>> list(t.columns), t.loc[1, "deal"], t.index[-1]
    (['name', 'country', 'deal', 'clear intent', 'obvious interest', 'product'], 'bought', 30)
    """
    import pandas as pd

    what = "customer_list(customers)"
    require_frame(customers, ["name", "country", "deal_status", "clear_intent",
                              "obvious_interest", "product"], what, allow_empty=True)
    _check_deals(customers, what)
    stage = customers["deal_status"].map(list(DEAL_WORDS).index)
    ordered = customers.assign(_stage=stage, _intent=~customers["clear_intent"].astype(bool))
    ordered = ordered.sort_values(["_stage", "_intent"], kind="stable")
    return numbered_rows(pd.DataFrame({
        "name": ordered["name"].to_list(),
        "country": ordered["country"].to_list(),
        "deal": ordered["deal_status"].map(DEAL_WORDS).to_list(),
        "clear intent": yes_no(ordered["clear_intent"]).to_list(),
        "obvious interest": yes_no(ordered["obvious_interest"]).to_list(),
        "product": ordered["product"].fillna("").replace("", "-").to_list(),
    }))


def promotion_table(buyers, *, top=None, country=None):
    """A promotion list (``promotion_list``) in plain words: ``name``, ``country``, ``last
    bought`` (the date), ``days ago`` and ``pieces`` (of the product bought in the window),
    the most recent buyer first, numbered from 1; ``country`` keeps that country's buyers
    only, ``top`` the first ``top`` rows.

    >>> from course.crm.data import load
    >>> from course.crm.promotion import promotion_list
    >>> mugs = promotion_list(load("customers"), load("orders"), "coffee mug",
    ...                       as_of="2026-10-01", within_days=90)
    >>> t = promotion_table(mugs, top=5)
    >>> list(t.columns), t.index[0], len(t)
    (['name', 'country', 'last bought', 'days ago', 'pieces'], 1, 5)
    """
    what = "promotion_table(buyers)"
    require_frame(buyers, ["name", "country", "last_bought", "days_since", "pieces"], what,
                  allow_empty=True)
    if top is not None and (isinstance(top, bool) or not isinstance(top, int) or top < 1):
        raise InputError(f"{what}: top must be a whole number of rows, 1 or more; got {top!r}.")
    if country is not None:
        if country not in set(buyers["country"]):
            raise InputError(f"{what}: no buyer in {country!r}; the list has buyers in "
                             f"{', '.join(sorted(set(map(str, buyers['country']))))}.")
        buyers = buyers[buyers["country"] == country]
    table = buyers[["name", "country", "last_bought", "days_since", "pieces"]].rename(
        columns={"last_bought": "last bought", "days_since": "days ago"})
    return numbered_rows(table.head(top) if top is not None else table)


#: The ``spent`` column as ``buyers_by_value`` shows it: with its unit (issue 28).
SPENT_SHOWN = "spent (USD)"


def buyers_by_value(customers, columns=("name", "country", "platform", "channel", "orders",
                                        "spent", "product")):
    """The customers who have ordered (``orders`` above 0), the most valuable (``spent``)
    first, with ``columns``; numbered from 1. ``spent`` is shown as "spent (USD)", so that a
    learner sees the unit (no ``$`` sign: MathJax would read two of them as maths).

    >>> from course.crm.data import load
    >>> t = buyers_by_value(load("new_shop_customers"))
    >>> t.iloc[0]["name"], t.columns[-2]
    ('Chloé Michel', 'spent (USD)')
    """
    what = "buyers_by_value(customers)"
    columns = list(columns)
    require_frame(customers, ["orders", "spent", *columns], what)
    buyers = customers[customers["orders"] > 0].sort_values("spent", ascending=False,
                                                            kind="stable")
    return numbered_rows(buyers[columns].rename(columns={"spent": SPENT_SHOWN}))


def grade_counts(graded):
    """How many customers each grade has, and by which rule (the ``grade`` and ``rule``
    columns of ``grade_customers``): one row per grade and rule, grade 1 first, shown without
    row numbers (a "0" beside "grade 1" would read as a column).

    >>> from course.crm.data import load
    >>> from course.crm.grading import grade_customers
    >>> counts = grade_counts(grade_customers(load("new_shop_customers")))
    >>> list(counts.columns)
    ['grade', 'rule', 'customers']
    >>> repr(counts).splitlines()[1].split()[:3]   # the grade first: no row number shown
    ['1', 'closed', 'a']
    """
    require_frame(graded, ["grade", "rule"], "grade_counts(graded)", allow_empty=True)
    counts = graded.groupby(["grade", "rule"], sort=True).size()
    return plain_table(counts.rename("customers").reset_index())


#: what grading needs of a customer (``grade_customers``), as the workshops show it
GRADING_FACTS = ["name", "deal_status", "clear_intent", "obvious_interest"]


def grading_facts(customers, names):
    """The rows of the customers called ``names`` (in the table's order, numbered from 1) with
    only what grading needs, in plain words as ``customer_list`` writes them: ``name``, ``deal``
    (``deal_status`` as "bought", "about to buy", "in talks" or "no talks"), ``clear intent``
    and ``obvious interest`` ("yes"/"no").

    >>> from course.crm.data import load
    >>> grading_facts(load("new_shop_customers"), ["Jason Brown"]).loc[1].tolist()
    ['Jason Brown', 'in talks', 'yes', 'yes']
    """
    what = "grading_facts(customers, names)"
    require_frame(customers, GRADING_FACTS, what)
    if isinstance(names, str):
        names = [names]
    missing = [n for n in names if n not in set(customers["name"])]
    if missing:
        raise InputError(f"{what}: no customer called {', '.join(map(repr, missing))} in the "
                         "table; give names as the column 'name' writes them, such as "
                         f"{str(customers['name'].iloc[0])!r}.")
    rows = customers[customers["name"].isin(names)]
    _check_deals(rows, what)
    table = rows.assign(deal=rows["deal_status"].map(DEAL_WORDS),
                        **{"clear intent": yes_no(rows["clear_intent"]),
                           "obvious interest": yes_no(rows["obvious_interest"])})
    return numbered_rows(table[["name", "deal", "clear intent", "obvious interest"]])


#: payment methods the orders name by the card's brand, as W06 writes them (brief 28g: the
#: table said "Credit card" for three regions and "Visa", "MasterCard" for Europe)
CARD_WORDS = {"Visa": "Credit card (Visa)", "MasterCard": "Credit card (MasterCard)"}


def payment_methods(orders, markets=None):
    """How our buyers pay, region by region (``payment_shares`` read the way a learner needs
    it): one row per region and method actually used, the most used first, with its share of
    the region's invoices as a percentage (one decimal); shown without row numbers. A card the
    data names by its brand is shown as the credit card it is (``CARD_WORDS``: "Credit card
    (Visa)"), so that one label, "Credit card", means one thing in every region (W06).

    >>> from course.crm.data import load
    >>> table = payment_methods(load("orders"))
    >>> list(table.columns)
    ['region', 'payment method', 'share of invoices (%)']
    >>> "<th>0</th>" in table._repr_html_()
    False
    """
    import pandas as pd

    from course.crm.plots import payment_shares

    shares = payment_shares(orders, markets)
    rows = []
    for region, row in shares.iterrows():
        used = row[row > 0].sort_values(ascending=False, kind="stable")
        rows += [{"region": region, "payment method": CARD_WORDS.get(method, method),
                  "share of invoices (%)": round(float(share) * 100, 1)}
                 for method, share in used.items()]
    return plain_table(pd.DataFrame(rows, columns=["region", "payment method",
                                              "share of invoices (%)"]))
