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
    for good in ("pump_1", "plant/a:b@c.d-e", "x" * 128, "v1.2/pump.3", "a/.hidden"):
        assert sensor_id_problem(good) is None, good
    for bad in ("", "x" * 129, "pump 1", "<script>", 'a"b', "a\nb", "a#", "a+b", "a\x00"):
        assert sensor_id_problem(bad) is not None, repr(bad)
    assert sensor_id_problem(123) is not None
    # Unicode letters are allowed when the config says so, in NFKC form only.
    assert sensor_id_problem("Pumpe_Ölkühler_3", charset="unicode") is None
    assert sensor_id_problem("ｐｕｍｐ_1", charset="unicode") is not None  # fullwidth forms


def test_path_segments_and_look_alikes_are_refused_by_default() -> None:
    """Issue #20, 7: ``pump/../../x`` and a Cyrillic і posing as an i were accepted."""
    for bad in ("pump/../../x", "../etc", "a/./b", "pump/..", ".."):
        assert "path segment" in str(sensor_id_problem(bad)), bad
    look_alike = "\u0456ndustrial_sensor_1"  # і: CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I
    assert sensor_id_problem("industrial_sensor_1") is None
    assert "ASCII" in str(sensor_id_problem(look_alike))
    assert sensor_id_problem("Pumpe_Ölkühler_3") is not None  # ASCII only unless configured
    gate = AssetGate(ComponentHealth("pipeline", "stage"), max_assets=10)
    admitted = gate.filter([_r("industrial_sensor_1"), _r(look_alike), _r("pump/../../x")])
    assert [r.sensor_id for r in admitted] == ["industrial_sensor_1"]
    assert gate.health.extra[BAD_ID] == 2


def test_a_burst_of_invented_ids_cannot_lock_a_real_pump_out() -> None:
    """Issue #20, 7: 48 fake ids filled max_assets until a restart. Now they are on
    probation: once they have been quiet a while, a real new pump takes a place."""
    now = [0.0]
    health = ComponentHealth("pipeline", "stage")
    live = LiveState()
    gate = AssetGate(
        health, max_assets=50, probation=300.0, clock=lambda: now[0], on_forget=live.forget
    )
    for t in range(0, 301, 10):  # two real pumps, every 10 s for 5 minutes: established
        now[0] = float(t)
        assert len(gate.filter([_r("pump_1"), _r("pump_2")])) == 2
    assert gate.known == {"pump_1", "pump_2"}
    now[0] = 400.0
    assert len(gate.filter([_r(f"fake_{i}") for i in range(48)])) == 48  # the burst: all slots
    assert len(gate.filter([_r("fake_extra")])) == 0  # full: nobody quiet long enough yet
    # The fakes say nothing more; 40 s later the real pump starts publishing.
    now[0] = 440.0
    assert [r.sensor_id for r in gate.filter([_r("pump_3")])] == ["pump_3"]
    for t in range(450, 760, 10):
        now[0] = float(t)
        assert [r.sensor_id for r in gate.filter([_r("pump_3")])] == ["pump_3"]
    assert "pump_3" in gate.known  # established after five minutes of readings
    # The established pumps never gave way; one fake did (and its live values went too).
    assert {"pump_1", "pump_2"} <= gate.known and len(gate.trial) == 47
    assert health.extra[OVER_LIMIT] == 1


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
