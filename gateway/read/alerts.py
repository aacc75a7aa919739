"""Alerts as episodes: each alert record with its deliveries and its events, per asset and time.

An episode is one alert from opening to resolution: its record in the store's ``alerts``
table (written by gateway.alerts), its deliveries as the delivery queue has them now
(gateway.alerts.outbox: the queue's rows are the records of what was sent, to whom, with
what result) and the events of its life in time order: opened, repeated, notified (one
per delivery that finished or is still trying), fault actions (a device write it made:
gateway.writes.fault_actions), acknowledged (by whom, with a note), resolved (by whom,
with a note, when an operator cleared it). The queue forgets finished deliveries after
``alerts.delivery.keep_days``; an older episode shows the times its record holds, and
the copy of its deliveries that gateways before this read model stored in the record.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from gateway.alerts.outbox import DeliveryLog, DeliveryQueueError
from gateway.alerts.records import ACTIVE, OPEN, TABLE
from gateway.alerts.severity import severity_of
from gateway.config.alerts import SeverityConfig
from gateway.state.store import Store

FAULT = "fault"  # the kind of an alert whose record names none (data-loss ones say so)

# An alert event's kind, in the order of a life.
OPENED, REPEATED, NOTIFIED = "opened", "repeated", "notified"
FAULT_ACTION = "fault_action"  # a device write the alert made (the record's timeline)
ACKNOWLEDGED_EVENT, RESOLVED_EVENT = "acknowledged", "resolved"
# The queue's kinds of notice to the episode's event they carry.
_NOTICE_EVENT = {
    "opened": OPENED,
    "data_loss": OPENED,
    "repeated": REPEATED,
    "resolved": RESOLVED_EVENT,
    "data_restored": RESOLVED_EVENT,
}


@dataclass(frozen=True, slots=True)
class Delivery:
    """One notice to one target: what the delivery queue recorded of it."""

    id: int
    event: str  # the episode's event it carries: opened, repeated or resolved
    kind: str  # the notice: opened, repeated, resolved, data_loss, data_restored
    user: str
    type: str  # email, sms, slack, webhook, apprise
    target: str  # the address as shown: secrets masked
    state: str  # pending, sending, sent, failed, skipped, expired
    attempts: int
    created: float
    finished: float | None
    next_attempt: float | None
    error: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event": self.event,
            "kind": self.kind,
            "user": self.user,
            "type": self.type,
            "target": self.target,
            "state": self.state,
            "attempts": self.attempts,
            "created": self.created,
            "finished": self.finished,
            "next_attempt": self.next_attempt,
            "error": self.error,
        }


@dataclass(frozen=True, slots=True)
class AlertEvent:
    """One moment of an episode."""

    at: float
    kind: str  # opened, repeated, notified, fault_action, acknowledged, resolved
    by: str | None = None  # who acknowledged; whose target was notified or action fired
    target: str | None = None  # notified: the target as shown; fault_action: the point
    result: str | None = None  # notified: the delivery's state; fault_action: the write's
    detail: str | None = None  # acknowledged: the note; notified: the error; fault_action:
    # what was written (or would have been, in a dry run)
    repeat: int | None = None  # repeated: its number

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__ if getattr(self, k) is not None}


@dataclass(frozen=True, slots=True)
class AlertEpisode:
    id: int | None
    uid: str
    sensor_id: str
    kind: str  # fault, data_loss or drift (an info alert: gateway.model.drift_records)
    fault_type: str  # the fault, asset_stale / source_down, or drift:<state>
    severity: str  # critical, major, warning or info (gateway.alerts.severity)
    status: str  # open, acknowledged, resolved
    opened_at: float
    updated_at: float | None
    resolved_at: float | None
    acknowledged_by: str | None
    acknowledged_at: float | None
    acknowledged_note: str | None
    confidence: float | None
    repeats: int
    last_notified_at: float | None
    recipients: tuple[str, ...]
    fault_data: Mapping[str, Any]  # the reading behind the opening
    predictions: Mapping[str, Any]  # count, first_at, last_at, last/max confidence
    resolution: Mapping[str, Any] | None
    data_loss: Mapping[str, Any] | None  # problem, state, source, since...
    drift: Mapping[str, Any] | None  # state, since, psi, out-of-range share, model
    explanation: tuple[Mapping[str, Any], ...]  # the opening prediction's top contributors
    deliveries: tuple[Delivery, ...]
    events: tuple[AlertEvent, ...]
    asset_state: str | None = None  # the asset's data now: live, stale, offline, no_data
    # What was done besides notices, oldest first: fault actions' writes (event
    # fault_action, with the point, value, status, dry_run and the audit row's write_id).
    timeline: tuple[Mapping[str, Any], ...] = ()
    # Fields of the record this model does not name (a later gateway's), shown as they are.
    extra: Mapping[str, Any] = field(default_factory=dict, repr=False)

    @property
    def active(self) -> bool:
        return self.status in ACTIVE

    def to_dict(self) -> dict[str, Any]:
        """The API's alert: the record's fields, ``state`` beside ``status``, deliveries
        and events as lists."""
        out = dict(self.extra)
        out.update((k, getattr(self, k)) for k in self.__slots__ if k != "extra")
        out["recipients"] = list(self.recipients)
        out["fault_data"] = dict(self.fault_data)
        out["predictions"] = dict(self.predictions)
        out["resolution"] = dict(self.resolution) if self.resolution is not None else None
        out["data_loss"] = dict(self.data_loss) if self.data_loss is not None else None
        out["drift"] = dict(self.drift) if self.drift is not None else None
        out["explanation"] = [dict(c) for c in self.explanation]
        out["deliveries"] = [d.to_dict() for d in self.deliveries]
        out["events"] = [e.to_dict() for e in self.events]
        out["timeline"] = [dict(t) for t in self.timeline]
        out["state"] = self.status
        return out


@dataclass(frozen=True, slots=True)
class Page:
    episodes: tuple[AlertEpisode, ...]
    total: int
    limit: int
    offset: int


def status_of(doc: Mapping[str, Any]) -> str | None:
    """The sink writes ``status``; the shared contract named it ``state``: read both."""
    value = doc.get("status", doc.get("state"))
    return value if isinstance(value, str) else None


class Alerts:
    """Alert episodes from the store and the delivery queue; safe from any thread."""

    def __init__(
        self,
        store: Store,
        deliveries: DeliveryLog | None,
        *,
        asset_states: Callable[[], Mapping[str, str]] | None = None,
        severity: SeverityConfig | None = None,
    ) -> None:
        self.store = store
        self.log = deliveries
        self.asset_states = asset_states
        self.severity = severity or SeverityConfig()

    def page(
        self,
        *,
        status: str | None = None,
        sensor_id: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> Page:
        """Episodes newest first, by status and asset."""
        docs = self._find(status, sensor_id)
        return Page(self._episodes(docs[offset : offset + limit]), len(docs), limit, offset)

    def active(self, limit: int = 50) -> tuple[AlertEpisode, ...]:
        """Open and acknowledged episodes, newest first."""
        docs = self.store.find(
            TABLE, where=lambda d: status_of(d) in ACTIVE, newest_first=True, limit=limit
        )
        return self._episodes(docs)

    def get(self, alert_id: int) -> AlertEpisode | None:
        doc = self.store.get_by_id(TABLE, alert_id)
        return self._episodes([doc])[0] if doc is not None else None

    def of_asset(
        self,
        sensor_id: str,
        *,
        start: float | None = None,
        end: float | None = None,
        limit: int = 100,
    ) -> tuple[AlertEpisode, ...]:
        """An asset's episodes that were open at some time in [start, end], newest first."""

        def overlaps(d: dict[str, Any]) -> bool:
            opened = float(d.get("opened_at") or 0.0)
            resolved = d.get("resolved_at")
            return (end is None or opened <= end) and (
                start is None or resolved is None or float(resolved) >= start
            )

        docs = self.store.find(
            TABLE, where=overlaps, newest_first=True, limit=limit, sensor_id=sensor_id
        )
        return self._episodes(docs)

    def count(self, status: str | None = None) -> int:
        return len(self._find(status, None)) if status else self.store.count(TABLE)

    def close(self) -> None:
        """Close the delivery queue's reading connection (the store is its owner's)."""
        if self.log is not None:
            self.log.close()

    # -- building --------------------------------------------------------------------

    def _find(self, status: str | None, sensor_id: str | None) -> list[dict[str, Any]]:
        match: dict[str, Any] = {"sensor_id": sensor_id} if sensor_id else {}
        where = (lambda d: status_of(d) == status) if status else None
        return self.store.find(TABLE, where=where, newest_first=True, **match)

    def _episodes(self, docs: Sequence[dict[str, Any]]) -> tuple[AlertEpisode, ...]:
        uids = [str(d.get("uid", "")) for d in docs]
        rows: list[tuple[Any, ...]] = []
        queued: list[tuple[str, str, str, float]] = []
        if self.log is not None and uids:
            try:
                rows = self.log.deliveries(uids)
                queued = self.log.events(uids)
            except DeliveryQueueError:
                rows, queued = [], []  # the records' own times stand in
        by_alert: dict[str, list[Delivery]] = {}
        for r in rows:
            by_alert.setdefault(r[2], []).append(_delivery(r))
        events: dict[str, list[tuple[str, str, float]]] = {}
        for event_id, alert, kind, created in queued:
            events.setdefault(alert, []).append((event_id, kind, created))
        states = self.asset_states() if self.asset_states is not None else {}
        return tuple(
            _episode(d, by_alert.get(uid, []), events.get(uid, []), states, self.severity)
            for d, uid in zip(docs, uids, strict=True)
        )


