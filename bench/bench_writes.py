"""Write latency under load, and polling while writes happen (docs/writes.md, "Measured").

Processes, all on this machine: one mosquitto (the plant's broker and the cloud's); the
plant simulator (``aastreli simulate``) serving one pump set over Modbus TCP and one over
OPC UA; the gateway (``aastreli run``) reading the MQTT load, polling Modbus every 100 ms
and subscribed to OPC UA (100 ms publishing), with the compiled model, the history, the
upstream link and the command channel; a publisher of 1,000 readings/s (seed payloads,
QoS 1) into the gateway's MQTT source; and this script as the cloud, writing the speed
setpoint of each set through the command channel (MQTT 5 response topic and correlation
data).

The broker runs with ``set_tcp_nodelay true``: with mosquitto's default (Nagle's algorithm
on its sockets) a small answer waits for the delayed ACK of the previous packet, up to
40 ms each way; ``--nagle`` keeps the default to show it.

Phases alternate in one run: ``idle`` (the load only) and ``writes`` (the load and
``--rate`` writes/s, Modbus and OPC UA in turn), so polling with and without writes is
measured side by side. Per write: the round trip (request published to answer received,
through the broker both ways) and the time inside the gateway's write service (checks,
audit row committed to disk, the write on the source's connection, the read-back, the
audit row's outcome), from the write record.

    .venv/bin/python -m bench.bench_writes [--phase 15] [--rounds 2] [--rate 4]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from bench.bench_e2e import Publisher  # noqa: E402
from tests.support.net import free_port, wait_listening  # noqa: E402

MODEL = ROOT / "compiled_models" / "pump_motor"
GATEWAY_ID = "gw-bench"
MB, UA = "pump_mb", "pump_ua"
POINTS = {"modbus": f"{MB}/control.speed_setpoint", "opcua": f"{UA}/control.speed_setpoint"}


def configs(work: Path, broker: int, modbus: int, opcua: int, web: int) -> Path:
    from gateway.config import parse_config
    from gateway.simulator.orchestrator import gateway_sources

    sim = {
        "interval": 0.1,
        "cycle": {"enabled": False},
        "assets": [{"name": MB, "protocol": "modbus"}, {"name": UA, "protocol": "opcua"}],
        "modbus": {"port": modbus},
        "opcua": {"port": opcua},
    }
    sources: list[dict[str, Any]] = gateway_sources(parse_config({"simulator": sim}).simulator)
    for s in sources:
        points = s["points"] if s["kind"] == "opcua" else s["devices"][0]["points"]
        for p in points:
            if "writable" in p:  # as fast as the bench asks; the interlock stays
                p["writable"] = {**p["writable"], "min_interval": 0}
        if s["kind"] == "opcua":
            s["publishing_interval"] = 100.0
            for p in s["points"]:
                p["sampling_interval"] = 100.0
    sources.append(
        {"kind": "mqtt", "name": "load", "port": broker, "topics": ["sensors/#"], "qos": 1}
    )
    tree = {
        "gateway": {"id": GATEWAY_ID, "data_dir": str(work / "data"), "log_level": "warning",
                    "log_format": "text"},
        "model": {"package": str(MODEL) if (MODEL / "manifest.json").exists() else None},
        "alerts": {"enabled": False},
        "web": {"host": "127.0.0.1", "port": web, "metrics_public": True},
        "upstream": {"enabled": True, "port": broker},
        "commands": {"enabled": True, "max_age": 30},
        "simulator": sim,
        "sources": sources,
    }  # fmt: skip
    path = work / "gateway.yaml"
    path.write_text(yaml.safe_dump(tree))
    return path


def received(web: int) -> dict[str, float]:
    """Readings received per source (the /metrics counters)."""
    text = urllib.request.urlopen(f"http://127.0.0.1:{web}/metrics", timeout=10).read().decode()
    out = {}
    for line in text.splitlines():
        if line.startswith("aastreli_component_received_total{") and 'kind="source"' in line:
            name = line.split('component="', 1)[1].split('"', 1)[0]
            out[name] = float(line.rsplit(" ", 1)[1])
    return out


class Cloud:
    """The cloud side: sends write commands and times their answers."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.pending: dict[bytes, float] = {}
        self.answers: list[tuple[str, float, dict[str, Any]]] = []  # protocol, rtt, answer
        self._kind: dict[bytes, str] = {}

    async def connect(self) -> None:
        from gmqtt import Client
        from gmqtt.mqtt.constants import MQTTv50

        self.client = Client(f"bench-cloud-{uuid.uuid4().hex[:6]}")
        self.client.on_message = self._on_message
        await self.client.connect("127.0.0.1", self.port, version=MQTTv50)
        self.client.subscribe("bench/answers", qos=1)
        await asyncio.sleep(0.3)

    def _on_message(self, client: Any, topic: str, payload: bytes, qos: int, props: Any) -> int:
        corr = (props.get("correlation_data") or [b""])[0]
        sent = self.pending.pop(corr, None)
        if sent is not None:
            self.answers.append(
                (self._kind.pop(corr), time.perf_counter() - sent, json.loads(payload))
            )
        return 0

    def write(self, protocol: str, value: float) -> None:
        from gmqtt import Message

        rid = uuid.uuid4().hex
        corr = rid.encode()
        body = {"id": rid, "command": "write", "issued_at": time.time(),
                "args": {"writes": [{"point": POINTS[protocol], "value": value}]}}  # fmt: skip
        self._kind[corr] = protocol
        self.pending[corr] = time.perf_counter()
        self.client.publish(
            Message(f"aastreli/{GATEWAY_ID}/command/request", json.dumps(body), qos=1,
                    response_topic="bench/answers", correlation_data=corr)
        )  # fmt: skip


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


