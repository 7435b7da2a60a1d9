"""The live class as the hub's own service (deploy/jupyterhub_config.py, service "live"): the
students' kernels send their Checks with their server's API token, the service files them under
the hub's name for that token and re-grades them with the instructor's bank, nobody posts as
somebody else, only the instructors' group opens the dashboard (through the hub's OAuth login)
and reveals, and a reveal reaches the learners' kernels.

Shares the hub and the class of test_hub.py (the ``hub`` and ``classroom`` fixtures).
"""
from __future__ import annotations

import functools
import re
import sqlite3
from pathlib import Path

import pytest
from classkit import LESSON, PRACTICE, _run_json
from support import wait_until

pytestmark = pytest.mark.hub
# what the tests post for themselves (a lesson the class's kernels do not answer)
OTHER_LESSON, OTHER, OTHER_ANSWER = "01-relationships", "rel-store-stylists", 0


def _home(user: str) -> Path:
    return Path("~" + user).expanduser()


def _rows(path: Path, sql: str, *params) -> list:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return db.execute(sql, params).fetchall()


def _session(hub) -> Path:
    return hub.base / "live" / "session.sqlite3"


def _counts(hub, students, lesson: str = LESSON) -> tuple[dict, dict]:
    """Attempts per student at the lesson's exercises (those the class's kernels answer; the
    tests that post for themselves use other lessons): in the service's session, and in their
    own progress store."""
    served = dict(_rows(_session(hub), "SELECT learner, COUNT(*) FROM attempts WHERE lesson = ? "
                                       "GROUP BY learner", lesson))
    ids = _lesson_ids(lesson)
    local = {s: _rows(_home(s) / ".crm-course" / "progress.sqlite3",
                      f"SELECT COUNT(*) FROM attempts WHERE exercise_id IN "
                      f"({','.join('?' * len(ids))})", *ids)[0][0] for s in students}
    return {s: served.get(s, 0) for s in students}, local


@functools.cache
def _lesson_ids(lesson: str) -> tuple[str, ...]:
    from course.exercises.loader import load_bank

    bank = load_bank(Path(__file__).resolve().parents[2] / "exercises" / f"{lesson}.yaml")
    return tuple(bank.lessons[lesson].ids)


def _wait_all_sent(hub, timeout: float = 20.0) -> tuple[dict, dict]:
    """Until every student's attempts have reached the service (the kernels send them in the
    background); returns (served, local) counts."""
    counts = []

    def all_sent() -> bool:
        counts[:] = _counts(hub, hub.students)
        return counts[0] == counts[1]

    try:
        wait_until(all_sent, timeout, what="every attempt reaching the service", interval=0.3)
    except TimeoutError:
        raise AssertionError((*counts, hub.log())) from None
    return counts[0], counts[1]


def login(hub, user: str):
    """A browser-like session of ``user`` that opens the live dashboard through the hub: the
    hub's login form, then the OAuth round trip (authorize, the service's callback). Returns
    (session, the dashboard's response)."""
    import requests

    s = requests.Session()
    s.get(f"{hub.url}/hub/login", timeout=30)
    r = s.post(f"{hub.url}/hub/login?next=/services/live/",
               data={"username": user, "password": "any", "_xsrf": s.cookies.get("_xsrf", "")},
               timeout=60)
    return s, r


def _xsrf(page_html: str) -> str:
    return re.search(r'"xsrf": "([^"]+)"', page_html).group(1)


@pytest.fixture(scope="module")
def teacher(hub, classroom):
    session, page = login(hub, hub.instructor)
    return session, page


def _service_start_seconds(hub) -> float | None:
    """From the hub's log: the hub starting the managed service to the service up."""
    stamps = {}
    for line in (hub.base / "hub.log").read_text(errors="replace").splitlines():
        m = re.match(r"\[\w (\S+ \S+) JupyterHub", line)
        if m and "Starting managed service live" in line:
            stamps["start"] = m.group(1)
        elif m and "Adding service live to proxy" in line:
            stamps.setdefault("up", m.group(1))
    if len(stamps) < 2:
        return None
    from datetime import datetime

    t = {k: datetime.strptime(v, "%Y-%m-%d %H:%M:%S.%f") for k, v in stamps.items()}
    return (t["up"] - t["start"]).total_seconds()


def test_kernels_send_each_check_under_their_hub_name(hub, classroom):
    print(f"\nhub: the live-class service started in {_service_start_seconds(hub)} s")
    served, local = _wait_all_sent(hub)
    assert served == local and all(served.values()), (served, local)  # each Check, once
    # the service graded them with the instructor's bank (the students' copies have no key):
    # the first student answered every assessment item right, the third every one wrong
    rows = _rows(_session(hub), "SELECT learner, exercise_id, correct FROM attempts "
                                "WHERE lesson = ? AND exercise_id != ?", LESSON, PRACTICE)
    a, _, c = hub.students
    assert {bool(ok) for who, _, ok in rows if who == a} == {True}
    assert {bool(ok) for who, _, ok in rows if who == c} == {False}
    # nobody else's name: the instructor's kernel checked nothing, no "ghost", no service
    names = {r[0] for r in _rows(_session(hub), "SELECT DISTINCT learner FROM attempts")}
    assert names == set(hub.students)


