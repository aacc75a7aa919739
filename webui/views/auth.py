"""Accounts area: first-run setup, registration, login (bearer and browser session), logout, me."""

from __future__ import annotations

import hmac
import json
import logging
from typing import Any

from flask import Blueprint, Response, g, request

from gateway.facade import User
from webui import accounts
from webui.accounts import AccountError
from webui.api import AUTHENTICATED, PUBLIC, ApiError, api_route, field_error, json_response
from webui.auth import (
    end_session,
    refresh_session,
    revoke_session,
    start_display_session,
    start_session,
    web_config,
)
from webui.context import services
from webui.passwords import HashingBusy
from webui.ratelimit import Throttled
from webui.schemas import (
    LoginIn,
    LogoutQuery,
    PasswordChangeIn,
    RefreshIn,
    RegisterIn,
    SetupIn,
    TokenOut,
    UserOut,
)

bp = Blueprint("auth", __name__)
log = logging.getLogger("webui.auth")


def client_address() -> str:
    return request.remote_addr or "unknown"


def account_error(err: AccountError) -> ApiError:
    if err.status == 422:
        return field_error("body", err.field, err.message)
    return ApiError(err.status, err.message, code=err.field)


def with_body(resp: Response, data: dict[str, Any]) -> Response:
    resp.set_data(json.dumps(data, separators=(",", ":")))
    return resp


def _throttled(err: Throttled) -> ApiError:
    return ApiError(429, str(err), headers={"Retry-After": str(err.retry_after)}, code="throttled")


def _busy(err: HashingBusy) -> ApiError:
    return ApiError(503, str(err), headers={"Retry-After": "5"}, code="busy")


def authenticate(body: LoginIn, via: str) -> dict[str, Any]:
    """Check the password with throttling and auditing; upgrade an old hash on success."""
    svc = services()
    ip = client_address()
    user = svc.state.users.find(body.login)
    account = user.email if user else body.login[:254].lower()
    try:
        svc.throttle.check_login(account, ip)
    except Throttled as err:
        svc.tally.count("login_throttled", ip, body.login)
        raise _throttled(err) from None
    stored = user.hashed_password if user else None
    try:
        ok = svc.hashing.verify(stored, body.password)
    except HashingBusy as err:
        raise _busy(err) from None
    if not ok:
        svc.throttle.login_failed(account, ip, known=user is not None)
        svc.tally.count("login_failed", ip, body.login)
        raise ApiError(401, "wrong email or password", code="bad_credentials")
    assert user is not None and stored is not None
    if user.disabled:
        svc.state.audit.record("login_refused", email=user.email, ip=ip, via=via, reason="disabled")
        raise ApiError(403, "this account is disabled; ask an admin", code="disabled")
    svc.throttle.login_succeeded(account, ip)
    if svc.hashing.needs_upgrade(stored):
        try:
            svc.state.users.rehash(user.email, svc.hashing.hash(body.password))
            svc.state.audit.record("password_rehashed", email=user.email)
        except HashingBusy:
            pass  # upgraded at a later login
    svc.state.audit.record("login", email=user.email, ip=ip, via=via)
    return accounts.principal(user)


@api_route(
    bp,
    "/setup",
    "POST",
    role=PUBLIC,
    body=SetupIn,
    response=UserOut,
    status=201,
    summary="Create the first admin with the one-time setup code (only while no account exists)",
)
def setup(user: None, body: SetupIn) -> Any:
    svc = services()
    ip = client_address()
    if svc.state.users.count():
        raise ApiError(409, "the gateway already has an admin; sign in instead", code="setup_done")
    keys = [f"setup:{ip}", "setup:*"]
    try:
        svc.throttle.check(keys)
    except Throttled as err:
        raise _throttled(err) from None
    expected = str(svc.facade.secrets.get("setup_code", ""))
    given = body.setup_code.strip()
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        svc.throttle.failure(keys)
        svc.tally.count("setup_failed", ip)
        raise field_error(
            "body",
            "setup_code",
            "wrong setup code (it is printed in the gateway's log and console at first start)",
        )
    try:
        created = accounts.create_user(
            svc.state,
            svc.hashing,
            email=body.email,
            username=body.username,
            password=body.password,
            full_name=body.full_name,
            role="admin",
            only_if_no_users=True,
        )
    except AccountError as err:
        raise account_error(err) from None
    except HashingBusy as err:
        raise _busy(err) from None
    svc.state.audit.record("setup_admin_created", email=created.email, ip=ip)
    log.info("first admin %s created from %s", created.email, ip)
    return json_response(accounts.public_user(created), 201)


