"""The history sink: scored readings, and changes of asset state, into the SQLite history."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from gateway.health import ComponentHealth
from gateway.records import Scored
from gateway.sinks.base import QueuedSink
from gateway.state.history import DiskFull, History

if TYPE_CHECKING:
    from gateway.sinks.registry import SinkContext

# Seconds the history gathers readings between commits when it is where MQTT
# acknowledgements wait (the broker's in-flight window waits on it).
ACK_COMMIT_INTERVAL = 0.02
# Readings per commit at most. A full batch is followed by the next at once, so under
# load the history commits continuously and holds about what arrives during one commit
# (each queued reading costs about 2 KB).
MAX_BATCH = 4096
# Between commits the history gathers readings for ``commit_interval`` or until this many
# wait, whichever comes first: light loads commit seldom, and a flood does not pile up
# half a second of readings (10,000 at 20,000/s: 20 MB) only to save transactions.
GATHER = 1024
# Changes of asset state waiting for the next commit, at most (a full disk: then counted).
MAX_PENDING_STATES = 10_000


class HistorySink(QueuedSink[Scored]):
    """Writes scored readings into the history in batches, off the event loop."""

    name = "history"

    def __init__(
        self,
        history: History,
        health: ComponentHealth,
        *,
        max_queue: int,
        commit_interval: float = 0.5,
    ) -> None:
        super().__init__(health, max_queue=max_queue, max_batch=MAX_BATCH)
        self.history = history
        self.commit_interval = commit_interval
        self._states: list[dict[str, Any]] = []

    def on_event(self, kind: str, payload: dict[str, Any]) -> None:
        """An asset changed state (gateway.assets): recorded with the next commit."""
        if kind != "asset.state":
            return
        if len(self._states) >= MAX_PENDING_STATES:
            self.health.dropped += 1
            return
        self._states.append(payload)
        self.queue.poke()

    async def handle(self, batch: list[Scored]) -> None:
        states, self._states = self._states, []
        settled = False
        try:
            await asyncio.to_thread(self.history.write, batch, states)
            settled = True
        except DiskFull as err:
            # A full disk refuses history writes; ingest, alerts and upstream go on.
            settled = True
            self.health.dropped += len(batch) + len(states)
            self.health.error(f"history not written: {err}")
            self.health.extra["disk_full"] = True
            return
        finally:
            if not settled:
                self._states[:0] = states  # another error: retried with the batch
        self.health.extra["disk_full"] = False
        await self._gather(len(batch))

    async def _gather(self, held: int) -> None:
        """Wait, before the next commit, ``commit_interval`` or until ``GATHER`` more
        readings are queued beyond the ``held`` ones just written (still in the queue).
        Not while the sources are held back (gateway.pressure): nothing more comes until
        a queue, maybe this one, is written down."""
        queue = self.queue
        pressure = queue.pressure
        if held >= self.max_batch or (pressure is not None and pressure.holding):
            return
        try:
            async with asyncio.timeout(self.commit_interval):
                while len(queue) - held < GATHER:
                    await queue.wait_beyond(held + GATHER - 1)
                    if pressure is not None and pressure.holding:
                        return
        except TimeoutError:
            pass


def build_sink(ctx: SinkContext) -> HistorySink | None:
    history = ctx.history  # opened by the runtime: the web UI queries it too
    if history is None:
        return None
    interval = ctx.config.history.commit_interval
    if history.fsync:
        # The history is where MQTT acknowledgements wait: commit often.
        interval = min(interval, ACK_COMMIT_INTERVAL)
    sink = HistorySink(
        history,
        ctx.health.register("history", "sink", "sqlite"),
        max_queue=ctx.config.pipeline.sink_queue_size,
        commit_interval=interval,
    )
    ctx.events.subscribe(sink.on_event)
    return sink
