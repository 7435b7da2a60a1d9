"""Screening an inquiry for the five fake-buyer red flags of SYLLABUS L3."""
from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from course.errors import InputError
from course.text import html_no_maths


@dataclass(frozen=True)
class RedFlag:
    """A red flag of a fake buyer: its name in the data, the plain name the workshops use for
    it and what it means, each (English, Chinese)."""

    name: str
    label: tuple[str, str]
    explanation: tuple[str, str]


#: the five red flags, in the syllabus's order (the order of every table and chart)
RED_FLAGS = (
    RedFlag("large_order_without_details",
            ("a huge order without details", "订单很大却不问细节"),
            ("A very large order is confirmed before the buyer knows the product in detail.",
             "在尚未详细了解产品之前就确认了一笔非常大的订单。")),
    RedFlag("off_norm_request",
            ("a request outside trade norms", "不合贸易惯例的要求"),
            ("The request is outside trade norms (a price by weight or length for goods sold by "
             "the piece, or many free samples straight away).",
             "请求明显不符合贸易惯例（按重量或长度询价计件商品，或一开始就索要大量免费样品）。")),
    RedFlag("urgent_meeting",
            ("pressure to meet at once", "催促立即见面"),
            ("The sender insists on meeting at once and stresses urgency, as if a minute's delay "
             "would lose the deal.",
             "对方坚持立即见面并强调紧迫性，仿佛耽误一分钟就会失去订单。")),
    RedFlag("unverifiable_company",
            ("a big name nobody can find", "查不到的大公司"),
            ("The sender names a company that your search could not verify (almost nothing "
             "found, or only negative information).",
             "对方声称来自某公司，但搜索几乎查不到该公司的信息，或只有负面信息。")),
    RedFlag("over_formatted",
            ("a layout that tries too hard", "刻意花哨的排版"),
            ("The formatting is suspiciously over-polished (letterhead banners, reference "
             "numbers, capital letters) to look like a very formal company.",
             "格式过分讲究（横幅抬头、编号、全大写），刻意装成非常正规的公司。")),
)
FLAGS = tuple(flag.name for flag in RED_FLAGS)
#: flag -> what it means (English, Chinese)
EXPLANATIONS = {flag.name: flag.explanation for flag in RED_FLAGS}
#: flag -> the plain name the workshops use for it (English, Chinese)
LABELS = {flag.name: flag.label for flag in RED_FLAGS}

# -- large order without details ---------------------------------------------------------
_NUM = r"(\d{1,3}(?:[,.]\d{3})+|\d+)"
_QTY = re.compile(
    _NUM + r"\s*(k\b|thousand\b)?\s*(?:x\s*)?"
    r"(pcs\b|pieces\b|pcs\.|units\b|sets\b|pairs\b|items\b|tons?\b|tonnes?\b|"
    r"(?:40|20)\s*ft\b|(?:40|20)'|containers?\b)",
    re.I,
)
_WORD_QTY = re.compile(
    r"\b(multi-?million|(?:a|one|\d+) million|millions of|(?:entire|whole|full) (?:production|"
    r"output|stock|inventory)|all (?:of )?your (?:stock|production|inventory)|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:full\s+)?containers?)\b"
    r"[^.\n]{0,30}", re.I)
# "25,000 of your phone cases": a count without a unit word
_QTY_OF = re.compile(r"\b" + _NUM + r"\s*(k\b|thousand\b)?\s+of\s+(?:your|the|these|those)\b",
                     re.I)
