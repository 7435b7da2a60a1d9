"""Who is asking: a learner (whose attempts they may post) or the instructor (the dashboard).

Two ways to know, one interface (``await auth.identify(token) -> Identity | None``):

- :class:`LanAuth`, a classroom of laptops: learners join with the join code the instructor
  shows and get a token of their own; the instructor's token is printed when the service
  starts. A name already taken by another token cannot be joined again.
- :class:`HubAuth`, a JupyterHub service: a token is whoever the hub says it belongs to
  (jupyterhub's own ``HubOAuth`` client asks ``GET <hub api>/user`` with that token), it may
  use the service when it carries the service's access scope, and it is the instructor's when
  it carries the custom scope the hub gives the instructor group (``custom:crm-live:teach``).
  Browsers log in to the dashboard through the hub's OAuth. Answers are cached for a short
  while so a class of sixty does not flood the hub.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

JOIN_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off a projector
JOIN_CODE_LENGTH = 6
HUB_CACHE_SECONDS = 30.0
MAX_UNKNOWN = 10_000  # bogus tokens remembered at once (a flood of distinct ones)
# The scope that opens the dashboard on a hub (deploy/jupyterhub_config.py grants it to the
# role of the instructor group).
INSTRUCTOR_SCOPE = "custom:crm-live:teach"


@dataclass(frozen=True)
class Identity:
    name: str
    instructor: bool = False
    allowed: bool = True  # False: a hub user whose token lacks the service's access scope


def token_key(token: str) -> str:
    """What is kept of a token in memory: its SHA-256."""
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


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
        self._names: dict[str, str] = {}  # token's SHA-256 -> learner: no file read per post

    def check_code(self, code) -> bool:
        return hmac.compare_digest(normalize_code(code).encode(), self.join_code.encode())

    def join(self, learner: str) -> str | None:
        """A new token for ``learner``, or None when another learner has that name."""
        token = secrets.token_urlsafe(24)
        if not self.store.add_learner(learner, token):
            return None
        self._names[token_key(token)] = learner
        return token

    def known(self, token: str | None) -> bool:
        """True when ``token`` is a token of this session (checked locally, no guessing)."""
        return bool(token) and self._lookup(token) is not None

    def _lookup(self, token: str) -> Identity | None:
        if hmac.compare_digest(token.encode(), self.instructor_token.encode()):
            return Identity("instructor", instructor=True)
        key = token_key(token)
        name = self._names.get(key)
        if name is None:
            name = self.store.learner_of(token)
            if name:
                self._names[key] = name
        return Identity(name) if name else None

    async def identify(self, token: str | None) -> Identity | None:
        if not token:
            return None
        return self._lookup(token)


class HubAuth:
    """Identities from the JupyterHub this service runs under, through the hub's own client
    library (:class:`jupyterhub.services.auth.HubOAuth`).

    - a token (a learner kernel's ``$JUPYTERHUB_API_TOKEN``, or the token the hub's OAuth
      login stored in the dashboard's cookie) is whoever the hub says owns it
      (``GET <hub api>/user``); a service's token is nobody;
    - it may use this service only when it carries the service's access scope
      (``access:services!service=live``, ``$JUPYTERHUB_OAUTH_ACCESS_SCOPES``);
    - it is the instructor's when it carries ``instructor_scope`` (the hub grants that custom
      scope to the instructor group's role, deploy/jupyterhub_config.py).

    Answers are cached for :data:`HUB_CACHE_SECONDS` so a class of sixty does not flood the hub.

    Args:
        instructor_scope: the scope that opens the dashboard and reveal.
        **config: settings of HubOAuth (api_url, api_token, oauth_client_id, ...); by
            default the variables the hub sets for a service.
    """

    mode = "hub"

    def __init__(self, instructor_scope: str = INSTRUCTOR_SCOPE, **config):
        from jupyterhub.services.auth import HubOAuth

        config.setdefault("cache_max_age", int(HUB_CACHE_SECONDS))
        # only the Authorization header or the login's cookie: a token in a URL leaks
        config.setdefault("allow_token_in_url", False)
        self.oauth = HubOAuth(**config)
        self.instructor_scope = instructor_scope
        self._known: dict[str, tuple[float, Identity]] = {}
        self._unknown: dict[str, float] = {}  # token's SHA-256 -> when the hub said "nobody"

    @property
    def access_scopes(self) -> set:
        return set(self.oauth.access_scopes)

    def known(self, token: str | None) -> bool:
        """True when ``token`` was checked with the hub a moment ago (no request needed)."""
        hit = self._known.get(token_key(token)) if token else None
        return bool(hit) and time.monotonic() - hit[0] < HUB_CACHE_SECONDS

    async def identify(self, token: str | None) -> Identity | None:
        if not token:
            return None
        key = token_key(token)
        hit = self._known.get(key)
        if hit and time.monotonic() - hit[0] < HUB_CACHE_SECONDS:
            return hit[1]
        if key in self._unknown and time.monotonic() - self._unknown[key] < HUB_CACHE_SECONDS:
            return None  # asked a moment ago: a flood of one bogus token asks the hub once
        model = await self.oauth.user_for_token(token, sync=False)
        if not isinstance(model, dict) or model.get("kind", "user") != "user" \
                or not model.get("name"):
            if len(self._unknown) >= MAX_UNKNOWN:
                self._unknown.clear()  # bounded: many bogus tokens cost memory, not the hub
            self._unknown[key] = time.monotonic()
            return None  # unknown to the hub, or a service's token: nobody's attempts
        scopes = set(model.get("scopes") or ())
        access = self.access_scopes
        who = Identity(str(model["name"]),
                       instructor=bool(self.oauth.check_scopes({self.instructor_scope},
                                                               {"scopes": scopes})),
                       allowed=not access or bool(self.oauth.check_scopes(access,
                                                                          {"scopes": scopes})))
        self._known[key] = (time.monotonic(), who)
        return who

    def browser_token(self, handler) -> str | None:
        """The token the hub's OAuth login stored in this browser's cookie (None if none)."""
        value = handler.get_secure_cookie(self.oauth.cookie_name)
        return value.decode("ascii", "replace") if value else None

    def login_url(self, handler) -> str:
        """Where to send a browser that has not logged in: the hub's OAuth authorize page,
        with the state (and PKCE challenge) that the callback checks."""
        from tornado.httputil import url_concat

        params = {}
        verifier = None
        if self.oauth.pkce_enabled:
            verifier, challenge, method = self.oauth.generate_pkce_code_challenge()
            params.update(code_challenge=challenge, code_challenge_method=method)
        params["state"] = self.oauth.set_state_cookie(handler, next_url=handler.request.uri,
                                                      code_verifier=verifier)
        return url_concat(self.oauth.login_url, params)

    def callback_handler(self):
        """The tornado handler of ``<prefix>oauth_callback`` (the hub library's own)."""
        from jupyterhub.services.auth import HubOAuthCallbackHandler

        oauth = self.oauth

        class Callback(HubOAuthCallbackHandler):
            def initialize(self):
                self.hub_auth = oauth

        return Callback
