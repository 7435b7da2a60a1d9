"""How the workshop views show a table to a learner: no row numbers from 0, every cell whole,
rows numbered from 1, "yes"/"no", dates without midnight, product names as a sentence writes them.
"""
from __future__ import annotations

import functools


def cell_text(value) -> str:
    """A cell as a form shows it: a date without its midnight time."""
    return value.strftime("%Y-%m-%d") if hasattr(value, "strftime") else str(value)


#: words a product name keeps in capitals ("desk lamp LED white")
_ACRONYMS = frozenset({"LED", "USB", "LCD", "HDMI", "UK", "EU", "US", "USA"})


def product_words(name) -> str:
    """A product as a sentence names it: "PHONE TRIPOD BEIGE" as "phone tripod beige" (a word
    with a digit, such as "10000MAH", and an acronym of ``_ACRONYMS`` are kept as written).

    >>> product_words("DESK LAMP LED WHITE"), product_words("POWER BANK 10000MAH")
    ('desk lamp LED white', 'power bank 10000MAH')
    """
    if not isinstance(name, str):
        return name
    return " ".join(w if any(ch.isdigit() for ch in w) or w in _ACRONYMS else w.lower()
                    for w in name.split())


def numbered_rows(table):
    """``table`` with its rows numbered from 1, as a learner counts them."""
    table = table.reset_index(drop=True)
    table.index = range(1, len(table) + 1)
    return table


def yes_no(column):
    """A True/False column as the words "yes"/"no"."""
    return column.astype(bool).map({True: "yes", False: "no"})


@functools.cache
def _whole_text_frame(row_labels: bool = False):
    """A DataFrame class shown as a learner reads a table (see :func:`plain_table`): no row
    numbers from 0, and every cell's text whole (pandas cuts a cell at ``display.max_colwidth``, 50
    characters, in its plain and HTML views, which would hide the end of two flag names, "a
    layout that t..."). With ``row_labels`` the row labels stay (a card whose rows are named,
    :func:`whole_text_table`). Frames derived from it are plain DataFrames."""
    import pandas as pd

    class WholeTextFrame(pd.DataFrame):
        @property
        def _constructor(self):
            return pd.DataFrame

        def __repr__(self):  # no row numbers from 0 beside the table's own ids
            with pd.option_context("display.max_colwidth", None):
                return self.to_string(index=row_labels)

        def _repr_html_(self):
            with pd.option_context("display.max_colwidth", None):
                return self.to_html(index=row_labels, notebook=True)

    return WholeTextFrame


def plain_table(table):
    """``table`` shown without pandas' row numbers (0, 1, 2 ...): the views whose columns say
    all a learner needs (a grade, a region, an inquiry id) show no index beside them, where a
    "0" before "grade 1" reads as one more column. The data is unchanged (index 0, 1, 2 ...)."""
    return _whole_text_frame()(table.reset_index(drop=True))


def whole_text_table(table):
    """``table`` with its row labels, every cell's text shown whole: a card whose rows are named
    ("decision", "why" ...), where pandas would cut a long reason at 50 characters
    ("Quality problem that stops use, large amount (..."). The data is unchanged."""
    return _whole_text_frame(row_labels=True)(table)
