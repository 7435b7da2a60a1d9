"""The reviewer's wrong decisions that are only data (course/writing/decisions.yaml): read once
on import, and checked then, an author's mistake named by the file, the decision and the field
(issue 22: the reviewer's tables validated at load; brief 24d)."""
from __future__ import annotations

import re
import textwrap

import pytest
import yaml

from course.errors import CourseError
from course.writing import decisions
from course.writing.decision_base import TABLE, TABLE_FILE, Decision, Push, Refusal, read_table
from course.writing.reading import Reply

GOOD = """\
parts:
  size: '(?-i:S|M|L)'
decisions:
- name: two_sizes
  en: 'leaves two sizes to the buyer'
  zh: '让买家自己选尺码'
  pattern: '\\b{size} or {size}\\b'
  excuse: '\\bbetween\\b'
- name: hurries
  kind: Push
  en: 'hurries the buyer'
  zh: '催促买家'
  cap: no_decision
  pattern:
    - '\\bhurry\\b'
    - '\\bbuy (?:it )?now\\b'
"""


def _read(tmp_path, text: str):
    path = tmp_path / "decisions.yaml"
    path.write_text(text, encoding="utf-8")
    return read_table(path)


def _reply(text: str, **facts) -> Reply:
    return Reply(text, facts, "", (1, 10000))


def test_the_shipped_table_is_read_once_and_every_entry_is_a_decision():
    shipped = yaml.safe_load(TABLE_FILE.read_text("utf-8"))
    names = [e["name"] for e in shipped["decisions"]]
    assert list(TABLE) == names and len(names) >= 19
    for name in names:
        assert decisions.DECISIONS[name] is TABLE[name]
        assert type(TABLE[name]) in (Decision, Push, Refusal)
    # the names the situation tables and the tests use are all there, read from the file
    for name in ("no_choice", "two_sizes", "free_sample", "threatens", "trades_for_review"):
        assert name in TABLE
    assert set(decisions.ALWAYS) <= set(decisions.DECISIONS)


def test_a_table_entry_finds_excuses_and_caps_as_written(tmp_path):
    table = _read(tmp_path, GOOD)
    two, hurry = table["two_sizes"], table["hurries"]
    assert two.find(_reply("You can take M or L.")) == "M or L"
    assert two.find(_reply("You are between M or L, so take L.")) == ""  # excused
    assert two.find(_reply("you can take m or l")) == ""  # the part keeps its own flags
    assert two.cap == "wrong_decision" and hurry.cap == "no_decision"
    assert isinstance(hurry, Push) and hurry.rx.pattern == r"\bhurry\b|\bbuy (?:it )?now\b"
    assert hurry.find(_reply("Please buy it now!")) == "buy it now"
    assert hurry.rx.flags & re.I


def test_a_decision_is_read_only_where_the_task_s_facts_allow_it(tmp_path):
    """only_with: facts the task must give; unless: facts it must not give (an empty value is
    not given); a Refusal's pattern is the denial itself, found as it stands."""
    table = _read(tmp_path, GOOD + """- name: refuses_sample
  kind: Refusal
  en: 'refuses the sample the task offers'
  zh: '拒绝提供样品'
  only_with: [sample_price]
  pattern: '\\bdo not send samples\\b'
- name: promises_discount
  en: 'promises a discount the task does not give'
  zh: '许诺了没有的折扣'
  unless: [discount, regular_price]
  pattern: '\\b\\d+% off\\b'
""")
    refuses, discount = table["refuses_sample"], table["promises_discount"]
    no = _reply("Sorry, we do not send samples.")
    assert isinstance(refuses, Refusal) and refuses.find(no) == ""  # the task sells none
    assert refuses.find(_reply(no.text, sample_price="")) == ""
    assert refuses.find(_reply(no.text, sample_price=15)) == "do not send samples"
    assert TABLE["refuses_sample"].find(_reply("No samples, sorry.", sample_price=15)) == \
        "No samples"  # the shipped one: its own negation is what it finds
    off = "We can give you 20% off."
    assert discount.find(_reply(off)) == "20% off"
    assert discount.find(_reply(off, discount="20%")) == ""
    assert discount.find(_reply(off, regular_price=25)) == ""
    # free_priced_sample reads free_sample's own pattern and excuse (YAML anchors)
    assert TABLE["free_priced_sample"].rx.pattern == TABLE["free_sample"].rx.pattern
    assert TABLE["free_priced_sample"].excuse.pattern == TABLE["free_sample"].excuse.pattern
    free = "We will send you a free sample this week."
    assert TABLE["free_priced_sample"].find(_reply(free)) == ""
    assert TABLE["free_priced_sample"].find(_reply(free, sample_price=15)) == "free sample"


def test_the_shipped_parts_are_put_in_the_patterns():
    assert "{" + "size}" not in TABLE["two_sizes"].rx.pattern
    assert TABLE["two_sizes"].find(_reply("You can choose L or maybe XL.")) == "L or maybe XL"
    assert TABLE["sends_to_carrier"].find(_reply("Please contact DHL about it.")) == \
        "Please contact DHL"


