"""Per-form numbers of a numeric item (the optional ``exam_forms`` field): which numbers of the prompt
vary, the formula of the answer, and each paper form's values, checked when the bank loads.

A bank entry names the numbers of its prompt that may change, gives the answer as a formula of
them, and lists each form's values::

    prompt: {en: "... its average order value was 250 US dollars ...", zh: "... 250 美元 ..."}
    answer: 300
    exam_forms:
      numbers: {before: 250}       # the values the prompt shows now (each must be in it)
      answer: before * 1.2         # the loader checks it gives `answer` for those values
      B: {before: 150}             # form B prints 150 and its key 180; form A keeps 250

Every occurrence of a named number in the prompt (English and Chinese) takes the form's value.
The online item is unchanged; a form that is not listed prints the bank's own numbers. The
formula knows numbers, the names, ``+ - * /`` and brackets, nothing else (no function call, no
attribute), so evaluating an author's text cannot run code.
"""
from __future__ import annotations

import ast
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from course.errors import DefinitionError
from course.text import Bilingual

#: A number as a prompt writes it: 8, 1,200, 6.3, 2026年 (digits glued to Latin letters, as in
#: "n02", or to a decimal point are not a number of their own).
NUMBER = re.compile(r"(?<![A-Za-z0-9_.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![A-Za-z0-9_,]|\.\d)"
                    r"|(?<![A-Za-z0-9_.,])\d+(?:\.\d+)?(?![A-Za-z0-9_]|[.,]\d)")
_OPERATORS = {ast.Add: (lambda a, b: a + b, "+"), ast.Sub: (lambda a, b: a - b, "−"),
              ast.Mult: (lambda a, b: a * b, "×"), ast.Div: (lambda a, b: a / b, "÷")}
_ALLOWED = (ast.BinOp, ast.UnaryOp, ast.Constant, ast.Name, ast.Load, ast.USub, ast.UAdd,
            *_OPERATORS)
FORM_NAME = re.compile(r"^[A-Z]$")
FIELD = "exam_forms"  # the bank field


def _bad(field: str, message: str) -> DefinitionError:
    """An author's mistake in ``exam_forms.<field>`` (the loader adds file and exercise)."""
    return DefinitionError(f"{FIELD}.{field}" if field else FIELD, message)


def _number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _text(value: float) -> str:
    return f"{value:.12g}"


def parse_formula(text, names: set[str]) -> ast.expr:
    """The formula's syntax tree; DefinitionError (``exam_forms.answer``) for anything but numbers,
    the declared names, + - * / and brackets."""
    if not isinstance(text, str) or not text.strip():
        raise _bad("answer", "give the answer as a formula of the numbers, "
                                              "e.g. `before * 1.2`")
    try:
        tree = ast.parse(text.strip(), mode="eval").body
    except SyntaxError:
        raise _bad("answer", f"{text!r} is not a formula: use numbers, the "
                                              "names under `numbers`, + - * / and brackets") \
            from None
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id not in names:
            raise _bad("answer", f"{node.id!r} is not one of the numbers "
                                                  f"({', '.join(sorted(names))})")
        if not isinstance(node, _ALLOWED) or (
                isinstance(node, ast.Constant) and not _number(node.value)):
            raise _bad("answer", f"{text!r}: a formula holds only numbers, the "
                                                  "names under `numbers`, + - * / and brackets")
    return tree


def evaluate(tree: ast.expr, values: Mapping[str, float]) -> float:
    """The formula's value for ``values`` (ZeroDivisionError for a division by zero)."""
    if isinstance(tree, ast.Constant):
        return float(tree.value)
    if isinstance(tree, ast.Name):
        return float(values[tree.id])
    if isinstance(tree, ast.UnaryOp):
        inner = evaluate(tree.operand, values)
        return -inner if isinstance(tree.op, ast.USub) else inner
    return _OPERATORS[type(tree.op)][0](evaluate(tree.left, values),
                                        evaluate(tree.right, values))


def worked(tree: ast.expr, values: Mapping[str, float]) -> str:
    """The formula written out with ``values`` ("150 × 1.2"), for an answer key."""
    if isinstance(tree, ast.Constant):
        return _text(float(tree.value))
    if isinstance(tree, ast.Name):
        return _text(float(values[tree.id]))
    if isinstance(tree, ast.UnaryOp):
        return ("−" if isinstance(tree.op, ast.USub) else "") + worked(tree.operand, values)
    parts = []
    for side in (tree.left, tree.right):
        text = worked(side, values)
        parts.append(f"({text})" if isinstance(side, ast.BinOp) and _looser(side, tree, side
                                                                             is tree.right)
                     else text)
    return f"{parts[0]} {_OPERATORS[type(tree.op)][1]} {parts[1]}"


