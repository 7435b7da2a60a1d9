"""Plot helpers for the CRM lessons: each returns a matplotlib Figure.

Titles, axes, ticks and legends follow the course language (``course.set_language``): English,
Chinese or both. Chinese is drawn with the subset of Noto Sans CJK SC shipped in
``course/crm/fonts`` (SIL Open Font Licence), registered with matplotlib the first time a plot
is made. Labels are words, never data ids: ``north_america`` is drawn "North America · 北美".
"""
from __future__ import annotations

from pathlib import Path

from course.crm._checks import require_frame
from course.errors import InputError
from course.messages import read_area

_COLOURS = ["#2b6cb0", "#38a169", "#d69e2e", "#c53030", "#805ad5", "#319795", "#dd6b20",
            "#718096", "#b83280", "#2c5282", "#975a16", "#4a5568"]
FONT_FILE = Path(__file__).resolve().parent / "fonts" / "NotoSansCJKsc-Regular-subset.otf"
CJK_FAMILY = "Noto Sans CJK SC"

# words for the ids found in the data, (English, Chinese): course/catalogue/data_words.json
WORDS = read_area("data_words")
MONTHS = [("Jan", "1月"), ("Feb", "2月"), ("Mar", "3月"), ("Apr", "4月"), ("May", "5月"),
          ("Jun", "6月"), ("Jul", "7月"), ("Aug", "8月"), ("Sep", "9月"), ("Oct", "10月"),
          ("Nov", "11月"), ("Dec", "12月")]


def current_language() -> str:
    """The course language: "en", "zh" or "both" (what ``course.set_language`` chose).

    Read from the session module, which the toolkit shares with the engine (never the engine
    itself).
    """
    from course.session import get_language

    return get_language()


def text(en: str, zh: str, sep: str = " · ") -> str:
    """``en`` or ``zh`` in the course language; both, joined by ``sep``, for "both"."""
    lang = current_language()
    if lang == "zh":
        return zh
    if lang == "both":
        return f"{en}{sep}{zh}"
    return en


def word(key) -> str:
    """A data id or value as a word in the course language ("north_america" -> North America)."""
    key = str(key)
    if key in WORDS:
        return text(*WORDS[key], sep=" ")
    return key.replace("_", " ")


