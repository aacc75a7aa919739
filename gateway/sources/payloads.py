"""MQTT payload mapping: one message (topic, bytes) to Readings, or a PayloadError saying why not.

Three modes, chosen per source (``MqttSourceConfig.payload``):

- ``seed``: the seed system's JSON, ``{"sensor_id", "timestamp", "motor_data": {...},
  "pump_data": {...}}``, values keyed ``motor_data.DE_temp``.
- ``json``: any JSON object; ``fields`` maps field paths (``motor.bearing.de_temp``) to
  feature names, the asset id comes from a field path or a topic level.
- ``number``: a plain number per topic; the asset and the point come from topic levels
  (``plant/pump-1/motor_data/DE_temp``), ``fields`` may rename points.

In the JSON modes a payload may also be a JSON array of such objects (publishers that
batch). Timestamps come from the payload when present (ISO-8601 text, or epoch seconds,
milliseconds or microseconds), the receive time otherwise. A value that is not a finite
number (NaN, null in a mapped field) marks that point bad instead of failing the message.

This runs once per message at up to tens of thousands of messages per second: no I/O,
no logging (the source counts and logs), one pass over the decoded object.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import orjson

from gateway.config.sources import MqttSourceConfig
from gateway.records import Reading


class PayloadError(ValueError):
    """A message that cannot be mapped to a reading; counted as malformed, never fatal."""


# Epoch numbers above these are milliseconds or microseconds, not seconds: 1e11 s is the
# year 5138, 1e11 ms is 1973 (no plant data is older).
_MS_ABOVE = 1e11
_US_ABOVE = 1e14


def parse_timestamp(value: object) -> float:
    """ISO-8601 text (no zone means UTC) or epoch s/ms/us as a number or numeric text."""
    if isinstance(value, bool):
        raise PayloadError("timestamp is a boolean")
    if isinstance(value, str):
        text = value.strip()
        if text.replace(".", "", 1).isdigit():  # epoch as text
            value = float(text)
        else:
            try:
                dt = datetime.fromisoformat(text)
            except ValueError:
                raise PayloadError(f"timestamp {value[:40]!r} is not ISO-8601 or epoch") from None
            if dt.tzinfo is None:
                dt = dt.replace(tzinfo=UTC)
            return dt.timestamp()
    if isinstance(value, int | float):
        t = float(value)
        if not math.isfinite(t) or t < 0:
            raise PayloadError(f"timestamp {value!r} is not a valid epoch")
        if t > _US_ABOVE:
            return t / 1e6
        if t > _MS_ABOVE:
            return t / 1e3
        return t
    raise PayloadError(f"timestamp has type {type(value).__name__}")


_RAW_DECODE = json.JSONDecoder().raw_decode


def _loads(payload: bytes) -> Any:
    """The payload's JSON value: orjson (a fifth of the json module's time) for what is
    strict JSON; the json module for the rest, so that ``NaN`` and ``Infinity`` literals
    (which some publishers write) still parse, become bad points, and a broken payload
    gets the json module's message, which says where it broke."""
    try:
        return orjson.loads(payload)
    except orjson.JSONDecodeError:
        pass
    text = payload.decode()
    try:
        doc, end = _RAW_DECODE(text)
    except ValueError:  # leading whitespace, or not JSON: let json.loads say why
        return json.loads(text)
    if end != len(text) and text[end:].strip():
        raise ValueError(f"extra data after the JSON value at {end}")
    return doc


_MISSING: Any = object()
_FLOATS_ONLY = frozenset({float})
_isfinite = math.isfinite
# Cached feature names per level: a publisher inventing new keys cannot grow memory past it.
_NAME_CACHE = 256


def _path(spec: str) -> tuple[str, ...]:
    return tuple(spec.split("."))


def _get(obj: Any, path: tuple[str, ...]) -> Any:
    """The value at a dotted path (list items by index), or _MISSING."""
    for key in path:
        if isinstance(obj, dict):
            obj = obj.get(key, _MISSING)
            if obj is _MISSING:
                return _MISSING
        elif isinstance(obj, list) and key.isdigit() and int(key) < len(obj):
            obj = obj[int(key)]
        else:
            return _MISSING
    return obj


def _segment(topic: str, index: int) -> str:
    levels = topic.split("/")
    try:
        level = levels[index]
    except IndexError:
        raise PayloadError(f"topic has no level {index}") from None
    if not level:
        raise PayloadError(f"topic level {index} is empty")
    return level