def _looser(inner: ast.BinOp, outer: ast.BinOp, right: bool) -> bool:
    """Whether ``inner`` needs brackets as an operand of ``outer``."""
    rank = {ast.Add: 1, ast.Sub: 1, ast.Mult: 2, ast.Div: 2}
    a, b = rank[type(inner.op)], rank[type(outer.op)]
    return a < b or (right and a == b and isinstance(outer.op, ast.Sub | ast.Div))


def occurrences(text: str, value: float) -> int:
    """How many numbers in ``text`` are ``value`` (1,200 is 1200)."""
    return sum(1 for m in NUMBER.finditer(text) if float(m.group().replace(",", "")) == value)


def substitute(text: str, values: Mapping[float, float]) -> str:
    """``text`` with every number that is a key of ``values`` replaced by its value, written
    like the number it replaces (grouped by commas where it was)."""
    def swap(m: re.Match) -> str:
        old = m.group()
        new = values.get(float(old.replace(",", "")))
        if new is None:
            return old
        return f"{new:,.12g}" if "," in old else _text(new)
    return NUMBER.sub(swap, text)


@dataclass(frozen=True)
class Form:
    """One paper form of a numeric item: its prompt, its answer and the working of it."""

    name: str
    prompt: Bilingual
    answer: float
    working: str  # "150 × 1.2 = 180"


def _values(raw, field: str) -> dict[str, float]:
    if not isinstance(raw, Mapping) or not raw:
        raise _bad(field, "give the numbers as a mapping of names to numbers, "
                                     "e.g. {before: 250}")
    out = {}
    for name, value in raw.items():
        if not isinstance(name, str) or not name.isidentifier():
            raise _bad(field, f"{name!r} is not a name (letters, digits and _)")
        if not _number(value):
            raise _bad(f"{field}.{name}", f"{value!r} is not a number")
        out[name] = float(value)
    return out


def _check_prompt(prompt: Bilingual, base: Mapping[str, float]) -> None:
    seen: dict[float, str] = {}
    for name, value in base.items():
        if value in seen:
            raise _bad(f"numbers.{name}", f"{name} and {seen[value]} are both "
                                  f"{_text(value)}: the prompt could not tell them apart")
        seen[value] = name
        for lang, text in (("English", prompt.en), ("Chinese", prompt.zh)):
            if text and not occurrences(text, value):
                raise _bad(f"numbers.{name}", f"{_text(value)} is not a number "
                                      f"of the {lang} prompt: name a number the prompt shows")


def _answer_at(tree, values: Mapping[str, float], field: str) -> float:
    try:
        value = evaluate(tree, values)
    except ZeroDivisionError:
        raise _bad(field, "the formula divides by zero for these numbers") from None
    if not math.isfinite(value):
        raise _bad(field, "the formula gives no finite number for these numbers")
    return value


def parse_forms(raw, prompt: Bilingual, answer: float, close) -> dict[str, Form]:
    """The forms of a numeric item from its ``exam_forms`` field (``close(a, b)``: the item's own
    tolerance); DefinitionError naming the field for an author's mistake."""
    if not isinstance(raw, Mapping):
        raise _bad("", "give `numbers`, `answer` and the forms' values "
                                       "(B: {...}) as a mapping")
    extra = [k for k in raw if k not in ("numbers", "answer") and not FORM_NAME.match(str(k))]
    if extra:
        raise _bad(f"{extra[0]}", "a form is named by one capital letter "
                                                   "(A, B); other fields are numbers, answer")
    base = _values(raw.get("numbers"), "numbers")
    _check_prompt(prompt, base)
    tree = parse_formula(raw.get("answer"), set(base))
    got = round(_answer_at(tree, base, "answer"), 9)
    if not close(got, answer):
        raise _bad("answer", f"the formula gives {_text(got)} for the numbers "
                              f"of the prompt, but `answer` is {_text(answer)}")
    forms = {}
    for name in sorted(k for k in raw if FORM_NAME.match(str(k))):
        values = {**base, **_values(raw[name], f"{name}")}
        unknown = sorted(set(values) - set(base))
        if unknown:
            raise _bad(f"{name}.{unknown[0]}", "not one of `numbers` "
                                  f"({', '.join(base)})")
        value = _answer_at(tree, values, f"{name}")
        if float(answer).is_integer() and abs(value - round(value)) > 1e-9:
            raise _bad(f"{name}", f"these numbers give {value:.6g}, not a whole "
                                  "number as the answer is: choose numbers that give one")
        value = round(value, 9)
        if values != base and close(value, answer):
            raise _bad(f"{name}", f"these numbers give the same answer as the "
                                  f"prompt's ({_text(answer)}): a form should change it")
        swap = {base[k]: values[k] for k in base}
        forms[name] = Form(name, Bilingual(substitute(prompt.en, swap),
                                           substitute(prompt.zh, swap)),
                           value, f"{worked(tree, values)} = {_text(value)}")
    return forms
