"""What every exercise kind shares: the Exercise base class and the helpers of parsing.

A kind is a subclass of :class:`Exercise` in a module of its own under ``course/exercises/kinds``.
It says which bank ``type`` names it handles (``types``), parses and grades a response (pure:
no widgets, no I/O), and answers the questions the rest of the course asks of every type:

========================  ===================================================================
``types``                 the bank ``type`` values of this kind
``short``                 a short column name per type for ``crm-course list``
``widget_class``          ``"module:Class"`` of its widget (imported only when shown)
``views``                 its other views, ``{name: "module:attribute"}`` (web form, print,
                          exporters), imported on first use through ``kinds.view``
``schema``                JSON Schema ``properties`` of fields that ``exercises/schema.json``
                          does not describe (a new kind can bring its own fields)
``redact(raw)``           its fields in the student copy of an assessment item (no key)
``key_texts(raw)``        texts of the bank entry that give the key away (release's audit)
``describe(response)``    a response as a short text for the class report
``item_label(item)``      the label of a per-item report row, or None for no such rows
``shape_problem(resp)``   why a response cannot even be put into the controls (or None)
``messages``              texts the kind adds to the catalogue, ``{key: (en, zh)}``: at least
                          ``type_<name>`` (its badge) for a kind that is not built in
``examples_at_load``      False for a kind whose grading is slow (the reply reviewer):
                          ``course.lesson()`` then leaves its examples to ``crm-course
                          validate``, ``load_bank`` and the test suite
``required``              fields a bank entry of this kind must have (``required_redacted``:
                          in a student copy's redacted item); the loader adds them to the schema
``minutes``               per type, minutes a learner spends on one such exercise (lesson time)
``written``               True for written work a teacher marks (writing.csv in the report)
``lint(add)``             this kind's item-writing checks (``course.exercises.lint``)
``answer_phrases()``      phrases that give the item away when they stand just above it
``option_texts()``        the options a learner picks from, for the live dashboard's counts
``live_criteria(a)``      what the class's latest attempts missed, for a written task
``item_row_extra(item)``  more of a graded item to keep for the live dashboard
``writing_columns(r)``    the columns of a written task's row in writing.csv
========================  ===================================================================
"""
from __future__ import annotations

import json
import operator
import random
from collections.abc import Mapping
from typing import ClassVar

from course import session
from course.errors import DefinitionError, InputError
from course.exercises import renames
from course.exercises.results import GradeResult, ItemResult
from course.exercises.revisit import parse_revisit
from course.exercises.text_match import MAX_ANSWER_CHARS, has_control_chars, normalize
from course.messages import ui
from course.plugins import load_plugin
from course.settings import MAX_RESPONSE_DEPTH
from course.text import Bilingual, as_bilingual


class Invalid(Exception):
    """A response of the wrong shape; carries the learner-facing message."""

    def __init__(self, message: Bilingual):
        self.message = message
        super().__init__(message.en)


#: What ``_parse`` returns for an empty answer: "not attempted", which is not "wrong".
NOT_ATTEMPTED = object()


def is_int(value) -> bool:
    """True for an integer (also numpy's), never for a boolean."""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return False
    try:
        operator.index(value)
    except TypeError:
        return False
    return True


def is_bool(value) -> bool:
    """True for a boolean (also numpy's)."""
    return isinstance(value, bool) or type(value).__name__ == "bool_"


def check_text(value, n: int) -> str:
    """One typed answer: a string of sane length without control characters ('' if None).

    Args:
        value: what the learner typed into item ``n``.
        n: the item's number (1-based), named in the message.

    Returns:
        The text. Raises :class:`Invalid` when it is not a usable text.
    """
    if value is None:
        return ""
    if not isinstance(value, str):
        raise Invalid(ui("bad_text", n=n))
    if len(value) > MAX_ANSWER_CHARS:
        raise Invalid(ui("too_long", n=n, limit=MAX_ANSWER_CHARS))
    if has_control_chars(value):
        raise Invalid(ui("control_chars", n=n))
    return value


