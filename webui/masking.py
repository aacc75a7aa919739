"""Masking of secrets inside notification targets, for every response and page.

A target's config can carry secrets: an SMTP password, a token in an Apprise URL
(``tgram://bot:TOKEN/chat``), the path of a Slack or Discord webhook. Every response
shows a masked copy: secret-named fields become ``MASK`` (pages say "set"), URLs are
masked by ``gateway.alerts.masking.mask_url``, the one masking of targets that logs,
records and answers share: scheme, host and user kept; passwords, paths, query values
(Apprise ``+Header`` values too) and fragments hidden.

The mask is deterministic, so a client that sends back what it received (the settings
page does) keeps the stored secret: ``unmask`` restores a value whose masked form equals
what was sent. A value that still holds ``MASK`` but matches nothing stored is refused,
so a half-edited masked URL never replaces a working one.
"""

from __future__ import annotations

import re
from typing import Any

from gateway.facade import MASK, URL_RE, mask_url, scrub

__all__ = [
    "MASK",
    "URL_RE",
    "mask_config",
    "mask_deep",
    "mask_url",
    "mask_value",
    "scrub",
    "unmask_config",
]

SECRET_KEY_RE = re.compile(r"pass|secret|token|key|auth|sid|credential|signature", re.IGNORECASE)


def mask_value(key: str, value: Any) -> Any:
    if not isinstance(value, str) or not value:
        return value
    if SECRET_KEY_RE.search(key):
        return MASK
    if URL_RE.match(value):
        return mask_url(value)
    return value


def mask_config(config: dict[str, Any]) -> dict[str, Any]:
    return {k: mask_value(k, v) for k, v in config.items()}


def mask_action(action: dict[str, Any]) -> dict[str, Any]:
    return {**action, "config": mask_config(dict(action.get("config") or {}))}


def masked_keys(config: dict[str, Any]) -> list[str]:
    """The fields whose shown value differs from the stored one (pages mark them "set")."""
    return [k for k, v in config.items() if mask_value(k, v) != v]


class MaskedValueError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(
            f"This still holds a hidden part ({MASK}): leave it exactly as shown to keep "
            "the saved value, or type the whole value again."
        )
        self.key = key


def unmask_config(sent: dict[str, Any], stored: dict[str, Any] | None) -> dict[str, Any]:
    """Put back stored secrets where the client sent their masked form."""
    stored = stored or {}
    out = {}
    for key, value in sent.items():
        if isinstance(value, str) and MASK in value:
            old = stored.get(key)
            if isinstance(old, str) and mask_value(key, old) == value:
                value = old
            else:
                raise MaskedValueError(key)
        out[key] = value
    return out


def mask_deep(obj: Any) -> Any:
    """Mask secrets anywhere in a record (alert deliveries may name their targets)."""
    if isinstance(obj, dict):
        return {
            k: (mask_value(k, v) if isinstance(v, str) else mask_deep(v)) for k, v in obj.items()
        }
    if isinstance(obj, list):
        return [mask_deep(v) for v in obj]
    if isinstance(obj, str) and URL_RE.match(obj):
        return mask_url(obj)
    return obj