BAD = [
    ("unknown field", "  excuse: '\\bbetween\\b'\n", "  excuse: '\\bbetween\\b'\n  exuse_in: clause\n",
     "decision 'two_sizes', field 'exuse_in': unknown field"),
    ("missing field", "  zh: '让买家自己选尺码'\n", "",
     "decision 'two_sizes', field 'zh': missing"),
    ("pattern that does not compile", "'\\b{size} or {size}\\b'", "'\\b({size} or {size}\\b'",
     "decision 'two_sizes', field 'pattern': does not compile"),
    ("excuse that does not compile", "'\\bbetween\\b'", "'\\bbetween[\\b'",
     "decision 'two_sizes', field 'excuse': does not compile"),
    ("name given twice", "- name: hurries", "- name: two_sizes",
     "decision 'two_sizes', field 'name': given twice"),
    ("unknown cap", "cap: no_decision", "cap: no_such_cap",
     "decision 'hurries', field 'cap': 'no_such_cap' is not a cap of course/writing/rubric.py"),
    ("unknown part", "{size} or {size}", "{size} or {sizes}",
     "decision 'two_sizes', field 'pattern': no part sizes"),
    ("unknown kind", "kind: Push", "kind: Pressure",
     "decision 'hurries', field 'kind': 'Pressure' is not one of Decision, Push, Refusal"),
    ("unknown flag", "  cap: no_decision\n", "  cap: no_decision\n  flags: iq\n",
     "decision 'hurries', field 'flags': 'q' is not one of"),
    ("excuse_in without an excuse", "  cap: no_decision\n", "  cap: no_decision\n  excuse_in: sentence\n",
     "decision 'hurries', field 'excuse_in'"),
    ("empty English", "en: 'hurries the buyer'", "en: ''",
     "decision 'hurries', field 'en': must be a non-empty string"),
    ("a name missing", "- name: hurries\n", "-\n",
     "decision 2, field 'name': missing"),
    ("an entry that is no mapping", "- name: two_sizes\n  en:", "- two_sizes\n- en:",
     "decision 1: must be a mapping"),
    ("an empty pattern list", "  pattern:\n    - '\\bhurry\\b'\n    - '\\bbuy (?:it )?now\\b'\n",
     "  pattern: []\n", "decision 'hurries', field 'pattern': must be a non-empty string"),
    ("an unknown top-level key", "decisions:\n", "decision:\n",
     "must hold 'parts' (a mapping) and 'decisions' (a list)"),
    ("a part that names a part not yet written", "  size: '(?-i:S|M|L)'",
     "  size: '(?-i:S|M|L|{small})'", "part 'size': no part small"),
    ("text that is not YAML", "decisions:\n", "decisions: [\n", "cannot be read as YAML"),
    ("a fact that is not one", "  cap: no_decision\n", "  cap: no_decision\n  only_with: [price_tag]\n",
     "decision 'hurries', field 'only_with': 'price_tag' is not a fact"),
    ("unless not a list", "  cap: no_decision\n", "  cap: no_decision\n  unless: discount\n",
     "decision 'hurries', field 'unless': must be a list of names"),
]


@pytest.mark.parametrize("old, new, message", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_an_author_mistake_names_the_file_the_decision_and_the_field(tmp_path, old, new,
                                                                     message):
    assert old in GOOD
    with pytest.raises(CourseError) as caught:
        _read(tmp_path, GOOD.replace(old, new, 1))
    assert str(caught.value).startswith("decisions.yaml: "), caught.value
    assert message in str(caught.value), caught.value


def test_a_covered_by_name_must_be_a_decision(monkeypatch, tmp_path):
    table = _read(tmp_path, GOOD.replace("  cap: no_decision\n",
                                         "  cap: no_decision\n  covered_by: [no_such]\n"))
    assert table["hurries"].covered_by == ("no_such",)
    monkeypatch.setattr(decisions, "TABLE", table)
    with pytest.raises(CourseError, match=r"decision 'hurries', field 'covered_by': no "
                                          r"decision 'no_such'"):
        decisions._check_names()
    monkeypatch.setattr(decisions, "TABLE", _read(tmp_path, GOOD.replace("hurries",
                                                                         "asks_again")))
    with pytest.raises(CourseError, match="'asks_again', field 'name': also the name"):
        decisions._check_names()


def test_each_entry_of_the_shipped_file_says_why(tmp_path):
    """Every decision of the file has a comment above it or in its section (the reason for it
    stays beside its entry, as it stood beside the Python constant)."""
    lines = TABLE_FILE.read_text("utf-8").splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("- name: ")]
    for i in starts:
        above = textwrap.dedent("\n".join(lines[max(0, i - 3):i]))
        assert "#" in above, lines[i]
