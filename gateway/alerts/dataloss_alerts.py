"""Data-loss decisions become alert records, events and notices, like fault alerts.

The rules are gateway.alerts.dataloss; this is their I/O, done through the alerts
sink's ``Recorder`` (gateway.alerts.records) so a data-loss alert takes the same way as
a fault alert: a record in the ``alerts`` table (``kind: "data_loss"``, ``fault_type``
``asset_stale`` or ``source_down``), an ``alert.*`` event on the hub, and deliveries in
the durable queue to every user with ``enableNotifications`` and
``dataLossNotifications`` (no confidence threshold: nothing was predicted). The
resolution goes to the targets the opening went to.
"""

from __future__ import annotations

import logging
import time
import uuid
from typing import Any

from gateway.alerts import messages, records
from gateway.alerts.dataloss import SOURCE_DOWN, DataLossRules, Loss
from gateway.alerts.messages import DATA_LOSS, DATA_RESTORED, Notice
from gateway.alerts.records import RESOLVED, Recorder
from gateway.alerts.rules import OPENED, Decision

log = logging.getLogger("gateway.alerts")

KIND = "data_loss"  # the records' ``kind`` (fault alerts have none)


class DataLossAlerts:
    def __init__(self, rules: DataLossRules, recorder: Recorder, clock: Any = time.time) -> None:
        self.rules = rules
        self.recorder = recorder
        self.clock = clock
        self._refs: dict[tuple[str, str], tuple[int | None, str]] = {}  # -> (doc id, uid)

    async def step(self) -> None:
        """Open what came due and resolve what came back (the alerts sink's ticker)."""
        for d in self.rules.take():
            if d.kind == OPENED:
                await self._opened(d)
            else:
                await self._resolved(d)

    def restore(self, doc: dict[str, Any]) -> None:
        """Take back an open data-loss alert after a restart."""
        details = dict(doc.get("data_loss") or {})
        loss = Loss(
            doc["fault_type"],
            doc["sensor_id"],
            details.get("source") or "",
            float(details.get("since_ts") or doc["opened_at"]),
            details,
        )
        self.rules.restore(loss)
        self._refs[(loss.kind, loss.key)] = (doc.get("doc_id"), doc["uid"])

    @staticmethod
    def is_data_loss(doc: dict[str, Any]) -> bool:
        return doc.get("kind") == KIND

    def _notice(self, kind: str, loss: Loss, at: float, doc_id: int | None) -> Notice:
        data = messages.fault_data(
            timestamp=at, fault_type=loss.kind, confidence=None, sensor_id=loss.key
        )
        return Notice(kind, data, doc_id, extra={"data_loss": self._details(loss)})

    def _details(self, loss: Loss) -> dict[str, Any]:
        d = loss.details
        if loss.kind == SOURCE_DOWN:
            problem = f"source down: {d.get('error') or 'no connection'}"
        elif d.get("last_reading") is None:
            problem = "asset stale: no reading since the start"
        else:
            problem = f"asset stale: no fresh reading for {d.get('stale_after') or 0:g} s"
        last = d.get("last_reading")
        return {
            "problem": problem,
            "state": d.get("state"),
            "source": loss.source,
            "since": messages.iso(loss.since),
            "since_ts": loss.since,
            "last_reading": messages.iso(last) if last is not None else None,
            "stale_after": d.get("stale_after"),
            "open_faults": self.recorder.open_faults(loss.key),
        }

    async def _opened(self, d: Decision) -> None:
        loss: Loss = d.context
        now = self.clock()
        uid = uuid.uuid4().hex[:16]
        targets = await self.recorder.data_loss_targets()
        notice = self._notice(DATA_LOSS, loss, loss.since, None)
        doc = records.new_record(
            uid,
            loss.key,
            loss.kind,
            now,
            confidence=None,
            fault_data=notice.fault_data,
            recipients=sorted({t.shown for t in targets}),
            kind=KIND,
            data_loss=notice.extra["data_loss"],
        )
        doc_id = await self.recorder.insert_record(doc)
        self._refs[(loss.kind, loss.key)] = (doc_id, uid)
        log.warning(
            "data-loss alert opened: %s %s (since %s), %d target(s)",
            loss.kind,
            loss.key,
            notice.extra["data_loss"]["since"],
            len(targets),
            extra={"event": "alert_opened", "sensor_id": loss.key, "fault": loss.kind},
        )
        notice = self._notice(DATA_LOSS, loss, loss.since, doc_id)
        await self.recorder.notify(f"{uid}:opened", uid, notice, targets)
        await self.recorder.announce("alert.opened", records.public({**doc, "doc_id": doc_id}))

    async def _resolved(self, d: Decision) -> None:
        loss: Loss = d.context
        ref = self._refs.pop((loss.kind, loss.key), None)
        if ref is None:
            return
        doc_id, uid = ref
        now = self.clock()
        notice = self._notice(DATA_RESTORED, loss, now, doc_id)
        fields = {
            "status": RESOLVED,
            "resolved_at": now,
            "updated_at": now,
            "resolution": notice.fault_data,
        }
        record = await self.recorder.update_record(uid, fields)
        log.info(
            "data-loss alert resolved: %s %s",
            loss.kind,
            loss.key,
            extra={"event": "alert_resolved", "sensor_id": loss.key, "fault": loss.kind},
        )
        targets = await self.recorder.opening_targets(uid)
        await self.recorder.notify(f"{uid}:resolved", uid, notice, targets)
        await self.recorder.announce("alert.resolved", record)
