"""The address students open (the QR code on the projector): given with ``--public-url`` or,
on a hub, the one JupyterHub gives its service, checked before the service starts.

JupyterHub sets ``JUPYTERHUB_PUBLIC_URL`` for a managed service when the hub knows its public
address (``c.JupyterHub.public_url``, a subdomain host, or the service's own ``host``): the
public origin joined with the service's prefix, e.g. ``https://hub.school.edu/services/live/``
(read in the source of JupyterHub 6.1, ``services/service.py`` and ``spawner.py``; that the
setting came with 5.0 is from its changelog as remembered, unchecked). Without it the variable
is empty and the service cannot know the address (the hub learns it only from each request).
"""
from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit, urlunsplit

from course.errors import InputError
from course.messages import ui
from course.text import Bilingual


def _refuse(url: str, reason: str, source: str, prefix: str, **fields) -> None:
    """InputError: ``url`` (from ``source``) refused for ``reason`` (a ``live_url_*`` text)."""
    why = ui(f"live_url_{reason}", prefix=prefix, **fields)
    example = f"https://hub.school.edu{prefix}" if prefix != "/" else "http://192.168.1.20:8870/"
    message = ui("live_bad_public_url", source=source, url=url, why="{why}", example=example)
    raise InputError(Bilingual(message.en.replace("{why}", why.en),
                               message.zh.replace("{why}", why.zh)).both(" / "))


def checked_public_url(url: str, prefix: str = "/", source: str = "--public-url") -> str:
    """``url`` as the learners' address of a service served under ``prefix``: ``http(s)``,
    a host, no user, query or fragment; its path the service's prefix (added when the address
    has no path); InputError naming what is wrong otherwise.

    Args:
        url: the address given (``--public-url``, or ``$JUPYTERHUB_PUBLIC_URL``).
        prefix: the service's URL prefix (``/services/live/`` on a hub, ``/`` on a LAN).
        source: where the address came from, named in the message.
    """
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    text = url.strip()
    if not text or any(ch.isspace() or ord(ch) < 32 for ch in text):
        _refuse(url, "space" if text else "host", source, prefix)
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https"):
        _refuse(url, "scheme", source, prefix)
    if parts.username is not None or parts.password is not None:
        _refuse(url, "user", source, prefix)
    if parts.query or parts.fragment or text.endswith(("?", "#")):
        _refuse(url, "query", source, prefix)
    try:
        port = parts.port
    except ValueError:
        port = -1
    if port is not None and not 1 <= port <= 65535:
        _refuse(url, "port", source, prefix)
    host = parts.hostname
    if not host:
        _refuse(url, "host", source, prefix)
    if host in ("0.0.0.0", "::"):
        _refuse(url, "wildcard", source, prefix)
    path = "/" + parts.path.strip("/") + "/" if parts.path.strip("/") else "/"
    if path == "/":
        path = prefix  # the host alone: the service's own prefix under it
    elif path != prefix:
        _refuse(url, "path", source, prefix, path=path)
    return urlunsplit((parts.scheme.lower(), parts.netloc, path, "", ""))


def only_this_computer(url: str) -> bool:
    """True when ``url`` names a loopback address (``localhost``, 127.x, ::1): fine for a
    test, but no phone reaches it."""
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
