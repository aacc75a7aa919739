"""The alerts sink: the rules over every prediction and asset state, and the parts they drive.

``handle()`` sees every scored reading. The rules (gateway.alerts.rules) skip a normal
prediction of a quiet asset with one set lookup, so only faults and state changes cost
anything. Their decisions (opened, repeated, resolved) go to ``FaultAlerts``
(gateway.alerts.fault_alerts); the asset and source states of the hub go to the
data-loss rules and ``DataLossAlerts`` (gateway.alerts.dataloss, dataloss_alerts). Both
act through this sink as their ``Recorder``:

1. an alert record in the state store (gateway.alerts.records), kept in memory while
   open, so what is published is what was written;
2. an event on the hub (``alert.opened``, ``alert.repeated``, ``alert.resolved``,
   ``alert.acknowledged``) with the record as payload;
3. deliveries in the durable queue (gateway.alerts.outbox), one per target
   (gateway.alerts.recipients), sent by the delivery worker (gateway.alerts.delivery).

Operator actions (acknowledge, a test notice) are gateway.alerts.actions. Store and queue
calls run in threads: TinyDB rewrites and fsyncs its file on every write, which must not
hold the event loop that also carries ingestion.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from gateway.alerts.actions import AlertActions
from gateway.alerts.dataloss import DataLossRules
from gateway.alerts.dataloss_alerts import DataLossAlerts
from gateway.alerts.delivery import DeliveryWorker, Sender
from gateway.alerts.fault_alerts import FLUSH_INTERVAL, Explain, FaultAlerts
from gateway.alerts.messages import Notice
from gateway.alerts.outbox import DeliveryQueue, DeliveryQueueError
from gateway.alerts.recipients import Recipients
from gateway.alerts.records import AlertRecords
from gateway.alerts.rules import AlertRules, RuleConfig
from gateway.alerts.targets import Target
from gateway.alerts.thresholds import META_KEY, ClassIndex, ThresholdError, Thresholds
from gateway.config.alerts import AlertsConfig
from gateway.health import ComponentHealth
from gateway.logs import RateLimited
from gateway.records import Scored
from gateway.sinks.base import QueuedSink
from gateway.state.store import Store

if TYPE_CHECKING:
    from gateway.events import EventHub
    from gateway.sinks.registry import SinkContext

log = logging.getLogger("gateway.alerts")
_limited = RateLimited(log, interval=60.0)

TICK_INTERVAL = 1.0


def build_sink(ctx: SinkContext) -> AlertSink | None:
    from gateway.errors import StartupError

    cfg = ctx.config.alerts
    if not cfg.enabled:
        return None
    try:
        outbox = DeliveryQueue(
            ctx.data_dir, max_age=cfg.delivery.max_age, keep_days=cfg.delivery.keep_days
        )
    except DeliveryQueueError as err:
        raise StartupError(f"alert delivery queue: {err}") from err
    sink = AlertSink(
        cfg,
        ctx.store,
        ctx.events,
        health=ctx.health.register("alerts", "sink", "rules"),
        delivery_health=ctx.health.register("alert-delivery", "sink", "apprise"),
        ticker_health=ctx.health.register("alerts-ticker", "task", "timer"),
        outbox=outbox,
        max_queue=ctx.config.pipeline.sink_queue_size,
        shutdown_grace=ctx.config.pipeline.shutdown_deadline,
        classes=ClassIndex(lambda: ctx.facade.model_info()) if ctx.facade is not None else None,
        explain=_alert_explainer(ctx),
    )
    ctx.events.subscribe(sink.on_event)
    return sink


def _alert_explainer(ctx: SinkContext) -> Explain | None:
    """Alert messages' explanations in ``model.explain.alert_mode`` (gateway.model.insight)."""
    insight = ctx.facade.services.insight if ctx.facade is not None else None
    cfg = ctx.config.model.explain
    if insight is None or not cfg.enabled:
        return None
    mode = cfg.alert_mode
    return lambda scored: insight.explain_scored(scored, mode)


