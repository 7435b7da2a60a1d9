"""The semester's materials: 授课计划 and 课程标准 (.md, .docx), speaking cards, the project
handout, the pages in docs/ and the lesson plans' place in the plan."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

from course.errors import CourseError
from course.materials.project import load_project, project_file
from course.materials.speaking import cards_file, cards_html, load_cards
from course.semester import load as load_semester
from course.semester import semester_file

ROOT = Path(__file__).resolve().parents[2]
#: the sections a 课程标准 has (issue 28: nature and aims; objectives; content per unit;
#: assessment; teaching suggestions), plus the mapping to chapters and standards, resources
STANDARD_SECTIONS = ("一、课程性质与目标", "二、课程目标", "（一）知识目标", "（二）能力目标",
                     "（三）素质目标", "三、课程内容与要求", "四、单元与教材章节", "五、考核评价",
                     "六、教学建议", "七、课程资源")


@pytest.fixture(scope="module")
def semester():
    return load_semester(semester_file(ROOT))


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> Path:
    """``crm-course print`` of the four course-wide kinds, in English (one process)."""
    from course.cli import main

    out = tmp_path_factory.mktemp("semester")
    assert main(["print", "--out", str(out), "--only", "schedule", "--only", "standard",
                 "--only", "speaking", "--only", "project", "--lang", "en", "--jobs", "1"]) == 0
    return out


def test_print_writes_the_course_files(printed):
    names = sorted(p.name for p in printed.iterdir())
    assert names == ["course-standard.docx", "course-standard.md", "project.en.pdf",
                     "speaking-cards.en.pdf", "teaching-schedule.docx", "teaching-schedule.md"]


def test_standard_docx_has_the_sections(printed, semester):
    from docx import Document

    doc = Document(str(printed / "course-standard.docx"))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    for section in STANDARD_SECTIONS:
        assert any(h.startswith(section) for h in headings), section
    # every heading carries its English name after the Chinese one
    assert all("·" in h for h in headings)
    units = [h for h in headings if h.startswith("单元 ")]
    assert len(units) == len(semester.units)
    # the mapping table: a header row and one row per unit, each marked unchecked
    mapping = next(t for t in doc.tables if "教材章节" in t.rows[0].cells[1].text)
    assert len(mapping.rows) == len(semester.units) + 1
    assert all("未核对原文" in row.cells[3].text for row in mapping.rows[1:])
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "服务意识" in text and "工匠精神" in text  # the 思政 aims of the seeds


def test_schedule_docx_has_a_row_per_period(printed, semester):
    from docx import Document

    doc = Document(str(printed / "teaching-schedule.docx"))
    weeks = next(t for t in doc.tables if t.rows[0].cells[0].text.startswith("周次"))
    assert len(weeks.rows) == len(semester.periods) + 1 == 33
    cells = [(r.cells[0].text, r.cells[1].text) for r in weeks.rows[1:]]
    assert cells[0] == ("1", "1") and cells[-1] == ("16", "2")
    weights = next(t for t in doc.tables if t.rows[0].cells[0].text.startswith("考核项目"))
    assert sum(int(r.cells[1].text.rstrip("%")) for r in weights.rows[1:]) == 100


def test_speaking_cards_render(printed):
    from pypdf import PdfReader

    deck = load_cards(cards_file(ROOT))
    text = "\n".join(page.extract_text() for page in PdfReader(printed / "speaking-cards.en.pdf")
                     .pages)
    for card in deck.cards:
        assert card.id in text
    assert "Hidden goal" in text and "Speaking rubric" in text
    html = cards_html(deck, "zh", deck.sets["warm-up"])
    assert html.count('class="pair"') == len(deck.cards) and "隐藏目标" in html


def test_every_topic_has_a_card_pair(semester):
    deck = load_cards(cards_file(ROOT))
    topics = {c.topic for c in deck.cards}
    lessons = {u.lesson for u in semester.units if not u.review}
    assert lessons <= topics
    assert all(c.buyer.aim and c.agent.aim and c.buyer.facts and c.agent.facts
               for c in deck.cards)
    assert [c.name.en for c in deck.rubric] == ["Fluency", "Accuracy",
                                                "Politeness and service attitude",
                                                "Solving the problem"]


def test_project_handout(printed, semester):
    from pypdf import PdfReader

    reader = PdfReader(printed / "project.en.pdf")
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Peer-review form" in text and "Rubric (100 points)" in text
    for m in semester.milestones:
        assert m.title.en in text
    project = load_project(project_file(ROOT), semester)
    assert len(project.situations) == 6


def test_lesson_plan_names_its_periods():
    from course.materials.plans import planned_periods

    assert planned_periods(ROOT, "03-genuine-buyers") == [(4, 1)]
    assert planned_periods(ROOT, "no-such-lesson") == []


def _tool():
    spec = importlib.util.spec_from_file_location("semester_docs",
                                                  ROOT / "tools" / "semester_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def pages() -> dict:
    """tools/semester_docs.py's pages, made once for this file's checks (each page takes the
    whole semester: about 20-30 s on the loaded 2-core machine, five times before)."""
    return _tool().pages()


@pytest.mark.parametrize("name", ["speaking-cards.md", "project.md"])
def test_docs_pages_are_up_to_date(name, pages):
    expected = pages[name]
    assert (ROOT / "docs" / name).read_text(encoding="utf-8") == expected, \
        f"docs/{name} is out of date: run python tools/semester_docs.py"


@pytest.mark.parametrize("name", ["teaching-schedule.md", "course-standard.md"])
def test_schedule_and_standard_pages_are_up_to_date(name, pages):
    expected = pages[name]
    assert (ROOT / "docs" / name).read_text(encoding="utf-8") == expected, \
        f"docs/{name} is out of date: run python tools/semester_docs.py"


def test_each_unit_item_of_the_standard_is_its_own_list_line(pages):
    # a workshop with a summary ran into the next item ("...作业）。- 练习（题库）...")
    page = pages["course-standard.md"]
    assert page.count("- 练习（题库）") == page.count("\n- 练习（题库）") > 0
    assert page.count("- 实训 · Workshop") == page.count("\n- 实训 · Workshop") >= 8


# ------------------------------------------------------------------ errors in the data files
def _changed(tmp_path, source: Path, change) -> Path:
    """A copy of the data file ``source`` under ``tmp_path`` (same name), its data passed
    through ``change`` first."""
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / source.name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("change, message", [
    (lambda d: d["cards"][2]["buyer"].pop("goal"), "card card-02, buyer: goal is missing"),
    (lambda d: d["cards"][1].update(set="late"), "card card-01: set 'late' is not one of"),
    (lambda d: d["cards"][3]["agent"].update(facts=[]), "card card-03, agent: facts must be"),
    (lambda d: d["cards"][4].update(minutes=0), "card card-04: minutes must be"),
    (lambda d: d["cards"][5].update(id="card-04"), "card card-04 is there twice"),
    (lambda d: d["rubric"][1]["bands"].pop(), "rubric criterion 2: expected four bands"),
    (lambda d: d["cards"][0]["title"].pop("zh"), "card card-00: title needs en and zh"),
])
def test_card_errors_name_the_card_and_field(tmp_path, change, message):
    with pytest.raises(CourseError, match="speaking_cards.yaml") as info:
        load_cards(_changed(tmp_path, cards_file(ROOT), change))
    assert message in str(info.value)


@pytest.mark.parametrize("change, message", [
    (lambda d: d["situations"][0].update(situation="haggling"),
     "situation 1: situation must be one the reply reviewer knows"),
    (lambda d: d["situations"].pop(), "six reply templates; 5 situations"),
    (lambda d: d["rubric"][0].update(points=35), "points add up to 105, expected 100"),
    (lambda d: d["steps"].pop("m4-presentation"), "expected the milestones of semester.yaml"),
    (lambda d: d["peer_review"].pop("scale"), "peer_review.scale: needs en and zh"),
])
def test_project_errors(tmp_path, semester, change, message):
    with pytest.raises(CourseError) as info:
        load_project(_changed(tmp_path, project_file(ROOT), change), semester)
    assert message in str(info.value) and str(info.value).startswith("project.yaml")


def test_with_the_workshops_in_course_yaml(tmp_path):
    """The course after the merge of the workshop branches, imitated: course.yaml lists every
    slug of the plan (workshops with their topic); nothing is marked missing, the index links
    the workshops and the standard puts each workshop under its lesson's unit."""
    import shutil

    from course.exercises.course_map import load as load_map
    from course.materials.schedule import schedule_markdown, standard_markdown
    from course.semester import check_course, semester_plan

    (tmp_path / "notebooks").mkdir()
    (tmp_path / "data").mkdir()
    shutil.copy(semester_file(ROOT), tmp_path / "notebooks")
    for name in ("speaking_cards.yaml", "project.yaml"):
        shutil.copy(ROOT / "data" / name, tmp_path / "data")
    order = yaml.safe_load((ROOT / "notebooks" / "course.yaml").read_text(encoding="utf-8"))
    semester = load_semester(semester_file(ROOT))
    known = {e["slug"] for e in order["lessons"]}
    for p in semester.periods_of("lesson"):
        slug = p.activity.ref
        if slug in known:
            continue
        entry = {"slug": slug, "title": {"en": f"Title of {slug}", "zh": f"{slug} 标题"},
                 "teaching_minutes": 10, "exercise_minutes": 35}
        if slug.startswith("w"):  # the lesson of the period before is the workshop's topic
            entry.update(kind="workshop", topic=semester.periods[p.index - 2].activity.ref)
        order["lessons"].append(entry)
    (tmp_path / "notebooks" / "course.yaml").write_text(
        yaml.safe_dump(order, allow_unicode=True), encoding="utf-8")

    assert check_course(semester, load_map(tmp_path / "notebooks" / "course.yaml")) == []
    table = semester_plan(tmp_path).text
    w01 = next(e for e in order["lessons"] if e["slug"] == "w01-relationships-workshop")
    assert f"[W01 · {w01['title']['en']}](w01-relationships-workshop.ipynb)" in table
    assert "lesson 10, workshop 9" in table
    standard, schedule = standard_markdown(tmp_path), schedule_markdown(tmp_path)
    assert "†" not in standard and "†" not in schedule
    unit = standard.split("### 单元 1 ")[1].split("### 单元 2 ")[0]
    assert "第 2 周第 1 节、第 2 周第 2 节" in unit and "实训 · Workshop W01" in unit
    assert f"| 2 | 2 | 实训 Workshop | W01 {w01['title']['zh']}" in schedule
