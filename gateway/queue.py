"""The bounded queue of the pipeline and of every sink: counted drops, wake and idle events.

``extend()`` never blocks: what does not fit under ``limit`` (the newest items) is
dropped and counted in ``health.dropped``; what fits is counted in
``health.received``. A consumer waits with ``wait()`` while the queue is empty (the
queue is *idle* then, which ``wait_idle()`` reports to a drain or a flush), looks at
the oldest items with ``peek()`` and takes them with ``take()`` (at once) or
``done()`` (after handling them, so a failure leaves them queued for the retry). A
consumer that handles several batches at once (the upstream's pipelined commits) peeks
past those it holds (``peek(n, skip)``) and waits for more with ``wait_beyond()``.

``marks`` (gateway.commits) is set on the queue of the gateway's first durable copy:
each batch appended with a ticket records where it ends, and ``done()`` commits the
tickets of the items handled. ``pressure`` (gateway.pressure) is told when the queue
grows past its high mark and when it shrinks again.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Sequence
from itertools import islice
from typing import Generic, TypeVar

from gateway.commits import CommitMarks
from gateway.health import ComponentHealth
from gateway.pressure import Pressure

T = TypeVar("T")


class BoundedQueue(Generic[T]):
    def __init__(self, limit: int, health: ComponentHealth) -> None:
        self.limit = limit
        self.health = health
        self.items: deque[T] = deque()
        self.marks: CommitMarks | None = None
        self.pressure: Pressure | None = None
        self._deep = False  # past the pressure's high mark, holding the sources
        self._wake = asyncio.Event()
        self._idle = asyncio.Event()
        self._idle.set()

    def __len__(self) -> int:
        return len(self.items)

    def extend(self, items: Sequence[T], ticket: int = 0) -> int:
        """Append what fits; returns how many were appended. ``ticket``: the pipeline's
        number of the batch's last reading (gateway.commits), 0 when it has none."""
        room = self.limit - len(self.items)
        if room < len(items):
            self.health.dropped += len(items) - max(room, 0)
            items = items[: max(room, 0)]
        n = len(items)
        if n:
            self.items.extend(items)
            self.health.received += n
        if self.marks is not None and ticket:
            self.marks.offered(n, ticket)
        if n:
            pressure = self.pressure
            if pressure is not None and not self._deep and len(self.items) > pressure.high:
                self._deep = pressure.deep(self)
            self.poke()
        return n

    def poke(self) -> None:
        """Wake the consumer: there is work (items, or something beside the queue)."""
        if not self._wake.is_set():
            self._idle.clear()
            self._wake.set()

    async def wait(self, *, more: bool = False) -> None:
        """Return at once when items wait (or ``more``: other work); else mark the queue
        idle and sleep until ``extend()`` or ``poke()``."""
        if not self.items and not more:
            self._idle.set()
            self._wake.clear()
            await self._wake.wait()

    async def wait_beyond(self, n: int) -> None:
        """Sleep until more than ``n`` items wait, or ``poke()``; the queue is not idle
        meanwhile (a consumer that holds ``n`` items in hand, not yet ``done``)."""
        if len(self.items) <= n:
            self._wake.clear()
            await self._wake.wait()

    def peek(self, n: int, skip: int = 0) -> list[T]:
        """The oldest ``n`` items after the first ``skip``, left in the queue."""
        return list(islice(self.items, skip, skip + n))

    def take(self, n: int) -> list[T]:
        """The oldest ``n`` items, taken off the queue."""
        popleft = self.items.popleft
        out = [popleft() for _ in range(n)]
        if self._deep:
            self._ease()
        return out

    def done(self, n: int) -> None:
        """The oldest ``n`` items were handled: off the queue, committed."""
        popleft = self.items.popleft
        for _ in range(n):
            popleft()
        if self.marks is not None:
            self.marks.done(n)
        if self._deep:
            self._ease()

    def _ease(self) -> None:
        assert self.pressure is not None
        self._deep = self.pressure.eased(self)

    async def wait_idle(self, timeout: float) -> bool:
        """Wait until the consumer found the queue empty; False when the deadline passed."""
        try:
            async with asyncio.timeout(timeout):
                await self._idle.wait()
            return True
        except TimeoutError:
            return False
