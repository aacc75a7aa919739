"""The sender: publishes the outbox to the cloud broker in id order, deletes what was acknowledged.

One ``run()`` is one connection (the supervisor makes the next one after its backoff).
Messages come from two places, both in id order:

- memory: rows the sink just appended are handed over (``push``) so a live message
  is published without reading it back from SQLite;
- the backlog: rows up to ``backlog_upto`` are read back from the outbox in pages, at
  most ``drain_rate`` messages a second. The backlog is what was stored while the link
  was down (or beyond the memory cap), and, after a connection ends, everything that
  was published on it without a PUBACK.

With ``order: fifo`` (the default) the live messages wait until the backlog is sent,
so every stream reaches the broker in sequence order; with ``live_first`` they go at
once and the backlog drains beside them (each part in order; ``seq`` lets the cloud
merge them).

The outbox is the sinks' durable buffer (gateway.sinks.buffer); this is its MQTT user: a
PUBACK is the acknowledgement that deletes a row (``acked``, an ``Acknowledged``: the
sink deletes what it holds with its next append, in the same transaction; when no
append comes within ``ACK_FLUSH_S``, the sender deletes them on its own). A PUBACK with an
MQTT 5 failure reason (0x80 and above) is not a delivery: the row stays and is sent
again after ``retry_refused_s``. A connection that ends loses nothing: what it had in
flight is still in the outbox and goes out again on the next one, which is the only
source of duplicates (a PUBACK that never arrived).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from typing import Protocol

from gateway.config.upstream import UpstreamConfig
from gateway.gmqtt_seam import PubackCallback
from gateway.health import ComponentHealth
from gateway.sinks.buffer import Acknowledged
from gateway.upstream.client import Inbound, UpstreamClient, UpstreamError
from gateway.upstream.outbox import Outbox, OutboxError, Row

log = logging.getLogger("gateway.upstream.forwarder")

# Rows kept in memory for the sender; beyond this the oldest are read back from disk.
MEM_LIMIT_BYTES = 8 * 1024 * 1024
PAGE = 256  # backlog rows read per query
ACK_FLUSH_S = 0.05  # delete acknowledged rows at least this often...
ACK_FLUSH_N = 1024  # ...or when this many are waiting
SETTLE_S = 1.0  # on a clean stop, wait this long for PUBACKs of what is in flight

# MQTT 5 reason codes a broker may put in a PUBACK (§3.4.2.1).
REASONS = {
    0x10: "No matching subscribers",
    0x80: "Unspecified error",
    0x83: "Implementation specific error",
    0x87: "Not authorized",
    0x90: "Topic Name invalid",
    0x91: "Packet Identifier in use",
    0x97: "Quota exceeded",
    0x99: "Payload format invalid",
}


class Link(Protocol):
    lost: asyncio.Event
    window: int

    async def connect(self) -> None: ...
    def publish(self, topic: str, payload: bytes, qos: int) -> int | None: ...
    async def close(self, *, graceful: bool = True) -> None: ...


ClientFactory = Callable[..., Link]


class Forwarder:
    def __init__(
        self,
        outbox: Outbox,
        config: UpstreamConfig,
        *,
        gateway_id: str,
        health: ComponentHealth,
        client_factory: ClientFactory = UpstreamClient,
    ) -> None:
        self.outbox = outbox
        self.config = config
        self.gateway_id = gateway_id
        self.health = health
        self._factory = client_factory
        self._qos = config.qos
        self._live_first = config.order == "live_first"
        self._rate = config.drain_rate
        self._burst = max(1.0, config.drain_rate / 10)
        self._mem: deque[Row] = deque()
        self._mem_bytes = 0
        self._backlog_upto = outbox.max_id  # rows up to here are read back from disk...
        self._throttle_upto = outbox.max_id  # ...and up to here at drain_rate
        self._cursor = 0
        self._page: deque[Row] = deque()
        self._sent_upto = 0
        self._resend_upto = outbox.max_id  # rows up to here may have been sent before
        self._inflight: dict[int, Row] = {}
        self.acked = Acknowledged(outbox, every_s=ACK_FLUSH_S, every_n=ACK_FLUSH_N)
        self._refused: dict[int, float] = {}
        self._wake = asyncio.Event()
        self._tokens = self._burst
        self._last_fill = time.monotonic()
        self._last_refusal_log = 0.0
        self.connected = False
        self.on_progress: Callable[[], None] | None = None  # after each batch of deletes
        # Extension points for another upstream format (Sparkplug B): awaited after each
        # connect before anything from the outbox is sent (births, waiting for a host);
        # and a row's payload as it goes out, built at send time (a per-session seq).
        self.on_connect: Callable[[Link], Awaitable[None]] | None = None
        self.payload_at_send: Callable[[Row], bytes] | None = None
        # Takers of inbound messages (the command channel), handed to every connection.
        self.inbound: list[Inbound] = []
        # Counters beside health (messages): readings delivered, refusals, resends.
        self.delivered_readings = 0
        self.refused = 0
        self.resent = 0

    # -- input from the sink ---------------------------------------------------------

    def push(self, rows: Sequence[Row], dropped_upto: int = 0) -> None:
        """Rows the sink has just committed, in id order; forget rows the budget dropped."""
        if dropped_upto:
            while self._mem and self._mem[0].id <= dropped_upto:
                self._mem_bytes -= self._mem.popleft().bytes
            while self._page and self._page[0].id <= dropped_upto:
                self._page.popleft()
            self._cursor = max(self._cursor, min(dropped_upto, self._backlog_upto))
        for r in rows:
            self._mem.append(r)
            self._mem_bytes += r.bytes
        while self._mem_bytes > MEM_LIMIT_BYTES:
            # Beyond the memory cap rows are read back from disk; stored while the link
            # is down they are backlog, stored while it is up they are only late.
            r = self._mem.popleft()
            self._mem_bytes -= r.bytes
            self._backlog_upto = max(self._backlog_upto, r.id)
            if not self.connected:
                self._throttle_upto = max(self._throttle_upto, r.id)
        self.health.received += len(rows)
        self._wake.set()

    @property
    def backlog_active(self) -> bool:
        return bool(self._page) or self._cursor < self._backlog_upto

    @property
    def inflight(self) -> int:
        return len(self._inflight)

    # -- one connection --------------------------------------------------------------

    async def run(self) -> None:
        client = self._factory(self.config, gateway_id=self.gateway_id, on_puback=self._on_puback)
        if isinstance(client, UpstreamClient):
            client.inbound = self.inbound
        self._on_lost_hook(client)
        try:
            await client.connect()
            if self.on_connect is not None:
                await self.on_connect(client)
            self.connected = True
            self.health.extra["window"] = client.window
            self.health.up()
            self._cursor = 0
            self._page.clear()
            # What was stored while the link was down is the backlog, drained at
            # drain_rate; it is all on disk, so memory only keeps what comes from now on.
            if self._mem:
                self._backlog_upto = max(self._backlog_upto, self._mem[-1].id)
                self._mem.clear()
                self._mem_bytes = 0
            self._throttle_upto = max(self._throttle_upto, self._backlog_upto)
            self._tokens = self._burst
            self._last_fill = time.monotonic()
            await self._pump(client)
        except asyncio.CancelledError:
            await self._settle(client)
            raise
        finally:
            self.connected = False
            self._connection_ended()
            await self._flush_acks()
            await client.close()

    def _on_lost_hook(self, client: Link) -> None:
        wake = self._wake

        async def watch() -> None:
            await client.lost.wait()
            wake.set()

        task = asyncio.get_running_loop().create_task(watch(), name="upstream-link-watch")
        self._watch = task  # kept referenced until the next connection

    def _connection_ended(self) -> None:
        watch = getattr(self, "_watch", None)
        if watch is not None:
            watch.cancel()
        # Everything published on this connection without a PUBACK is still in the
        # outbox: the next connection reads it back from the start.
        self._backlog_upto = max(self._backlog_upto, self._sent_upto)
        self._throttle_upto = max(self._throttle_upto, self._backlog_upto)
        self._resend_upto = max(self._resend_upto, self._sent_upto)
        self._inflight.clear()
        self._page.clear()
        self._cursor = 0

    async def _pump(self, client: Link) -> None:
        while True:
            if client.lost.is_set():
                raise UpstreamError("connection to the cloud broker lost")
            now = time.monotonic()
            if self.acked.due(now):
                await self._flush_acks()
            sent = 0
            if self._refused:
                sent += self._send_retries(client, now)
            if self.backlog_active:
                sent += self._send_backlog(client)
            if self._live_first or not self.backlog_active:
                sent += self._send_live(client)
            if sent:
                # Let the sources and the pipeline run between bursts.
                await asyncio.sleep(0)
                continue
            self._wake.clear()
            await self._sleep(self._idle_timeout(now))

    async def _sleep(self, timeout: float) -> None:
        """Until ``_wake`` is set or ``timeout`` passes. Not ``asyncio.wait_for``: on
        Python 3.11 it drops a cancellation that meets the wake (a push, a PUBACK), and
        the sender would go on sending after it was told to stop."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                await self._wake.wait()

    def _idle_timeout(self, now: float) -> float:
        t = 1.0
        if self.acked:
            t = min(t, self.acked.wait(now))
        if self.backlog_active and self._tokens < 1 and self._room():
            t = min(t, (1 - self._tokens) / self._rate)
        if self._refused:
            t = min(t, max(0.001, min(self._refused.values()) - now))
        return t

    def _room(self, client: Link | None = None) -> int:
        window = client.window if client is not None else self.config.max_inflight
        return window - len(self._inflight)

    def _publish(self, client: Link, row: Row) -> None:
        payload = row.payload if self.payload_at_send is None else self.payload_at_send(row)
        mid = client.publish(row.key, payload, self._qos)
        if mid is None:
            # QoS 0: handed to the socket is all the broker will ever say.
            self._delivered(row)
        else:
            self._inflight[mid] = row
        if row.id > self._sent_upto:
            self._sent_upto = row.id

    def _send_live(self, client: Link) -> int:
        sent = 0
        room = self._room(client)
        while room > 0 and self._mem:
            row = self._mem.popleft()
            self._mem_bytes -= row.bytes
            self._publish(client, row)
            room -= 1
            sent += 1
        return sent

    def _send_backlog(self, client: Link) -> int:
        sent = 0
        room = self._room(client)
        self._refill()
        while room > 0:
            if self._tokens < 1 and (
                self._page[0].id <= self._throttle_upto
                if self._page
                else self._cursor < self._throttle_upto
            ):
                break
            if not self._page:
                if self._cursor >= self._backlog_upto:
                    break
                self._page.extend(
                    self.outbox.read_after(self._cursor, upto=self._backlog_upto, limit=PAGE)
                )
                if not self._page:
                    self._cursor = self._backlog_upto
                    break
            row = self._page.popleft()
            self._cursor = row.id
            if row.id in self.acked or row.id in self._refused:
                continue
            if row.id <= self._resend_upto:
                self.resent += 1
            self._publish(client, row)
            if row.id <= self._throttle_upto:
                self._tokens -= 1
            room -= 1
            sent += 1
        return sent

    def _refill(self) -> None:
        now = time.monotonic()
        self._tokens = min(self._burst, self._tokens + (now - self._last_fill) * self._rate)
        self._last_fill = now

    def _send_retries(self, client: Link, now: float) -> int:
        room = self._room(client)
        due = sorted(i for i, t in self._refused.items() if t <= now)[: max(0, room)]
        if not due:
            return 0
        for i in due:
            del self._refused[i]
        rows = self.outbox.read_ids(due)
        for row in rows:
            self._publish(client, row)
        return len(rows)

    # -- acknowledgements ------------------------------------------------------------

    def _on_puback(self, mid: int, reason: int) -> None:
        row = self._inflight.pop(mid, None)
        if row is None:
            return  # the status message, or a connection that already ended
        if reason >= 0x80:
            self._refused[row.id] = time.monotonic() + self.config.retry_refused_s
            self.refused += 1
            text = REASONS.get(reason, "refused")
            self.health.error(f"broker refused a message on {row.key}: 0x{reason:02x} {text}")
            now = time.monotonic()
            if now - self._last_refusal_log >= 60:
                self._last_refusal_log = now
                log.warning(
                    "the cloud broker refused a message on %s (0x%02x %s); kept, sent again"
                    " in %g s",
                    row.key,
                    reason,
                    text,
                    self.config.retry_refused_s,
                    extra={"component": self.health.name, "event": "refused"},
                )
        else:
            self._delivered(row)
        self._wake.set()

    def _delivered(self, row: Row) -> None:
        self.acked.add(row.id)
        self.health.sent += 1
        self.delivered_readings += row.readings

    async def _flush_acks(self) -> None:
        try:
            deleted = await self.acked.flush()
        except OutboxError as err:
            # Not deleted yet, so they would be sent again: kept for the next flush.
            self.health.error(err)
            return
        if deleted and self.on_progress is not None:
            self.on_progress()

    async def _settle(self, client: Link) -> None:
        """On a clean stop: a moment for the PUBACKs of what is in flight (fewer resends)."""
        deadline = time.monotonic() + SETTLE_S
        while self._inflight and not client.lost.is_set():
            left = deadline - time.monotonic()
            if left <= 0:
                break
            self._wake.clear()
            await self._sleep(left)

    def stats(self) -> dict[str, int | bool]:
        return {
            "connected": self.connected,
            "inflight": len(self._inflight),
            "refused_waiting": len(self._refused),
            "refused_total": self.refused,
            "resent_total": self.resent,
            "delivered_readings": self.delivered_readings,
            "backlog_active": self.backlog_active,
        }


__all__ = ["Forwarder", "PubackCallback"]
