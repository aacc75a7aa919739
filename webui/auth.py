"""Who is asking: bearer tokens for scripts, JWT cookies for browsers, roles, revocation.

Two ways in:

- API clients send ``Authorization: Bearer <token>`` (from ``POST /login``). Browsers
  never attach that header by themselves, so it needs no CSRF check.
- Browsers hold an HttpOnly, SameSite=Lax access cookie and refresh cookie issued by
  ``POST /session``. A state-changing request with cookies must repeat the token's CSRF
  value in ``X-CSRF-TOKEN`` (flask-jwt-extended's double submit: the value sits in the
  JWT and in a cookie JavaScript can read; another site can send the cookies but cannot
  read them). Served over HTTPS the cookies are ``Secure`` and named ``__Host-...``.

Browser sessions: access tokens live ``access_minutes``; the page's script refreshes
them while the user is active, telling the server how long the user has been idle. The
refresh token therefore expires ``idle_timeout_minutes`` after the last activity, and
nothing outlives ``session_hours`` after the password was typed. A page visit counts as
activity and refreshes the cookies on the way.

Every token carries the user's ``token_epoch``; the user is read from the store on every
request, so a disabled account, a lower role or a bumped epoch applies at once. Signing
out ends one session: a browser session's tokens share a session id (``sid``) that the
refreshes keep, an API token has its own ``jti``; that id is kept among the revoked
sessions (gateway.read.access) until the session could have lasted. Signing out
everywhere bumps the epoch instead.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Callable
from datetime import timedelta
from http.cookies import CookieError, SimpleCookie
from typing import Any

import jwt
from flask import current_app, g, request
from flask.wrappers import Response
from flask_jwt_extended import (
    create_access_token,
    create_refresh_token,
    decode_token,
    get_csrf_token,
)
from flask_jwt_extended.exceptions import JWTExtendedException
from jwt.exceptions import ExpiredSignatureError, PyJWTError

from gateway.facade import StateViews, WebConfig
from webui import accounts, displaylinks
from webui.errors import PUBLIC, ApiError

METRICS = "metrics"  # the role of /metrics: a signed-in user, the scrape token, or anyone
CSRF_HEADER = "X-CSRF-TOKEN"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_COOKIES = {
    "access": "aastreli_access",
    "refresh": "aastreli_refresh",
    "csrf_access": "aastreli_csrf",
    "csrf_refresh": "aastreli_csrf_refresh",
}


def web_config() -> WebConfig:
    cfg: WebConfig = current_app.extensions["aastreli"].config.web
    return cfg


def secure_request() -> bool:
    mode = web_config().https
    if mode == "always":
        return True
    if mode == "never":
        return False
    return request.is_secure


def cookie_name(kind: str, secure: bool | None = None) -> str:
    secure = secure_request() if secure is None else secure
    return ("__Host-" if secure else "") + _COOKIES[kind]


def _state() -> StateViews:
    state: StateViews = current_app.extensions["aastreli"].state
    return state


# -- decoding ---------------------------------------------------------------------------


def _decode(token: str, csrf: str | None, token_type: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The user and claims of a token; ApiError 401 when it cannot be used."""
    try:
        claims = decode_token(token, csrf_value=csrf)
    except ExpiredSignatureError:
        raise ApiError(401, "the token expired; sign in again", code="token_expired") from None
    except JWTExtendedException as err:
        if "CSRF" in str(err) or "csrf" in str(err):
            raise ApiError(403, "the CSRF token does not match", code="csrf_failed") from None
        raise ApiError(401, "the token is not valid", code="token_invalid") from None
    except (PyJWTError, ValueError, TypeError):
        raise ApiError(401, "the token is not valid", code="token_invalid") from None
    if claims.get("type") != token_type or not isinstance(claims.get("sub"), str):
        raise ApiError(401, "the token is not valid here", code="token_invalid")
    if not isinstance(claims.get("exp"), int | float) or isinstance(claims.get("exp"), bool):
        # Every token this gateway issues expires; one without exp would be valid forever.
        raise ApiError(401, "the token has no expiry", code="token_invalid")
    if claims.get("kind") == "display":
        return _display_principal(claims), claims
    state = _state()
    user = state.users.by_email(claims["sub"])
    if (
        user is None
        or user.disabled
        or user.token_epoch != claims.get("ep")
        or state.sessions.revoked(session_key(claims))
    ):
        raise ApiError(401, "the token was revoked; sign in again", code="token_revoked")
    return accounts.principal(user), claims


