"""Sparkplug B against JSON upstream: size per 1,000 readings and forward rate, side by side.

1. messages and payload bytes per 1,000 readings (3 assets, 20 values each, a
   prediction), at one reading a message and at up to 100, for both formats, from the
   encoders the sinks use; Sparkplug's ``seq`` and payload ``timestamp`` (9 bytes, set
   at send time) are counted, its births are not (one NBIRTH and one DBIRTH per asset
   per MQTT session: sizes given);
2. forward rate into a local mosquitto (QoS 1, fsync on, PUBACK deletes): the same
   readings through the JSON sink and the Sparkplug sink, in the same run, alternating,
   best of two rounds.

``python bench/bench_sparkplug.py [--quick]``
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_upstream import fresh, make

from gateway.config.upstream import UpstreamConfig
from gateway.health import HealthRegistry
from gateway.records import Scored
from gateway.upstream.sink import MessageEncoder, UpstreamSink
from gateway.upstream.sparkplug.encoder import (
    MetricRegistry,
    SparkplugEncoder,
    Topics,
    send_fields,
)
from gateway.upstream.sparkplug.sink import SparkplugSink
from tests.support.mosquitto import Mosquitto

SPARKPLUG = {"format": "sparkplug_b", "sparkplug": {"group_id": "bench", "edge_node_id": "gw"}}


def sizes(per_message: int, n: int = 30_000) -> dict[str, tuple[float, float]]:
    """Per 1,000 readings: (messages, payload kB) for each format."""
    items = make(n, assets=3)
    out: dict[str, tuple[float, float]] = {}
    cfg = UpstreamConfig(enabled=True, batch_max_readings=per_message)
    json_enc = MessageEncoder(cfg, "gw-bench")
    msgs = nbytes = 0
    for i in range(0, n, 300):
        for m in json_enc.telemetry(items[i : i + 300]):
            msgs += 1
            # The outbox puts "id" (32 hex) and "seq" first: 50 bytes or so more.
            nbytes += len(m.body) + len(b'"id":"0123456789abcdef0123456789abcdef","seq":100,')
    out["json"] = (msgs * 1000 / n, nbytes / n)
    with tempfile.TemporaryDirectory() as d:
        sp = SparkplugEncoder(
            Topics("bench", "gw"), MetricRegistry(Path(d) / "r.json"), max_readings=per_message
        )
        msgs = nbytes = 0
        for i in range(0, n, 300):
            for m in sp.telemetry(items[i : i + 300]):
                msgs += 1
                # seq and the payload's timestamp, set at send time
                nbytes += len(m.body) + len(send_fields(1))
        out["sparkplug_b"] = (msgs * 1000 / n, nbytes / n)
        births = [len(sp.dbirth(dev, 1)) for dev in sp.registry.devices]
        out["_births"] = (len(sp.nbirth(0).SerializeToString()), sum(births) / len(births))
    return out


class Rig:
    def __init__(self, data: Path, port: int, sparkplug: bool, **cfg: Any) -> None:
        self.health = HealthRegistry()
        extra = SPARKPLUG if sparkplug else {}
        config = UpstreamConfig.model_validate({"enabled": True, "port": port, **extra, **cfg})
        cls = SparkplugSink if sparkplug else UpstreamSink
        self.sink = cls(
            config,
            gateway_id="gw-bench",
            data_dir=data,
            health=self.health.register("upstream", "sink"),
            link_health=self.health.register("upstream-link", "sink"),
        )
        self.task: asyncio.Task[None] | None = None

    async def run(self, items: list[Scored]) -> tuple[float, float]:
        self.task = asyncio.create_task(self.sink.run())
        # Polling: the sink signals none of these counters.
        while self.sink.forwarder is None or not self.sink.forwarder.connected:  # noqa: ASYNC110
            await asyncio.sleep(0.01)
        t0 = time.perf_counter()
        for i in range(0, len(items), 500):
            while len(self.sink.queue) > 20_000:  # noqa: ASYNC110
                await asyncio.sleep(0.001)
            self.sink.offer(fresh(items[i : i + 500]))
            await asyncio.sleep(0)
        while self.sink.queue or (self.sink.outbox and self.sink.outbox.messages):  # noqa: ASYNC110
            await asyncio.sleep(0.005)
        dt = time.perf_counter() - t0
        msgs = self.health.get("upstream-link").sent  # type: ignore[union-attr]
        self.task.cancel()
        await asyncio.gather(self.task, return_exceptions=True)
        return msgs / dt, len(items) / dt


async def forward(broker: Mosquitto, items: list[Scored], sparkplug: bool, **cfg: Any) -> Any:
    with tempfile.TemporaryDirectory() as d:
        return await Rig(Path(d), broker.port, sparkplug, **cfg).run(items)


async def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="fewer readings")
    args = ap.parse_args()
    print("1. per 1,000 readings (3 assets, 20 values and a prediction each)")
    print(f"   {'':24} {'messages':>9} {'payload kB':>11}")
    for per in (1, 100):
        s = sizes(per)
        for fmt in ("json", "sparkplug_b"):
            m, b = s[fmt]
            print(f"   {fmt + f', <= {per}/msg':24} {m:9,.0f} {b:11,.1f}")
    nb, db = sizes(1, 300)["_births"]
    print(f"   births per session: NBIRTH {nb} B, DBIRTH {db:.0f} B per asset")
    work = Path(tempfile.mkdtemp(prefix="bench-sparkplug-"))
    broker = Mosquitto(work / "broker").start()
    try:
        big = make(20_000 if args.quick else 100_000)
        small = big[: 5_000 if args.quick else 20_000]
        best: dict[tuple[str, str], tuple[float, float]] = {}
        for _ in range(2):
            for name, items, cfg in (
                ("<= 100 readings/msg", big, {}),
                ("1 reading/msg", small, {"batch_max_readings": 1}),
            ):
                for fmt in ("json", "sparkplug_b"):
                    m, r = await forward(broker, items, fmt == "sparkplug_b", **cfg)
                    if r > best.get((name, fmt), (0.0, 0.0))[1]:
                        best[(name, fmt)] = (m, r)
        print("2. forward rate into a local mosquitto (QoS 1, fsync on), best of 2")
        print(f"   {'':34} {'messages/s':>11} {'readings/s':>11}")
        for (name, fmt), (m, r) in best.items():
            print(f"   {fmt + ', ' + name:34} {m:11,.0f} {r:11,.0f}")
    finally:
        broker.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    asyncio.run(main())
