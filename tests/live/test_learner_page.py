"""The learner page over HTTP (course/live/learner.py): the page and its assets, joining with
a message for each refusal, answers from the web forms graded and stored as every attempt."""
from __future__ import annotations

import re
import urllib.error
import urllib.request

import pytest
from learner_keys import key_leaks
from live_helpers import Live, call, gallery_and_lesson_01, teacher
from test_hub_and_client import hub_live  # noqa: F401, F811 - the fake hub's fixture

from course.messages import ui


@pytest.fixture
def live(tmp_path):
    """A LAN service whose bank holds the widget gallery and lesson 01 (reply, role-play)."""
    service = gallery_and_lesson_01(tmp_path)
    yield service
    service.stop()


def join(live, learner, code=None):
    return call("POST", live.url + "api/learn/join",
                {"code": live.auth.join_code if code is None else code, "learner": learner})


def answer(live, token, exercise_id, sent, client_id=None):
    body = {"exercise_id": exercise_id, "answer": sent}
    if client_id:
        body["client_id"] = client_id
    return call("POST", live.url + "api/learn/answer", body, token)


def test_the_page_is_served_with_its_assets_and_nothing_from_elsewhere(live):
    status, html, headers = call("GET", live.url + "learn?code=AB12CD&lang=zh")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert '<html lang="zh-Hans">' in html and "<main" in html and "<header" in html
    assert '"code": "AB12CD"' in html and ui("learn_join").zh in html
    assets = re.findall(r'(?:src|href)="(static/[^"]+)"', html)
    assert sorted(a.split("?v=")[0] for a in assets) == ["static/learner/learner.css",
                                                         "static/learner/learner.js"]
    for path in assets:
        status, text, headers = call("GET", live.url + path)
        assert status == 200 and len(text) > 1000, path
        assert not re.search(r"https?://", text), f"{path} loads something from elsewhere"
    assert not re.search(r"(?:src|href)=\"https?://", html)
    for bad in ("static/learner/../learner.py", "static/learner/x.js", "static/learner/learner.py"):
        assert call("GET", live.url + bad)[0] == 404


def test_the_page_speaks_the_language_asked_and_both_by_default(live):
    both = call("GET", live.url + "learn")[1]
    en = call("GET", live.url + "learn?lang=en")[1]
    assert ui("learn_join").en in both and ui("learn_join").zh in both
    assert ui("learn_join").en in en and ui("learn_join").zh not in en
    assert '"lang": "both"' in call("GET", live.url + "learn?lang=fr")[1]


def test_a_code_in_the_link_is_only_text(live):
    html = call("GET", live.url + 'learn?code=</script><script>alert(1)</script>')[1]
    assert "<script>alert" not in html and "alert(1)" in html


def test_joining_and_every_refusal_has_a_message_in_both_languages(live):
    status, reply, _ = join(live, "Li Lei")
    assert status == 200 and reply["learner"] == "Li Lei" and reply["token"]
    refusals = [(join(live, "Han Meimei", code="WRONG1"), 403, "learn_err_code"),
                (join(live, "Li Lei"), 409, "learn_err_taken"),
                (join(live, "LI LEI"), 409, "learn_err_taken"),  # looks the same
                (join(live, ""), 400, "learn_err_name"),
                (join(live, "Li\u202eLei"), 400, "learn_err_name")]
    for (status, reply, _), expected, key in refusals:
        assert status == expected, reply
        assert reply["message"] == ui(key).to_json(), reply


def test_with_a_class_list_a_learner_joins_by_student_number(live):
    from course.roster import Roster, Student

    live.service.roster = Roster([Student("2024001", "Zhang Wei"), Student("2024002", "Li Lei")])
    status, reply, _ = join(live, "Wang Fang")
    assert status == 403 and reply["message"] == ui("learn_err_roster").to_json()
    status, reply, _ = join(live, "2024002")
    assert status == 200 and reply["learner"] == "2024002"
    assert '"roster": true' in call("GET", live.url + "learn")[1]


