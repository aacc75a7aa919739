"""Assets: each asset's latest values, prediction and data state; its state changes; its chart.

An asset is known by its readings (the live state, gateway.live) or by its state
(gateway.assets: live, stale, offline or no_data and since when); a configured device that
never answered has a state and no reading. A prediction is the model's last word on the
asset; whether its values are current is the state's to say. State changes come from the
reading history's ``asset_states`` table and follow its retention.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gateway.assets import AssetStates
    from gateway.live import LiveState
    from gateway.state.history import History


@dataclass(frozen=True, slots=True)
class AssetStatus:
    """An asset's data state now (gateway.assets)."""

    sensor_id: str
    source: str | None
    state: str  # live, stale, offline, no_data
    since: float  # when this state began (epoch seconds)
    for_seconds: float
    last_reading: float | None
    age_seconds: float | None  # since the last reading
    stale_after: float
    overdue: bool
    unscored: int  # readings left unscored since the start
    unscored_reason: str | None

    @classmethod
    def from_snapshot(cls, s: Mapping[str, Any]) -> AssetStatus:
        return cls(
            sensor_id=s["sensor_id"],
            source=s.get("source"),
            state=s["state"],
            since=s["since"],
            for_seconds=s.get("for_seconds", 0.0),
            last_reading=s.get("last_reading"),
            age_seconds=s.get("age_seconds"),
            stale_after=s.get("stale_after", 0.0),
            overdue=bool(s.get("overdue", False)),
            unscored=int(s.get("unscored", 0)),
            unscored_reason=s.get("unscored_reason"),
        )

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


@dataclass(frozen=True, slots=True)
class AssetView:
    """An asset: its latest values and prediction (None before any reading), its state."""

    sensor_id: str
    values: Mapping[str, float | None]  # None: the point was bad in the last reading
    prediction: str | None  # the label, None when the last reading was not scored
    confidence: float | None
    unscored: str | None  # why the last reading has no label
    model: str | None
    # The prediction's top contributors (faults; None: none kept), and the values outside
    # the model's training range (gateway.model.insight).
    explanation: tuple[Mapping[str, Any], ...] | None
    out_of_range: tuple[str, ...]
    count: int  # readings since the start
    timestamp: float | None  # of the last reading
    updated: float | None  # when the gateway took it
    source: str | None
    status: AssetStatus | None  # None: the gateway keeps no state for it

    @property
    def state(self) -> str:
        if self.status is not None:
            return self.status.state
        return "live" if self.timestamp is not None else "no_data"


@dataclass(frozen=True, slots=True)
class StateChange:
    sensor_id: str
    state: str
    previous: str | None
    since: float  # when the new state began
    source: str | None
    last_reading: float | None


@dataclass(frozen=True, slots=True)
class ChartPoint:
    t: float
    values: Mapping[str, float | None]
    prediction: str | None
    confidence: float | None


class Assets:
    """Safe from any thread: every read copies."""

    def __init__(
        self, live: LiveState, states: AssetStates | None, history: History | None
    ) -> None:
        self.live = live
        self.states = states
        self.history = history

    @property
    def chart_step(self) -> float:
        return self.live.chart_step

    def statuses(self) -> dict[str, AssetStatus]:
        """Every asset's data state, by sensor id."""
        if self.states is None:
            return {}
        return {sid: AssetStatus.from_snapshot(s) for sid, s in self.states.snapshot().items()}

    def all(self) -> list[AssetView]:
        """Every asset with readings or a state, by sensor id."""
        live = self.live.snapshot()
        statuses = self.statuses()
        return [
            _view(sid, live.get(sid), statuses.get(sid))
            for sid in sorted(set(live) | set(statuses))
        ]

    def get(self, sensor_id: str) -> AssetView | None:
        entry = self.live.snapshot().get(sensor_id)
        snap = self.states.get(sensor_id) if self.states is not None else None
        status = AssetStatus.from_snapshot(snap) if snap is not None else None
        if entry is None and status is None:
            return None
        return _view(sensor_id, entry, status)

    def chart(self, sensor_id: str, since: float = 0.0) -> list[ChartPoint]:
        """The asset's recent values, one point every ``chart_step`` seconds."""
        return [
            ChartPoint(p["t"], p["values"], p.get("prediction"), p.get("confidence"))
            for p in self.live.chart(sensor_id, since=since)
        ]

    def changes(
        self,
        *,
        sensor_id: str | None = None,
        start: float | None = None,
        end: float | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[StateChange] | None:
        """State changes, newest first; None when the history is off."""
        if self.history is None:
            return None
        rows = self.history.states(
            sensor_id=sensor_id, start=start, end=end, limit=limit, offset=offset
        )
        return [
            StateChange(
                r["sensor_id"], r["state"], r["previous"], r["ts"], r["source"], r["last_reading"]
            )
            for r in rows
        ]


def _view(sid: str, entry: Mapping[str, Any] | None, status: AssetStatus | None) -> AssetView:
    e = entry or {}
    return AssetView(
        sensor_id=sid,
        values=dict(e.get("values") or {}),
        prediction=e.get("prediction"),
        confidence=e.get("confidence"),
        unscored=e.get("unscored"),
        model=e.get("model"),
        explanation=tuple(e["explanation"]) if e.get("explanation") is not None else None,
        out_of_range=tuple(e.get("out_of_range") or ()),
        count=int(e.get("count", 0)),
        timestamp=e.get("timestamp"),
        updated=e.get("updated"),
        source=e.get("source") or (status.source if status else None),
        status=status,
    )
