"""Notification targets: the seed's ``faultActions`` entries, normalised, keyed and masked.

A target's key (``email:ops@plant.org``) identifies where a message goes, so one event
reaches each address once even when two users list it. Its shown form is what logs,
the UI and the alert records carry: ``gateway.masking.mask_address``, so tokens,
passwords and Apprise ``+Header`` values never leave the gateway's storage.

Apprise is imported only when an address needs it (an email check), so a gateway
without such targets does not carry it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from gateway.logs import REDACTOR
from gateway.masking import ADDRESS_KEYS, mask_address, mask_url, secret_values

__all__ = [
    "Target",
    "from_action",
    "is_email",
    "mask",
    "mask_url",
    "normal_address",
    "phone",
    "remember_targets",
]

TYPES = ("email", "sms", "webhook", "slack", "apprise")


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
    """The form of an address that may be logged and shown (``gateway.masking``)."""
    return mask_address(kind, address)


def remember_targets(actions: Any) -> None:
    """Register the secrets of ``faultActions`` entries with the log redaction."""
    for action in actions if isinstance(actions, list) else []:
        config = action.get("config") if isinstance(action, dict) else None
        if isinstance(config, dict):
            REDACTOR.add(secret_values(config, str(action.get("type", ""))))
