"""Misjudgements the tenth notebook readers (issue 28) met that brief 22q left, each a general
rule shown on lines of its own: two lines it must read and a nearby line it must leave alone
(brief 22rv).

1. A whole answer in a letter's frame is a letter: a reply with its greeting and its closing, of
   a letter's length, that makes every move of its situation is not "an answer, not yet a
   letter" for want of the thanks and a time (the tenth teacher reader gives W01 Lena's 63-word
   apology, photos and refund or exchange 85; it was held at 75). A brief answer without them
   stays capped (set 2's teacher gives 45-word ones 62).
2. The normal short closings of chat and mail close a letter: "Best, Mia" run on after the last
   sentence, "Thx,", "Warmly,", "Talk soon," on a line of their own (W02 Ashley's "Best,\\nMia"
   was "no closing", 80). "Warmly welcome you to our shop." is no closing.
3. Advice that was wrong for the reply: one new product said plainly ("Now we have new ring
   light.") is the firm's new products; the padding advice quotes the reply's own empty
   sentences, not stock phrases the reply never used.
"""
from __future__ import annotations

import pytest
from support import advice, caps, course_bank, letter, named_cases, review

_LENA, _ASHLEY, _RYAN = "w01-reply-lena", "w02-check-reply-ashley", "comp-reply-dead-charger"
_ALI, _HADDAD = "w08-reply-ali", "w01-reply-haddad"

# (exercise, reply, whether the bare_letter cap holds)
FRAMED = [
    *named_cases("a_whole_answer_in_a_letter_frame_is_a_letter", [
        ("lena", (_LENA, letter("Lena", "We are very sorry that the coat is not like the "
                               "pictures. This is our mistake, and we understand how "
                               "disappointing it is. Could you please send us two photos of "
                               "the coat? Then you can return it at our cost and we will refund "
                               "you in full, or we can send you another coat if you prefer.",
                               "Anna"), False)),
        ("ali", (_ALI, letter("Ali", "We are very sorry that you received a white bedside "
                             "table instead of the walnut one you ordered. This was our "
                             "mistake. Could you send us a photo of the table and its label? "
                             "We will send you the walnut table and pick up the white one at "
                             "our cost, or refund you in full if you prefer.", "Grace"),
                 False))]),
    # a brief answer without thanks and a time, in the same frame, stays an answer
    *named_cases("a_brief_answer_left_alone", (
        _RYAN, letter("Ryan", "We are sorry that your charger stopped working. We will give "
                      "you a full refund of $9.", "Amy"), True)),
]


@pytest.mark.parametrize("exercise,text,bare", FRAMED)
def test_a_whole_answer_in_a_letter_frame_is_a_letter(exercise, text, bare):
    assert ("bare_letter" in caps(exercise, text)) == bare


_BODY = ("Thanks for writing! Since you like your silk scarf, try our new knitted beanie for "
         "the winter. It is $12.90 and matches the scarf. Tell me which colour you want and we "
         "will send it within 2 days.")
# (reply to Ashley, the closing the review must find, or "" for none)
CLOSINGS = [
    *named_cases("a_short_closing_run_on_with_the_name", [
        ("best", (f"Hi Ashley,\n\n{_BODY} Best, Mia", "Best")),
        ("cheers", (f"Hi Ashley,\n\n{_BODY} Cheers, Mia", "Cheers"))]),
    *named_cases("a_short_closing_on_its_line", [
        ("thx", (f"Hi Ashley,\n\n{_BODY}\n\nThx,\nMia", "Thx,")),
        ("warmly", (f"Hi Ashley,\n\n{_BODY}\n\nWarmly,\nMia", "Warmly,"))]),
    # a sentence that begins with such a word is no closing, nor "best" inside a sentence
    *named_cases("a_sentence_left_alone", [
        ("warmly", (f"Hi Ashley,\n\n{_BODY}\nWarmly welcome you to our shop.", "")),
        ("best", (f"Hi Ashley,\n\n{_BODY} We did our best.", ""))]),
]


@pytest.mark.parametrize("text,closing", CLOSINGS)
def test_the_short_closings_of_chat_and_mail(text, closing):
    found = [f for f in review(_ASHLEY, text).criterion("structure").found
             if f.startswith("closing: ")]
    assert found == ([f"closing: {closing}"] if closing else []), found


