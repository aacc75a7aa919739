"""Sign-in state beside the accounts: ended sessions, login counters, display links.

All three live in the state store, so a restart or a power cut does not forget them:

- ``RevokedSessions`` (table ``revoked_sessions``): the ids of sessions signed out,
  each until the session could have lasted anyway;
- ``LoginCounters`` (table ``login_attempts``): failures per key (the web UI's
  webui.ratelimit decides what the keys are and what they cost, keeps them in memory
  and writes them all at once, at a bounded rate);
- ``DisplayLinks`` (table ``display_links``): read-only screens, each known by the
  SHA-256 of its token (the token itself is shown once and never stored).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from gateway.state.store import Store

REVOKED = "revoked_sessions"
LOGINS = "login_attempts"
DISPLAY_LINKS = "display_links"


class RevokedSessions:
    def __init__(self, store: Store) -> None:
        self.store = store

    def revoked(self, key: str) -> bool:
        return self.store.get(REVOKED, key=key) is not None

    def revoke(self, key: str, email: str, until: float) -> None:
        """End a session until ``until``; the ids of sessions that ended anyway go."""
        now = time.time()
        self.store.remove(REVOKED, where=lambda d: float(d.get("until", 0)) < now)
        self.store.insert(REVOKED, {"key": key, "email": email, "until": until})


@dataclass(frozen=True, slots=True)
class LoginCounter:
    key: str
    failures: int
    last_failure: float
    blocked_until: float
    id: int = 0  # the store's document id (0: not stored yet)
    protected: bool | None = None  # never evicted (None: written before the flag existed)

    @classmethod
    def from_doc(cls, d: Mapping[str, Any]) -> LoginCounter:
        return cls(
            key=str(d.get("key", "")),
            failures=int(d.get("failures", 0)),
            last_failure=float(d.get("last_failure", 0.0)),
            blocked_until=float(d.get("blocked_until", 0.0)),
            id=int(d.get("doc_id", 0)),
            protected=None if d.get("protected") is None else bool(d["protected"]),
        )

    def to_doc(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "key": self.key,
            "failures": self.failures,
            "last_failure": self.last_failure,
            "blocked_until": self.blocked_until,
        }
        if self.protected is not None:
            doc["protected"] = self.protected
        return doc


class LoginCounters:
    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, key: str) -> LoginCounter | None:
        doc = self.store.get(LOGINS, key=key)
        return LoginCounter.from_doc(doc) if doc is not None else None

    def all(self) -> list[LoginCounter]:
        return [LoginCounter.from_doc(d) for d in self.store.find(LOGINS)]

    def put(self, key: str, failures: int, last_failure: float, blocked_until: float) -> None:
        self.store.upsert(
            LOGINS,
            {"failures": failures, "last_failure": last_failure, "blocked_until": blocked_until},
            key=key,
        )

    def replace(self, counters: Iterable[LoginCounter]) -> None:
        """Make ``counters`` the whole table, in one write."""
        self.store.replace(LOGINS, [c.to_doc() for c in counters])

    def remove(self, keys: Callable[[str], bool]) -> int:
        """Forget the counters whose key ``keys`` accepts."""
        return self.store.remove(LOGINS, where=lambda d: keys(str(d.get("key", ""))))

    def remove_ids(self, ids: set[int]) -> int:
        return self.store.remove(LOGINS, where=lambda d: d.doc_id in ids)  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class DisplayLink:
    id: int
    name: str
    created_by: str | None
    created_at: float | None
    last_seen: float | None
    token_sha256: str = field(repr=False, default="")

    @classmethod
    def from_doc(cls, d: Mapping[str, Any]) -> DisplayLink:
        return cls(
            id=int(d["doc_id"]),
            name=str(d.get("name", "")),
            created_by=d.get("created_by"),
            created_at=d.get("created_at"),
            last_seen=d.get("last_seen"),
            token_sha256=str(d.get("token_sha256", "")),
        )


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class DisplayLinks:
    def __init__(self, store: Store) -> None:
        self.store = store

    def create(self, name: str, by: str) -> tuple[DisplayLink, str]:
        """A new link and its token (32 random bytes; shown once, never stored)."""
        token = secrets.token_urlsafe(32)
        doc = {
            "name": name,
            "token_sha256": _digest(token),
            "created_by": by,
            "created_at": time.time(),
            "last_seen": None,
        }
        doc_id = self.store.insert(DISPLAY_LINKS, doc)
        return DisplayLink.from_doc({**doc, "doc_id": doc_id}), token

    def by_token(self, token: str) -> DisplayLink | None:
        if not token or len(token) > 128:
            return None
        digest = _digest(token)
        for doc in self.store.find(DISPLAY_LINKS):
            if hmac.compare_digest(str(doc.get("token_sha256", "")), digest):
                return DisplayLink.from_doc(doc)
        return None

    def get(self, link_id: int) -> DisplayLink | None:
        doc = self.store.get_by_id(DISPLAY_LINKS, link_id)
        return DisplayLink.from_doc(doc) if doc is not None else None

    def all(self) -> list[DisplayLink]:
        return [DisplayLink.from_doc(d) for d in self.store.find(DISPLAY_LINKS)]

    def seen(self, link_id: int, at: float) -> None:
        self.store.update_by_id(DISPLAY_LINKS, link_id, {"last_seen": at})

    def revoke(self, link_id: int) -> DisplayLink | None:
        """Delete a link (its screen's session ends at the next request); the link, if any."""
        link = self.get(link_id)
        if link is not None:
            self.store.remove(DISPLAY_LINKS, token_sha256=link.token_sha256)
        return link
