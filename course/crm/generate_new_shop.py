"""The data of the new shop of workshops W02-W04 (issue 28): its customer list and the batch of
new inquiries waiting on a Monday morning.

Lantern Goods is a second shop the course's company opened in spring 2026 (made up, like every
name in the data). Both tables are drawn from their own generators, seeded from the course
seed and a stream number of their own, so adding them changed no draw of the other data sets:
``orders``, ``customers``, ``inquiries`` and ``messages`` are byte for byte what they were. The
inquiries are composed from the same hand-written fragments as ``inquiries`` (and carry the
labels their fragments were written with); a text that is already in ``inquiries`` is drawn
again, so that every inquiry of the batch is new to the learner.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from course.crm.generate_texts import _composed_inquiry, _corpus

N_NEW_SHOP_CUSTOMERS = 30
N_NEW_INQUIRIES = 14
#: the new shop's customer ids start here (the course shop's run from 12346)
FIRST_ID = 50001
#: the batch arrived from Friday 9 October 2026, 17:00 to Monday 12 October, 08:45
BATCH_START = np.datetime64("2026-10-09T17:00")
BATCH_MINUTES = 63 * 60 + 45
#: the customers' last contact falls between the shop's opening and the batch
OPENED = np.datetime64("2026-04-01")


@dataclass(frozen=True)
class World:
    """What the new shop shares with the course shop (``course.crm.generate`` passes its own,
    so this module does not import it): countries with their platform weights and languages,
    the platforms, the product words and the drawer of buyer names."""

    countries: dict
    platforms: list
    products: list
    buyer_names: Callable


def _rng(seed: int, stream: int) -> np.random.Generator:
    """A generator of its own for one table (issue 28 tables: streams 1 and 2)."""
    return np.random.default_rng([seed, 28, stream])


def _product_name(word: str) -> str:
    """``BAMBOO CUTTING BOARD`` -> ``bamboo cutting board`` (units such as 5M stay upper)."""
    return " ".join(w if any(ch.isdigit() for ch in w) else w.lower() for w in word.split())


def make_new_shop_customers(seed: int, world: World,
                            n: int = N_NEW_SHOP_CUSTOMERS) -> pd.DataFrame:
    """Return Lantern Goods' customer list: buyers and prospects with what IDIC and grading
    use (deal status, intent, interest, orders, money spent, the product, contact channel)."""
    countries_of, platforms, products = world.countries, world.platforms, world.products
    rng = _rng(seed, 1)
    countries = list(countries_of)
    w = np.array([countries_of[c][3] for c in countries], float)
    country = np.array(countries, dtype=object)[rng.choice(len(countries), n, p=w / w.sum())]
    platform = []
    for c in country:
        pw = np.array(countries_of[c][1], float)
        platform.append(platforms[rng.choice(len(platforms), p=pw / pw.sum())])
    status = rng.choice(["closed", "near_certain", "open", "none"], n, p=[0.35, 0.1, 0.3, 0.25])
    clear = np.where(status == "none", False, rng.random(n) < np.where(status == "open", 0.7, 0.95))
    interest = np.where(clear, rng.random(n) < 0.6, rng.random(n) < 0.15)
    orders = np.where(status == "closed", 1 + rng.poisson(2.0 * rng.lognormal(0, 0.7, n)), 0)
    average = np.round(rng.lognormal(np.log(35), 0.5, n), 2)
    spent = np.round(orders * average, 2)
    product = [_product_name(products[i]) for i in rng.integers(len(products), size=n)]
    named = (status != "none") | (rng.random(n) < 0.3)  # who has named a product so far
    days = (np.datetime64("2026-10-09") - OPENED).astype(int)
    last_contact = OPENED + np.sort(rng.integers(0, days, n)).astype("timedelta64[D]")
    birthday = np.datetime64("1966-01-01") + rng.integers(0, 38 * 365, n).astype("timedelta64[D]")
    channel = np.where(np.array(platform) == "own site", "e-mail",
                       rng.choice(["platform chat", "WhatsApp"], n, p=[0.7, 0.3]))
    df = pd.DataFrame({
        "customer_id": np.arange(FIRST_ID, FIRST_ID + n),
        "name": world.buyer_names(rng, country),
        "country": country,
        "region": [countries_of[c][0] for c in country],
        "platform": platform,
        "language": [countries_of[c][2] for c in country],
        "channel": channel,
        "deal_status": status,
        "clear_intent": clear,
        "obvious_interest": interest,
        "orders": orders.astype(int),
        "spent": spent,
        "product": np.where(named, product, ""),
        "last_contact": pd.to_datetime(last_contact),
        "birthday": pd.to_datetime(birthday),
    })
    return df.iloc[rng.permutation(n)].reset_index(drop=True)


def make_new_inquiries(seed: int, known_texts=(), n: int = N_NEW_INQUIRIES) -> pd.DataFrame:
    """Return the new batch: ``n`` composed inquiries none of which is in ``known_texts``,
    labelled like ``inquiries`` (an old customer, one who has bought from the shop, is
    Grade 1), received over one weekend."""
    rng = _rng(seed, 2)
    frag = _corpus("fragments")
    seen, companies = set(known_texts), set()
    rows, k = [], 0
    while len(rows) < n:
        row = _composed_inquiry(rng, frag, k)
        k += 1
        if row["text"] in seen or (row["company"] and row["company"] in companies):
            continue  # every inquiry is new, and each company writes once
        seen.add(row["text"])
        companies.add(row["company"])
        row["inquiry_id"] = f"n{len(rows) + 1:02d}"
        rows.append(row)
    df = pd.DataFrame(rows)
    df["text"] = _varied_texts(df["text"].tolist(), df["old_customer"].tolist(),
                               frag["first_names"])
    df["text"] = [_shortened(i, t) for i, t in zip(df["inquiry_id"], df["text"], strict=True)]
    old = df["old_customer"]
    df.loc[old & (df["grade"] != 1), "reason"] = (
        df.loc[old & (df["grade"] != 1), "reason"].str.rstrip(".")
        + ". An old customer who has bought from us: Grade 1.")
    df.loc[old, "grade"] = 1
    received = BATCH_START + np.sort(rng.integers(0, BATCH_MINUTES, n)).astype("timedelta64[m]")
    df.insert(1, "received", pd.to_datetime(received))
    cols = ["inquiry_id", "received", "old_customer", "text", "company", "search_result",
            "red_flags", "grade", "reason", "source"]
    return df[cols]


# A batch is read in one sitting (workshop W03): a red-flag sentence that comes again takes
# the next of these wordings, so that learners read each inquiry instead of spotting a template.
REPEAT_WORDINGS = {
    "Before we talk, send free samples of all your models (about 20 pieces) to our office.": [
        "Before any talk about prices, please send us free samples of all your models.",
        "First we need free samples of every model you sell, sent to our office by express.",
        "Send us samples of each of your models free of charge, and then we can discuss.",
        "We expect free samples of all your models at our office before we place any order.",
    ],
}
# An old customer does not introduce itself as a stranger: these openings become a returning
# buyer's (pattern, replacement).
RETURNING_OPENINGS = [
    (r"I write on behalf of (.+?), a retailer in ([^.]+)\.",
     r"We at \1 in \2 were happy with our last order from you."),
    (r"A friend recommended your store to me\.", "We were happy with our last order from you."),
    (r"I found your shop while looking for [^.]+\.", "Thank you again for our last order."),
]


def _varied_texts(texts, old_customer, first_names):
    """The batch's texts with repeated red-flag sentences reworded, each first name used once
    (a later writer with a name already used takes the first unused one of ``first_names``),
    and old customers writing as returning buyers."""
    import re

    seen: dict[str, int] = {}
    names = {t.rsplit("\n", 1)[-1] for t in texts}
    used, out = set(), []
    for text, old in zip(texts, old_customer, strict=True):
        for sentence, others in REPEAT_WORDINGS.items():
            if sentence in text:
                n = seen.get(sentence, 0)
                seen[sentence] = n + 1
                if n:
                    text = text.replace(sentence, others[(n - 1) % len(others)])
        if old:
            for pattern, returning in RETURNING_OPENINGS:
                text = re.sub(pattern, returning, text, count=1)
        body, name = text.rsplit("\n", 1)
        if name in used:
            name = next(n for n in first_names if n not in used and n not in names)
        used.add(name)
        out.append(f"{body}\n{name}")
    return out


# W03 reads the batch in one 45-minute period, each student of a pair one half (brief 28k):
# words nothing depends on are cut from the default seed's batch. No exercise quotes them and
# no red flag rests on them: where a buyer found the shop or buys, n02's catalogue request
# before its real demand, and most of n03's long letterhead line (the marks left, a banner, a
# registration number, a separator and an ATTN line, still make "a layout that tries too
# hard"). Then (issue 28, the nineteenth student reader: B1 pairs did not finish) n03's
# second reason to hurry (its "must meet this week" is the pressure) and n05's question on
# the material (its test report and one sample still show a careful buyer, unlike n06's) and
# n12's price list (its vague need and free samples of every model are the point).
# (inquiry id, the words as drawn, the words kept); words that are not in the inquiry's text
# (another seed) change nothing.
SHORTER = [
    ("n01", "I am buying for our store in Ho Chi Minh City. ", ""),
    ("n02", "A friend recommended your store to me. Please send your catalogue. ", ""),
    ("n03", "I found your shop while looking for silicone phone cases. ", ""),
    ("n03", "REG. NO. 393-48804 | ISO CERTIFIED | MEMBER OF INTERNATIONAL TRADE BOARD",
     "REG. NO. 393-48804 | ISO CERTIFIED"),
    ("n03", "this week, the contract is about to be signed and there is", "this week, there is"),
    ("n05", "What is the material, do you have a test report,", "Do you have a test report,"),
    ("n12", "in the future, send your price list. Send", "in the future. Send"),
    ("n07", "A friend recommended your store to me. ", ""),
    ("n13", "I am buying for our store in Kuala Lumpur. ", ""),
]


def _shortened(inquiry_id: str, text: str) -> str:
    """``text`` with the cuts of ``SHORTER`` for ``inquiry_id`` made."""
    for where, words, kept in SHORTER:
        if where == inquiry_id:
            text = text.replace(words, kept, 1)
    return text


def generate(seed: int, world: World, known_texts=()) -> dict:
    """Both tables: ``new_shop_customers`` and ``new_inquiries``."""
    return {"new_shop_customers": make_new_shop_customers(seed, world),
            "new_inquiries": make_new_inquiries(seed, known_texts)}


def write(out, sets: dict) -> dict:
    """Write both tables into folder ``out`` (CSV, as the other tables); return name -> path."""
    paths = {}
    c = sets["new_shop_customers"].copy()
    for col in ("last_contact", "birthday"):
        c[col] = c[col].dt.strftime("%Y-%m-%d")
    paths["new_shop_customers"] = out / "new_shop_customers.csv"
    c.to_csv(paths["new_shop_customers"], index=False, float_format="%.2f")
    q = sets["new_inquiries"].copy()
    q["red_flags"] = [";".join(f) for f in q["red_flags"]]
    paths["new_inquiries"] = out / "new_inquiries.csv"
    q.to_csv(paths["new_inquiries"], index=False, date_format="%Y-%m-%d %H:%M")
    return paths
