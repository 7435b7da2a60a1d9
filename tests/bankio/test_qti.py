"""IMS QTI 2.1: the package out and back, its manifest, and one assessmentItem per exercise."""
from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile

import pytest
from bankio_support import round_trip

from course.bankio import export_bank
from course.bankio.qti import CP, NS


@pytest.mark.parametrize("lang", ["both", "en", "zh"])
def test_every_item_comes_back_with_its_type_texts_options_and_key(bank, raw_items, tmp_path,
                                                                   lang):
    imported, report = round_trip(bank, raw_items, tmp_path, "qti", ".zip", lang)
    roleplays = {i for i, r in raw_items.items() if r["type"] == "roleplay"}
    assert set(report.skipped()) == roleplays
    assert len({r["type"] for r in imported.values()}) == 8


def test_the_package_has_a_manifest_and_one_item_per_exercise(bank, tmp_path):
    out = tmp_path / "bank.zip"
    report = export_bank(bank.lessons.values(), "qti", out, lang="both")
    with zipfile.ZipFile(out) as package:
        manifest = ET.fromstring(package.read("imsmanifest.xml"))
        resources = list(manifest.iter(f"{{{CP}}}resource"))
        items = [r for r in resources if r.get("type") == "imsqti_item_xmlv2p1"]
        assert [r.get("identifier") for r in items] == report.written
        for resource in items:
            root = ET.fromstring(package.read(resource.get("href")))
            assert root.tag == f"{{{NS}}}assessmentItem"
            assert root.get("identifier") == resource.get("identifier")
            assert root.find(f"{{{NS}}}itemBody") is not None
            assert root.find(f"{{{NS}}}outcomeDeclaration[@identifier='SCORE']") is not None
        tests = [r for r in resources if r.get("type") == "imsqti_test_xmlv2p1"]
        assert len(tests) == len([le for le in bank.lessons.values()
                                  if any(ex.type != "roleplay" for ex in le.exercises)])


def test_numeric_items_keep_their_tolerance_and_show_their_unit(bank, tmp_path):
    out = tmp_path / "bank.zip"
    export_bank(bank.lessons.values(), "qti", out, lang="en")
    with zipfile.ZipFile(out) as package:
        for ex in (e for e in bank.exercises if e.type == "numeric"):
            root = ET.fromstring(package.read(f"items/{ex.id}.xml"))
            value = root.find(f".//{{{NS}}}correctResponse/{{{NS}}}value").text
            assert float(value) == ex.answer
            equal = root.find(f".//{{{NS}}}equal")
            if ex.tolerance:
                assert equal.get("toleranceMode") == "absolute"
                assert float(equal.get("tolerance").split()[0]) == ex.tolerance
            unit = root.find(f".//{{{NS}}}span[@class='unit']")
            assert (unit is None) == (ex.raw.get("unit") is None)
            if unit is not None:
                assert unit.text == ex.unit_text.en
