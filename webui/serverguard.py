"""A guard around waitress: per-address caps, read deadlines and fair turns for the workers.

waitress (3.0) serves the UI well but was not made for a hostile LAN: its
``connection_limit`` is one number for everyone (110 half-open connections from one
address and it stops accepting anybody: the admin's login waited 20 s), its
``channel_timeout`` only closes idle connections (one byte every few seconds keeps a
connection forever) and its task queue is first come, first served (under 48 addresses'
logins the admin's waited 18 s). No other WSGI server we could run in the gateway's
process does per-address limits either, so this module adds them to waitress, and is the
one place that touches its internals (checked at import):

- **Accept**: the server never stops accepting. A connection beyond
  ``max_connections_per_address`` from one address is closed at once (that address's
  own problem); when the server holds ``max_connections``, the connection without a
  whole request that has waited longest, from the address holding the most connections,
  is closed to make room. A new connection (the admin's) always gets in.
- **Deadlines**: a request's head must arrive within ``read_timeout`` of its first byte
  (or of the connection's start); its body may pause at most ``read_timeout`` and must
  come at 8 KiB/s on average; a kept-alive connection idle for a minute is closed.
- **Fair turns**: requests wait for a worker thread per address. Requests that carry a
  signed, unexpired session or token go first (the reserve); the others are served
  address by address, the one served longest ago first, so the admin's login from a
  fresh address is next in line however many others are queued. An address with
  ``max_requests_per_address`` requests queued or in service gets 429 for more, answered
  without the app (a page's static files are not counted: a browser loads them six at a
  time).

Connections from ``web.trusted_proxy`` (balena's public-URL proxy) are not capped per
address (every remote user comes through them); their requests take their turn by the
address the proxy forwarded.
"""

from __future__ import annotations

import ipaddress
import logging
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer
from waitress.task import ThreadedTaskDispatcher
from waitress.utilities import Error

log = logging.getLogger("webui.serverguard")

# The internals this module relies on, checked once at import (the attributes waitress
# sets in its constructors are checked at install): a waitress that renamed them fails
# here, loudly, instead of leaving the UI unguarded.
_USED = {
    HTTPChannel: ("received", "handle_close", "service", "cancel"),
    BaseWSGIServer: ("handle_accept", "readable", "accept", "set_socket_options", "fix_addr"),
    ThreadedTaskDispatcher: ("handler_thread", "add_task", "set_thread_count"),
}
for _owner, _names in _USED.items():
    for _name in _names:
        if not callable(getattr(_owner, _name, None)):
            raise ImportError(f"waitress {_owner.__name__}.{_name} is gone: see {__name__}")

MIN_BODY_RATE = 8 * 1024  # bytes/s a request body must average
IDLE_TIMEOUT = 60.0  # seconds a kept-alive connection may wait for its next request
Credentialed = Callable[[dict[str, str]], bool]


class TooManyRequests(Error):
    code = 429
    reason = "Too Many Requests"

    def to_response(self, ident: str | None = None) -> tuple[str, list[tuple[str, str]], bytes]:
        status, headers, body = super().to_response(ident)
        return status, [*headers, ("Retry-After", "2")], body


class Limits:
    """What the guard enforces (from web.*), and which peers are trusted proxies."""

    def __init__(
        self,
        *,
        max_connections: int,
        per_address: int,
        requests_per_address: int,
        read_timeout: float,
        trusted: Iterable[str] = (),
    ) -> None:
        self.max_connections = max_connections
        self.per_address = per_address
        self.requests_per_address = requests_per_address
        self.read_timeout = read_timeout
        self.trusted = [ipaddress.ip_network(n, strict=False) for n in trusted if n != "*"]
        self.trust_all = "*" in trusted

    def is_proxy(self, ip: str) -> bool:
        if self.trust_all:
            return True
        try:
            addr = ipaddress.ip_address(ip.split("%", 1)[0])
        except ValueError:
            return False
        return any(addr in net for net in self.trusted)

    def client(self, ip: str, headers: dict[str, str]) -> str:
        """The address a request takes its turn by: the peer's, or the proxy's forwarded one."""
        if self.is_proxy(ip):
            forwarded = headers.get("X_FORWARDED_FOR", "").split(",")[-1].strip()
            if forwarded:
                return forwarded
        return ip


# -- connections --------------------------------------------------------------------------


class _Watch:
    """Per-channel times the deadlines are measured from (monotonic)."""

    __slots__ = ("body_at", "body_bytes", "started")

    def __init__(self) -> None:
        self.started = time.monotonic()  # first byte of the request being read
        self.body_at: float | None = None
        self.body_bytes = 0


