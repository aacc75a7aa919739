"""Modbus polling: requests per cycle and cycle time for a 100-point map, merged vs one per tag.

A pymodbus TCP server in its own process serves one device with a 100-point register
map (40 float32 and 20 int16 holding registers with small gaps, 20 input registers,
10 coils, 10 discrete inputs). The gateway's ModbusSource polls it back to back:

- ``merged``: the source's read plan (contiguous and nearly contiguous registers per
  table in one request, up to 125 registers, gaps up to 8);
- ``per tag``: the same source with one request per point, as ThingsBoard's gateway does.

Figures: requests per cycle, cycle time (median and p95) on loopback TCP, and the time
the same cycle would occupy an RS-485 line at 19200 baud 8E1 (computed from the frame
sizes, 11 bits per character plus the 3.5-character gap between frames; a real device
adds its own turnaround per request on top).

    .venv/bin/python -m bench.bench_modbus [--cycles 300]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import math
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gateway.config.sources import ModbusSourceConfig  # noqa: E402
from gateway.health import ComponentHealth  # noqa: E402
from gateway.records import Reading  # noqa: E402
from gateway.sources.modbus import ModbusSource  # noqa: E402
from gateway.sources.modbus_codec import ReadRequest  # noqa: E402
from tests.support.net import free_port, wait_listening  # noqa: E402


def point_map() -> list[dict[str, Any]]:
    points: list[dict[str, Any]] = []
    for i in range(40):
        points.append(
            {
                "sensor_id": "pump-1",
                "feature": f"f32_{i}",
                "address": 2 * i,
                "type": "float32",
                "order": "CDAB",
            }
        )
    for i in range(20):
        points.append(
            {
                "sensor_id": "pump-1",
                "feature": f"i16_{i}",
                "address": 200 + 4 * i,
                "type": "int16",
                "scale": 0.1,
            }
        )
    for i in range(20):
        points.append(
            {
                "sensor_id": "pump-1",
                "feature": f"in_{i}",
                "table": "input",
                "address": i,
                "type": "uint16",
            }
        )
    for table in ("coil", "discrete"):
        for i in range(10):
            points.append(
                {
                    "sensor_id": "pump-1",
                    "feature": f"{table}_{i}",
                    "table": table,
                    "address": i,
                    "type": "bool",
                }
            )
    return points


async def serve(port: int) -> None:
    from pymodbus.server import ModbusTcpServer
    from pymodbus.simulator import DataType, SimData, SimDevice

    bits = [SimData(0, values=[True, False] * 8, datatype=DataType.BITS)]
    device = SimDevice(
        id=1,
        simdata=(
            bits,
            list(bits),
            [SimData(0, values=list(range(300)), datatype=DataType.REGISTERS)],
            [SimData(0, values=list(range(100)), datatype=DataType.REGISTERS)],
        ),
    )
    server = ModbusTcpServer([device], address=("127.0.0.1", port))
    await server.serve_forever()


def rtu_line_seconds(plan: list[ReadRequest], baud: int = 19200) -> float:
    char = 11 / baud  # start, 8 data, parity, stop
    total = 0.0
    for r in plan:
        answer = 5 + (math.ceil(r.count / 8) if r.is_bits else 2 * r.count)
        total += (8 + answer + 2 * 3.5) * char
    return total


async def measure(port: int, per_tag: bool, cycles: int) -> dict[str, float]:
    cfg = ModbusSourceConfig.model_validate(
        {
            "name": "bench",
            "port": port,
            "devices": [
                {
                    "name": "meter",
                    "unit_id": 1,
                    "poll_interval": 0.001,
                    "timeout": 1.0,
                    "retries": 0,
                    "points": point_map(),
                }
            ],
        }
    )
    got: list[Reading] = []
    source = ModbusSource(
        cfg, got.extend, ComponentHealth("bench", "source"), data_dir=Path(tempfile.mkdtemp())
    )
    dev = source.devices[0]
    if per_tag:
        points = dev.cfg.points
        dev.plan = [
            ReadRequest(p.table, p.address, p.registers, (i,)) for i, p in enumerate(points)
        ]
        dev.decoders = [dev._decoders(r) for r in dev.plan]
    durations: list[float] = []
    poll = source._poll

    async def timed(*args: Any) -> bool:
        t0 = time.perf_counter()
        answered = await poll(*args)
        durations.append(time.perf_counter() - t0)
        return answered

    source._poll = timed  # type: ignore[method-assign,assignment]
    task = asyncio.create_task(source.run())
    while len(durations) < cycles + 5:
        await asyncio.sleep(0.05)
        if task.done():
            task.result()
    task.cancel()
    runs = sorted(durations[5 : cycles + 5])  # the first cycles open the connection
    assert got and not got[-1].bad, got[-1]
    return {
        "requests": len(dev.plan),
        "p50_ms": 1000 * statistics.median(runs),
        "p95_ms": 1000 * runs[int(0.95 * len(runs)) - 1],
        "rtu_ms": 1000 * rtu_line_seconds(dev.plan),
        "values": len(got[-1].values),
    }


def main() -> None:
    # A poll cancelled at the end leaves one answer without its request: pymodbus says so.
    logging.getLogger("pymodbus").setLevel(logging.CRITICAL)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cycles", type=int, default=300)
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        asyncio.run(serve(args.serve))
        return
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "bench.bench_modbus", "--serve", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_listening(port)
        merged = asyncio.run(measure(port, False, args.cycles))
        per_tag = asyncio.run(measure(port, True, args.cycles))
    finally:
        server.terminate()
        server.wait()
    print(
        f"\nModbus, one device, {merged['values']:.0f}-point map, {args.cycles} cycles each, "
        "pymodbus TCP server on loopback (own process)"
    )
    print(
        f"{'plan':<10}{'requests/cycle':>16}{'cycle p50 ms':>14}{'cycle p95 ms':>14}"
        f"{'RS-485 19200 ms':>17}"
    )
    for name, r in (("merged", merged), ("per tag", per_tag)):
        print(
            f"{name:<10}{r['requests']:>16.0f}{r['p50_ms']:>14.2f}{r['p95_ms']:>14.2f}"
            f"{r['rtu_ms']:>17.0f}"
        )
    print(
        f"merged: {per_tag['requests'] / merged['requests']:.0f}x fewer requests, cycle "
        f"{per_tag['p50_ms'] / merged['p50_ms']:.1f}x shorter on TCP, "
        f"{per_tag['rtu_ms'] / merged['rtu_ms']:.1f}x less line time on RS-485"
    )


if __name__ == "__main__":
    main()
