"""Reading submissions: every bad file is rejected with its reason, every good one still counts."""
from __future__ import annotations

import json
import zipfile

import pytest
from instructor_helpers import submission, write_json

from course.errors import InputError
from course.instructor import submissions as subs
from course.instructor.submissions import collect, learner_key, parse_submission


def _reasons(collected) -> dict[str, str]:
    return {r.source.rsplit("/", 1)[-1]: r.reason for r in collected.rejections}


def test_a_good_file_is_read_in_the_store_s_order_not_by_the_clock(tmp_path):
    """Issue 21: a clock stepped back made a later right answer look earlier. The file lists
    the attempts in the store's own sequence (export reads them ORDER BY id): that order counts."""
    doc = submission("Li Lei", [("a", ["x"]), ("b", 1), ("a", ["y"])])
    doc["attempts"][2]["time"] = "2026-11-23T06:00:00Z"  # the clock went back an hour
    got = collect([write_json(tmp_path / "s.json", doc)])
    assert got.rejections == []
    (sub,) = got.submissions
    assert sub.learner == "Li Lei"
    assert [a.exercise_id for a in sub.attempts] == ["a", "b", "a"]
    assert sub.attempts[-1].response == ["y"]


@pytest.mark.parametrize("content, expected", [
    (b"{not json", "malformed JSON"),
    (b'{"format": "crm-course-submission", "attempts": [', "malformed JSON"),
    (b"\xff\xfe\x00garbage", "not UTF-8"),
    (b'{"a": NaN}', "malformed JSON"),
    (b"[" * 100_000 + b"]" * 100_000, "malformed JSON"),
])
def test_malformed_files_are_rejected_with_the_reason(tmp_path, content, expected):
    (tmp_path / "bad.json").write_bytes(content)
    write_json(tmp_path / "good.json", submission("Han Meimei", [("a", ["x"])]))
    got = collect([tmp_path])
    assert [s.learner for s in got.submissions] == ["Han Meimei"]
    assert expected in _reasons(got)["bad.json"]


@pytest.mark.parametrize("change, expected", [
    (lambda d: d.update(format="something-else"), '"format"'),
    (lambda d: d.update(format_version=2), "newer crm-course"),
    (lambda d: d.update(format_version="1"), '"format_version"'),
    (lambda d: d.update(learner=""), '"learner"'),
    (lambda d: d.update(learner="x" * 101), "longer than 100"),
    (lambda d: d.pop("attempts"), '"attempts" must be a list'),
    (lambda d: d.update(attempts=[["a", 1]]), "attempts[0] must be an object"),
    (lambda d: d["attempts"][0].pop("exercise_id"), '"exercise_id"'),
    (lambda d: d["attempts"][0].pop("response"), '"response" is missing'),
    (lambda d: d["attempts"][0].update(time=5), '"time" must be a text'),
])
def test_wrong_schema_is_rejected_with_the_field(tmp_path, change, expected):
    doc = submission("Li Lei", [("a", ["x"])])
    change(doc)
    got = collect([write_json(tmp_path / "s.json", doc)])
    assert got.submissions == []
    reason = _reasons(got)["s.json"]
    assert "not a crm-course submission file" in reason and expected in reason


def test_a_json_list_is_not_a_submission():
    result = parse_submission(b"[1, 2]", "x.json")
    assert "JSON list, expected an object" in result.reason


def test_files_over_10_mb_are_not_read(tmp_path):
    big = tmp_path / "big.json"
    with open(big, "wb") as fh:
        fh.truncate(subs.MAX_FILE_BYTES + 1)
    got = collect([big])
    assert got.submissions == []
    assert "over the 10485760 byte limit" in _reasons(got)["big.json"]


def test_a_folder_skips_hidden_files_and_lists_other_files(tmp_path):
    write_json(tmp_path / "class" / "a.json", submission("A", [("a", ["x"])]))
    write_json(tmp_path / "class" / ".hidden.json", "not even a submission")
    write_json(tmp_path / "class" / "__MACOSX" / "a.json", "resource fork")
    (tmp_path / "class" / "notes.txt").write_text("hello")
    got = collect([tmp_path / "class"])
    assert [s.learner for s in got.submissions] == ["A"]
    assert list(_reasons(got)) == ["notes.txt"]
    assert "not a submission file" in _reasons(got)["notes.txt"]