_COMMIT = re.compile(
    r"\b(confirms?(?:ed)?\s+(?:our\s+|the\s+|an?\s+)?(?:order|purchase)|"
    r"ready to (?:order|buy|place|pay|purchase)|we (?:will|want|wish to|would like to) "
    r"(?:buy|take|order|purchase)|decided to buy|accept your price|"
    r"(?:wish(?:es)? to|will) place (?:an|the|our)? ?order|send (?:your |the |us )?"
    r"(?:pi|proforma|pro-forma|contract|invoice|bank (?:account )?details)|"
    r"payment will be|(?:wire|transfer|pay|send)\s+(?:the\s+|a\s+|our\s+|you\s+)?"
    r"(?:advance|deposit)|where to (?:wire|send|pay|transfer)|"
    r"bank (?:information|info|details|account)|draft the (?:sales )?(?:agreement|contract)|"
    r"issue the (?:contract|pi|invoice)|approved the purchase|hereby confirm|"
    r"(?:please )?reserve (?:\w+ )?(?:containers?|pieces|units|your)|we (?:will )?take \d)",
    re.I,
)
_ANY_MODEL = re.compile(
    r"\b(any (?:model|of your|item|product)s?|all (?:your )?(?:models|products|items)"
    r"(?: are| is)? (?:ok|fine|acceptable)|all models ok|no need (?:to discuss|samples|details)|"
    r"whatever (?:model|type|kind|colou?r|you have|products?|items?)s?|"
    r"whichever (?:model|type|kind)s?|any mix\b|(?:mixed|any) (?:sizes|models|colou?rs) "
    r"(?:no problem|ok|fine)|(?:do not|don't) need (?:samples|details)|"
    r"(?:all|any) (?:products|items|goods)(?: are| is)? (?:acceptable|fine|ok))",
    re.I,
)
_DETAIL_Q = re.compile(
    r"\b(material|fabric|size|sizes|colou?rs?|spec(?:ification)?s?|certif\w*|test report|"
    r"warranty|sample|model|voltage|wattage|battery|density|thick\w*|capacity|packag\w*|"
    r"logo|which|lead time|quality)\b",
    re.I,
)

# -- off-norm requests -------------------------------------------------------------------
_PER_WEIGHT = re.compile(
    r"\b(?:price|quote|cost|offer|rate|much|buy|charge)\b[^.?!\n]{0,45}?\bby\s+(?:the\s+)?"
    r"(kg|kilo\w*|tons?|tonnes?|weight|met(?:er|re)s?|length)\b|"
    r"\b(?:price|quote|cost|offer|rate|much)\b[^.?!\n]{0,45}?\bper\s*(kg|kilo\w*|tons?|tonnes?|pounds?|"
    r"lbs?|grams?|met(?:er|re)s?)\b|\b(?:price|cost)\s+(?:for\s+)?(?:each|a|one)\s+(kg|kilo\w*|"
    r"ton|met(?:er|re))\b",
    re.I,
)
_BULK_GOODS = re.compile(
    r"\b(fabric|cloth|yarn|thread|tea|coffee|rice|grain|flour|sugar|spices?|steel|iron|copper|"
    r"alumin\w*|scrap|wire|rope|cable|ribbon|lace|pellets?|powder|sand|granules?)\b",
    re.I,
)
_SAMPLES = re.compile(
    r"[^.!?]*\b(?:samples?|(?:one|a) (?:unit|piece|pc) of (?:each|every|all))\b[^.!?]*",
    re.I,
)
_FREE = re.compile(r"\b(free(?: of (?:charge|cost))?|for free|no charge|without (?:charge|cost|"
                   r"payment)|at no cost|at your (?:cost|expense))\b", re.I)
_MANY = re.compile(
    r"\b(all|every|each)\b|\b(\d+|ten|twenty|thirty|dozens?)\s+(?:free\s+)?"
    r"(?:samples?|pieces|pcs|pairs|models)|\bsamples? of (?:all|every|each|different)",
    re.I,
)
_NUMBER_WORDS = {"ten": 10, "twenty": 20, "thirty": 30, "dozen": 12, "dozens": 24}

# -- urgent meeting ----------------------------------------------------------------------
_MEET = re.compile(
    r"\b(meet(?:ing)?s?|face[- ]to[- ]face|in person|video (?:call|meeting)|visit (?:your|you)|"
    r"see you|office address|which hotel|sit down (?:with|together)|shake hands|"
    r"come (?:to|over to) your (?:office|factory|company|shop|warehouse)|"
    r"see your (?:boss|director|manager|owner|chairman|ceo)|send me your location)\b",
    re.I,
)
# a meeting at a trade fair, or one the sender leaves open, is ordinary business
_MEET_OK = re.compile(
    r"\b(fair|booth|exhibition|trade show|expo|showroom visit|any day|any ?time|whenever|"
    r"if you have time|if time allows|when (?:it is )?convenient|at your convenience|no rush|"
    r"no hurry)\b", re.I)
