"""User accounts in the store's ``users`` table (the seed's schema plus role and token epoch).

Shared by the API, the pages and the ``aastreli user`` commands. ``token_epoch`` is the
revocation counter: every token carries the epoch it was issued under, and logout, a
password change, a reset or disabling the account increments it, which refuses every
older token, through a restart or a power cut, since it lives in the durable store.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from typing import Any

from gateway.facade import Store
from webui.passwords import PasswordHashing, password_problems

USERS = "users"
# "display" is not an account's role: it is the read-only principal of a display link
# (webui.displaylinks), below every account; routes open to it declare role="display".
ROLE_RANK = {"display": 0, "viewer": 1, "operator": 2, "admin": 3}

# Checks for duplicates and the insert that follows must not interleave between threads.
_lock = threading.RLock()


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


def public_user(doc: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": doc.get("doc_id"),
        "email": doc["email"],
        "username": doc.get("username", ""),
        "full_name": doc.get("full_name"),
        "disabled": bool(doc.get("disabled", False)),
        "role": doc.get("role", "viewer"),
        "created_at": iso(doc.get("created_at")),
    }


def find_user(store: Store, login: str) -> dict[str, Any] | None:
    """By email or username, case-insensitively."""
    login = login.strip().lower()
    if not login:
        return None
    found = store.get(USERS, email=login)
    if found is not None:
        return found
    hits = store.find(USERS, where=lambda d: str(d.get("username", "")).lower() == login, limit=1)
    return hits[0] if hits else None


def user_by_email(store: Store, email: str) -> dict[str, Any] | None:
    return store.get(USERS, email=email)


def has_users(store: Store) -> bool:
    return store.count(USERS) > 0


def enabled_admins(store: Store) -> int:
    return store.count(USERS, role="admin", disabled=False)


def check_password(password: str, email: str, username: str) -> None:
    problems = password_problems(password, email=email, username=username)
    if problems:
        raise AccountError("password", "password " + "; ".join(problems))


def create_user(
    store: Store,
    hashing: PasswordHashing,
    *,
    email: str,
    username: str,
    password: str,
    full_name: str | None = None,
    role: str = "viewer",
    only_if_no_users: bool = False,
) -> dict[str, Any]:
    """Check the policy, hash, and insert; raises AccountError on a duplicate or weak password."""
    email = email.strip().lower()
    check_password(password, email, username)
    _check_unique(store, email, username)
    hashed = hashing.hash(password)
    with _lock:
        if only_if_no_users and has_users(store):
            raise AccountError(
                "setup_code", "the gateway already has an admin; sign in instead", 409
            )
        _check_unique(store, email, username)
        doc = {
            "email": email,
            "username": username,
            "full_name": full_name,
            "hashed_password": hashed,
            "disabled": False,
            "role": role,
            "created_at": time.time(),
            "token_epoch": 0,
        }
        doc_id = store.insert(USERS, doc)
    return {**doc, "doc_id": doc_id}


def _check_unique(store: Store, email: str, username: str) -> None:
    if store.get(USERS, email=email) is not None:
        raise AccountError("email", "an account with this email exists", 409)
    low = username.lower()
    if store.find(USERS, where=lambda d: str(d.get("username", "")).lower() == low, limit=1):
        raise AccountError("username", "this username is taken", 409)


def bump_epoch(store: Store, email: str, **fields: Any) -> int:
    """Revoke every token of the account (and apply ``fields`` in the same write)."""
    with _lock:
        doc = store.get(USERS, email=email)
        if doc is None:
            raise AccountError("email", "no such account", 404)
        epoch = int(doc.get("token_epoch", 0)) + 1
        store.update(USERS, {**fields, "token_epoch": epoch}, email=email)
        return epoch


def set_password(
    store: Store, hashing: PasswordHashing, user: dict[str, Any], password: str
) -> int:
    check_password(password, user["email"], user.get("username", ""))
    hashed = hashing.hash(password)
    # The caller clears the account's login counters (the owner is back in at once).
    return bump_epoch(store, user["email"], hashed_password=hashed)


def update_user(
    store: Store, doc_id: int, acting: dict[str, Any], changes: dict[str, Any]
) -> dict[str, Any]:
    """Role, disabled flag, full name; an admin cannot lock the gateway out of admins."""
    with _lock:
        doc = store.get_by_id(USERS, doc_id)
        if doc is None:
            raise AccountError("id", "no such user", 404)
        old_rank = ROLE_RANK.get(doc.get("role", ""), 0)
        lower = "role" in changes and ROLE_RANK[changes["role"]] < old_rank
        demote = lower and doc.get("role") == "admin"
        disable = changes.get("disabled") is True and not doc.get("disabled")
        if (demote or disable) and doc["email"] == acting["email"]:
            raise AccountError(
                "role" if demote else "disabled",
                "you cannot demote or disable your own account; ask another admin",
                409,
            )
        if (demote or disable) and doc.get("role") == "admin" and enabled_admins(store) <= 1:
            raise AccountError("role", "the gateway must keep at least one enabled admin", 409)
        fields = dict(changes)
        if disable or lower:
            # Disabling or a lower role: tokens issued before must stop working at once.
            fields["token_epoch"] = int(doc.get("token_epoch", 0)) + 1
        store.update_by_id(USERS, doc_id, fields)
        out = store.get_by_id(USERS, doc_id)
        assert out is not None
        return out