def _register_font() -> None:
    """Add the shipped CJK font to matplotlib once, as the fallback after the Latin font."""
    import matplotlib
    from matplotlib import font_manager

    if CJK_FAMILY not in {f.name for f in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(str(FONT_FILE))
    families = list(matplotlib.rcParams["font.family"])
    if CJK_FAMILY not in families:
        # the Latin font first (DejaVu Sans by default); a character it lacks is drawn from
        # the CJK font (matplotlib falls back along the font.family list)
        matplotlib.rcParams["font.family"] = families + [CJK_FAMILY]


def _figure(width=6.4, height=3.6):
    """A figure that shows itself with alt text (``course.crm.picture.Picture``)."""
    from course.crm.picture import Picture

    _register_font()
    return Picture(figsize=(width, height), layout="constrained")


def _tidy(ax):
    ax.spines[["top", "right"]].set_visible(False)


def _region_words(markets=None) -> dict[str, str]:
    from course.crm.markets import _regions

    return {r["key"]: text(r["name"], r.get("name_zh", r["name"]), sep=" ")
            for r in _regions(markets)}


def plot_grade_distribution(graded):
    """Bar chart of how many customers (or inquiries) are in each grade 1-4.

    ``graded`` is a DataFrame with a ``grade`` column (e.g. ``grade_customers(...)``) or a
    Series of grades.

    >>> from course.crm.data import load
    >>> fig = plot_grade_distribution(grade_customers(load("customers")))  # doctest: +SKIP
    """
    import pandas as pd

    if isinstance(graded, pd.DataFrame):
        require_frame(graded, ["grade"], "plot_grade_distribution(graded)")
        grades = graded["grade"]
    elif isinstance(graded, pd.Series):
        grades = graded
    else:
        raise InputError("plot_grade_distribution: give a DataFrame with a 'grade' column "
                         f"or a Series of grades; got {type(graded).__name__}.")
    if len(grades) == 0:
        raise InputError("plot_grade_distribution: there are no grades to plot.")
    if not grades.isin([1, 2, 3, 4]).all():
        raise InputError("plot_grade_distribution: grades must be 1, 2, 3 or 4.")
    counts = grades.value_counts().reindex([1, 2, 3, 4], fill_value=0)
    zh_grade = {1: "一级", 2: "二级", 3: "三级", 4: "四级"}
    fig = _figure()
    ax = fig.add_subplot()
    bars = ax.bar([text(f"Grade {g}", zh_grade[g], sep="\n") for g in counts.index],
                  counts.to_numpy(), color=_COLOURS[:4])
    ax.bar_label(bars, padding=2)
    ax.set_ylabel(text("Number", "数量"))
    ax.set_title(text("Grade distribution", "客户等级分布"))
    _tidy(ax)
    return fig


def plot_segment_sizes(table):
    """Horizontal bars: customers per RFM segment (``table`` from ``rfm``), largest first."""
    from course.crm.retention import SEGMENTS

    require_frame(table, ["segment"], "plot_segment_sizes(table)")
    counts = table["segment"].astype(str).value_counts()
    counts = counts.reindex([s for s in SEGMENTS if s in counts.index]).sort_values()
    fig = _figure(6.4, 4.2)
    ax = fig.add_subplot()
    bars = ax.barh([word(s) for s in counts.index], counts.to_numpy(), color=_COLOURS[0])
    ax.bar_label(bars, padding=2)
    ax.set_xlabel(text("Customers", "客户数"))
    ax.set_title(text("RFM segment sizes", "RFM 客户细分群的人数"))
    _tidy(ax)
    return fig


def payment_shares(orders, markets=None):
    """Share of invoices paid with each method, per region (rows: regions, columns: methods)."""
    from course.crm.markets import _regions

    require_frame(orders, ["Invoice", "Country", "Payment"], "payment_shares(orders)")
    country_region = {c["name"]: r["name"] for r in _regions(markets)
                      for c in r.get("countries", [])}
    inv = orders.drop_duplicates("Invoice")
    region = inv["Country"].map(country_region)
    unknown = inv.loc[region.isna(), "Country"].unique()
    if len(unknown):
        raise InputError(
            f"payment_shares: countries not in the markets data: {', '.join(map(str, unknown[:5]))}."
        )
    table = (inv.assign(region=region).groupby(["region", "Payment"]).size()
             .unstack(fill_value=0))
    table = table.div(table.sum(axis=1), axis=0).round(3)
    order = [r["name"] for r in _regions(markets) if r["name"] in table.index]
    return table.loc[order]


def plot_payment_methods(orders, markets=None):
    """Stacked bars: how invoices are paid in each region (shares of invoices)."""
    import numpy as np

    from course.crm.markets import _regions

    shares = payment_shares(orders, markets)
    zh = {r["name"]: r.get("name_zh", r["name"]) for r in _regions(markets)}
    fig = _figure(7.2, 3.8)
    ax = fig.add_subplot()
    left = np.zeros(len(shares))
    names = [text(r, zh.get(r, r), sep="\n") for r in shares.index]
    for i, method in enumerate(shares.columns):
        vals = shares[method].to_numpy()
        ax.barh(names, vals, left=left, label=word(method), color=_COLOURS[i % len(_COLOURS)])
        left = left + vals
    ax.set_xlim(0, 1)
    ax.set_xlabel(text("Share of invoices", "发票占比"))
    ax.set_title(text("Payment methods by region", "各地区的支付方式"))
    ax.invert_yaxis()
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize="small", frameon=False)
    return fig