_URGENT = re.compile(
    r"\b(urgent(?:ly)?|immediately|at once|right now|as soon as possible|asap|today|tonight|"
    r"tomorrow|this (?:afternoon|evening|week)|within \d+ hours|in (?:two|\d+) hours|"
    r"no time to lose|every minute|(?:a|one|even one) (?:minute|hour)|about to be signed|"
    r"(?:ready|going) to be signed|will be signed|closes on|must be done|before (?:monday|"
    r"tuesday|wednesday|thursday|friday|saturday|sunday)|no later than|"
    r"(?:lose|miss|cancel\w*)\b[^.\n]{0,30}\b(?:order|deal|chance)|delay|"
    r"in the next (?:few )?hours?|within the next (?:hour|\d+ hours?)|(?:in|within) (?:an|one|"
    r"two|three|\d+) hours?|quickly|closes today|time is (?:very )?short|noon|"
    r"(?:signs?|goes?|go) (?:with|to) (?:somebody|someone|another|a competitor)|"
    r"to a competitor|agree now|this chance)\b",
    re.I,
)

# -- companies ---------------------------------------------------------------------------
_SUFFIX = (
    r"(?:(?i:ltd|limited|inc|incorporated|llc|gmbh|corp|corporation|co|company|plc|group|"
    r"holdings|enterprises|berhad|bhd|fze|fzco|pty)\b\.?|"
    r"(?:AB|AS|AG|SA|S\.A\.|S\.L\.|B\.V\.|SpA)(?![\w]))"
)
_TOKEN = r"(?:[A-Z][\w'-]*|&)"
_COMPANY = re.compile(rf"((?:{_TOKEN}[ \t]+){{1,6}}{_SUFFIX})")
_LEGAL_WORDS = re.compile(
    r"\b(ltd|limited|inc|incorporated|llc|gmbh|corp|corporation|co|company|plc|ab|as|ag|sa|sl|"
    r"bv|spa|fze|fzco|pty|berhad|bhd|the)\b"
)

# -- over-formatting ---------------------------------------------------------------------
_SEPARATOR = re.compile(r"^[ \t]*([=\-*#~_>+]{2})\1{3,}.*$", re.M)
_REF_FIELD = re.compile(
    r"^[ \t]*(?:our |your )?(?:ref(?:erence)?\.?(?: no\.?)?|reg\.? no\.?|company no\.?|"
    r"tax id|case no\.?|document status|classification|attn|attention|subject|re|date|from|"
    r"to|status|priority)\s*:",
    re.I | re.M,
)
_STAMP = re.compile(
    r"\b(confidential|official|iso \d{3,5}(?: certified)?|registered|priority: high|"
    r"reg\. no\.?)\b",
    re.I,
)


_BANNER = re.compile(r"\[\s*[A-Z][A-Z0-9 /:.-]{2,}\]|^[ \t]*SECTION \d+\b", re.M)


@dataclass(frozen=True)
class Finding:
    """One red flag found in an inquiry: which flag, the words that show it, and why."""

    flag: str
    evidence: str
    start: int
    end: int
    explanation: dict = field(default_factory=dict)

    def __repr__(self) -> str:
        return f"Finding({self.flag}: {self.evidence!r})"


@dataclass(frozen=True)
class ScreeningResult:
    """The red flags found in one inquiry (``findings``), with notes on what was not checked."""

    text: str
    findings: tuple
    companies: tuple
    notes: tuple = ()

    @property
    def flags(self) -> list[str]:
        """The flags found, in the order of SYLLABUS L3."""
        found = {f.flag for f in self.findings}
        return [f for f in FLAGS if f in found]

    @property
    def suspicious(self) -> bool:
        """True when at least one red flag was found."""
        return bool(self.findings)

    def __iter__(self):
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def to_frame(self):
        """The findings as a DataFrame (flag, evidence, explanation_en, explanation_zh)."""
        import pandas as pd

        return pd.DataFrame(
            [(f.flag, f.evidence, f.explanation["en"], f.explanation["zh"])
             for f in self.findings],
            columns=["flag", "evidence", "explanation_en", "explanation_zh"],
        )

    def __repr__(self) -> str:
        if not self.findings:
            head = "No red flags found. / 未发现危险信号。"
        else:
            head = f"{len(self.flags)} red flag(s) / 个危险信号: {', '.join(self.flags)}"
        lines = [head]
        for f in self.findings:
            lines.append(f"- {f.flag}: \"{f.evidence}\"")
            lines.append(f"    {f.explanation['en']}")
            lines.append(f"    {f.explanation['zh']}")
        lines += [f"Note: {n['en']} / {n['zh']}" for n in self.notes]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        e = html.escape
        if not self.findings:
            head = "<p><b>No red flags found.</b> 未发现危险信号。</p>"
        else:
            head = (f"<p><b>{len(self.flags)} red flag(s)</b> / {len(self.flags)} 个危险信号</p>")
        rows = "".join(
            f"<tr><td><code>{e(f.flag)}</code></td><td>&ldquo;{e(f.evidence)}&rdquo;</td>"
            f"<td>{e(f.explanation['en'])}<br>{e(f.explanation['zh'])}</td></tr>"
            for f in self.findings
        )
        table = (
            "<table><thead><tr><th>flag</th><th>evidence</th><th>why / 原因</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>" if rows else ""
        )
        notes = "".join(f"<p><i>{e(n['en'])} / {e(n['zh'])}</i></p>" for n in self.notes)
        return html_no_maths(f"<div class='crm-screening'>{head}{table}{notes}</div>")


