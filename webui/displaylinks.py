"""Display links: read-only sessions for a wall screen, made and revoked by an admin.

An admin names a screen ("Control room") and gets a link once:
``http://gateway/ui/display#<token>``. The token (32 random bytes) sits in the URL's
fragment, which browsers never send to a server, so it stays out of access logs, proxies
and the Referer; the page's script posts it to ``POST /display/session`` and drops it
from the address bar. Only the token's SHA-256 is stored (table ``display_links``).

The session that follows is a principal of role ``display``, below viewer: it may read
only what routes declare for ``display`` (the dashboard), never a setting, a target or
any write. It has no idle timeout and no absolute limit (nobody touches a wall screen):
its refresh cookie lives ``web.display_session_days`` from the last refresh. Every
request looks the link up, so revoking (deleting) it ends the screen's session at once,
through a restart or a power cut, as the store is durable.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from typing import Any

from gateway.facade import Store

TABLE = "display_links"
ROLE = "display"
SUBJECT_PREFIX = "display:"
SEEN_EVERY = 300.0  # seconds between writes of a link's last_seen (a store write each)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create(store: Store, name: str, by: str) -> tuple[dict[str, Any], str]:
    """A new link's record and its token (shown once, never stored)."""
    token = secrets.token_urlsafe(32)
    doc = {
        "name": name,
        "token_sha256": _digest(token),
        "created_by": by,
        "created_at": time.time(),
        "last_seen": None,
    }
    doc_id = store.insert(TABLE, doc)
    return {**doc, "doc_id": doc_id}, token


def find_by_token(store: Store, token: str) -> dict[str, Any] | None:
    if not token or len(token) > 128:
        return None
    digest = _digest(token)
    for doc in store.find(TABLE):
        if hmac.compare_digest(doc["token_sha256"], digest):
            return doc
    return None


def subject(link: dict[str, Any]) -> str:
    return f"{SUBJECT_PREFIX}{link['doc_id']}"


def principal(store: Store, sub: str) -> dict[str, Any] | None:
    """The display principal of a token's subject, or None once its link was revoked."""
    try:
        link_id = int(sub.removeprefix(SUBJECT_PREFIX))
    except ValueError:
        return None
    link = store.get_by_id(TABLE, link_id)
    if link is None:
        return None
    return {
        "email": sub,
        "username": link["name"],
        "full_name": link["name"],
        "role": ROLE,
        "disabled": False,
        "token_epoch": 0,
        "display_link": link_id,
        "last_seen": link.get("last_seen"),
    }


def seen(store: Store, who: dict[str, Any]) -> None:
    """Record that the screen is alive, at most every SEEN_EVERY seconds."""
    now = time.time()
    last = who.get("last_seen")
    if last is None or now - float(last) >= SEEN_EVERY:
        store.update_by_id(TABLE, int(who["display_link"]), {"last_seen": now})


def public(doc: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": doc["doc_id"],
        "name": doc["name"],
        "created_by": doc.get("created_by"),
        "created_at": doc.get("created_at"),
        "last_seen": doc.get("last_seen"),
    }


def revoke(store: Store, link_id: int) -> dict[str, Any] | None:
    doc = store.get_by_id(TABLE, link_id)
    if doc is not None:
        store.remove(TABLE, token_sha256=doc["token_sha256"])
    return doc