def test_missing_path_is_the_instructors_mistake(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        collect([tmp_path / "nowhere"])
    with pytest.raises(InputError, match="No submission paths"):
        collect([])


# ----------------------------------------------------------------------------- zip archives


def _zip(path, entries: dict, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", compression=compression) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


def _doc(learner: str) -> str:
    return json.dumps(submission(learner, [("a", ["x"])]))


def test_zip_entries_are_read_without_extracting(tmp_path):
    z = _zip(tmp_path / "class.zip", {"class/a.json": _doc("A"), "class/b.json": _doc("B"),
                                      "class/": ""})
    got = collect([z])
    assert sorted(s.learner for s in got.submissions) == ["A", "B"]
    assert got.rejections == []
    assert got.submissions[0].source.endswith("class.zip:class/a.json")


@pytest.mark.parametrize("name", ["../evil.json", "/etc/evil.json", "a/../../evil.json",
                                  "C:/evil.json", "..\\evil.json"])
def test_zip_entries_pointing_outside_are_rejected(tmp_path, name):
    z = _zip(tmp_path / "class.zip", {name: _doc("Evil"), "ok.json": _doc("Good")})
    got = collect([z])
    assert [s.learner for s in got.submissions] == ["Good"]
    (bad,) = got.rejections
    assert "outside the archive" in bad.reason


def test_a_zip_bomb_entry_is_rejected_by_its_ratio(tmp_path):
    z = _zip(tmp_path / "bomb.zip", {"bomb.json": b"[" + b" " * (5 * 1024 * 1024) + b"]",
                                     "ok.json": _doc("Good")})
    got = collect([z])
    assert [s.learner for s in got.submissions] == ["Good"]
    assert "possible zip bomb" in got.rejections[0].reason


def test_a_zip_whose_total_is_too_big_is_rejected(tmp_path, monkeypatch):
    monkeypatch.setattr(subs, "MAX_ZIP_TOTAL_BYTES", 1000)
    z = _zip(tmp_path / "many.zip", {f"s{i}.json": _doc(f"L{i}") for i in range(20)})
    got = collect([z])
    assert got.submissions == []
    assert "more than 1000 bytes in all" in got.rejections[0].reason


def test_a_zip_lying_about_its_size_is_never_read_past_the_limit(tmp_path, monkeypatch):
    z = _zip(tmp_path / "class.zip", {"big.json": _doc("Big") + " " * 5000},
             compression=zipfile.ZIP_STORED)
    monkeypatch.setattr(subs, "MAX_FILE_BYTES", 2000)
    real_infolist = zipfile.ZipFile.infolist

    def lying_infolist(self):
        infos = real_infolist(self)
        for info in infos:
            info.file_size = 10  # the header claims 10 bytes
        return infos

    monkeypatch.setattr(zipfile.ZipFile, "infolist", lying_infolist)
    got = collect([z])
    assert got.submissions == []
    assert "over the 2000 byte limit" in got.rejections[0].reason or \
        "not a readable zip" in got.rejections[0].reason


def test_nested_zip_corrupt_zip_and_encrypted_entry(tmp_path):
    inner = _zip(tmp_path / "inner.zip", {"a.json": _doc("Inner")})
    z = _zip(tmp_path / "outer.zip", {"inner.zip": inner.read_bytes(), "b.json": _doc("B")})
    broken = tmp_path / "broken.zip"
    broken.write_bytes(inner.read_bytes()[:-30])  # cut off the central directory
    enc = _zip(tmp_path / "enc.zip", {"e.json": _doc("Enc")})
    data = bytearray(enc.read_bytes())
    # set the "encrypted" flag bit in the local header and the central directory entry
    data[6] |= 1
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 1
    enc.write_bytes(bytes(data))
    got = collect([z, broken, enc])
    assert [s.learner for s in got.submissions] == ["B"]
    reasons = [r.reason for r in got.rejections]
    assert any("zip inside a zip" in r for r in reasons)
    assert any("zip entry is encrypted" in r for r in reasons)
    assert any("not a readable zip archive" in r for r in reasons)
    assert len(reasons) == 3


# ----------------------------------------------------------------------------- one per learner


def test_learner_names_compare_ignoring_case_width_and_spacing():
    assert learner_key("  Li   Lei ") == learner_key("li lei") == learner_key("ＬＩ　ＬＥＩ")
    assert learner_key("Li Lei") != learner_key("Li Lei 2")


def test_the_later_export_of_a_learner_s_store_counts(tmp_path):
    write_json(tmp_path / "old.json", submission("Li Lei", [("a", ["old"])],
                                                 exported_at="2026-11-22T08:00:00Z"))
    write_json(tmp_path / "new.json", submission("li lei", [("a", ["old"]), ("a", ["new"])],
                                                 exported_at="2026-11-23T08:00:00+00:00"))
    got = collect([tmp_path])
    (sub,) = got.submissions
    assert sub.attempts[-1].response == ["new"]
    assert "the later file counts" in _reasons(got)["old.json"]


def test_two_learners_on_one_login_both_count_and_are_named(tmp_path):
    """Issue 21: two students exporting under one lab login lost one file, with only
    "1 rejected". Neither file is an earlier export of the other: both count, each named with
    its file, and the warning says who and why."""
    write_json(tmp_path / "a.json", submission("lab-pc-07", [("a", ["mine"])],
                                               exported_at="2026-11-22T08:00:00Z"))
    write_json(tmp_path / "b.json", submission("lab-pc-07", [("a", ["hers"])],
                                               exported_at="2026-11-23T08:00:00Z"))
    got = collect([tmp_path])
    assert got.rejections == []
    assert sorted(s.learner.rsplit("/", 1)[-1] for s in got.submissions) == ["a.json)",
                                                                           "b.json)"]
    shared = [w.reason for w in got.warnings if "two learners on one login" in w.reason]
    assert len(shared) == 2 and "a.json" in shared[0] and "b.json" in shared[0]


def test_identical_timelines_and_texts_across_learners_are_listed(tmp_path):
    """A classmate's export handed in with only the name changed."""
    reply = "Dear Ms Smith, thank you for your order. " * 3
    attempts = [("a", ["x"]), ("b", 1), ("c", reply)]
    write_json(tmp_path / "ann.json", submission("Ann", attempts))
    write_json(tmp_path / "bo.json", submission("Bo", attempts))
    write_json(tmp_path / "cy.json", submission("Cy", [("c", reply.upper())]))
    got = collect([tmp_path])
    assert len(got.submissions) == 3
    timeline = {w.learner for w in got.warnings if "the same 3 attempts" in w.reason}
    text = {w.learner for w in got.warnings if "same written answer to c" in w.reason}
    assert timeline == {"Ann", "Bo"} and text == {"Ann", "Bo", "Cy"}


def test_identical_copies_count_once(tmp_path):
    doc = submission("Li Lei", [("a", ["x"])])
    write_json(tmp_path / "a.json", doc)
    write_json(tmp_path / "copy" / "a.json", doc)
    got = collect([tmp_path])
    assert len(got.submissions) == 1
    assert "identical copy" in _reasons(got)["a.json"]


def test_two_different_files_with_the_same_time_both_count_and_are_listed(tmp_path):
    """The old rule rejected both ("none of them counts"): an honest file lost to a look-alike
    name. Now each counts under its name and file, and the conflict is listed."""
    write_json(tmp_path / "a.json", submission("Alice", [("a", ["x"])]))
    write_json(tmp_path / "b.json", submission("alice", [("a", ["y"])]))
    write_json(tmp_path / "c.json", submission("Han", [("a", ["y"])]))
    got = collect([tmp_path])
    assert got.rejections == []
    assert [s.learner.split(" (")[0] for s in got.submissions] == ["Alice", "alice", "Han"]
    assert sum("look-alike name" in w.reason for w in got.warnings) == 2


def test_measuring_a_flat_response_gives_what_the_full_walk_gives():
    import random

    from course.instructor.submissions import MAX_RESPONSE_CHARS, _measure, _walk

    rng = random.Random(5)
    alphabet = ["a", "客", " ", "\ud800", "\udfff", "é", "x" * 50]

    def text():
        return "".join(rng.choice(alphabet) for _ in range(rng.choice([0, 1, 5, 40])))

    values = [[], {}, [""], {"": ""}, ["x" * MAX_RESPONSE_CHARS], ["a"] * 7000,
              {"k" * 9000: "v" * 9000, "\ud800": "x" * 5000}, [1, "a"], {"a": ["b"]},
              None, True, False, 0, -7, 2.5, 1e31, -1e40, 10**40, [3, 1], {"a": 1}]
    for _ in range(3000):
        n = rng.choice([0, 1, 3, 10, 400])
        if rng.random() < 0.5:
            values.append([text() for _ in range(n)])
        else:
            values.append({text(): text() for _ in range(n)})
    for value in values:
        walked = _walk(value)
        assert _measure(value) == walked, value
        if not walked[2]:  # a file without a \ud escape: no text is looked at for surrogates
            assert _measure(value, False) == walked


def test_the_direct_check_of_attempts_agrees_with_the_schema():
    import random

    import fastjsonschema

    from course.instructor.submissions import _attempts_fit
    from course.submission_format import SCHEMA

    validate = fastjsonschema.compile(SCHEMA["properties"]["attempts"])
    rng = random.Random(3)
    fields = {"exercise_id": ["demo", "", "  ", "x" * 200, "x" * 201, " a ", 5, None, ["a"]],
              "response": ["a", None, [1], {"a": "b"}],
              "time": ["2026-11-10T00:00:00Z", None, "", 3, ["t"]],
              "lesson": ["01", None, 2.5, {}], "extra": [1]}
    cases = [[], {}, "attempts", [[]], [None], [1]]
    for _ in range(4000):
        attempts = []
        for _ in range(rng.choice([1, 2, 5])):
            a = {k: rng.choice(v) for k, v in fields.items() if rng.random() < 0.8}
            attempts.append(a if rng.random() < 0.97 else rng.choice(["a", 1, None, []]))
        cases.append(attempts)
    agreed = {True: 0, False: 0}
    for attempts in cases:
        try:
            validate(attempts)
            fits = True
        except fastjsonschema.JsonSchemaValueException:
            fits = False
        assert _attempts_fit(attempts) == fits, attempts
        agreed[fits] += 1
    assert min(agreed.values()) > 100  # both outcomes were tried often