def test_answers_from_the_forms_are_graded_and_stored(live):
    token = join(live, "Li Lei")[1]["token"]
    bank = live.bank
    single = bank["gallery-single"]
    right = single.options[single.correct_indexes[0]].key
    sent = {"gallery-cloze": (["five", "same", "3"], True),
            "gallery-single": (right, True),
            "gallery-true-false": ("false", not bank["gallery-true-false"].answer),
            "gallery-ordering": (bank["gallery-ordering"].keys[::-1], False),
            "gallery-numeric": ("12%", False),
            "rel-reply-late-delivery": (bank["rel-reply-late-delivery"].examples["wrong"][0],
                                        False)}
    for ex_id, (value, _) in sent.items():
        status, reply, _ = answer(live, token, ex_id, value)
        assert status == 200 and reply["recorded"] is True and reply["duplicate"] is False, ex_id
        assert key_leaks(bank[ex_id], reply) == []
    stored = {a["exercise_id"]: a for a in live.store.attempts()}
    assert set(stored) == set(sent)
    for ex_id, (_, correct) in sent.items():
        assert stored[ex_id]["learner"] == "Li Lei" and stored[ex_id]["correct"] is correct, ex_id
    assert stored["gallery-true-false"]["response"] is False  # the grader's shape: a boolean
    assert stored["gallery-cloze"]["response"] == ["five", "same", "3"]


def test_an_answer_sent_again_is_stored_once(live):
    """The page sends a kept answer again (same client_id) when the connection returns."""
    token = join(live, "Li Lei")[1]["token"]
    first = answer(live, token, "gallery-numeric", "25%", client_id="c0ffee-1")
    again = answer(live, token, "gallery-numeric", "25%", client_id="c0ffee-1")
    assert first[0] == again[0] == 200
    assert again[1] == {**first[1], "duplicate": True}
    assert live.store.count() == 1


def test_bad_answers_are_refused_with_the_learners_message(live):
    token = join(live, "Li Lei")[1]["token"]
    cases = [("gallery-single", "no-such-option", 422, ui("web_pick_one")),
             ("gallery-cloze", ["", "", ""], 422, ui("web_fill_blanks", n=3)),
             ("gallery-numeric", "about a lot", 422, ui("bad_number")),  # the grader's words
             ("gallery-ordering", ["a"], 422,
              ui("web_order_all", n=len(live.bank["gallery-ordering"].keys)))]
    for ex_id, value, status, message in cases:
        got = answer(live, token, ex_id, value)
        assert got[0] == status and got[1]["message"] == message.to_json(), (ex_id, got)
    status, reply, _ = answer(live, token, "no-such-exercise", "x")
    assert status == 404 and reply["message"]["en"] and reply["message"]["zh"]
    roleplay = next(ex.id for ex in live.bank.exercises if ex.type == "roleplay")
    status, reply, _ = answer(live, token, roleplay, ["Hello"])
    assert status == 422 and "notebook" in reply["error"]
    status, reply, _ = answer(live, "not-a-token", "gallery-single", "x")
    assert status == 401 and reply["message"] == ui("learn_err_token").to_json()
    status, reply, _ = call("POST", live.url + "api/learn/answer", raw=b"{not json", token=token)
    assert status == 400 and reply["message"]["en"]
    assert live.store.count() == 0


def current(live, token, after=-1, wait=0, lang="en"):
    status, reply, _ = call("GET", f"{live.url}api/learn/current?after={after}&wait={wait}"
                                   f"&lang={lang}", token=token)
    assert status == 200, reply
    return reply


def test_the_question_up_its_answering_and_the_result_after_the_reveal(live):
    act = teacher(live)
    li, han = join(live, "Li Lei")[1]["token"], join(live, "Han Meimei")[1]["token"]
    received = []  # every JSON a learner receives before the reveal
    state = current(live, li)
    assert state["exercise_id"] is None and "exercise" not in state and state["learner"] == "Li Lei"
    act(action="put", exercise_id="gallery-cloze")
    received.append(state := current(live, li, after=state["version"], wait=5))
    assert state["exercise"]["view"] == "cloze" and state["open"] is False
    closed = answer(live, li, "gallery-cloze", ["five", "next", "3"])
    assert closed[0] == 409 and closed[1]["message"] == ui("learn_err_closed").to_json()
    act(action="open", seconds=None)
    received.append(current(live, li, after=state["version"], wait=5))
    received.append(answer(live, li, "gallery-cloze", ["five", "next", "3"])[1])
    received.append(current(live, han, lang="zh"))
    cloze = live.bank["gallery-cloze"]
    assert all(key_leaks(cloze, data) == [] for data in received), received
    act(action="reveal")
    mine, theirs = current(live, li), current(live, han, lang="zh")
    assert mine["revealed"] and mine["result"]["answered"] and not mine["result"]["correct"]
    assert mine["result"]["score"] == pytest.approx(2 / 3)
    assert [i["correct"] for i in mine["result"]["items"]] == [True, False, True]
    assert cloze.blanks[1].answers[0] in mine["result"]["solution"]
    assert theirs["result"] == {"answered": False, "solution": cloze.solution.zh}
    late = answer(live, han, "gallery-cloze", ["five", "same", "3"])
    assert late[0] == 409 and live.store.count() == 1