def plot_spending_groups(customers, column="spent", groups=5):
    """Bars: the share of all spending made by each fifth of the buyers, biggest first.

    ``customers`` has one row per customer and a money column (``spent``, as from
    ``top_customers``). Only buyers, the customers whose spending is above zero, are ranked by
    it and cut into ``groups`` equal groups; the title says how many customers without
    spending were left out, so that "the bottom 20%" never means "people who bought nothing".
    """
    import pandas as pd

    require_frame(customers, [column], "plot_spending_groups(customers)")
    if isinstance(groups, bool) or not isinstance(groups, int) or not 2 <= groups <= 10:
        raise InputError(f"plot_spending_groups: groups must be a whole number from 2 to 10; "
                         f"got {groups!r}.")
    buyers = customers[customers[column] > 0]
    total = buyers[column].sum()
    if len(buyers) < groups:
        raise InputError(f"plot_spending_groups: only {len(buyers)} customers have a "
                         f"{column!r} above zero; {groups} groups need at least {groups}.")
    rank = buyers[column].rank(method="first", ascending=False)
    group = pd.qcut(rank, groups, labels=False)
    share = buyers[column].groupby(group).sum() / total * 100
    left_out = len(customers) - len(buyers)
    step = 100 // groups
    labels = [text(f"top {step}%", f"前 {step}%", sep="\n")]
    labels += [text(f"next {step}%", f"其次 {step}%", sep="\n")] * (groups - 2)
    labels += [text(f"bottom {step}%", f"最后 {step}%", sep="\n")]
    fig = _figure(7, 3.4)
    ax = fig.add_subplot()
    bars = ax.bar(range(groups), share.to_numpy(), color=_COLOURS[0])
    ax.set_xticks(range(groups), labels)
    ax.bar_label(bars, labels=[f"{p:.0f}%" for p in share], padding=2)
    ax.set_ylabel(text("share of all spending (%)", "占总消费的比例（%）"))
    title = text(f"{len(buyers)} buyers in {groups} equal groups, by spending",
                 f"按消费额把 {len(buyers)} 位买家分成 {groups} 个人数相同的组", sep="\n")
    if left_out:
        title += "\n" + text(f"({left_out} customers who have not bought yet are left out)",
                             f"（{left_out} 位尚未购买的客户不计入）", sep="\n")
    ax.set_title(title)
    ax.set_ylim(0, 100)
    _tidy(ax)
    return fig


def plot_red_flags(flag_table):
    """Paired bars: how often each red flag was labelled by the agent and found by the toolkit.

    ``flag_table`` has one row per flag id (the index) and one column per source of findings.
    """
    import pandas as pd

    if not isinstance(flag_table, pd.DataFrame) or flag_table.empty:
        raise InputError("plot_red_flags: give a DataFrame with one row per red flag and one "
                         "column of counts per source (agent, toolkit).")
    fig = _figure(7.2, 3.8)
    ax = fig.add_subplot()
    rows = range(len(flag_table))
    width = 0.8 / len(flag_table.columns)
    for i, column in enumerate(flag_table.columns):
        label = {"labelled by the agent": text("labelled by the agent", "客服标注"),
                 "found by the toolkit": text("found by the toolkit", "工具发现")}.get(
                     column, word(column))
        ax.barh([r - 0.4 + width * (i + 0.5) for r in rows], flag_table[column],
                height=width, label=label, color=_COLOURS[i % len(_COLOURS)])
    ax.set_yticks(list(rows), [word(f) for f in flag_table.index])
    ax.invert_yaxis()
    ax.set_xlabel(text("Number of inquiries", "询盘数量"))
    ax.set_title(text("Red flags in the course inquiries", "课程询盘中的危险信号"))
    fig.legend(loc="outside lower center", ncols=len(flag_table.columns))
    _tidy(ax)
    return fig


