"""The one masking policy of secrets: what of a target's fields may be shown, logged or echoed.

The gateway (alert records, log lines, health errors, the redaction of every log record
in gateway.logs) and the web UI (API answers, pages; through gateway.facade) use these
functions and no other, so the two never disagree about a field. A target's config is
masked field by field with :func:`mask_value`:

- a field whose name says secret (``password``, ``token``, ``auth_token``, ``key``,
  ``sid``...) becomes ``MASK``;
- a URL is masked by :func:`mask_url` (below);
- the target's address field (``ADDRESS_KEYS``) by :func:`mask_address`;
- any other value that looks like a token (:func:`secretish`) becomes ``MASK``, except in
  the fields that are plain by nature (an email address, a phone number, a name): a
  Slack token typed into ``channel`` is masked whatever the field, ``#alerts`` is not.

``X-Aastreli-Delivery`` headers carry an opaque id, never the URL.

For a URL (webhook, Slack, any Apprise URL) what is kept is where it goes, not what
unlocks it:

- the scheme;
- the user of ``user:password@`` (the password becomes ``MASK``; a token-like user too);
- a host that is a DNS name or an address, and a numeric port (a host or port that is
  not, such as ``tgram://BOTID:TOKEN`` or ``slack://TokenA/...``, becomes ``MASK``);
- a path becomes ``/MASK`` (webhook and Slack URLs carry their token in the path);
- each query value becomes ``MASK``, keys kept: ``?+X-Api-Key=MASK&to=MASK`` (Apprise's
  ``+Header`` / ``-Header`` / ``:field`` values, ``token=``, ``to=``);
- a fragment becomes ``MASK``.

Email addresses and phone numbers are shown as they are. The mask is deterministic, so
a client sending back what it was shown can be matched with the stored value
(:func:`unmask_config`): a value that still holds ``MASK`` but matches nothing stored
is refused, so a half-edited masked URL never replaces a working one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

MASK = "********"
URL_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]{0,31})://(.*)$", re.DOTALL)
_HAS_LETTER = re.compile(r"[A-Za-z]")
_HAS_DIGIT = re.compile(r"[0-9]")
_HOSTNAME = re.compile(
    r"^(?:localhost|\[[0-9A-Fa-f:.]+\]|[0-9]{1,3}(?:\.[0-9]{1,3}){3}"
    r"|(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})\.)+[A-Za-z][A-Za-z0-9-]{0,62})$"
)


# The field of a target's config that holds its address, per target type (the seed's).
ADDRESS_KEYS = {
    "email": "email",
    "sms": "phone",
    "webhook": "url",
    "slack": "channel",
    "apprise": "url",
}
SECRET_KEY_RE = re.compile(r"pass|secret|token|key|auth|sid|credential|signature", re.IGNORECASE)
# Fields shown as they are even when their value looks like a token (ops2024@plant.org).
PLAIN_KEYS = frozenset({"email", "phone", "to", "from", "name", "title", "subject", "id"})
# faultActions types whose config holds no secret: a device write names a fault, a point
# and a value (gateway.writes.fault_actions), shown as they are.
PLAIN_KINDS = frozenset({"device_write"})


def secretish(part: str) -> bool:
    """A value that looks like a token rather than a word (a user name, a channel)."""
    core = part.strip("#")
    if len(core) >= 20:
        return True
    return len(core) >= 8 and bool(_HAS_LETTER.search(core)) and bool(_HAS_DIGIT.search(core))


def _mask_hostport(hostport: str) -> str:
    if hostport.startswith("["):  # [v6]:port
        host, _, rest = hostport.partition("]")
        host += "]"
        port = rest[1:] if rest.startswith(":") else ""
        has_port = rest.startswith(":")
    else:
        host, has_colon, port = hostport.partition(":")
        has_port = bool(has_colon)
    shown = host if _HOSTNAME.match(host) else MASK
    if has_port:
        shown += ":" + (port if port.isdigit() else MASK)
    return shown


def mask_url(url: str) -> str:
    """The shown form of one URL (see the module's doc); a non-URL becomes ``MASK``."""
    m = URL_RE.match(url.strip())
    if m is None:
        return MASK
    scheme, rest = m.group(1), m.group(2)
    rest, hash_sep, _fragment = rest.partition("#")
    rest, qsep, query = rest.partition("?")
    netloc, slash, path = rest.partition("/")
    userinfo, at, hostport = netloc.rpartition("@")
    out = f"{scheme}://"
    if at:
        user, colon, _pw = userinfo.partition(":")
        user = MASK if secretish(user) else user
        out += f"{user}:{MASK}@" if colon else f"{user}@"
    if hostport:
        out += _mask_hostport(hostport)
    if slash:
        out += f"/{MASK}" if path.strip("/") else "/"
    if qsep:
        pairs = []
        for pair in query.split("&"):
            k, eq, v = pair.partition("=")
            pairs.append(f"{k}={MASK}" if eq and v else (MASK if secretish(k) else pair))
        out += "?" + "&".join(pairs)
    if hash_sep:
        out += "#" + MASK
    return out


def mask_address(kind: str, address: str) -> str:
    """The form of a target's address that may be shown, logged, stored in records or echoed."""
    if kind in ("email", "sms"):
        return address
    if URL_RE.match(address.strip()):
        return mask_url(address)
    if kind == "slack":  # a channel name ("#alerts") is not secret; a token-like string is
        return MASK if secretish(address) else address
    return MASK if address else address


def scrub_text(text: str, secrets: Iterable[str]) -> str:
    """Replace each secret (an address or a secret part of it) wherever ``text`` quotes it."""
    for s in sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True):
        if s in text:
            text = text.replace(s, mask_url(s) if URL_RE.match(s) else MASK)
    return text


