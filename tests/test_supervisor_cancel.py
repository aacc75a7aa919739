"""A stop reaches a supervised component even when a library swallows the cancellation.

Python 3.11's ``asyncio.wait_for`` can lose a cancellation that meets its inner future's
completion, and some libraries turn ``CancelledError`` into their own error; before this,
the supervisor then ran the component again and the gateway's stop waited forever (seen
once as a 30-s stop of the data-loss test's OPC UA source).
"""

from __future__ import annotations

import asyncio

from gateway.health import ComponentHealth
from gateway.supervisor import Backoff, cancel_and_wait, supervise


def _health() -> ComponentHealth:
    return ComponentHealth(name="flaky", kind="source")


async def test_a_cancellation_turned_into_an_error_still_stops_the_supervisor() -> None:
    runs = 0

    async def run() -> None:
        nonlocal runs
        runs += 1
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            raise ConnectionError("session closed") from None  # as a library may do

    health = _health()
    task = asyncio.create_task(supervise(run, health, Backoff(initial=0.05)))
    await asyncio.sleep(0.05)
    task.cancel()
    done, _ = await asyncio.wait({task}, timeout=5)
    assert done == {task} and task.cancelled()
    assert runs == 1 and health.state == "stopped"


async def test_a_cancellation_swallowed_by_run_still_stops_the_supervisor() -> None:
    async def run() -> None:
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            return  # swallowed: run simply returns

    health = _health()
    task = asyncio.create_task(supervise(run, health, Backoff(initial=0.05)))
    await asyncio.sleep(0.05)
    task.cancel()
    done, _ = await asyncio.wait({task}, timeout=5)
    assert done == {task} and task.cancelled() and health.state == "stopped"


async def test_cancel_and_wait_cancels_again_a_task_that_went_on() -> None:
    cancels = 0

    async def stubborn() -> None:
        nonlocal cancels
        while True:
            try:
                await asyncio.Event().wait()
            except asyncio.CancelledError:
                cancels += 1
                if cancels >= 2:
                    raise
                asyncio.current_task().uncancel()  # type: ignore[union-attr]

    task = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    await asyncio.wait_for(cancel_and_wait([task], every=0.05), 5)
    assert task.cancelled() and cancels == 2
