"""The live-class service over real HTTP on loopback: grading, counts, names, reveal, restart,
export, and every rejection (a clear status, logged, nothing else disturbed)."""
from __future__ import annotations

import logging
import re

import pytest
from live_helpers import GALLERY, call
from support import wait_until

from course.live.server import MAX_BODY, RATE_LIMIT

CLOZE_WRONG = ["two", "next", "seven"]


def test_an_attempt_is_regraded_and_counted(live):
    token = live.join("Li Lei")
    status, reply, _ = live.post(token, "gallery-cloze", CLOZE_WRONG, score=1.0)
    assert status == 200 and reply["recorded"]
    [row] = live.store.attempts()
    assert row["score"] == 0.0 and not row["correct"]  # the score in the message is ignored
    assert row["learner"] == "Li Lei"
    stats = live.stats("gallery-cloze")
    ex = stats["exercise"]
    assert ex["answered"] == 1 and ex["attempts"] == 1 and ex["correct"] == 0
    assert [it["wrong"] for it in ex["items"]] == [[["two", 1]], [["next", 1]], [["seven", 1]]]
    assert "learners" not in ex  # no names unless the instructor turns them on


def test_options_latest_answer_per_learner_and_the_lesson(live):
    tokens = [live.join(f"learner {i}") for i in range(3)]
    live.post(tokens[0], "gallery-single", 0)
    live.post(tokens[0], "gallery-single", 1)  # changed their mind: only the latest counts
    live.post(tokens[1], "gallery-single", 1)
    live.post(tokens[2], "gallery-single", 2)
    ex = live.stats("gallery-single")["exercise"]
    assert [o["count"] for o in ex["options"]] == [0, 2, 1, 0]
    assert ex["answered"] == 3 and ex["attempts"] == 4 and ex["correct"] == 2
    rows = {r["id"]: r for r in live.stats()["lesson"]}
    assert rows["gallery-single"]["answered"] == 3
    assert rows["gallery-single"]["mean_score"] == pytest.approx(2 / 3, abs=1e-3)
    assert rows["gallery-cloze"]["answered"] == 0


def test_names_only_when_turned_on(live):
    token = live.join("Han Meimei")
    live.post(token, "gallery-true-false", False)
    assert "learners" not in live.stats("gallery-true-false")["exercise"]
    live.store.set_setting("show_names", "1")  # what the dashboard's switch does (tested below)
    ex = live.stats("gallery-true-false")["exercise"]
    assert ex["learners"] == [{"name": "Han Meimei", "score": 0.0, "answer": "False"}]


def test_a_retry_with_the_same_client_id_counts_once(live):
    token = live.join("Li Lei")
    for _ in range(2):
        status, reply, _ = live.post(token, "gallery-true-false", True, client_id="abc123")
        assert status == 200
    assert reply["duplicate"] and live.store.count() == 1


def test_reveal_long_poll_and_assessment_refused(live):
    import threading
    import time

    token = live.join("Li Lei")
    got = {}

    def wait():
        t0 = time.monotonic()
        got["reply"] = call("GET", live.url + "api/reveals?after=0&wait=10", token=token)
        got["seconds"] = time.monotonic() - t0

    t = threading.Thread(target=wait)
    t.start()
    # the request is parked on the service's reveal condition (tornado keeps its waiters in
    # ``_waiters``): only then can the answer below come from the wake-up, not from an
    # immediate reply
    wait_until(lambda: live.service._reveal_cond._waiters, 10, what="the long poll waiting")
    assert live.service.reveal("gallery-multiple") == 1
    t.join(10)
    status, reply, _ = got["reply"]
    assert status == 200 and reply["reveals"] == [[1, "gallery-multiple"]]
    assert got["seconds"] < 5  # answered by the reveal, not by the time-out
    assert "A, B and D" in live.stats("gallery-multiple")["exercise"]["solution"]["en"]
    from course.live.server import Rejected

    with pytest.raises(Rejected) as info:
        live.service.reveal("gallery-numeric")  # an assessment item
    assert info.value.status == 409


def test_restart_keeps_code_tokens_attempts_and_reveals(live, tmp_path):
    token = live.join("Li Lei")
    live.post(token, "gallery-single", 1)
    live.service.reveal("gallery-multiple")
    code = live.auth.join_code
    live.stop()
    again = live.restart("session.sqlite3")
    assert again.auth.join_code == code
    assert again.stats("gallery-single")["exercise"]["answered"] == 1
    assert again.stats()["revealed"] == ["gallery-multiple"]
    status, _, _ = again.post(token, "gallery-single", 2)  # the old token still works
    assert status == 200 and again.store.count() == 2


