"""Plug-in strings: the course's only import by string.

A kind names its widget and its other views (``widget_class``, ``views``) and the review
summary names its widget as ``"module:attribute"``, so that the engine never imports its views;
:func:`load_plugin` imports one when it is first needed. tests/engine/test_architecture.py
reads these strings as imports (an import cycle through one is still a cycle) and fails on any
other import by string.
"""
from __future__ import annotations

import importlib


def load_plugin(path: str):
    """What the plug-in string ``"module:attribute"`` names, imported now.

    Raises ImportError, AttributeError or ValueError (an empty module name) when it names
    nothing.
    """
    module_name, _, attribute = path.partition(":")
    return getattr(importlib.import_module(module_name), attribute)
