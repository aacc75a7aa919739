"""OPC UA values to Readings: a DataValue's number, quality and time; one Reading per asset.

A value is good when its StatusCode's severity is good (or uncertain, with
``accept_uncertain``) and it is a finite number (a boolean reads as 1.0/0.0); anything
else makes the point bad in its Reading, and a value of the wrong type is counted as
malformed. Its time is the source timestamp, the server's, or the gateway's clock
(``timestamps``); a source clock before 2000 was never set and falls back to the next.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Sequence

from gateway.config.sources import OpcuaSourceConfig
from gateway.health import ComponentHealth
from gateway.logs import RateLimited
from gateway.records import Reading
from gateway.sources.opcua_lib import ua
from gateway.sources.opcua_nodes import Point

log = logging.getLogger("gateway.sources.opcua")

# A source timestamp before 2000 comes from a device whose clock was never set.
_CLOCK_NOT_SET = 946_684_800.0
# StatusCode severity lives in the top two bits: 00 good, 01 uncertain, 1x bad.
_SEVERITY_SHIFT = 30

# An asset's Reading being built: good values, bad features, newest timestamp (a box).
_Part = tuple[dict[str, float], list[str], list[float]]


class Decoder:
    """Decodes the values of one source's points."""

    def __init__(self, config: OpcuaSourceConfig, health: ComponentHealth) -> None:
        self.name = config.name
        self.health = health
        self._uncertain_ok = config.accept_uncertain
        self._ts_mode = config.timestamps
        self._ratelog = RateLimited(log, 60.0)

    def value(self, point: Point, dv: ua.DataValue) -> float | None:
        """The point's value as a float, or None when its status or type makes it unusable."""
        status = dv.StatusCode
        severity = (status.value >> _SEVERITY_SHIFT) if status is not None else 0
        if severity > 1 or (severity == 1 and not self._uncertain_ok):
            return None
        raw = dv.Value.Value if dv.Value is not None else None
        if isinstance(raw, int | float):  # bool is an int: 1.0 / 0.0
            value = float(raw)
            if math.isfinite(value):
                return value
        self.health.malformed += 1
        self._ratelog.warning(
            f"type:{point.handle}",
            "%s: point %s/%s (%s) is not a finite number: %.60r",
            self.name,
            point.sensor_id,
            point.feature,
            point.config.node,
            raw,
            component=self.name,
        )
        return None

    def timestamp(self, dv: ua.DataValue, now: float) -> float:
        if self._ts_mode == "gateway":
            return now
        for stamp in (
            dv.SourceTimestamp if self._ts_mode == "source" else None,
            dv.ServerTimestamp,
        ):
            if stamp is not None:
                ts = stamp.timestamp()
                if ts > _CLOCK_NOT_SET:
                    return ts
        return now

    def changes(
        self,
        items: Iterable[ua.MonitoredItemNotification],
        by_handle: dict[int, Point],
        now: float,
    ) -> list[Reading]:
        """Data changes of one publish response to one partial Reading per asset.

        A monitored item with a queue can report several values in one response; a
        feature seen twice for an asset starts a new Reading so no value is lost.
        """
        pending: dict[str, _Part] = {}
        out: list[Reading] = []
        name = self.name
        for item in items:
            point = by_handle.get(item.ClientHandle)
            if point is None:
                continue
            dv = item.Value
            value = self.value(point, dv)
            ts = self.timestamp(dv, now)
            part = pending.get(point.sensor_id)
            if part is None or point.feature in part[0] or point.feature in part[1]:
                if part is not None:
                    out.append(
                        Reading(point.sensor_id, part[2][0], part[0], name, tuple(part[1]), now)
                    )
                part = pending[point.sensor_id] = ({}, [], [ts])
            if value is None:
                part[1].append(point.feature)
            else:
                part[0][point.feature] = value
            if ts > part[2][0]:
                part[2][0] = ts
        for sid, (values, bad, ts_box) in pending.items():
            out.append(Reading(sid, ts_box[0], values, name, tuple(bad), now))
        return out

    def polled(
        self, points: Sequence[Point], values: Sequence[ua.DataValue], now: float
    ) -> list[Reading]:
        """One Read's values to one Reading per asset, timed by its newest good value."""
        assets: dict[str, _Part] = {}
        for point, dv in zip(points, values, strict=True):
            part = assets.get(point.sensor_id)
            if part is None:
                part = assets[point.sensor_id] = ({}, [], [0.0])
            value = self.value(point, dv)
            if value is None:
                part[1].append(point.feature)
            else:
                part[0][point.feature] = value
                part[2][0] = max(part[2][0], self.timestamp(dv, now))
        return [
            Reading(sid, ts_box[0] or now, vals, self.name, tuple(bad), now)
            for sid, (vals, bad, ts_box) in assets.items()
        ]


def bad_readings(name: str, points: Iterable[Point], now: float) -> list[Reading]:
    """One Reading per asset with these points bad (not on the server, or link lost)."""
    bad: dict[str, list[str]] = {}
    for p in points:
        bad.setdefault(p.sensor_id, []).append(p.feature)
    return [Reading(sid, now, {}, name, tuple(f), now) for sid, f in bad.items()]