def _display_principal(claims: dict[str, Any]) -> dict[str, Any]:
    who = displaylinks.principal(_state(), claims["sub"])
    if who is None or _state().sessions.revoked(session_key(claims)):
        raise ApiError(401, "this display link was revoked", code="token_revoked")
    return who


def session_key(claims: dict[str, Any]) -> str:
    """What one sign-out revokes: the browser session (all its refreshed tokens), or
    the one API token."""
    return str(claims.get("sid") or claims.get("jti") or "")


def revoke_session(user: dict[str, Any], claims: dict[str, Any]) -> bool:
    """End the session these claims belong to; False when they carry no id to revoke
    (tokens from before session ids), and the caller must revoke everything."""
    key = session_key(claims)
    if not key:
        return False
    if claims.get("kind") == "web":
        # The refresh chain ends session_hours after the sign-in at the latest.
        until = float(claims.get("sst", 0.0)) + web_config().session_hours * 3600
    elif claims.get("kind") == "display":
        # No refresh can follow the revocation: the last token issued expires by then.
        until = time.time() + web_config().display_session_days * 86400
    else:
        until = float(claims.get("exp", time.time()))
    # Every request looks its session up: the ids of sessions that ended anyway go.
    _state().sessions.revoke(key, user["email"], until)
    return True