class PayloadMapper:
    """Maps messages of one source; ``map()`` appends Readings to ``out`` or raises PayloadError."""

    def __init__(self, config: MqttSourceConfig) -> None:
        self.source = config.name
        self.max_bytes = config.max_payload_bytes
        self._sensor_path = _path(config.sensor_id_field)
        self._sensor_segment = config.sensor_id_segment
        self._ts_path = _path(config.timestamp_field) if config.timestamp_field else None
        # One-level paths (the usual "sensor_id", "timestamp"), read with one dict lookup.
        self._sensor_key = (
            self._sensor_path[0]
            if len(self._sensor_path) == 1 and self._sensor_segment is None
            else None
        )
        self._ts_key = self._ts_path[0] if self._ts_path and len(self._ts_path) == 1 else None
        self._fields = [(_path(k), v) for k, v in config.fields.items()]
        self._names = dict(config.fields)
        self._point_segments = tuple(config.point_segments)
        self._names_cache: dict[str, dict[str, str]] = {}
        self._group_layouts: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}
        self._number_sensor_segment = config.sensor_id_segment or 0  # required for number
        self._object: Callable[[str, Any, float], Reading] = (
            self._seed if config.payload == "seed" else self._json
        )
        self.map = self._map_number if config.payload == "number" else self._map_json

    # -- entry points --------------------------------------------------------------

    def _map_json(self, topic: str, payload: bytes, received: float, out: list[Reading]) -> None:
        if len(payload) > self.max_bytes:
            raise PayloadError(f"payload of {len(payload)} bytes exceeds {self.max_bytes}")
        try:
            doc = _loads(payload)
        except ValueError as err:  # JSONDecodeError and UnicodeDecodeError
            raise PayloadError(f"not JSON: {err}") from None
        except RecursionError:
            raise PayloadError("not JSON: nested too deeply") from None
        if isinstance(doc, dict):
            out.append(self._object(topic, doc, received))
            return
        if not isinstance(doc, list) or not doc:
            raise PayloadError("expected a JSON object (or an array of objects)")
        bad = 0
        first = ""
        for item in doc:
            try:
                if not isinstance(item, dict):
                    raise PayloadError("array item is not an object")
                out.append(self._object(topic, item, received))
            except PayloadError as err:
                bad += 1
                first = first or str(err)
        if bad:
            raise PayloadError(f"{bad} of {len(doc)} array items rejected: {first}")

    def _map_number(self, topic: str, payload: bytes, received: float, out: list[Reading]) -> None:
        if len(payload) > 64:
            raise PayloadError(f"payload of {len(payload)} bytes is not a plain number")
        try:
            value = float(payload)
        except ValueError:
            raise PayloadError(f"not a number: {payload[:40]!r}") from None
        sensor = _segment(topic, self._number_sensor_segment)
        point = ".".join(_segment(topic, i) for i in self._point_segments)
        feature = self._names.get(point) if self._names else point
        if feature is None:
            raise PayloadError(f"point {point!r} is not in fields")
        if math.isfinite(value):
            out.append(Reading(sensor, received, {feature: value}, self.source, (), received))
        else:
            out.append(Reading(sensor, received, {}, self.source, (feature,), received))

    # -- one JSON object -----------------------------------------------------------

    def _sensor(self, topic: str, doc: dict[str, Any]) -> str:
        if self._sensor_segment is not None:
            return _segment(topic, self._sensor_segment)
        sensor = _get(doc, self._sensor_path)
        if isinstance(sensor, str) and sensor:
            return sensor
        if isinstance(sensor, int) and not isinstance(sensor, bool):
            return str(sensor)
        raise PayloadError(f"no asset id at {'.'.join(self._sensor_path)!r}")

    def _timestamp(self, doc: dict[str, Any], received: float) -> float:
        if self._ts_path is None:
            return received
        ts = _get(doc, self._ts_path)
        if ts is _MISSING or ts is None:
            return received
        return parse_timestamp(ts)

    def _seed(self, topic: str, doc: dict[str, Any], received: float) -> Reading:
        """``gateway.features.flatten_seed_payload`` in one pass, the hot path of the gateway.

        A group whose values are all finite floats (what a device sends) is copied in one
        step: its feature names come from a cache keyed by the group's key tuple, the
        type check and the finiteness test (the sum of finite floats is finite unless it
        overflows, and then the slow path decides) run in C. Any other group goes value by
        value (for a group of two or three values that is the cheaper way anyway):
        ``type() is`` leaves out booleans like flatten's isinstance checks do; ``v - v ==
        0`` is False for NaN and infinities, which become bad points, as does an integer
        too large for a double.
        """
        key = self._sensor_key
        sensor = doc.get(key) if key is not None else None
        if type(sensor) is not str or not sensor:
            sensor = self._sensor(topic, doc)
        key = self._ts_key
        if key is not None:
            ts = doc.get(key)
            ts = received if ts is None else parse_timestamp(ts)
        else:
            ts = self._timestamp(doc, received)
        values: dict[str, float] = {}
        bad: list[str] = []
        layouts = self._group_layouts
        for group, body in doc.items():
            if type(body) is not dict:
                continue
            vals = tuple(body.values())
            if _FLOATS_ONLY.issuperset(map(type, vals)) and vals and _isfinite(sum(vals)):
                keys = tuple(body)
                names = layouts.get((group, keys))
                if names is None:
                    names = tuple(f"{group}.{k}" for k in keys)
                    if len(layouts) < _NAME_CACHE:
                        layouts[(group, keys)] = names
                values.update(zip(names, vals, strict=True))
                continue
            self._seed_group(group, body, values, bad)
        if not values and not bad:
            raise PayloadError("no numeric values in motor_data/pump_data groups")
        return Reading(sensor, ts, values, self.source, tuple(bad), received)

    def _seed_group(
        self, group: str, body: dict[str, Any], values: dict[str, float], bad: list[str]
    ) -> None:
        """One group value by value: ints become floats, other types are left out."""
        names = self._names_cache
        known = names.get(group)
        if known is None:
            known = {}
            if len(names) < _NAME_CACHE:
                names[group] = known
        for key, v in body.items():
            t = type(v)
            if t is float or t is int:
                name = known.get(key)
                if name is None:
                    name = f"{group}.{key}"
                    if len(known) < _NAME_CACHE:
                        known[key] = name
                try:
                    if v - v == 0:
                        values[name] = float(v)
                        continue
                except OverflowError:  # an integer beyond a double's range
                    pass
                bad.append(name)

    def _json(self, topic: str, doc: dict[str, Any], received: float) -> Reading:
        sensor = self._sensor(topic, doc)
        ts = self._timestamp(doc, received)
        values: dict[str, float] = {}
        bad: list[str] = []
        for path, feature in self._fields:
            v = _get(doc, path)
            if v is _MISSING:
                continue
            if isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v):
                values[feature] = float(v)
            else:
                bad.append(feature)
        if not values and not bad:
            raise PayloadError("none of the configured fields is present")
        return Reading(sensor, ts, values, self.source, tuple(bad), received)