def release_rng() -> random.Random:
    """A shuffle for one release, seeded with 256 secret bits that are never written anywhere."""
    import secrets

    return random.Random(secrets.token_bytes(32))


def secret_shuffle(items: list, rng: random.Random | None, *, avoid: list | None = None) -> list:
    """A copy of ``items`` shuffled by ``rng`` (a fresh secret one when None); when ``avoid``
    is given, an order that starts with it is drawn again, so every other order is equally
    likely (turning the key's order by one place made that one order twice as likely, and a
    learner who turned the copy's order back got the key 2 times in 5; issue 21)."""
    rng = rng or release_rng()
    shuffled = list(items)
    rng.shuffle(shuffled)
    if not avoid or len(set(map(repr, shuffled))) < 2:
        return shuffled
    avoid = list(avoid)
    while shuffled[: len(avoid)] == avoid:
        rng.shuffle(shuffled)
    return shuffled


def seeded_shuffle(items: list, seed: str) -> list:
    """A copy of ``items`` in an order that depends only on ``seed``."""
    shuffled = list(items)
    random.Random(seed).shuffle(shuffled)
    return shuffled


def normalized_unique(keys: list[str], field: str, what: str) -> list[str]:
    """``keys`` normalised as answers are (text_match.normalize); a key the same as an earlier
    one once normalised is a DefinitionError at ``field`` (``{i}`` stands for its index):
    "<what> 'key' is repeated"."""
    norm = [normalize(k) for k in keys]
    for i, k in enumerate(norm):
        if k in norm[:i]:
            raise DefinitionError(field.format(i=i), f"{what} {keys[i]!r} is repeated")
    return norm


def bilingual_or_none(value) -> Bilingual | None:
    """A bank text as a Bilingual, or None when the field is absent."""
    return None if value is None else as_bilingual(value)


def feedback_map(value) -> dict[str, Bilingual]:
    """A bank ``feedback`` mapping as ``{"correct"|"wrong": Bilingual}`` (empty if absent)."""
    if not isinstance(value, Mapping):
        return {}
    return {k: as_bilingual(v) for k, v in value.items() if k in ("correct", "wrong") and v}




_PLAIN = frozenset({str, bool, float, type(None)})  # json.dumps writes any of them
_BIG_INT = 10**100


def _plain(value) -> bool:
    return type(value) in _PLAIN or (type(value) is int and -_BIG_INT < value < _BIG_INT)


def _flat(value) -> bool:
    """True for a list, tuple or text-keyed dict of plain values (the answers of almost every
    kind): what ``_too_deep`` and ``jsonable`` need to know of it is seen without a walk."""
    kind = type(value)
    if kind is list or kind is tuple:
        return all(map(_plain, value))
    if kind is dict:
        return all(type(k) is str and _plain(v) for k, v in value.items())
    return False


def _too_deep(value, limit: int = MAX_RESPONSE_DEPTH) -> bool:
    """True when ``value`` nests lists, tuples or mappings more than ``limit`` levels (looked
    at without recursion, so any depth is safe)."""
    if _plain(value):
        return limit < 1
    if _flat(value):
        return limit < 1 or len(value) > 1_000_000 or (limit < 2 and len(value) > 0)
    stack = [(value, 1)]
    seen = 0
    while stack:
        item, level = stack.pop()
        if level > limit:
            return True
        if isinstance(item, Mapping):
            item = list(item.values())
        if isinstance(item, list | tuple):
            seen += len(item)
            if seen > 1_000_000:
                return True
            stack.extend((v, level + 1) for v in item)
    return False


