"""Upstream figures: forward rate, backlog drain, outbox size on disk, ingest while draining.

Everything runs here against a local mosquitto (the broker's PUBACK is the delivery):

1. sustained forward rate: scored readings offered to the upstream sink as fast as it
   takes them, until the outbox is empty; messages/s and readings/s, with the default
   batching (up to 100 readings a message) and with one reading a message;
2. backlog drain after a 10-minute outage at the demo's ingest rate (3 assets at 1 Hz:
   1,800 one-reading messages put in the outbox, as the sink stores them while the link
   is down), at the default drain_rate and unthrottled;
3. outbox size on disk per 10,000 readings, at one and at 100 readings a message;
4. the ingest rate (readings/s the sink commits) while a large backlog drains, beside
   the same ingest with no backlog.

Machine noise is large (2 shared cores): each figure is the best of two rounds.
"""

from __future__ import annotations

import asyncio
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gateway.config.upstream import UpstreamConfig
from gateway.features import PLANT_FEATURES
from gateway.health import HealthRegistry
from gateway.records import Prediction, Reading, Scored
from gateway.upstream.encoder import MessageEncoder
from gateway.upstream.outbox import OUTBOX_FILE, Outbox
from gateway.upstream.sink import UpstreamSink
from tests.support.mosquitto import Mosquitto

PROBS = (0.91, 0.01, 0.01, 0.01, 0.01, 0.01, 0.02, 0.01, 0.01)


def make(n: int, assets: int = 10, t0: float | None = None, step: float = 0.001) -> list[Scored]:
    rng = random.Random(1)
    now = time.time() if t0 is None else t0
    out = []
    for i in range(n):
        values = {f: round(rng.uniform(0, 100), 3) for f in PLANT_FEATURES}
        ts = now + i * step
        r = Reading(f"industrial_sensor_{i % assets + 1}", ts, values, source="bench", received=ts)
        out.append(Scored(r, Prediction("normal", 0.91, PROBS, "pump_motor")))
    return out


def fresh(items: list[Scored]) -> list[Scored]:
    """The same readings as if they arrived now (the sink's linger counts from arrival)."""
    now = time.time()
    return [
        Scored(
            Reading(
                s.reading.sensor_id,
                s.reading.timestamp,
                s.reading.values,
                s.reading.source,
                s.reading.bad,
                now,
            ),
            s.prediction,
        )
        for s in items
    ]


class Rig:
    def __init__(self, data: Path, port: int, **cfg: Any) -> None:
        self.health = HealthRegistry()
        self.config = UpstreamConfig(enabled=True, port=port, **cfg)
        self.sink = UpstreamSink(
            self.config,
            gateway_id="gw-bench",
            data_dir=data,
            health=self.health.register("upstream", "sink"),
            link_health=self.health.register("upstream-link", "sink"),
        )
        self.task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self.task = asyncio.create_task(self.sink.run())
        # Polling: the sink signals none of these counters.
        while self.sink.forwarder is None or not self.sink.forwarder.connected:  # noqa: ASYNC110
            await asyncio.sleep(0.01)

    async def stop(self) -> None:
        assert self.task is not None
        self.task.cancel()
        await asyncio.gather(self.task, return_exceptions=True)

    @property
    def link(self) -> Any:
        return self.health.get("upstream-link")

    async def offer_all(
        self, items: list[Scored], chunk: int = 500, max_queue: int = 20_000
    ) -> None:
        for i in range(0, len(items), chunk):
            # Polling: the sink signals none of these counters.
            while len(self.sink.queue) > max_queue:  # noqa: ASYNC110
                await asyncio.sleep(0.001)
            self.sink.offer(fresh(items[i : i + chunk]))
            await asyncio.sleep(0)

    async def until_empty(self) -> None:
        # Polling: the sink signals none of these counters.
        while self.sink.queue or (self.sink.outbox and self.sink.outbox.messages):  # noqa: ASYNC110
            await asyncio.sleep(0.005)


async def forward_rate(broker: Mosquitto, items: list[Scored], **cfg: Any) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as d:
        rig = Rig(Path(d), broker.port, **cfg)
        await rig.start()
        t0 = time.perf_counter()
        await rig.offer_all(items)
        await rig.until_empty()
        dt = time.perf_counter() - t0
        msgs = rig.link.sent
        await rig.stop()
    return msgs / dt, len(items) / dt


def fill_backlog(data: Path, items: list[Scored], per_append: int, **cfg: Any) -> Outbox:
    config = UpstreamConfig(enabled=True, **cfg)
    enc = MessageEncoder(config, "gw-bench")
    ob = Outbox(data / OUTBOX_FILE, max_bytes=int(config.max_mb * 1024 * 1024))
    for i in range(0, len(items), per_append):
        ob.append(enc.telemetry(items[i : i + per_append]))
    return ob


