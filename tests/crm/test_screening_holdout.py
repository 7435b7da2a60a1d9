"""screen_inquiry on the second holdout (tests/crm/screening_holdout.yaml), never tuned on.

Measured once after the rules were frozen: per flag precision 1.00, recall 0.96 (23 of 24;
the miss: sh04, a large order pushed together with a meeting). Targets: recall >= 0.8 at
precision >= 0.9, per flag and per inquiry.
"""
from pathlib import Path

import pytest
import yaml

from course.crm import screen_inquiry

HOLDOUT = yaml.safe_load(
    (Path(__file__).with_name("screening_holdout.yaml")).read_text("utf-8"))["inquiries"]


def known(entry):
    """The agent's search: the company if it was found, else nothing found."""
    return [entry["company"]] if entry.get("search") == "found" else []


@pytest.fixture(scope="module")
def results():
    return [(set(e["flags"]), set(screen_inquiry(e["text"], known(e)).flags)) for e in HOLDOUT]


def test_holdout_shape():
    assert len(HOLDOUT) >= 40
    assert sum(bool(e["flags"]) for e in HOLDOUT) >= 15
    assert sum(not e["flags"] for e in HOLDOUT) >= 15
    assert any("Canton Fair" in e["text"] and not e["flags"] for e in HOLDOUT)


def test_per_flag_recall_and_precision(results):
    tp = sum(len(lab & got) for lab, got in results)
    fp = sum(len(got - lab) for lab, got in results)
    fn = sum(len(lab - got) for lab, got in results)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.9 and recall >= 0.8, (precision, recall)


def test_per_inquiry_recall_and_precision(results):
    tp = sum(bool(lab) and bool(got) for lab, got in results)
    fp = sum(not lab and bool(got) for lab, got in results)
    fn = sum(bool(lab) and not got for lab, got in results)
    assert tp / (tp + fp) >= 0.9 and tp / (tp + fn) >= 0.8


def test_genuine_buyers_in_the_holdout_raise_nothing(results):
    false_alarms = [e["id"] for e, (lab, got) in zip(HOLDOUT, results, strict=True) if not lab and got]
    assert false_alarms == []
