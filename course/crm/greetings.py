"""The greeting calendar of a month (SYLLABUS L5: keep regular contact on holidays and birthdays)."""
from __future__ import annotations

import calendar

from course.crm._checks import require_frame
from course.errors import InputError


def _month(month) -> int:
    if isinstance(month, str):
        names = {calendar.month_name[i].lower(): i for i in range(1, 13)}
        names.update({calendar.month_abbr[i].lower(): i for i in range(1, 13)})
        if month.strip().lower() in names:
            return names[month.strip().lower()]
    elif not isinstance(month, bool) and isinstance(month, int) and 1 <= month <= 12:
        return month
    raise InputError(f"month must be a number from 1 to 12 or a month name such as 'December'; "
                     f"got {month!r}.")


def birthdays_in_month(customers, month):
    """The customers born in ``month``: day, name, country and language, by day then name.

    >>> import pandas as pd
    >>> people = pd.DataFrame({"name": ["Ana", "Ben"], "country": ["Spain", "Canada"],
    ...                        "language": ["Spanish", "English"],
    ...                        "birthday": pd.to_datetime(["1990-12-24", "1985-06-01"])})
    >>> birthdays_in_month(people, 12)
       day name country language
    0   24  Ana   Spain  Spanish
    """
    what = "birthdays_in_month(customers, month)"
    require_frame(customers, ["name", "country", "language", "birthday"], what,
                  allow_empty=True)
    m = _month(month)
    born = customers[customers["birthday"].dt.month == m]
    return (born.assign(day=born["birthday"].dt.day)
            .sort_values(["day", "name"])[["day", "name", "country", "language"]]
            .reset_index(drop=True))


def festivals_in_month(customers, month, markets=None):
    """The festivals of ``month`` in every region, and how many of ``customers`` they concern.

    A festival kept in a few countries only (a national day) counts only the customers of
    those countries; a region-wide one counts every customer of the region. Festivals whose
    date moves each year (the Islamic ones) are listed in their month of 2026.

    >>> from course.crm.data import load
    >>> buyers = load("customers").query("deal_status == 'closed'")
    >>> festivals_in_month(buyers, "September")["festival"].tolist()
    ['Saudi National Day (23 September)']
    """
    from course.crm.markets import _regions

    require_frame(customers, ["country", "region"], "festivals_in_month(customers, month)",
                  allow_empty=True)
    import pandas as pd

    m = _month(month)
    rows = []
    for region in _regions(markets):
        in_region = customers[customers["region"] == region["key"]]
        for festival in region.get("festivals", []):
            if m not in festival.get("months", []):
                continue
            countries = festival.get("countries")
            concerned = (in_region[in_region["country"].isin(countries)] if countries
                         else in_region)
            rows.append({"region": region["name"], "festival": festival["text"],
                         "who": ", ".join(countries) if countries else "the whole region",
                         "customers": len(concerned)})
    return pd.DataFrame(rows, columns=["region", "festival", "who", "customers"])
