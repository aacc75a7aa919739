"""Notification targets: the seed's ``faultActions`` entries, normalised, keyed and masked.

A target's key (``email:ops@plant.org``) identifies where a message goes, so one event
reaches each address once even when two users list it. Its shown form is what logs,
the UI and the alert records carry: Apprise's privacy form of the URL, so tokens in
Slack, Teams or ntfy URLs never leave the gateway's storage.

Apprise is imported only when an address needs it (an email check, the shown form of
a Slack or Apprise URL), so a gateway without such targets does not carry it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

TYPES = ("email", "sms", "webhook", "slack", "apprise")

# The key inside ``config`` that holds each type's address (the seed's schema).
ADDRESS_KEYS = {
    "email": "email",
    "sms": "phone",
    "webhook": "url",
    "slack": "channel",
    "apprise": "url",
}

_PHONE_STRIP = re.compile(r"[\s().-]")
_PHONE = re.compile(r"^\+?[0-9]{7,15}$")


@dataclass(frozen=True, slots=True)
class Target:
    type: str
    address: str  # as the user gave it (whitespace trimmed); holds secrets for URLs
    user: str = ""

    @property
    def key(self) -> str:
        return f"{self.type}:{normal_address(self.type, self.address)}"

    @property
    def shown(self) -> str:
        return mask(self.type, self.address)


def from_action(action: dict[str, Any], user: str = "") -> Target | None:
    """A target from one ``faultActions`` entry; None for an unknown type."""
    kind = str(action.get("type", "")).strip().lower()
    if kind not in TYPES:
        return None
    config = action.get("config") or {}
    address = config.get(ADDRESS_KEYS[kind], "") if isinstance(config, dict) else ""
    return Target(kind, str(address or "").strip(), user)


def normal_address(kind: str, address: str) -> str:
    if kind == "email":
        return address.lower()
    if kind == "sms":
        return _PHONE_STRIP.sub("", address)
    return address


def phone(address: str) -> str | None:
    """The number in E.164-like form, or None when it is not a phone number."""
    digits = _PHONE_STRIP.sub("", address)
    return digits if _PHONE.match(digits) else None


def is_email(address: str) -> bool:
    if not address:
        return False
    from apprise.utils.parse import is_email as apprise_is_email

    return bool(apprise_is_email(address))


def mask(kind: str, address: str) -> str:
    """The form of an address that may be logged and shown."""
    if kind in ("email", "sms"):
        return address
    if kind in ("slack", "apprise") and address:
        import apprise

        plugin = apprise.Apprise.instantiate(address)
        if plugin is not None:
            return str(plugin.url(privacy=True))
    return mask_url(address)


def mask_url(url: str) -> str:
    """Scheme, host and port of a URL; its password, path and query hidden.

    Webhook URLs often carry their token in the path or the query string
    (``/hooks/<secret>``), so only where it goes is shown.
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "****"
    if not parts.scheme or not host:
        return "****"
    user = f"{parts.username}@" if parts.username else ""
    if parts.password:
        user = f"{parts.username}:****@"
    tail = "/****" if parts.path.strip("/") or parts.query else "/"
    return f"{parts.scheme}://{user}{host}{port}{tail}"
