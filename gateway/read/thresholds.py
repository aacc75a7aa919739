"""The admin's alert thresholds with hysteresis, as the web UI reads and replaces them.

The entries live in the state store (``alert_thresholds``); the alerts sink reads them
again within ``alerts.settings_refresh`` seconds (gateway.alerts.thresholds has what they
mean and which entry wins).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from gateway.alerts.thresholds import META_KEY, Thresholds
from gateway.state.store import Store


@dataclass(frozen=True, slots=True)
class ThresholdEntry:
    sensor_id: str | None  # None: every asset
    fault: str | None  # None: every fault
    open_at: float
    close_at: float

    @classmethod
    def from_doc(cls, d: Mapping[str, Any]) -> ThresholdEntry:
        return cls(d.get("sensor_id"), d.get("fault"), float(d["open_at"]), float(d["close_at"]))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class AlertThresholds:
    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self) -> list[ThresholdEntry]:
        return [ThresholdEntry.from_doc(d) for d in self.store.get_meta(META_KEY, []) or []]

    def replace(self, entries: Sequence[ThresholdEntry]) -> None:
        """Make ``entries`` the thresholds; ThresholdError (and nothing written) when the
        alert rules could not use them."""
        docs = [e.to_dict() for e in entries]
        Thresholds(docs)
        self.store.put_meta(META_KEY, docs)