def plot_complaint_decisions(cases, small_amount=30):
    """Dots: each quality complaint at its order value, in the row of its decision.

    ``cases`` has the columns ``decision`` and ``order_value``; a dashed line marks the
    ``small_amount`` limit of ``resolve_complaint``.
    """
    require_frame(cases, ["decision", "order_value"], "plot_complaint_decisions(cases)")
    decisions = sorted(cases["decision"].unique())
    fig = _figure(7.2, 3.0)
    ax = fig.add_subplot()
    for y, decision in enumerate(decisions):
        values = cases.loc[cases["decision"] == decision, "order_value"]
        ax.scatter(values, [y] * len(values), alpha=0.6, color=_COLOURS[y % len(_COLOURS)])
    ax.set_yticks(range(len(decisions)), [word(d) for d in decisions])
    ax.axvline(small_amount, linestyle="--", color="grey",
               label=text(f"small amount limit ({small_amount} USD)",
                          f"小额上限（{small_amount} 美元）"))
    ax.legend(loc="lower right")
    ax.set_xlabel(text("order value (USD)", "订单金额（美元）"))
    ax.set_title(text("Quality problems: the decision and the order value",
                      "质量问题：处理方式与订单金额"))
    _tidy(ax)
    return fig


def plot_complaint_families(messages):
    """Bars: after-sale messages per problem family (quality, logistics, returns)."""
    require_frame(messages, ["stage", "problem"], "plot_complaint_families(messages)")
    after = messages[messages["stage"] == "after-sale"]
    if after.empty:
        raise InputError("plot_complaint_families: there are no after-sale messages.")
    counts = after["problem"].value_counts()
    fig = _figure(6.4, 2.8)
    ax = fig.add_subplot()
    bars = ax.barh([word(p) for p in counts.index], counts.to_numpy(), color=_COLOURS[3])
    ax.bar_label(bars, padding=2)
    ax.invert_yaxis()
    ax.set_xlabel(text("after-sale messages", "售后消息数"))
    ax.set_title(text("What buyers complain about (course data)", "买家投诉的问题（课程数据）"))
    _tidy(ax)
    return fig


def plot_unhappy_customers(complain=4, total=100):
    """A grid of ``total`` unhappy customers: the few who complain, and the silent rest.

    The default draws 4 of 100: fewer than 5% complain (SYLLABUS L8).
    """
    import numpy as np

    for name, value in (("complain", complain), ("total", total)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise InputError(f"plot_unhappy_customers: {name} must be a whole number >= 0; "
                             f"got {value!r}.")
    if not 0 <= complain <= total or total == 0 or total > 400:
        raise InputError("plot_unhappy_customers: give 1 to 400 customers in all and at most "
                         f"that many who complain; got complain={complain}, total={total}.")
    side = int(np.ceil(np.sqrt(total)))
    col, row = np.meshgrid(range(side), range(side))
    col, row = col.ravel()[:total], row.ravel()[:total]
    fig = _figure(4.8, 5.0)
    ax = fig.add_subplot()
    silent = total - complain
    ax.scatter(col[complain:], row[complain:], marker="s", s=26000 / total, color="lightgrey",
               label=text(f"stay silent and leave ({silent})", f"默默离开（{silent}）"))
    ax.scatter(col[:complain], row[:complain], marker="s", s=26000 / total, color="tab:orange",
               label=text(f"complain ({complain})", f"投诉（{complain}）"))
    ax.set_axis_off()
    ax.invert_yaxis()
    ax.set_title(text(f"{total} unhappy customers", f"{total} 位不满意的客户"))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=2, frameon=False)
    return fig


def peak_months(region) -> list[int]:
    """The month numbers named in a region's peak seasons (a "11.11" sale counts as November)."""
    import calendar

    joined = " ".join(season["text"] for season in region.get("peak_seasons", []))
    return [m for m in range(1, 13)
            if calendar.month_name[m] in joined or f" {m}.{m}" in f" {joined}"]


