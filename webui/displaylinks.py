"""Display links: read-only sessions for a wall screen, made and revoked by an admin.

An admin names a screen ("Control room") and gets a link once:
``http://gateway/ui/display#<token>``. The token (32 random bytes) sits in the URL's
fragment, which browsers never send to a server, so it stays out of access logs, proxies
and the Referer; the page's script posts it to ``POST /display/session`` and drops it
from the address bar. Only the token's SHA-256 is stored (gateway.read.access).

The session that follows is a principal of role ``display``, below viewer: it may read
only what routes declare for ``display`` (the dashboard), never a setting, a target or
any write. It has no idle timeout and no absolute limit (nobody touches a wall screen):
its refresh cookie lives ``web.display_session_days`` from the last refresh. Every
request looks the link up, so revoking (deleting) it ends the screen's session at once,
through a restart or a power cut, as the store is durable.
"""

from __future__ import annotations

import time
from typing import Any

from gateway.facade import DisplayLink, StateViews

ROLE = "display"
SUBJECT_PREFIX = "display:"
SEEN_EVERY = 300.0  # seconds between writes of a link's last_seen (a store write each)


def subject(link: DisplayLink) -> str:
    return f"{SUBJECT_PREFIX}{link.id}"


def principal(state: StateViews, sub: str) -> dict[str, Any] | None:
    """The display principal of a token's subject, or None once its link was revoked."""
    try:
        link_id = int(sub.removeprefix(SUBJECT_PREFIX))
    except ValueError:
        return None
    link = state.display_links.get(link_id)
    if link is None:
        return None
    return {
        "email": sub,
        "username": link.name,
        "full_name": link.name,
        "role": ROLE,
        "disabled": False,
        "token_epoch": 0,
        "display_link": link.id,
        "last_seen": link.last_seen,
    }


def seen(state: StateViews, who: dict[str, Any]) -> None:
    """Record that the screen is alive, at most every SEEN_EVERY seconds."""
    now = time.time()
    last = who.get("last_seen")
    if last is None or now - float(last) >= SEEN_EVERY:
        state.display_links.seen(int(who["display_link"]), now)


def public(link: DisplayLink) -> dict[str, Any]:
    return {
        "id": link.id,
        "name": link.name,
        "created_by": link.created_by,
        "created_at": link.created_at,
        "last_seen": link.last_seen,
    }
