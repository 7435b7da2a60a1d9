"""The lesson header asks who is learning before the first attempt is saved (issue 21: on a
shared lab login two learners' work went out under one name, and one file was lost)."""
from __future__ import annotations

import json

from course import session
from course.exercises import progress


def test_the_header_asks_for_a_name_until_one_is_given(gallery, fresh):
    header = gallery.header()
    assert header._who_box.layout.display is None  # shown: no name yet
    assert "student number" in header._who_label.value and "学号" not in header._who_label.value
    session.set_language("both")
    assert "学号" in header._who_label.value
    header._who.value = "  Li   Lei 2024031 "
    header._who_save.click()
    assert header._who_box.layout.display == "none"
    assert session.get_learner() == "Li Lei 2024031"
    assert "Li Lei 2024031" in header._notice.value
    # a new session (another notebook, tomorrow) remembers it and does not ask again
    session._reset_for_tests()
    assert gallery.header()._who_box.layout.display == "none"
    assert session.get_learner() == "Li Lei 2024031"


def test_the_name_given_goes_into_the_export(gallery, fresh, tmp_path):
    header = gallery.header()
    gallery["gallery-single"].widget.answer(0).check()  # saved under the login name
    assert header.save_learner("Wang Fang")
    doc = json.loads(progress.export(tmp_path / "out.json").read_text(encoding="utf-8"))
    assert doc["learner"] == "Wang Fang" and len(doc["attempts"]) == 1


def test_an_empty_name_is_refused_with_a_sentence(gallery):
    header = gallery.header()
    assert not header.save_learner("   ")
    assert "non-empty" in header._notice.value and header._who_box.layout.display is None


def test_with_a_class_list_only_a_listed_learner_is_kept_by_number(gallery, fresh):
    (fresh).mkdir(parents=True, exist_ok=True)
    (fresh / "roster.json").write_text(json.dumps(
        {"source": "class.csv", "students": [{"number": "2024001", "name": "Zhang Wei",
                                              "klass": "A"}]}), encoding="utf-8")
    header = gallery.header()
    assert not header.save_learner("Somebody Else")
    assert "not on the class list" in header._notice.value
    assert header.save_learner("zhang wei")
    assert session.get_learner() == "2024001"


def test_a_name_set_in_code_hides_the_question(gallery):
    session.set_learner("Li Lei")
    assert gallery.header()._who_box.layout.display == "none"
