"""Alerts: latency from the opening reading to the receivers, and ingest with a dead SMTP server.

Both parts run the real pipeline (``gateway.pipeline.Pipeline``) and the real alerts
sink (rules, state store, outbox, delivery worker, Apprise) in this process; the
receivers (aiosmtpd and an HTTP server) run in a process of their own so their CPU is
not charged to the gateway. The model is a deterministic stand-in (a motor bearing
above 90 °C is "motor_overheating"): the compiled model's cost is measured in
bench_model.py, not here.

1. Latency: 200 alerts, one at a time, each on a new asset. The clock starts when the
   three hot readings that open it (the default debounce, 3 of 5) are submitted to the
   pipeline and stops when the email reaches the SMTP server and the webhook reaches
   the HTTP server (arrival times stamped by the receivers; same machine, same clock).
   Includes the state-store write (TinyDB, fsync), the outbox commit (SQLite FULL
   sync), the worker's wake-up and the attempt itself.

2. Ingest: readings/s through the pipeline and the alerts sink (time until both queues
   are empty) for 200 assets of which 20 turn faulty (20 alerts, each with an email and
   a webhook to deliver), with the SMTP server live, refusing connections, or hung (a
   tarpit that accepts and never greets, so each attempt waits its full timeout).
   A pipeline without the alerts sink, and one with it on a healthy plant (no alert),
   are the baselines. Variants are interleaved round
   after round (the machine is shared); the best and the median round are shown.

    .venv/bin/python bench/bench_alerts.py [--alerts 200] [--readings 200000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gateway.alerts.delivery import Sender  # noqa: E402
from gateway.alerts.outbox import DeliveryQueue  # noqa: E402
from gateway.alerts.sink import AlertSink  # noqa: E402
from gateway.config.alerts import AlertsConfig  # noqa: E402
from gateway.events import EventHub  # noqa: E402
from gateway.features import PLANT_FEATURES, FeatureMap  # noqa: E402
from gateway.health import HealthRegistry  # noqa: E402
from gateway.pipeline import Pipeline  # noqa: E402
from gateway.records import Prediction, Reading  # noqa: E402
from gateway.state.store import Store  # noqa: E402
from tests.support.net import free_port, wait_listening  # noqa: E402


class HotBearing:
    name = "bench"

    def predict(self, rows: list[list[float | None]]) -> list[Prediction | None]:
        hot = Prediction("motor_overheating", 0.93, (), "bench")
        ok = Prediction("normal", 0.97, (), "bench")
        return [None if r[0] is None else (hot if r[0] > 90 else ok) for r in rows]


class Receivers:
    """aiosmtpd + HTTP in a child process; arrival lines collected by a reader thread."""

    def __init__(self) -> None:
        self.smtp_port, self.http_port = free_port(), free_port()
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.support.alerts",
                "serve",
                str(self.smtp_port),
                str(self.http_port),
            ],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        assert self.proc.stdout.readline().strip() == "ready"
        wait_listening(self.smtp_port)
        wait_listening(self.http_port)
        self.arrivals: dict[tuple[str, str], float] = {}
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            kind, ts, sensor = line.split()
            with self.lock:
                self.arrivals[(kind, sensor)] = float(ts)

    def get(self, kind: str, sensor: str) -> float | None:
        with self.lock:
            return self.arrivals.get((kind, sensor))

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(10)


def alerts_config(smtp_port: int) -> AlertsConfig:
    return AlertsConfig.model_validate(
        {
            "allow_private_targets": "all",  # the receivers listen on loopback
            "smtp": {
                "host": "127.0.0.1",
                "port": smtp_port,
                "security": "insecure",
                "from_email": "gw@plant.example",
            },
        }
    )


def make_sink(data: Path, cfg: AlertsConfig, http_port: int) -> tuple[AlertSink, Store]:
    store = Store(data)
    store.insert(
        "users",
        {
            "email": "ops@plant.example",
            "username": "ops",
            "disabled": False,
            "role": "operator",
            "created_at": time.time(),
            "token_epoch": 0,
        },
    )
    store.insert(
        "settings",
        {
            "user_email": "ops@plant.example",
            "anomalyThreshold": 0.7,
            "enableNotifications": True,
            "faultActions": [
                {
                    "id": "1",
                    "type": "email",
                    "enabled": True,
                    "config": {"email": "ops@plant.example"},
                },
                {
                    "id": "2",
                    "type": "webhook",
                    "enabled": True,
                    "config": {"url": f"http://127.0.0.1:{http_port}/hook"},
                },
            ],
        },
    )
    health = HealthRegistry()
    sink = AlertSink(
        cfg,
        store,
        EventHub(),
        health=health.register("alerts", "sink"),
        delivery_health=health.register("alert-delivery", "sink"),
        outbox=DeliveryQueue(data),
        sender=Sender(cfg, environ={}),
    )
    return sink, store


def reading(sensor: str, temp: float) -> Reading:
    values = {f: 50.0 for f in PLANT_FEATURES}
    values["motor_data.DE_temp"] = temp
    return Reading(sensor, time.time(), values, source="bench")


async def running(pipeline: Pipeline, sink: AlertSink | None) -> list[asyncio.Task[None]]:
    tasks = [asyncio.create_task(pipeline.run())]
    if sink is not None:
        tasks.append(asyncio.create_task(sink.run()))
    await asyncio.sleep(0.05)
    return tasks


async def stop(
    tasks: list[asyncio.Task[None]], sink: AlertSink | None, store: Store | None
) -> None:
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    if sink is not None:
        await sink.close()
    if store is not None:
        store.close()


# -- 1. latency -------------------------------------------------------------------------


async def latency(receivers: Receivers, n: int) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory() as d:
        cfg = alerts_config(receivers.smtp_port)
        sink, store = make_sink(Path(d), cfg, receivers.http_port)
        health = HealthRegistry()
        pipeline = Pipeline(
            FeatureMap(PLANT_FEATURES), HotBearing(), [sink], health.register("pipeline", "stage")
        )
        tasks = await running(pipeline, sink)
        out: dict[str, list[float]] = {"smtp": [], "http": []}
        try:
            for i in range(n):
                sensor = f"asset_{i:04d}"
                t0 = time.time()
                pipeline.submit([reading(sensor, 95.0 + k) for k in range(3)])
                deadline = time.monotonic() + 30
                while True:
                    smtp, http = receivers.get("smtp", sensor), receivers.get("http", sensor)
                    if smtp is not None and http is not None:
                        break
                    if time.monotonic() > deadline:
                        raise TimeoutError(f"alert {i} did not arrive")
                    await asyncio.sleep(0.001)
                out["smtp"].append(smtp - t0)
                out["http"].append(http - t0)
        finally:
            await stop(tasks, sink, store)
        return out


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))]


# -- 2. ingest --------------------------------------------------------------------------


def tarpit() -> socket.socket:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(128)
    return s


async def ingest(
    n: int, smtp_port: int | None, http_port: int, *, with_sink: bool = True, faulty: int = 20
) -> float:
    assets, batch = 200, 500
    with tempfile.TemporaryDirectory() as d:
        sink: AlertSink | None = None
        store: Store | None = None
        if with_sink:
            sink, store = make_sink(Path(d), alerts_config(smtp_port or 1), http_port)
        health = HealthRegistry()
        pipeline = Pipeline(
            FeatureMap(PLANT_FEATURES),
            HotBearing(),
            [sink] if sink else [],
            health.register("pipeline", "stage"),
            queue_size=1_000_000,
        )
        rows = [
            reading(f"asset_{i % assets:03d}", 95.0 if i % assets < faulty else 60.0)
            for i in range(n)
        ]
        tasks = await running(pipeline, sink)
        try:
            t0 = time.perf_counter()
            for i in range(0, n, batch):
                pipeline.submit(rows[i : i + batch])
                await asyncio.sleep(0)  # a source hands over a batch, then yields
            assert await pipeline.drain(300)
            if sink is not None:
                assert await sink.flush(300)
            elapsed = time.perf_counter() - t0
            assert pipeline.health.dropped == 0
            if sink is not None:
                assert sink.health.dropped == 0
                assert sink.health.extra.get("open_alerts", 0) == faulty
        finally:
            await stop(tasks, sink, store)
        return n / elapsed


async def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--alerts", type=int, default=200)
    ap.add_argument("--readings", type=int, default=200_000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    logging.getLogger("gateway").setLevel(logging.ERROR)  # alerts opening, failed deliveries

    receivers = Receivers()
    pit = tarpit()
    try:
        lat = await latency(receivers, args.alerts)
        print(f"latency, opening reading -> receiver, over {args.alerts} alerts (ms):")
        print(f"  {'channel':<10}{'median':>10}{'p99':>10}{'max':>10}")
        for kind, label in (("smtp", "email"), ("http", "webhook")):
            v = [x * 1000 for x in lat[kind]]
            print(f"  {label:<10}{statistics.median(v):>10.1f}{pct(v, 99):>10.1f}{max(v):>10.1f}")

        variants: dict[str, Callable[[], Any]] = {
            "no alerts sink (baseline)": lambda: ingest(
                args.readings, None, receivers.http_port, with_sink=False
            ),
            "alerts sink, no fault": lambda: ingest(
                args.readings, receivers.smtp_port, receivers.http_port, faulty=0
            ),
            "SMTP live": lambda: ingest(args.readings, receivers.smtp_port, receivers.http_port),
            "SMTP refusing": lambda: ingest(args.readings, free_port(), receivers.http_port),
            "SMTP hung (tarpit)": lambda: ingest(
                args.readings, pit.getsockname()[1], receivers.http_port
            ),
        }
        results: dict[str, list[float]] = {k: [] for k in variants}
        for _ in range(args.rounds):
            for name, run in variants.items():
                results[name].append(await run())
        live = statistics.median(results["SMTP live"])
        print(
            f"\ningest, {args.readings} readings, 200 assets, 20 alerts (40 deliveries) "
            f"(best / median of {args.rounds} rounds, readings/s):"
        )
        for name, v in results.items():
            med = statistics.median(v)
            print(f"  {name:<28}{max(v):>12,.0f}{med:>12,.0f}   x{med / live:.2f} of live")
    finally:
        pit.close()
        receivers.close()


if __name__ == "__main__":
    asyncio.run(main())
