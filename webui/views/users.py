"""Users area (admins): list, add, change role, disable, reset a password; the audit trail."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from webui import accounts
from webui.accounts import AccountError
from webui.api import ApiError, api_route, field_error, json_response
from webui.context import services
from webui.passwords import HashingBusy
from webui.schemas import AuditQuery, ResetPasswordIn, UserCreateIn, UserOut, UserUpdateIn
from webui.views.auth import account_error, client_address

bp = Blueprint("users", __name__)


@api_route(bp, "/users", "GET", role="admin", summary="Every account")
def list_users(user: dict[str, Any]) -> Any:
    users = services().state.users.all()
    return json_response({"users": [accounts.public_user(u) for u in users]})


@api_route(
    bp,
    "/users",
    "POST",
    role="admin",
    body=UserCreateIn,
    response=UserOut,
    status=201,
    summary="Create an account with a role",
)
def create_user(user: dict[str, Any], body: UserCreateIn) -> Any:
    svc = services()
    try:
        created = accounts.create_user(
            svc.state,
            svc.hashing,
            email=body.email,
            username=body.username,
            password=body.password,
            full_name=body.full_name,
            role=body.role,
        )
    except AccountError as err:
        raise account_error(err) from None
    except HashingBusy as err:
        raise ApiError(503, str(err), headers={"Retry-After": "5"}) from None
    svc.state.audit.record(
        "user_created",
        email=created.email,
        role=body.role,
        by=user["email"],
        ip=client_address(),
    )
    return json_response(accounts.public_user(created), 201)


@api_route(
    bp,
    "/users/<int:user_id>",
    "PATCH",
    role="admin",
    body=UserUpdateIn,
    response=UserOut,
    summary="Change an account's role, disabled flag or full name",
    responses={404: "no such user", 409: "would leave no enabled admin"},
)
def update_user(user: dict[str, Any], user_id: int, body: UserUpdateIn) -> Any:
    svc = services()
    changes = body.model_dump(exclude_none=True)
    try:
        changed = accounts.update_user(svc.state, user_id, user, changes)
    except AccountError as err:
        raise account_error(err) from None
    svc.state.audit.record("user_updated", email=changed.email, by=user["email"], **changes)
    return json_response(accounts.public_user(changed))


@api_route(
    bp,
    "/users/<int:user_id>/reset-password",
    "POST",
    role="admin",
    body=ResetPasswordIn,
    summary="Set a new password for another account; its sessions and tokens are revoked",
    responses={404: "no such user", 409: "use /me/password for your own"},
)
def reset_password(user: dict[str, Any], user_id: int, body: ResetPasswordIn) -> Any:
    svc = services()
    target = svc.state.users.by_id(user_id)
    if target is None:
        raise ApiError(404, "no such user", code="not_found")
    if target.email == user["email"]:
        raise ApiError(409, "change your own password with POST /me/password", code="own_account")
    try:
        accounts.set_password(svc.state, svc.hashing, target, body.password)
        svc.throttle.clear_account(target.email)  # the owner is back in at once
    except AccountError as err:
        raise field_error("body", "password", err.message) from None
    except HashingBusy as err:
        raise ApiError(503, str(err), headers={"Retry-After": "5"}) from None
    svc.state.audit.record(
        "password_reset", email=target.email, by=user["email"], ip=client_address()
    )
    return json_response({"detail": "password set; the account's sessions were signed out"})


@api_route(
    bp,
    "/audit",
    "GET",
    role="admin",
    query=AuditQuery,
    summary="The audit trail, newest first (sign-ins, failures, account and setting changes)",
)
def audit(user: dict[str, Any], query: AuditQuery) -> Any:
    services().tally.flush()  # the failures of the minute in progress too
    events = services().state.audit.newest(event=query.event, limit=query.limit)
    return json_response({"events": [{**e.to_dict(), "time": accounts.iso(e.ts)} for e in events]})
