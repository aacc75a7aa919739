"""What the drift checks leave in the state store: periods, baselines and info alerts.

``DriftRecorder`` listens to the drift events ``Insight`` publishes and writes, in a
worker thread (TinyDB fsyncs each write; the events come from the pipeline's loop):

- ``drift_periods``: one document per episode of an asset away from ``ok`` (state,
  start, end, the highest PSIs), which ``aastreli model export-feedback`` uses to mark
  the readings taken during drift (``drifted``) for retraining;
- ``drift_baselines``: each asset's baseline under each model (its source checksum),
  so that a restart does not need another whole window to learn it again;
- an **info alert** in the ``alerts`` table (``kind: drift``, ``severity: info``) when
  a state lasts ``model.drift.alert_after`` seconds, resolved when the asset is ``ok``
  again. It is announced on the event hub (``alert.opened``, ``alert.resolved``), so
  the upstream link forwards it and the UI lists it; it is delivered to nobody's email
  or phone: drift is worth a look, not a page at 3 a.m.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from typing import TYPE_CHECKING, Any

from gateway.alerts.messages import fault_data
from gateway.alerts.records import new_record
from gateway.state.store import StoreError

if TYPE_CHECKING:
    from gateway.events import EventHub
    from gateway.state.store import Store

log = logging.getLogger("gateway.model")

PERIODS = "drift_periods"
BASELINES = "drift_baselines"
ALERTS = "alerts"
KIND = "drift"


class DriftRecorder:
    def __init__(self, store: Store, events: EventHub) -> None:
        self.store = store
        self.events = events
        self._tasks: set[asyncio.Task[None]] = set()
        events.subscribe(self._on_event)

    def load_baseline(self, sensor_id: str, model_source: str) -> list[list[float]] | None:
        doc = self.store.get(BASELINES, sensor_id=sensor_id, model_source=model_source)
        shares = doc.get("shares") if doc else None
        return shares if isinstance(shares, list) else None

    def _on_event(self, kind: str, payload: dict[str, Any]) -> None:
        work = {
            "drift.changed": self._changed,
            "drift.persisting": self._persisting,
            "drift.baseline": self._baseline,
        }.get(kind)
        if work is None:
            return
        task = asyncio.get_running_loop().create_task(self._write(work, dict(payload)))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _write(self, work: Any, payload: dict[str, Any]) -> None:
        try:
            event = await asyncio.to_thread(work, payload)
        except StoreError as err:
            log.error("drift record not written: %s", err, extra={"event": "drift_store_error"})
            return
        if event is not None:
            self.events.publish(*event)

    # -- in a worker thread -----------------------------------------------------------

    def _changed(self, p: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
        sid, state = p["sensor_id"], p["state"]
        if p["previous"] == "ok":
            self.store.insert(
                PERIODS,
                {
                    "sensor_id": sid,
                    "state": state,
                    "start": p["at"],
                    "end": None,
                    "model": p.get("model"),
                    "psi": p.get("psi"),
                },
            )
            return None
        fields: dict[str, Any] = {"state": state} if state != "ok" else {"end": p["at"]}
        self.store.update(PERIODS, fields, sensor_id=sid, end=None)
        if state != "ok":
            return None
        return self._resolve(sid, p["at"])

    def _persisting(self, p: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
        sid = p["sensor_id"]
        if self.store.get(ALERTS, sensor_id=sid, kind=KIND, status="open"):
            return None
        now = time.time()
        fault = f"drift:{p['previous']}"
        doc = new_record(
            uuid.uuid4().hex[:16],
            sid,
            fault,
            now,
            confidence=None,
            fault_data=fault_data(
                timestamp=p["at"], fault_type=fault, confidence=None, sensor_id=sid
            ),
            recipients=[],
            kind=KIND,
            severity="info",
            drift={
                "state": p["previous"],
                "since": p["at"],
                "psi": p.get("psi"),
                "out_of_range_share": p.get("out_of_range_share"),
                "model": p.get("model"),
            },
        )
        doc_id = self.store.insert(ALERTS, doc)
        log.info(
            "info alert: %s has been %s for a while",
            sid,
            p["previous"],
            extra={"event": "drift_alert_opened", "sensor_id": sid},
        )
        return "alert.opened", {**doc, "id": doc_id}

    def _resolve(self, sid: str, at: float) -> tuple[str, dict[str, Any]] | None:
        doc = self.store.get(ALERTS, sensor_id=sid, kind=KIND, status="open")
        if doc is None:
            return None
        now = time.time()
        fields = {"status": "resolved", "resolved_at": now, "updated_at": now}
        self.store.update_by_id(ALERTS, doc["doc_id"], fields)
        out = {k: v for k, v in doc.items() if k != "doc_id"} | fields
        return "alert.resolved", {**out, "id": doc["doc_id"]}

    def _baseline(self, p: dict[str, Any]) -> None:
        self.store.upsert(
            BASELINES,
            {
                "sensor_id": p["sensor_id"],
                "model_source": p["model_source"],
                "model": p.get("model"),
                "at": p["at"],
                "shares": p["shares"],
            },
            sensor_id=p["sensor_id"],
            model_source=p["model_source"],
        )
        return None