def plot_peak_months(markets=None):
    """Squares: the months named in each region's peak seasons."""
    from course.crm.markets import _regions

    regions = _regions(markets)
    fig = _figure(8, 2.6)
    ax = fig.add_subplot()
    for row, region in enumerate(regions):
        months = peak_months(region)
        ax.scatter(months, [row] * len(months), marker="s", s=260, color="tab:orange")
    ax.set_xticks(range(1, 13), [text(en, zh, sep="\n") for en, zh in MONTHS])
    ax.set_yticks(range(len(regions)),
                  [text(r["name"], r.get("name_zh", r["name"]), sep=" ") for r in regions])
    ax.set_xlim(0.5, 12.5)
    ax.set_ylim(len(regions) - 0.5, -0.5)
    ax.set_title(text("Peak months named in the markets data", "市场资料中的销售旺季月份"))
    return fig


def invoices_per_month(orders, region, markets=None):
    """Invoices (not credit notes) per calendar month for the countries of one region."""
    from course.crm.markets import _find

    require_frame(orders, ["Invoice", "InvoiceDate", "Country"], "invoices_per_month(orders)")
    r = _find(region, markets)
    countries = [c["name"] for c in r.get("countries", [])]
    sales = ~orders["Invoice"].astype(str).str.startswith("C")
    mine = orders[orders["Country"].isin(countries) & sales].drop_duplicates("Invoice")
    return (mine.groupby(mine["InvoiceDate"].dt.month).size()
            .reindex(range(1, 13), fill_value=0).rename("invoices"))


def plot_orders_by_month(orders, region, markets=None):
    """Bars: invoices per calendar month in one region (name, key or Chinese name)."""
    from course.crm.markets import _find

    r = _find(region, markets)
    per_month = invoices_per_month(orders, region, markets)
    fig = _figure(7.2, 3.0)
    ax = fig.add_subplot()
    ax.bar(per_month.index, per_month.to_numpy(), color=_COLOURS[0])
    ax.set_xticks(range(1, 13), [text(en, zh, sep="\n") for en, zh in MONTHS])
    ax.set_ylabel(text("Invoices", "发票数"))
    name = r.get("name_zh", r["name"])
    ax.set_title(text(f"Invoices per month: {r['name']}", f"每月发票数：{name}"))
    _tidy(ax)
    return fig


# --------------------------------------------------------------------------- pictures
def _box(ax, x, y, label, *, colour="#ebf4ff", edge="#2b6cb0", width=0.26, height=0.16,
         size=10):
    from matplotlib.patches import FancyBboxPatch

    ax.add_patch(FancyBboxPatch((x - width / 2, y - height / 2), width, height,
                                boxstyle="round,pad=0.02", facecolor=colour, edgecolor=edge))
    ax.text(x, y, label, ha="center", va="center", fontsize=size, wrap=True)


def _arrow(ax, start, end, colour="#4a5568"):
    ax.annotate("", xy=end, xytext=start,
                arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 1.5})


def _canvas(width, height):
    fig = _figure(width, height)
    ax = fig.add_subplot()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_axis_off()
    return fig, ax


def picture_idic_cycle():
    """The IDIC model as a cycle: Identify, Differentiate, Interact, Customize, and round again."""
    steps = [("I · Identify", "识别：发现目标客户"), ("D · Differentiate", "差异化：客户差异细分"),
             ("I · Interact", "互动：与客户保持互动"), ("C · Customize", "定制：客户化服务")]
    spots = [(0.5, 0.84), (0.84, 0.5), (0.5, 0.16), (0.16, 0.5)]
    fig, ax = _canvas(6.4, 4.6)
    for (en, zh), (x, y) in zip(steps, spots, strict=True):
        _box(ax, x, y, text(en, zh, sep="\n"), width=0.3, height=0.17)
    for i in range(4):
        (x0, y0), (x1, y1) = spots[i], spots[(i + 1) % 4]
        _arrow(ax, (x0 + (x1 - x0) * 0.3, y0 + (y1 - y0) * 0.3),
               (x0 + (x1 - x0) * 0.7, y0 + (y1 - y0) * 0.7))
    ax.text(0.5, 0.5, text("each contact teaches\nyou more: go round again",
                           "每次接触都有新了解：\n再走一圈"), ha="center", va="center",
            fontsize=9, color="#4a5568")
    ax.set_title(text("The IDIC model (Peppers and Rogers)", "IDIC 模型（佩珀斯与罗杰斯）"))
    fig.alt = text("The IDIC model as a cycle of four steps: ", "IDIC 模型是四个步骤的循环：", sep="") \
        + text("; ".join(en for en, _ in steps), "；".join(zh for _, zh in steps), sep=" / ") \
        + text(", then round again.", "，然后再走一圈。", sep="")
    return fig


