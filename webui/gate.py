"""The UI's share of the interpreter: few requests at a time, and a cap on their CPU time.

The web threads and the event loop that carries ingestion share one interpreter, and
Python runs one thread at a time. Measured without a cap (bench/bench_web.py), eight
clients calling ``GET /dashboard`` back to back cut end-to-end ingest to a third. The gate
lets ``concurrency`` requests work at once and, after each, stays closed long enough that
the UI's CPU time stays under ``share`` of the wall clock: a request that used 2 ms of CPU
at ``share`` 0.25 holds the next one back 6 ms. A few screens polling every few seconds
never notice; a flood of requests queues instead of starving the plant's data.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator


class RequestGate:
    def __init__(self, concurrency: int, share: float) -> None:
        self._slots = threading.BoundedSemaphore(concurrency)
        self._pause = 1.0 / share - 1.0
        self._lock = threading.Lock()
        self._next = 0.0  # monotonic time before which no request starts

    def enter(self, timeout: float) -> float | None:
        """Wait for a turn; the thread's CPU clock at the start, or None after ``timeout``."""
        deadline = time.monotonic() + timeout
        if not self._slots.acquire(timeout=timeout):
            return None
        with self._lock:
            wait = self._next - time.monotonic()
        if wait > 0:
            if time.monotonic() + wait > deadline:
                self._slots.release()
                return None
            time.sleep(wait)
        return time.thread_time()

    @contextlib.contextmanager
    def stepped_out(self) -> Iterator[None]:
        """Give the turn away while waiting on something else (a delivery, a model build)."""
        self._slots.release()
        try:
            yield
        finally:
            self._slots.acquire()

    def leave(self, cpu_start: float) -> None:
        used = max(0.0, time.thread_time() - cpu_start)
        with self._lock:
            self._next = max(self._next, time.monotonic()) + used * self._pause
        self._slots.release()
