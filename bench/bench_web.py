"""Benchmark of the web UI under load beside ingest, in one run on this machine.

Three phases against one real gateway (``gateway.runtime.Gateway`` with the plant
simulator on Modbus, the compiled model when the repository has one, history and the
alert sink; the web UI on the gateway's own waitress, 4 threads):

1. ingest alone: a task on the gateway's loop floods ``pipeline.submit`` with readings of
   ``--sensors`` synthetic assets as fast as the pipeline takes them (the feeder keeps at
   most 20,000 waiting, so nothing is dropped); readings/s = what the pipeline finished;
2. UI alone: ``--clients`` HTTP clients, each a thread with its own ``requests.Session``
   and bearer token, call ``GET /dashboard`` back to back (the load tool runs in a
   separate process, so its own CPU use does not take the gateway's GIL);
3. both at once: the figures of 1 and 2 again, and their ratios to the figures alone;
4. ingest with a realistic UI: the same clients, each polling once per ``--every`` s.

Page load times come from the browser test (``tests/test_browser.py`` writes
``test-artifacts/page-load-times.json``); they are printed when present.

    .venv/bin/python bench/bench_web.py [--seconds 10] [--clients 8] [--sensors 20]
        [--rounds 3] [--json out.json]

The load tool is Python (threads with requests.Session); wrk is not installed here.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSWORD = "x marks the spot 42"
FEED_DEPTH = 20_000
SINK_DEPTH = 40_000
FEED_BATCH = 500


# -- the load tool (runs in its own process) --------------------------------------------


def load(url: str, token: str, clients: int, seconds: float, every: float = 0.0) -> dict[str, Any]:
    """``clients`` threads calling GET /dashboard; back to back, or each once per ``every`` s."""
    import resource

    import requests

    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients
    start = threading.Event()
    deadline = 0.0

    def client(i: int) -> None:
        s = requests.Session()
        s.headers["Authorization"] = f"Bearer {token}"
        start.wait()
        while time.monotonic() < deadline:
            t0 = time.perf_counter()
            try:
                r = s.get(url + "/dashboard", timeout=10)
                ok = r.status_code == 200 and r.content[:1] == b"{"
            except requests.RequestException:
                ok = False
            if ok:
                latencies[i].append(time.perf_counter() - t0)
            else:
                errors[i] += 1
            if every:
                time.sleep(max(0.0, every - (time.perf_counter() - t0)))

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.monotonic()
    deadline = t0 + seconds
    start.set()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - t0
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    ordered = sorted(x for per in latencies for x in per)
    n = len(ordered)

    def pct(p: float) -> float:
        return ordered[min(n - 1, int(p * n))] * 1000 if n else float("nan")

    return {
        "requests": n,
        "errors": sum(errors),
        "rps": n / elapsed,
        "p50_ms": pct(0.50),
        "p95_ms": pct(0.95),
        "p99_ms": pct(0.99),
        "clients": clients,
        "load_tool_cpu": cpu / elapsed,
    }


def run_load(
    url: str, token: str, clients: int, seconds: float, every: float = 0.0
) -> dict[str, Any]:
    out = subprocess.run(
        [
            sys.executable,
            __file__,
            "--load-only",
            url,
            "--token",
            token,
            "--clients",
            str(clients),
            "--seconds",
            str(seconds),
            "--every",
            str(every),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    )
    return json.loads(out.stdout)  # type: ignore[no-any-return]


# -- the ingest feeder (a task on the gateway's loop) -----------------------------------


class Feeder:
    def __init__(self, gw: Any, sensors: int) -> None:
        from gateway.records import Reading
        from gateway.simulator.plant import Plant

        self.gw = gw
        now = time.time()
        # Healthy pump-motor sets: the model says "normal", so no alert storm distorts it.
        names = [f"bench_{i}" for i in range(sensors)]
        plant = Plant(seed=7, assets=names)
        self.batch = [
            Reading(
                sensor_id=names[i % sensors],
                timestamp=now,
                values=plant.sample(names[i % sensors], float(i)),
                source="bench",
            )
            for i in range(FEED_BATCH)
        ]

    async def _feed(self, seconds: float) -> dict[str, Any]:
        pipeline = self.gw.pipeline
        sinks = self.gw.sinks
        history = self.gw.health.get("history")
        sent0, hist0 = pipeline.health.sent, history.sent
        drop0 = pipeline.health.dropped + sum(s.health.dropped for s in sinks)
        fed = 0
        t0 = time.monotonic()
        while time.monotonic() - t0 < seconds:
            # Back-pressure from the slowest sink too: what is measured is kept up with,
            # end to end, without a loss.
            if (
                pipeline.depth < FEED_DEPTH
                and max((s.depth for s in sinks), default=0) < SINK_DEPTH
            ):
                pipeline.submit(self.batch)
                fed += len(self.batch)
            await asyncio.sleep(0)
        fed_for = time.monotonic() - t0
        model_rate = (pipeline.health.sent - sent0) / fed_for
        # End to end: until the history holds every reading fed (it writes in large
        # batches, so its counter alone moves in steps).
        # The counter belongs to the history sink, which signals nothing: poll it.
        while history.sent - hist0 < fed and time.monotonic() - t0 < seconds + 60:  # noqa: ASYNC110
            await asyncio.sleep(0.01)
        return {
            "fed": fed,
            "pipeline_per_s": model_rate,
            "readings_per_s": (history.sent - hist0) / (time.monotonic() - t0),
            "dropped": pipeline.health.dropped + sum(s.health.dropped for s in sinks) - drop0,
        }

    def run(self, loop: asyncio.AbstractEventLoop, seconds: float) -> dict[str, Any]:
        return asyncio.run_coroutine_threadsafe(self._feed(seconds), loop).result(seconds + 120)


def settle(gw: Any, timeout: float = 60.0) -> None:
    """Wait until the pipeline and the sinks drained what the last phase left queued.

    Not to zero: the simulator keeps feeding, and a sink's batch stays counted in its queue
    until its handler returned (the history sink's includes its pause between commits).
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if gw.pipeline.depth < 100 and all(s.depth < 100 for s in gw.sinks):
            return
        time.sleep(0.2)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--sensors", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument(
        "--cpu-share",
        type=float,
        default=None,
        help="web.cpu_share of the gateway (default: the config's default)",
    )
    ap.add_argument(
        "--every",
        type=float,
        default=1.0,
        help="seconds between one client's calls in the paced phase",
    )
    ap.add_argument("--json", type=Path)
    ap.add_argument("--load-only", metavar="URL", help=argparse.SUPPRESS)
    ap.add_argument("--token", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.load_only:
        print(json.dumps(load(args.load_only, args.token, args.clients, args.seconds, args.every)))
        return 0

    import logging

    from tests.support.web import RunningGateway

    logging.basicConfig(level=logging.WARNING)
    results: dict[str, Any] = {
        "seconds": args.seconds,
        "clients": args.clients,
        "cpu_share": args.cpu_share,
    }
    with tempfile.TemporaryDirectory() as tmp:
        extra = {"web": {"cpu_share": args.cpu_share}} if args.cpu_share else None
        gw = RunningGateway(
            Path(tmp) / "data", assets=2, web=extra["web"] if extra else None
        ).start()
        try:
            token = gw.admin(PASSWORD)["Authorization"].removeprefix("Bearer ")
            gateway = gw.gateway
            results["model"] = gateway.facade.model_info().get("name")
            loop = gateway.facade.loop
            feeder = Feeder(gateway, args.sensors)
            time.sleep(2)  # the simulator's first polls, the sinks' start

            rounds = []
            for _ in range(args.rounds):
                # The phases run interleaved, round after round, so that load from other
                # processes on this shared machine hits them alike.
                one: dict[str, Any] = {"ingest_alone": feeder.run(loop, args.seconds)}
                settle(gateway)
                one["ui_alone"] = run_load(gw.url, token, args.clients, args.seconds)
                settle(gateway)
                both: dict[str, Any] = {}
                t = threading.Thread(
                    target=lambda b=both: b.setdefault(
                        "ui", run_load(gw.url, token, args.clients, args.seconds)
                    )
                )
                t.start()
                time.sleep(0.5)  # the clients are connected and busy before the feeder starts
                both["ingest"] = feeder.run(loop, args.seconds - 1.0)
                t.join()
                one["both"] = both
                settle(gateway)
                paced: dict[str, Any] = {}
                t = threading.Thread(
                    target=lambda b=paced: b.setdefault(
                        "ui", run_load(gw.url, token, args.clients, args.seconds, args.every)
                    )
                )
                t.start()
                time.sleep(0.5)
                paced["ingest"] = feeder.run(loop, args.seconds - 1.0)
                t.join()
                one["paced"] = paced
                settle(gateway)
                rounds.append(one)
            results["rounds"] = rounds
        finally:
            gw.stop()

    def med(get: Any) -> float:
        return float(statistics.median(get(r) for r in results["rounds"]))

    ia = {
        k: med(lambda r, k=k: r["ingest_alone"][k])
        for k in ("readings_per_s", "pipeline_per_s", "dropped")
    }
    ib = {
        k: med(lambda r, k=k: r["both"]["ingest"][k])
        for k in ("readings_per_s", "pipeline_per_s", "dropped")
    }
    keys = ("rps", "p50_ms", "p99_ms", "errors", "load_tool_cpu")
    ua = {k: med(lambda r, k=k: r["ui_alone"][k]) for k in keys}
    ub = {k: med(lambda r, k=k: r["both"]["ui"][k]) for k in keys}
    results["median"] = {
        "ingest_alone": ia,
        "ingest_with_ui": ib,
        "ui_alone": ua,
        "ui_with_ingest": ub,
    }
    ip = {
        k: med(lambda r, k=k: r["paced"]["ingest"][k])
        for k in ("readings_per_s", "pipeline_per_s", "dropped")
    }
    up = {k: med(lambda r, k=k: r["paced"]["ui"][k]) for k in keys}
    results["median"].update(ingest_with_paced_ui=ip, paced_ui_with_ingest=up)
    results["ratios"] = {
        "ingest_with_paced_ui_vs_alone": med(
            lambda r: r["paced"]["ingest"]["readings_per_s"] / r["ingest_alone"]["readings_per_s"]
        ),
        "ingest_with_ui_load_vs_alone": med(
            lambda r: r["both"]["ingest"]["readings_per_s"] / r["ingest_alone"]["readings_per_s"]
        ),
        "dashboard_rps_with_ingest_vs_alone": med(
            lambda r: r["both"]["ui"]["rps"] / r["ui_alone"]["rps"]
        ),
    }
    pages = ROOT / "test-artifacts" / "page-load-times.json"
    if pages.exists():
        results["page_load_ms"] = {
            k: round(v["load_ms"], 1) for k, v in json.loads(pages.read_text()).items()
        }

    print(
        f"model: {results['model']}; {args.clients} dashboard clients; "
        f"{args.seconds:g} s per phase; medians of {args.rounds} rounds"
    )
    print(f"{'':34} {'alone':>14} {'together':>14} {'ratio':>7}")
    ratios = results["ratios"]
    print(
        f"{'ingest, end to end (readings/s)':34} {ia['readings_per_s']:14,.0f} "
        f"{ib['readings_per_s']:14,.0f} {ratios['ingest_with_ui_load_vs_alone']:7.2f}"
    )
    print(
        f"{'  through the model (readings/s)':34} {ia['pipeline_per_s']:14,.0f} "
        f"{ib['pipeline_per_s']:14,.0f}"
    )
    print(
        f"{'GET /dashboard (requests/s)':34} {ua['rps']:14,.1f} {ub['rps']:14,.1f} "
        f"{results['ratios']['dashboard_rps_with_ingest_vs_alone']:7.2f}"
    )
    print(
        f"{'  p50 / p99 latency (ms)':34} {ua['p50_ms']:6.1f} /{ua['p99_ms']:6.1f} "
        f"{ub['p50_ms']:6.1f} /{ub['p99_ms']:6.1f}"
    )
    print(f"{'  errors':34} {ua['errors']:14.0f} {ub['errors']:14.0f}")
    print(f"{'  load tool CPU (cores)':34} {ua['load_tool_cpu']:14.2f} {ub['load_tool_cpu']:14.2f}")
    print(
        f"paced: {args.clients} screens polling every {args.every:g} s "
        f"({up['rps']:.1f} requests/s, p99 {up['p99_ms']:.0f} ms): "
        f"ingest {ip['readings_per_s']:,.0f} readings/s, "
        f"{results['ratios']['ingest_with_paced_ui_vs_alone']:.2f} of alone"
    )
    print(
        f"dropped readings: alone {ia['dropped']:.0f}, together {ib['dropped']:.0f}, "
        f"paced {ip['dropped']:.0f}"
    )
    if "page_load_ms" in results:
        print(
            "page load (browser test, ms): "
            + ", ".join(f"{k} {v}" for k, v in results["page_load_ms"].items())
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