def _bearer() -> str | None:
    header = request.headers.get("Authorization")
    if header is None:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(
            401,
            "use 'Authorization: Bearer <token>'",
            code="token_invalid",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return token.strip()


def _cookie_user(kind: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
    token = request.cookies.get(cookie_name(kind))
    if not token:
        return None
    csrf = None
    if request.method not in SAFE_METHODS:
        csrf = request.headers.get(CSRF_HEADER)
        if not csrf:
            raise ApiError(403, f"missing the {CSRF_HEADER} header", code="csrf_missing")
    return _decode(token, csrf, kind)


def _csrf_matches(token: str, header: str) -> bool:
    """Is ``header`` the CSRF value of this (possibly expired) token of ours?"""
    try:
        claims = decode_token(token, allow_expired=True)
    except (JWTExtendedException, PyJWTError, ValueError, TypeError):
        return False
    return hmac.compare_digest(str(claims.get("csrf", "")).encode(), header.encode())


def signing_out_user() -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """Who a sign-out ends, and the claims of the session.

    A bearer token ends itself. With cookies, the request must carry the CSRF value of
    one of the session's tokens (even an expired one: the page's script may sign out
    after its access token ran out), else 403 and nothing is cleared: another site
    cannot sign the user out. Without credentials it is a no-op that clears nothing.
    """
    if request.headers.get("Authorization"):
        try:
            return current_user(), g.get("claims")
        except ApiError:
            return None, None
    tokens = [(k, t) for k in ("access", "refresh") if (t := request.cookies.get(cookie_name(k)))]
    if not tokens:
        return None, None
    header = request.headers.get(CSRF_HEADER, "")
    if not header:
        raise ApiError(403, f"missing the {CSRF_HEADER} header", code="csrf_missing")
    if not any(_csrf_matches(t, header) for _, t in tokens):
        raise ApiError(403, "the CSRF token does not match", code="csrf_failed")
    for kind, token in tokens:
        try:
            return _decode(token, None, kind)
        except ApiError:
            continue
    return None, None


def current_user() -> dict[str, Any] | None:
    """The signed-in user, or None when the request carries no credentials at all."""
    if "user" in g:
        return g.user  # type: ignore[no-any-return]
    token = _bearer()
    if token is not None:
        user, claims = _decode(token, None, "access")
    else:
        found = _cookie_user("access")
        if found is None:
            g.user = None
            return None
        user, claims = found
    g.user, g.claims = user, claims
    return user


def optional_user() -> dict[str, Any] | None:
    try:
        return current_user()
    except ApiError:
        return None


def require_role(role: str) -> dict[str, Any] | None:
    if role == PUBLIC:
        return None
    if role == METRICS:
        return _metrics_access()
    user = current_user()
    if user is None:
        raise ApiError(
            401, "sign in first", code="not_authenticated", headers={"WWW-Authenticate": "Bearer"}
        )
    if accounts.ROLE_RANK.get(user.get("role", ""), -1) < accounts.ROLE_RANK[role]:
        raise ApiError(403, f"this needs the {role} role", code="forbidden")
    return user


def _metrics_access() -> dict[str, Any] | None:
    cfg = web_config()
    if cfg.metrics_public:
        return None
    header = request.headers.get("Authorization", "")
    if cfg.metrics_token and hmac.compare_digest(
        header.encode(), f"Bearer {cfg.metrics_token}".encode()
    ):
        return None
    return require_role("viewer")


# -- issuing ----------------------------------------------------------------------------


def api_token(user: dict[str, Any]) -> tuple[str, int]:
    minutes = web_config().api_token_minutes
    token = create_access_token(
        identity=user["email"],
        additional_claims={"ep": int(user.get("token_epoch", 0)), "kind": "api"},
        expires_delta=timedelta(minutes=minutes),
    )
    return token, minutes * 60


def start_session(
    resp: Response,
    user: dict[str, Any],
    *,
    started: float | None = None,
    idle_seconds: float = 0.0,
    sid: str | None = None,
) -> float:
    """Set fresh session cookies on ``resp``; returns the access token's lifetime (s)."""
    cfg = web_config()
    now = time.time()
    started = now if started is None else started
    hard_end = started + cfg.session_hours * 3600
    if now >= hard_end:
        raise ApiError(
            401,
            f"the session reached its {cfg.session_hours:g} h limit; sign in again",
            code="session_expired",
        )
    refresh_end = min(now - idle_seconds + cfg.idle_timeout_minutes * 60, hard_end)
    if refresh_end <= now:
        raise ApiError(
            401, "the session ended after inactivity; sign in again", code="session_idle"
        )
    access_end = min(now + cfg.access_minutes * 60, refresh_end)
    claims = {
        "ep": int(user.get("token_epoch", 0)),
        "sst": started,
        "kind": "web",
        "sid": sid or secrets.token_hex(16),
    }
    access = create_access_token(
        identity=user["email"],
        additional_claims=claims,
        expires_delta=timedelta(seconds=access_end - now),
    )
    refresh = create_refresh_token(
        identity=user["email"],
        additional_claims=claims,
        expires_delta=timedelta(seconds=refresh_end - now),
    )
    _set_cookies(resp, access, refresh)
    return access_end - now


def _set_cookies(resp: Response, access: str, refresh: str, max_age: int | None = None) -> None:
    secure = secure_request()
    # Session cookies (no Max-Age) unless asked: closing the browser ends the session
    # too. The tokens inside carry the real limits.
    common: dict[str, Any] = {"path": "/", "secure": secure, "samesite": "Lax"}
    if max_age is not None:
        common["max_age"] = max_age
    resp.set_cookie(cookie_name("access", secure), access, httponly=True, **common)
    resp.set_cookie(cookie_name("refresh", secure), refresh, httponly=True, **common)
    resp.set_cookie(cookie_name("csrf_access", secure), get_csrf_token(access), **common)
    resp.set_cookie(cookie_name("csrf_refresh", secure), get_csrf_token(refresh), **common)


def start_display_session(resp: Response, who: dict[str, Any], sid: str | None = None) -> float:
    """Cookies of a display link's screen: no idle limit, no absolute limit; the refresh
    token lives ``display_session_days`` from now and every request checks the link."""
    cfg = web_config()
    lifetime = cfg.display_session_days * 86400
    claims = {"kind": "display", "sid": sid or secrets.token_hex(16), "sst": time.time()}
    access = create_access_token(
        identity=who["email"],
        additional_claims=claims,
        expires_delta=timedelta(minutes=cfg.access_minutes),
    )
    refresh = create_refresh_token(
        identity=who["email"], additional_claims=claims, expires_delta=timedelta(seconds=lifetime)
    )
    # Persistent cookies: a wall screen's browser restarts (power cut, update) and
    # should come back showing the dashboard.
    _set_cookies(resp, access, refresh, max_age=int(lifetime))
    displaylinks.seen(_state(), who)
    return cfg.access_minutes * 60.0


def end_session(resp: Response) -> None:
    for secure in (False, True):
        for kind in _COOKIES:
            resp.delete_cookie(cookie_name(kind, secure), path="/", secure=secure, samesite="Lax")


def refresh_session(idle_seconds: float) -> tuple[dict[str, Any], dict[str, Any]]:
    """The user and claims of the refresh cookie (CSRF checked); ApiError when unusable."""
    found = _cookie_user("refresh")
    if found is None:
        raise ApiError(401, "no session to refresh; sign in", code="not_authenticated")
    user, claims = found
    if claims.get("kind") not in ("web", "display"):
        raise ApiError(401, "the token is not valid here", code="token_invalid")
    return user, claims


def page_user() -> dict[str, Any] | None:
    """The user of a page visit: from the access cookie, else from the refresh cookie.

    When the refresh cookie was used, ``g.renew`` asks the after-request hook to set new
    cookies (a page visit is activity).
    """
    if request.headers.get("Authorization"):
        return optional_user()
    try:
        found = _cookie_user("access")
        if found is not None:
            g.user, g.claims = found
            return found[0]
    except ApiError:
        pass
    try:
        found = _cookie_user("refresh")
    except ApiError:
        found = None
    if found is None or found[1].get("kind") not in ("web", "display"):
        return None
    g.user, g.claims = found
    g.renew = True
    return found[0]


def renew_if_asked(resp: Response) -> Response:
    if g.get("renew") and g.get("user") is not None and g.claims.get("kind") == "display":
        start_display_session(resp, g.user, sid=g.claims.get("sid"))
    elif g.get("renew") and g.get("user") is not None:
        try:
            start_session(resp, g.user, started=float(g.claims.get("sst", time.time())))
        except ApiError:
            end_session(resp)
    return resp


def credential_check(secret: str) -> Callable[[dict[str, str]], bool]:
    """Whether a request head (waitress's header names) carries a token signed with
    ``secret`` and not expired: a bearer token or a session cookie. Cheap (no store
    lookup): it only puts a signed-in user's request ahead in the workers' queue; every
    request is still checked in full by the app."""
    names = {f"{prefix}{_COOKIES[k]}" for k in ("access", "refresh") for prefix in ("", "__Host-")}

    def valid(token: str) -> bool:
        try:
            jwt.decode(token, secret, algorithms=["HS256"], options={"require": ["exp"]})
        except PyJWTError:
            return False
        return True

    def check(headers: dict[str, str]) -> bool:
        auth = headers.get("AUTHORIZATION", "")
        if auth[:7].lower() == "bearer " and valid(auth[7:].strip()):
            return True
        cookie = headers.get("COOKIE", "")
        if not cookie:
            return False
        jar = SimpleCookie()
        try:
            jar.load(cookie)
        except CookieError:
            return False
        return any(valid(jar[name].value) for name in names if name in jar)

    return check
