"""The feature map: turns readings into the ordered vector the model expects.

This module is shared by training (``aastreli model train``) and the device, so what the
device computes at run time is exactly what training computed. The default model's
features are the raw points of a pump-motor set, named by their path in the seed's
payload shape (``motor_data.DE_temp``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from operator import itemgetter
from typing import Any

from gateway.records import Reading

# The points of one pump-motor set, in the order the default model expects them.
# DE/NDE: drive end and non-drive end bearing. Vibration in mm/s RMS and peak, kurtosis
# dimensionless; temperatures in °C; current in A; pressure in bar; flow in m³/h.
MOTOR_POINTS: tuple[str, ...] = (
    "DE_temp",
    "NDE_temp",
    "DE_vib_rms",
    "DE_vib_peak",
    "DE_vib_kurtosis",
    "NDE_vib_rms",
    "NDE_vib_peak",
    "NDE_vib_kurtosis",
    "current",
)
PUMP_POINTS: tuple[str, ...] = (
    "DE_temp",
    "NDE_temp",
    "DE_vib_rms",
    "DE_vib_peak",
    "DE_vib_kurtosis",
    "NDE_vib_rms",
    "NDE_vib_peak",
    "NDE_vib_kurtosis",
    "suction_pressure",
    "discharge_pressure",
    "flow",
)
PLANT_FEATURES: tuple[str, ...] = tuple(f"motor_data.{p}" for p in MOTOR_POINTS) + tuple(
    f"pump_data.{p}" for p in PUMP_POINTS
)

# How people read each point: words and unit (units as docs/simulator.md gives them;
# kurtosis is a ratio of moments and has none). The web UI's labels and a package's
# manifest (``feature_display``, so that explanations and alerts say "Pump DE vibration
# RMS 7.2 mm/s" for any package, whatever its features) both come from here.
POINT_TEXT: dict[str, tuple[str, str]] = {
    "DE_temp": ("DE temperature", "°C"),
    "NDE_temp": ("NDE temperature", "°C"),
    "DE_vib_rms": ("DE vibration RMS", "mm/s"),
    "DE_vib_peak": ("DE vibration peak", "mm/s"),
    "DE_vib_kurtosis": ("DE vibration kurtosis", ""),
    "NDE_vib_rms": ("NDE vibration RMS", "mm/s"),
    "NDE_vib_peak": ("NDE vibration peak", "mm/s"),
    "NDE_vib_kurtosis": ("NDE vibration kurtosis", ""),
    "current": ("current", "A"),
    "suction_pressure": ("suction pressure", "bar"),
    "discharge_pressure": ("discharge pressure", "bar"),
    "flow": ("flow", "m³/h"),
    # What a write changes on the simulated sets (docs/writes.md); not model features.
    "stop": ("stop command", ""),
    "speed_setpoint": ("speed setpoint", "%"),
}
GROUP_TEXT = {"motor_data": "Motor", "pump_data": "Pump", "control": "Control"}
PLANT_DISPLAY: dict[str, dict[str, str]] = {
    f"{group}.{point}": {"label": f"{GROUP_TEXT[group]} {text}", "unit": unit}
    for group, points in (("motor_data", MOTOR_POINTS), ("pump_data", PUMP_POINTS))
    for point in points
    for text, unit in (POINT_TEXT[point],)
}

# The classes of the default model: normal plus the simulator's fault modes.
PLANT_CLASSES: tuple[str, ...] = (
    "normal",
    "pump_bearing_cage_defect",
    "pump_bearing_outer_race",
    "pump_bearing_inner_race",
    "motor_bearing_defect",
    "misalignment",
    "imbalance",
    "cavitation",
    "motor_overheating",
)


_UNSEEN: Any = object()


class FeatureMap:
    """Ordered feature names, and the per-asset merge of partial readings.

    Sources that deliver one point at a time (OPC UA subscriptions, plain-number MQTT
    topics) produce partial readings; the map keeps each asset's last good value per
    point so the model sees a full row. A value older than ``max_age`` seconds, or one
    marked bad, is missing (None), never a stale number.
    """

    __slots__ = ("_index", "_last", "_orders", "max_age", "names")

    def __init__(self, names: Sequence[str], max_age: float = 60.0) -> None:
        self.names: tuple[str, ...] = tuple(names)
        self._index = {n: i for i, n in enumerate(self.names)}
        # Per asset: the last good value per feature (None: bad or never seen) and when.
        self._last: dict[str, tuple[list[float | None], list[float]]] = {}
        # Per key order of complete readings: what puts their values in feature order.
        self._orders: dict[tuple[str, ...], itemgetter[Any] | None] = {}
        self.max_age = max_age

    def row(self, reading: Reading) -> list[float | None]:
        """The model's input row for this reading, merged with the asset's recent values."""
        n = len(self.names)
        last = self._last.get(reading.sensor_id)
        if last is None:
            last = self._last[reading.sensor_id] = ([None] * n, [-math.inf] * n)
        vals, times = last
        ts = reading.timestamp
        values = reading.values
        if len(values) >= n and not reading.bad:
            # A complete reading (the usual case for whole-payload sources, which may
            # carry other values beside the features): its values in feature order are
            # the row, all fresh; no per-value work in Python.
            keys = tuple(values)
            order = self._orders.get(keys, _UNSEEN)
            if order is _UNSEEN:
                order = self._order(keys)
            if order is not None:
                row: list[float | None] = list(order(tuple(values.values())))
                vals[:] = row
                times[:] = [ts] * n
                return row
        index = self._index
        for name, value in values.items():
            i = index.get(name)
            if i is not None:
                vals[i] = value
                times[i] = ts
        for name in reading.bad:
            i = index.get(name)
            if i is not None:
                vals[i] = None
        oldest = ts - self.max_age
        return [v if t >= oldest else None for v, t in zip(vals, times, strict=True)]

    def _order(self, keys: tuple[str, ...]) -> itemgetter[Any] | None:
        """An itemgetter that picks a reading's values (in ``keys`` order) in feature
        order; None when a feature is not among the keys (or there is only one
        feature: itemgetter of one index returns the item, not a tuple)."""
        order = None
        if len(self.names) > 1 and self._index.keys() <= set(keys):
            position = {k: i for i, k in enumerate(keys)}
            order = itemgetter(*[position[name] for name in self.names])
        if len(self._orders) >= 1000:
            self._orders.clear()
        self._orders[keys] = order
        return order

    def rows(self, readings: Iterable[Reading]) -> list[list[float | None]]:
        return [self.row(r) for r in readings]


def flatten_seed_payload(payload: dict[str, object]) -> dict[str, float]:
    """``{"motor_data": {"DE_temp": 1.0}}`` to ``{"motor_data.DE_temp": 1.0}``; numbers only."""
    out: dict[str, float] = {}
    for group, body in payload.items():
        if isinstance(body, dict):
            for key, value in body.items():
                if isinstance(value, int | float) and not isinstance(value, bool):
                    out[f"{group}.{key}"] = float(value)
    return out