def secret_parts(address: str) -> list[str]:
    """The address and the pieces of it that the mask hides (for scrubbing quotes of them)."""
    parts = [address]
    m = URL_RE.match(address.strip())
    if m is None:
        return parts
    rest = m.group(2)
    rest, _, fragment = rest.partition("#")
    rest, _, query = rest.partition("?")
    netloc, _, path = rest.partition("/")
    userinfo, at, hostport = netloc.rpartition("@")
    if at:
        user, _, password = userinfo.partition(":")
        parts.extend(p for p in (password, user if secretish(user) else "") if p)
    host, _, port = hostport.partition(":") if not hostport.startswith("[") else (hostport, "", "")
    if host and not _HOSTNAME.match(host):
        parts.append(host)
    if port and not port.isdigit():
        parts.append(port)
    # Token-like pieces only: a plain word of the path ("webhook", "services") quoted in a
    # log line is no secret, and scrubbing it would blank that word in every later line.
    parts.extend(p for p in path.split("/") if secretish(p))
    for key, _, value in (q.partition("=") for q in query.split("&")):
        if len(value) >= 6 and (secretish(value) or SECRET_KEY_RE.search(key)):
            parts.append(value)
    if fragment:
        parts.append(fragment)
    return parts


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
        return scrub_text(obj, secrets)
    return obj


# -- a target's config, field by field ---------------------------------------------------


def mask_value(key: str, value: Any, kind: str = "") -> Any:
    """The shown form of one field of a target's config (see the module's doc)."""
    if not isinstance(value, str) or not value:
        return value
    if SECRET_KEY_RE.search(key):
        return MASK
    if kind in PLAIN_KINDS:
        return value
    if URL_RE.match(value.strip()):
        return mask_url(value)
    if kind and key == ADDRESS_KEYS.get(kind):
        return mask_address(kind, value)
    if key.lower() not in PLAIN_KEYS and secretish(value):
        return MASK
    return value


def mask_config(config: dict[str, Any], kind: str = "") -> dict[str, Any]:
    return {k: mask_value(k, v, kind) for k, v in config.items()}


def mask_action(action: dict[str, Any]) -> dict[str, Any]:
    """A ``faultActions`` entry with its config masked."""
    kind = str(action.get("type", ""))
    return {**action, "config": mask_config(dict(action.get("config") or {}), kind)}


def secret_values(config: dict[str, Any], kind: str = "") -> list[str]:
    """The values of a config that the mask hides, and their secret parts (for scrubbing)."""
    out: list[str] = []
    for key, value in config.items():
        if isinstance(value, str) and value and mask_value(key, value, kind) != value:
            out.extend(secret_parts(value.strip()))
    return out


class MaskedValueError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(
            f"This still holds a hidden part ({MASK}): leave it exactly as shown to keep "
            "the saved value, or type the whole value again."
        )
        self.key = key


def unmask_config(
    sent: dict[str, Any], stored: dict[str, Any] | None, kind: str = ""
) -> dict[str, Any]:
    """Put back stored secrets where the client sent their masked form."""
    stored = stored or {}
    out = {}
    for key, value in sent.items():
        if isinstance(value, str) and MASK in value:
            old = stored.get(key)
            if isinstance(old, str) and mask_value(key, old, kind) == value:
                value = old
            else:
                raise MaskedValueError(key)
        out[key] = value
    return out


def mask_deep(obj: Any) -> Any:
    """Mask secrets anywhere in a record (alert deliveries may name their targets): a
    field whose name says secret, and every URL. Not the token look of a target's fields
    (:func:`secretish`): a record's own words (an asset id such as
    ``industrial_sensor_2``, an operator's note, a written point) are shown as they are;
    the targets in it come in their shown form already."""
    if isinstance(obj, dict):
        return {
            k: (_record_value(k, v) if isinstance(v, str) else mask_deep(v)) for k, v in obj.items()
        }
    if isinstance(obj, list):
        return [mask_deep(v) for v in obj]
    if isinstance(obj, str) and URL_RE.match(obj):
        return mask_url(obj)
    return obj


def _record_value(key: str, value: str) -> str:
    if SECRET_KEY_RE.search(key):
        return MASK
    return mask_url(value) if URL_RE.match(value) else value


# Config fields whose string values are credentials (not ``key``: trusted_keys and
# client_key hold public keys and paths, which a log may name).
CONFIG_SECRET_RE = re.compile(r"password|secret|token|_sid$|credential", re.IGNORECASE)


def secret_fields(tree: Any) -> list[str]:
    """The string values under credential-named keys anywhere in a config tree."""
    out: list[str] = []
    if isinstance(tree, dict):
        for key, value in tree.items():
            if isinstance(value, str) and CONFIG_SECRET_RE.search(str(key)):
                out.append(value)
            else:
                out.extend(secret_fields(value))
    elif isinstance(tree, list):
        for value in tree:
            out.extend(secret_fields(value))
    return out