def _normalise_company(name: str) -> str:
    words = re.sub(r"[^\w\s]", " ", name.casefold())
    words = _LEGAL_WORDS.sub(" ", words)
    return " ".join(words.split())


def _known(known_companies) -> set[str] | None:
    if known_companies is None:
        return None
    if isinstance(known_companies, str):
        known_companies = [known_companies]
    if isinstance(known_companies, Mapping):
        names = [k for k, v in known_companies.items()
                 if v is True or (isinstance(v, str) and v.strip().lower() == "found")]
    elif isinstance(known_companies, Iterable):
        names = list(known_companies)
    else:
        raise InputError(
            "screen_inquiry: known_companies must be a list of the company names your search "
            "found (or a mapping name -> 'found' / 'nothing' / 'negative'); got "
            f"{type(known_companies).__name__}."
        )
    out = set()
    for n in names:
        if not isinstance(n, str):
            raise InputError(
                f"screen_inquiry: known_companies must hold company names (text); got {n!r}."
            )
        if n.strip():
            out.add(_normalise_company(n))
    return out


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    rights = [i for i in (text.find(c, end) for c in ".!?\n") if i >= 0]
    right = min(rights) if rights else len(text)
    while left < start and text[left] in " \t":
        left += 1
    return left, right


def _quantity_value(m: re.Match) -> float:
    num = float(re.sub(r"[,.]", "", m.group(1)))
    if m.group(2):
        num *= 1000
    unit = m.group(3).lower()
    if "ft" in unit or "'" in unit or unit.startswith("container"):
        return 1e9  # a container of piece goods is a very large order
    if unit.startswith("ton"):
        return num * 1000  # a ton of piece goods: thousands of pieces
    return num


def _large_order(text: str, large: float):
    spans = [m for m in _QTY.finditer(text) if _quantity_value(m) >= large]
    spans += [m for m in _QTY_OF.finditer(text)
              if float(re.sub(r"[,.]", "", m.group(1))) * (1000 if m.group(2) else 1) >= large]
    spans += list(_WORD_QTY.finditer(text))
    if not spans:
        return None
    commit = _COMMIT.search(text) or _ANY_MODEL.search(text)
    if not commit:
        return None
    # product-detail questions: a question sentence about the product, or a sample request
    for q in re.finditer(r"[^.!?\n]*\?", text):
        if _DETAIL_Q.search(q.group(0)):
            return None
    if re.search(r"\b(can|could) you send (?:us |me )?(?:a |one )?sample", text, re.I):
        return None
    m = spans[0]
    return m.start(), m.end()


def _off_norm(text: str):
    out = []
    for m in _PER_WEIGHT.finditer(text):
        s, e = _sentence_around(text, m.start(), m.end())
        if not _BULK_GOODS.search(text[s:e]):
            out.append((m.start(), m.end()))
    for m in _SAMPLES.finditer(text):
        sentence = m.group(0)
        if not _FREE.search(sentence):
            continue
        many = _MANY.search(sentence)
        if not many:
            continue
        count = many.group(2)
        if count:
            n = _NUMBER_WORDS.get(count.lower()) or (int(count) if count.isdigit() else 0)
            if n < 3 and not many.group(1):
                continue
        s = m.start() + len(sentence) - len(sentence.lstrip())
        out.append((s, m.end()))
    return out


