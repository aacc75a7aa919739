"""Live state for the UI: each asset's latest values and prediction, and a short chart history.

A reading without a prediction (``Scored.unscored``) clears the asset's prediction: the
UI shows why there is none instead of an older label. Whether the values are current is
the asset state's to say (gateway.assets).

Updated by the pipeline on the event loop for every batch (cheap: a dict update per
asset); read by the web UI's threads through ``snapshot()``, which copies.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from typing import Any

from gateway.records import Scored


class LiveState:
    def __init__(self, chart_seconds: float = 3600.0, chart_step: float = 5.0) -> None:
        self.chart_step = chart_step
        self._chart_len = int(chart_seconds / chart_step)
        self._lock = threading.Lock()
        self._assets: dict[str, dict[str, Any]] = {}
        self._charts: dict[str, deque[dict[str, Any]]] = {}
        self._chart_last: dict[str, float] = {}

    def update(self, batch: list[Scored]) -> None:
        latest: dict[str, Scored] = {}
        for s in batch:
            latest[s.reading.sensor_id] = s
        now = time.time()
        with self._lock:
            for sid, s in latest.items():
                r, p = s.reading, s.prediction
                entry = self._assets.get(sid)
                if entry is None:
                    entry = self._assets[sid] = {"sensor_id": sid, "values": {}, "count": 0}
                entry["values"].update(r.values)
                for name in r.bad:
                    entry["values"][name] = None
                entry["timestamp"] = r.timestamp
                entry["source"] = r.source
                entry["updated"] = now
                if p is not None:
                    entry["prediction"] = p.label
                    entry["confidence"] = p.confidence
                    entry["model"] = p.model
                    e = s.explanation
                    entry["explanation"] = [c.to_dict() for c in e.top] if e is not None else None
                    entry["out_of_range"] = list(s.out_of_range)
                    entry["unscored"] = None
                elif s.unscored is not None:
                    # No label now: an older prediction would pass for a current one.
                    entry["prediction"] = entry["confidence"] = None
                    entry["unscored"] = s.unscored
                    entry["explanation"] = None
                    entry["out_of_range"] = list(s.out_of_range)
                if now - self._chart_last.get(sid, 0.0) >= self.chart_step:
                    self._chart_last[sid] = now
                    chart = self._charts.get(sid)
                    if chart is None:
                        chart = self._charts[sid] = deque(maxlen=self._chart_len)
                    chart.append(
                        {
                            "t": r.timestamp,
                            "values": dict(entry["values"]),
                            "prediction": entry.get("prediction"),
                            "confidence": entry.get("confidence"),
                        }
                    )
            for s in batch:
                self._assets[s.reading.sensor_id]["count"] += 1

    def value(self, sensor_id: str, feature: str) -> tuple[float | None, float | None, float]:
        """An asset's latest value of one feature: (value, its reading's timestamp, when it
        arrived); (None, None, 0.0) when none came (a bad value is None too)."""
        with self._lock:
            entry = self._assets.get(sensor_id)
            if entry is None:
                return None, None, 0.0
            value = entry["values"].get(feature)
            return value, entry.get("timestamp"), float(entry.get("updated", 0.0))

    def forget(self, sensor_id: str) -> None:
        """Drop an asset (an id the ingest gate gave up on probation)."""
        with self._lock:
            self._assets.pop(sensor_id, None)
            self._charts.pop(sensor_id, None)
            self._chart_last.pop(sensor_id, None)

    def snapshot(self) -> dict[str, dict[str, Any]]:
        with self._lock:
            return {sid: {**e, "values": dict(e["values"])} for sid, e in self._assets.items()}

    def chart(self, sensor_id: str, since: float = 0.0) -> list[dict[str, Any]]:
        with self._lock:
            return [p for p in self._charts.get(sensor_id, ()) if p["t"] >= since]