REGISTERED = (
    "if this email and this username were both free, the account now exists: sign in "
    "with them; otherwise sign in with the account you have or choose others"
)


@api_route(
    bp,
    "/register",
    "POST",
    role=PUBLIC,
    body=RegisterIn,
    status=202,
    summary="Open self-registration (off unless web.allow_registration); new accounts are "
    "viewers. The answer is the same whether the email or username was taken or free",
    responses={403: "registration is closed", 429: "too many registrations: wait"},
)
def register(user: None, body: RegisterIn) -> Any:
    svc = services()
    if not web_config().allow_registration:
        raise ApiError(403, "registration is closed; ask an admin for an account", code="closed")
    if not svc.state.users.count():
        raise ApiError(
            409, "the gateway has no admin yet; complete the first-run setup", code="setup_needed"
        )
    ip = client_address()
    # Every attempt counts, per address and for the whole gateway: a few free, then
    # doubling delays (each registration is a hash and writes of the state file).
    keys = [f"register:{ip}", "register-all:*"]
    try:
        svc.throttle.check(keys)
        accounts.check_password(body.password, body.email.strip().lower(), body.username)
        svc.throttle.failure(keys)
        created = _create_viewer(body)
    except Throttled as err:
        svc.tally.count("register_throttled", ip)
        raise _throttled(err) from None
    except AccountError as err:
        raise account_error(err) from None
    except HashingBusy as err:
        raise _busy(err) from None
    if created is not None:
        svc.state.audit.record("registered", email=created.email, ip=ip)
    else:
        svc.tally.count("register_taken", ip, body.email)
    # One answer for a free and a taken name: no way to learn who has an account here.
    return json_response({"detail": REGISTERED}, 202)


def _create_viewer(body: RegisterIn) -> User | None:
    """The new account, or None when the email or username is taken (after a hash all the
    same, so that the time of the answer does not tell either)."""
    svc = services()
    try:
        return accounts.create_user(
            svc.state,
            svc.hashing,
            email=body.email,
            username=body.username,
            password=body.password,
            full_name=body.full_name,
            role="viewer",
        )
    except AccountError as err:
        if err.status != 409:
            raise
        svc.hashing.hash(body.password)
        return None


@api_route(
    bp,
    "/login",
    "POST",
    role=PUBLIC,
    body=LoginIn,
    response=TokenOut,
    summary="Bearer token for API clients (JSON body; a password in the URL is refused)",
    responses={401: "wrong email or password", 429: "too many failures: wait"},
)
def login(user: None, body: LoginIn) -> Any:
    found = authenticate(body, "api")
    from webui.auth import api_token

    token, lifetime = api_token(found)
    return json_response({"access_token": token, "token_type": "bearer", "expires_in": lifetime})


@api_route(
    bp,
    "/session",
    "POST",
    role=PUBLIC,
    body=LoginIn,
    summary="Browser sign-in: sets HttpOnly JWT cookies and readable CSRF cookies",
    responses={401: "wrong email or password", 429: "too many failures: wait"},
)
def session(user: None, body: LoginIn) -> Any:
    found = authenticate(body, "browser")
    resp = json_response({})
    lifetime = start_session(resp, found)
    return with_body(resp, {"user": _public(found), "expires_in": int(lifetime)})


