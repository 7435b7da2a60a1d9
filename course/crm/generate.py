"""The seeded generator of the course data sets (``crm-course data generate``).

Everything is drawn from ``numpy.random.default_rng(seed)``: the same seed and sizes give the
same files, byte for byte. The hand-written texts come from ``course/crm/corpus/*.yaml``; the
composed ones are built from hand-written fragments there, and carry the labels their
fragments were written with (never labels computed by ``screen_inquiry``).
"""
from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd

from course.crm import generate_new_shop
from course.crm.generate_texts import (  # noqa: F401 (N_*: the data sets' sizes, read here)
    CARRIERS,
    CORPUS,
    N_INQUIRIES,
    N_MESSAGES,
    _corpus,
    make_inquiries,
    make_messages,
)
from course.errors import InputError

DEFAULT_SEED = 2026
DEFAULT_ORDERS = 30_000
# the order export covers 1 October 2024 to 30 September 2026: nothing on or after this day
EXPORT_END = np.datetime64("2026-10-01")

PLATFORMS = ["AliExpress", "eBay", "Amazon", "Shopee", "own site"]
# country -> (region key, platform weights in PLATFORMS order, preferred language, weight)
COUNTRIES = {
    "United States": ("north_america", [3, 3, 4, 0, 2], "English", 16),
    "Canada": ("north_america", [3, 2, 3, 0, 2], "English", 5),
    "United Kingdom": ("europe", [3, 3, 3, 0, 2], "English", 8),
    "France": ("europe", [4, 2, 3, 0, 2], "French", 6),
    "Germany": ("europe", [3, 3, 4, 0, 2], "German", 7),
    "Spain": ("europe", [5, 2, 2, 0, 1], "Spanish", 5),
    "Russia": ("europe", [6, 1, 0, 0, 1], "Russian", 6),
    "Indonesia": ("southeast_asia", [2, 0, 0, 6, 1], "Indonesian", 5),
    "Malaysia": ("southeast_asia", [2, 0, 0, 6, 1], "Malay", 4),
    "Philippines": ("southeast_asia", [2, 0, 0, 6, 1], "English", 4),
    "Thailand": ("southeast_asia", [2, 0, 0, 6, 1], "Thai", 4),
    "Vietnam": ("southeast_asia", [2, 0, 0, 6, 1], "Vietnamese", 4),
    "Singapore": ("southeast_asia", [2, 1, 1, 5, 1], "English", 3),
    "Saudi Arabia": ("middle_east", [4, 1, 3, 0, 2], "Arabic", 5),
    "United Arab Emirates": ("middle_east", [3, 1, 4, 0, 2], "Arabic", 5),
    "Qatar": ("middle_east", [3, 1, 3, 0, 2], "Arabic", 2),
    "Kuwait": ("middle_east", [3, 1, 3, 0, 2], "Arabic", 2),
    "Turkey": ("middle_east", [5, 1, 1, 0, 2], "Turkish", 3),
}
# region -> payment methods (SYLLABUS L6) and their weights: the syllabus names the methods but
# gives no shares, so the weights are the course authors' estimate (W06 says so beside the table)
PAYMENTS = {
    "north_america": (["Credit card", "PayPal", "Apple Pay"], [5, 4, 1]),
    "europe": (["Visa", "MasterCard", "Local card"], [4, 3, 3]),
    "southeast_asia": (["Credit card", "Bank transfer", "Cash on delivery", "Offline POS",
                        "Instalments"], [3, 2, 3, 1, 1]),
    "middle_east": (["Credit card", "E-wallet"], [5, 4]),
}
# Buyer names per country (first names, family names): common names of each country, written
# the way buyers type them on the platforms (Latin letters). Seeded draws, never the same full
# name twice.
_ARAB_FIRST = ["Abdullah", "Mohammed", "Ahmed", "Omar", "Khalid", "Faisal", "Saud", "Yousef",
               "Hamad", "Ali", "Fatima", "Aisha", "Noura", "Maryam", "Sara", "Layla", "Huda",
               "Reem", "Hessa", "Lulwa", "Nasser", "Tariq", "Salman", "Dana"]