async def drain(broker: Mosquitto, items: list[Scored], **cfg: Any) -> tuple[float, float, int]:
    with tempfile.TemporaryDirectory() as d:
        ob = fill_backlog(Path(d), items, per_append=3, batch_max_readings=1)
        n, readings = ob.messages, ob.readings
        ob.close()
        rig = Rig(Path(d), broker.port, **cfg)
        t0 = time.perf_counter()
        await rig.start()
        await rig.until_empty()
        dt = time.perf_counter() - t0
        await rig.stop()
    return n / dt, readings / dt, n


def size_per_10k(per_message: int) -> tuple[float, float]:
    items = make(10_000, assets=3)
    with tempfile.TemporaryDirectory() as d:
        ob = fill_backlog(Path(d), items, per_append=300, batch_max_readings=per_message)
        counted = ob.bytes
        ob.close()
        path = Path(d) / OUTBOX_FILE
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        on_disk = path.stat().st_size + sum(
            p.stat().st_size for p in Path(d).glob(OUTBOX_FILE + "-*")
        )
    return on_disk / 1e6, counted / 1e6


async def ingest_while_draining(
    broker: Mosquitto, backlog: list[Scored], live: list[Scored]
) -> tuple[float, float, float]:
    """Live readings/s committed with no backlog, and while ``backlog`` drains; drain msgs/s."""
    with tempfile.TemporaryDirectory() as d:
        rig = Rig(Path(d), broker.port)
        await rig.start()
        t0 = time.perf_counter()
        await rig.offer_all(live)
        await rig.until_empty()
        base = len(live) / (time.perf_counter() - t0)
        await rig.stop()
    with tempfile.TemporaryDirectory() as d:
        ob = fill_backlog(Path(d), backlog, per_append=3, batch_max_readings=1)
        backlog_msgs = ob.messages
        ob.close()
        rig = Rig(Path(d), broker.port, drain_rate=2000)
        await rig.start()
        t0 = time.perf_counter()
        await rig.offer_all(live)
        # Polling: the sink signals none of these counters.
        while rig.sink.queue:  # noqa: ASYNC110
            await asyncio.sleep(0.001)
        during = len(live) / (time.perf_counter() - t0)
        drained = backlog_msgs - rig.sink.outbox.messages if rig.sink.outbox else 0
        drain_rate = drained / (time.perf_counter() - t0)
        await rig.until_empty()
        await rig.stop()
    return base, during, drain_rate


async def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-upstream-"))
    broker = Mosquitto(work / "broker").start()
    try:
        items = make(200_000)
        demo = make(1_800, assets=3, step=1 / 3)
        best: dict[str, Any] = {}
        for _ in range(2):
            for name, cfg in (
                ("batched (<=100 readings/msg)", {}),
                ("one reading a message", {"batch_max_readings": 1}),
            ):
                n = items if cfg == {} else items[:40_000]
                m, r = await forward_rate(broker, n, **cfg)
                if r > best.get(name, (0, 0))[1]:
                    best[name] = (m, r)
            for name, cfg in (
                ("drain_rate 500 (default)", {}),
                ("unthrottled", {"drain_rate": 1e9}),
            ):
                m, r, n_msgs = await drain(broker, demo, **cfg)
                if m > best.get(name, (0, 0, 0))[0]:
                    best[name] = (m, r, n_msgs)
        print("1. sustained forward rate into a local mosquitto (QoS 1, fsync on)")
        print(f"   {'':32} {'messages/s':>11} {'readings/s':>11}")
        for name in ("batched (<=100 readings/msg)", "one reading a message"):
            m, r = best[name]
            print(f"   {name:32} {m:11,.0f} {r:11,.0f}")
        print(
            "2. backlog drain after a 10-minute outage at the demo rate "
            f"({best['unthrottled'][2]:,} messages, 1 reading each)"
        )
        for name in ("drain_rate 500 (default)", "unthrottled"):
            m, r, _ = best[name]
            print(f"   {name:32} {m:11,.0f} msg/s  -> {best[name][2] / m:5.1f} s")
        print("3. outbox size on disk per 10,000 readings")
        for per in (1, 100):
            disk, counted = size_per_10k(per)
            print(
                f"   {per:3} reading(s) a message: {disk:6.2f} MB on disk "
                f"({counted:.2f} MB counted against max_mb)"
            )
        backlog = make(30_000, assets=3, step=1 / 3)
        live = make(100_000)
        rounds = [await ingest_while_draining(broker, backlog, live) for _ in range(2)]
        base = max(r[0] for r in rounds)
        during = max(r[1] for r in rounds)
        rate = max(r[2] for r in rounds)
        print("4. ingest while a 30,000-message backlog drains (drain_rate 2,000)")
        print(f"   ingest, no backlog:        {base:11,.0f} readings/s")
        print(
            f"   ingest, backlog draining:  {during:11,.0f} readings/s "
            f"({during / base:.2f}x), backlog drained at {rate:,.0f} msg/s meanwhile"
        )
    finally:
        broker.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    asyncio.run(main())
