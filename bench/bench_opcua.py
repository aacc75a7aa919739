"""OPC UA ingest: notifications/s for 1,000 monitored items, beside a bare asyncua client.

An asyncua server in its own process changes all N values as fast as it can (or every
``--tick`` seconds). Contenders, interleaved over several rounds on the same server:

* source   ``gateway.sources.opcua.OpcuaSource`` (one subscription, per-publish batches
           of partial Readings) into a counting emit
* bare     a plain asyncua client: ``create_subscription`` in iterator mode,
           ``subscribe_data_change`` on the same nodes, a loop that only counts events

Each round connects, waits ``--warmup`` seconds, then counts for ``--seconds``. Printed:
notifications/s, the client process's CPU per notification (user+sys of this process:
the server runs in another one), and the ratio source/bare. Both sides see the same
server, whose own write rate (it is Python too) caps what any client can receive; the
CPU per notification is the figure that says what the adapter costs.

    .venv/bin/python bench/bench_opcua.py [--points 1000] [--rounds 3] [--seconds 10]
        [--queue 10] [--publishing 100] [--tick 0] [--json out.json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from asyncua import Client, ua
from asyncua.common.subscription import DataChangeEvent

from gateway.config.sources import OpcuaSourceConfig
from gateway.health import ComponentHealth
from gateway.records import Reading
from gateway.sources.opcua import OpcuaSource
from tests.support.net import free_port
from tests.support.opcua_server import ServerProcess

Result = tuple[float, float, float]
SERVER = ServerProcess(0)  # replaced in main()


def cpu() -> float:
    t = os.times()
    return t.user + t.system


def server_cpu() -> float:
    """CPU seconds of the server process (utime + stime from /proc)."""
    assert SERVER.pid is not None
    fields = Path(f"/proc/{SERVER.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def measure(count: Callable[[], int], warmup: float, seconds: float) -> Result:
    """Notifications/s, client CPU µs per notification, server CPU share, after ``warmup``."""
    await asyncio.sleep(warmup)
    n0, c0, s0, t0 = count(), cpu(), server_cpu(), time.perf_counter()
    await asyncio.sleep(seconds)
    n1, c1, s1, t1 = count(), cpu(), server_cpu(), time.perf_counter()
    n, wall = n1 - n0, t1 - t0
    return n / wall, ((c1 - c0) / n * 1e6) if n else float("inf"), (s1 - s0) / wall


async def run_source(url: str, args: argparse.Namespace) -> Result:
    points = [
        {
            "sensor_id": f"asset-{i // 20:03d}",
            "feature": f"f{i % 20:02d}",
            "node": f"ns=2;s=Bench.v{i:04d}",
            "sampling_interval": 0,
            "queue_size": args.queue,
        }
        for i in range(args.points)
    ]
    cfg = OpcuaSourceConfig.model_validate(
        {
            "name": "bench",
            "url": url,
            "publishing_interval": args.publishing,
            "timeout": 10.0,
            "watchdog": 30.0,
            "points": points,
        }
    )
    readings = 0

    def emit(batch: list[Reading]) -> None:
        nonlocal readings
        readings += len(batch)

    health = ComponentHealth("bench", "source", "opcua")
    with tempfile.TemporaryDirectory() as data:
        source = OpcuaSource(cfg, emit, health, data_dir=Path(data))
        task = asyncio.create_task(source.run())
        try:
            while health.state != "up":
                if task.done():
                    task.result()
                await asyncio.sleep(0.05)
            return await measure(lambda: health.received, args.warmup, args.seconds)
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)


async def run_bare(url: str, args: argparse.Namespace) -> Result:
    # asyncua's defaults probe the server every 1 s with a 1 s timeout; under this load
    # that probe times out and the client marks itself disconnected within seconds. The
    # bare client gets the same 10 s probe as the source (timeout 10 s).
    client = Client(url, timeout=10, watchdog_intervall=10)
    await client.connect()
    count = 0

    async def drain(sub: object) -> None:
        nonlocal count
        async for ev in sub:  # type: ignore[attr-defined]
            if isinstance(ev, DataChangeEvent):
                count += 1

    try:
        sub = await client.create_subscription(args.publishing, None, queue_maxsize=1_000_000)
        nodes = [client.get_node(f"ns=2;s=Bench.v{i:04d}") for i in range(args.points)]
        await sub.subscribe_data_change(
            nodes, queuesize=args.queue, sampling_interval=ua.Double(0.0)
        )
        task = asyncio.create_task(drain(sub))
        try:
            return await measure(lambda: count, args.warmup, args.seconds)
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
    finally:
        await client.disconnect()


async def main(args: argparse.Namespace) -> dict[str, object]:
    global SERVER
    port = free_port()
    SERVER = ServerProcess(port, tick=args.tick, bench_points=args.points).start(timeout=120)
    url = f"opc.tcp://127.0.0.1:{port}/"
    contenders: dict[str, Callable[[str, argparse.Namespace], Awaitable[Result]]] = {
        "source": run_source,
        "bare": run_bare,
    }
    results: dict[str, list[Result]] = {k: [] for k in contenders}
    try:
        for r in range(args.rounds):
            for name, fn in contenders.items():
                rate, us, server_share = await fn(url, args)
                results[name].append((rate, us, server_share))
                print(
                    f"round {r + 1} {name:6s} {rate:10.0f} notifications/s  "
                    f"{us:6.1f} µs client CPU/notification  server at "
                    f"{server_share:4.0%} of a core",
                    flush=True,
                )
    finally:
        SERVER.stop()
    summary: dict[str, object] = {
        "points": args.points,
        "queue": args.queue,
        "publishing_ms": args.publishing,
        "tick": args.tick,
    }
    for name, rows in results.items():
        summary[name] = {
            "notifications_per_s": round(statistics.median(r[0] for r in rows)),
            "cpu_us_per_notification": round(statistics.median(r[1] for r in rows), 1),
            "server_core_share": round(statistics.median(r[2] for r in rows), 2),
        }
    src, bare = summary["source"], summary["bare"]
    assert isinstance(src, dict) and isinstance(bare, dict)
    summary["rate_ratio_source_to_bare"] = round(
        src["notifications_per_s"] / max(1, bare["notifications_per_s"]), 2
    )
    summary["cpu_ratio_source_to_bare"] = round(
        src["cpu_us_per_notification"] / max(0.1, bare["cpu_us_per_notification"]), 2
    )
    return summary


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--points", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--queue", type=int, default=10, help="monitored item queue size")
    parser.add_argument("--publishing", type=float, default=100.0, help="ms")
    parser.add_argument(
        "--tick",
        type=float,
        default=0.0,
        help="seconds between the server's rounds of changes (0: flat out)",
    )
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    summary = asyncio.run(main(args))
    print(json.dumps(summary, indent=2))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2))