_ARAB_LAST = ["Al-Saud", "Al-Harbi", "Al-Qahtani", "Al-Otaibi", "Al-Ghamdi", "Al-Zahrani",
              "Al-Shammari", "Al-Mansoori", "Al-Nuaimi", "Al-Maktoum", "Al-Thani", "Al-Kuwari",
              "Al-Sabah", "Al-Mutairi", "Al-Ajmi", "Haddad", "Khoury", "Al-Dosari"]
NAMES = {
    "United States": (["James", "Michael", "Emily", "Jessica", "Ashley", "David", "Sarah",
                       "Chris", "Megan", "Brian", "Jennifer", "Kevin", "Amanda", "Tyler",
                       "Rachel", "Jason", "Lauren", "Brandon", "Nicole", "Kyle", "Hannah",
                       "Ryan", "Olivia", "Ethan"],
                      ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis",
                       "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "White",
                       "Harris", "Martinez", "Thompson", "Clark", "Lewis", "Walker"]),
    "Canada": (["Liam", "Emma", "Noah", "Chloe", "Mathieu", "Sophie", "Gabriel", "Julie",
                "Ethan", "Charlotte", "Olivier", "Isabelle", "Logan", "Megan"],
               ["Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "MacDonald",
                "Campbell", "Wong", "Martin", "Lee", "Anderson", "Fraser", "Leblanc"]),
    "United Kingdom": (["Oliver", "George", "Harry", "Jack", "Amelia", "Isla", "Poppy",
                        "Charlie", "Emily", "Thomas", "Sophie", "James", "Grace", "William",
                        "Lucy", "Alfie"],
                       ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans",
                        "Thomas", "Roberts", "Walker", "Wright", "Hughes", "Edwards", "Green",
                        "Hall", "Wood"]),
    "France": (["Camille", "Léa", "Manon", "Chloé", "Hugo", "Lucas", "Louis", "Nathan",
                "Julien", "Claire", "Antoine", "Élodie", "Mathilde", "Thomas"],
               ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit",
                "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel"]),
    "Germany": (["Lukas", "Leon", "Jonas", "Felix", "Anna", "Lena", "Laura", "Julia",
                 "Max", "Paul", "Sophie", "Marie", "Tobias", "Katharina", "Jan"],
                ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
                 "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Wolf", "Neumann"]),
    "Spain": (["Lucía", "María", "Paula", "Carmen", "Alejandro", "Pablo", "Javier",
               "Daniel", "Sergio", "Laura", "Marta", "Álvaro", "Elena", "Diego"],
              ["García", "Fernández", "González", "Rodríguez", "López", "Martínez",
               "Sánchez", "Pérez", "Gómez", "Ruiz", "Díaz", "Moreno", "Jiménez"]),
    "Russia": (["Ivan", "Dmitry", "Alexei", "Sergei", "Andrei", "Nikolai", "Olga",
                "Tatiana", "Natalia", "Elena", "Anastasia", "Irina", "Maxim", "Yulia"],
               ["Ivanov", "Smirnov", "Kuznetsov", "Popov", "Vasiliev", "Petrov", "Sokolov",
                "Mikhailov", "Novikov", "Fedorov", "Morozov", "Volkov", "Lebedev"]),
    "Indonesia": (["Budi", "Agus", "Dewi", "Siti", "Putri", "Rizky", "Andi", "Wahyu",
                   "Indah", "Ayu", "Fajar", "Rina", "Hendra", "Sri"],
                  ["Santoso", "Wijaya", "Saputra", "Pratama", "Hidayat", "Kusuma", "Setiawan",
                   "Nugroho", "Lestari", "Wibowo", "Susanto", "Halim"]),
    "Malaysia": (["Ahmad", "Nurul", "Aiman", "Farah", "Hafiz", "Siti", "Wei Ling", "Jun Hao",
                  "Priya", "Aisyah", "Amir", "Mei Ling", "Hakim", "Kavitha"],
                 ["Abdullah", "Ismail", "Rahman", "Hassan", "Tan", "Lim", "Wong", "Lee",
                  "Ibrahim", "Yusof", "Chong", "Kumar"]),
    "Philippines": (["Maria", "Juan", "Jose", "Angelica", "Mark", "Kristine", "John Paul",
                     "Jasmine", "Carlo", "Rowena", "Miguel", "Joy", "Ramon", "Liza"],
                    ["Santos", "Reyes", "Cruz", "Bautista", "Ocampo", "Garcia", "Mendoza",
                     "Torres", "Villanueva", "Ramos", "Aquino", "Castillo"]),
    "Thailand": (["Somchai", "Somsak", "Nattapong", "Kittisak", "Siriporn", "Kanya",
                  "Pimchanok", "Malee", "Anong", "Chaiwat", "Thanawat", "Wanida", "Preecha"],
                 ["Saetang", "Srisuk", "Wongsa", "Chaiyaporn", "Rattanakul", "Boonmee",
                  "Suwannarat", "Thongchai", "Kaewmanee", "Phromma", "Jaidee"]),
    "Vietnam": (["Anh", "Linh", "Huong", "Minh", "Tuan", "Hung", "Lan", "Mai", "Duc",
                 "Thao", "Quang", "Ngoc", "Khanh", "Trang"],
                ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Phan", "Vu", "Dang", "Bui", "Do",
                 "Ho", "Ngo"]),
    "Singapore": (["Wei Jie", "Hui Min", "Jia Hui", "Kai Wen", "Siti", "Arjun", "Rachel",
                   "Daniel", "Li Ting", "Muhammad", "Shu Fen", "Ryan"],
                  ["Tan", "Lim", "Lee", "Ng", "Ong", "Wong", "Goh", "Chua", "Koh", "Teo",
                   "Rahman", "Pillai"]),
    "Saudi Arabia": (_ARAB_FIRST, _ARAB_LAST),
    "United Arab Emirates": (_ARAB_FIRST, _ARAB_LAST),
    "Qatar": (_ARAB_FIRST, _ARAB_LAST),
    "Kuwait": (_ARAB_FIRST, _ARAB_LAST),
    "Turkey": (["Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Emre", "Zeynep", "Elif",
                "Ayşe", "Fatma", "Merve", "Burak", "Can", "Esra"],
               ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk",
                "Aydın", "Özdemir", "Arslan", "Doğan", "Kılıç"]),
}

