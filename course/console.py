"""What the command line prints: text from files and learners, made safe for a terminal.

A file name or a learner name may carry terminal escapes (ESC [ ... to recolour the screen,
set the window title or hide text), carriage returns that overwrite a line, bidi controls that
reverse it, or undecodable bytes. Everything the CLI prints goes through ``printable``:
control and bidi characters are shown as escapes such as ``\\x1b`` or ``\\u202e``; a new line
and a tab stay as they are.
"""
from __future__ import annotations

import re
import sys

# C0 and C1 controls but tab and new line, DEL, bidi embeddings/overrides/isolates and marks,
# line and paragraph separators, and lone surrogates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
                     "\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text) -> str:
    """``text`` with every character that could steer a terminal shown as an escape."""
    return _UNSAFE.sub(_escape, str(text))


class EscapingStream:
    """A text stream that writes everything through ``printable``."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(printable(text))
        return len(text)

    def __getattr__(self, name):
        return getattr(self._stream, name)


class escaped_output:  # noqa: N801 - used as a context manager, like contextlib's
    """Within the block, sys.stdout and sys.stderr escape what they are given."""

    def __enter__(self):
        self._saved = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = EscapingStream(sys.stdout), EscapingStream(sys.stderr)
        return self

    def __exit__(self, *exc) -> None:
        sys.stdout, sys.stderr = self._saved
