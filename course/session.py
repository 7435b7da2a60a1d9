"""Session state: language, mode override, learner, revealed exercises, and their listeners.

Shared by the engine, the toolkit (plots follow the language) and the instructor tools; it
imports only the core modules (errors, paths, text, messages). Importing it makes
``str(Bilingual)`` follow :func:`get_language`.
"""
from __future__ import annotations

import getpass
import json
import os
import weakref
from pathlib import Path

from course import paths
from course.errors import InputError
from course.messages import ui
from course.text import LANGUAGES, set_language_resolver

MODES = ("practice", "class", "assessment")

_state: dict = {"language": None, "mode": None, "learner": None, "revealed": set()}
_language_listeners: list = []
_reveal_listeners: list = []
_mode_listeners: list = []


def home() -> Path:
    """Where this learner's progress and settings live (see :func:`course.paths.home`)."""
    return paths.home()


def _settings_path() -> Path:
    return home() / "settings.json"


def _load_settings() -> dict:
    try:
        data = json.loads(_settings_path().read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _save_setting(key: str, value) -> None:
    """Remember a setting across sessions; failing to save never stops the lesson."""
    settings = _load_settings()
    settings[key] = value
    path = _settings_path()
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # private: 0700
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(settings, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass


def _add_listener(registry: list, callback) -> None:
    if hasattr(callback, "__self__") and hasattr(callback, "__func__"):
        registry.append(weakref.WeakMethod(callback))
    else:
        registry.append(lambda cb=callback: cb)


def _notify(registry: list, *args) -> None:
    alive = []
    for ref in list(registry):
        callback = ref()
        if callback is None:
            continue
        alive.append(ref)
        callback(*args)
    registry[:] = alive


def get_language() -> str:
    if _state["language"] is None:
        env = paths.language_setting()
        saved = _load_settings().get("language")
        for candidate in (env, saved, "en"):
            if candidate in LANGUAGES:
                _state["language"] = candidate
                break
    return _state["language"]


def set_language(lang: str, *, save: bool = True) -> str:
    """Show every learner-facing text in English ("en"), Chinese ("zh") or both ("both")."""
    key = str(lang).strip().lower() if lang is not None else ""
    aliases = {"english": "en", "chinese": "zh", "中文": "zh", "cn": "zh", "zh-cn": "zh"}
    key = aliases.get(key, key)
    if key not in LANGUAGES:
        raise InputError(ui("bad_language", lang=lang).both(" "))
    _state["language"] = key
    if save:
        _save_setting("language", key)
    _notify(_language_listeners, key)
    return key


def on_language_change(callback) -> None:
    """Call ``callback(lang)`` whenever the language changes (bound methods are held weakly)."""
    _add_listener(_language_listeners, callback)


def get_mode_override() -> str | None:
    """The session's mode override: set_mode(), else $CRM_COURSE_MODE, else None."""
    if _state["mode"] is None:
        env = paths.mode_setting()
        if env in MODES:
            return env
    return _state["mode"]


def set_mode(mode: str | None) -> str | None:
    """Override every exercise's mode for this session ("practice", "class", "assessment");
    ``None`` goes back to each exercise's own mode."""
    if mode is not None:
        mode = str(mode).strip().lower()
        if mode not in MODES:
            raise InputError(ui("bad_mode", mode=mode).both(" "))
    _state["mode"] = mode
    _notify(_mode_listeners, mode)
    return mode


def on_mode_change(callback) -> None:
    """Call ``callback(mode_or_None)`` whenever ``set_mode`` changes the session's mode."""
    _add_listener(_mode_listeners, callback)


def effective_mode(exercise) -> str:
    """The exercise's mode in this session. On the projector (`crm-course present`) an
    assessment item stays an assessment item, so "Reveal all" never shows its answer."""
    if exercise.mode == "assessment" and presenter():
        return "assessment"
    return get_mode_override() or exercise.mode


def get_learner() -> str:
    if _state["learner"] is None:
        saved = _load_settings().get("learner")
        if isinstance(saved, str) and saved.strip():
            _state["learner"] = saved.strip()
        else:
            try:
                _state["learner"] = getpass.getuser()
            except Exception:  # no login name in some containers
                _state["learner"] = "learner"
    return _state["learner"]


def learner_chosen() -> bool:
    """Whether the learner has given a name (``set_learner`` now or in an earlier session),
    rather than running under the login name (the lesson header asks for one)."""
    if _state["learner"] is not None and _state.get("learner_chosen"):
        return True
    saved = _load_settings().get("learner")
    return isinstance(saved, str) and bool(saved.strip())


def set_learner(name: str, *, save: bool = True) -> str:
    """Set the learner's name used in the progress store and the submission file."""
    if not isinstance(name, str) or not name.strip():
        raise InputError(ui("bad_learner").both(" "))
    name = " ".join(name.split())
    if len(name) > 100:
        raise InputError(ui("learner_too_long").both(" "))
    _state["learner"] = name
    _state["learner_chosen"] = True
    if save:
        _save_setting("learner", name)
    return name


def get_student_number() -> str | None:
    """The student number (学号) given in the lesson header (now or in an earlier session on
    this login), None when none was given: every saved attempt carries it."""
    if _state.get("student_number") is None:
        saved = _load_settings().get("student_number")
        if isinstance(saved, str) and saved.strip():
            _state["student_number"] = saved.strip()
    return _state.get("student_number")


def set_student_number(number: str, *, save: bool = True) -> str:
    """Set the student number the next attempts carry (on a shared lab login, each learner
    gives theirs in the lesson header); also the learner name written into their export."""
    number = set_learner(number, save=save)
    _state["student_number"] = number
    if save:
        _save_setting("student_number", number)
    return number


def reveal(exercise_id) -> None:
    """Let the learners see the solution of an exercise (class mode)."""
    ids = [exercise_id] if isinstance(exercise_id, str) else list(exercise_id)
    for ex_id in ids:
        _state["revealed"].add(str(ex_id))
        _notify(_reveal_listeners, str(ex_id))


def is_revealed(exercise_id: str) -> bool:
    return exercise_id in _state["revealed"]


def on_reveal(callback) -> None:
    """Call ``callback(exercise_id)`` whenever an exercise is revealed."""
    _add_listener(_reveal_listeners, callback)


def presenter() -> bool:
    """True when the lesson is served for projection by `crm-course present`."""
    return paths.presenter()


def _reset_for_tests() -> None:
    _state.update(language=None, mode=None, learner=None, revealed=set(), learner_chosen=False,
                  student_number=None)
    _language_listeners.clear()
    _reveal_listeners.clear()
    _mode_listeners.clear()


set_language_resolver(get_language)
