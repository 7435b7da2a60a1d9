"""Text matching and number parsing rules (DESIGN.md: answer matching for typed text)."""
import pytest

from course.exercises.quantities import parse_number
from course.exercises.text_match import match_text, normalize, typo_budget


@pytest.mark.parametrize(
    "given, expected",
    [
        ("ＩＤＥＮＴＩＦＹ", "identify"),  # full-width to half-width (NFKC), case folded
        ("  many   spaces\there ", "many spaces here"),
        ("客户，你好。", "客户,你好."),  # Chinese punctuation as English
        ("“quoted”", '"quoted"'),
        ("客户 差异 细分", "客户差异细分"),  # spaces between Chinese characters do not count
    ],
)
def test_normalize(given, expected):
    assert normalize(given) == expected


def test_case_folding_unless_the_exercise_asks_for_case():
    assert match_text("identify", ("Identify",)).ok
    assert not match_text("identify", ("Identify",), case_sensitive=True).ok
    assert match_text("Identify", ("Identify",), case_sensitive=True).ok


def test_chinese_and_english_punctuation_alike():
    assert match_text("Dear friend，thanks。", ("Dear friend, thanks.",)).ok
    assert match_text("Identify.", ("Identify",)).ok  # a full stop at the end is forgiven


@pytest.mark.parametrize(
    "word, budget", [("VIP", 0), ("ship", 1), ("Identify", 1), ("Customizes", 2), ("differentiate", 2)]
)
def test_typo_budget_by_length(word, budget):
    assert typo_budget(word) == budget


def test_one_typo_for_4_to_9_letters():
    m = match_text("Idnetify", ("Identify",))  # a swap counts as one edit
    assert m.ok and m.typo and m.matched == "Identify"
    assert not match_text("Idntfy", ("Identify",)).ok  # two edits: too many for 8 letters


def test_two_typos_for_10_or_more_letters():
    assert match_text("Diferentiat", ("Differentiate",)).typo
    assert not match_text("Difrntiate", ("Differentiate",)).ok


def test_no_typo_for_short_words_and_numbers():
    assert not match_text("VIB", ("VIP",)).ok
    assert not match_text("25 hours", ("24 hours",)).ok


def test_no_typo_tolerance_inside_chinese_terms():
    assert not match_text("客户差异细份", ("客户差异细分",)).ok


def test_typo_tolerance_can_be_turned_off():
    assert not match_text("Idnetify", ("Identify",), typos=False).ok


def test_typo_tolerance_per_word_in_phrases():
    assert match_text("at your earliest convenince", ("at your earliest convenience",)).typo
    assert not match_text("at your convenience", ("at your earliest convenience",)).ok


def test_alternatives_and_which_one_matched():
    m = match_text("customise", ("Customize", "Customise"))
    assert m.matched == "Customise" and not m.typo


def test_wrong_case_is_no_typo_when_case_matters():
    assert not match_text("iDentify", ("Identify",), case_sensitive=True).ok


@pytest.mark.parametrize(
    "text, value",
    [("1,299.50", 1299.5), ("¥1299.5", 1299.5), ("$12", 12), ("12", 12), (12, 12), (1.5, 1.5),
     ("￥１２", 12), ("-3.5", -3.5), ("USD 12", 12), ("12 yuan", 12), ("51%", 0.51)],
)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


def test_percent_against_a_percent_unit():
    assert parse_number("51%", percent_unit=True) == 51


@pytest.mark.parametrize("text", ["abc", "", "1,2,3", "12..5", True, None, [1], "nan", "1e400",
                                  float("nan"), float("inf"), "x" * 1000])
def test_not_a_number(text):
    assert parse_number(text) is None
