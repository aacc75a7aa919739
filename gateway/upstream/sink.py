"""The upstream sink: scored readings and alert events become outbox messages, sent to the cloud.

``handle(batch)`` groups the scored readings per asset into messages (JSON in the
seed's shape plus the prediction, up to ``batch_max_readings`` readings or
``batch_max_bytes`` bytes each) and appends them to the outbox in one transaction;
only then do the readings leave the sink's queue, so a crash loses nothing the sink
took off its queue. The run loop waits up to ``linger_ms`` after the first reading of
a batch arrived at the gateway, so one message carries several readings under load
while a lone reading is not held long. Alert events (``alert.*`` on the event hub)
go the same way to the alerts topic, and changes of an asset's data state
(``asset.state``, gateway.assets) to its state topic.

A second supervised task, started by ``start()`` in the runtime's TaskGroup
(``QueuedSink.spawn``), is the sender (Forwarder): it keeps the connection to the
cloud broker and drains the outbox. The queue depth reported
for this sink counts the readings not yet delivered to the cloud: those in the
queue and those in the outbox.
The messages' shape is gateway.upstream.encoder's.
"""

from __future__ import annotations

import asyncio
import logging
import time
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

MAX_BATCH = 2000  # readings per outbox transaction (encoding them holds the loop ~20 ms)
MAX_PENDING_ALERTS = 10_000  # alert events waiting for the outbox (a full disk)
OUTBOX_RETRY_S = 2.0  # wait after a failed append before the next try


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
        queue = self.queue
        try:
            while True:
                await queue.wait(more=bool(self._alerts))
                await self._linger()
                n = min(len(queue), self.max_batch)
                batch = queue.peek(n)
                try:
                    await self.handle(batch)
                except OutboxError as err:
                    # The readings stay queued (the queue's bound counts what overflows).
                    self.health.down(err)
                    self.health.extra["disk_error"] = str(err)
                    await asyncio.sleep(OUTBOX_RETRY_S)
                    continue
                self._taken(n)
                if self.health.state != "up":
                    self.health.extra.pop("disk_error", None)
                    self.health.up()
        finally:
            await self.stop()

    async def _linger(self) -> None:
        queue = self.queue.items
        if self.linger <= 0 or not queue or self._alerts or len(queue) >= self.max_batch:
            return
        wait = queue[0].reading.received + self.linger - time.time()
        if wait > 0:
            await asyncio.sleep(min(wait, self.linger))

    async def handle(self, batch: list[Scored]) -> None:
        assert self.outbox is not None and self.forwarder is not None
        alerts, self._alerts = self._alerts, []
        # Encoding is pure Python: it runs here, on the loop. In the worker thread it
        # would gain nothing (the GIL) and cost much: every socket call on the loop
        # would then wait up to the interpreter's switch interval to get the GIL back.
        # The thread gets the SQLite work, which runs with the GIL released.
        messages = self.encoder.telemetry(batch)
        messages += [self._event_message(kind, payload) for kind, payload in alerts]
        loop = asyncio.get_running_loop()
        try:
            result = await loop.run_in_executor(self.outbox.executor, self.outbox.append, messages)
        except OutboxError:
            self._alerts[:0] = alerts
            raise
        self.forwarder.push(result.rows, result.dropped_upto)
        if result.dropped_messages:
            self._count_drops(result)
        self.refresh_health()

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
