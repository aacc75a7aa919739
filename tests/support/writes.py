"""A write rig: real sources, the write service and its audit, wired as the runtime wires them.

No model by default: every reading is kept as the runtime keeps an unscored one (live
values and asset states follow the readings), which is all the write service reads. A
test may give ``model`` (a reading to its prediction, standing in for the compiled
model) and sinks that are offered every scored batch (the alerts sink). Used by the
write tests and bench/bench_writes.py.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from gateway.assets import AssetStates
from gateway.config import parse_config
from gateway.events import EventHub
from gateway.health import ComponentHealth
from gateway.live import LiveState
from gateway.records import NO_MODEL, Prediction, Reading, Scored
from gateway.sinks.base import QueuedSink
from gateway.sources.base import Source, build_source
from gateway.state.writelog import WriteLog
from gateway.supervisor import Backoff, supervise
from gateway.writes.outcome import Actor, WriteOutcome
from gateway.writes.points import collect
from gateway.writes.service import WriteService

WRITE_FUNCTIONS = frozenset({5, 6, 15, 16, 23})


class Rig:
    def __init__(
        self,
        data_dir: Path,
        sources: list[dict[str, Any]],
        *,
        model: Callable[[Reading], Prediction | None] | None = None,
        **config: Any,
    ) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        self.config = parse_config(
            {"gateway": {"data_dir": str(data_dir)}, "sources": sources, **config}
        )
        self.events = EventHub()
        self.records: list[dict[str, Any]] = []
        self.events.subscribe(
            lambda kind, p: self.records.append(p) if kind == "write.record" else None
        )
        self.live = LiveState()
        self.assets = AssetStates(self.config.assets, events=self.events)
        self.readings: list[Reading] = []
        self.model = model
        self.sinks: list[QueuedSink[Scored]] = []
        self.sources: list[Source] = []
        for scfg in self.config.sources:
            health = ComponentHealth(scfg.name, "source", scfg.kind)
            source = build_source(scfg, self._emit, health, data_dir)
            default, known = source.expectations()
            self.assets.add_source(health, default=default, assets=known)
            self.sources.append(source)
        self.log = WriteLog(data_dir)
        self.service = WriteService(
            collect(self.config.sources),
            self.sources,
            config=self.config.writes,
            live=self.live,
            assets=self.assets,
            log=self.log,
            events=self.events,
        )

    def _emit(self, readings: list[Reading]) -> None:
        self.readings += readings
        scored = [self._score(r) for r in readings]
        self.assets.observe(scored)
        self.live.update(scored)
        for sink in self.sinks:
            sink.offer(scored)

    def _score(self, reading: Reading) -> Scored:
        prediction = self.model(reading) if self.model is not None else None
        return Scored(reading, prediction, None if prediction is not None else NO_MODEL)

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[Rig]:
        tasks = [
            asyncio.create_task(supervise(s.run, s.health, Backoff(initial=0.1, maximum=0.5)))
            for s in self.sources
        ]
        tasks.append(asyncio.create_task(self.assets.run(ComponentHealth("assets", "task"))))
        tasks += [asyncio.create_task(supervise(s.run, s.health)) for s in self.sinks]
        try:
            yield self
        finally:
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            self.log.close()

    async def connected(self, within: float = 15.0) -> None:
        """Every source serves its write channel and every asset is live."""
        from tests.support.wait import until

        await until(lambda: all(s.writes.open for s in self.sources), within, "sources connected")
        await until(
            lambda: all(a["state"] == "live" for a in self.assets.snapshot().values()),
            within,
            "assets live",
        )

    async def write(
        self,
        *pairs: tuple[str, Any],
        role: str = "operator",
        confirm: bool = False,
        dry_run: bool = False,
        who: str = "tester@plant.example",
    ) -> WriteOutcome:
        return await self.service.write(
            list(pairs), Actor(who, role, "test", "pytest"), confirm=confirm, dry_run=dry_run
        )
