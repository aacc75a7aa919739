"""A plant-to-cloud durability run: QoS 1 publisher, plant broker, the real gateway killed
again and again, cloud broker, collector; then every reading is accounted for.

``python -m tests.support.durability --rate 1500 --kills 10 [--outage] [--ack received]``
prints the figures; the tests call ``run_scenario``.

The publisher (``mosquitto_pub -l``, QoS 1) writes seed-shaped readings of three assets
to the plant mosquitto, each carrying ``test.n`` (its number per asset). The gateway
(``python -m gateway run``: the MQTT source with a persistent session, the compiled
model when it is built, history and the upstream outbox) forwards them to a cloud
mosquitto that keeps its sessions across a restart, where a collector with a
persistent session records every message. The plant broker never restarts: what it
acknowledged to the publisher it holds until the gateway acknowledges it.

During the run the gateway is SIGKILLed ``kills`` times at random moments and started
again at once on the same data folder; with ``outage`` the cloud broker is down from
before the first kill until after the last one, so the outbox fills while the gateway
dies. At the end every reading published must have reached the cloud, each asset's
messages in sequence order without a gap; readings that arrive twice are counted.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tests.support.mosquitto import Mosquitto
from tests.support.upstream import (
    MOSQUITTO_PUB,
    ROOT,
    Collector,
    persistent_broker_extra,
    streams,
)

ASSETS = ("pump_1", "pump_2", "pump_3")
PREFIX = "aastreli/gw-durable/telemetry/"
MODEL = ROOT / "compiled_models" / "pump_motor"


@dataclass
class Result:
    published: dict[str, int]  # readings per asset
    missing: dict[str, list[int]]  # numbers that never reached the cloud
    duplicate_readings: int  # readings that arrived more than once
    duplicate_messages: int  # messages the gateway sent twice (same seq, same bytes)
    kills: int
    seq_problems: list[str] = field(default_factory=list)

    @property
    def lost(self) -> int:
        return sum(len(v) for v in self.missing.values())

    def summary(self) -> str:
        total = sum(self.published.values())
        return (
            f"{total:,} published, {self.lost:,} lost, {self.duplicate_readings:,} readings "
            f"twice ({self.duplicate_messages:,} messages resent), {self.kills} kills"
            + (f"; sequence problems: {self.seq_problems[:3]}" if self.seq_problems else "")
        )


class Publisher:
    """``mosquitto_pub -l`` at QoS 1, fed at a steady rate by a thread."""

    def __init__(self, port: int, rate: float) -> None:
        self.rate = rate
        self.counts = dict.fromkeys(ASSETS, 0)
        self.proc = subprocess.Popen(
            [
                MOSQUITTO_PUB,
                "-h",
                "127.0.0.1",
                "-p",
                str(port),
                "-q",
                "1",
                "-l",
                "-t",
                "plant/readings",
                "-M",
                "1000",
                "-i",
                "durability-publisher",
            ],
            stdin=subprocess.PIPE,
        )
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._feed, daemon=True)

    def start(self) -> Publisher:
        self._thread.start()
        return self

    def _line(self, i: int) -> str:
        asset = ASSETS[i % len(ASSETS)]
        self.counts[asset] += 1
        n = self.counts[asset]
        body = {
            "sensor_id": asset,
            "timestamp": time.time(),
            "motor_data": {"DE_temp": 60.0 + (n % 7), "current": 40.0 + (n % 5)},
            "pump_data": {"flow": 120.0 + (n % 3)},
            "test": {"n": n},
        }
        return json.dumps(body, separators=(",", ":"))

    def _feed(self) -> None:
        assert self.proc.stdin is not None
        t0 = time.perf_counter()
        written = 0
        while not self._stop.is_set():
            due = int((time.perf_counter() - t0) * self.rate)
            if due > written:
                lines = [self._line(i) for i in range(written, due)]
                self.proc.stdin.write(("\n".join(lines) + "\n").encode())
                self.proc.stdin.flush()
                written = due
            time.sleep(0.01)

    def stop(self) -> None:
        """Stop writing; returns once every message is acknowledged by the plant broker."""
        self._stop.set()
        self._thread.join(10)
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(30)


def write_config(path: Path, data: Path, plant: int, cloud: int, ack: str) -> Path:
    tree = {
        "gateway": {"id": "gw-durable", "data_dir": str(data), "log_format": "text"},
        "model": {"package": str(MODEL) if (MODEL / "lib").exists() else None},
        "history": {"enabled": True},
        "alerts": {"enabled": False},
        "web": {"enabled": False},
        "upstream": {"enabled": True, "port": cloud},
        "sources": [
            {
                "kind": "mqtt",
                "name": "plant",
                "port": plant,
                "topics": ["plant/#"],
                "payload": "seed",
                "qos": 1,
                "clean_session": False,
                "client_id": "gw-durable-plant",
                "ack": ack,
            }
        ],
    }
    path.write_text(yaml.safe_dump(tree))
    return path


class Gateway:
    """``python -m gateway run`` in a subprocess, killed and restarted by the scenario."""

    def __init__(self, config: Path, log: Path) -> None:
        self.config = config
        self.log = log
        self.proc: subprocess.Popen[bytes] | None = None

    def snapshot_and_kill(self, data: Path, copy: Path) -> None:
        """Freeze the process (every thread), copy its data folder as a file-system
        snapshot would, then kill it: the next start runs on the copy."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGSTOP)
        shutil.copytree(data, copy, ignore=shutil.ignore_patterns("*.sock"))  # not files
        self.kill()

    def start(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "gateway", "run", "--config", str(self.config)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self.log.open("ab"),
        )

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()


