"""The upstream sink: scored readings and alert events become outbox messages, sent to the cloud.

The sink groups the scored readings per asset into messages (``prepare``: JSON in the
seed's shape plus the prediction, up to ``batch_max_readings`` readings or
``batch_max_bytes`` bytes each) and appends them to the outbox in one transaction;
only then do the readings leave the sink's queue, so a crash loses nothing the sink
took off its queue. The run loop waits up to ``linger_ms`` after the first reading of
a batch arrived at the gateway, so one message carries several readings under load
while a lone reading is not held long. Alert events (``alert.*`` on the event hub)
go the same way to the alerts topic, and changes of an asset's data state
(``asset.state``, gateway.assets) to its state topic.

Commits are pipelined (a group commit): while one transaction commits in the outbox's
thread (its fsync), the loop encodes what arrived meanwhile, in chunks of
``ENCODE_CHUNK`` readings or more, and everything encoded by the time the commit ends
goes into the next transaction (up to ``MAX_GROUP`` readings). So encoding overlaps
the disk, a transaction carries what arrived during the previous one, and under load
the commits follow each other without a gap. One transaction at a time: the outbox
numbers each stream in order. The ids of messages the cloud acknowledged since the
last commit are deleted in the same transaction (``Acknowledged.take``), so deletes
cost no sync of their own and never hold an append back.

A second supervised task, started by ``start()`` in the runtime's TaskGroup
(``QueuedSink.spawn``), is the sender (Forwarder): it keeps the connection to the
cloud broker and drains the outbox. The queue depth reported
for this sink counts the readings not yet delivered to the cloud: those in the
queue and those in the outbox.
The messages' shape is gateway.upstream.encoder's.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gateway.config.upstream import UpstreamConfig
from gateway.health import ComponentHealth
from gateway.records import Scored
from gateway.sinks.base import QueuedSink
from gateway.supervisor import Backoff
from gateway.upstream.client import Inbound
from gateway.upstream.encoder import MessageEncoder
from gateway.upstream.forwarder import ClientFactory, Forwarder
from gateway.upstream.outbox import OUTBOX_FILE, AppendResult, NewMessage, Outbox, OutboxError

if TYPE_CHECKING:
    from gateway.events import EventHub
    from gateway.sinks.registry import SinkContext

log = logging.getLogger("gateway.upstream")

MAX_BATCH = 2000  # readings encoded at a time (encoding them holds the loop ~10 ms)
ENCODE_CHUNK = 256  # while a commit runs, encode once this many readings wait
MAX_GROUP = 10_000  # readings per outbox transaction at most
MAX_PENDING_ALERTS = 10_000  # alert events waiting for the outbox (a full disk)
OUTBOX_RETRY_S = 2.0  # wait after a failed append before the next try


@dataclass(slots=True)
class _Group:
    """Messages for one outbox transaction: encoded, then committing (``future``)."""

    messages: list[NewMessage] = field(default_factory=list)
    readings: int = 0  # the oldest queue items it holds (after the group before it)
    alerts: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    delete: list[int] = field(default_factory=list)  # acknowledged ids deleted with it
    future: asyncio.Future[AppendResult] | None = None

    def __bool__(self) -> bool:
        return bool(self.messages) or bool(self.readings)

    def done(self) -> bool:
        return self.future is not None and self.future.done()


class UpstreamSink(QueuedSink[Scored]):
    name = "upstream"

    def __init__(
        self,
        config: UpstreamConfig,
        *,
        gateway_id: str,
        data_dir: Path,
        health: ComponentHealth,
        link_health: ComponentHealth,
        events: EventHub | None = None,
        max_queue: int = 200_000,
        client_factory: ClientFactory | None = None,
    ) -> None:
        super().__init__(health, max_queue=max_queue, max_batch=MAX_BATCH)
        self.config = config
        self.gateway_id = gateway_id
        self.path = Path(data_dir) / OUTBOX_FILE
        self.link_health = link_health
        self.encoder = MessageEncoder(config, gateway_id)
        self.linger = config.linger_ms / 1000
        self.outbox: Outbox | None = None
        self.forwarder: Forwarder | None = None
        self._client_factory = client_factory
        # Takers of inbound messages on the upstream connection (gateway.commands).
        self.inbound: list[Inbound] = []
        self._alerts: list[tuple[str, dict[str, Any]]] = []
        self._sender: asyncio.Task[None] | None = None
        self._last_drop_log = 0.0
        if events is not None:
            events.subscribe(self._on_event)

    # -- alert events ----------------------------------------------------------------

    def _on_event(self, kind: str, payload: dict[str, Any]) -> None:
        if not (kind.startswith("alert.") or kind in ("asset.state", "write.record")):
            return
        if len(self._alerts) >= MAX_PENDING_ALERTS:
            self.link_health.dropped += 1
            return
        self._alerts.append((kind, dict(payload)))
        self.queue.poke()

    # -- lifecycle -------------------------------------------------------------------

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        if self.outbox is None:
            cfg = self.config
            self.outbox = await loop.run_in_executor(
                None,
                lambda: Outbox(
                    self.path,
                    max_bytes=int(cfg.max_mb * 1024 * 1024),
                    overflow=cfg.overflow,
                    fsync=cfg.fsync,
                ),
            )
            kwargs: dict[str, Any] = {}
            if self._client_factory is not None:
                kwargs["client_factory"] = self._client_factory
            self.forwarder = Forwarder(
                self.outbox, cfg, gateway_id=self.gateway_id, health=self.link_health, **kwargs
            )
            self.forwarder.on_progress = self.refresh_health
            self.forwarder.inbound = self.inbound
            if self.outbox.messages:
                log.info(
                    "upstream outbox holds %d messages (%d readings) from before",
                    self.outbox.messages,
                    self.outbox.readings,
                    extra={"component": self.name, "event": "backlog"},
                )
            self.refresh_health()
        if self._sender is None or self._sender.done():
            assert self.forwarder is not None
            self._sender = self.supervised(
                "sender", self.forwarder.run, self.link_health, Backoff(initial=1.0, maximum=30.0)
            )

    async def stop(self) -> None:
        task = asyncio.current_task()
        # A restart after an error keeps the sender and the outbox; a cancel is the end.
        if task is None or task.cancelling():
            await self.close()

    async def close(self) -> None:
        sender, self._sender = self._sender, None
        if sender is not None:
            sender.cancel()
            await asyncio.wait({sender}, timeout=5.0)
        outbox, self.outbox = self.outbox, None
        if outbox is not None:
            await asyncio.get_running_loop().run_in_executor(None, outbox.close)
        self.forwarder = None

    # -- the queue -------------------------------------------------------------------

    @property
    def depth(self) -> int:
        """Readings not yet delivered to the cloud: queued here, or in the outbox."""
        return len(self.queue) + (self.outbox.readings if self.outbox is not None else 0)

    async def run(self) -> None:
        await self.start()
        self.health.up()
        try:
            await self._pump()
        finally:
            await self.stop()

    async def _pump(self) -> None:
        """The pipelined group commit (module docstring): one group in the outbox's
        thread, the next one encoded meanwhile."""
        queue = self.queue
        committing: _Group | None = None
        group = _Group()
        try:
            while True:
                if committing is not None and committing.done():
                    ended, committing = committing, None
                    try:
                        self._stored(ended, group)
                    except OutboxError as err:
                        group = _Group()  # encoded again after the pause
                        # The readings stay queued (the queue's bound counts what overflows).
                        self.health.down(err)
                        self.health.extra["disk_error"] = str(err)
                        await asyncio.sleep(OUTBOX_RETRY_S)
                        continue
                    self._taken(ended.readings)
                held = group.readings + (committing.readings if committing else 0)
                waiting = len(queue) - held
                if committing is None:
                    if not group and not waiting and not self._alerts:
                        await queue.wait()  # idle: nothing queued, nothing in hand
                        continue
                    if not group:
                        await self._linger()
                        waiting = len(queue) - held
                    self._encode(group, held, waiting)
                    committing, group = self._commit(group), _Group()
                    continue
                if waiting >= ENCODE_CHUNK and group.readings < MAX_GROUP:
                    self._encode(group, held, waiting)
                    await asyncio.sleep(0)  # let the sources in between chunks
                    continue
                await queue.wait_beyond(held + ENCODE_CHUNK - 1)  # or the commit's end
        finally:
            self._alerts[:0] = group.alerts  # encoded, never committed
            if committing is not None:
                # Leaving (an error, a stop) while a group commits: wait for it, so that
                # what it stored leaves the queue and is not stored twice on a restart.
                assert committing.future is not None
                await asyncio.wait({committing.future})
                with contextlib.suppress(OutboxError):
                    self._stored(committing)
                    self._taken(committing.readings)

    async def _linger(self) -> None:
        # Not past a chunk's worth: by then a message per asset carries tens of readings,
        # and the plant broker's window of unacknowledged messages waits on this commit.
        queue = self.queue.items
        if self.linger <= 0 or not queue or self._alerts or len(queue) >= ENCODE_CHUNK:
            return
        wait = queue[0].reading.received + self.linger - time.time()
        if wait <= 0:
            return
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(min(wait, self.linger)):
                while len(queue) < ENCODE_CHUNK and not self._alerts:
                    await self.queue.wait_beyond(len(queue))

    def prepare(self, batch: list[Scored]) -> list[NewMessage]:
        """The outbox messages of a batch of scored readings (on the loop: encoding is
        pure Python, which a thread would only slow down, the GIL being held)."""
        return self.encoder.telemetry(batch)

    def _encode(self, group: _Group, held: int, waiting: int) -> None:
        """Add the next readings of the queue (after ``held``) and the alert events to the
        group."""
        n = min(waiting, self.max_batch, MAX_GROUP - group.readings)
        if n > 0:
            self._encode_batch(group, self.queue.peek(n, skip=held))
        if self._alerts:
            alerts, self._alerts = self._alerts, []
            group.alerts += alerts
            group.messages += [self._event_message(kind, payload) for kind, payload in alerts]

    def _encode_batch(self, group: _Group, batch: list[Scored]) -> None:
        group.messages += self.prepare(batch)
        group.readings += len(batch)

    def _commit(self, group: _Group) -> _Group:
        """Start the group's transaction in the outbox's thread, with the deletes due."""
        assert self.outbox is not None and self.forwarder is not None
        group.delete = self.forwarder.acked.take()
        loop = asyncio.get_running_loop()
        group.future = loop.run_in_executor(
            self.outbox.executor, self.outbox.append, group.messages, group.delete
        )
        # Its end wakes the loop wherever it waits for the queue.
        group.future.add_done_callback(lambda _: self.queue.poke())
        return group

    def _stored(self, group: _Group, waiting: _Group | None = None) -> None:
        """A group's transaction ended: its rows go to the sender. Raises its OutboxError
        after putting back what it took: its alerts pending (and ``waiting``'s, encoded
        after them), its deletes due."""
        assert group.future is not None and self.forwarder is not None
        fw = self.forwarder
        try:
            result = group.future.result()
        except BaseException:
            fw.acked.restore(group.delete)
            self._alerts[:0] = group.alerts + (waiting.alerts if waiting is not None else [])
            if waiting is not None:
                waiting.alerts = []
            raise
        fw.acked.deleted(group.delete)
        fw.push(result.rows, result.dropped_upto)
        if result.dropped_messages:
            self._count_drops(result)
        if self.health.state != "up":
            self.health.extra.pop("disk_error", None)
            self.health.up()
        if group.delete and fw.on_progress is not None:
            fw.on_progress()
        else:
            self.refresh_health()

    def _taken(self, n: int) -> None:
        if n:
            super()._taken(n)

    async def handle(self, batch: list[Scored]) -> None:
        """One batch encoded and committed at once (the run loop pipelines them)."""
        group = _Group()
        self._encode_batch(group, batch)
        self._encode(group, 0, 0)  # the alert events
        self._commit(group)
        assert group.future is not None
        await asyncio.wait({group.future})
        self._stored(group)

    def _event_message(self, kind: str, payload: dict[str, Any]) -> NewMessage:
        if kind == "asset.state":
            return self.encoder.asset_state(payload)
        if kind == "write.record":
            return self.encoder.write_record(payload)
        return self.encoder.alert(kind, payload)

    def _count_drops(self, result: AppendResult) -> None:
        self.health.dropped += result.dropped_readings
        self.link_health.dropped += result.dropped_messages
        now = time.monotonic()
        if now - self._last_drop_log >= 60:
            self._last_drop_log = now
            assert self.outbox is not None
            log.warning(
                "upstream outbox is full (%.1f MB): %s; %d messages (%d readings) dropped so far",
                self.config.max_mb,
                "dropping the oldest"
                if self.config.overflow == "drop_oldest"
                else "refusing the newest",
                self.outbox.dropped_messages,
                self.outbox.dropped_readings,
                extra={"component": self.name, "event": "outbox_full"},
            )

    def refresh_health(self) -> None:
        ob, fw = self.outbox, self.forwarder
        if ob is None or fw is None:
            return
        extra = self.health.extra
        extra["outbox_messages"] = ob.messages
        extra["outbox_readings"] = ob.readings
        extra["outbox_bytes"] = ob.bytes
        extra["outbox_max_bytes"] = ob.max_bytes
        extra["outbox_dropped_messages"] = ob.dropped_messages
        extra["outbox_dropped_readings"] = ob.dropped_readings
        self.link_health.extra.update(fw.stats())
        self.link_health.extra["outbox_messages"] = ob.messages


def build_sink(ctx: SinkContext) -> UpstreamSink:
    cfg = ctx.config.upstream
    return UpstreamSink(
        cfg,
        gateway_id=ctx.gateway_id,
        data_dir=ctx.data_dir,
        health=ctx.health.register("upstream", "sink", "mqtt"),
        link_health=ctx.health.register("upstream-link", "sink", "mqtt"),
        events=ctx.events,
        max_queue=ctx.config.pipeline.sink_queue_size,
    )