def _delivery(r: Sequence[Any]) -> Delivery:
    (id_, _event_id, _alert, kind, user, type_, shown, state) = r[:8]
    attempts, created, next_at, finished, error = r[8:13]
    return Delivery(
        id=id_,
        event=_NOTICE_EVENT.get(kind, kind),
        kind=kind,
        user=user,
        type=type_,
        target=shown,
        state=state,
        attempts=attempts,
        created=created,
        finished=finished,
        next_attempt=next_at if state == "pending" else None,
        error=error,
    )


def _stored_delivery(d: Mapping[str, Any]) -> Delivery:
    """A delivery as gateways before this read model copied it into the record."""
    kind = str(d.get("kind", ""))
    return Delivery(
        id=int(d.get("id", 0)),
        event=_NOTICE_EVENT.get(kind, kind),
        kind=kind,
        user=str(d.get("user", "")),
        type=str(d.get("type", "")),
        target=str(d.get("target", "")),
        state=str(d.get("state", "")),
        attempts=int(d.get("attempts", 0)),
        created=float(d.get("created") or 0.0),
        finished=d.get("finished"),
        next_attempt=d.get("next_attempt"),
        error=d.get("error"),
    )


def _episode(
    doc: Mapping[str, Any],
    live: list[Delivery],
    queued: list[tuple[str, str, float]],
    states: Mapping[str, str],
    rules: SeverityConfig,
) -> AlertEpisode:
    stored = doc.get("deliveries") or []
    deliveries = tuple(live) or tuple(_stored_delivery(d) for d in stored if isinstance(d, dict))
    sensor_id = str(doc.get("sensor_id", ""))
    episode = AlertEpisode(
        id=doc.get("doc_id", doc.get("id")),
        uid=str(doc.get("uid", "")),
        sensor_id=sensor_id,
        kind=str(doc.get("kind") or FAULT),
        fault_type=str(doc.get("fault_type", "")),
        status=status_of(doc) or OPEN,
        opened_at=float(doc.get("opened_at") or 0.0),
        updated_at=doc.get("updated_at"),
        resolved_at=doc.get("resolved_at"),
        acknowledged_by=doc.get("acknowledged_by"),
        acknowledged_at=doc.get("acknowledged_at"),
        acknowledged_note=doc.get("acknowledged_note"),
        confidence=doc.get("confidence"),
        repeats=int(doc.get("repeats") or 0),
        last_notified_at=doc.get("last_notified_at"),
        recipients=tuple(doc.get("recipients") or ()),
        fault_data=dict(doc.get("fault_data") or {}),
        predictions=dict(doc.get("predictions") or {}),
        resolution=doc.get("resolution"),
        data_loss=doc.get("data_loss"),
        drift=doc.get("drift"),
        explanation=tuple(doc.get("explanation") or ()),
        severity=severity_of(doc, rules),
        deliveries=deliveries,
        events=(),
        asset_state=states.get(sensor_id),
        timeline=tuple(t for t in doc.get("timeline") or () if isinstance(t, Mapping)),
        extra={k: v for k, v in doc.items() if k not in _NAMED},
    )
    return _with_events(episode, queued)


