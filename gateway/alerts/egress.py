"""Where a notification may connect: ``alerts.allow_private_targets``, on every connection.

A webhook, Slack or Apprise target is an address a user typed: without a policy the
gateway would make requests, with any method and headers Apprise allows, to the cloud
metadata service (169.254.169.254), to its own loopback ports or to any device of the
plant. So while a delivery attempt to such a target runs, every ``socket.connect`` of
the process made on its behalf is checked (a Python audit hook, so it covers requests,
Apprise's plugins and smtplib alike, redirects and DNS answers that change between two
lookups included) against the policy:

- ``lan`` (default): public addresses and the private ranges a plant LAN uses
  (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7); loopback, link-local
  (169.254/16, fe80::/10), unspecified, multicast and reserved addresses are refused;
- ``public``: public addresses only;
- ``all``: no check (a receiver on the gateway itself, the tests').

"On its behalf" is carried by a context variable: Apprise runs its plugins on its own
threads with a copy of the caller's context, so the check follows. Email and SMS go to
the operator's configured SMTP server and Twilio, not to an address a user typed, and
are not checked. A refused connection fails the attempt for good, with the reason.
"""

from __future__ import annotations

import contextlib
import contextvars
import ipaddress
import socket
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

TargetPolicy = Literal["lan", "public", "all"]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class TargetRefused(PermissionError):
    """A delivery tried to connect where ``alerts.allow_private_targets`` forbids."""


@dataclass
class _Guard:
    policy: TargetPolicy
    refused: str | None = None


_guard: contextvars.ContextVar[_Guard | None] = contextvars.ContextVar(
    "aastreli_target_guard", default=None
)
_install_lock = threading.Lock()
_installed = False


def refusal(address: IPAddress, policy: TargetPolicy) -> str | None:
    """Why the policy refuses a connection to this address, or None."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if policy == "all":
        return None
    for kind, hit in (
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("unspecified", address.is_unspecified),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
    ):
        if hit:
            return f"{address} is a {kind} address"
    if policy == "public" and not address.is_global:
        return f"{address} is a private address"
    return None


def _addresses(host: str, port: Any) -> list[IPAddress]:
    try:
        return [ipaddress.ip_address(host.split("%", 1)[0])]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        return []  # the connect itself will fail
    return [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event != "socket.connect":
        return
    guard = _guard.get()
    if guard is None or guard.policy == "all":
        return
    sock, address = args
    if sock.family not in (socket.AF_INET, socket.AF_INET6) or not isinstance(address, tuple):
        guard.refused = "a connection that is not TCP/IP"
        raise TargetRefused(guard.refused)
    for ip in _addresses(str(address[0]), address[1]):
        reason = refusal(ip, guard.policy)
        if reason is not None:
            guard.refused = f"{reason}: refused by alerts.allow_private_targets ({guard.policy})"
            raise TargetRefused(guard.refused)


def install() -> None:
    """Add the audit hook (once per process; hooks cannot be removed, so it is cheap:
    one comparison per audited event outside a delivery)."""
    global _installed
    with _install_lock:
        if not _installed:
            sys.addaudithook(_audit)
            _installed = True


@contextlib.contextmanager
def guarded(policy: TargetPolicy) -> Iterator[_Guard]:
    """Check every connection made in this context (and copies of it) against ``policy``."""
    install()
    guard = _Guard(policy)
    token = _guard.set(guard)
    try:
        yield guard
    finally:
        _guard.reset(token)