NEW_PRODUCTS = "Missing: the firm's present profile or new products"
_WIN_BACK = ("Thank you for your nine orders in the past. We miss working with you and hope to "
             "work together again. {new} You can have 10% off any order until 30 November. "
             "Please reply soon.")
# (exercise, the sentence about the shop's goods, whether it names the new products)
NEW_LINES = [
    *named_cases("one_new_product_said_plainly", [
        ("ring_light", (_HADDAD, "Now we have new ring light.", True)),
        ("tripod", (_HADDAD, "We also sell a new phone tripod.", True))]),
    # the shop's old goods are no news
    *named_cases("old_goods_left_alone", (_HADDAD, "We still have phone tripods.", False)),
]


@pytest.mark.parametrize("exercise,line,named", NEW_LINES)
def test_one_new_product_said_plainly(exercise, line, named):
    text = letter("Mr Haddad", _WIN_BACK.format(new=line))
    assert (NEW_PRODUCTS not in advice(exercise, text)) == named


_EMPTY = ("We are a small shop and we work hard every day. Many customers buy our coats and "
          "they like them. We think our coat is a good coat for the winter. We hope you will "
          "like it more when you wear it.")
_STOCK = ("Your satisfaction is our top priority. We always do our best for every customer. "
          "We value every customer very much. We hope this message finds you well.")
# (reply to Lena, a sentence the padding advice must quote, one it must not)
PADDING = [
    *named_cases("the_padding_advice_quotes_the_reply", [
        ("empty", (_EMPTY, "'We are a small shop and we work hard every day.'",
                   "your satisfaction is our priority")),
        ("stock", (_STOCK, "'Your satisfaction is our top priority.'",
                   "'we always do our best')"))]),
]


@pytest.mark.parametrize("body,quoted,not_quoted", PADDING)
def test_the_padding_advice_quotes_the_reply(body, quoted, not_quoted):
    said = advice(_LENA, letter("Lena", body, "Anna"))
    assert "Cut the general sentences" in said and quoted in said
    assert not_quoted not in said


def test_a_letter_with_no_padding_has_no_padding_advice():
    said = advice(_LENA, letter("Lena", "We are very sorry about the coat. Could you send us "
                                "two photos? We will refund you in full.", "Anna"))
    assert "Cut the general sentences" not in said


# 4. The weakest kinds on unseen replies (brief 22rv), each found by what the reply does.

# the task's terms listed as half-sentences after one real sentence: the list says nothing to
# the buyer (set 7's teacher gives such replies 42-45; the reviewer gave 64-75 when it did not
# read the list, 10 when it read the whole as one)
_KEYCHAIN, _CARLOS, _INES = "w07-reply-keychain", "msg-reply-insale", "w07-assess-reply-ines"
# (exercise, reply, whether the half_list cap holds)
HALF_LISTS = [
    *named_cases("the_tasks_terms_listed_after_a_sentence", [
        ("keychain", (_KEYCHAIN, "Hi Farid,\n\nwe are sorry your keychain stopped working. "
                      "our mistake, refund $20, no need return, money in 3 days, apology again."
                      "\n\nGrace", True)),
        ("carlos", (_CARLOS, "Hi Carlos,\n\nwe saw your yoga mat order is not paid yet. "
                    "payment help, any problem, cancel option, discount 10%, until Friday."
                    "\n\nLily", True))]),
    # a short answer that lists its facts with numbers says them: left alone
    *named_cases("a_list_of_facts_left_alone", (
        "grading-reply-grade2", "Hello Mr Kowalski,\n\nThank you for your message. 300 bamboo "
        "cutting boards, $3.80 each, $1,140 total, sample $15 with shipping to Warsaw. We can "
        "send the sample within 3 days.\n\nBest regards,\nLily", False)),
]


@pytest.mark.parametrize("exercise,text,capped", HALF_LISTS)
def test_the_tasks_terms_listed_after_a_sentence(exercise, text, capped):
    result = review(exercise, text)
    assert ("half_list" in {c["name"] for c in result.caps}) == capped
    assert (result.score <= 45) == capped


