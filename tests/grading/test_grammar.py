"""The grammar rules of the reply reviewer (issue 22, brief 22gr): course.writing.grammar finds
the slips a teacher marks in a B1 reply by word classes over lemminflect's lexicon, not by
phrases. Each rule is shown on lines written for this test (in no scored set): lines it must
catch, and nearby correct lines it must leave alone (a correct plain sentence flagged costs
more than a slip missed). The readers' cases are reconstructed around the words the readers
quoted (their notes give an excerpt, not the whole reply)."""
from __future__ import annotations

from pathlib import Path

import pytest
from support import review

from course.writing import grammar, grammar_check


def kinds(line: str) -> list[str]:
    return [s.kind for s in grammar_check.check(line)]


def _table(name: str, make) -> list:
    """The cases of a YAML table beside this file ({rule: {name: case}}), ids ``<rule>-<name>``."""
    import yaml

    table = yaml.safe_load(Path(__file__).with_name(name).read_text("utf-8"))
    return [pytest.param(*make(case), id=f"{rule}-{fill}") for rule, cases in table.items()
            for fill, case in cases.items()]


# the slips each rule must catch: (the line, the slip's kind, the words it names)
CATCH = _table("grammar_caught.yaml", lambda c: (c["line"], c["kind"], c["phrase"]))


@pytest.mark.parametrize("line,kind,phrase", CATCH)
def test_each_rule_catches_its_slip(line, kind, phrase):
    found = [(s.kind, s.phrase) for s in grammar_check.check(line)]
    assert (kind, phrase) in found, found


# the correct lines (or no sentences) every rule must leave alone
LEAVE = _table("grammar_left_alone.yaml", lambda line: (line,))


@pytest.mark.parametrize("line", LEAVE)
def test_correct_or_not_a_sentence_is_left_alone(line):
    assert grammar_check.check(line) == []


def test_a_slip_repeated_is_one_rule_broken():
    # two article slips and the list's "it make"/the rule's "It arrive" are one rule each
    text = ("Dear Chloé,\n\nWe have new bamboo cutting board. I send you photo today. It arrive "
            "in 2 days and it make your knife happy.\n\nBest regards,\nMia")
    missing = [str(m) for m in review("w02-reply-chloe", text).criterion("language").missing]
    assert len(missing) == 2, missing


READERS = [
    # (task, the reader's reply reconstructed around the quoted words, the slip named)
    ("w02-reply-chloe", "Dear Chloé,\n\nThank you for your kind words about the knife set. We have "
     "new bamboo cutting board, only $18.50, it is good with your knife. If you want, I send you "
     "photo today. We can ship it within 2 days.\n\nBest regards,\nMia",
     "new bamboo cutting board"),
    ("w07-reply-vera", "Dear Vera,\n\nThank you for your patience and sorry for the late. In the "
     "last check we found the last beanies were damaged, so we could not ship yours. New stock "
     "come on 18 April and we will ship your beanie the same day. Is this OK for you? If not, we "
     "can cancel the order and refund you in full.\n\nBest regards,\nGrace", "New stock come"),
    ("w05-assess-holding-siti", "Dear Siti,\n\nThank you for your message, we received it. About "
     "the navy and gold beanies, we are asking factory now. We will give you answer in 3 days."
     "\n\nBest regards,\nGrace", "factory"),
    ("w06-assess-reply-jessica", "Dear Jessica,\n\nThank you for choosing our Bluetooth speaker. "
     "3 speakers is $21.12, $7.04 each one. It arrive in 8 days to Denver, before Christmas. It "
     "have one-year warranty.\n\nBest regards,\nGrace", "It arrive"),
]


@pytest.mark.parametrize("exercise,text,phrase", READERS, ids=[r[0] for r in READERS])
def test_readers_slips_are_named_and_keep_the_reply_from_excellent(exercise, text, phrase):
    # each scored 95-100 with "Language 20/20" (Jessica 80 with only "It have"); a teacher
    # gives 75-85: the slip is named in the student's own words and the reply is good, not
    # excellent (the weak_language cap, 84)
    r = review(exercise, text)
    assert any(str(m).startswith(f"'{phrase}'") for m in r.criterion("language").missing)
    assert r.score <= 84


def test_without_the_lexicon_the_list_still_works(monkeypatch):
    # where lemminflect is missing the rules find nothing and the list of frequent errors
    # still runs (the review never fails for it)
    monkeypatch.setattr(grammar, "lexicon", lambda: None)
    assert grammar_check.check("It arrive in 8 days.") == []
    text = "Dear Ryan,\n\nIt have a warranty. We will refund $9 today.\n\nBest regards,\nLily"
    assert review("comp-reply-dead-charger", text).criterion("language").missing