def jsonable(value):
    """The response as JSON-able data (what the progress store keeps); never raises."""
    if _too_deep(value):
        return f"<{type(value).__name__} nested more than {MAX_RESPONSE_DEPTH} levels>"
    if _plain(value) or _flat(value):
        return value  # (json.dumps takes it: no need to write it out to find that)
    try:
        json.dumps(value, ensure_ascii=False)
        return value
    except (TypeError, ValueError, OverflowError, RecursionError):
        try:
            text = repr(value)
        except Exception:  # noqa: BLE001 - a value that cannot even be written out
            text = f"<{type(value).__name__}>"
        return text[:200] + ("..." if len(text) > 200 else "")


#: The bank formats (``course.bankio``) a built-in kind exports to: view name -> the plug-in
#: string of the format's codec, ``CODEC`` standing for the kind's codec name (``bank_views``).
#: Written out whole so that the architecture test sees each format module as imported later.
BANK_FORMATS: Mapping[str, str] = {
    "moodle-xml": "course.bankio.moodle:CODEC",
    "gift": "course.bankio.gift:CODEC",
    "qti": "course.bankio.qti_kinds:CODEC",
    "xlsx": "course.bankio.xlsx:CODEC",
}


def bank_views(print_view: str, codec: str, other: Mapping[str, str] | None = None,
               without: tuple[str, ...] = ()) -> dict[str, str]:
    """A built-in kind's ``views``: its printed form ``print_view`` (a plug-in string), its codec
    named ``codec`` in each of ``BANK_FORMATS`` but the formats ``without``, and ``other``
    (views added or replaced)."""
    views = {"print": print_view}
    views.update({name: path.replace(":CODEC", f":{codec}")
                  for name, path in BANK_FORMATS.items() if name not in without})
    views.update(other or {})
    return views