@api_route(
    bp,
    "/session/refresh",
    "POST",
    role=PUBLIC,
    body=RefreshIn,
    summary="Renew the browser session's cookies (refresh cookie and X-CSRF-TOKEN of it)",
    responses={401: "the session ended (idle, limit or revoked)"},
)
def session_refresh(user: None, body: RefreshIn) -> Any:
    found, claims = refresh_session(body.idle_seconds)
    resp = json_response({})
    if claims.get("kind") == "display":
        # A wall screen is never idle: nobody touches it.
        lifetime = start_display_session(resp, found, sid=claims.get("sid"))
        return with_body(resp, {"expires_in": int(lifetime)})
    lifetime = start_session(
        resp,
        found,
        started=float(claims.get("sst", 0.0)),
        idle_seconds=body.idle_seconds,
        sid=claims.get("sid"),
    )
    return with_body(resp, {"expires_in": int(lifetime)})


@api_route(
    bp,
    "/logout",
    "POST",
    role=PUBLIC,
    query=LogoutQuery,
    summary="Sign out: clears the cookies and revokes this session (every session and "
    "token of the account with everywhere=true); with cookies, X-CSRF-TOKEN is required",
    responses={403: "cookies without their CSRF value (another site cannot sign you out)"},
)
def logout(user: None, query: LogoutQuery) -> Any:
    from webui.auth import signing_out_user

    svc = services()
    who, claims = signing_out_user()  # 403 for cookies without their CSRF value
    everywhere = query.everywhere
    if who is not None and who.get("role") == "display":
        # A display link's screen ends its own session; the link stays for an admin.
        revoke_session(who, claims or {})
        everywhere = False
        svc.state.audit.record("logout", email=who["email"], ip=client_address(), everywhere=False)
    elif who is not None:
        if everywhere or not revoke_session(who, claims or {}):
            accounts.bump_epoch(svc.state, who["email"])
            everywhere = True
        svc.state.audit.record(
            "logout", email=who["email"], ip=client_address(), everywhere=everywhere
        )
    resp = json_response(
        {"detail": "signed out", "revoked": who is not None, "everywhere": everywhere}
    )
    end_session(resp)
    return resp


@api_route(bp, "/me", "GET", role=AUTHENTICATED, response=UserOut, summary="The signed-in user")
def me(user: dict[str, Any]) -> Any:
    return json_response(_public(user))


def _account(user: dict[str, Any]) -> User:
    """The signed-in principal's account as stored now."""
    found = services().state.users.by_email(user["email"])
    if found is None:
        raise ApiError(401, "the token was revoked; sign in again", code="token_revoked")
    return found


def _public(user: dict[str, Any]) -> dict[str, Any]:
    return accounts.public_user(_account(user))


@api_route(
    bp,
    "/me/password",
    "POST",
    role=AUTHENTICATED,
    body=PasswordChangeIn,
    summary="Change your password; revokes your other sessions and tokens",
)
def change_password(user: dict[str, Any], body: PasswordChangeIn) -> Any:
    svc = services()
    account = _account(user)
    try:
        svc.throttle.check_login(user["email"], client_address())
        ok = svc.hashing.verify(account.hashed_password, body.current_password)
    except Throttled as err:
        raise _throttled(err) from None
    except HashingBusy as err:
        raise _busy(err) from None
    if not ok:
        svc.throttle.login_failed(user["email"], client_address(), known=True)
        raise field_error("body", "current_password", "the current password is wrong")
    try:
        accounts.set_password(svc.state, svc.hashing, account, body.new_password)
        svc.throttle.clear_account(account.email)
    except AccountError as err:
        raise field_error("body", "new_password", err.message) from None
    except HashingBusy as err:
        raise _busy(err) from None
    svc.state.audit.record("password_changed", email=user["email"], ip=client_address())
    resp = json_response({"detail": "password changed; other sessions were signed out"})
    if not request.headers.get("Authorization"):
        # This browser stays signed in: new cookies under the new epoch.
        fresh = accounts.principal(_account(user))
        start_session(resp, fresh, started=float(g.claims.get("sst", 0.0)) or None)
    return resp
