"""IMS QTI 2.1: the bank as a content package (a zip with imsmanifest.xml), one assessmentItem
per exercise and one assessmentTest per lesson; and such a package read back.

Written with the standard library's ElementTree in the QTI 2.1 namespace. Two languages are
``<span xml:lang="en">`` and ``<span xml:lang="zh">`` side by side. crm-course's type and the
facts QTI has no attribute for (numeric measure, reply situation, word range) travel in the
item's ``label`` (``crm-course:numeric measures=percent``); the lesson is the assessmentTest.
Scoring uses QTI's standard response-processing templates where one fits (match_correct,
map_response) and explicit rules otherwise (numeric tolerance, cloze and ordering per part).
"""
from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from course.bankio.common import Context, Report, bank_text, former_ids_field, former_ids_text
from course.errors import InputError
from course.text import Bilingual

NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEMA = f"{NS} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
TEMPLATES = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/"
ITEM_TYPE = "imsqti_item_xmlv2p1"
TEST_TYPE = "imsqti_test_xmlv2p1"
MAX_MEMBER_BYTES = 5_000_000


def q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def sub(parent, tag: str, attrs: dict | None = None, text: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, q(tag), {k: str(v) for k, v in (attrs or {}).items()})
    if text is not None:
        element.text = text
    return element


# -- texts -------------------------------------------------------------------------------

def _lines(parent: ET.Element, value: str) -> None:
    """Append ``value`` to ``parent``'s content, a <br/> per line break."""
    for i, line in enumerate(value.split("\n")):
        if i:
            br = sub(parent, "br")
            br.tail = line
        elif len(parent):
            parent[-1].tail = (parent[-1].tail or "") + line
        else:
            parent.text = (parent.text or "") + line


def put(parent: ET.Element, text: Bilingual) -> ET.Element:
    """Append a text: one language as it is, two as xml:lang spans."""
    if not text.has_both:
        _lines(parent, text.en or text.zh)
        return parent
    for lang, value in (("en", text.en), ("zh", text.zh)):
        _lines(sub(parent, "span", {XML_LANG: lang}), value)
    return parent


def _walk(element: ET.Element, parts: dict, lang: str, stop=()) -> None:
    for child in element:
        tag = child.tag.split("}")[-1]
        if tag in stop:
            pass
        elif tag == "br":
            parts[lang].append("\n")
        elif tag == "span" and child.get(XML_LANG):
            code = "zh" if child.get(XML_LANG).startswith("zh") else "en"
            parts[code].append(child.text or "")
            _walk(child, parts, code, stop)
        else:
            parts[lang].append(child.text or "")
            _walk(child, parts, lang, stop)
        parts[lang].append(child.tail or "")


def text_in(element: ET.Element | None, stop=()):
    """The bank text inside ``element`` (spans by language, <br/> as line breaks)."""
    if element is None:
        return ""
    parts = {"": [element.text or ""], "en": [], "zh": []}
    _walk(element, parts, "", stop)
    en, zh, rest = ("".join(parts[k]) for k in ("en", "zh", ""))
    return bank_text(en, zh) if en or zh else rest


# -- the package -------------------------------------------------------------------------

def identifier(ex_id: str) -> str:
    """A QTI identifier (an XML name: it cannot start with a digit) for a bank id."""
    return ex_id if ex_id[:1].isalpha() else f"item-{ex_id}"


def item(ex, ctx: Context, extra: dict | None = None) -> ET.Element:
    """An assessmentItem with its label (crm-course's type and facts) and a SCORE outcome."""
    former = [f"former={former_ids_text(ex)}"] if former_ids_text(ex) else []
    label = " ".join([f"crm-course:{ex.type}", f"id={ex.id}", f"mode={ex.mode}", *former,
                      *(f"{k}={v}" for k, v in (extra or {}).items())])
    title = ctx.pick(ex.raw.get("title") or ex.id).both(" / ")
    root = ET.Element(q("assessmentItem"), {
        "identifier": identifier(ex.id), "title": title, "label": label, "adaptive": "false",
        "timeDependent": "false", "toolName": "crm-course", f"{{{XSI}}}schemaLocation": SCHEMA})
    return root


def outcome(root: ET.Element) -> None:
    declaration = sub(root, "outcomeDeclaration", {"identifier": "SCORE", "cardinality": "single",
                                                   "baseType": "float"})
    sub(sub(declaration, "defaultValue"), "value", text="0")