class Exercise:
    """An exercise from the bank. ``grade(response)`` is pure; displaying it shows its widget."""

    types: ClassVar[tuple[str, ...]] = ()
    short: ClassVar[Mapping[str, str]] = {}
    widget_class: ClassVar[str] = ""
    #: Views of this kind besides its widget, each ``name -> "module:attribute"``, imported only
    #: when first asked for (``kinds.view(type, name)``). Names: ``"web"`` (the live learner
    #: page's form), ``"print"`` (worksheets and exam papers), and the exporters
    #: ``"moodle-xml"``, ``"gift"``, ``"qti"``, ``"xlsx"``. A kind without a view is listed as
    #: "not available in this format" by whoever asks (``kinds.types_without_view``). A codec or
    #: a web form is named by its class (``"course.bankio.gift:ChoiceCodec"``): the registry
    #: makes its one instance when it is first asked for.
    views: ClassVar[Mapping[str, str]] = {}
    schema: ClassVar[Mapping | None] = None
    messages: ClassVar[Mapping[str, tuple[str, str]]] = {}
    examples_at_load: ClassVar[bool] = True
    required: ClassVar[tuple[str, ...]] = ()
    required_redacted: ClassVar[tuple[str, ...]] = ()
    minutes: ClassVar[Mapping[str, float]] = {}
    written: ClassVar[bool] = False
    type: str = ""

    def __init__(self, raw: Mapping, *, lesson: str = "", source: str = ""):
        self.raw = raw
        self.id = str(raw["id"])
        # ids it had before a rename: work saved under them counts as this exercise's
        self.former_ids = renames.former_ids_of(raw)
        # what seeds the orders shown (options, word bank, rights, items, printed forms): the
        # first id it ever had (the first former id), so a rename changes no order anyone saw
        self.seed_id = self.former_ids[0] if self.former_ids else self.id
        self.type = str(raw.get("type") or (self.types[0] if self.types else ""))
        self.lesson = lesson
        self.source = source
        self.mode = raw.get("mode", "practice")
        self.redacted = bool(raw.get("redacted", False))
        self.title = bilingual_or_none(raw.get("title"))
        self.prompt = as_bilingual(raw.get("prompt", ""))
        self.hints = [as_bilingual(h) for h in raw.get("hints", []) or []]
        self.solution = bilingual_or_none(raw.get("solution"))
        self.feedback = feedback_map(raw.get("feedback"))
        self.revisit = parse_revisit(raw.get("revisit"), source)  # where it is taught, or None
        examples = raw.get("examples") or {}
        self.examples = {
            "correct": list(examples.get("correct", []) or []),
            "wrong": list(examples.get("wrong", []) or []),
        }
        self._widget = None
        renames.remember(self)

    # -- grading -----------------------------------------------------------------------
    def grade(self, response) -> GradeResult:
        """Grade a response (pure: no widgets, no I/O); never raises for a learner's input.

        Args:
            response: the learner's answer in the shape of this type's examples.

        Returns:
            A GradeResult; ``valid`` is false for a response of the wrong shape and
            ``attempted`` false for an empty one.
        """
        if _too_deep(response):
            return self._ungraded(response, ui("bad_answer_shape"), valid=False)
        try:
            parsed = self._parse(response)
        except Invalid as bad:
            return self._ungraded(response, bad.message, valid=False)
        except (TypeError, ValueError, OverflowError, RecursionError):
            return self._ungraded(response, ui("bad_answer_shape"), valid=False)
        if parsed is NOT_ATTEMPTED:
            return self._ungraded(response, ui("not_attempted"), valid=True)
        if self.redacted:
            message = ui("recorded_only")
            return GradeResult(
                self.id, 0.0, False, attempted=True, graded=False, feedback=message,
                message=message, response=jsonable(parsed),
            )
        return self._score(parsed)

    def _ungraded(self, response, message: Bilingual, *, valid: bool) -> GradeResult:
        return GradeResult(
            self.id, 0.0, False, attempted=False, valid=valid, feedback=message,
            message=message, response=jsonable(response),
        )

    def _parse(self, response):  # pragma: no cover - every kind defines it
        raise NotImplementedError

    def _score(self, parsed) -> GradeResult:  # pragma: no cover - every kind defines it
        raise NotImplementedError

    def _result(self, items: list[ItemResult], score: float, parsed) -> GradeResult:
        attempted = any(item.attempted for item in items) if items else True
        correct = score >= 1.0 - 1e-12
        if correct:
            feedback = self.feedback.get("correct", ui("correct"))
        else:
            feedback = self.feedback.get("wrong", ui("wrong"))
            right = sum(item.correct for item in items)
            if items and 0 < score and len(items) > 1:
                feedback = ui("partly_correct", right=right, total=len(items)) + " " + feedback
        message = None if attempted else ui("not_attempted")
        return GradeResult(
            self.id, round(max(0.0, min(1.0, score)), 6), correct, attempted, items=tuple(items),
            feedback=feedback, message=message, response=jsonable(parsed),
        )

    def shape_problem(self, response) -> Bilingual | None:
        """Why ``response`` cannot be put into this exercise's controls (None when it can).

        The default asks the grader; kinds whose controls take any text (typed blanks, a
        number box) only check the shape, and leave the rest to Check's feedback.
        """
        result = self.grade(response)
        if result.valid:
            return None
        return result.message or ui("bad_answer_shape")

    def empty_response(self):
        """The response of untouched controls."""
        return None

    def answer_text(self) -> Bilingual:
        """The answer key written out (used by "Show solution" when there is no solution text)."""
        return Bilingual("", "")

    # -- what the instructor tools ask ------------------------------------------------------
    def redact(self, raw: Mapping, rng: random.Random | None = None) -> dict:
        """This kind's fields in the student copy of an assessment item: the question, no key.

        Args:
            raw: the item as written in the bank file.
            rng: the release's secret shuffle (see ``release_rng``); a kind that lists items
                for the learner to arrange (word bank, matching rights, ordering items) puts
                them in its order, so nothing public (such as the exercise id) predicts it.

        Returns:
            The fields to add to the common ones (id, type, mode, prompt, title).
        """
        return {}

    @classmethod
    def key_texts(cls, raw: Mapping) -> list:
        """Texts of the bank entry, beyond solution, hints and feedback, that hold the key."""
        return []

    def describe(self, response) -> str:
        """A learner's response as a short text a teacher can read (the class report)."""
        if isinstance(response, str):
            return response
        return json.dumps(response, ensure_ascii=False)

    def item_label(self, item: ItemResult) -> str | None:
        """The label of a per-item row in the report (blanks, pairs), None for no such rows."""
        return None

    def choice_options(self) -> tuple[tuple[str, ...], frozenset[int]] | None:
        """For the report's distractor analysis: the options' English texts and the indexes of
        the right ones; None for kinds without options to choose from."""
        return None

    def picked_options(self, response) -> frozenset[int] | None:
        """The indexes of the options a raw response chose (None: no valid option)."""
        return None

    def option_texts(self) -> list[Bilingual] | None:
        """The options a learner picks from, in ``choice_options`` order (live dashboard);
        None for kinds without options."""
        return None

    def writing_columns(self, response) -> dict:
        """For written work (``written``): the columns of its row in writing.csv."""
        return {}

    def live_criteria(self, attempts: list[dict]) -> list[dict] | None:
        """For written work: per criterion ``{"en", "zh", "missed"}``, how many of the class's
        latest attempts (as the live service stores them) missed it; None for other kinds."""
        return None

    def item_row_extra(self, item: ItemResult) -> dict:
        """More of a graded item than label, given and correct, kept for the live dashboard."""
        return {}

    # -- what the bank's lint asks ---------------------------------------------------------
    def lint(self, add) -> None:
        """This kind's item-writing checks: ``add(field, message, severity)`` for each flaw
        (see ``course.exercises.lint``); the default has none."""

    def answer_phrases(self) -> list[tuple[str, str]]:
        """``(field, phrase)`` pairs whose presence just above the item in its lesson gives
        the answer away (``course.exercises.lint_lessons``); the default has none."""
        return []

    # -- session and display -------------------------------------------------------------
    @property
    def effective_mode(self) -> str:
        """The mode in this session (the bank's, unless the instructor overrides it)."""
        return session.effective_mode(self)

    @property
    def widget(self):
        """The exercise's widget, built once (its class is named by ``widget_class``)."""
        if self._widget is None:
            self._widget = widget_class_of(self)(self)
        return self._widget

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)

    def __repr__(self) -> str:
        return f"Exercise {self.id} ({self.type})"


