"""User accounts: a frozen record per account, the queries the UI signs in with, the writes.

The store's ``users`` table in the seed's schema plus ``role`` and ``token_epoch`` (the
revocation counter every token carries). Account policy (passwords, who may change
whom, the last admin) is the web UI's (webui.accounts); this module only keeps
accounts unique by email and by username (case-insensitively), in one lock with the
insert, so two requests cannot create the same account.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from gateway.state.store import Store

TABLE = "users"

# Checks for duplicates and the write that follows must not interleave between threads.
_lock = threading.RLock()


@dataclass(frozen=True, slots=True)
class User:
    id: int
    email: str
    username: str
    full_name: str | None
    role: str
    disabled: bool
    created_at: float | None
    token_epoch: int
    hashed_password: str | None = field(default=None, repr=False)

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> User:
        return cls(
            id=int(doc.get("doc_id", 0)),
            email=str(doc["email"]),
            username=str(doc.get("username", "")),
            full_name=doc.get("full_name"),
            role=str(doc.get("role", "viewer")),
            disabled=bool(doc.get("disabled", False)),
            created_at=doc.get("created_at"),
            token_epoch=int(doc.get("token_epoch", 0)),
            hashed_password=doc.get("hashed_password"),
        )


class UserExists(Exception):
    """An account with this email (``field`` "email") or username exists."""

    def __init__(self, field: str) -> None:
        super().__init__(f"an account with this {field} exists")
        self.field = field


class NoSuchUser(Exception):
    """No account has this email or id."""


def _one(docs: list[dict[str, Any]]) -> User | None:
    return User.from_doc(docs[0]) if docs else None


class Users:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- queries ---------------------------------------------------------------------

    def by_email(self, email: str) -> User | None:
        doc = self.store.get(TABLE, email=email)
        return User.from_doc(doc) if doc is not None else None

    def by_id(self, user_id: int) -> User | None:
        doc = self.store.get_by_id(TABLE, user_id)
        return User.from_doc(doc) if doc is not None else None

    def by_username(self, username: str) -> User | None:
        low = username.strip().lower()
        return _one(
            self.store.find(
                TABLE, where=lambda d: str(d.get("username", "")).lower() == low, limit=1
            )
        )

    def find(self, login: str) -> User | None:
        """By email or username, case-insensitively."""
        login = login.strip().lower()
        if not login:
            return None
        return self.by_email(login) or self.by_username(login)

    def all(self) -> list[User]:
        return [User.from_doc(d) for d in self.store.find(TABLE)]

    def count(self) -> int:
        return self.store.count(TABLE)

    def enabled_admins(self) -> int:
        return self.store.count(TABLE, role="admin", disabled=False)

    # -- commands --------------------------------------------------------------------

    def create(
        self,
        *,
        email: str,
        username: str,
        hashed_password: str,
        full_name: str | None = None,
        role: str = "viewer",
        disabled: bool = False,
        created_at: float | None = None,
        only_if_none: bool = False,
    ) -> User:
        """Insert an account; UserExists on a taken email or username; with
        ``only_if_none``, UserExists("account") when any account exists."""
        with _lock:
            if only_if_none and self.count() > 0:
                raise UserExists("account")
            self.check_unique(email, username)
            doc = {
                "email": email,
                "username": username,
                "full_name": full_name,
                "hashed_password": hashed_password,
                "disabled": disabled,
                "role": role,
                "created_at": time.time() if created_at is None else created_at,
                "token_epoch": 0,
            }
            doc_id = self.store.insert(TABLE, doc)
        return User.from_doc({**doc, "doc_id": doc_id})

    def check_unique(self, email: str, username: str) -> None:
        if self.store.get(TABLE, email=email) is not None:
            raise UserExists("email")
        if self.by_username(username) is not None:
            raise UserExists("username")

    def revoke_tokens(self, email: str, **changes: Any) -> int:
        """Bump the account's token epoch (every token issued before stops working), with
        ``changes`` (hashed_password, disabled, role, full_name) in the same write."""
        with _lock:
            doc = self.store.get(TABLE, email=email)
            if doc is None:
                raise NoSuchUser(email)
            epoch = int(doc.get("token_epoch", 0)) + 1
            self.store.update(TABLE, {**changes, "token_epoch": epoch}, email=email)
            return epoch

    def change(self, user_id: int, changes: Mapping[str, Any], *, revoke: bool) -> User:
        """Apply ``changes`` to an account (and bump its epoch with ``revoke``)."""
        with _lock:
            doc = self.store.get_by_id(TABLE, user_id)
            if doc is None:
                raise NoSuchUser(str(user_id))
            fields = dict(changes)
            if revoke:
                fields["token_epoch"] = int(doc.get("token_epoch", 0)) + 1
            self.store.update_by_id(TABLE, user_id, fields)
            return User.from_doc({**doc, **fields})

    def rehash(self, email: str, hashed_password: str) -> None:
        """Store a password's newer hash (same password: tokens stay valid)."""
        self.store.update(TABLE, {"hashed_password": hashed_password}, email=email)

    def enable(self, email: str) -> None:
        self.store.update(TABLE, {"disabled": False}, email=email)

    @staticmethod
    def locked() -> threading.RLock:
        """The lock of account writes, for a policy check that must hold with its write."""
        return _lock


def active_emails(store: Store) -> set[str]:
    """The emails of every account not disabled."""
    return {str(d.get("email")) for d in store.find(TABLE) if not d.get("disabled", False)}
