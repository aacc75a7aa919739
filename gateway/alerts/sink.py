"""The alerts sink: rules over every prediction, alert records, events, and queued deliveries.

``handle()`` sees every scored reading. The rules skip a normal prediction of a quiet
asset with one set lookup, so only faults and state changes cost anything. A decision
(opened, repeated, resolved) becomes:

1. an alert record in the state store (table ``alerts``, bounded by ``Store.BOUNDS``)
   holding the fault, a summary of its predictions, its deliveries and its
   acknowledgement;
2. an event on the hub (``alert.opened``, ``alert.repeated``, ``alert.resolved``,
   ``alert.acknowledged``) with the record as payload;
3. deliveries in the durable outbox, one per target, sent by the delivery worker.

Who is told (the seed's rule): each user with ``enableNotifications``, not disabled,
whose ``anomalyThreshold`` the alert's confidence meets; every enabled target of their
``faultActions``. Settings are read from the store at most every ``settings_refresh``
seconds. Repeats and the resolution go to the targets the opening went to.

Store and outbox calls run in threads: TinyDB rewrites and fsyncs its file on every
write, which must not hold the event loop that also carries ingestion.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gateway.alerts import messages, records
from gateway.alerts.dataloss import DataLossRules
from gateway.alerts.dataloss_alerts import DataLossAlerts
from gateway.alerts.delivery import DeliveryWorker, Sender
from gateway.alerts.messages import Notice
from gateway.alerts.outbox import EXPIRED, FAILED, Delivery, DeliveryQueue, DeliveryQueueError
from gateway.alerts.rules import (
    OPENED,
    REPEATED,
    RESOLVED,
    AlertRules,
    Decision,
    OpenAlert,
    RuleConfig,
)
from gateway.alerts.targets import Target, from_action
from gateway.alerts.thresholds import META_KEY, ClassIndex, ThresholdError, Thresholds
from gateway.config.alerts import AlertsConfig
from gateway.health import ComponentHealth
from gateway.logs import RateLimited
from gateway.records import Scored
from gateway.sinks.base import QueuedSink
from gateway.state.store import Store, StoreError

# Explains a scored reading again for the messages (gateway.model.insight.explain_scored).
Explain = Callable[[Scored], Any]

if TYPE_CHECKING:
    from gateway.events import EventHub
    from gateway.sinks.registry import SinkContext

log = logging.getLogger("gateway.alerts")
_limited = RateLimited(log, interval=60.0)

TABLE = records.TABLE
OPEN, ACKNOWLEDGED, RESOLVED_STATUS = records.OPEN, records.ACKNOWLEDGED, records.RESOLVED

# Defaults of a user's settings when none were saved (the seed's).
DEFAULT_THRESHOLD = 0.7
# faultActions entries that are not notification targets.
NOT_TARGETS = frozenset({"device_write"})

# How often open alerts' prediction summaries and finished deliveries reach the store.
FLUSH_INTERVAL = 10.0
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


@dataclass(slots=True)
class _Ref:
    """The sink's link from an open alert in the rules to its record."""

    doc_id: int | None
    uid: str
    opened_at: float
    fault_data: dict[str, Any]
    written_count: int = 0


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
        self.worker = DeliveryWorker(
            outbox, sender or Sender(config), config, delivery_health, on_final=self._delivery_final
        )
        self._refs: dict[tuple[str, str], _Ref] = {}
        self._settings: list[tuple[str, dict[str, Any]]] = []
        self._settings_at = float("-inf")
        self._dirty_deliveries: set[str] = set()
        # "asset stale" and "source down" (gateway.alerts.dataloss), fed by on_event.
        self.data_loss: DataLossAlerts | None = None
        if config.data_loss.enabled:
            rules = DataLossRules(
                stale_delay=config.data_loss.stale_delay,
                down_delay=config.data_loss.down_delay,
                clock=clock,
            )
            self.data_loss = DataLossAlerts(rules, self, clock)
        self._tick = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self._restored = False
        self._closed = False
        self._thresholds: Any = None
        self._explain = explain
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
            await self._flush()
            return
        await self.close()

    async def close(self) -> None:
        """Shut down: record what is pending, let attempts in flight finish, close files."""
        if self._closed:
            return
        self._closed = True
        await self._flush()
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
        docs = await asyncio.to_thread(
            self.store.find,
            TABLE,
            # Drift's info alerts (gateway.model.drift_records) are no rules' at all.
            lambda d: d.get("status") in (OPEN, ACKNOWLEDGED) and d.get("kind") != "drift",
        )
        for doc in docs:
            if DataLossAlerts.is_data_loss(doc):
                if self.data_loss is not None:
                    self.data_loss.restore(doc)
                continue
            p = doc.get("predictions") or {}
            alert = OpenAlert(
                doc["sensor_id"],
                doc["fault_type"],
                opened_at=doc["opened_at"],
                last_notified=doc.get("last_notified_at") or doc["opened_at"],
                acknowledged=doc.get("status") == ACKNOWLEDGED,
                repeats=doc.get("repeats", 0),
                count=p.get("count", 0),
                last_seen=p.get("last_at") or doc["opened_at"],
                last_confidence=p.get("last_confidence", doc["confidence"]),
                max_confidence=p.get("max_confidence", doc["confidence"]),
            )
            self.rules.restore(alert)
            ref = _Ref(doc["doc_id"], doc["uid"], doc["opened_at"], doc["fault_data"], alert.count)
            self._refs[(alert.sensor_id, alert.fault)] = ref
            if not await asyncio.to_thread(self.outbox.has_event, f"{ref.uid}:opened"):
                targets = await self._targets_for(doc["confidence"])
                await self._enqueue(
                    f"{ref.uid}:opened",
                    messages.FAULT,
                    ref,
                    Notice(
                        messages.FAULT,
                        ref.fault_data,
                        ref.doc_id,
                        explanation=doc.get("explanation") or [],
                    ),
                    targets,
                )
        self.health.extra["open_alerts"] = len(self._refs)

    # -- the rules -------------------------------------------------------------------

    async def handle(self, batch: list[Scored]) -> None:
        for decision in self.rules.observe_scored(batch):
            if decision.kind == OPENED:
                await self._opened(decision)
            elif decision.kind == REPEATED:
                await self._repeated(decision)
            elif decision.kind == RESOLVED:
                await self._resolved(decision)

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
        """Resolutions by silence, data-loss alerts, and the periodic write of summaries
        and deliveries."""
        self.ticker_health.up()
        last_flush = last_settings = time.monotonic()
        while True:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(TICK_INTERVAL):
                    await self._tick.wait()
            self._tick.clear()
            for decision in self.rules.tick():
                await self._resolved(decision)
            if self.data_loss is not None:
                await self.data_loss.step()
                self.health.extra["open_data_loss"] = len(self.data_loss.rules.open_losses())
            if time.monotonic() - last_settings >= self.config.settings_refresh:
                last_settings = time.monotonic()
                await self._load_thresholds()
            if time.monotonic() - last_flush >= FLUSH_INTERVAL:
                last_flush = time.monotonic()
                await self._flush()
                counts = await asyncio.to_thread(self.outbox.counts)
                self.delivery_health.extra["deliveries_waiting"] = counts.get(
                    "pending", 0
                ) + counts.get("sending", 0)

    async def _opened(self, d: Decision) -> None:
        now = self.clock()
        data = self._fault_data(d, d.context)
        why = self._why(d.context)
        uid = uuid.uuid4().hex[:16]
        targets = await self._targets_for(d.confidence)
        # Masking builds Apprise objects: a few ms each, not for the loop.
        recipients = await asyncio.to_thread(lambda: sorted({t.shown for t in targets}))
        doc = records.new_record(
            uid,
            d.sensor_id,
            d.fault,
            now,
            confidence=data["confidence"],
            fault_data=data,
            recipients=recipients,
            predictions=self._summary(self.rules.get(d.sensor_id, d.fault)),
            explanation=why,
        )
        doc_id = await self._store_write(self.store.insert, TABLE, doc)
        ref = _Ref(
            doc_id if isinstance(doc_id, int) else None, uid, now, data, doc["predictions"]["count"]
        )
        self._refs[(d.sensor_id, d.fault)] = ref
        self.health.extra["open_alerts"] = len(self._refs)
        log.warning(
            "alert opened: %s on %s (%.0f%%), %d target(s)",
            d.fault,
            d.sensor_id,
            d.confidence * 100,
            len(targets),
            extra={
                "event": "alert_opened",
                "sensor_id": d.sensor_id,
                "fault": d.fault,
                "alert": ref.doc_id,
            },
        )
        notice = Notice(messages.FAULT, data, ref.doc_id, explanation=why)
        await self._enqueue(f"{uid}:opened", messages.FAULT, ref, notice, targets)
        await self._publish("alert.opened", {**doc, "doc_id": ref.doc_id})

    async def _repeated(self, d: Decision) -> None:
        ref = self._refs.get((d.sensor_id, d.fault))
        if ref is None:
            return
        now = self.clock()
        data = self._fault_data(d, d.context)
        alert = self.rules.get(d.sensor_id, d.fault)
        fields = {
            "repeats": d.repeat,
            "last_notified_at": now,
            "updated_at": now,
            "predictions": self._summary(alert),
        }
        ref.written_count = fields["predictions"]["count"]
        doc = await self._update(ref, fields)
        targets = await self._opening_targets(ref)
        notice = Notice(
            messages.REPEAT,
            data,
            ref.doc_id,
            messages.iso(ref.opened_at),
            d.repeat,
            explanation=self._why(d.context),
        )
        await self._enqueue(f"{ref.uid}:repeat:{d.repeat}", messages.REPEAT, ref, notice, targets)
        await self._publish("alert.repeated", doc)

    async def _resolved(self, d: Decision) -> None:
        ref = self._refs.pop((d.sensor_id, d.fault), None)
        self.health.extra["open_alerts"] = len(self._refs)
        if ref is None:
            return
        now = self.clock()
        scored = d.context if isinstance(d.context, Scored) else None
        data = messages.fault_data(
            timestamp=now,
            fault_type=d.fault,
            confidence=d.confidence,
            sensor_id=d.sensor_id,
            values=scored.reading.values if scored else None,
        )
        fields = {
            "status": RESOLVED_STATUS,
            "resolved_at": now,
            "updated_at": now,
            "resolution": data,
        }
        doc = await self._update(ref, fields)
        log.info(
            "alert resolved: %s on %s",
            d.fault,
            d.sensor_id,
            extra={
                "event": "alert_resolved",
                "sensor_id": d.sensor_id,
                "fault": d.fault,
                "alert": ref.doc_id,
            },
        )
        targets = await self._opening_targets(ref)
        notice = Notice(messages.RESOLVED, data, ref.doc_id, messages.iso(ref.opened_at), d.repeat)
        await self._enqueue(f"{ref.uid}:resolved", messages.RESOLVED, ref, notice, targets)
        await self._publish("alert.resolved", doc)

    # -- who is told -----------------------------------------------------------------

    async def _targets_for(self, confidence: float, *, data_loss: bool = False) -> list[Target]:
        now = time.monotonic()
        if now - self._settings_at >= self.config.settings_refresh:
            self._settings = await asyncio.to_thread(self._load_settings)
            self._settings_at = now
        out: dict[str, Target] = {}
        for user, settings in self._settings:
            if data_loss:
                # Each user chooses data-loss notices apart from faults (on unless unset).
                if not settings.get("dataLossNotifications", True):
                    continue
            elif not _meets(confidence, settings.get("anomalyThreshold", DEFAULT_THRESHOLD)):
                continue
            for action in settings.get("faultActions") or []:
                if not isinstance(action, dict) or not action.get("enabled", False):
                    continue
                if action.get("type") in NOT_TARGETS:
                    continue  # acts on a device (gateway.writes.fault_actions), tells nobody
                target = from_action(action, user)
                if target is None:
                    _limited.warning(
                        f"type:{user}",
                        "user %s has a fault action of unknown type %r",
                        user,
                        action.get("type"),
                    )
                    continue
                out.setdefault(target.key, target)
        return list(out.values())

    def _load_settings(self) -> list[tuple[str, dict[str, Any]]]:
        active = {u.get("email") for u in self.store.find("users") if not u.get("disabled", False)}
        return [
            (s["user_email"], s)
            for s in self.store.find("settings")
            if s.get("user_email") in active and s.get("enableNotifications", False)
        ]

    async def _opening_targets(self, ref: _Ref) -> list[Target]:
        return await self.opening_targets(ref.uid)

    # -- what data-loss alerts use (gateway.alerts.dataloss_alerts.Recorder) ----------

    async def opening_targets(self, uid: str) -> list[Target]:
        rows = await self._outbox(self.outbox.for_event, f"{uid}:opened")
        return [r.target for r in rows or [] if r.state != FAILED]

    async def data_loss_targets(self) -> list[Target]:
        return await self._targets_for(0.0, data_loss=True)

    async def insert_record(self, doc: dict[str, Any]) -> int | None:
        doc_id = await self._store_write(self.store.insert, TABLE, doc)
        return doc_id if isinstance(doc_id, int) else None

    async def update_record(
        self, doc_id: int | None, uid: str, fields: dict[str, Any]
    ) -> dict[str, Any]:
        return await self._update(_Ref(doc_id, uid, 0.0, {}), fields)

    async def notify(
        self, event_id: str, uid: str, notice: Notice, targets: Sequence[Target]
    ) -> None:
        ref = _Ref(notice.alert_id, uid, 0.0, {})
        await self._enqueue(event_id, notice.kind, ref, notice, targets)

    async def announce(self, kind: str, payload: dict[str, Any]) -> None:
        await self._publish(kind, payload)

    def open_faults(self, sensor_id: str) -> list[str]:
        return sorted(a.fault for a in self.rules.open_alerts() if a.sensor_id == sensor_id)

    # -- operator actions and the UI -------------------------------------------------

    async def acknowledge(self, alert_id: int, user: str) -> dict[str, Any] | None:
        """Acknowledge an alert: repeats stop; the resolution is still sent. None if unknown."""
        doc = await asyncio.to_thread(self.store.get_by_id, TABLE, alert_id)
        if doc is None:
            return None
        if doc.get("acknowledged_by"):
            return await asyncio.to_thread(self._public, doc)
        now = self.clock()
        fields: dict[str, Any] = {
            "acknowledged_by": user,
            "acknowledged_at": now,
            "updated_at": now,
        }
        if doc.get("status") == OPEN:
            fields["status"] = ACKNOWLEDGED
        self.rules.acknowledge(doc["sensor_id"], doc["fault_type"])
        await self._store_write(self.store.update_by_id, TABLE, alert_id, fields)
        doc.update(fields)
        public = await asyncio.to_thread(self._public, doc)
        log.info(
            "alert %s acknowledged by %s",
            alert_id,
            user,
            extra={"event": "alert_acknowledged", "alert": alert_id, "user": user},
        )
        await self._publish("alert.acknowledged", public)
        return public

    async def test_notification(self, target: dict[str, Any]) -> dict[str, Any]:
        """Send a test notice to one target through the outbox and the worker; its outcome."""
        return await send_test(
            self.outbox,
            self.worker,
            target,
            limit=self.config.delivery.attempt_timeout + 5.0,
            clock=self.clock,
        )

    def _public(self, doc: dict[str, Any]) -> dict[str, Any]:
        return records.public(doc, self.outbox)

    # -- writing ---------------------------------------------------------------------

    def _delivery_final(self, d: Delivery, state: str, detail: str) -> None:
        if d.alert:
            self._dirty_deliveries.add(d.alert)

    async def _flush(self) -> None:
        """Write open alerts' prediction summaries and finished deliveries to the store."""
        for (sid, fault), ref in list(self._refs.items()):
            alert = self.rules.get(sid, fault)
            if alert is None or ref.doc_id is None or alert.count == ref.written_count:
                continue
            ref.written_count = alert.count
            await self._store_write(
                self.store.update_by_id, TABLE, ref.doc_id, {"predictions": self._summary(alert)}
            )
        dirty, self._dirty_deliveries = self._dirty_deliveries, set()
        for uid in dirty:
            rows = await self._outbox(self.outbox.for_alert, uid)
            if rows is not None:
                await self._store_write(
                    self.store.update, TABLE, {"deliveries": [r.public() for r in rows]}, uid=uid
                )

    async def _update(self, ref: _Ref, fields: dict[str, Any]) -> dict[str, Any]:
        if ref.doc_id is not None:
            await self._store_write(self.store.update_by_id, TABLE, ref.doc_id, fields)
            doc = await asyncio.to_thread(self.store.get_by_id, TABLE, ref.doc_id)
            if doc is not None:
                return await asyncio.to_thread(self._public, doc)
        return {"id": ref.doc_id, "uid": ref.uid, **fields}

    async def _enqueue(
        self, event_id: str, kind: str, ref: _Ref, notice: Notice, targets: Sequence[Target]
    ) -> None:
        ids = await self._outbox(
            self.outbox.enqueue, event_id, kind, notice, targets, alert=ref.uid
        )
        if ids:
            self.delivery_health.received += len(ids)
            self._dirty_deliveries.add(ref.uid)
            self.worker.wake()

    async def _store_write(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return await asyncio.to_thread(fn, *args, **kwargs)
        except StoreError as err:
            # The alert still goes out; only its record is missing or stale.
            self.health.error(f"state store: {err}")
            return None

    async def _outbox(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return await asyncio.to_thread(fn, *args, **kwargs)
        except DeliveryQueueError as err:
            self.health.error(f"delivery queue: {err}")
            log.error("alert delivery queue failed: %s", err, extra={"event": "alert_outbox_error"})
            return None

    async def _publish(self, kind: str, payload: dict[str, Any]) -> None:
        if "doc_id" in payload:
            # Reads the outbox, whose lock a delivery thread may hold through an fsync.
            payload = await asyncio.to_thread(self._public, payload)
        self.events.publish(kind, payload)

    def _why(self, context: Any) -> list[dict[str, Any]]:
        return explanation_of(context, self._explain)

    @staticmethod
    def _fault_data(d: Decision, context: Any) -> dict[str, Any]:
        if isinstance(context, Scored):
            r = context.reading
            return messages.fault_data(
                timestamp=r.timestamp,
                fault_type=d.fault,
                confidence=d.confidence,
                sensor_id=d.sensor_id,
                values=r.values,
            )
        return messages.fault_data(
            timestamp=d.at, fault_type=d.fault, confidence=d.confidence, sensor_id=d.sensor_id
        )

    @staticmethod
    def _summary(alert: OpenAlert | None) -> dict[str, Any]:
        if alert is None:
            return {"count": 0}
        return {
            "count": alert.count,
            "first_at": alert.opened_at,
            "last_at": alert.last_seen,
            "last_confidence": round(alert.last_confidence, 4),
            "max_confidence": round(alert.max_confidence, 4),
        }


def _meets(confidence: float, threshold: Any) -> bool:
    """The seed's rule: a user hears of faults at or above their anomalyThreshold."""
    try:
        return confidence >= float(threshold)
    except (TypeError, ValueError):
        return False


def explanation_of(context: Any, explain: Explain | None = None) -> list[dict[str, Any]]:
    """The top contributors of the prediction behind a decision (empty: none), in the
    alerts' mode when ``explain`` gives it."""
    if not isinstance(context, Scored):
        return []
    e = explain(context) if explain is not None else context.explanation
    return [c.to_dict() for c in e.top] if e is not None else []


async def send_test(
    outbox: DeliveryQueue,
    worker: DeliveryWorker,
    target: dict[str, Any],
    *,
    limit: float,
    clock: Any = time.time,
) -> dict[str, Any]:
    """One test notice to one target through the outbox; waits for its one attempt."""
    t = from_action({**target, "enabled": True}, str(target.get("user", "")))
    if t is None:
        return {
            "ok": False,
            "state": FAILED,
            "type": target.get("type"),
            "target": "",
            "detail": f"unknown target type {target.get('type')!r}",
        }
    notice = messages.make_test_notice(clock())
    ids = await asyncio.to_thread(
        outbox.enqueue, f"test:{uuid.uuid4().hex}", messages.TEST, notice, [t], max_attempts=1
    )
    worker.wake()
    try:
        state, detail = await worker.wait_for(ids[0], limit)
    except TimeoutError:
        state, detail = "pending", f"no outcome within {limit:g} s"
    if state == EXPIRED:
        state = FAILED  # a test makes one attempt; "expired" would only puzzle
    return {
        "ok": state == "sent",
        "state": state,
        "type": t.type,
        "target": t.shown,
        "detail": detail,
    }
