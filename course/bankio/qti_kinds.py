"""QTI 2.1 codecs, one per kind: each writes an assessmentItem and reads one back.
The package, texts and labels are :mod:`course.bankio.qti`."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from course.bankio.common import Context, word_bank_alternatives
from course.bankio.qti import (
    add_to_score,
    body,
    correct_values,
    interaction_texts,
    item,
    outcome,
    put,
    q,
    response,
    sub,
    template,
    text_in,
    token,
    tutor_blocks,
    value,
)


class ChoiceCodec:
    """single and multiple choice as choiceInteraction (multiple: +1/n per right pick and
    -1/n per wrong one, floor 0, as the course grades it)."""

    interactions = ("choiceInteraction",)

    def guess_type(self, root):
        found = root.find(f".//{q('choiceInteraction')}")
        return "single_choice" if found.get("maxChoices") == "1" else "multiple_choice"

    def export(self, ex, ctx: Context):
        root = item(ex, ctx)
        ids = [f"C{i + 1}" for i in range(len(ex.options))]
        right = [ids[i] for i in ex.correct_indexes]
        if ex.multiple:
            share = 1 / len(right)
            mapping = [(c, share if o.correct else -share) for c, o in zip(ids, ex.options,
                                                                           strict=True)]
            response(root, "RESPONSE", "multiple", "identifier", right, mapping, lower=0)
        else:
            response(root, "RESPONSE", "single", "identifier", right)
        outcome(root)
        element = body(root, ex, ctx)
        interaction = sub(element, "choiceInteraction", {
            "responseIdentifier": "RESPONSE", "shuffle": "true" if ex.shuffle else "false",
            "maxChoices": "0" if ex.multiple else "1"})
        for c, raw in zip(ids, ex.raw.get("options") or [], strict=True):
            put(sub(interaction, "simpleChoice", {"identifier": c}), ctx.pick(raw["text"]))
        tutor_blocks(element, ex, ctx)
        template(root, "map_response" if ex.multiple else "match_correct")
        return root

    def read(self, root, facts):
        texts = interaction_texts(root, "choiceInteraction", "simpleChoice")
        right = set(correct_values(root))
        options = [{"text": t, **({"correct": True} if c in right else {})}
                   for c, t in texts.items()]
        raw = {"options": options}
        if root.find(f".//{q('choiceInteraction')}").get("shuffle") == "false":
            raw["shuffle"] = False
        return raw


class TrueFalseCodec:
    """true_false as a choiceInteraction between "true" and "false"."""

    interactions = ()

    def export(self, ex, ctx: Context):
        root = item(ex, ctx)
        response(root, "RESPONSE", "single", "identifier", ["T" if ex.answer else "F"])
        outcome(root)
        element = body(root, ex, ctx)
        interaction = sub(element, "choiceInteraction", {
            "responseIdentifier": "RESPONSE", "shuffle": "false", "maxChoices": "1"})
        put(sub(interaction, "simpleChoice", {"identifier": "T"}), ctx.pick(
            {"en": "True", "zh": "正确"}))
        put(sub(interaction, "simpleChoice", {"identifier": "F"}), ctx.pick(
            {"en": "False", "zh": "错误"}))
        tutor_blocks(element, ex, ctx)
        template(root, "match_correct")
        return root

    def read(self, root, facts):
        return {"answer": correct_values(root) == ["T"]}


class MatchingCodec:
    """matching as matchInteraction: lefts to rights, each right pair worth 1/n."""

    interactions = ("matchInteraction",)

    def export(self, ex, ctx: Context):
        root = item(ex, ctx)
        pairs = ex.raw.get("pairs") or []
        rights = list(dict.fromkeys([ex.key[k] for k in ex.lefts] + list(ex.rights)))
        lefts = {k: f"L{i + 1}" for i, k in enumerate(ex.lefts)}
        right_ids = {k: f"R{i + 1}" for i, k in enumerate(rights)}
        correct = [f"{lefts[k]} {right_ids[ex.key[k]]}" for k in ex.lefts]
        response(root, "RESPONSE", "multiple", "directedPair", correct,
                 [(c, 1 / len(correct)) for c in correct], lower=0)
        outcome(root)
        element = body(root, ex, ctx)
        interaction = sub(element, "matchInteraction", {
            "responseIdentifier": "RESPONSE", "shuffle": "true",
            "maxAssociations": str(len(correct))})
        left_set, right_set = (sub(interaction, "simpleMatchSet") for _ in range(2))
        for (left, _right), key in zip(pairs, ex.lefts, strict=True):
            put(sub(left_set, "simpleAssociableChoice",
                    {"identifier": lefts[key], "matchMax": "1"}), ctx.pick(left))
        raw_rights = {k: r for k, r in zip(ex.rights, [_raw_right(ex, k) for k in ex.rights],
                                           strict=True)}
        for key in rights:
            put(sub(right_set, "simpleAssociableChoice",
                    {"identifier": right_ids[key], "matchMax": "0"}), ctx.pick(raw_rights[key]))
        tutor_blocks(element, ex, ctx)
        template(root, "map_response")
        return root

    def read(self, root, facts):
        sets = root.findall(f".//{q('simpleMatchSet')}")
        lefts = {c.get("identifier"): text_in(c) for c in sets[0]}
        rights = {c.get("identifier"): text_in(c) for c in sets[1]}
        used, pairs = set(), []
        for pair in correct_values(root):
            left, right = pair.split()
            pairs.append([lefts[left], rights[right]])
            used.add(right)
        raw = {"pairs": pairs}
        distractors = [t for r, t in rights.items() if r not in used]
        if distractors:
            raw["distractors"] = distractors
        return raw


def _raw_right(ex, key: str):
    """A right item as the bank wrote it (both languages), found by its key."""
    for right in [p[1] for p in ex.raw.get("pairs") or []] + list(ex.raw.get("distractors") or []):
        text = right if isinstance(right, str) else right.get("en", "")
        if text == key:
            return right
    return key


class OrderingCodec:
    """ordering as orderInteraction; scored per position (or all or nothing)."""

    interactions = ("orderInteraction",)

    def export(self, ex, ctx: Context):
        root = item(ex, ctx)
        ids = [f"O{i + 1}" for i in range(len(ex.items))]
        response(root, "RESPONSE", "ordered", "identifier", ids)
        outcome(root)
        element = body(root, ex, ctx)
        interaction = sub(element, "orderInteraction", {"responseIdentifier": "RESPONSE",
                                                        "shuffle": "true"})
        for c, raw in zip(ids, ex.raw.get("items") or [], strict=True):
            put(sub(interaction, "simpleChoice", {"identifier": c}), ctx.pick(raw))
        tutor_blocks(element, ex, ctx)
        if ex.all_or_nothing:
            template(root, "match_correct")
            return root
        processing = sub(root, "responseProcessing")
        for n, c in enumerate(ids, start=1):
            rule = sub(sub(processing, "responseCondition"), "responseIf")
            test = sub(rule, "match")
            sub(sub(test, "index", {"n": str(n)}), "variable", {"identifier": "RESPONSE"})
            test.append(value("identifier", c))
            add_to_score(rule, value("float", f"{1 / len(ids):.6f}"))
        return root

    def read(self, root, facts):
        texts = interaction_texts(root, "orderInteraction", "simpleChoice")
        raw = {"items": [texts[c] for c in correct_values(root)]}
        processing = root.find(q("responseProcessing"))
        if processing is not None and processing.get("template", "").endswith("match_correct"):
            raw["all_or_nothing"] = True
        return raw


class NumericCodec:
    """numeric as a float textEntryInteraction, right within the tolerance; the unit follows
    the box as text (QTI has no units: a learner types the number alone)."""

    interactions = ()

    def export(self, ex, ctx: Context):
        facts = {k: token(ex.raw[k]) for k in ("measures", "currency", "magnitude")
                 if ex.raw.get(k)}
        root = item(ex, ctx, facts)
        tolerance = ex.tolerance or abs(ex.answer) * ex.relative_tolerance
        if ex.relative_tolerance:
            ctx.lost("relative_tolerance", f"written as the absolute tolerance ± {tolerance:g}")
        if ex.too_high or ex.too_low:
            ctx.lost("too_high, too_low", "the QTI item has no feedback by direction")
        response(root, "RESPONSE", "single", "float", [f"{ex.answer:g}"])
        outcome(root)
        element = body(root, ex, ctx)
        line = sub(element, "p")
        sub(line, "textEntryInteraction", {"responseIdentifier": "RESPONSE",
                                           "expectedLength": "12"})
        if ex.raw.get("unit") is not None:
            put(sub(line, "span", {"class": "unit"}), ctx.pick(ex.raw["unit"]))
            ctx.lost("unit (grading)", "QTI grades the number only; the unit is shown after "
                                       "the box")
        tutor_blocks(element, ex, ctx)
        rule = sub(sub(sub(root, "responseProcessing"), "responseCondition"), "responseIf")
        mode = {"toleranceMode": "absolute", "tolerance": f"{tolerance:g} {tolerance:g}"} \
            if tolerance else {"toleranceMode": "exact"}
        test = sub(rule, "equal", mode)
        sub(test, "variable", {"identifier": "RESPONSE"})
        sub(test, "correct", {"identifier": "RESPONSE"})
        sub(sub(rule, "setOutcomeValue", {"identifier": "SCORE"}), "baseValue",
            {"baseType": "float"}, "1")
        return root

    def read(self, root, facts):
        number = float(correct_values(root)[0])
        raw = {"answer": int(number) if number == int(number) else number, "tolerance": 0}
        equal = root.find(f".//{q('equal')}")
        if equal is not None and equal.get("toleranceMode") == "absolute":
            tolerance = float(equal.get("tolerance").split()[0])
            raw["tolerance"] = int(tolerance) if tolerance == int(tolerance) else tolerance
        unit = root.find(f".//{q('span')}[@class='unit']")
        if unit is not None:
            raw["unit"] = text_in(unit)
        raw.update({k: facts[k] for k in ("measures", "currency", "magnitude") if k in facts})
        raw.setdefault("measures", "percent" if raw.get("unit") == "%" else "number")
        return raw


class ClozeCodec:
    """cloze as text with a textEntryInteraction per blank (an inlineChoiceInteraction per
    blank of a word bank); each blank's accepted answers map to 1, the score is their mean."""

    interactions = ("textEntryInteraction", "inlineChoiceInteraction")

    def export(self, ex, ctx: Context):
        root = item(ex, ctx)
        words = ex._bank_words() if ex.word_bank else []
        word_ids = {w: f"W{i + 1}" for i, w in enumerate(words)}
        for blank in ex.blanks:
            rid = f"RESPONSE_{blank.index + 1}"
            if ex.word_bank:
                key = word_ids[blank.answers[0]]
                response(root, rid, "single", "identifier", [key], [(key, 1)])
            else:
                response(root, rid, "single", "string", blank.answers[:1],
                         [(a, 1) for a in blank.answers], case=ex.case_sensitive)
        outcome(root)
        element = body(root, ex, ctx)
        text = sub(element, "div", {"class": "cloze"})
        for segment in ex.segments:
            if isinstance(segment, str):  # text between the blanks
                put(text, ctx.pick(segment))
            elif ex.word_bank:
                menu = sub(text, "inlineChoiceInteraction", {
                    "responseIdentifier": f"RESPONSE_{segment.index + 1}", "shuffle": "true"})
                for word in words:
                    sub(menu, "inlineChoice", {"identifier": word_ids[word]}, word)
            else:
                sub(text, "textEntryInteraction", {
                    "responseIdentifier": f"RESPONSE_{segment.index + 1}", "expectedLength": "15"})
        if any(b.tip for b in ex.blanks):
            ctx.lost("tips", "a QTI text entry has no tip")
        word_bank_alternatives(ex, ctx)
        if not ex.word_bank and (ex.typo_tolerance or ex.forms):
            ctx.lost("typo_tolerance, forms", "QTI accepts only the answers listed")
        tutor_blocks(element, ex, ctx)
        self._score(root, len(ex.blanks))
        return root

    @staticmethod
    def _score(root, n: int) -> None:
        rule = sub(sub(root, "responseProcessing"), "setOutcomeValue", {"identifier": "SCORE"})
        divide = sub(rule, "divide")
        total = sub(divide, "sum")
        for i in range(n):
            sub(total, "mapResponse", {"identifier": f"RESPONSE_{i + 1}"})
        divide.append(value("float", n))

    def read(self, root, facts):
        text = root.find(f".//{q('div')}[@class='cloze']")
        pieces = [text.text or ""]
        raw, menus, case = {}, [], False
        for child in text:
            tag = child.tag.split("}")[-1]
            if tag in ("textEntryInteraction", "inlineChoiceInteraction"):
                answers = _answers(root, child, menus)
                case = case or _case_sensitive(root, child)
                pieces.append("[[" + "|".join(answers) + "]]")
            elif tag == "br":
                pieces.append("\n")
            else:
                found = text_in(child)
                pieces.append(found if isinstance(found, str) else found["en"])
            pieces.append(child.tail or "")
        raw["text"] = "".join(pieces)
        if case:
            raw["case_sensitive"] = True
        if menus:
            firsts = {p[2:-2].split("|")[0] for p in pieces if p.startswith("[[")}
            raw["word_bank"] = True
            raw["distractors"] = [w for w in dict.fromkeys(menus[0]) if w not in firsts]
        return raw


