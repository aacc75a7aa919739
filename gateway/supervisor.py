"""Supervision of long-lived tasks: restart with capped, jittered backoff; log once down, once up.

A source or sink exposes ``async run()`` that returns or raises when its link is lost;
the supervisor owns the retry policy. This is the one place where ``except Exception``
is allowed: whatever a component raises is logged with its traceback and retried, so
one broken device can never take the gateway down.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from gateway.health import ComponentHealth

log = logging.getLogger("gateway.supervisor")


@dataclass(frozen=True, slots=True)
class Backoff:
    """Exponential backoff with full jitter, never zero (pymodbus busy-loops at 0)."""

    initial: float = 0.5
    maximum: float = 30.0
    factor: float = 2.0
    jitter: float = 0.2  # +-20 %

    def delay(self, attempt: int) -> float:
        base = min(self.maximum, self.initial * self.factor ** max(0, attempt))
        return max(0.05, base * (1 + random.uniform(-self.jitter, self.jitter)))


# Tests shorten every backoff with this switch (stamina's set_testing idea).
_TEST_SCALE = 1.0


def set_testing(scale: float) -> None:
    """Scale every backoff delay by ``scale`` (1.0 restores production delays)."""
    global _TEST_SCALE
    _TEST_SCALE = scale


async def supervise(
    run: Callable[[], Awaitable[None]],
    health: ComponentHealth,
    backoff: Backoff = Backoff(),
    *,
    healthy_after: float = 10.0,
) -> None:
    """Run ``run()`` forever; on return or error, mark down, wait, and run again.

    The attempt counter resets when a run lasted ``healthy_after`` seconds, so a link
    that flaps once a day retries quickly, and a device that is gone settles at the cap.
    """
    loop = asyncio.get_running_loop()
    attempt = 0
    while True:
        started = loop.time()
        try:
            await run()
            _stop_if_cancelled(health)  # a library swallowed our cancellation
            health.down("ended")
        except asyncio.CancelledError:
            health.state = "stopped"
            raise
        except Exception as err:  # the supervisor is the catch-all by design
            _stop_if_cancelled(health)  # a library turned our cancellation into an error
            if health.state != "down":
                log.warning(
                    "%s failed", health.name, exc_info=err, extra={"component": health.name}
                )
            health.down(err)
        if loop.time() - started >= healthy_after:
            attempt = 0
        delay = backoff.delay(attempt) * _TEST_SCALE
        attempt += 1
        health.reconnects += 1
        health.extra["next_attempt_in"] = round(delay, 2)
        await asyncio.sleep(delay)


def _stop_if_cancelled(health: ComponentHealth) -> None:
    """Raise CancelledError when this task was asked to stop, whatever ``run`` made of it.

    Libraries can swallow a cancellation (Python 3.11's ``wait_for`` loses one that
    meets its inner future's completion) or turn it into their own error; running the
    component again would then keep the gateway from ever stopping.
    """
    task = asyncio.current_task()
    if task is not None and task.cancelling():
        health.state = "stopped"
        raise asyncio.CancelledError


async def cancel_and_wait(tasks: list[asyncio.Task[None]], every: float = 1.0) -> None:
    """Cancel the tasks and wait for their end, cancelling again those that go on.

    A task whose code swallowed the first cancellation is cancelled again each ``every``
    seconds, so a stop never waits on a library's mistake forever.
    """
    pending = {t for t in tasks if not t.done()}
    while pending:
        for t in pending:
            t.cancel()
        _, pending = await asyncio.wait(pending, timeout=every)