def _source_up(data: Path) -> bool:
    from gateway.control import request

    try:
        st = request(data, "status", timeout=2)
    except OSError:
        return False
    return any(
        c["name"] == "plant" and c["state"] == "up" for c in (st or {}).get("components", [])
    )


def _wait(cond: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: not after {timeout} s")
        time.sleep(0.1)


def _readings(collector: Collector) -> tuple[dict[str, list[int]], int]:
    """Reading numbers per asset in order of arrival (first copies of messages only)."""
    order, dups, seen = streams(collector.snapshot_dup(), PREFIX)
    numbers: dict[str, list[int]] = {a: [] for a in ASSETS}
    for asset, seqs in order.items():
        for s in seqs:
            for r in json.loads(seen[asset][s])["readings"]:
                numbers.setdefault(asset, []).append(int(r["test"]["n"]))
    return numbers, dups


def _settle(collector: Collector, expected: int, timeout: float, quiet: float = 10.0) -> None:
    """Until every reading arrived, nothing new arrived for ``quiet`` s, or ``timeout``."""
    deadline = time.monotonic() + timeout
    last, changed = -1, time.monotonic()
    while time.monotonic() < deadline:
        numbers, _ = _readings(collector)
        got = sum(len(set(v)) for v in numbers.values())
        if got >= expected:
            return
        if got != last:
            last, changed = got, time.monotonic()
        elif time.monotonic() - changed > quiet:
            return  # the result says what is missing
        time.sleep(0.2)


def run_scenario(
    work: Path,
    *,
    rate: float,
    kills: int,
    outage: bool = False,
    ack: str = "stored",
    seed: int | None = None,
    settle_s: float = 60.0,
    snapshots: bool = False,
) -> Result:
    """With ``snapshots``, each restart runs on a copy of the data folder taken while the
    killed gateway was frozen (a file-system snapshot at the moment of the kill)."""
    rng = random.Random(seed)
    work.mkdir(parents=True, exist_ok=True)
    plant = Mosquitto(work / "plant").start()
    cloud_dir = work / "cloud"
    cloud = Mosquitto(cloud_dir, extra=persistent_broker_extra(cloud_dir)).start()
    collector = Collector(cloud.port).start()
    data = work / "data"
    config = work / "gateway.yaml"
    gw = Gateway(write_config(config, data, plant.port, cloud.port, ack), work / "gateway.log")
    pub: Publisher | None = None
    try:
        gw.start()
        # The persistent session must exist before the first message is published.
        _wait(lambda: _source_up(data), 30, "the gateway's MQTT source is up")
        pub = Publisher(plant.port, rate).start()
        time.sleep(1.0)
        if outage:
            cloud.stop()
        for k in range(kills):
            time.sleep(rng.uniform(0.3, 1.5))
            if snapshots:
                copy = work / f"data-{k + 1}"
                gw.snapshot_and_kill(data, copy)
                data = copy
                write_config(config, data, plant.port, cloud.port, ack)
            else:
                gw.kill()
            gw.start()
        time.sleep(rng.uniform(0.5, 1.0))
        if outage:
            cloud.start()
        pub.stop()
        published = dict(pub.counts)
        expected = sum(published.values())

        _settle(collector, expected, settle_s)
        numbers, dup_messages = _readings(collector)
        order, _, _ = streams(collector.snapshot_dup(), PREFIX)
        problems = [
            f"{a}: seqs not 1..N in order (first {s[:5]}, last {s[-5:]})"
            for a, s in order.items()
            if s != list(range(1, len(s) + 1))
        ]
        missing = {
            a: sorted(set(range(1, published[a] + 1)) - set(numbers.get(a, []))) for a in ASSETS
        }
        dup_readings = sum(len(v) - len(set(v)) for v in numbers.values())
        return Result(published, missing, dup_readings, dup_messages, kills, problems)
    finally:
        if pub is not None and pub.proc.poll() is None:
            pub.proc.kill()
        gw.stop()
        collector.stop()
        cloud.stop()
        plant.stop()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rate", type=float, default=1500)
    ap.add_argument("--kills", type=int, default=10)
    ap.add_argument("--outage", action="store_true")
    ap.add_argument("--ack", choices=("stored", "received"), default="stored")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--snapshots", action="store_true", help="restart on a copy of the data")
    args = ap.parse_args()
    for i in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="durability-") as tmp:
            r = run_scenario(
                Path(tmp),
                rate=args.rate,
                kills=args.kills,
                outage=args.outage,
                ack=args.ack,
                seed=i,
                snapshots=args.snapshots,
            )
        print(
            f"rate {args.rate:g}/s, ack {args.ack}, outage {args.outage}, "
            f"snapshots {args.snapshots}: {r.summary()}",
            flush=True,
        )


if __name__ == "__main__":
    main()
