"""Moves found in replies, and the dialogue-graph checks of course.writing.dialogue."""
from course.crm import MOVES, moves_in, review_reply
from course.writing import dialogue


def test_moves_of_a_complaint_reply():
    got = moves_in("Dear Megan,\nWe are so sorry, that was our mistake. Could you send a photo "
                   "of the label? We will send the right size or refund you within 24 hours.\n"
                   "Best regards")
    assert {"greet", "apologise", "own_mistake", "ask_photos", "offer_refund",
            "offer_replacement", "offer_solution", "give_time", "close"} <= got
    assert "blame" not in got and got <= set(MOVES)


def test_blame_is_a_move_and_not_our_fault_owns_nothing():
    got = moves_in("It is not our fault. Stop writing to us.")
    assert "blame" in got and "own_mistake" not in got


def test_fact_moves_follow_the_facts():
    facts = {"tracking_number": "LX123456789CN", "order_id": "8012345678901234",
             "carrier": "China Post", "ship_date": "2026-04-10"}
    good = moves_in("Your parcel left on 10 April with China Post, tracking number "
                    "LX123456789CN.", facts)
    assert {"give_tracking", "give_carrier", "give_ship_date"} <= good
    wrong = moves_in("Your tracking number is 8012345678901234.", facts)
    assert "give_tracking" not in wrong


GRAPH = {
    "t1": {"buyer": "Where is my parcel?", "expect": ["apologise", "give_tracking"],
           "model": "We are sorry. The tracking number is LX123456789CN.",
           "next": [{"if": ["apologise", "give_tracking"], "goto": "good"},
                    {"if": ["apologise"], "goto": "t2"}, {"goto": "bad"}]},
    "t2": {"buyer": "And the tracking number?", "expect": ["give_tracking"],
           "model": "It is LX123456789CN.",
           "next": [{"if": ["give_tracking"], "goto": "good"}, {"goto": "bad"}]},
    "good": {"buyer": "Thanks!", "end": "good"},
    "bad": {"buyer": "I will leave a bad review.", "end": "bad"},
}


def test_a_good_graph_has_no_problems_and_walks():
    assert dialogue.check_graph(GRAPH, "t1", MOVES) == []
    run = dialogue.walk(GRAPH, "t1", ["Sorry! Tracking: LX123456789CN."], moves_in)
    assert run["outcome"] == "good" and run["transcript"][0]["missed"] == []
    run = dialogue.walk(GRAPH, "t1", ["Sorry about that.", "No idea."], moves_in)
    assert [t["turn"] for t in run["transcript"]] == ["t1", "t2"] and run["outcome"] == "bad"
    run = dialogue.walk(GRAPH, "t1", ["Sorry about that."], moves_in)
    assert not run["finished"] and run["waiting"] == "t2"
    assert dialogue.model_path(GRAPH, "t1", moves_in) == ["t1", "good"]
    assert sorted(map(tuple, dialogue.all_paths(GRAPH, "t1"))) == [
        ("t1", "bad"), ("t1", "good"), ("t1", "t2", "bad"), ("t1", "t2", "good")]


def test_graph_problems_are_named():
    bad = {k: dict(v) for k, v in GRAPH.items()}
    bad["t1"] = dict(GRAPH["t1"], next=[{"if": ["apologise"], "goto": "t2"},
                                        {"if": ["apologise", "give_tracking"], "goto": "good"},
                                        {"goto": "bad"}])
    probs = dialogue.check_graph(bad, "t1", MOVES)
    assert any("next[1]: never reached" in p for p in probs)
    loop = {k: dict(v) for k, v in GRAPH.items()}
    loop["t2"] = dict(GRAPH["t2"], next=[{"if": ["give_tracking"], "goto": "t1"},
                                         {"goto": "bad"}])
    assert any("loops" in p for p in dialogue.check_graph(loop, "t1", MOVES))
    orphan = dict(GRAPH, lost={"buyer": "?", "end": "neutral"})
    assert any("lost: cannot be reached" in p for p in dialogue.check_graph(orphan, "t1"))
    nodefault = dict(GRAPH, t2=dict(GRAPH["t2"], next=[{"if": ["give_tracking"],
                                                        "goto": "good"}]))
    assert any("must be a default" in p for p in dialogue.check_graph(nodefault, "t1"))
    unknown = dict(GRAPH, t2=dict(GRAPH["t2"], expect=["dance"]))
    assert any("unknown move 'dance'" in p for p in dialogue.check_graph(unknown, "t1", MOVES))
    assert dialogue.check_graph(GRAPH, "t9") and dialogue.check_graph({}, "t1")
    missing = dict(GRAPH, t2=dict(GRAPH["t2"], next=[{"goto": "nowhere"}]))
    assert any("'nowhere'" in p or "nowhere" in p for p in dialogue.check_graph(missing, "t1"))


def test_letter_tasks_are_reviewed():
    letter = ("Dear Mr Lee,\n\nThank you for your many years of cooperation. We would be glad "
              "to resume our business. We now offer a new line of bamboo products, and as one "
              "of our top ten customers you have 10% off until 30 June. We look forward to your "
              "early reply.\n\nBest regards,\nLily")
    assert review_reply(letter, "restore_relations").score >= 90
    assert review_reply("Dear Mr Lee, buy our new bamboo products.",
                        "restore_relations").score < 60
