"""A source's write channel: requests queued to the task that owns its connection.

A source's ``run()`` serves the channel while its link is up (``async with
channel.serving(handler)``); the handler runs in one task of that run, one batch at a
time, on the same client and under the same bus lock as the polls, so a write never
opens a second connection and an RS-485 bus never sees two masters. While the link is
down ``submit`` fails at once with ``WriteUnavailable`` (nothing was sent); batches still
queued when the link ends fail the same way.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable

from gateway.writes.ops import OpResult, WriteError, WriteOp, WriteUnavailable

log = logging.getLogger("gateway.writes")

Handler = Callable[[list[WriteOp]], Awaitable[list[OpResult]]]
_Job = tuple[list[WriteOp], "asyncio.Future[list[OpResult]]"]


class WriteChannel:
    def __init__(self, name: str) -> None:
        self.name = name
        self._queue: asyncio.Queue[_Job] | None = None
        self.batches = 0  # served since start

    @property
    def open(self) -> bool:
        return self._queue is not None

    async def submit(self, ops: list[WriteOp]) -> list[OpResult]:
        """Queue a batch to the connection and wait for its results."""
        queue = self._queue
        if queue is None:
            raise WriteUnavailable(f"source {self.name} is not connected")
        future: asyncio.Future[list[OpResult]] = asyncio.get_running_loop().create_future()
        queue.put_nowait((ops, future))
        return await future

    @contextlib.asynccontextmanager
    async def serving(self, handler: Handler, *, enabled: bool = True) -> AsyncIterator[None]:
        """Serve the channel with ``handler`` for as long as the block runs (a source
        with nothing writable passes ``enabled=False``: no task, the channel stays shut)."""
        if not enabled:
            yield
            return
        queue: asyncio.Queue[_Job] = asyncio.Queue()
        self._queue = queue
        task = asyncio.create_task(self._serve(queue, handler), name=f"writes:{self.name}")
        task.add_done_callback(self._served)
        try:
            yield
        finally:
            self._queue = None
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            _fail(queue, "the connection ended before the write was sent")

    async def _serve(self, queue: asyncio.Queue[_Job], handler: Handler) -> None:
        while True:
            ops, future = await queue.get()
            if future.done():
                continue  # the caller gave up waiting
            try:
                results = await handler(ops)
            except WriteError as err:
                # Refused values, or the link lost (the source's run notices that itself).
                _settle(future, err)
            except asyncio.CancelledError:
                _settle(future, WriteError("the connection ended during the write"))
                raise
            else:
                self.batches += 1
                if not future.done():
                    future.set_result(results)

    def _served(self, task: asyncio.Task[None]) -> None:
        if task.cancelled() or task.exception() is None:
            return
        # A bug in a handler: no write can be served on this link any more.
        log.error("source %s: the write channel failed", self.name, exc_info=task.exception())
        queue, self._queue = self._queue, None
        if queue is not None:
            _fail(queue, "the source's write channel failed")


def _settle(future: asyncio.Future[list[OpResult]], err: BaseException) -> None:
    if not future.done():
        future.set_exception(err)


def _fail(queue: asyncio.Queue[_Job], why: str) -> None:
    while not queue.empty():
        _ops, future = queue.get_nowait()
        _settle(future, WriteUnavailable(why))
