"""Fault decisions become alert records, events and notices; the rules' open alerts keep theirs.

The rules are gateway.alerts.rules; this is their I/O, done through the alerts sink's
``Recorder`` (gateway.alerts.records), the same way as data-loss alerts
(gateway.alerts.dataloss_alerts):

- opened: a record (the fault, the reading behind it, a summary of its predictions, the
  recipients), an ``alert.opened`` event, a notice to every user whose threshold the
  confidence meets;
- repeated: the record's repeat count, ``alert.repeated``, a reminder to the targets the
  opening went to;
- resolved: the record's resolution, ``alert.resolved``, a notice to the same targets.

Each open alert of the rules is tied to its record (``_Ref``); after a restart the open
records give the rules their alerts back, and an alert whose notices never reached the
delivery queue is queued then. The prediction summaries of open alerts change with every
reading; they reach the store every ``FLUSH_INTERVAL`` seconds, not per reading.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from gateway.alerts import messages, records
from gateway.alerts.messages import Notice
from gateway.alerts.records import ACKNOWLEDGED, RESOLVED, Recorder
from gateway.alerts.rules import OPENED, REPEATED, AlertRules, Decision, OpenAlert
from gateway.records import Scored

log = logging.getLogger("gateway.alerts")

# How often open alerts' prediction summaries reach the store.
FLUSH_INTERVAL = 10.0

# Explains a scored reading again for the messages (gateway.model.insight.explain_scored).
Explain = Callable[[Scored], Any]


@dataclass(slots=True)
class _Ref:
    """An open alert's link to its record."""

    uid: str
    doc_id: int | None
    opened_at: float
    fault_data: dict[str, Any]
    written_count: int = 0


class FaultAlerts:
    def __init__(
        self,
        rules: AlertRules,
        recorder: Recorder,
        clock: Any = time.time,
        *,
        explain: Explain | None = None,
    ) -> None:
        self.rules = rules
        self.recorder = recorder
        self.clock = clock
        self.explain = explain
        self._refs: dict[tuple[str, str], _Ref] = {}

    def __len__(self) -> int:
        return len(self._refs)

    async def decided(self, decisions: Iterable[Decision]) -> None:
        for d in decisions:
            if d.kind == OPENED:
                await self._opened(d)
            elif d.kind == REPEATED:
                await self._repeated(d)
            else:
                await self._resolved(d)

    def open_faults(self, sensor_id: str) -> list[str]:
        return sorted(a.fault for a in self.rules.open_alerts() if a.sensor_id == sensor_id)

    # -- after a restart -------------------------------------------------------------

    async def restore(self, doc: dict[str, Any]) -> None:
        """Give the rules back an alert open before a restart; queue its notices if they
        never were."""
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
        ref = _Ref(doc["uid"], doc["doc_id"], doc["opened_at"], doc["fault_data"], alert.count)
        self._refs[(alert.sensor_id, alert.fault)] = ref
        if not await self.recorder.was_queued(f"{ref.uid}:opened"):
            targets = await self.recorder.fault_targets(doc["confidence"])
            why = doc.get("explanation") or []
            notice = Notice(messages.FAULT, ref.fault_data, ref.doc_id, explanation=why)
            await self.recorder.notify(f"{ref.uid}:opened", ref.uid, notice, targets)

    # -- decisions -------------------------------------------------------------------

    async def _opened(self, d: Decision) -> None:
        now = self.clock()
        data = _fault_data(d)
        why = explanation_of(d.context, self.explain)
        uid = uuid.uuid4().hex[:16]
        targets = await self.recorder.fault_targets(d.confidence)
        # Masking builds Apprise objects: a few ms each, not for the loop.
        recipients = await asyncio.to_thread(lambda: sorted({t.shown for t in targets}))
        summary = summarize(self.rules.get(d.sensor_id, d.fault))
        doc = records.new_record(
            uid,
            d.sensor_id,
            d.fault,
            now,
            confidence=data["confidence"],
            fault_data=data,
            recipients=recipients,
            predictions=summary,
            explanation=why,
        )
        doc_id = await self.recorder.insert_record(doc)
        ref = _Ref(uid, doc_id, now, data, summary["count"])
        self._refs[(d.sensor_id, d.fault)] = ref
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
                "alert": doc_id,
            },
        )
        notice = Notice(messages.FAULT, data, doc_id, explanation=why)
        await self.recorder.notify(f"{uid}:opened", uid, notice, targets)
        await self.recorder.announce("alert.opened", records.public({**doc, "doc_id": doc_id}))

    async def _repeated(self, d: Decision) -> None:
        ref = self._refs.get((d.sensor_id, d.fault))
        if ref is None:
            return
        now = self.clock()
        summary = summarize(self.rules.get(d.sensor_id, d.fault))
        fields = {
            "repeats": d.repeat,
            "last_notified_at": now,
            "updated_at": now,
            "predictions": summary,
        }
        ref.written_count = summary["count"]
        record = await self.recorder.update_record(ref.uid, fields)
        targets = await self.recorder.opening_targets(ref.uid)
        notice = Notice(
            messages.REPEAT,
            _fault_data(d),
            ref.doc_id,
            messages.iso(ref.opened_at),
            d.repeat,
            explanation=explanation_of(d.context, self.explain),
        )
        await self.recorder.notify(f"{ref.uid}:repeat:{d.repeat}", ref.uid, notice, targets)
        await self.recorder.announce("alert.repeated", record)

    async def _resolved(self, d: Decision) -> None:
        ref = self._refs.pop((d.sensor_id, d.fault), None)
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
        fields = {"status": RESOLVED, "resolved_at": now, "updated_at": now, "resolution": data}
        record = await self.recorder.update_record(ref.uid, fields)
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
        targets = await self.recorder.opening_targets(ref.uid)
        notice = Notice(messages.RESOLVED, data, ref.doc_id, messages.iso(ref.opened_at), d.repeat)
        await self.recorder.notify(f"{ref.uid}:resolved", ref.uid, notice, targets)
        await self.recorder.announce("alert.resolved", record)

    # -- summaries -------------------------------------------------------------------

    async def flush(self) -> None:
        """Write the prediction summaries that changed since they were last written."""
        for (sid, fault), ref in list(self._refs.items()):
            alert = self.rules.get(sid, fault)
            if alert is None or alert.count == ref.written_count:
                continue
            ref.written_count = alert.count
            await self.recorder.note_record(ref.uid, {"predictions": summarize(alert)})


def _fault_data(d: Decision) -> dict[str, Any]:
    if isinstance(d.context, Scored):
        r = d.context.reading
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


def explanation_of(context: Any, explain: Explain | None = None) -> list[dict[str, Any]]:
    """The top contributors of the prediction behind a decision (empty: none), in the
    alerts' mode when ``explain`` gives it."""
    if not isinstance(context, Scored):
        return []
    e = explain(context) if explain is not None else context.explanation
    return [c.to_dict() for c in e.top] if e is not None else []


def summarize(alert: OpenAlert | None) -> dict[str, Any]:
    """An open alert's predictions: how many, first and last, last and highest confidence."""
    if alert is None:
        return {"count": 0}
    return {
        "count": alert.count,
        "first_at": alert.opened_at,
        "last_at": alert.last_seen,
        "last_confidence": round(alert.last_confidence, 4),
        "max_confidence": round(alert.max_confidence, 4),
    }