POST_CODE = """
import json, os, urllib.request, urllib.error
def post(body, token):
    req = urllib.request.Request(os.environ["CRM_COURSE_LIVE_URL"] + "api/attempt",
                                 data=json.dumps(body).encode(), method="POST",
                                 headers={{"Authorization": "token " + token,
                                          "Content-Type": "application/json"}})
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())
mine = os.environ["JUPYTERHUB_API_TOKEN"]
body = {{"exercise_id": {ex!r}, "response": {response!r}}}
print(json.dumps({{
    "url": os.environ["CRM_COURSE_LIVE_URL"],
    "as another": post(dict(body, learner={victim!r}), mine),
    "made-up token": post(body, "0" * 32),
    "as myself": post(body, mine),
}}))
"""


def test_a_student_cannot_post_as_another_student(hub, classroom):
    a, b, _ = hub.students
    before = _counts(hub, [a, b], OTHER_LESSON)[0]
    out = _run_json(classroom["kernels"][b], POST_CODE.format(ex=OTHER, response=OTHER_ANSWER,
                                                              victim=a))
    assert out["url"].endswith("/services/live/")  # the hub's config gives every server the URL
    status, reply = out["as another"]
    assert status == 403 and b in reply["error"] and a in reply["error"]
    assert out["made-up token"][0] == 401
    assert out["as myself"][0] == 200
    after = _counts(hub, [a, b], OTHER_LESSON)[0]
    assert after == {a: before[a], b: before[b] + 1}
    # the hub's own service token (the test driver's) is nobody's: it posts nothing
    r = hub.http.post(hub.live_url + "api/attempt", json={"exercise_id": OTHER,
                                                          "response": OTHER_ANSWER}, timeout=30)
    assert r.status_code == 401


def test_students_get_403_on_the_dashboard_and_reveal(hub, classroom):
    import requests

    student = hub.students[1]
    session, page = login(hub, student)
    # the OAuth round trip went through (a session with the service), and then: not yours
    assert page.status_code == 403 and page.url == hub.live_url, (page.status_code, page.url)
    assert any("/hub/api/oauth2/authorize" in h.headers.get("Location", "")
               for h in page.history)
    assert "instructors only" in page.text
    assert session.get(hub.live_url + "api/stats", timeout=30).status_code == 403
    r = session.post(hub.live_url + "api/reveal", json={"exercise_id": PRACTICE}, timeout=30,
                     headers={"X-XSRFToken": session.cookies.get("_xsrf", path="/services/live/")
                              or ""})
    assert r.status_code == 403
    token = hub.user_token(student, "live-403")  # their API token: the same answer
    for method, path in (("GET", "api/stats"), ("POST", "api/reveal"), ("GET", "")):
        r = requests.request(method, hub.live_url + path, json={"exercise_id": PRACTICE},
                             headers={"Authorization": f"token {token}"}, timeout=30,
                             allow_redirects=False)
        assert r.status_code == 403, (path, r.status_code, r.text[:200])
    assert _rows(_session(hub), "SELECT COUNT(*) FROM reveals WHERE exercise_id = ?",
                 PRACTICE)[0][0] == 0


def test_the_instructor_logs_in_through_the_hub_sees_the_counts_and_reveals(hub, classroom,
                                                                           teacher):
    session, page = teacher
    assert page.status_code == 200 and page.url == hub.live_url, page.text[:300]
    hops = [h.headers.get("Location", "") for h in page.history]
    assert any("/hub/api/oauth2/authorize" in h for h in hops), hops
    assert any("/services/live/oauth_callback?code=" in h for h in hops), hops
    served, _ = _wait_all_sent(hub)
    stats = session.get(hub.live_url + "api/stats", timeout=30).json()
    assert stats["total"] >= sum(served.values()) and stats["answering"] == 3
    assert stats["names"] is False
    rows = {r["id"]: r for r in stats["lesson"]}
    assessed = list(classroom["plans"][hub.students[2]])  # the lesson's assessment items
    assert all(rows[ex]["answered"] == 3 for ex in assessed)
    one = session.get(hub.live_url + "api/stats", params={"exercise": assessed[0]},
                      timeout=30).json()["exercise"]
    # an assessment item: how many answered, never how many are right (issue 21: an oracle)
    assert one["answered"] == 3 and one["correct"] is None and one["key_hidden"]
    assert "learners" not in one and all(rows[ex]["correct"] is None for ex in assessed)
    # reveal: without the page's CSRF token refused, with it done, and the kernels hear it
    assert session.post(hub.live_url + "api/reveal", json={"exercise_id": PRACTICE},
                        timeout=30).status_code == 403
    r = session.post(hub.live_url + "api/reveal", json={"exercise_id": PRACTICE},
                     headers={"X-XSRFToken": _xsrf(page.text)}, timeout=30)
    assert r.status_code == 200, r.text
    seq = r.json()["seq"]
    kernel = classroom["kernels"][hub.students[0]]
    def heard_it():
        heard = _run_json(kernel, "import json\nfrom course.live import client\n"
                                  "c = client.active()\n"
                                  "print(json.dumps({'seq': c and c.reveal_seq, "
                                  "'learner': c and c.learner, 'error': c and c.last_error}))")
        return heard if heard["seq"] and heard["seq"] >= seq else None

    heard = wait_until(heard_it, 30, what="the kernel hearing the reveal", interval=0.5)
    assert heard["learner"] == hub.students[0]  # what the kernel told the learner: the hub's name