def response(root, identifier, cardinality, base_type, correct, mapping=None, *, lower=None,
             case=None):
    """A responseDeclaration (put before the outcome, as QTI orders them)."""
    declaration = ET.Element(q("responseDeclaration"), {
        "identifier": identifier, "cardinality": cardinality, "baseType": base_type})
    values = sub(declaration, "correctResponse")
    for value in correct:
        sub(values, "value", text=str(value))
    if mapping:
        attrs = {"defaultValue": "0"}
        if lower is not None:
            attrs.update({"lowerBound": str(lower), "upperBound": "1"})
        element = sub(declaration, "mapping", attrs)
        for key, value in mapping:
            entry = {"mapKey": key, "mappedValue": f"{value:g}"}
            if case is not None:
                entry["caseSensitive"] = "true" if case else "false"
            sub(element, "mapEntry", entry)
    n = sum(1 for c in root if c.tag == q("responseDeclaration"))
    root.insert(n, declaration)
    return declaration


def body(root, ex, ctx: Context) -> ET.Element:
    """The itemBody, with the prompt first (a div of class prompt)."""
    element = sub(root, "itemBody")
    put(sub(element, "div", {"class": "prompt"}), ctx.pick(ex.raw.get("prompt", "")))
    return element


def tutor_blocks(element, ex, ctx: Context) -> None:
    """The solution as a rubricBlock for tutors; hints and feedback are reported."""
    if ex.raw.get("solution") and ex.type != "reply":
        put(sub(sub(element, "rubricBlock", {"view": "tutor"}), "div", {"class": "solution"}),
            ctx.pick(ex.raw["solution"]))
    if ex.raw.get("hints"):
        ctx.lost("hints", "this exporter writes no QTI modal feedback for hints")
    if ex.raw.get("feedback") or any(isinstance(o, dict) and o.get("feedback")
                                     for o in ex.raw.get("options") or []):
        ctx.lost("feedback", "this exporter writes no QTI modal feedback")


def template(root, name: str) -> None:
    sub(root, "responseProcessing", {"template": TEMPLATES + name})


def add_to_score(parent, expression: ET.Element) -> None:
    """``SCORE = SCORE + expression`` as a setOutcomeValue under ``parent``."""
    total = sub(sub(parent, "setOutcomeValue", {"identifier": "SCORE"}), "sum")
    sub(total, "variable", {"identifier": "SCORE"})
    total.append(expression)


def value(base_type: str, text) -> ET.Element:
    element = ET.Element(q("baseValue"), {"baseType": base_type})
    element.text = str(text)
    return element