def picture_grading_flow():
    """The grading decision: three questions in order, the first yes decides the grade."""
    questions = [
        (text("Closed a deal with us,\nor near-certain?", "已成交或准客户？", sep="\n"),
         text("Grade 1", "一级", sep=" ")),
        (text("Clear intent and\nobvious interest?", "有明确意向\n且有明显兴趣？", sep="\n"),
         text("Grade 2", "二级", sep=" ")),
        (text("Clear intent?", "有明确意向？", sep="\n"), text("Grade 3", "三级", sep=" ")),
    ]
    fig, ax = _canvas(6.8, 5.0)
    ys = [0.82, 0.56, 0.30]
    for (question, grade), y in zip(questions, ys, strict=True):
        _box(ax, 0.3, y, question, width=0.36, height=0.17, size=9)
        _box(ax, 0.8, y, grade, colour="#f0fff4", edge="#38a169", width=0.22, height=0.1)
        _arrow(ax, (0.49, y), (0.68, y))
        ax.text(0.585, y + 0.03, text("yes", "是"), ha="center", fontsize=9)
        _arrow(ax, (0.3, y - 0.095), (0.3, y - 0.165))
        ax.text(0.33, y - 0.13, text("no", "否"), fontsize=9)
    _box(ax, 0.3, 0.08, text("Grade 4: no clear intent", "四级：无明确意向", sep="\n"),
         colour="#fff5f5", edge="#c53030", width=0.36, height=0.1, size=9)
    ax.set_title(text("Grading a customer: the first yes decides", "客户定级：第一个“是”决定等级"))
    fig.alt = text("A decision flow: ask three questions in order; the first yes gives the grade. ",
                   "决策流程：按顺序问三个问题，第一个“是”决定等级。", sep=" ") + " ".join(
        f"{question.replace(chr(10), ' ')} → {grade}." for question, grade in questions) \
        + " " + text("Otherwise Grade 4: no clear intent.", "否则为四级：无明确意向。", sep=" ")
    return fig


def picture_complaint_steps():
    """The complaint dialogue: the customer's three moves, then the agent's two."""
    moves = [(text("1. I have a complaint", "1. 提出投诉", sep="\n"), "customer"),
             (text("2. This is the problem", "2. 说明问题", sep="\n"), "customer"),
             (text("3. Please solve it so", "3. 提出要求", sep="\n"), "customer"),
             (text("4. We are sorry", "4. 道歉", sep="\n"), "agent"),
             (text("5. Solution and\ncompensation", "5. 提出解决方案\n和补偿", sep="\n"), "agent")]
    fig, ax = _canvas(8.0, 2.8)
    xs = [0.1, 0.3, 0.5, 0.7, 0.9]
    for (label, who), x in zip(moves, xs, strict=True):
        customer = who == "customer"
        _box(ax, x, 0.5, label, width=0.17, height=0.34, size=8.5,
             colour="#ebf4ff" if customer else "#f0fff4",
             edge="#2b6cb0" if customer else "#38a169")
    for a, b in zip(xs, xs[1:], strict=False):
        _arrow(ax, (a + 0.09, 0.5), (b - 0.09, 0.5))
    ax.text(0.3, 0.9, text("the customer", "顾客"), ha="center", color="#2b6cb0")
    ax.text(0.8, 0.9, text("the service agent", "客服"), ha="center", color="#38a169")
    ax.set_title(text("A complaint dialogue in five moves", "投诉对话的五个步骤"))
    steps = [label.replace("\n", " ") for label, _who in moves]
    fig.alt = text("A complaint dialogue in five moves. The customer: ",
                   "投诉对话的五个步骤。顾客：", sep=" ") + "; ".join(steps[:3]) + ". " \
        + text("The service agent: ", "客服：", sep=" ") + "; ".join(steps[3:]) + "."
    fig.narrow = _complaint_steps_narrow(moves)
    return fig


