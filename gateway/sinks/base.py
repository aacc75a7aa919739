"""The queued sink: a bounded queue per sink so a slow sink never stalls ingestion.

``offer()`` is called by the pipeline on the event loop and never blocks: when the
queue (gateway.queue) is full the newest batch is dropped and counted
(``health.dropped``). ``run()`` (supervised) takes what is waiting, up to
``max_batch`` items, and hands it to ``handle()``; items leave the queue only after
``handle()`` returned, so a failure is retried after the supervisor's backoff rather
than lost.

A sink with work beside its queue (a sender, a delivery worker, a timer) starts it in
``start()`` with ``self.spawn(name, run, health)``: the runtime points ``spawn`` at its
TaskGroup, so the helper runs under the supervisor there like every other task; a sink
run alone (in a test) spawns on the running loop.

The sink that is the gateway's first durable copy of a reading gets ``marks``
(gateway.commits): as its batches commit, the tickets they carry move the pipeline's
watermark, which releases the acknowledgements sources owe their peers.
"""

from __future__ import annotations

import abc
import asyncio
import time
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from typing import Any, Generic, TypeVar

from gateway.commits import CommitMarks
from gateway.health import ComponentHealth
from gateway.queue import BoundedQueue
from gateway.supervisor import Backoff, supervise

T = TypeVar("T")

# Starts a named long-lived coroutine: the runtime's TaskGroup, else the running loop.
Spawn = Callable[[str, Coroutine[Any, Any, None]], "asyncio.Task[None]"]


def spawn_on_loop(name: str, coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
    return asyncio.get_running_loop().create_task(coro, name=name)


class QueuedSink(abc.ABC, Generic[T]):
    name: str = "sink"

    def __init__(self, health: ComponentHealth, *, max_queue: int, max_batch: int = 4096) -> None:
        self.health = health
        self.max_queue = max_queue
        self.max_batch = max_batch
        self.queue: BoundedQueue[T] = BoundedQueue(max_queue, health)
        self.spawn: Spawn = spawn_on_loop

    @property
    def marks(self) -> CommitMarks | None:
        """Set on the gateway's first durable copy (gateway.commits)."""
        return self.queue.marks

    @marks.setter
    def marks(self, marks: CommitMarks | None) -> None:
        self.queue.marks = marks

    @property
    def depth(self) -> int:
        return len(self.queue)

    def offer(self, items: Sequence[T], ticket: int = 0) -> None:
        """Queue a batch; ``ticket`` is the pipeline's number of its last reading."""
        self.queue.extend(items, ticket)

    def supervised(
        self,
        name: str,
        run: Callable[[], Awaitable[None]],
        health: ComponentHealth,
        backoff: Backoff | None = None,
    ) -> asyncio.Task[None]:
        """Start a helper task under the supervisor, named ``<sink>:<name>``."""
        return self.spawn(f"{self.name}:{name}", supervise(run, health, backoff or Backoff()))

    def _taken(self, n: int) -> None:
        """The oldest ``n`` items were handled: off the queue, counted, committed."""
        self.queue.done(n)
        self.health.sent += n
        self.health.extra["last_write"] = time.time()

    async def run(self) -> None:
        await self.start()
        self.health.up()
        queue = self.queue
        try:
            while True:
                await queue.wait()
                n = min(len(queue), self.max_batch)
                await self.handle(queue.peek(n))
                self._taken(n)
        finally:
            await self.stop()

    async def flush(self, timeout: float) -> bool:
        """Wait until the queue is empty; False when the deadline passed first."""
        return await self.queue.wait_idle(timeout)

    async def start(self) -> None:
        """Open connections or files, start helpers; called at the start of each run."""

    async def stop(self) -> None:
        """Release what ``start`` opened; called when the run ends for any reason."""

    @abc.abstractmethod
    async def handle(self, batch: list[T]) -> None:
        """Write one batch; raise to have it retried after backoff."""
