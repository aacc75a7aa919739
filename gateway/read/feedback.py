"""Feedback labels: an operator's word on what a reading, or a whole episode, really was.

A reading's label is a copy of the reading it names (values, time, the model's
prediction), so it outlives the history's retention. An episode's label names a time
range of one asset (or an alert's, from its opening to its resolution) and keeps a copy
of every reading in it (at most ``EPISODE_MAX``). ``aastreli model export-feedback``
writes both as training rows, one per reading (gateway.model.feedback). The store's
``feedback`` table keeps the newest (``Store.BOUNDS``).
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gateway.read.readings import ReadingView
from gateway.state.store import Store

TABLE = "feedback"
# Readings an episode's label copies: an hour at one reading a second. TinyDB rewrites
# its whole file on each write, so a label is one document, never one per reading.
EPISODE_MAX = 3600


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


@dataclass(frozen=True, slots=True)
class EpisodeLabel:
    """A label on one asset's time range (or an alert's): the readings it copied."""

    id: int
    sensor_id: str
    start: float
    end: float
    alert_id: int | None
    label: str
    notes: str | None
    user: str
    created_at: float
    readings: int  # how many readings it copied

    @classmethod
    def from_doc(cls, d: Mapping[str, Any]) -> EpisodeLabel:
        return cls(
            id=int(d.get("doc_id", 0)),
            sensor_id=str(d.get("sensor_id", "")),
            start=float(d.get("start") or 0.0),
            end=float(d.get("end") or 0.0),
            alert_id=d.get("alert_id"),
            label=str(d.get("label", "")),
            notes=d.get("notes"),
            user=str(d.get("user", "")),
            created_at=float(d.get("created_at") or 0.0),
            readings=len(d.get("readings") or ()),
        )

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


def _is_episode(d: Mapping[str, Any]) -> bool:
    return d.get("kind") == "episode"


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

    def add_episode(
        self,
        readings: Sequence[ReadingView],
        *,
        sensor_id: str,
        start: float,
        end: float,
        label: str,
        alert_id: int | None,
        notes: str | None,
        user: str,
    ) -> EpisodeLabel:
        """Label an asset's time range with copies of its readings (StoreError when the
        disk refuses)."""
        doc = {
            "kind": "episode",
            "sensor_id": sensor_id,
            "start": start,
            "end": end,
            "alert_id": alert_id,
            "label": label,
            "notes": notes,
            "user": user,
            "created_at": time.time(),
            "readings": [
                {
                    "reading_id": r.id,
                    "timestamp": r.timestamp,
                    "values": dict(r.values),
                    "predicted": r.label,
                }
                for r in readings[:EPISODE_MAX]
            ],
        }
        doc_id = self.store.insert(TABLE, doc)
        return EpisodeLabel.from_doc({**doc, "doc_id": doc_id})

    def episodes(self, sensor_id: str, limit: int = 200) -> list[EpisodeLabel]:
        """An asset's episode labels, newest first."""
        docs = self.store.find(
            TABLE, where=_is_episode, newest_first=True, limit=limit, sensor_id=sensor_id
        )
        return [EpisodeLabel.from_doc(d) for d in docs]

    def newest(self, limit: int = 500) -> list[FeedbackLabel]:
        """The newest labels of single readings."""
        docs = self.store.find(
            TABLE, where=lambda d: not _is_episode(d), newest_first=True, limit=limit
        )
        return [FeedbackLabel.from_doc(d) for d in docs]

    def count(self) -> int:
        return self.store.count(TABLE)
