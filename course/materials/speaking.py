"""Role-play cards for pairs (口语角色扮演卡片), the teacher's speaking rubric and the check-list
of a live or recorded role-play: read from ``data/speaking_cards.yaml``, written as the page
``docs/speaking-cards.md`` and as cut-out cards (PDF) by ``crm-course print --only speaking``.

A card pair is one situation: the buyer's card (role, facts, a goal the agent does not see)
and the agent's card (role, facts, the task). Each card belongs to a set; the semester plan's
speaking periods name a set.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from course.errors import CourseError, read_yaml
from course.text import Bilingual, as_bilingual


@dataclass(frozen=True)
class Side:
    role: Bilingual
    facts: list[str]
    aim: str  # the buyer's hidden goal, or the agent's task


@dataclass(frozen=True)
class Card:
    id: str
    set: str
    topic: str
    title: Bilingual
    minutes: int
    buyer: Side
    agent: Side


@dataclass(frozen=True)
class Criterion:
    name: Bilingual
    bands: list[Bilingual]  # band 4 (best) first


@dataclass(frozen=True)
class Deck:
    sets: dict[str, Bilingual]
    cards: list[Card]
    rubric: list[Criterion]
    checklist: list[Bilingual]

    def set(self, name: str) -> list[Card]:
        """The cards of one set (empty when there is no such set)."""
        return [c for c in self.cards if c.set == name]


def _text(raw, where: str, name: str) -> Bilingual:
    value = raw.get(name) if isinstance(raw, dict) else None
    text = as_bilingual(value) if value is not None else Bilingual("", "")
    if not (isinstance(value, dict) and value.get("en") and value.get("zh")):
        raise CourseError(f"{where}: {name} needs en and zh, e.g. {name}: {{en: ..., zh: ...}}")
    return text


def _side(raw, where: str, aim: str) -> Side:
    if not isinstance(raw, dict):
        raise CourseError(f"{where}: expected role, facts and {aim}")
    facts = raw.get("facts")
    if not isinstance(facts, list) or not facts or not all(isinstance(f, str) for f in facts):
        raise CourseError(f"{where}: facts must be a list of one or more sentences")
    if not isinstance(raw.get(aim), str) or not raw[aim].strip():
        raise CourseError(f"{where}: {aim} is missing (one sentence)")
    return Side(_text(raw, where, "role"), facts, raw[aim].strip())


def _card(raw, i: int, name: str, sets: dict) -> Card:
    if not isinstance(raw, dict) or not raw.get("id"):
        raise CourseError(f"{name}: card {i + 1} has no id")
    where = f"{name}: card {raw['id']}"
    if raw.get("set") not in sets:
        raise CourseError(f"{where}: set {raw.get('set')!r} is not one of {', '.join(sets)}")
    minutes = raw.get("minutes")
    if not isinstance(minutes, int) or not 1 <= minutes <= 15:
        raise CourseError(f"{where}: minutes must be a whole number from 1 to 15, "
                          f"got {minutes!r}")
    return Card(str(raw["id"]), raw["set"], str(raw.get("topic") or ""),
                _text(raw, where, "title"), minutes,
                _side(raw.get("buyer"), f"{where}, buyer", "goal"),
                _side(raw.get("agent"), f"{where}, agent", "task"))


def load_cards(path: Path) -> Deck:
    """Read and check the cards file; an error names the file, the card and the field."""

    path = Path(path)
    name = path.name
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("sets"), dict):
        raise CourseError(f"{name}: expected sets, cards, rubric and checklist")
    sets = {k: _text(data["sets"], f"{name}: sets", k) for k in data["sets"]}
    cards = [_card(raw, i, name, sets) for i, raw in enumerate(data.get("cards") or [])]
    seen: set[str] = set()
    for card in cards:
        if card.id in seen:
            raise CourseError(f"{name}: card {card.id} is there twice")
        seen.add(card.id)
    rubric = []
    for i, raw in enumerate(data.get("rubric") or []):
        where = f"{name}: rubric criterion {i + 1}"
        bands = raw.get("bands") if isinstance(raw, dict) else None
        if not isinstance(bands, list) or len(bands) != 4:
            raise CourseError(f"{where}: expected four bands (4 = best, then 3, 2, 1)")
        rubric.append(Criterion(_text(raw, where, "criterion"),
                                [_text({"b": b}, f"{where}, band {4 - j}", "b")
                                 for j, b in enumerate(bands)]))
    checklist = [_text({"item": c}, f"{name}: checklist item {i + 1}", "item")
                 for i, c in enumerate(data.get("checklist") or [])]
    return Deck(sets, cards, rubric, checklist)


def cards_file(root: Path) -> Path:
    return Path(root) / "data" / "speaking_cards.yaml"


def _topic_label(card: Card) -> str:
    return f"`{card.topic}`" if card.topic else "warm-up · 热身"


def _md_side(title: str, side: Side, aim: str) -> list[str]:
    return [f"**{title}**: {side.role.en} / {side.role.zh}", "",
            *[f"- {f}" for f in side.facts], f"- *{aim}*: {side.aim}", ""]


def cards_markdown(deck: Deck, semester=None) -> str:
    """The page docs/speaking-cards.md: how to run the practice, every card pair, the rubric
    and the check-list (English first, Chinese beside)."""
    out = ["# Speaking: role-play cards · 口语角色扮演卡片", "",
           "<!-- generated from data/speaking_cards.yaml by `crm-course print --only speaking`"
           " (tests check it is up to date): edit the YAML, not this page -->", "",
           "Pairs practise live chat or a phone call with a buyer. Each student gets one card "
           "and does not show it: the buyer's card has a **hidden goal** the agent must find "
           "out by asking. Swap roles after each card. Print the cards to cut out with "
           "`crm-course print --only speaking --out DIR`.", "",
           "两人一组练习与买家的在线聊天或电话沟通。每人只看自己的卡片：买家卡片上有一个**隐藏目标**，"
           "客服需要通过提问发现。每张卡片练习后互换角色。", ""]
    if semester is not None:
        out += ["| set 卡片组 | cards 卡片 | periods in the plan 授课计划中的课次 |",
                "|---|---|---|"]
        for key, title in deck.sets.items():
            weeks = [f"week {p.week} · {p.number}" for p in semester.periods_of("speaking", key)]
            out.append(f"| {title.en} / {title.zh} | "
                       f"{', '.join(c.id for c in deck.set(key))} | {', '.join(weeks)} |")
        out += ["", "The oral test (week 16) draws one card of any set. 期末口试从任意一组中抽取一张卡片。",
                ""]
    for card in deck.cards:
        out += [f"## {card.id} · {card.title.en} · {card.title.zh}", "",
                f"Topic 主题: {_topic_label(card)} · {card.minutes} min · "
                f"set {card.set}", ""]
        out += _md_side("Buyer card 买家卡片", card.buyer, "hidden goal 隐藏目标")
        out += _md_side("Agent card 客服卡片", card.agent, "your task 任务")
    out += ["## Speaking rubric · 口语评分标准", "",
            "Score each criterion from 4 (best) to 1; the total is out of 16. "
            "每项 1-4 分，满分 16 分。", "",
            "| criterion 标准 | 4 | 3 | 2 | 1 |", "|---|---|---|---|---|"]
    for crit in deck.rubric:
        out.append(f"| {crit.name.en} {crit.name.zh} | " +
                   " | ".join(f"{b.en}<br>{b.zh}" for b in crit.bands) + " |")
    out += ["", "## Live or recorded check-list · 现场/录音检查表", "",
            "Tick what you hear; each tick is one point of the role-play's 7. 每听到一项打一个勾。", ""]
    out += [f"- [ ] {c.en} · {c.zh}" for c in deck.checklist]
    return "\n".join(out) + "\n"


def cards_html(deck: Deck, lang: str, course_title: Bilingual) -> str:
    """The cut-out cards (buyer | agent, one pair a row, dashed lines to cut), then the rubric
    and the check-list, as one printable page (``templates/speaking.html.j2``)."""
    from course.materials.pdf import font_css
    from course.materials.render import label, render

    return render("speaking.html.j2", lang=lang, deck=deck, font_css=font_css(), qr="",
                  doc_title=label("Speaking cards", "口语角色扮演卡片", lang),
                  running_title=course_title.render(lang), online_note="", pick_side=_side_label)


def _side_label(kind: str, lang: str) -> str:
    from course.materials.render import label

    return label(*{"buyer": ("Buyer", "买家"), "agent": ("Agent", "客服"),
                   "goal": ("Hidden goal (do not show)", "隐藏目标（不要给对方看）"),
                   "task": ("Your task", "你的任务")}[kind], lang)


def write_speaking(root: Path, lang: str, out: Path) -> list[Path]:
    """``out``/speaking-cards.<lang>.pdf from the course's cards file."""
    from course.exercises.course_map import load
    from course.materials.pdf import write_pdf

    deck = load_cards(cards_file(root))
    title = load(Path(root) / "notebooks" / "course.yaml").title
    return [write_pdf(cards_html(deck, lang, title), out / f"speaking-cards.{lang}.pdf")]
