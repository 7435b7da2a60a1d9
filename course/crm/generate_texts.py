"""The seeded texts of the course data sets: inquiries and buyer messages, hand-written ones
from ``course/crm/corpus/*.yaml`` then composed ones from the fragments there (see
``course.crm.generate``, which draws them after the orders from the same generator)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import yaml

CORPUS = Path(__file__).resolve().parent / "corpus"
N_INQUIRIES = 220          # hand-written first, then composed
N_MESSAGES = 160           # the same
CARRIERS = ["China Post", "YunExpress", "Cainiao", "4PX", "DHL", "FedEx", "UPS", "EMS"]


def _corpus(name: str) -> dict:
    with open(CORPUS / f"{name}.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _fill(template: str, slots: dict) -> str:
    return template.format(**slots)


KINDS = ["confirm", "detailed", "price", "vague"]
KIND_GRADE = {"confirm": 1, "detailed": 2, "price": 3, "vague": 4}
KIND_REASON = {
    "confirm": "The deal is agreed; only payment or shipping is left (near-certain).",
    "detailed": "Names a product and quantity and asks detailed questions: clear intent "
                "and obvious interest.",
    "price": "Asks about one product (price or stock): clear intent, nothing more yet.",
    "vague": "No product or quantity in mind: no clear intent.",
}


def _composed_inquiry(rng: np.random.Generator, frag: dict, k: int) -> dict:
    """The ``k``-th composed inquiry: a genuine one of a kind, or a fake buyer's with flags."""
    f = frag["inquiry"]
    p = frag["products"][rng.integers(len(frag["products"]))]
    place = frag["places"][rng.integers(len(frag["places"]))]
    name = frag["first_names"][rng.integers(len(frag["first_names"]))]
    fake = rng.random() < 0.35
    flags: list[str] = []
    company, search = "", ""
    if fake:
        n_flags = int(rng.choice([1, 1, 1, 2, 2, 3]))
        flags = sorted(rng.choice(list(f["red_flags"]) + ["unverifiable_company"], n_flags,
                                  replace=False).tolist())
        # a fake buyer asks nothing about the product: a vague request or a bare price
        kind = str(rng.choice(["vague", "price"], p=[0.6, 0.4]))
    else:
        kind = str(rng.choice(KINDS, p=[0.15, 0.35, 0.3, 0.2]))
    if "unverifiable_company" in flags:
        company = frag["fake_companies"][rng.integers(len(frag["fake_companies"]))]
        search = str(rng.choice(["nothing", "negative"], p=[0.7, 0.3]))
    elif not fake and rng.random() < 0.2:
        company = frag["real_companies"][rng.integers(len(frag["real_companies"]))]
        search = "found"
    slots = {"product": p[0], "plural": p[1], "qty": int(p[2] * rng.integers(1, 4)),
             "big_qty": f"{int(p[3] * rng.integers(10, 60)):,}", "place": place,
             "company": company or "our company",
             "company_upper": (company or "GLOBAL TRADE PARTNERS").upper(),
             "ref": f"{rng.integers(100, 999)}-{rng.integers(10000, 99999)}"}
    parts = []
    if "over_formatted" in flags:
        tpl = f["red_flags"]["over_formatted"]
        parts.append(_fill(tpl[rng.integers(len(tpl))], slots))
    parts.append(f["greetings"][rng.integers(len(f["greetings"]))])
    body = []
    if company:
        tpl = f["company_openings"]
        body.append(_fill(tpl[rng.integers(len(tpl))], slots))
        if "unverifiable_company" in flags:
            tpl = f["big_claims"]
            body.append(_fill(tpl[rng.integers(len(tpl))], slots))
    else:
        op = f["openings"][rng.integers(len(f["openings"]))]
        if op:
            body.append(_fill(op, slots))
    tpl = f["bodies"][kind]
    body.append(_fill(tpl[rng.integers(len(tpl))], slots))
    for flag in flags:
        if flag in ("over_formatted", "unverifiable_company"):
            continue
        tpl = f["red_flags"][flag]
        body.append(_fill(tpl[rng.integers(len(tpl))], slots))
    parts.append(" ".join(body))
    parts.append(f["closings"][rng.integers(len(f["closings"]))] + "\n" + name)
    if flags:
        grade = 4
        reason = "Shows red flags of a fake buyer (" + ", ".join(
            fl.replace("_", " ") for fl in flags) + "): handle last, verify first."
    else:
        grade, reason = KIND_GRADE[kind], KIND_REASON[kind]
    return {
        "inquiry_id": f"c{k + 1:03d}", "text": "\n".join(parts),
        "old_customer": bool(not flags and kind in ("confirm", "detailed")
                             and rng.random() < 0.3),
        "company": company, "search_result": search, "red_flags": flags, "grade": grade,
        "reason": reason, "source": "composed",
    }