def test_a_list_with_no_sentence_stays_a_keyword_list():
    text = "Dear Ines, apologise, responsibility, partial compensation, $4, acceptable, pen set."
    assert "keywords" in caps(_INES, text) and review(_INES, text).score <= 10


# calm blame found by what it does, in words no earlier round listed
# (sentence, whether it is read as blame)
BLAME = [
    *named_cases("the_buyers_own_act_doubted", [
        ("measure", ("Maybe you did not measure yourself correctly.", True)),
        ("had", ("If you had read the size chart first, this would not happen.", True))]),
    *named_cases("the_fault_handed_to_another_party", [
        ("to_blame", ("The carrier is to blame for this delay.", True)),
        ("problem_of", ("This is a problem of the post office, not of our shop.", True))]),
    *named_cases("the_shops_part_cleared", [
        ("perfect", ("The lamp was perfect when it left our warehouse.", True)),
        ("hands", ("This kind of delay is out of our hands.", True))]),
    *named_cases("called_normal_by_other_buyers", [
        ("others", ("Other customers had no problem with this charger.", True)),
        ("nobody", ("Nobody else has complained about this coat.", True))]),
    *named_cases("the_cheap_choice_held_against_the_buyer", [
        ("economy", ("You chose economy shipping, so a long wait is expected.", True)),
        ("cheapest", ("Please remember that you chose the cheapest shipping.", True))]),
    # owning the fault, or saying what she bought, is no blame
    *named_cases("owning_it_left_alone", [
        ("own", ("We accept responsibility: the lamp was damaged before it left us.", False)),
        ("chose", ("You chose our cork yoga block last spring, so we thought of you.", False)),
        ("had", ("If you had any trouble with the payment, we can help.", False))]),
]


@pytest.mark.parametrize("sentence,blame", BLAME)
def test_calm_blame_found_by_what_it_does(sentence, blame):
    from course.writing.scorers import Tone

    assert any(kind == "blame" for kind, _ in Tone._hits(sentence)) == blame


# a product named in the reply's own words: its head noun after another word of its name
# ("bamboo board" for the bamboo cutting board), a set by its items ("the knives" for her knife
# set); a phrase that names another product of the task ("jasmine pearl tea" is not her jasmine
# green tea) is not hers (set 4's teacher gives the knives-and-board reply 78; it was 40)
_CHLOE, _GRACE = "w02-reply-chloe", "idic-reply-customize"
# (exercise, line, the product field, whether the line names it)
NAMES = [
    *named_cases("a_product_named_in_other_words", [
        ("board", (_CHLOE, "Our new bamboo board suits your kitchen.", "recommended_product",
                   True)),
        ("knives", (_CHLOE, "We are glad the knives are doing well.", "last_product", True))]),
    *named_cases("another_product_of_the_task_left_alone", [
        ("pearl", (_GRACE, "Try our jasmine pearl tea.", "last_product", False)),
        ("knife", (_CHLOE, "A knife needs a soft board.", "last_product", False))]),
]


@pytest.mark.parametrize("exercise,line,field,named", NAMES)
def test_a_product_named_in_other_words(exercise, line, field, named):
    from course.writing.factcheck import check_facts

    facts = review_facts(exercise)
    assert (field in check_facts(line, facts).right) == named


def review_facts(exercise: str) -> dict:
    return dict(course_bank()[exercise].facts)


# a wrong value that the decision turns on (the size the chart does not give), with none of the
# right decisions, is a wrong decision in a polite reply (the teachers give 30-42, 34 on
# average; it was 45, the cap of one wrong fact)
_EMILY, _TOM = "msg-reply-presale", "msg-reply-aftersale"
# (exercise, reply, whether the wrong_choice cap holds)
CHOICES = [
    *named_cases("the_value_of_the_decision_stated_wrong", [
        ("size", (_EMILY, letter("Emily", "Thank you for your question about the summer dress. "
                                 "For a US size 8 we recommend our size M. Every dress is checked "
                                 "before shipping, and you can exchange it within 7 days."),
                  True)),
        ("amount", (_TOM, letter("Tom", "We are sorry about the scratch on your desk lamp. As "
                                 "a small thank-you for your patience we will pay you $15. "
                                 "Is that acceptable for you?"), True))]),
    # the right size: left alone
    *named_cases("the_right_value_left_alone", (
        _EMILY, letter("Emily", "Thank you for your question about the summer dress. For a US "
                       "size 8 the size chart gives L, so we recommend size L. You can exchange "
                       "it within 7 days."), False)),
]


