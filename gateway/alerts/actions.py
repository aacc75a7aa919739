"""Operator actions on alerts: acknowledge or clear (with a note), a test notice to one target.

They run on the gateway's loop (the web UI calls them through gateway.facade's
``AlertService``). Acknowledging stops an alert's repeats (its resolution is still sent),
writes who and when (and the note) into its record and announces ``alert.acknowledged``.
Clearing resolves an open fault alert now, as if its asset had been normal for
``resolve_after`` (the resolution goes to the same targets), with who, when and the note;
a fault that goes on opens a new alert. Data-loss and drift alerts resolve by themselves
when their cause is gone, and cannot be cleared.
A test notice takes the way of every notice, through the delivery queue and the worker,
with one attempt, and answers with its outcome.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from gateway.alerts import messages
from gateway.alerts.delivery import DeliveryWorker
from gateway.alerts.fault_alerts import FaultAlerts
from gateway.alerts.outbox import EXPIRED, FAILED, DeliveryQueue
from gateway.alerts.records import ACKNOWLEDGED, OPEN, RESOLVED, AlertRecords, public
from gateway.alerts.rules import AlertRules
from gateway.alerts.targets import from_action

log = logging.getLogger("gateway.alerts")

NOTE_MAX = 500  # characters of an acknowledgement's note

Announce = Callable[[str, dict[str, Any]], Awaitable[None]]


class NotClearable(Exception):
    """Only fault alerts can be cleared: the others resolve when their cause is gone."""


class AlertActions:
    def __init__(
        self,
        records: AlertRecords,
        rules: AlertRules,
        announce: Announce,
        *,
        queue: DeliveryQueue,
        worker: DeliveryWorker,
        test_limit: float,
        faults: FaultAlerts | None = None,
        clock: Any = time.time,
    ) -> None:
        self.faults = faults
        self.records = records
        self.rules = rules
        self.announce = announce
        self.queue = queue
        self.worker = worker
        self.test_limit = test_limit
        self.clock = clock

    async def acknowledge(
        self, alert_id: int, user: str, note: str | None = None
    ) -> dict[str, Any] | None:
        """Acknowledge an alert: repeats stop; the resolution is still sent. The record
        (published form), or None if there is no such alert. A second acknowledgement
        changes nothing."""
        doc = await self.records.get(alert_id)
        if doc is None:
            return None
        if doc.get("acknowledged_by"):
            return {k: v for k, v in doc.items() if k != "doc_id"} | {"id": alert_id}
        now = self.clock()
        fields: dict[str, Any] = {
            "acknowledged_by": user,
            "acknowledged_at": now,
            "acknowledged_note": (note or "").strip()[:NOTE_MAX] or None,
            "updated_at": now,
        }
        if doc.get("status") == OPEN:
            fields["status"] = ACKNOWLEDGED
        self.rules.acknowledge(doc["sensor_id"], doc["fault_type"])
        record = await self.records.update_by_id(doc, fields)
        log.info(
            "alert %s acknowledged by %s",
            alert_id,
            user,
            extra={"event": "alert_acknowledged", "alert": alert_id, "user": user},
        )
        await self.announce("alert.acknowledged", record)
        return record

    async def clear(
        self, alert_id: int, user: str, note: str | None = None
    ) -> dict[str, Any] | None:
        """Resolve an open fault alert now (NotClearable for another kind). The record
        (published form), or None if there is no such alert; a resolved one is left as
        it is."""
        doc = await self.records.get(alert_id)
        if doc is None:
            return None
        if doc.get("status") == RESOLVED:
            return public(doc)
        if (doc.get("kind") or "fault") != "fault":
            raise NotClearable(
                f"a {doc.get('kind')} alert resolves by itself when its cause is gone"
            )
        now = self.clock()
        fields: dict[str, Any] = {
            "status": RESOLVED,
            "cleared_by": user,
            "cleared_at": now,
            "cleared_note": (note or "").strip()[:NOTE_MAX] or None,
        }
        decision = self.rules.clear(doc["sensor_id"], doc["fault_type"])
        if decision is not None and self.faults is not None:
            await self.faults.decided([decision])  # resolved, notified, announced
        else:  # a record the rules no longer hold (the store refused its resolution)
            fields.update(resolved_at=now, updated_at=now)
        record = await self.records.update_by_id(doc, fields)
        log.info(
            "alert %s cleared by %s",
            alert_id,
            user,
            extra={"event": "alert_cleared", "alert": alert_id, "user": user},
        )
        return record

    async def test_notification(self, target: dict[str, Any]) -> dict[str, Any]:
        """Send a test notice to one target through the queue and the worker; its outcome."""
        return await send_test(
            self.queue, self.worker, target, limit=self.test_limit, clock=self.clock
        )


async def send_test(
    queue: DeliveryQueue,
    worker: DeliveryWorker,
    target: dict[str, Any],
    *,
    limit: float,
    clock: Any = time.time,
) -> dict[str, Any]:
    """One test notice to one target through the queue; waits for its one attempt."""
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
        queue.enqueue, f"test:{uuid.uuid4().hex}", messages.TEST, notice, [t], max_attempts=1
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
