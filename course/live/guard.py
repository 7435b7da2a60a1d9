"""What keeps one student from stopping or poisoning the live class (issue 21): failure limits
keyed by what a request proves (never by a hub's loopback address), connection limits and
timeouts, an accept loop that survives running out of file descriptors, and the checks of a
name at join.
"""
from __future__ import annotations

import errno
import ipaddress
import logging
import socket
import time
import unicodedata
from collections import deque

log = logging.getLogger("course.live")

FAIL_LIMIT = 20  # wrong join codes or unknown tokens from one laptop...
FAIL_WINDOW = 60.0  # ...within this many seconds: then it waits (429)
IDLE_TIMEOUT = 10.0  # seconds a connection may stay silent (headers, or between requests)
BODY_TIMEOUT = 10.0  # seconds to send a body of at most 64 KB
MAX_CONNECTIONS_PER_ADDRESS = 32  # a laptop; a loopback address (a hub's proxy) has no cap
ACCEPT_PAUSE = 0.25  # seconds the accept loop rests when the process is out of descriptors
LOG_EVERY = 10.0  # seconds between two log lines about the same trouble
JOINS_PER_ADDRESS = 3  # learners one laptop may join as (a shared desk, a restarted kernel)
_OUT_OF_FDS = {errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM}


def shared_networks(texts) -> tuple:
    """The addresses (or networks, e.g. ``10.8.0.1`` or ``10.8.0.0/16``) that many devices
    share: a school Wi-Fi whose phones reach the service through one NAT address. ValueError
    with a sentence for a text that is no address."""
    out = []
    for text in texts or ():
        try:
            out.append(ipaddress.ip_network(str(text).strip(), strict=False))
        except ValueError:
            raise ValueError(f"{text!r} is not an IP address or network (e.g. 10.8.0.1 or "
                             "10.8.0.0/16)") from None
    return tuple(out)


def is_shared(address: str, networks) -> bool:
    """Whether ``address`` is in one of ``networks`` (see :func:`shared_networks`)."""
    if not networks:
        return False
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return False
    return any(ip in net for net in networks)


def is_loopback(address: str) -> bool:
    """Whether ``address`` is this machine (a hub's proxy, every kernel on a hub)."""
    try:
        return ipaddress.ip_address(address.split("%")[0]).is_loopback
    except ValueError:
        return address in ("", "unix")


class FailureLimit:
    """Failed join codes and token checks per key, in a sliding window.

    The key is the laptop's address on a LAN; a loopback address is never a key (on a hub
    every kernel and the proxy post from 127.0.0.1: keying by it let 20 bogus tokens from one
    student lock out the whole class). ``wait(key)`` is the number of seconds until the oldest
    failure leaves the window (0 when the key may try); ``None`` as a key never waits.
    """

    def __init__(self, limit: int = FAIL_LIMIT, window: float = FAIL_WINDOW):
        self.limit = limit
        self.window = window
        self._failures: dict[str, deque] = {}

    def _recent(self, key: str) -> deque:
        t = time.monotonic()
        failures = self._failures.get(key)
        if failures is None:
            return deque()
        while failures and t - failures[0] >= self.window:
            failures.popleft()
        if not failures:
            del self._failures[key]
        return failures

    def wait(self, key: str | None) -> float:
        if key is None:
            return 0.0
        failures = self._recent(key)
        if len(failures) < self.limit:
            return 0.0
        return max(self.window - (time.monotonic() - failures[0]), 0.001)

    def fail(self, key: str | None) -> None:
        if key is None:
            return
        failures = self._recent(key)
        if not failures:
            failures = self._failures.setdefault(key, failures)
        failures.append(time.monotonic())
        if len(failures) == self.limit:
            log.warning("%s: %d wrong join codes or unknown tokens in %.0f s: its join "
                        "attempts and unknown tokens wait %.0f s (429)", safe(key), self.limit,
                        self.window, self.wait(key))


class Throttled:
    """Says one thing at most once every LOG_EVERY seconds (and how often it was silent)."""

    def __init__(self):
        self._last: dict[str, tuple[float, int]] = {}

    def warn(self, key: str, message: str, *args) -> None:
        t = time.monotonic()
        last, quiet = self._last.get(key, (-LOG_EVERY, 0))
        if t - last < LOG_EVERY:
            self._last[key] = (last, quiet + 1)
            return
        suffix = f" ({quiet} more like it not logged)" if quiet else ""
        log.warning(message + suffix, *args)
        self._last[key] = (t, 0)


throttled = Throttled()


class Connections:
    """Open connections per client address, with a cap for each non-loopback address that is
    not a shared one (``shared``: networks of many phones behind one NAT address)."""

    def __init__(self, cap: int = MAX_CONNECTIONS_PER_ADDRESS):
        self.cap = cap
        self.open: dict[str, int] = {}
        self.shared: tuple = ()

    def admit(self, address: str) -> bool:
        n = self.open.get(address, 0)
        if n >= self.cap and not is_loopback(address) and not is_shared(address, self.shared):
            throttled.warn("cap:" + address, "%s: more than %d open connections: refused",
                           address, self.cap)
            return False
        self.open[address] = n + 1
        return True

    def release(self, address: str) -> None:
        n = self.open.get(address, 0) - 1
        if n > 0:
            self.open[address] = n
        else:
            self.open.pop(address, None)


def add_accept_handler(sock: socket.socket, on_connection, loop) -> None:
    """Like ``tornado.netutil.add_accept_handler``, but out of file descriptors (EMFILE) the
    loop rests ACCEPT_PAUSE seconds and says so once in a while, instead of spinning on the
    ready socket and logging a traceback each turn (96 MB in 10 s, issue 21)."""

    def ready() -> None:
        for _ in range(128):  # at most this many per turn: the loop serves the others too
            try:
                conn, address = sock.accept()
            except BlockingIOError:
                return
            except ConnectionAbortedError:
                continue
            except OSError as exc:
                if exc.errno in _OUT_OF_FDS:
                    throttled.warn("emfile", "out of file descriptors (%s): new connections "
                                   "wait; idle ones close after %.0f s", exc.strerror,
                                   IDLE_TIMEOUT)
                    loop.remove_reader(sock.fileno())
                    loop.call_later(ACCEPT_PAUSE, loop.add_reader, sock.fileno(), ready)
                    return
                throttled.warn("accept", "accepting a connection failed: %s", exc)
                return
            on_connection(conn, address)

    loop.add_reader(sock.fileno(), ready)


_CONTROL = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


def safe(text) -> str:
    """``text`` for a log line: control, format and unassigned characters escaped (a name with
    NUL or ESC never reaches the log raw)."""
    text = str(text)
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii")
                   for ch in text)


class SafeFormatter(logging.Formatter):
    """A log line with every control character escaped (NUL and ESC from a learner's name
    never reach the log file or a terminal raw; a traceback becomes one line)."""

    def format(self, record) -> str:
        return safe(super().format(record))


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a learner's name (None: it can): a control or format character
    (NUL, ESC, zero-width space, right-to-left override), a lone surrogate, or a letter that
    imitates a letter of another alphabet in a Latin name."""
    for ch in name:
        if unicodedata.category(ch) in _CONTROL:
            return (f"the name holds the invisible or control character U+{ord(ch):04X}: "
                    "type it with plain letters and digits")
    from course.instructor.submissions import mixes_scripts

    if mixes_scripts(name):
        return ("the name mixes letters of different alphabets (e.g. a Cyrillic 'а' among "
                "Latin letters): type it with one keyboard")
    return None
