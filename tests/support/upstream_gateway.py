"""A gateway process for the upstream tests: a real Gateway from a config, fed by a generator.

``python -m tests.support.upstream_gateway CONFIG --rate 60 --assets 3 --run 1``

Runs ``gateway.runtime.Gateway`` (no sources: the generator submits into the pipeline)
and prints JSON lines on stdout:

- ``{"ready": true}`` once the gateway runs;
- ``{"committed": {"asset": seq, ...}}`` whenever the outbox's last sequence number of
  an asset moved: every message up to it is on disk (what the sink acknowledged);
- ``{"fed": n}`` when feeding stops, and ``{"stats": {...}}`` at a clean exit.

Lines on stdin: ``stop-feed`` stops the generator, ``quit`` stops the gateway cleanly;
with ``--hold`` the generator waits for ``start-feed``.
The readings come from the plant simulator (deterministic in the run, asset and
index), with two extra values the tests check: ``test.n`` (the index per asset) and
``test.run``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import threading
import time
from typing import Any

from gateway import supervisor
from gateway.config import load_config
from gateway.records import Reading
from gateway.runtime import Gateway
from gateway.simulator import Plant


def say(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def _stdin_commands(loop: asyncio.AbstractEventLoop, commands: asyncio.Queue[str]) -> None:
    for line in sys.stdin:
        loop.call_soon_threadsafe(commands.put_nowait, line.strip())
    loop.call_soon_threadsafe(commands.put_nowait, "eof")


async def feed(gw: Gateway, rate: float, assets: list[str], run: int, stop: asyncio.Event) -> int:
    plant = Plant(seed=run, assets=assets)
    counters = dict.fromkeys(assets, 0)
    step = 0.05
    t0 = time.time()
    due = 0.0
    fed = 0
    while not stop.is_set():
        due += rate * step
        batch: list[Reading] = []
        while due >= 1:
            due -= 1
            a = assets[fed % len(assets)]
            counters[a] += 1
            now = time.time()
            values = plant.sample(a, now - t0)
            values["test.n"] = float(counters[a])
            values["test.run"] = float(run)
            batch.append(Reading(a, now, values, source="test", received=now))
            fed += 1
        if batch:
            assert gw.pipeline is not None
            gw.pipeline.submit(batch)
        await asyncio.sleep(step)
    return fed


async def report(gw: Gateway, assets: list[str]) -> None:
    last: dict[str, int] = {}
    while True:
        sink = next((s for s in gw.sinks if s.name == "upstream"), None)
        outbox = getattr(sink, "outbox", None)
        if outbox is not None:
            now = {a: outbox.seq(a) for a in assets}
            if now != last:
                last = now
                say({"committed": now})
        await asyncio.sleep(0.02)


async def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("config")
    ap.add_argument("--rate", type=float, default=60.0)
    ap.add_argument("--assets", type=int, default=3)
    ap.add_argument("--run", type=int, default=1)
    ap.add_argument("--hold", action="store_true", help="feed only after start-feed")
    args = ap.parse_args()
    # The upstream link's reconnect backoff at a tenth, as in the in-process tests.
    supervisor.set_testing(0.1)
    cfg = load_config(args.config, environ={})
    assets = [f"pump_{i + 1}" for i in range(args.assets)]
    gw = Gateway(cfg)
    loop = asyncio.get_running_loop()
    commands: asyncio.Queue[str] = asyncio.Queue()
    threading.Thread(target=_stdin_commands, args=(loop, commands), daemon=True).start()
    runner = asyncio.create_task(gw.run(install_signals=True))
    while not gw.ready.is_set():
        if runner.done():
            await runner
            return
        await asyncio.sleep(0.01)
    say({"ready": True})
    stop_feed = asyncio.Event()
    go = asyncio.Event()
    if not args.hold:
        go.set()

    async def feeder_task() -> int:
        await go.wait()
        return await feed(gw, args.rate, assets, args.run, stop_feed)

    feeder = asyncio.create_task(feeder_task())
    reporter = asyncio.create_task(report(gw, assets))
    while not runner.done():
        get = asyncio.create_task(commands.get())
        await asyncio.wait({get, runner}, return_when=asyncio.FIRST_COMPLETED)
        if not get.done():
            get.cancel()
            break
        cmd = get.result()
        if cmd == "start-feed":
            go.set()
        elif cmd == "stop-feed":
            stop_feed.set()
            say({"fed": await feeder})
        elif cmd in ("quit", "eof"):
            stop_feed.set()
            go.set()
            await feeder
            await asyncio.sleep(0.1)  # one more report
            gw.request_stop()
            break
    await runner
    reporter.cancel()
    up = gw.health.get("upstream")
    link = gw.health.get("upstream-link")
    say(
        {
            "stats": {
                "upstream": up.snapshot() if up else None,
                "link": link.snapshot() if link else None,
            }
        }
    )


if __name__ == "__main__":
    asyncio.run(main())
