"""The one masking of notification targets: every place a target is shown, logged or echoed.

API answers (``GET /settings``, ``POST /test-notification``), pages, log lines, the audit
trail, health errors and the delivery records of the outbox all carry
:func:`mask_address` of a target, never the address itself; the ``X-Aastreli-Delivery``
header carries an opaque id, never the URL.

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
(``webui.masking.unmask_config``).
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


def _secretish(part: str) -> bool:
    """A user name that looks like a token rather than a word."""
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
        user = MASK if _secretish(user) else user
        out += f"{user}:{MASK}@" if colon else f"{user}@"
    if hostport:
        out += _mask_hostport(hostport)
    if slash:
        out += f"/{MASK}" if path.strip("/") else "/"
    if qsep:
        pairs = []
        for pair in query.split("&"):
            k, eq, v = pair.partition("=")
            pairs.append(f"{k}={MASK}" if eq and v else (MASK if _secretish(k) else pair))
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
        return MASK if _secretish(address) else address
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
        parts.extend(p for p in userinfo.split(":")[1:] if p)
    host, _, port = hostport.partition(":") if not hostport.startswith("[") else (hostport, "", "")
    if host and not _HOSTNAME.match(host):
        parts.append(host)
    if port and not port.isdigit():
        parts.append(port)
    parts.extend(p for p in path.split("/") if len(p) >= 6)
    parts.extend(v for _, _, v in (q.partition("=") for q in query.split("&")) if len(v) >= 6)
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