ADJUSTMENTS = ["damaged", "lost in transit", "stock check", "wet/damaged", "?"]
PRODUCT_WORDS = (
    ["LED STRIP LIGHT 5M", "PHONE CASE SILICONE", "WIRELESS EARBUDS", "USB-C CABLE 1M",
     "YOGA MAT 6MM", "CERAMIC COFFEE MUG", "BAMBOO CUTTING BOARD", "KIDS RAINCOAT",
     "WOMEN SUMMER DRESS", "MEN HOODIE", "KNITTED BEANIE", "SILK SCARF", "PET BED ROUND",
     "GARDEN SOLAR LIGHT", "SCENTED CANDLE JAR", "CANVAS TOTE BAG", "WATER BOTTLE STEEL",
     "POWER BANK 10000MAH", "BLUETOOTH SPEAKER", "HAIR CLIP SET", "WALL CLOCK WOODEN",
     "DESK LAMP LED", "PHONE TRIPOD", "CAR PHONE HOLDER", "BABY ROMPER", "SUNGLASSES UV400",
     "RUNNING SHOES", "LEATHER WALLET", "BACKPACK WATERPROOF", "KNIFE SET 6PC"]
)
COLOURS = ["BLACK", "WHITE", "PINK", "BLUE", "GREEN", "GREY", "RED", "BEIGE"]


def region_of_country() -> dict[str, str]:
    """Return the country -> region key map the generator uses."""
    return {c: v[0] for c, v in COUNTRIES.items()}


