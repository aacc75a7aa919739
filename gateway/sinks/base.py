"""The queued sink: a bounded queue per sink so a slow sink never stalls ingestion.

``offer()`` is called by the pipeline on the event loop and never blocks: when the
queue is full the newest batch is dropped and counted (``health.dropped``). ``run()``
(supervised) takes what is waiting, up to ``max_batch`` items, and hands it to
``handle()``; items leave the queue only after ``handle()`` returned, so a failure is
retried after the supervisor's backoff rather than lost.

The sink that is the gateway's first durable copy of a reading gets ``marks``
(gateway.commits): as its batches commit, the tickets they carry move the pipeline's
watermark, which releases the acknowledgements sources owe their peers.
"""

from __future__ import annotations

import abc
import asyncio
import time
from collections import deque
from collections.abc import Sequence
from typing import Generic, TypeVar

from gateway.commits import CommitMarks
from gateway.health import ComponentHealth

T = TypeVar("T")


def bounded_extend(queue: deque[T], items: Sequence[T], limit: int, health: ComponentHealth) -> int:
    """Append what fits under ``limit``; the newest that do not fit are dropped and counted.

    Returns how many were appended (also added to ``health.received``).
    """
    room = limit - len(queue)
    if room < len(items):
        health.dropped += len(items) - max(room, 0)
        items = items[: max(room, 0)]
    if items:
        queue.extend(items)
        health.received += len(items)
    return len(items)


class QueuedSink(abc.ABC, Generic[T]):
    name: str = "sink"

    def __init__(self, health: ComponentHealth, *, max_queue: int, max_batch: int = 4096) -> None:
        self.health = health
        self.max_queue = max_queue
        self.max_batch = max_batch
        self._queue: deque[T] = deque()
        self._wakeup = asyncio.Event()
        self._idle = asyncio.Event()
        self._idle.set()
        self.marks: CommitMarks | None = None  # set on the gateway's first durable copy

    @property
    def depth(self) -> int:
        return len(self._queue)

    def offer(self, items: Sequence[T], ticket: int = 0) -> None:
        """Queue a batch; ``ticket`` is the pipeline's number of its last reading."""
        appended = bounded_extend(self._queue, items, self.max_queue, self.health)
        if self.marks is not None and ticket:
            self.marks.offered(appended, ticket)
        if appended:
            self._idle.clear()
            self._wakeup.set()

    def _taken(self, n: int) -> None:
        """The oldest ``n`` items were handled: off the queue, counted, committed."""
        queue = self._queue
        for _ in range(n):
            queue.popleft()
        self.health.sent += n
        self.health.extra["last_write"] = time.time()
        if self.marks is not None:
            self.marks.done(n)

    async def run(self) -> None:
        await self.start()
        self.health.up()
        try:
            while True:
                if not self._queue:
                    self._idle.set()
                    self._wakeup.clear()
                    await self._wakeup.wait()
                n = min(len(self._queue), self.max_batch)
                batch = [self._queue[i] for i in range(n)]
                await self.handle(batch)
                self._taken(n)
        finally:
            await self.stop()

    async def flush(self, timeout: float) -> bool:
        """Wait until the queue is empty; False when the deadline passed first."""
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
            return True
        except TimeoutError:
            return False

    async def start(self) -> None:
        """Open connections or files; called at the start of each supervised run."""

    async def stop(self) -> None:
        """Release what ``start`` opened; called when the run ends for any reason."""

    @abc.abstractmethod
    async def handle(self, batch: list[T]) -> None:
        """Write one batch; raise to have it retried after backoff."""
