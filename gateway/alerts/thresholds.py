"""Alert thresholds with hysteresis, per asset or per fault: open at one level, close below another.

An admin sets them in the gateway's settings (``PUT /alert-thresholds``; the state
store's ``alert_thresholds``), as a list of entries::

    {"sensor_id": "pump_7", "fault": "cavitation", "open_at": 0.9, "close_at": 0.5}

``sensor_id`` and ``fault`` are optional (null: any); the most specific entry wins:
asset and fault, then asset, then fault, then an entry naming neither. With an entry,
a prediction of that fault counts towards opening an alert (the rules' debounce) only
at a confidence of at least ``open_at``, and the open alert resolves only after the
probability the model gives that fault stayed below ``close_at`` for the rules'
``resolve_after`` seconds, whatever the label. Without one, the config's
``alerts.min_confidence`` opens and a ``normal`` label closes, as before.

These are the gateway's decisions about faults; each user's ``anomalyThreshold`` (the
seed's setting) still decides whether that user is told.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from gateway.records import Prediction

META_KEY = "alert_thresholds"
MAX_ENTRIES = 1000


class ThresholdError(ValueError):
    """An entry that cannot be used: the message names it and why."""


@dataclass(frozen=True, slots=True)
class Threshold:
    open_at: float
    close_at: float


class Thresholds:
    """The entries, looked up from most to least specific."""

    def __init__(self, entries: Iterable[dict[str, Any]] = ()) -> None:
        self._by: dict[tuple[str | None, str | None], Threshold] = {}
        for i, e in enumerate(entries):
            key, value = _parse(i, e)
            if key in self._by:
                raise ThresholdError(f"entry {i}: asset {key[0]!r} and fault {key[1]!r} twice")
            self._by[key] = value
        if len(self._by) > MAX_ENTRIES:
            raise ThresholdError(f"at most {MAX_ENTRIES} entries")

    def __bool__(self) -> bool:
        return bool(self._by)

    def get(self, sensor_id: str, fault: str) -> Threshold | None:
        by = self._by
        return (
            by.get((sensor_id, fault))
            or by.get((sensor_id, None))
            or by.get((None, fault))
            or by.get((None, None))
        )

    def to_list(self) -> list[dict[str, Any]]:
        return [
            {"sensor_id": s, "fault": f, "open_at": t.open_at, "close_at": t.close_at}
            for (s, f), t in self._by.items()
        ]


def _parse(i: int, e: dict[str, Any]) -> tuple[tuple[str | None, str | None], Threshold]:
    if not isinstance(e, dict):
        raise ThresholdError(f"entry {i}: expected an object")
    sid, fault = e.get("sensor_id"), e.get("fault")
    for name, v in (("sensor_id", sid), ("fault", fault)):
        if v is not None and (not isinstance(v, str) or not v):
            raise ThresholdError(f"entry {i}: {name} must be a non-empty string or null")
    if fault == "normal":
        raise ThresholdError(f"entry {i}: 'normal' is not a fault")
    try:
        open_at, close_at = float(e["open_at"]), float(e["close_at"])
    except (KeyError, TypeError, ValueError):
        raise ThresholdError(f"entry {i}: open_at and close_at must be numbers") from None
    if not 0 < open_at <= 1 or not 0 <= close_at <= open_at:
        raise ThresholdError(f"entry {i}: needs 0 <= close_at <= open_at <= 1 and open_at > 0")
    return (sid, fault), Threshold(open_at, close_at)


class ClassIndex:
    """A prediction's probability of a named class, from its model's class order.

    ``model_info`` is the gateway's description of the active model (and the previous
    one): ``{"name", "classes", "previous": {...}}``. Orders are cached by model name.
    """

    def __init__(self, model_info: Callable[[], dict[str, Any]]) -> None:
        self.model_info = model_info
        self._orders: dict[str, dict[str, int]] = {}

    def probability(self, p: Prediction, fault: str) -> float | None:
        if p.label == fault:
            return p.confidence
        order = self._orders.get(p.model)
        if order is None:
            order = self._order(p.model)
            if order is None:
                return None
        i = order.get(fault)
        return p.probabilities[i] if i is not None and i < len(p.probabilities) else None

    def _order(self, name: str) -> dict[str, int] | None:
        info = self.model_info() or {}
        for m in (info, info.get("previous") or {}):
            if m.get("name") == name and m.get("classes"):
                order = {c: i for i, c in enumerate(m["classes"])}
                self._orders[name] = order
                return order
        return None
