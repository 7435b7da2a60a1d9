"""Customer grading (SYLLABUS L4) and the reply queue of a working day (SYLLABUS L4 and L5)."""
from __future__ import annotations

from course.crm._checks import as_bool, as_datetime, as_number, as_timestamp, require_frame
from course.errors import InputError

DEAL_STATUSES = ("closed", "near_certain", "open", "none")

# grade -> (rule in English, rule in Chinese, how the grade is handled)
RULES = {
    "closed": (1, "closed a deal", "已成交客户"),
    "near_certain": (1, "near-certain prospect", "准客户"),
    "intent_interest": (2, "clear intent and obvious interest", "有明确意向、明显兴趣"),
    "intent": (3, "clear intent", "有明确意向"),
    "none": (4, "no clear intent", "无明确意向"),
}

HANDLING = {
    1: ("Whole team: the agent leads the follow-up with the supervisor's help.",
        "全员配合：客服主导跟进，主管协助。"),
    2: ("The agent follows up closely and asks colleagues or superiors about any doubt.",
        "客服密切跟进，有疑问及时请教上级和同事。"),
    3: ("Answer the e-mail within 24 hours.", "24 小时内回复邮件。"),
    4: ("Handle after grades 1-3 are done, when there is time.", "处理完 1-3 级客户后再处理。"),
}


def grade_customers(customers):
    """Grade each customer 1-4 by the rules of SYLLABUS L4, with the rule that fired.

    ``customers`` needs the columns ``deal_status`` (one of ``closed``, ``near_certain``,
    ``open``, ``none``), ``clear_intent`` and ``obvious_interest`` (True/False). The first rule
    that matches decides:

    ====================================================  =====
    rule                                                   grade
    ====================================================  =====
    deal_status is ``closed`` (已成交客户)                   1
    deal_status is ``near_certain`` (准客户)                 1
    clear intent and obvious interest (有明确意向、明显兴趣)   2
    clear intent (有明确意向)                                3
    no clear intent (无明确意向), interest or not            4
    ====================================================  =====

    Returns a copy of ``customers`` with the columns ``grade``, ``rule`` (English),
    ``rule_zh`` and ``handling`` (how that grade is followed up) added at the end.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"customer_id": [1, 2, 3],
    ...                    "deal_status": ["closed", "open", "none"],
    ...                    "clear_intent": [True, True, False],
    ...                    "obvious_interest": [False, True, True]})
    >>> grade_customers(df)[["customer_id", "grade", "rule"]]
       customer_id  grade                               rule
    0            1      1                      closed a deal
    1            2      2  clear intent and obvious interest
    2            3      4                    no clear intent
    """
    import numpy as np

    what = "grade_customers(customers)"
    require_frame(customers, ["deal_status", "clear_intent", "obvious_interest"], what)
    status = customers["deal_status"]
    from course.crm._checks import no_missing

    no_missing(customers, "deal_status", what)
    bad = ~status.isin(DEAL_STATUSES)
    if bad.any():
        row = customers.index[bad.to_numpy()][0]
        raise InputError(
            f"{what}: column 'deal_status' has the value {status[row]!r} in row {row!r}; "
            f"expected one of: {', '.join(DEAL_STATUSES)}."
        )
    intent = as_bool(customers, "clear_intent", what)
    interest = as_bool(customers, "obvious_interest", what)
    st = status.to_numpy()
    key = np.select(
        [st == "closed", st == "near_certain", intent & interest, intent],
        ["closed", "near_certain", "intent_interest", "intent"],
        default="none",
    )
    out = customers.copy()
    out["grade"] = np.array([RULES[k][0] for k in key], dtype="int64")
    out["rule"] = [RULES[k][1] for k in key]
    out["rule_zh"] = [RULES[k][2] for k in key]
    out["handling"] = [HANDLING[g][0] for g in out["grade"]]
    return out


