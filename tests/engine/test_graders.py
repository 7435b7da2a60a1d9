"""The seven graders: scores, per-item results, feedback, and responses of the wrong shape."""
import pytest

import course


def test_cloze_scores_per_blank_and_records_matches(bank):
    r = bank["demo-cloze"].grade(["Identify", "Differentiation", "Interact", "Interact"])
    assert r.score == pytest.approx(0.75) and not r.correct and r.attempted
    assert [i.correct for i in r.items] == [True, True, True, False]
    assert r.items[1].matched == "Differentiation"
    assert r.items[0].feedback.en == "Yes, find the customers first."
    assert r.items[3].expected == ["Customize", "Customise"] and r.items[3].given == "Interact"
    assert "3 of 4" in r.feedback.en and "4 项中答对 3 项" in r.feedback.zh


def test_cloze_all_right_uses_the_exercise_feedback(bank):
    r = bank["demo-cloze"].grade(["identify", "differentiate", "interact", "customize"])
    assert r.correct and r.score == 1.0 and r.feedback.en == "All four steps!"


def test_empty_answers_are_not_attempted(bank):
    q = bank["demo-cloze"]
    for response in (None, ["", "", "", ""], ["  ", None, "", "\t"]):
        r = q.grade(response)
        assert not r.attempted and not r.correct and r.score == 0 and r.valid
        assert r.message.en.startswith("Not attempted")
    partly = q.grade(["Identify", "", "", ""])
    assert partly.attempted and partly.score == 0.25
    assert [i.attempted for i in partly.items] == [True, False, False, False]


def test_typo_accepted_is_reported(bank):
    r = bank["demo-cloze"].grade(["Identfy", "Differentiate", "Interact", "Customize"])
    assert r.correct and r.items[0].typo and "mind the spelling" in r.items[0].feedback.en


def test_word_bank_cloze_has_no_typo_tolerance_and_a_stable_word_bank(bank):
    q = bank["demo-word-bank"]
    assert not q.grade(["resme", "appreciate"]).correct
    choices = q.word_bank_choices()
    assert sorted(choices) == ["appreciate", "enclosed", "resume", "sanction"]
    assert choices == course.load_bank("tests/engine/banks")["demo-word-bank"].word_bank_choices()


def test_single_choice_right_wrong_and_option_feedback(bank):
    q = bank["demo-single"]
    right, wrong = q.grade(0), q.grade(1)
    assert right.correct and right.score == 1
    assert not wrong.correct and wrong.score == 0
    picked = [i for i in wrong.items if i.given]
    assert len(picked) == 1 and picked[0].feedback.en == "That is the last step."


def test_multiple_choice_partial_credit(bank):
    q = bank["demo-multi"]  # correct: 0, 1, 3
    assert q.grade([0, 1, 3]).score == 1
    assert q.grade([0, 1]).score == pytest.approx(2 / 3)
    assert q.grade([0, 1, 2]).score == pytest.approx(1 / 3)  # two right minus one wrong
    assert q.grade([2]).score == 0  # floor at zero
    assert q.grade([]).attempted is False
    assert q.grade([3, 3, 0, 1]).correct  # a repeated pick counts once


def test_true_false(bank):
    q = bank["demo-tf"]
    assert q.grade(False).correct and not q.grade(True).correct


def test_matching_share_of_pairs(bank):
    q = bank["demo-match"]
    full = {"Grade 1": "the whole team helps", "Grade 3": "reply within 24 hours",
            "Grade 4": "when there is time"}
    assert q.grade(full).correct
    half = dict(full, **{"Grade 4": "never reply"})
    assert q.grade(half).score == pytest.approx(2 / 3)
    partial = q.grade({"grade 1": "The whole team helps"})  # keys matched like typed text
    assert partial.score == pytest.approx(1 / 3) and partial.attempted
    assert sorted(q.right_choices()) == sorted(q.rights)
    assert "never reply" in q.rights


def test_ordering_per_position_and_all_or_nothing(bank):
    q = bank["demo-order"]
    assert q.grade(["Identify", "Differentiate", "Interact", "Customize"]).correct
    assert q.grade(["Identify", "Differentiate", "Customize", "Interact"]).score == 0.5
    assert q.start_order() != q.keys and sorted(q.start_order()) == sorted(q.keys)
    strict = bank["demo-order-strict"]
    assert strict.grade(["state the complaint", "ask for a solution",
                         "describe the problem"]).score == 0


@pytest.mark.parametrize("response", ["51%", 51, "51.4", " 51 ", "５１％", 50.6])
def test_numeric_percent_within_tolerance(bank, response):
    assert bank["demo-numeric"].grade(response).correct


@pytest.mark.parametrize("response", [15, "0.51", "52", 49])
def test_numeric_wrong(bank, response):
    r = bank["demo-numeric"].grade(response)
    assert r.valid and r.attempted and not r.correct


@pytest.mark.parametrize("response", ["¥1,299.50", "1300", 1299.5, "1,290元", "RMB 1305"])
def test_numeric_money_relative_tolerance(bank, response):
    assert bank["demo-money"].grade(response).correct


