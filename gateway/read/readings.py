"""Readings: what the history kept of each reading (values, label, confidence), by asset and time.

The reading history (gateway.state.history, SQLite) holds every scored reading within its
retention. A reading carries its good values by feature, the names of its bad points,
the model's label and confidence (none when the reading was not scored, with the reason
in ``unscored``) and the model that gave them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gateway.state.history import History


@dataclass(frozen=True, slots=True)
class ReadingView:
    id: int
    sensor_id: str
    timestamp: float
    source: str
    values: Mapping[str, float]
    bad: tuple[str, ...]
    label: str | None  # the model's prediction; None: not scored
    confidence: float | None
    probabilities: tuple[float, ...] | None
    model: str | None
    unscored: str | None  # why there is no label

    @classmethod
    def from_row(cls, r: Mapping[str, Any]) -> ReadingView:
        probs = r.get("probabilities")
        return cls(
            id=r["id"],
            sensor_id=r["sensor_id"],
            timestamp=r["timestamp"],
            source=r["source"],
            values=r["values"],
            bad=tuple(r.get("bad") or ()),
            label=r.get("prediction"),
            confidence=r.get("confidence"),
            probabilities=tuple(probs) if probs is not None else None,
            model=r.get("model"),
            unscored=r.get("unscored"),
        )

    def to_dict(self) -> dict[str, Any]:
        """The API's reading (``prediction`` for the label, as the seed named it)."""
        return {
            "id": self.id,
            "timestamp": self.timestamp,
            "sensor_id": self.sensor_id,
            "source": self.source,
            "values": dict(self.values),
            "bad": list(self.bad),
            "prediction": self.label,
            "confidence": self.confidence,
            "probabilities": list(self.probabilities) if self.probabilities is not None else None,
            "model": self.model,
            "unscored": self.unscored,
        }


@dataclass(frozen=True, slots=True)
class ReadingPage:
    readings: tuple[ReadingView, ...]
    total: int
    limit: int
    offset: int


class Readings:
    """Reads of the history from any thread (each thread has its own connection)."""

    def __init__(self, history: History) -> None:
        self.history = history

    def page(
        self,
        *,
        sensor_id: str | None = None,
        start: float | None = None,
        end: float | None = None,
        label: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> ReadingPage:
        """Readings newest first, filtered, with the number that match."""
        h = self.history
        rows = h.query(
            sensor_id=sensor_id, start=start, end=end, label=label, limit=limit, offset=offset
        )
        total = h.count(sensor_id=sensor_id, start=start, end=end, label=label)
        return ReadingPage(tuple(ReadingView.from_row(r) for r in rows), total, limit, offset)

    def over(
        self, sensor_id: str, start: float, end: float, *, limit: int = 10_000
    ) -> tuple[ReadingView, ...]:
        """An asset's readings in [start, end], oldest first (a chart of a time range)."""
        rows = self.history.query(
            sensor_id=sensor_id, start=start, end=end, limit=limit, newest_first=False
        )
        return tuple(ReadingView.from_row(r) for r in rows)

    def series(
        self, sensor_id: str, start: float, end: float, *, points: int = 1000
    ) -> tuple[tuple[ReadingView, ...], bool]:
        """An asset's readings in [start, end] for a chart, oldest first, and whether they
        were sampled: all of them up to ``points``, else one per slice of the range (its
        most confident fault, if any)."""
        if self.history.count(sensor_id=sensor_id, start=start, end=end) <= points:
            return self.over(sensor_id, start, end, limit=points), False
        rows = self.history.sample(sensor_id, start, end, points)
        return tuple(ReadingView.from_row(r) for r in rows), True

    def get(self, reading_id: int) -> ReadingView | None:
        row = self.history.get(reading_id)
        return ReadingView.from_row(row) if row is not None else None

    def sensors(self) -> list[str]:
        """Every asset the history holds readings of."""
        return self.history.sensors()