def test_export_is_a_submission_folder_that_report_reads(live, tmp_path):
    from course.instructor.report import build_report
    from course.live.export import export_session

    for name, answer in (("Li Lei", 1), ("Han Meimei", 0)):
        live.post(live.join(name), "gallery-single", answer)
    files = export_session(live.store, tmp_path / "out")
    assert len(files) == 2
    report = build_report([tmp_path / "out"], bank_path=GALLERY)
    assert sorted(r.learner for r in report.learners) == ["Han Meimei", "Li Lei"]
    assert report.attempts == 2 and not report.rejections


# -- rejections ------------------------------------------------------------------------------
def _rejected(caplog, status: int) -> bool:
    return any(re.search(rf"rejected .*: {status} ", r.getMessage()) for r in caplog.records
               if r.name == "course.live")


@pytest.fixture
def calm(live):
    """A second learner whose posts must go through before and after each rejection."""
    token = live.join("Calm Learner")
    assert live.post(token, "gallery-true-false", True)[0] == 200

    def still_fine():
        before = live.store.count()
        assert live.post(token, "gallery-true-false", True)[0] == 200
        assert live.store.count() == before + 1

    return still_fine


def test_wrong_join_code(live, calm, caplog):
    caplog.set_level(logging.INFO, "course.live")
    status, reply, _ = call("POST", live.url + "api/join", {"code": "WRONG1", "learner": "X"})
    assert status == 403 and "join code" in reply["error"]
    assert _rejected(caplog, 403) and "X" not in live.store.learners()
    calm()


def test_unknown_or_missing_token(live, calm, caplog):
    caplog.set_level(logging.INFO, "course.live")
    for token in ("not-a-token", None):
        status, reply, _ = live.post(token, "gallery-single", 1)
        assert status == 401 and "join" in reply["error"]
    assert _rejected(caplog, 401) and live.store.count() == 1
    calm()


def test_a_learner_posting_as_another(live, calm, caplog):
    caplog.set_level(logging.INFO, "course.live")
    token = live.join("Li Lei")
    status, reply, _ = live.post(token, "gallery-single", 1, learner="Calm Learner")
    assert status == 403 and "Li Lei" in reply["error"]
    assert _rejected(caplog, 403) and live.store.count() == 1
    status, _, _ = call("POST", live.url + "api/join",
                        {"code": live.auth.join_code, "learner": "Calm Learner"})
    assert status == 409  # nor can a second kernel join under a name already taken
    calm()


def test_unknown_exercise_and_ungradable_answer(live, calm, caplog):
    caplog.set_level(logging.INFO, "course.live")
    token = live.join("Li Lei")
    status, reply, _ = live.post(token, "no-such-exercise", 1)
    assert status == 404 and "no-such-exercise" in reply["error"]
    status, reply, _ = live.post(token, "gallery-single", "a string")
    assert status == 422
    assert _rejected(caplog, 404) and _rejected(caplog, 422) and live.store.count() == 1
    calm()


def test_a_body_over_64_kb(live, calm, caplog):
    caplog.set_level(logging.INFO, "course.live")
    token = live.join("Li Lei")
    big = ["x" * (MAX_BODY + 10)]
    status, reply, _ = live.post(token, "gallery-cloze", big)
    assert status == 413 and str(MAX_BODY) in reply["error"]
    assert _rejected(caplog, 413) and live.store.count() == 1
    calm()


def test_more_than_ten_posts_a_second(live, calm, caplog):
    caplog.set_level(logging.INFO, "course.live")
    token = live.join("Quick Fingers")
    statuses = [live.post(token, "gallery-true-false", True)[0] for _ in range(RATE_LIMIT + 3)]
    # (13 posts over loopback take far less than a second on any machine this runs on)
    assert statuses[:RATE_LIMIT] == [200] * RATE_LIMIT and 429 in statuses[RATE_LIMIT:]
    assert _rejected(caplog, 429)
    assert live.store.count() == 1 + statuses.count(200)
    calm()  # another learner is not slowed down


def test_malformed_json(live, calm, caplog):
    caplog.set_level(logging.INFO, "course.live")
    token = live.join("Li Lei")
    for raw in (b'{"exercise_id": "gallery-single", "response": ', b"[1, 2]", b"\xff\xfe"):
        status, reply, _ = call("POST", live.url + "api/attempt", raw=raw, token=token)
        assert status == 400 and "JSON" in reply["error"]
    assert _rejected(caplog, 400) and live.store.count() == 1
    calm()


def _dashboard_session(live):
    """Log in to the dashboard as a browser does: (cookie header, the page's CSRF token)."""
    import http.cookiejar
    import urllib.request

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{live.url}?token={live.auth.instructor_token}").read().decode()
    xsrf = re.search(r'"xsrf": "([^"]+)"', page).group(1)
    cookies = "; ".join(f"{c.name}={c.value}" for c in jar)
    return cookies, xsrf