def make_inquiries(rng: np.random.Generator, customers: pd.DataFrame,
                   n: int = N_INQUIRIES) -> pd.DataFrame:
    """Return the labelled inquiries: every hand-written one, then composed ones up to ``n``."""
    hand = _corpus("inquiries")["inquiries"]
    frag = _corpus("fragments")
    rows = []
    for item in hand:
        rows.append({
            "inquiry_id": item["id"], "text": item["text"].strip(),
            "old_customer": bool(item.get("old", False)),
            "company": item.get("company", ""), "search_result": item.get("search", ""),
            "red_flags": list(item["flags"]), "grade": int(item["grade"]),
            "reason": item["reason"],
            "source": "hand-written holdout" if item.get("holdout") else "hand-written",
        })
    for k in range(n - len(rows)):
        rows.append(_composed_inquiry(rng, frag, k))
    df = pd.DataFrame(rows)
    # The taught rule (SYLLABUS L4, lesson 04): a customer who has closed a deal with us is
    # Grade 1, whatever the mail asks; the agent's reason says so.
    old_not_1 = df["old_customer"] & (df["grade"] != 1)
    df.loc[old_not_1, "reason"] = (df.loc[old_not_1, "reason"].str.rstrip(".")
                                   + ". An old customer who has bought from us: Grade 1.")
    df.loc[df["old_customer"], "grade"] = 1
    # when each inquiry arrived: Monday 13 April 2026 to Thursday 16 April 2026 noon
    start = np.datetime64("2026-04-13T00:00")
    df.insert(1, "received", pd.to_datetime(
        start + np.sort(rng.integers(0, 84 * 60, len(df))).astype("timedelta64[m]")))
    df = df.iloc[rng.permutation(len(df))].sort_values("received", kind="stable")
    df["received"] = np.sort(df["received"].to_numpy())
    old_ids = customers.loc[customers["deal_status"] == "closed", "customer_id"].to_numpy()
    new_ids = customers.loc[customers["deal_status"] != "closed", "customer_id"].to_numpy()
    cid = np.where(df["old_customer"], rng.choice(old_ids, len(df)),
                   np.where(rng.random(len(df)) < 0.5, rng.choice(new_ids, len(df)), -1))
    df.insert(2, "customer_id", pd.Series(cid).where(cid >= 0).astype("Int64").array)
    cols = ["inquiry_id", "received", "customer_id", "old_customer", "text", "company",
            "search_result", "red_flags", "grade", "reason", "source"]
    return df[cols].reset_index(drop=True)


STAGE = {"bargaining": "pre-sale", "combined_shipping": "pre-sale",
         "product_question": "pre-sale", "address_change": "in-sale",
         "out_of_stock": "in-sale", "unpaid_order": "in-sale", "quality_minor": "after-sale",
         "quality_refund": "after-sale", "quality_repair": "after-sale",
         "logistics_delay": "after-sale", "return": "after-sale"}
PROBLEM = {"quality_minor": "quality", "quality_refund": "quality",
           "quality_repair": "quality", "logistics_delay": "logistics", "return": "return"}


def _tracking(rng, carrier: str) -> str:
    digits = lambda k: "".join(str(d) for d in rng.integers(0, 10, k))  # noqa: E731
    if carrier == "China Post":
        return f"LX{digits(9)}CN"
    if carrier == "EMS":
        return f"EA{digits(9)}CN"
    if carrier == "YunExpress":
        return f"YT{digits(16)}"
    if carrier == "Cainiao":
        return f"LP{digits(14)}"
    if carrier == "4PX":
        return f"4PX{digits(13)}CN"
    if carrier == "UPS":
        return "1Z" + "".join(rng.choice(list("0123456789ABCDEFGHJKLMNPRSTUVWXY"), 16))
    return digits(10 if carrier == "DHL" else 12)