@pytest.mark.parametrize("exercise,text,capped", CHOICES)
def test_the_value_of_the_decision_stated_wrong(exercise, text, capped):
    result = review(exercise, text)
    assert ("wrong_choice" in {c["name"] for c in result.caps}) == capped
    assert (result.score <= 35) == capped


# 5. The eleventh readers (a teacher and a student, brief 22rv): moves said in the learner's
#    own words and told "Missing", each read by its meaning in any form of its words.
_NADIA, _DUBAI, _YARA = "w04-check-reply-nadia", "w06-reply-dubai", "w03-reply-yara"
_VERA, _MAREK, _GREETING = "w07-reply-vera", "w04-reply-marek", "w10-assess-reply-greeting"
_NEW_ARRIVAL, _WEBER, _KANYA = "w10-reply-new-arrival", "promo-reply-new-arrival", "w05-reply-kanya"
_JESSICA = "w06-assess-reply-jessica"
# (exercise, reply, the move's line that must not be "Missing", whether the reply makes it)
OTHER_WORDS = [
    # thanks for buying, the verb in any form (a slip too): thanks for past business, and why a
    # new arrival is told to her
    *named_cases("thanks_for_buying_in_any_form", [
        ("haddad", (_HADDAD, letter("Mr Haddad", "Thank you for buy from us nine times. We miss "
                                    "you and want to work together again."),
                    "thanks for past business", True)),
        ("new_arrival", (_NEW_ARRIVAL, letter("Ms Hall", "thank you for buy 8 coffee mugs in "
                                              "September. Our new ceramic mug gift set is $18."),
                         "says why this customer hears about it", True))]),
    *named_cases("thanks_for_a_message_left_alone", (
        _HADDAD, letter("Mr Haddad", "Thank you for your message. We want to work together "
                        "again."), "thanks for past business", False)),
    # a number written as a word, a percentage in words, the end of a month
    *named_cases("numbers_and_dates_in_words", [
        ("nine_days", (_DUBAI, letter("Mr Al-Mansouri", "Thank you. Ten speakers are 65 USD in "
                                      "all, 6.50 USD each. They reach Dubai in nine days."),
                       "the delivery time", True)),
        ("month_end", (_GREETING, letter("Mr Anderson", "Happy Thanksgiving to you and your "
                                         "family! Our mugs are 10% cheaper until the end of "
                                         "October."), "when the offer ends", True))]),
    *named_cases("a_vague_time_left_alone", (
        _DUBAI, letter("Mr Al-Mansouri", "Thank you. Ten speakers are 65 USD in all, 6.50 USD "
                       "each. They reach Dubai in a few days."), "the delivery time", False)),
    # money given back "to you"; the buyer checked through the company's "web page"; "received!"
    *named_cases("money_back_to_you", [
        ("ines", (_INES, letter("Ines", "Sorry for the mark on your pen set. Could we return 4 "
                                "dollars to you for it?"), "a partial compensation", True)),
        ("tom", (_TOM, letter("Tom", "Sorry for the scratch. We can pay $4 back to you today."),
                 "a partial compensation", True))]),
    *named_cases("the_buyer_checked_in_other_words", [
        ("web_page", (_YARA, letter("Yara", "Could you share your company's web page?"),
                      "asks for details that show the buyer is real", True)),
        ("registered", (_YARA, letter("Yara", "Could you tell us your registered address?"),
                        "asks for details that show the buyer is real", True))]),
    *named_cases("our_own_page_left_alone", (
        _YARA, letter("Yara", "You can see all models on our shop page."),
        "asks for details that show the buyer is real", False)),
    *named_cases("the_mail_received_in_one_word", (
        _MAREK, "Hi Marek, received! We are working on it, full reply within three days. Mia",
        "says the mail was received", True)),
    # the buyer's answer asked, or a way out offered, in plain student words
    *named_cases("the_buyers_answer_in_other_words", [
        ("mind", (_VERA, letter("Vera", "New stock comes on 18 April. Do you mind to wait some "
                                "days?"), "asks whether the delay is acceptable", True)),
        ("stop", (_WEBER, letter("Ms Weber", "Our new cork yoga block is $9. If you not want "
                                 "this kind of message, please tell us and we will stop."),
                  "leaves the choice to the customer", True))]),
    *named_cases("a_plain_wait_left_alone", (
        _VERA, letter("Vera", "New stock comes on 18 April, and we will ship it then."),
        "asks whether the delay is acceptable", False)),
    # what she likes, said with "like"
    *named_cases("what_she_likes", (
        _KANYA, letter("Kanya", "Because you like our red hoodie, we think you will love our new "
                       "fleece zip hoodie, $14.90."), "the product she bought before", True)),
]