@pytest.mark.parametrize("response", ["$1,290", "USD 1299.5", "1299.5 euros"])
def test_numeric_money_in_another_currency_is_wrong_and_says_which(bank, response):
    # `unit: yuan` declares the currency: dollars for yuan are not the same amount (issue 11)
    r = bank["demo-money"].grade(response)
    assert r.valid and r.attempted and not r.correct
    assert "yuan" in r.feedback.en and "元" in r.feedback.zh


BAD = {
    "demo-cloze": [42, [1, 2, 3, 4], [["a"], "b", "c", "d"], ["a"], "x" * 1_000_000,
                   ["a\x00b", "", "", ""], ["x" * 1_000_000, "", "", ""], {"a": 1}],
    "demo-single": ["0", 7, -1, True, [0], 1.5, "Identify"],
    "demo-multi": [[0, 9], "0", [True], [[0]], {"a": 1}],
    "demo-tf": ["true", 1, 0, "yes", [True]],
    "demo-match": [["Grade 1"], {"Grade 9": "x"}, {"Grade 1": "nonsense"}, {"Grade 1": 3}, "x"],
    "demo-order": [["Identify"], ["a", "b", "c", "d"], "Identify", [1, 2, 3, 4],
                   ["Identify", "Identify", "Interact", "Customize"]],
    "demo-numeric": ["abc", [51], {"v": 51}, True, "5 1 %%", float("nan")],
}


@pytest.mark.parametrize("ex_id, response", [(k, r) for k, rs in BAD.items() for r in rs])
def test_wrong_shape_gives_a_message_and_never_raises(bank, ex_id, response):
    r = bank[ex_id].grade(response)
    assert r.score == 0 and not r.correct and not r.valid
    assert r.message is not None and r.message.en and r.message.zh
    assert r.message.en != r.message.zh


def test_result_is_json_ready(bank):
    import json

    r = bank["demo-cloze"].grade(["Identify", "", "", ""])
    data = json.loads(json.dumps(r.to_dict(), ensure_ascii=False))
    assert data["score"] == 0.25 and data["items"][0]["matched"] == "Identify"


def test_answer_text_for_show_solution(bank):
    assert "I = Identify, D = Differentiate" in bank["demo-cloze"].answer_text().en
    assert bank["demo-single"].answer_text().en == "Identify"
    assert bank["demo-tf"].answer_text().zh == "错"
    assert "Grade 3 → reply within 24 hours" in bank["demo-match"].answer_text().en
    assert bank["demo-numeric"].answer_text().en == "51% (± 0.5)"


def test_language_switch_changes_str_of_feedback(bank):
    r = bank["demo-single"].grade(1)
    course.set_language("zh")
    assert str(r.feedback) == "还不对，再看看，然后再试一次。"
    course.set_language("both")
    assert " / " in str(r.items[1].feedback)
    course.set_language("en")
    assert str(r.items[1].feedback) == "That is the last step."


def test_unknown_language_and_mode_are_clear_errors():
    with pytest.raises(course.errors.InputError, match="'en'"):
        course.set_language("fr")
    with pytest.raises(course.errors.InputError, match="practice"):
        course.set_mode("exam")


def test_mode_override(bank):
    q = bank["demo-multi"]
    assert q.effective_mode == "assessment"
    course.set_mode("practice")
    assert q.effective_mode == "practice"
    course.set_mode(None)
    assert q.effective_mode == "assessment"


def test_unknown_exercise_id_suggests_a_close_one(bank):
    with pytest.raises(KeyError, match="demo-cloze"):
        bank["demo-cloz"]


def test_presenter_keeps_assessment_items_closed(bank, monkeypatch):
    monkeypatch.setenv("CRM_COURSE_PRESENTER", "1")
    monkeypatch.setenv("CRM_COURSE_MODE", "class")
    assert bank["demo-multi"].effective_mode == "assessment"
    assert bank["demo-single"].effective_mode == "class"


def _yes_no_cloze(**rules):
    from course.exercises.kinds import build_exercise

    return build_exercise({"id": "yn", "type": "cloze", "prompt": "Note it.",
                           "text": "Can she still use it? [[no|she cannot use it]].",
                           "blank_rules": [rules]})


@pytest.mark.parametrize("given, rule", [
    ("no", "exact"), ("she cannot use it", "exact"),      # listed answers
    ("no she cannot use", "yes_no"), ("No. The needle broke again", "yes_no"),  # no + own words
    ("no, yes she can", None), ("yes", None), ("yes, she can", None),
    ("nope", None), ("not sure", None), ("she cannot use", None),  # not listed, no "no"
])
def test_yes_no_blank_takes_the_no_with_any_restatement(given, rule):
    """Issue 28 (fifteenth reader): "no she cannot use" was wrong while "No, she can not" was
    right. With ``yes_no`` the leading word decides unless the rest holds the other word."""
    item = _yes_no_cloze(yes_no=True).grade([given]).items[0]
    assert item.correct is (rule is not None) and item.rule == rule


def test_without_yes_no_only_the_listed_answers_count():
    assert not _yes_no_cloze().grade(["no she cannot use"]).correct


def test_yes_no_needs_a_yes_or_no_answer_first():
    from course.errors import DefinitionError
    from course.exercises.kinds import build_exercise

    with pytest.raises(DefinitionError, match="not yes or no"):
        build_exercise({"id": "yn", "type": "cloze", "prompt": "P.", "text": "[[maybe]]",
                        "blank_rules": [{"yes_no": True}]})
