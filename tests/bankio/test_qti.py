"""IMS QTI 2.1: the package out and back, its manifest, and one assessmentItem per exercise."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile

import pytest
from bankio_support import round_trip

from course.bankio import export_bank, import_file
from course.bankio.qti import CP, NS, identifier


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
        assert [r.get("identifier") for r in items] == [identifier(i) for i in report.written]
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


#: XHTML elements the items use inside QTI content (QTI 2.1 takes them from XHTML)
XHTML = {"div", "span", "p", "br", "table", "tbody", "tr", "td", "ol", "li"}
#: the interaction that each type must become
INTERACTION = {"single_choice": "qti-choice-interaction",
               "multiple_choice": "qti-choice-interaction",
               "true_false": "qti-choice-interaction", "matching": "qti-match-interaction",
               "ordering": "qti-order-interaction", "numeric": "qti-text-entry-interaction",
               "cloze": ("qti-text-entry-interaction", "qti-inline-choice-interaction"),
               "reply": "qti-extended-text-interaction"}


def test_an_independent_converter_reads_every_item_as_qti(bank, tmp_path):
    """Citolab's qti-convert (PyPI; a port of ETS's QTI 2 to 3 stylesheet, with its own table
    of QTI 2 element names) upgrades the package to QTI 3: every element we wrote is a QTI 2
    element it knows or XHTML, each item gets the interaction of its type, and the correct
    responses come through."""
    from lxml import etree
    from qti_convert import upgrade_package
    from qti_convert.names import QTI2_ELEMENT_NAMES

    out = tmp_path / "bank.zip"
    report = export_bank(bank.lessons.values(), "qti", out, lang="both")
    with zipfile.ZipFile(out) as package:
        for name in package.namelist():
            for element in ET.fromstring(package.read(name)).iter():
                local = element.tag.split("}")[-1]
                if element.tag.startswith(f"{{{NS}}}"):
                    assert local in QTI2_ELEMENT_NAMES | XHTML, (name, local)
    upgraded = upgrade_package(out).files
    assert len([p for p in upgraded if p.startswith("items/")]) == len(report.written)
    for ex_id in report.written:
        ex = bank[ex_id]
        root = etree.fromstring(upgraded[f"items/{ex_id}.xml"].encode())
        names = {etree.QName(e).localname for e in root.iter() if isinstance(e.tag, str)}
        wanted = INTERACTION[ex.type]
        assert names & ({wanted} if isinstance(wanted, str) else set(wanted)), ex_id
        values = [v.text for c in root.iter("{*}qti-correct-response")
                  for v in c.iter("{*}qti-value")]
        if ex.type == "numeric":
            assert float(values[0]) == ex.answer
        elif ex.type == "single_choice":
            assert values == [f"C{ex.correct_indexes[0] + 1}"]
        elif ex.type == "ordering":
            assert values == [f"O{i + 1}" for i in range(len(ex.items))]


def test_identifiers_are_xml_names_even_for_an_id_that_starts_with_a_digit(tmp_path):
    from course.exercises.loader import load_bank

    folder = tmp_path / "bank"
    folder.mkdir()
    (folder / "01-x.yaml").write_text(
        "lesson: 01-x\ntitle: X\nexercises:\n  - id: 24-hours\n    type: true_false\n"
        "    prompt: A day has 24 hours.\n    answer: true\n"
        "    examples: {correct: [true], wrong: [false]}\n", encoding="utf-8")
    out = tmp_path / "x.zip"
    export_bank(load_bank(folder).lessons.values(), "qti", out)
    name = re.compile(r"^[A-Za-z_][\w.-]*$")  # an XML name (NCName) cannot start with a digit
    with zipfile.ZipFile(out) as package:
        for member in package.namelist():
            for element in ET.fromstring(package.read(member)).iter():
                if element.get("identifier") is not None:
                    assert name.match(element.get("identifier")), (member, element.attrib)
    lessons, _ = import_file(out)
    assert [e["id"] for e in lessons["01-x"][1]] == ["24-hours"]