def _complaint_steps_narrow(moves):
    """The five moves stacked top to bottom in large type: readable on a phone."""
    fig, ax = _canvas(3.6, 6.6)
    ys = [0.86, 0.68, 0.50, 0.32, 0.14]
    for (label, who), y in zip(moves, ys, strict=True):
        customer = who == "customer"
        _box(ax, 0.5, y, label.replace("\n", " "), width=0.9, height=0.12, size=12,
             colour="#ebf4ff" if customer else "#f0fff4",
             edge="#2b6cb0" if customer else "#38a169")
    for a, b in zip(ys, ys[1:], strict=False):
        _arrow(ax, (0.5, a - 0.065), (0.5, b + 0.065))
    ax.set_title(text("A complaint dialogue in five moves", "投诉对话的五个步骤",
                      sep="\n") + "\n" + text("blue: the customer · green: the service agent",
                                               "蓝色：顾客 · 绿色：客服"), fontsize=11)
    return fig


def picture_chat_window():
    """A live-chat window on a shop page, with a model exchange between a buyer and an agent."""
    from matplotlib.patches import FancyBboxPatch

    lines = [
        ("buyer", text("Hi! Is the sofa 200 cm or 220 cm wide?", "你好！这款沙发宽 200 厘米还是 220 厘米？", sep="\n")),
        ("agent", text("Hello, thanks for asking! It is 200 cm wide and 90 cm deep.",
                       "您好，感谢咨询！宽 200 厘米，深 90 厘米。", sep="\n")),
        ("buyer", text("Is the grey darker than in the photo?", "灰色比照片上深吗？", sep="\n")),
        ("agent", text("A little. I can send you a photo in daylight now.",
                       "稍深一点。我现在给您发一张自然光下的照片。", sep="\n")),
        ("buyer", text("Great, thank you!", "太好了，谢谢！", sep="\n")),
    ]
    fig, ax = _canvas(6.4, 4.8)
    ax.add_patch(FancyBboxPatch((0.03, 0.03), 0.94, 0.86, boxstyle="round,pad=0.01",
                                facecolor="white", edgecolor="#a0aec0"))
    ax.add_patch(FancyBboxPatch((0.03, 0.81), 0.94, 0.08, boxstyle="round,pad=0.01",
                                facecolor="#2b6cb0", edgecolor="#2b6cb0"))
    ax.text(0.06, 0.85, text("Live chat · a real person answers", "在线客服 · 真人回复"),
            color="white", va="center", fontsize=10)
    y = 0.72
    for who, said in lines:
        buyer = who == "buyer"
        ax.text(0.07 if buyer else 0.93, y, said, ha="left" if buyer else "right", va="center",
                fontsize=8.5,
                bbox={"boxstyle": "round,pad=0.4", "facecolor": "#edf2f7" if buyer else "#c6f6d5",
                      "edgecolor": "none"})
        y -= 0.14
    ax.set_title(text("Live chat: a fast, personal answer", "在线客服：快速而贴心的回答"))
    said = " ".join(f"{text('Buyer', '买家') if who == 'buyer' else text('Agent', '客服')}: "
                    f"{line.replace(chr(10), ' / ')}" for who, line in lines)
    fig.alt = text("A live-chat window on a shop page, a real person answering. ",
                   "网店页面上的在线客服窗口，由真人回复。", sep=" ") + said
    return fig