# The record's fields the episode names (the rest go to ``extra``).
_NAMED = frozenset(
    {
        *AlertEpisode.__dataclass_fields__,
        "doc_id",
        "state",
        "status",
        "deliveries",
    }
)


def _with_events(e: AlertEpisode, queued: list[tuple[str, str, float]]) -> AlertEpisode:
    """The episode's life in time order: from the queue's events where it still has them,
    else from the record's times."""
    out = [AlertEvent(e.opened_at, OPENED)]
    repeats = {int(eid.rpartition(":")[2]): at for eid, _k, at in queued if ":repeat:" in eid}
    for n in range(1, e.repeats + 1):
        at = repeats.get(n, e.last_notified_at if n == e.repeats else None)
        if at is not None:
            out.append(AlertEvent(float(at), REPEATED, repeat=n))
    for d in e.deliveries:
        at = d.finished if d.finished is not None else d.created
        out.append(
            AlertEvent(at, NOTIFIED, by=d.user, target=d.target, result=d.state, detail=d.error)
        )
    for t in e.timeline:
        if t.get("event") == FAULT_ACTION and isinstance(t.get("at"), int | float):
            what = "would write" if t.get("dry_run") else "wrote"
            out.append(
                AlertEvent(
                    float(t["at"]),
                    FAULT_ACTION,
                    by=t.get("user"),
                    target=t.get("point"),
                    result=t.get("status"),
                    detail=f"{what} {t.get('point')} = {t.get('value')}",
                )
            )
    if e.acknowledged_at is not None:
        out.append(
            AlertEvent(
                float(e.acknowledged_at),
                ACKNOWLEDGED_EVENT,
                by=e.acknowledged_by,
                detail=e.acknowledged_note,
            )
        )
    if e.resolved_at is not None:
        # Cleared by an operator: who, and the note.
        by, note = e.extra.get("cleared_by"), e.extra.get("cleared_note")
        out.append(AlertEvent(float(e.resolved_at), RESOLVED_EVENT, by=by, detail=note))
    # Stable: at one instant, opening before its notices before the resolution.
    out.sort(key=lambda ev: ev.at)
    return replace(e, events=tuple(out))
