"""Misjudgements the twelfth notebook readers (issue 28) met, each a general rule shown on lines
of its own: two lines it must read and a nearby line it must leave alone (brief 22rc).

1. A reply in other words than the task's is about this buyer: the "does not answer the buyer"
   cap (25) needs a reply that makes none of its situation's right decisions in any words, not
   one without the model answer's words. A holding reply that says the request was passed on or
   asked about and when the answer comes answers (W04 Marek's "I asked our factory for the test
   report ... within 3 days" was 25, the reader's teacher gives 80; W05 Siti's "I have passed your
   request to our factory, and I will come back to you ... by Friday" 25, teacher 85); a group
   product named as "a boxed set of ceramic mugs" is the "ceramic mug gift set". A question put
   before any work ("before we ask the factory, could you tell us ...") stays no answer.
"""
from __future__ import annotations

import pytest
from support import caps, letter, named_cases, review

_MAREK, _SITI, _HALL = "w04-reply-marek", "w05-assess-holding-siti", "w10-reply-new-arrival"

# (exercise, reply, whether the no_answer cap holds)
ANSWERS = [
    *named_cases("a_holding_reply_in_other_words_answers", [
        ("marek", (_MAREK, letter("Marek", "Thank you for your mail. I asked our factory for the "
                                  "test report and the material. I will send you everything "
                                  "within 3 days."), False)),
        ("siti", (_SITI, letter("Siti", "Thank you for your message. I have passed your request "
                                "to our factory, and I will come back to you with the price and "
                                "the delivery date by Friday.", "Grace"), False))]),
    *named_cases("a_question_before_any_work_left_alone", (
        _SITI, letter("Siti", "Thank you for your message. Before we ask our factory, could you "
                      "tell us your school's address?", "Grace"), True)),
]


@pytest.mark.parametrize("exercise,text,capped", ANSWERS)
def test_a_reply_in_other_words_answers_the_buyer(exercise, text, capped):
    assert ("no_answer" in caps(exercise, text)) == capped


def test_the_holding_replies_in_other_words_pass():
    for exercise, text, capped in (p.values for p in ANSWERS):
        if not capped:
            assert review(exercise, text).score >= 80, text


_SET = ("Since you liked your coffee mug, you may like {}. It costs $18. Reply to this mail "
        "and we will send it within 2 days.")
# (reply to Ms Hall, whether the new product is named)
GROUPS = [
    *named_cases("a_set_named_by_its_items", [
        ("boxed", (_SET.format("our new boxed set of ceramic mugs"), True)),
        ("set_of_four", (_SET.format("our new set of four ceramic mugs"), True))]),
    *named_cases("another_set_left_alone", (_SET.format("our new set of tea towels"), False)),
]


@pytest.mark.parametrize("body,named", GROUPS)
def test_a_set_is_named_by_its_items(body, named):
    missing = review(_HALL, letter("Ms Hall", body)).criterion("content").missing
    assert ("the new product" not in missing) == named


# 2. A problem found reads as a problem ("problem:" / "问题："), not as "missing:"; and a sentence
# that does what the task asks (the opt-out line of a new-arrival letter, which lesson 10 calls
# professional) is not a cold sentence and costs nothing.
_OPT_OUT = ("Since you liked your coffee mug, our new ceramic mug gift set may please you. It "
            "costs $18. {}")
# (reply body to Ms Hall, whether the tone criterion finds a cold sentence)
COLD = [
    *named_cases("the_task_s_own_opt_out_is_not_cold", [
        ("reply_no", (_OPT_OUT.format("If you would rather not get messages like this, simply "
                                      "reply no and I will stop."), False)),
        ("no_more", (_OPT_OUT.format("If you do not want to hear about new products, just tell "
                                     "me and we will stop."), False))]),
    *named_cases("a_cold_line_left_alone", (
        _OPT_OUT.format("Sadly we cannot help you with any problem, it is terrible and useless to ask."), True)),
]


@pytest.mark.parametrize("body,cold", COLD)
def test_the_opt_out_line_is_not_cold(body, cold):
    tone = review(_HALL, letter("Ms Hall", body)).criterion("tone")
    assert any(m.startswith(("a cold", "blame", "sarcasm")) for m in tone.missing) == cold
    assert (tone.points == tone.max_points) == (not cold)


_COLD_REPLY = letter("Ms Hall", _OPT_OUT.format("Sadly we cannot help you with any problem, it is terrible and useless to ask."))
# (what is shown, the label a problem found must carry, the label it must not)
SHOWN = [
    *named_cases("a_problem_reads_as_a_problem", [
        ("text", (lambda r: repr(r), "problem: ", "missing: a cold")),
        ("widget", (lambda r: _feedback(r), "问题：", "缺少：冷漠"))]),
    *named_cases("a_lack_left_as_missing", (lambda r: repr(review(_HALL, letter(
        "Ms Hall", "Our new ceramic mug gift set costs $18."))), "missing: ", "problem: ")),
]


