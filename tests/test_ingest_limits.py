"""Ingest limits on sensor ids (issue #13, finding 6): a publisher that invents 5,000
assets or one 50 KB id is refused and counted, and nothing of it is stored."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from pathlib import Path

import pytest

from gateway.config import parse_config
from gateway.features import FeatureMap
from gateway.health import ComponentHealth
from gateway.ingest import BAD_ID, OVER_LIMIT, AssetGate, sensor_id_problem
from gateway.live import LiveState
from gateway.pipeline import Pipeline
from gateway.records import Reading
from gateway.runtime import Gateway
from tests.support.mosquitto import Mosquitto
from tests.support.wait import until


def _r(sid: str) -> Reading:
    return Reading(sid, time.time(), {"motor_data.DE_temp": 40.0}, source="t")


def test_sensor_id_rules() -> None:
    for good in ("pump_1", "plant/a:b@c.d-e", "Pumpe_Ölkühler_3", "x" * 128):
        assert sensor_id_problem(good) is None, good
    for bad in ("", "x" * 129, "pump 1", "<script>", 'a"b', "a\nb", "a#", "a+b", "a\x00"):
        assert sensor_id_problem(bad) is not None, repr(bad)
    assert sensor_id_problem(123) is not None


def test_the_gate_counts_refusals_and_logs_them_rate_limited(
    caplog: pytest.LogCaptureFixture,
) -> None:
    health = ComponentHealth("pipeline", "stage")
    gate = AssetGate(health, max_assets=3)
    with caplog.at_level(logging.WARNING, logger="gateway.ingest"):
        out = gate.filter([_r(f"pump_{i}") for i in range(10)] + [_r("y" * 50_000)])
        out += gate.filter([_r("pump_0"), _r("pump_2"), _r("pump_9")])
    assert [r.sensor_id for r in out] == ["pump_0", "pump_1", "pump_2", "pump_0", "pump_2"]
    assert health.extra[OVER_LIMIT] == 8 and health.extra[BAD_ID] == 1
    assert health.malformed == 9
    # One line per reason per minute, however many refusals; the long id is shortened.
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 2 and all(len(line) < 300 for line in lines)


async def test_refused_readings_never_reach_the_queue_or_the_live_state() -> None:
    health = ComponentHealth("pipeline", "stage")
    live = LiveState()

    class NoModel:
        def predict(self, rows: list[list[float | None]]) -> list[None]:
            return [None] * len(rows)

    p = Pipeline(
        FeatureMap(["motor_data.DE_temp"]),
        NoModel(),
        [],
        health,
        live=live,
        gate=AssetGate(health, max_assets=5),
    )
    task = asyncio.create_task(p.run())
    p.submit([_r(f"fake_{i}") for i in range(5000)] + [_r("z" * 50_000)])
    assert p.depth == 5
    assert await p.drain(5)
    assert len(live.snapshot()) == 5
    assert health.malformed == 4996
    task.cancel()


@pytest.mark.slow
async def test_a_publisher_inventing_assets_is_held_at_the_limit(
    mosquitto: Mosquitto, tmp_path: Path
) -> None:
    from gmqtt import Client

    cfg = parse_config(
        {
            "gateway": {"data_dir": str(tmp_path / "data")},
            "web": {"enabled": False},
            "upstream": {"enabled": False},
            "alerts": {"enabled": False},
            "history": {"commit_interval": 0.05},
            "pipeline": {"max_assets": 50},
            "sources": [
                {
                    "kind": "mqtt",
                    "name": "plant",
                    "port": mosquitto.port,
                    "topics": ["sensors/#"],
                    "qos": 1,
                }
            ],
        }
    )
    gw = Gateway(cfg)
    task = asyncio.create_task(gw.run(install_signals=False))
    try:
        await until(lambda: gw.ready.is_set() or task.done(), 30, "gateway start")
        assert not task.done()
        pub = Client("fake-assets")
        await pub.connect("127.0.0.1", mosquitto.port)
        body = {"motor_data": {"DE_temp": 45.0}, "timestamp": time.time()}
        ids = [f"fake_{i}" for i in range(500)] + ["q" * 50_000]
        for sid in ids:
            pub.publish("sensors/x/data", json.dumps({**body, "sensor_id": sid}), qos=1)
        await asyncio.sleep(1.0)  # let the client's buffer reach the broker
        await pub.disconnect()
        pipeline = gw.health.get("pipeline")
        assert pipeline is not None
        await until(lambda: pipeline.malformed >= 451, 30, "every refusal counted")
        assert pipeline.extra[OVER_LIMIT] == 450 and pipeline.extra[BAD_ID] == 1
        assert len(gw.live.snapshot()) == 50
        assert gw.pipeline is not None and await gw.pipeline.drain(10)
    finally:
        gw.request_stop()
        await asyncio.wait_for(task, 30)
    from gateway.state.history import History

    h = History(tmp_path / "data")
    stored = {row["sensor_id"] for row in h.query(limit=10_000)}
    h.close()
    assert len(stored) <= 50 and all(len(s) < 20 for s in stored)