def _urgent_meeting(text: str):
    meets = list(_MEET.finditer(text))
    if not meets:
        return None
    urgent = list(_URGENT.finditer(text))
    if not urgent:
        return None
    # the meeting and the pressure must be close together (within two sentences)
    for m in meets:
        s, e = _sentence_around(text, m.start(), m.end())
        if e < len(text):  # the sentence after it too ("... this week? Any day is fine.")
            e = _sentence_around(text, e + 1, e + 1)[1]
        if _MEET_OK.search(text[s:e]):
            continue
        for u in urgent:
            if abs(u.start() - m.start()) <= 220:
                return _sentence_around(text, m.start(), m.end())
    return None


def named_companies(text: str) -> list[tuple[str, int, int]]:
    """Return the company names claimed in ``text`` (name, start, end), e.g. '... Trading Ltd'."""
    seen, out = set(), []
    for m in _COMPANY.finditer(text):
        name = m.group(1).strip()
        # drop leading words that are not part of a name (Dear, I, We, Our, The)
        parts = name.split()
        while parts and parts[0].rstrip(",.") in {"Dear", "I", "We", "Our", "The", "From",
                                                   "At", "In", "For", "Of", "A", "To"}:
            parts = parts[1:]
        if len(parts) < 2:
            continue
        clean = " ".join(parts)
        if clean.endswith(".") and "." not in parts[-1][:-1]:
            clean = clean[:-1]  # a full stop after "GmbH", "Co" or "Ltd" ends the sentence
        # a two-letter suffix (AS, AB, AG, SA) in a line of capitals is an ordinary word
        if clean.isupper() and re.search(r"\b(AS|AB|AG|SA)$", clean):
            continue
        key = _normalise_company(clean)
        if not key or key in seen:
            continue
        seen.add(key)
        start = m.start() + m.group(1).find(parts[0])
        out.append((clean, start, start + len(clean)))
    return out


def _over_formatted(text: str):
    seps = list(_SEPARATOR.finditer(text))
    refs = list(_REF_FIELD.finditer(text))
    stamps = list(_STAMP.finditer(text)) + list(_BANNER.finditer(text))
    caps_lines = [ln for ln in text.splitlines()
                  if len(re.findall(r"\b[A-Z]{2,}\b", ln)) >= 2
                  and not re.search(r"[a-z]", ln)]
    score = min(len(seps), 2) + min(len(refs), 3) + min(len(stamps), 2) + \
        (2 if len(caps_lines) >= 4 else 1 if len(caps_lines) >= 2 else 0)
    if score < 4:
        return None
    first = min([m.start() for m in seps + refs + stamps] or [0])
    line_end = text.find("\n", first)
    return first, line_end if line_end > 0 else len(text)