def _feedback(result) -> str:
    from course.exercises.kinds.reply import _criterion_feedback

    return " ".join(_criterion_feedback(c).zh for c in result.criteria)


@pytest.mark.parametrize("show,label,not_label", SHOWN)
def test_a_problem_found_is_labelled_a_problem(show, label, not_label):
    shown = show(review(_HALL, _COLD_REPLY))
    assert label in shown and not_label not in shown


# 3. "As a ..." names a role ("As a small thank you, ...", W10's greeting had "the verb takes
# -s"); a clause opened by "as" with its own subject keeps the agreement rule.
# (sentence, whether an agreement slip is found)
ROLES = [
    *named_cases("as_a_role_is_no_subject", [
        ("thank_you", ("As a small thank you, we add a free coaster to your next order.", False)),
        ("gift", ("As a gift for you, we put a small card in the box.", False))]),
    *named_cases("a_clause_opened_by_as_left_alone", (
        "As the parcel arrive late, we refund the shipping.", True)),
]


@pytest.mark.parametrize("sentence,slip", ROLES)
def test_as_a_role_is_no_subject(sentence, slip):
    from course.writing.grammar import check

    assert any(s.kind == "agreement" for s in check(sentence)) == slip


# 4. W03 Yara: the link of her shop is a detail that shows a real buyer ("could you share your
# store's link" was "missing: details that show the buyer is real", 69); the link to OUR store
# asks her nothing.
_YARA_BODY = ("Thank you for your interest in our yoga mats. {} Could you tell us which model and "
              "size you need? Our usual process is a paid sample order first, then a trial order. "
              "We cannot meet tomorrow, but we can arrange a video call within 3 days.")
# (the sentence, whether the verify move is made)
LINKS = [
    *named_cases("her_shop_s_link_verifies", [
        ("store_s_link", ("Could you share your store's link?", True)),
        ("link_to_shop", ("Could you send us the link to your shop?", True))]),
    *named_cases("our_own_link_left_alone", ("Here is the link to our store.", False)),
]


@pytest.mark.parametrize("sentence,verifies", LINKS)
def test_her_shop_s_link_verifies(sentence, verifies):
    missing = review("w03-reply-yara", letter("Yara", _YARA_BODY.format(sentence))).criterion(
        "content").missing
    assert ("asks for details that show the buyer is real" not in missing) == verifies


# 5. A whole letter inside the task's range loses its length point for want of detail: the
# structure row says so, not "missing: length" beside a length row that says "within".
# (reply to Marek, what the structure row must list)
LENGTH = [
    *named_cases("a_whole_short_letter_lacks_detail_not_length", [
        ("marek", (letter("Marek", "Thank you for your mail. I asked our factory for the test "
                          "report and the material. I will send you everything within 3 "
                          "days."), "a full letter's detail (29 words, inside 15-90)")),
        ("checking", (letter("Marek", "Thank you for your message. Our factory is checking the test "
                         "report, and we will answer within 3 days."),
                  "a full letter's detail (24 words, inside 15-90)"))]),
    *named_cases("a_note_under_the_range_left_alone", ("Got it, we check and answer in 3 days.",
                                                       "length")),
]


@pytest.mark.parametrize("text,row", LENGTH)
def test_a_whole_short_letter_lacks_detail_not_length(text, row):
    assert row in review(_MAREK, text).criterion("structure").missing


# 6. "Salam" opens a letter (W06, the markets workshop: "Salam Mr Al-Mansouri," was "missing:
# greeting"); a word that only begins like it does not.
_DUBAI = "w06-reply-dubai"
_DUBAI_BODY = ("{}\n\nThank you for your message. We will send the prayer mats within 3 days."
               "\n\nBest regards,\nMia")
# (first line, whether it is a greeting)
GREETINGS = [
    *named_cases("salam_greets", [
        ("salam", ("Salam Mr Al-Mansouri,", True)),
        ("assalamu_alaikum", ("Assalamu alaikum Mr Al-Mansouri,", True))]),
    *named_cases("a_word_like_it_left_alone", ("Salamander Ltd,", False)),
]


@pytest.mark.parametrize("line,greets", GREETINGS)
def test_salam_greets(line, greets):
    missing = review(_DUBAI, _DUBAI_BODY.format(line)).criterion("structure").missing
    assert ("greeting" not in missing) == greets
