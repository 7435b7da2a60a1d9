"""Ready-made views of the course data for the workshops: one call a learner reads like a form.

Each function replaces a few lines of pandas that a workshop would otherwise show on screen
(filters, ``isin``, ``value_counts``, loops): the workshops are for doing the job, not for
reading code. Every function returns data (a DataFrame) except :func:`print_messages`.
"""
from __future__ import annotations

import functools
import re
import textwrap

from course.crm._checks import as_timestamp, require_frame
from course.crm.complaints import LABELS as DECISION_LABELS
from course.crm.screening import LABELS as FLAG_LABELS
from course.errors import InputError

INBOX_COLUMNS = ["message_id", "received", "buyer_name", "product", "order_value", "text"]


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


#: ``loyalty_of``'s columns as W05 shows them, in plain words (the workshop's key gives the
#: dimension of each score)
LOYALTY_HEADINGS = {"recency_days": "days since last order", "frequency": "orders",
                    "reviews": "reviews", "referrals": "friends sent to us",
                    "intention_score": "intention (1-5)",
                    "behaviour_score": "basic behaviour (1-5)",
                    "derived_score": "derived behaviour (1-5)"}


def loyalty_table(customers, orders, customer_ids, *, as_of):
    """:func:`loyalty_of` as W05 shows it: the name first, the columns in plain words
    (``LOYALTY_HEADINGS``) and no row numbers (:func:`_plain`); the same values.

    >>> from course.crm.data import load
    >>> t = loyalty_table(load("customers"), load("orders"), [12970], as_of="2026-10-01")
    >>> list(t.columns)[:3], t.loc[0, "name"]
    (['name', 'days since last order', 'orders'], 'Kanya Thongchai')
    """
    table = loyalty_of(customers, orders, customer_ids, as_of=as_of)
    return _plain(table.rename(columns=LOYALTY_HEADINGS).reset_index())


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
    language, birthday, their last order (date, and its platform when the orders have one) and
    the ``top`` products they bought most often (counted in order lines, credit notes left out),
    written in lower case as the course writes them (acronyms such as LED kept).

    >>> from course.crm.data import load
    >>> card = customer_card(load("customers"), load("orders"), 12970)
    >>> card.loc["country", "Kanya Thongchai"]
    'Thailand'
    """
    import pandas as pd

    what = "customer_card(customers, orders, customer_id)"
    (cid,) = _ids(customer_id if isinstance(customer_id, int) else [customer_id], customers, what)
    require_frame(orders, ["Invoice", "Description", "Customer ID"], what, allow_empty=True)
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise InputError(f"{what}: top must be a whole number >= 1; got {top!r}.")
    person = customers[customers["customer_id"] == cid].iloc[0]
    rows = {field: _shown(person[field]) for field in ("country", "platform", "language",
                                                       "birthday") if field in customers.columns}
    if "platform" in rows:  # the customers' column is where one usually buys (data/README.md)
        rows = {("usually buys on" if k == "platform" else k): v for k, v in rows.items()}
    sales = _sales(orders)
    mine = sales[sales["Customer ID"] == cid]
    if "InvoiceDate" in mine.columns and not mine.empty:
        last = mine.loc[mine["InvoiceDate"].idxmax()]
        where = f" on {last['Platform']}" if "Platform" in mine.columns else ""
        rows["last order"] = f"{_shown(last['InvoiceDate'].normalize())}{where}"
    bought = mine["Description"].value_counts().head(top)
    for n, (product, lines) in enumerate(bought.items(), 1):
        rows[f"favourite product {n}"] = f"{_product_words(product)} ({lines} order lines)"
    if bought.empty:
        rows["favourite product 1"] = "(no order yet)"
    return pd.DataFrame({str(person["name"]): rows})


def _shown(value) -> str:
    """A cell as a form shows it: a date without its midnight time."""
    return value.strftime("%Y-%m-%d") if hasattr(value, "strftime") else str(value)


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
        last_bought=quiet["last_bought"].map(_product_words))
    return _plain(quiet.rename(columns={"last_order": "last order",
                                        "last_bought": "last bought"}))


#: words a product name keeps in capitals ("desk lamp LED white")
_ACRONYMS = frozenset({"LED", "USB", "LCD", "HDMI", "UK", "EU", "US", "USA"})


def _product_words(name) -> str:
    """A product as a sentence names it: "PHONE TRIPOD BEIGE" as "phone tripod beige" (a word
    with a digit, such as "10000MAH", and an acronym of ``_ACRONYMS`` are kept as written)."""
    if not isinstance(name, str):
        return name
    return " ".join(w if any(ch.isdigit() for ch in w) or w in _ACRONYMS else w.lower()
                    for w in name.split())


def inbox(messages, start, end):
    """The buyer messages received from ``start`` up to (not including) ``end``, oldest first:
    ``message_id``, ``received``, ``buyer_name``, ``product``, ``order_value``, ``text`` and
    the other columns of ``messages``.

    >>> from course.crm.data import load
    >>> len(inbox(load("messages"), "2026-04-15 06:00", "2026-04-15 10:30"))
    7
    """
    what = "inbox(messages, start, end)"
    require_frame(messages, INBOX_COLUMNS, what, allow_empty=True)
    first, last = as_timestamp(start, f"{what}: start"), as_timestamp(end, f"{what}: end")
    if last <= first:
        raise InputError(f"{what}: end must come after start; got {start!r} and {end!r}.")
    picked = messages[(messages["received"] >= first) & (messages["received"] < last)]
    return picked.sort_values(["received", "message_id"]).reset_index(drop=True)


def print_messages(messages):
    """Print each message as a card: id, time, buyer, product and order value, then its text."""
    require_frame(messages, INBOX_COLUMNS, "print_messages(messages)", allow_empty=True)
    for m in messages.itertuples():
        value = "no order yet" if m.order_value != m.order_value else f"{m.order_value:g} USD"
        product = m.product if isinstance(m.product, str) and m.product else "-"
        print(f"--- {m.message_id} · {m.received:%H:%M} · {m.buyer_name} · {product} · {value}")
        print(textwrap.indent(str(m.text).strip(), "    ") + "\n")


def complaint_decisions(messages):
    """What ``resolve_complaint`` decides for each after-sale message: buyer, product, order
    value and the decision in the plain words of the workshops' questions, English and
    Chinese (not its code), one row per message, under plain headings and without row numbers
    (W07 shows it as the toolkit's answer).

    >>> from course.crm.data import load
    >>> morning = inbox(load("messages"), "2026-04-15 06:00", "2026-04-15 10:30")
    >>> list(complaint_decisions(morning).columns)
    ['buyer', 'product', 'order value (USD)', 'what to do', '处理方式']
    """
    import pandas as pd

    from course.crm.complaints import resolve_complaint

    require_frame(messages, ["stage", "buyer_name", "product", "order_value"],
                  "complaint_decisions(messages)", allow_empty=True)
    after = messages[messages["stage"] == "after-sale"]
    rows = []
    for _, m in after.iterrows():
        decision = resolve_complaint(m).decision
        en, zh = DECISION_LABELS[decision]
        rows.append({"buyer": m["buyer_name"], "product": m["product"],
                     "order value (USD)": m["order_value"], "what to do": en, "处理方式": zh})
    return _plain(pd.DataFrame(rows, columns=["buyer", "product", "order value (USD)",
                                              "what to do", "处理方式"]))


#: deal_status as a learner says it, in the order a customer moves (W02's list is sorted so)
DEAL_WORDS = {"closed": "bought", "near_certain": "about to buy", "open": "in talks",
              "none": "no talks"}


def _numbered(table):
    """``table`` with its rows numbered from 1, as a learner counts them."""
    table = table.reset_index(drop=True)
    table.index = range(1, len(table) + 1)
    return table


def _yes_no(column):
    """A True/False column as the words "yes"/"no"."""
    return column.astype(bool).map({True: "yes", False: "no"})


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
    return _numbered(pd.DataFrame({
        "name": ordered["name"].to_list(),
        "country": ordered["country"].to_list(),
        "deal": ordered["deal_status"].map(DEAL_WORDS).to_list(),
        "clear intent": _yes_no(ordered["clear_intent"]).to_list(),
        "obvious interest": _yes_no(ordered["obvious_interest"]).to_list(),
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
    return _numbered(table.head(top) if top is not None else table)


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
    return _numbered(buyers[columns].rename(columns={"spent": SPENT_SHOWN}))


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
    return _plain(counts.rename("customers").reset_index())


def queue_table(queue, *, due=True):
    """A reply queue (``reply_queue``) as a learner reads it: ``rank``, ``tier``, the
    message's id (``inquiry_id`` shown as "inquiry"), ``due`` as text ("after grades 1-3" where
    a grade 4 mail has no due time) and ``overdue`` ("yes"/"no"); ``due=False`` leaves the
    ``due`` column out (a shorter table when the question is only which mails are overdue).
    The rank is the first column, on the heading line with the others, and pandas' row numbers
    are not shown (:func:`_plain`; as the row index, "rank" stood on a header row of its own).

    >>> import pandas as pd
    >>> q = pd.DataFrame({"rank": [1], "tier": ["grade 4"], "id": ["a"],
    ...                   "due": [pd.NaT], "overdue": [False]})
    >>> queue_table(q)["due"].tolist()
    ['after grades 1-3']
    """
    require_frame(queue, ["rank", "tier", "due", "overdue"], "queue_table(queue)",
                  allow_empty=True)
    shown = [c for c in queue.columns if c not in ("rank", "tier", "due", "overdue")][:1]
    table = queue[["rank", "tier", *shown, "due", "overdue"]].copy()
    table["due"] = [_due_text(d) for d in table["due"]]
    table["overdue"] = _yes_no(table["overdue"])
    table = table.rename(columns={"inquiry_id": "inquiry"})
    return _plain(table if due else table.drop(columns="due"))


def _due_text(due) -> str:
    return "after grades 1-3" if due != due or due is None else f"{due:%a %d %b %H:%M}"


def decision_card(message):
    """What ``resolve_complaint`` decides for one message (a row of ``messages``), as a small
    table: the decision (its code, then in plain words) and its reason, in English and Chinese.

    >>> from course.crm.data import load
    >>> case = load("messages").set_index("message_id").loc["m050"]
    >>> list(decision_card(case).index)
    ['decision', 'what to do', '处理方式', 'why', '理由']
    """
    import pandas as pd

    from course.crm.complaints import resolve_complaint

    found = resolve_complaint(message)
    name = str(message.get("buyer_name", "")) if hasattr(message, "get") else ""
    en, zh = DECISION_LABELS[found.decision]
    return pd.DataFrame({name or "the complaint": {"decision": found.decision,
                                                  "what to do": en, "处理方式": zh,
                                                  "why": found.reason["en"],
                                                  "理由": found.reason["zh"]}})


CASE_FIELDS = (("product", "product"), ("order", "order_id"),
               ("order value", "order_value"), ("ordered", "order_date"),
               ("shipped", "ship_date"), ("carrier", "carrier"))


def show_message(messages, message_id):
    """Print one message of ``messages`` as a learner reads it: who wrote it, the order and
    the product on one line, then the text (one call instead of a filter and two prints).

    >>> from course.crm.data import load
    >>> show_message(load("messages"), "m050")  # doctest: +ELLIPSIS
    From Sophie · order ... · sewing machine
    My sewing machine jams every time, ...
    """
    m = complaint_case(messages, message_id)  # the row, or a clear message naming the id
    order = m.get("order_id")
    order = "no order yet" if order is None or order != order or order == "" else f"order {order}"
    product = m.get("product")
    product = product if isinstance(product, str) and product else "-"
    print(f"From {m.get('buyer_name', '?')} · {order} · {product}")
    print(str(m.get("text", "")).strip())


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
                        **{"clear intent": _yes_no(rows["clear_intent"]),
                           "obvious interest": _yes_no(rows["obvious_interest"])})
    return _numbered(table[["name", "deal", "clear intent", "obvious interest"]])


def complaint_case(messages, message_id):
    """One message of ``messages`` (a row, for ``complaint_card`` and ``decision_card``),
    found by its ``message_id``.

    >>> from course.crm.data import load
    >>> complaint_case(load("messages"), "m050")["buyer_name"]
    'Sophie'
    """
    what = "complaint_case(messages, message_id)"
    require_frame(messages, ["message_id"], what, allow_empty=True)
    found = messages[messages["message_id"] == message_id]
    if found.empty:
        raise InputError(f"{what}: no message {message_id!r} in the table; give a message_id "
                         f"such as {str(messages['message_id'].iloc[0])!r}."
                         if len(messages) else f"{what}: the table of messages is empty.")
    return found.iloc[0]


def complaint_card(message):
    """A complaint as a learner reads it: prints the buyer's message (a table would cut it
    short), and returns the facts of the order as a form (product, order, value in USD, order
    and ship dates, carrier), one column named after the buyer.

    >>> from course.crm.data import load
    >>> card = complaint_card(complaint_case(load("messages"), "m050"))  # doctest: +ELLIPSIS
    Sophie writes: My sewing machine jams every time, ...
    >>> card.loc["order value", "Sophie"]
    '185 USD'
    """
    import pandas as pd

    if not hasattr(message, "get") or message.get("text") is None:
        raise InputError("complaint_card(message): give one message of the course data, e.g. "
                         "complaint_case(messages, 'm050'); it needs a 'text' field.")
    name = str(message.get("buyer_name") or "the buyer")
    print(f"{name} writes: {str(message.get('text')).strip()}")
    rows = {}
    for label, field in CASE_FIELDS:
        value = message.get(field)
        if value is None or pd.isna(value):  # a field the message lacks, or no order yet
            rows[label] = "-"
        elif field == "order_value":
            rows[label] = f"{value:g} USD"
        else:
            rows[label] = _shown(value.normalize() if hasattr(value, "normalize") else value)
    return pd.DataFrame({name: rows})


_GREETING = re.compile(r"^(hello|hi|hi there|dear [^,]{1,30}|good (?:day|morning|afternoon))[,!]?$",
                       re.I)
_CLOSING = re.compile(r"^(regards|kind regards|best regards|best|thank you|thanks|sincerely|"
                      r"yours sincerely|many thanks)[,!]?$", re.I)


def print_inquiries(batch, *, width=92):
    """Print each inquiry of ``batch`` (``new_inquiries``) as a short block: its id,
    when it came and who signed it, then the body without the greeting and the closing words
    (a letterhead stays: its layout can be a red flag), wrapped to ``width`` characters."""
    require_frame(batch, ["inquiry_id", "received", "text"], "print_inquiries(batch)",
                  allow_empty=True)
    for row in batch.itertuples():
        lines = [line.strip() for line in str(row.text).strip().splitlines() if line.strip()]
        sender = ""
        if len(lines) >= 2 and _CLOSING.match(lines[-2]):
            sender, lines = lines[-1], lines[:-2]
        lines = [line for line in lines if not _GREETING.match(line)]
        signed = f" · from {sender}" if sender else ""
        print(f"{row.inquiry_id} · {row.received:%a %H:%M}{signed}")
        for line in lines:
            print(textwrap.fill(line, width, initial_indent="    ", subsequent_indent="    "))
        print()


@functools.cache
def _whole_text_frame():
    """A DataFrame class shown as a learner reads a table (see :func:`_plain`): no row numbers
    from 0, and every cell's text whole (pandas cuts a cell at ``display.max_colwidth``, 50
    characters, in its plain and HTML views, which would hide the end of two flag names, "a
    layout that t..."). Frames derived from it are plain DataFrames."""
    import pandas as pd

    class WholeTextFrame(pd.DataFrame):
        @property
        def _constructor(self):
            return pd.DataFrame

        def __repr__(self):  # no row numbers from 0 beside the table's own ids
            with pd.option_context("display.max_colwidth", None):
                return self.to_string(index=False)

        def _repr_html_(self):
            with pd.option_context("display.max_colwidth", None):
                return self.to_html(index=False, notebook=True)

    return WholeTextFrame