def _peer(channel: Any) -> str:
    addr = getattr(channel, "addr", None)
    return str(addr[0]) if isinstance(addr, tuple) and addr else str(addr)


def guarded_channel(base: type[HTTPChannel]) -> type[HTTPChannel]:
    """``base`` (waitress's channel, or the body limit's) that records its read times."""

    class GuardedChannel(base):  # type: ignore[misc,valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            self.watch = _Watch()
            super().__init__(*args, **kwargs)

        def received(self, data: bytes) -> bool:
            starting = self.request is None
            result: bool = super().received(data)
            now = time.monotonic()
            request = self.request
            if request is None:  # whole request(s) read: the next starts with its first byte
                self.watch = _Watch()
                self.watch.started = float("inf")
            elif starting:
                self.watch.started = now
            if request is not None and request.headers_finished:
                if self.watch.body_at is None:
                    self.watch.body_at = now
                self.watch.body_bytes += len(data)
            return result

    return GuardedChannel


def _late(channel: Any, limits: Limits, now: float) -> str | None:
    """Why a channel is past a deadline (None when it is not)."""
    if channel.requests:
        return None  # a whole request is being served: the worker decides
    watch: _Watch = channel.watch
    request = channel.request
    idle = time.time() - channel.last_activity
    if request is None:
        if watch.started == float("inf"):
            return "idle" if idle > IDLE_TIMEOUT else None
        return "no request" if now - watch.started > limits.read_timeout else None
    if not request.headers_finished:
        return "slow head" if now - watch.started > limits.read_timeout else None
    if idle > limits.read_timeout:
        return "stalled body"
    assert watch.body_at is not None
    allowed = limits.read_timeout + watch.body_bytes / MIN_BODY_RATE
    return "slow body" if now - watch.body_at > allowed else None


class _ServerGuard:
    """The server's side: accept, shed, and the deadlines checked once a second."""

    def __init__(self, server: Any, limits: Limits) -> None:
        self.server = server
        self.limits = limits
        self.next_tick = 0.0
        self.next_report = time.monotonic() + 60.0
        self.refused = Counter[str]()

    def channels(self) -> list[Any]:
        return list(self.server.active_channels.values())

    def readable(self) -> bool:
        now = time.monotonic()
        if now >= self.next_tick:
            self.next_tick = now + 1.0
            self.sweep(now)
            if now >= self.next_report:
                self.report(now)
        return bool(self.server.accepting)

    def report(self, now: float) -> None:
        """One line a minute at most while connections or requests are refused."""
        self.next_report = now + 60.0
        queue = getattr(self.server, "fair_queue", None)
        counts = dict(self.refused)
        if queue is not None and queue.too_many:
            counts["too many requests"] = queue.too_many
            queue.too_many = 0
        self.refused.clear()
        if counts:
            log.warning(
                "web UI under load: closed or refused in the last minute: %s",
                ", ".join(f"{n} {what}" for what, n in sorted(counts.items())),
                extra={"event": "web_guard", **{k.replace(" ", "_"): v for k, v in counts.items()}},
            )

    def sweep(self, now: float) -> None:
        # Called while waitress lists the sockets to wait on: closing one now would hand a
        # closed descriptor to select(). Marked, waitress closes it in this same pass.
        for channel in self.channels():
            reason = _late(channel, self.limits, now) if not channel.will_close else None
            if reason is not None:
                self.refused[reason] += 1
                channel.will_close = True

    def handle_accept(self) -> None:
        server = self.server
        try:
            pair = server.accept()
            if pair is None:
                return
            conn, addr = pair
            server.set_socket_options(conn)
        except OSError:
            return
        ip = str(addr[0]) if isinstance(addr, tuple) else str(addr)
        channels = self.channels()
        if not self.limits.is_proxy(ip):
            mine = sum(1 for c in channels if _peer(c) == ip)
            if mine >= self.limits.per_address:
                self.refused["per address"] += 1
                conn.close()  # that address holds its share already
                return
        if len(channels) >= self.limits.max_connections:
            self.shed(channels)
        server.channel_class(server, conn, server.fix_addr(addr), server.adj, map=server._map)

    def shed(self, channels: list[Any]) -> None:
        """Close the connection waiting longest without a whole request, from the address
        holding the most connections (never a trusted proxy's while another will do)."""
        idle = [c for c in channels if not c.requests]
        if not idle:
            return
        held = Counter(_peer(c) for c in channels)
        victim = max(
            idle,
            key=lambda c: (
                not self.limits.is_proxy(_peer(c)),
                held[_peer(c)],
                -c.last_activity,
            ),
        )
        self.refused["shed"] += 1
        victim.handle_close()


