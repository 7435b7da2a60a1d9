"""Who is asking: a learner (whose attempts they may post) or the instructor (the dashboard).

Two ways to know, one interface (``await auth.identify(token) -> Identity | None``):

- :class:`LanAuth`, a classroom of laptops: learners join with the join code the instructor
  shows and get a token of their own; the instructor's token is printed when the service
  starts. A name already taken by another token cannot be joined again.
- :class:`HubAuth`, a JupyterHub service: a token is whoever the hub says it belongs to
  (``GET <hub api>/user`` with that token), and the instructor is a member of the instructor
  group (``GET <hub api>/groups/<group>`` with the service's own token). Answers are cached
  for a short while so a class of sixty does not flood the hub.
"""
from __future__ import annotations

import hmac
import json
import secrets
import time
from dataclasses import dataclass

JOIN_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off a projector
JOIN_CODE_LENGTH = 6
HUB_CACHE_SECONDS = 30.0


@dataclass(frozen=True)
class Identity:
    name: str
    instructor: bool = False


def make_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalize_code(code) -> str:
    return "".join(str(code or "").split()).upper().replace("-", "")


class LanAuth:
    """Join code and tokens kept in the session file (they survive a restart)."""

    mode = "lan"

    def __init__(self, store):
        self.store = store
        self.join_code = store.secret("join_code", make_join_code)
        self.instructor_token = store.secret("instructor_token")

    def check_code(self, code) -> bool:
        return hmac.compare_digest(normalize_code(code).encode(), self.join_code.encode())

    def join(self, learner: str) -> str | None:
        """A new token for ``learner``, or None when another learner has that name."""
        token = secrets.token_urlsafe(24)
        return token if self.store.add_learner(learner, token) else None

    async def identify(self, token: str | None) -> Identity | None:
        if not token:
            return None
        if hmac.compare_digest(token.encode(), self.instructor_token.encode()):
            return Identity("instructor", instructor=True)
        name = self.store.learner_of(token)
        return Identity(name) if name else None


class HubAuth:
    """Identities from the JupyterHub REST API.

    Args:
        api_url: the hub's API, e.g. ``http://127.0.0.1:8081/hub/api`` ($JUPYTERHUB_API_URL).
        service_token: this service's API token ($JUPYTERHUB_API_TOKEN), allowed to read the
            instructor group.
        instructor_group: members of this hub group see the dashboard and reveal.
        http: an object with ``async fetch(url, headers=...)`` (tornado's AsyncHTTPClient).
    """

    mode = "hub"

    def __init__(self, api_url: str, service_token: str, instructor_group: str = "instructors",
                 http=None):
        if http is None:
            from tornado.httpclient import AsyncHTTPClient

            http = AsyncHTTPClient()
        self.api_url = api_url.rstrip("/")
        self.service_token = service_token
        self.instructor_group = instructor_group
        self.http = http
        self._users: dict[str, tuple[float, str | None]] = {}
        self._group: tuple[float, frozenset] | None = None

    async def _get(self, path: str, token: str):
        from tornado.httpclient import HTTPClientError

        try:
            reply = await self.http.fetch(f"{self.api_url}{path}",
                                          headers={"Authorization": f"token {token}"},
                                          request_timeout=10)
        except HTTPClientError as exc:
            if exc.code in (401, 403, 404):
                return None
            raise
        return json.loads(reply.body)

    async def user_of(self, token: str) -> str | None:
        """The hub user name that owns ``token`` (None when the hub does not know it)."""
        hit = self._users.get(token)
        if hit and time.monotonic() - hit[0] < HUB_CACHE_SECONDS:
            return hit[1]
        model = await self._get("/user", token)
        name = model.get("name") if isinstance(model, dict) else None
        if isinstance(model, dict) and model.get("kind", "user") != "user":
            name = None  # a service's token is nobody's attempts
        self._users[token] = (time.monotonic(), name)
        return name

    async def instructors(self) -> frozenset:
        if self._group and time.monotonic() - self._group[0] < HUB_CACHE_SECONDS:
            return self._group[1]
        model = await self._get(f"/groups/{self.instructor_group}", self.service_token)
        users = frozenset(model.get("users", [])) if isinstance(model, dict) else frozenset()
        self._group = (time.monotonic(), users)
        return users

    async def identify(self, token: str | None) -> Identity | None:
        if not token:
            return None
        name = await self.user_of(token)
        if not name:
            return None
        return Identity(name, instructor=name in await self.instructors())
