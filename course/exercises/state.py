"""Session state: language, mode override, learner, revealed exercises, and their listeners."""
from __future__ import annotations

import getpass
import json
import os
import weakref
from pathlib import Path

from course.errors import InputError
from course.exercises.text import LANGUAGES

MODES = ("practice", "class", "assessment")

_state: dict = {"language": None, "mode": None, "learner": None, "revealed": set()}
_language_listeners: list = []
_reveal_listeners: list = []
_mode_listeners: list = []


def home() -> Path:
    """Where this learner's progress and settings live: $CRM_COURSE_HOME or ~/.crm-course."""
    env = os.environ.get("CRM_COURSE_HOME")
    return Path(env).expanduser() if env else Path.home() / ".crm-course"


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
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
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
        env = os.environ.get("CRM_COURSE_LANG", "").strip().lower()
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
        raise InputError(
            f"Unknown language {lang!r}: use 'en' (English), 'zh' (中文) or 'both'. "
            f"未知语言 {lang!r}：请用 'en'、'zh' 或 'both'。"
        )
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
        env = os.environ.get("CRM_COURSE_MODE", "").strip().lower()
        if env in MODES:
            return env
    return _state["mode"]


def set_mode(mode: str | None) -> str | None:
    """Override every exercise's mode for this session ("practice", "class", "assessment");
    ``None`` goes back to each exercise's own mode."""
    if mode is not None:
        mode = str(mode).strip().lower()
        if mode not in MODES:
            raise InputError(
                f"Unknown mode {mode!r}: use 'practice', 'class', 'assessment' or None. "
                f"未知模式 {mode!r}：请用 practice、class、assessment 或 None。"
            )
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


def set_learner(name: str, *, save: bool = True) -> str:
    """Set the learner's name used in the progress store and the submission file."""
    if not isinstance(name, str) or not name.strip():
        raise InputError(
            "The learner name must be a non-empty text, e.g. course.set_learner('Li Lei'). "
            "学习者姓名不能为空，例如 course.set_learner('李雷')。"
        )
    name = " ".join(name.split())
    if len(name) > 100:
        raise InputError("The learner name is too long (100 characters at most). 姓名过长（最多 100 个字符）。")
    _state["learner"] = name
    if save:
        _save_setting("learner", name)
    return name


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
    return os.environ.get("CRM_COURSE_PRESENTER", "") not in ("", "0")


def _reset_for_tests() -> None:
    _state.update(language=None, mode=None, learner=None, revealed=set())
    _language_listeners.clear()
    _reveal_listeners.clear()
    _mode_listeners.clear()