def _composed_message(rng: np.random.Generator, frag: dict, cat: str, k: int) -> dict:
    """The ``k``-th composed buyer message, of category ``cat``."""
    m = frag["message"]
    if cat == "quality_refund":
        product = m["cheap_products"][rng.integers(len(m["cheap_products"]))]
        value = float(rng.integers(3, 25))
    elif cat == "quality_repair" or (cat == "quality_minor" and k % 2):
        # a small fault that does not stop use happens to dear items as well as cheap ones
        product = m["dear_products"][rng.integers(len(m["dear_products"]))]
        value = float(rng.integers(120, 650))
    elif cat == "quality_minor":
        product = m["cheap_products"][rng.integers(len(m["cheap_products"]))]
        value = float(rng.integers(3, 25))
    else:
        p = frag["products"][rng.integers(len(frag["products"]))]
        product = p[0]
        value = float(rng.integers(8, 150))
    plural = product + "s" if not product.endswith("s") else product
    days = int({"pre-sale": 0, "in-sale": rng.integers(2, 7)}.get(
        STAGE[cat], rng.integers(12, 40)))
    slots = {"product": product, "plural": plural, "qty": int(rng.integers(3, 30)),
             "place": frag["places"][rng.integers(len(frag["places"]))], "days": days}
    tpl = m["bodies"][cat]
    greet = m["greetings"][rng.integers(len(m["greetings"]))]
    close = m["closings"][rng.integers(len(m["closings"]))]
    text = "\n".join(x for x in [greet, _fill(tpl[rng.integers(len(tpl))], slots), close]
                     if x)
    item = {"id": f"mc{k + 1:03d}", "category": cat, "name":
            frag["first_names"][rng.integers(len(frag["first_names"]))],
            "product": product, "value": value, "text": text, "source": "composed"}
    if STAGE[cat] != "pre-sale":
        item["days"] = days
    if cat.startswith("quality"):
        item["affects_use"] = cat != "quality_minor"
    return item


def make_messages(rng: np.random.Generator, n: int = N_MESSAGES) -> pd.DataFrame:
    """Return buyer messages with their category and order facts: hand-written, then composed."""
    hand = _corpus("messages")["messages"]
    frag = _corpus("fragments")
    items = [dict(m, source="hand-written") for m in hand]
    cats = list(STAGE)
    for k in range(n - len(items)):
        items.append(_composed_message(rng, frag, cats[k % len(cats)], k))

    rows = []
    start = np.datetime64("2026-04-13T00:00")
    for item in items:
        cat = item["category"]
        stage = STAGE[cat]
        if "received" in item:
            received = pd.Timestamp(item["received"]) + pd.Timedelta(
                minutes=int(rng.integers(8 * 60, 20 * 60)))
        else:
            received = pd.Timestamp(start + np.timedelta64(int(rng.integers(0, 4 * 1440)), "m"))
        order_date = ship_date = pd.NaT
        order_id = carrier = tracking = None
        if stage != "pre-sale":
            if "ordered" in item:
                order_date = pd.Timestamp(item["ordered"]) + pd.Timedelta(hours=10)
            else:
                order_date = (received - pd.Timedelta(days=int(item.get("days", 1)))
                              - pd.Timedelta(minutes=int(rng.integers(0, 600))))
            order_id = "8" + "".join(str(d) for d in rng.integers(0, 10, 15))
        if stage == "after-sale":
            if "shipped" in item:
                ship_date = pd.Timestamp(item["shipped"]) + pd.Timedelta(hours=15)
            else:
                ship_date = order_date + pd.Timedelta(days=int(rng.integers(1, 4)))
            carrier = CARRIERS[int(rng.integers(len(CARRIERS)))]
            tracking = _tracking(rng, carrier)
        rows.append({
            "message_id": item["id"], "received": received, "stage": stage, "category": cat,
            "buyer_name": item["name"], "product": item["product"], "order_id": order_id,
            "order_value": float(item["value"]), "order_date": order_date,
            "ship_date": ship_date, "carrier": carrier, "tracking_number": tracking,
            "problem": PROBLEM.get(cat), "affects_use": item.get("affects_use"),
            "text": item["text"].strip(), "source": item["source"],
        })
    df = pd.DataFrame(rows)
    for col in ("received", "order_date", "ship_date"):
        df[col] = pd.to_datetime(df[col]).dt.floor("min")
    df["affects_use"] = df["affects_use"].astype("boolean")
    df = df.sort_values("received", kind="stable", ignore_index=True)
    df = _one_name_per_queue(df, frag["first_names"])
    for message_id, name in (frag.get("own_names") or {}).items():  # after the draw: see there
        df.loc[df["message_id"] == message_id, "buyer_name"] = name
    return df


def _one_name_per_queue(df: pd.DataFrame, first_names: list[str]) -> pd.DataFrame:
    """A day's queue of one stage (its pre-sale, in-sale or after-sale mail) never holds two
    different buyers with one first name: a later composed message whose name is taken there
    gets the first name of ``first_names`` not used that day (no random draw, so nothing else
    of the data changes). Hand-written messages keep the names their authors gave them."""
    day = df["received"].dt.date
    for (_, _), queue in df.groupby([day, df["stage"]], sort=False):
        used = set(queue["buyer_name"])
        seen: set[str] = set()
        for i, row in queue.iterrows():
            name = row["buyer_name"]
            if name in seen and row["source"] == "composed":
                name = next(n for n in first_names if n not in used)
                used.add(name)
                df.at[i, "buyer_name"] = name
            seen.add(name)
    return df
