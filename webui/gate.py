"""The UI's share of the interpreter: few requests at a time, a cap on their CPU time, fair turns.

The web threads and the event loop that carries ingestion share one interpreter, and
Python runs one thread at a time. Measured without a cap (bench/bench_web.py), eight
clients calling ``GET /dashboard`` back to back cut end-to-end ingest to a third. The gate
lets ``concurrency`` requests work at once and, after each, stays closed long enough that
the UI's CPU time stays under ``share`` of the wall clock: a request that used 2 ms of CPU
at ``share`` 0.25 holds the next one back 6 ms. A few screens polling every few seconds
never notice; a flood of requests queues instead of starving the plant's data.

Who goes next is not the order of arrival: a request carrying a signed session or token
first, then the one whose client address was let in longest ago (webui.serverguard
orders the worker threads the same way). Under a flood of logins from 48 addresses the
admin's, from a fresh address, is next in line.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(order=True)
class _Waiter:
    rank: tuple[int, float, int]
    key: str = field(compare=False)


class RequestGate:
    MAX_REMEMBERED = 4096  # addresses whose last turn is remembered (oldest forgotten)

    def __init__(self, concurrency: int, share: float) -> None:
        self._free = concurrency
        self._pause = 1.0 / share - 1.0
        self._cond = threading.Condition()
        self._waiting: list[_Waiter] = []
        self._served: dict[str, float] = {}
        self._order = itertools.count()
        self._next = 0.0  # monotonic time before which no request starts

    def enter(self, timeout: float, key: str = "", urgent: bool = False) -> float | None:
        """Wait for a turn; the thread's CPU clock at the start, or None after ``timeout``."""
        deadline = time.monotonic() + timeout
        with self._cond:
            me = self._join(key, urgent)
            try:
                while True:
                    now = time.monotonic()
                    if self._free > 0 and min(self._waiting) is me and now >= self._next:
                        self._free -= 1
                        self._served[key] = now
                        self._forget()
                        return time.thread_time()
                    if now >= deadline:
                        return None
                    until = self._next if self._free > 0 and min(self._waiting) is me else deadline
                    self._cond.wait(max(0.001, min(until, deadline) - now))
            finally:
                self._waiting.remove(me)
                self._cond.notify_all()

    def _join(self, key: str, urgent: bool) -> _Waiter:
        rank = (0 if urgent else 1, self._served.get(key, 0.0), next(self._order))
        me = _Waiter(rank, key)
        self._waiting.append(me)
        return me

    def _forget(self) -> None:
        if len(self._served) > self.MAX_REMEMBERED:
            for key in sorted(self._served, key=self._served.__getitem__)[: len(self._served) // 2]:
                del self._served[key]

    @contextlib.contextmanager
    def stepped_out(self) -> Iterator[None]:
        """Give the turn away while waiting on something else (a delivery, a model build)."""
        with self._cond:
            self._free += 1
            self._cond.notify_all()
        try:
            yield
        finally:
            with self._cond:
                me = self._join("", urgent=True)
                try:
                    while not (self._free > 0 and min(self._waiting) is me):
                        self._cond.wait()
                    self._free -= 1
                finally:
                    self._waiting.remove(me)
                    self._cond.notify_all()

    def leave(self, cpu_start: float) -> None:
        used = max(0.0, time.thread_time() - cpu_start)
        with self._cond:
            self._next = max(self._next, time.monotonic()) + used * self._pause
            self._free += 1
            self._cond.notify_all()
