"""Regional market profiles (SYLLABUS L6): one region's facts, and a comparison table."""
from __future__ import annotations

from course.errors import InputError

ASPECTS = ("role", "country traits", "customer traits", "payment methods", "peak seasons",
           "festivals")


def _regions(markets=None) -> list[dict]:
    if markets is None:
        from course.crm.data import load

        markets = load("markets")
    if not isinstance(markets, dict) or not isinstance(markets.get("regions"), list):
        raise InputError("markets must be the mapping load('markets') returns (with 'regions').")
    return markets["regions"]


def region_names(markets=None) -> list[str]:
    """Return the region names, e.g. ['North America', 'Europe', ...]."""
    return [r["name"] for r in _regions(markets)]


def _find(region, markets=None) -> dict:
    regions = _regions(markets)
    if isinstance(region, str):
        want = region.strip().lower().replace("-", " ").replace("_", " ")
        for r in regions:
            if want in (r["name"].lower(), r["key"].replace("_", " "), r.get("name_zh", "")):
                return r
    from course.crm._checks import suggest

    names = [r["name"] for r in regions]
    raise InputError(
        f"Unknown region {region!r}.{suggest(str(region), names)} "
        f"Expected one of: {', '.join(names)}."
    )


def market_profile(region, markets=None):
    """Return one region's facts as a table: aspect, country, fact, source.

    ``region`` is a name ('Southeast Asia'), a key ('southeast_asia') or the Chinese name
    ('东南亚'); case does not matter. Every fact carries its source.

    >>> market_profile("Middle East").query("aspect == 'payment methods'")["fact"].tolist()
    ['Credit card', 'E-wallet']
    """
    import pandas as pd

    r = _find(region, markets)
    rows = [("role", "", r["role"]["text"], r["role"]["source"])]
    for c in r.get("countries", []):
        for t in c.get("traits", []):
            rows.append(("country traits", c["name"], t["text"], t["source"]))
    for key, aspect in (("customer_traits", "customer traits"),
                        ("payment_methods", "payment methods"),
                        ("peak_seasons", "peak seasons"), ("festivals", "festivals")):
        for t in r.get(key, []):
            rows.append((aspect, "", t["text"], t["source"]))
    df = pd.DataFrame(rows, columns=["aspect", "country", "fact", "source"])
    df.attrs["region"] = r["name"]
    return df


def compare_markets(markets=None):
    """Return one row per region: name (English, Chinese), role, countries, customer traits,
    payment methods, peak seasons (each list joined with '; ').

    >>> compare_markets()["region"].tolist()
    ['North America', 'Europe', 'Southeast Asia', 'Middle East']
    """
    import pandas as pd

    rows = []
    for r in _regions(markets):
        rows.append({
            "region": r["name"],
            "region_zh": r.get("name_zh", ""),
            "role": r["role"]["text"],
            "countries": "; ".join(c["name"] for c in r.get("countries", [])),
            "customer traits": "; ".join(t["text"] for t in r.get("customer_traits", [])),
            "payment methods": "; ".join(t["text"] for t in r.get("payment_methods", [])),
            "peak seasons": "; ".join(t["text"] for t in r.get("peak_seasons", [])),
        })
    return pd.DataFrame(rows)


def region_of(country: str, markets=None) -> str:
    """Return the region name of ``country`` (as listed in the markets data)."""
    for r in _regions(markets):
        for c in r.get("countries", []):
            if c["name"].lower() == str(country).strip().lower():
                return r["name"]
    known = [c["name"] for r in _regions(markets) for c in r.get("countries", [])]
    from course.crm._checks import suggest

    raise InputError(f"Unknown country {country!r}.{suggest(str(country), known)} "
                     f"Countries in the markets data: {', '.join(known)}.")