def _plain(table):
    """``table`` shown without pandas' row numbers (0, 1, 2 ...): the views whose columns say
    all a learner needs (a grade, a region, an inquiry id) show no index beside them, where a
    "0" before "grade 1" reads as one more column. The data is unchanged (index 0, 1, 2 ...)."""
    return _whole_text_frame()(table.reset_index(drop=True))


def screening_table(screened):
    """The toolkit's screening (``screen_inquiries``) as a class compares it with its own: the
    inquiry, its company and search result, and the red flags found, named as the workshops
    name them ("red flags", then "危险信号"); "-" where none was found.

    >>> import pandas as pd
    >>> t = screening_table(pd.DataFrame({"inquiry_id": ["n03"], "company": [""],
    ...     "search_result": [""], "found_flags": [["urgent_meeting", "over_formatted"]]}))
    >>> t.loc[0, "red flags"]
    'pressure to meet at once; a layout that tries too hard'
    >>> "a layout that tries too hard" in t._repr_html_()   # whole, not cut at 50 characters
    True
    >>> repr(t).splitlines()[1].split()[0]   # the id first: no row number shown
    'n03'
    """
    import pandas as pd

    what = "screening_table(screened)"
    require_frame(screened, ["inquiry_id", "company", "search_result", "found_flags"], what,
                  allow_empty=True)
    unknown = {f for flags in screened["found_flags"] for f in flags} - set(FLAG_LABELS)
    if unknown:
        raise InputError(f"{what}: found_flags holds {sorted(unknown)[0]!r}, which is not one "
                         f"of the five flags ({', '.join(FLAG_LABELS)}).")

    def named(flags, lang):
        return "; ".join(FLAG_LABELS[f][lang] for f in flags) or "-"

    table = pd.DataFrame({
        "inquiry": screened["inquiry_id"],
        "company": screened["company"].fillna("").replace("", "-"),
        "search found": screened["search_result"].fillna("").replace("", "-"),
        "red flags": [named(f, 0) for f in screened["found_flags"]],
        "危险信号": [named(f, 1) for f in screened["found_flags"]],
    })
    return _plain(table)


def payment_methods(orders, markets=None):
    """How our buyers pay, region by region (``payment_shares`` read the way a learner needs
    it): one row per region and method actually used, the most used first, with its share of
    the region's invoices as a percentage (one decimal); shown without row numbers.

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
        rows += [{"region": region, "payment method": method,
                  "share of invoices (%)": round(float(share) * 100, 1)}
                 for method, share in used.items()]
    return _plain(pd.DataFrame(rows, columns=["region", "payment method",
                                              "share of invoices (%)"]))