def reply_queue(inquiries, now, *, grade3_hours: float = 24, old_answer_days: float = 3):
    """Return the ordered work list for ``now``: what to answer first, and by when.

    ``inquiries`` needs ``received`` (date and time), ``grade`` (1-4) and ``old_customer``
    (True/False); any other column (an id, the text) is carried along. The rules
    (SYLLABUS L4 and L5):

    - old customers (they have bought from us, so they are Grade 1 by the grading rules) are
      a tier of their own, before every new buyer: a holding reply ("Mail received, and it is
      being processed") by the end of the day the mail came in (``due``), and the real answer
      within 3 days (``answer_due``);
    - then the new buyers by grade, each grade a tier: Grade 1, then Grade 2 (both due within
      24 hours at the latest, the grade-3 limit: a better customer never waits longer), then
      Grade 3 (within 24 hours of arrival), then Grade 4 (after grades 1-3 are done, so no
      due time, ``NaT``).

    The grade decides first: within a tier (one grade) the earliest due time (then the
    earliest arrival) comes first. ``overdue`` is True when ``now`` is past ``due``. ``rank``
    starts at 1.

    >>> import pandas as pd
    >>> q = pd.DataFrame({"id": ["a", "b", "c"], "grade": [4, 3, 1],
    ...                   "old_customer": [False, False, True],
    ...                   "received": pd.to_datetime(["2026-04-15 08:00", "2026-04-14 10:00",
    ...                                               "2026-04-16 08:00"])})
    >>> reply_queue(q, "2026-04-16 11:00")[["rank", "id", "tier", "due", "overdue"]]
       rank id          tier                 due  overdue
    0     1  c  old customer 2026-04-16 23:59:59    False
    1     2  b       grade 3 2026-04-15 10:00:00     True
    2     3  a       grade 4                 NaT    False
    """
    import numpy as np
    import pandas as pd

    what = "reply_queue(inquiries, now)"
    require_frame(inquiries, ["received", "grade", "old_customer"], what)
    now = as_timestamp(now, "reply_queue: now")
    received = as_datetime(inquiries, "received", what).to_numpy(dtype="datetime64[ns]")
    grade = as_number(inquiries, "grade", what)
    if grade.isna().any() or not grade.isin([1, 2, 3, 4]).all():
        bad = grade[~grade.isin([1, 2, 3, 4])]
        raise InputError(
            f"{what}: column 'grade' must hold the grades 1, 2, 3 or 4; found "
            f"{bad.iloc[0]!r} in row {bad.index[0]!r}."
        )
    g = grade.to_numpy(dtype="int64")
    old = as_bool(inquiries, "old_customer", what)
    if grade3_hours <= 0 or old_answer_days <= 0:
        raise InputError("reply_queue: grade3_hours and old_answer_days must be positive.")

    limit = np.timedelta64(int(grade3_hours * 3600), "s")
    end_of_day = received.astype("datetime64[D]") + np.timedelta64(86399, "s")
    nat = np.datetime64("NaT", "ns")
    due = np.where(g <= 3, received + limit, nat).astype("datetime64[ns]")
    due = np.where(old, np.minimum(end_of_day, np.where(g <= 3, due, end_of_day)), due)
    answer_due = np.where(
        old, received + np.timedelta64(int(old_answer_days * 86400), "s"), nat
    ).astype("datetime64[ns]")
    tier_no = np.where(old, 0, g)
    tier_names = np.array(["old customer", "grade 1", "grade 2", "grade 3", "grade 4"],
                          dtype=object)
    # sort key: tier, then due (NaT last), then arrival
    due_key = np.where(np.isnat(due), np.iinfo(np.int64).max, due.view("int64"))
    order = np.lexsort((received.view("int64"), due_key, tier_no))

    out = inquiries.iloc[order].copy()
    out.insert(0, "rank", np.arange(1, len(out) + 1))
    out.insert(1, "tier", tier_names[tier_no[order]])
    out["due"] = pd.to_datetime(due[order])
    out["answer_due"] = pd.to_datetime(answer_due[order])
    nowv = np.datetime64(now.to_datetime64(), "ns")
    out["overdue"] = ~np.isnat(due[order]) & (due[order] < nowv)
    action = np.where(
        old, "Holding reply today, full answer within 3 days",
        np.array([HANDLING[k][0] for k in (1, 2, 3, 4)], dtype=object)[g - 1],
    )
    out["action"] = action[order]
    front = ["rank", "tier"] + [c for c in inquiries.columns if c not in ("due", "answer_due")]
    back = ["due", "answer_due", "overdue", "action"]
    return out[front + back].reset_index(drop=True)