def buyer_names(rng, countries) -> list[str]:
    """One full name per entry of ``countries``, from that country's lists, all different."""
    taken: set[str] = set()
    names = []
    for country in countries:
        first, last = NAMES[country]
        for _ in range(1000):
            name = f"{first[rng.integers(len(first))]} {last[rng.integers(len(last))]}"
            if name not in taken:
                break
        else:  # pragma: no cover - the lists are far longer than any country's share
            raise InputError(f"not enough different names for the buyers of {country}.")
        taken.add(name)
        names.append(name)
    return names


def _check_sizes(seed, n_orders):
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise InputError(f"seed must be a whole number >= 0; got {seed!r}.")
    if isinstance(n_orders, bool) or not isinstance(n_orders, (int, np.integer)):
        raise InputError(f"the number of orders must be a whole number; got {n_orders!r}.")
    if not 1_000 <= n_orders <= 5_000_000:
        raise InputError(
            f"the number of orders must be between 1,000 and 5,000,000; got {n_orders:,}."
        )


# --------------------------------------------------------------------------- customers
def make_customers(rng: np.random.Generator, n_orders: int) -> pd.DataFrame:
    """Return the customers table (buyers and prospects) sized for ``n_orders`` order lines."""
    n = max(80, n_orders // 25)
    countries = list(COUNTRIES)
    w = np.array([COUNTRIES[c][3] for c in countries], float)
    country = rng.choice(len(countries), size=n, p=w / w.sum())
    country_names = np.array(countries, dtype=object)[country]
    platform = np.empty(n, dtype=object)
    for i, c in enumerate(countries):
        idx = np.flatnonzero(country == i)
        pw = np.array(COUNTRIES[c][1], float)
        platform[idx] = np.array(PLATFORMS, dtype=object)[
            rng.choice(len(PLATFORMS), size=idx.size, p=pw / pw.sum())]
    # deal status: about 30% have bought (closed) and a few are near-certain (Grade 1 about a
    # third: the team can give each of them its full attention); most are still in talks
    # (Grades 2-3) or have no clear intent yet (Grade 4)
    status = rng.choice(["closed", "near_certain", "open", "none"], size=n,
                        p=[0.30, 0.04, 0.38, 0.28])
    clear = np.where(status == "none", False,
                     np.where(status == "open", rng.random(n) < 0.75, rng.random(n) < 0.95))
    interest = np.where(clear, rng.random(n) < np.where(status == "open", 0.45, 0.7),
                        rng.random(n) < 0.2)
    start = np.datetime64("2024-06-01")
    first_contact = start + rng.integers(0, 540, n).astype("timedelta64[D]")
    birthday = np.datetime64("1966-01-01") + rng.integers(0, 38 * 365, n).astype("timedelta64[D]")
    activity = rng.lognormal(0.0, 0.9, n)
    bought = status == "closed"
    intent = np.clip(np.round(1 + 4 * activity / (activity + 1.2) + rng.normal(0, 0.7, n)), 1, 5)
    reviews = rng.poisson(0.25 * activity) * bought
    referrals = rng.poisson(0.08 * activity) * bought
    df = pd.DataFrame({
        "customer_id": np.arange(12346, 12346 + n),
        "name": buyer_names(rng, country_names),
        "country": country_names,
        "region": [COUNTRIES[c][0] for c in country_names],
        "platform": platform,
        "first_contact": first_contact,
        "deal_status": status,
        "clear_intent": clear,
        "obvious_interest": interest,
        "birthday": birthday,
        "language": [COUNTRIES[c][2] for c in country_names],
        "repurchase_intent": pd.array(
            [int(v) if b else None for v, b in zip(intent, bought, strict=True)], dtype="Int64"),
        "reviews": reviews.astype(int),
        "referrals": referrals.astype(int),
    })
    df["_activity"] = activity
    return df


# --------------------------------------------------------------------------- orders
def _catalog(rng: np.random.Generator):
    names, codes, prices = [], [], []
    for i, word in enumerate(PRODUCT_WORDS):
        base = float(np.round(rng.lognormal(1.6, 0.7), 2))
        for j, colour in enumerate(rng.choice(COLOURS, size=4, replace=False)):
            names.append(f"{word} {colour}")
            codes.append(f"{20000 + i * 37:05d}{'ABCD'[j]}")
            prices.append(max(0.39, round(base * (0.9 + 0.05 * j), 2)))
    return np.array(codes, dtype=object), np.array(names, dtype=object), np.array(prices)


def _invoices(rng: np.random.Generator, customers: pd.DataFrame, n_normal: int):
    """The invoices of ``n_normal`` order lines: how many, the invoice of each line, and per
    invoice its customer (-1: a guest), country, platform, payment method and time."""
    # invoices and their lines
    lines = 1 + np.minimum(rng.poisson(4.5, size=n_normal // 3 + 10), 29)
    ends = np.cumsum(lines)
    n_inv = int(np.searchsorted(ends, n_normal)) + 1
    lines = lines[:n_inv]
    lines[-1] -= ends[n_inv - 1] - n_normal
    inv_of_line = np.repeat(np.arange(n_inv), lines)

    buyers = customers[customers["deal_status"] == "closed"]
    act = buyers["_activity"].to_numpy()
    guest = rng.random(n_inv) < 0.08
    cust_pos = rng.choice(len(buyers), size=n_inv, p=act / act.sum())
    inv_cust = np.where(guest, -1, buyers["customer_id"].to_numpy()[cust_pos])
    countries = list(COUNTRIES)
    cw = np.array([COUNTRIES[c][3] for c in countries], float)
    guest_country = np.array(countries, dtype=object)[rng.choice(len(countries), n_inv,
                                                                  p=cw / cw.sum())]
    inv_country = np.where(guest, guest_country, buyers["country"].to_numpy()[cust_pos])
    own_platform = buyers["platform"].to_numpy()[cust_pos]
    other_platform = np.array(PLATFORMS, dtype=object)[rng.integers(0, len(PLATFORMS), n_inv)]
    inv_platform = np.where(rng.random(n_inv) < 0.85, own_platform, other_platform)
    inv_platform = np.where(guest, other_platform, inv_platform)
    inv_payment = np.empty(n_inv, dtype=object)
    region_map = region_of_country()
    inv_region = np.array([region_map[c] for c in inv_country], dtype=object)
    for region, (methods, pw) in PAYMENTS.items():
        idx = np.flatnonzero(inv_region == region)
        pw = np.array(pw, float)
        inv_payment[idx] = np.array(methods, dtype=object)[rng.choice(len(methods), idx.size,
                                                                       p=pw / pw.sum())]
    # dates: two years, busier in November and December
    days = np.arange(np.datetime64("2024-10-01"), EXPORT_END)
    month = days.astype("datetime64[M]").astype(int) % 12 + 1
    dw = np.where(np.isin(month, [11, 12]), 1.7, 1.0)
    day = days[rng.choice(days.size, n_inv, p=dw / dw.sum())]
    minutes = rng.integers(7 * 60, 22 * 60, n_inv).astype("timedelta64[m]")
    inv_time = day.astype("datetime64[m]") + minutes
    return n_inv, inv_of_line, inv_cust, inv_country, inv_platform, inv_payment, inv_time


def _lines(rng: np.random.Generator, codes, prices, n_normal: int):
    """Each order line's product (a few are popular), quantity and price (bulk: 15% off)."""
    pop = 1.0 / np.arange(1, codes.size + 1) ** 0.8
    prod = rng.permutation(codes.size)[rng.choice(codes.size, n_normal, p=pop / pop.sum())]
    qty = rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 24, 48, 96], size=n_normal,
                     p=[.30, .18, .10, .08, .05, .08, .04, .05, .06, .04, .015, .005])
    price = np.where(qty >= 24, np.round(prices[prod] * 0.85, 2), prices[prod])
    return prod, qty, price


def make_orders(rng: np.random.Generator, customers: pd.DataFrame, n_orders: int) -> pd.DataFrame:
    """Return ``n_orders`` order lines in the UCI Online Retail II layout plus Platform, Payment.

    Dirt, as in real exports: credit notes with invoice prefix ``C`` and negative quantities
    (cancellations on the day of the order, returns 5-40 days later), guest rows without a
    Customer ID, and stock adjustments (negative quantity, price 0, no customer).
    """
    codes, descs, prices = _catalog(rng)
    n_cancel = int(n_orders * 0.015)
    n_return = int(n_orders * 0.008)
    n_adjust = max(3, int(n_orders * 0.002))
    n_normal = n_orders - n_cancel - n_return - n_adjust

    n_inv, inv_of_line, inv_cust, inv_country, inv_platform, inv_payment, inv_time = \
        _invoices(rng, customers, n_normal)

    prod, qty, price = _lines(rng, codes, prices, n_normal)

    # credit notes: cancellations (same day) and returns (5-40 days later), customers only
    # The export ends with 30 September 2026 (EXPORT_END): a credit note or a stock correction
    # after that day is not in it, so they are drawn only for lines early enough to fit.
    with_cust = np.flatnonzero(inv_cust[inv_of_line] >= 0)
    line_time = inv_time[inv_of_line]
    day = np.timedelta64(1, "D")
    return_rows = rng.choice(with_cust[line_time[with_cust] < EXPORT_END - 41 * day],
                             size=n_return, replace=False)
    cancel_pool = np.setdiff1d(with_cust[line_time[with_cust] < EXPORT_END - day], return_rows)
    cancel_rows = rng.choice(cancel_pool, size=n_cancel, replace=False)
    c_inv = inv_of_line[cancel_rows]
    r_inv = inv_of_line[return_rows]
    c_time = inv_time[c_inv] + rng.integers(10, 240, n_cancel).astype("timedelta64[m]")
    r_time = inv_time[r_inv] + rng.integers(5 * 1440, 40 * 1440, n_return).astype(
        "timedelta64[m]")
    r_qty = -np.minimum(qty[return_rows], rng.integers(1, 4, n_return))
    # adjustments
    a_rows = rng.choice(np.flatnonzero(line_time < EXPORT_END - day), n_adjust)
    a_time = inv_time[inv_of_line[a_rows]] + np.timedelta64(1, "D")

    # documents, numbered in time order: normal invoices, one credit note per original
    # invoice for its cancellations, one per return line, one per adjustment
    c_docs, c_doc_of = np.unique(c_inv, return_inverse=True)
    c_doc_time = pd.Series(c_time).groupby(c_doc_of).min().to_numpy()
    doc_time = np.concatenate([inv_time, c_doc_time, r_time, a_time])
    doc_kind = np.concatenate([np.zeros(n_inv, int), np.ones(c_docs.size, int),
                               np.ones(n_return, int), np.full(n_adjust, 2)])
    order = np.argsort(doc_time, kind="stable")
    number = np.empty(order.size, dtype=np.int64)
    number[order] = 489434 + np.arange(order.size)
    label = np.where(doc_kind == 1, "C", "").astype(object) + number.astype(str).astype(object)
    inv_label = label[:n_inv]
    c_label = label[n_inv:n_inv + c_docs.size][c_doc_of]
    r_label = label[n_inv + c_docs.size:n_inv + c_docs.size + n_return]
    a_label = label[n_inv + c_docs.size + n_return:]
    c_time = c_doc_time[c_doc_of]

    src = np.concatenate([np.arange(n_normal), cancel_rows, return_rows, a_rows])
    inv_src = inv_of_line[src]
    cust = inv_cust[inv_src].astype(float)
    cust[n_normal + n_cancel + n_return:] = np.nan
    cust[cust < 0] = np.nan
    df = pd.DataFrame({
        "Invoice": np.concatenate([inv_label[inv_of_line], c_label, r_label, a_label]),
        "StockCode": codes[prod[src]],
        "Description": np.concatenate([descs[prod], descs[prod[cancel_rows]],
                                       descs[prod[return_rows]],
                                       np.array(ADJUSTMENTS, dtype=object)[
                                           rng.integers(0, len(ADJUSTMENTS), n_adjust)]]),
        "Quantity": np.concatenate([qty, -qty[cancel_rows], r_qty,
                                    -rng.integers(1, 30, n_adjust)]).astype(np.int64),
        "InvoiceDate": np.concatenate([inv_time[inv_of_line], c_time, r_time,
                                       a_time]).astype("datetime64[s]"),
        "Price": np.concatenate([price, price[cancel_rows], price[return_rows],
                                 np.zeros(n_adjust)]),
        "Customer ID": pd.Series(cust).astype("Int64").array,
        "Country": inv_country[inv_src],
        "Platform": inv_platform[inv_src],
        "Payment": inv_payment[inv_src],
    })
    df = df.sort_values(["InvoiceDate", "Invoice"], kind="stable", ignore_index=True)
    return df


def settle_first_contact(rng, customers: pd.DataFrame, orders: pd.DataFrame) -> pd.DataFrame:
    """Make each buyer's first contact date fall 0-60 days before their first order."""
    first = orders.dropna(subset=["Customer ID"]).groupby("Customer ID")["InvoiceDate"].min()
    cust = customers.set_index("customer_id")
    fc = (first.dt.floor("D") - pd.to_timedelta(rng.integers(0, 60, first.size), unit="D"))
    cust.loc[fc.index, "first_contact"] = fc.to_numpy()
    # a "closed" customer whose only orders were never placed becomes a near-certain prospect
    never = (cust["deal_status"] == "closed") & ~cust.index.isin(first.index)
    cust.loc[never, "deal_status"] = "near_certain"
    cust.loc[never, ["repurchase_intent"]] = pd.NA
    cust.loc[never, ["reviews", "referrals"]] = 0
    return cust.reset_index()


# --------------------------------------------------------------------------- all files
def generate(seed: int = DEFAULT_SEED, n_orders: int = DEFAULT_ORDERS) -> dict:
    """Return every data set as a dict name -> DataFrame (markets: the parsed YAML)."""
    _check_sizes(seed, n_orders)
    rng = np.random.default_rng(seed)
    customers = make_customers(rng, n_orders)
    orders = make_orders(rng, customers, n_orders)
    customers = settle_first_contact(rng, customers, orders).drop(columns="_activity")
    inquiries = make_inquiries(rng, customers)
    messages = make_messages(rng)
    sets = {"orders": orders, "customers": customers, "inquiries": inquiries,
            "messages": messages, "markets": _corpus("markets")}
    # the new shop of workshops W02-W04: generators of their own, nothing above changes
    world = generate_new_shop.World(COUNTRIES, PLATFORMS, PRODUCT_WORDS, buyer_names)
    sets.update(generate_new_shop.generate(seed, world, known_texts=set(inquiries["text"])))
    return sets


def write(out, seed: int = DEFAULT_SEED, n_orders: int = DEFAULT_ORDERS) -> dict[str, Path]:
    """Generate every data set and write it into folder ``out``; return name -> file path."""
    out = Path(out)
    sets = generate(seed, n_orders)
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    date_fmt = "%Y-%m-%d %H:%M:%S"
    p = out / "orders.csv.gz"
    import gzip

    # a fixed gzip header time keeps the file byte-identical for the same seed
    with gzip.GzipFile(p, "wb", mtime=0, compresslevel=9) as gz:
        gz.write(sets["orders"].to_csv(index=False, date_format=date_fmt,
                                       float_format="%.2f").encode("utf-8"))
    paths["orders"] = p
    c = sets["customers"].copy()
    for col in ("first_contact", "birthday"):
        c[col] = c[col].dt.strftime("%Y-%m-%d")
    paths["customers"] = out / "customers.csv"
    c.to_csv(paths["customers"], index=False)
    q = sets["inquiries"].copy()
    q["red_flags"] = [";".join(f) for f in q["red_flags"]]
    paths["inquiries"] = out / "inquiries.csv"
    q.to_csv(paths["inquiries"], index=False, date_format="%Y-%m-%d %H:%M")
    paths["messages"] = out / "messages.csv"
    sets["messages"].to_csv(paths["messages"], index=False, date_format="%Y-%m-%d %H:%M",
                            float_format="%.2f")
    paths["markets"] = out / "markets.yaml"
    shutil.copyfile(CORPUS / "markets.yaml", paths["markets"])
    paths.update(generate_new_shop.write(out, sets))
    return paths