def test_the_long_poll_returns_when_the_teacher_acts(live):
    import threading
    import time

    act = teacher(live)
    li = join(live, "Li Lei")[1]["token"]
    version = current(live, li)["version"]
    timer = threading.Timer(0.5, lambda: act(action="put", exercise_id="gallery-numeric"))
    timer.start()
    started = time.monotonic()
    state = current(live, li, after=version, wait=20)
    took = time.monotonic() - started
    timer.join()
    assert state["exercise_id"] == "gallery-numeric" and state["exercise"]["unit"] == "%"
    assert took < 10  # woken by the put, not by the end of the 20 s wait


def test_a_type_without_a_web_view_says_answer_it_in_the_notebook(live):
    act = teacher(live)
    li = join(live, "Li Lei")[1]["token"]
    roleplay = next(ex.id for ex in live.bank.exercises if ex.type == "roleplay")
    act(action="put", exercise_id=roleplay)
    state = current(live, li, lang="zh")
    assert state["exercise"]["view"] is None
    assert state["exercise"]["notice"].startswith("请在笔记本中作答")


def test_after_a_restart_the_result_comes_from_the_session_file(live, tmp_path):
    act = teacher(live)
    li = join(live, "Li Lei")[1]["token"]
    act(action="put", exercise_id="gallery-single")
    act(action="open", seconds=None)
    single = live.bank["gallery-single"]
    assert answer(live, li, "gallery-single", single.options[single.correct_indexes[0]].key)[0] \
        == 200
    act(action="reveal")
    live.stop()
    again = Live(tmp_path / "class.sqlite3", tmp_path / "bank")  # the same session file
    try:
        state = current(again, li)  # the token, the question and the answer were kept
        assert state["exercise_id"] == "gallery-single" and state["revealed"]
        assert state["result"]["answered"] and state["result"]["correct"]
    finally:
        again.stop()


def test_a_peer_instruction_vote_again_from_the_page(live):
    act = teacher(live)
    li = join(live, "Li Lei")[1]["token"]
    act(action="put", exercise_id="gallery-true-false", peer=True)
    act(action="open", seconds=None)
    assert answer(live, li, "gallery-true-false", "true")[0] == 200
    act(action="close")
    state = current(live, li)
    assert state["round"] == 1 and not state["open"] and state["peer"]
    act(action="round2")
    state = current(live, li, after=state["version"], wait=5)
    assert state["round"] == 2 and state["open"] and state["exercise"]["view"] == "choice"
    assert answer(live, li, "gallery-true-false", "false")[0] == 200
    rounds = [(a["round"], a["response"]) for a in live.store.attempts("gallery-true-false")]
    assert rounds == [(1, True), (2, False)]


def test_on_a_hub_the_page_logs_in_through_the_hub_and_knows_the_learner(hub_live):  # noqa: F811
    """(tests/live/test_hub_and_client.py's fake hub.) A browser without the hub's login is
    sent to it; a hub user is who the hub says, with no join; one without the service's
    access scope is refused with a message."""
    server, _hub, store = hub_live
    url = server.url
    req = urllib.request.Request(url + "learn")
    opener = urllib.request.build_opener(_NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as caught:
        opener.open(req, timeout=10)
    assert caught.value.code == 302 and "/hub/api/oauth2/authorize" in caught.value.headers["Location"]
    status, reply, _ = call("GET", url + "api/learn/current", token="tok-li")
    assert status == 200 and reply["learner"] == "li"
    status, reply, _ = call("POST", url + "api/learn/answer",
                            {"exercise_id": "gallery-true-false", "answer": "true"}, "tok-li")
    assert status == 200 and store.attempts()[0]["learner"] == "li"
    status, reply, _ = call("GET", url + "api/learn/current", token="tok-other")
    assert status == 403 and reply["message"]["en"] and reply["message"]["zh"]
    status, reply, _ = call("POST", url + "api/learn/join", {"code": "X", "learner": "li"})
    assert status == 404 and "hub" in reply["error"]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