def screen_inquiry(text, known_companies=None, *, large_quantity: int = 2000):
    """Screen an English buyer inquiry for the five fake-buyer red flags (SYLLABUS L3).

    Returns a ``ScreeningResult``: ``.flags`` (the flags found), ``.findings`` (each a
    ``Finding`` with ``flag``, ``evidence`` (the words of the text that show it, with
    ``start``/``end``) and ``explanation`` (``{"en": ..., "zh": ...}``)) and ``.notes``.

    The checks are rules of thumb, written in general terms:

    - ``large_order_without_details``: a quantity of ``large_quantity`` pieces or more (or
      containers, tons, "millions", "25,000 of your ...", "your entire production"), with
      words that commit to the order ("we confirm the order", "send the PI", "wire the
      deposit", "any model is fine", "whatever model"), and no question about the product;
    - ``off_norm_request``: a price per (or "by the") kilogram, ton or metre for goods sold by
      the piece (fabric, yarn, tea, metal and other bulk goods are exempt), or free samples
      ("at no cost", "at your cost") of all / every / many models;
    - ``urgent_meeting``: a meeting (face to face, in person, a video call, "sit down with
      your director") close to pressure (urgent, today, tomorrow, "before Friday noon",
      "about to be signed", losing the deal to someone else); a meeting at a trade fair or
      booth, or one the sender leaves open ("any day is fine"), is ordinary business;
    - ``unverifiable_company``: a company name (words ending in Ltd, Inc, LLC, GmbH, Corp, Co.,
      Group, Holdings, ...) that is not among ``known_companies``, the companies your search
      found a real, good trace of (a list of names, or a mapping name -> ``"found"`` /
      ``"nothing"`` / ``"negative"``). Without ``known_companies`` this check is skipped and
      a note says which companies to search for;
    - ``over_formatted``: banner lines (=====, *****), reference and registration fields
      (REF:, REG. NO.), stamps (CONFIDENTIAL, OFFICIAL) and lines in capitals, four or more.

    >>> r = screen_inquiry("We confirm order of 50,000 units. We must meet you face to face "
    ...                    "tomorrow, the contract is about to be signed.")
    >>> r.flags
    ['large_order_without_details', 'urgent_meeting']
    >>> r.findings[0].evidence
    '50,000 units'
    """
    if not isinstance(text, str):
        raise InputError(
            f"screen_inquiry: text must be the inquiry as a string; got {type(text).__name__}."
        )
    if not text.strip():
        raise InputError("screen_inquiry: the inquiry text is empty; paste the buyer's message.")
    known = _known(known_companies)
    found: list[Finding] = []

    def add(flag, span):
        s, e = span
        found.append(Finding(flag, text[s:e].strip(), s, e,
                             {"en": EXPLANATIONS[flag][0], "zh": EXPLANATIONS[flag][1]}))

    span = _large_order(text, large_quantity)
    if span:
        add("large_order_without_details", span)
    for span in _off_norm(text)[:1]:
        add("off_norm_request", span)
    span = _urgent_meeting(text)
    if span:
        add("urgent_meeting", span)
    companies = named_companies(text)
    notes = []
    if companies and known is None:
        names = ", ".join(c[0] for c in companies)
        notes.append({
            "en": f"Company check skipped: search for {names} and pass known_companies.",
            "zh": f"未核查公司：请搜索 {names}，并把结果传入 known_companies。",
        })
    elif companies:
        for name, s, e in companies:
            key = _normalise_company(name)
            if not any(key == k or (len(k) > 4 and (key in k or k in key)) for k in known):
                add("unverifiable_company", (s, e))
                break
    span = _over_formatted(text)
    if span:
        add("over_formatted", span)
    found.sort(key=lambda f: FLAGS.index(f.flag))
    return ScreeningResult(text, tuple(found), tuple(c[0] for c in companies), tuple(notes))


def known_from_search(company, search_result) -> list[str]:
    """The ``known_companies`` for one inquiry row: the company if the search found it."""
    if isinstance(company, str) and company and str(search_result).lower() == "found":
        return [company]
    return []


def screen_inquiries(inquiries):
    """Screen every row of an inquiries table; return it with a ``found_flags`` column.

    Uses the ``company`` and ``search_result`` columns (as in ``load("inquiries")``) as the
    agent's search, so a company the search found is not flagged.
    """
    from course.crm._checks import require_frame

    require_frame(inquiries, ["text"], "screen_inquiries(inquiries)")
    out = inquiries.copy()
    has_search = "company" in out.columns and "search_result" in out.columns
    found = []
    for idx, text in out["text"].items():
        known = (known_from_search(out.at[idx, "company"], out.at[idx, "search_result"])
                 if has_search else [])
        found.append(screen_inquiry(text, known).flags)
    out["found_flags"] = found
    return out


def screening_scores(inquiries):
    """Precision and recall of ``screen_inquiry`` per flag against the ``red_flags`` labels.

    Returns a DataFrame: flag, labelled (how many texts carry the flag), found, true_pos,
    precision, recall. Precision is empty when nothing was found, recall when nothing is
    labelled.
    """
    import pandas as pd

    from course.crm._checks import require_frame

    require_frame(inquiries, ["text", "red_flags"], "screening_scores(inquiries)")
    screened = screen_inquiries(inquiries)
    rows = []
    for flag in FLAGS:
        labelled = screened["red_flags"].map(lambda fl, f=flag: f in fl)
        found = screened["found_flags"].map(lambda fl, f=flag: f in fl)
        tp = int((labelled & found).sum())
        nf, nl = int(found.sum()), int(labelled.sum())
        rows.append({"flag": flag, "labelled": nl, "found": nf, "true_pos": tp,
                     "precision": round(tp / nf, 2) if nf else float("nan"),
                     "recall": round(tp / nl, 2) if nl else float("nan")})
    return pd.DataFrame(rows)
