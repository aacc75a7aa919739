"""Feedback labels: an operator's word on what a reading really was, kept for retraining.

Each label is a copy of the reading it names (values, time, the model's prediction), so
it outlives the history's retention; ``aastreli model export-feedback`` writes them as
training rows (gateway.model.feedback). The store's ``feedback`` table keeps the newest
(``Store.BOUNDS``).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gateway.read.readings import ReadingView
from gateway.state.store import Store

TABLE = "feedback"


@dataclass(frozen=True, slots=True)
class FeedbackLabel:
    id: int
    reading_id: int
    sensor_id: str
    timestamp: float
    values: Mapping[str, Any]
    predicted: str | None
    label: str
    notes: str | None
    user: str
    created_at: float

    @classmethod
    def from_doc(cls, d: Mapping[str, Any]) -> FeedbackLabel:
        return cls(
            id=int(d.get("doc_id", 0)),
            reading_id=int(d.get("reading_id", 0)),
            sensor_id=str(d.get("sensor_id", "")),
            timestamp=float(d.get("timestamp") or 0.0),
            values=dict(d.get("values") or {}),
            predicted=d.get("predicted"),
            label=str(d.get("label", "")),
            notes=d.get("notes"),
            user=str(d.get("user", "")),
            created_at=float(d.get("created_at") or 0.0),
        )

    def to_dict(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in self.__slots__}
        out["values"] = dict(self.values)
        return out


class Feedback:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add(
        self, reading: ReadingView, label: str, *, notes: str | None, user: str
    ) -> FeedbackLabel:
        """Label a reading (StoreError when the disk refuses)."""
        doc = {
            "reading_id": reading.id,
            "sensor_id": reading.sensor_id,
            "timestamp": reading.timestamp,
            "values": dict(reading.values),
            "predicted": reading.label,
            "label": label,
            "notes": notes,
            "user": user,
            "created_at": time.time(),
        }
        doc_id = self.store.insert(TABLE, doc)
        return FeedbackLabel.from_doc({**doc, "doc_id": doc_id})

    def newest(self, limit: int = 500) -> list[FeedbackLabel]:
        return [
            FeedbackLabel.from_doc(d)
            for d in self.store.find(TABLE, newest_first=True, limit=limit)
        ]

    def count(self) -> int:
        return self.store.count(TABLE)
