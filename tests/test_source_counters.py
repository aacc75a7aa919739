"""Every source counts the same way: ``received`` readings, ``points`` the values in them."""

from __future__ import annotations

from pathlib import Path

from gateway.health import ComponentHealth, HealthRegistry
from gateway.metrics import render
from gateway.records import Reading
from gateway.sources.base import Source


class Quiet(Source):
    async def run(self) -> None:
        raise NotImplementedError


def test_deliver_counts_readings_and_points(tmp_path: Path) -> None:
    got: list[Reading] = []
    health = ComponentHealth("plc", "source", "opcua")
    src = Quiet(None, lambda rs: got.extend(rs) or 7, health, data_dir=tmp_path)
    readings = [
        Reading("pump_1", 1.0, {"a.x": 1.0, "a.y": 2.0}, bad=("a.z",)),
        Reading("pump_2", 1.0, {}, bad=("a.x", "a.y")),
    ]
    assert src.deliver(readings) == 7
    assert got == readings
    assert (health.received, health.points) == (2, 5)


def test_metrics_export_points_beside_received() -> None:
    reg = HealthRegistry()
    h = reg.register("plc", "source", "opcua")
    h.received, h.points = 3, 12
    text = render(reg, None, [])
    assert (
        'aastreli_component_received_total{component="plc",kind="source",protocol="opcua"} 3'
        in text
    )
    assert (
        'aastreli_component_points_total{component="plc",kind="source",protocol="opcua"} 12' in text
    )
