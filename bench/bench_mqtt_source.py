"""MQTT ingest: readings/s one MqttSource takes in, beside a bare gmqtt client that only counts.

Same broker (a local mosquitto on a free port), same publisher (``mosquitto_pub -l``, C,
QoS 0, the seed's ~300-byte JSON), same 2 cores, one consumer at a time in its own
process:

- ``bare``: gmqtt with an ``on_message`` that only counts (the library's ceiling);
- ``bare+json``: the same plus ``json.loads`` (PEERS.md's Python floor);
- ``source``: ``gateway.sources.mqtt.MqttSource`` in seed mode (JSON, timestamp, Reading
  objects, batches) into an ``emit`` that counts.

Each run floods N messages (or paces them with ``--rate``); the consumer reports what it
received and the time from its first to its last message. Flooded, the figure is what it
sustained while the broker offered more than it could take (what the broker dropped is
reported as lost); paced, ``lost`` says whether it kept up with that rate.

    .venv/bin/python -m bench.bench_mqtt_source [--messages 200000] [--repeat 3] [--rate 15000]
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.mosquitto import Mosquitto  # noqa: E402

TOPIC = "bench/pump-{i}/data"
KINDS = ("bare", "bare+json", "source")


def seed_line(i: int) -> str:
    doc = {
        "sensor_id": f"pump-{i % 10}",
        "timestamp": "2026-02-01T14:25:30.123Z",
        "motor_data": {
            "DE_temp": 61.52,
            "NDE_temp": 58.25,
            "DE_vib_rms": 2.113,
            "DE_vib_peak": 5.9,
            "DE_vib_kurtosis": 3.02,
            "current": 41.07,
        },
        "pump_data": {
            "DE_temp": 48.1,
            "NDE_temp": 47.6,
            "DE_vib_rms": 1.93,
            "suction_pressure": 1.25,
            "discharge_pressure": 6.8,
            "flow": 120.5,
        },
    }
    return json.dumps(doc, separators=(",", ":"))


# -- the consumer process ----------------------------------------------------------------


async def consume(kind: str, port: int, expect: int, idle: float) -> dict[str, float]:
    import gmqtt

    from gateway.config.sources import MqttSourceConfig
    from gateway.health import ComponentHealth
    from gateway.sources.mqtt import MqttSource

    count = 0
    first = last = 0.0

    def tick(n: int) -> None:
        nonlocal count, first, last
        now = time.perf_counter()
        if not count:
            first = now
        count += n
        last = now

    ready = asyncio.Event()
    task: asyncio.Task[None] | None = None
    client = None
    if kind == "source":
        cfg = MqttSourceConfig.model_validate(
            {"name": "bench", "port": port, "topics": ["bench/#"], "qos": 0}
        )
        health = ComponentHealth("bench", "source")
        source = MqttSource(
            cfg, lambda batch: tick(len(batch)), health, data_dir=Path(tempfile.mkdtemp())
        )
        task = asyncio.create_task(source.run())
        while health.state != "up":  # noqa: ASYNC110 - health has no event to wait on
            await asyncio.sleep(0.01)
    else:
        loads = json.loads

        def on_message(_c: object, _t: str, payload: bytes, _q: int, _p: object) -> None:
            if kind == "bare+json":
                loads(payload)
            tick(1)

        client = gmqtt.Client(f"bench-{os.getpid()}")
        client.on_message = on_message
        client.on_subscribe = lambda *a: ready.set()
        await client.connect("127.0.0.1", port)
        client.subscribe("bench/#", qos=0)
        await ready.wait()
    print("ready", flush=True)
    cpu0 = time.process_time()
    while True:
        before = count
        await asyncio.sleep(idle)
        if count >= expect or (count and count == before):
            break
    cpu = time.process_time() - cpu0
    if task is not None:
        task.cancel()
    if client is not None:
        await client.disconnect()
    span = max(last - first, 1e-9)
    return {"received": count, "seconds": span, "rate": count / span, "cpu": cpu}


# -- the orchestrator --------------------------------------------------------------------


def publish_paced(port: int, lines: Path, rate: float) -> None:
    """Feed mosquitto_pub -l at ``rate`` lines/s, in slices every 10 ms."""
    pub = subprocess.Popen(
        ["mosquitto_pub", "-p", str(port), "-t", "bench/pump-1/data", "-l", "-q", "0"],
        stdin=subprocess.PIPE,
    )
    assert pub.stdin is not None
    data = lines.read_bytes().splitlines(keepends=True)
    start = time.perf_counter()
    sent = 0
    while sent < len(data):
        due = min(len(data), int((time.perf_counter() - start) * rate) + 1)
        if due > sent:
            pub.stdin.write(b"".join(data[sent:due]))
            pub.stdin.flush()
            sent = due
        time.sleep(0.01)
    pub.stdin.close()
    pub.wait()


def run_one(kind: str, port: int, lines: Path, n: int, rate: float = 0) -> dict[str, float]:
    consumer = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bench.bench_mqtt_source",
            "--consumer",
            kind,
            "--port",
            str(port),
            "--messages",
            str(n),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert consumer.stdout is not None
    if consumer.stdout.readline().strip() != "ready":
        raise RuntimeError(f"consumer {kind} did not start")
    t0 = time.perf_counter()
    if rate:
        publish_paced(port, lines, rate)
    else:
        with lines.open("rb") as f:
            subprocess.run(
                ["mosquitto_pub", "-p", str(port), "-t", "bench/pump-1/data", "-l", "-q", "0"],
                stdin=f,
                check=True,
            )
    publish_s = time.perf_counter() - t0
    out, _ = consumer.communicate(timeout=300)
    result = json.loads(out.strip().splitlines()[-1])
    result["offered_rate"] = n / publish_s
    result["lost"] = n - result["received"]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--rate", type=float, default=0, help="publish at this many messages/s instead of flooding"
    )
    parser.add_argument("--consumer", choices=KINDS)
    parser.add_argument("--port", type=int)
    args = parser.parse_args()
    if args.consumer:
        result = asyncio.run(consume(args.consumer, args.port, args.messages, 1.0))
        print(json.dumps(result), flush=True)
        return

    work = Path(tempfile.mkdtemp(prefix="bench-mqtt-"))
    lines = work / "messages.txt"
    with lines.open("w") as f:
        for i in range(args.messages):
            f.write(seed_line(i) + "\n")
    size = len(seed_line(0))
    broker = Mosquitto(work / "broker").start()
    try:
        results: dict[str, list[dict[str, float]]] = {k: [] for k in KINDS}
        for _ in range(args.repeat):
            for kind in KINDS:  # interleaved, so drift in machine load hits all alike
                results[kind].append(run_one(kind, broker.port, lines, args.messages, args.rate))
    finally:
        broker.stop()
    how = f"paced at {args.rate:,.0f}/s" if args.rate else "flood"
    print(
        f"\nMQTT ingest on {os.cpu_count()} cores, {args.messages} messages of {size} bytes "
        f"per run (mosquitto_pub -l, QoS 0, {how}), median of {args.repeat} runs"
    )
    print(
        f"{'consumer':<12}{'msg/s':>10}{'received':>10}{'lost':>9}{'us CPU/msg':>12}"
        f"{'offered/s':>11}"
    )
    base = statistics.median(r["rate"] for r in results["bare"])
    for kind in KINDS:
        rs = results[kind]
        rate = statistics.median(r["rate"] for r in rs)
        got = statistics.median(r["received"] for r in rs)
        lost = statistics.median(r["lost"] for r in rs)
        cpu = statistics.median(1e6 * r["cpu"] / max(r["received"], 1) for r in rs)
        offered = statistics.median(r["offered_rate"] for r in rs)
        print(
            f"{kind:<12}{rate:>10,.0f}{got:>10,.0f}{lost:>9,.0f}{cpu:>12.1f}{offered:>11,.0f}"
            f"   ({rate / base:.2f}x bare)"
        )


if __name__ == "__main__":
    main()