def widget_class_of(exercise: Exercise) -> type:
    """The widget class that ``exercise``'s kind names (imported now, not before)."""
    path = getattr(exercise, "widget_class", "")
    try:
        return load_plugin(path)
    except (ImportError, AttributeError, ValueError):
        raise InputError(ui("no_widget", type=exercise.type, types=path or "none").both(" ")) \
            from None


def check_examples(exercise: Exercise) -> list[tuple[str, int, str]]:
    """Grade every example of an exercise: the proof that its answer key holds.

    Returns:
        One ``(which, index, problem)`` per example that does not grade as declared, where
        ``which`` is "correct" or "wrong" (empty for a redacted item, whose key is elsewhere).
    """
    if exercise.redacted:
        return []
    problems = []
    for i, response in enumerate(exercise.examples["correct"]):
        result = exercise.grade(response)
        if not result.correct:
            why = result.message.en if result.message else f"it scores {result.score:.2f}"
            problems.append(("correct", i, f"this known-correct example is not accepted ({why}); "
                                           "fix the key or the example"))
    for i, response in enumerate(exercise.examples["wrong"]):
        result = exercise.grade(response)
        if not result.valid or not result.attempted:
            why = result.message.en if result.message else "not attempted"
            problems.append(("wrong", i, f"this known-wrong example cannot be graded ({why}); "
                                         "give a response of the right shape"))
        elif result.correct:
            problems.append(("wrong", i, "this known-wrong example is accepted as fully right; "
                                         "fix the key or the example"))
    return problems
