"""Workshop views of the buyers' messages, complaints, new inquiries and the reply queue.

As :mod:`course.crm.customer_views`, each function replaces a few lines of pandas a workshop
would otherwise show on screen. Every function returns data (a DataFrame) except those that
print: :func:`print_messages`, :func:`show_message` and :func:`print_inquiries` (and
:func:`complaint_card`, which prints the buyer's message and returns the order's facts).
"""
from __future__ import annotations

import re
import textwrap

from course.crm._checks import as_timestamp, require_frame
from course.crm.complaints import LABELS as DECISION_LABELS
from course.crm.plain_tables import cell_text, plain_table, whole_text_table, yes_no
from course.crm.screening import LABELS as FLAG_LABELS
from course.errors import InputError

INBOX_COLUMNS = ["message_id", "received", "buyer_name", "product", "order_value", "text"]


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
    """Print each message as a card: id, time, buyer, product and the order's value ("order
    87 USD"), then its text. A buyer who has not ordered (no ``order_id`` where the messages
    have that column, else no ``order_value``) has "no order yet": before the sale
    ``order_value`` is the value under discussion (data/README.md), not an order.

    >>> import pandas as pd
    >>> print_messages(pd.DataFrame({"message_id": ["m1"], "received": [pd.Timestamp("2026-04-15 06:15")],
    ...     "buyer_name": ["Idris"], "product": ["raincoat"], "order_value": [50.0],
    ...     "order_id": [None], "text": ["Can you ship 21 in one parcel?"]}))
    --- m1 · 06:15 · Idris · raincoat · no order yet
        Can you ship 21 in one parcel?
    <BLANKLINE>
    """
    require_frame(messages, INBOX_COLUMNS, "print_messages(messages)", allow_empty=True)
    has_order_id = "order_id" in messages.columns
    for m in messages.itertuples():
        ordered = _present(m.order_id) if has_order_id else _present(m.order_value)
        value = f"order {m.order_value:g} USD" if ordered and _present(m.order_value) \
            else "order" if ordered else "no order yet"
        product = m.product if isinstance(m.product, str) and m.product else "-"
        print(f"--- {m.message_id} · {m.received:%H:%M} · {m.buyer_name} · {product} · {value}")
        print(textwrap.indent(str(m.text).strip(), "    ") + "\n")


def _present(value) -> bool:
    """Whether a cell holds a value (not None, NaN or empty text)."""
    return value is not None and value == value and str(value).strip() != ""


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
    return plain_table(pd.DataFrame(rows, columns=["buyer", "product", "order value (USD)",
                                              "what to do", "处理方式"]))


def queue_table(queue, *, due=True):
    """A reply queue (``reply_queue``) as a learner reads it: ``rank``, ``tier``, the
    message's id (``inquiry_id`` shown as "inquiry"), ``due`` as text ("after grades 1-3" where
    a grade 4 mail has no due time) and ``overdue`` ("yes"/"no"); ``due=False`` leaves the
    ``due`` column out (a shorter table when the question is only which mails are overdue).
    The rank is the first column, on the heading line with the others, and pandas' row numbers
    are not shown (:func:`plain_table`; as the row index, "rank" stood on a header row of its own).

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
    table["overdue"] = yes_no(table["overdue"])
    table = table.rename(columns={"inquiry_id": "inquiry"})
    return plain_table(table if due else table.drop(columns="due"))


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
    return whole_text_table(pd.DataFrame({name or "the complaint": {
        "decision": found.decision, "what to do": en, "处理方式": zh,
        "why": found.reason["en"], "理由": found.reason["zh"]}}))


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
            rows[label] = cell_text(value.normalize() if hasattr(value, "normalize") else value)
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
    return plain_table(table)