def test_dashboard_actions_need_the_instructor_and_the_csrf_token(live, calm, caplog):
    caplog.set_level(logging.INFO, "course.live")
    learner = live.join("Li Lei")
    cookies, xsrf = _dashboard_session(live)
    reveal = {"exercise_id": "gallery-multiple"}
    # no instructor: neither a learner's token nor nothing, even with a CSRF token
    for token in (learner, None):
        status, reply, _ = call("POST", live.url + "api/reveal", reveal, token=token,
                                headers={"X-XSRFToken": xsrf})
        assert status == 403 and "instructor" in reply["error"]
    assert call("GET", live.url + "api/stats", token=learner)[0] == 403
    assert call("GET", live.url)[0] == 403
    assert call("GET", live.url + "?token=" + learner)[0] == 403
    # the instructor's cookie without the page's CSRF token, or with a forged one
    for extra in ({}, {"X-XSRFToken": "2|00000000|forged|1"}):
        status, reply, _ = call("POST", live.url + "api/reveal", reveal,
                                headers={"Cookie": cookies, **extra})
        assert status == 403 and "CSRF" in reply["error"]
    assert _rejected(caplog, 403) and live.stats()["revealed"] == []
    # both: the action is done
    status, reply, _ = call("POST", live.url + "api/reveal", reveal,
                            headers={"Cookie": cookies, "X-XSRFToken": xsrf})
    assert status == 200 and live.stats()["revealed"] == ["gallery-multiple"]
    status, _, _ = call("POST", live.url + "api/names", {"show": True},
                        headers={"Cookie": cookies, "X-XSRFToken": xsrf})
    assert status == 200 and live.stats()["names"] is True
    calm()


def test_too_many_wrong_join_codes_or_tokens_from_one_address(live, calm, caplog, monkeypatch):
    from course.live.server import FAIL_LIMIT

    # the test's requests come from 127.0.0.1: here it plays a laptop on the class network
    monkeypatch.setattr("course.live.server.is_loopback", lambda ip: False)
    caplog.set_level(logging.INFO, "course.live")
    for i in range(FAIL_LIMIT // 2):  # wrong join codes and unknown tokens both count
        status, _, _ = call("POST", live.url + "api/join", {"code": "WRONG1", "learner": "X"})
        assert status == 403
        assert live.post(f"guess-{i}", "gallery-single", 1)[0] == 401
    # the address now waits, even with the right code (a guess that would succeed)
    status, reply, headers = call("POST", live.url + "api/join",
                                  {"code": live.auth.join_code, "learner": "Latecomer"})
    assert status == 429 and "too many" in reply["error"]
    assert 1 <= int(headers["Retry-After"]) <= 60
    status, _, headers = live.post("guess-more", "gallery-single", 1)
    assert status == 429 and headers["Retry-After"]
    assert any("wrong join codes or unknown tokens" in r.getMessage() for r in caplog.records)
    assert _rejected(caplog, 429) and "Latecomer" not in live.store.learners()
    calm()  # a learner whose token is known is not held up, from the same address
    assert call("GET", live.url + "api/stats", token=live.auth.instructor_token)[0] == 200
    # the window passes: the address may join again
    monkeypatch.setattr(live.service.failures, "window", 0.2)
    import time

    time.sleep(0.3)  # not synchronisation: the clock must pass the 0.2 s window
    status, reply, _ = call("POST", live.url + "api/join",
                            {"code": live.auth.join_code, "learner": "Latecomer"})
    assert status == 200 and reply["token"]


def test_failures_are_counted_per_address():
    from course.live.server import FailureLimit

    limit = FailureLimit(limit=3, window=60)
    for _ in range(3):
        assert limit.wait("10.0.0.5") == 0
        limit.fail("10.0.0.5")
    assert 59 < limit.wait("10.0.0.5") <= 60
    assert limit.wait("10.0.0.6") == 0  # another laptop is not held up


def test_bogus_tokens_from_the_hub_s_loopback_lock_nobody_out(live, caplog):
    """Issue 21, hub lockout: every kernel on a hub posts from 127.0.0.1, and 20 bogus tokens
    from one student got every classmate and the instructor 429. Failures are never counted
    against a loopback address: a classmate's first post and the dashboard still work."""
    from course.live.server import FAIL_LIMIT

    for i in range(3 * FAIL_LIMIT):
        assert live.post(f"bogus-{i}", "gallery-single", 1)[0] == 401
    classmate = live.join("Classmate")  # joins and posts for the first time after the flood
    assert live.post(classmate, "gallery-single", 1)[0] == 200
    assert call("GET", live.url + "api/stats", token=live.auth.instructor_token)[0] == 200
    assert not _rejected(caplog, 429)


def test_wrong_join_codes_on_this_machine_still_wait(live):
    """Join codes guessed from this machine are still limited (as one key), tokens are not."""
    from course.live.server import FAIL_LIMIT

    for _ in range(FAIL_LIMIT):
        call("POST", live.url + "api/join", {"code": "WRONG1", "learner": "X"})
    status, reply, _ = call("POST", live.url + "api/join", {"code": "WRONG2", "learner": "X"})
    assert status == 429 and "this machine" in reply["error"]