async def run(args: argparse.Namespace) -> None:
    from tests.support.mosquitto import Mosquitto

    work = Path(tempfile.mkdtemp(prefix="bench-writes-"))
    broker = Mosquitto(work / "broker", extra="" if args.nagle else "set_tcp_nodelay true").start()
    modbus, opcua, web = free_port(), free_port(), free_port()
    cfg = configs(work, broker.port, modbus, opcua, web)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    sim = _spawn(["simulate", "--config", str(cfg), "--no-cycle"], env, work / "simulator.log")
    wait_listening(modbus, timeout=30)
    wait_listening(opcua, timeout=60)
    gw = _spawn(["run", "--config", str(cfg)], env, work / "gateway.log")
    pub = Publisher(broker.port)
    cloud = Cloud(broker.port)
    try:
        wait_listening(web, timeout=60)
        await cloud.connect()
        deadline = time.monotonic() + 60
        while True:  # both sets live and a write answered: warm
            cloud.write("modbus", 70.0)
            cloud.write("opcua", 70.0)
            await asyncio.sleep(1.0)
            if sum(1 for _, _, a in cloud.answers if a["ok"]) >= 2:
                break
            if time.monotonic() > deadline or gw.poll() is not None:
                raise SystemExit(f"no write answered; see {work / 'gateway.log'}")
        cloud.answers.clear()
        rows: list[dict[str, Any]] = []
        print(
            f"load: {args.load:g} readings/s over MQTT (QoS 1) besides Modbus (10 polls/s) and "
            f"OPC UA (100 ms); writes: {args.rate:g}/s in the writes phases, Modbus and OPC UA "
            "in turn"
        )
        for rnd in range(args.rounds):
            for phase in ("idle", "writes"):
                rows.append(await _phase(phase, rnd, args, pub, cloud, web))
        _report(rows, cloud)
    finally:
        pub.stop()
        for p in (gw, sim):
            p.terminate()
            try:
                p.wait(15)
            except subprocess.TimeoutExpired:
                p.kill()
        broker.stop()


def _spawn(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "gateway", *args]
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stderr=log.open("wb"))


async def _phase(
    phase: str, rnd: int, args: argparse.Namespace, pub: Publisher, cloud: Cloud, web: int
) -> dict[str, Any]:
    before = received(web)
    t0 = time.monotonic()
    loop = asyncio.get_running_loop()
    # The publisher paces itself in a thread; the writes are paced here.
    load = loop.run_in_executor(None, pub.run, args.load, args.phase)
    n = 0
    while time.monotonic() - t0 < args.phase:
        if phase == "writes":
            protocol = "modbus" if n % 2 == 0 else "opcua"
            cloud.write(protocol, 60.0 + (n % 80) / 2)
            n += 1
        await asyncio.sleep(1 / args.rate if phase == "writes" else 0.2)
    await load
    took = time.monotonic() - t0
    after = received(web)
    rates = {k: (after.get(k, 0) - before.get(k, 0)) / took for k in after}
    row = {"phase": phase, "round": rnd, "writes": n, **rates}
    print(
        f"  round {rnd + 1} {phase:6}: Modbus {rates.get('simulator-modbus', 0):5.2f} polls/s, "
        f"OPC UA {rates.get('simulator-opcua', 0):5.2f} readings/s, MQTT load "
        f"{rates.get('load', 0):6.0f} readings/s, {n} writes sent"
    )
    await asyncio.sleep(1.0)  # the last answers
    return row


def _report(rows: list[dict[str, Any]], cloud: Cloud) -> None:
    ok = [(k, rtt, a) for k, rtt, a in cloud.answers if a["ok"]]
    bad = [a for _, _, a in cloud.answers if not a["ok"]]
    print(
        f"writes answered: {len(cloud.answers)} ({len(bad)} not ok), "
        f"{len(cloud.pending)} unanswered"
    )
    for kind, label, neuron in (
        ("modbus", "Modbus TCP", "523 ms average"),
        ("opcua", "OPC UA", "12 ms"),
    ):
        mine = [a["result"]["results"][0] for k, _, a in ok if k == kind]
        rtt = [r * 1000 for k, r, _ in ok if k == kind]
        inside = [r["duration_ms"] for r in mine]
        verified = sum(1 for r in mine if r["status"] == "verified")
        print(
            f"{label:10}: round trip mean {statistics.fmean(rtt):5.1f} ms, "
            f"p50 {pct(rtt, 50):5.1f}, p99 {pct(rtt, 99):5.1f}, max {max(rtt):5.1f}; "
            f"in the gateway mean {statistics.fmean(inside):4.1f} ms, "
            f"p50 {pct(inside, 50):4.1f}, p99 {pct(inside, 99):4.1f}; "
            f"{verified}/{len(rtt)} read back equal "
            f"(Neuron under load: {neuron})"
        )
    for name, label in (
        ("simulator-modbus", "Modbus polls/s"),
        ("simulator-opcua", "OPC UA readings/s"),
        ("load", "MQTT readings/s"),
    ):
        idle = statistics.mean(r[name] for r in rows if r["phase"] == "idle")
        busy = statistics.mean(r[name] for r in rows if r["phase"] == "writes")
        print(f"{label:18}: idle {idle:8.2f}, with writes {busy:8.2f} (ratio {busy / idle:.3f})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--phase", type=float, default=15.0, help="seconds per phase")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--rate", type=float, default=4.0, help="writes/s in the writes phases")
    ap.add_argument("--load", type=float, default=1000.0, help="MQTT readings/s")
    ap.add_argument("--nagle", action="store_true", help="mosquitto's default (no TCP_NODELAY)")
    asyncio.run(run(ap.parse_args()))


if __name__ == "__main__":
    main()