def _declaration(root, interaction) -> ET.Element:
    rid = interaction.get("responseIdentifier")
    return root.find(f"{q('responseDeclaration')}[@identifier='{rid}']")


def _answers(root, interaction, menus: list) -> list[str]:
    declaration = _declaration(root, interaction)
    keys = [e.get("mapKey") for e in declaration.iter(q("mapEntry"))] or \
        [v.text or "" for v in declaration.iter(q("value"))]
    if interaction.tag == q("inlineChoiceInteraction"):
        words = {c.get("identifier"): c.text or "" for c in interaction.iter(q("inlineChoice"))}
        menus.append(list(words.values()))
        return [words[k] for k in keys]
    return keys


def _case_sensitive(root, interaction) -> bool:
    entry = _declaration(root, interaction).find(f".//{q('mapEntry')}")
    return entry is not None and entry.get("caseSensitive") == "true"


class ReplyCodec:
    """reply as extendedTextInteraction, scored by a person: the buyer's message and facts in
    the body, the rubric, model answer and notes in a rubricBlock for scorers."""

    interactions = ("extendedTextInteraction",)

    def export(self, ex, ctx: Context):
        raw = ex.raw
        root = item(ex, ctx, {"situation": ex.situation, "pass_score": ex.pass_score,
                              "words": f"{ex.words[0]}-{ex.words[1]}"})
        sub(root, "responseDeclaration", {"identifier": "RESPONSE", "cardinality": "single",
                                          "baseType": "string"})
        outcome(root)
        element = body(root, ex, ctx)
        put(sub(element, "div", {"class": "buyer"}), ctx.pick(raw.get("buyer", "")))
        table = sub(element, "table", {"class": "facts"})
        body_rows = sub(table, "tbody")
        for key, fact in (raw.get("facts") or {}).items():
            row = sub(body_rows, "tr")
            sub(row, "td", {}, str(key))
            sub(row, "td", {"class": "text" if isinstance(fact, str) else "json"},
                fact if isinstance(fact, str) else json.dumps(fact))
        sub(element, "extendedTextInteraction", {"responseIdentifier": "RESPONSE",
                                                 "expectedLines": "15"})
        scorer = sub(element, "rubricBlock", {"view": "scorer"})
        rubric = sub(scorer, "ol", {"class": "rubric"})
        for criterion in raw.get("rubric") or []:
            put(sub(rubric, "li"), ctx.pick(criterion))
        put(sub(scorer, "div", {"class": "model"}), ctx.pick(raw.get("model_answer", "")))
        if raw.get("notes"):
            put(sub(scorer, "div", {"class": "notes"}), ctx.pick(raw["notes"]))
        tutor_blocks(element, ex, ctx)
        ctx.lost("reviewer", "QTI leaves an extended text to a person: the rubric goes to "
                             "the scorer")
        return root

    def read(self, root, facts):
        if "situation" not in facts:
            raise ValueError("an extended text without crm-course's situation cannot become a "
                             "reply task (the reviewer needs one); add the task by hand")
        low, _, high = facts.get("words", "30-250").partition("-")
        raw = {"situation": facts.get("situation", ""),
               "buyer": text_in(root.find(f".//{q('div')}[@class='buyer']")),
               "facts": {}, "words": [int(low), int(high)],
               "rubric": [text_in(li) for li in root.iter(q("li"))],
               "pass_score": int(facts.get("pass_score", 70)),
               "model_answer": text_in(root.find(f".//{q('div')}[@class='model']"))}
        for row in root.iter(q("tr")):
            key, cell = list(row)
            raw["facts"][key.text or ""] = (json.loads(cell.text) if cell.get("class") == "json"
                                            else cell.text or "")
        notes = root.find(f".//{q('div')}[@class='notes']")
        if notes is not None:
            raw["notes"] = text_in(notes)
        return raw



__all__ = ["ChoiceCodec", "ClozeCodec", "MatchingCodec", "NumericCodec", "OrderingCodec",
           "ReplyCodec", "TrueFalseCodec"]
