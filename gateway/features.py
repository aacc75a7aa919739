"""The feature map: turns readings into the ordered vector the model expects.

This module is shared by training (``aastreli model train``) and the device, so what the
device computes at run time is exactly what training computed. The default model's
features are the raw points of a pump-motor set, named by their path in the seed's
payload shape (``motor_data.DE_temp``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

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


class FeatureMap:
    """Ordered feature names, and the per-asset merge of partial readings.

    Sources that deliver one point at a time (OPC UA subscriptions, plain-number MQTT
    topics) produce partial readings; the map keeps each asset's last good value per
    point so the model sees a full row. A value older than ``max_age`` seconds, or one
    marked bad, is missing (None), never a stale number.
    """

    __slots__ = ("_index", "_last", "max_age", "names")

    def __init__(self, names: Sequence[str], max_age: float = 60.0) -> None:
        self.names: tuple[str, ...] = tuple(names)
        self._index = {n: i for i, n in enumerate(self.names)}
        self._last: dict[str, list[tuple[float, float] | None]] = {}
        self.max_age = max_age

    def row(self, reading: Reading) -> list[float | None]:
        """The model's input row for this reading, merged with the asset's recent values."""
        last = self._last.get(reading.sensor_id)
        if last is None:
            last = self._last[reading.sensor_id] = [None] * len(self.names)
        ts = reading.timestamp
        index = self._index
        for name, value in reading.values.items():
            i = index.get(name)
            if i is not None:
                last[i] = (ts, value)
        for name in reading.bad:
            i = index.get(name)
            if i is not None:
                last[i] = None
        oldest = ts - self.max_age
        return [None if e is None or e[0] < oldest else e[1] for e in last]

    def rows(self, readings: Iterable[Reading]) -> list[list[float | None]]:
        return [self.row(r) for r in readings]

    def forget(self, sensor_id: str) -> None:
        self._last.pop(sensor_id, None)


def flatten_seed_payload(payload: dict[str, object]) -> dict[str, float]:
    """``{"motor_data": {"DE_temp": 1.0}}`` to ``{"motor_data.DE_temp": 1.0}``; numbers only."""
    out: dict[str, float] = {}
    for group, body in payload.items():
        if isinstance(body, dict):
            for key, value in body.items():
                if isinstance(value, int | float) and not isinstance(value, bool):
                    out[f"{group}.{key}"] = float(value)
    return out
