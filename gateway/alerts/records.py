"""Alert records as the operator sees them: the store's ``alerts`` table with their deliveries.

The alerts sink (gateway.alerts.sink) writes the records; these are the read side,
safe from any thread: a record with ``id`` for its document id and its deliveries as
the delivery queue has them now (the record's last stored copy when the queue cannot
be read).
"""

from __future__ import annotations

from typing import Any

from gateway.alerts.outbox import DeliveryQueue, DeliveryQueueError
from gateway.state.store import Store

TABLE = "alerts"
OPEN, ACKNOWLEDGED, RESOLVED = "open", "acknowledged", "resolved"


def new_record(
    uid: str,
    sensor_id: str,
    fault_type: str,
    now: float,
    *,
    confidence: float | None,
    fault_data: dict[str, Any],
    recipients: list[str],
    **extra: Any,
) -> dict[str, Any]:
    """The record of an alert that just opened (a fault, or data loss with its ``extra``)."""
    return {
        "uid": uid,
        "sensor_id": sensor_id,
        "fault_type": fault_type,
        "status": OPEN,
        "opened_at": now,
        "updated_at": now,
        "resolved_at": None,
        "acknowledged_by": None,
        "acknowledged_at": None,
        "confidence": confidence,
        "fault_data": fault_data,
        "repeats": 0,
        "last_notified_at": now,
        "recipients": recipients,
        "deliveries": [],
        "resolution": None,
        # What was done about it besides notices: fault actions' writes
        # (gateway.writes.fault_actions), oldest first.
        "timeline": [],
        **extra,
    }


def public(doc: dict[str, Any], queue: DeliveryQueue) -> dict[str, Any]:
    out = {k: v for k, v in doc.items() if k != "doc_id"}
    out["id"] = doc.get("doc_id")
    try:
        out["deliveries"] = [r.public() for r in queue.for_alert(doc["uid"])]
    except DeliveryQueueError:
        pass  # the record's last stored copy of its deliveries stands in
    return out


def list_alerts(
    store: Store,
    queue: DeliveryQueue,
    *,
    status: str | None = None,
    sensor_id: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Alert records, newest first."""
    match: dict[str, Any] = {}
    if status is not None:
        match["status"] = status
    if sensor_id is not None:
        match["sensor_id"] = sensor_id
    docs = store.find(TABLE, newest_first=True, **match)[offset : offset + limit]
    return [public(d, queue) for d in docs]


def get_alert(store: Store, queue: DeliveryQueue, alert_id: int) -> dict[str, Any] | None:
    doc = store.get_by_id(TABLE, alert_id)
    return public(doc, queue) if doc else None