class Writer:
    """Items as files of a zip, an assessmentTest per lesson, and the manifest."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.files: dict[str, bytes] = {}
        self.resources: list[tuple[str, str, str, list[str]]] = []
        self.tests: list[tuple] = []

    def lesson(self, lesson) -> None:
        self.tests.append((lesson, []))

    def add(self, ex, root: ET.Element) -> None:
        href = f"items/{ex.id}.xml"
        self.files[href] = _xml(root)
        self.resources.append((identifier(ex.id), ITEM_TYPE, href, []))
        self.tests[-1][1].append((identifier(ex.id), href))

    def save(self, out: Path) -> None:
        for lesson, refs in self.tests:
            if refs:
                href = f"tests/{lesson.slug}.xml"
                self.files[href] = _xml(_test(lesson, refs, self.ctx))
                self.resources.append((f"test-{lesson.slug}", TEST_TYPE, href,
                                       [r[0] for r in refs]))
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
            package.writestr("imsmanifest.xml", _xml(_manifest(self.resources)))
            for href, data in self.files.items():
                package.writestr(href, data)


def _xml(root: ET.Element) -> bytes:
    ET.register_namespace("", NS)
    ET.register_namespace("xsi", XSI)
    buffer = io.BytesIO()
    ET.ElementTree(root).write(buffer, encoding="UTF-8", xml_declaration=True)
    return buffer.getvalue()


def _test(lesson, refs, ctx: Context) -> ET.Element:
    test = ET.Element(q("assessmentTest"), {"identifier": f"test-{lesson.slug}",
                                            "title": ctx.pick(lesson.title.to_json()).both(" / "),
                                            f"{{{XSI}}}schemaLocation": SCHEMA})
    part = sub(test, "testPart", {"identifier": "part", "navigationMode": "nonlinear",
                                  "submissionMode": "individual"})
    section = sub(part, "assessmentSection", {"identifier": f"lesson-{lesson.slug}",
                                              "visible": "true", "title": lesson.slug})
    for ex_id, href in refs:
        sub(section, "assessmentItemRef", {"identifier": ex_id, "href": f"../{href}"})
    return test


def _manifest(resources) -> ET.Element:
    ET.register_namespace("", CP)
    manifest = ET.Element(f"{{{CP}}}manifest", {
        "identifier": "crm-course-bank",
        f"{{{XSI}}}schemaLocation": f"{CP} http://www.imsglobal.org/xsd/imscp_v1p1.xsd"})
    meta = ET.SubElement(manifest, f"{{{CP}}}metadata")
    ET.SubElement(meta, f"{{{CP}}}schema").text = "QTIv2.1 Package"
    ET.SubElement(meta, f"{{{CP}}}schemaversion").text = "1.0.0"
    ET.SubElement(manifest, f"{{{CP}}}organizations")
    holder = ET.SubElement(manifest, f"{{{CP}}}resources")
    for identifier, kind, href, depends in resources:
        resource = ET.SubElement(holder, f"{{{CP}}}resource",
                                 {"identifier": identifier, "type": kind, "href": href})
        ET.SubElement(resource, f"{{{CP}}}file", {"href": href})
        for dep in depends:
            ET.SubElement(resource, f"{{{CP}}}dependency", {"identifierref": dep})
    return manifest


# -- reading -----------------------------------------------------------------------------

def _member(package: zipfile.ZipFile, name: str, path: Path) -> ET.Element:
    try:
        info = package.getinfo(name)
    except KeyError:
        raise InputError(f"{path}: the package lacks {name}") from None
    if info.file_size > MAX_MEMBER_BYTES:
        raise InputError(f"{path}: {name} is larger than {MAX_MEMBER_BYTES:,} bytes")
    try:
        return ET.fromstring(package.read(name))
    except ET.ParseError as exc:
        raise InputError(f"{path}: {name} is not well-formed XML ({exc})") from None


def label_of(root: ET.Element) -> tuple[str, dict]:
    """crm-course's type and facts from an item's label ('' and {} for another tool's item)."""
    words = (root.get("label") or "").split()
    if not words or not words[0].startswith("crm-course:"):
        return "", {}
    return words[0].split(":", 1)[1], dict(w.split("=", 1) for w in words[1:] if "=" in w)


def read(path: Path, report: Report, codecs: dict):
    """The bank entries of a QTI 2.1 package: ``(lesson slug, lesson title, entry)`` each."""
    try:
        package = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise InputError(f"{path}: not a zip file; a QTI content package is a zip with "
                         "imsmanifest.xml") from None
    with package:
        manifest = _member(package, "imsmanifest.xml", path)
        lessons = {}
        resources = manifest.iter(f"{{{CP}}}resource")
        items = [r.get("href") for r in resources if r.get("type", "").startswith("imsqti_item")]
        for res in manifest.iter(f"{{{CP}}}resource"):
            if res.get("type", "").startswith("imsqti_test"):
                test = _member(package, res.get("href"), path)
                title = test.get("title")
                for section in test.iter(q("assessmentSection")):
                    for ref in section.iter(q("assessmentItemRef")):
                        slug = section.get("identifier", "").removeprefix("lesson-")
                        lessons[ref.get("identifier")] = (slug, title)
        by_type = codecs
        for href in items:
            root = _member(package, href, path)
            found = _item_entry(root, by_type, report)
            if found:
                slug, title = lessons.get(root.get("identifier"), ("imported", None))
                yield slug, title, found


def _item_entry(root: ET.Element, by_type: dict, report: Report):
    type_name, facts = label_of(root)
    ident = facts.get("id") or root.get("identifier") or "item"
    codec = by_type.get(type_name) or _guess(root, by_type)
    if codec is None:
        report.note(ident, type_name, "", "no crm-course kind reads this item's interaction")
        return None
    try:
        raw = {"id": ident, "type": type_name or codec.guess_type(root),
               "mode": facts.get("mode", "practice"), **former_ids_field(facts.get("former"))}
        raw["prompt"] = text_in(root.find(f"{q('itemBody')}/{q('div')}[@class='prompt']"))
        raw.update(codec.read(root, facts))
    except (ValueError, KeyError, IndexError, AttributeError) as exc:
        report.note(ident, type_name, "", f"cannot be read: {exc}")
        return None
    solution = root.find(f".//{q('rubricBlock')}[@view='tutor']/{q('div')}")
    if solution is not None:
        raw["solution"] = text_in(solution)
    return raw


def _guess(root, by_type: dict):
    for codec in by_type.values():
        if any(root.find(f".//{q(tag)}") is not None for tag in codec.interactions):
            return codec
    return None


def correct_values(root, identifier: str = "RESPONSE") -> list[str]:
    declaration = root.find(f"{q('responseDeclaration')}[@identifier='{identifier}']")
    return [v.text or "" for v in declaration.iter(q("value"))]


def interaction_texts(root, tag: str, choice_tag: str) -> dict[str, object]:
    """The choices of an interaction by identifier, as bank texts."""
    return {c.get("identifier"): text_in(c) for c in root.iter(q(choice_tag))}


def token(text) -> str:
    """A label value without spaces (the label is split on them)."""
    return re.sub(r"\s+", "_", str(text))


def json_cell(value) -> str:
    return json.dumps(value, ensure_ascii=False)


__all__ = ["NS", "Writer", "read"]