# -- turns for the worker threads ---------------------------------------------------------


class _Turn:
    """A channel's turn in a worker thread; gives the address's slot back when done."""

    def __init__(self, channel: Any, key: str, queue: FairQueue) -> None:
        self.channel = channel
        self.key = key
        self.queue = queue

    def service(self) -> None:
        try:
            self.channel.service()
        finally:
            self.queue.done(self.key)

    def cancel(self) -> None:
        try:
            self.channel.cancel()
        finally:
            self.queue.done(self.key)


def _cheap(request: Any) -> bool:
    """A request the cap per address leaves alone: a page's own files load in parallel
    (a browser opens up to six connections), and each costs next to nothing."""
    path = str(getattr(request, "path", "") or "")
    return path.startswith("/static/") or path in ("/healthz", "/favicon.ico")


class FairQueue:
    """waitress's task queue, served credentialed first, then the address served longest ago.

    Called with the dispatcher's lock held (append from waitress's loop or a worker,
    popleft from a worker).
    """

    def __init__(self, limits: Limits, credentialed: Credentialed) -> None:
        self.limits = limits
        self.credentialed = credentialed
        self.urgent: deque[_Turn] = deque()  # 429 answers and credentialed requests
        self.waiting: dict[str, deque[_Turn]] = {}
        self.busy = Counter[str]()  # queued or in service, per address
        self.served: dict[str, float] = {}  # address -> monotonic time of its last turn
        self.too_many = 0

    def __len__(self) -> int:
        return len(self.urgent) + sum(len(q) for q in self.waiting.values())

    def __bool__(self) -> bool:
        return len(self) > 0

    def __iter__(self) -> Iterator[_Turn]:
        yield from self.urgent
        for q in self.waiting.values():
            yield from q

    def append(self, channel: Any) -> None:
        request = channel.requests[0] if channel.requests else None
        headers = dict(getattr(request, "headers", None) or {})
        key = self.limits.client(_peer(channel), headers)
        turn = _Turn(channel, key, self)
        self.busy[key] += 1
        if request is not None and not request.error and self.credentialed(headers):
            self.urgent.append(turn)  # the reserve: a signed-in user's request goes first
        elif (
            request is not None
            and self.busy[key] > self.limits.requests_per_address
            and not _cheap(request)
        ):
            self.too_many += 1
            request.error = TooManyRequests(
                "too many requests from your address at once; wait for the answers"
            )
            self.urgent.append(turn)  # answered at once, without the app
        else:
            self.waiting.setdefault(key, deque()).append(turn)

    def popleft(self) -> _Turn:
        if self.urgent:
            return self.urgent.popleft()
        key = min(self.waiting, key=lambda k: self.served.get(k, 0.0))
        queue = self.waiting[key]
        turn = queue.popleft()
        if not queue:
            del self.waiting[key]
        self.served[key] = time.monotonic()
        if len(self.served) > 4 * self.limits.max_connections:
            for old in sorted(self.served, key=self.served.__getitem__)[: len(self.served) // 2]:
                del self.served[old]
        return turn

    def done(self, key: str) -> None:
        with self.lock:
            self.busy[key] -= 1
            if self.busy[key] <= 0:
                del self.busy[key]

    lock = threading.Lock()  # replaced by the dispatcher's own lock at install


def install(server: Any, limits: Limits, credentialed: Credentialed) -> _ServerGuard:
    """Guard a waitress server made by ``create_server`` (one listening socket)."""
    for name in ("active_channels", "channel_class", "task_dispatcher", "adj", "_map"):
        if not hasattr(server, name):
            raise RuntimeError(f"waitress's server has no {name}: see {__name__}")
    dispatcher = server.task_dispatcher
    if not (hasattr(dispatcher, "queue") and hasattr(dispatcher, "lock")):
        raise RuntimeError(f"waitress's task dispatcher changed: see {__name__}")
    guard = _ServerGuard(server, limits)
    server.channel_class = guarded_channel(server.channel_class)
    server.readable = guard.readable
    server.handle_accept = guard.handle_accept
    # waitress's own limit and idle sweep would stop accepting and close our way twice.
    server.adj.connection_limit = 1 << 30
    server.adj.cleanup_interval = 1 << 30
    queue = FairQueue(limits, credentialed)
    queue.lock = dispatcher.lock  # type: ignore[misc]
    with dispatcher.lock:
        queue.urgent.extend(_Turn(c, _peer(c), queue) for c in dispatcher.queue)
        dispatcher.queue = queue
    server.guard = guard
    server.fair_queue = queue
    return guard
