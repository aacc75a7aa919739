"""Account policy: strong passwords, unique names, who may change whom, always one admin.

Shared by the API, the pages and the ``aastreli user`` commands; the accounts themselves
are the gateway's read model (gateway.read.users, through the facade). ``token_epoch`` is
the revocation counter: every token carries the epoch it was issued under, and logout, a
password change, a reset or disabling the account increments it, which refuses every
older token, through a restart or a power cut, since it lives in the durable store.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from gateway.facade import NoSuchUser, StateViews, User, UserExists
from webui.passwords import PasswordHashing, password_problems

# "display" is not an account's role: it is the read-only principal of a display link
# (webui.displaylinks), below every account; routes open to it declare role="display".
ROLE_RANK = {"display": 0, "viewer": 1, "operator": 2, "admin": 3}


class AccountError(Exception):
    """A refused account change; ``field`` names the input at fault (for a 4xx field error)."""

    def __init__(self, field: str, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
        self.status = status


def iso(ts: float | None) -> str | None:
    if ts is None:
        return None
    return datetime.fromtimestamp(float(ts), UTC).isoformat().replace("+00:00", "Z")


def public_user(user: User) -> dict[str, Any]:
    """An account as the API and the pages show it."""
    return shown(principal(user))


def shown(who: dict[str, Any]) -> dict[str, Any]:
    """A principal (an account's, or a display link's) as the API and the pages show it."""
    return {
        "id": who.get("doc_id"),
        "email": who["email"],
        "username": who.get("username", ""),
        "full_name": who.get("full_name"),
        "role": who.get("role", "viewer"),
        "disabled": bool(who.get("disabled", False)),
        "created_at": iso(who.get("created_at")),
    }


def principal(user: User) -> dict[str, Any]:
    """Who a request is, as the views see it (no password hash)."""
    return {
        "doc_id": user.id,
        "email": user.email,
        "username": user.username,
        "full_name": user.full_name,
        "role": user.role,
        "disabled": user.disabled,
        "token_epoch": user.token_epoch,
        "created_at": user.created_at,
    }


def check_password(password: str, email: str, username: str) -> None:
    problems = password_problems(password, email=email, username=username)
    if problems:
        raise AccountError("password", "password " + "; ".join(problems))


def _exists(err: UserExists) -> AccountError:
    if err.field == "account":
        return AccountError("setup_code", "the gateway already has an admin; sign in instead", 409)
    taken = "this username is taken" if err.field == "username" else str(err)
    return AccountError(err.field, taken, 409)


def create_user(
    state: StateViews,
    hashing: PasswordHashing,
    *,
    email: str,
    username: str,
    password: str,
    full_name: str | None = None,
    role: str = "viewer",
    only_if_no_users: bool = False,
) -> User:
    """Check the policy, hash, and insert; raises AccountError on a duplicate or weak password."""
    email = email.strip().lower()
    check_password(password, email, username)
    try:
        state.users.check_unique(email, username)  # before the costly hash
        return state.users.create(
            email=email,
            username=username,
            hashed_password=hashing.hash(password),
            full_name=full_name,
            role=role,
            only_if_none=only_if_no_users,
        )
    except UserExists as err:
        raise _exists(err) from None


def bump_epoch(state: StateViews, email: str, **fields: Any) -> int:
    """Revoke every token of the account (and apply ``fields`` in the same write)."""
    try:
        return state.users.revoke_tokens(email, **fields)
    except NoSuchUser:
        raise AccountError("email", "no such account", 404) from None


def set_password(state: StateViews, hashing: PasswordHashing, user: User, password: str) -> int:
    check_password(password, user.email, user.username)
    hashed = hashing.hash(password)
    # The caller clears the account's login counters (the owner is back in at once).
    return bump_epoch(state, user.email, hashed_password=hashed)


def update_user(
    state: StateViews, user_id: int, acting: dict[str, Any], changes: dict[str, Any]
) -> User:
    """Role, disabled flag, full name; an admin cannot lock the gateway out of admins."""
    users = state.users
    with users.locked():
        user = users.by_id(user_id)
        if user is None:
            raise AccountError("id", "no such user", 404)
        old_rank = ROLE_RANK.get(user.role, 0)
        lower = "role" in changes and ROLE_RANK[changes["role"]] < old_rank
        demote = lower and user.role == "admin"
        disable = changes.get("disabled") is True and not user.disabled
        if (demote or disable) and user.email == acting["email"]:
            raise AccountError(
                "role" if demote else "disabled",
                "you cannot demote or disable your own account; ask another admin",
                409,
            )
        if (demote or disable) and user.role == "admin" and users.enabled_admins() <= 1:
            raise AccountError("role", "the gateway must keep at least one enabled admin", 409)
        # Disabling or a lower role: tokens issued before must stop working at once.
        return users.change(user_id, changes, revoke=disable or lower)
