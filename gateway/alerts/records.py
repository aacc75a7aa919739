"""Alert records: their shape in the store's ``alerts`` table, and the writer the alerts use.

A record holds what the alert is (the asset, the fault or the data loss, the confidence,
the reading behind it), its life (opened, repeats, acknowledged by whom, resolved) and
whom it was sent to (``recipients``). Its deliveries, with their outcomes, are the
delivery queue's own records (gateway.alerts.outbox); the record keeps no copy of them
(gateway.read.alerts joins the two for the web UI).

``AlertRecords`` writes them and keeps the open ones in memory, so what the alerts
publish after a change is what they wrote, never a read of the store back.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any, Protocol

from gateway.alerts.messages import Notice
from gateway.alerts.targets import Target
from gateway.health import ComponentHealth
from gateway.state.store import Store, StoreError

TABLE = "alerts"
OPEN, ACKNOWLEDGED, RESOLVED = "open", "acknowledged", "resolved"
ACTIVE = (OPEN, ACKNOWLEDGED)


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
        "resolution": None,
        # What was done about it besides notices: fault actions' writes
        # (gateway.writes.fault_actions), oldest first.
        "timeline": [],
        **extra,
    }


def public(doc: dict[str, Any]) -> dict[str, Any]:
    """A record as published on the hub: ``id`` for its document id."""
    out = {k: v for k, v in doc.items() if k != "doc_id"}
    out["id"] = doc.get("doc_id")
    return out


class Recorder(Protocol):
    """What the fault and data-loss alerts ask of the alerts sink (gateway.alerts.sink)."""

    async def insert_record(self, doc: dict[str, Any]) -> int | None: ...

    async def update_record(self, uid: str, fields: dict[str, Any]) -> dict[str, Any]: ...

    async def note_record(self, uid: str, fields: dict[str, Any]) -> None: ...

    async def notify(
        self, event_id: str, uid: str, notice: Notice, targets: Sequence[Target]
    ) -> None: ...

    async def announce(self, kind: str, payload: dict[str, Any]) -> None: ...

    async def fault_targets(self, confidence: float) -> list[Target]: ...

    async def data_loss_targets(self) -> list[Target]: ...

    async def opening_targets(self, uid: str) -> list[Target]: ...

    async def was_queued(self, event_id: str) -> bool: ...

    def open_faults(self, sensor_id: str) -> list[str]: ...


class AlertRecords:
    """Writes alert records (in threads: TinyDB rewrites and fsyncs its file on each
    write) and keeps the open ones, by uid, as written."""

    def __init__(self, store: Store, health: ComponentHealth) -> None:
        self.store = store
        self.health = health
        self._open: dict[str, dict[str, Any]] = {}

    async def insert(self, doc: dict[str, Any]) -> int | None:
        """Store a new record; its document id (None: the store refused it, the alert
        still goes out and its record lives in memory until it resolves)."""
        doc_id = await self._write(self.store.insert, TABLE, doc)
        kept = {**doc, "doc_id": doc_id if isinstance(doc_id, int) else None}
        self._open[doc["uid"]] = kept
        return kept["doc_id"]  # type: ignore[no-any-return]

    async def update(self, uid: str, fields: dict[str, Any]) -> dict[str, Any]:
        """Change an open record; the record as it now is (published form). A record no
        longer open is forgotten once resolved."""
        doc = self._open.get(uid)
        if doc is None:
            return {"uid": uid, "id": None, **fields}
        doc.update(fields)
        if doc["doc_id"] is not None:
            await self._write(self.store.update_by_id, TABLE, doc["doc_id"], fields)
        if doc.get("status") == RESOLVED:
            del self._open[uid]
        return public(doc)

    async def update_by_id(self, doc: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
        """Change a record read from the store (an operator's action on any record)."""
        kept = self._open.get(doc.get("uid", ""))
        if kept is not None:
            return await self.update(kept["uid"], fields)
        await self._write(self.store.update_by_id, TABLE, doc["doc_id"], fields)
        return public({**doc, **fields})

    async def get(self, doc_id: int) -> dict[str, Any] | None:
        """A record by document id: the open copy, else the store's."""
        for doc in self._open.values():
            if doc["doc_id"] == doc_id:
                return dict(doc)
        return await asyncio.to_thread(self.store.get_by_id, TABLE, doc_id)

    async def active(self) -> list[dict[str, Any]]:
        """Records open or acknowledged in the store (at start, before any is kept)."""
        return await asyncio.to_thread(self.store.find, TABLE, lambda d: d.get("status") in ACTIVE)

    def adopt(self, doc: dict[str, Any]) -> None:
        """Keep an open record read at start."""
        self._open[doc["uid"]] = dict(doc)

    async def write_fields(self, uid: str, fields: dict[str, Any]) -> None:
        """Write fields of an open record that nothing publishes (prediction summaries)."""
        doc = self._open.get(uid)
        if doc is not None:
            doc.update(fields)
            if doc["doc_id"] is not None:
                await self._write(self.store.update_by_id, TABLE, doc["doc_id"], fields)

    async def _write(self, fn: Any, *args: Any) -> Any:
        try:
            return await asyncio.to_thread(fn, *args)
        except StoreError as err:
            # The alert still goes out; only its record is missing or stale.
            self.health.error(f"state store: {err}")
            return None
