"""Scenarios through the whole gateway: the simulator over each protocol, and SIGTERM under load."""

from __future__ import annotations

import asyncio
import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from gateway.config import parse_config
from gateway.config.simulator import SimulatorConfig
from gateway.features import PLANT_FEATURES
from gateway.runtime import Gateway
from gateway.simulator.orchestrator import Simulator, build_plant, gateway_sources
from tests.support.mosquitto import Mosquitto
from tests.support.net import free_port

ROOT = Path(__file__).resolve().parent.parent


def _sim_config(mqtt_port: int) -> SimulatorConfig:
    return SimulatorConfig.model_validate(
        {
            "interval": 0.2,
            "modbus": {"port": free_port()},
            "opcua": {"port": free_port()},
            "mqtt": {"port": mqtt_port, "qos": 1},
        }
    )


def _gateway_tree(tmp_path: Path, sources: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "gateway": {"data_dir": str(tmp_path / "data"), "log_format": "json"},
        "web": {"enabled": False},
        "upstream": {"enabled": False},
        "history": {"commit_interval": 0.05},
        "model": {"package": str(ROOT / "compiled_models" / "pump_motor")},
        "sources": sources,
    }


async def test_simulator_over_each_protocol_gives_every_point(
    mosquitto: Mosquitto, tmp_path: Path
) -> None:
    sim_cfg = _sim_config(mosquitto.port)
    sources = gateway_sources(sim_cfg)
    assert {s["kind"] for s in sources} == {"mqtt", "modbus", "opcua"}
    cfg = parse_config(_gateway_tree(tmp_path, sources))
    async with Simulator(sim_cfg, plant=build_plant(sim_cfg)):
        gw = Gateway(cfg)
        task = asyncio.create_task(gw.run(install_signals=False))
        expected = {a.name: a.protocol for a in sim_cfg.assets}
        deadline = time.monotonic() + 60
        complete: set[str] = set()
        while time.monotonic() < deadline and complete != set(expected):
            await asyncio.sleep(0.2)
            for sid, entry in gw.live.snapshot().items():
                values = entry["values"]
                full = all(values.get(f) is not None for f in PLANT_FEATURES)
                if full and entry.get("prediction") and entry["count"] >= 5:
                    complete.add(sid)
        gw.request_stop()
        await asyncio.wait_for(task, 30)
    assert complete == set(expected), f"assets with every point and a prediction: {complete}"
    for h in gw.health.snapshot():
        if h["kind"] == "source":
            assert h["received"] > 0 and h["malformed"] == 0, h
    hist = sqlite3.connect(tmp_path / "data" / "history.sqlite3")
    per_sensor = dict(hist.execute("SELECT sensor_id, COUNT(*) FROM readings GROUP BY sensor_id"))
    assert set(per_sensor) == set(expected)
    assert all(n >= 3 for n in per_sensor.values()), per_sensor


FLOOD = r"""
import asyncio, json, sys, time
from gmqtt import Client
async def main(port, n):
    c = Client("flood")
    await c.connect("127.0.0.1", port)
    body = {"motor_data": {"DE_temp": 45.0, "current": 30.0}, "pump_data": {"flow": 80.0}}
    for i in range(n):
        body["sensor_id"] = "pump_%d" % (i % 5)
        body["timestamp"] = time.time()
        c.publish("sensors/x/data", json.dumps(body), qos=0)
        if i % 500 == 0:
            await asyncio.sleep(0.01)
    await asyncio.sleep(1)
    await c.disconnect()
asyncio.run(main(int(sys.argv[1]), int(sys.argv[2])))
"""


@pytest.mark.slow
def test_sigterm_during_ingest_leaves_whole_batches(mosquitto: Mosquitto, tmp_path: Path) -> None:
    tree = _gateway_tree(
        tmp_path,
        [
            {
                "kind": "mqtt",
                "name": "plant",
                "port": mosquitto.port,
                "topics": ["sensors/#"],
                "qos": 0,
            }
        ],
    )
    cfg_path = tmp_path / "gateway.yaml"
    cfg_path.write_text(yaml.safe_dump(tree))
    gw = subprocess.Popen(
        [sys.executable, "-m", "gateway", "run", "--config", str(cfg_path)],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # Wait for the gateway to be up before the flood starts.
        deadline = time.monotonic() + 30
        assert gw.stderr is not None
        for line in gw.stderr:
            if '"event": "started"' in line:
                break
            assert time.monotonic() < deadline, "gateway did not start"
        flood = subprocess.Popen([sys.executable, "-c", FLOOD, str(mosquitto.port), "200000"])
        time.sleep(2.0)
        gw.send_signal(signal.SIGTERM)
        t0 = time.monotonic()
        rest = gw.stderr.read()
        rc = gw.wait(30)
        stopped_in = time.monotonic() - t0
        flood.kill()
        flood.wait()
    finally:
        if gw.poll() is None:
            gw.kill()
    assert rc == 0
    assert stopped_in < 10 + 5  # the configured deadline plus process exit
    db = tmp_path / "data" / "history.sqlite3"
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    from gateway.state.history import History

    h = History(tmp_path / "data")
    n = h.count()
    assert n > 0
    for row in h.query(limit=n):
        # Each row whole: every value the publisher sent, decoded, and the model's answer:
        # 3 of the model's 20 features are too few for it to score (its coverage rule), so
        # no label and the reason.
        assert set(row["values"]) == {"motor_data.DE_temp", "motor_data.current", "pump_data.flow"}
        assert row["prediction"] is None and row["unscored"] == "insufficient_data"
    state = json.loads((tmp_path / "data" / "state.json").read_text())
    assert "meta" in state
    assert not list((tmp_path / "data").glob("*.tmp-*"))
    # Everything the pipeline accepted before the signal was drained into the history.
    stopped = [json.loads(x) for x in rest.splitlines() if '"event": "stopped"' in x]
    assert stopped, rest[-2000:]
    counts = stopped[-1]["counts"]
    assert counts["history"]["sent"] == n == counts["pipeline"]["sent"]
