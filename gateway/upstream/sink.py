"""The upstream sink: scored readings and alert events become outbox messages, sent to the cloud.

``handle(batch)`` groups the scored readings per asset into messages (JSON in the
seed's shape plus the prediction, up to ``batch_max_readings`` readings or
``batch_max_bytes`` bytes each) and appends them to the outbox in one transaction;
only then do the readings leave the sink's queue, so a crash loses nothing the sink
took off its queue. The run loop waits up to ``linger_ms`` after the first reading of
a batch arrived at the gateway, so one message carries several readings under load
while a lone reading is not held long. Alert events (``alert.*`` on the event hub)
go the same way to the alerts topic.

A second supervised task, started by ``start()``, is the sender (Forwarder): it keeps
the connection to the cloud broker and drains the outbox. The queue depth reported
for this sink counts the readings not yet delivered to the cloud: those in the
queue and those in the outbox.

A telemetry message::

    {"id": "<32 hex>", "seq": 118, "gateway_id": "gw-...", "sensor_id": "pump_1",
     "readings": [{"sensor_id": "pump_1", "timestamp": "2026-02-01T14:25:30.123Z",
                   "motor_data": {"DE_temp": 61.2, ...}, "pump_data": {...},
                   "prediction": {"label": "normal", "confidence": 0.97}}]}
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from gateway.config.upstream import UpstreamConfig
from gateway.health import ComponentHealth
from gateway.records import Scored
from gateway.sinks.base import QueuedSink
from gateway.supervisor import Backoff, supervise
from gateway.upstream.client import render
from gateway.upstream.forwarder import ClientFactory, Forwarder
from gateway.upstream.outbox import OUTBOX_FILE, AppendResult, NewMessage, Outbox, OutboxError

if TYPE_CHECKING:
    from gateway.events import EventHub
    from gateway.runtime import SinkContext

log = logging.getLogger("gateway.upstream")

MAX_BATCH = 2000  # readings per outbox transaction (encoding them holds the loop ~20 ms)
MAX_PENDING_ALERTS = 10_000  # alert events waiting for the outbox (a full disk)
OUTBOX_RETRY_S = 2.0  # wait after a failed append before the next try
GROUP_DEFAULT = "data"  # where a value whose name has no group ("flow") goes

_encode_any = json.JSONEncoder(separators=(",", ":"), default=str).encode

# A reading's layout per set of value names: (group, its point names, which values).
_Layout = list[tuple[str, tuple[str, ...], slice | tuple[int, ...]]]


class _IsoTime:
    """Epoch seconds to the seed's ``2026-02-01T14:25:30.123Z``; the second's text is cached."""

    def __init__(self) -> None:
        self._cache: dict[int, str] = {}

    def __call__(self, ts: float) -> str:
        # Rounded to the millisecond (1769955930.123 is stored as ...0.12299999).
        ms_total = round(ts * 1000)
        sec, ms = divmod(ms_total, 1000)
        prefix = self._cache.get(sec)
        if prefix is None:
            if len(self._cache) > 4096:
                self._cache.clear()
            prefix = self._cache[sec] = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(sec))
        return f"{prefix}.{ms:03d}Z"


class MessageEncoder:
    """Scored readings to per-asset telemetry messages; alert events to alert messages.

    The JSON text comes from orjson, which writes a float's shortest exact form (as
    ``repr`` does) and NaN or an infinity as ``null``, in about a tenth of the json
    module's time: encoding is on the gateway's hot path, once per reading.
    """

    def __init__(self, config: UpstreamConfig, gateway_id: str) -> None:
        self.gateway_id = gateway_id
        self.max_readings = config.batch_max_readings
        self.max_bytes = config.batch_max_bytes
        self.probabilities = config.probabilities
        self._telemetry = config.topics.telemetry
        self._alerts = config.topics.alerts
        self._heads: dict[str, tuple[str, bytes]] = {}  # sensor id -> (topic, JSON head)
        self.iso = _IsoTime()
        self._layouts: dict[tuple[str, ...], _Layout] = {}

    def _head(self, sensor_id: str) -> tuple[str, bytes]:
        h = self._heads.get(sensor_id)
        if h is None:
            topic = render(self._telemetry, gateway_id=self.gateway_id, sensor_id=sensor_id)
            head = (
                b'{"gateway_id":'
                + orjson.dumps(self.gateway_id)
                + b',"sensor_id":'
                + orjson.dumps(sensor_id)
                + b',"readings":['
            )
            if len(self._heads) > 100_000:
                self._heads.clear()
            h = self._heads[sensor_id] = (topic, head)
        return h

    def reading_json(self, s: Scored) -> bytes:
        """One reading's JSON text (UTF-8)."""
        return orjson.dumps(self.reading(s))

    def _layout(self, keys: tuple[str, ...]) -> _Layout:
        """Which values go in which group: ``motor_data.DE_temp`` is point ``DE_temp`` of
        group ``motor_data``; a name without a dot goes in the ``data`` group."""
        groups: dict[str, list[tuple[str, int]]] = {}
        for i, name in enumerate(keys):
            group, dot, point = name.partition(".")
            if not dot:
                group, point = GROUP_DEFAULT, name
            groups.setdefault(group, []).append((point, i))
        layout: _Layout = []
        for group, members in groups.items():
            idx = tuple(i for _, i in members)
            points = tuple(p for p, _ in members)
            # A group's values side by side in the reading (the usual case): one slice.
            contiguous = idx == tuple(range(idx[0], idx[0] + len(idx)))
            layout.append((group, points, slice(idx[0], idx[-1] + 1) if contiguous else idx))
        if len(self._layouts) > 1000:
            self._layouts.clear()
        self._layouts[keys] = layout
        return layout

    def reading(self, s: Scored) -> dict[str, Any]:
        """One reading in the seed's shape, plus its prediction.

        Non-finite numbers stay as they are here; orjson writes them as ``null``.
        """
        r = s.reading
        d: dict[str, Any] = {"sensor_id": r.sensor_id, "timestamp": self.iso(r.timestamp)}
        keys = tuple(r.values)
        layout = self._layouts.get(keys)
        if layout is None:
            layout = self._layout(keys)
        vals = tuple(r.values.values())
        for group, points, sel in layout:
            if type(sel) is slice:
                d[group] = dict(zip(points, vals[sel], strict=True))
            else:
                d[group] = {p: vals[i] for p, i in zip(points, sel, strict=True)}
        if r.bad:
            d["bad"] = list(r.bad)
        p = s.prediction
        if p is None:
            d["prediction"] = None
        elif self.probabilities:
            d["prediction"] = {
                "label": p.label,
                "confidence": p.confidence,
                "probabilities": p.probabilities,
            }
        else:
            d["prediction"] = {"label": p.label, "confidence": p.confidence}
        return d

    def telemetry(self, batch: Sequence[Scored]) -> list[NewMessage]:
        by_asset: dict[str, list[Scored]] = {}
        for s in batch:
            sid = s.reading.sensor_id
            items = by_asset.get(sid)
            if items is None:
                items = by_asset[sid] = []
            items.append(s)
        dumps, reading = orjson.dumps, self.reading
        out: list[NewMessage] = []
        for sid, items in by_asset.items():
            topic, head = self._head(sid)
            parts: list[bytes] = []
            size = len(head) + 2
            for s in items:
                part = dumps(reading(s))
                if parts and (
                    len(parts) >= self.max_readings or size + len(part) + 1 > self.max_bytes
                ):
                    out.append(NewMessage(sid, topic, head + b",".join(parts) + b"]}", len(parts)))
                    parts, size = [], len(head) + 2
                parts.append(part)
                size += len(part) + 1
            if parts:
                out.append(NewMessage(sid, topic, head + b",".join(parts) + b"]}", len(parts)))
        return out

    def alert(self, kind: str, payload: dict[str, Any]) -> NewMessage:
        sid = str(payload.get("sensor_id") or "")
        topic = render(self._alerts, gateway_id=self.gateway_id, sensor_id=sid)
        body = _encode_any(
            {
                "gateway_id": self.gateway_id,
                "sensor_id": sid,
                "event": kind.partition(".")[2],
                "alert": payload,
            }
        ).encode()
        return NewMessage(f"alerts/{sid}", topic, body, 0)


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
        self._alerts: list[tuple[str, dict[str, Any]]] = []
        self._sender: asyncio.Task[None] | None = None
        self._last_drop_log = 0.0
        if events is not None:
            events.subscribe(self._on_event)

    # -- alert events ----------------------------------------------------------------

    def _on_event(self, kind: str, payload: dict[str, Any]) -> None:
        if not kind.startswith("alert."):
            return
        if len(self._alerts) >= MAX_PENDING_ALERTS:
            self.link_health.dropped += 1
            return
        self._alerts.append((kind, dict(payload)))
        self._idle.clear()
        self._wakeup.set()

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
            self._sender = loop.create_task(
                supervise(self.forwarder.run, self.link_health, Backoff(initial=1.0, maximum=30.0)),
                name="sink:upstream:sender",
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
        return len(self._queue) + (self.outbox.readings if self.outbox is not None else 0)

    async def run(self) -> None:
        await self.start()
        self.health.up()
        queue = self._queue
        try:
            while True:
                if not queue and not self._alerts:
                    self._idle.set()
                    self._wakeup.clear()
                    await self._wakeup.wait()
                await self._linger()
                n = min(len(queue), self.max_batch)
                batch = list(itertools.islice(queue, n))
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
        queue = self._queue
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
        messages += [self.encoder.alert(kind, payload) for kind, payload in alerts]
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

    def status(self) -> dict[str, Any]:
        """For the web UI: the link, the outbox and its counters."""
        self.refresh_health()
        return {
            "broker": f"{self.config.host}:{self.config.port}",
            "link": self.link_health.snapshot(),
            "sink": self.health.snapshot(),
        }


def build_sink(ctx: SinkContext) -> UpstreamSink | None:
    cfg = ctx.config.upstream
    if not cfg.enabled or cfg.format != "json":
        return None  # sparkplug_b: gateway.upstream.sparkplug.sink
    return UpstreamSink(
        cfg,
        gateway_id=ctx.gateway_id,
        data_dir=ctx.data_dir,
        health=ctx.health.register("upstream", "sink", "mqtt"),
        link_health=ctx.health.register("upstream-link", "sink", "mqtt"),
        events=ctx.events,
        max_queue=ctx.config.pipeline.sink_queue_size,
    )