@pytest.mark.parametrize("exercise,text,move,made", OTHER_WORDS)
def test_moves_in_the_learners_own_words(exercise, text, move, made):
    assert (f"Missing: {move}" not in advice(exercise, text)) == made


# holiday wishes with the name close a letter ("Merry Christmas,\nMia"; the eleventh student)
# (closing lines of a reply to Jessica, the closing the review must find, or "" for none)
WISHES = [
    *named_cases("holiday_wishes_close_a_letter", [
        ("christmas", ("Merry Christmas,\nMia", "Merry Christmas,")),
        ("holidays", ("Happy holidays, Mia", "Happy holidays, Mia"))]),
    *named_cases("wishes_in_a_sentence_left_alone", (
        "Merry Christmas and thank you for all your orders this year.", "")),
]


@pytest.mark.parametrize("end,closing", WISHES)
def test_holiday_wishes_close_a_letter(end, closing):
    text = ("Hi Jessica,\n\nThank you for your message. Three speakers cost $21.12, that is $7.04 "
            "each, with a one-year warranty. They arrive in 8 days.\n\n" + end)
    found = [f for f in review(_JESSICA, text).criterion("structure").found
             if f.startswith("closing: ")]
    assert found == ([f"closing: {closing}"] if closing else []), found


# 6. A price made up where the task gives none (a suspicious inquiry: no price before the buyer
#    is checked; the eleventh student reader, like W05 Siti's "$3"), and a date of what happened
#    is no next step ("it was shipped on 23 March"; the eleventh teacher reader, W01 Lucia).
# (exercise, reply, whether the made-up amount is a wrong fact)
MADE_UP = [
    *named_cases("a_price_made_up_for_an_unchecked_buyer", [
        ("yara", (_YARA, letter("Yara", "Could you share your company website? The price is $15 "
                                "per piece."), True)),
        ("farid", ("w03-check-reply-farid", letter("Farid", "Could you send your company "
                                                   "website? Each sample costs $20."), True))]),
    *named_cases("no_price_left_alone", (
        _YARA, letter("Yara", "Could you share your company website? We usually start with one "
                      "or two paid samples."), False)),
]


@pytest.mark.parametrize("exercise,text,wrong", MADE_UP)
def test_a_price_made_up_for_an_unchecked_buyer(exercise, text, wrong):
    assert ("wrong_fact" in caps(exercise, text)) == wrong


NEXT = "Say what happens next and when"
_LUCIA = "w01-check-reply-lucia"
# (reply to Lucia, whether it says what happens next and when)
PAST_DATES = [
    *named_cases("a_date_of_what_happened_is_no_next_step", [
        ("shipped", (letter("Lucia", "Thank you for your patience. Your parcel was shipped on 23 "
                            "March with YunExpress, tracking number YT2545280664805297."), False)),
        ("sent", (letter("Lucia", "Thank you for waiting. We sent it on 23 March by YunExpress, "
                         "tracking YT2545280664805297."), False))]),
    *named_cases("a_promise_with_a_date_left_alone", (
        letter("Lucia", "Thank you for your patience. It was shipped on 23 March; if it has not "
               "arrived by 10 April, we will send a new one."), True)),
]


@pytest.mark.parametrize("text,next_step", PAST_DATES)
def test_a_date_of_what_happened_is_no_next_step(text, next_step):
    assert (NEXT not in advice(_LUCIA, text)) == next_step
