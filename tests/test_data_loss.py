"""Dead links are not faults: outages of every kind, through the whole gateway, with real peers.

1. The simulator (Modbus TCP, OPC UA, MQTT through a mosquitto that stays up) is paused
   with SIGSTOP: every protocol falls silent at once (Modbus requests time out, the OPC
   UA subscription stops delivering, the MQTT publisher is silent), then it goes on.
2. The plant's mosquitto is paused: TCP stays open, the broker answers nothing.
3. One device of two on a shared RTU bus (socat pty pair, pymodbus's server) goes dead.

Each time: no reading stored while silent carries a label, no fault alert opens, the
asset leaves ``live`` within its ``stale_after`` plus a poll (plus a margin for this
shared machine), a data-loss alert reaches a real SMTP server (aiosmtpd) and a webhook,
``/healthz`` says ``degraded`` (200: balena's healthcheck passes); when the data returns,
predictions resume, the data-loss alert resolves by itself and health is ``ok``.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml

from gateway.config import parse_config
from gateway.features import PLANT_FEATURES
from gateway.runtime import Gateway
from gateway.simulator.modbus_server import float_registers
from gateway.simulator.orchestrator import gateway_sources
from gateway.simulator.plant import Plant as PlantModel
from gateway.state.store import Store
from tests.support.alerts import HttpReceiver, SmtpReceiver
from tests.support.mosquitto import Mosquitto
from tests.support.net import free_port, wait_listening
from tests.support.outage import StateLog, last_row, losses, notify_user, stored_between
from tests.support.proc import stop_process
from tests.support.serialpair import SerialPair
from tests.support.wait import until
from tests.test_source_modbus import Plant

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "compiled_models" / "pump_motor"
HEALTHCHECK = ROOT / "deploy" / "balena" / "healthcheck.py"
EMAIL = "ops@plant.example"
INTERVAL = 0.2  # the simulator's tick, and every poll
MARGIN = 1.5  # seconds of slack on this shared 2-core machine, on top of the rule

pytestmark = pytest.mark.timeout(240)


@pytest.fixture
def receivers() -> Iterator[tuple[HttpReceiver, SmtpReceiver]]:
    hook, smtp = HttpReceiver().start(), SmtpReceiver().start()
    yield hook, smtp
    hook.stop()
    smtp.stop()


def gateway_tree(
    data: Path, sources: list[dict[str, Any]], smtp: SmtpReceiver, web_port: int | None = None
) -> dict[str, Any]:
    return {
        "gateway": {"data_dir": str(data)},
        "web": {"host": "127.0.0.1", "port": web_port} if web_port else {"enabled": False},
        "history": {"commit_interval": 0.05},
        "model": {"package": str(MODEL)},
        "assets": {"stale_min": 0.5},
        "alerts": {
            "allow_private_targets": "all",  # the webhook receivers listen on loopback
            "data_loss": {"stale_delay": 0.5, "down_delay": 0.5},
            "delivery": {"attempt_timeout": 5, "retry_initial": 1},
            "smtp": {"host": "127.0.0.1", "port": smtp.port, "security": "insecure",
                     "from_email": "gw@plant.example"},
        },
        "sources": sources,
    }  # fmt: skip


@pytest.fixture
def simulator(
    tmp_path: Path, mosquitto: Mosquitto
) -> Iterator[tuple[subprocess.Popen[bytes], Any]]:
    """``aastreli simulate`` in its own process (so it can be paused), every 0.2 s."""
    sim = {
        "interval": INTERVAL,
        "cycle": {"enabled": False},  # a healthy plant: any fault label would be wrong
        "modbus": {"port": free_port()},
        "opcua": {"port": free_port()},
        "mqtt": {"port": mosquitto.port},
    }
    path = tmp_path / "simulator.yaml"
    path.write_text(yaml.safe_dump({"simulator": sim}))
    log = (tmp_path / "simulator.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "gateway", "simulate", "--config", str(path)],
        cwd=ROOT,
        stdout=log,
        stderr=log,
    )
    cfg = parse_config({"simulator": sim}).simulator
    try:
        wait_listening(cfg.modbus.port, timeout=30)
        wait_listening(cfg.opcua.port, timeout=60)
        yield proc, cfg
    finally:
        proc.send_signal(signal.SIGCONT)
        stop_process(proc)  # type: ignore[arg-type]


def simulator_sources(cfg: Any, mqtt_port: int) -> list[dict[str, Any]]:
    sources = gateway_sources(cfg, mqtt_port=mqtt_port)
    for s in sources:
        if s["kind"] == "mqtt":
            s.update(protocol="5", keepalive=2, connect_timeout=1)
        elif s["kind"] == "modbus":
            s["connect_timeout"] = 1
            for d in s["devices"]:
                d.update(timeout=0.3, retries=0, backoff_max=1.0)
        else:
            s.update(publishing_interval=200, watchdog=1.5, timeout=1)
    return sources


Running = list[tuple[Gateway, "asyncio.Task[None]"]]


@pytest.fixture
async def running() -> AsyncIterator[Running]:
    """Gateways started by the test (``start``), stopped at its end."""
    started: Running = []
    yield started
    for gw, task in started:
        gw.request_stop()
        await asyncio.wait_for(task, 30)


async def start(gw: Gateway, started: Running) -> StateLog:
    log = StateLog()
    gw.events.subscribe(log)
    started.append((gw, asyncio.create_task(gw.run(install_signals=False))))
    await until(gw.ready.is_set, within=30, what="gateway ready")
    return log


def predicted_since(gw: Gateway, sid: str, t: float) -> bool:
    entry = gw.live.snapshot().get(sid)
    state = gw.assets.get(sid)
    return bool(
        entry and entry.get("prediction") and entry["updated"] > t and state
        and state["state"] == "live"
    )  # fmt: skip


async def healthz(port: int) -> tuple[int, str]:
    r = await asyncio.to_thread(requests.get, f"http://127.0.0.1:{port}/healthz", timeout=10)
    return r.status_code, r.json()["status"]


async def balena_healthcheck(port: int) -> int:
    env = {**os.environ, "AASTRELI_WEB__PORT": str(port)}
    proc = await asyncio.to_thread(
        subprocess.run, [sys.executable, str(HEALTHCHECK)], env=env, capture_output=True
    )
    return proc.returncode


def check_left_live(log: StateLog, gw: Gateway, sid: str, silent_at: float, poll: float) -> float:
    """The asset left live within its stale_after plus a poll of the silence; returns when."""
    left = log.left_live(sid, silent_at - 1.0)
    assert left is not None, f"{sid} never left live"
    t, p = left
    assert p["state"] in ("stale", "offline")
    took = t - silent_at
    assert took <= p["stale_after"] + poll + MARGIN, f"{sid}: {p['state']} after {took:.2f} s"
    return took


async def test_simulator_paused_is_data_loss_not_a_fault(
    tmp_path: Path,
    mosquitto: Mosquitto,
    simulator: tuple[subprocess.Popen[bytes], Any],
    receivers: tuple[HttpReceiver, SmtpReceiver],
    running: Running,
) -> None:
    proc, sim_cfg = simulator
    hook, smtp = receivers
    data = tmp_path / "data"
    store = Store(data)
    notify_user(store, f"{hook.url}/hook", EMAIL)
    store.close()
    web_port = free_port()
    cfg = parse_config(
        gateway_tree(data, simulator_sources(sim_cfg, mosquitto.port), smtp, web_port)
    )
    gw = Gateway(cfg)
    log = await start(gw, running)
    mqtt, modbus, opcua = (a.name for a in sim_cfg.assets)  # industrial_sensor_1, _2, _3
    assets = (mqtt, modbus, opcua)
    begun = time.time()
    await until(lambda: all(predicted_since(gw, a, begun) for a in assets), within=60,
                what="every asset live with a prediction")  # fmt: skip
    # A few readings each: an MQTT asset's cadence is learnt from the gaps between them.
    await until(lambda: all(gw.live.snapshot()[a]["count"] >= 10 for a in assets), within=30)
    assert await healthz(web_port) == (200, "ok")

    # -- 1. the simulator is paused: every protocol falls silent ---------------------
    proc.send_signal(signal.SIGSTOP)
    paused = time.time()
    await asyncio.sleep(0.3)  # what was on its way is stored: from here on, silence
    first = last_row(data)
    await until(
        lambda: all(gw.assets.get(a)["state"] != "live" for a in assets),  # type: ignore[index]
        within=20,
        what="every asset stale or offline",
    )
    took = {a: check_left_live(log, gw, a, paused, INTERVAL) for a in assets}
    # MQTT's broker stayed up: its asset is stale, its source up.
    assert gw.assets.get(mqtt)["state"] == "stale"  # type: ignore[index]
    # Modbus (timeouts) and OPC UA (silent subscription) end up offline: links given up.
    await until(
        lambda: {gw.assets.get(a)["state"] for a in (modbus, opcua)} == {"offline"},  # type: ignore[index]
        within=20,
        what="Modbus and OPC UA sources down",
    )
    # Data-loss notices: the MQTT asset is stale; the others' sources are down.
    wanted = {("data_loss", "asset_stale", mqtt), ("data_loss", "source_down", "simulator-modbus"),
              ("data_loss", "source_down", "simulator-opcua")}  # fmt: skip
    await until(lambda: wanted <= set(losses(hook)), within=30, what="data-loss webhooks")
    subjects = {f"⚠️ Data Loss: {mqtt} (asset_stale)",
                "⚠️ Data Loss: simulator-modbus (source_down)",
                "⚠️ Data Loss: simulator-opcua (source_down)"}  # fmt: skip
    await until(lambda: subjects <= {m.subject for m in smtp.mails}, within=30, what="mails")
    assert await healthz(web_port) == (200, "degraded")
    assert await balena_healthcheck(web_port) == 0  # a degraded gateway is not restarted
    assert gw._core_alive()  # and systemd's watchdog keeps being pinged
    await asyncio.sleep(1.0)  # some more silence: any label now would be a wrong one

    # -- the simulator goes on -----------------------------------------------------------
    await asyncio.sleep(0.2)
    silent = stored_between(data, first, last_row(data))
    proc.send_signal(signal.SIGCONT)
    resumed = time.time()
    await until(lambda: all(predicted_since(gw, a, resumed) for a in assets), within=30,
                what="predictions resume")  # fmt: skip
    back = {a: log.first("asset.state", resumed, sensor_id=a, state="live") for a in assets}
    assert all(back.values())
    await until(
        lambda: sum(1 for k, *_ in losses(hook) if k == "data_restored") >= 3,
        within=30,
        what="data-loss alerts resolved",
    )
    await until(
        lambda: gw.facade is not None and gw.facade.health_status().status == "ok",  # type: ignore[union-attr]
        within=15,
        what="health ok",
    )
    assert await healthz(web_port) == (200, "ok")
    recovery = {a: back[a][0] - resumed for a in assets}  # type: ignore[index]

    # What the history stored during the silence: readings without a label, none with one.
    assert silent["labelled"] == [] and silent["unscored"].get("insufficient_data"), silent
    # No fault alert opened, and the data-loss ones are resolved.
    alerts = gw.facade.store.find("alerts")  # type: ignore[union-attr]
    assert all(a.get("kind") == "data_loss" for a in alerts), alerts
    assert {a["status"] for a in alerts} == {"resolved"}

    # -- 2. the plant's broker is paused: TCP open, nothing answers ---------------------
    assert mosquitto.proc is not None
    mosquitto.proc.send_signal(signal.SIGSTOP)
    broker_paused = time.time()
    try:
        await until(
            lambda: gw.assets.get(mqtt)["state"] == "offline",  # type: ignore[index]
            within=15,
            what="MQTT asset offline",
        )
        down = log.first("source.state", broker_paused, source="simulator-mqtt", state="down")
        assert down is not None and down[0] - broker_paused <= 2 * 1.5 + MARGIN
        wanted = ("data_loss", "source_down", "simulator-mqtt")
        await until(lambda: wanted in losses(hook), within=30, what="source down notice")
        assert await healthz(web_port) == (200, "degraded")
    finally:
        mosquitto.proc.send_signal(signal.SIGCONT)
    broker_back = time.time()
    await until(lambda: predicted_since(gw, mqtt, broker_back), within=30, what="MQTT back")
    await until(
        lambda: ("data_restored", "source_down", "simulator-mqtt") in losses(hook),
        within=30,
        what="source down resolved",
    )
    print(
        "\nfigures:",
        json.dumps(
            {
                "left_live_after_s": {a: round(v, 2) for a, v in took.items()},
                "live_again_after_s": {a: round(v, 2) for a, v in recovery.items()},
                "broker_down_after_s": round(down[0] - broker_paused, 2),
                "silence": silent,
            }
        ),
    )


async def test_one_dead_device_on_a_shared_rtu_bus(
    tmp_path: Path, receivers: tuple[HttpReceiver, SmtpReceiver], running: Running
) -> None:
    hook, smtp = receivers
    with SerialPair(tmp_path / "tty") as pair:
        plant = Plant(serial_port=pair.b)
        model = PlantModel(seed=3, assets=["pump_a", "pump_b"])
        for unit, asset in ((1, "pump_a"), (2, "pump_b")):
            sample = model.sample(asset, 10.0)
            plant.put(unit, "holding", 0, float_registers([sample[f] for f in PLANT_FEATURES]))
        await plant.start()
        try:
            await _dead_device(tmp_path, pair, plant, hook, smtp, running)
        finally:
            await plant.stop()


async def _dead_device(
    tmp_path: Path,
    pair: SerialPair,
    plant: Plant,
    hook: HttpReceiver,
    smtp: SmtpReceiver,
    running: Running,
) -> None:
    devices = [
        {"name": asset, "unit_id": unit, "poll_interval": INTERVAL, "timeout": 0.2, "retries": 0,
         "backoff_max": 1.0,
         "points": [{"sensor_id": asset, "feature": f, "address": 2 * i, "type": "float32"}
                    for i, f in enumerate(PLANT_FEATURES)]}
        for unit, asset in ((1, "pump_a"), (2, "pump_b"))
    ]  # fmt: skip
    source = {"kind": "modbus", "name": "bus", "transport": "rtu", "host": None,
              "serial": {"port": pair.a, "parity": "N", "flush_after_timeout": 0.05},
              "devices": devices}  # fmt: skip
    data = tmp_path / "data"
    store = Store(data)
    notify_user(store, f"{hook.url}/hook", EMAIL)
    store.close()
    gw = Gateway(parse_config(gateway_tree(data, [source], smtp)))
    log = await start(gw, running)
    begun = time.time()
    await until(lambda: all(predicted_since(gw, a, begun) for a in ("pump_a", "pump_b")),
                within=30, what="both devices live")  # fmt: skip
    plant.silent.add(2)  # pump_b's device is dead; pump_a's answers on the same bus
    dead = time.time()
    await asyncio.sleep(0.3)
    first = last_row(data)
    await until(lambda: gw.assets.get("pump_b")["state"] == "stale", within=15,  # type: ignore[index]
                what="pump_b stale")  # fmt: skip
    took = check_left_live(log, gw, "pump_b", dead, INTERVAL)
    wanted = ("data_loss", "asset_stale", "pump_b")
    await until(lambda: wanted in losses(hook), within=30, what="asset stale notice")
    mails = await asyncio.to_thread(smtp.wait, 1, 30)
    assert mails[0].subject == "⚠️ Data Loss: pump_b (asset_stale)"
    assert "Last Reading" in mails[0].part("plain")
    assert gw.assets.get("pump_a")["state"] == "live"  # type: ignore[index]
    assert predicted_since(gw, "pump_a", dead + 0.5)  # its neighbour is still scored
    assert gw.health.get("bus").state == "up"  # type: ignore[union-attr]
    verdict = gw.facade.health_status()  # type: ignore[union-attr]
    assert verdict.status == "degraded" and any("pump_b" in r for r in verdict.degraded)
    await asyncio.sleep(0.2)
    silent = stored_between(data, first, last_row(data))
    plant.silent.discard(2)
    back = time.time()
    await until(lambda: predicted_since(gw, "pump_b", back), within=15, what="pump_b back")
    await until(lambda: ("data_restored", "asset_stale", "pump_b") in losses(hook), within=30,
                what="resolved")  # fmt: skip
    await until(lambda: gw.facade.health_status().status == "ok", within=10, what="ok")  # type: ignore[union-attr]
    assert silent["rows"] > 0 and silent["unscored"].get("insufficient_data", 0) > 0, silent
    labelled = {s for s, _ in silent["labelled"]}
    assert labelled <= {"pump_a"}, silent  # the dead device's all-bad readings: no label
    print("\nfigures:", json.dumps({"pump_b_left_live_after_s": round(took, 2), "silence": silent}))
    alerts = gw.facade.store.find("alerts")  # type: ignore[union-attr]
    assert [(a["fault_type"], a["status"]) for a in alerts] == [("asset_stale", "resolved")]