class AlertSink(QueuedSink[Scored]):
    name = "alerts"

    def __init__(
        self,
        config: AlertsConfig,
        store: Store,
        events: EventHub,
        *,
        health: ComponentHealth,
        delivery_health: ComponentHealth,
        ticker_health: ComponentHealth | None = None,
        outbox: DeliveryQueue,
        max_queue: int = 200_000,
        sender: Sender | None = None,
        clock: Any = time.time,
        shutdown_grace: float = 10.0,
        classes: ClassIndex | None = None,
        explain: Explain | None = None,
    ) -> None:
        super().__init__(health, max_queue=max_queue)
        self.config = config
        self.store = store
        self.events = events
        self.outbox = outbox
        self.clock = clock
        self.shutdown_grace = shutdown_grace
        self.rules = AlertRules(
            RuleConfig(
                min_confidence=config.min_confidence,
                k=config.debounce.k,
                n=config.debounce.n,
                repeat_interval=config.repeat_interval,
                resolve_after=config.resolve_after,
            ),
            clock=clock,
            classes=classes,
        )
        self.delivery_health = delivery_health
        self.ticker_health = ticker_health or ComponentHealth("alerts-ticker", "task", "timer")
        self.worker = DeliveryWorker(outbox, sender or Sender(config), config, delivery_health)
        self.records = AlertRecords(store, health)
        self.recipients = Recipients(store, outbox, refresh=config.settings_refresh)
        self.faults = FaultAlerts(self.rules, self, clock, explain=explain)
        # "asset stale" and "source down" (gateway.alerts.dataloss), fed by on_event.
        self.data_loss: DataLossAlerts | None = None
        if config.data_loss.enabled:
            rules = DataLossRules(
                stale_delay=config.data_loss.stale_delay,
                down_delay=config.data_loss.down_delay,
                clock=clock,
            )
            self.data_loss = DataLossAlerts(rules, self, clock)
        self.actions = AlertActions(
            self.records,
            self.rules,
            self.announce,
            queue=outbox,
            worker=self.worker,
            test_limit=config.delivery.attempt_timeout + 5.0,
            faults=self.faults,
            clock=clock,
        )
        self._tick = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self._restored = False
        self._closed = False
        self._thresholds: Any = None
        if outbox.interrupted:
            log.warning(
                "%d alert deliveries were interrupted by the last stop; sending them again",
                outbox.interrupted,
                extra={"event": "alert_delivery_resumed"},
            )

    # -- lifecycle -------------------------------------------------------------------

    async def start(self) -> None:
        if not self._restored:
            await self._restore()
            self._restored = True
        if not self._tasks:
            # Both under the supervisor, in the runtime's TaskGroup (QueuedSink.spawn).
            self._tasks = [
                self.supervised("delivery", self.worker.run, self.delivery_health),
                self.supervised("ticker", self._ticker, self.ticker_health),
            ]

    async def stop(self) -> None:
        task = asyncio.current_task()
        if task is not None and task.cancelling() == 0:
            # run() failed and the supervisor will start it again; delivery carries on.
            await self.faults.flush()
            return
        await self.close()

    async def close(self) -> None:
        """Shut down: record what is pending, let attempts in flight finish, close files."""
        if self._closed:
            return
        self._closed = True
        await self.faults.flush()
        for t in self._tasks:
            t.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []
        await self.worker.drain(min(self.config.delivery.attempt_timeout, self.shutdown_grace))
        self.worker.close()
        self.outbox.close()

    async def _load_thresholds(self) -> None:
        """The admin's thresholds with hysteresis (gateway.alerts.thresholds), if changed."""
        entries = await asyncio.to_thread(self.store.get_meta, META_KEY, [])
        if entries == self._thresholds:
            return
        try:
            self.rules.thresholds = Thresholds(entries or [])
        except ThresholdError as err:
            _limited.warning("thresholds", "alert thresholds in the state store unused: %s", err)
        self._thresholds = entries

    async def _restore(self) -> None:
        """Take back alerts open before a restart; queue any whose notices never were."""
        await self._load_thresholds()
        for doc in await self.records.active():
            if doc.get("kind") == "drift":
                continue  # drift's info alerts (gateway.model.drift_records): no rules' at all
            self.records.adopt(doc)
            if DataLossAlerts.is_data_loss(doc):
                if self.data_loss is not None:
                    self.data_loss.restore(doc)
                continue
            await self.faults.restore(doc)
        self.health.extra["open_alerts"] = len(self.faults)

    # -- the rules -------------------------------------------------------------------

    async def handle(self, batch: list[Scored]) -> None:
        await self.faults.decided(self.rules.observe_scored(batch))
        self.health.extra["open_alerts"] = len(self.faults)

    def on_event(self, kind: str, payload: dict[str, Any]) -> None:
        """Asset and source states (gateway.assets): the data-loss rules follow them, and
        an asset that stops being live restarts its fault rules' resolution timer (a
        fault resolves on normal predictions seen whole, never across a gap)."""
        if kind == "asset.state" and payload.get("previous") == "live":
            self.rules.interrupt(payload["sensor_id"])
        if self.data_loss is not None and kind in ("asset.state", "source.state"):
            self.data_loss.rules.observe(kind, payload)
            self._tick.set()  # a resolution goes out now, not at the next tick

    async def _ticker(self) -> None:
        """Resolutions by silence, data-loss alerts, the admin's thresholds as they change,
        and the periodic write of summaries."""
        self.ticker_health.up()
        last_flush = last_settings = time.monotonic()
        while True:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(TICK_INTERVAL):
                    await self._tick.wait()
            self._tick.clear()
            await self.faults.decided(self.rules.tick())
            self.health.extra["open_alerts"] = len(self.faults)
            if self.data_loss is not None:
                await self.data_loss.step()
                self.health.extra["open_data_loss"] = len(self.data_loss.rules.open_losses())
            if time.monotonic() - last_settings >= self.config.settings_refresh:
                last_settings = time.monotonic()
                await self._load_thresholds()
            if time.monotonic() - last_flush >= FLUSH_INTERVAL:
                last_flush = time.monotonic()
                await self.faults.flush()
                counts = await self._queue(self.outbox.counts) or {}
                self.delivery_health.extra["deliveries_waiting"] = counts.get(
                    "pending", 0
                ) + counts.get("sending", 0)

    # -- the Recorder of fault and data-loss alerts (gateway.alerts.records) ----------

    async def insert_record(self, doc: dict[str, Any]) -> int | None:
        return await self.records.insert(doc)

    async def update_record(self, uid: str, fields: dict[str, Any]) -> dict[str, Any]:
        return await self.records.update(uid, fields)

    async def note_record(self, uid: str, fields: dict[str, Any]) -> None:
        await self.records.write_fields(uid, fields)

    async def fault_targets(self, confidence: float) -> list[Target]:
        return await self.recipients.for_fault(confidence)

    async def data_loss_targets(self) -> list[Target]:
        return await self.recipients.for_data_loss()

    async def opening_targets(self, uid: str) -> list[Target]:
        return await self._queue(self.recipients.of_opening, uid) or []

    async def was_queued(self, event_id: str) -> bool:
        return bool(await self._queue(self.outbox.has_event, event_id))

    def open_faults(self, sensor_id: str) -> list[str]:
        return self.faults.open_faults(sensor_id)

    async def notify(
        self, event_id: str, uid: str, notice: Notice, targets: Sequence[Target]
    ) -> None:
        ids = await self._queue(
            self.outbox.enqueue, event_id, notice.kind, notice, targets, alert=uid
        )
        if ids:
            self.delivery_health.received += len(ids)
            self.worker.wake()

    async def announce(self, kind: str, payload: dict[str, Any]) -> None:
        self.events.publish(kind, payload)

    # -- operator actions (gateway.facade.AlertService) ------------------------------

    async def acknowledge(
        self, alert_id: int, user: str, note: str | None = None
    ) -> dict[str, Any] | None:
        return await self.actions.acknowledge(alert_id, user, note)

    async def clear(
        self, alert_id: int, user: str, note: str | None = None
    ) -> dict[str, Any] | None:
        return await self.actions.clear(alert_id, user, note)

    async def test_notification(self, target: dict[str, Any]) -> dict[str, Any]:
        return await self.actions.test_notification(target)

    # -- the queue's errors ----------------------------------------------------------

    async def _queue(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return await asyncio.to_thread(fn, *args, **kwargs)
        except DeliveryQueueError as err:
            self.health.error(f"delivery queue: {err}")
            log.error("alert delivery queue failed: %s", err, extra={"event": "alert_outbox_error"})
            return None
