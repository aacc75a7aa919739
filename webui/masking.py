"""Masking of secrets inside notification targets, for every response and page.

A target's config can carry secrets: an SMTP password, a token in an Apprise URL
(``tgram://bot:TOKEN/chat``), the path of a Slack or Discord webhook. Every response
shows a masked copy: secret-named fields become ``MASK`` (pages say "set"), URLs keep
their scheme, host and user but lose passwords, query values and token-like path parts.

The mask is deterministic, so a client that sends back what it received (the settings
page does) keeps the stored secret: ``unmask`` restores a value whose masked form equals
what was sent. A value that still holds ``MASK`` but matches nothing stored is refused,
so a half-edited masked URL never replaces a working one.
"""

from __future__ import annotations

import re
from typing import Any

MASK = "********"
SECRET_KEY_RE = re.compile(r"pass|secret|token|key|auth|sid|credential|signature", re.IGNORECASE)
URL_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]{0,31})://(.*)$", re.DOTALL)
_HAS_LETTER = re.compile(r"[A-Za-z]")
_HAS_DIGIT = re.compile(r"[0-9]")


def _secretish(part: str) -> bool:
    """A path or host part that looks like a token rather than a word."""
    core = part.strip("#")
    if len(core) >= 20:
        return True
    return len(core) >= 8 and bool(_HAS_LETTER.search(core)) and bool(_HAS_DIGIT.search(core))


def _mask_hostport(hostport: str) -> str:
    host, sep, port = hostport.rpartition(":") if ":" in hostport else (hostport, "", "")
    if sep and not port.isdigit():
        # ``tgram://123456:TOKEN/...``: what looks like a port is a bot token.
        return f"{host}:{MASK}"
    return hostport


def mask_url(url: str) -> str:
    m = URL_RE.match(url)
    if m is None:
        return url
    scheme, rest = m.group(1), m.group(2)
    rest, hash_sep, fragment = (
        rest.partition("#") if scheme.lower().startswith("http") else (rest, "", "")
    )
    rest, qsep, query = rest.partition("?")
    netloc, slash, path = rest.partition("/")
    userinfo, at, hostport = netloc.rpartition("@")
    if at:
        user, colon, _pw = userinfo.partition(":")
        userinfo = f"{user}:{MASK}" if colon else (MASK if _secretish(user) else user)
    if hostport and not scheme.lower().startswith("http"):
        hostport = MASK if _secretish(hostport.split(":")[0]) else _mask_hostport(hostport)
    netloc = f"{userinfo}@{hostport}" if at else hostport
    path = "/".join(MASK if _secretish(p) else p for p in path.split("/"))
    if qsep:
        pairs = []
        for pair in query.split("&"):
            k, eq, v = pair.partition("=")
            pairs.append(f"{k}={MASK}" if eq and v else pair)
        query = "&".join(pairs)
    out = f"{scheme}://{netloc}{slash}{path}{qsep}{query}"
    if hash_sep:
        out += "#" + (MASK if _secretish(fragment) else fragment)
    return out


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
            f"config.{key} still holds a masked part ({MASK}); type the full value again"
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


def scrub(obj: Any, secrets: list[str]) -> Any:
    """Replace each secret string wherever it appears inside ``obj`` (an echo of a target)."""
    secrets = [s for s in secrets if s and len(s) >= 4]
    if not secrets:
        return obj
    if isinstance(obj, dict):
        return {k: scrub(v, secrets) for k, v in obj.items()}
    if isinstance(obj, list):
        return [scrub(v, secrets) for v in obj]
    if isinstance(obj, str):
        for s in sorted(secrets, key=len, reverse=True):
            if s in obj:
                obj = obj.replace(s, mask_url(s) if URL_RE.match(s) else MASK)
        return obj
    return obj
